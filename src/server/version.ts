import pkg from '../../package.json';

export type TBuildInfo = { version: string; commit: string | null; builtAt: string | null };

/**
 * Which build is running (issue 17, item 8): the version from package.json, and the git commit and build time that
 * next.config.ts fixes when the app is built (YISHI_COMMIT, YISHI_BUILT_AT; null when run from sources, as in tests).
 */
export function buildInfo(): TBuildInfo {
  return { version: pkg.version, commit: process.env.YISHI_COMMIT || null, builtAt: process.env.YISHI_BUILT_AT || null };
}
