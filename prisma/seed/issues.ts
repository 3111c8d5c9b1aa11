// Demo issues (S3 and the street's view): one handled within two days and rated, one waiting.
import type { Prisma } from '../../src/generated/prisma/client.ts';
import { createApiKey, createIssueWithHistory } from '../../tests/factories/issues.ts';
import { dateOnly } from '../../src/server/today.ts';
import { seedS3Handling } from './handoff.ts';

export async function seedIssues(tx: Prisma.TransactionClient, now: Date) {
  const reporter = await tx.user.findUniqueOrThrow({ where: { phone: '13900006003' } });
  const head = await tx.user.findUniqueOrThrow({ where: { phone: '13900006002' } });
  const building3 = await tx.building.findFirstOrThrow({ where: { name: '3栋', compound: { name: '金沙小区' } } });
  const day = 24 * 3600_000;
  await seedS3Handling(tx, now);
  await createIssueWithHistory(tx, {
    categoryCode: 'ENVIRONMENT',
    title: '3栋楼下垃圾桶满溢',
    description: '垃圾桶两天没清运，有异味。',
    compoundId: building3.compoundId,
    buildingId: building3.id,
    authorUserId: reporter.id,
    anonymous: true,
    assigneeUserId: head.id,
    createdAt: new Date(now.getTime() - 3600_000),
    acknowledgeBy: new Date(now.getTime() + 3 * 3600_000),
    resolveBy: new Date(now.getTime() + 3 * day),
    steps: [],
  });
}

/** The demo key of 双流区's Open311 API, printed in the README's tour (demo data only). */
export const DEMO_API_KEY = 'ys_demo_shuangliu_12345';

/**
 * The other ways issues arrive and the district's settings: a hotline call posted through Open311
 * to 欧城花园, a walk-in entered by 金沙社区's grid worker, 双流区's own category and a 2027 day.
 */
export async function seedIssueChannels(tx: Prisma.TransactionClient, now: Date) {
  const admin = await tx.user.findUniqueOrThrow({ where: { phone: '13900004001' } });
  const grid = await tx.user.findUniqueOrThrow({ where: { phone: '13900006001' }, include: { person: true } });
  const oucheng = await tx.compound.findFirstOrThrow({ where: { name: '欧城花园' } });
  const jinsha = await tx.compound.findFirstOrThrow({ where: { name: '金沙小区' } });
  const key = await createApiKey(tx, {
    districtId: oucheng.districtId,
    name: '演示：成都市12345热线',
    secret: DEMO_API_KEY,
    createdById: admin.id,
  });
  await tx.issueCategory.create({
    data: {
      code: 'LIFT',
      districtId: oucheng.districtId,
      nameZh: '电梯故障',
      nameEn: 'Lift breakdown',
      handlerRole: 'BRANCH_SECRETARY',
      acknowledgeMinutes: 30,
      resolveWorkingDays: 1,
      remindBeforeMinutes: 15,
      // People stuck in a lift at 06:06 cannot wait for the office to open at 09:00 (decision 047).
      aroundTheClock: true,
      resolveMinutes: 240,
    },
  });
  await tx.calendarDay.create({
    data: {
      districtId: oucheng.districtId,
      date: dateOnly('2027-01-01'),
      kind: 'HOLIDAY',
      note: '元旦（2027 年安排公布前先录入）',
      createdById: admin.id,
    },
  });
  const hour = 3600_000;
  await createIssueWithHistory(tx, {
    categoryCode: 'PARKING',
    title: '欧城花园东门外车辆乱停',
    description: '12345 来电：东门外人行道上每天晚上停满车，老人推轮椅过不去。',
    compoundId: oucheng.id,
    authorUserId: null,
    channel: 'OPEN311',
    apiKeyId: key.id,
    reporterName: '孙先生',
    reporterPhone: '13712345678',
    submittedBy: '演示：成都市12345热线（12345/Open311）',
    createdAt: new Date(now.getTime() - 5 * hour),
    acknowledgeBy: new Date(now.getTime() - hour),
    resolveBy: new Date(now.getTime() + 48 * hour),
    steps: [],
  });
  await createIssueWithHistory(tx, {
    categoryCode: 'ENVIRONMENT',
    title: '2栋后面绿化带有人种菜',
    description: '入户走访时赵大爷反映：2栋后面绿化带被挖开种菜，施肥气味大。',
    compoundId: jinsha.id,
    authorUserId: null,
    channel: 'STAFF_ENTRY',
    enteredById: grid.id,
    reporterName: '赵大爷',
    reporterPhone: '13755556666',
    assigneeUserId: grid.id,
    submittedBy: `${grid.person.name}（代赵大爷登记）`,
    createdAt: new Date(now.getTime() - 2 * hour),
    acknowledgeBy: new Date(now.getTime() + 2 * hour),
    resolveBy: new Date(now.getTime() + 72 * hour),
    steps: [],
  });
}
