'use server';
import { getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { IMPORT_PERMISSIONS, importKinds, type TImportKind } from '@/domain/imports/kinds';
import type { TRowError } from '@/domain/imports/table';
import { command } from '@/features/shared/command';
import { refuse } from '@/server/errors';
import { importOf } from '@/server/imports/registry';
import { importTable, previewTable, type TChanges } from '@/server/imports/table-import';
import { chosenFile } from './chosen-file';

// Every bulk import (issue 18, item 6; docs/imports.md): the kind's use case checks its own permission at the place.
const ZImport = z.object({
  kind: z.enum(importKinds as [TImportKind, ...TImportKind[]]),
  placeId: z.coerce.number().int().positive().max(2_000_000_000),
});
const spec = (kind: TImportKind) => importOf(kind) ?? refuse('import.kindUnknown');

/** What changed, in the reader's words: "新建党员 3、更新党员 1". */
async function changeLines(kind: TImportKind, changes: TChanges): Promise<string[]> {
  const t = await getTranslations(`admin.imports.${kind}.changes`);
  return Object.entries(changes).map(([k, n]) => t(k as never, { count: n } as never));
}

async function errorLines(kind: TImportKind, errors: TRowError[]): Promise<string[]> {
  const t = await getTranslations('errors');
  const tt = await getTranslations('admin.imports');
  const en = (await getLocale()) === 'en';
  const columns = spec(kind).columns;
  return errors.slice(0, 500).map((e) => {
    const field = e.field in columns ? columns[e.field]!.names[en ? 1 : 0] : tt('wholeRow');
    return tt('errorRow', { row: e.row, field, message: t(e.code as never, (e.values ?? {}) as never) });
  });
}

export const previewTableAction = command({
  who: IMPORT_PERMISSIONS,
  input: ZImport,
  files: { file: 'table' },
  run: (by, { kind, placeId }, ctx) => previewTable(spec(kind), by, placeId, chosenFile(ctx)),
  done: async (v, { kind }) => {
    const en = (await getLocale()) === 'en';
    const columns = spec(kind).columns;
    return {
      ok: v.errors.length === 0 && v.missing.length === 0,
      data: {
        rows: v.rows,
        errorCount: v.errors.length,
        errors: await errorLines(kind, v.errors),
        missing: v.missing.map((k) => columns[k]!.names[en ? 1 : 0]),
        changes: v.changes && (await changeLines(kind, v.changes)),
      },
    };
  },
});

export const importTableAction = command({
  who: IMPORT_PERMISSIONS,
  input: ZImport,
  files: { file: 'table' },
  run: (by, { kind, placeId }, ctx) => importTable(spec(kind), by, placeId, chosenFile(ctx)),
  done: async (changes, { kind }) => ({
    ok: true,
    message: (await getTranslations('admin.imports'))('done', { changes: (await changeLines(kind, changes)).join('，') || '—' }),
  }),
  refresh: true,
});
