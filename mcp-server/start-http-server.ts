import { randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import { AppError } from '../core/errors/app-error.ts';
import type { Log } from '../core/logging/create-logger.ts';

export interface McpHttpOptions {
  host: string;
  port: number;
  token: string;
  /** Most sessions kept at once; a client beyond that is told to retry later. */
  maxSessions?: number;
}

export interface McpHttpServer {
  url: string;
  port: number;
  sessions(): number;
  close(): Promise<void>;
}

const MAX_BODY = 4 * 1024 * 1024;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}
const rpcError = (code: number, message: string) => ({ jsonrpc: '2.0', error: { code, message }, id: null });

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Host and Origin must name this server: a web page on another site cannot reach it through DNS rebinding. */
function foreignRequest(req: IncomingMessage, options: McpHttpOptions, port: number): string | null {
  const host = (req.headers.host ?? '').toLowerCase();
  const hostName = host.replace(/:\d+$/, '');
  const loopbackBind = LOOPBACK.has(options.host);
  if (loopbackBind && (!LOOPBACK.has(hostName) || host !== `${hostName}:${port}`)) return `Host "${host}" is not this server`;
  const origin = req.headers.origin;
  if (origin) {
    let originHost = '';
    try {
      originHost = new URL(origin).host.toLowerCase();
    } catch {
      return `Origin "${origin}" is not a URL`;
    }
    if (originHost !== host) return `Origin "${origin}" is not this server`;
  }
  return null;
}

async function readJson(req: IncomingMessage): Promise<{ ok: true; body: unknown } | { ok: false; status: number; message: string }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) return { ok: false, status: 413, message: `The request body is over ${MAX_BODY / 1024 / 1024} MiB.` };
    chunks.push(chunk as Buffer);
  }
  try {
    return { ok: true, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) };
  } catch {
    return { ok: false, status: 400, message: 'Parse error: the request body is not JSON.' };
  }
}

/**
 * MCP over Streamable HTTP at http://<host>:<port>/mcp, with sessions as the SDK intends (one
 * transport and one server per session), a bearer token on every request, and Host/Origin
 * checks. A bad request gets a JSON-RPC error; other sessions carry on.
 */
export async function startMcpHttpServer(options: McpHttpOptions, makeServer: () => McpServer, log: Log): Promise<McpHttpServer> {
  const sessions = new Map<string, { transport: StreamableHTTPServerTransport; server: McpServer }>();
  let boundPort = options.port;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== '/mcp') return send(res, 404, { error: 'not_found', message: 'The MCP endpoint is /mcp.' });
    const foreign = foreignRequest(req, options, boundPort);
    if (foreign) return send(res, 403, rpcError(-32000, `Forbidden: ${foreign}.`));
    const auth = req.headers.authorization ?? '';
    const given = auth.startsWith('Bearer ') ? auth.slice(7).trim() : '';
    if (!given || !sameSecret(given, options.token)) {
      return send(
        res,
        401,
        { error: 'invalid_token', error_description: 'Send the HelloWord MCP token as "Authorization: Bearer <token>".' },
        {
          'www-authenticate': 'Bearer error="invalid_token"',
        },
      );
    }

    const sessionId = req.headers['mcp-session-id'];
    const existing = typeof sessionId === 'string' ? sessions.get(sessionId) : undefined;
    if (req.method === 'POST') {
      const parsed = await readJson(req);
      if (!parsed.ok) return send(res, parsed.status, rpcError(-32700, parsed.message));
      if (existing) return existing.transport.handleRequest(req, res, parsed.body);
      if (typeof sessionId === 'string') return send(res, 404, rpcError(-32001, 'Session not found: start a new one (initialize).'));
      if (!isInitializeRequest(parsed.body)) return send(res, 400, rpcError(-32000, 'No session: the first request must be initialize.'));
      if (sessions.size >= (options.maxSessions ?? 500)) return send(res, 503, rpcError(-32000, 'Too many open sessions; close one or retry later.'));
      const server = makeServer();
      const transport: StreamableHTTPServerTransport = new StreamableHTTPServerTransport({
        sessionIdGenerator: () => randomUUID(),
        onsessioninitialized: (id) => {
          sessions.set(id, { transport, server });
        },
      });
      transport.onclose = () => {
        if (transport.sessionId) sessions.delete(transport.sessionId);
        void server.close();
      };
      await server.connect(transport);
      return transport.handleRequest(req, res, parsed.body);
    }
    if (req.method === 'GET' || req.method === 'DELETE') {
      if (!existing) return send(res, typeof sessionId === 'string' ? 404 : 400, rpcError(-32000, 'Session not found or missing (mcp-session-id).'));
      return existing.transport.handleRequest(req, res);
    }
    return send(res, 405, rpcError(-32000, `Method ${req.method ?? ''} is not allowed on /mcp.`), { allow: 'GET, POST, DELETE' });
  }

  const http = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log.error({ err: error }, 'MCP request failed');
      send(res, 500, rpcError(-32603, 'Internal error; the server keeps serving other requests.'));
    });
  });
  await new Promise<void>((resolve, reject) => {
    http.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(
          new AppError(
            'BAD_INPUT',
            `Port ${options.port} on ${options.host} is already in use. Stop the other program or set HELLOWORD_MCP_PORT to a free port.`,
          ),
        );
      } else if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') {
        reject(
          new AppError('BAD_INPUT', `Cannot listen on ${options.host} (${error.code}): set HELLOWORD_HOST to an address of this machine, such as 127.0.0.1.`),
        );
      } else reject(error);
    });
    http.listen(options.port, options.host, () => resolve());
  });
  const address = http.address();
  boundPort = typeof address === 'object' && address ? address.port : options.port;
  const shownHost = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${shownHost}:${boundPort}/mcp`,
    port: boundPort,
    sessions: () => sessions.size,
    async close() {
      for (const { transport } of [...sessions.values()]) await transport.close().catch(() => undefined);
      await new Promise<void>((resolve) => http.close(() => resolve()));
      http.closeAllConnections();
    },
  };
}
