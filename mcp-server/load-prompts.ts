import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { AppError } from '../core/errors/app-error.ts';

const PROMPTS_DIR = fileURLToPath(new URL('../prompts/mcp/', import.meta.url));

const Front = z
  .object({
    name: z.string().regex(/^[a-z_]+$/),
    title: z.string(),
    description: z.string(),
    arguments: z.array(z.object({ name: z.string().regex(/^[a-z_]+$/), description: z.string(), required: z.boolean().default(false) })).default([]),
  })
  .strict();

export interface PromptTemplate extends z.output<typeof Front> {
  body: string;
}

/** The few front-matter lines our prompt files use: `key: value` and a list of argument maps. */
function parseFrontMatter(text: string): unknown {
  const out: Record<string, unknown> = {};
  let list: Record<string, unknown>[] | null = null;
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const item = /^ {2}- (\w+): (.*)$/.exec(line);
    const more = /^ {4}(\w+): (.*)$/.exec(line);
    const top = /^(\w+):\s*(.*)$/.exec(line);
    const value = (v: string) => (v === 'true' ? true : v === 'false' ? false : v);
    if (item && list) list.push({ [item[1] as string]: value(item[2] as string) });
    else if (more && list && list.length > 0) (list[list.length - 1] as Record<string, unknown>)[more[1] as string] = value(more[2] as string);
    else if (top) {
      if (top[2] === '') {
        list = [];
        out[top[1] as string] = list;
      } else out[top[1] as string] = value(top[2] as string);
    }
  }
  return out;
}

/**
 * The MCP prompts, read from prompts/mcp/*.md at start-up: a file that is missing its front
 * matter or has a wrong field stops the start with the file's name.
 */
export function loadPrompts(dir = PROMPTS_DIR): PromptTemplate[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((file) => {
      const text = readFileSync(path.join(dir, file), 'utf8');
      const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
      const front = m ? Front.safeParse(parseFrontMatter(m[1] as string)) : null;
      if (!m || !front?.success) {
        throw new AppError(
          'INTERNAL',
          `The prompt file ${path.join(dir, file)} is malformed: it needs front matter with name, title, description and arguments.`,
        );
      }
      return { ...front.data, body: (m[2] as string).trim() };
    });
}

/** Fills `{{name}}` placeholders; an empty optional argument reads naturally ("all stores"). */
export function fillPrompt(template: PromptTemplate, args: Record<string, string | undefined>): string {
  return template.body.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = args[name]?.trim();
    if (value) return name === 'platform' ? ` on ${value}` : value;
    return name === 'stores' ? 'all stores' : name === 'period' ? 'the last 90 days' : '';
  });
}
