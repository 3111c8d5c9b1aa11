/**
 * Gives each integration test file its own database, cloned from the migrated template, and
 * points DATABASE_URL at it before any server module creates its client.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, inject } from 'vitest';

const server = inject('pgServer');
const name = `t_${randomBytes(6).toString('hex')}`;

const admin = new pg.Client({ connectionString: `${server}/postgres` });
await admin.connect();
await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('templateDb')}`);
await admin.end();
process.env.DATABASE_URL = `${server}/${name}`;

afterAll(async () => {
  const holder = globalThis as { yishiDb?: { $disconnect: () => Promise<void> } };
  await holder.yishiDb?.$disconnect();
  delete holder.yishiDb;
});
