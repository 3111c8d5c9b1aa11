import { z } from 'zod';
import { handler, ZRouteId } from '@/features/shared/handler';
import { exportStatus } from '@/server/stats/export';

/** An export's progress, for the progress bar; only the one who asked for it may see it. */
export const GET = handler({
  who: 'signed-in',
  input: z.object({ id: ZRouteId }),
  run: async (by, { id }) => Response.json(await exportStatus(by.userId, id), { headers: { 'Cache-Control': 'no-store' } }),
});
