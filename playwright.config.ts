import os from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

// The e2e run starts the app exactly as `npm start` does, on a throwaway data folder
// (a fresh embedded PostgreSQL with the demo data), removed when the run ends.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const PG_PORT = process.env.E2E_PG_PORT ?? '55433';
// A new folder for every run (decided once, in the main process; workers inherit it): a folder left
// behind by a run that was killed before it could clean up must never be reused, or the demo data would
// already carry that run's changes.
process.env.E2E_DATA_DIR ??= path.join(os.tmpdir(), `yishi-e2e-${PORT}-${process.pid}-${Date.now()}`);
const dataDir = process.env.E2E_DATA_DIR;

// Debian's chromium (Playwright cannot download browsers here); see docs/decisions/008-testing.md.
const chromium = {
  ...devices['Desktop Chrome'],
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  },
};

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  timeout: 30_000,
  // Recording a trace costs every test its snapshots; CI, which retries once, records one only for the retry.
  use: {
    baseURL: `http://localhost:${PORT}`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: process.env.CI ? 'on-first-retry' : 'retain-on-failure',
  },
  projects: [
    // Residents use phones first: 375 px wide, touch.
    { name: 'phone', use: { ...chromium, viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 } },
    { name: 'desktop', use: { ...chromium, viewport: { width: 1280, height: 800 } }, testIgnore: /mobile-layout/ },
  ],
  webServer: {
    command: 'node --conditions=react-server --import tsx scripts/start.ts',
    url: `http://localhost:${PORT}/`,
    timeout: 420_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    env: {
      PORT: String(PORT),
      YISHI_PG_PORT: PG_PORT,
      YISHI_DATA_DIR: dataDir,
      YISHI_EPHEMERAL: '1',
      NEXTAUTH_URL: `http://localhost:${PORT}`,
      // One-time codes (registration) land in this file, where the specs read them like an SMS (decision 030).
      YISHI_CODE_OUTBOX: `${dataDir}-codes.jsonl`,
    },
  },
});
