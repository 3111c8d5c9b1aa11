import { z } from 'zod';
import { scopesOf } from '@/domain/authz/can';
import { IMPORT_KINDS, importKinds, type TImportKind } from '@/domain/imports/kinds';
import { handler } from '@/features/shared/handler';
import { refuse } from '@/server/errors';
import { importOf } from '@/server/imports/registry';
import { templateFile } from '@/server/imports/template';

const TYPES = { xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', csv: 'text/csv; charset=utf-8' } as const;

/** A bulk import's template, for those who may run that import somewhere. */
export const GET = handler({
  who: 'signed-in',
  input: z.object({
    kind: z.enum(importKinds as [TImportKind, ...TImportKind[]]),
    format: z.enum(['xlsx', 'csv']).default('xlsx'),
    lang: z.enum(['zh-CN', 'en']).default('zh-CN'),
  }),
  run: async (by, { kind, format, lang }) => {
    if (scopesOf(by.actor, IMPORT_KINDS[kind].permission, by.today).length === 0) refuse('auth.forbidden');
    const spec = importOf(kind) ?? refuse('import.kindUnknown');
    const body = await templateFile(spec.columns, lang, format);
    const name = `${lang === 'en' ? kind : TEMPLATE_NAMES[kind]}.${format}`;
    return new Response(new Uint8Array(body), {
      headers: {
        'Content-Type': TYPES[format],
        'Content-Disposition': `attachment; filename="${kind}.${format}"; filename*=UTF-8''${encodeURIComponent(name)}`,
        'Cache-Control': 'no-store',
      },
    });
  },
});

const TEMPLATE_NAMES: Record<TImportKind, string> = {
  partyMembers: '党员导入模板',
  bodies: '组织机构及成员导入模板',
  organisations: '单位和组织导入模板',
  grids: '网格导入模板',
};
