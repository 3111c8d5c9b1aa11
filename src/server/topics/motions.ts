import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import type { TMotionBody } from '@/domain/topics/procedure';
import { evaluateBody, evaluateOwners, type TRule } from '@/domain/votes/evaluate';
import { votersOf, type TUnit } from '@/domain/votes/owners';
import type { TBy } from '@/server/accounts/by';
import { writeAudit } from '@/server/audit';
import { getDb, type TTx } from '@/server/db';
import { refuse } from '@/server/errors';
import { bodyNameOf, describeResult, describeView, motionResultView, resultText } from '@/server/votes/describe';
import { loadTopic, notifyTopic, requireStep, topicEvent } from './topic-core';

type TTopicRow = { id: number; title: string; districtId: number; communityId: number; compoundId: number | null; assemblyMatter: number | null };

/**
 * Opens the motion a step's leaving effect names, on the body of the topic's place, with the roster
 * frozen now (rules.md §1: joining later gives no vote). A place without that body cannot open it.
 */
export async function openMotion(tx: TTx, topic: TTopicRow, stepIndex: number, voters: TMotionBody, rule: TRule) {
  const now = new Date();
  const current = { startsOn: { lte: now }, OR: [{ endsOn: null }, { endsOn: { gte: now } }] };
  let bodyId: number | null = null;
  let roster: number[] = [];
  if (voters.kind === 'BODY') {
    const body =
      (topic.compoundId ? await tx.body.findFirst({ where: { kind: voters.bodyKind, compoundId: topic.compoundId }, orderBy: { id: 'asc' } }) : null) ??
      (await tx.body.findFirst({ where: { kind: voters.bodyKind, communityId: topic.communityId, compoundId: null }, orderBy: { id: 'asc' } }));
    if (!body) return refuse('topic.noBody', { body: voters.bodyKind });
    bodyId = body.id;
    roster = [...new Set((await tx.bodyMember.findMany({ where: { bodyId: body.id, ...current }, select: { personId: true } })).map((m) => m.personId))];
  } else if (voters.kind === 'HOUSEHOLDS') {
    roster = await householdRoster(tx, topic, now);
  } else if (voters.kind === 'PARTY_MEMBERS') {
    roster = (await tx.partyMember.findMany({ where: { partyOrg: { communityId: topic.communityId } }, select: { personId: true } })).map((m) => m.personId);
  } else {
    if (!topic.compoundId) return refuse('topic.assemblyNeedsCompound');
    roster = [...new Set((await tx.ownership.findMany({ where: { isVoter: true, household: { building: { compoundId: topic.compoundId } } }, select: { personId: true } })).map((o) => o.personId))];
  }
  if (roster.length === 0) refuse('topic.emptyRoster');
  let effective: TRule = rule;
  if (rule.kind === 'OWNERS_COMMITTEE') {
    // The national or Beijing-Shanghai rule is the district's setting, frozen with the motion.
    effective = { ...rule, jurisdiction: (await tx.district.findUniqueOrThrow({ where: { id: topic.districtId }, select: { ownersCommitteeRule: true } })).ownersCommitteeRule };
  }
  let roll: { voterKey: number; areaCentiM2: number; units: number }[] = roster.map((p) => ({ voterKey: p, areaCentiM2: 0, units: 0 }));
  if (rule.kind === 'OWNERS_ASSEMBLY') {
    // Owners vote with their areas (SPC interpretation arts. 8–9): frozen now with the compound's settings.
    const compound = await tx.compound.findUniqueOrThrow({ where: { id: topic.compoundId! }, select: { parkingCountsInArea: true, silentFollowMajority: true } });
    effective = { ...rule, matter: (topic.assemblyMatter ?? rule.matter) as 1, silentFollowMajority: compound.silentFollowMajority };
    const households = await tx.household.findMany({ where: { building: { compoundId: topic.compoundId! } }, select: { id: true, areaCentiM2: true, use: true, developerHeld: true, ownerships: { where: { isVoter: true }, select: { personId: true } } } });
    const units: TUnit[] = households.flatMap((h): TUnit[] => {
      const voter: TUnit['voter'] | undefined = h.developerHeld ? 'DEVELOPER' : h.ownerships[0]?.personId;
      return voter === undefined ? [] : [{ id: h.id, areaCentiM2: h.areaCentiM2, voter, isParking: h.use === 'PARKING' }];
    });
    const areas = votersOf(units, compound);
    const count = new Map<number | 'DEVELOPER', number>();
    for (const u of units) count.set(u.voter, (count.get(u.voter) ?? 0) + 1);
    roll = [...areas].map(([k, area]) => ({ voterKey: k === 'DEVELOPER' ? 0 : k, areaCentiM2: area, units: count.get(k) ?? 0 }));
    roster = roll.map((r) => r.voterKey);
  }
  const motion = await tx.motion.create({
    data: {
      topicId: topic.id, stepIndex, bodyId, voters: voters as unknown as Prisma.InputJsonValue, rule: effective as unknown as Prisma.InputJsonValue, roster,
      // Owners decide by written consultation by default; bodies by a show of hands entered by the secretary.
      mode: rule.kind === 'OWNERS_ASSEMBLY' ? 'WRITTEN' : 'SHOW_OF_HANDS',
    },
  });
  await tx.motionVoter.createMany({ data: roll.map((r) => ({ motionId: motion.id, ...r })) });
  return motion;
}

/**
 * A residents' meeting of the place: one representative per household (户代表, else its first current
 * resident). A household nobody lives in sends no one; a person representing two households votes once.
 */
async function householdRoster(tx: TTx, topic: TTopicRow, now: Date): Promise<number[]> {
  const building = topic.compoundId ? { compoundId: topic.compoundId } : { compound: { communityId: topic.communityId } };
  const homes = await tx.household.findMany({
    where: { use: 'RESIDENTIAL', building }, orderBy: { id: 'asc' },
    select: { residencies: { where: { OR: [{ until: null }, { until: { gte: now } }] }, orderBy: [{ isRepresentative: 'desc' }, { id: 'asc' }], take: 1, select: { personId: true } } },
  });
  return [...new Set(homes.flatMap((h) => h.residencies.map((r) => r.personId)))];
}

export type TTallyInput =
  | { kind: 'BODY'; present: number; for: number; against: number; abstain: number }
  | { kind: 'OWNERS'; headsTotal: number; areaTotal: number; headsParticipating: number; areaParticipating: number; headsFor: number; areaFor: number };

/**
 * Until ballots are cast in the app (the votes capability), staff record the count of a meeting or a
 * written consultation held on paper. The domain decides; the result says why in words.
 */
export async function recordMotionTally(by: TBy, topicId: number, tally: TTallyInput) {
  const t = await loadTopic(by, topicId);
  requireStep(t, 'MOTION');
  const db = getDb();
  const motion = (await db.motion.findFirst({ where: { topicId, stepIndex: t.topic.stepIndex }, orderBy: { id: 'desc' } })) ?? refuse('topic.noMotion');
  if (motion.status !== 'OPEN') refuse('topic.motionDecided');
  // Counts are entered only for a show of hands (or an assembly counted on paper); ballots are tallied at close.
  if (motion.mode !== 'SHOW_OF_HANDS' && (await db.ballot.count({ where: { motionId: motion.id } })) > 0) refuse('vote.hasBallots');
  const rule = motion.rule as unknown as TRule;
  const rosterSize = motion.roster.length;
  let result;
  if (rule.kind === 'OWNERS_ASSEMBLY') {
    if (tally.kind !== 'OWNERS') return refuse('topic.tallyKind');
    if (tally.headsParticipating > tally.headsTotal || tally.areaParticipating > tally.areaTotal || tally.headsFor > tally.headsParticipating || tally.areaFor > tally.areaParticipating) refuse('topic.tallyInconsistent');
    result = evaluateOwners(rule, tally);
  } else {
    if (tally.kind !== 'BODY') return refuse('topic.tallyKind');
    if (tally.present > rosterSize || tally.for + tally.against + tally.abstain > tally.present) refuse('topic.tallyInconsistent', { roster: rosterSize });
    result = evaluateBody(rule, { roster: rosterSize, present: tally.present, for: tally.for });
  }
  const words = describeResult(result);
  const text = resultText(describeView(motionResultView({ ...motion, result, tally }, await bodyNameOf(db, motion.bodyId))!), '；');
  await db.$transaction(async (tx) => {
    const done = await tx.motion.updateMany({
      where: { id: motion.id, status: 'OPEN' },
      data: { status: result.passed ? 'PASSED' : 'FAILED', tally: tally as unknown as Prisma.InputJsonValue, result: result as unknown as Prisma.InputJsonValue, decidedAt: new Date(), decidedById: by.userId },
    });
    if (done.count !== 1) refuse('topic.motionDecided');
    await topicEvent(tx, by, t.topic, 'MOTION_RESULT', text, motion.id);
    await notifyTopic(tx, t.topic, 'topic.motion', words.outcome, by.userId);
    await writeAudit(tx, { actorId: by.userId, actorLabel: by.label, action: 'motion.record', entityType: 'Motion', entityId: motion.id, after: { tally, passed: result.passed, code: result.code }, communityId: t.topic.communityId, compoundId: t.topic.compoundId });
  });
  return { passed: result.passed, ...words };
}
