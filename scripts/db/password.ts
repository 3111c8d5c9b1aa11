import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The password every install used before it was generated; data folders made then still carry it. */
export const LEGACY_PASSWORD = 'yishi-local';

/** Where a cluster's password is kept: inside its own data folder, readable by its owner only. */
export const passwordFile = (clusterDir: string) => path.join(clusterDir, 'yishi-password');

export function readDatabasePassword(clusterDir: string): string | null {
  const file = passwordFile(clusterDir);
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : null;
}

export function keepDatabasePassword(clusterDir: string, password: string): string {
  writeFileSync(passwordFile(clusterDir), password + '\n', { mode: 0o600 });
  return password;
}

/** A new cluster's password: 32 random characters, safe in a connection URL as they are. */
export const newDatabasePassword = () => randomBytes(24).toString('base64url');
