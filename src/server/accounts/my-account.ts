import 'server-only';
import { getDb } from '@/server/db';

/** What a user sees of their own account: their claims with the household's address. */
export async function getMyClaims(userId: number) {
  return getDb().householdClaim.findMany({
    where: { userId },
    orderBy: { createdAt: 'desc' },
    select: {
      id: true, status: true, relation: true, rejectReason: true,
      household: { select: { unitNo: true, roomNo: true, building: { select: { name: true, compound: { select: { name: true } } } } } },
    },
  });
}
