import { z } from 'zod';
import { handler, ZRouteId } from '@/features/shared/handler';
import { contentDisposition } from '@/server/files/file-types';
import { noticeAttachment } from '@/server/notices/attachment';

/** A notice's attachment, public like the notice; served with the type it was checked to be, PDFs and office files as downloads. */
export const GET = handler({
  who: 'public',
  input: z.object({ id: ZRouteId, attachmentId: ZRouteId }),
  run: async (_, { id, attachmentId }) => {
    const a = await noticeAttachment(id, attachmentId);
    if (!a) return new Response('Not found', { status: 404 });
    const headers = {
      'Content-Type': a.mime,
      'Content-Disposition': contentDisposition(a.mime, a.name),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'public, max-age=86400, immutable',
    };
    return new Response(new Uint8Array(a.bytes), { headers });
  },
});
