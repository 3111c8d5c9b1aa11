import 'server-only';
import { uncoveredYears, type TCalendar } from '@/domain/calendar/working-calendar';
import type { TBy } from '@/server/accounts/by';
import { authorize } from '@/server/accounts/by';
import { writeAudit } from '@/server/audit';
import { officialCalendar } from '@/server/calendar/official-calendar';
import { getDb, type TDb, type TTx } from '@/server/db';
import { refuse } from '@/server/errors';
import { kept } from '@/server/kept';
import type { TFirstResponder } from '@/domain/issues/first-responders';
import { dateOnly, fromDateOnly, thisYear } from '@/server/today';

// What a new issue needs of its district, kept per instance for a minute and dropped here on every change
// (decision 035): the categories that apply and the working calendar.
type TCategory = Awaited<ReturnType<typeof loadCategories>>[number];
const keptSettings = kept<number, { categories: TCategory[]; calendar: TCalendar }>('district-settings', 60_000);

async function loadCategories(districtId: number) {
  const rows = await getDb().issueCategory.findMany({ where: { OR: [{ districtId: null }, { districtId }] }, orderBy: { id: 'asc' } });
  const own = new Set(rows.filter((r) => r.districtId === districtId).map((r) => r.code));
  return rows.filter((r) => (r.districtId === districtId || !own.has(r.code)) && r.active);
}

/** A district's active categories (whole rows) and its working calendar, kept per instance. */
export const districtSettings = (districtId: number) =>
  keptSettings.get(districtId, async () => ({ categories: await loadCategories(districtId), calendar: await calendarFor(districtId) }));
const settingsChanged = <T>(districtId: number, change: Promise<T>) => change.finally(() => keptSettings.drop(districtId));

export { FIRST_RESPONDERS } from '@/domain/issues/first-responders';

const categorySelect = {
  id: true,
  code: true,
  districtId: true,
  nameZh: true,
  nameEn: true,
  handlerRole: true,
  acknowledgeMinutes: true,
  resolveWorkingDays: true,
  remindBeforeMinutes: true,
  aroundTheClock: true,
  resolveMinutes: true,
  active: true,
} as const;

/**
 * The categories that apply in a district: its own rows, and the defaults whose code it has not
 * overridden. A district that switched a default off has an inactive row with that code.
 */
export async function districtCategories(districtId: number, { includeInactive = false } = {}, db: TDb | TTx = getDb()) {
  const rows = await db.issueCategory.findMany({
    where: { OR: [{ districtId: null }, { districtId }] },
    orderBy: { id: 'asc' },
    select: categorySelect,
  });
  const own = new Set(rows.filter((r) => r.districtId === districtId).map((r) => r.code));
  return rows.filter((r) => (r.districtId === districtId || !own.has(r.code)) && (includeInactive || r.active));
}

/** Whether a category may be chosen for an issue in this district. */
export async function categoryFor(districtId: number, categoryId: number, db: TDb | TTx = getDb()) {
  const found = (await districtCategories(districtId, {}, db)).find((c) => c.id === categoryId);
  return found ? db.issueCategory.findUnique({ where: { id: found.id } }) : null;
}

/** The working calendar of a district: the official schedule plus the days its admins entered. */
export async function calendarFor(districtId: number, db: TDb | TTx = getDb()): Promise<TCalendar> {
  const days = await db.calendarDay.findMany({ where: { districtId }, select: { date: true, kind: true } });
  return officialCalendar(days.map((d) => ({ date: fromDateOnly(d.date), kind: d.kind })));
}

/** Calendars of several districts, loaded once (the escalation pass). */
export async function calendarsFor(districtIds: number[]): Promise<Map<number, TCalendar>> {
  const ids = [...new Set(districtIds)];
  const days = await getDb().calendarDay.findMany({
    where: { districtId: { in: ids } },
    select: { districtId: true, date: true, kind: true },
  });
  return new Map(
    ids.map((id) => [
      id,
      officialCalendar(days.filter((d) => d.districtId === id).map((d) => ({ date: fromDateOnly(d.date), kind: d.kind }))),
    ]),
  );
}

export type TCategoryInput = {
  nameZh: string;
  nameEn: string;
  handlerRole: TFirstResponder;
  acknowledgeMinutes: number;
  resolveWorkingDays: number;
  remindBeforeMinutes: number;
  /** Deadlines in plain minutes, nights and holidays included (a lift); resolveMinutes then replaces the working days. */
  aroundTheClock: boolean;
  resolveMinutes: number;
  active: boolean;
};

/**
 * Changes a category for one district. Editing a default makes the district's own copy (same code),
 * so other districts keep the default and issues already raised keep the category they had.
 */
export async function saveDistrictCategory(by: TBy, districtId: number, categoryId: number, input: TCategoryInput) {
  authorize(by, 'issue.configure', { district: districtId });
  const db = getDb();
  const current =
    (await districtCategories(districtId, { includeInactive: true })).find((c) => c.id === categoryId) ?? refuse('issue.categoryUnknown');
  return settingsChanged(
    districtId,
    db.$transaction(async (tx) => {
      const saved =
        current.districtId === districtId
          ? await tx.issueCategory.update({ where: { id: current.id }, data: input })
          : await tx.issueCategory.create({ data: { ...input, code: current.code, districtId } });
      await writeAudit(tx, {
        actorId: by.userId,
        actorLabel: by.label,
        action: 'issueCategory.save',
        entityType: 'IssueCategory',
        entityId: saved.id,
        before: strip(current),
        after: { ...input, code: current.code, districtId },
        districtId,
      });
      return { id: saved.id };
    }),
  );
}

/** A category of the district's own (a code the defaults do not have). */
export async function addDistrictCategory(by: TBy, districtId: number, input: TCategoryInput & { code: string }) {
  authorize(by, 'issue.configure', { district: districtId });
  const db = getDb();
  const taken = await db.issueCategory.findFirst({ where: { code: input.code, OR: [{ districtId: null }, { districtId }] } });
  if (taken) refuse('issue.categoryCodeTaken');
  return settingsChanged(
    districtId,
    db.$transaction(async (tx) => {
      const saved = await tx.issueCategory.create({ data: { ...input, districtId } });
      await writeAudit(tx, {
        actorId: by.userId,
        actorLabel: by.label,
        action: 'issueCategory.add',
        entityType: 'IssueCategory',
        entityId: saved.id,
        after: { ...input, districtId },
        districtId,
      });
      return { id: saved.id };
    }),
  );
}

export async function listCalendarDays(by: TBy, districtId: number) {
  authorize(by, 'issue.configure', { district: districtId });
  return getDb().calendarDay.findMany({
    where: { districtId },
    orderBy: { date: 'asc' },
    select: { id: true, date: true, kind: true, note: true },
  });
}

/**
 * A holiday or make-up working day for a year the chinese-days package does not cover yet (or a local
 * correction). It wins over the package for that day, for deadlines computed from now on.
 */
export async function addCalendarDay(by: TBy, districtId: number, input: { date: string; kind: 'HOLIDAY' | 'WORKDAY'; note: string }) {
  authorize(by, 'issue.configure', { district: districtId });
  const db = getDb();
  const date = dateOnly(input.date);
  if (await db.calendarDay.findUnique({ where: { districtId_date: { districtId, date } } })) refuse('calendar.dayTaken');
  return settingsChanged(
    districtId,
    db.$transaction(async (tx) => {
      const day = await tx.calendarDay.create({ data: { districtId, date, kind: input.kind, note: input.note, createdById: by.userId } });
      await writeAudit(tx, {
        actorId: by.userId,
        actorLabel: by.label,
        action: 'calendarDay.add',
        entityType: 'CalendarDay',
        entityId: day.id,
        after: { districtId, ...input },
        districtId,
      });
      return { id: day.id };
    }),
  );
}

export async function removeCalendarDay(by: TBy, districtId: number, dayId: number) {
  authorize(by, 'issue.configure', { district: districtId });
  const db = getDb();
  const day = (await db.calendarDay.findFirst({ where: { id: dayId, districtId } })) ?? refuse('auth.forbidden');
  await settingsChanged(
    districtId,
    db.$transaction(async (tx) => {
      await tx.calendarDay.delete({ where: { id: day.id } });
      await writeAudit(tx, {
        actorId: by.userId,
        actorLabel: by.label,
        action: 'calendarDay.remove',
        entityType: 'CalendarDay',
        entityId: day.id,
        before: { districtId, date: fromDateOnly(day.date), kind: day.kind, note: day.note },
        districtId,
      });
    }),
  );
}

/** This year and next, those whose holidays the district's calendar does not know yet: its calendar page asks for them. */
export async function yearsToEnter(districtId: number): Promise<number[]> {
  const year = thisYear();
  return uncoveredYears([`${year}-01-01`, `${year + 1}-01-01`], await calendarFor(districtId));
}

/** Which years the official schedule covers (the settings page says which years need days entered). */
export function coveredYears(): number[] {
  return [...officialCalendar().coveredYears].sort();
}

function strip(c: Awaited<ReturnType<typeof districtCategories>>[number]) {
  return {
    code: c.code,
    districtId: c.districtId,
    nameZh: c.nameZh,
    nameEn: c.nameEn,
    handlerRole: c.handlerRole,
    acknowledgeMinutes: c.acknowledgeMinutes,
    resolveWorkingDays: c.resolveWorkingDays,
    remindBeforeMinutes: c.remindBeforeMinutes,
    aroundTheClock: c.aroundTheClock,
    resolveMinutes: c.resolveMinutes,
    active: c.active,
  };
}
