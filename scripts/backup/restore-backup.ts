/**
 * `npm run restore <backup>`: puts a backup's database cluster and files back into a data folder,
 * then starts the cluster once so that PostgreSQL replays the backup's WAL and proves it consistent (decision 038).
 */
import { existsSync, lstatSync, readdirSync } from 'node:fs';
import { cp, lchown, mkdir, readdir, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { linkedFolder, postgresUser, reachableDataDir } from '../db/as-postgres.ts';
import { EMBEDDED_PG_MAJOR, startEmbeddedPostgres } from '../db/embedded.ts';
import { freePort } from '../db/port.ts';
import { StartupError } from '../db/startup-error.ts';
import { CHECKSUMS, firstDamaged } from './checksums.ts';
import { fileStamp, installPaths, secretFile, secretFingerprint } from './install.ts';
import { runningClusterPort } from '../db/local-database.ts';
import { readManifest, type BackupManifest } from './make-backup.ts';

export type RestoreOptions = {
  from: string;
  dataDir: string;
  /** Move an install already in the data folder aside (to before-restore-<time>/) instead of refusing. */
  replace: boolean;
  databaseUrl?: string;
  log?: (line: string) => void;
};

export async function restoreBackup(opts: RestoreOptions): Promise<BackupManifest> {
  const log = opts.log ?? (() => {});
  const from = path.resolve(opts.from);
  const manifest = checkBackup(from, opts.databaseUrl);
  const at = installPaths(opts.dataDir);
  const port = runningClusterPort(at.cluster);
  if (port) {
    throw new StartupError(
      `The app's database is running on ${at.cluster} (port ${port}): stop the app (Ctrl-C in npm start) before restoring.`,
    );
  }
  const present = Object.values(at).filter((p) => existsSync(p) && (!isDir(p) || readdirSync(p).length > 0));
  if (present.length && !opts.replace) {
    throw new StartupError(
      `The data folder ${opts.dataDir} already holds an install: run npm run restore -- <backup> --replace (with the --) to move it aside into ${opts.dataDir}/before-restore-<time>, or set YISHI_DATA_DIR to an empty folder.`,
    );
  }
  log('checking the backup against its SHA256SUMS…');
  const damaged = await firstDamaged(from);
  if (damaged === CHECKSUMS)
    throw new StartupError(`The backup ${from} has no ${CHECKSUMS}, so it cannot be checked: restore a complete copy.`);
  if (damaged)
    throw new StartupError(`The backup ${from} is damaged: ${damaged} does not match its checksum in ${CHECKSUMS}; restore another copy.`);
  if (present.length) {
    const aside = path.join(opts.dataDir, `before-restore-${fileStamp(new Date())}`);
    await mkdir(aside, { recursive: true, mode: 0o700 });
    for (const p of present) {
      if (p === at.cluster && lstatSync(p).isSymbolicLink()) {
        // The cluster lives where the postgres user can reach it (decision 036): it is kept aside there, beside itself.
        const real = linkedFolder(p);
        await rename(real, `${real}.before-restore-${fileStamp(new Date())}`);
        await unlink(p);
        log(`the database that was there is kept in ${real}.before-restore-…`);
      } else await rename(p, path.join(aside, path.basename(p)));
    }
    log(`the install that was there is kept in ${aside}`);
  }
  await mkdir(opts.dataDir, { recursive: true });
  if (manifest.database === 'embedded') {
    // As root, where the postgres user can reach (a clone in a private folder gets a linked cluster: decision 036).
    const into = reachableDataDir(at.cluster, postgresUser());
    await cp(path.join(from, 'pg'), into, { recursive: true, preserveTimestamps: true });
    await giveToPostgresUser(into);
  }
  if (existsSync(path.join(from, 'files'))) await cp(path.join(from, 'files'), at.files, { recursive: true, preserveTimestamps: true });
  if (manifest.database === 'embedded') {
    log('starting the restored database once (PostgreSQL replays the backup’s WAL)…');
    await checkCluster(at.cluster);
  } else {
    log('files restored; restore the database at DATABASE_URL with its own tools (pg_restore, or the base backup taken with it).');
  }
  log(secretAdvice(manifest, opts.dataDir));
  log(`restored the backup of ${manifest.createdAt} into ${opts.dataDir}: start the app with npm start`);
  return manifest;
}

/** The app's secret is kept apart from backups (decision 022): say whether the one in place is the install's. */
function secretAdvice(manifest: BackupManifest, dataDir: string): string {
  const here = secretFingerprint(dataDir);
  const file = secretFile(dataDir);
  if (!manifest.secretFingerprint)
    return `The backed-up install kept no secret file in its data folder: start the app with the NEXTAUTH_SECRET and YISHI_BALLOT_SECRET it used.`;
  if (here === manifest.secretFingerprint) return `The app's secret in ${file} is the one the backed-up install used.`;
  const what = here
    ? `The secret in ${file} is not the one the backed-up install used (fingerprint ${manifest.secretFingerprint})`
    : "This backup does not hold the app's secret (decision 022)";
  return (
    `${what}: put the nextauth-secret file kept apart from the backups at ${file} before npm start, ` +
    'or every session ends and a secret vote that was open at the backup moment cannot be counted.'
  );
}

function checkBackup(from: string, databaseUrl: string | undefined): BackupManifest {
  if (from.endsWith('.partial'))
    throw new StartupError(`${from} is an unfinished backup (the backup stopped before it ended): restore a complete one.`);
  if (!existsSync(from))
    throw new StartupError(`There is no backup at ${from}: give the folder npm run backup wrote (named yishi-backup-<time>).`);
  const manifest = readManifest(from);
  if (!manifest) throw new StartupError(`${from} is not a Yishi backup (it has no manifest.json): give the folder npm run backup wrote.`);
  if (manifest.database === 'embedded' && databaseUrl) {
    throw new StartupError(
      'This backup holds the embedded database, but DATABASE_URL is set: unset DATABASE_URL to restore the embedded install.',
    );
  }
  if (manifest.database === 'external' && !databaseUrl) {
    throw new StartupError(
      'This backup holds the files only (its database was at DATABASE_URL): set DATABASE_URL and restore that database with pg_restore, then run the restore again.',
    );
  }
  if (manifest.database === 'embedded') {
    const major = manifest.postgres?.major;
    if (major !== EMBEDDED_PG_MAJOR || !existsSync(path.join(from, 'pg', 'PG_VERSION'))) {
      throw new StartupError(
        `This backup holds a PostgreSQL ${major ?? '(unknown)'} database, but the embedded server is PostgreSQL ${EMBEDDED_PG_MAJOR}: ` +
          'restore it with the Yishi version that made it, or restore its cluster into a PostgreSQL of that version and use DATABASE_URL.',
      );
    }
  }
  return manifest;
}

const isDir = (p: string) => {
  try {
    readdirSync(p);
    return true;
  } catch {
    return false;
  }
};

/** As root, the embedded PostgreSQL runs as the `postgres` user (decision 002): the restored cluster must be its own. */
async function giveToPostgresUser(dir: string): Promise<void> {
  if (process.getuid?.() !== 0) return;
  const ids = postgresUser()!;
  const walk = async (p: string): Promise<void> => {
    // lchown: a link inside the restored tree is given over itself, never what it points to.
    await lchown(p, ids.uid, ids.gid);
    if (lstatSync(p).isDirectory()) for (const name of await readdir(p)) await walk(path.join(p, name));
  };
  await walk(dir);
}

async function checkCluster(clusterDir: string): Promise<void> {
  const db = await startEmbeddedPostgres({ dataDir: clusterDir, port: await freePort(), persistent: true });
  try {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ recovering: boolean }>('SELECT pg_is_in_recovery() AS recovering');
      if (rows[0]?.recovering !== false)
        throw new StartupError(`The restored database in ${clusterDir} is still recovering: check its log, the backup may be incomplete.`);
    } finally {
      await client.end();
    }
  } finally {
    await db.stop();
  }
}
