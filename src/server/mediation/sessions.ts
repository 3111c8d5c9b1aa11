import 'server-only';
import type { TBy } from '@/server/accounts/by';
import { writeAudit } from '@/server/audit';
import { getDb, type TTx } from '@/server/db';
import { refuse } from '@/server/errors';
import { toChinaLocal } from '@/server/issues/clock';
import { notify } from '@/server/issues/notify';
import { dateOnly, CHINA_OFFSET_MS, fromDateOnly } from '@/server/today';
import { requireCase } from './access';
import { lockCase } from './mediators';

export type TFormat = 'FACE_TO_FACE' | 'BACK_TO_BACK';
export type TAttendance = { partyIds: number[]; mediatorIds: number[] };

/** The next session number of the case (the case's row is locked: two sessions at once get distinct numbers). */
async function nextNo(tx: TTx, caseId: number) {
  const last = await tx.mediationSession.aggregate({ where: { caseId }, _max: { no: true } });
  return (last._max.no ?? 0) + 1;
}

function checkPlace(location: string, format: string) {
  if (!location.trim() || location.length > 200) refuse('mediation.badInput');
  if (format !== 'FACE_TO_FACE' && format !== 'BACK_TO_BACK') refuse('mediation.badInput');
}

/** The case open for sessions, with the case's row locked; managers and the case's mediators only. */
async function openCase(tx: TTx, by: TBy, caseId: number) {
  await lockCase(tx, caseId);
  const { case: c } = await requireCase(by, caseId, 'mediation.mediate', { db: tx });
  if (c.status !== 'OPEN') refuse('mediation.wrongState');
  return c;
}

const audit = (
  tx: TTx,
  by: TBy,
  c: { id: number; communityId: number; compoundId: number | null },
  action: 'mediation.scheduleSession' | 'mediation.recordSession' | 'mediation.cancelSession',
  after: object,
) =>
  writeAudit(tx, {
    actorId: by.userId,
    actorLabel: by.label,
    action,
    entityType: 'MediationCase',
    entityId: c.id,
    after: after as never,
    communityId: c.communityId,
    compoundId: c.compoundId,
  });

/** "2026-12-05 14:30" in China's time: what a party is told of a session. */
export function chinaTime(d: Date) {
  const t = toChinaLocal(d);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${t.date} ${pad(Math.floor(t.minute / 60))}:${pad(t.minute % 60)}`;
}

/**
 * Schedules a session (调解会) of an open case, in the future only; numbered within the case. The parties with an
 * account are told its time and place — nothing else of the case.
 */
export async function scheduleSession(
  by: TBy,
  caseId: number,
  input: { startsAt: Date; location: string; format: TFormat },
  now = new Date(),
) {
  checkPlace(input.location, input.format);
  if (!(input.startsAt.getTime() > now.getTime())) refuse('mediation.sessionPast');
  return getDb().$transaction(async (tx) => {
    const c = await openCase(tx, by, caseId);
    const s = await tx.mediationSession.create({
      data: {
        caseId,
        no: await nextNo(tx, caseId),
        startsAt: input.startsAt,
        location: input.location.trim(),
        format: input.format,
        createdById: by.userId,
      },
      select: { id: true, no: true },
    });
    const parties = await tx.mediationParty.findMany({
      where: { caseId, personId: { not: null } },
      select: { person: { select: { user: { select: { id: true } } } } },
    });
    await notify(
      tx,
      parties.map((p) => p.person?.user?.id),
      {
        kind: 'mediation.session',
        link: `/mediation/${caseId}`,
        title: '调解会安排',
        body: `${chinaTime(input.startsAt)} ${input.location.trim()}`,
      },
    );
    await audit(tx, by, c, 'mediation.scheduleSession', { sessionId: s.id, no: s.no, status: 'SCHEDULED' });
    return s;
  });
}

/**
 * Records a session as held: a scheduled one once it has started, or one held already (its start between the day the case
 * was received — China's day — and now: "a session in the past for a new case" is refused). Attendance names the case's
 * own parties and mediators; the notes (调解笔录) are never shown to the parties.
 */
export async function recordSession(
  by: TBy,
  caseId: number,
  input: {
    sessionId?: number;
    startsAt?: Date;
    location?: string;
    format?: TFormat;
    attendance: TAttendance;
    notes: string;
    outcome?: string;
  },
  now = new Date(),
) {
  const notes = input.notes.trim();
  if (!notes || notes.length > 5000 || (input.outcome?.length ?? 0) > 1000) refuse('mediation.badInput');
  return getDb().$transaction(async (tx) => {
    const c = await openCase(tx, by, caseId);
    const [parties, mediators] = await Promise.all([
      tx.mediationParty.findMany({ where: { caseId }, select: { id: true } }),
      tx.caseMediator.findMany({ where: { caseId }, select: { id: true } }),
    ]);
    const within = (ids: number[], rows: { id: number }[]) => ids.every((id) => rows.some((r) => r.id === id));
    if (!within(input.attendance.partyIds, parties) || !within(input.attendance.mediatorIds, mediators)) refuse('mediation.badInput');
    if (!input.attendance.partyIds.length || !input.attendance.mediatorIds.length) refuse('mediation.attendance');
    const held = { status: 'HELD' as const, heldAt: now, attendance: input.attendance, notes, outcome: input.outcome?.trim() || null };
    if (input.sessionId) {
      const s = await tx.mediationSession.findFirst({
        where: { id: input.sessionId, caseId, status: 'SCHEDULED' },
        select: { id: true, no: true, startsAt: true },
      });
      if (!s) return refuse('mediation.badInput');
      if (s.startsAt.getTime() > now.getTime()) refuse('mediation.sessionNotYet');
      await tx.mediationSession.update({ where: { id: s.id }, data: held });
      await audit(tx, by, c, 'mediation.recordSession', { sessionId: s.id, no: s.no, status: 'HELD' });
      return s;
    }
    if (!input.startsAt || Number.isNaN(input.startsAt.getTime())) return refuse('mediation.badInput');
    checkPlace(input.location ?? '', input.format ?? '');
    const received = dateOnly(fromDateOnly(c.receivedOn)).getTime() - CHINA_OFFSET_MS;
    if (input.startsAt.getTime() < received) refuse('mediation.sessionBeforeCase');
    if (input.startsAt.getTime() > now.getTime()) refuse('mediation.sessionNotYet');
    const s = await tx.mediationSession.create({
      data: {
        caseId,
        no: await nextNo(tx, caseId),
        startsAt: input.startsAt,
        location: input.location!.trim(),
        format: input.format!,
        createdById: by.userId,
        ...held,
      },
      select: { id: true, no: true },
    });
    await audit(tx, by, c, 'mediation.recordSession', { sessionId: s.id, no: s.no, status: 'HELD' });
    return s;
  });
}

/** Cancels a scheduled session of an open case. */
export async function cancelSession(by: TBy, caseId: number, sessionId: number) {
  return getDb().$transaction(async (tx) => {
    const c = await openCase(tx, by, caseId);
    const done = await tx.mediationSession.updateMany({
      where: { id: sessionId, caseId, status: 'SCHEDULED' },
      data: { status: 'CANCELLED' },
    });
    if (done.count !== 1) refuse('mediation.badInput');
    await audit(tx, by, c, 'mediation.cancelSession', { sessionId, status: 'CANCELLED' });
  });
}
