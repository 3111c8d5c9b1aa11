/**
 * 公开及时率's server time (issue 23 part D, decision 070): a street of 22 communities, each with a compound served by a
 * property firm, a catalogue of 20 items applying for three years, every past slot filed (nine in ten on time, a few
 * left overdue), in a throwaway cluster; p50/p95 of the street's per-community figures (the dashboard) and of one
 * community's calendar, and the rate checked against a plain count. Run by hand (never a timed unit test):
 *   node --conditions=react-server --import tsx bench/disclosure.ts [communities=22] [runs=30]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../scripts/db/embedded.ts';

const [COMMUNITIES, RUNS] = [22, 30].map((d, i) => Number(process.argv[2 + i] ?? d)) as [number, number];
const dir = mkdtempSync(path.join(os.tmpdir(), 'yishi-disclosure-bench-'));
const server = await startEmbeddedPostgres({ dataDir: dir, port: Number(process.env.BENCH_PG_PORT ?? 55514), persistent: false });
try {
  process.env.DATABASE_URL = server.url;
  process.env.YISHI_JOBS = 'off';
  const { prepareDatabase } = await import('../scripts/prepare-database.ts');
  await prepareDatabase(server.url, { demo: false, log: (l) => console.log(l) });
  const { today, addDaysTo } = await (async () => {
    const t = await import('../src/server/today.ts');
    const s = await import('../src/domain/disclosure/slots.ts');
    return { today: t.today, addDaysTo: s.addDays };
  })();
  const { slotsOf } = await import('../src/server/disclosure/slots.ts');
  const { timelinessByCommunity, readCalendar } = await import('../src/server/disclosure/calendar.ts');
  const { DEFAULT_CATALOGUE } = await import('../src/server/disclosure/defaults.ts');
  const db = new pg.Client({ connectionString: server.url });
  db.on('error', () => {});
  await db.connect();
  const day = today();

  // The street whose number of communities is nearest COMMUNITIES, and all its communities (the dashboard shows them all).
  const { rows: picked } = await db.query<{ id: number; streetId: number; districtId: number }>(
    `WITH s AS (SELECT "streetId" FROM "Community" GROUP BY 1 ORDER BY abs(count(*) - $1), 1 LIMIT 1)
     SELECT c.id, c."streetId", st."districtId" FROM "Community" c JOIN "Street" st ON st.id = c."streetId"
     WHERE c."streetId" = (SELECT "streetId" FROM s) ORDER BY c.code`,
    [COMMUNITIES],
  );
  const { streetId, districtId } = picked[0]!;
  const person = (await db.query(`INSERT INTO "Person" (name, "updatedAt") VALUES ('bench', now()) RETURNING id`)).rows[0].id as number;
  const user = (
    await db.query(
      `INSERT INTO "User" (phone, "passwordHash", "personId", "updatedAt") VALUES ('13000000000', 'x', $1, now()) RETURNING id`,
      [person],
    )
  ).rows[0].id as number;
  const firm = (
    await db.query(`INSERT INTO "Organization" (kind, name, "districtId") VALUES ('PROPERTY_FIRM', 'bench firm', $1) RETURNING id`, [
      districtId,
    ])
  ).rows[0].id as number;
  for (const c of picked) {
    const k = (
      await db.query(
        `INSERT INTO "Compound" (name, initials, "communityId", "streetId", "districtId", "updatedAt") VALUES ($1, 'b', $2, $3, $4, now()) RETURNING id`,
        [`bench-${c.id}`, c.id, streetId, districtId],
      )
    ).rows[0].id as number;
    await db.query(
      `INSERT INTO "OrganizationAssignment" ("organizationId", relation, "communityId", "compoundId", "startsOn") VALUES ($1, 'PROPERTY_SERVICE', $2, $3, '2020-01-01')`,
      [firm, c.id, k],
    );
  }
  // 20 items: the 16 of the default catalogue and 4 more monthly ones, applying from 1 January three years ago.
  const startsOn = `${Number(day.slice(0, 4)) - 3}-01-01`;
  const items = [
    ...DEFAULT_CATALOGUE,
    ...[1, 2, 3, 4].map((n) => ({ ...DEFAULT_CATALOGUE[8]!, name: `月度事项${n}`, cadence: 'MONTHLY' as const, graceDays: 5 })),
  ];
  for (const [i, it] of items.entries())
    await db.query(
      `INSERT INTO "DisclosureItem" ("districtId", category, discloser, cadence, "withinDays", "graceDays", name, "titleTemplate", "bodyTemplate", "sortOrder", "startsOn")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        districtId,
        it.category,
        it.discloser,
        it.cadence,
        it.cadence === 'EVENT' ? (it.withinDays ?? 7) : null,
        it.cadence === 'EVENT' ? 0 : (it.graceDays ?? 0),
        it.name,
        it.titleTemplate,
        it.bodyTemplate,
        i,
        startsOn,
      ],
    );
  // Every past slot filed as a waiver (nine in ten the day before it was due, else ten days late), one in fifty left open.
  const t0 = performance.now();
  const slots = (
    await slotsOf(
      picked.map((c) => c.id),
      day,
    )
  ).filter((s) => s.dueOn < day);
  let n = 0;
  const rows: unknown[][] = [];
  for (const s of slots) {
    n += 1;
    if (n % 50 === 0) continue;
    const filedOn = n % 10 === 0 ? addDaysTo(s.dueOn, 10) : addDaysTo(s.dueOn, -1);
    if (filedOn > day) continue;
    rows.push([s.item.id, s.place.communityId, s.place.compoundId, s.key, s.dueOn, `${filedOn}T02:00:00Z`, filedOn <= s.dueOn, user]);
  }
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000);
    await db.query(
      `INSERT INTO "DisclosureFiling" ("itemId", "communityId", "compoundId", "periodKey", "dueOn", "filedAt", "onTime", "filedById", "waiverReason")
       SELECT a, b, c, d, e::date, (f::timestamptz AT TIME ZONE 'UTC'), g, h, '本期无需公开'
       FROM unnest($1::int[], $2::int[], $3::int[], $4::text[], $5::text[], $6::text[], $7::bool[], $8::int[]) AS x(a, b, c, d, e, f, g, h)`,
      [0, 1, 2, 3, 4, 5, 6, 7].map((k) => chunk.map((r) => r[k])),
    );
  }
  await db.query('ANALYZE');
  console.log(
    `${picked.length} communities × ${items.length} items × 3 years: ${slots.length} past slots, ${rows.length} filings written in ${(performance.now() - t0).toFixed(0)} ms`,
  );

  const by = {
    userId: user,
    label: 'bench',
    today: day,
    actor: {
      userId: user,
      grants: [{ role: 'STREET_STAFF' as const, place: { level: 'street' as const, id: streetId }, startsOn: '2000-01-01', endsOn: null }],
    },
  };
  const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
  async function measure(label: string, fn: () => Promise<unknown>) {
    for (let i = 0; i < 3; i++) await fn();
    const ms: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      await fn();
      ms.push(performance.now() - t);
    }
    console.log(`${label.padEnd(56)} p50 ${pct(ms, 50).toFixed(1).padStart(7)} ms   p95 ${pct(ms, 95).toFixed(1).padStart(7)} ms`);
  }
  await measure(`street dashboard: 公开及时率 of ${picked.length} communities ×${RUNS}`, () =>
    timelinessByCommunity(by, { level: 'street', id: streetId }),
  );
  await measure(`one community's calendar ×${RUNS}`, () => readCalendar(by, picked[0]!.id));
  // The street's rate against a plain count: every past slot due in the last twelve months counts, filed or not.
  const r = (await timelinessByCommunity(by, { level: 'street', id: streetId }))!;
  const from = addDaysTo(day, -365);
  const { rows: plain } = await db.query(
    `SELECT (count(*) FILTER (WHERE "onTime"))::int AS "onTime" FROM "DisclosureFiling" WHERE "dueOn" >= $1::date`,
    [from],
  );
  const counted = slots.filter((s) => s.dueOn >= from).length;
  const same = r.total.onTime === plain[0].onTime && r.total.counted === counted;
  console.log(
    `street: ${r.total.percent} (${r.total.onTime}/${r.total.counted}, ${r.total.overdue} overdue) — plain count ${same ? 'agrees' : `DIFFERS: ${plain[0].onTime}/${counted}`}`,
  );
  await db.end();
  const { getDb } = await import('../src/server/db.ts');
  await getDb().$disconnect();
} catch (e) {
  console.error(e);
  process.exitCode = 1;
} finally {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
