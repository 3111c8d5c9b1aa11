import type { IssueLevel, IssueState } from '@/generated/prisma/client';
import { hashApiKey } from '@/server/open311/api-keys';
import type { TDbLike } from './db';

type TStep = { type: string; toState: IssueState; actorUserId: number | null; actorLabel: string; message?: string; minutesAfter: number };

/**
 * An issue with a recorded history, for demo data and tests that need issues in a given state
 * (the app itself changes issues only through src/server/issues).
 */
export async function createIssueWithHistory(
  db: TDbLike,
  attrs: {
    categoryCode: string;
    title: string;
    description: string;
    compoundId: number;
    buildingId?: number;
    /** Null for a resident without an account (walk-in, hotline caller). */
    authorUserId: number | null;
    anonymous?: boolean;
    channel?: 'APP' | 'STAFF_ENTRY' | 'OPEN311';
    reporterName?: string;
    reporterPhone?: string;
    enteredById?: number;
    apiKeyId?: number;
    submittedBy?: string;
    assigneeUserId?: number;
    createdAt: Date;
    acknowledgeBy: Date;
    resolveBy: Date;
    steps: TStep[];
    rating?: 'SATISFIED' | 'BASICALLY_SATISFIED' | 'UNSATISFIED';
    ratingComment?: string;
    /** Where it stands now (after the ESCALATE steps); the deadlines given are then the current ones. */
    level?: IssueLevel;
    /** The deadlines it was raised with, when escalation has since set new ones. */
    firstAcknowledgeBy?: Date;
    firstResolveBy?: Date;
  },
) {
  const category = await db.issueCategory.findFirstOrThrow({ where: { code: attrs.categoryCode, districtId: null } });
  const compound = await db.compound.findUniqueOrThrow({ where: { id: attrs.compoundId } });
  const last = attrs.steps.at(-1);
  const issue = await db.issue.create({
    data: {
      title: attrs.title,
      description: attrs.description,
      categoryId: category.id,
      districtId: compound.districtId,
      streetId: compound.streetId,
      communityId: compound.communityId,
      compoundId: compound.id,
      buildingId: attrs.buildingId,
      authorUserId: attrs.authorUserId,
      anonymous: attrs.anonymous ?? false,
      assigneeUserId: attrs.assigneeUserId,
      state: last?.toState ?? 'SUBMITTED',
      createdAt: attrs.createdAt,
      acknowledgeBy: attrs.acknowledgeBy,
      resolveBy: attrs.resolveBy,
      rating: attrs.rating,
      ratingComment: attrs.ratingComment,
      level: attrs.level ?? 'COMPOUND',
      firstAcknowledgeBy: attrs.firstAcknowledgeBy,
      firstResolveBy: attrs.firstResolveBy,
      channel: attrs.channel ?? 'APP',
      reporterName: attrs.reporterName,
      reporterPhone: attrs.reporterPhone,
      enteredById: attrs.enteredById,
      apiKeyId: attrs.apiKeyId,
    },
  });
  if (attrs.authorUserId !== null) await db.issueFollower.create({ data: { issueId: issue.id, userId: attrs.authorUserId } });
  // Named as the app records a reporter: their name (匿名居民 when anonymous; a walk-in by the name given at the desk).
  const author =
    attrs.authorUserId === null
      ? null
      : await db.user.findUnique({ where: { id: attrs.authorUserId }, select: { person: { select: { name: true } } } });
  const reporter = attrs.anonymous ? '匿名居民' : (author?.person.name ?? attrs.reporterName ?? '居民');
  await db.issueEvent.create({
    data: {
      issueId: issue.id,
      at: attrs.createdAt,
      actorUserId: attrs.anonymous ? null : (attrs.enteredById ?? attrs.authorUserId),
      actorLabel: attrs.submittedBy ?? reporter,
      type: 'SUBMITTED',
      toState: 'SUBMITTED',
      level: 'COMPOUND',
    },
  });
  for (const s of attrs.steps) {
    await db.issueEvent.create({
      data: {
        issueId: issue.id,
        at: new Date(attrs.createdAt.getTime() + s.minutesAfter * 60_000),
        actorUserId: s.actorUserId,
        actorLabel: s.actorLabel,
        type: s.type,
        toState: s.toState,
        level: 'COMPOUND',
        message: s.message,
      },
    });
  }
  return issue;
}

/** An API key with a known secret (demo data and tests; the app makes random ones). */
export async function createApiKey(db: TDbLike, attrs: { districtId: number; name: string; secret: string; createdById: number }) {
  return db.apiKey.create({
    data: {
      districtId: attrs.districtId,
      name: attrs.name,
      prefix: attrs.secret.slice(0, 10),
      secretHash: hashApiKey(attrs.secret),
      createdById: attrs.createdById,
    },
  });
}
