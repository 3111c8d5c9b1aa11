// Decision 067 at 欧城花园: the branch's open 主题党日. One held last week, approved by 周志强 with guidance, where the
// branch's party members came, a resident (not invited) signed in by QR and two walk-ins were entered by name —
// so the calendar's yearly figures count 参与人次; and a quarterly series the branch has proposed, waiting on 周志强's desk.
import { randomBytes } from 'node:crypto';
import type { Prisma } from '../../src/generated/prisma/client.ts';
import { occurrences, seriesLastDay } from '../../src/domain/meetings/meetings.ts';
import { officialCalendar } from '../../src/server/calendar/official-calendar.ts';
import { fromChinaLocal, toChinaLocal } from '../../src/server/issues/clock.ts';

const token = () => randomBytes(18).toString('base64url');

export async function seedPartyDays(tx: Prisma.TransactionClient, now: Date) {
  const oucheng = await tx.compound.findFirstOrThrow({ where: { name: '欧城花园' } });
  const branch = await tx.partyOrg.findFirst({ where: { compoundId: oucheng.id, kind: 'COMPOUND_BRANCH' } });
  if (!branch) return;
  const user = (phone: string) => tx.user.findUniqueOrThrow({ where: { phone } });
  const [wang, zhou] = [await user('13900002001'), await user('13900002002')];
  // A verified owner of 欧城花园 with an account who is no party member (赵建平 when his stage has run).
  const zhao =
    (await tx.user.findUnique({ where: { phone: '13900009502' } })) ??
    (await tx.user.findFirst({
      where: {
        verifiedAt: { not: null },
        person: { partyMember: null, ownerships: { some: { household: { building: { compoundId: oucheng.id } } } } },
      },
      orderBy: { id: 'asc' },
    }));
  const members = (await tx.partyMember.findMany({ where: { partyOrgId: branch.id }, select: { personId: true } })).map((m) => m.personId);
  const base = {
    kind: 'PARTY_DAY' as const,
    communityId: oucheng.communityId,
    compoundId: oucheng.id,
    location: '欧城花园党群服务站',
    open: true,
    proposedByPartyOrgId: branch.id,
    createdById: wang.id,
  };

  // Held a week ago, approved with guidance: members present, a resident by QR, two walk-ins.
  const held = new Date(now.getTime() - 7 * 86_400_000);
  const startsAt = fromChinaLocal({ date: toChinaLocal(held).date, minute: 9 * 60 });
  const past = await tx.meeting.create({
    data: {
      ...base,
      title: '开放式主题党日：垃圾分类进小区',
      startsAt,
      endsAt: new Date(startsAt.getTime() + 120 * 60_000),
      status: 'CLOSED',
      signInToken: token(),
      approval: 'APPROVED',
      approvalNote: '请邀请小区居民参加，现场讲解分类办法。',
      approvedById: zhou.id,
      approvedAt: new Date(startsAt.getTime() - 10 * 86_400_000),
    },
  });
  await tx.meetingInvite.createMany({ data: members.map((personId) => ({ meetingId: past.id, personId })) });
  await tx.attendance.createMany({
    data: [
      ...members
        .filter((p) => p !== zhao?.personId)
        .slice(0, 2)
        .map((personId) => ({ meetingId: past.id, personId, method: 'QR', byUserId: wang.id, at: startsAt })),
      ...(zhao ? [{ meetingId: past.id, personId: zhao.personId, method: 'QR', byUserId: zhao.id, at: startsAt }] : []),
      { meetingId: past.id, walkInName: '张大爷', method: 'MANUAL', byUserId: wang.id, at: startsAt },
      { meetingId: past.id, walkInName: '刘阿姨', method: 'MANUAL', byUserId: wang.id, at: startsAt },
    ],
  });

  // Proposed by the branch: a quarterly series from next month's 10th, not announced until approved.
  const today = toChinaLocal(now).date;
  const next = new Date(`${today.slice(0, 7)}-01T00:00:00Z`);
  next.setUTCMonth(next.getUTCMonth() + 1);
  const from = next.toISOString().slice(0, 10);
  const rule = { freq: 'QUARTERLY' as const, monthDays: [10] };
  const series = await tx.meetingSeries.create({
    data: {
      kind: 'PARTY_DAY',
      title: '每季度开放式主题党日',
      communityId: oucheng.communityId,
      compoundId: oucheng.id,
      rule,
      startsOn: new Date(`${from}T00:00:00Z`),
      startMinute: 15 * 60,
      durationMinutes: 90,
      location: base.location,
      shiftOffHolidays: true,
      open: true,
      createdById: wang.id,
    },
  });
  for (const date of occurrences(rule, from, seriesLastDay(from), officialCalendar(), true)) {
    const s = fromChinaLocal({ date, minute: 15 * 60 });
    await tx.meeting.create({
      data: {
        ...base,
        seriesId: series.id,
        title: series.title,
        startsAt: s,
        endsAt: new Date(s.getTime() + 90 * 60_000),
        signInToken: token(),
        approval: 'PROPOSED',
      },
    });
  }
}
