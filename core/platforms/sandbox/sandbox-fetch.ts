import { getResponse, type RequestHandler } from 'msw';

/**
 * A fetch that answers from sandbox handlers in-process, without patching the global fetch (so
 * Slack, Discord and the language model still go out untouched while demo stores sync). A
 * request no handler answers is an error, never a real network call. Like a real fetch, it
 * gives up when the request's signal aborts (a timeout), even while a slow handler is still busy.
 */
export function createSandboxFetch(handlers: readonly RequestHandler[]): typeof fetch {
  const list = [...handlers];
  return (async (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
    const request = new Request(input, init);
    const abortReason = () => request.signal.reason ?? new DOMException('aborted', 'AbortError');
    if (request.signal.aborted) throw abortReason();
    const answer = getResponse(list, request);
    const aborted = new Promise<never>((_, reject) => request.signal.addEventListener('abort', () => reject(abortReason()), { once: true }));
    // Whichever loses the race must not become an unhandled rejection.
    answer.catch(() => undefined);
    aborted.catch(() => undefined);
    const response = await Promise.race([answer, aborted]);
    if (!response) throw new TypeError(`sandbox: no handler for ${request.method} ${request.url} (HelloWord never calls the real platform from the demo)`);
    return response;
  }) as typeof fetch;
}
