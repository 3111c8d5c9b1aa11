import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, test } from 'vitest';
import { postgresUser, reachableBinaries, reachableDataDir } from '../../scripts/db/as-postgres.ts';
import { startEmbeddedPostgres } from '../../scripts/db/embedded.ts';
import { initdb, shippedBinaries, shippedVersion } from '../../scripts/db/postgres-process.ts';
import { freePort } from '../../scripts/db/port.ts';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'yishi-pg-password-'));
// Run as root, PostgreSQL runs as the `postgres` user, which must reach the data folders inside.
chmodSync(tmp, 0o755);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const passwordOf = (url: string) => decodeURIComponent(new URL(url).password);

async function connects(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    return (await client.query('SELECT 1 AS one')).rows[0]?.one === 1;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

describe("the embedded database's password", () => {
  test('every new data folder gets its own password, kept in the folder (mode 600), and the old shared one no longer opens it', async () => {
    const dirs = [path.join(tmp, 'one'), path.join(tmp, 'two')];
    const dbs = await Promise.all(
      dirs.map(async (dataDir) => startEmbeddedPostgres({ dataDir, port: await freePort(), persistent: true })),
    );
    try {
      const [a, b] = dbs.map((d) => passwordOf(d.url));
      expect(a).not.toBe(b);
      expect(a!.length).toBeGreaterThanOrEqual(24);
      expect(dirs.map((d) => readFileSync(path.join(d, 'yishi-password'), 'utf8').trim())).toEqual([a, b]);
      expect(dirs.map((d) => statSync(path.join(d, 'yishi-password')).mode & 0o777)).toEqual([0o600, 0o600]);
      expect(await connects(dbs[0]!.url)).toBe(true);
      const legacy = new URL(dbs[0]!.url);
      legacy.password = 'yishi-local';
      expect(await connects(legacy.toString())).toBe(false);
    } finally {
      await Promise.all(dbs.map((d) => d.stop()));
    }
    // Started again, the folder keeps its password.
    const again = await startEmbeddedPostgres({ dataDir: dirs[0]!, port: await freePort(), persistent: true });
    try {
      expect(await connects(again.url)).toBe(true);
      expect(passwordOf(again.url)).toBe(passwordOf(dbs[0]!.url));
    } finally {
      await again.stop();
    }
  });

  test('a data folder made before the password was generated keeps working with "yishi-local", now written down', async () => {
    const dataDir = path.join(tmp, 'old');
    // A cluster as older versions made it: initialised with the shared password, no password file (made with the
    // binaries the postgres user can reach, as a clone in a private folder needs: decision 036).
    const who = postgresUser();
    const shipped = await shippedBinaries();
    const bin = path.join(reachableBinaries(shipped, who, shippedVersion(shipped)), 'bin');
    await initdb({ bin, dataDir: reachableDataDir(dataDir, who), user: 'yishi', password: 'yishi-local' }, who, () => {});
    const db = await startEmbeddedPostgres({ dataDir, port: await freePort(), persistent: true });
    try {
      expect(passwordOf(db.url)).toBe('yishi-local');
      expect(await connects(db.url)).toBe(true);
      expect(readFileSync(path.join(dataDir, 'yishi-password'), 'utf8').trim()).toBe('yishi-local');
    } finally {
      await db.stop();
    }
  });
});
