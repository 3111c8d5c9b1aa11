/**
 * Issue submission through the HTTP path a browser uses (issue 4's measure): 50 concurrent clients for
 * 30 s posting the "raise an issue" form to its server action, as a phone does before JavaScript has
 * loaded (a multipart form POST; the answer is the rendered page). Then the same rows inserted straight
 * with pgbench (one transaction per issue: issue, follower, timeline event, notification, audit row),
 * same clients and duration, against the same database. Prints requests/s and p50/p95/p99 for both and
 * the ratio app/pgbench.
 *
 * Self-contained: starts the production app (scripts/start.ts, building it if needed) on a throwaway
 * embedded PostgreSQL with the demo data, and stops it afterwards. Needs pgbench
 * (`apt-get install -y postgresql-client`).
 * Run: node --conditions=react-server --import tsx bench/issue-submission.ts [clients=50] [seconds=30]
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { freePort } from '../scripts/db/port.ts';
import { readDatabasePassword } from '../scripts/db/password.ts';

const clients = Number(process.argv[2] ?? 50);
const seconds = Number(process.argv[3] ?? 30);
const ROOT = path.resolve(import.meta.dirname, '..');
const PHONE = '13900006003'; // 黄素芬, verified owner in 金沙小区 (demo)
const PASSWORD = 'yishi-demo-2026';

const installed = existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql').map((v) => `/usr/lib/postgresql/${v}/bin/pgbench`) : [];
const found = ['pgbench', ...installed].find((p) => (p === 'pgbench' ? spawnSync('pgbench', ['--version']).status === 0 : existsSync(p)));
if (!found) throw new Error('pgbench not found: apt-get install -y postgresql-client');
const pgbench: string = found;

const port = await freePort();
const pgPort = await freePort();
// A folder that does not exist yet: start.ts makes it with the rights PostgreSQL needs when run as root.
const dataDir = path.join(os.tmpdir(), `yishi-bench-http-${port}`);
// The embedded cluster's password is made when the app first starts it (scripts/db/password.ts).
const dbUrl = () => `postgresql://yishi:${readDatabasePassword(path.join(dataDir, 'pg'))}@127.0.0.1:${pgPort}/yishi`;
const base = `http://localhost:${port}`;
const app = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/start.ts'], {
  cwd: ROOT,
  env: { ...process.env, PORT: String(port), YISHI_PG_PORT: String(pgPort), YISHI_DATA_DIR: dataDir, YISHI_EPHEMERAL: '1', YISHI_JOBS: 'off' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise<void>((resolve, reject) => {
  app.stdout!.on('data', (c: Buffer) => /is running/.test(c.toString()) && resolve());
  app.on('exit', (code) => reject(new Error(`the app exited (${code}) before it was ready`)));
});

try {
  const cookie = await signIn();
  const form = await raiseForm(cookie);
  const app1 = await runAutocannon(cookie, form);
  const db = await runPgbench(form);
  const n = await countIssues();
  console.log(`\nissues stored: ${n.app} through the app, ${n.pgbench} by pgbench (non-2xx answers: ${app1.non2xx}, errors: ${app1.errors})`);
  console.log(`app      ${app1.rps.toFixed(1)} req/s   p50 ${app1.p50} ms   p95 ${app1.p95} ms   p99 ${app1.p99} ms`);
  console.log(`pgbench  ${db.tps.toFixed(1)} tx/s    p50 ${db.p50} ms   p95 ${db.p95} ms   p99 ${db.p99} ms`);
  console.log(`ratio app/pgbench (throughput): ${(app1.rps / db.tps).toFixed(3)}`);
} finally {
  app.kill('SIGTERM');
  await new Promise((r) => app.once('exit', r));
  rmSync(dataDir, { recursive: true, force: true });
}

/** next-auth's credentials sign-in, as the sign-in page does it: the session cookie. */
async function signIn(): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = csrf.headers.getSetCookie().map((c) => c.split(';')[0]!).join('; ');
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST', redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: jar },
    body: new URLSearchParams({ csrfToken, phone: PHONE, password: PASSWORD, json: 'true' }),
  });
  const session = res.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('next-auth.session-token='));
  if (!session) throw new Error(`sign-in failed (${res.status})`);
  return session;
}

/** The raise form as served: React's hidden action fields, and the first category and compound offered. */
async function raiseForm(cookie: string) {
  const html = await (await fetch(`${base}/issues/new`, { headers: { Cookie: cookie } })).text();
  const formHtml = html.slice(html.indexOf('<form'), html.indexOf('</form>'));
  const hidden: Record<string, string> = {};
  for (const m of formHtml.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?/g)) hidden[m[1]!.replaceAll('&amp;', '&')] = (m[2] ?? '').replaceAll('&quot;', '"').replaceAll('&amp;', '&');
  const option = (name: string) => new RegExp(`name="${name}"[^>]*>(?:<option[^>]*>[^<]*</option>)*?<option value="(\\d+)"`).exec(formHtml)?.[1];
  const categoryId = option('categoryId');
  const compoundId = option('compoundId');
  if (!categoryId || !compoundId || !Object.keys(hidden).some((k) => k.startsWith('$ACTION'))) throw new Error('the raise form was not found on /issues/new');
  delete hidden.idempotencyKey;
  return { hidden, categoryId, compoundId };
}

function multipart(fields: Record<string, string>) {
  const boundary = `----yishi${randomUUID().replaceAll('-', '')}`;
  const body = Object.entries(fields).map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join('') + `--${boundary}--\r\n`;
  return { body, type: `multipart/form-data; boundary=${boundary}` };
}

async function runAutocannon(cookie: string, form: Awaited<ReturnType<typeof raiseForm>>) {
  console.log(`app: ${clients} clients, ${seconds} s, POST /issues/new (server action, multipart form)…`);
  const result = await autocannon({
    url: `${base}/issues/new`,
    connections: clients,
    duration: seconds,
    method: 'POST',
    headers: { Cookie: cookie, Origin: base },
    requests: [{
      // A fresh form each time: its own idempotency key, as a new page load would have.
      setupRequest: (req) => {
        const { body, type } = multipart({ ...form.hidden, idempotencyKey: randomUUID(), categoryId: form.categoryId, compoundId: form.compoundId, buildingId: '', title: '压测：楼道灯不亮', description: '压测提交的问题，描述楼道灯不亮的情况。' });
        return { ...req, body, headers: { ...req.headers, 'Content-Type': type } };
      },
    }],
  });
  return { rps: result.requests.average, p50: result.latency.p50, p95: pct(result.latency, 95), p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors };
}

function pct(latency: autocannon.Histogram, p: number): number {
  // autocannon reports p90 and p97.5 but not p95: interpolate between them.
  const l = latency as unknown as Record<string, number>;
  return l[`p${p}`] ?? Math.round((l.p90! + l.p97_5!) / 2);
}

async function runPgbench(form: Awaited<ReturnType<typeof raiseForm>>) {
  const c = new pg.Client({ connectionString: dbUrl() });
  await c.connect();
  const [row] = (await c.query<{ d: number; s: number; cm: number; u: number; a: number | null }>(`
    SELECT p."districtId" AS d, p."streetId" AS s, p."communityId" AS cm,
           (SELECT id FROM "User" WHERE phone = $2) AS u, (SELECT "assigneeUserId" FROM "Issue" WHERE "compoundId" = p.id ORDER BY id DESC LIMIT 1) AS a
      FROM "Compound" p WHERE p.id = $1`, [Number(form.compoundId), PHONE])).rows;
  await c.end();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'yishi-pgbench-'));
  const script = path.join(dir, 'raise.sql');
  writeFileSync(script, `BEGIN;
INSERT INTO "Issue" (title, description, "categoryId", "districtId", "streetId", "communityId", "compoundId", "authorUserId", anonymous, "assigneeUserId", "acknowledgeBy", "resolveBy", "idempotencyKey", "updatedAt")
  VALUES ('压测：pgbench', '压测提交的问题，描述楼道灯不亮的情况。', ${form.categoryId}, ${row!.d}, ${row!.s}, ${row!.cm}, ${form.compoundId}, ${row!.u}, false, ${row!.a ?? 'NULL'}, now() + interval '4 hours', now() + interval '5 days', gen_random_uuid()::text, now()) RETURNING id AS issue \\gset
INSERT INTO "IssueFollower" ("issueId", "userId") VALUES (:issue, ${row!.u});
INSERT INTO "IssueEvent" ("issueId", "actorUserId", "actorLabel", type, "toState", level) VALUES (:issue, ${row!.u}, '黄素芬', 'SUBMITTED', 'SUBMITTED', 'COMPOUND');
INSERT INTO "Notification" ("userId", kind, "issueId", title, body) VALUES (${row!.a ?? row!.u}, 'issue.assigned', :issue, '压测：pgbench', '设施维修');
INSERT INTO "AuditLog" ("actorId", "actorLabel", action, "entityType", "entityId", after, "communityId", "compoundId") VALUES (${row!.u}, '黄素芬', 'issue.raise', 'Issue', :issue, '{}', ${row!.cm}, ${form.compoundId});
COMMIT;
`);
  console.log(`pgbench: ${clients} clients, ${seconds} s, the same five inserts per issue…`);
  const out = spawnSync(pgbench, ['-n', '-c', String(clients), '-j', '2', '-T', String(seconds), '-f', script, '-l', '--log-prefix', path.join(dir, 'log'), dbUrl()], { encoding: 'utf8' });
  if (out.status !== 0) throw new Error(out.stderr);
  const tps = Number(/tps = ([\d.]+)/.exec(out.stdout)?.[1]);
  // Per-transaction log lines: client_id transaction_no time_us script_no time_epoch time_us.
  const us = readdirSync(dir).filter((f) => f.startsWith('log')).flatMap((f) => readFileSync(path.join(dir, f), 'utf8').trim().split('\n').map((l) => Number(l.split(' ')[2]))).sort((x, y) => x - y);
  const q = (p: number) => Math.round(us[Math.min(us.length - 1, Math.floor((p / 100) * us.length))]! / 1000);
  rmSync(dir, { recursive: true, force: true });
  return { tps, p50: q(50), p95: q(95), p99: q(99) };
}

async function countIssues() {
  const c = new pg.Client({ connectionString: dbUrl() });
  await c.connect();
  const { rows } = await c.query<{ app: number; pgbench: number }>(`SELECT count(*) FILTER (WHERE title = '压测：楼道灯不亮')::int AS app, count(*) FILTER (WHERE title = '压测：pgbench')::int AS pgbench FROM "Issue"`);
  await c.end();
  return rows[0]!;
}
