import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { freePort } from '../../scripts/db/port.ts';

// Decision 036: the embedded server stops with the process that started it — also when that process is ended by a
// signal it does not handle (SIGTERM to a tool, SIGHUP when a terminal closes), which skips Node's 'exit' event.
const ROOT = path.resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(path.join(os.tmpdir(), 'yishi-orphan-'));
// Enterable by the postgres user (as root): the cluster stays here, not under YISHI_PG_HOME (decision 036).
chmodSync(dir, 0o755);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const answers = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = net.connect(port, '127.0.0.1', () => (s.destroy(), resolve(true)));
    s.on('error', () => resolve(false));
  });

describe('no PostgreSQL is left running', () => {
  test.each(['SIGTERM', 'SIGHUP'] as const)(
    'after %s to a tool that started it',
    async (signal) => {
      const port = await freePort();
      const script = `const { startEmbeddedPostgres } = await import('./scripts/db/embedded.ts');
      await startEmbeddedPostgres({ dataDir: ${JSON.stringify(path.join(dir, signal))}, port: ${port}, persistent: false });
      console.log('up'); setInterval(() => {}, 1000);`;
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (c: Buffer) => c.toString().includes('up') && resolve());
        child.once('exit', () => reject(new Error('the tool ended before PostgreSQL was up')));
      });
      expect(await answers(port)).toBe(true);
      child.kill(signal);
      await new Promise((r) => child.once('exit', r));
      let up = true;
      for (let i = 0; i < 40 && up; i += 1) {
        await new Promise((r) => setTimeout(r, 250));
        up = await answers(port);
      }
      expect(up).toBe(false);
    },
    60_000,
  );
});
