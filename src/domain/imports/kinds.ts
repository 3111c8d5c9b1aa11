import type { TPermission } from '../authz/permissions';
import type { TPlaceLevel } from '../territory/places';

/**
 * The bulk imports (issue 18, item 6): what each needs, held at the place the import acts on, and the level of that
 * place (the form's place picker lists the places of that level in one's scope). The roster has its own page.
 */
export const IMPORT_KINDS = {
  partyMembers: { permission: 'partyMember.manage', level: 'community' },
  bodies: { permission: 'body.manage', level: 'community' },
  organisations: { permission: 'organization.manage', level: 'community' },
  grids: { permission: 'grid.manage', level: 'community' },
} as const satisfies Record<string, { permission: TPermission; level: Extract<TPlaceLevel, 'community' | 'compound'> }>;

export type TImportKind = keyof typeof IMPORT_KINDS;
export const importKinds = Object.keys(IMPORT_KINDS) as TImportKind[];
export const IMPORT_PERMISSIONS = [...new Set(importKinds.map((k) => IMPORT_KINDS[k].permission))];
