/**
 * CPU time used by a process and everything below it (Linux /proc): the app server and PostgreSQL with all its
 * backends, not the load generators. On a shared machine throughput depends on what else runs; CPU time per
 * request much less, so the benches print both. Backends that ended count through their parent (cutime, cstime).
 */
import { readFileSync } from 'node:fs';

const TICKS_PER_MS = 100 / 1000; // USER_HZ is 100 on Linux

function read(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return ''; // the process ended meanwhile
  }
}

/** Milliseconds of CPU (user + system, with reaped children) of the process tree rooted at `pid`. */
export function cpuMsOfTree(pid: number): number {
  const stat = read(`/proc/${pid}/stat`);
  if (!stat) return 0;
  // Fields after the command name (which may hold spaces): utime, stime, cutime, cstime are fields 14-17.
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const own = [11, 12, 13, 14].reduce((sum, i) => sum + Number(f[i]), 0) / TICKS_PER_MS;
  const children = read(`/proc/${pid}/task/${pid}/children`).trim().split(/\s+/).filter(Boolean).map(Number);
  return own + children.reduce((sum, c) => sum + cpuMsOfTree(c), 0);
}
