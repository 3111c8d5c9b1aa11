/**
 * Dashboard server time on the generated city (issue 9): the street dashboard and the city ranking
 * of streets, p50/p95 over 100 requests each, against the same figures computed by one hand-written
 * SQL query per figure on the base tables in the same run (printed as a ratio); and the time of an
 * .xlsx export of every community of the city. Also checks that both give the same numbers.
 *
 * First: node --conditions=react-server --import tsx bench/generate-city.ts /tmp/yishi-city
 * Then:  node --conditions=react-server --import tsx bench/dashboards.ts [/tmp/yishi-city] [requests=100] [export-only]
 */
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../scripts/db/embedded.ts';

const dataDir = path.resolve(process.argv[2] ?? '/tmp/yishi-city');
const N = Number(process.argv[3] ?? 100);
const server = process.env.DATABASE_URL
  ? null
  : await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'pg'), port: 55477, persistent: true });
const url = process.env.DATABASE_URL ?? server!.url;
process.env.DATABASE_URL = url;
// Migrations added since the city was generated (e.g. indexes) are applied first.
const { prepareDatabase } = await import('../scripts/prepare-database.ts');
await prepareDatabase(url, { demo: false, log: (l) => console.log(l) });
process.env.YISHI_JOBS = 'off';

const { readDashboard } = await import('../src/server/stats/read-dashboard.ts');
const { requestExport, runExport } = await import('../src/server/stats/export.ts');
const { presetPeriod } = await import('../src/domain/stats/period.ts');
const { getDb } = await import('../src/server/db.ts');
type TBy = Parameters<typeof readDashboard>[0];

const { today: todayInChina } = await import('../src/server/today.ts');
const today = todayInChina();
const db = new pg.Client({ connectionString: url });
await db.connect();
const street = (await db.query(`SELECT s.id, s."districtId" FROM "Street" s WHERE s.code = '510116001'`)).rows[0] as {
  id: number;
  districtId: number;
};
const as = (role: 'STREET_STAFF' | 'DISTRICT_ADMIN', level: 'street' | 'district', id: number): TBy => ({
  userId: 0,
  label: 'bench',
  today,
  actor: { userId: 0, grants: [{ role, place: { level, id }, startsOn: '2000-01-01', endsOn: null }] },
});
const streetBy = as('STREET_STAFF', 'street', street.id);
const districtBy = as('DISTRICT_ADMIN', 'district', street.districtId);

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
async function measure(label: string, fn: () => Promise<unknown>, n = N) {
  for (let i = 0; i < Math.min(5, n); i++) await fn();
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  const r = { p50: pct(ms, 50), p95: pct(ms, 95) };
  console.log(`${`${label} ×${n}`.padEnd(52)} p50 ${r.p50.toFixed(1).padStart(7)} ms   p95 ${r.p95.toFixed(1).padStart(7)} ms`);
  return r;
}

/** One hand-written query per figure, on the base tables, grouped by the rows of the table shown. */
function handQueries(scope: string, group: string, from: string, to: string, meetings: { join: string; where: string; group: string }) {
  const period = `i."createdAt" >= '${from}-01'::date - interval '8 hours' AND i."createdAt" < '${to}-01'::date + interval '1 month' - interval '8 hours'`;
  const base = `FROM "Issue" i WHERE i."mergedIntoId" IS NULL AND ${scope} AND ${period}`;
  const open = `i.state IN ('SUBMITTED','ACKNOWLEDGED','IN_PROGRESS','REOPENED')`;
  const now = `(now() AT TIME ZONE 'UTC')`;
  const tPeriod = `t."createdAt" >= '${from}-01'::date - interval '8 hours' AND t."createdAt" < '${to}-01'::date + interval '1 month' - interval '8 hours'`;
  const mPeriod = `m."startsAt" >= '${from}-01'::date - interval '8 hours' AND m."startsAt" < '${to}-01'::date + interval '1 month' - interval '8 hours'`;
  return {
    opened: `SELECT ${group} AS k, count(*) ${base} GROUP BY 1`,
    open: `SELECT ${group} AS k, count(*) ${base} AND ${open} GROUP BY 1`,
    overdue: `SELECT ${group} AS k, count(*) ${base} AND ${open} AND i."resolveBy" < ${now} GROUP BY 1`,
    escalated: `SELECT ${group} AS k, count(*) ${base} AND i."escalatedAt" IS NOT NULL GROUP BY 1`,
    takenOver: `SELECT ${group} AS k, count(*) ${base} AND i."takenOverAt" IS NOT NULL GROUP BY 1`,
    response: `SELECT ${group} AS k, count(*) FILTER (WHERE i."acknowledgedAt" <= i."firstAcknowledgeBy")::float / NULLIF(count(*), 0) ${base} AND i."excludedAt" IS NULL AND (i."acknowledgedAt" IS NOT NULL OR i."firstAcknowledgeBy" <= ${now}) GROUP BY 1`,
    resolution: `SELECT ${group} AS k, count(*) FILTER (WHERE i.state IN ('RESOLVED','CLOSED'))::float / NULLIF(count(*), 0) ${base} AND i."excludedAt" IS NULL AND (i.state IN ('RESOLVED','CLOSED','CLOSED_UNFIXED') OR i."firstResolveBy" <= ${now}) GROUP BY 1`,
    satisfaction: `SELECT ${group} AS k, count(*) FILTER (WHERE i.rating IN ('SATISFIED','BASICALLY_SATISFIED'))::float / NULLIF(count(*), 0) ${base} AND i."excludedAt" IS NULL AND i.rating IS NOT NULL GROUP BY 1`,
    ackMedian: `SELECT ${group} AS k, percentile_cont(0.5) WITHIN GROUP (ORDER BY round(extract(epoch FROM i."acknowledgedAt" - i."createdAt") / 60)) ${base} AND i."excludedAt" IS NULL AND i."acknowledgedAt" IS NOT NULL GROUP BY 1`,
    resolveMedian: `SELECT ${group} AS k, percentile_cont(0.5) WITHIN GROUP (ORDER BY round(extract(epoch FROM i."resolvedAt" - i."createdAt") / 60)) ${base} AND i."excludedAt" IS NULL AND i.state IN ('RESOLVED','CLOSED') AND i."resolvedAt" IS NOT NULL GROUP BY 1`,
    consultations: `SELECT ${meetings.group} AS k, count(*) FROM "Meeting" m JOIN "Community" c ON c.id = m."communityId" ${meetings.join} WHERE ${meetings.where} AND m.kind = 'CONSULTATION' AND m.status <> 'CANCELLED' AND m."startsAt" <= ${now} AND ${mPeriod} GROUP BY 1`,
    topicsByStep: `SELECT t."stepIndex", t.status, count(*) FROM "Topic" t WHERE ${scope.replace(/i\./g, 't.')} AND ${tPeriod} GROUP BY 1, 2`,
  };
}
async function runHand(qs: Record<string, string>) {
  for (const q of Object.values(qs)) await db.query(q);
}

const month = presetPeriod('thisMonth', today);
const year = presetPeriod('thisYear', today);
const cityId = street.districtId;
const cityDistricts = (await db.query(`SELECT array_agg(id) AS ids FROM "District" WHERE "cityName" = '成都市'`)).rows[0].ids as number[];
console.log(
  `city: ${(await db.query(`SELECT count(*)::int AS n FROM "Issue"`)).rows[0].n.toLocaleString('en')} issues; street 东升街道 (${(await db.query(`SELECT count(*)::int AS n FROM "Community" WHERE "streetId" = $1`, [street.id])).rows[0].n} communities); ${N} requests each\n`,
);

const streetHand = (p: { from: string; to: string }) =>
  handQueries(`i."streetId" = ${street.id}`, 'i."communityId"', p.from, p.to, {
    join: '',
    where: `c."streetId" = ${street.id}`,
    group: 'm."communityId"',
  });
const cityHand = (p: { from: string; to: string }) =>
  handQueries(`i."districtId" = ANY('{${cityDistricts.join(',')}}')`, 'i."streetId"', p.from, p.to, {
    join: 'JOIN "Street" s ON s.id = c."streetId"',
    where: `s."districtId" = ANY('{${cityDistricts.join(',')}}')`,
    group: 'c."streetId"',
  });
const exportOnly = process.argv[4] === 'export-only';
const results: Record<string, { p50: number; p95: number }> = {};
for (const [name, period] of exportOnly
  ? []
  : ([
      ['this month', month],
      ['this year', year],
    ] as const)) {
  results[`street ${name}`] = await measure(`street dashboard (${name})`, () =>
    readDashboard(streetBy, { unit: { level: 'street', id: street.id }, period, category: null }),
  );
  results[`street hand ${name}`] = await measure(`  hand SQL, one query per figure`, () => runHand(streetHand(period)));
  results[`city ${name}`] = await measure(`city ranking of streets (${name})`, () =>
    readDashboard(districtBy, { unit: { level: 'city', id: cityId }, period, category: null }),
  );
  // Over a year the hand SQL reads ~900,000 issues per figure (seconds per request): fewer repetitions.
  results[`city hand ${name}`] = await measure(
    `  hand SQL, one query per figure`,
    () => runHand(cityHand(period)),
    name === 'this year' ? Math.min(N, 20) : N,
  );
}
if (!exportOnly) console.log('\nratio app p50 / hand-SQL p50 (below 1: the rollups make the app faster than querying the issues):');
for (const k of exportOnly ? [] : ['street this month', 'street this year', 'city this month', 'city this year']) {
  const [lvl, ...rest] = k.split(' ');
  console.log(`  ${k.padEnd(20)} ${(results[k]!.p50 / results[`${lvl} hand ${rest.join(' ')}`]!.p50).toFixed(2)}`);
}

// The same numbers both ways (the rollup is as of its refresh; nothing changes the city during the run).
const d = await readDashboard(streetBy, { unit: { level: 'street', id: street.id }, period: year, category: null });
const hand = streetHand(year);
const byK = async (q: string) =>
  new Map((await db.query(q)).rows.map((r: Record<string, unknown>) => [String(r.k), Number(Object.values(r)[1])]));
const opened = await byK(hand.opened);
const overdue = await byK(hand.overdue);
const response = await byK(hand.response);
let agree = true;
for (const c of d.children) {
  const k = String(c.id);
  if ((opened.get(k) ?? 0) !== c.current.counts.opened || (overdue.get(k) ?? 0) !== c.current.counts.overdue) agree = false;
  if (c.current.rates.response !== null && Math.abs((response.get(k) ?? 0) - c.current.rates.response) > 1e-9) agree = false;
}
console.log(`\nstreet figures agree with the hand SQL (opened, overdue, response rate per community): ${agree ? 'yes' : 'NO'}`);

// The export job authorizes its requester from the database, so it needs a real account.
const { createStaff } = await import('../tests/factories/accounts.ts');
const admin =
  (await getDb().user.findUnique({ where: { phone: '13999990000' } })) ??
  (await createStaff(getDb(), {
    name: '基准区管理员',
    phone: '13999990000',
    password: 'bench-pass-1',
    role: 'DISTRICT_ADMIN',
    placeLevel: 'DISTRICT',
    placeId: street.districtId,
  }));
const t = performance.now();
let exportId = 0;
await requestExport(
  { ...districtBy, userId: admin.id },
  'COMMUNITIES',
  { unit: { level: 'city', id: cityId }, period: year, category: null, locale: 'zh-CN' },
  async (id) => {
    exportId = id;
    await runExport(id);
  },
);
const ex = await getDb().statExport.findUniqueOrThrow({ where: { id: exportId } });
console.log(
  `xlsx export of all ${ex.rowsTotal.toLocaleString('en')} communities of the city (this year): ${((performance.now() - t) / 1000).toFixed(2)} s, ${ex.status}`,
);
await db.end();
await getDb().$disconnect();
await server?.stop();
