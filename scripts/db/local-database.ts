/**
 * The database a command-line tool works on: DATABASE_URL when set; otherwise the embedded cluster of this
 * install — the one `npm start` is running when it runs (found through the cluster's postmaster.pid and
 * password), or started for the tool and stopped after it.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { EMBEDDED_PG_USER, startEmbeddedPostgres, type RunningDatabase } from './embedded.ts';
import { ROOT } from './migrations.ts';
import { LEGACY_PASSWORD, readDatabasePassword } from './password.ts';

export const dataFolder = () => path.resolve(process.env.YISHI_DATA_DIR ?? path.join(ROOT, '.data'));

/** The port of the PostgreSQL running on this cluster folder, or null when none runs there. */
export function runningClusterPort(clusterDir: string): number | null {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const [pid, , , port] = readFileSync(pidFile, 'utf8').split('\n');
  try {
    process.kill(Number(pid), 0);
  } catch (e) {
    // EPERM: the process exists but belongs to another user (the `postgres` user when started as root).
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return null;
  }
  // After a crash or a reboot the number may now belong to another program: only a postgres process counts.
  try {
    if (!readFileSync(`/proc/${Number(pid)}/comm`, 'utf8').startsWith('postgres')) return null;
  } catch {
    // No /proc (not Linux): the signal check above is all there is.
  }
  return Number(port);
}

/** A connection URL to a database of the cluster running on `port` (its password read from the cluster folder). */
export const runningClusterUrl = (clusterDir: string, port: number, database: string) =>
  `postgresql://${EMBEDDED_PG_USER}:${encodeURIComponent(readDatabasePassword(clusterDir) ?? LEGACY_PASSWORD)}@127.0.0.1:${port}/${database}`;

export async function openLocalDatabase(): Promise<RunningDatabase & { started: boolean }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => {}, started: false };
  const cluster = path.join(dataFolder(), 'pg');
  const port = runningClusterPort(cluster);
  if (port) return { url: runningClusterUrl(cluster, port, 'yishi'), stop: async () => {}, started: false };
  const db = await startEmbeddedPostgres({ dataDir: cluster, port: Number(process.env.YISHI_PG_PORT ?? 5433), persistent: true });
  return { ...db, started: true };
}
