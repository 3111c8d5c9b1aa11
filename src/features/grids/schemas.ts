import { z } from 'zod';
import { ZDate, ZId } from '@/features/shared/forms';

const ZOptionalId = z
  .string()
  .optional()
  .transform((s) => (s ? Number(s) : null))
  .pipe(z.number().int().positive().nullable());
const ZName = z.string().trim().min(1, 'field.required').max(40, 'field.required');
const ZOptionalDate = z
  .string()
  .optional()
  .transform((s) => s || null)
  .pipe(ZDate.nullable());

export const ZCreateGrid = z.object({ communityId: ZId, name: ZName, parentId: ZOptionalId });
export const ZRenameGrid = z.object({ gridId: ZId, name: ZName });
export const ZRemoveGrid = z.object({ gridId: ZId });

/** "buildingId:gridIdItWasIn" ("12:" when in no grid), one per ticked building (read with getAll). */
export const ZBuildingWas = z.array(z.string().regex(/^\d+:\d*$/, 'field.choice'));
/** Where the ticked buildings go: a grid, or "none" (out of every grid); nothing chosen is refused. */
export const ZAssignBuildings = z.object({
  communityId: ZId,
  gridId: z.union([z.literal('none').transform(() => null), ZId]),
});

export const ZAttachWorker = z.object({
  gridId: ZId,
  userId: ZId,
  title: z.string().trim().max(20).default(''),
  startsOn: ZDate,
  endsOn: ZOptionalDate,
});
export const ZEndTerm = z.object({ id: ZId, endsOn: ZDate });
export const ZLinkPartyOrg = z.object({ gridId: ZId, partyOrgId: ZId });
export const ZChooseCentralHousehold = z.object({
  gridId: ZId,
  partyMemberId: ZId,
  startsOn: ZDate,
  endsOn: ZOptionalDate,
});
export const ZSetContacts = z.object({ centralHouseholdId: ZId });
/** The households ticked (read with getAll). */
export const ZIds = z.array(ZId);

export const parseBuildingWas = (s: string) => {
  const [id, was] = s.split(':');
  return { id: Number(id), was: was ? Number(was) : null };
};
