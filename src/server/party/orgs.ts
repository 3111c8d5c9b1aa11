import 'server-only';
import { mergeRefusal, parentRefusal, placeRefusal, type TPartyOrgKind } from '@/domain/party/levels';
import type { TBy } from '@/server/accounts/by';
import { writeAudit } from '@/server/audit';
import { getDb, type TTx } from '@/server/db';
import { refuse } from '@/server/errors';
import { dateOnly } from '@/server/today';
import { partyOrgAncestry, requireBuild, resolvePlaces } from './places';

/** A unique index said no: the same name among the place's active organisations (index "PartyOrg_active_name"). */
const nameTaken = (e: unknown) => {
  if ((e as { code?: string }).code === 'P2002') refuse('partyOrg.nameTaken');
  throw e;
};

/** Reads an organisation under a row lock, refusing one that does not exist like one the actor may not touch. */
export async function lockOrg(tx: TTx, id: number) {
  await tx.$queryRaw`SELECT id FROM "PartyOrg" WHERE id = ${id} FOR UPDATE`;
  return (await tx.partyOrg.findUnique({ where: { id } })) ?? refuse('auth.forbidden');
}

/**
 * Holds an organisation that takes a member against its dissolution or merge for the rest of the transaction (which
 * lock it FOR UPDATE): a member never lands in an organisation dissolved at that moment.
 */
export async function holdOpenOrg(tx: TTx, id: number) {
  const [org] = await tx.$queryRaw<{ dissolvedOn: Date | null }[]>`SELECT "dissolvedOn" FROM "PartyOrg" WHERE id = ${id} FOR SHARE`;
  if (!org || org.dissolvedOn) refuse('partyOrg.dissolved');
}

export type TCreatePartyOrg = { kind: TPartyOrgKind; name: string; placeId: number; parentId?: number };

/**
 * Sets up a party organisation at its place: a street's 党工委 (by the district), a community's 党委 or 党总支 (by the
 * street), a grid or compound branch (by the community), a building group (by the compound branch). A parent, if named,
 * ranks above it and contains its place.
 */
export async function createPartyOrgIn(tx: TTx, by: TBy, input: TCreatePartyOrg) {
  const places = (await resolvePlaces(tx, input.kind, input.placeId)) ?? refuse('auth.forbidden');
  requireBuild(by, input.kind, partyOrgAncestry({ compoundId: null, buildingId: null, communityId: null, ...places }));
  const name = input.name.trim() || refuse('partyOrg.nameRequired');
  const misplaced = placeRefusal(input.kind, places);
  if (misplaced) refuse(misplaced);
  if (input.parentId !== undefined) {
    // Locked: a dissolution or merge of the parent at this moment waits, then sees this child (and refuses), or goes
    // first and this is refused — never a child under a dissolved parent.
    await tx.$queryRaw`SELECT id FROM "PartyOrg" WHERE id = ${input.parentId} FOR UPDATE`;
    const parent = await tx.partyOrg.findUnique({ where: { id: input.parentId } });
    if (!parent || parent.dissolvedOn) refuse('partyOrg.dissolved');
    const wrongLevel = parentRefusal(input.kind, parent!.kind);
    if (wrongLevel) refuse(wrongLevel);
    const contains =
      parent!.streetId === places.streetId &&
      (parent!.communityId === null || parent!.communityId === places.communityId) &&
      (parent!.compoundId === null || parent!.compoundId === places.compoundId);
    if (!contains) refuse('partyOrg.parentElsewhere');
  }
  const org = await tx.partyOrg.create({ data: { kind: input.kind, name, parentId: input.parentId, ...places } }).catch(nameTaken);
  await writeAudit(tx, {
    actorId: by.userId,
    actorLabel: by.label,
    action: 'partyOrg.create',
    entityType: 'PartyOrg',
    entityId: org.id,
    after: { kind: org.kind, name, parentId: org.parentId, streetId: org.streetId, communityId: org.communityId },
    communityId: org.communityId,
    streetId: org.streetId,
    compoundId: org.compoundId,
  });
  return org;
}

export const createPartyOrg = (by: TBy, input: TCreatePartyOrg) => getDb().$transaction((tx) => createPartyOrgIn(tx, by, input));

/** A new name from today; the former one is kept (PartyOrgFormerName, decision 043). */
export async function renamePartyOrg(by: TBy, input: { partyOrgId: number; name: string }) {
  return getDb().$transaction(async (tx) => {
    const org = await lockOrg(tx, input.partyOrgId);
    requireBuild(by, org.kind, partyOrgAncestry(org));
    if (org.dissolvedOn) refuse('partyOrg.dissolved');
    const name = input.name.trim() || refuse('partyOrg.nameRequired');
    if (name === org.name) return org;
    await tx.partyOrgFormerName.create({ data: { partyOrgId: org.id, name: org.name, until: dateOnly(by.today) } });
    const renamed = await tx.partyOrg.update({ where: { id: org.id }, data: { name } }).catch(nameTaken);
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: 'partyOrg.rename',
      entityType: 'PartyOrg',
      entityId: org.id,
      before: { name: org.name },
      after: { name },
      communityId: org.communityId,
      streetId: org.streetId,
      compoundId: org.compoundId,
    });
    return renamed;
  });
}

/** Ends every open post of an organisation on a day (a dissolved or merged organisation has no officers). */
async function endPosts(tx: TTx, partyOrgId: number, day: string) {
  return tx.partyOrgMember.updateMany({ where: { partyOrgId, endsOn: null }, data: { endsOn: dateOnly(day) } });
}

/**
 * Dissolves an organisation from today. Its rows stay (shown as dissolved); its posts end. Refused while it still has
 * members or active organisations under it: they move first (a merge moves both).
 */
export async function dissolvePartyOrg(by: TBy, input: { partyOrgId: number }) {
  return getDb().$transaction(async (tx) => {
    const org = await lockOrg(tx, input.partyOrgId);
    requireBuild(by, org.kind, partyOrgAncestry(org));
    if (org.dissolvedOn) refuse('partyOrg.dissolved');
    if (await tx.partyMember.count({ where: { partyOrgId: org.id } })) refuse('partyOrg.hasMembers');
    if (await tx.partyOrg.count({ where: { parentId: org.id, dissolvedOn: null } })) refuse('partyOrg.hasChildren');
    const ended = await endPosts(tx, org.id, by.today);
    const dissolved = await tx.partyOrg.update({ where: { id: org.id }, data: { dissolvedOn: dateOnly(by.today) } });
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: 'partyOrg.dissolve',
      entityType: 'PartyOrg',
      entityId: org.id,
      before: { dissolvedOn: null },
      after: { dissolvedOn: by.today, postsEnded: ended.count },
      communityId: org.communityId,
      streetId: org.streetId,
      compoundId: org.compoundId,
    });
    return dissolved;
  });
}

/**
 * Merges one organisation into another of the same level: its members and the organisations under it move to the
 * target (the audit row names every member moved), its posts end, and it stays as dissolved with `mergedIntoId`.
 * Both rows are locked in id order, so two merges at once (A into B, B into A) cannot both go through.
 */
export async function mergePartyOrgs(by: TBy, input: { fromId: number; intoId: number }) {
  return getDb().$transaction(async (tx) => {
    const [first, second] = [input.fromId, input.intoId].sort((x, y) => x - y);
    const locked = [await lockOrg(tx, first!), await lockOrg(tx, second!)];
    const from = locked.find((o) => o.id === input.fromId)!;
    const into = locked.find((o) => o.id === input.intoId)!;
    requireBuild(by, from.kind, partyOrgAncestry(from));
    requireBuild(by, into.kind, partyOrgAncestry(into));
    const refused = mergeRefusal(
      { id: from.id, kind: from.kind, dissolved: from.dissolvedOn !== null },
      { id: into.id, kind: into.kind, dissolved: into.dissolvedOn !== null },
    );
    if (refused) refuse(refused);
    const children = await tx.partyOrg.findMany({ where: { parentId: from.id, dissolvedOn: null } });
    const contained = children.every(
      (c) =>
        c.streetId === into.streetId &&
        (into.communityId === null || c.communityId === into.communityId) &&
        (into.compoundId === null || c.compoundId === into.compoundId),
    );
    if (!contained) refuse('partyOrg.hasChildren');
    const members = await tx.partyMember.findMany({ where: { partyOrgId: from.id }, select: { id: true, personId: true } });
    await tx.partyMember.updateMany({ where: { partyOrgId: from.id }, data: { partyOrgId: into.id } });
    await tx.partyOrg.updateMany({ where: { parentId: from.id, dissolvedOn: null }, data: { parentId: into.id } });
    const ended = await endPosts(tx, from.id, by.today);
    await tx.partyOrg.update({ where: { id: from.id }, data: { dissolvedOn: dateOnly(by.today), mergedIntoId: into.id } });
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: 'partyOrg.merge',
      entityType: 'PartyOrg',
      entityId: from.id,
      before: { partyOrgId: from.id, name: from.name },
      after: {
        mergedIntoId: into.id,
        into: into.name,
        membersMoved: members.map((m) => m.id),
        childrenMoved: children.map((c) => c.id),
        postsEnded: ended.count,
      },
      communityId: from.communityId,
      streetId: from.streetId,
      compoundId: from.compoundId,
    });
    return { moved: members.length, children: children.length };
  });
}
