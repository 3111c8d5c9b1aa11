import 'server-only';
import { can } from '@/domain/authz/can';
import { mediationKinds, mediationSources, type TMediationKind, type TMediationSource } from '@/domain/mediation/status';
import type { TBy } from '@/server/accounts/by';
import { writeAudit } from '@/server/audit';
import { getDb, type TTx } from '@/server/db';
import { refuse } from '@/server/errors';
import { once } from '@/server/once';
import { ancestryOf } from '@/server/places/ancestry';
import { chinaDay, dateOnly } from '@/server/today';
import { takeIntoMediation } from './issue-entry';
import { reporterAsApplicant } from './parties';

export type TReceiveCase = {
  kind: TMediationKind;
  source: TMediationSource;
  urgency: 'NORMAL' | 'URGENT';
  summary: string;
  /** From an issue (source ISSUE): its community, its reporter as the applicant. */
  issueId?: number;
  /** Otherwise the community (and compound, when the dispute lies in one) it is received at. */
  communityId?: number;
  compoundId?: number;
  /** A referral in: who referred it (e.g. 棠湖派出所). */
  referredBy?: string;
  idempotencyKey?: string;
};

const REFERRALS: readonly TMediationSource[] = ['STREET_REFERRAL', 'POLICE_REFERRAL'];

/** Where the case is received: the issue's place, or the place named; refused unless the account manages mediation there. */
async function placeOf(by: TBy, input: TReceiveCase, db: TTx) {
  const issue = input.issueId
    ? await db.issue.findFirst({
        where: { id: input.issueId, mergedIntoId: null },
        select: { id: true, communityId: true, compoundId: true, anonymous: true, state: true },
      })
    : null;
  if (input.issueId && !issue) return refuse('auth.forbidden');
  const communityId = issue?.communityId ?? input.communityId;
  const compoundId = issue ? issue.compoundId : (input.compoundId ?? null);
  if (!communityId) return refuse('auth.forbidden');
  const ancestry = await ancestryOf(compoundId ? { level: 'compound', id: compoundId } : { level: 'community', id: communityId }, db);
  if (!ancestry || ancestry.community !== communityId || !can(by.actor, 'mediation.manage', { ancestry }, by.today))
    refuse('auth.forbidden');
  if (issue?.anonymous) refuse('mediation.anonymousIssue');
  return { communityId, compoundId, issue };
}

/** The next 案号 of the community and year: one reception at a time per community (a transaction-scoped lock). */
async function nextSeq(tx: TTx, communityId: number, year: number) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`mediation-seq:${communityId}`}), ${year}::int)`;
  const last = await tx.mediationCase.aggregate({ where: { communityId, year }, _max: { seq: true } });
  return (last._max.seq ?? 0) + 1;
}

/**
 * Receives a dispute as a mediation case (decision 062) at a community whose mediation the account manages: from a
 * resident's issue (not an anonymous one; its reporter becomes the applicant; the issue waits IN_MEDIATION), or from a
 * reception-day visit, a courtyard meeting, a referral (who referred it) or a walk-in. The 案号 is the community's next
 * of the year; the same idempotency key twice makes one case. The audit row names ids only.
 */
export async function receiveCase(by: TBy, input: TReceiveCase, now = new Date()) {
  const db = getDb();
  if (!mediationKinds.includes(input.kind) || !mediationSources.includes(input.source)) refuse('mediation.badInput');
  if (input.urgency !== 'NORMAL' && input.urgency !== 'URGENT') refuse('mediation.badInput');
  const summary = input.summary.trim();
  if (!summary || summary.length > 2000) refuse('mediation.badInput');
  if ((input.source === 'ISSUE') !== !!input.issueId) refuse('mediation.sourceIssue');
  const referredBy = input.referredBy?.trim() || null;
  if (REFERRALS.includes(input.source) && !referredBy) refuse('mediation.referredBy');
  const place = await placeOf(by, input, db);
  const made = (key: string) =>
    db.mediationCase
      .findUnique({ where: { idempotencyKey: key }, select: { id: true, year: true, seq: true, createdById: true } })
      .then((c) => c && { made: { id: c.id, year: c.year, seq: c.seq }, madeBy: c.createdById });
  const taken = (e: unknown) =>
    (e as { code?: string }).code === 'P2002' && place.issue ? refuse('mediation.issueTaken') : Promise.reject(e);
  return once(input.idempotencyKey, by.userId, made, () =>
    db.$transaction(async (tx) => {
      const day = chinaDay(now);
      const year = Number(day.slice(0, 4));
      const seq = await nextSeq(tx, place.communityId, year);
      const c = await tx.mediationCase.create({
        data: {
          year,
          seq,
          communityId: place.communityId,
          compoundId: place.compoundId,
          kind: input.kind,
          source: input.source,
          urgency: input.urgency,
          summary,
          receivedOn: dateOnly(day),
          issueId: place.issue?.id ?? null,
          referredBy: REFERRALS.includes(input.source) ? referredBy : null,
          createdById: by.userId,
          idempotencyKey: input.idempotencyKey ?? null,
        },
        select: { id: true, year: true, seq: true },
      });
      if (place.issue) {
        await takeIntoMediation(tx, by, place.issue.id, c.id, now);
        await reporterAsApplicant(tx, by, { id: c.id, communityId: place.communityId, compoundId: place.compoundId }, place.issue.id);
      }
      await writeAudit(tx, {
        actorId: by.userId,
        actorLabel: by.label,
        action: 'mediation.receive',
        entityType: 'MediationCase',
        entityId: c.id,
        after: { status: 'OPEN', year, seq, issueId: place.issue?.id ?? null },
        communityId: place.communityId,
        compoundId: place.compoundId,
      });
      return c;
    }),
  ).catch(taken);
}
