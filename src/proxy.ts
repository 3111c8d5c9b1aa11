import createMiddleware from 'next-intl/middleware';
import { routing } from './i18n/routing';

// Locale negotiation only. This is comfort, never security: every action and read checks
// permissions on the server (src/server/authz).
export default createMiddleware(routing);

export const config = {
  matcher: ['/((?!api|_next|_vercel|.*\\..*).*)'],
};
