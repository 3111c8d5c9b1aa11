// `npm test`: every check in order — types, formatting (Prettier), lint, migrations agree with the schema, unit and
// integration tests (Vitest), end-to-end tests (Playwright) — then one closing line
// "Tests: N passed, N failed" that CI reads. Exits non-zero when anything failed.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';

const out = '.reports'; // not test-results/: Playwright empties that folder when it starts
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const run = (cmd, args, env = {}) => spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status === 0;
const readJson = (f) => (existsSync(f) ? JSON.parse(readFileSync(f, 'utf8')) : null);

const stop = (what) => {
  console.error(`\nnpm test stopped: ${what} failed.`);
  console.log('Tests: 0 passed, 1 failed');
  process.exit(1);
};
if (!run('npm', ['run', '--silent', 'typecheck'])) stop('"npm run typecheck"');
// The end-to-end tests' server builds the app first. Build it now, in the background, while the single-threaded checks
// and the unit tests run; the build skips its own type check (YISHI_TYPES_CHECKED, next.config.ts): tsc just passed.
const buildLog = `${out}/build.log`;
const build = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/build.ts'], {
  stdio: ['ignore', openSync(buildLog, 'w'), openSync(buildLog, 'a')],
  env: { ...process.env, YISHI_TYPES_CHECKED: '1' },
});
const built = new Promise((resolve) => build.on('exit', (code) => resolve(code === 0)));
for (const script of ['format:check', 'lint', 'db:check']) {
  if (!run('npm', ['run', '--silent', script])) {
    build.kill();
    stop(`"npm run ${script}"`);
  }
}
const vitestOk = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}/vitest.json`]);
if (!(await built)) {
  console.error(readFileSync(buildLog, 'utf8'));
  stop('building the app (scripts/build.ts)');
}
const e2eOk = run('npx', ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: `${out}/playwright.json` });

const v = readJson(`${out}/vitest.json`);
const p = readJson(`${out}/playwright.json`);
const passed = (v?.numPassedTests ?? 0) + (p?.stats ? p.stats.expected + p.stats.flaky : 0);
// A runner that crashed before writing its report counts as one failure.
const failed = (v ? v.numFailedTests : 1) + (p?.stats ? p.stats.unexpected : 1);
console.log(
  `\nunit+integration: ${v?.numPassedTests ?? 0} passed; end-to-end: ${p?.stats?.expected ?? 0} passed, ${p?.stats?.flaky ?? 0} flaky`,
);
console.log(`Tests: ${passed} passed, ${failed} failed`);
process.exit(vitestOk && e2eOk && failed === 0 ? 0 : 1);
