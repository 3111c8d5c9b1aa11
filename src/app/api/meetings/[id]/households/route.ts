import { z } from 'zod';
import { handler, ZRouteId } from '@/features/shared/handler';
import { householdPanelFor } from '@/server/meetings/households';

/** The households panel's figures (应到 N 户 / 实到 M 户, quorum): counts only, for those who run the meeting (decision 068). */
export const GET = handler({
  who: 'signed-in',
  input: z.object({ id: ZRouteId }),
  run: async (by, { id }) => Response.json(await householdPanelFor(by, id), { headers: { 'Cache-Control': 'private, no-store' } }),
});
