import { z } from 'zod';
import { handler, ZRouteId } from '@/features/shared/handler';
import { cardPicture } from '@/server/share/card-image';
import { SHARED_KINDS, shareCard } from '@/server/share/cards';

/** The picture of a shared link (og:image): public like the page it shows, 404 for anything else (decision 055). */
export const GET = handler({
  who: 'public',
  input: z.object({ kind: z.enum(SHARED_KINDS), id: ZRouteId }),
  run: async (_, { kind, id }) => {
    const card = await shareCard(kind, id);
    if (!card) return new Response('Not found', { status: 404 });
    return new Response(new Uint8Array(await cardPicture(card)), {
      headers: { 'Content-Type': 'image/png', 'Cache-Control': 'public, max-age=300' },
    });
  },
});
