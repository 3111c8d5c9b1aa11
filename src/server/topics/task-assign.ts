import 'server-only';
import type { TBy } from '@/server/accounts/by';
import { getDb, type TTx } from '@/server/db';
import { refuse } from '@/server/errors';
import { dateOnly, inForceOn } from '@/server/today';
import { stakeholderPersonIds } from './standing';
import { loadTopic, requireStep } from './topic-core';
import type { TTaskOwner } from './task-owners';

/** The owner as the task form picks it: a person (who must have an account), an organisation or a body. */
export type TOwnerChoice =
  { kind: 'PERSON'; personId: number } | { kind: 'ORGANIZATION'; organizationId: number } | { kind: 'BODY'; bodyId: number };

type TPlace = { id: number; communityId: number; compoundId: number | null };

/** People of the topic's community: residents and owners of its homes, staff holding a role there, the topic's stakeholders. */
export async function inCommunity(tx: TTx, topic: TPlace, personIds: number[], today: string): Promise<Set<number>> {
  const home = { household: { building: { compound: { communityId: topic.communityId } } } };
  const compounds = (await tx.compound.findMany({ where: { communityId: topic.communityId }, select: { id: true } })).map((c) => c.id);
  const buildings = (await tx.building.findMany({ where: { compoundId: { in: compounds } }, select: { id: true } })).map((b) => b.id);
  const [owners, residents, staff] = await Promise.all([
    tx.ownership.findMany({ where: { personId: { in: personIds }, ...home }, select: { personId: true } }),
    tx.residency.findMany({
      where: { personId: { in: personIds }, ...home, OR: [{ until: null }, { until: { gte: dateOnly(today) } }] },
      select: { personId: true },
    }),
    tx.user.findMany({
      where: {
        personId: { in: personIds },
        grants: {
          some: {
            revokedAt: null,
            ...inForceOn(today),
            AND: {
              OR: [
                { placeLevel: 'COMMUNITY', placeId: topic.communityId },
                { placeLevel: 'COMPOUND', placeId: { in: compounds } },
                { placeLevel: 'BUILDING', placeId: { in: buildings } },
              ],
            },
          },
        },
      },
      select: { personId: true },
    }),
  ]);
  const stakeholders = await stakeholderPersonIds(topic.id);
  return new Set([...owners, ...residents, ...staff].map((r) => r.personId).concat(personIds.filter((p) => stakeholders.has(p))));
}

/** Assignments of organisations serving the topic's place today: its compound's, or the community's own. */
export const servingOn = (topic: TPlace, today: string) => ({
  communityId: topic.communityId,
  ...(topic.compoundId ? { OR: [{ compoundId: topic.compoundId }, { compoundId: null }] } : {}),
  startsOn: { lte: dateOnly(today) },
  AND: { OR: [{ endsOn: null }, { endsOn: { gte: dateOnly(today) } }] },
});

/** Bodies of the topic's place: the community's own and, for a compound's topic, that compound's. */
export const bodiesOf = (topic: TPlace) => ({
  communityId: topic.communityId,
  ...(topic.compoundId ? { OR: [{ compoundId: topic.compoundId }, { compoundId: null }] } : {}),
});

/**
 * Checks that the chosen owner belongs to the topic's place (decision 053) and returns it with the name shown as
 * "responsible". Refused: a person outside the community or without an account, an organisation not serving the
 * place today, a body of another place.
 */
export async function resolveOwner(
  tx: TTx,
  topic: TPlace,
  choice: TOwnerChoice,
  today: string,
): Promise<{ owner: TTaskOwner; name: string }> {
  switch (choice.kind) {
    case 'PERSON': {
      const person =
        (await tx.person.findUnique({ where: { id: choice.personId }, include: { user: true } })) ?? refuse('topic.ownerOutside');
      if (!(await inCommunity(tx, topic, [person.id], today)).has(person.id)) refuse('topic.ownerOutside');
      const user = person.user && !person.user.disabledAt ? person.user : refuse('topic.ownerNoAccount');
      return { owner: { kind: 'PERSON', userId: user.id }, name: person.name };
    }
    case 'ORGANIZATION': {
      const org =
        (await tx.organization.findFirst({
          where: { id: choice.organizationId, assignments: { some: servingOn(topic, today) } },
          select: { id: true, name: true },
        })) ?? refuse('topic.ownerNotServing');
      return { owner: { kind: 'ORGANIZATION', organizationId: org.id }, name: org.name };
    }
    case 'BODY': {
      const body =
        (await tx.body.findFirst({ where: { id: choice.bodyId, ...bodiesOf(topic) }, select: { id: true, name: true } })) ??
        refuse('topic.ownerElsewhere');
      return { owner: { kind: 'BODY', bodyId: body.id }, name: body.name };
    }
  }
}

/** A phone number shown on a choice list: the last four digits only. */
const lastFour = (phone: string | null) => (phone ? `尾号${phone.slice(-4)}` : '');

/**
 * Who may own a task of this topic, for the task form (those running the TASKS step): the organisations serving the
 * place today, the bodies of the place, and — when `query` (a name or a phone number) is given — people with an
 * account in the community who match it (at most 20).
 */
export async function ownerCandidates(by: TBy, topicId: number, query = '') {
  const t = await loadTopic(by, topicId);
  requireStep(t, 'TASKS');
  const db = getDb();
  const [organizations, bodies] = await Promise.all([
    db.organization.findMany({
      where: { assignments: { some: servingOn(t.topic, by.today) } },
      select: { id: true, name: true },
      orderBy: { id: 'asc' },
    }),
    db.body.findMany({ where: bodiesOf(t.topic), select: { id: true, name: true }, orderBy: { id: 'asc' } }),
  ]);
  const q = query.trim().slice(0, 30);
  const found = q
    ? await db.person.findMany({
        where: {
          user: { disabledAt: null },
          OR: [{ name: { contains: q } }, { phone: { contains: q } }, { user: { phone: { contains: q } } }],
        },
        select: { id: true, name: true, user: { select: { phone: true } } },
        orderBy: { id: 'asc' },
        take: 200,
      })
    : [];
  const inside = await db.$transaction((tx) =>
    inCommunity(
      tx,
      t.topic,
      found.map((p) => p.id),
      by.today,
    ),
  );
  return {
    organizations: organizations.map((o) => ({ value: `o:${o.id}`, label: o.name })),
    bodies: bodies.map((b) => ({ value: `b:${b.id}`, label: b.name })),
    people: found
      .filter((p) => inside.has(p.id))
      .slice(0, 20)
      .map((p) => ({ value: `p:${p.id}`, label: `${p.name} ${lastFour(p.user?.phone ?? null)}`.trim() })),
  };
}
