'use server';
import { command, say } from '@/features/shared/command';
import { refuse } from '@/server/errors';
import { ancestryOf } from '@/server/places/ancestry';
import { appointMember, createBody, endMembership } from '@/server/territory-admin/bodies';
import { createBuilding, createCompound, saveHousehold, updateBuilding, updateCompound } from '@/server/territory-admin/compounds';
import { createCommunity, createStreet, renameStreet, updateCommunity } from '@/server/territory-admin/divisions';
import { savePartyMember } from '@/server/territory-admin/party-members';
import {
  ZAppoint,
  ZBody,
  ZBuilding,
  ZCreateCommunity,
  ZCreateCompound,
  ZCreateStreet,
  ZEndMembership,
  ZHousehold,
  ZPartyMember,
  ZRenameStreet,
  ZUpdateBuilding,
  ZUpdateCommunity,
  ZUpdateCompound,
} from './schemas';

// Places, bodies and party members: the permission each use case checks at the place the form names.
const saved = () => say('admin', 'saved');

export const createCompoundAction = command({
  who: 'territory.manage',
  input: ZCreateCompound,
  run: (by, { communityId, ...input }) => createCompound(by, communityId, input),
  done: async (c) => ({ ...(await saved()), data: { id: c.id } }),
  refresh: true,
});

export const updateCompoundAction = command({
  who: 'territory.manage',
  input: ZUpdateCompound,
  run: (by, { compoundId, ...input }) => updateCompound(by, compoundId, input),
  done: saved,
  refresh: true,
});

export const createBuildingAction = command({
  who: 'territory.manage',
  input: ZBuilding,
  run: (by, { compoundId, ...input }) => createBuilding(by, compoundId, input),
  done: saved,
  refresh: true,
});

export const updateBuildingAction = command({
  who: 'territory.manage',
  input: ZUpdateBuilding,
  run: (by, { buildingId, ...input }) => updateBuilding(by, buildingId, input),
  done: saved,
  refresh: true,
});

export const saveHouseholdAction = command({
  who: 'territory.manage',
  input: ZHousehold,
  run: (by, input) => saveHousehold(by, { ...input, areaCentiM2: input.area }),
  done: saved,
  refresh: true,
});

export const createBodyAction = command({
  who: 'body.manage',
  input: ZBody,
  run: async (by, input) => {
    const compound = input.compoundId ? await ancestryOf({ level: 'compound', id: input.compoundId }) : null;
    const communityId = compound?.community ?? input.communityId ?? refuse('auth.forbidden');
    return createBody(by, {
      kind: input.kind,
      name: input.name,
      seats: input.seats,
      termStartsOn: input.termStartsOn,
      termEndsOn: input.termEndsOn,
      communityId,
      compoundId: input.scope === 'compound' && compound ? input.compoundId : undefined,
    });
  },
  done: saved,
  refresh: true,
});

export const appointMemberAction = command({
  who: 'body.manage',
  input: ZAppoint,
  run: (by, input) => appointMember(by, input),
  done: saved,
  refresh: true,
});

export const endMembershipAction = command({
  who: 'body.manage',
  input: ZEndMembership,
  run: (by, input) => endMembership(by, input),
  done: saved,
  refresh: true,
});

export const savePartyMemberAction = command({
  who: 'partyMember.manage',
  input: ZPartyMember,
  run: (by, input) => savePartyMember(by, input),
  done: saved,
  refresh: true,
});

export const createStreetAction = command({
  who: 'territory.manage',
  input: ZCreateStreet,
  run: (by, input) => createStreet(by, input),
  done: saved,
  refresh: true,
});

export const renameStreetAction = command({
  who: 'territory.manage',
  input: ZRenameStreet,
  run: (by, input) => renameStreet(by, input),
  done: saved,
  refresh: true,
});

export const createCommunityAction = command({
  who: 'territory.manage',
  input: ZCreateCommunity,
  run: (by, input) => createCommunity(by, input),
  done: saved,
  refresh: true,
});

export const updateCommunityAction = command({
  who: 'territory.manage',
  input: ZUpdateCommunity,
  run: (by, input) => updateCommunity(by, input),
  done: saved,
  refresh: true,
});
