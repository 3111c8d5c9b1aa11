/**
 * Demo data for the scenario places of shared/domain/scenarios.md, built with the test factories.
 * Runs once per database (flag "demo-seed"), in one transaction: it is all there or not at all.
 */
import type { Prisma, PrismaClient } from '../../src/generated/prisma/client.ts';
import { inSeedStage } from '../../src/server/db.ts';
import { NameSource } from '../../tests/factories/names.ts';
import { seedAccounts } from './accounts.ts';
import { seedBeiyuan } from './beiyuan.ts';
import { seedIssueChannels, seedIssues } from './issues.ts';
import { seedTopics } from './topics.ts';
import { seedBoard } from './board.ts';
import { seedMeetings } from './meetings.ts';
import { seedVotes } from './votes.ts';
import { seedStats } from './stats.ts';
import { seedJinsha } from './jinsha.ts';
import { seedLongtangliang } from './longtangliang.ts';
import { seedOucheng } from './oucheng.ts';
import { seedPartyFirst } from './party-first.ts';
import { seedDiscussion } from './discussion.ts';
import { addShippedDivisions } from '../../src/server/territory/load-divisions.ts';
import { GULOU_COMMUNITY, seedBazhong } from './bazhong.ts';
import { seedBy } from './seed-by.ts';
import { createPartyOrgIn } from '../../src/server/party/orgs.ts';
import { seedHandMadeCommunity } from './hand-made.ts';
import { seedOrganisations } from './organisations.ts';
import { seedGrids } from './grids.ts';
import { seedContactChain } from './contact-chain.ts';
import { seedDelivery } from './delivery.ts';
import { seedSupervision } from './supervision.ts';
import { seedReach } from './reach.ts';
import { seedMediation } from './mediation.ts';
import { seedResidentsMeeting } from './residents-meeting.ts';
import { seedElections } from './elections.ts';
import { seedSurveys } from './surveys.ts';
import { seedLedgers } from './ledgers.ts';
import { seedDisclosure } from './disclosure.ts';
import { seedConsultation } from './consultation.ts';

export const DEMO_FLAG = 'demo-seed';
export const DEMO_ACCOUNTS_FLAG = 'demo-accounts';

/** Loads what is missing of the demo: places first, then accounts (a separate flag, so that demo
 * databases made before accounts existed receive them). Returns true when anything was loaded. */
export async function seedDemo(db: PrismaClient): Promise<boolean> {
  const places = await inSeedStage(() => seedPlaces(db));
  const accounts = await inSeedStage(() =>
    db.$transaction(
      async (tx) => {
        if (await tx.systemFlag.findUnique({ where: { key: DEMO_ACCOUNTS_FLAG } })) return false;
        await seedAccounts(tx);
        await tx.systemFlag.create({ data: { key: DEMO_ACCOUNTS_FLAG, value: 'demo logins' } });
        await tx.auditLog.create({
          data: { actorLabel: 'system:seed', action: 'demo.accounts', entityType: 'Demo', entityId: 'accounts' },
        });
        return true;
      },
      { timeout: 60_000 },
    ),
  );
  // Later stages, each once and in one transaction; each waits for what it builds on.
  const stage = (
    flag: string,
    value: string,
    ready: (tx: Prisma.TransactionClient) => Promise<boolean>,
    run: (tx: Prisma.TransactionClient) => Promise<unknown>,
  ) =>
    inSeedStage(() =>
      db.$transaction(
        async (tx) => {
          if (await tx.systemFlag.findUnique({ where: { key: flag } })) return false;
          if (!(await ready(tx))) return false;
          await run(tx);
          await tx.systemFlag.create({ data: { key: flag, value } });
          return true;
        },
        { timeout: 60_000 },
      ),
    );
  const done = (flag: string) => async (tx: Prisma.TransactionClient) => !!(await tx.systemFlag.findUnique({ where: { key: flag } }));
  // Categories and procedures are reference data loaded before the demo.
  const issues = await stage(
    'demo-issues',
    'S3',
    async (tx) => (await tx.issueCategory.count()) > 0,
    (tx) => seedIssues(tx, new Date()),
  );
  const channels = await stage('demo-issue-channels', 'open311, desk entry, district settings', done('demo-issues'), (tx) =>
    seedIssueChannels(tx, new Date()),
  );
  const topics = await stage(
    'demo-topics',
    'S2, S4',
    async (tx) => (await done('demo-issues')(tx)) && (await tx.procedure.count()) > 0,
    (tx) => seedTopics(tx, new Date()),
  );
  const board = await stage('demo-board', 'S1', done('demo-topics'), (tx) => seedBoard(tx, new Date()));
  const meetings = await stage('demo-meetings', 'S4 rhythm, council sign-in', done('demo-accounts'), (tx) => seedMeetings(tx, new Date()));
  const votes = await stage('demo-votes', 'S1 roadshow vote, S5 written consultation', done('demo-board'), (tx) =>
    seedVotes(tx, new Date()),
  );
  const stats = await stage(
    'demo-stats',
    'S6 street dashboard',
    async (tx) => (await done('demo-issues')(tx)) && (await done('demo-accounts')(tx)),
    (tx) => seedStats(tx, new Date()),
  );
  // Added after the scenarios (a demo made before it gets it at its next start, Bazhong's divisions with it when its
  // shipped divisions predate them): the red-steward practice of Bazhong.
  const bazhong = await stage(
    'demo-bazhong',
    'Bazhong red steward',
    async () => true,
    async (tx) => {
      if (!(await tx.community.findUnique({ where: { code: GULOU_COMMUNITY } }))) {
        const added = await addShippedDivisions(tx, '5119');
        await tx.auditLog.create({
          data: { actorLabel: 'system:seed', action: 'divisions.add', entityType: 'Division', entityId: '5119', after: added },
        });
      }
      await seedBazhong(tx);
    },
  );
  // Issue 18 item 2: the 党工委 of a scenario street, set up through the use cases by Shuangliu's district administrator.
  const streetParty = await stage('demo-street-party', 'Dongsheng street working committee', done('demo-accounts'), async (tx) => {
    const dongsheng = await tx.street.findUniqueOrThrow({ where: { code: '510116001' } });
    await createPartyOrgIn(tx, await seedBy(tx, '13900004001'), {
      kind: 'STREET_WORKING_COMMITTEE',
      name: '东升街道党工委',
      placeId: dongsheng.id,
    });
  });
  // A community missing from the official tables, set up through the staff's own use cases (decision 046).
  const handMade = await stage('demo-hand-made-community', 'Dongsheng 东升新苑社区', done('demo-accounts'), seedHandMadeCommunity);
  // Organisations registered and a property firm's staff login, through the use cases staff use (issue 18 item 4).
  const organisations = await stage('demo-organisations', 'Tanghu organisations, Oucheng firm staff', done('demo-accounts'), (tx) =>
    seedOrganisations(tx),
  );
  // Grids of Jinsha through the grid use cases, and an issue routed by grid to its central household (issue 18 item 3).
  const grids = await stage(
    'demo-grids',
    'Jinsha grids, micro-grids, grid worker, central household',
    async (tx) => (await done('demo-accounts')(tx)) && (await done('demo-issues')(tx)),
    (tx) => seedGrids(tx, new Date()),
  );
  // The contact chain at 龙躺梁 and an issue recorded for an elderly neighbour (issue 19 item 7).
  const contacts = await stage(
    'demo-contact-chain',
    'Longtangliang contact chain, an issue recorded on behalf',
    async (tx) => (await done('demo-topics')(tx)) && (await done('demo-issues')(tx)),
    (tx) => seedContactChain(tx, new Date()),
  );
  // Issue 19 items 8 and 10: party members first at Oucheng Garden, its liaison the branch secretary (through the topic use cases).
  const partyFirst = await seedPartyFirst(db);
  // Issue 20 item 6: S2's online discussion and a hybrid council meeting (through the use cases).
  const discussion = await seedDiscussion(db);
  // S2's second topic in its implementation step: tasks owned by the firm's staff login and the committee, bulletins (issue 19).
  const delivery = await stage('demo-delivery', '龙躺梁 bike shed: owned tasks, progress bulletins', done('demo-topics'), (tx) =>
    seedDelivery(tx, new Date()),
  );
  // 督办 at 欧城花园 and in Dongsheng street (issue 19 item 2): the firm's late task escalated to the street, a late step.
  const supervision = await stage(
    'demo-supervision',
    'Oucheng overdue task, Dongsheng overdue step (S6)',
    async (tx) => (await done('demo-organisations')(tx)) && (await tx.procedure.count()) > 0,
    (tx) => seedSupervision(tx, new Date()),
  );
  // Issue 20: a vote at 鼓楼佳苑 closing within a day, its reminder only to the council member who has not voted.
  const reach = await stage(
    'demo-reach',
    'Bazhong stairwell lights vote closing soon',
    async (tx) => (await done('demo-bazhong')(tx)) && (await tx.procedure.count()) > 0,
    (tx) => seedReach(tx, new Date()),
  );
  // Issue 21: mediation cases at 欧城花园 (a studio and the branch) and 金沙小区 (agreement, follow-up), through the use cases.
  const mediation = await seedMediation(db);
  // Issue 22 items 5 and 6: a residents' meeting of 龙躺梁's households with a topic on its agenda, an art. 10 request.
  const residents = await seedResidentsMeeting(db);
  // Issue 22: elections at 北苑 (nominating), 欧城花园 (owners voting) and 龙躺梁 1号楼 (楼栋长, done), through the use cases.
  const elections = await seedElections(db);
  // Issue 23 part Q: 龙躺梁's open needs survey with some answers, 北苑's satisfaction survey closed and published.
  const surveys = await seedSurveys(db);
  // Issue 23 part L: ledgers (明白账) at 欧城花园 (the building 1 lift draw decided by its owners), 晋阳 and 龙躺梁, through the use cases.
  const ledgers = await seedLedgers(db);
  // Issue 23 part D: the disclosure catalogues of 武侯区 and 双流区, 晋阳社区's filings and its one overdue 财务公开.
  const disclosure = await seedDisclosure(db);
  // Issue 23 part C: this year's consultation lists of 晋阳 and 龙躺梁, their topics linked to their lines, published.
  const consultation = await seedConsultation(db);
  return (
    surveys ||
    places ||
    ledgers ||
    disclosure ||
    consultation ||
    residents ||
    elections ||
    mediation ||
    reach ||
    supervision ||
    contacts ||
    delivery ||
    accounts ||
    issues ||
    channels ||
    topics ||
    board ||
    meetings ||
    votes ||
    stats ||
    bazhong ||
    streetParty ||
    handMade ||
    organisations ||
    grids ||
    partyFirst ||
    discussion
  );
}

async function seedPlaces(db: PrismaClient): Promise<boolean> {
  return db.$transaction(
    async (tx) => {
      if (await tx.systemFlag.findUnique({ where: { key: DEMO_FLAG } })) return false;
      const names = new NameSource(2017);
      const places = {
        beiyuan: await seedBeiyuan(tx, names),
        longtangliang: await seedLongtangliang(tx, names),
        jinsha: await seedJinsha(tx, names),
        oucheng: await seedOucheng(tx, names),
      };
      await tx.systemFlag.create({ data: { key: DEMO_FLAG, value: 'scenarios S1–S6' } });
      await tx.auditLog.create({
        data: {
          actorLabel: 'system:seed',
          action: 'demo.seed',
          entityType: 'Demo',
          entityId: 'scenarios',
          after: Object.fromEntries(Object.entries(places).map(([k, v]) => [k, v.compoundId])),
        },
      });
      return true;
    },
    { timeout: 120_000 },
  );
}
