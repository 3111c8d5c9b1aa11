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
import { BENCH_PASSWORD, ballotFloorSql, countBallots, createCouncilVote, createResidents } from './lib/city.ts';
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

  const say = (what: string, x: { p50: number; p95: number }, rate: number) => console.log(`  → ${what} ${rate.toFixed(1)}/s, p50 ${x.p50} ms, p95 ${x.p95} ms`);
  const issue = await issuePhase(cookies);
  say(`${issue.ok} issues ok, ${issue.bad} not,`, issue, issue.rate);
  const issueFloor = issueFloorPhase(await issueFloorSql(issue.recorded));
  say('pgbench', issueFloor, issueFloor.tps);
  const ballot = await ballotPhase(cookies.slice(0, VOTERS), vote.motionId, cookies.slice(VOTERS));
  say(`${ballot.ok} ballots ok, ${ballot.stored} stored, 2nd wave ${ballot.refused} refused,`, ballot, ballot.rate);
  console.log('ballot floor: pgbench, 100 clients, 15 s, a ballot and its audit row…');
  const ballotFloor = runPgbench(app.dbUrl, ballotFloorSql(vote.floorMotionId), { clients: 100, seconds: 15 });
  say('pgbench', ballotFloor, ballotFloor.tps);
  const board = await boardPhase();
  say(`${board.ok} answers 200, ${board.bad} other,`, board, board.rate);
  return { issue, issueFloor, ballot, ballotFloor, board };
}

/** The table, then the one line (printed once the app has stopped, so that it is the last line). */
function report({ issue, issueFloor, ballot, ballotFloor, board }: typeof figures) {
  const rows: [string, string, string, string, string][] = [
    ['issue (JS action call)', `${issue.rate.toFixed(1)} req/s`, `${issue.p50}`, `${issue.p95}`, `${issue.ok} ok, ${issue.bad} not ok, ${issue.stored} stored (${issue.stored - issue.ok} cut off at the end)`],
    ['issue floor (pgbench)', `${issueFloor.tps.toFixed(1)} tx/s`, `${issueFloor.p50}`, `${issueFloor.p95}`, `${CLIENTS} clients, ${SECONDS} s`],
    [`ballot (${VOTERS} at once)`, `${ballot.rate.toFixed(1)} /s`, `${ballot.p50}`, `${ballot.p95}`, `${ballot.ok} ok, stored ${ballot.stored} (${ballot.voters} voters), 2nd wave ${ballot.refused} refused`],
    ['ballot floor (pgbench)', `${ballotFloor.tps.toFixed(1)} tx/s`, `${ballotFloor.p50}`, `${ballotFloor.p95}`, '100 clients, 15 s'],
    ['board (anonymous GET)', `${board.rate.toFixed(1)} req/s`, `${board.p50}`, `${board.p95}`, `${board.ok} answers 200, ${board.bad} other`],
  ];
  console.log(`\n${'phase'.padEnd(24)}${'throughput'.padEnd(16)}${'p50 ms'.padEnd(8)}${'p95 ms'.padEnd(8)}checks`);
  for (const r of rows) console.log(`${r[0].padEnd(24)}${r[1].padEnd(16)}${r[2].padEnd(8)}${r[3].padEnd(8)}${r[4]}`);
  if (failures.length) console.log(`\nCHECKS FAILED:\n- ${failures.join('\n- ')}`);
  process.exitCode = failures.length ? 1 : 0;
  console.log(`\nwrites: issue ${issue.rate.toFixed(1)} req/s (${ratio(issue.rate / issueFloor.tps)} of floor) p95 ${issue.p95} ms; ` +
    `ballot ${ballot.rate.toFixed(1)} per s (${ratio(ballot.rate / ballotFloor.tps)} of floor) p95 ${ballot.p95} ms; board ${board.rate.toFixed(1)} req/s p95 ${board.p95} ms`);
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
  console.log(`issue: ${CLIENTS} clients, ${SECONDS} s, POST ${new URL(recorded.url).pathname} (server action ${recorded.headers['next-action']?.slice(0, 8)}…)`);
  let n = 0;
  let ok = 0;
  let bad = 0;
  let sample = '';
  const run = (o: { duration?: number; amount?: number; connections: number }) => autocannon({
    url: recorded.url, method: 'POST', headers: recorded.headers, ...o,
    requests: [{
      // Each request: a fresh form (its own idempotency key), the next resident, its own address.
      setupRequest: (req) => {
        n += 1;
        return { ...req, body: recorded.body.replaceAll(key, randomUUID()), headers: { ...req.headers, Cookie: cookies[n % cookies.length]!, 'X-Forwarded-For': addressOf(n) } };
      },
      onResponse: (status, body) => {
        if (status < 300 && answerOf(body).ok) ok += 1;
        else if ((bad += 1) === 1) sample = `${status} ${body.slice(0, 300)}`;
      },
    }],
  });
  // A served app is warm: the first calls load the action's code.
  await run({ amount: 20, connections: 5 });
  const before = await settledCount();
  check(bad === 0 && before === ok, `issue warm-up: ${ok} ok, ${bad} not ok (first: ${sample}), ${before} stored`);
  ok = 0;
  const result = await run({ duration: SECONDS, connections: CLIENTS });
  const stored = (await settledCount()) - before;
  check(bad === 0 && result.errors === 0 && result.timeouts === 0, `issue: ${bad} answers not ok, ${result.errors} errors, ${result.timeouts} timeouts (first: ${sample})`);
  // autocannon stops at the deadline without waiting for the answers in flight: the app still stores those issues.
  check(stored >= ok && stored - ok <= CLIENTS, `issue: ${ok} answers said ok but ${stored} issues were stored`);
  check(n <= cookies.length * 30, `issue: ${n} requests over ${cookies.length} residents passes 30 a day each: raise residents=`);
  const lat = latencyOf(result.latency);
  return { recorded, ok, bad, stored, rate: ok / result.duration, ...lat };
}

/** The issues the bench raised, once the count no longer moves (answers cut off at a deadline still commit). */
async function settledCount(): Promise<number> {
  let last = -1;
  for (;;) {
    const { rows: [s] } = await db.query(`SELECT count(*)::int AS n FROM "Issue" WHERE title = $1`, [TITLE]);
    if (s.n === last) return last;
    last = s.n;
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/** What one submission writes, as SQL for pgbench, with the place, category and handler the app used. */
async function issueFloorSql(recorded: TRecordedAction) {
  const categoryId = Number(fieldOf(recorded.body, 'categoryId'));
  const compoundId = Number(fieldOf(recorded.body, 'compoundId'));
  const { rows: [p] } = await db.query(`SELECT c."districtId" AS d, c."streetId" AS s, c."communityId" AS cm,
      (SELECT max("assigneeUserId") FROM "Issue" WHERE title = $2) AS a, (SELECT min(id) FROM "User" WHERE phone LIKE '1377%') AS u
    FROM "Compound" c WHERE c.id = $1`, [compoundId, TITLE]);
  const expire = `(extract(epoch from now()) * 1000)::bigint`;
  const counter = (key: string, ms: number) => `INSERT INTO "RateLimit" VALUES (${key}, 1, ${expire} + ${ms})
  ON CONFLICT (key) DO UPDATE SET points = CASE WHEN "RateLimit".expire <= ${expire} THEN 1 ELSE "RateLimit".points + 1 END,
  expire = CASE WHEN "RateLimit".expire <= ${expire} THEN ${expire} + ${ms} ELSE "RateLimit".expire END RETURNING points;`;
  return `\\set r random(1, 100000000)
${counter(`'bench_raiseAccount:' || :r % ${RESIDENTS}`, 86_400_000)}
${counter(`'bench_raiseAddress:' || :r`, 3_600_000)}
BEGIN;
INSERT INTO "Issue" (title, description, "categoryId", "districtId", "streetId", "communityId", "compoundId", "authorUserId", anonymous, "assigneeUserId", "acknowledgeBy", "resolveBy", "idempotencyKey", "updatedAt")
  VALUES ('压测：pgbench', '压测提交的问题，描述楼道灯不亮的情况。', ${categoryId}, ${p.d}, ${p.s}, ${p.cm}, ${compoundId}, ${p.u}, false, ${p.a ?? 'NULL'}, now() + interval '4 hours', now() + interval '5 days', gen_random_uuid()::text, now()) RETURNING id AS issue \\gset
INSERT INTO "IssueFollower" ("issueId", "userId") VALUES (:issue, ${p.u});
INSERT INTO "IssueEvent" ("issueId", "actorUserId", "actorLabel", type, "toState", level) VALUES (:issue, ${p.u}, '居民1', 'SUBMITTED', 'SUBMITTED', 'COMPOUND');
INSERT INTO "Notification" ("userId", kind, "issueId", title, body) VALUES (${p.a ?? p.u}, 'issue.assigned', :issue, '压测：pgbench', '设施维修');
INSERT INTO "AuditLog" ("actorId", "actorLabel", action, "entityType", "entityId", after, "communityId", "compoundId") VALUES (${p.u}, '居民1', 'issue.raise', 'Issue', :issue, '{"channel":"APP"}', ${p.cm}, ${compoundId});
COMMIT;
`;
}

function issueFloorPhase(sql: string) {
  console.log(`issue floor: pgbench, ${CLIENTS} clients, ${SECONDS} s, the same writes per issue…`);
  return runPgbench(app.dbUrl, sql, { clients: CLIENTS, seconds: SECONDS });
}

/** One cast recorded from the motion page, then every member's at once (their own session and address), then again. */
async function ballotPhase(voters: string[], motionId: number, others: string[]) {
  const recorded = await recordAction(app.base, voters[0]!, `/motions/${motionId}`, (page) => page.getByRole('button', { name: '赞成' }).click());
  check(fieldOf(recorded.body, 'choice') === 'FOR' && Number(fieldOf(recorded.body, 'motionId')) === motionId, 'ballot: the recorded cast does not carry the motion and choice');
  const cast = async (cookie: string, i: number) => {
    const t = performance.now();
    const r = await fetch(recorded.url, { method: 'POST', headers: { ...recorded.headers, Cookie: cookie, 'X-Forwarded-For': addressOf(100_000 + i) }, body: recorded.body });
    const answer = answerOf(await r.text());
    return { ms: performance.now() - t, ok: r.ok && answer.ok, refused: r.ok && answer.refused };
  };
  // Warm-up: residents who are not on the roster try to cast (refused, nothing stored), loading the action's code.
  const warm = await Promise.all(others.slice(0, 10).map((c, i) => cast(c, 90_000 + i)));
  check(warm.every((w) => w.refused), 'ballot warm-up: a resident off the roster was not refused');
  console.log(`ballot: ${voters.length} members cast at once on motion ${motionId}…`);
  const t0 = performance.now();
  const wave = await Promise.all(voters.map(cast));
  const wall = (performance.now() - t0) / 1000;
  const again = await Promise.all(voters.map(cast));
  const n = await countBallots(db, motionId);
  const ok = wave.filter((w) => w.ok).length;
  const refused = again.filter((w) => w.refused).length;
  check(ok === voters.length && n.stored === voters.length && n.voters === voters.length, `ballot: ${ok} ok of ${voters.length}, ${n.stored} stored, ${n.voters} distinct voters`);
  check(refused === voters.length, `ballot: second wave ${refused} of ${voters.length} refused`);
  const lat = wave.map((w) => w.ms);
  return { ok, refused, ...n, rate: ok / wall, p50: percentile(lat, 50), p95: percentile(lat, 95) };
}

/** The community's public notice board, anonymous. */
async function boardPhase() {
  const seconds = Math.min(SECONDS, 20);
  console.log(`board: ${CLIENTS} clients, ${seconds} s, GET /board/c/${BOARD}…`);
  const url = `${app.base}/board/c/${BOARD}`;
  await autocannon({ url, connections: 5, amount: 20 });
  const result = await autocannon({ url, connections: CLIENTS, duration: seconds });
  const ok = result['2xx'];
  const bad = result.non2xx + result.errors + result.timeouts;
  check(bad === 0 && ok > 0, `board: ${bad} answers not 200`);
  return { ok, bad, rate: ok / result.duration, ...latencyOf(result.latency) };
}
