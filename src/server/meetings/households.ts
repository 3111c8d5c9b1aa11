import 'server-only';
import { createTranslator } from 'use-intl/core';
import { entitled, householdSentenceValues, isAdult, type TElectorate, type TRosterHousehold } from '@/domain/meetings/residents';
import type { TResult } from '@/domain/votes/evaluate';
import { leastForMoreThanHalf, moreThanHalf } from '@/domain/votes/arithmetic';
import type { TBy } from '@/server/accounts/by';
import { writeAudit } from '@/server/audit';
import { getDb, type TTx } from '@/server/db';
import { refuse } from '@/server/errors';
import { inForceOn, thisYear, today, todayDateOnly } from '@/server/today';
import zhMeetings from '../../../messages/zh-CN/meetings.json';
import enMeetings from '../../../messages/en/meetings.json';
import { organises, requireOrganiser } from './attendance';

type TDbLike = Pick<TTx, 'household' | 'bodyMember' | 'motion' | 'attendance' | 'agendaItem' | 'meeting' | 'topic'>;
type TPlace = { communityId: number; compoundId: number | null };

/** Buildings of the meeting's place: the compound's, or every compound's of the community. */
export const buildingsOf = (m: TPlace) => (m.compoundId ? { compoundId: m.compoundId } : { compound: { communityId: m.communityId } });
const living = (day = todayDateOnly()) => ({ OR: [{ until: null }, { until: { gte: day } }] });

/** The place's homes (residential units) with their current residents: the roster the electorate is counted from. */
export async function placeRoster(db: TDbLike, m: TPlace, buildingId?: number): Promise<TRosterHousehold[]> {
  const rows = await db.household.findMany({
    where: { use: 'RESIDENTIAL', building: buildingId ? { ...buildingsOf(m), id: buildingId } : buildingsOf(m) },
    select: { id: true, residencies: { where: living(), select: { personId: true, person: { select: { birthYear: true } } } } },
  });
  return rows.map((h) => ({ id: h.id, residents: h.residencies.map((r) => ({ personId: r.personId, birthYear: r.person.birthYear })) }));
}

/** 应到 counted live from the roster (decision 068, "As built": frozen on the motion's roster when it opens). */
export async function liveEntitled(db: TDbLike, m: TPlace & { electorate: TElectorate | null }): Promise<number> {
  if (!m.electorate) return 0;
  const representatives =
    m.electorate === 'GROUP_REPRESENTATIVES'
      ? new Set(
          (
            await db.bodyMember.findMany({
              where: { body: { kind: 'RESIDENTS_REPRESENTATIVES', communityId: m.communityId }, ...inForceOn(today()) },
              select: { personId: true },
            })
          ).map((x) => x.personId),
        ).size
      : 0;
  const households = m.electorate === 'GROUP_REPRESENTATIVES' ? [] : await placeRoster(db, m);
  return entitled(m.electorate, { households, representatives }, thisYear());
}

/** The latest motion taken at this meeting (its roster frozen when it opened), if any. */
export const meetingMotion = (db: TDbLike, meetingId: number) =>
  db.motion.findFirst({ where: { meetingId }, orderBy: { id: 'desc' }, select: { id: true, roster: true, status: true, result: true } });

/** Those recorded present: households for a HOUSEHOLDS meeting, persons otherwise. */
export async function recordedPresent(db: TDbLike, m: { id: number; electorate: TElectorate | null }): Promise<number> {
  return db.attendance.count({
    where: { meetingId: m.id, ...(m.electorate === 'HOUSEHOLDS' ? { householdId: { not: null } } : { personId: { not: null } }) },
  });
}

/**
 * 应到 N 户 / 实到 M 户 and the quorum (more than half of those entitled, rules.md §2) of a residents' meeting:
 * 应到 is the linked motion's frozen roster once it opened, else counted live.
 */
export async function householdPanel(meetingId: number) {
  const db = getDb();
  const m = await db.meeting.findUniqueOrThrow({ where: { id: meetingId } });
  const motion = await meetingMotion(db, meetingId);
  const expected = motion ? motion.roster.length : await liveEntitled(db, m);
  const present = await recordedPresent(db, m);
  const met = expected === 0 ? null : moreThanHalf(present, expected);
  return { expected, present, onSite: present, online: 0, least: expected ? leastForMoreThanHalf(expected) : null, met };
}

/** The panel for those who run the meeting (counts only; the household list itself is theirs alone). */
export async function householdPanelFor(by: TBy, meetingId: number) {
  await requireOrganiser(by, meetingId);
  return householdPanel(meetingId);
}

async function requireHouseholdsMeeting(by: TBy, meetingId: number) {
  const m = await requireOrganiser(by, meetingId);
  if (m.kind !== 'RESIDENTS_MEETING' || m.electorate !== 'HOUSEHOLDS') refuse('meetingResidents.notHouseholds');
  return m;
}

/**
 * The sheet staff tick: the place's occupied homes by building → unit → room, with whether each is recorded present.
 * `q` narrows it to rooms containing it (a search by room number).
 */
export async function householdSheet(by: TBy, meetingId: number, q = '') {
  const m = await requireHouseholdsMeeting(by, meetingId);
  const db = getDb();
  const [rows, present] = await Promise.all([
    db.household.findMany({
      where: {
        use: 'RESIDENTIAL',
        building: buildingsOf(m),
        residencies: { some: living() },
        ...(q ? { roomNo: { contains: q } } : {}),
      },
      orderBy: [{ buildingId: 'asc' }, { unitNo: 'asc' }, { roomNo: 'asc' }],
      select: { id: true, unitNo: true, roomNo: true, building: { select: { id: true, name: true } } },
    }),
    db.attendance.findMany({ where: { meetingId, householdId: { not: null } }, select: { householdId: true } }),
  ]);
  const here = new Set(present.map((p) => p.householdId));
  // Rooms in the order people read them: 101, 102 … 1001 (numeric), not as strings.
  const byNumber = new Intl.Collator('zh-CN', { numeric: true }).compare;
  rows.sort((a, b) => a.building.id - b.building.id || byNumber(a.unitNo, b.unitNo) || byNumber(a.roomNo, b.roomNo));
  const buildings: { id: number; name: string; units: { unitNo: string; rooms: { id: number; roomNo: string; present: boolean }[] }[] }[] =
    [];
  for (const h of rows) {
    let b = buildings.at(-1);
    if (b?.id !== h.building.id) buildings.push((b = { id: h.building.id, name: h.building.name, units: [] }));
    let u = b.units.at(-1);
    if (u?.unitNo !== h.unitNo) b.units.push((u = { unitNo: h.unitNo, rooms: [] }));
    u.rooms.push({ id: h.id, roomNo: h.roomNo, present: here.has(h.id) });
  }
  return { meeting: { id: m.id, title: m.title, status: m.status }, buildings };
}

/**
 * Saves one building's ticks: the rooms checked (or, with `all`, every occupied home of the building: 整栋全选) are
 * present, the building's other homes are not. Re-saving adds nothing twice (the (meeting, household) key); unticked
 * homes (of those the sheet showed) are unmarked (meeting.unmarkHousehold). Nothing changed, nothing written.
 */
export async function saveBuildingAttendance(
  by: TBy,
  meetingId: number,
  input: { buildingId: number; householdIds: number[]; all: boolean; shownIds?: number[] },
) {
  const m = await requireHouseholdsMeeting(by, meetingId);
  if (m.status !== 'SCHEDULED') refuse('meeting.notOpen');
  const db = getDb();
  const homes = (await placeRoster(db, m, input.buildingId)).filter((h) => h.residents.length > 0).map((h) => h.id);
  if (homes.length === 0) refuse('meetingResidents.householdElsewhere');
  const inBuilding = new Set(homes);
  if (input.householdIds.some((id) => !inBuilding.has(id))) refuse('meetingResidents.householdElsewhere');
  const chosen = input.all ? homes : [...new Set(input.householdIds)];
  // A sheet narrowed by a search unmarks only the rooms it showed.
  const shown = input.shownIds?.length ? new Set(input.shownIds) : null;
  const off = homes.filter((id) => !chosen.includes(id) && (!shown || shown.has(id)));
  return db.$transaction(async (tx) => {
    const added = await tx.attendance.createMany({
      data: chosen.map((householdId) => ({ meetingId, householdId, method: 'MANUAL', byUserId: by.userId })),
      skipDuplicates: true,
    });
    const removed = await tx.attendance.deleteMany({ where: { meetingId, householdId: { in: off } } });
    const audit = { actorId: by.userId, actorLabel: by.label, entityType: 'Meeting' as const, entityId: meetingId };
    const place = { communityId: m.communityId, compoundId: m.compoundId };
    if (added.count)
      await writeAudit(tx, {
        ...audit,
        ...place,
        action: 'meeting.household',
        after: { buildingId: input.buildingId, added: added.count },
      });
    if (removed.count)
      await writeAudit(tx, {
        ...audit,
        ...place,
        action: 'meeting.unmarkHousehold',
        after: { buildingId: input.buildingId, removed: removed.count },
      });
    return {
      added: added.count,
      removed: removed.count,
      present: await tx.attendance.count({ where: { meetingId, householdId: { in: homes } } }),
    };
  });
}

/**
 * An ADULT_RESIDENTS meeting: staff mark a resident present by hand (an adult living in the place, once; open sign-in is
 * decision 067's). Marked twice, one row.
 */
export async function markResidentPresent(by: TBy, meetingId: number, personId: number) {
  const m = await requireOrganiser(by, meetingId);
  if (m.kind !== 'RESIDENTS_MEETING' || m.electorate !== 'ADULT_RESIDENTS') refuse('meetingResidents.notAdults');
  if (m.status !== 'SCHEDULED') refuse('meeting.notOpen');
  const db = getDb();
  const lives = await db.residency.findFirst({
    where: { personId, ...living(), household: { use: 'RESIDENTIAL', building: buildingsOf(m) } },
    select: { person: { select: { birthYear: true } } },
  });
  if (!lives || !isAdult(lives.person.birthYear, thisYear())) refuse('meetingResidents.notEntitled');
  await db.$transaction(async (tx) => {
    const r = await tx.attendance.createMany({
      data: [{ meetingId, personId, method: 'MANUAL', byUserId: by.userId }],
      skipDuplicates: true,
    });
    if (r.count)
      await writeAudit(tx, {
        actorId: by.userId,
        actorLabel: by.label,
        action: 'meeting.mark',
        entityType: 'Meeting',
        entityId: meetingId,
        after: { personId, method: 'MANUAL' },
        communityId: m.communityId,
        compoundId: m.compoundId,
      });
  });
}

/** Adults of the place whose name contains `q`, for staff marking them present (organisers only: they read the roster). */
export async function searchResidents(by: TBy, meetingId: number, q: string) {
  const m = await requireOrganiser(by, meetingId);
  if (q.trim().length === 0) return [];
  const year = thisYear();
  const rows = await getDb().residency.findMany({
    where: { ...living(), person: { name: { contains: q.trim() } }, household: { use: 'RESIDENTIAL', building: buildingsOf(m) } },
    take: 20,
    select: {
      personId: true,
      person: { select: { name: true, birthYear: true } },
      household: { select: { roomNo: true, unitNo: true, building: { select: { name: true } } } },
    },
  });
  return rows
    .filter((r) => isAdult(r.person.birthYear, year))
    .map((r) => ({
      personId: r.personId,
      name: r.person.name,
      home: `${r.household.building.name} ${r.household.unitNo}-${r.household.roomNo}`,
    }));
}

/**
 * A topic on the agenda of a residents' meeting is decided there: its open HOUSEHOLDS motion is linked to the meeting
 * (Motion.meetingId), from the agenda (`addAgendaItem`) or when the motion opens on a topic already on such an agenda.
 */
export async function linkResidentsMotion(tx: TDbLike, topicId: number, meetingId?: number) {
  const meeting =
    meetingId ??
    (
      await tx.agendaItem.findFirst({
        where: { topicId, meeting: { kind: 'RESIDENTS_MEETING', status: 'SCHEDULED', electorate: 'HOUSEHOLDS' } },
        orderBy: { id: 'desc' },
        select: { meetingId: true },
      })
    )?.meetingId;
  if (!meeting) return;
  const m = await tx.meeting.findUnique({ where: { id: meeting }, select: { kind: true, electorate: true, compoundId: true } });
  // Only a meeting of households of the topic's own place: its attendance is then counted against the same roster as
  // the motion's (a meeting of adults, or of the whole community for one compound's topic, would not be).
  const topic = await tx.topic.findUnique({ where: { id: topicId }, select: { compoundId: true } });
  if (m?.kind !== 'RESIDENTS_MEETING' || m.electorate !== 'HOUSEHOLDS' || m.compoundId !== (topic?.compoundId ?? null)) return;
  await tx.motion.updateMany({
    where: { topicId, status: 'OPEN', meetingId: null, voters: { path: ['kind'], equals: 'HOUSEHOLDS' } },
    data: { meetingId: meeting },
  });
}

/** The organiser's view: whether this viewer may open the households page (for the meeting page's link). */
export const mayRecordHouseholds = (by: TBy | null, m: TPlace & { kind: string; electorate: string | null }) =>
  m.kind === 'RESIDENTS_MEETING' && m.electorate !== null ? organises(by, m) : Promise.resolve(false);

/** "应到 420 户，出席 211 户（过半数户出席，至少 211 户），赞成 106 票，需出席者过半数（至少 106 票），通过". */
export function householdSentence(r: TResult, locale: 'zh-CN' | 'en' = 'zh-CN') {
  const t = createTranslator({
    locale,
    messages: { meetings: locale === 'en' ? enMeetings : zhMeetings },
    namespace: 'meetings.residents',
  });
  return t('sentence', householdSentenceValues(r));
}

/**
 * The households page: the sheet to tick (HOUSEHOLDS) or the residents found by name (ADULT_RESIDENTS), the panel's
 * figures, and the sentences of motions decided at the meeting. Organisers only (refused otherwise).
 */
export async function residentsAttendanceView(by: TBy, meetingId: number, q: string) {
  const m = await requireOrganiser(by, meetingId);
  if (m.kind !== 'RESIDENTS_MEETING' || !m.electorate) refuse('meetingResidents.notHouseholds');
  const db = getDb();
  const decided = await db.motion.findMany({
    where: { meetingId, decidedAt: { not: null } },
    select: { id: true, result: true, topic: { select: { id: true, title: true } } },
  });
  const results = (m.electorate === 'HOUSEHOLDS' ? decided : []).map((x) => ({
    id: x.id,
    topic: x.topic,
    sentence: householdSentence(x.result as unknown as TResult),
  }));
  const panel = await householdPanel(meetingId);
  if (m.electorate === 'HOUSEHOLDS')
    return { kind: 'HOUSEHOLDS' as const, meeting: m, panel, results, sheet: await householdSheet(by, meetingId, q) };
  return { kind: 'PERSONS' as const, meeting: m, panel, results, people: await searchResidents(by, meetingId, q) };
}

/** What the meeting page adds for residents' and owners' committee meetings; null for other kinds. */
export async function meetingResidentsFacts(by: TBy | null, meetingId: number) {
  const m = await getDb().meeting.findUnique({
    where: { id: meetingId },
    select: { kind: true, electorate: true, shortNoticeReason: true, communityId: true, compoundId: true },
  });
  if (!m || (m.kind !== 'RESIDENTS_MEETING' && m.kind !== 'OWNERS_COMMITTEE')) return null;
  return { kind: m.kind, electorate: m.electorate, shortNoticeReason: m.shortNoticeReason, organiser: await organises(by, m) };
}

/**
 * The tally form of a motion taken at a residents' meeting: the present count recorded there, and its line
 * ("出席 211 户（会议按户登记，不用填写）"). Nothing for other motions (the form asks for the count).
 */
export async function presentAtMotionMeeting(motionId: number): Promise<{ present?: number; presentLine?: string }> {
  const db = getDb();
  const motion = await db.motion.findUnique({ where: { id: motionId }, select: { meetingId: true } });
  const m = motion?.meetingId ? await db.meeting.findUnique({ where: { id: motion.meetingId } }) : null;
  if (!m) return {};
  const present = await recordedPresent(db, m);
  const { getTranslations } = await import('next-intl/server');
  return {
    present,
    presentLine: (await getTranslations('meetings.residents'))(
      m.electorate === 'HOUSEHOLDS' ? 'presentFromMeeting' : 'presentFromMeetingPersons',
      { present },
    ),
  };
}
