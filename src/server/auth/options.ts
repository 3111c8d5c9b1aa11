import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { normalisePhone } from '@/domain/shared/phone';
import { getDb } from '@/server/db';
import { verifyPassword } from './password';
import { recordSignInFailure, recordSignInSuccess, signInBlockedFor } from './rate-limit';

/** The client's address: the first X-Forwarded-For hop set by the reverse proxy, else "direct". */
function clientAddress(headers: Record<string, string | string[] | undefined> | undefined): string {
  const forwarded = headers?.['x-forwarded-for'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  return first || String(headers?.['x-real-ip'] ?? 'direct');
}

export const authOptions: NextAuthOptions = {
  // Sessions are signed, HTTP-only cookies (JWT): no session state on any server (decisions/009).
  session: { strategy: 'jwt', maxAge: 30 * 24 * 60 * 60 },
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

/**
 * The credentials check, rate-limited per account and per address. Returns the user for the session,
 * null for a wrong number or password (one answer for both), or throws "rate_limited:<minutes>".
 */
export async function authorizeCredentials(
  credentials: Record<string, string> | undefined,
  headers: Record<string, string | string[] | undefined> | undefined,
): Promise<{ id: string; sv: number } | null> {
  const phone = normalisePhone(credentials?.phone ?? '');
  const password = credentials?.password ?? '';
  const address = clientAddress(headers);
  const key = phone ?? `invalid:${credentials?.phone ?? ''}`.slice(0, 60);
  const wait = await signInBlockedFor(key, address);
  if (wait > 0) throw new Error(`rate_limited:${Math.ceil(wait / 60)}`);
  const user = phone
    ? await getDb().user.findUnique({ where: { phone }, select: { id: true, passwordHash: true, sessionVersion: true, disabledAt: true } })
    : null;
  // Same answer, and about the same time, whether the number is unknown or the password wrong.
  const ok = await verifyPassword(password, user && !user.disabledAt ? user.passwordHash : null);
  if (!ok || !user) {
    await recordSignInFailure(key, address);
    return null;
  }
  await recordSignInSuccess(key);
  await getDb().user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  return { id: String(user.id), sv: user.sessionVersion };
}
