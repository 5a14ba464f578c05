import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'prisma/generated/**', 'scratch/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Child-process CLI tests and database tests share 2 cores; keep the worker count modest.
    maxWorkers: 2,
  },
});
