import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { clientOf } from './client';
import { checkCredentials } from './check-credentials';
import { DEVICE_COOKIE } from './device';

export const SESSION_MAX_AGE = 30 * 24 * 60 * 60;

export const authOptions: NextAuthOptions = {
  // Sessions are signed, HTTP-only cookies (JWT): no session state on any server (decisions/009).
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE },
  pages: { signIn: '/signin' },
  providers: [
    CredentialsProvider({
      name: 'phone',
      credentials: { phone: { type: 'tel' }, password: { type: 'password' } },
      authorize: (credentials, req) => authorizeCredentials(credentials, req?.headers as Record<string, string> | undefined),
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.sv = (user as unknown as { sv: number }).sv;
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, uid: token.uid as number, sv: token.sv as number };
    },
  },
};

/** The cookie a request carries, from next-auth's header record. */
function cookieOf(headers: Record<string, string | string[] | undefined> | undefined, name: string) {
  const raw = headers?.cookie;
  const all = Array.isArray(raw) ? raw.join('; ') : (raw ?? '');
  return all
    .split(/;\s*/)
    .find((c) => c.startsWith(`${name}=`))
    ?.slice(name.length + 1);
}

/**
 * The credentials check behind next-auth's endpoint; the sign-in form posts to /api/signin, which runs the
 * same `checkCredentials`. Returns the user, null for a wrong number or password (one answer for both), or
 * throws "rate_limited:<minutes>" / "unavailable".
 */
export async function authorizeCredentials(
  credentials: Record<string, string> | undefined,
  headers: Record<string, string | string[] | undefined> | undefined,
): Promise<{ id: string; sv: number } | null> {
  const r = await checkCredentials(
    credentials?.phone ?? '',
    credentials?.password ?? '',
    clientOf(headers),
    cookieOf(headers, DEVICE_COOKIE),
  );
  if (r.kind === 'limited') throw new Error(`rate_limited:${r.minutes}`);
  if (r.kind === 'unavailable') throw new Error('unavailable');
  return r.kind === 'ok' ? { id: String(r.userId), sv: r.sv } : null;
}
