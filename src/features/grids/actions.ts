'use server';
import { command, say } from '@/features/shared/command';
import { assignBuildings, createGrid, linkPartyOrg, removeGrid, renameGrid } from '@/server/grids/grids';
import { attachWorker, chooseCentralHousehold, endCentralHousehold, endDuty, setContacts } from '@/server/grids/people';
import {
  parseBuildingWas,
  ZAssignBuildings,
  ZAttachWorker,
  ZBuildingWas,
  ZChooseCentralHousehold,
  ZCreateGrid,
  ZEndTerm,
  ZIds,
  ZLinkPartyOrg,
  ZRemoveGrid,
  ZRenameGrid,
  ZSetContacts,
} from './schemas';

// A community's grids (issue 18 item 3): each use case checks grid.manage below the actor's level (mayBuild).
const saved = () => say('admin', 'saved');

export const createGridAction = command({ who: 'grid.manage', input: ZCreateGrid, run: createGrid, done: saved, refresh: true });

export const renameGridAction = command({
  who: 'grid.manage',
  input: ZRenameGrid,
  run: (by, { gridId, name }) => renameGrid(by, gridId, name),
  done: saved,
  refresh: true,
});

export const removeGridAction = command({
  who: 'grid.manage',
  input: ZRemoveGrid,
  run: (by, { gridId }) => removeGrid(by, gridId),
  done: saved,
  refresh: true,
});

export const assignBuildingsAction = command({
  who: 'grid.manage',
  input: ZAssignBuildings,
  run: (by, input, ctx) =>
    assignBuildings(by, { ...input, buildings: ZBuildingWas.parse(ctx.form.getAll('buildings')).map(parseBuildingWas) }),
  done: saved,
  refresh: true,
});

export const attachWorkerAction = command({ who: 'grid.manage', input: ZAttachWorker, run: attachWorker, done: saved, refresh: true });

export const endDutyAction = command({
  who: 'grid.manage',
  input: ZEndTerm,
  run: (by, { id, endsOn }) => endDuty(by, { dutyId: id, endsOn }),
  done: saved,
  refresh: true,
});

export const linkPartyOrgAction = command({ who: 'grid.manage', input: ZLinkPartyOrg, run: linkPartyOrg, done: saved, refresh: true });

export const chooseCentralHouseholdAction = command({
  who: 'grid.manage',
  input: ZChooseCentralHousehold,
  run: (by, input, ctx) => chooseCentralHousehold(by, { ...input, householdIds: ZIds.parse(ctx.form.getAll('householdIds')) }),
  done: saved,
  refresh: true,
});

export const endCentralHouseholdAction = command({
  who: 'grid.manage',
  input: ZEndTerm,
  run: (by, { id, endsOn }) => endCentralHousehold(by, { centralHouseholdId: id, endsOn }),
  done: saved,
  refresh: true,
});

export const setContactsAction = command({
  who: 'grid.manage',
  input: ZSetContacts,
  run: (by, { centralHouseholdId }, ctx) =>
    setContacts(by, { centralHouseholdId, householdIds: ZIds.parse(ctx.form.getAll('householdIds')) }),
  done: saved,
  refresh: true,
});
