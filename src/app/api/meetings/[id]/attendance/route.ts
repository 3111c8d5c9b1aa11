import { getSessionUser } from '@/server/auth/session';
import { attendancePanel } from '@/server/meetings/attendance';

/** The live panel's figures (应到/实到, quorum): counts only, for signed-in users. */
export async function GET(_: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^\d{1,9}$/.test(id) || !(await getSessionUser())) return new Response('Not found', { status: 404 });
  try {
    return Response.json(await attendancePanel(Number(id)), { headers: { 'Cache-Control': 'no-store' } });
  } catch {
    return new Response('Not found', { status: 404 });
  }
}
