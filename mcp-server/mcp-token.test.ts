import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveMcpToken } from './mcp-token.ts';

describe('resolveMcpToken', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'helloword-token-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates a random token readable only by this user on first start, and reuses it after', () => {
    const data = path.join(dir, 'data');
    const first = resolveMcpToken({}, data);
    expect(first).toMatchObject({ source: 'file', file: path.join(data, 'mcp-token'), createdNow: true });
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(statSync(path.join(data, 'mcp-token')).mode & 0o777).toBe(0o600);
    expect(readFileSync(path.join(data, 'mcp-token'), 'utf8').trim()).toBe(first.token);
    expect(resolveMcpToken({}, data)).toEqual({ ...first, createdNow: false });
  });

  it('HELLOWORD_MCP_TOKEN wins, and must be long enough to be a secret', () => {
    expect(resolveMcpToken({ HELLOWORD_MCP_TOKEN: ' a-long-enough-token-value ' }, dir)).toEqual({
      token: 'a-long-enough-token-value',
      source: 'HELLOWORD_MCP_TOKEN',
      file: null,
      createdNow: false,
    });
    expect(() => resolveMcpToken({ HELLOWORD_MCP_TOKEN: 'short' }, dir)).toThrow('HELLOWORD_MCP_TOKEN is too short to be safe');
  });

  it('a token file that cannot be written is a start-up error naming the file and the alternative', () => {
    // A file where the data folder should be (running as root, a read-only folder can only be simulated).
    const blocked = path.join(dir, 'data');
    writeFileSync(blocked, 'not a folder');
    expect(() => resolveMcpToken({}, blocked)).toThrow(
      expect.objectContaining({
        code: 'BAD_INPUT',
        userMessage: `Cannot write the MCP token file ${path.join(blocked, 'mcp-token')} (a file is in the way of its folder). Make that folder writable, or set HELLOWORD_MCP_TOKEN to a long random value.`,
      }),
    );
  });
});
