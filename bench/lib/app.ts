/**
 * The production app as `npm start` runs it (scripts/start.ts: builds if the sources changed, applies the
 * migrations, loads the demo data) on a throwaway embedded PostgreSQL in a fresh folder under the system's
 * temporary folder, on free ports. `stop()` ends it and removes the folder.
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cpuMsOfTree } from './cpu.ts';
import { freePort } from '../../scripts/db/port.ts';
import { readDatabasePassword } from '../../scripts/db/password.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export type TBenchApp = {
  base: string;
  dbUrl: string;
  /** CPU milliseconds used so far by the server side: the app and PostgreSQL (bench/lib/cpu.ts). */
  cpuMs: () => number;
  stop: () => Promise<void>;
};

export async function startApp(name: string, env: Record<string, string> = {}): Promise<TBenchApp> {
  const port = await freePort();
  const pgPort = await freePort();
  // A folder that does not exist yet: start.ts makes it with the rights PostgreSQL needs when run as root.
  const dataDir = path.join(os.tmpdir(), `yishi-bench-${name}-${port}`);
  const app = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/start.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      YISHI_PG_PORT: String(pgPort),
      YISHI_DATA_DIR: dataDir,
      YISHI_EPHEMERAL: '1',
      YISHI_JOBS: 'off',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise((r) => app.once('exit', r));
  await new Promise<void>((resolve, reject) => {
    app.stdout!.on('data', (c: Buffer) => /is running/.test(c.toString()) && resolve());
    app.once('exit', (code) => reject(new Error(`the app exited (${code}) before it was ready`)));
  });
  // The embedded cluster's password is made when the app first starts it (scripts/db/password.ts).
  const dbUrl = `postgresql://yishi:${readDatabasePassword(path.join(dataDir, 'pg'))}@127.0.0.1:${pgPort}/yishi`;
  const stop = async () => {
    app.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  };
  return { base: `http://localhost:${port}`, dbUrl, cpuMs: () => cpuMsOfTree(app.pid!), stop };
}
