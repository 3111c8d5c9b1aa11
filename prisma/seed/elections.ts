// Issue 22 (decision 069), the voting half's demo: 北苑小区's courtyard council re-election taking nominations (two
// candidates already listed), 欧城花园's owners' committee election (art. 278, open ballots) with voting open and a
// few ballots in, and 龙躺梁 1号楼's 楼栋长 election done — counted, its result notice on the board, the winner seated.
// Through the use cases where a use case exists for the step (opening, nominating, the roll, ballots, the count, the
// result); the time between nominations and voting (the candidate list's days on the board) is not waited for: the
// seed sets those states directly, as E1's half would have left them.
import type { PrismaClient } from '../../src/generated/prisma/client.ts';
import { castBallot, enterPaperBallot } from '../../src/server/elections/ballots.ts';
import { countBallots } from '../../src/server/elections/count.ts';
import { openElection } from '../../src/server/elections/create.ts';
import { nominate } from '../../src/server/elections/nominate.ts';
import { publishResult } from '../../src/server/elections/result.ts';
import { rollOf } from '../../src/server/elections/roll.ts';
import { seedActor } from './seed-by.ts';

export const ELECTIONS_FLAG = 'demo-elections';
const DAY = 86_400_000;

/** Candidates listed and the roll frozen, as after the list's publicity: the state openVoting leaves. */
async function toVoting(db: PrismaClient, electionId: number, personIds: number[], createdById: number) {
  await db.$transaction(async (tx) => {
    for (const [i, personId] of personIds.entries()) {
      await tx.electionCandidate.create({
        data: { electionId, personId, kind: 'STAFF', nominatedById: createdById, status: 'LISTED', listOrder: i + 1 },
      });
    }
    const e = await tx.election.update({
      where: { id: electionId },
      data: { status: 'VOTING', nominationEndsAt: new Date(Date.now() - 8 * DAY), votingStartsAt: new Date(Date.now() - DAY) },
    });
    const roll = await rollOf(tx, e);
    await tx.electionVoter.createMany({ data: roll.map((r) => ({ electionId, ...r })) });
  });
}

export async function seedElections(db: PrismaClient, now = new Date()): Promise<boolean> {
  if (await db.systemFlag.findUnique({ where: { key: ELECTIONS_FLAG } })) return false;
  if (!(await db.systemFlag.findUnique({ where: { key: 'demo-accounts' } }))) return false;
  const holder = globalThis as unknown as { yishiDb?: PrismaClient };
  const had = holder.yishiDb;
  holder.yishiDb = db;
  try {
    const term = (years: number) => ({
      termStartsOn: `${now.getUTCFullYear() + 1}-01-01`,
      termEndsOn: `${now.getUTCFullYear() + years}-12-31`,
    });

    // 北苑小区: the courtyard council's re-election, nominations open a week, two listed by the community from paper.
    const liu = await seedActor(db, '13900001001');
    const beiyuan = await db.compound.findFirstOrThrow({ where: { name: '北苑小区' }, select: { id: true, communityId: true } });
    const council = await db.body.findFirstOrThrow({ where: { kind: 'COURTYARD_COUNCIL', compoundId: beiyuan.id }, select: { id: true } });
    const b = await openElection(liu, {
      communityId: beiyuan.communityId,
      compoundId: beiyuan.id,
      bodyId: council.id,
      title: '北苑院落议事会换届选举',
      seats: 5,
      electorate: 'HOUSEHOLDS',
      rule: 'PLURALITY',
      secret: true,
      secondersNeeded: 3,
      nominationEndsAt: new Date(now.getTime() + 7 * DAY),
      publicityDays: 5,
      ...term(3),
    });
    const beiyuanOwners = await db.ownership.findMany({
      where: { household: { building: { compoundId: beiyuan.id } }, person: { phone: null } },
      orderBy: { id: 'asc' },
      take: 2,
      select: { personId: true },
    });
    for (const o of beiyuanOwners) await nominate(liu, b.id, { kind: 'STAFF', personId: o.personId });

    // 欧城花园: the owners' committee by art. 278, open (signed) ballots, voting open; a few owners have voted.
    const zhou = await seedActor(db, '13900002002');
    const oucheng = await db.compound.findFirstOrThrow({ where: { name: '欧城花园' }, select: { id: true, communityId: true } });
    const committee = await db.body.findFirstOrThrow({ where: { kind: 'OWNERS_COMMITTEE', compoundId: oucheng.id }, select: { id: true } });
    const o = await openElection(zhou, {
      communityId: oucheng.communityId,
      compoundId: oucheng.id,
      bodyId: committee.id,
      title: '欧城花园第二届业主委员会换届选举',
      seats: 5,
      electorate: 'OWNERS',
      rule: 'OWNERS_278',
      secret: false,
      secondersNeeded: 0,
      nominationEndsAt: new Date(now.getTime() + 60_000),
      publicityDays: 5,
      ...term(5),
    });
    const ouchengOwners = await db.ownership.findMany({
      where: { isVoter: true, household: { building: { compoundId: oucheng.id }, developerHeld: false } },
      orderBy: { id: 'asc' },
      select: { personId: true, person: { select: { user: { select: { id: true } } } } },
    });
    const ouchengCandidates = [...new Set(ouchengOwners.map((x) => x.personId))].slice(0, 6);
    await toVoting(db, o.id, ouchengCandidates, zhou.userId);
    const oc = await db.electionCandidate.findMany({ where: { electionId: o.id }, orderBy: { listOrder: 'asc' }, select: { id: true } });
    const voters = await db.electionVoter.findMany({
      where: { electionId: o.id, voterKey: { not: 0 } },
      orderBy: { voterKey: 'asc' },
      take: 6,
    });
    for (const [i, v] of voters.entries()) {
      await enterPaperBallot(zhou, o.id, {
        voterKey: v.voterKey,
        candidateIds: oc.slice(i % 2, (i % 2) + 5).map((c) => c.id),
        invalid: false,
      });
    }
    const withAccount = ouchengOwners.find((x) => x.person.user && !voters.some((v) => v.voterKey === x.personId));
    if (withAccount) {
      const by = await seedActor(
        db,
        (await db.user.findUniqueOrThrow({ where: { id: withAccount.person.user!.id }, select: { phone: true } })).phone,
      );
      await castBallot(
        by,
        o.id,
        oc.slice(0, 5).map((c) => c.id),
      );
    }

    // 龙躺梁 1号楼: its 楼栋长 elected by the households of the building — done, the result on the board.
    const zhao = await seedActor(db, '13900007001');
    const building = await db.building.findFirstOrThrow({
      where: { name: '1号楼', compound: { name: '龙躺梁老旧小区' } },
      select: { id: true, compoundId: true, compound: { select: { communityId: true } } },
    });
    const l = await openElection(zhao, {
      communityId: building.compound.communityId,
      compoundId: building.compoundId,
      buildingId: building.id,
      post: '楼栋长',
      title: '龙躺梁1号楼楼栋长推选',
      seats: 1,
      electorate: 'HOUSEHOLDS',
      rule: 'PLURALITY',
      // Open (推选 by signed ballots): the seed runs before the app's ballot secret may be set.
      secret: false,
      secondersNeeded: 0,
      nominationEndsAt: new Date(now.getTime() + 60_000),
      publicityDays: 3,
      ...term(3),
    });
    const lOwners = await db.ownership.findMany({
      where: { household: { buildingId: building.id } },
      orderBy: { id: 'asc' },
      select: { personId: true },
    });
    const lCandidates = [...new Set(lOwners.map((x) => x.personId))].slice(0, 2);
    await toVoting(db, l.id, lCandidates, zhao.userId);
    const lc = await db.electionCandidate.findMany({ where: { electionId: l.id }, orderBy: { listOrder: 'asc' }, select: { id: true } });
    const lVoters = await db.electionVoter.findMany({ where: { electionId: l.id }, orderBy: { voterKey: 'asc' } });
    const half = Math.floor(lVoters.length / 2) + 2;
    for (const [i, v] of lVoters.slice(0, half).entries()) {
      await enterPaperBallot(zhao, l.id, { voterKey: v.voterKey, candidateIds: [lc[i % 3 === 2 ? 1 : 0]!.id], invalid: false });
    }
    await countBallots(zhao, l.id);
    await publishResult(zhao, l.id);
  } finally {
    holder.yishiDb = had;
  }
  await db.systemFlag.create({
    data: { key: ELECTIONS_FLAG, value: '北苑 council nominating, 欧城 committee voting, 龙躺梁 楼栋长 done' },
  });
  return true;
}
