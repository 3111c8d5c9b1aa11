import 'server-only';
import { addDays } from '@/domain/calendar/working-calendar';
import { noticeFloor } from '@/domain/meetings/joint';
import type { TMeetingKind } from '@/domain/meetings/meetings';
import { BodyKind } from '@/generated/prisma/enums';
import { authorize, type TBy } from '@/server/accounts/by';
import { writeAudit } from '@/server/audit';
import { getDb } from '@/server/db';
import { refuse } from '@/server/errors';
import { dateOnly, today } from '@/server/today';

/** The kinds of body a type may preselect. */
export const BODY_KINDS = Object.values(BodyKind) as [BodyKind, ...BodyKind[]];

/** A district's own meeting kind as its administrator enters it (decision 066). */
export type TMeetingTypeInput = {
  nameZh: string;
  nameEn: string;
  baseKind: TMeetingKind;
  defaultBodyKind: BodyKind | null;
  noticeDays: number;
  open: boolean;
  needsApproval: boolean;
};

/** Notice days never below what the base kind's law asks (owners' assembly 15, owners' committee 7): refused with the least. */
function checkNotice(input: Pick<TMeetingTypeInput, 'baseKind' | 'noticeDays'>) {
  const least = noticeFloor(input.baseKind);
  if (input.noticeDays < least) refuse('meetingType.noticeBelowKind', { least });
  if (input.noticeDays > 60) refuse('meetingType.noticeTooLong', { most: 60 });
}

/** A district's types, retired ones too (for its administrator's page). */
export async function listMeetingTypes(by: TBy, districtId: number) {
  authorize(by, 'meetingType.manage', { district: districtId });
  return getDb().meetingType.findMany({ where: { districtId }, orderBy: [{ retiredOn: { sort: 'asc', nulls: 'first' } }, { id: 'asc' }] });
}

/** The types a district's schedule form offers: those not retired. */
export function activeMeetingTypes(districtId: number) {
  return getDb().meetingType.findMany({
    where: { districtId, retiredOn: null },
    orderBy: { id: 'asc' },
    select: { id: true, nameZh: true, nameEn: true, baseKind: true, defaultBodyKind: true },
  });
}

export async function createMeetingType(by: TBy, districtId: number, input: TMeetingTypeInput & { code: string }) {
  authorize(by, 'meetingType.manage', { district: districtId });
  checkNotice(input);
  const db = getDb();
  try {
    return await db.$transaction(async (tx) => {
      const t = await tx.meetingType.create({ data: { districtId, ...input } });
      await writeAudit(tx, {
        actorId: by.userId,
        actorLabel: by.label,
        action: 'meetingType.create',
        entityType: 'MeetingType',
        entityId: t.id,
        after: { ...input },
        districtId,
      });
      return { id: t.id };
    });
  } catch (e) {
    if ((e as { code?: string }).code === 'P2002') refuse('meetingType.codeTaken', { code: input.code });
    throw e;
  }
}

/** Loads a type for its district's administrator; another district's type is refused like one that does not exist. */
async function ownType(by: TBy, id: number) {
  const t = (await getDb().meetingType.findUnique({ where: { id } })) ?? refuse('auth.forbidden');
  authorize(by, 'meetingType.manage', { district: t.districtId });
  return t;
}

export async function updateMeetingType(by: TBy, id: number, input: TMeetingTypeInput) {
  const before = await ownType(by, id);
  checkNotice(input);
  await getDb().$transaction(async (tx) => {
    await tx.meetingType.update({ where: { id }, data: input });
    const { nameZh, nameEn, baseKind, defaultBodyKind, noticeDays, open, needsApproval } = before;
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: 'meetingType.update',
      entityType: 'MeetingType',
      entityId: id,
      before: { nameZh, nameEn, baseKind, defaultBodyKind, noticeDays, open, needsApproval },
      after: { ...input },
      districtId: before.districtId,
    });
  });
}

/** Retired types are no longer offered; meetings that used them keep their name. Retiring twice is refused. */
export async function retireMeetingType(by: TBy, id: number) {
  const t = await ownType(by, id);
  await getDb().$transaction(async (tx) => {
    const r = await tx.meetingType.updateMany({ where: { id, retiredOn: null }, data: { retiredOn: dateOnly(today()) } });
    if (r.count !== 1) refuse('meetingType.retired');
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: 'meetingType.retire',
      entityType: 'MeetingType',
      entityId: id,
      districtId: t.districtId,
    });
  });
}

/**
 * A schedule naming a district's type: the type must be the place's district's and not retired; the meeting follows
 * its base kind's rules (kind = baseKind). Without a type the input is unchanged.
 */
export async function withType<T extends { kind: TMeetingKind; typeId?: number }>(input: T, districtId: number) {
  if (!input.typeId) return { input: { ...input }, noticeDays: 0 };
  const t = await getDb().meetingType.findUnique({ where: { id: input.typeId } });
  if (!t || t.districtId !== districtId || t.retiredOn) return refuse('meetingType.unknown');
  return { input: { ...input, kind: t.baseKind }, noticeDays: t.noticeDays };
}

/** The earliest day a type's notice allows, counted from today in China (the notice day not counted). */
export const earliestFor = (noticeDays: number) => addDays(today(), noticeDays);

/** A type's notice, enforced like the law's (NOTICE_DAYS): refused with the earliest date. */
export function checkTypeNotice(noticeDays: number, date: string) {
  const earliest = earliestFor(noticeDays);
  if (noticeDays > 0 && date < earliest) refuse('meeting.noticeTooShort', { days: noticeDays, earliest });
}

/** What a meeting's read selects of its type: its names. */
export const TYPE_NAMES = { select: { nameZh: true, nameEn: true } } as const;

/** A meeting's kind as shown when it has a district's type (both languages); null for a built-in kind (its words apply). */
export const kindLabel = (type: { nameZh: string; nameEn: string } | null) => (type ? { zh: type.nameZh, en: type.nameEn } : null);
