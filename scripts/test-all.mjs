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
/** Runs npm scripts at the same time (each prints its output when it ends); resolves to the names of those that failed. */
async function together(scripts) {
  const ran = scripts.map(
    (script) =>
      new Promise((resolve) => {
        const child = spawn('npm', ['run', '--silent', script], { stdio: ['ignore', 'pipe', 'pipe'] });
        const output = [];
        child.stdout.on('data', (d) => output.push(d));
        child.stderr.on('data', (d) => output.push(d));
        child.on('close', (code) => {
          process.stdout.write(Buffer.concat(output));
          resolve(code === 0 ? null : script);
        });
      }),
  );
  return (await Promise.all(ran)).filter(Boolean);
}
// Types, formatting and lint are single-threaded: on CI's two cores they run side by side.
const failedChecks = await together(['typecheck', 'format:check', 'lint']);
if (failedChecks.length > 0) stop(failedChecks.map((s) => `"npm run ${s}"`).join(', '));
// The end-to-end tests' server builds the app first. Build it now, in the background, while the migrations check and
// the unit tests run; the build skips its own type check (YISHI_TYPES_CHECKED, next.config.ts): tsc just passed.
const buildLog = `${out}/build.log`;
const build = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/build.ts'], {
  stdio: ['ignore', openSync(buildLog, 'w'), openSync(buildLog, 'a')],
  env: { ...process.env, YISHI_TYPES_CHECKED: '1' },
});
const built = new Promise((resolve) => build.on('exit', (code) => resolve(code === 0)));
if (!run('npm', ['run', '--silent', 'db:check'])) {
  build.kill();
  stop('"npm run db:check"');
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
// A runner that crashed before writing its report counts as one failure; so does one that failed without a failed test
// (Playwright's web server not starting writes a report of nothing run: "0 failed" must not read as a pass).
const vitestFailed = v ? Math.max(v.numFailedTests, vitestOk ? 0 : 1) : 1;
const e2eFailed = p?.stats ? Math.max(p.stats.unexpected, e2eOk ? 0 : 1) : 1;
const failed = vitestFailed + e2eFailed;
console.log(
  `\nunit+integration: ${v?.numPassedTests ?? 0} passed; end-to-end: ${p?.stats?.expected ?? 0} passed, ${p?.stats?.flaky ?? 0} flaky`,
);
console.log(`Tests: ${passed} passed, ${failed} failed`);
process.exit(vitestOk && e2eOk && failed === 0 ? 0 : 1);
