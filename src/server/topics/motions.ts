import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import type { TMotionBody } from '@/domain/topics/procedure';
import { evaluateBody, evaluateOwners, firstVotingDay, type TRule } from '@/domain/votes/evaluate';
import type { TBy } from '@/server/accounts/by';
import { writeAudit } from '@/server/audit';
import { getDb, type TTx } from '@/server/db';
import { ownersRoll } from '@/server/votes/owners-roll';
import { refuse } from '@/server/errors';
import { inForceOn, today, todayDateOnly } from '@/server/today';
import { bodyNameOf, describeResult, describeView, motionResultView, resultText } from '@/server/votes/describe';
import { householdSentence, linkResidentsMotion, recordedPresent } from '@/server/meetings/households';
import { loadTopic, notifyTopic, requireStep, topicEvent } from './topic-core';

type TTopicRow = {
  id: number;
  title: string;
  districtId: number;
  communityId: number;
  compoundId: number | null;
  assemblyMatter: number | null;
  ownersBuildingIds?: number[];
};

/** Owners of the whole compound, or only of the buildings concerned (相关业主, rules.md §3). */
const ownersPlace = (topic: TTopicRow) => ({
  compoundId: topic.compoundId!,
  ...(topic.ownersBuildingIds?.length ? { id: { in: topic.ownersBuildingIds } } : {}),
});

/**
 * Owners vote no earlier than 15 clear days after the announcement (the notice day not counted): from
 * 00:00 China time of the first day `noticeIsInTime` accepts. The announcement is the topic's latest.
 */
async function ownersVotingFrom(tx: TTx, topicId: number, now: Date) {
  const notice = await tx.notice.findFirst({
    where: { topicId, kind: 'ANNOUNCEMENT' },
    orderBy: { publishedAt: 'desc' },
    select: { publishedAt: true },
  });
  const day = today(notice?.publishedAt ?? now);
  return new Date(`${firstVotingDay(day)}T00:00:00+08:00`);
}

/**
 * Opens the motion a step's leaving effect names, on the body of the topic's place, with the roster
 * frozen now (rules.md §1: joining later gives no vote). A place without that body cannot open it.
 */
export async function openMotion(tx: TTx, topic: TTopicRow, stepIndex: number, voters: TMotionBody, rule: TRule) {
  // Members whose term covers today in China (a term ending today still counts: 届满 includes the day).
  const current = inForceOn(today());
  let bodyId: number | null = null;
  let roster: number[] = [];
  if (voters.kind === 'BODY') {
    const body =
      (topic.compoundId
        ? await tx.body.findFirst({ where: { kind: voters.bodyKind, compoundId: topic.compoundId }, orderBy: { id: 'asc' } })
        : null) ??
      (await tx.body.findFirst({
        where: { kind: voters.bodyKind, communityId: topic.communityId, compoundId: null },
        orderBy: { id: 'asc' },
      }));
    if (!body) return refuse('topic.noBody', { body: voters.bodyKind });
    bodyId = body.id;
    roster = [
      ...new Set(
        (await tx.bodyMember.findMany({ where: { bodyId: body.id, ...current }, select: { personId: true } })).map((m) => m.personId),
      ),
    ];
  } else if (voters.kind === 'HOUSEHOLDS') {
    roster = await householdRoster(tx, topic, todayDateOnly());
  } else if (voters.kind === 'PARTY_MEMBERS') {
    roster = (await tx.partyMember.findMany({ where: { partyOrg: { communityId: topic.communityId } }, select: { personId: true } })).map(
      (m) => m.personId,
    );
  } else {
    if (!topic.compoundId) return refuse('topic.assemblyNeedsCompound');
    const owners = await tx.ownership.findMany({
      where: { isVoter: true, household: { building: ownersPlace(topic) } },
      select: { personId: true },
    });
    roster = [...new Set(owners.map((o) => o.personId))];
  }
  if (roster.length === 0) refuse('topic.emptyRoster');
  let effective: TRule = rule;
  if (rule.kind === 'OWNERS_COMMITTEE') {
    // The national or Beijing-Shanghai rule is the district's setting, frozen with the motion.
    effective = {
      ...rule,
      jurisdiction: (await tx.district.findUniqueOrThrow({ where: { id: topic.districtId }, select: { ownersCommitteeRule: true } }))
        .ownersCommitteeRule,
    };
  }
  let roll: { voterKey: number; areaCentiM2: number; units: number }[] = roster.map((p) => ({ voterKey: p, areaCentiM2: 0, units: 0 }));
  if (rule.kind === 'OWNERS_ASSEMBLY') {
    // Owners vote with their areas (SPC interpretation arts. 8–9): frozen now with the compound's settings.
    const compound = await tx.compound.findUniqueOrThrow({
      where: { id: topic.compoundId! },
      select: { parkingCountsInArea: true, silentFollowMajority: true },
    });
    effective = { ...rule, matter: (topic.assemblyMatter ?? rule.matter) as 1, silentFollowMajority: compound.silentFollowMajority };
    roll = await ownersRoll(tx, ownersPlace(topic), compound.parkingCountsInArea);
    roster = roll.map((r) => r.voterKey);
  }
  const owners = rule.kind === 'OWNERS_ASSEMBLY';
  const scope = owners && topic.ownersBuildingIds?.length ? { ...voters, buildingIds: topic.ownersBuildingIds } : voters;
  const motion = await tx.motion.create({
    data: {
      topicId: topic.id,
      stepIndex,
      bodyId,
      voters: scope as unknown as Prisma.InputJsonValue,
      rule: effective as unknown as Prisma.InputJsonValue,
      roster,
      votingFrom: owners ? await ownersVotingFrom(tx, topic.id, new Date()) : null,
      // Owners decide by written consultation by default; bodies by a show of hands entered by the secretary.
      mode: rule.kind === 'OWNERS_ASSEMBLY' ? 'WRITTEN' : 'SHOW_OF_HANDS',
    },
  });
  await tx.motionVoter.createMany({ data: roll.map((r) => ({ motionId: motion.id, ...r })) });
  // A topic already on a residents' meeting's agenda is decided there (decision 068).
  if (voters.kind === 'HOUSEHOLDS') await linkResidentsMotion(tx, topic.id);
  return motion;
}

/**
 * A residents' meeting of the place: one representative per household (户代表, else its first current
 * resident). A household nobody lives in sends no one; a person representing two households votes once.
 */
async function householdRoster(tx: TTx, topic: TTopicRow, day: Date): Promise<number[]> {
  const building = topic.compoundId ? { compoundId: topic.compoundId } : { compound: { communityId: topic.communityId } };
  const homes = await tx.household.findMany({
    where: { use: 'RESIDENTIAL', building },
    orderBy: { id: 'asc' },
    select: {
      residencies: {
        where: { OR: [{ until: null }, { until: { gte: day } }] },
        orderBy: [{ isRepresentative: 'desc' }, { id: 'asc' }],
        take: 1,
        select: { personId: true },
      },
    },
  });
  return [...new Set(homes.flatMap((h) => h.residencies.map((r) => r.personId)))];
}

/**
 * What the form enters: only those who took part and how they voted. The denominators (members, owners and
 * their area) always come from the roster frozen when the motion opened, never from the form.
 */
export type TTallyInput =
  | { kind: 'BODY'; present: number; for: number; against: number; abstain: number }
  | { kind: 'OWNERS'; headsParticipating: number; areaParticipating: number; headsFor: number; areaFor: number };

type TRoll = { heads: number; area: number };

function evaluateTally(rule: TRule, tally: TTallyInput, roll: TRoll) {
  if (rule.kind === 'OWNERS_ASSEMBLY') {
    if (tally.kind !== 'OWNERS') return refuse('topic.tallyKind');
    if (tally.headsParticipating > roll.heads || tally.areaParticipating > roll.area) {
      refuse('topic.tallyOverRoster', { heads: roll.heads, area: (roll.area / 100).toFixed(2) });
    }
    if (tally.headsFor > tally.headsParticipating || tally.areaFor > tally.areaParticipating)
      refuse('topic.tallyInconsistent', { roster: roll.heads });
    const counts = { headsTotal: roll.heads, areaTotal: roll.area, ...tally };
    return { result: evaluateOwners(rule, counts), counts };
  }
  if (tally.kind !== 'BODY') return refuse('topic.tallyKind');
  if (tally.present > roll.heads || tally.for + tally.against + tally.abstain > tally.present)
    refuse('topic.tallyInconsistent', { roster: roll.heads });
  return {
    result: evaluateBody(rule, { roster: roll.heads, present: tally.present, for: tally.for }),
    counts: { roster: roll.heads, ...tally },
  };
}

/**
 * Staff record the count of a show of hands, or of an owners' vote held on paper. Everything is decided
 * under the motion's row lock: a ballot cast meanwhile, or a second count, cannot slip in between.
 */
export async function recordMotionTally(by: TBy, topicId: number, tally: TTallyInput) {
  const t = await loadTopic(by, topicId);
  requireStep(t, 'MOTION');
  const db = getDb();
  const latest = await db.motion.findFirst({
    where: { topicId, stepIndex: t.topic.stepIndex },
    orderBy: { id: 'desc' },
    select: { id: true },
  });
  const motionId = latest?.id ?? refuse('topic.noMotion');
  return db.$transaction(async (tx) => {
    type TRow = { status: string; early: boolean; votingFrom: Date | null };
    const [row] = await tx.$queryRaw<
      TRow[]
    >`SELECT status::text AS status, ("votingFrom" IS NOT NULL AND "votingFrom" > now()) AS early, "votingFrom"
      FROM "Motion" WHERE id = ${motionId} FOR UPDATE`;
    if (!row || row.status !== 'OPEN') return refuse('topic.motionDecided');
    const motion = await tx.motion.findUniqueOrThrow({ where: { id: motionId } });
    const owners = (motion.rule as unknown as TRule).kind === 'OWNERS_ASSEMBLY';
    if (owners !== (tally.kind === 'OWNERS')) refuse('topic.tallyKind');
    // Counts are entered only for a show of hands: electronic and written votes are counted from their ballots
    // at close, under the end-time and early-closing rules (a typed count must not get around them).
    if (motion.mode !== 'SHOW_OF_HANDS') refuse('vote.countsOnlyForHands');
    if (row.early) refuse('vote.notYet', { from: today(row.votingFrom!) });
    // At a residents' meeting the present count is the meeting's recorded attendance, never a typed number (decision 068).
    const meeting = motion.meetingId ? await tx.meeting.findUnique({ where: { id: motion.meetingId } }) : null;
    if (meeting && tally.kind === 'BODY') {
      const present = await recordedPresent(tx, meeting);
      if (tally.present !== present) refuse('meetingResidents.presentDiffers', { present });
    }
    const sums = await tx.motionVoter.aggregate({ where: { motionId }, _count: true, _sum: { areaCentiM2: true } });
    const { result, counts } = evaluateTally(motion.rule as unknown as TRule, tally, {
      heads: sums._count,
      area: sums._sum.areaCentiM2 ?? 0,
    });
    const words = describeResult(result);
    await tx.motion.update({
      where: { id: motionId },
      data: {
        status: result.passed ? 'PASSED' : 'FAILED',
        tally: counts as Prisma.InputJsonValue,
        result: result as unknown as Prisma.InputJsonValue,
        decidedAt: new Date(),
        decidedById: by.userId,
      },
    });
    const text = [
      meeting?.electorate === 'HOUSEHOLDS' ? householdSentence(result) : null,
      resultText(describeView(motionResultView({ ...motion, result, tally: counts }, await bodyNameOf(tx, motion.bodyId))!), '；'),
    ]
      .filter(Boolean)
      .join('；');
    await topicEvent(tx, by, t.topic, 'MOTION_RESULT', text, motionId);
    await notifyTopic(tx, t.topic, 'topic.motion', words.outcome, by.userId);
    const after = { tally: counts, passed: result.passed, code: result.code };
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: 'motion.record',
      entityType: 'Motion',
      entityId: motionId,
      after,
      communityId: t.topic.communityId,
      compoundId: t.topic.compoundId,
    });
    return { passed: result.passed, ...words };
  });
}
