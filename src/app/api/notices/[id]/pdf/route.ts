import { getTranslations } from 'next-intl/server';
import { UseCaseError } from '@/server/errors';
import { noticePdf } from '@/server/notices/print';
import { getNoticeView } from '@/server/notices/read-board';

/** A notice as an A4 PDF, public like the notice. */
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^\d{1,9}$/.test(id)) return new Response('Not found', { status: 404 });
  const n = await getNoticeView(Number(id), null);
  if (!n) return new Response('Not found', { status: 404 });
  const url = new URL(`/board/n/${n.id}`, req.url).toString();
  try {
    const pdf = await noticePdf(n, url);
    return new Response(new Uint8Array(pdf), { headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': `inline; filename="notice-${n.id}.pdf"`, 'Cache-Control': 'public, max-age=300' } });
  } catch (e) {
    if (e instanceof UseCaseError) return new Response((await getTranslations({ locale: 'zh-CN', namespace: 'errors' }))(e.code as 'unexpected'), { status: 503, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    throw e;
  }
}
