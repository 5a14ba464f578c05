import { defineConfig } from 'prisma/config';

// Prisma's native schema engine is a download that fails offline. `prisma generate` never runs
// it, so point the CLI at a stub; migrations go through scripts/prisma-migrate.mjs instead.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= 'prisma/no-schema-engine.sh';

export default defineConfig({ schema: 'prisma/schema.prisma' });
