/**
 * 500 council members vote at once on one motion, through the HTTP path a phone uses before JavaScript has
 * loaded (issue 7's measure): each signs in (next-auth), then all 500 post the ballot form to its server action
 * at the same moment (a form POST; the answer is the rendered page). Prints ballots/s and p50/p95/p99, verifies
 * every ballot counted exactly once (and a second wave of the same 500 refused), then runs the same writes
 * (ballot + audit row) straight through pgbench and prints the ratio.
 * (The JavaScript path, the server-action call, is measured by bench/writes.ts, `npm run bench:writes`.)
 * Self-contained: the production app on a throwaway embedded PostgreSQL (bench/lib/app.ts). Needs pgbench.
 * Run: node --conditions=react-server --import tsx bench/voting.ts [voters=500]
 */
import pg from 'pg';
import { startApp } from './lib/app.ts';
import { BENCH_PASSWORD, FLOOR_ROSTER, countBallots, createCouncilVote, createResidents } from './lib/city.ts';
import { ballotFloorSql } from './lib/floors.ts';
import { runPgbench } from './lib/pgbench.ts';
import { addressOf, signInMany } from './lib/sign-in.ts';
import { percentile } from './lib/stats.ts';

const voters = Number(process.argv[2] ?? 500);
const app = await startApp('vote', { YISHI_TRUSTED_PROXY_HOPS: '1' });
const db = new pg.Client({ connectionString: app.dbUrl });
try {
  await db.connect();
  const city = await createResidents(db, voters);
  const motion = await createCouncilVote(db, city, city.personIds);
  // Each member signs in (fifty at a time, as they arrive in the hall).
  const cookies = await signInMany(app.base, city.phones, BENCH_PASSWORD);
  const url = `${app.base}/motions/${motion.motionId}`;
  const html = await (await fetch(url, { headers: { Cookie: cookies[0]! } })).text();
  const form = html.slice(html.lastIndexOf('<form', html.indexOf('name="choice"')), html.indexOf('</form>', html.indexOf('name="choice"')));
  const hidden: [string, string][] = [...form.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?/g)].map((m) => [
    m[1]!.replaceAll('&amp;', '&'),
    (m[2] ?? '').replaceAll('&quot;', '"').replaceAll('&amp;', '&'),
  ]);
  if (!html.includes('name="choice"') || !hidden.some(([k]) => k.startsWith('$ACTION'))) throw new Error('the ballot form was not found');
  const vote = async (cookie: string, i: number) => {
    const fd = new FormData();
    for (const [k, v] of hidden) fd.append(k, v);
    fd.append('choice', 'FOR');
    const t = performance.now();
    const r = await fetch(url, {
      method: 'POST',
      headers: { Cookie: cookie, Origin: app.base, 'X-Forwarded-For': addressOf(i) },
      body: fd,
    });
    const text = await r.text();
    return { ms: performance.now() - t, ok: r.ok && text.includes('已投票'), refused: text.includes('已经投过票了') };
  };
  console.log(`${voters} members signed in; all vote at once through POST /motions/${motion.motionId}…`);
  const t0 = performance.now();
  const wave = await Promise.all(cookies.map(vote));
  const wall = (performance.now() - t0) / 1000;
  const again = await Promise.all(cookies.map(vote));
  const count = await countBallots(db, motion.motionId);
  const lat = wave.map((w) => w.ms);
  const appRate = voters / wall;
  console.log(
    `app: ${voters} ballots in ${wall.toFixed(2)} s = ${appRate.toFixed(1)} ballots/s; p50 ${percentile(lat, 50)} ms, p95 ${percentile(lat, 95)} ms, p99 ${percentile(lat, 99)} ms`,
  );
  console.log(
    `exactly once: ${wave.filter((w) => w.ok).length} accepted, stored ${count.stored} (${count.voters} distinct voters); second wave: ${again.filter((w) => w.refused).length} of ${voters} refused`,
  );

  // The same writes straight into PostgreSQL: a ballot and an audit row per transaction.
  const clients = Math.min(100, voters);
  const floor = runPgbench(app.dbUrl, ballotFloorSql(motion.floorMotionId, FLOOR_ROSTER), { clients, seconds: 15 });
  console.log(
    `pgbench: ${clients} clients, 15 s: ${floor.tps.toFixed(1)} tx/s; p50 ${floor.p50} ms, p95 ${floor.p95} ms, p99 ${floor.p99} ms`,
  );
  console.log(`ratio app/pgbench (throughput): ${(appRate / floor.tps).toFixed(3)}`);
} finally {
  await db.end().catch(() => {});
  await app.stop();
}
