/**
 * Brings a database to the state the app needs: migrations applied, the real divisions loaded,
 * and (unless YISHI_DEMO=off) the demo data — each only once. Used by `npm start` and by the tests.
 */
import { PrismaPg } from '@prisma/adapter-pg';
import { seedDemo } from '../prisma/seed/index.ts';
import { PrismaClient } from '../src/generated/prisma/client.ts';
import { loadDivisions } from '../src/server/territory/load-divisions.ts';
import { ensureIssueCategories } from '../src/server/issues/categories.ts';
import { ensureProcedures } from '../src/server/topics/procedures.ts';
import { refreshStats } from '../src/server/stats/refresh.ts';
import { applyMigrations } from './db/migrations.ts';

export async function prepareDatabase(url: string, opts: { demo: boolean; log?: (s: string) => void }) {
  const log = opts.log ?? (() => {});
  const applied = await applyMigrations(url);
  if (applied.length) log(`migrations applied: ${applied.join(', ')}`);
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  try {
    const loaded = await loadDivisions(db);
    if (loaded) log(`administrative divisions loaded: ${loaded} communities`);
    if (await ensureIssueCategories(db)) log('issue categories loaded');
    if (await ensureProcedures(db)) log('procedure templates loaded');
    if (opts.demo && (await seedDemo(db))) log('demo data loaded');
    // The dashboards' rollups, brought up to date before the first page (the job keeps them so).
    await refreshStats(new Date(), db);
  } finally {
    await db.$disconnect();
  }
}
