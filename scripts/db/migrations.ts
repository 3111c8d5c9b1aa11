/**
 * Applying and creating migrations with the WebAssembly schema engine.
 * Layout is Prisma's own: prisma/migrations/<timestamp>_<name>/migration.sql and migration_lock.toml,
 * so `_prisma_migrations` is the normal table and the native CLI can take over where it is available.
 * The newest migration folder also keeps `snapshot.prisma`, the schema it leads to: creating the next
 * migration diffs that snapshot against the schema files, which needs no shadow database (and then moves
 * the snapshot to the new folder).
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { NO_FILTER, withSchemaEngine, type SchemaFile } from './schema-engine.ts';
import { StartupError } from './startup-error.ts';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const MIGRATIONS_DIR = path.join(ROOT, 'prisma', 'migrations');
export const SCHEMA_DIR = path.join(ROOT, 'prisma', 'schema');
const LOCKFILE = 'migration_lock.toml';
const SNAPSHOT = 'snapshot.prisma';

export function readSchemaFiles(dir = SCHEMA_DIR): SchemaFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.prisma'))
    .sort()
    .map((f) => ({ path: path.join(dir, f), content: readFileSync(path.join(dir, f), 'utf8') }));
}

function migrationNames(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, 'migration.sql')))
    .map((d) => d.name)
    .sort();
}

function migrationList(dir: string) {
  const lock = path.join(dir, LOCKFILE);
  return {
    baseDir: dir,
    lockfile: { path: LOCKFILE, content: existsSync(lock) ? readFileSync(lock, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: migrationNames(dir).map((name) => ({
      path: name,
      migrationFile: {
        path: 'migration.sql',
        content: { tag: 'ok' as const, value: readFileSync(path.join(dir, name, 'migration.sql'), 'utf8') },
      },
    })),
  };
}

/** Applies every pending migration; returns the names applied. Each migration runs in one transaction. */
export async function applyMigrations(url: string, dir = MIGRATIONS_DIR): Promise<string[]> {
  try {
    const out = await withSchemaEngine(url, readSchemaFiles(), async (engine) => {
      // A migration here runs in one transaction, so one recorded as failed left nothing behind:
      // mark it rolled back so that the fixed migration (or the same one, to show its error) runs again.
      for (const migrationName of await failedMigrations(url)) {
        await engine.markMigrationRolledBack({ migrationName });
      }
      return engine.applyMigrations({ migrationsList: migrationList(dir), filters: NO_FILTER });
    });
    return out.appliedMigrationNames;
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (/Can't reach database server|ECONNREFUSED|ENOTFOUND|authentication failed|does not exist/i.test(msg)) {
      throw new StartupError(
        `Cannot connect to the database at DATABASE_URL (${firstLine(msg)}): check the host, port, user, password and database name, or unset DATABASE_URL to use the embedded PostgreSQL.`,
      );
    }
    const migration = /migration_name="([^"]+)"/.exec(msg)?.[1];
    throw new StartupError(
      `The database migration ${migration ?? ''} failed and was rolled back, so the database is as it was before it (${detail(msg)}). Fix the migration, or restore the database, then start again.`.replace(
        '  ',
        ' ',
      ),
    );
  }
}

async function failedMigrations(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const table = await client.query<{ t: string | null }>(`SELECT to_regclass('_prisma_migrations')::text AS t`);
    if (!table.rows[0]?.t) return [];
    const rows = await client.query<{ migration_name: string }>(
      'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NULL AND rolled_back_at IS NULL',
    );
    return rows.rows.map((r) => r.migration_name);
  } finally {
    await client.end();
  }
}

function firstLine(s: string) {
  return (
    s
      .split('\n')
      .find((l) => l.trim())
      ?.trim() ?? s
  );
}

/** The engine's message without its backtrace: the lines before "   0: …". */
function detail(msg: string) {
  const lines = msg
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/^\d+:|^at |^with |external connector error/.test(l));
  return lines[0] ?? firstLine(msg);
}

/** The schema the newest migration leads to, or null before the first migration. */
export function latestSnapshot(dir = MIGRATIONS_DIR): SchemaFile[] | null {
  const names = migrationNames(dir);
  const last = names.at(-1);
  if (!last) return null;
  const file = path.join(dir, last, SNAPSHOT);
  if (!existsSync(file)) throw new Error(`${file} is missing: the newest migration keeps the schema it leads to.`);
  return [{ path: file, content: readFileSync(file, 'utf8') }];
}

/** SQL that takes the newest migration's schema to the current schema files ('' when they agree). */
export async function pendingSchemaSql(url: string, dir = MIGRATIONS_DIR): Promise<string> {
  const files = readSchemaFiles();
  const from = latestSnapshot(dir);
  const out = await withSchemaEngine(url, files, (engine) =>
    engine.diff({
      from: from ? { tag: 'schemaDatamodel', files: from } : { tag: 'empty' },
      to: { tag: 'schemaDatamodel', files },
      script: true,
      exitCode: null,
      filters: NO_FILTER,
    }),
  );
  const sql = out.stdout ?? '';
  return /^\s*(--.*\n?\s*)*$/.test(sql) || sql.includes('This is an empty migration') ? '' : sql;
}

/** Writes a new migration folder for the current schema; returns its path, or null if nothing changed. */
export async function createMigration(url: string, name: string, now: Date, dir = MIGRATIONS_DIR) {
  const sql = await pendingSchemaSql(url, dir);
  if (!sql) return null;
  const stamp = now.toISOString().replace(/\D/g, '').slice(0, 14);
  const folder = path.join(dir, `${stamp}_${name.replace(/[^a-z0-9_]+/gi, '_').toLowerCase()}`);
  mkdirSync(folder, { recursive: true });
  // One transaction per migration: a failure leaves nothing half-applied.
  writeFileSync(path.join(folder, 'migration.sql'), `BEGIN;\n\n${sql.trim()}\n\nCOMMIT;\n`);
  writeFileSync(
    path.join(folder, SNAPSHOT),
    readSchemaFiles()
      .map((f) => `// ---- ${path.basename(f.path)}\n${f.content}`)
      .join('\n'),
  );
  // Only the newest migration keeps the schema it leads to: older copies would only repeat it.
  for (const older of migrationNames(dir).filter((n) => n !== path.basename(folder)))
    rmSync(path.join(dir, older, SNAPSHOT), { force: true });
  const lock = path.join(dir, LOCKFILE);
  if (!existsSync(lock)) writeFileSync(lock, '# Do not edit by hand.\nprovider = "postgresql"\n');
  return folder;
}
