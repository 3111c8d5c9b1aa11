import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, test } from 'vitest';
import { startEmbeddedPostgres } from '../../scripts/db/embedded.ts';
import { applyMigrations, MIGRATIONS_DIR } from '../../scripts/db/migrations.ts';
import { assertPortFree, freePort } from '../../scripts/db/port.ts';
import { StartupError } from '../../scripts/db/startup-error.ts';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'yishi-startup-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('start-up failures stop with one clear sentence', () => {
  test('a data folder from another PostgreSQL version', async () => {
    const dir = path.join(tmp, 'pg15');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'PG_VERSION'), '15\n');
    const err = await startEmbeddedPostgres({ dataDir: dir, port: await freePort(), persistent: true }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StartupError);
    expect((err as Error).message).toMatch(/belongs to PostgreSQL 15, but the embedded server is PostgreSQL 18/);
  });

  test('an occupied port', async () => {
    const server = net.createServer().listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const port = (server.address() as net.AddressInfo).port;
    try {
      await expect(assertPortFree(port, 'app', 'PORT')).rejects.toThrow(`Port ${port} is already in use, so the app cannot listen on it`);
    } finally {
      server.close();
    }
  });

  test('a DATABASE_URL nothing answers at', async () => {
    const port = await freePort();
    await expect(applyMigrations(`postgresql://u:p@127.0.0.1:${port}/db`)).rejects.toThrow(
      /^Cannot connect to the database at DATABASE_URL/,
    );
  });

  test('a failing migration is rolled back whole, and applies once fixed', async () => {
    const server = inject();
    const admin = new pg.Client({ connectionString: `${server}/postgres` });
    await admin.connect();
    await admin.query('CREATE DATABASE migfail');
    await admin.end();
    const url = `${server}/migfail`;
    const dir = path.join(tmp, 'migrations');
    cpSync(MIGRATIONS_DIR, dir, { recursive: true });
    const bad = path.join(dir, '29990101000000_bad');
    mkdirSync(bad);
    writeFileSync(path.join(bad, 'migration.sql'), 'CREATE TABLE "Half" (id int);\nSELECT * FROM "NoSuchTable";\n');

    await expect(applyMigrations(url, dir)).rejects.toThrow(/The database migration 29990101000000_bad failed and was rolled back/);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      expect((await client.query(`SELECT to_regclass('"Half"')::text AS t`)).rows[0].t).toBeNull();
      expect((await client.query(`SELECT to_regclass('"Community"')::text AS t`)).rows[0].t).toBe('"Community"');
      writeFileSync(path.join(bad, 'migration.sql'), 'CREATE TABLE "Half" (id int);\n');
      expect(await applyMigrations(url, dir)).toEqual(['29990101000000_bad']);
      expect(await applyMigrations(url, dir)).toEqual([]);
    } finally {
      await client.end();
    }
  });
});

function inject(): string {
  // The throwaway server of tests/setup/global-db.ts.
  return process.env.DATABASE_URL!.replace(/\/[^/]+$/, '');
}
