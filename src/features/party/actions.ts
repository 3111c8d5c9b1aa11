'use server';
import { PARTY_ORG_LEVEL } from '@/domain/party/levels';
import { command, say } from '@/features/shared/command';
import { refuse } from '@/server/errors';
import { appointOfficer, endOfficer } from '@/server/party/officers';
import { assignContact, endContact } from '@/server/party/contact-chain';
import { createPartyOrg, dissolvePartyOrg, mergePartyOrgs, renamePartyOrg } from '@/server/party/orgs';
import {
  ZAssignContact,
  ZEndContact,
  ZAppointOfficer,
  ZCreatePartyOrg,
  ZDissolvePartyOrg,
  ZEndOfficer,
  ZMergePartyOrgs,
  ZRenamePartyOrg,
} from './schemas';

// Party organisations (decision 043): every use case checks mayBuild at the organisation's own level.
const saved = () => say('admin', 'saved');

export const createPartyOrgAction = command({
  who: 'partyOrg.manage',
  input: ZCreatePartyOrg,
  run: (by, { place, ...input }) => {
    const [level, id] = place.split(':');
    if (level !== PARTY_ORG_LEVEL[input.kind]) refuse('partyOrg.wrongPlace');
    return createPartyOrg(by, { ...input, placeId: Number(id) });
  },
  done: saved,
  refresh: true,
});

export const renamePartyOrgAction = command({
  who: 'partyOrg.manage',
  input: ZRenamePartyOrg,
  run: (by, input) => renamePartyOrg(by, input),
  done: saved,
  refresh: true,
});

export const dissolvePartyOrgAction = command({
  who: 'partyOrg.manage',
  input: ZDissolvePartyOrg,
  run: (by, input) => dissolvePartyOrg(by, input),
  done: saved,
  refresh: true,
});

export const mergePartyOrgsAction = command({
  who: 'partyOrg.manage',
  input: ZMergePartyOrgs,
  run: (by, input) => mergePartyOrgs(by, input),
  done: saved,
  refresh: true,
});

export const appointOfficerAction = command({
  who: 'partyOrg.manage',
  input: ZAppointOfficer,
  run: (by, input) => appointOfficer(by, input),
  done: saved,
  refresh: true,
});

export const endOfficerAction = command({
  who: 'partyOrg.manage',
  input: ZEndOfficer,
  run: (by, input) => endOfficer(by, input),
  done: saved,
  refresh: true,
});

// The contact chain (decision 051): the use cases check the branch's secretary or partyMember/partyOrg.manage there.
export const assignContactAction = command({
  // A branch secretary by office may hold no grant at all (decision 051): the use case decides who keeps the chain.
  who: 'signed-in',
  input: ZAssignContact,
  run: (by, input) => assignContact(by, input),
  done: saved,
  refresh: true,
});

export const endContactAction = command({
  who: 'signed-in',
  input: ZEndContact,
  run: (by, input) => endContact(by, input),
  done: saved,
  refresh: true,
});
