import { byOf } from '@/features/shared/guards';
import { getSessionUser } from '@/server/auth/session';
import { getTaskPhoto } from '@/server/topics/read-topic';

/** A photo of a task's progress, for whoever may read the topic; 404 for everyone else. */
export async function GET(_: Request, { params }: { params: Promise<{ id: string; updateId: string; n: string }> }) {
  const { id, updateId, n } = await params;
  const user = await getSessionUser();
  if (!user || ![id, updateId, n].every((x) => /^\d{1,9}$/.test(x))) return new Response('Not found', { status: 404 });
  const bytes = await getTaskPhoto(byOf(user), Number(id), Number(updateId), Number(n));
  if (!bytes) return new Response('Not found', { status: 404 });
  return new Response(new Uint8Array(bytes), { headers: { 'Content-Type': 'image/jpeg', 'Cache-Control': 'private, max-age=3600', 'X-Content-Type-Options': 'nosniff' } });
}
