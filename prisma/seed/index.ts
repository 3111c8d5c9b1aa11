/**
 * Demo data for the scenario places of shared/domain/scenarios.md, built with the test factories.
 * Runs once per database (flag "demo-seed"), in one transaction: it is all there or not at all.
 */
import type { PrismaClient } from '../../src/generated/prisma/client.ts';
import { NameSource } from '../../tests/factories/names.ts';
import { seedAccounts } from './accounts.ts';
import { seedBeiyuan } from './beiyuan.ts';
import { seedIssueChannels, seedIssues } from './issues.ts';
import { seedTopics } from './topics.ts';
import { seedJinsha } from './jinsha.ts';
import { seedLongtangliang } from './longtangliang.ts';
import { seedOucheng } from './oucheng.ts';

export const DEMO_FLAG = 'demo-seed';
export const DEMO_ACCOUNTS_FLAG = 'demo-accounts';

/** Loads what is missing of the demo: places first, then accounts (a separate flag, so that demo
 * databases made before accounts existed receive them). Returns true when anything was loaded. */
export async function seedDemo(db: PrismaClient): Promise<boolean> {
  const places = await seedPlaces(db);
  const accounts = await db.$transaction(
    async (tx) => {
      if (await tx.systemFlag.findUnique({ where: { key: DEMO_ACCOUNTS_FLAG } })) return false;
      await seedAccounts(tx);
      await tx.systemFlag.create({ data: { key: DEMO_ACCOUNTS_FLAG, value: 'demo logins' } });
      await tx.auditLog.create({ data: { actorLabel: 'system:seed', action: 'demo.accounts', entityType: 'Demo', entityId: 'accounts' } });
      return true;
    },
    { timeout: 60_000 },
  );
  const issues = await db.$transaction(
    async (tx) => {
      if (await tx.systemFlag.findUnique({ where: { key: 'demo-issues' } })) return false;
      if ((await tx.issueCategory.count()) === 0) return false; // categories are loaded before the demo
      await seedIssues(tx, new Date());
      await tx.systemFlag.create({ data: { key: 'demo-issues', value: 'S3' } });
      return true;
    },
    { timeout: 60_000 },
  );
  const channels = await db.$transaction(
    async (tx) => {
      if (await tx.systemFlag.findUnique({ where: { key: 'demo-issue-channels' } })) return false;
      if (!(await tx.systemFlag.findUnique({ where: { key: 'demo-issues' } }))) return false;
      await seedIssueChannels(tx, new Date());
      await tx.systemFlag.create({ data: { key: 'demo-issue-channels', value: 'open311, desk entry, district settings' } });
      return true;
    },
    { timeout: 60_000 },
  );
  const topics = await db.$transaction(
    async (tx) => {
      if (await tx.systemFlag.findUnique({ where: { key: 'demo-topics' } })) return false;
      if (!(await tx.systemFlag.findUnique({ where: { key: 'demo-issues' } })) || (await tx.procedure.count()) === 0) return false;
      await seedTopics(tx, new Date());
      await tx.systemFlag.create({ data: { key: 'demo-topics', value: 'S2, S4' } });
      return true;
    },
    { timeout: 60_000 },
  );
  return places || accounts || issues || channels || topics;
}

async function seedPlaces(db: PrismaClient): Promise<boolean> {
  return db.$transaction(
    async (tx) => {
      if (await tx.systemFlag.findUnique({ where: { key: DEMO_FLAG } })) return false;
      const names = new NameSource(2017);
      const places = {
        beiyuan: await seedBeiyuan(tx, names),
        longtangliang: await seedLongtangliang(tx, names),
        jinsha: await seedJinsha(tx, names),
        oucheng: await seedOucheng(tx, names),
      };
      await tx.systemFlag.create({ data: { key: DEMO_FLAG, value: 'scenarios S1–S6' } });
      await tx.auditLog.create({
        data: {
          actorLabel: 'system:seed',
          action: 'demo.seed',
          entityType: 'Demo',
          entityId: 'scenarios',
          after: Object.fromEntries(Object.entries(places).map(([k, v]) => [k, v.compoundId])),
        },
      });
      return true;
    },
    { timeout: 120_000 },
  );
}
