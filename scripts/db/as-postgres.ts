/**
 * PostgreSQL refuses to run as root, so as root the embedded cluster runs as the `postgres` system user
 * (created when missing). That user must reach the binaries and the data folder: a clone in a private folder
 * (mode 700, like root's home) hides both. Then the binaries are copied once to a folder it can read and the
 * cluster lives in a folder it owns, linked from the data folder (decision 036); where even that cannot be
 * prepared, start-up stops with one sentence saying what to do.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readlinkSync,
  renameSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import path from 'node:path';
import { StartupError } from './startup-error.ts';

export type TRunAs = { uid: number; gid: number };

const USER = 'postgres';

/** Where the binaries and clusters go when the clone is out of the postgres user's reach. */
export const postgresHome = () => path.resolve(process.env.YISHI_PG_HOME ?? '/var/lib/yishi');

const idOf = (flag: '-u' | '-g') =>
  Number(execFileSync('id', [flag, USER], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());

/** The user PostgreSQL runs as: none (the current one) unless we are root; then `postgres`, created when missing. */
export function postgresUser(): TRunAs | null {
  if (process.getuid?.() !== 0) return null;
  try {
    return { uid: idOf('-u'), gid: idOf('-g') };
  } catch {
    // Missing: make it as a system user without a login shell.
  }
  try {
    spawnSync('groupadd', ['--system', USER], { stdio: 'ignore' });
    execFileSync('useradd', ['--system', '--gid', USER, '--no-create-home', '--shell', '/usr/sbin/nologin', USER], { stdio: 'ignore' });
    return { uid: idOf('-u'), gid: idOf('-g') };
  } catch {
    throw new StartupError(
      'PostgreSQL cannot run as root and the `postgres` system user could not be created: create it (useradd --system postgres), ' +
        'run Yishi as an ordinary user, or set DATABASE_URL.',
    );
  }
}

/** Whether `who` can enter `dir` (every folder on the way) — asked of the system itself, ACLs included. */
export function canEnter(who: TRunAs, dir: string): boolean {
  return spawnSync('/bin/sh', ['-c', 'cd "$1"', 'sh', dir], { ...who, stdio: 'ignore' }).status === 0;
}

/** The first folder on the way to `dir` that `who` cannot enter (for the message). */
export function firstBlocked(who: TRunAs, dir: string): string {
  const parts = path.resolve(dir).split(path.sep).filter(Boolean);
  for (let i = 1; i <= parts.length; i += 1) {
    const here = path.sep + parts.slice(0, i).join(path.sep);
    if (!canEnter(who, here)) return here;
  }
  return dir;
}

const cannot = (blocked: string, what: string) =>
  new StartupError(
    `As root, PostgreSQL runs as the postgres user, which cannot enter ${blocked}, and ${what}: ` +
      'clone Yishi into a folder other users can enter (for example /opt/yishi), set YISHI_PG_HOME to a folder root can create, ' +
      'run it as an ordinary user, or set DATABASE_URL.',
  );

function prepareHome(who: TRunAs, blocked: string): string {
  const home = postgresHome();
  try {
    mkdirSync(home, { recursive: true, mode: 0o755 });
  } catch (e) {
    throw cannot(blocked, `${home} could not be made (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  if (!canEnter(who, home)) throw cannot(blocked, `it cannot enter ${home} either`);
  return home;
}

/**
 * The folder of PostgreSQL's binaries (bin/, lib/, share/) the postgres user can run: the shipped one when it
 * can enter it, otherwise a copy (made once per shipped version, readable by all, writable by root only).
 */
export function reachableBinaries(shipped: string, who: TRunAs | null, version: string): string {
  if (!who || canEnter(who, path.join(shipped, 'bin'))) return shipped;
  const blocked = firstBlocked(who, shipped);
  const home = prepareHome(who, blocked);
  const copy = path.join(home, `postgresql-${version.replace(/[^\w.-]/g, '_')}`);
  if (existsSync(path.join(copy, 'bin', 'postgres'))) return copy;
  const partial = `${copy}.partial-${process.pid}`;
  try {
    // Symlinks (lib/*.so.N) are kept as the relative links they are.
    cpSync(shipped, partial, { recursive: true, verbatimSymlinks: true });
    for (const f of readdirSync(path.join(partial, 'bin'))) chmodSync(path.join(partial, 'bin', f), 0o755);
    renameSync(partial, copy);
  } catch (e) {
    rmSync(partial, { recursive: true, force: true });
    // Another start made it at the same time: theirs is as good.
    if (existsSync(path.join(copy, 'bin', 'postgres'))) return copy;
    throw cannot(blocked, `the binaries could not be copied to ${copy} (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  return copy;
}

const isLink = (p: string) => {
  try {
    return lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
};

/** Where a linked data folder points (even when what it points to is gone). */
export const linkedFolder = (link: string) => path.resolve(path.dirname(link), readlinkSync(link));

/**
 * The folder PostgreSQL keeps the cluster in, owned by the postgres user. Normally `dataDir` itself; when that
 * user cannot enter the folder holding it, a folder under YISHI_PG_HOME that `dataDir` becomes a link to, so
 * every tool that looks at `dataDir` (the version check, backups) still finds the cluster there.
 */
export function reachableDataDir(dataDir: string, who: TRunAs | null): string {
  if (!who) return dataDir;
  const parent = path.dirname(dataDir);
  mkdirSync(parent, { recursive: true });
  const linked = isLink(dataDir);
  const real = linked ? linkedFolder(dataDir) : dataDir;
  if (linked || canEnter(who, parent)) {
    mkdirSync(real, { recursive: true, mode: 0o700 });
    chownSync(real, who.uid, who.gid);
    return real;
  }
  const blocked = firstBlocked(who, parent);
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    throw cannot(blocked, `${dataDir} already holds files`);
  }
  const home = prepareHome(who, blocked);
  const hash = createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 10);
  const readable = path
    .resolve(dataDir)
    .slice(1)
    .replace(/[^\w.-]+/g, '-')
    .slice(-60);
  const cluster = path.join(home, 'clusters', `${readable}-${hash}`);
  mkdirSync(path.dirname(cluster), { recursive: true, mode: 0o755 });
  // A cluster left there after its link was removed (`rm -rf .data`) is not brought back: it is kept aside, named.
  if (existsSync(cluster) && readdirSync(cluster).length > 0) renameSync(cluster, `${cluster}.unlinked-${Date.now()}`);
  mkdirSync(cluster, { recursive: true, mode: 0o700 });
  chownSync(cluster, who.uid, who.gid);
  rmSync(dataDir, { recursive: true, force: true });
  symlinkSync(cluster, dataDir);
  return cluster;
}
