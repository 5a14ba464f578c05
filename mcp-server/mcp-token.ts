import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../core/errors/app-error.ts';

const WHY: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the disk is read-only',
  EEXIST: 'a file is in the way of its folder',
  ENOTDIR: 'a file is in the way of its folder',
  ENOSPC: 'the disk is full',
};

export interface McpToken {
  token: string;
  /** Where it came from, for the start-up message (never the token itself in logs). */
  source: 'HELLOWORD_MCP_TOKEN' | 'file';
  file: string | null;
  createdNow: boolean;
}

/**
 * The bearer token MCP clients must send over HTTP: HELLOWORD_MCP_TOKEN when set, else the one
 * in `<dataDir>/mcp-token`, created (random, readable by this user only) on first start.
 */
export function resolveMcpToken(env: NodeJS.ProcessEnv, dataDir: string): McpToken {
  const fromEnv = env.HELLOWORD_MCP_TOKEN?.trim();
  if (fromEnv !== undefined && fromEnv !== '') {
    if (fromEnv.length < 16)
      throw new AppError(
        'BAD_INPUT',
        'HELLOWORD_MCP_TOKEN is too short to be safe: use at least 16 random characters (or unset it and HelloWord creates one).',
      );
    return { token: fromEnv, source: 'HELLOWORD_MCP_TOKEN', file: null, createdNow: false };
  }
  const file = path.resolve(dataDir, 'mcp-token');
  try {
    if (existsSync(file)) {
      const token = readFileSync(file, 'utf8').trim();
      if (token.length >= 16) return { token, source: 'file', file, createdNow: false };
    }
    mkdirSync(path.dirname(file), { recursive: true });
    const token = randomBytes(32).toString('base64url');
    writeFileSync(file, `${token}\n`, { mode: 0o600 });
    chmodSync(file, 0o600);
    return { token, source: 'file', file, createdNow: true };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new AppError(
      'BAD_INPUT',
      `Cannot write the MCP token file ${file} (${WHY[code] ?? code}). Make that folder writable, or set HELLOWORD_MCP_TOKEN to a long random value.`,
      {
        cause: error,
      },
    );
  }
}
