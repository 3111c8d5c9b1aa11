/**
 * What an install keeps in its data folder (YISHI_DATA_DIR, default .data): the embedded cluster and the
 * uploaded files, which backups hold, and the app's secret, which they never hold: it seals open secret
 * ballots, and a copy of the database together with it could unseal them (decision 022).
 * Shared by `npm run backup` and `npm run restore`.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, readdir, stat } from 'node:fs/promises';
import path from 'node:path';

export const installPaths = (dataDir: string) => ({
  cluster: path.join(dataDir, 'pg'),
  files: path.join(dataDir, 'files'),
});

/** The secret file `npm start` makes when NEXTAUTH_SECRET is not set (scripts/secret.ts). */
export const secretFile = (dataDir: string) => path.join(dataDir, 'nextauth-secret');

/**
 * Tells which secret an install used without revealing it: 16 hex digits of a SHA-256 over a label and the
 * secret (32 random bytes: nothing to guess from the digest). Null when the folder has no secret file.
 */
export function secretFingerprint(dataDir: string): string | null {
  const file = secretFile(dataDir);
  if (!existsSync(file)) return null;
  return createHash('sha256')
    .update(`yishi secret fingerprint\n${readFileSync(file, 'utf8').trim()}`)
    .digest('hex')
    .slice(0, 16);
}

/** A time in folder names: 2026-12-03T08-30-00Z (UTC, no colons, which some file systems and tools refuse). */
export const fileStamp = (at: Date) =>
  at
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/:/g, '-');

/** Copies every file under `from` that `to` does not have yet; returns how many it copied. */
export async function copyNewFiles(from: string, to: string): Promise<number> {
  if (!existsSync(from)) return 0;
  await mkdir(to, { recursive: true, mode: 0o700 });
  let copied = 0;
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const [src, dest] = [path.join(from, entry.name), path.join(to, entry.name)];
    if (entry.isDirectory()) copied += await copyNewFiles(src, dest);
    else if (entry.isFile() && !existsSync(dest)) {
      // A file removed while the copy runs is simply not in the backup.
      const done = await copyFile(src, dest).then(
        () => true,
        (e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? false : Promise.reject(e)),
      );
      if (done) copied++;
    }
  }
  return copied;
}

/** Number of files under a folder (0 when it does not exist). */
export async function countFiles(dir: string): Promise<number> {
  if (!existsSync(dir)) return 0;
  let n = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    n += entry.isDirectory() ? await countFiles(path.join(dir, entry.name)) : (await stat(path.join(dir, entry.name))).isFile() ? 1 : 0;
  }
  return n;
}
