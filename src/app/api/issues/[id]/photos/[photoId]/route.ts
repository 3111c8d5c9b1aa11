import { z } from 'zod';
import { handler, ZRouteId } from '@/features/shared/handler';
import { getIssuePhoto } from '@/server/issues/read-issues';

/** A photo of an issue, for whoever may see the issue; 404 for everyone else. */
export const GET = handler({
  who: 'signed-in',
  input: z.object({ id: ZRouteId, photoId: ZRouteId }),
  run: async (by, { id, photoId }) => {
    const bytes = await getIssuePhoto(by, id, photoId);
    if (!bytes) return new Response('Not found', { status: 404 });
    return new Response(new Uint8Array(bytes), {
      headers: { 'Content-Type': 'image/jpeg', 'Cache-Control': 'private, max-age=3600', 'X-Content-Type-Options': 'nosniff' },
    });
  },
});
