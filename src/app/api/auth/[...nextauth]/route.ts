import NextAuth from 'next-auth';
import { handler } from '@/features/shared/handler';
import { authOptions } from '@/server/auth/options';

// next-auth's own endpoints (CSRF token, session, providers): it authenticates by itself.
const nextAuth = NextAuth(authOptions) as (req: Request, ctx: unknown) => Promise<Response>;
const run = async (_: null, __: unknown, { req, route }: { req: Request; route: unknown }) => nextAuth(req, route);

export const GET = handler({ who: 'public', run });
export const POST = handler({ who: 'public', run });
