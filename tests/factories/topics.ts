import type { Prisma, Stance, StakeholderGroup } from '@/generated/prisma/client';
import { partyOnly, TEMPLATES } from '@/domain/topics/procedure';
import type { TDbLike } from './db';

/**
 * A topic part-way through its procedure, with the records each passed step produced, for demo data
 * and tests that need a topic in a given step (the app itself changes topics only through src/server/topics).
 */
export async function createTopicWithHistory(
  db: TDbLike,
  a: {
    procedureCode: string;
    /** The template's version (1 unless given). */
    version?: number;
    title: string;
    description: string;
    communityId: number;
    compoundId?: number;
    by: { userId: number; label: string };
    stepIndex: number;
    /** A built-in topic category's code (decision 072); the seeds name a fitting one, tests may leave OTHER. */
    category?: string;
    createdAt: Date;
    stepDueAt: Date;
    assemblyMatter?: number;
    issueIds?: number[];
    followerIds?: number[];
    stakeholders?: {
      group: StakeholderGroup;
      label: string;
      bodyId?: number;
      partyOrgId?: number;
      organizationId?: number;
      personId?: number;
    }[];
    suggestions?: {
      authorUserId?: number;
      authorLabel?: string;
      anonymous?: boolean;
      onBehalfName?: string;
      stance: Stance;
      body: string;
    }[];
    plans?: { title: string; body: string; budgetFen?: number; funding?: { source: string; amountFen: number }[]; convention?: boolean }[];
  },
) {
  // The version the history is written for (the first listed: version 1); newer versions are raised through the app.
  const template = TEMPLATES.find((t) => t.code === a.procedureCode && (a.version ?? 1) === (t.version ?? 1))!;
  const procedure = await db.procedure.findFirstOrThrow({
    where: { code: a.procedureCode, districtId: null, version: template.version ?? 1 },
  });
  const compound = a.compoundId ? await db.compound.findUniqueOrThrow({ where: { id: a.compoundId } }) : null;
  const community = await db.community.findUniqueOrThrow({ where: { id: a.communityId }, include: { street: true } });
  const category = await db.topicCategory.findFirstOrThrow({ where: { districtId: null, code: a.category ?? 'OTHER' } });
  const topic = await db.topic.create({
    data: {
      title: a.title,
      description: a.description,
      procedureId: procedure.id,
      stepIndex: a.stepIndex,
      partyOnly: partyOnly(template, a.stepIndex),
      stepDueAt: a.stepDueAt,
      stepStartedAt: a.createdAt,
      districtId: community.street.districtId,
      streetId: community.streetId,
      communityId: a.communityId,
      compoundId: compound?.id ?? null,
      assemblyMatter: a.assemblyMatter ?? null,
      createdById: a.by.userId,
      createdAt: a.createdAt,
      lockVersion: a.stepIndex,
      categoryId: category.id,
    },
  });
  const minute = 60_000;
  let at = a.createdAt.getTime();
  const event = (type: string, stepIndex: number, message?: string, actor: { userId: number | null; label: string } = a.by) =>
    db.topicEvent.create({
      data: {
        topicId: topic.id,
        at: new Date((at += 37 * minute)),
        actorUserId: actor.userId,
        actorLabel: actor.label,
        type,
        stepIndex,
        message,
      },
    });
  await event('RAISED', 0, a.issueIds?.map((i) => `#${i}`).join(' '));
  const followers = new Set([a.by.userId, ...(a.followerIds ?? [])]);
  await db.topicFollower.createMany({ data: [...followers].map((userId) => ({ topicId: topic.id, userId })) });
  if (a.issueIds?.length) {
    await db.issue.updateMany({ where: { id: { in: a.issueIds } }, data: { topicId: topic.id } });
    for (const issueId of a.issueIds)
      await db.issueEvent.create({
        data: { issueId, actorUserId: a.by.userId, actorLabel: a.by.label, type: 'TAKEN_UP', message: `#${topic.id} ${a.title}` },
      });
  }
  for (let step = 0; step < a.stepIndex; step++) {
    const activity = template.steps[step]!.activity;
    if (activity === 'SUGGESTIONS') {
      for (const s of a.stakeholders ?? []) await db.stakeholder.create({ data: { topicId: topic.id, invitedById: a.by.userId, ...s } });
      await event('INVITED', step, (a.stakeholders ?? []).map((s) => s.label).join('、'));
      for (const s of a.suggestions ?? []) {
        await db.suggestion.create({
          data: {
            topicId: topic.id,
            stepIndex: step,
            authorUserId: s.onBehalfName ? null : (s.authorUserId ?? null),
            anonymous: s.anonymous ?? false,
            enteredById: s.onBehalfName ? a.by.userId : null,
            onBehalfName: s.onBehalfName ?? null,
            stance: s.stance,
            body: s.body,
          },
        });
        await event(
          'SUGGESTION',
          step,
          s.stance,
          s.anonymous
            ? { userId: null, label: '匿名居民' }
            : s.onBehalfName
              ? { userId: a.by.userId, label: `${a.by.label}（代${s.onBehalfName}记录）` }
              : { userId: s.authorUserId ?? null, label: s.authorLabel ?? '' },
        );
      }
    }
    await event('ADVANCED', step);
  }
  for (const [i, p] of (a.plans ?? []).entries()) {
    await db.planVersion.create({
      data: {
        topicId: topic.id,
        version: i + 1,
        title: p.title,
        body: p.body,
        budgetFen: p.budgetFen ?? null,
        funding: (p.funding ?? []) as Prisma.InputJsonValue,
        convention: p.convention ?? false,
        createdById: a.by.userId,
      },
    });
    await event('PLAN_VERSION', a.stepIndex, `第 ${i + 1} 版：${p.title}`);
  }
  return topic;
}
