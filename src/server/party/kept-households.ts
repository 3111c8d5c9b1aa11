import 'server-only';
import type { TTx } from '@/server/db';
import { dateOnly } from '@/server/today';

type TLinkDb = Pick<TTx, 'contactLink' | 'residency'>;

/** The active links a person keeps: as a person (officer, building head) or as a resident of a keeping household. */
export async function linksKeptBy(db: TLinkDb, personId: number, day?: string) {
  const homes = (await db.residency.findMany({ where: { personId, until: null }, select: { householdId: true } })).map(
    (r) => r.householdId,
  );
  const current = day ? { startsOn: { lte: dateOnly(day) }, OR: [{ endsOn: null }, { endsOn: { gte: dateOnly(day) } }] } : { endsOn: null };
  return db.contactLink.findMany({
    where: { AND: [current, { OR: [{ keeperPersonId: personId }, ...(homes.length ? [{ keeperHouseholdId: { in: homes } }] : [])] }] },
    select: {
      id: true,
      kind: true,
      startsOn: true,
      endsOn: true,
      keptHousehold: { select: { id: true, buildingId: true } },
      keptPerson: {
        select: { residencies: { where: { until: null }, select: { household: { select: { id: true, buildingId: true } } } } },
      },
    },
    orderBy: { id: 'asc' },
  });
}

/** The households behind a link: the kept household, or the homes of the kept person (a building head). */
export function householdsOf(link: Awaited<ReturnType<typeof linksKeptBy>>[number]) {
  return link.keptHousehold ? [link.keptHousehold] : (link.keptPerson?.residencies.map((r) => r.household) ?? []);
}

/** Is the household kept in touch with by this person today (per-household check, decision 051)? */
export async function keepsHousehold(db: TLinkDb, personId: number, householdId: number, day: string) {
  const links = await linksKeptBy(db, personId, day);
  return links.some((l) => householdsOf(l).some((h) => h.id === householdId));
}
