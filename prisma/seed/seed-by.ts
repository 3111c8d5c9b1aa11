// Who acts in a seed stage that calls the use cases: a demo staff account, with the role grants it holds, read inside
// the stage's transaction (as loadActor reads them for a request).
import type { TGrant } from '../../src/domain/authz/can.ts';
import type { Prisma, PrismaClient } from '../../src/generated/prisma/client.ts';
import { loadActor } from '../../src/server/auth/actor.ts';
import type { TBy } from '../../src/server/accounts/by.ts';
import { PLACE_LEVEL_DOMAIN } from '../../src/server/places/ancestry.ts';
import { fromDateOnly, today } from '../../src/server/today.ts';

export async function seedBy(tx: Prisma.TransactionClient, phone: string): Promise<TBy> {
  const user = await tx.user.findUniqueOrThrow({
    where: { phone },
    select: {
      id: true,
      personId: true,
      person: { select: { name: true } },
      grants: { where: { revokedAt: null }, select: { role: true, placeLevel: true, placeId: true, startsOn: true, endsOn: true } },
    },
  });
  const grants: TGrant[] = user.grants.map((g) => ({
    role: g.role,
    place: { level: PLACE_LEVEL_DOMAIN[g.placeLevel], id: g.placeId },
    startsOn: fromDateOnly(g.startsOn),
    endsOn: g.endsOn ? fromDateOnly(g.endsOn) : null,
  }));
  return { userId: user.id, personId: user.personId, label: user.person.name, actor: { userId: user.id, grants }, today: today() };
}

/** Anyone with a demo login, with every role loadActor derives (a resident's home, party membership): for stages outside a transaction. */
export async function seedActor(db: PrismaClient, phone: string): Promise<TBy> {
  const u = await db.user.findUniqueOrThrow({ where: { phone }, select: { id: true, person: { select: { name: true } } } });
  return { userId: u.id, label: u.person.name, actor: await loadActor(u.id, db), today: today() };
}
