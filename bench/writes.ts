/**
 * `npm run bench:writes` — issue 16's measure of the hot writes and the public board, in one run on one machine.
 *
 * Starts its own production build and database (bench/lib/app.ts: scripts/start.ts on a throwaway embedded
 * PostgreSQL under the temporary folder, free ports, behind one trusted proxy hop so each client sends its own
 * X-Forwarded-For), makes a city's worth of verified residents of one compound (so no account passes its 30
 * issues a day and no address its 60 an hour: the rate limits stay on), and measures:
 *  1. issue submission as a phone WITH JavaScript sends it: the server-action call (Next-Action header, React's
 *     encodeReply body) recorded once from Chromium and replayed by autocannon, 50 clients for 30 s, each
 *     request with a fresh idempotency key, the next resident's session and its own address;
 *     its floor: pgbench, same clients and time, doing in one transaction what one submission writes (issue,
 *     follower, timeline event, notification, audit row, and the two rate-limit counters it takes);
 *  2. 500 council members casting at once on one motion (the cast recorded from Chromium, replayed with each
 *     member's session), then a second wave of the same 500, all refused; its floor: pgbench inserting a
 *     ballot and its audit row (100 clients, 15 s);
 *  3. the public notice board of a scenario community, anonymous GETs, 50 clients for 20 s, all answers 200.
 * Every answer is checked (2xx and the action said ok / refused) and the rows stored are counted after each phase.
 * Prints a table, then the last line:
 *   writes: issue <req/s> (<ratio> of floor) p95 <ms>; ballot <per s> (<ratio> of floor) p95 <ms>; board <req/s> p95 <ms>
 * Exit code 1 if a check failed (the figures are still printed, with the failures above them).
 *
 * Run: npm run bench:writes [-- residents=1000 voters=500 seconds=30]   (needs pgbench and /usr/bin/chromium)
 */
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import pg from 'pg';
import { startApp } from './lib/app.ts';
import { BENCH_PASSWORD, FLOOR_ROSTER, countBallots, createCouncilVote, createResidents } from './lib/city.ts';
import { ballotFloorSql, issueFloorSql } from './lib/floors.ts';
import { runPgbench } from './lib/pgbench.ts';
import { answerOf, fieldOf, recordAction, type TRecordedAction } from './lib/record-action.ts';
import { addressOf, signInMany } from './lib/sign-in.ts';
import { latencyOf, percentile, ratio } from './lib/stats.ts';

const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`${name}=`))?.split('=')[1] ?? fallback);
const RESIDENTS = arg('residents', 1000);
const VOTERS = Math.min(arg('voters', 500), RESIDENTS);
const SECONDS = arg('seconds', 30);
const CLIENTS = 50;
const BOARD = '510107009003'; // 晋阳社区, the scenarios' community
const TITLE = '压测：楼道灯不亮';

const failures: string[] = [];
const check = (ok: boolean, what: string) => ok || failures.push(what);

const app = await startApp('writes', { YISHI_TRUSTED_PROXY_HOPS: '1' });
const db = new pg.Client({ connectionString: app.dbUrl });
let figures: Awaited<ReturnType<typeof measure>>;
try {
  figures = await measure();
} finally {
  await db.end().catch(() => {});
  await app.stop();
}
report(figures);

async function measure() {
  await db.connect();
  const city = await createResidents(db, RESIDENTS);
  const vote = await createCouncilVote(db, city, city.personIds.slice(0, VOTERS));
  console.log(`${RESIDENTS} verified residents of compound ${city.compoundId} made; signing them in…`);
  const cookies = await signInMany(app.base, city.phones, BENCH_PASSWORD);

  const say = (what: string, x: { p50: number; p95: number; cpu: number }, rate: number) =>
    console.log(`  → ${what} ${rate.toFixed(1)}/s, p50 ${x.p50} ms, p95 ${x.p95} ms, server CPU ${x.cpu.toFixed(1)} ms each`);
  // pgbench's CPU on the server side: the PostgreSQL backends serving it.
  let cpu0 = app.cpuMs();
  const withCpu = <T extends { transactions: number }>(r: T) => ({ ...r, cpu: (app.cpuMs() - cpu0) / r.transactions });
  const issue = await issuePhase(cookies);
  say(`${issue.ok} issues ok, ${issue.bad} not,`, issue, issue.rate);
  cpu0 = app.cpuMs();
  const issueFloor = withCpu(issueFloorPhase(await issueFloorSql(db, { ...placeOf(issue.recorded), accounts: RESIDENTS })));
  say('pgbench', issueFloor, issueFloor.tps);
  const ballot = await ballotPhase(cookies.slice(0, VOTERS), vote.motionId, cookies.slice(VOTERS));
  say(`${ballot.ok} ballots ok, ${ballot.stored} stored, 2nd wave ${ballot.refused} refused,`, ballot, ballot.rate);
  console.log('ballot floor: pgbench, 100 clients, 15 s, a ballot and its audit row…');
  cpu0 = app.cpuMs();
  const ballotFloor = withCpu(runPgbench(app.dbUrl, ballotFloorSql(vote.floorMotionId, FLOOR_ROSTER), { clients: 100, seconds: 15 }));
  say('pgbench', ballotFloor, ballotFloor.tps);
  const board = await boardPhase();
  say(`${board.ok} answers 200, ${board.bad} other,`, board, board.rate);
  return { issue, issueFloor, ballot, ballotFloor, board };
}

/** The table, then the one line (printed once the app has stopped, so that it is the last line). */
function report({ issue, issueFloor, ballot, ballotFloor, board }: typeof figures) {
  const rows: [string, string, string, string, string][] = [
    [
      'issue (JS action call)',
      `${issue.rate.toFixed(1)} req/s`,
      `${issue.p50}`,
      `${issue.p95}`,
      `${issue.ok} ok, ${issue.bad} not ok, ${issue.stored} stored (${issue.stored - issue.ok} cut off at the end)`,
    ],
    [
      'issue floor (pgbench)',
      `${issueFloor.tps.toFixed(1)} tx/s`,
      `${issueFloor.p50}`,
      `${issueFloor.p95}`,
      `${CLIENTS} clients, ${SECONDS} s`,
    ],
    [
      `ballot (${VOTERS} at once)`,
      `${ballot.rate.toFixed(1)} /s`,
      `${ballot.p50}`,
      `${ballot.p95}`,
      `${ballot.ok} ok, stored ${ballot.stored} (${ballot.voters} voters), 2nd wave ${ballot.refused} refused`,
    ],
    ['ballot floor (pgbench)', `${ballotFloor.tps.toFixed(1)} tx/s`, `${ballotFloor.p50}`, `${ballotFloor.p95}`, '100 clients, 15 s'],
    [
      'board (anonymous GET)',
      `${board.rate.toFixed(1)} req/s`,
      `${board.p50}`,
      `${board.p95}`,
      `${board.ok} answers 200, ${board.bad} other`,
    ],
  ];
  const cpu = [issue, issueFloor, ballot, ballotFloor, board].map((x) => x.cpu.toFixed(1));
  console.log(`\n${'phase'.padEnd(24)}${'throughput'.padEnd(16)}${'p50 ms'.padEnd(8)}${'p95 ms'.padEnd(8)}${'CPU ms'.padEnd(8)}checks`);
  rows.forEach((r, i) => console.log(`${r[0].padEnd(24)}${r[1].padEnd(16)}${r[2].padEnd(8)}${r[3].padEnd(8)}${cpu[i]!.padEnd(8)}${r[4]}`));
  console.log("(CPU ms: server CPU, app and PostgreSQL, per request or transaction: what the machine's other load does not change)");
  if (failures.length) console.log(`\nCHECKS FAILED:\n- ${failures.join('\n- ')}`);
  process.exitCode = failures.length ? 1 : 0;
  console.log(
    `\nwrites: issue ${issue.rate.toFixed(1)} req/s (${ratio(issue.rate / issueFloor.tps)} of floor) p95 ${issue.p95} ms; ` +
      `ballot ${ballot.rate.toFixed(1)} per s (${ratio(ballot.rate / ballotFloor.tps)} of floor) p95 ${ballot.p95} ms; ` +
      `board ${board.rate.toFixed(1)} req/s p95 ${board.p95} ms`,
  );
}

/** Raising an issue from /issues/new with JavaScript, replayed by 50 clients: every resident and address takes its turn. */
async function issuePhase(cookies: string[]) {
  const recorded = await recordAction(app.base, cookies[0]!, '/issues/new', async (page) => {
    for (const label of ['小区', '问题类别']) {
      const select = page.getByLabel(label, { exact: true });
      if ((await select.count()) && !(await select.inputValue())) await select.selectOption({ index: 1 });
    }
    await page.getByLabel('标题（一句话）').fill(TITLE);
    await page.getByLabel('详细情况').fill('压测提交的问题，描述楼道灯不亮的情况。');
    await page.getByRole('button', { name: '提交' }).click();
  });
  const key = fieldOf(recorded.body, 'idempotencyKey');
  console.log(
    `issue: ${CLIENTS} clients, ${SECONDS} s, POST ${new URL(recorded.url).pathname} (server action ${recorded.headers['next-action']?.slice(0, 8)}…)`,
  );
  let n = 0;
  let ok = 0;
  let bad = 0;
  let sample = '';
  const run = (o: { duration?: number; amount?: number; connections: number }) =>
    autocannon({
      url: recorded.url,
      method: 'POST',
      headers: recorded.headers,
      ...o,
      requests: [
        {
          // Each request: a fresh form (its own idempotency key), the next resident, its own address.
          setupRequest: (req) => {
            n += 1;
            const headers = { ...req.headers, Cookie: cookies[n % cookies.length]!, 'X-Forwarded-For': addressOf(n) };
            return { ...req, body: recorded.body.replaceAll(key, randomUUID()), headers };
          },
          onResponse: (status, body) => {
            if (status < 300 && answerOf(body).ok) ok += 1;
            else if ((bad += 1) === 1) sample = `${status} ${body.slice(0, 300)}`;
          },
        },
      ],
    });
  // A served app is warm: the first calls load the action's code.
  await run({ amount: 20, connections: 5 });
  const before = await settledCount();
  check(bad === 0 && before === ok, `issue warm-up: ${ok} ok, ${bad} not ok (first: ${sample}), ${before} stored`);
  ok = 0;
  const cpu0 = app.cpuMs();
  const result = await run({ duration: SECONDS, connections: CLIENTS });
  const stored = (await settledCount()) - before;
  const cpu = ((await settledCpu()) - cpu0) / Math.max(1, stored);
  const failed = `issue: ${bad} answers not ok (first: ${sample || 'none'}), ${result.errors} errors of which ${result.timeouts} timeouts (no answer in 10 s)`;
  check(bad === 0 && result.errors === 0 && result.timeouts === 0, failed);
  // autocannon stops at the deadline without waiting for the answers in flight, and gives up on an answer after
  // 10 s: the app still stores those issues.
  check(stored >= ok && stored - ok <= CLIENTS + result.timeouts, `issue: ${ok} answers said ok but ${stored} issues were stored`);
  check(n <= cookies.length * 30, `issue: ${n} requests over ${cookies.length} residents passes 30 a day each: raise residents=`);
  const lat = latencyOf(result.latency);
  return { recorded, ok, bad, stored, rate: ok / result.duration, ...lat, cpu };
}

/** The server's CPU time once it no longer grows: the work of the answers cut off at a deadline is done. */
async function settledCpu(): Promise<number> {
  for (let last = app.cpuMs(); ;) {
    await new Promise((r) => setTimeout(r, 1000));
    const now = app.cpuMs();
    if (now - last < 50) return now;
    last = now;
  }
}

/** The issues the bench raised, once the count no longer moves (answers cut off at a deadline still commit). */
async function settledCount(): Promise<number> {
  let last = -1;
  for (;;) {
    const {
      rows: [s],
    } = await db.query(`SELECT count(*)::int AS n FROM "Issue" WHERE title = $1`, [TITLE]);
    if (s.n === last) return last;
    last = s.n;
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/** The place and category the recorded submission names (the floor writes the same). */
function placeOf(recorded: TRecordedAction) {
  return { compoundId: Number(fieldOf(recorded.body, 'compoundId')), categoryId: Number(fieldOf(recorded.body, 'categoryId')) };
}

function issueFloorPhase(sql: string) {
  console.log(`issue floor: pgbench, ${CLIENTS} clients, ${SECONDS} s, the same writes per issue…`);
  return runPgbench(app.dbUrl, sql, { clients: CLIENTS, seconds: SECONDS });
}

/** One cast recorded from the motion page, then every member's at once (their own session and address), then again. */
async function ballotPhase(voters: string[], motionId: number, others: string[]) {
  const recorded = await recordAction(app.base, voters[0]!, `/motions/${motionId}`, (page) =>
    page.getByRole('button', { name: '赞成' }).click(),
  );
  const carried = fieldOf(recorded.body, 'choice') === 'FOR' && Number(fieldOf(recorded.body, 'motionId')) === motionId;
  check(carried, 'ballot: the recorded cast does not carry the motion and choice');
  const cast = async (cookie: string, i: number) => {
    const t = performance.now();
    const headers = { ...recorded.headers, Cookie: cookie, 'X-Forwarded-For': addressOf(100_000 + i) };
    const r = await fetch(recorded.url, { method: 'POST', headers, body: recorded.body });
    const answer = answerOf(await r.text());
    return { ms: performance.now() - t, ok: r.ok && answer.ok, refused: r.ok && answer.refused };
  };
  // Warm-up: residents who are not on the roster try to cast (refused, nothing stored), loading the action's code.
  const warm = await Promise.all(others.slice(0, 10).map((c, i) => cast(c, 90_000 + i)));
  check(
    warm.every((w) => w.refused),
    'ballot warm-up: a resident off the roster was not refused',
  );
  console.log(`ballot: ${voters.length} members cast at once on motion ${motionId}…`);
  const t0 = performance.now();
  const cpu0 = app.cpuMs();
  const wave = await Promise.all(voters.map(cast));
  const wall = (performance.now() - t0) / 1000;
  const cpu = (app.cpuMs() - cpu0) / voters.length;
  const again = await Promise.all(voters.map(cast));
  const n = await countBallots(db, motionId);
  const ok = wave.filter((w) => w.ok).length;
  const refused = again.filter((w) => w.refused).length;
  const once = ok === voters.length && n.stored === voters.length && n.voters === voters.length;
  check(once, `ballot: ${ok} ok of ${voters.length}, ${n.stored} stored, ${n.voters} distinct voters`);
  check(refused === voters.length, `ballot: second wave ${refused} of ${voters.length} refused`);
  const lat = wave.map((w) => w.ms);
  return { ok, refused, ...n, rate: ok / wall, p50: percentile(lat, 50), p95: percentile(lat, 95), cpu };
}

/** The community's public notice board, anonymous. */
async function boardPhase() {
  const seconds = Math.min(SECONDS, 20);
  console.log(`board: ${CLIENTS} clients, ${seconds} s, GET /board/c/${BOARD}…`);
  const url = `${app.base}/board/c/${BOARD}`;
  await autocannon({ url, connections: 5, amount: 20 });
  const cpu0 = app.cpuMs();
  const result = await autocannon({ url, connections: CLIENTS, duration: seconds });
  // The server still renders the CLIENTS answers cut off at the deadline (and those autocannon gave up on).
  const cpu = ((await settledCpu()) - cpu0) / (result['2xx'] + result.non2xx + result.timeouts + CLIENTS);
  const ok = result['2xx'];
  // autocannon's errors include its timeouts (no answer within 10 s).
  const bad = result.non2xx + result.errors;
  check(bad === 0 && ok > 0, `board: ${result.non2xx} answers not 200, ${result.errors} errors of which ${result.timeouts} timeouts`);
  return { ok, bad, rate: ok / result.duration, ...latencyOf(result.latency), cpu };
}
