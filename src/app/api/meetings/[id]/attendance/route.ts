import { z } from 'zod';
import { handler, ZRouteId } from '@/features/shared/handler';
import { attendancePanelFor } from '@/server/meetings/attendance';

/** The live panel's figures (应到/实到, quorum): counts only, for its organisers and those invited (decision 031). */
export const GET = handler({
  who: 'signed-in',
  input: z.object({ id: ZRouteId }),
  run: async (by, { id }) => Response.json(await attendancePanelFor(by, id), { headers: { 'Cache-Control': 'private, no-store' } }),
});
