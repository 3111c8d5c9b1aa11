import 'server-only';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { refuse } from '@/server/errors';
import type { TUploadKind } from '@/domain/files/upload-limits';
import { checkUpload } from '@/server/files/upload-check';
import { fromDateOnly } from '@/server/today';

const MAX_ROWS = 20_000;

/**
 * Reads the first sheet of an .xlsx file, or a .csv (UTF-8, or GBK as Excel in China saves it): the roster and every bulk
 * import (issue 18). The kind names the upload limit the form declared.
 */
export async function readTable(name: string, bytes: Buffer, kind: TUploadKind = 'table'): Promise<{ header: string[]; data: string[][] }> {
  if (bytes.length === 0) refuse('import.fileEmpty');
  checkUpload(kind, [bytes.length]);
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b; // .xlsx is a zip archive: check content, not the name
  let rows: string[][];
  if (isZip) {
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch {
      return refuse('import.fileUnreadable');
    }
    const sheet = wb.worksheets[0];
    if (!sheet) return refuse('import.fileEmpty');
    rows = [];
    sheet.eachRow({ includeEmpty: true }, (row, n) => {
      const values = (row.values as unknown[]).slice(1).map(cellText);
      rows[n - 1] = values;
    });
    rows = Array.from(rows, (r) => r ?? []);
  } else {
    if (!/\.csv$/i.test(name) && bytes.includes(0)) refuse('import.fileUnreadable');
    const text = decodeText(bytes);
    rows = Papa.parse<string[]>(text, { skipEmptyLines: false }).data;
  }
  if (rows.length > MAX_ROWS + 1) refuse('import.tooManyRows', { max: MAX_ROWS });
  const [header = [], ...data] = rows;
  if (header.every((h) => !String(h ?? '').trim())) refuse('import.fileEmpty');
  return { header: header.map((h) => String(h ?? '')), data };
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  // Excel keeps a date as a calendar day; exceljs hands it over as midnight UTC of that day, like a date-only column.
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : fromDateOnly(v);
  if (typeof v === 'object') {
    const o = v as { text?: string; result?: unknown; richText?: { text: string }[] };
    if (o.richText) return o.richText.map((t) => t.text).join('');
    if (o.text !== undefined) return String(o.text);
    if (o.result !== undefined) return String(o.result);
  }
  // Numbers keep their decimal form ("89.5"); areas are then parsed from text, never used as floats.
  return String(v);
}

function decodeText(bytes: Buffer): string {
  const utf8 = new TextDecoder('utf-8', { fatal: false }).decode(bytes).replace(/^\uFEFF/, '');
  if (!utf8.includes('\uFFFD')) return utf8;
  return new TextDecoder('gbk').decode(bytes);
}
