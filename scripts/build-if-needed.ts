import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './db/migrations.ts';
import { StartupError } from './db/startup-error.ts';

const INPUTS = [
  'src',
  'messages',
  'public',
  'prisma/schema',
  'package.json',
  'package-lock.json',
  'next.config.ts',
  'postcss.config.mjs',
  'tsconfig.json',
];
const STAMP = path.join(ROOT, '.next', 'yishi-build-stamp');

/** A fingerprint of everything a build reads: paths, sizes and modification times. */
function fingerprint(): string {
  const hash = createHash('sha256');
  const walk = (p: string) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) {
      if (path.basename(p) === 'generated') return;
      for (const f of readdirSync(p).sort()) walk(path.join(p, f));
    } else hash.update(`${path.relative(ROOT, p)}:${st.size}:${st.mtimeMs}\n`);
  };
  for (const i of INPUTS) walk(path.join(ROOT, i));
  return hash.digest('hex');
}

export async function buildIfNeeded(say: (s: string) => void) {
  const print = fingerprint();
  if (existsSync(path.join(ROOT, '.next', 'BUILD_ID')) && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === print) return;
  say('building the app (first start, or the sources changed)…');
  const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/next/dist/bin/next'), 'build'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (r.status !== 0) throw new StartupError('The app did not build (see the messages above): fix the error, then run npm start again.');
  writeFileSync(STAMP, print);
}
