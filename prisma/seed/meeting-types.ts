// Decision 066: 武侯区 and 双流区 name their own meeting forms; 欧城花园's joint meeting on the 16th is held by its party
// branch, its owners' committee and its supervisory committee together (each host's members frozen, the union invited once).
import type { BodyKind, MeetingKind, Prisma } from '../../src/generated/prisma/client.ts';

type TSeedType = [
  code: string,
  zh: string,
  en: string,
  base: MeetingKind,
  body: BodyKind | null,
  notice: number,
  open: boolean,
  approval: boolean,
];
const TYPES: TSeedType[] = [
  ['KENTAN', '恳谈会', 'Heart-to-heart talk', 'CONSULTATION', null, 0, true, false],
  ['HEARING', '听证会', 'Hearing', 'CONSULTATION', null, 7, true, false],
  ['SYMPOSIUM', '座谈会', 'Symposium', 'CONSULTATION', null, 0, false, false],
  ['TWO_COMMITTEES', '两委会议', 'Two committees meeting', 'COUNCIL', 'TWO_COMMITTEES', 0, false, false],
  ['BABA', '坝坝会', 'Courtyard meeting (bàbà huì)', 'COURTYARD', null, 0, true, false],
  ['PARTY_HEARING', '党员事务听证会', "Party members' affairs hearing", 'PARTY_DAY', null, 0, true, true],
];

export async function seedMeetingTypes(tx: Prisma.TransactionClient) {
  const districts = await tx.district.findMany({ where: { code: { in: ['510107', '510116'] } }, select: { id: true } });
  await tx.meetingType.createMany({
    data: districts.flatMap((d) =>
      TYPES.map(([code, nameZh, nameEn, baseKind, defaultBodyKind, noticeDays, open, needsApproval]) => ({
        districtId: d.id,
        code,
        nameZh,
        nameEn,
        baseKind,
        defaultBodyKind,
        noticeDays,
        open,
        needsApproval,
      })),
    ),
  });
}

export type TSeedHost = { bodyId?: number; partyOrgId?: number };

/** A seed series' hosts on the series and on each of its meetings, members frozen, the union invited once (createMany). */
export async function seedJointHosts(tx: Prisma.TransactionClient, seriesId: number, hosts: TSeedHost[], day: Date) {
  const inForce = { startsOn: { lte: day }, OR: [{ endsOn: null }, { endsOn: { gte: day } }] };
  const members = await Promise.all(
    hosts.map(async (h) => {
      if (h.bodyId)
        return (await tx.bodyMember.findMany({ where: { bodyId: h.bodyId, ...inForce }, select: { personId: true } })).map(
          (r) => r.personId,
        );
      const [registered, officers] = await Promise.all([
        tx.partyMember.findMany({ where: { partyOrgId: h.partyOrgId! }, select: { personId: true } }),
        tx.partyOrgMember.findMany({ where: { partyOrgId: h.partyOrgId!, ...inForce }, select: { personId: true } }),
      ]);
      return [...registered, ...officers].map((r) => r.personId);
    }),
  ).then((lists) => lists.map((l) => [...new Set(l)]));
  const union = [...new Set(members.flat())];
  const row = (h: TSeedHost) => ({ bodyId: h.bodyId ?? null, partyOrgId: h.partyOrgId ?? null });
  await tx.meetingHost.createMany({ data: hosts.map((h) => ({ seriesId, ...row(h) })) });
  const meetings = await tx.meeting.findMany({ where: { seriesId }, select: { id: true } });
  const made = await tx.meetingHost.createManyAndReturn({
    data: meetings.flatMap((m) => hosts.map((h) => ({ meetingId: m.id, ...row(h) }))),
    select: { id: true, bodyId: true, partyOrgId: true },
  });
  const index = (h: { bodyId: number | null; partyOrgId: number | null }) =>
    hosts.findIndex((x) => (x.bodyId ?? null) === h.bodyId && (x.partyOrgId ?? null) === h.partyOrgId);
  await tx.meetingHostMember.createMany({ data: made.flatMap((h) => members[index(h)]!.map((personId) => ({ hostId: h.id, personId }))) });
  await tx.meetingInvite.createMany({
    data: meetings.flatMap((m) => union.map((personId) => ({ meetingId: m.id, personId, member: true }))),
    skipDuplicates: true,
  });
}
