import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import { votersOf, type TUnit } from '@/domain/votes/owners';
import type { TTx } from '@/server/db';

/**
 * The owners of some buildings as they vote (SPC interpretation arts. 8–9, rules.md §3): each owner once with the area of
 * all their units, the developer's unsold or undelivered units together once (key 0), parking in the area only when the
 * compound says so. One roll for an owners' assembly's motion and an owners' election.
 */
export async function ownersRoll(tx: TTx, buildings: Prisma.BuildingWhereInput, parkingCountsInArea: boolean) {
  const households = await tx.household.findMany({
    where: { building: buildings },
    select: {
      id: true,
      areaCentiM2: true,
      use: true,
      developerHeld: true,
      ownerships: { where: { isVoter: true }, select: { personId: true } },
    },
  });
  const units: TUnit[] = households.flatMap((h): TUnit[] => {
    const voter: TUnit['voter'] | undefined = h.developerHeld ? 'DEVELOPER' : h.ownerships[0]?.personId;
    return voter === undefined ? [] : [{ id: h.id, areaCentiM2: h.areaCentiM2, voter, isParking: h.use === 'PARKING' }];
  });
  const areas = votersOf(units, { parkingCountsInArea });
  const count = new Map<number | 'DEVELOPER', number>();
  for (const u of units) count.set(u.voter, (count.get(u.voter) ?? 0) + 1);
  return [...areas].map(([k, area]) => ({ voterKey: k === 'DEVELOPER' ? 0 : k, areaCentiM2: area, units: count.get(k) ?? 0 }));
}
