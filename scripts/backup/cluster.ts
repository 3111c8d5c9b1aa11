/**
 * A consistent copy of a running PostgreSQL cluster with PostgreSQL's own low-level backup API
 * (decision 038): pg_backup_start / pg_backup_stop in one session, the data folder copied in between,
 * and the WAL from the backup's start to its stop copied from pg_wal, held there by a temporary
 * replication slot. The copy starts like a pg_basebackup: the server replays that WAL on first start.
 */
import { chmod, copyFile, mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type pg from 'pg';
import { StartupError } from '../db/startup-error.ts';

export type ClusterCopy = { startLsn: string; stopLsn: string; walFiles: string[] };

/** Folders kept empty in a base backup (PostgreSQL docs, "Making a Base Backup Using the Low Level API"). */
const EMPTY_IN_BACKUP = new Set([
  'pg_wal',
  'pg_replslot',
  'pg_dynshmem',
  'pg_notify',
  'pg_serial',
  'pg_snapshots',
  'pg_stat_tmp',
  'pg_subtrans',
]);
/** Files a base backup leaves out: the running server's own, and the ones the backup writes itself. */
const LEFT_OUT = new Set(['postmaster.pid', 'postmaster.opts', 'pg_internal.init', 'backup_label', 'tablespace_map', 'backup_manifest']);
const PG_CONTROL = path.join('global', 'pg_control');
const WAL_SEGMENT = /^[0-9A-F]{24}$/;

/** Runs `during` while the server is in backup mode (after the data folder is copied, before the stop). */
export async function copyClusterOnline(
  client: pg.Client,
  clusterDir: string,
  into: string,
  during?: () => Promise<void>,
): Promise<ClusterCopy> {
  const settings = await client.query<{ wal_level: string; tablespaces: number }>(
    `SELECT current_setting('wal_level') AS wal_level, (SELECT count(*)::int FROM pg_tablespace WHERE spcname NOT IN ('pg_default', 'pg_global')) AS tablespaces`,
  );
  const { wal_level, tablespaces } = settings.rows[0] ?? { wal_level: 'minimal', tablespaces: 0 };
  if (wal_level === 'minimal') {
    throw new StartupError(
      'The database runs with wal_level=minimal, which allows no online backup: set wal_level=replica and restart it.',
    );
  }
  if (tablespaces > 0) {
    throw new StartupError(
      'The database uses tablespaces outside its data folder, which this backup does not copy: back it up with pg_basebackup.',
    );
  }
  // The slot keeps every WAL segment from now on in pg_wal until this session ends (temporary, reserved at once).
  const slot = `yishi_backup_${process.pid}_${Date.now()}`;
  await client.query('SELECT pg_create_physical_replication_slot($1, true, true)', [slot]);
  const started = await client.query<{ lsn: string }>(`SELECT pg_backup_start($1, true)::text AS lsn`, [
    `yishi ${new Date().toISOString()}`,
  ]);
  await mkdir(into, { recursive: true, mode: 0o700 });
  await copyTree(clusterDir, into, '');
  await copyFile(path.join(clusterDir, PG_CONTROL), path.join(into, PG_CONTROL));
  await during?.();
  const stopped = await client.query<{ lsn: string; labelfile: string; spcmapfile: string; stopfile: string }>(
    `SELECT lsn::text, labelfile, spcmapfile, pg_walfile_name(lsn) AS stopfile FROM pg_backup_stop(false)`,
  );
  const { lsn, labelfile, spcmapfile, stopfile } = stopped.rows[0] ?? { lsn: '', labelfile: '', spcmapfile: '', stopfile: '' };
  const startfile = /START WAL LOCATION: \S+ \(file ([0-9A-F]{24})\)/.exec(labelfile)?.[1];
  if (!startfile) throw new Error(`pg_backup_stop returned a backup label without its start file: ${labelfile}`);
  await writeFile(path.join(into, 'backup_label'), labelfile, { mode: 0o600 });
  if (spcmapfile) await writeFile(path.join(into, 'tablespace_map'), spcmapfile, { mode: 0o600 });
  const walFiles = await copyWal(path.join(clusterDir, 'pg_wal'), path.join(into, 'pg_wal'), startfile, stopfile);
  await client.query('SELECT pg_drop_replication_slot($1)', [slot]);
  return { startLsn: started.rows[0]?.lsn ?? '', stopLsn: lsn, walFiles };
}

async function copyTree(fromRoot: string, toRoot: string, rel: string): Promise<void> {
  const from = path.join(fromRoot, rel);
  const to = path.join(toRoot, rel);
  await mkdir(to, { recursive: true });
  await chmod(to, (await stat(from)).mode & 0o777);
  if (EMPTY_IN_BACKUP.has(rel)) return;
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const child = path.join(rel, entry.name);
    if (LEFT_OUT.has(entry.name) || entry.name.startsWith('pgsql_tmp') || child === PG_CONTROL) continue;
    if (entry.isDirectory()) await copyTree(fromRoot, toRoot, child);
    // A table dropped while the copy runs takes its files with it; replaying the WAL drops it in the copy too.
    else if (entry.isFile()) await copyFile(path.join(fromRoot, child), path.join(toRoot, child)).catch(ignoreVanished);
  }
}

async function copyWal(from: string, to: string, startfile: string, stopfile: string): Promise<string[]> {
  await mkdir(path.join(to, 'archive_status'), { recursive: true, mode: 0o700 });
  const timeline = stopfile.slice(0, 8);
  const wanted = (await readdir(from))
    .filter((f) => (WAL_SEGMENT.test(f) && f.startsWith(timeline) && f >= startfile && f <= stopfile) || f.endsWith('.history'))
    .sort();
  if (!wanted.includes(startfile) || !wanted.includes(stopfile)) {
    throw new Error(`The WAL from ${startfile} to ${stopfile} is no longer in ${from}; the backup cannot be completed.`);
  }
  for (const f of wanted) await copyFile(path.join(from, f), path.join(to, f));
  return wanted;
}

function ignoreVanished(e: NodeJS.ErrnoException) {
  if (e.code !== 'ENOENT') throw e;
}
