import { beforeAll, describe, expect, test } from 'vitest';
import { ensureIssueCategories } from '@/server/issues/categories';
import { createIssueWithHistory } from '../../factories/issues';
import { communityByCode, createCompound } from '../../factories/territory';
import { testDb } from '../db';

// Columns that name a place, an account or a parent row are checked by the database (issue 16, item 6).
const NOBODY = 2_000_000_000;

/** Integer columns named like a reference, with no foreign key, outside the deliberate exceptions below. */
const UNCHECKED = `
  SELECT c.table_name || '.' || c.column_name AS col FROM information_schema.columns c
  WHERE c.table_schema = 'public' AND c.data_type IN ('integer', 'bigint') AND c.column_name ~ '(Id|ById)$'
    AND NOT EXISTS (
      SELECT 1 FROM pg_constraint k JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = ANY (k.conkey)
      WHERE k.contype = 'f' AND k.conrelid = format('%I', c.table_name)::regclass AND a.attname = c.column_name)
  ORDER BY 1`;
/**
 * Rollups rebuilt from the facts (no history of their own); a grant's place, which names one of five tables; and the
 * seam from issues to the topics capability (topic-seam.ts), which an issue names by id only.
 */
const DELIBERATE =
  /^(IssueStat|IssueMinutes|IssueMinuteBucket|IssueMinuteOctave|IssueStreetStat|ActivityStat|StatDirty|StatExport)\.|^RoleGrant\.placeId$|^(Issue|Notification)\.topicId$/;

let issueId: number;
let compoundId: number;
beforeAll(async () => {
  const db = testDb();
  await ensureIssueCategories(db);
  compoundId = (await createCompound(db, { communityId: (await communityByCode(db, '510502006006')).id, name: '外键小区' })).id;
  issueId = (
    await createIssueWithHistory(db, {
      categoryCode: 'FACILITIES',
      title: '-',
      description: '-',
      compoundId,
      authorUserId: null,
      createdAt: new Date(),
      acknowledgeBy: new Date(),
      resolveBy: new Date(),
      steps: [],
    })
  ).id;
});

describe('foreign keys on place, account and parent columns', () => {
  test.each([
    ['an issue in a compound that does not exist', `UPDATE "Issue" SET "compoundId" = ${NOBODY} WHERE id = $1`],
    ['an issue in a building that does not exist', `UPDATE "Issue" SET "buildingId" = ${NOBODY} WHERE id = $1`],
    ['an issue assigned to an account that does not exist', `UPDATE "Issue" SET "assigneeUserId" = ${NOBODY} WHERE id = $1`],
    [
      'a notice correcting one that does not exist',
      `INSERT INTO "Notice" (kind, category, title, body, "supersedesId") SELECT 'MANUAL', 'RESIDENTS', 'x', 'x', ${NOBODY} + $1 * 0`,
    ],
    [
      'a notification for an account that does not exist',
      `INSERT INTO "Notification" ("userId", kind, title, body, "issueId") VALUES (${NOBODY}, 'x', 'x', 'x', $1)`,
    ],
    [
      'an audit row of a compound that does not exist',
      `INSERT INTO "AuditLog" ("actorLabel", action, "entityType", "entityId", "compoundId") VALUES ('x', 'x', 'Issue', $1::text, ${NOBODY})`,
    ],
    [
      'an audit row by an account that does not exist',
      `INSERT INTO "AuditLog" ("actorLabel", action, "entityType", "entityId", "actorId") VALUES ('x', 'x', 'Issue', $1::text, ${NOBODY})`,
    ],
  ])('the database refuses %s', async (_, sql) => {
    await expect(testDb().$executeRawUnsafe(sql, issueId)).rejects.toThrow(/foreign key/i);
  });

  test('every column naming another row has a foreign key (but rollups and a grant’s place)', async () => {
    const rows = await testDb().$queryRawUnsafe<{ col: string }[]>(UNCHECKED);
    expect(rows.map((r) => r.col).filter((c) => !DELIBERATE.test(c))).toEqual([]);
  });
});
