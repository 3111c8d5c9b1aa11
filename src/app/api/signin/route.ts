import { encode } from 'next-auth/jwt';
import { landingAfterSignIn } from '@/features/accounts/landing';
import { handler } from '@/features/shared/handler';
import { safeNext } from '@/i18n/labels';
import { checkCredentials } from '@/server/auth/check-credentials';
import { clientOf } from '@/server/auth/client';
import { crossSite } from '@/server/auth/cross-site';
import { DEVICE_COOKIE, DEVICE_MAX_AGE, deviceCookieFor, isKnownDevice } from '@/server/auth/device';
import { SESSION_MAX_AGE } from '@/server/auth/options';

/**
 * The sign-in form posts here (method="post"), with or without JavaScript: the password travels in the body,
 * never in the address. Success sets the session cookie and goes on (303); a refusal goes back to the form
 * with a code, never with the number or the password.
 */
export const POST = handler({
  who: 'public',
  run: async (_, __, { req }) => {
    // Sign-in from another site's page is refused (login CSRF): browsers say where the form came from.
    if (crossSite(req.headers)) return new Response('Forbidden', { status: 403 });
    const fd = await req.formData().catch(() => new FormData());
    const str = (k: string) => (typeof fd.get(k) === 'string' ? (fd.get(k) as string) : '');
    const signinPath = safeNext(str('form'), '/signin');
    // The page one was sent from; none: a landing chosen by who signs in (issue 20).
    const next = safeNext(str('next'), '');
    const cookies = new Map(
      (req.headers.get('cookie') ?? '')
        .split(/;\s*/)
        .filter(Boolean)
        .map((c) => [c.slice(0, c.indexOf('=')), c.slice(c.indexOf('=') + 1)] as const),
    );
    const r = await checkCredentials(str('phone'), str('password'), clientOf(req.headers), cookies.get(DEVICE_COOKIE));
    const back = (error: string, minutes?: number) => {
      const q = new URLSearchParams({ error, ...(next ? { next } : {}), ...(minutes ? { minutes: String(minutes) } : {}) });
      return new Response(null, { status: 303, headers: { Location: `${signinPath}?${q}`, 'Cache-Control': 'no-store' } });
    };
    if (r.kind === 'limited') return back('limited', r.minutes);
    if (r.kind === 'unavailable') return back('unavailable');
    if (r.kind === 'wrong') return back('failed');
    const secure = (process.env.NEXTAUTH_URL ?? '').startsWith('https://');
    const token = await encode({
      token: { uid: r.userId, sv: r.sv, sub: String(r.userId) },
      secret: process.env.NEXTAUTH_SECRET!,
      maxAge: SESSION_MAX_AGE,
    });
    const flags = `Path=/; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
    const headers = new Headers({ Location: next || (await landingAfterSignIn(r.userId, r.sv, signinPath)), 'Cache-Control': 'no-store' });
    headers.append('Set-Cookie', `${secure ? '__Secure-' : ''}next-auth.session-token=${token}; Max-Age=${SESSION_MAX_AGE}; ${flags}`);
    if (!isKnownDevice(cookies.get(DEVICE_COOKIE), r.userId)) {
      headers.append('Set-Cookie', `${DEVICE_COOKIE}=${deviceCookieFor(r.userId)}; Max-Age=${DEVICE_MAX_AGE}; ${flags}`);
    }
    return new Response(null, { status: 303, headers });
  },
});
