import { request as httpRequest } from 'node:http';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSilentLogger } from '../core/logging/create-logger.ts';
import { useSmallDataset } from '../core/metrics/__fixtures__/small-dataset.ts';
import { describeEachEngine } from '../core/testing/test-databases.ts';
import { TOOLS } from '../core/tools/registry.ts';
import { buildServer } from './build-server.ts';
import { type McpHttpServer, startMcpHttpServer } from './start-http-server.ts';

const TOKEN = 'test-token-0123456789abcdef';
const INITIALIZE = {
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } },
};
const log = createSilentLogger();

/** A raw HTTP request, so Host and Origin can be set as a browser or an attacker would. */
function raw(port: number, options: { headers?: Record<string, string>; body?: string; method?: string }): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path: '/mcp',
        method: options.method ?? 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...options.headers },
      },
      (res) => {
        let body = '';
        res.on('data', (c) => {
          body += String(c);
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body ?? JSON.stringify(INITIALIZE));
  });
}

describeEachEngine('MCP over Streamable HTTP on 127.0.0.1', (engine) => {
  const data = useSmallDataset(engine);
  let http: McpHttpServer;
  beforeAll(async () => {
    http = await startMcpHttpServer({ host: '127.0.0.1', port: 0, token: TOKEN }, () => buildServer({ ...data.deps, version: '0.0.0-test' }), log);
  });
  afterAll(async () => {
    await http.close();
  });

  const client = async (token = TOKEN) => {
    const c = new Client({ name: 'http-test', version: '1' });
    const transport = new StreamableHTTPClientTransport(new URL(http.url), { requestInit: { headers: { Authorization: `Bearer ${token}` } } });
    await c.connect(transport);
    return { c, transport };
  };

  it('serves the tools in a session with the token; the session ends on request', async () => {
    const { c, transport } = await client();
    expect(transport.sessionId).toMatch(/^[0-9a-f-]{36}$/);
    expect((await c.listTools()).tools).toHaveLength(TOOLS.length);
    const r = await c.callTool({ name: 'get_overview', arguments: { platforms: 'ebay' } });
    expect(r.structuredContent).toMatchObject({ filters: { stores: ['s-ebay-uk'] } });
    expect(http.sessions()).toBeGreaterThanOrEqual(1);
    const before = http.sessions();
    await transport.terminateSession();
    await c.close();
    expect(http.sessions()).toBe(before - 1);
  });

  it('no token or a wrong token: 401 with how to authenticate', async () => {
    const none = await raw(http.port, {});
    expect(none.status).toBe(401);
    expect(JSON.parse(none.body)).toMatchObject({ error: 'invalid_token' });
    expect((await raw(http.port, { headers: { authorization: 'Bearer wrong-token-0123456789abcdef' } })).status).toBe(401);
    await expect(client('wrong-token-0123456789abcdef')).rejects.toThrow();
  });

  it('a foreign Host or Origin is refused (DNS rebinding), even with the token', async () => {
    const auth = { authorization: `Bearer ${TOKEN}` };
    const host = await raw(http.port, { headers: { ...auth, host: `evil.example:${http.port}` } });
    expect(host.status).toBe(403);
    expect(host.body).toContain('Host \\"evil.example');
    const origin = await raw(http.port, { headers: { ...auth, origin: 'https://evil.example' } });
    expect(origin.status).toBe(403);
    expect((await raw(http.port, { headers: { ...auth, origin: `http://127.0.0.1:${http.port}` } })).status).toBe(200);
  });

  it('a malformed body, an unknown session or a wrong first request get JSON-RPC errors, and other sessions carry on', async () => {
    const { c, transport } = await client();
    const auth = { authorization: `Bearer ${TOKEN}` };
    const malformed = await raw(http.port, { headers: auth, body: '{"jsonrpc": "2.0", "method": ' });
    expect(malformed.status).toBe(400);
    expect(JSON.parse(malformed.body)).toMatchObject({ error: { code: -32700 } });
    const unknown = await raw(http.port, {
      headers: { ...auth, 'mcp-session-id': 'no-such-session' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/list' }),
    });
    expect(unknown.status).toBe(404);
    const notInit = await raw(http.port, { headers: auth, body: JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/list' }) });
    expect(notInit.status).toBe(400);
    expect(JSON.parse(notInit.body).error.message).toContain('the first request must be initialize');
    expect((await raw(http.port, { headers: auth, method: 'PUT' })).status).toBe(405);
    // The session opened before all that still answers.
    expect((await c.callTool({ name: 'calculate', arguments: { expression: '1 + 1' } })).structuredContent).toMatchObject({ result: 2 });
    await transport.terminateSession();
    await c.close();
  });

  it('a port in use is a start-up error naming the setting', async () => {
    await expect(
      startMcpHttpServer({ host: '127.0.0.1', port: http.port, token: TOKEN }, () => buildServer({ ...data.deps, version: '0' }), log),
    ).rejects.toThrow(`Port ${http.port} on 127.0.0.1 is already in use. Stop the other program or set HELLOWORD_MCP_PORT to a free port.`);
  });
});
