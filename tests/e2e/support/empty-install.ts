import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { readDatabasePassword } from '../../../scripts/db/password.ts';

/**
 * A second install beside the e2e run's demo (issue 18's "done when"): started exactly as `npm start` with
 * YISHI_DEMO=off on its own folder and ports, so that a journey can begin from nothing. Uses the build the e2e run made.
 */
const ROOT = path.resolve(import.meta.dirname, '../../..');

export type TEmptyInstall = {
  url: string;
  dataDir: string;
  /** Runs one of the install's command-line tools (npm run <script> -- args) with its standard input. */
  tool: (script: string, args: string[], input?: string) => { code: number | null; out: string; err: string };
  query: <T extends pg.QueryResultRow>(sql: string, params?: unknown[]) => Promise<T[]>;
  stop: () => Promise<void>;
};

const SCRIPTS: Record<string, string> = { 'admin:create': 'scripts/admin-create.ts' };

export async function startEmptyInstall(port: number, pgPort: number): Promise<TEmptyInstall> {
  const parent = mkdtempSync(path.join(os.tmpdir(), 'yishi-empty-'));
  // Readable by the postgres user when the tests run as root (the data folder is then relocated otherwise).
  spawnSync('chmod', ['755', parent]);
  const dataDir = path.join(parent, 'data');
  const url = `http://localhost:${port}`;
  const env = {
    ...process.env,
    PORT: String(port),
    YISHI_PG_PORT: String(pgPort),
    YISHI_DATA_DIR: dataDir,
    YISHI_EPHEMERAL: '1',
    YISHI_DEMO: 'off',
    NEXTAUTH_URL: url,
    YISHI_PUBLIC_URL: url,
    YISHI_CODE_OUTBOX: `${dataDir}-codes.jsonl`,
  };
  const server: ChildProcess = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/start.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  server.stdout!.on('data', (d: Buffer) => (log += d.toString()));
  server.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  const deadline = Date.now() + 240_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the empty install stopped:\n${log}`);
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`the empty install did not start in time:\n${log}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
  const dbUrl = () => `postgresql://yishi:${readDatabasePassword(path.join(dataDir, 'pg'))}@127.0.0.1:${pgPort}/yishi`;
  return {
    url,
    dataDir,
    tool: (script, args, input = '') => {
      const r = spawnSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', SCRIPTS[script]!, ...args], {
        cwd: ROOT,
        env: { ...env, YISHI_DEMO: undefined },
        input,
        encoding: 'utf8',
        timeout: 120_000,
      });
      return { code: r.status, out: r.stdout, err: r.stderr };
    },
    query: async (sql, params = []) => {
      const client = new pg.Client({ connectionString: dbUrl() });
      await client.connect();
      try {
        return (await client.query(sql, params)).rows;
      } finally {
        await client.end();
      }
    },
    stop: async () => {
      if (server.exitCode === null) {
        const ended = new Promise((r) => server.once('exit', r));
        server.kill('SIGTERM');
        await Promise.race([ended, new Promise((r) => setTimeout(r, 20_000))]);
      }
      rmSync(parent, { recursive: true, force: true });
    },
  };
}
