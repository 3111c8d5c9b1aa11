import { z } from 'zod';
import { handler, ZRouteId } from '@/features/shared/handler';
import { getTaskPhoto } from '@/server/topics/read-topic';

/** A photo of a task's progress, for whoever may read the topic; 404 for everyone else. */
export const GET = handler({
  who: 'signed-in',
  input: z.object({ id: ZRouteId, updateId: ZRouteId, n: ZRouteId }),
  run: async (by, { id, updateId, n }) => {
    const bytes = await getTaskPhoto(by, id, updateId, n);
    if (!bytes) return new Response('Not found', { status: 404 });
    return new Response(new Uint8Array(bytes), {
      headers: { 'Content-Type': 'image/jpeg', 'Cache-Control': 'private, max-age=3600', 'X-Content-Type-Options': 'nosniff' },
    });
  },
});
