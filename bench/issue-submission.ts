/**
 * Issue submission through the HTTP path a browser uses before JavaScript has loaded (issue 4's measure): 50
 * concurrent clients for 30 s posting the "raise an issue" form to its server action (a multipart form POST;
 * the answer is the rendered page). Then the same rows inserted straight with pgbench (one transaction per
 * issue: issue, follower, timeline event, notification, audit row, and the two rate-limit counters it takes;
 * bench/lib/floors.ts), same clients and duration, against the same database. Prints requests/s and
 * p50/p95/p99 for both and the ratio app/pgbench.
 * (The path a phone WITH JavaScript takes is measured by bench/writes.ts, `npm run bench:writes`.)
 *
 * Self-contained: the production app on a throwaway embedded PostgreSQL (bench/lib/app.ts), with verified
 * residents enough that the per-account and per-address limits on raising (decision 030) stay on and are
 * never reached: each request is sent by the next resident, from its own address. Needs pgbench.
 * Run: node --conditions=react-server --import tsx bench/issue-submission.ts [clients=50] [seconds=30] [residents=1000]
 */
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import pg from 'pg';
import { startApp, type TBenchApp } from './lib/app.ts';
import { BENCH_PASSWORD, createResidents } from './lib/city.ts';
import { issueFloorSql } from './lib/floors.ts';
import { runPgbench } from './lib/pgbench.ts';
import { addressOf, signInMany } from './lib/sign-in.ts';
import { latencyOf } from './lib/stats.ts';

const clients = Number(process.argv[2] ?? 50);
const seconds = Number(process.argv[3] ?? 30);
const residents = Number(process.argv[4] ?? 1000);

const app = await startApp('http', { YISHI_TRUSTED_PROXY_HOPS: '1' });
const db = new pg.Client({ connectionString: app.dbUrl });
try {
  await db.connect();
  const city = await createResidents(db, residents);
  const cookies = await signInMany(app.base, city.phones, BENCH_PASSWORD);
  const form = await raiseForm(app, cookies[0]!);
  const app1 = await runAutocannon(app, cookies, form);
  console.log(`pgbench: ${clients} clients, ${seconds} s, the same writes per issue…`);
  const floor = runPgbench(
    app.dbUrl,
    await issueFloorSql(db, { compoundId: Number(form.compoundId), categoryId: Number(form.categoryId), accounts: residents }),
    { clients, seconds },
  );
  const {
    rows: [n],
  } = await db.query(
    `SELECT count(*) FILTER (WHERE title = '压测：楼道灯不亮')::int AS app, count(*) FILTER (WHERE title = '压测：pgbench')::int AS pgbench FROM "Issue"`,
  );
  console.log(
    `\nissues stored: ${n.app} through the app, ${n.pgbench} by pgbench (non-2xx answers: ${app1.non2xx}, errors: ${app1.errors})`,
  );
  console.log(`app      ${app1.rps.toFixed(1)} req/s   p50 ${app1.p50} ms   p95 ${app1.p95} ms   p99 ${app1.p99} ms`);
  console.log(`pgbench  ${floor.tps.toFixed(1)} tx/s    p50 ${floor.p50} ms   p95 ${floor.p95} ms   p99 ${floor.p99} ms`);
  console.log(`ratio app/pgbench (throughput): ${(app1.rps / floor.tps).toFixed(3)}`);
} finally {
  await db.end().catch(() => {});
  await app.stop();
}

/** The raise form as served: React's hidden action fields, and the first category and compound offered. */
async function raiseForm(a: TBenchApp, cookie: string) {
  const html = await (await fetch(`${a.base}/issues/new`, { headers: { Cookie: cookie } })).text();
  const formHtml = html.slice(html.indexOf('<form'), html.indexOf('</form>'));
  const hidden: Record<string, string> = {};
  for (const m of formHtml.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?/g))
    hidden[m[1]!.replaceAll('&amp;', '&')] = (m[2] ?? '').replaceAll('&quot;', '"').replaceAll('&amp;', '&');
  const option = (name: string) =>
    new RegExp(`name="${name}"[^>]*>(?:<option[^>]*>[^<]*</option>)*?<option value="(\\d+)"`).exec(formHtml)?.[1] ??
    new RegExp(`name="${name}" value="(\\d+)"`).exec(formHtml)?.[1];
  const categoryId = option('categoryId');
  const compoundId = option('compoundId');
  if (!categoryId || !compoundId || !Object.keys(hidden).some((k) => k.startsWith('$ACTION')))
    throw new Error('the raise form was not found on /issues/new');
  delete hidden.idempotencyKey;
  delete hidden.compoundId;
  return { hidden, categoryId, compoundId };
}

function multipart(fields: Record<string, string>) {
  const boundary = `----yishi${randomUUID().replaceAll('-', '')}`;
  const body =
    Object.entries(fields)
      .map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
      .join('') + `--${boundary}--\r\n`;
  return { body, type: `multipart/form-data; boundary=${boundary}` };
}

async function runAutocannon(a: TBenchApp, cookies: string[], form: Awaited<ReturnType<typeof raiseForm>>) {
  console.log(`app: ${clients} clients, ${seconds} s, POST /issues/new (server action, multipart form)…`);
  let n = 0;
  const result = await autocannon({
    url: `${a.base}/issues/new`,
    connections: clients,
    duration: seconds,
    method: 'POST',
    headers: { Origin: a.base },
    requests: [
      {
        // A fresh form each time (its own idempotency key, as a new page load would have), the next resident, its own address.
        setupRequest: (req) => {
          n += 1;
          const { body, type } = multipart({
            ...form.hidden,
            idempotencyKey: randomUUID(),
            categoryId: form.categoryId,
            compoundId: form.compoundId,
            buildingId: '',
            title: '压测：楼道灯不亮',
            description: '压测提交的问题，描述楼道灯不亮的情况。',
          });
          return {
            ...req,
            body,
            headers: { ...req.headers, 'Content-Type': type, Cookie: cookies[n % cookies.length]!, 'X-Forwarded-For': addressOf(n) },
          };
        },
      },
    ],
  });
  return { rps: result.requests.average, ...latencyOf(result.latency), non2xx: result.non2xx, errors: result.errors };
}
