/**
 * pgbench, the floor every write is measured against: one SQL script run as one transaction per call, by
 * `clients` connections for `seconds`, against the bench's database. Returns transactions/s and latencies.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { percentile } from './stats.ts';

function findPgbench(): string {
  const installed = existsSync('/usr/lib/postgresql')
    ? readdirSync('/usr/lib/postgresql').map((v) => `/usr/lib/postgresql/${v}/bin/pgbench`)
    : [];
  const found = ['pgbench', ...installed].find((p) => (p === 'pgbench' ? spawnSync('pgbench', ['--version']).status === 0 : existsSync(p)));
  if (!found) throw new Error('pgbench not found: apt-get install -y postgresql-client');
  return found;
}

export function runPgbench(dbUrl: string, script: string, o: { clients: number; seconds: number }) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'yishi-pgbench-'));
  try {
    writeFileSync(path.join(dir, 'script.sql'), script);
    const args = ['-n', '-c', String(o.clients), '-j', '2', '-T', String(o.seconds), '-f', path.join(dir, 'script.sql')];
    args.push('-l', '--log-prefix', path.join(dir, 'log'), dbUrl);
    const out = spawnSync(findPgbench(), args, { encoding: 'utf8' });
    if (out.status !== 0) throw new Error(out.stderr);
    if (/failed: [1-9]|aborted/.test(out.stdout)) throw new Error(`pgbench transactions failed:\n${out.stdout}`);
    const tps = Number(/tps = ([\d.]+)/.exec(out.stdout)?.[1]);
    // Per-transaction log lines: client_id transaction_no time_us script_no time_epoch time_us.
    const logs = readdirSync(dir).filter((f) => f.startsWith('log'));
    const ms = logs.flatMap((f) =>
      readFileSync(path.join(dir, f), 'utf8')
        .trim()
        .split('\n')
        .map((l) => Number(l.split(' ')[2]) / 1000),
    );
    return { tps, transactions: ms.length, p50: percentile(ms, 50), p95: percentile(ms, 95), p99: percentile(ms, 99) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
