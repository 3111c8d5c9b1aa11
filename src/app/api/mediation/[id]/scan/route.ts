import { z } from 'zod';
import { handler, ZRouteId } from '@/features/shared/handler';
import { contentDisposition, storedType } from '@/server/files/file-types';
import { agreementScan } from '@/server/mediation/agreement';

/**
 * The signed agreement's scan (issue 21, decision 064): for the case's staff and its parties, through requireCase; a staff
 * download is audited (mediation.readScan). Anyone else — and a case that does not exist — gets the same plain 404.
 */
export const GET = handler({
  who: 'signed-in',
  input: z.object({ id: ZRouteId }),
  run: async (by, { id }) => {
    const r = await agreementScan(by, Number(id));
    if (!r) return new Response('Not found', { status: 404 });
    // Served as the type its bytes were checked to be when it was stored; confidential, so never cached.
    const type = storedType(r.key)?.mime ?? 'application/octet-stream';
    const headers = {
      'Content-Type': type,
      'Content-Disposition': contentDisposition(type, r.name),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    };
    return new Response(new Uint8Array(r.bytes), { headers });
  },
});
