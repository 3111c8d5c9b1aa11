import { defineConfig } from 'prisma/config';

// Only `prisma generate` uses this file: migrations run through scripts/db/migrate.ts with the
// WebAssembly schema engine (no binary download; docs/decisions/003-migrations-without-binaries.md).
export default defineConfig({
  schema: 'prisma/schema',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost/unused' },
});
