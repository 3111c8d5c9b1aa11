import 'server-only';
import { caseTransition, type TMediationReferral } from '@/domain/mediation/status';
import type { TBy } from '@/server/accounts/by';
import { getDb } from '@/server/db';
import { refuse } from '@/server/errors';
import { dateOnly, fromDateOnly } from '@/server/today';
import { requireCase } from './access';
import { auditCase } from './agreement';
import { lockCase } from './mediators';
import { endIssueOfCase } from './issue-seam';

/** Where the parties were sent, as the issue's timeline says it (the reporter is a party: they were told in person). */
const REFERRED_TO: Record<TMediationReferral, string> = {
  STREET_CENTRE: '街道矛盾纠纷调解中心',
  COURT: '人民法院',
  HOTLINE_12345: '12345 热线',
  ARBITRATION: '仲裁机构',
  OTHER: '其他途径',
};

export const referralMessage = (r: TMediationReferral) => `调解未能达成协议，已引导当事人通过${REFERRED_TO[r]}解决`;

/**
 * No agreement could be reached: where the parties were referred (chosen, never preselected) and a note. The case is
 * UNRESOLVED (final, concluded today); the issue it came from is resolved with a message naming where they were referred.
 */
export async function recordNoAgreement(by: TBy, caseId: number, input: { referral: TMediationReferral; note: string }) {
  const note = input.note.trim();
  if (!note) refuse('mediation.noteEmpty');
  return getDb().$transaction(async (tx) => {
    const { case: c } = await requireCase(by, caseId, 'mediation.mediate', { db: tx });
    await lockCase(tx, caseId);
    const now = await tx.mediationCase.findUniqueOrThrow({ where: { id: caseId }, select: { status: true, issueId: true } });
    const moved = caseTransition(now.status, { type: 'NO_AGREEMENT', referral: input.referral });
    if (!moved.ok) return refuse(moved.code);
    await tx.mediationCase.update({
      where: { id: caseId },
      data: { status: moved.next, referral: input.referral, referralNote: note, concludedOn: dateOnly(by.today) },
    });
    await endIssueOfCase(tx, now.issueId, 'DONE', referralMessage(input.referral));
    await auditCase(
      tx,
      by,
      c,
      'mediation.noAgreement',
      { type: 'MediationCase', id: caseId },
      {
        before: { status: now.status },
        after: { status: moved.next, referral: input.referral },
      },
    );
  });
}

/**
 * The case's outcome as its page shows it. Staff (a manager or a mediator): the agreements (the one being written or
 * signed, and earlier broken ones), the referral, the follow-up visits. A party: their signed agreement's terms and
 * deadline only. Not audited here: the case page that shows it audits the staff read once (requireCase with audit).
 */
export async function caseOutcome(by: TBy, caseId: number) {
  const db = getDb();
  const access = await requireCase(by, caseId, 'read');
  const c = await db.mediationCase.findUniqueOrThrow({
    where: { id: caseId },
    select: { status: true, referral: true, referralNote: true, reopenCount: true, concludedOn: true, closedOn: true },
  });
  const agreements = await db.mediationAgreement.findMany({ where: { caseId }, orderBy: { id: 'desc' } });
  const terms = (a: (typeof agreements)[number]) => (a.terms as { text: string }[]).map((t) => t.text);
  if (access.view === 'party') {
    const signed = agreements.find((a) => a.status !== 'DRAFT');
    return {
      view: 'party' as const,
      status: c.status,
      agreement: signed ? { terms: terms(signed), dueOn: fromDateOnly(signed.dueOn) } : null,
    };
  }
  const followUps = await db.mediationFollowUp.findMany({ where: { caseId }, orderBy: { id: 'asc' } });
  // The agreement being written or signed; on a closed case the one that was kept. Broken ones are history.
  const current = agreements.find((a) => a.status !== 'BROKEN') ?? null;
  return {
    view: 'staff' as const,
    status: c.status,
    reopenCount: c.reopenCount,
    referral: c.referral,
    referralNote: c.referralNote,
    closedOn: c.closedOn ? fromDateOnly(c.closedOn) : null,
    current: current && {
      id: current.id,
      status: current.status,
      facts: current.facts,
      terms: terms(current),
      performance: current.performance,
      dueOn: fromDateOnly(current.dueOn),
      signedOn: current.signedOn ? fromDateOnly(current.signedOn) : null,
      scanName: current.scanName,
    },
    past: agreements
      .filter((a) => a.status === 'BROKEN')
      .map((a) => ({ id: a.id, status: a.status, dueOn: fromDateOnly(a.dueOn), hasScan: !!a.scanKey })),
    followUps: followUps.map((f) => ({ id: f.id, visitedOn: fromDateOnly(f.visitedOn), result: f.result, note: f.note })),
    followUpFrom: current?.status === 'SIGNED' ? fromDateOnly(current.dueOn) : null,
  };
}
