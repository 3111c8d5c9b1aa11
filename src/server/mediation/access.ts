import 'server-only';
import { can } from '@/domain/authz/can';
import { ROLE_PERMISSIONS, type TPermission } from '@/domain/authz/permissions';
import type { TRole } from '@/domain/authz/roles';
import type { TBy } from '@/server/accounts/by';
import { writeAudit } from '@/server/audit';
import { getDb, type TTx } from '@/server/db';
import { refuse } from '@/server/errors';
import { ancestryOf } from '@/server/places/ancestry';

export type TMediationPermission = Extract<TPermission, `mediation.${string}`>;

/** The case as access needs it (and every use case after it). */
const CASE = {
  id: true,
  communityId: true,
  compoundId: true,
  status: true,
  issueId: true,
  receivedOn: true,
  year: true,
  seq: true,
} as const;

async function personOf(by: TBy, db: Pick<TTx, 'user'>): Promise<number | null> {
  if (by.personId) return by.personId;
  return (await db.user.findUnique({ where: { id: by.userId }, select: { personId: true } }))?.personId ?? null;
}

/**
 * Who the account is on this case, as roles of the one permission matrix (decision 062): the place's grants (the
 * community's secretary, the mediation committee's chair: `mediation.manage`), and the case's own facts — named as one of
 * its mediators (CASE_MEDIATOR), or one of its parties (CASE_PARTY). Nobody else has a role on a case: the street and the
 * district see counts only.
 */
export async function caseRoles(by: TBy, caseId: number, db: TTx = getDb()) {
  const c = await db.mediationCase.findUnique({ where: { id: caseId }, select: CASE });
  if (!c) return null;
  const ancestry = await ancestryOf(c.compoundId ? { level: 'compound', id: c.compoundId } : { level: 'community', id: c.communityId }, db);
  const manages = !!ancestry && can(by.actor, 'mediation.manage', { ancestry }, by.today);
  const personId = await personOf(by, db);
  const [mediator, party] = personId
    ? await Promise.all([db.caseMediator.count({ where: { caseId, personId } }), db.mediationParty.count({ where: { caseId, personId } })])
    : [0, 0];
  const roles: TRole[] = [...(mediator ? (['CASE_MEDIATOR'] as const) : []), ...(party ? (['CASE_PARTY'] as const) : [])];
  return { case: c, manages, roles, personId };
}

/** Whether the roles allow the permission on the case. Managing a case includes mediating it (the secretary may hold a session). */
export function allows(access: { manages: boolean; roles: TRole[] }, permission: TMediationPermission): boolean {
  if (access.manages && (permission === 'mediation.manage' || permission === 'mediation.mediate')) return true;
  return access.roles.some((r) => (ROLE_PERMISSIONS[r] as readonly TPermission[]).includes(permission));
}

/** Staff (a manager or a named mediator) read the case's content; a party reads their own case's party view. */
export type TCaseView = 'staff' | 'party';

/**
 * The case, if the account may act on it with this permission; otherwise a refusal that changes nothing, the same whether
 * the case exists or not (no probing by id). `audit`: a staff read of the case's content leaves an audit row (issue 21:
 * "every read of a case by staff is audited") — with ids only, since the audit page is read more widely than the case.
 */
export async function requireCase(
  by: TBy,
  caseId: number,
  permission: TMediationPermission | 'read',
  opts: { audit?: boolean; db?: TTx } = {},
) {
  const db = opts.db ?? getDb();
  const access = Number.isSafeInteger(caseId) ? await caseRoles(by, caseId, db) : null;
  if (!access) return refuse('auth.forbidden');
  const staff = allows(access, 'mediation.mediate');
  const ok = permission === 'read' ? staff || allows(access, 'mediation.party') : allows(access, permission);
  if (!ok) return refuse('auth.forbidden');
  const view: TCaseView = staff ? 'staff' : 'party';
  if (opts.audit && view === 'staff')
    await writeAudit(db, {
      actorId: by.userId,
      actorLabel: by.label,
      action: 'mediation.read',
      entityType: 'MediationCase',
      entityId: caseId,
      communityId: access.case.communityId,
      compoundId: access.case.compoundId,
    });
  return { ...access, view };
}
