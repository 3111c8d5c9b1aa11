/**
 * The database a command-line tool works on: DATABASE_URL when set; otherwise the embedded cluster of this
 * install — the one `npm start` is running when it runs (found through the cluster's postmaster.pid and
 * password), or started for the tool and stopped after it.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres, type RunningDatabase } from './embedded.ts';
import { ROOT } from './migrations.ts';
import { readDatabasePassword } from './password.ts';

export const dataFolder = () => path.resolve(process.env.YISHI_DATA_DIR ?? path.join(ROOT, '.data'));

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export async function openLocalDatabase(): Promise<RunningDatabase & { started: boolean }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => {}, started: false };
  const cluster = path.join(dataFolder(), 'pg');
  const pid = path.join(cluster, 'postmaster.pid');
  const password = readDatabasePassword(cluster);
  if (existsSync(pid) && password) {
    // Line 4 of postmaster.pid is the port the running server listens on.
    const port = Number(readFileSync(pid, 'utf8').split('\n')[3]);
    const url = `postgresql://yishi:${password}@127.0.0.1:${port}/yishi`;
    if (port > 0 && (await answers(url))) return { url, stop: async () => {}, started: false };
  }
  const db = await startEmbeddedPostgres({ dataDir: cluster, port: Number(process.env.YISHI_PG_PORT ?? 5433), persistent: true });
  return { ...db, started: true };
}
