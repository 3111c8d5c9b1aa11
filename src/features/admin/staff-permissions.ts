import 'server-only';
import { scopesOf } from '@/domain/authz/can';
import type { TPermission } from '@/domain/authz/permissions';
import { IMPORT_PERMISSIONS } from '@/domain/imports/kinds';
import type { TBy } from '@/server/accounts/by';

/** The staff desk's sections and the permission each needs. */
export const ADMIN_SECTIONS = [
  { key: 'stats', href: '/admin/stats', permission: 'stats.read' },
  { key: 'issues', href: '/admin/issues', permission: 'issue.handle' },
  { key: 'topics', href: '/topics', permission: 'topic.manage' },
  { key: 'claims', href: '/admin/claims', permission: 'resident.verify' },
  { key: 'invitations', href: '/admin/invitations', permission: 'resident.verify' },
  { key: 'desk', href: '/admin/desk', permission: 'resident.verify' },
  { key: 'roster', href: '/admin/roster', permission: 'roster.import' },
  { key: 'places', href: '/admin/places', permission: 'territory.manage' },
  { key: 'party', href: '/admin/party', permission: 'partyMember.manage' },
  { key: 'organisations', href: '/admin/organisations', permission: 'organization.manage' },
  { key: 'partyOrgs', href: '/admin/party/orgs', permission: 'partyOrg.manage' },
  { key: 'imports', href: '/admin/imports', permission: IMPORT_PERMISSIONS },
  { key: 'staff', href: '/admin/staff', permission: 'staff.manage' },
  { key: 'audit', href: '/admin/audit', permission: 'audit.read' },
  { key: 'issueSettings', href: '/admin/issue-settings', permission: 'issue.configure' },
  { key: 'apiKeys', href: '/admin/api-keys', permission: 'apiKey.manage' },
  { key: 'procedures', href: '/admin/procedures', permission: 'procedure.manage' },
] as const satisfies readonly { key: string; href: string; permission: TPermission | readonly TPermission[] }[];

export function sectionsFor(by: TBy) {
  const holds = (p: TPermission) => scopesOf(by.actor, p, by.today).length > 0;
  return ADMIN_SECTIONS.filter((s) => (typeof s.permission === 'string' ? holds(s.permission) : s.permission.some(holds)));
}

export function isStaff(by: TBy): boolean {
  return sectionsFor(by).length > 0;
}
