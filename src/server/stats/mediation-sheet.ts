import 'server-only';
import type ExcelJS from 'exceljs';
import type { createTranslator } from 'use-intl/core';
import type { TMediationFigures } from '@/domain/mediation/figures';
import type { TMediationStats } from '@/server/mediation/stats';
import type zhMediation from '../../../messages/zh-CN/mediation.json';

type TM = ReturnType<typeof createTranslator<{ mediation: typeof zhMediation }, 'mediation'>>;

/** The four figures of a place as cells: 受理, 调解成功, 成功率 (a fraction; empty when none were received), 回访履行. */
const cells = (f: TMediationFigures) => [f.counts.received, f.counts.succeeded, f.rate, f.counts.kept];

/** The totals as label/value rows of the summary sheet (the dashboard report). */
export function mediationRows(f: TMediationFigures, tm: TM): { cells: (string | number | null)[]; rate: boolean }[] {
  const labels = [tm('stats.summaryReceived'), tm('stats.succeeded'), tm('stats.summaryRate'), tm('stats.kept')];
  return cells(f).map((v, i) => ({ cells: [labels[i]!, v], rate: i === 2 }));
}

/**
 * The monthly report's 矛盾纠纷调解 sheet: every community of the unit (zeros included) with a total, then every kind.
 * Counts only: never a name of a party, an account of the dispute or a case number.
 */
export function mediationSheet(
  ws: ExcelJS.Worksheet,
  s: TMediationStats,
  tm: TM,
  headRow: (ws: ExcelJS.Worksheet, cells: string[]) => void,
) {
  ws.getColumn(1).width = 16;
  ws.getColumn(2).width = 20;
  for (const col of [3, 4, 5, 6]) ws.getColumn(col).width = 12;
  ws.getColumn(5).numFmt = '0.0%';
  const figures = [tm('stats.received'), tm('stats.succeeded'), tm('stats.rate'), tm('stats.kept')];
  headRow(ws, [tm('stats.communityCode'), tm('stats.community'), ...figures]);
  for (const c of s.byCommunity) ws.addRow([c.code, c.name, ...cells(c.figures)]).commit();
  ws.addRow([tm('stats.total'), null, ...cells(s.totals)]).commit();
  ws.addRow([]).commit();
  const head = ws.addRow([tm('stats.kindHead'), null, ...figures]);
  head.font = { bold: true };
  head.commit();
  for (const k of s.byKind) ws.addRow([tm(`kind.${k.kind}`), null, ...cells(k.figures)]).commit();
}
