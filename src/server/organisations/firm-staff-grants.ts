import 'server-only';
import type { TTx } from '@/server/db';
import { dateOnly, fromDateOnly } from '@/server/today';

/**
 * Takes the organisation's row lock: every change to its assignments or staff runs one after another, so a new
 * compound and a new staff member written at once both end up with their grants (decision 045).
 */
export async function lockOrganization(tx: TTx, organizationId: number) {
  const rows = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM "Organization" WHERE id = ${organizationId} FOR UPDATE`;
  return rows.length > 0;
}

/**
 * Keeps a property firm's staff grants in step with the firm (decision 045): each staff member with an account holds
 * PROPERTY_FIRM_STAFF at each compound the firm serves, from the later of the assignment's first day and the day the
 * grant is made, to the assignment's last day. A grant whose member left, or whose assignment ended sooner, ends with it.
 * Issue routing (findHandler) and every permission check read these grants as they read any other.
 */
export async function syncFirmStaffGrants(tx: TTx, organizationId: number, by: { userId: number; today: string }) {
  const [assignments, members, grants] = await Promise.all([
    tx.organizationAssignment.findMany({
      where: { organizationId, relation: 'PROPERTY_SERVICE', compoundId: { not: null } },
      select: { id: true, compoundId: true, startsOn: true, endsOn: true },
    }),
    tx.organizationMember.findMany({
      where: { organizationId, staff: true },
      select: { leftOn: true, person: { select: { user: { select: { id: true } } } } },
    }),
    tx.roleGrant.findMany({
      where: { organizationAssignment: { organizationId }, revokedAt: null },
      select: { id: true, userId: true, organizationAssignmentId: true, startsOn: true, endsOn: true },
    }),
  ]);
  const iso = (d: Date | null) => (d ? fromDateOnly(d) : null);
  const earlier = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a < b ? a : b);
  const want = new Map<string, { userId: number; assignmentId: number; compoundId: number; startsOn: string; endsOn: string | null }>();
  for (const m of members) {
    const userId = m.person.user?.id;
    // Left the firm on or before today: no grant from now on (a departing employee loses the compounds at once).
    if (userId === undefined || (m.leftOn && iso(m.leftOn)! <= by.today)) continue;
    for (const a of assignments) {
      const endsOn = earlier(iso(a.endsOn), iso(m.leftOn));
      const startsOn = iso(a.startsOn)! > by.today ? iso(a.startsOn)! : by.today;
      if (endsOn !== null && endsOn < startsOn) continue;
      want.set(`${userId}:${a.id}`, { userId, assignmentId: a.id, compoundId: a.compoundId!, startsOn, endsOn });
    }
  }
  for (const g of grants) {
    const w = want.get(`${g.userId}:${g.organizationAssignmentId}`);
    if (w) {
      want.delete(`${g.userId}:${g.organizationAssignmentId}`);
      if (iso(g.endsOn) !== w.endsOn)
        await tx.roleGrant.update({ where: { id: g.id }, data: { endsOn: w.endsOn ? dateOnly(w.endsOn) : null } });
    } else {
      // Left the firm, or the assignment ended before the grant began: the grant ends (or never begins).
      const endsOn = by.today < fromDateOnly(g.startsOn) ? fromDateOnly(g.startsOn) : by.today;
      await tx.roleGrant.update({ where: { id: g.id }, data: { revokedAt: new Date(), endsOn: dateOnly(endsOn) } });
    }
  }
  for (const w of want.values()) {
    await tx.roleGrant.create({
      data: {
        userId: w.userId,
        role: 'PROPERTY_FIRM_STAFF',
        placeLevel: 'COMPOUND',
        placeId: w.compoundId,
        startsOn: dateOnly(w.startsOn),
        endsOn: w.endsOn ? dateOnly(w.endsOn) : null,
        grantedById: by.userId,
        organizationAssignmentId: w.assignmentId,
      },
    });
  }
}
