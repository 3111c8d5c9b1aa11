import {
  addDays,
  addWorkingDays,
  addWorkingMinutes,
  compareLocal,
  DEFAULT_OFFICE_HOURS,
  type TCalendar,
  type TLocalTime,
  type TOfficeHours,
} from '../calendar/working-calendar';
import { isOpen, nextLevel, type TIssueState, type TLevel } from './lifecycle';

/**
 * Deadlines for one category at one level: office minutes to acknowledge, working days to resolve — or, for a
 * category that runs around the clock (a lift, a burst pipe), plain minutes for both, whatever the calendar.
 */
export type TDeadlinePolicy = {
  acknowledgeMinutes: number;
  resolveWorkingDays: number;
  remindBeforeMinutes: number;
  aroundTheClock?: boolean;
  /** Minutes to resolve when the category runs around the clock. */
  resolveMinutes?: number;
};

export type TDeadlines = { acknowledgeBy: TLocalTime; resolveBy: TLocalTime };

/** Deadlines counted from the moment the issue reached its current level. */
export function deadlinesFrom(
  since: TLocalTime,
  policy: TDeadlinePolicy,
  cal: TCalendar,
  hours: TOfficeHours = DEFAULT_OFFICE_HOURS,
): TDeadlines {
  if (policy.aroundTheClock)
    return {
      acknowledgeBy: addClockMinutes(since, policy.acknowledgeMinutes),
      resolveBy: addClockMinutes(since, policy.resolveMinutes ?? 24 * 60),
    };
  const closing = hours[hours.length - 1]![1];
  return {
    acknowledgeBy: addWorkingMinutes(since, policy.acknowledgeMinutes, cal, hours),
    // Resolving is due by the end of office hours of the n-th working day.
    resolveBy: { date: addWorkingDays(since.date, policy.resolveWorkingDays, cal), minute: closing },
  };
}

/** The moment `minutes` after `t` on the clock: nights, weekends and holidays count. */
export function addClockMinutes(t: TLocalTime, minutes: number): TLocalTime {
  const total = t.minute + minutes;
  const days = Math.floor(total / (24 * 60));
  return { date: addDays(t.date, days), minute: total - days * 24 * 60 };
}

export type TDue =
  | { kind: 'NONE' }
  | { kind: 'REMIND'; deadline: 'acknowledge' | 'resolve' }
  | { kind: 'ESCALATE'; deadline: 'acknowledge' | 'resolve'; to: TLevel }
  | { kind: 'OVERDUE_AT_TOP' };

/**
 * What the escalation job must do for one issue now: remind before a deadline, escalate one level
 * after a missed one (an unacknowledged issue misses the acknowledgement deadline; an open one the
 * resolution deadline), or flag it overdue when it is already at the district.
 */
export function dueAction(
  issue: { state: TIssueState; level: TLevel; deadlines: TDeadlines; reminded: boolean },
  now: TLocalTime,
  policy: TDeadlinePolicy,
  cal: TCalendar,
  hours: TOfficeHours = DEFAULT_OFFICE_HOURS,
): TDue {
  if (!isOpen(issue.state)) return { kind: 'NONE' };
  const which = issue.state === 'SUBMITTED' || issue.state === 'REOPENED' ? 'acknowledge' : 'resolve';
  const deadline = which === 'acknowledge' ? issue.deadlines.acknowledgeBy : issue.deadlines.resolveBy;
  if (compareLocal(now, deadline) >= 0) {
    const to = nextLevel(issue.level);
    return to ? { kind: 'ESCALATE', deadline: which, to } : { kind: 'OVERDUE_AT_TOP' };
  }
  const remindAt = policy.aroundTheClock
    ? addClockMinutes(now, policy.remindBeforeMinutes)
    : addWorkingMinutes(now, policy.remindBeforeMinutes, cal, hours);
  return !issue.reminded && compareLocal(remindAt, deadline) >= 0 ? { kind: 'REMIND', deadline: which } : { kind: 'NONE' };
}
