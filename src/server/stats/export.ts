import { topicStageWords } from '@/i18n/topic-stage';
import 'server-only';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { createTranslator } from 'use-intl/core';
import { emptyFigures, figureKeys, figureValue, isMedianKey, isRateKey, medianInUnit, type TFigures } from '@/domain/stats/figures';
import { monthsBetween, type TPeriod } from '@/domain/stats/period';
import type { TBy } from '@/server/accounts/by';
import { loadActor } from '@/server/auth/actor';
import { CHINA_OFFSET_MS, today } from '@/server/today';
import { getDb } from '@/server/db';
import { refuse } from '@/server/errors';
import { getFileStore } from '@/server/files/file-store';
import { errorFields, logLine } from '@/server/log';
import zhStats from '../../../messages/zh-CN/stats.json';
import enStats from '../../../messages/en/stats.json';
import zhIssues from '../../../messages/zh-CN/issues.json';
import enIssues from '../../../messages/en/issues.json';
import zhTopics from '../../../messages/zh-CN/topics.json';
import enTopics from '../../../messages/en/topics.json';
import zhMediation from '../../../messages/zh-CN/mediation.json';
import enMediation from '../../../messages/en/mediation.json';
import { mediationRows, mediationSheet } from './mediation-sheet';
import { categorySheet } from './category-sheet';
import { rollupFigures } from './aggregate';
import { rollupActivity, zeroActivity, type TActivity } from './activity';
import { listBehind } from './drill';
import { readDashboard } from './read-dashboard';
import { authorizeUnit, unitParam, type TUnitRef } from './units';

export const exportKinds = ['DASHBOARD', 'MONTHLY', 'COMMUNITIES'] as const;
export type TExportKind = (typeof exportKinds)[number];
export type TExportParams = { unit: TUnitRef; period: TPeriod; category: string | null; locale: 'zh-CN' | 'en' };

/**
 * Asks for an Excel export. It is written by the job queue (or, without one, in this process) in
 * the background, with its progress in the row, so the page can show a progress bar for a large one.
 */
export async function requestExport(by: TBy, kind: TExportKind, params: TExportParams, run: (id: number) => Promise<void>) {
  await authorizeUnit(by, params.unit);
  if (kind === 'MONTHLY') params = { ...params, period: { from: params.period.to, to: params.period.to } };
  const row = await getDb().statExport.create({ data: { userId: by.userId, kind, params: { ...params, unit: unitParam(params.unit) } } });
  await run(row.id);
  return row.id;
}

/** An export's progress, for its owner only. */
export async function exportStatus(userId: number, id: number) {
  const row = await getDb().statExport.findUnique({ where: { id } });
  if (!row || row.userId !== userId) return refuse('stats.exportNotFound');
  return { id: row.id, status: row.status, rowsDone: row.rowsDone, rowsTotal: row.rowsTotal, fileName: row.fileName };
}

/** The finished file, for its owner only. */
export async function exportFile(userId: number, id: number) {
  const row = await getDb().statExport.findUnique({ where: { id } });
  if (!row || row.userId !== userId || row.status !== 'DONE' || !row.storageKey) return refuse('stats.exportNotFound');
  const bytes = await getFileStore().get(row.storageKey);
  if (!bytes) return refuse('stats.exportNotFound');
  return { bytes, fileName: row.fileName! };
}

/** Writes the workbook; the job queue calls this. Failures are kept on the row (and logged), never half a file. */
export async function runExport(id: number) {
  const db = getDb();
  const row = await db.statExport.update({ where: { id }, data: { status: 'RUNNING' } });
  const raw = row.params as Omit<TExportParams, 'unit'> & { unit: string };
  const [level, uid] = raw.unit.split(':');
  const params: TExportParams = { ...raw, unit: { level: level as TUnitRef['level'], id: Number(uid) } };
  const dir = await mkdtemp(path.join(os.tmpdir(), 'yishi-export-'));
  try {
    // Authorized again as the user is now: a role revoked since the request gets nothing.
    const by: TBy = { userId: row.userId, label: '', actor: await loadActor(row.userId), today: today() };
    const file = path.join(dir, 'out.xlsx');
    const fileName = await writeWorkbook(by, row.kind as TExportKind, params, file, async (done, total) => {
      await db.statExport.update({ where: { id }, data: { rowsDone: done, rowsTotal: total } });
    });
    const key = `exports/${id}-${Date.now()}.xlsx`;
    await getFileStore().put(key, await readFile(file));
    await db.statExport.update({ where: { id }, data: { status: 'DONE', storageKey: key, fileName, finishedAt: new Date() } });
  } catch (e) {
    logLine('error', 'stats.export.failed', { exportId: id, ...errorFields(e) });
    await db.statExport.update({
      where: { id },
      data: { status: 'FAILED', error: String((e as Error).message ?? e).slice(0, 500), finishedAt: new Date() },
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

type TProgress = (done: number, total: number) => Promise<void>;

const figureColumns = figureKeys;
const activityColumns = ['meetingsHeld', 'consultations', 'attendance', 'motionsPassed', 'motionsFailed', 'topicsRaised'] as const;

// Medians in hours or days (their unit in the head), not minutes: a number a reader takes in at a glance.
const figureCells = (f: TFigures): (number | null)[] =>
  figureColumns.map((k) => (isMedianKey(k) ? medianInUnit(k, f[k]) : figureValue(f, k)));

/** An instant as China's wall-clock time: Excel's dates have no time zone, and readers are in China. */
const chinaClock = (d: Date) => new Date(d.getTime() + CHINA_OFFSET_MS);

/** The column letters of a 1-based index (1 → A, 27 → AA), for a filter's range. */
function columnLetters(n: number): string {
  let letters = '';
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) letters = String.fromCharCode(65 + ((i - 1) % 26)) + letters;
  return letters;
}

async function writeWorkbook(by: TBy, kind: TExportKind, p: TExportParams, file: string, progress: TProgress): Promise<string> {
  const en = p.locale === 'en';
  const t = createTranslator({ locale: p.locale, messages: { stats: en ? enStats : zhStats }, namespace: 'stats' });
  const ti = createTranslator({ locale: p.locale, messages: { issues: en ? enIssues : zhIssues }, namespace: 'issues' });
  const tt = createTranslator({ locale: p.locale, messages: { topics: en ? enTopics : zhTopics }, namespace: 'topics' });
  const tm = createTranslator({ locale: p.locale, messages: { mediation: en ? enMediation : zhMediation }, namespace: 'mediation' });
  const stepName = (key: string) => topicStageWords(key, t, tt);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true });
  /** A sheet whose table starts at row `head`: that row stays in view when scrolling and carries the filters. */
  const table = (name: string, head: number) => wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: head }] });
  const headRow = (ws: ExcelJS.Worksheet, cells: string[]) => {
    const row = ws.addRow(cells);
    row.font = { bold: true };
    ws.autoFilter = `A${row.number}:${columnLetters(cells.length)}${row.number}`;
    row.commit();
  };
  const generatedAt = chinaClock(new Date());
  const range = p.period.from === p.period.to ? p.period.from : t('period.range', { from: p.period.from, to: p.period.to });
  const header = (ws: ExcelJS.Worksheet, unitName: string, levelName: string) => {
    ws.addRow([t('export.unitHeader', { level: levelName, name: unitName })]).commit();
    ws.addRow([t('export.periodHeader', { range })]).commit();
    const at = ws.addRow([t('export.generatedAt'), generatedAt]);
    at.getCell(2).numFmt = 'yyyy-mm-dd hh:mm';
    at.commit();
    ws.addRow([]).commit();
  };
  const figureHead = (k: (typeof figureColumns)[number]) => (isMedianKey(k) ? t(`export.median.${k}`) : t(`figure.${k}`));
  const figureHeads = figureColumns.map(figureHead);
  const activityHeads = activityColumns.map((k) => t(`activity.${k}`));
  const styleColumns = (ws: ExcelJS.Worksheet, first: number) => {
    // Rates as percentages, medians to a tenth; the first columns are names.
    figureColumns.forEach((k, i) => {
      const col = ws.getColumn(first + i);
      col.width = 12;
      if (isRateKey(k)) col.numFmt = '0.0%';
      if (isMedianKey(k)) col.numFmt = '0.0';
    });
  };

  if (kind === 'COMMUNITIES') {
    const unit = await authorizeUnit(by, p.unit);
    const scope = unit.scope;
    const communities = await getDb().community.findMany({
      where:
        scope.column === 'districtId'
          ? { street: { districtId: { in: scope.ids } } }
          : scope.column === 'streetId'
            ? { streetId: { in: scope.ids } }
            : { id: { in: scope.ids } },
      select: { id: true, code: true, name: true, street: { select: { name: true, district: { select: { name: true } } } } },
      orderBy: { code: 'asc' },
    });
    const [figures, activity] = await Promise.all([
      rollupFigures(scope, p.period, p.category, 'communityId'),
      rollupActivity(scope, p.period, 'communityId'),
    ]);
    const ws = table(t('export.sheetCommunities'), 5);
    ws.getColumn(1).width = 14;
    ws.getColumn(2).width = 12;
    ws.getColumn(3).width = 14;
    ws.getColumn(4).width = 18;
    styleColumns(ws, 5);
    header(ws, unit.name, t(`level.${unit.level}`));
    headRow(ws, [t('export.code'), t('export.district'), t('export.street'), t('level.community'), ...figureHeads, ...activityHeads]);
    let done = 0;
    for (const c of communities) {
      const f = figures.get(String(c.id));
      const a: TActivity = activity.get(String(c.id)) ?? zeroActivity();
      ws.addRow([
        c.code,
        c.street.district.name,
        c.street.name,
        c.name,
        ...figureCells(f ?? emptyFigures()),
        ...activityColumns.map((k) => a[k]),
      ]).commit();
      if (++done % 250 === 0) await progress(done, communities.length);
    }
    await progress(done, communities.length);
    await wb.commit();
    return `${unit.name}-${range}-communities.xlsx`;
  }

  const d = await readDashboard(by, { unit: p.unit, period: p.period, category: p.category });
  const overdue =
    kind === 'MONTHLY' ? await listBehind(by, { unit: p.unit, period: p.period, category: p.category, figure: 'overdue' }) : null;
  const excluded = await listBehind(by, { unit: p.unit, period: p.period, category: p.category, figure: 'excluded' });
  const total =
    4 + d.children.length + d.byCategory.length + d.trend.length + d.topics.length + (overdue?.rows.length ?? 0) + excluded.rows.length;
  let done = 0;
  const step = async (n = 1) => {
    done += n;
    if (done % 200 === 0) await progress(done, total);
  };
  const unitName = d.unit.level === 'city' ? d.unit.name : [...d.unit.trail.map((x) => x.name), d.unit.name].join(' ');

  const summary = wb.addWorksheet(t('export.sheetSummary'));
  summary.getColumn(1).width = 28;
  summary.getColumn(2).width = 14;
  summary.getColumn(3).width = 14;
  header(summary, unitName, t(`level.${d.unit.level}`));
  summary.addRow(['', t('export.current'), t('export.previous')]).commit();
  figureColumns.forEach((k, i) => {
    const r = summary.addRow([figureHead(k), figureCells(d.totals)[i], figureCells(d.totalsPrevious)[i]]);
    if (isRateKey(k)) r.numFmt = '0.0%';
    if (isMedianKey(k)) r.numFmt = '0.0';
    r.commit();
  });
  activityColumns.forEach((k) => summary.addRow([t(`activity.${k}`), d.activity[k]]).commit());
  if (d.mediation) {
    summary.addRow([]).commit();
    summary.addRow([tm('stats.title')]).commit();
    for (const r of mediationRows(d.mediation.totals, tm)) {
      const row = summary.addRow(r.cells);
      if (r.rate) row.numFmt = '0.0%';
      row.commit();
    }
  }
  await step(4);

  if (d.childLevel) {
    const ws = table(t('export.sheetChildren'), 5);
    ws.getColumn(1).width = 24;
    styleColumns(ws, 2);
    header(ws, unitName, t(`level.${d.unit.level}`));
    headRow(ws, [
      t(`level.${d.childLevel}`),
      ...figureHeads,
      ...activityHeads,
      t('activity.openTopics'),
      t('overdue.tasks'),
      t('overdue.steps'),
    ]);
    for (const c of d.children) {
      ws.addRow([
        c.id === null ? t('communityLevel') : c.name,
        ...figureCells(c.current),
        ...activityColumns.map((k) => c.activity[k]),
        c.openTopics,
        c.overdue.tasks,
        c.overdue.steps,
      ]).commit();
      await step();
    }
  }
  const cats = table(t('export.sheetCategories'), 1);
  cats.getColumn(1).width = 20;
  styleColumns(cats, 2);
  headRow(cats, [t('category.label'), ...figureHeads]);
  for (const c of d.byCategory) {
    cats.addRow([p.locale === 'en' ? c.nameEn : c.nameZh, ...figureCells(c.figures)]).commit();
    await step();
  }
  const trend = table(t('export.sheetTrend'), 1);
  styleColumns(trend, 2);
  headRow(trend, [t('month'), ...figureHeads]);
  for (const m of d.trend) {
    trend.addRow([m.month, ...figureCells(m.figures)]).commit();
    await step();
  }
  const topics = table(t('export.sheetTopics'), 1);
  topics.getColumn(1).width = 20;
  headRow(topics, [t('step'), t('count')]);
  for (const s of d.topics) {
    topics.addRow([stepName(s.step), s.count]).commit();
    await step();
  }
  const list = (name: string, rows: Awaited<ReturnType<typeof listBehind>>['rows'], withReason: boolean) => {
    const ws = table(name, 1);
    ws.getColumn(5).numFmt = 'yyyy-mm-dd hh:mm';
    ws.getColumn(6).numFmt = 'yyyy-mm-dd hh:mm';
    headRow(ws, [
      t('drill.id'),
      t('drill.issue'),
      t('drill.place'),
      t('drill.state'),
      t('drill.raised'),
      t('drill.deadline'),
      ...(withReason ? [t('drill.reason')] : []),
    ]);
    for (const r of rows)
      ws.addRow([
        r.id,
        r.title,
        [r.communityName, r.compoundName].filter(Boolean).join(' '),
        ti(`state.${r.state}` as 'state.SUBMITTED'),
        chinaClock(r.createdAt),
        chinaClock(r.resolveBy),
        ...(withReason ? [r.exclusionReason] : []),
      ]).commit();
  };
  if (overdue) list(t('export.sheetOverdue'), overdue.rows, false);
  list(t('export.sheetExcluded'), excluded.rows, true);
  // The monthly report to the level above: 矛盾纠纷调解 by community and by kind (counts only, decision 062).
  if (kind === 'MONTHLY' && d.mediation) mediationSheet(table(tm('stats.title'), 1), d.mediation, tm, headRow);
  if (kind === 'MONTHLY') await categorySheet(by, p, (name) => table(name, 1), headRow);
  await step((overdue?.rows.length ?? 0) + excluded.rows.length);
  const defs = wb.addWorksheet(t('export.sheetDefinitions'));
  defs.getColumn(1).width = 24;
  defs.getColumn(2).width = 100;
  for (const k of [
    'opened',
    'open',
    'overdue',
    'escalated',
    'takenOver',
    'excluded',
    'response',
    'resolution',
    'satisfaction',
    'ackMedian',
    'resolveMedian',
  ] as const) {
    defs.addRow([t(`figure.${k}`), t(`definition.${k}`)]).commit();
  }
  for (const k of ['received', 'succeeded', 'rate', 'kept'] as const)
    defs.addRow([`${tm('stats.title')} · ${tm(`stats.${k}`)}`, tm(`stats.definition.${k}`)]).commit();
  await progress(total, total);
  await wb.commit();
  const months = monthsBetween(p.period);
  return `${d.unit.name || unitName}-${kind === 'MONTHLY' ? months[0] : range}.xlsx`;
}

/** Exports are kept a week (the requester downloads them at once); older ones and their files go. */
export async function removeOldExports(now = new Date(), keepDays = 7) {
  const db = getDb();
  const old = await db.statExport.findMany({
    where: { createdAt: { lt: new Date(now.getTime() - keepDays * 86_400_000) } },
    select: { id: true, storageKey: true },
  });
  for (const e of old) {
    if (e.storageKey) await getFileStore().remove(e.storageKey);
    await db.statExport.delete({ where: { id: e.id } });
  }
  return old.length;
}
