/**
 * Starts a throwaway embedded PostgreSQL for the integration tests (never the demo data in .data/),
 * migrates a template database with the real divisions loaded, and removes everything afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../../scripts/db/embedded.ts';
import { freePort } from '../../scripts/db/port.ts';
import { prepareDatabase } from '../../scripts/prepare-database.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Server URL without a database name, e.g. postgresql://u:p@127.0.0.1:1234 */
    pgServer: string;
    templateDb: string;
  }
}

export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'yishi-test-pg-'));
  const db = await startEmbeddedPostgres({ dataDir, port: await freePort(), persistent: false });
  await prepareDatabase(db.url, { demo: false });
  const server = db.url.replace(/\/[^/]+$/, '');
  // Nothing may stay connected to a template database while it is cloned.
  const admin = new pg.Client({ connectionString: `${server}/postgres` });
  await admin.connect();
  await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'yishi' AND pid <> pg_backend_pid()`);
  await admin.end();
  project.provide('pgServer', server);
  project.provide('templateDb', 'yishi');
  return async () => {
    await db.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
