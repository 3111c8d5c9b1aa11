import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import config from '../../next.config.ts';
import { buildEnv } from '../../scripts/build-info.ts';

/** Issue 17, item 8: staff and /api/health say which build runs — the version, the commit and when it was built. */
describe('the build fixes its commit and time', () => {
  const head = spawnSync('git', ['rev-parse', '--short=12', 'HEAD'], { encoding: 'utf8' }).stdout.trim();

  test('from git when the sources are a clone, or from YISHI_COMMIT when they are not (an archive)', () => {
    const at = new Date('2026-12-03T08:00:00Z');
    expect(buildEnv(at, {})).toEqual({ YISHI_COMMIT: head, YISHI_BUILT_AT: '2026-12-03T08:00:00.000Z' });
    expect(buildEnv(at, { YISHI_COMMIT: 'v0.1.0-tarball' }).YISHI_COMMIT).toBe('v0.1.0-tarball');
  });

  test('next.config passes them to the build, which inlines them', () => {
    expect(config.env?.YISHI_COMMIT).toBe(process.env.YISHI_COMMIT || head);
    expect(Date.now() - Date.parse(config.env!.YISHI_BUILT_AT!)).toBeLessThan(600_000);
  });
});
