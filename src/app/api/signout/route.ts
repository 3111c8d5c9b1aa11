import { handler } from '@/features/shared/handler';
import { safeNext } from '@/i18n/labels';
import { endSessions } from '@/server/accounts/sign-out';
import { crossSite } from '@/server/auth/cross-site';

/**
 * The sign-out button posts here (method="post"), with or without JavaScript: every session of the account
 * ends (decision 031), then this browser's session cookie is cleared and the visitor goes on (303).
 */
export const POST = handler({
  who: 'public',
  run: async (_, __, { req, viewer }) => {
    // Only this site's pages sign anyone out: another site cannot end a resident's sessions behind their back.
    if (crossSite(req.headers)) return new Response('Forbidden', { status: 403 });
    const fd = await req.formData().catch(() => new FormData());
    const to = safeNext(typeof fd.get('to') === 'string' ? (fd.get('to') as string) : '', '/');
    const by = await viewer();
    if (by) await endSessions({ id: by.userId, label: by.label });
    const headers = new Headers({ Location: to, 'Cache-Control': 'no-store' });
    for (const name of ['next-auth.session-token', '__Secure-next-auth.session-token']) {
      headers.append('Set-Cookie', `${name}=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax${name.startsWith('__Secure-') ? '; Secure' : ''}`);
    }
    return new Response(null, { status: 303, headers });
  },
});
