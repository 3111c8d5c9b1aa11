import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { publicUrl } from '@/env';
import { handler, ZRouteId } from '@/features/shared/handler';
import { noticePdf } from '@/server/notices/print';
import { getNoticeView } from '@/server/notices/read-board';

/** A notice as an A4 PDF, public like the notice. */
export const GET = handler({
  who: 'public',
  input: z.object({ id: ZRouteId }),
  run: async (_, { id }) => {
    const n = await getNoticeView(id, null);
    if (!n) return new Response('Not found', { status: 404 });
    const pdf = await noticePdf(n, publicUrl(`/board/n/${n.id}`));
    return new Response(new Uint8Array(pdf), {
      headers: {
        'Content-Type': 'application/pdf',
        'Content-Disposition': `inline; filename="notice-${n.id}.pdf"`,
        'Cache-Control': 'public, max-age=300',
      },
    });
  },
  // The PDF renderer unavailable (a refusal of print.ts): said plainly, in Chinese, as before.
  refused: async (e) => {
    const t = await getTranslations({ locale: 'zh-CN', namespace: 'errors' });
    return new Response(t(e.code as 'unexpected'), { status: 503, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  },
});
