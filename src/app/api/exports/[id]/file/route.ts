import { getSessionUser } from '@/server/auth/session';
import { UseCaseError } from '@/server/errors';
import { exportFile } from '@/server/stats/export';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The finished workbook, for the one who asked for it. */
export async function GET(_: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await getSessionUser();
  if (!user || !/^\d{1,9}$/.test(id)) return new Response('Not found', { status: 404 });
  try {
    const f = await exportFile(user.id, Number(id));
    return new Response(new Uint8Array(f.bytes), {
      headers: { 'Content-Type': XLSX, 'Content-Disposition': `attachment; filename="export-${id}.xlsx"; filename*=UTF-8''${encodeURIComponent(f.fileName)}`, 'Cache-Control': 'private, no-store' },
    });
  } catch (e) {
    if (e instanceof UseCaseError) return new Response('Not found', { status: 404 });
    throw e;
  }
}
