/**
 * The people a write bench needs, made in bulk with SQL as staff approval would leave them: verified accounts
 * (bcrypt cost 4, as tests/factories' quickHash) with an approved claim on a household of one compound of the
 * community (so each is a resident there and may raise issues), and a council of some of them voting on a motion.
 */
import bcrypt from 'bcryptjs';
import type pg from 'pg';

export const BENCH_PASSWORD = 'bench-pass-1';
/** The roster of the motion pgbench's ballots go to (the floor): more keys than 15 s of ballots can use. */
export const FLOOR_ROSTER = 500_000;
export const phoneOf = (i: number) => `1377${String(i + 1).padStart(7, '0')}`;

export type TResidents = { phones: string[]; personIds: number[]; communityId: number; streetId: number; compoundId: number };

export async function createResidents(db: pg.Client, n: number, communityCode = '510107009003'): Promise<TResidents> {
  const {
    rows: [c],
  } = await db.query(`SELECT id, "streetId" FROM "Community" WHERE code = $1`, [communityCode]);
  if (!c) throw new Error(`no community ${communityCode} in the demo data`);
  const {
    rows: [home],
  } = await db.query(
    `SELECT b."compoundId" AS id FROM "Household" h JOIN "Building" b ON b.id = h."buildingId" JOIN "Compound" p ON p.id = b."compoundId"
      WHERE p."communityId" = $1 GROUP BY b."compoundId" ORDER BY count(*) DESC LIMIT 1`,
    [c.id],
  );
  if (!home) throw new Error(`no household in community ${communityCode}`);
  const { rows: people } = await db.query(
    `INSERT INTO "Person" (name, "updatedAt") SELECT '居民' || g, now() FROM generate_series(1, $1) g RETURNING id`,
    [n],
  );
  const personIds = people.map((p) => p.id as number);
  const phones = personIds.map((_, i) => phoneOf(i));
  const { rows: users } = await db.query(
    `INSERT INTO "User" (phone, "passwordHash", "personId", "verifiedAt", "updatedAt")
      SELECT t.phone, $1, t.p, now(), now() FROM unnest($2::text[], $3::int[]) AS t(phone, p) RETURNING id`,
    [bcrypt.hashSync(BENCH_PASSWORD, 4), phones, personIds],
  );
  await db.query(
    `INSERT INTO "HouseholdClaim" ("userId", "householdId", relation, status, "reviewedAt")
      SELECT u.id, h.ids[1 + (u.n - 1) % array_length(h.ids, 1)], 'TENANT', 'APPROVED', now() - interval '1 day'
        FROM unnest($1::int[]) WITH ORDINALITY AS u(id, n),
             (SELECT array_agg(h.id ORDER BY h.id) AS ids FROM "Household" h JOIN "Building" b ON b.id = h."buildingId" WHERE b."compoundId" = $2) h`,
    [users.map((u) => u.id), home.id],
  );
  return { phones, personIds, communityId: c.id, streetId: c.streetId, compoundId: home.id };
}

/** A council of these people with an electronic vote open on a motion at step 3 of a topic (two thirds of the roster to pass). */
export async function createCouncilVote(db: pg.Client, r: TResidents, personIds: number[]) {
  const {
    rows: [body],
  } = await db.query(
    `INSERT INTO "Body" (kind, name, "communityId", seats) VALUES ('COMMUNITY_COUNCIL', '基准议事会', $1, $2) RETURNING id`,
    [r.communityId, personIds.length],
  );
  await db.query(`INSERT INTO "BodyMember" ("bodyId", "personId", "startsOn") SELECT $1, unnest($2::int[]), '2024-01-01'`, [
    body.id,
    personIds,
  ]);
  const {
    rows: [topic],
  } = await db.query(
    `INSERT INTO "Topic" (title, description, "procedureId", "stepIndex", "stepDueAt", "districtId", "streetId", "communityId", "createdById", "updatedAt", "categoryId")
      SELECT '基准表决', '基准', id, 3, now(), (SELECT "districtId" FROM "Street" WHERE id = $2), $2, $1, 1, now(), (SELECT id FROM "TopicCategory" WHERE "districtId" IS NULL AND code = 'OTHER')
        FROM "Procedure" WHERE code = 'COURTYARD_ROADSHOW' AND "districtId" IS NULL RETURNING id`,
    [r.communityId, r.streetId],
  );
  const rule = JSON.stringify({ kind: 'ROSTER_FRACTION', fraction: { p: 2, q: 3 } });
  const {
    rows: [motion],
  } = await db.query(
    `INSERT INTO "Motion" ("topicId", "stepIndex", "bodyId", voters, rule, roster, mode)
      VALUES ($1, 3, $2, '{"kind":"BODY"}', $3, $4, 'ELECTRONIC') RETURNING id`,
    [topic.id, body.id, rule, personIds],
  );
  await db.query(`INSERT INTO "MotionVoter" ("motionId", "voterKey") SELECT $1, unnest($2::int[])`, [motion.id, personIds]);
  // A second motion on the same topic for pgbench's ballots (the floor), with a roster as large as they may need
  // (a ballot's voter must be on its motion's roster: Ballot → MotionVoter).
  const {
    rows: [floor],
  } = await db.query(
    `INSERT INTO "Motion" ("topicId", "stepIndex", voters, rule, mode) VALUES ($1, 3, '{"kind":"BODY"}', $2, 'ELECTRONIC') RETURNING id`,
    [topic.id, rule],
  );
  await db.query(`INSERT INTO "MotionVoter" ("motionId", "voterKey") SELECT $1, generate_series(1, $2)`, [floor.id, FLOOR_ROSTER]);
  return { motionId: motion.id as number, floorMotionId: floor.id as number };
}

/** Ballots of a motion: stored rows and distinct voters (exactly once means both equal the voters who were told yes). */
export async function countBallots(db: pg.Client, motionId: number) {
  const sql = `SELECT count(*)::int AS stored, count(DISTINCT "voterKey")::int AS voters FROM "Ballot" WHERE "motionId" = $1`;
  const {
    rows: [n],
  } = await db.query(sql, [motionId]);
  return n as { stored: number; voters: number };
}
