import { z } from 'zod';
import { handler, ZRouteId } from '@/features/shared/handler';
import { boardPhoto } from '@/server/disclosure/events';

/** The notice-board photo of a filed slot, for those who may read the slot; 404 for everyone else. */
export const GET = handler({
  who: 'signed-in',
  input: z.object({ id: ZRouteId }),
  run: async (by, { id }) => {
    const bytes = await boardPhoto(by, id);
    if (!bytes) return new Response('Not found', { status: 404 });
    return new Response(new Uint8Array(bytes), {
      headers: { 'Content-Type': 'image/jpeg', 'Cache-Control': 'private, max-age=3600', 'X-Content-Type-Options': 'nosniff' },
    });
  },
});
