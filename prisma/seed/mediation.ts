// Issue 21 (decisions 062–065), through the use cases: 欧城花园's pet dispute, raised by 赵建平 as an issue and mediated
// by the compound's branch secretary with a professional studio (至和调解工作室) — one session held back to back, the next
// scheduled; 金沙小区's water leak between two floors of building 3, mediated by the grid worker, the agreement signed
// (its scan attached) and found kept at the follow-up visit. And one open 邻里纠纷 issue at 欧城花园 for the tour.
import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import type { PrismaClient } from '../../src/generated/prisma/client.ts';
import { draftAgreement, signAgreement } from '../../src/server/mediation/agreement.ts';
import { recordFollowUp } from '../../src/server/mediation/follow-up.ts';
import { addMediator } from '../../src/server/mediation/mediators.ts';
import { addParty } from '../../src/server/mediation/parties.ts';
import { receiveCase } from '../../src/server/mediation/receive.ts';
import { recordSession, scheduleSession } from '../../src/server/mediation/sessions.ts';
import { assignOrganizationIn } from '../../src/server/organisations/assignments.ts';
import { createFirmStaffAccountIn } from '../../src/server/organisations/firm-staff.ts';
import { registerOrganizationIn } from '../../src/server/organisations/register.ts';
import { CHINA_OFFSET_MS, today } from '../../src/server/today.ts';
import { createIssueWithHistory } from '../../tests/factories/issues.ts';
import { seedActor } from './seed-by.ts';

export const MEDIATION_FLAG = 'demo-mediation';
export const STUDIO = '至和调解工作室';
/** The open 邻里纠纷 issue the tour (and the journey test) turns into a case. */
export const OPEN_DISPUTE = '楼上装修噪音每天早上七点开始';

/** Midnight of China's calendar day of `now`, as an instant. */
const chinaMidnight = (now: Date) => new Date(Date.parse(`${today(now)}T00:00:00Z`) - CHINA_OFFSET_MS);
/** Earlier today (China's day): two hours ago, or just after midnight when it is not yet two. */
const earlierToday = (now: Date) => new Date(Math.max(now.getTime() - 2 * 3600_000, chinaMidnight(now).getTime() + 60_000));

/** The owner of a household in a building, and the household (the roster's first owner). */
async function ownerIn(db: PrismaClient, where: { compound: string; building?: string; phone?: string; skip?: number }) {
  const o = await db.ownership.findFirstOrThrow({
    where: {
      household: { building: { compound: { name: where.compound }, ...(where.building ? { name: where.building } : {}) } },
      ...(where.phone ? { person: { phone: where.phone } } : {}),
    },
    orderBy: { id: 'asc' },
    skip: where.skip ?? 0,
    select: { personId: true, householdId: true },
  });
  return o;
}

/** Runs once (a flag), after the accounts, organisations and issues stages, with the use cases reading this database. */
export async function seedMediation(db: PrismaClient, now = new Date()): Promise<boolean> {
  if (await db.systemFlag.findUnique({ where: { key: MEDIATION_FLAG } })) return false;
  for (const ready of ['demo-accounts', 'demo-issues', 'demo-organisations', 'demo-party-first'])
    if (!(await db.systemFlag.findUnique({ where: { key: ready } }))) return false;
  const holder = globalThis as unknown as { yishiDb?: PrismaClient };
  const had = holder.yishiDb;
  holder.yishiDb = db;
  try {
    await oucheng(db, now);
    await jinsha(db, now);
  } finally {
    holder.yishiDb = had;
  }
  await db.systemFlag.create({ data: { key: MEDIATION_FLAG, value: '欧城花园 pet dispute, 金沙 water leak' } });
  return true;
}

async function oucheng(db: PrismaClient, now: Date) {
  const [zhou, zhao] = [await seedActor(db, '13900002002'), await seedActor(db, '13900009502')];
  const compound = await db.compound.findFirstOrThrow({
    where: { name: '欧城花园' },
    include: { community: { include: { street: true } } },
  });
  const neighbour = await db.issueCategory.findFirstOrThrow({ where: { code: 'NEIGHBOUR', districtId: null } });
  // The studio serves 棠湖社区; its mediator has a staff account (no grant: they act on the cases they are named on).
  const studio = await db.$transaction(async (tx) => {
    const admin = await seedActor(db, '13900004001');
    const org = await registerOrganizationIn(tx, admin, compound.community.street.districtId, {
      kind: 'MEDIATION_STUDIO',
      name: STUDIO,
      hasPartyOrg: false,
    });
    await assignOrganizationIn(tx, admin, {
      organizationId: org.id,
      relation: 'SERVICE',
      place: { level: 'community', id: compound.communityId },
      startsOn: '2025-01-01',
    });
    const { userId } = await createFirmStaffAccountIn(tx, zhou, {
      organizationId: org.id,
      name: '贺至和',
      phone: '13900009663',
      title: '首席调解员',
    });
    return { org, personId: (await tx.user.findUniqueOrThrow({ where: { id: userId } })).personId };
  });

  // Raised by 赵建平 earlier today, as the issue seed raises every demo issue (the app's raise path takes a rate limit
  // the seed runs without).
  const raise = (title: string, description: string) =>
    createIssueWithHistory(db, {
      categoryCode: neighbour.code,
      title,
      description,
      compoundId: compound.id,
      authorUserId: zhao.userId,
      createdAt: earlierToday(now),
      acknowledgeBy: new Date(now.getTime() + 3600_000),
      resolveBy: new Date(now.getTime() + 3 * 86400_000),
      steps: [],
    });
  const pets = await raise(
    '邻居家的狗夜里一直叫，还在楼道便溺',
    '隔壁单元的狗每晚十一点后叫个不停，楼道里也常有狗的便溺，沟通过两次没有改善。',
  );
  await raise(OPEN_DISPUTE, '楼上住户装修，每天早上七点就开始打钻，老人和孩子休息不好，希望社区协调装修时间。');

  const c = await receiveCase(zhou, {
    kind: 'PETS',
    source: 'ISSUE',
    urgency: 'NORMAL',
    summary: '赵建平反映邻居饲养的犬只夜间吠叫、在楼道便溺，双方沟通未果，申请调解。',
    issueId: pets.id,
    idempotencyKey: randomUUID(),
  });
  const branch = await db.partyOrgMember.findFirstOrThrow({
    where: { position: 'SECRETARY', partyOrg: { compoundId: compound.id, kind: 'COMPOUND_BRANCH' } },
    select: { personId: true },
  });
  // The respondent: an owner of another household than the applicant's and the branch secretary's.
  const taken = await db.ownership.findMany({
    where: { OR: [{ person: { phone: '13900009502' } }, { personId: branch.personId }] },
    select: { householdId: true },
  });
  const other = await db.ownership.findFirstOrThrow({
    where: { household: { building: { compoundId: compound.id } }, householdId: { notIn: taken.map((t) => t.householdId) } },
    orderBy: { id: 'asc' },
    select: { personId: true, householdId: true },
  });
  await addParty(zhou, c.id, { side: 'RESPONDENT', personId: other.personId, householdId: other.householdId });
  await addMediator(zhou, c.id, { personId: studio.personId, source: 'STUDIO', lead: true, confirmNeighbour: false });
  await addMediator(zhou, c.id, { personId: branch.personId, source: 'BRANCH_SECRETARY', lead: false, confirmNeighbour: true });
  const full = await db.mediationCase.findUniqueOrThrow({ where: { id: c.id }, include: { parties: true, mediators: true } });
  await recordSession(
    zhou,
    c.id,
    {
      startsAt: earlierToday(now),
      location: '欧城花园党群服务站调解室',
      format: 'BACK_TO_BACK',
      attendance: { partyIds: full.parties.map((p) => p.id), mediatorIds: full.mediators.map((m) => m.id) },
      notes: '分别听取双方意见：申请人要求夜间不扰民、楼道保持清洁；被申请人同意加强看管，希望给一周时间训练。',
      outcome: '双方同意面对面再谈一次，商定具体做法。',
    },
    now,
  );
  await scheduleSession(
    zhou,
    c.id,
    {
      startsAt: new Date(chinaMidnight(now).getTime() + 3 * 86400_000 + 19 * 3600_000),
      location: '欧城花园党群服务站调解室',
      format: 'FACE_TO_FACE',
    },
    now,
  );
}

async function jinsha(db: PrismaClient, now: Date) {
  const secretary = await seedActor(db, '13900009661');
  const upstairs = await ownerIn(db, { compound: '金沙小区', building: '3栋', phone: '13900009304' });
  const downstairs = await ownerIn(db, { compound: '金沙小区', building: '3栋', phone: '13900006003' });
  const c = await receiveCase(secretary, {
    kind: 'WATER_LEAK',
    source: 'WALK_IN',
    urgency: 'URGENT',
    summary: '3栋楼上卫生间防水层老化，楼下天花板渗水、墙面发霉，双方对维修和赔偿有分歧。',
    communityId: (await db.compound.findFirstOrThrow({ where: { name: '金沙小区' } })).communityId,
    compoundId: (await db.compound.findFirstOrThrow({ where: { name: '金沙小区' } })).id,
    idempotencyKey: randomUUID(),
  });
  await addParty(secretary, c.id, { side: 'APPLICANT', ...downstairs });
  await addParty(secretary, c.id, { side: 'RESPONDENT', ...upstairs });
  const grid = await db.user.findUniqueOrThrow({ where: { phone: '13900006001' }, select: { personId: true } });
  await addMediator(secretary, c.id, { personId: grid.personId, source: 'GRID_WORKER', lead: true, confirmNeighbour: false });
  const full = await db.mediationCase.findUniqueOrThrow({ where: { id: c.id }, include: { parties: true, mediators: true } });
  await recordSession(
    secretary,
    c.id,
    {
      startsAt: earlierToday(now),
      location: '金沙社区人民调解室',
      format: 'FACE_TO_FACE',
      attendance: { partyIds: full.parties.map((p) => p.id), mediatorIds: full.mediators.map((m) => m.id) },
      notes: '现场查看渗水位置，物业确认为楼上卫生间防水层老化。双方同意由楼上负责维修，楼下墙面修复费用由楼上承担。',
      outcome: '达成一致，起草调解协议。',
    },
    now,
  );
  const day = today(now);
  await draftAgreement(secretary, c.id, {
    facts: '申请人家天花板因楼上卫生间防水层老化渗水，墙面发霉；双方就维修责任和墙面修复费用发生争议。',
    terms: '被申请人负责重做卫生间防水层，费用自理\n被申请人向申请人支付墙面修复费用人民币 1,800 元\n维修完成后双方共同查看，确认不再渗水',
    performance: '被申请人于协议签订当日完成维修并一次性支付修复费用。',
    dueOn: day,
  });
  // The signed paper, scanned: a plain page (the demo has no real signatures).
  const scan = await sharp({ create: { width: 620, height: 877, channels: 3, background: '#ffffff' } })
    .png()
    .toBuffer();
  await signAgreement(secretary, c.id, { signedOn: day, scan: { name: '调解协议书（签字版）.png', bytes: scan } });
  await recordFollowUp(secretary, c.id, { result: 'KEPT', note: '回访两户：防水已重做，楼下不再渗水，修复费用已付清。' });
}
