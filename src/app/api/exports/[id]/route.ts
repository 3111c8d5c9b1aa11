import { getSessionUser } from '@/server/auth/session';
import { UseCaseError } from '@/server/errors';
import { exportStatus } from '@/server/stats/export';

/** An export's progress, for the progress bar; only the one who asked for it may see it. */
export async function GET(_: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await getSessionUser();
  if (!user || !/^\d{1,9}$/.test(id)) return new Response('Not found', { status: 404 });
  try {
    return Response.json(await exportStatus(user.id, Number(id)), { headers: { 'Cache-Control': 'no-store' } });
  } catch (e) {
    if (e instanceof UseCaseError) return new Response('Not found', { status: 404 });
    throw e;
  }
}
