import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { parsePlatform } from '../core/domain/parse-platform.ts';
import type { StoreRecord } from '../core/domain/records.ts';
import { AppError } from '../core/errors/app-error.ts';
import { PLATFORMS } from '../core/platforms/registry.ts';
import { isTimeZone } from './read-config.ts';

export const DEFAULT_STORES_FILE = 'helloword.stores.json';

const StoreEntry = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'use lowercase letters, digits and dashes, e.g. "ebay-us"'),
    platform: z.string(),
    name: z.string().min(1),
    marketplace: z.string().nullish(),
    currency: z.string().regex(/^[A-Z]{3}$/, 'use an ISO currency code such as USD'),
    timeZone: z.string().refine(isTimeZone, 'use an IANA time zone such as America/New_York'),
    /** The middle of the credential variables' names: "EBAY_US" → HELLOWORD_EBAY_US_CLIENT_ID, … */
    credentials: z.string().regex(/^[A-Z0-9_]+$/, 'use capital letters, digits and underscores, e.g. "EBAY_US"'),
    syncIntervalMinutes: z.number().int().min(5).max(1440).nullish(),
  })
  .strict();
const StoresFile = z.object({ stores: z.array(StoreEntry) }).strict();

export interface ConfiguredStores {
  file: string | null;
  stores: StoreRecord[];
  /** Credential values per store id — kept in memory, never written to the database or logs. */
  credentials: Map<string, Record<string, string>>;
}

/**
 * The seller's own stores, from `HELLOWORD_STORES_FILE` (default ./helloword.stores.json when it
 * exists), with their credentials from the environment. Every problem names the file, the store
 * or the variable, and what to put there.
 */
export function readStoresFile(env: NodeJS.ProcessEnv, cwd = process.cwd()): ConfiguredStores {
  const given = env.HELLOWORD_STORES_FILE?.trim();
  const file = path.resolve(cwd, given || DEFAULT_STORES_FILE);
  if (!existsSync(file)) {
    if (given)
      throw new AppError(
        'BAD_INPUT',
        `HELLOWORD_STORES_FILE: there is no file ${file}. Create it (see README, "Connecting your stores") or unset the variable.`,
      );
    return { file: null, stores: [], credentials: new Map() };
  }
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new AppError('BAD_INPUT', `${file} is not valid JSON (${error instanceof Error ? error.message : String(error)}).`);
  }
  const parsed = StoresFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('BAD_INPUT', `${file}: ${issue?.path.join('.') || 'the file'}: ${issue?.message ?? 'invalid'}.`);
  }
  const stores: StoreRecord[] = [];
  const credentials = new Map<string, Record<string, string>>();
  for (const entry of parsed.data.stores) {
    const platform = parsePlatform(entry.platform);
    if (!platform) {
      throw new AppError(
        'BAD_INPUT',
        `${file}: store "${entry.id}": "${entry.platform}" is not a platform HelloWord knows. Stores can be: ${Object.keys(PLATFORMS).join(', ')}.`,
      );
    }
    const connector = PLATFORMS[platform];
    const values: Record<string, string> = {};
    for (const name of connector.credentialNames) {
      const variable = `HELLOWORD_${entry.credentials}_${name}`;
      const value = env[variable]?.trim();
      if (!value)
        throw new AppError('BAD_INPUT', `Store "${entry.id}" needs ${variable} to be set (its ${platform} ${name.toLowerCase().replaceAll('_', ' ')}).`);
      values[name] = value;
    }
    for (const name of connector.optionalCredentialNames ?? []) {
      const value = env[`HELLOWORD_${entry.credentials}_${name}`]?.trim();
      if (value) values[name] = value;
    }
    credentials.set(entry.id, values);
    stores.push({
      id: entry.id,
      platform,
      name: entry.name,
      marketplace: entry.marketplace ?? null,
      currency: entry.currency,
      timeZone: entry.timeZone,
      credentialsRef: `HELLOWORD_${entry.credentials}_* variables`,
      isDemo: false,
      syncIntervalMinutes: entry.syncIntervalMinutes ?? null,
    });
  }
  return { file, stores, credentials };
}
