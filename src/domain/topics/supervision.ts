import { addDays, compareLocal, isWorkingDay, workingDaysBetween, type TCalendar, type TLocalTime } from '../calendar/working-calendar';

/**
 * 督办 (decision 049): the follow-through of a topic's implementation task or of a topic's current step.
 * Reminded on the working day before its deadline; once the deadline passes it is overdue on the owner's and
 * the secretary's lists; two working days late it escalates to the community, five days late to the street.
 * Pure: the pass (src/server/topics/supervision-pass.ts) reads the facts and applies the answer.
 */
export const supervisionLevels = ['OWNER', 'COMMUNITY', 'STREET'] as const;
export type TSupervisionLevel = (typeof supervisionLevels)[number];

/** Working days late at which a task or a step reaches each level above its owner. */
export const ESCALATE_AFTER: Record<Exclude<TSupervisionLevel, 'OWNER'>, number> = { COMMUNITY: 2, STREET: 5 };

export type TSupervised = {
  /** The moment it is due: the end of a task's day, a step's deadline. */
  deadline: TLocalTime;
  /** Still to do: an open task of an open topic, the current step of an open topic. */
  open: boolean;
  level: TSupervisionLevel;
  reminded: boolean;
  overdue: boolean;
};

export type TSupervisionDue =
  | { kind: 'NONE' }
  | { kind: 'REMIND' }
  | { kind: 'OVERDUE'; days: number }
  | { kind: 'ESCALATE'; to: Exclude<TSupervisionLevel, 'OWNER'>; days: number };

/** A task is due by the end of its day (the minute after 23:59). */
export const taskDeadline = (dueOn: string): TLocalTime => ({ date: dueOn, minute: 24 * 60 });
export const stepDeadline = (dueAt: TLocalTime): TLocalTime => dueAt;

/** Working days since the deadline's day, up to and including today (0 on the day it was missed or before). */
export function overdueWorkingDays(deadline: TLocalTime, now: TLocalTime, cal: TCalendar): number {
  return compareLocal(now, deadline) < 0 ? 0 : workingDaysBetween(deadline.date, now.date, cal);
}

/** The level its lateness calls for. */
export function levelFor(days: number): TSupervisionLevel {
  if (days >= ESCALATE_AFTER.STREET) return 'STREET';
  return days >= ESCALATE_AFTER.COMMUNITY ? 'COMMUNITY' : 'OWNER';
}

/** The last working day before `iso`. */
function workingDayBefore(iso: string, cal: TCalendar): string {
  let d = addDays(iso, -1);
  for (let guard = 0; guard < 60 && !isWorkingDay(d, cal); guard++) d = addDays(d, -1);
  return d;
}

const rank = (l: TSupervisionLevel) => supervisionLevels.indexOf(l);

/**
 * What the pass must do now: remind (once, from the working day before the deadline), flag overdue (once, when the
 * deadline has passed), or escalate to the level the lateness calls for (a level reached is never left: the street
 * keeps it until it is done). Nothing once it is done.
 */
export function superviseDue(s: TSupervised, now: TLocalTime, cal: TCalendar): TSupervisionDue {
  if (!s.open) return { kind: 'NONE' };
  if (compareLocal(now, s.deadline) < 0) {
    const remindFrom = workingDayBefore(s.deadline.date, cal);
    return !s.reminded && now.date >= remindFrom ? { kind: 'REMIND' } : { kind: 'NONE' };
  }
  const days = overdueWorkingDays(s.deadline, now, cal);
  const to = levelFor(days);
  if (to !== 'OWNER' && rank(to) > rank(s.level)) return { kind: 'ESCALATE', to, days };
  return s.overdue ? { kind: 'NONE' } : { kind: 'OVERDUE', days };
}
