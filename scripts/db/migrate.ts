/**
 * Database migrations without a binary download.
 *   npm run db:migrate                  apply pending migrations to DATABASE_URL (or the embedded database)
 *   npm run db:migration -- <name>      create a migration from the change to prisma/schema/*.prisma
 *   npm run db:check                    fail if prisma/schema has changes no migration holds
 * create and check need a PostgreSQL connection only to run the engine; they start a throwaway
 * embedded one unless DATABASE_URL is set. They never change that database.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres, type RunningDatabase } from './embedded.ts';
import { applyMigrations, createMigration, pendingSchemaSql, ROOT } from './migrations.ts';
import { freePort } from './port.ts';
import { StartupError } from './startup-error.ts';

async function scratchDatabase(): Promise<RunningDatabase> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => {} };
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'yishi-scratch-'));
  const db = await startEmbeddedPostgres({ dataDir, port: await freePort(), persistent: false });
  return { url: db.url, stop: async () => (await db.stop(), rmSync(dataDir, { recursive: true, force: true })) };
}

async function main() {
  const [cmd, name] = process.argv.slice(2);
  if (cmd === 'deploy') {
    const db = process.env.DATABASE_URL
      ? { url: process.env.DATABASE_URL, stop: async () => {} }
      : await startEmbeddedPostgres({
          dataDir: path.join(ROOT, '.data', 'pg'),
          port: Number(process.env.YISHI_PG_PORT ?? 5433),
          persistent: true,
        });
    try {
      const applied = await applyMigrations(db.url);
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
    } finally {
      await db.stop();
    }
    return;
  }
  if (cmd === 'create' || cmd === 'check') {
    if (cmd === 'create' && !name) throw new StartupError('Give the migration a name: npm run db:migration -- add_topics');
    const db = await scratchDatabase();
    try {
      if (cmd === 'check') {
        const sql = await pendingSchemaSql(db.url);
        if (sql) {
          console.error('prisma/schema has changes that no migration holds; run: npm run db:migration -- <name>\n' + sql);
          process.exitCode = 1;
        } else console.log('Migrations hold the whole schema.');
      } else {
        const folder = await createMigration(db.url, name!, new Date());
        console.log(folder ? `Created ${path.relative(ROOT, folder)}` : 'No schema change: no migration created.');
      }
    } finally {
      await db.stop();
    }
    return;
  }
  throw new StartupError('Usage: migrate.ts deploy | create <name> | check');
}

main().catch((e: unknown) => {
  console.error(e instanceof StartupError ? e.message : e);
  process.exit(1);
});
