// Developer-time Prisma 7 tooling that works offline, through @prisma/schema-engine-wasm and a
// driver adapter instead of the native schema-engine download (see DEVELOPING.md).
//
//   generate          write both Prisma clients (SQLite and the derived PostgreSQL schema)
//   create <name>     write prisma/migrations/<provider>/<timestamp>_<name>/migration.sql
//   diff              exit 2 when schema.prisma has changes no migration covers (CI check)
//   status            print the migration history of DATABASE_URL
//
// DATABASE_URL picks the provider: file:… (SQLite, default: a throwaway file) or postgres(ql)://…
// Users never run this: `helloword` applies the committed SQL with core/store's migrator.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);
const SCHEMA = 'prisma/schema.prisma';
const PG_SCHEMA = 'prisma/schema.postgresql.prisma'; // derived, git-ignored
const [cmd, arg] = process.argv.slice(2);

const withProvider = (text, p) => text.replace(/(datasource\s+\w+\s*\{[^}]*provider\s*=\s*)"[^"]*"/, `$1"${p}"`);

if (cmd === 'generate') {
  const cli = path.join(path.dirname(require.resolve('prisma/package.json')), 'build/index.js');
  const pg = withProvider(fs.readFileSync(SCHEMA, 'utf8'), 'postgresql').replace('/generated/sqlite"', '/generated/postgresql"');
  fs.writeFileSync(PG_SCHEMA, `// GENERATED from schema.prisma by scripts/prisma-migrate.mjs: do not edit.\n${pg}`);
  const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: path.resolve('prisma/no-schema-engine.sh'), PRISMA_HIDE_UPDATE_MESSAGE: '1' };
  for (const s of [SCHEMA, PG_SCHEMA]) execFileSync(process.execPath, [cli, 'generate', '--schema', s], { stdio: ['ignore', 'ignore', 'inherit'], env });
  console.error('Generated the Prisma clients for SQLite and PostgreSQL.');
  process.exit(0);
}

const url = process.env.DATABASE_URL ?? `file:${path.join(os.tmpdir(), `helloword-migrate-${process.pid}.db`)}`;
const provider = /^postgres(ql)?:\/\//.test(url) ? 'postgresql' : 'sqlite';
const MIGRATIONS = `prisma/migrations/${provider}`;
const filters = { externalTables: [], externalEnums: [] };

function readMigrations(dir) {
  const baseDir = path.resolve(dir);
  const lock = path.join(baseDir, 'migration_lock.toml');
  const names = fs.existsSync(baseDir)
    ? fs
        .readdirSync(baseDir)
        .filter((n) => fs.existsSync(path.join(baseDir, n, 'migration.sql')))
        .sort()
    : [];
  return {
    baseDir,
    shadowDbInitScript: '',
    lockfile: { path: 'migration_lock.toml', content: fs.existsSync(lock) ? fs.readFileSync(lock, 'utf8') : null },
    migrationDirectories: names.map((n) => ({
      path: n,
      migrationFile: { path: 'migration.sql', content: { tag: 'ok', value: fs.readFileSync(path.join(baseDir, n, 'migration.sql'), 'utf8') } },
    })),
  };
}

async function adapterFactory() {
  if (provider === 'sqlite') {
    const { PrismaBetterSqlite3 } = await import('@prisma/adapter-better-sqlite3');
    return new PrismaBetterSqlite3({ url }); // its shadow database is :memory:
  }
  const { default: pg } = await import('pg');
  // adapter-pg cannot map pg_catalog's "char" type (OID 18), which the schema describer reads: report it as text.
  const addFields = pg.Result.prototype.addFields;
  pg.Result.prototype.addFields = function (fields) {
    for (const f of fields) if (f.dataTypeID === 18) f.dataTypeID = 25;
    return addFields.call(this, fields);
  };
  const { PrismaPg } = await import('@prisma/adapter-pg');
  const factory = new PrismaPg({ connectionString: url });
  // adapter-pg's own shadow database connects to the main database and drops the shadow one while
  // its pool is open; use a throwaway database of our own (the role needs CREATEDB).
  factory.connectToShadowDb = async () => {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const name = `prisma_migrate_shadow_db_${crypto.randomUUID().replaceAll('-', '')}`;
    await admin.query(`CREATE DATABASE "${name}"`);
    const shadowUrl = new URL(url);
    shadowUrl.pathname = `/${name}`;
    const adapter = await new PrismaPg({ connectionString: shadowUrl.toString() }).connect();
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
      await admin.end();
    };
    return adapter;
  };
  return factory;
}

// adapter-pg's executeScript splits scripts on every ";", which breaks function bodies ($$ … $$)
// in hand-written migrations. PostgreSQL runs a whole script in one simple query instead.
function wholeScripts(adapter) {
  if (provider === 'postgresql') adapter.executeScript = async (script) => void (await adapter.underlyingDriver().query(script));
  return adapter;
}

async function loadEngine(factory, schemaText) {
  // Node 20 cannot import the package entry (it ESM-imports a .wasm): instantiate it by hand.
  const glue = await import('@prisma/schema-engine-wasm/schema_engine_bg');
  const wasm = path.join(path.dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg')), 'schema_engine_bg.wasm');
  const instance = new WebAssembly.Instance(new WebAssembly.Module(fs.readFileSync(wasm)), { './schema_engine_bg.js': glue });
  glue.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start?.();
  // The shadow replay sends whole scripts through executeRaw, which better-sqlite3 refuses for
  // multi-statement SQL: retry those with executeScript.
  const connectToShadowDb = factory.connectToShadowDb.bind(factory);
  factory.connectToShadowDb = async () => {
    const a = wholeScripts(await connectToShadowDb());
    const executeRaw = a.executeRaw.bind(a);
    a.executeRaw = async (q) => {
      try {
        return await executeRaw(q);
      } catch (e) {
        if (q.args?.length || !/more than one statement/.test(String(e?.message))) throw e;
        await a.executeScript(q.sql);
        return 0;
      }
    };
    return a;
  };
  const connect = factory.connect.bind(factory);
  factory.opened = [];
  factory.connect = async () => {
    const a = wholeScripts(await connect());
    factory.opened.push(a);
    return a;
  };
  const { bindMigrationAwareSqlAdapterFactory } = await import('@prisma/driver-adapter-utils');
  const log = (m) => process.env.DEBUG_SCHEMA_ENGINE && console.error(m);
  return glue.SchemaEngine.new({ datamodels: [[path.resolve(SCHEMA), schemaText]] }, log, bindMigrationAwareSqlAdapterFactory(factory));
}

const schemaText = withProvider(fs.readFileSync(SCHEMA, 'utf8'), provider);
const schema = { files: [{ path: path.resolve(SCHEMA), content: schemaText }] };
const factory = await adapterFactory();
const engine = await loadEngine(factory, schemaText);
try {
  const migrationsList = readMigrations(MIGRATIONS);
  if (cmd === 'create') {
    if (!arg) throw new Error('usage: npm run db:migrate:new -- <name>   (once with a SQLite URL, once with DATABASE_URL=postgres://…)');
    await engine.applyMigrations({ migrationsList, filters }); // also creates _prisma_migrations
    // devDiagnostic replays the history on the shadow database and caches it; createMigration needs that.
    const { action } = await engine.devDiagnostic({ migrationsList, filters });
    if (action.tag === 'reset') throw new Error(`Drift detected, use an empty scratch database: ${action.reason}`);
    const out = await engine.createMigration({ draft: process.argv.includes('--draft'), migrationName: arg, migrationsList, schema, filters });
    if (out.migrationScript == null) console.log('No schema changes.');
    else {
      const dir = path.join(MIGRATIONS, out.generatedMigrationName);
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, 'migration.sql'), out.migrationScript);
      fs.writeFileSync(
        path.join(MIGRATIONS, 'migration_lock.toml'),
        `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${out.connectorType}"\n`,
      );
      console.log(`Created ${dir}/migration.sql`);
    }
  } else if (cmd === 'status') {
    console.log(JSON.stringify(await engine.diagnoseMigrationHistory({ migrationsList, optInToShadowDatabase: false, filters }), null, 2));
  } else if (cmd === 'diff') {
    const from = migrationsList.migrationDirectories.length ? { tag: 'migrations', ...migrationsList } : { tag: 'empty' };
    const r = await engine.diff({ from, to: { tag: 'schemaDatamodel', ...schema }, script: true, exitCode: true, filters });
    if (r.exitCode === 2) {
      console.error(`schema.prisma has changes that no ${provider} migration covers. Run: npm run db:migrate:new -- <name>`);
      process.stdout.write(r.stdout ?? '');
    } else console.error(`${provider}: migrations match schema.prisma.`);
    process.exitCode = r.exitCode;
  } else throw new Error('usage: prisma-migrate.mjs generate | create <name> [--draft] | diff | status');
} catch (e) {
  console.error(e?.message ?? e);
  process.exitCode = 1;
} finally {
  engine.free();
  for (const a of factory.opened) await a.dispose();
  if (provider === 'sqlite' && !process.env.DATABASE_URL) fs.rmSync(url.slice('file:'.length), { force: true });
  process.exit(); // pg leaves an idle pooled socket behind after applyMigrations (would hold the process ~10 s)
}
