/**
 * 500 council members vote at once on one motion, through the HTTP path a phone uses (issue 7's
 * measure): each signs in (next-auth), then all 500 post the ballot form to its server action at the
 * same moment (the form POST a phone sends before JavaScript has loaded). Prints ballots/s and
 * p50/p95/p99, verifies every ballot counted exactly once (and a second wave of the same 500 refused),
 * then runs the same writes (ballot + audit row) straight through pgbench and prints the ratio.
 * Self-contained: the production app on a throwaway embedded PostgreSQL. Needs pgbench.
 * Run: node --conditions=react-server --import tsx bench/voting.ts [voters=500]
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import bcrypt from 'bcryptjs';
import pg from 'pg';
import { freePort } from '../scripts/db/port.ts';
import { readDatabasePassword } from '../scripts/db/password.ts';

const voters = Number(process.argv[2] ?? 500);
const ROOT = path.resolve(import.meta.dirname, '..');
const installed = existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql').map((v) => `/usr/lib/postgresql/${v}/bin/pgbench`) : [];
const pgbench = ['pgbench', ...installed].find((p) => (p === 'pgbench' ? spawnSync('pgbench', ['--version']).status === 0 : existsSync(p)));
if (!pgbench) throw new Error('pgbench not found: apt-get install -y postgresql-client');

const port = await freePort();
const pgPort = await freePort();
const dataDir = path.join(os.tmpdir(), `yishi-bench-vote-${port}`);
// The embedded cluster's password is made when the app first starts it (scripts/db/password.ts).
const dbUrl = () => `postgresql://yishi:${readDatabasePassword(path.join(dataDir, 'pg'))}@127.0.0.1:${pgPort}/yishi`;
const base = `http://localhost:${port}`;
const app = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/start.ts'], {
  cwd: ROOT, env: { ...process.env, PORT: String(port), YISHI_PG_PORT: String(pgPort), YISHI_DATA_DIR: dataDir, YISHI_EPHEMERAL: '1', YISHI_JOBS: 'off' }, stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise<void>((resolve, reject) => {
  app.stdout!.on('data', (c: Buffer) => /is running/.test(c.toString()) && resolve());
  app.on('exit', (code) => reject(new Error(`the app exited (${code}) before it was ready`)));
});
const pct = (xs: number[], p: number) => Math.round([...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!);

try {
  const db = new pg.Client({ connectionString: dbUrl() });
  await db.connect();
  const hash = bcrypt.hashSync('bench-pass-1', 4);
  const { rows: [c] } = await db.query(`SELECT id, "streetId" FROM "Community" WHERE code = '510107009003'`);
  const { rows: people } = await db.query(`INSERT INTO "Person" (name, "updatedAt") SELECT '委员' || g, now() FROM generate_series(1, $1) g RETURNING id`, [voters]);
  await db.query(`INSERT INTO "User" (phone, "passwordHash", "personId", "verifiedAt", "updatedAt") SELECT '1377' || lpad(g::text, 7, '0'), $1, p, now(), now() FROM unnest($2::int[]) WITH ORDINALITY AS t(p, g)`, [hash, people.map((p) => p.id)]);
  const { rows: [body] } = await db.query(`INSERT INTO "Body" (kind, name, "communityId", seats) VALUES ('COMMUNITY_COUNCIL', '基准议事会', $1, $2) RETURNING id`, [c.id, voters]);
  await db.query(`INSERT INTO "BodyMember" ("bodyId", "personId", "startsOn") SELECT $1, unnest($2::int[]), '2024-01-01'`, [body.id, people.map((p) => p.id)]);
  const { rows: [topic] } = await db.query(`INSERT INTO "Topic" (title, description, "procedureId", "stepIndex", "stepDueAt", "districtId", "streetId", "communityId", "createdById", "updatedAt")
    SELECT '基准表决', '基准', id, 3, now(), (SELECT "districtId" FROM "Street" WHERE id = $2), $2, $1, 1, now() FROM "Procedure" WHERE code = 'COURTYARD_ROADSHOW' AND "districtId" IS NULL RETURNING id`, [c.id, c.streetId]);
  const rule = JSON.stringify({ kind: 'ROSTER_FRACTION', fraction: { p: 2, q: 3 } });
  const { rows: [motion] } = await db.query(`INSERT INTO "Motion" ("topicId", "stepIndex", "bodyId", voters, rule, roster, mode) VALUES ($1, 3, $2, '{"kind":"BODY"}', $3, $4, 'ELECTRONIC') RETURNING id`, [topic.id, body.id, rule, people.map((p) => p.id)]);
  await db.query(`INSERT INTO "MotionVoter" ("motionId", "voterKey") SELECT $1, unnest($2::int[])`, [motion.id, people.map((p) => p.id)]);

  // Each member signs in (fifty at a time, as they arrive in the hall).
  const cookies: string[] = [];
  for (let i = 0; i < voters; i += 50) {
    cookies.push(...(await Promise.all(people.slice(i, i + 50).map(async (_, j) => {
      const csrf = await fetch(`${base}/api/auth/csrf`);
      const { csrfToken } = (await csrf.json()) as { csrfToken: string };
      const jar = csrf.headers.getSetCookie().map((x) => x.split(';')[0]!).join('; ');
      const res = await fetch(`${base}/api/auth/callback/credentials`, { method: 'POST', redirect: 'manual', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: jar }, body: new URLSearchParams({ csrfToken, phone: `1377${String(i + j + 1).padStart(7, '0')}`, password: 'bench-pass-1', json: 'true' }) });
      return res.headers.getSetCookie().map((x) => x.split(';')[0]!).find((x) => x.startsWith('next-auth.session-token='))!;
    }))));
  }
  if (cookies.some((x) => !x)) throw new Error('a sign-in failed');
  const html = await (await fetch(`${base}/motions/${motion.id}`, { headers: { Cookie: cookies[0]! } })).text();
  const start = html.indexOf('<form', html.indexOf('name="choice"') - 3000);
  const form = html.slice(html.lastIndexOf('<form', html.indexOf('name="choice"')), html.indexOf('</form>', html.indexOf('name="choice"')));
  const hidden: [string, string][] = [...form.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?/g)].map((m) => [m[1]!.replaceAll('&amp;', '&'), (m[2] ?? '').replaceAll('&quot;', '"').replaceAll('&amp;', '&')]);
  if (start < 0 || !hidden.some(([k]) => k.startsWith('$ACTION'))) throw new Error('the ballot form was not found');
  const vote = async (cookie: string) => {
    const fd = new FormData();
    for (const [k, v] of hidden) fd.append(k, v);
    fd.append('choice', 'FOR');
    const t = performance.now();
    const r = await fetch(`${base}/motions/${motion.id}`, { method: 'POST', headers: { Cookie: cookie, Origin: base }, body: fd });
    const text = await r.text();
    return { ms: performance.now() - t, ok: r.ok && text.includes('已投票'), refused: text.includes('已经投过票了') };
  };
  console.log(`${voters} members signed in; all vote at once through POST /motions/${motion.id}…`);
  const t0 = performance.now();
  const wave = await Promise.all(cookies.map(vote));
  const wall = (performance.now() - t0) / 1000;
  const again = await Promise.all(cookies.map(vote));
  const { rows: [count] } = await db.query(`SELECT count(*)::int AS n, count(DISTINCT "voterKey")::int AS distinct_voters FROM "Ballot" WHERE "motionId" = $1`, [motion.id]);
  const lat = wave.map((w) => w.ms);
  const appRate = voters / wall;
  console.log(`app: ${voters} ballots in ${wall.toFixed(2)} s = ${appRate.toFixed(1)} ballots/s; p50 ${pct(lat, 50)} ms, p95 ${pct(lat, 95)} ms, p99 ${pct(lat, 99)} ms`);
  console.log(`exactly once: ${wave.filter((w) => w.ok).length} accepted, stored ${count.n} (${count.distinct_voters} distinct voters); second wave: ${again.filter((w) => w.refused).length} of ${voters} refused`);

  // The same writes straight into PostgreSQL: a ballot and an audit row per transaction.
  const { rows: [m2] } = await db.query(`INSERT INTO "Motion" ("topicId", "stepIndex", voters, rule, mode) VALUES ($1, 3, '{"kind":"BODY"}', $2, 'ELECTRONIC') RETURNING id`, [topic.id, rule]);
  await db.end();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'yishi-pgbench-vote-'));
  writeFileSync(path.join(dir, 'vote.sql'), `\\set k random(1, 2000000000)
BEGIN;
INSERT INTO "Ballot" ("motionId", "voterKey", choice, channel) VALUES (${m2.id}, :k, 'FOR', 'ELECTRONIC') ON CONFLICT DO NOTHING;
INSERT INTO "AuditLog" ("actorId", "actorLabel", action, "entityType", "entityId", after) VALUES (1, 'bench', 'ballot.cast', 'Motion', '${m2.id}', '{"choice":"FOR"}');
COMMIT;
`);
  const clients = Math.min(100, voters);
  const out = spawnSync(pgbench, ['-n', '-c', String(clients), '-j', '2', '-T', '15', '-f', path.join(dir, 'vote.sql'), '-l', '--log-prefix', path.join(dir, 'log'), dbUrl()], { encoding: 'utf8' });
  if (out.status !== 0) throw new Error(out.stderr);
  const tps = Number(/tps = ([\d.]+)/.exec(out.stdout)?.[1]);
  const us = readdirSync(dir).filter((f) => f.startsWith('log')).flatMap((f) => readFileSync(path.join(dir, f), 'utf8').trim().split('\n').map((l) => Number(l.split(' ')[2]) / 1000));
  rmSync(dir, { recursive: true, force: true });
  console.log(`pgbench: ${clients} clients, 15 s: ${tps.toFixed(1)} tx/s; p50 ${pct(us, 50)} ms, p95 ${pct(us, 95)} ms, p99 ${pct(us, 99)} ms`);
  console.log(`ratio app/pgbench (throughput): ${(appRate / tps).toFixed(3)}`);
} finally {
  app.kill('SIGTERM');
  await new Promise((r) => app.once('exit', r));
  rmSync(dataDir, { recursive: true, force: true });
}
