import 'server-only';
import { questionProblem, type TSurveyQuestionType } from '@/domain/surveys/questions';
import { surveyTransition, type TSurveyStatus } from '@/domain/surveys/status';
import type { TBy } from '@/server/accounts/by';
import { writeAudit } from '@/server/audit';
import { getDb, type TTx } from '@/server/db';
import { refuse } from '@/server/errors';
import { once } from '@/server/once';
import { placeForSurvey, requireSurvey } from './access';

/**
 * Drafting a survey (decision 073): survey.manage at the place (or its branch secretary) creates it as a DRAFT, edits
 * its words and settings, adds and removes questions. Once OPEN nothing of it changes (the database freezes questions).
 */
export type TSurveyDraft = {
  place: { level: 'community' | 'compound'; id: number };
  kind: 'NEEDS' | 'SATISFACTION';
  title: string;
  intro: string;
  anonymous: boolean;
  unit: 'PERSON' | 'HOUSEHOLD';
  closesAt: Date;
  topicId?: number | null;
  idempotencyKey?: string;
};

export type TQuestionDraft = {
  type: TSurveyQuestionType;
  prompt: string;
  options: string[];
  required: boolean;
  maxChoices: number | null;
  scaleMin: number | null;
  scaleMax: number | null;
  minLabel: string | null;
  maxLabel: string | null;
};

const closesAhead = (closesAt: Date) => (closesAt.getTime() <= Date.now() ? refuse('survey.closesInPast') : closesAt);

async function topicOfPlace(tx: TTx, topicId: number | null | undefined, communityId: number) {
  if (!topicId) return null;
  const t = await tx.topic.findUnique({ where: { id: topicId }, select: { communityId: true } });
  return t?.communityId === communityId ? topicId : refuse('survey.topicElsewhere');
}

export async function createSurvey(by: TBy, d: TSurveyDraft): Promise<{ id: number }> {
  const db = getDb();
  const made = async (key: string) => {
    const s = await db.survey.findUnique({ where: { idempotencyKey: key }, select: { id: true, createdById: true } });
    return s ? { made: { id: s.id }, madeBy: s.createdById } : null;
  };
  return once(d.idempotencyKey, by.userId, made, () =>
    db.$transaction(async (tx) => {
      const place = await placeForSurvey(by, d.place, tx);
      closesAhead(d.closesAt);
      const s = await tx.survey.create({
        data: {
          ...place,
          kind: d.kind,
          title: d.title.trim(),
          intro: d.intro.trim(),
          anonymous: d.anonymous,
          unit: d.unit,
          closesAt: d.closesAt,
          topicId: await topicOfPlace(tx, d.topicId, place.communityId),
          createdById: by.userId,
          idempotencyKey: d.idempotencyKey ?? null,
        },
        select: { id: true },
      });
      await writeAudit(tx, {
        actorId: by.userId,
        actorLabel: by.label,
        action: 'survey.create',
        entityType: 'Survey',
        entityId: s.id,
        after: { title: d.title.trim(), kind: d.kind, anonymous: d.anonymous, unit: d.unit },
        communityId: place.communityId,
        compoundId: place.compoundId,
      });
      return s;
    }),
  );
}

/** The draft's survey, locked, refused unless it is still a draft. */
async function draftOf(tx: TTx, by: TBy, surveyId: number) {
  const { survey } = await requireSurvey(by, surveyId, 'manage', { db: tx, lock: 'update' });
  const t = surveyTransition({ status: survey.status as TSurveyStatus, closesAt: survey.closesAt }, { type: 'EDIT' }, new Date());
  if (!t.ok) return refuse(t.code);
  return survey;
}

export async function updateSurvey(by: TBy, surveyId: number, d: Omit<TSurveyDraft, 'place' | 'idempotencyKey'>) {
  return getDb().$transaction(async (tx) => {
    const before = await draftOf(tx, by, surveyId);
    closesAhead(d.closesAt);
    const data = {
      kind: d.kind,
      title: d.title.trim(),
      intro: d.intro.trim(),
      anonymous: d.anonymous,
      unit: d.unit,
      closesAt: d.closesAt,
      topicId: await topicOfPlace(tx, d.topicId, before.communityId),
    };
    await tx.survey.update({ where: { id: surveyId }, data });
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: 'survey.update',
      entityType: 'Survey',
      entityId: surveyId,
      before: { title: before.title, anonymous: before.anonymous, unit: before.unit, closesAt: before.closesAt.toISOString() },
      after: { title: data.title, anonymous: data.anonymous, unit: data.unit, closesAt: data.closesAt.toISOString() },
      communityId: before.communityId,
      compoundId: before.compoundId,
    });
  });
}

export async function addQuestion(by: TBy, surveyId: number, q: TQuestionDraft) {
  return getDb().$transaction(async (tx) => {
    const survey = await draftOf(tx, by, surveyId);
    const options = q.type === 'SINGLE' || q.type === 'MULTIPLE' ? q.options.map((o) => o.trim()).filter(Boolean) : [];
    const shape = {
      type: q.type,
      prompt: q.prompt.trim(),
      options,
      maxChoices: q.type === 'MULTIPLE' ? q.maxChoices : null,
      scaleMin: q.type === 'SCALE' ? q.scaleMin : null,
      scaleMax: q.type === 'SCALE' ? q.scaleMax : null,
    };
    const problem = questionProblem(shape);
    if (problem) return refuse(problem);
    const last = await tx.surveyQuestion.aggregate({ where: { surveyId }, _max: { position: true } });
    const created = await tx.surveyQuestion.create({
      data: {
        ...shape,
        surveyId,
        position: (last._max.position ?? 0) + 1,
        required: q.required,
        minLabel: q.type === 'SCALE' ? q.minLabel?.trim() || null : null,
        maxLabel: q.type === 'SCALE' ? q.maxLabel?.trim() || null : null,
      },
      select: { id: true, position: true },
    });
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: 'survey.update',
      entityType: 'Survey',
      entityId: surveyId,
      after: { questionAdded: created.position, type: q.type },
      communityId: survey.communityId,
      compoundId: survey.compoundId,
    });
    return created;
  });
}

export async function removeQuestion(by: TBy, surveyId: number, questionId: number) {
  return getDb().$transaction(async (tx) => {
    const survey = await draftOf(tx, by, surveyId);
    const q = await tx.surveyQuestion.findFirst({ where: { id: questionId, surveyId }, select: { position: true } });
    if (!q) return refuse('auth.forbidden');
    await tx.surveyQuestion.delete({ where: { id: questionId } });
    // Close the gap: later questions move up one, in order (the unique position never collides).
    const later = await tx.surveyQuestion.findMany({ where: { surveyId, position: { gt: q.position } }, orderBy: { position: 'asc' } });
    for (const l of later) await tx.surveyQuestion.update({ where: { id: l.id }, data: { position: l.position - 1 } });
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: 'survey.update',
      entityType: 'Survey',
      entityId: surveyId,
      before: { questionRemoved: q.position },
      communityId: survey.communityId,
      compoundId: survey.compoundId,
    });
  });
}
