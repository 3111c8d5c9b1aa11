/**
 * The demo data for the test files that read it (not the one that tests seeding itself, divisions-and-seed): seeded
 * once per run into a template database — the first file to need it seeds it under an advisory lock while the others
 * wait — and cloned for each file (a second or so), instead of every file seeding the whole demo (10–25 s each).
 * Call it in beforeAll, before anything reads the database: it points the file's client at its own copy.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { PrismaClient } from '@/generated/prisma/client';
import { seedDemo } from '../../prisma/seed/index.ts';
import { createDb } from '@/server/db';

const TEMPLATE = 'yishi_demo_template';

export async function useDemoDatabase() {
  const server = inject('pgServer');
  const admin = new pg.Client({ connectionString: `${server}/postgres` });
  await admin.connect();
  try {
    await admin.query('SELECT pg_advisory_lock(7230)');
    const made = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [TEMPLATE]);
    if (made.rowCount === 0) {
      await admin.query(`CREATE DATABASE ${TEMPLATE} TEMPLATE ${inject('templateDb')}`);
      const db = createDb(`${server}/${TEMPLATE}`) as PrismaClient;
      try {
        await seedDemo(db);
      } finally {
        await db.$disconnect();
      }
    }
    const name = `t_demo_${randomBytes(6).toString('hex')}`;
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE}`);
    await admin.query('SELECT pg_advisory_unlock(7230)');
    const holder = globalThis as { yishiDb?: { $disconnect: () => Promise<void> } };
    await holder.yishiDb?.$disconnect();
    delete holder.yishiDb;
    process.env.DATABASE_URL = `${server}/${name}`;
  } finally {
    await admin.end();
  }
}
