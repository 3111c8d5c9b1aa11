import { z } from 'zod';
import { handler, ZRouteId } from '@/features/shared/handler';
import { contentDisposition, storedType } from '@/server/files/file-types';
import { expenseReceipt } from '@/server/notices/receipt';

/** An expense's receipt: public with the finance page (财务公开), before that for staff of its place only (decision 031). */
export const GET = handler({
  who: 'public',
  input: z.object({ id: ZRouteId }),
  run: async (_, { id }, ctx) => {
    // No cookie, no session to look up (a visitor; and the route can be called outside a page's request scope).
    const r = await expenseReceipt(await ctx.viewer(), id);
    if (!r) return new Response('Not found', { status: 404 });
    // Served as the type its bytes were checked to be when it was stored (its key's extension says which).
    const type = storedType(r.key)?.mime ?? 'application/octet-stream';
    const disposition = contentDisposition(type, r.name ?? `receipt-${id}`);
    const cache = r.cacheable ? 'public, max-age=86400' : 'private, no-store';
    const headers = {
      'Content-Type': type,
      'Content-Disposition': disposition,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': cache,
    };
    return new Response(new Uint8Array(r.bytes), { headers });
  },
});
