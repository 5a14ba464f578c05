import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';

export type Confirmation =
  | { outcome: 'confirmed' }
  | { outcome: 'declined' | 'cancelled' }
  /** The client cannot ask its user (no elicitation): the person must confirm elsewhere. */
  | { outcome: 'needs_out_of_band'; message: string };

/**
 * Asks the person using the MCP client to confirm a money action, through MCP elicitation when
 * the client supports it. Anything but an explicit "yes" is not a confirmation; a client that
 * cannot ask gets the out-of-band instruction (e.g. "helloword confirm p_123 --as <you>").
 * A money action tool must not execute unless this returns `confirmed` (and the person's role
 * allows it — checked by the action itself).
 */
export async function confirmWithPerson(server: McpServer, request: { message: string; outOfBand: string }): Promise<Confirmation> {
  if (!server.server.getClientCapabilities()?.elicitation) return { outcome: 'needs_out_of_band', message: request.outOfBand };
  try {
    const answer = await server.server.elicitInput({
      mode: 'form',
      message: request.message,
      requestedSchema: {
        type: 'object',
        properties: { confirm: { type: 'boolean', title: 'Confirm', description: 'Yes, do it' } },
        required: ['confirm'],
      },
    });
    if (answer.action === 'accept') return answer.content?.confirm === true ? { outcome: 'confirmed' } : { outcome: 'declined' };
    return { outcome: answer.action === 'decline' ? 'declined' : 'cancelled' };
  } catch {
    // The client said it could ask but did not answer (closed, timed out): confirm elsewhere.
    return { outcome: 'needs_out_of_band', message: request.outOfBand };
  }
}
