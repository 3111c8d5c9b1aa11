import 'server-only';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { templateRows, type TColumns } from '@/domain/imports/table';

/** A template to fill in: the header row in the reader's language, one example row; .xlsx, or .csv with a BOM for Excel. */
export async function templateFile(columns: TColumns, locale: 'zh-CN' | 'en', format: 'xlsx' | 'csv'): Promise<Buffer> {
  const rows = templateRows(columns, locale);
  if (format === 'csv') return Buffer.from(`\uFEFF${Papa.unparse(rows)}\r\n`, 'utf8');
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(locale === 'en' ? 'Import' : '导入');
  rows.forEach((r) => sheet.addRow(r));
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((c, i) => {
    c.width = Math.max(10, ...rows.map((r) => [...(r[i] ?? '')].length * 2 + 2));
    // Text cells: Excel must not turn a phone number into 1.38E+10 or a code into a number.
    c.numFmt = '@';
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
