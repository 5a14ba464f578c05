import { readFileSync } from 'node:fs';

/** A recorded platform payload from the `__fixtures__` folder next to the test (`import.meta.url` of the test). */
export function readFixture(testFileUrl: string, name: string): unknown {
  return JSON.parse(readFileSync(new URL(`./__fixtures__/${name}`, testFileUrl), 'utf8'));
}
