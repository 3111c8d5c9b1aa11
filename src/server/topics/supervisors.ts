import 'server-only';
import type { TAncestry } from '@/domain/territory/places';
import type { TSupervisionLevel } from '@/domain/topics/supervision';
import type { Role } from '@/generated/prisma/client';
import type { TTx } from '@/server/db';
import { inForceOn } from '@/server/today';

type TPlaceLevel = 'COMPOUND' | 'COMMUNITY' | 'STREET';

async function staffAt(tx: TTx, roles: Role[], placeLevel: TPlaceLevel, placeId: number | null, today: string): Promise<number[]> {
  if (placeId === null) return [];
  const grants = await tx.roleGrant.findMany({
    where: { revokedAt: null, ...inForceOn(today), role: { in: roles }, placeLevel, placeId },
    select: { userId: true },
  });
  return grants.map((g) => g.userId);
}

/**
 * Who chases a topic's late task or step at each level (decision 049): the topic's secretaries always (the community's
 * secretary and staff, the compound's branch secretary who runs its steps); the street's staff once it reached the street.
 */
export async function supervisorsOf(
  tx: TTx,
  topic: { communityId: number; compoundId: number | null; streetId: number },
  level: TSupervisionLevel,
  today: string,
): Promise<number[]> {
  const out = [
    ...(await staffAt(tx, ['COMMUNITY_SECRETARY', 'RESIDENTS_COMMITTEE_STAFF'], 'COMMUNITY', topic.communityId, today)),
    ...(await staffAt(tx, ['BRANCH_SECRETARY'], 'COMPOUND', topic.compoundId, today)),
  ];
  if (level === 'STREET') out.push(...(await staffAt(tx, ['STREET_STAFF'], 'STREET', topic.streetId, today)));
  return [...new Set(out)];
}

/** Where topic.supervise must be held for a late matter: a matter escalated to the street is the street's alone. */
export function supervisionScope(ancestry: TAncestry, level: TSupervisionLevel): TAncestry {
  return level === 'STREET' ? { district: ancestry.district, street: ancestry.street } : ancestry;
}
