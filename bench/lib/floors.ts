/**
 * The floors: what one write stores, as pgbench scripts (one transaction each), for the benches to set the app
 * against. Kept in step with src/server/issues/raise-issue.ts (storeIssue) and src/server/votes/ballots.ts (castBallot).
 */
import type pg from 'pg';

/**
 * One issue raised by a resident: the two rate-limit counters it takes (per account, per address; statements of
 * their own, as rate-limiter-flexible runs them), then issue, follower, timeline event, notification and audit row
 * in one transaction. `accounts`: how many residents the per-account counters spread over.
 */
export async function issueFloorSql(db: pg.Client, o: { compoundId: number; categoryId: number; accounts: number }) {
  const {
    rows: [p],
  } = await db.query(
    `SELECT c."districtId" AS d, c."streetId" AS s, c."communityId" AS cm,
      (SELECT "assigneeUserId" FROM "Issue" WHERE "compoundId" = c.id AND "assigneeUserId" IS NOT NULL ORDER BY id DESC LIMIT 1) AS a,
      (SELECT min(id) FROM "User" WHERE phone LIKE '1377%') AS u
    FROM "Compound" c WHERE c.id = $1`,
    [o.compoundId],
  );
  const now = `(extract(epoch from now()) * 1000)::bigint`;
  const counter = (key: string, ms: number) => `INSERT INTO "RateLimit" VALUES (${key}, 1, ${now} + ${ms})
  ON CONFLICT (key) DO UPDATE SET points = CASE WHEN "RateLimit".expire <= ${now} THEN 1 ELSE "RateLimit".points + 1 END,
  expire = CASE WHEN "RateLimit".expire <= ${now} THEN ${now} + ${ms} ELSE "RateLimit".expire END RETURNING points;`;
  return `\\set r random(1, 100000000)
${counter(`'bench_raiseAccount:' || :r % ${o.accounts}`, 86_400_000)}
${counter(`'bench_raiseAddress:' || :r`, 3_600_000)}
BEGIN;
INSERT INTO "Issue" (title, description, "categoryId", "districtId", "streetId", "communityId", "compoundId", "authorUserId", anonymous,
    "assigneeUserId", "acknowledgeBy", "resolveBy", "idempotencyKey", "updatedAt")
  VALUES ('压测：pgbench', '压测提交的问题，描述楼道灯不亮的情况。', ${o.categoryId}, ${p.d}, ${p.s}, ${p.cm}, ${o.compoundId}, ${p.u}, false,
    ${p.a ?? 'NULL'}, now() + interval '4 hours', now() + interval '5 days', gen_random_uuid()::text, now()) RETURNING id AS issue \\gset
INSERT INTO "IssueFollower" ("issueId", "userId") VALUES (:issue, ${p.u});
INSERT INTO "IssueEvent" ("issueId", "actorUserId", "actorLabel", type, "toState", level)
  VALUES (:issue, ${p.u}, '居民1', 'SUBMITTED', 'SUBMITTED', 'COMPOUND');
INSERT INTO "Notification" ("userId", kind, "issueId", title, body) VALUES (${p.a ?? p.u}, 'issue.assigned', :issue, '压测：pgbench', '设施维修');
INSERT INTO "AuditLog" ("actorId", "actorLabel", action, "entityType", "entityId", after, "communityId", "compoundId")
  VALUES (${p.u}, '居民1', 'issue.raise', 'Issue', :issue, '{"channel":"APP"}', ${p.cm}, ${o.compoundId});
COMMIT;
`;
}

/** One ballot as castBallot writes it: the ballot and its audit row, in one transaction, on a motion with a roster of `roster` keys. */
export const ballotFloorSql = (motionId: number, roster: number) => `\\set k random(1, ${roster})
BEGIN;
INSERT INTO "Ballot" ("motionId", "voterKey", choice, channel) VALUES (${motionId}, :k, 'FOR', 'ELECTRONIC') ON CONFLICT DO NOTHING;
INSERT INTO "AuditLog" ("actorId", "actorLabel", action, "entityType", "entityId", after)
  VALUES (1, 'bench', 'ballot.cast', 'Motion', '${motionId}', '{"choice":"FOR"}');
COMMIT;
`;
