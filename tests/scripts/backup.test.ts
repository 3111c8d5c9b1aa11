/**
 * Backups and restore (issue 17, item 7; decision 038): a restore drill on a real embedded PostgreSQL.
 * Data and a file are written, a backup is taken while another session keeps writing, more is written,
 * the data folder is destroyed, the backup restored and the server started again.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, test } from 'vitest';
import { makeBackup, readManifest } from '../../scripts/backup/make-backup.ts';
import { restoreBackup } from '../../scripts/backup/restore-backup.ts';
import { startEmbeddedPostgres, type RunningDatabase } from '../../scripts/db/embedded.ts';
import { ROOT } from '../../scripts/db/migrations.ts';
import { freePort } from '../../scripts/db/port.ts';
import { StartupError } from '../../scripts/db/startup-error.ts';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'yishi-backup-'));
// As root the cluster runs as the `postgres` user, which must reach the data folder.
chmodSync(tmp, 0o755);
const dataDir = path.join(tmp, 'data');
const cluster = path.join(dataDir, 'pg');
const backups = path.join(tmp, 'backups');
const photo = path.join(dataDir, 'files', 'issues', '2026', 'photo-1.jpg');
const running: RunningDatabase[] = [];

afterAll(async () => {
  for (const db of running) await db.stop().catch(() => {});
  rmSync(tmp, { recursive: true, force: true });
});

async function start(dir = cluster): Promise<{ db: RunningDatabase; client: pg.Client }> {
  const db = await startEmbeddedPostgres({ dataDir: dir, port: await freePort(), persistent: true });
  running.push(db);
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  return { db, client };
}

async function stop(db: RunningDatabase, client: pg.Client) {
  await client.end();
  await db.stop();
  running.splice(running.indexOf(db), 1);
}

const fingerprint = async (c: pg.Client) =>
  (
    await c.query<{ n: number; sum: string }>(
      `SELECT count(*)::int AS n, md5(string_agg(id || ':' || note, ',' ORDER BY id)) AS sum FROM drill`,
    )
  ).rows[0]!;

describe('backup and restore of the embedded install', () => {
  let backupDir = '';
  let atBackup: { n: number; sum: string };
  let pairsBefore = 0;
  const photoBytes = randomBytes(300_000);

  test('a backup taken while the app writes restores to exactly the backup moment', async () => {
    const { db, client } = await start();
    await client.query(`CREATE TABLE drill (id serial PRIMARY KEY, note text NOT NULL)`);
    await client.query(`CREATE TABLE pairs (n int NOT NULL, side text NOT NULL)`);
    await client.query(`INSERT INTO drill (note) SELECT '意见 ' || g || ' ' || repeat('x', 200) FROM generate_series(1, 5000) g`);
    mkdirSync(path.dirname(photo), { recursive: true });
    writeFileSync(photo, photoBytes);
    writeFileSync(path.join(dataDir, 'nextauth-secret'), 'the-install-secret\n', { mode: 0o600 });
    atBackup = await fingerprint(client);

    // Another session commits two rows per transaction all through the backup: the restore holds whole transactions only.
    const writer = new pg.Client({ connectionString: db.url });
    await writer.connect();
    let writing = true;
    let committed = 0;
    const writes = (async () => {
      while (writing) {
        await writer.query('BEGIN');
        await writer.query(`INSERT INTO pairs VALUES ($1, 'a'), ($1, 'b')`, [committed + 1]);
        await writer.query('COMMIT');
        committed++;
      }
    })();
    await new Promise((r) => setTimeout(r, 200));
    pairsBefore = committed;
    backupDir = await makeBackup({ dataDir, into: backups });
    const pairsAfter = committed;
    // The other session really wrote before and during the backup.
    expect(pairsBefore).toBeGreaterThan(0);
    expect(pairsAfter).toBeGreaterThan(pairsBefore);
    writing = false;
    await writes;
    await writer.end();

    await client.query(`INSERT INTO drill (note) VALUES ('written after the backup')`);
    await client.query(`UPDATE drill SET note = 'changed after the backup' WHERE id = 1`);
    writeFileSync(path.join(path.dirname(photo), 'photo-2.jpg'), randomBytes(1000));
    rmSync(photo);
    await stop(db, client);

    expect(path.basename(backupDir)).toMatch(/^yishi-backup-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ$/);
    expect(readManifest(backupDir)).toMatchObject({
      database: 'embedded',
      files: 1,
      secretFingerprint: expect.stringMatching(/^[0-9a-f]{16}$/),
    });
    // The app's secret seals open secret ballots: never in the same backup as the database (decision 022).
    expect(readdirSync(backupDir).sort()).toEqual(['SHA256SUMS', 'files', 'manifest.json', 'pg']);
    expect(readFileSync(path.join(backupDir, 'manifest.json'), 'utf8')).not.toContain('the-install-secret');
    rmSync(dataDir, { recursive: true, force: true });

    const said: string[] = [];
    await restoreBackup({ from: backupDir, dataDir, replace: false, log: (l) => said.push(l) });
    expect(said).toContainEqual(
      expect.stringMatching(
        /^This backup does not hold the app's secret \(decision 022\): put the nextauth-secret file kept apart from the backups at .*nextauth-secret before npm start/,
      ),
    );
    const again = await start();
    try {
      expect(await fingerprint(again.client)).toEqual(atBackup);
      const pairs = await again.client.query<{ a: number; b: number; max: number }>(
        `SELECT count(*) FILTER (WHERE side = 'a')::int AS a, count(*) FILTER (WHERE side = 'b')::int AS b, coalesce(max(n), 0) AS max FROM pairs`,
      );
      const { a, b, max } = pairs.rows[0]!;
      expect(a).toBe(b);
      expect(max).toBe(a);
      expect(a).toBeGreaterThanOrEqual(pairsBefore);
      expect(a).toBeLessThanOrEqual(pairsAfter);
    } finally {
      await stop(again.db, again.client);
    }
    expect(readFileSync(photo).equals(photoBytes)).toBe(true);
    expect(existsSync(path.join(path.dirname(photo), 'photo-2.jpg'))).toBe(false);
    expect(existsSync(path.join(dataDir, 'nextauth-secret'))).toBe(false);
  });

  test('restore refuses a running database, and an existing install without --replace (then keeps it aside)', async () => {
    const { db, client } = await start();
    try {
      const err = await restoreBackup({ from: backupDir, dataDir, replace: true }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StartupError);
      expect((err as Error).message).toMatch(
        /^The app's database is running on .* stop the app \(Ctrl-C in npm start\) before restoring\.$/,
      );
      await client.query(`INSERT INTO drill (note) VALUES ('after the restore')`);
    } finally {
      await stop(db, client);
    }
    await expect(restoreBackup({ from: backupDir, dataDir, replace: false })).rejects.toThrow(
      /already holds an install: run npm run restore -- <backup> --replace \(with the --\) to move it aside/,
    );

    // Restoring in place (after a failed upgrade, say): the machine's own secret stays where it is.
    writeFileSync(path.join(dataDir, 'nextauth-secret'), 'the-install-secret\n', { mode: 0o600 });
    const said: string[] = [];
    await restoreBackup({ from: backupDir, dataDir, replace: true, log: (l) => said.push(l) });
    const aside = readdirSync(dataDir).filter((f) => f.startsWith('before-restore-'));
    expect(aside).toHaveLength(1);
    expect(readdirSync(path.join(dataDir, aside[0]!)).sort()).toEqual(['files', 'pg']);
    expect(readFileSync(path.join(dataDir, 'nextauth-secret'), 'utf8')).toBe('the-install-secret\n');
    expect(said).toContainEqual(expect.stringMatching(/^The app's secret in .*nextauth-secret is the one the backed-up install used\.$/));
    const again = await start();
    try {
      expect(await fingerprint(again.client)).toEqual(atBackup);
    } finally {
      await stop(again.db, again.client);
    }
  });

  test('a backup damaged on its way off the machine is refused before anything is touched', async () => {
    expect(readFileSync(path.join(backupDir, 'SHA256SUMS'), 'utf8')).toMatch(/^[0-9a-f]{64} {2}files\/issues\/2026\/photo-1\.jpg$/m);
    const damaged = path.join(tmp, 'damaged');
    cpSync(backupDir, damaged, { recursive: true });
    const copy = path.join(damaged, 'files', 'issues', '2026', 'photo-1.jpg');
    const bytes = readFileSync(copy);
    bytes[1000] = bytes[1000]! ^ 0xff;
    writeFileSync(copy, bytes);
    await expect(restoreBackup({ from: damaged, dataDir: path.join(tmp, 'damaged-data'), replace: false })).rejects.toThrow(
      /^The backup .* is damaged: files\/issues\/2026\/photo-1\.jpg does not match its checksum in SHA256SUMS; restore another copy\.$/,
    );
    expect(existsSync(path.join(tmp, 'damaged-data'))).toBe(false);
  });

  test('a backup of a stopped install starts its database for the copy; it restores into another folder', async () => {
    const second = await makeBackup({ dataDir, into: backups, now: new Date(Date.now() + 5000) });
    expect(existsSync(path.join(cluster, 'postmaster.pid'))).toBe(false);
    const moved = path.join(tmp, 'another-machine');
    await restoreBackup({ from: second, dataDir: moved, replace: false });
    const again = await start(path.join(moved, 'pg'));
    try {
      expect(await fingerprint(again.client)).toEqual(atBackup);
    } finally {
      await stop(again.db, again.client);
    }
  });
});

describe('with DATABASE_URL, and from the command line', () => {
  test('the backup holds the files and says to back the database up with its own tools', async () => {
    const dir = path.join(tmp, 'external');
    mkdirSync(path.join(dir, 'files', 'n'), { recursive: true });
    writeFileSync(path.join(dir, 'files', 'n', 'receipt.pdf'), 'pdf');
    const lines: string[] = [];
    const made = await makeBackup({
      dataDir: dir,
      into: path.join(tmp, 'external-backups'),
      databaseUrl: 'postgresql://x@db/yishi',
      log: (l) => lines.push(l),
    });
    expect(lines[0]).toMatch(
      /DATABASE_URL is set: this backup holds the files only; back the database up with its own tools \(pg_dump or pg_basebackup\)/,
    );
    expect(readManifest(made)).toMatchObject({ database: 'external', files: 1, secretFingerprint: null });
    expect(existsSync(path.join(made, 'pg'))).toBe(false);

    await expect(restoreBackup({ from: made, dataDir: path.join(tmp, 'elsewhere'), replace: false })).rejects.toThrow(
      /holds the files only .* restore that database with pg_restore/,
    );
    await restoreBackup({ from: made, dataDir: path.join(tmp, 'elsewhere'), replace: false, databaseUrl: 'postgresql://x@db/yishi' });
    expect(readFileSync(path.join(tmp, 'elsewhere', 'files', 'n', 'receipt.pdf'), 'utf8')).toBe('pdf');
  });

  test('a backup of another PostgreSQL major version is refused', async () => {
    const old = path.join(tmp, 'yishi-backup-from-pg17');
    mkdirSync(path.join(old, 'pg'), { recursive: true });
    const manifest = {
      format: 'yishi-backup/1',
      createdAt: '2026-01-01T00:00:00.000Z',
      database: 'embedded',
      postgres: { major: '17' },
      files: 0,
      secretFingerprint: null,
    };
    writeFileSync(path.join(old, 'manifest.json'), JSON.stringify(manifest));
    await expect(restoreBackup({ from: old, dataDir: path.join(tmp, 'pg17-data'), replace: false })).rejects.toThrow(
      /^This backup holds a PostgreSQL 17 database, but the embedded server is PostgreSQL 18: restore it with the Yishi version that made it/,
    );
    expect(existsSync(path.join(tmp, 'pg17-data'))).toBe(false);
  });

  test('npm run restore of something that is not a backup says one sentence, no stack trace', () => {
    const run = spawnSync(
      process.execPath,
      ['--conditions=react-server', '--import', 'tsx', 'scripts/restore.ts', path.join(tmp, 'nothing-here')],
      {
        cwd: ROOT,
        env: { ...process.env, YISHI_DATA_DIR: path.join(tmp, 'cli-data'), DATABASE_URL: '' },
        encoding: 'utf8',
      },
    );
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(
      `[yishi] There is no backup at ${path.join(tmp, 'nothing-here')}: give the folder npm run backup wrote (named yishi-backup-<time>).`,
    );
  });
});
