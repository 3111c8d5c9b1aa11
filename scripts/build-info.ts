import { spawnSync } from 'node:child_process';

/**
 * What a build fixes about itself (issue 17, item 8), for staff pages and /api/health: the git commit it was built from
 * (YISHI_COMMIT from the environment wins, for builds from an archive without .git) and the time it was built.
 * next.config.ts passes both to Next's `env`, which inlines them into the build; nothing is written to a file.
 */
export function buildEnv(now: Date, env: Record<string, string | undefined> = process.env) {
  return { YISHI_COMMIT: env.YISHI_COMMIT || gitCommit(), YISHI_BUILT_AT: now.toISOString() };
}

function gitCommit(): string {
  const r = spawnSync('git', ['rev-parse', '--short=12', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return r.status === 0 ? r.stdout.trim() : '';
}
