import 'server-only';
import { createTranslator } from 'use-intl/core';
import { surveyTransition, type TSurveyStatus } from '@/domain/surveys/status';
import type { TBy } from '@/server/accounts/by';
import { writeAudit } from '@/server/audit';
import { getDb, type TTx } from '@/server/db';
import { refuse } from '@/server/errors';
import { publishNotice } from '@/server/notices/publish';
import zhSurveys from '../../../messages/zh-CN/surveys.json';
import { requireSurvey, type TSurveyRow } from './access';
import { tallyOf } from './results';

/** Opening, closing and publishing a survey's results (decision 073); each under the survey's row lock, audited. */
const step = (s: TSurveyRow, event: Parameters<typeof surveyTransition>[1]) => {
  const t = surveyTransition({ status: s.status as TSurveyStatus, closesAt: s.closesAt }, event, new Date());
  return t.ok ? t.next : refuse(t.code);
};

const audit = (tx: TTx, by: TBy, s: TSurveyRow, action: 'survey.open' | 'survey.close' | 'survey.publish', after: object) =>
  writeAudit(tx, {
    actorId: by.userId,
    actorLabel: by.label,
    action,
    entityType: 'Survey',
    entityId: s.id,
    before: { status: s.status },
    after: { ...after },
    communityId: s.communityId,
    compoundId: s.compoundId,
  });

export async function openSurvey(by: TBy, surveyId: number) {
  return getDb().$transaction(async (tx) => {
    const { survey } = await requireSurvey(by, surveyId, 'manage', { db: tx, lock: 'update' });
    const questions = await tx.surveyQuestion.count({ where: { surveyId } });
    const next = step(survey, { type: 'OPEN', questions, closesAt: survey.closesAt });
    await tx.survey.update({ where: { id: surveyId }, data: { status: next, opensAt: new Date() } });
    await audit(tx, by, survey, 'survey.open', { status: next, questions });
  });
}

export async function closeSurvey(by: TBy, surveyId: number) {
  return getDb().$transaction(async (tx) => {
    const { survey } = await requireSurvey(by, surveyId, 'manage', { db: tx, lock: 'update' });
    const next = step(survey, { type: 'CLOSE' });
    // Closing early moves the closing time to now; a survey already past its time keeps it.
    const closesAt = survey.closesAt.getTime() > Date.now() ? new Date() : survey.closesAt;
    await tx.survey.update({ where: { id: surveyId }, data: { status: next, closesAt } });
    await audit(tx, by, survey, 'survey.close', { status: next });
  });
}

const words = createTranslator({ locale: 'zh-CN', messages: { surveys: zhSurveys }, namespace: 'surveys' });

/** The results as the board's text: every question with its counts (and percentages as words), never names. */
export function resultsText(survey: { title: string; anonymous: boolean }, tally: Awaited<ReturnType<typeof tallyOf>>): string {
  const lines = [words('notice.responses', { count: tally.results.responses }), words('notice.notAVote'), ''];
  for (const [i, r] of tally.results.questions.entries()) {
    const q = tally.questions[i]!;
    lines.push(words('notice.question', { no: q.position, prompt: q.prompt, answered: r.answered }));
    if (r.type === 'SINGLE' || r.type === 'MULTIPLE')
      r.options.forEach((o, j) => lines.push(words('notice.option', { option: q.options[j]!, count: o.count, percent: o.percent })));
    if (r.type === 'SCALE') {
      r.points.forEach((p) => lines.push(words('notice.point', { point: p.point, count: p.count, percent: p.percent })));
      if (r.mean) lines.push(words('notice.mean', { mean: r.mean }));
    }
    if (r.type === 'TEXT') lines.push(words('notice.texts', { count: r.texts.length }));
    lines.push('');
  }
  return lines.join('\n').trim();
}

/** The secretary's choice: the results on the board (category RESIDENTS, on the hash chain). Once, after closing. */
export async function publishResults(by: TBy, surveyId: number) {
  return getDb().$transaction(async (tx) => {
    const { survey } = await requireSurvey(by, surveyId, 'manage', { db: tx, lock: 'update' });
    step(survey, { type: 'PUBLISH', published: survey.resultNoticeId !== null });
    const tally = await tallyOf(surveyId, tx);
    const community = await tx.community.findUniqueOrThrow({
      where: { id: survey.communityId },
      select: { streetId: true, street: { select: { districtId: true } } },
    });
    const notice = await publishNotice(tx, {
      kind: 'RESULT',
      category: 'RESIDENTS',
      title: words('notice.title', { title: survey.title }),
      body: resultsText(survey, tally),
      place: {
        streetId: community.streetId,
        districtId: community.street.districtId,
        communityId: survey.communityId,
        compoundId: survey.compoundId,
      },
      topicId: survey.topicId,
      createdById: by.userId,
    });
    // A survey past its time is recorded CLOSED as it is published.
    await tx.survey.update({ where: { id: surveyId }, data: { resultNoticeId: notice.id, status: 'CLOSED' } });
    await audit(tx, by, survey, 'survey.publish', { noticeId: notice.id, responses: tally.results.responses });
    return { noticeId: notice.id };
  });
}
