// Scenario S4's rhythm at 欧城花园: owner reception days on the 6th and 26th and a joint meeting on
// the 16th, to the end of next year (moved off holidays); and a 晋阳社区议事会 meeting today for the live sign-in.
import type { Prisma } from '../../src/generated/prisma/client.ts';
import { occurrences, seriesLastDay } from '../../src/domain/meetings/meetings.ts';
import { officialCalendar } from '../../src/server/calendar/official-calendar.ts';
import { fromChinaLocal, toChinaLocal } from '../../src/server/issues/clock.ts';
import { createMeeting } from '../../tests/factories/meetings.ts';
import { seedJointHosts, seedMeetingTypes, type TSeedHost } from './meeting-types.ts';
import { seedPartyDays } from './party-days.ts';

export async function seedMeetings(tx: Prisma.TransactionClient, now: Date) {
  const oucheng = await tx.compound.findFirstOrThrow({ where: { name: '欧城花园' } });
  const wang = await tx.user.findUniqueOrThrow({ where: { phone: '13900002001' } });
  const today = toChinaLocal(now).date;
  const cal = officialCalendar();
  await seedMeetingTypes(tx);
  // The joint meeting's hosts (decision 066): the branch, the owners' committee and the supervisory committee.
  const hostOf = async (kind: 'OWNERS_COMMITTEE' | 'SUPERVISORY_COMMITTEE') =>
    ({ bodyId: (await tx.body.findFirstOrThrow({ where: { compoundId: oucheng.id, kind } })).id }) as TSeedHost;
  const jointHosts: TSeedHost[] = [
    { partyOrgId: (await tx.partyOrg.findFirstOrThrow({ where: { compoundId: oucheng.id, kind: 'COMPOUND_BRANCH' } })).id },
    await hostOf('OWNERS_COMMITTEE'),
    await hostOf('SUPERVISORY_COMMITTEE'),
  ];
  const series = [
    {
      kind: 'RECEPTION_DAY' as const,
      title: '欧城花园业主接待日',
      days: [6, 26],
      minute: 9 * 60,
      minutes: 180,
      location: '欧城花园物业服务中心',
      bodyId: undefined as number | undefined,
      hosts: [] as TSeedHost[],
    },
    {
      kind: 'JOINT' as const,
      title: '党支部、业委会、监委会联席会议',
      days: [16],
      minute: 19 * 60,
      minutes: 90,
      location: '欧城花园党群服务站',
      bodyId: undefined as number | undefined,
      hosts: jointHosts,
    },
  ];
  for (const s of series) {
    const rule = { freq: 'MONTHLY' as const, monthDays: s.days };
    const row = await tx.meetingSeries.create({
      data: {
        kind: s.kind,
        title: s.title,
        communityId: oucheng.communityId,
        compoundId: oucheng.id,
        bodyId: s.bodyId ?? null,
        rule,
        startsOn: new Date(`${today}T00:00:00Z`),
        startMinute: s.minute,
        durationMinutes: s.minutes,
        location: s.location,
        shiftOffHolidays: true,
        createdById: wang.id,
      },
    });
    for (const date of occurrences(rule, today, seriesLastDay(today), cal, true)) {
      await createMeeting(tx, {
        kind: s.kind,
        title: s.title,
        communityId: oucheng.communityId,
        compoundId: oucheng.id,
        bodyId: s.bodyId,
        startsAt: fromChinaLocal({ date, minute: s.minute }),
        minutes: s.minutes,
        location: s.location,
        createdById: wang.id,
        seriesId: row.id,
      });
    }
    if (s.hosts.length) await seedJointHosts(tx, row.id, s.hosts, new Date(`${today}T00:00:00Z`));
  }
  // A council meeting of 晋阳社区 that started ten minutes ago: members sign in by QR code.
  const council = await tx.body.findFirstOrThrow({ where: { name: '晋阳社区议事会' } });
  const liu = await tx.user.findUniqueOrThrow({ where: { phone: '13900001001' } });
  await createMeeting(tx, {
    kind: 'COUNCIL',
    title: '晋阳社区议事会例会',
    communityId: council.communityId,
    bodyId: council.id,
    startsAt: new Date(now.getTime() - 10 * 60_000),
    minutes: 180,
    location: '晋阳社区党群服务中心二楼',
    createdById: liu.id,
  });
  // Decision 067: the branch's open 主题党日, one held (参与人次) and a quarterly series waiting for approval.
  await seedPartyDays(tx, now);
}
