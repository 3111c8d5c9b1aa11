/**
 * `npm run backup`: the database and the file store of one install into a new folder
 * yishi-backup-<UTC time>, written as <name>.partial and renamed only when complete (decision 038).
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { EMBEDDED_PG_MAJOR, startEmbeddedPostgres, type RunningDatabase } from '../db/embedded.ts';
import { freePort } from '../db/port.ts';
import { StartupError } from '../db/startup-error.ts';
import { writeChecksums } from './checksums.ts';
import { copyClusterOnline, type ClusterCopy } from './cluster.ts';
import { copyNewFiles, countFiles, fileStamp, installPaths, secretFile, secretFingerprint } from './install.ts';
import { runningClusterPort, runningClusterUrl } from '../db/local-database.ts';

export const MANIFEST = 'manifest.json';
export const BACKUP_FORMAT = 'yishi-backup/1';

export type BackupManifest = {
  format: typeof BACKUP_FORMAT;
  createdAt: string;
  /** 'embedded': the cluster is in pg/; 'external': the database was at DATABASE_URL and is not in the backup. */
  database: 'embedded' | 'external';
  postgres?: { major: string } & ClusterCopy;
  files: number;
  /** Which app secret the install used (installPaths' secretFingerprint); the secret itself is never in a backup. */
  secretFingerprint: string | null;
};

export type BackupOptions = {
  dataDir: string;
  into: string;
  /** Set when the install uses a PostgreSQL of its own (DATABASE_URL): only the files are backed up. */
  databaseUrl?: string;
  log?: (line: string) => void;
  now?: Date;
};

export async function makeBackup(opts: BackupOptions): Promise<string> {
  const now = opts.now ?? new Date();
  const createdAt = now.toISOString();
  const target = path.join(opts.into, `yishi-backup-${fileStamp(now)}`);
  const partial = `${target}.partial`;
  if (existsSync(target)) throw new StartupError(`The backup ${target} already exists: wait a second and run the backup again.`);
  await mkdir(opts.into, { recursive: true });
  await mkdir(partial, { mode: 0o700 });
  try {
    return await writeBackup(opts, partial, target, createdAt);
  } catch (e) {
    // Nothing half-written stays behind to be mistaken for a backup.
    await rm(partial, { recursive: true, force: true });
    throw e;
  }
}

async function writeBackup(opts: BackupOptions, partial: string, target: string, createdAt: string): Promise<string> {
  const log = opts.log ?? (() => {});
  const at = installPaths(opts.dataDir);
  const filesInto = path.join(partial, 'files');
  let postgres: BackupManifest['postgres'];
  if (opts.databaseUrl) {
    log('DATABASE_URL is set: this backup holds the files only; back the database up with its own tools (pg_dump or pg_basebackup).');
  } else {
    if (!existsSync(path.join(at.cluster, 'PG_VERSION'))) {
      throw new StartupError(
        `There is no database in ${at.cluster} to back up: run the backup where the app runs, or set YISHI_DATA_DIR to its data folder.`,
      );
    }
    const { client, stop } = await connectToCluster(at.cluster, log);
    try {
      log('copying the database (online, PostgreSQL backup mode)…');
      // First pass over the files while the database is in backup mode, second pass after: a file the
      // database still names at the backup's end is in one of the two.
      const copy = await copyClusterOnline(client, at.cluster, path.join(partial, 'pg'), () =>
        copyNewFiles(at.files, filesInto).then(() => {}),
      );
      postgres = { major: EMBEDDED_PG_MAJOR, ...copy };
    } finally {
      await client.end().catch(() => {});
      await stop();
    }
  }
  await copyNewFiles(at.files, filesInto);
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    createdAt,
    database: postgres ? 'embedded' : 'external',
    postgres,
    files: await countFiles(filesInto),
    secretFingerprint: secretFingerprint(opts.dataDir),
  };
  await writeFile(path.join(partial, MANIFEST), JSON.stringify(manifest, null, 2) + '\n', { mode: 0o600 });
  await writeChecksums(partial);
  await rename(partial, target);
  log(
    `backup written: ${target} (${manifest.files} file${manifest.files === 1 ? '' : 's'}${postgres ? `, database up to ${postgres.stopLsn}` : ''})`,
  );
  if (manifest.secretFingerprint) {
    log(
      `the app's secret (${secretFile(opts.dataDir)}) is not in the backup (decision 022): keep one copy of it apart from the backups; a restore on another machine needs it`,
    );
  }
  return target;
}

/** A session on the cluster: the running server's, or a server started for the backup alone and stopped after it. */
async function connectToCluster(
  clusterDir: string,
  log: (line: string) => void,
): Promise<{ client: pg.Client; stop: () => Promise<void> }> {
  const port = runningClusterPort(clusterDir);
  let started: RunningDatabase | undefined;
  let url: string;
  if (port) {
    url = runningClusterUrl(clusterDir, port, 'postgres');
  } else {
    log('the app is not running: starting its database for the backup…');
    started = await startEmbeddedPostgres({ dataDir: clusterDir, port: await freePort(), persistent: true });
    url = started.url;
  }
  const client = new pg.Client({ connectionString: url });
  // A connection lost mid-backup fails the running query; the event alone must not end the process.
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (e) {
    await started?.stop();
    throw new StartupError(
      `Cannot connect to the database running on ${clusterDir} (${(e as Error).message}): check that the app started normally.`,
    );
  }
  return { client, stop: async () => void (await started?.stop()) };
}

export function readManifest(backupDir: string): BackupManifest | null {
  const file = path.join(backupDir, MANIFEST);
  if (!existsSync(file)) return null;
  const m = JSON.parse(readFileSync(file, 'utf8')) as BackupManifest;
  return m.format === BACKUP_FORMAT ? m : null;
}
