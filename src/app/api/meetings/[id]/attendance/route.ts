import { byOf } from '@/features/shared/guards';
import { getSessionUser } from '@/server/auth/session';
import { UseCaseError } from '@/server/errors';
import { attendancePanelFor } from '@/server/meetings/attendance';

/** The live panel's figures (应到/实到, quorum): counts only, for its organisers and those invited (decision 031). */
export async function GET(_: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await getSessionUser();
  if (!/^\d{1,9}$/.test(id) || !user) return new Response('Not found', { status: 404 });
  try {
    return Response.json(await attendancePanelFor(byOf(user), Number(id)), { headers: { 'Cache-Control': 'private, no-store' } });
  } catch (e) {
    if (e instanceof UseCaseError) return new Response('Not found', { status: 404 });
    throw e;
  }
}
