/**
 * SHA256SUMS in a backup folder, in sha256sum's own format: the restore checks it before touching an
 * install, and anyone can check a copy kept elsewhere with `sha256sum -c SHA256SUMS` inside the folder.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const CHECKSUMS = 'SHA256SUMS';

async function filesUnder(root: string, rel = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(path.join(root, rel), { withFileTypes: true })) {
    const child = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await filesUnder(root, child)));
    else if (entry.isFile() && child !== CHECKSUMS) out.push(child);
  }
  return out.sort();
}

function sha256(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

export async function writeChecksums(dir: string): Promise<void> {
  const lines: string[] = [];
  for (const rel of await filesUnder(dir)) lines.push(`${await sha256(path.join(dir, rel))}  ${rel}`);
  await writeFile(path.join(dir, CHECKSUMS), lines.join('\n') + '\n', { mode: 0o600 });
}

/** The first file that is missing or differs from its checksum, or null when the folder is whole. */
export async function firstDamaged(dir: string): Promise<string | null> {
  const list = path.join(dir, CHECKSUMS);
  if (!existsSync(list)) return CHECKSUMS;
  for (const line of (await readFile(list, 'utf8')).split('\n').filter(Boolean)) {
    const [sum, rel] = [line.slice(0, 64), line.slice(66)];
    const file = path.join(dir, rel);
    if (!existsSync(file) || (await sha256(file)) !== sum) return rel;
  }
  return null;
}
