import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// For tests: runs bin/helloword.js as a person would, in its own folder and environment.

export const BIN = fileURLToPath(new URL('../bin/helloword.js', import.meta.url));

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs one `helloword` command to the end with only PATH, HOME and `env` set. */
export function helloword(args: string[], options: { cwd: string; env?: Record<string, string> }): Promise<Run> {
  return new Promise((resolve) => {
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, HELLOWORD_MCP_PORT: '0', ...options.env };
    execFile(process.execPath, [BIN, ...args], { cwd: options.cwd, env, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}
