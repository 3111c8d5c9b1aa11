/**
 * An implementation task's life (issue 19 item 1, decision 053): its owner reports progress and asks for acceptance
 * (申请验收, OPEN → DONE); those running the topic or its beneficiaries accept it (DONE → ACCEPTED) or send it back
 * with a reason (DONE → OPEN). Nothing moves an accepted task. Pure: the server passes the status and the event.
 */
import { addWorkingDays, type TCalendar } from '@/domain/calendar/working-calendar';

export type TTaskStatus = 'OPEN' | 'DONE' | 'ACCEPTED';
export type TTaskEvent = 'PROGRESS' | 'DONE' | 'ACCEPT' | 'SEND_BACK' | 'COMMENT';

export type TTaskMove = { ok: true; next: TTaskStatus } | { ok: false; code: string };

const REFUSAL: Record<TTaskStatus, string> = { OPEN: 'topic.taskNotDone', DONE: 'topic.taskNotOpen', ACCEPTED: 'topic.taskAccepted' };

/** The status after `event`, or why it may not happen now. A send-back needs a reason. */
export function taskMove(status: TTaskStatus, event: TTaskEvent, reason = ''): TTaskMove {
  if (status === 'ACCEPTED' && event !== 'COMMENT') return { ok: false, code: REFUSAL.ACCEPTED };
  switch (event) {
    case 'COMMENT':
      return { ok: true, next: status };
    case 'PROGRESS':
    case 'DONE':
      return status === 'OPEN' ? { ok: true, next: event === 'DONE' ? 'DONE' : 'OPEN' } : { ok: false, code: REFUSAL.DONE };
    case 'ACCEPT':
      return status === 'DONE' ? { ok: true, next: 'ACCEPTED' } : { ok: false, code: REFUSAL.OPEN };
    case 'SEND_BACK':
      if (status !== 'DONE') return { ok: false, code: REFUSAL.OPEN };
      return reason.trim() ? { ok: true, next: 'OPEN' } : { ok: false, code: 'topic.reasonRequired' };
  }
}

/** A task's deadline as entered: a calendar day, or "N 个工作日" from today. */
export type TDueInput = { date: string } | { workingDays: number };

export const MAX_WORKING_DAYS = 250;

/**
 * The day a task is due: the date itself, or the N-th working day after `today` on the district's calendar
 * (holidays and 调休 Saturdays included). Null when N is not a whole number from 1 to MAX_WORKING_DAYS.
 */
export function dueDay(input: TDueInput, today: string, cal: TCalendar): string | null {
  if ('date' in input) return input.date;
  const n = input.workingDays;
  if (!Number.isInteger(n) || n < 1 || n > MAX_WORKING_DAYS) return null;
  return addWorkingDays(today, n, cal);
}

/** Overdue: due before China's today and not yet done (the simple mark on "my tasks"; 督办 has its own). */
export const taskOverdue = (task: { status: TTaskStatus; dueOn: string }, today: string) => task.status === 'OPEN' && task.dueOn < today;
