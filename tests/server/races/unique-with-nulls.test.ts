import { describe, expect, test } from 'vitest';
import { TEMPLATES } from '@/domain/topics/procedure';
import { ensureIssueCategories } from '@/server/issues/categories';
import { ensureProcedures } from '@/server/topics/procedures';
import { testDb } from '../db';

/** Every unique index of more than one column that takes a nullable column, and whether it treats NULLs as equal. */
const NULLABLE_UNIQUES = `
  SELECT i.indexrelid::regclass::text AS name, i.indnullsnotdistinct AS "notDistinct"
  FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
  WHERE i.indisunique AND NOT i.indisprimary AND i.indnkeyatts > 1 AND n.nspname = 'public'
    AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = t.oid AND a.attnum = ANY (i.indkey) AND NOT a.attnotnull)`;

/**
 * Where NULL means "does not apply", never "everywhere": a manual notice has no topic or step, and many may exist; an
 * ordinary notification has no reminder key, and a user has many (decision 057); an outside party to a mediation case is
 * no person of the roster, and a case may have several (decision 062); a walk-in at a meeting is no person (decision 067).
 */
const NULL_NOT_APPLICABLE = [
  '"Notice_topicId_stepIndex_kind_round_key"',
  '"Notification_userId_onceKey_key"',
  '"MediationParty_caseId_personId_key"',
  // An attendance row is a person, a household or a walk-in (decisions 067, 068): the other columns do not apply.
  '"Attendance_meetingId_personId_key"',
  '"Attendance_meetingId_householdId_key"',
  // A host is a body or a party organisation, of a meeting or of a series (decision 066).
  '"MeetingHost_meetingId_bodyId_key"',
  '"MeetingHost_meetingId_partyOrgId_key"',
  '"MeetingHost_seriesId_bodyId_key"',
  '"MeetingHost_seriesId_partyOrgId_key"',
  // A supporter counts as a household or a group only for requests on that basis (decision 068).
  '"MeetingRequestSupport_requestId_householdId_key"',
  '"MeetingRequestSupport_requestId_compoundId_key"',
  // A survey answered per person names no household (decision 073): one per household only when it is per household.
  '"SurveyRespondent_surveyId_householdId_key"',
];

describe('unique keys with a nullable column (districtId null = city-wide)', () => {
  test('every such index treats NULLs as equal', async () => {
    const rows = (await testDb().$queryRawUnsafe<{ name: string; notDistinct: boolean }[]>(NULLABLE_UNIQUES)).filter(
      (r) => !NULL_NOT_APPLICABLE.includes(r.name),
    );
    expect(rows.map((r) => r.name)).toEqual(
      expect.arrayContaining([
        '"IssueCategory_districtId_code_key"',
        '"Procedure_districtId_code_version_key"',
        '"TopicCategory_districtId_code_key"',
      ]),
    );
    expect(rows.filter((r) => !r.notDistinct).map((r) => r.name)).toEqual([]);
  });

  test('two instances starting together load the city-wide categories and procedures once', async () => {
    const db = testDb();
    await db.issueCategory.deleteMany({ where: { districtId: null } });
    await db.procedure.deleteMany({ where: { districtId: null } });
    await Promise.all([ensureIssueCategories(db), ensureIssueCategories(db), ensureProcedures(db), ensureProcedures(db)]);
    const categories = await db.issueCategory.groupBy({ by: ['code'], where: { districtId: null }, _count: true });
    const procedures = await db.procedure.groupBy({ by: ['code', 'version'], where: { districtId: null }, _count: true });
    expect(categories.length).toBeGreaterThan(0);
    expect(categories.filter((c) => c._count !== 1)).toEqual([]);
    expect(procedures.length).toBe(TEMPLATES.length);
    expect(procedures.filter((p) => p._count !== 1)).toEqual([]);
  });
});
