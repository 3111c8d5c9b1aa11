// Demo issues across Dongsheng street (S6): six months of issues in four communities, handled well
// in some and badly in others, so the street's dashboard has a worst community, a late issue to
// take over, exclusions and a month to export. Deterministic (a seeded generator), built with the
// same issue factory the tests use.
import type { Prisma } from '../../src/generated/prisma/client.ts';
import { DEFAULT_CATEGORIES } from '../../src/server/issues/categories.ts';
import { createIssueWithHistory } from '../../tests/factories/issues.ts';
import { createMeeting } from '../../tests/factories/meetings.ts';
import { createCompound } from '../../tests/factories/territory.ts';

const MIN = 60_000;
const DAY = 1440 * MIN;

/** A small linear congruential generator: the same demo every time. */
function random(seed: number) {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
}

export const LATE_ISSUE_TITLE = '5栋外墙瓷砖脱落，砸坏电动车棚';

export async function seedStats(tx: Prisma.TransactionClient, now: Date) {
  const rnd = random(20261122);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const street = await tx.user.findUniqueOrThrow({ where: { phone: '13900003001' } });
  const district = await tx.user.findUniqueOrThrow({ where: { phone: '13900004001' } });
  const compound = (name: string) => tx.compound.findFirstOrThrow({ where: { name } });
  const chengta = await tx.community.findUniqueOrThrow({ where: { code: '510116001003' } });
  const places = [
    { compound: await compound('欧城花园'), quality: 0.92, perMonth: 5 },
    { compound: await compound('双桂苑'), quality: 0.8, perMonth: 4 },
    { compound: await createCompound(tx, { communityId: chengta.id, name: '城塔花园' }), quality: 0.72, perMonth: 4 },
    { compound: await compound('白鹤小区'), quality: 0.45, perMonth: 6 },
  ];
  const TITLES: Record<string, string[]> = {
    PARKING: ['消防通道被私家车占用', '地下车库照明坏了', '小区门口乱停车'],
    PROPERTY: ['电梯经常停运', '楼道灯长期不亮', '绿化带没人修剪'],
    ENVIRONMENT: ['垃圾桶满溢没人清运', '化粪池返味', '楼下餐馆油烟扰民'],
    SECURITY: ['单元门禁损坏', '围墙有缺口', '监控探头坏了'],
    FACILITIES: ['二次供水水压低', '屋顶漏水', '健身器材损坏'],
    NEIGHBOUR: ['楼上装修噪音', '邻居占用公共走道', '宠物犬扰民'],
    FEES: ['物业费收支不公开', '停车费标准有疑问'],
    OTHER: ['希望增设适老扶手', '小区里缺少休息座椅'],
  };
  let n = 0;
  for (const p of places) {
    for (let back = 5; back >= 0; back--) {
      for (let k = 0; k < p.perMonth; k++) {
        const category = pick(DEFAULT_CATEGORIES);
        // Spread over the month; this month's only up to today.
        const created = new Date(
          now.getTime() - back * 30 * DAY - Math.floor(rnd() * (back === 0 ? 12 : 28)) * DAY - Math.floor(rnd() * 600) * MIN,
        );
        const ackBy = new Date(created.getTime() + category.acknowledgeMinutes * MIN);
        const resolveBy = new Date(created.getTime() + category.resolveWorkingDays * 1.4 * DAY);
        const good = rnd() < p.quality;
        const steps: Parameters<typeof createIssueWithHistory>[1]['steps'] = [];
        const age = (now.getTime() - created.getTime()) / MIN;
        const ackAfter = good
          ? 20 + Math.floor(rnd() * (category.acknowledgeMinutes - 30))
          : category.acknowledgeMinutes + 60 + Math.floor(rnd() * 2000);
        let state: 'SUBMITTED' | 'ACKNOWLEDGED' | 'RESOLVED' | 'CLOSED' | 'CLOSED_UNFIXED' = 'SUBMITTED';
        let rating: 'SATISFIED' | 'BASICALLY_SATISFIED' | 'UNSATISFIED' | undefined;
        if (ackAfter < age) {
          steps.push({ type: 'ACKNOWLEDGE', toState: 'ACKNOWLEDGED', actorUserId: null, actorLabel: '网格员', minutesAfter: ackAfter });
          state = 'ACKNOWLEDGED';
          const resolveAfter =
            ackAfter + Math.floor(((good ? 0.3 + rnd() * 0.6 : 0.8 + rnd() * 1.5) * (resolveBy.getTime() - created.getTime())) / MIN);
          if (resolveAfter < age && (good || rnd() < 0.6)) {
            if (rnd() < 0.05) {
              steps.push({
                type: 'CLOSE_UNFIXED',
                toState: 'CLOSED_UNFIXED',
                actorUserId: null,
                actorLabel: '社区',
                message: '不属于社区职责，已告知居民向相关部门反映',
                minutesAfter: resolveAfter,
              });
              state = 'CLOSED_UNFIXED';
            } else {
              steps.push({
                type: 'RESOLVE',
                toState: 'RESOLVED',
                actorUserId: null,
                actorLabel: '社区',
                message: '已处理完毕',
                minutesAfter: resolveAfter,
              });
              state = 'RESOLVED';
              if (rnd() < 0.75 && resolveAfter + 600 < age) {
                rating = rnd() < p.quality + 0.05 ? (rnd() < 0.7 ? 'SATISFIED' : 'BASICALLY_SATISFIED') : 'UNSATISFIED';
                steps.push({ type: 'RATE', toState: 'CLOSED', actorUserId: null, actorLabel: '居民', minutesAfter: resolveAfter + 600 });
                state = 'CLOSED';
              }
            }
          }
        }
        const issue = await createIssueWithHistory(tx, {
          categoryCode: category.code,
          title: pick(TITLES[category.code]!),
          description: '居民通过12345热线反映，请社区核实处理。',
          compoundId: p.compound.id,
          authorUserId: null,
          channel: rnd() < 0.5 ? 'OPEN311' : 'STAFF_ENTRY',
          reporterName: '居民',
          reporterPhone: `1370000${String(1000 + n).slice(-4)}`,
          createdAt: created,
          acknowledgeBy: ackBy,
          resolveBy,
          steps,
          rating,
        });
        n++;
        // A few judged by the district not to count (e.g. asked twice), with the reason on record (decision 028).
        if (state === 'SUBMITTED' && p.quality < 0.5 && n % 7 === 0) {
          await tx.issue.update({
            where: { id: issue.id },
            data: { excludedAt: now, excludedById: district.id, exclusionReason: '同一诉求重复反映，已合并办理' },
          });
          await tx.auditLog.create({
            data: {
              actorId: district.id,
              actorLabel: '陈双流',
              action: 'issue.exclude',
              entityType: 'Issue',
              entityId: String(issue.id),
              after: { excluded: true, reason: '同一诉求重复反映，已合并办理' },
              communityId: p.compound.communityId,
              compoundId: p.compound.id,
            },
          });
        }
      }
    }
  }
  // Consultations held in each community (协商议事会), monthly, with the residents who came.
  for (const p of places) {
    const people = await tx.person.findMany({
      where: { ownerships: { some: { household: { building: { compoundId: p.compound.id } } } } },
      select: { id: true },
      take: 8,
      orderBy: { id: 'asc' },
    });
    for (let back = 5; back >= 1; back--) {
      if (rnd() > p.quality + 0.1) continue; // the worst community skips some months
      const startsAt = new Date(now.getTime() - back * 30 * DAY + 9 * 60 * MIN);
      const m = await createMeeting(tx, {
        kind: 'CONSULTATION',
        title: `${p.compound.name}居民协商议事会`,
        communityId: p.compound.communityId,
        compoundId: p.compound.id,
        startsAt,
        minutes: 90,
        location: `${p.compound.name}党群服务站`,
        createdById: street.id,
      });
      await tx.meeting.update({ where: { id: m.id }, data: { status: 'CLOSED' } });
      const came = people.slice(0, 3 + Math.floor(rnd() * Math.max(1, people.length - 2)));
      if (came.length)
        await tx.attendance.createMany({
          data: came.map((x) => ({ meetingId: m.id, personId: x.id, method: 'MANUAL', byUserId: street.id, at: startsAt })),
        });
    }
  }
  // The late issue of S6: it missed its deadlines at the compound and was escalated to the community an
  // hour ago, where it waits; the street can take it over. (Its new deadlines are still ahead, so the
  // escalation job leaves it where it is for now.)
  const baihe = places[3]!.compound;
  const created = new Date(now.getTime() - 9 * DAY);
  const escalated = new Date(now.getTime() - 60 * MIN);
  await createIssueWithHistory(tx, {
    categoryCode: 'FACILITIES',
    title: LATE_ISSUE_TITLE,
    description: '5栋外墙瓷砖大面积脱落，已砸坏楼下电动车棚，存在安全隐患，请尽快处理。',
    compoundId: baihe.id,
    authorUserId: null,
    channel: 'OPEN311',
    reporterName: '居民',
    reporterPhone: '13700009999',
    level: 'COMMUNITY',
    createdAt: created,
    acknowledgeBy: new Date(escalated.getTime() + 120 * MIN),
    resolveBy: new Date(escalated.getTime() + 2.8 * DAY),
    firstAcknowledgeBy: new Date(created.getTime() + 120 * MIN),
    firstResolveBy: new Date(created.getTime() + 2.8 * DAY),
    steps: [
      {
        type: 'ESCALATE',
        toState: 'SUBMITTED',
        actorUserId: null,
        actorLabel: '系统（超时升级）',
        message: '超过办结期限',
        minutesAfter: (escalated.getTime() - created.getTime()) / MIN,
      },
    ],
  });
  return n + 1;
}
