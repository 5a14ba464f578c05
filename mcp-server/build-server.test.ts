import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createMCPClient } from '@ai-sdk/mcp';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { ElicitRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { z } from 'zod';
import { useSmallDataset } from '../core/metrics/__fixtures__/small-dataset.ts';
import { describeEachEngine } from '../core/testing/test-databases.ts';
import { TOOLS } from '../core/tools/registry.ts';
import { buildServer } from './build-server.ts';
import { confirmWithPerson } from './confirm-with-person.ts';

// Valid input for each tool (the same tools answer over MCP as in core/tools/tools.test.ts).
const VALID: Record<string, Record<string, unknown>> = {
  get_overview: { platforms: 'amazon' },
  search_cases: { statuses: 'pending' },
  get_case: { case_id: 'C4' },
  rank_skus: { min_units: 1 },
  sku_reasons: { skus: 'TEE-M' },
  agent_performance: {},
  list_disputes: {},
  get_trend: { bucket: 'day', period: 'last_7_days' },
  get_insights: {},
  sync_status: {},
  run_report: { report: 'agent_performance', format: 'csv' },
  calculate: { expression: '2 * x', variables: { x: 21 } },
};

describeEachEngine('the MCP server over an in-memory transport', (engine) => {
  const data = useSmallDataset(engine);
  let reportsDir: string;
  beforeAll(() => {
    reportsDir = mkdtempSync(path.join(os.tmpdir(), 'helloword-mcp-reports-'));
  });
  afterAll(() => rmSync(reportsDir, { recursive: true, force: true }));
  const connect = async (capabilities: ConstructorParameters<typeof Client>[1] = {}) => {
    const server = buildServer({ ...data.deps, version: '0.0.0-test', reportsDir });
    const client = new Client({ name: 'test', version: '1' }, capabilities);
    const [ct, st] = InMemoryTransport.createLinkedPair();
    await Promise.all([server.connect(st), client.connect(ct)]);
    return { server, client };
  };

  it('tools/list is the registry: names, titles, schemas and honest annotations', async () => {
    const { client } = await connect();
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual(TOOLS.map((t) => t.name));
    for (const t of TOOLS) {
      const listed = tools.find((x) => x.name === t.name);
      expect(listed?.title).toBe(t.title);
      expect(listed?.description).toBe(t.description);
      expect(listed?.annotations).toEqual({ title: t.title, ...t.annotations });
      expect(listed?.inputSchema.properties).toEqual((z.toJSONSchema(t.input, { io: 'input' }) as { properties: unknown }).properties);
      expect(listed?.outputSchema?.properties).toHaveProperty('as_of');
    }
  });

  it('each tool answers valid input with structuredContent that validates, plus a text rendering', async () => {
    const { client } = await connect();
    for (const t of TOOLS) {
      const r = await client.callTool({ name: t.name, arguments: VALID[t.name] });
      expect(r.isError ?? false, `${t.name}: ${JSON.stringify(r.content)}`).toBe(false);
      expect(t.output.safeParse(r.structuredContent).success, t.name).toBe(true);
      expect((r.content as { type: string; text: string }[])[0]?.text).toContain(t.title);
    }
    const c = await client.callTool({ name: 'calculate', arguments: VALID.calculate });
    expect(c.structuredContent).toMatchObject({ result: 42 });
  });

  it('bad input and expected failures come back as isError with a message that names the field or says what to do', async () => {
    const { client } = await connect();
    const bad = await client.callTool({ name: 'search_cases', arguments: { limit: 'lots' } });
    expect(bad.isError).toBe(true);
    expect(JSON.stringify(bad.content)).toContain('limit');
    const unknownField = await client.callTool({ name: 'get_overview', arguments: { colour: 'red' } });
    expect(unknownField.isError).toBe(true);
    expect(JSON.stringify(unknownField.content)).toContain('colour');
    const sku = await client.callTool({ name: 'sku_reasons', arguments: { skus: 'TEE-L' } });
    expect(sku).toMatchObject({ isError: true, content: [{ type: 'text', text: 'NOT_FOUND: No SKU "TEE-L"; closest: TEE-M, MUG.' }] });
    const unknownTool = await client.callTool({ name: 'refund_everything', arguments: {} });
    expect(unknownTool.isError).toBe(true);
    expect(JSON.stringify(unknownTool.content)).toContain('refund_everything');
  });

  it('resources list and read: a case, a SKU, the metric definitions, the sync status', async () => {
    const { client } = await connect();
    const { resources } = await client.listResources();
    expect(resources.map((r) => r.uri).sort()).toEqual(['helloword://metrics/definitions', 'helloword://sync/status']);
    const { resourceTemplates } = await client.listResourceTemplates();
    expect(resourceTemplates.map((r) => r.uriTemplate).sort()).toEqual(['helloword://cases/{id}', 'helloword://skus/{sku}']);

    const search = await client.callTool({ name: 'search_cases', arguments: { text: 'seams' } });
    const id = (search.structuredContent as { cases: { id: number }[] }).cases[0]?.id;
    const read = async (uri: string) => JSON.parse(((await client.readResource({ uri })).contents[0] as { text: string }).text);
    expect((await read(`helloword://cases/${id}`)).case).toMatchObject({ platform_case_id: 'C2', lines: [{ seller_sku: 'TEE-M' }, { seller_sku: 'MUG' }] });
    expect(await read('helloword://skus/TEE-M')).toMatchObject({ skus: ['TEE-M'], cases: 5 });
    expect((await read('helloword://metrics/definitions')).definitions.pending).toContain('requested');
    expect((await read('helloword://sync/status')).stores).toHaveLength(2);
    await expect(client.readResource({ uri: 'helloword://cases/999999' })).rejects.toThrow('No case with case number 999999');
    await expect(client.readResource({ uri: 'helloword://nothing/here' })).rejects.toThrow();
  });

  it('prompts list and fill in their arguments', async () => {
    const { client } = await connect();
    const { prompts } = await client.listPrompts();
    expect(prompts.map((p) => p.name).sort()).toEqual(['sku_deep_dive', 'triage_pending', 'weekly_review']);
    const dive = await client.getPrompt({ name: 'sku_deep_dive', arguments: { sku: 'TEE-M' } });
    const text = (dive.messages[0]?.content as { text?: string } | undefined)?.text ?? '';
    expect(text).toContain('Look into SKU TEE-M over the last 90 days.');
    expect(text).not.toContain('{{');
  });

  it('confirmation: a client that can ask its user gets asked; one that cannot is told to confirm elsewhere', async () => {
    const asking = await connect({ capabilities: { elicitation: { form: {} } } });
    let asked = '';
    asking.client.setRequestHandler(ElicitRequestSchema, async (request) => {
      asked = request.params.message;
      return { action: 'accept', content: { confirm: true } };
    });
    const request = { message: 'Refund 20.00 USD on order O1?', outOfBand: 'Confirm with: helloword confirm p_1 --as <you>' };
    expect(await confirmWithPerson(asking.server, request)).toEqual({ outcome: 'confirmed' });
    expect(asked).toBe('Refund 20.00 USD on order O1?');

    asking.client.setRequestHandler(ElicitRequestSchema, async () => ({ action: 'accept', content: { confirm: false } }));
    expect(await confirmWithPerson(asking.server, request)).toEqual({ outcome: 'declined' });
    asking.client.setRequestHandler(ElicitRequestSchema, async () => ({ action: 'cancel' }));
    expect(await confirmWithPerson(asking.server, request)).toEqual({ outcome: 'cancelled' });

    const plain = await connect();
    expect(await confirmWithPerson(plain.server, request)).toEqual({ outcome: 'needs_out_of_band', message: 'Confirm with: helloword confirm p_1 --as <you>' });
  });

  it('an agent built on the AI SDK loads the tools through @ai-sdk/mcp and calls one', async () => {
    const server = buildServer({ ...data.deps, version: '0.0.0-test' });
    const [ct, st] = InMemoryTransport.createLinkedPair();
    await server.connect(st);
    const mcp = await createMCPClient({ transport: ct });
    try {
      const tools = await mcp.tools();
      expect(Object.keys(tools).sort()).toEqual(TOOLS.map((t) => t.name).sort());
      const rank = tools.rank_skus;
      if (!rank?.execute) throw new Error('rank_skus is not executable');
      const result = (await rank.execute({ min_units: 1 }, { toolCallId: 'call-1', messages: [] })) as {
        structuredContent?: { skus: { seller_sku: string }[] };
      };
      expect(result.structuredContent?.skus.map((s) => s.seller_sku)).toEqual(['TEE-M', 'MUG']);
    } finally {
      await mcp.close();
    }
  });
});
