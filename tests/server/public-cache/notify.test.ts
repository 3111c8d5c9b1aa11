import pg from 'pg';
import { describe, expect, test } from 'vitest';
import { createStaff } from '../../factories/accounts';
import { communityByCode } from '../../factories/territory';
import { testDb } from '../db';

/**
 * Tables no cached public page reads (decision 032): private, dashboard-only, or hot writes whose pages are never
 * cached (issues, ballots). Every other table tells the public page cache when a statement changed it. A new table
 * must be put in one of the two camps, or this test fails.
 */
const PRIVATE = [
  'ActivityStat',
  'ApiKey',
  'AuditLog',
  'Ballot',
  // Progress bulletins' schedules and drafts (decision 053): reviewed by staff; what the board shows is the Notice.
  'BulletinSchedule',
  // 党员中心户 and the households they keep in touch with (decision 044): not on public pages.
  'CentralHousehold',
  // Channel choices and the copies of notifications by e-mail/SMS (decision 056): one's own, never on public pages.
  'ChannelChoice',
  'CentralHouseholdContact',
  // The contact chain (decision 051): links between officers, building heads and households; never on public pages.
  'ContactLink',
  'Delivery',
  // Delivery reports that came before their send was recorded (decision 056): private bookkeeping.
  'SmsReportWaiting',
  // Mediation cases are confidential (decision 062): never on a public page, so nothing public to refresh.
  'MediationCase',
  'MediationParty',
  'CaseMediator',
  'MediationSession',
  'MediationAgreement',
  'MediationFollowUp',
  // Elections (decision 069) are read signed in; the board shows their notices, the places their seated members.
  'CandidateSeconder',
  'Election',
  'ElectionBallot',
  'ElectionCandidate',
  'ElectionChoice',
  'ElectionObjection',
  'ElectionVoter',
  // A joint meeting's frozen host members and the minutes' sign-offs (decision 066); art. 10 requests (decision 068).
  'MeetingHostMember',
  'MinutesSignoff',
  'MeetingRequest',
  'MeetingRequestSupport',
  // Surveys (decision 073) are read signed in; published results reach the board as a Notice.
  'Survey',
  'SurveyAnswer',
  'SurveyQuestion',
  'SurveyRespondent',
  'SurveyResponse',
  // The disclosure catalogue's rules, events and filings (decision 070): read signed in; the board shows the notices.
  'DisclosureEvent',
  'DisclosureFiling',
  'DisclosureItem',
  'HouseholdClaim',
  'InvitationCode',
  // Ledgers (decision 071) are read signed in by the place's residents and staff; the board shows their statements' notices.
  'Ledger',
  'LedgerEntry',
  'LedgerReceipt',
  'LedgerStatement',
  'Issue',
  'IssueEvent',
  'IssueFollower',
  'IssueMinuteBucket',
  'IssueMinuteOctave',
  'IssueMinutes',
  'IssueStreetStat',
  'IssuePhoto',
  // Hand-offs, co-handlers and building consultations of issues (decision 050): never on public pages.
  'IssueHandler',
  'IssueConsultation',
  'IssueConsultationAnswer',
  'IssueStat',
  'MotionVoter',
  'Notification',
  // Open311 requests waiting for staff to place them (decision 060): the district's queue, never on public pages.
  'Open311Intake',
  'PasswordResetCode',
  'ProgressBulletin',
  'RateLimit',
  'RegistrationCode',
  'SecretChoice',
  'StatDirty',
  'StatExport',
  // The online discussion (decision 059): read by the topic's audience, signed in; its summary is a TopicRecord.
  'TopicComment',
  'TopicFollower',
  // 催办 (decision 049): between the street, the secretary and the owner, shown to staff only.
  'TopicPress',
];

describe('changes to public tables are announced at commit', () => {
  test('every table is either announced on yishi_public or declared private', async () => {
    const rows = await testDb().$queryRaw<{ table: string; announced: boolean }[]>`
      SELECT c.relname AS table, EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid AND t.tgname = 'yishi_public_changed') AS announced
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND c.relname NOT LIKE '\\_%' ORDER BY 1`;
    const wrong = rows.filter((r) => r.announced === PRIVATE.includes(r.table)).map((r) => r.table);
    expect(wrong).toEqual([]);
    expect(rows.length).toBeGreaterThan(PRIVATE.length + 30);
  });

  test('a listener hears a committed write once per statement, and nothing from a rolled-back one', async () => {
    const listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await listener.connect();
    const heard: string[] = [];
    listener.on('notification', (m) => heard.push(`${m.channel}:${m.payload}`));
    await listener.query('LISTEN yishi_public');
    const db = testDb();
    await db.$executeRaw`UPDATE "Street" SET name = name WHERE id IN (SELECT id FROM "Street" LIMIT 3)`;
    await db
      .$transaction(async (tx) => {
        await tx.$executeRaw`UPDATE "Community" SET name = name WHERE id IN (SELECT id FROM "Community" LIMIT 3)`;
        throw new Error('rolled back');
      })
      .catch(() => {});
    await db.$executeRaw`UPDATE "Issue" SET id = id WHERE id IN (SELECT id FROM "Issue" LIMIT 1)`;
    await new Promise((r) => setTimeout(r, 300));
    await listener.end();
    expect(heard).toEqual(['yishi_public:Street']);
  });

  test('a sign-in (the last sign-in time) empties no cache; any other change to an account does', async () => {
    const jinyang = await communityByCode(testDb(), '510107009003');
    const staff = await createStaff(testDb(), {
      name: '刘书记',
      phone: '13900009001',
      password: 'staff-pass-1',
      role: 'COMMUNITY_SECRETARY',
      placeLevel: 'COMMUNITY',
      placeId: jinyang.id,
    });
    const listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await listener.connect();
    const heard: string[] = [];
    listener.on('notification', (m) => heard.push(m.payload ?? ''));
    await listener.query('LISTEN yishi_public');
    const db = testDb();
    await db.$executeRaw`UPDATE "User" SET "lastSignInAt" = now()`;
    await new Promise((r) => setTimeout(r, 300));
    const afterSignIn = [...heard];
    await db.$executeRaw`UPDATE "User" SET "sessionVersion" = "sessionVersion" + 1 WHERE id = ${staff.id}`;
    await new Promise((r) => setTimeout(r, 300));
    await listener.end();
    expect([afterSignIn, heard]).toEqual([[], ['User']]);
  });
});
