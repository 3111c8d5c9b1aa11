import 'server-only';
import type ExcelJS from 'exceljs';
import { createTranslator } from 'use-intl/core';
import type { TPeriod } from '@/domain/stats/period';
import type { TBy } from '@/server/accounts/by';
import zhConsultation from '../../../messages/zh-CN/consultation.json';
import enConsultation from '../../../messages/en/consultation.json';
import { CATEGORY_FIGURES, topicsByCategory } from './topics-by-category';
import type { TUnitRef } from './units';

/**
 * The monthly report's 议题分类 sheet (decision 072): the by-category table of the dashboard, the same query, one row
 * per category with topics in the period. Its name comes back for the workbook's tab.
 */
export async function categorySheet(
  by: TBy,
  q: { unit: TUnitRef; period: TPeriod; locale: 'zh-CN' | 'en' },
  sheet: (name: string) => ExcelJS.Worksheet,
  headRow: (ws: ExcelJS.Worksheet, cells: string[]) => void,
) {
  const en = q.locale === 'en';
  const t = createTranslator({
    locale: q.locale,
    messages: { consultation: en ? enConsultation : zhConsultation },
    namespace: 'consultation',
  });
  const { rows } = await topicsByCategory(by, q);
  const ws = sheet(t('byCategory.sheet'));
  ws.getColumn(1).width = 24;
  headRow(ws, [t('byCategory.category'), ...CATEGORY_FIGURES.map((f) => t(`byCategory.${f}`))]);
  for (const r of rows) ws.addRow([en ? r.nameEn : r.nameZh, ...CATEGORY_FIGURES.map((f) => r[f])]).commit();
}
