import 'server-only';
import { scopesOf } from '@/domain/authz/can';
import { IMPORT_KINDS, importKinds, type TImportKind } from '@/domain/imports/kinds';
import type { TBy } from '@/server/accounts/by';
import { listCommunitiesInScope, listCompoundsInScope } from '@/server/admin/scope-lists';
import { importOf } from './registry';

/** The imports this actor may run somewhere (the kinds that exist and whose permission they hold). */
export function importsFor(by: TBy): TImportKind[] {
  return importKinds.filter((k) => importOf(k) && scopesOf(by.actor, IMPORT_KINDS[k].permission, by.today).length > 0);
}

/** The places of the kind's level where the actor may run it, as the form's choices. */
export async function importPlaces(by: TBy, kind: TImportKind): Promise<{ value: string; label: string }[]> {
  const { permission, level } = IMPORT_KINDS[kind];
  if (level === 'community') {
    return (await listCommunitiesInScope(by, permission)).map((c) => ({ value: String(c.id), label: `${c.street.name} · ${c.name}` }));
  }
  return (await listCompoundsInScope(by, permission)).map((c) => ({ value: String(c.id), label: `${c.community.name} · ${c.name}` }));
}
