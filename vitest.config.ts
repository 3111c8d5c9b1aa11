import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = import.meta.dirname;

export default defineConfig({
  resolve: {
    alias: {
      '@': path.join(root, 'src'),
      // 'server-only' throws outside React Server Components; in tests the server code runs in Node.
      'server-only': path.join(root, 'tests/setup/empty.ts'),
    },
  },
  test: {
    // Two workers on CI's two cores (Vitest's default there is one): an integration file spends most of its time waiting
    // on PostgreSQL, so two files at once cut the integration run by about a third (docs/performance.md).
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/domain/**/*.test.ts', 'tests/i18n/**/*.test.ts', 'tests/lint/**/*.test.ts'],
          environment: 'node',
          // Pure code with no state between files: one module graph per worker (a third of the time, ~20 s of CI).
          isolate: false,
          // next-intl's middleware imports 'next/server' without an extension, which only a bundler resolves.
          server: { deps: { inline: ['next-intl'] } },
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/server/**/*.test.ts', 'tests/scripts/**/*.test.ts'],
          environment: 'node',
          // One throwaway PostgreSQL for the run; every test file gets its own database cloned from a template.
          globalSetup: ['tests/setup/global-db.ts'],
          setupFiles: ['tests/setup/file-db.ts'],
          testTimeout: 60_000,
          // Secret ballots are sealed under a key derived from the app's secret (decision 022).
          env: {
            YISHI_BALLOT_SECRET: 'integration-tests-ballot-secret',
            NEXTAUTH_SECRET: 'integration-tests-session-secret',
            YISHI_CLIENT_HEADER: 'trusted',
          },
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
