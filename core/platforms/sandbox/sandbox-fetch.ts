import { getResponse, type RequestHandler } from 'msw';

/**
 * A fetch that answers from sandbox handlers in-process, without patching the global fetch (so
 * Slack, Discord and the language model still go out untouched while demo stores sync). A
 * request no handler answers is an error, never a real network call.
 */
export function createSandboxFetch(handlers: readonly RequestHandler[]): typeof fetch {
  const list = [...handlers];
  return (async (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
    const request = new Request(input, init);
    if (request.signal.aborted) throw request.signal.reason ?? new DOMException('aborted', 'AbortError');
    const response = await getResponse(list, request);
    if (!response) throw new TypeError(`sandbox: no handler for ${request.method} ${request.url} (HelloWord never calls the real platform from the demo)`);
    return response;
  }) as typeof fetch;
}
