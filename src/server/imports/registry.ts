import 'server-only';
import type { TImportKind } from '@/domain/imports/kinds';
import type { TColumns } from '@/domain/imports/table';
import { partyMemberImport } from '@/server/party/import-members';
import { bodiesImport } from '@/server/territory-admin/bodies-import';
import { organisationsImport } from '@/server/organisations/import';
import { gridImport } from '@/server/grids/import';
import type { TTableImport } from './table-import';

/**
 * Every bulk import by kind (docs/imports.md): the generic actions, the template route and the import page look an
 * import up here. A kind without an entry yet is refused as unknown.
 */
export const IMPORTS: Partial<Record<TImportKind, TTableImport<TColumns, unknown>>> = {
  partyMembers: partyMemberImport as unknown as TTableImport<TColumns, unknown>,
  bodies: bodiesImport,
  organisations: organisationsImport as unknown as TTableImport<TColumns, unknown>,
  grids: gridImport as unknown as TTableImport<TColumns, unknown>,
};

export function importOf(kind: TImportKind): TTableImport<TColumns, unknown> | null {
  return IMPORTS[kind] ?? null;
}
