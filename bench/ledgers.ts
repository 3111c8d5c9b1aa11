/**
 * Ledgers (明白账, issue 23 part L, decision 071) at 50,000 entries, in a throwaway cluster: the bulk insert through the
 * entry trigger (row lock, next seq, balance ≥ 0 on every row), then p50/p95 of recordEntry (the use case: lock, check,
 * insert, audit) and of the trigger alone on a full ledger, ledgerView, and publishStatement of a quarter (~12,500
 * entries: totals, SHA-256, the board notice). Run by hand (never a timed test):
 *   node --conditions=react-server --import tsx bench/ledgers.ts [entries=50000] [runs=100]
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../scripts/db/embedded.ts';

const [ENTRIES, RUNS] = [50_000, 100].map((d, i) => Number(process.argv[2 + i] ?? d)) as [number, number];
const dir = mkdtempSync(path.join(os.tmpdir(), 'yishi-ledgers-bench-'));
const server = await startEmbeddedPostgres({ dataDir: dir, port: Number(process.env.BENCH_PG_PORT ?? 55514), persistent: false });
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const ms = (x: number) => `${x.toFixed(1)} ms`;
try {
  process.env.DATABASE_URL = server.url;
  process.env.YISHI_JOBS = 'off';
  process.env.YISHI_DATA_DIR = dir;
  const { prepareDatabase } = await import('../scripts/prepare-database.ts');
  await prepareDatabase(server.url, { demo: false, log: () => {} });
  const { openLedger } = await import('../src/server/ledgers/open.ts');
  const { recordEntry } = await import('../src/server/ledgers/entries.ts');
  const { ledgerView } = await import('../src/server/ledgers/read.ts');
  const { publishStatement } = await import('../src/server/ledgers/statement.ts');
  const { loadActor } = await import('../src/server/auth/actor.ts');
  const { today } = await import('../src/server/today.ts');
  const db = new pg.Client({ connectionString: server.url });
  db.on('error', () => {});
  await db.connect();
  const community = (await db.query(`SELECT id FROM "Community" ORDER BY code LIMIT 1`)).rows[0].id as number;
  const person = (await db.query(`INSERT INTO "Person" (name, "updatedAt") VALUES ('bench', now()) RETURNING id`)).rows[0].id as number;
  const userId = (
    await db.query(
      `INSERT INTO "User" (phone, "passwordHash", "personId", "updatedAt") VALUES ('13000000000', 'x', $1, now()) RETURNING id`,
      [person],
    )
  ).rows[0].id as number;
  await db.query(
    `INSERT INTO "RoleGrant" ("userId", role, "placeLevel", "placeId", "startsOn") VALUES ($1, 'COMMUNITY_SECRETARY', 'COMMUNITY', $2, '2024-01-01')`,
    [userId, community],
  );
  const by = { userId, label: 'bench', actor: await loadActor(userId), today: today() };
  const year = Number(by.today.slice(0, 4)) - 1;
  const { id } = await openLedger(by, {
    kind: 'WORKING_FUNDS',
    name: '压测经费',
    communityId: community,
    opening: '1,000,000.00',
    openingDay: `${year}-01-01`,
  });

  // ENTRIES − 1 entries over last year, in order: mostly small income and spending, every 50th an advance or its repayment.
  let t = performance.now();
  await db.query(
    `INSERT INTO "LedgerEntry" ("ledgerId", seq, kind, day, "amountFen", description, "createdById", "reconciledAt", "reconciledById")
     SELECT $1, g + 1,
       (CASE WHEN g % 50 = 0 THEN 'ADVANCE' WHEN g % 50 = 25 AND g > 50 THEN 'ADVANCE_REPAID' WHEN g % 2 = 0 THEN 'INCOME' ELSE 'SPENDING' END)::"LedgerEntryKind",
       make_date($2, 1, 1) + (g * 364 / $3), CASE WHEN g % 50 = 25 AND g > 50 THEN 100 ELSE 100 + (g % 997) END, '压测账目 ' || g, $4, NULL, NULL
     FROM generate_series(1, $3 - 1) g ORDER BY g`,
    [id, year, ENTRIES, userId],
  );
  const bulk = performance.now() - t;
  t = performance.now();
  await db.query(`UPDATE "LedgerEntry" SET "reconciledAt" = now(), "reconciledById" = $2 WHERE "ledgerId" = $1`, [id, userId]);
  const reconcile = performance.now() - t;
  console.log(
    `${ENTRIES} entries inserted through the trigger in ${ms(bulk)} (${((bulk / ENTRIES) * 1000).toFixed(0)} µs each); all reconciled in ${ms(reconcile)}`,
  );

  // Single inserts on the full ledger: the trigger alone (raw SQL) and the whole use case.
  const raw: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const s = performance.now();
    await db.query(
      `INSERT INTO "LedgerEntry" ("ledgerId", seq, kind, day, "amountFen", description, "createdById")
       SELECT $1, "entryCount" + 1, 'INCOME', CURRENT_DATE, 100, 'raw', $2 FROM "Ledger" WHERE id = $1`,
      [id, userId],
    );
    raw.push(performance.now() - s);
  }
  const useCase: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const s = performance.now();
    await recordEntry(by, id, { kind: 'SPENDING', amount: '1.00', day: by.today, description: '压测支出' });
    useCase.push(performance.now() - s);
  }
  console.log(`insert with the balance check (trigger only): p50 ${ms(pct(raw, 50))}, p95 ${ms(pct(raw, 95))}`);
  console.log(`recordEntry (lock, check, insert, audit): p50 ${ms(pct(useCase, 50))}, p95 ${ms(pct(useCase, 95))}`);
  const views: number[] = [];
  for (let i = 0; i < 20; i++) {
    const s = performance.now();
    await ledgerView(by, id);
    views.push(performance.now() - s);
  }
  console.log(`ledgerView (latest 100 entries, statements): p50 ${ms(pct(views, 50))}, p95 ${ms(pct(views, 95))}`);
  const { rows } = await db.query(
    `SELECT count(*)::int AS n FROM "LedgerEntry" WHERE "ledgerId" = $1 AND day BETWEEN $2::date AND $3::date`,
    [id, `${year}-07-01`, `${year}-09-30`],
  );
  t = performance.now();
  const st = await publishStatement(by, id, { from: `${year}-07-01`, to: `${year}-09-30` });
  const statement = performance.now() - t;
  const body = (await db.query(`SELECT length(body) AS n FROM "Notice" WHERE id = $1`, [st.noticeId])).rows[0].n as number;
  console.log(
    `publishStatement of a quarter (${rows[0].n} entries of ${ENTRIES + 2 * RUNS}; notice body ${body} characters): ${ms(statement)}`,
  );
  await db.end();
} finally {
  await server.stop();
}
