import 'server-only';
import { randomInt } from 'node:crypto';
import ExcelJS from 'exceljs';
import { createTranslator } from 'use-intl/core';
import type { TBy } from '@/server/accounts/by';
import { writeAudit } from '@/server/audit';
import { getDb } from '@/server/db';
import { fromDateOnly } from '@/server/today';
import { refuse } from '@/server/errors';
import zhSurveys from '../../../messages/zh-CN/surveys.json';
import enSurveys from '../../../messages/en/surveys.json';
import { requireSurvey } from './access';
import { questionsOf, responsesOf } from './results';
import { tallySurvey } from '@/domain/surveys/tally';

/**
 * The survey's answers as a workbook (decision 073), for its managers: a summary sheet (every question's counts, the
 * percentages as words, a scale's mean) and a sheet of every response, one row each — anonymous: no name, no household,
 * rows shuffled; named: the name and the home. The download is audited (survey.export).
 */
function shuffled<T>(rows: T[]): T[] {
  const a = [...rows];
  for (let i = a.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

export async function exportSurvey(by: TBy, surveyId: number, locale: 'zh-CN' | 'en' = 'zh-CN') {
  const { survey, status } = await requireSurvey(by, surveyId, 'manage');
  if (status === 'DRAFT') return refuse('survey.notOpen');
  const t = createTranslator({ locale, messages: { surveys: locale === 'en' ? enSurveys : zhSurveys }, namespace: 'surveys' });
  const [questions, responses] = await Promise.all([questionsOf(surveyId), responsesOf(surveyId)]);
  const results = tallySurvey(
    questions,
    responses.map((r) => r.answers),
  );

  const wb = new ExcelJS.Workbook();
  const summary = wb.addWorksheet(t('export.summarySheet'));
  summary.columns = [{ width: 8 }, { width: 40 }, { width: 30 }, { width: 10 }, { width: 10 }];
  summary.addRow([survey.title]).font = { bold: true };
  summary.addRow([t('notAVote')]);
  summary.addRow([t('export.responses'), results.responses]);
  summary.addRow([]);
  summary.addRow([t('export.no'), t('export.question'), t('export.answer'), t('export.count'), t('export.percent')]).font = { bold: true };
  for (const [i, r] of results.questions.entries()) {
    const q = questions[i]!;
    const head = [q.position, q.prompt];
    if (r.type === 'SINGLE' || r.type === 'MULTIPLE')
      r.options.forEach((o, j) => summary.addRow([...head, q.options[j], o.count, `${o.percent}%`]));
    if (r.type === 'SCALE') {
      r.points.forEach((p) => summary.addRow([...head, String(p.point), p.count, `${p.percent}%`]));
      summary.addRow([...head, t('export.mean'), r.mean ?? '—']);
    }
    if (r.type === 'TEXT') summary.addRow([...head, t('export.texts'), r.texts.length]);
  }

  const sheet = wb.addWorksheet(t('export.responsesSheet'));
  const named = !survey.anonymous;
  const heads = [
    ...(named ? [t('export.name'), t('export.home'), t('export.day')] : []),
    ...questions.map((q) => `${q.position}. ${q.prompt}`),
  ];
  sheet.addRow(heads).font = { bold: true };
  const rows = named ? responses : shuffled(responses);
  for (const r of rows) {
    const cells = questions.map((q) => {
      const a = r.answers.find((x) => x.questionId === q.id);
      if (!a) return '';
      if (q.type === 'SCALE') return a.scale;
      if (q.type === 'TEXT') return a.text ?? '';
      return a.choices.map((c) => q.options[c]).join('；');
    });
    const h = r.household;
    const home = h ? `${h.building.compound.name}${h.building.name}${h.unitNo ? `${h.unitNo}单元` : ''}${h.roomNo}` : '';
    // An anonymous row is its answers only: no name, no home, not even the day (rows shuffled).
    sheet.addRow([...(named ? [r.user?.person?.name ?? '', home, fromDateOnly(r.answeredOn)] : []), ...cells]);
  }
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  await getDb().$transaction((tx) =>
    writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: 'survey.export',
      entityType: 'Survey',
      entityId: surveyId,
      after: { responses: responses.length },
      communityId: survey.communityId,
      compoundId: survey.compoundId,
    }),
  );
  return { bytes, fileName: `${survey.title}.xlsx` };
}
