import { z } from 'zod';
import { handler, ZRouteId } from '@/features/shared/handler';
import { hostsPanelFor } from '@/server/meetings/hosts';

/** A joint meeting's hosts panel: each host's 应到/实到 and quorum, counts only, for its organisers and those invited (decision 066). */
export const GET = handler({
  who: 'signed-in',
  input: z.object({ id: ZRouteId }),
  run: async (by, { id }) => Response.json(await hostsPanelFor(by, id), { headers: { 'Cache-Control': 'private, no-store' } }),
});
