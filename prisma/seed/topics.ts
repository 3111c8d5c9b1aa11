// Demo topics: S2 (parking in 龙躺梁, seven steps, now drafting the plan, revised once) from three
// residents' reports, and S4 (欧城花园 lift replacement, waiting for the party branch's approval).
import type { Prisma } from '../../src/generated/prisma/client.ts';
import { createUser, createVerifiedResident, grantRole } from '../../tests/factories/accounts.ts';
import { createIssueWithHistory } from '../../tests/factories/issues.ts';
import { createMeeting } from '../../tests/factories/meetings.ts';
import { createTopicWithHistory } from '../../tests/factories/topics.ts';
import { inviteTopicGuests } from '../../src/server/meetings/records.ts';
import { markTakenUpAsTopic } from '../../src/server/issues/topic-seam.ts';
import { DEMO_LOGINS } from './logins.ts';

export async function seedTopics(tx: Prisma.TransactionClient, now: Date) {
  const pw = DEMO_LOGINS.password;
  const compound = await tx.compound.findFirstOrThrow({
    where: { name: '龙躺梁老旧小区' },
    include: { buildings: { include: { households: { include: { ownerships: true } } } } },
  });
  const households = compound.buildings.flatMap((b) => b.households);
  // The community's party secretary (already on the representatives' roster) gets an account.
  const committee = await tx.partyOrg.findFirstOrThrow({
    where: { name: '龙躺梁社区党委' },
    include: { positions: { where: { position: 'SECRETARY' } } },
  });
  const secretaryPerson = committee.positions[0]!.personId;
  await tx.person.update({ where: { id: secretaryPerson }, data: { name: '赵桂芳', phone: '13900007001' } });
  const secretary = await createUser(tx, { personId: secretaryPerson, phone: '13900007001', password: pw, verified: true });
  await grantRole(tx, secretary.id, 'COMMUNITY_SECRETARY', 'COMMUNITY', compound.communityId);
  const resident = async (household: number, name: string, phone: string) => {
    const h = households[household]!;
    await tx.person.update({ where: { id: h.ownerships[0]!.personId }, data: { name, phone } });
    return createVerifiedResident(tx, { personId: h.ownerships[0]!.personId, phone, password: pw, householdId: h.id });
  };
  const online = await resident(40, '孙丽', '13900007002');
  const anon = await resident(41, '钱明', '13900007003');
  // A residents' representative (a stakeholder through the representatives' meeting).
  const rep = await resident(5, '周建国', '13900007004');

  const hour = 3_600_000;
  const day = 24 * hour;
  const issue = (title: string, description: string, extra: Partial<Parameters<typeof createIssueWithHistory>[1]>) =>
    createIssueWithHistory(tx, {
      categoryCode: 'PARKING',
      title,
      description,
      compoundId: compound.id,
      authorUserId: null,
      createdAt: new Date(now.getTime() - 15 * day),
      acknowledgeBy: new Date(now.getTime() - 14 * day + 4 * hour),
      resolveBy: new Date(now.getTime() + 30 * day),
      steps: [],
      ...extra,
    });
  const i1 = await issue('晚上车停满消防通道', '每天晚上车停满消防通道，救护车进不来。', { authorUserId: online.id, submittedBy: '孙丽' });
  const i2 = await issue('外来车辆占位', '外来车辆长期占用小区车位。', { authorUserId: anon.id, anonymous: true });
  const i3 = await issue('停车收费不清楚', '接待日王大爷反映：小区停车没有规矩，收费不透明。', {
    channel: 'STAFF_ENTRY',
    reporterName: '王大爷',
    reporterPhone: '13712340000',
    enteredById: secretary.id,
    submittedBy: '赵桂芳（代王大爷登记）',
  });

  const community = compound.communityId;
  const body = (name: string) => tx.body.findFirstOrThrow({ where: { name } });
  const org = (name: string) => tx.organization.findFirstOrThrow({ where: { name } });
  const branch = await tx.partyOrg.findFirstOrThrow({ where: { name: '龙躺梁小区党支部' } });
  const parkingPost = await tx.partyMember.findFirstOrThrow({
    where: { servicePost: '停车秩序劝导岗', partyOrg: { communityId: community } },
    include: { person: true },
  });
  const s2 = await createTopicWithHistory(tx, {
    category: 'PARKING',
    procedureCode: 'SEVEN_STEP',
    title: '龙躺梁小区停车秩序',
    description: '三位居民反映停车乱、外来车辆占位、收费不透明。拟规划车位、定收费标准和夜间停车规则，形成停车公约。',
    communityId: community,
    compoundId: compound.id,
    by: { userId: secretary.id, label: '赵桂芳' },
    stepIndex: 2,
    createdAt: new Date(now.getTime() - 14 * day),
    stepDueAt: new Date(now.getTime() + 7 * day),
    followerIds: [online.id, anon.id],
    stakeholders: [
      { group: 'BRANCH', label: branch.name, partyOrgId: branch.id },
      { group: 'RESIDENT_REPS', label: '龙躺梁社区居民代表会议', bodyId: (await body('龙躺梁社区居民代表会议')).id },
      { group: 'PARTY_REPS', label: `${parkingPost.person.name}（停车秩序劝导岗）`, personId: parkingPost.personId },
      { group: 'OWNERS_COMMITTEE', label: '龙躺梁小区业主委员会', bodyId: (await body('龙躺梁小区业主委员会')).id },
      { group: 'PROPERTY_FIRM', label: '阳泉市安居物业管理有限公司', organizationId: (await org('阳泉市安居物业管理有限公司')).id },
      {
        group: 'CO_BUILDING',
        label: '阳泉市公安局交通警察支队城区大队',
        organizationId: (await org('阳泉市公安局交通警察支队城区大队')).id,
      },
    ],
    suggestions: [
      { authorUserId: online.id, authorLabel: '孙丽', stance: 'SUPPORT', body: '划线编号，一户一位，先保证消防通道畅通。' },
      { authorUserId: anon.id, anonymous: true, stance: 'AMEND', body: '收费要低，老人和残疾人车辆优惠。' },
      { onBehalfName: '交警城区大队', stance: 'AMEND', body: '夜间 22 点后外来车辆不得进入，路口设禁停标志。' },
      { authorUserId: rep.id, authorLabel: '周建国', stance: 'SUPPORT', body: '收来的停车费用于画线和维修道闸，定期公示。' },
    ],
    plans: [
      {
        title: '停车方案',
        body: '划定 60 个车位并编号，每月 60 元。',
        budgetFen: 1_200_000,
        funding: [{ source: '停车费', amountFen: 1_200_000 }],
      },
      {
        title: '停车公约（修订）',
        body: '划定 64 个车位并编号，每月 50 元，老人和残疾人车辆减半；22 点后外来车辆不得进入；停车费专款用于画线和道闸维修，每季度公示。',
        budgetFen: 1_200_000,
        funding: [{ source: '停车费', amountFen: 1_200_000 }],
        convention: true,
      },
    ],
  });

  // The three reports were taken up into the topic the day it was raised, through the issues' own seam: they wait
  // there (IN_TOPIC, answered, no deadline running) until the topic ends them (decision 047).
  await markTakenUpAsTopic(tx, { userId: secretary.id, label: '赵桂芳' }, [i1.id, i2.id, i3.id], s2, new Date(now.getTime() - 14 * day));

  // S2 step 4 (达共识): the consultation meeting on the plan, in three days. Its guests are the topic's
  // stakeholders and named followers; 钱明, who reported anonymously, is told in his inbox, never listed.
  const consultation = await createMeeting(tx, {
    kind: 'CONSULTATION',
    title: '龙躺梁小区停车协商会',
    communityId: community,
    compoundId: compound.id,
    startsAt: new Date(now.getTime() + 3 * day),
    minutes: 90,
    location: '龙躺梁社区党群服务中心',
    createdById: secretary.id,
  });
  await tx.agendaItem.create({ data: { meetingId: consultation.id, position: 1, title: '停车公约（修订）', topicId: s2.id } });
  await inviteTopicGuests(tx, consultation, s2.id, '停车公约（修订）');

  // S4: 欧城花园's owners' committee proposes replacing lifts with the maintenance fund; the branch must approve first.
  const oucheng = await tx.compound.findFirstOrThrow({ where: { name: '欧城花园' } });
  const wang = await tx.user.findUniqueOrThrow({ where: { phone: '13900002001' } });
  await createTopicWithHistory(tx, {
    category: 'FACILITIES',
    procedureCode: 'OWNERS_ASSEMBLY',
    title: '使用维修资金更换 2 栋电梯',
    description: '2 栋电梯使用 18 年，故障频繁。业委会提议使用专项维修资金更换，提交业主大会表决（第 5 项事项）。',
    communityId: oucheng.communityId,
    compoundId: oucheng.id,
    by: { userId: wang.id, label: '王秀英' },
    stepIndex: 1,
    assemblyMatter: 5,
    createdAt: new Date(now.getTime() - 6 * day),
    stepDueAt: new Date(now.getTime() + 5 * day),
    plans: [
      {
        title: '2 栋电梯更换方案',
        body: '更换 2 栋 2 部电梯，公开比选供应商，工期 60 天。',
        budgetFen: 96_000_000,
        funding: [{ source: '专项维修资金', amountFen: 96_000_000 }],
      },
    ],
  });
  return { secretary: secretary.id };
}
