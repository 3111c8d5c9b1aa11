import { byOf } from '@/features/shared/guards';
import { getSessionUser } from '@/server/auth/session';
import { getIssuePhoto } from '@/server/issues/read-issues';

/** A photo of an issue, for whoever may see the issue; 404 for everyone else. */
export async function GET(_: Request, { params }: { params: Promise<{ id: string; photoId: string }> }) {
  const { id, photoId } = await params;
  const user = await getSessionUser();
  if (!user || !/^\d{1,9}$/.test(id) || !/^\d{1,9}$/.test(photoId)) return new Response('Not found', { status: 404 });
  const bytes = await getIssuePhoto(byOf(user), Number(id), Number(photoId));
  if (!bytes) return new Response('Not found', { status: 404 });
  return new Response(new Uint8Array(bytes), { headers: { 'Content-Type': 'image/jpeg', 'Cache-Control': 'private, max-age=3600', 'X-Content-Type-Options': 'nosniff' } });
}
