import 'server-only';
import { createTranslator } from 'use-intl/core';
import { checkGrant } from '@/domain/authz/can';
import { addDays } from '@/domain/calendar/working-calendar';
import type { TElectionResult } from '@/domain/elections/count';
import { electionTransition, type TElectionStatus } from '@/domain/elections/status';
import type { TBy } from '@/server/accounts/by';
import { writeAudit } from '@/server/audit';
import { getDb, type TTx } from '@/server/db';
import { refuse } from '@/server/errors';
import { publishNotice } from '@/server/notices/publish';
import { ancestryOf } from '@/server/places/ancestry';
import { dateOnly, fromDateOnly } from '@/server/today';
import zhElections from '../../../messages/zh-CN/elections.json';
import enElections from '../../../messages/en/elections.json';
import { lockElection, managedElection, type TElectionRow } from './roll';

/**
 * Publishing the result (decision 069): a notice on the board with every candidate's votes (owners' areas in m²), the
 * rule in words, the turnout against the least needed, the winners and any run-off; then the winners are seated —
 * BodyMember rows for the term (a whole body re-elected: the previous members end the day before; a run-off's winners
 * join the first round's and end nobody) or, for 楼栋长, the BUILDING_HEAD grant at the building for the term.
 */
export type TLocale = 'zh-CN' | 'en';
export const electionWords = (locale: TLocale) =>
  createTranslator({ locale, messages: { elections: locale === 'en' ? enElections : zhElections }, namespace: 'elections' });

const m2 = (centi: number) => (centi / 100).toFixed(2);

export type TResultLine = { id: number; name: string; text: string; outcome: string; why: string | null };

/** A stored count in words, for the notice (Chinese) and the page (the reader's language). */
export function describeElectionResult(
  r: TElectionResult,
  names: Map<number, string>,
  term: { from: string; to: string },
  locale: TLocale = 'zh-CN',
) {
  const t = electionWords(locale);
  const owners = r.rule === 'OWNERS_278';
  const turnout = r.turnout.map((c) =>
    c.what === 'turnoutArea'
      ? t('result.turnoutArea', { count: m2(c.count), denominator: m2(c.denominator), least: m2(c.least), met: String(c.met) })
      : t(owners ? 'result.turnoutHeadsOwners' : 'result.turnoutHeads', {
          count: c.count,
          denominator: c.denominator,
          least: c.least,
          met: String(c.met),
        }),
  );
  const name = (id: number) => names.get(id) ?? `#${id}`;
  const lines: TResultLine[] = r.lines.map((l) => {
    const text = owners
      ? t('result.lineOwners', {
          name: name(l.id),
          votes: l.votes,
          area: m2(l.areaCentiM2),
          least: l.leastVotes,
          leastArea: m2(l.leastAreaCentiM2 ?? 0),
        })
      : t('result.line', { name: name(l.id), votes: l.votes, least: l.leastVotes });
    // Why someone was not elected outright, in words: too few heads, too little area, too few votes (also for one who
    // goes to a run-off without having qualified), or ranked below the seats.
    const short = l.votes < l.leastVotes || l.votes === 0;
    const lowArea = l.leastAreaCentiM2 !== null && l.areaCentiM2 < l.leastAreaCentiM2;
    const why =
      l.outcome === 'ELECTED' || r.code === 'TURNOUT_FAILED'
        ? null
        : short
          ? t(owners && l.votes > 0 ? 'result.why.heads' : 'result.why.votes')
          : lowArea
            ? t('result.why.area')
            : l.outcome === 'NOT_ELECTED'
              ? t('result.why.rank')
              : null;
    return { id: l.id, name: name(l.id), text, outcome: t(`result.outcome.${l.outcome}`), why };
  });
  const left = r.seats - r.elected.length;
  const code = t(`result.code.${r.code}`, { seats: r.seats, left });
  const winners = r.elected.length ? t('result.winners', { names: r.elected.map(name).join('、'), ...term }) : null;
  const runoff = r.runoff
    ? t('result.runoff', { seats: r.runoff.seats, names: r.runoff.candidateIds.map(name).join('、'), rule: t(`rule.${r.runoff.rule}`) })
    : null;
  return { rule: t('result.ruleLine', { rule: t(`rule.${r.rule}`) }), turnout, lines, code, winners, runoff };
}

export async function candidateNames(tx: Pick<TTx, 'electionCandidate'>, electionIds: number[]) {
  const rows = await tx.electionCandidate.findMany({
    where: { electionId: { in: electionIds } },
    select: { id: true, person: { select: { name: true } } },
  });
  return new Map(rows.map((c) => [c.id, c.person.name]));
}

function noticeBody(e: TElectionRow, words: ReturnType<typeof describeElectionResult>) {
  const t = electionWords('zh-CN');
  return [
    e.round > 1 ? t('result.round', { round: e.round }) : null,
    words.rule,
    ...words.turnout,
    '',
    ...words.lines.map((l) => `${l.text}，${l.outcome}${l.why ? `（${l.why}）` : ''}`),
    '',
    words.code,
    words.winners,
    words.runoff,
    t('result.hash', { hash: e.tallyHash ?? '' }),
  ]
    .filter((x): x is string => x !== null)
    .join('\n');
}

/** Seats the winners of this round; returns how many were seated and how (members or grants). */
async function seatWinners(tx: TTx, by: TBy, e: TElectionRow, personIds: number[]) {
  const from = fromDateOnly(e.termStartsOn);
  const dayBefore = dateOnly(addDays(from, -1));
  if (e.bodyId) {
    const body = await tx.body.findUniqueOrThrow({ where: { id: e.bodyId } });
    const whole = e.round === 1 && (body.seats === null || body.seats === e.seats);
    let ended = 0;
    if (whole) {
      ended = (
        await tx.bodyMember.updateMany({
          where: { bodyId: body.id, startsOn: { lt: e.termStartsOn }, OR: [{ endsOn: null }, { endsOn: { gt: dayBefore } }] },
          data: { endsOn: dayBefore },
        })
      ).count;
      await tx.body.update({
        where: { id: body.id },
        data: { termNo: (body.termNo ?? 0) + 1, termStartsOn: e.termStartsOn, termEndsOn: e.termEndsOn },
      });
    }
    if (!whole && body.seats !== null) {
      // A by-election (补选) fills vacancies: the body may not hold more members than its seats on the first day.
      const inOffice = await tx.bodyMember.count({
        where: { bodyId: body.id, startsOn: { lte: e.termStartsOn }, OR: [{ endsOn: null }, { endsOn: { gte: e.termStartsOn } }] },
      });
      if (inOffice + personIds.length > body.seats) refuse('electionVote.bodyFull', { seats: body.seats, inOffice });
    }
    await tx.bodyMember.createMany({
      data: personIds.map((personId) => ({
        bodyId: body.id,
        personId,
        position: 'MEMBER' as const,
        startsOn: e.termStartsOn,
        endsOn: e.termEndsOn,
      })),
    });
    return { members: personIds.length, ended, grants: 0, ungranted: 0 };
  }
  // A post: 楼栋长 carries the BUILDING_HEAD role at its building, for winners with an account, if the manager may grant it.
  let grants = 0;
  let ungranted = 0;
  if (e.buildingId && personIds.length) {
    const ancestry = (await ancestryOf({ level: 'building', id: e.buildingId }, tx))!;
    const allowed = checkGrant(by.actor, 'BUILDING_HEAD', { level: 'building', id: e.buildingId, ancestry }, by.today) === null;
    const users = await tx.user.findMany({ where: { personId: { in: personIds } }, select: { id: true } });
    if (allowed && users.length) {
      await tx.roleGrant.updateMany({
        where: {
          role: 'BUILDING_HEAD',
          placeLevel: 'BUILDING',
          placeId: e.buildingId,
          revokedAt: null,
          startsOn: { lt: e.termStartsOn },
          OR: [{ endsOn: null }, { endsOn: { gt: dayBefore } }],
        },
        data: { endsOn: dayBefore },
      });
      await tx.roleGrant.createMany({
        data: users.map((u) => ({
          userId: u.id,
          role: 'BUILDING_HEAD' as const,
          placeLevel: 'BUILDING' as const,
          placeId: e.buildingId!,
          startsOn: e.termStartsOn,
          endsOn: e.termEndsOn,
          grantedById: by.userId,
        })),
      });
      grants = users.length;
    }
    ungranted = personIds.length - grants;
  }
  return { members: 0, ended: 0, grants, ungranted };
}

export async function publishResult(by: TBy, electionId: number) {
  return getDb().$transaction(async (tx) => publishResultIn(tx, by, electionId));
}

export async function publishResultIn(tx: TTx, by: TBy, electionId: number) {
  await managedElection(tx, by, electionId);
  const status = (await lockElection(tx, electionId)) as TElectionStatus;
  const t = electionTransition(status, { type: 'PUBLISH_RESULT' });
  if (!t.ok) return refuse(t.code);
  const e = (await tx.election.findUniqueOrThrow({ where: { id: electionId } }))!;
  const result = e.result as unknown as TElectionResult;
  const names = await candidateNames(tx, [e.id]);
  const words = describeElectionResult(result, names, { from: fromDateOnly(e.termStartsOn), to: fromDateOnly(e.termEndsOn) });
  const community = await tx.community.findUniqueOrThrow({
    where: { id: e.communityId },
    select: { streetId: true, street: { select: { districtId: true } } },
  });
  const notice = await publishNotice(tx, {
    kind: 'RESULT',
    category: e.electorate === 'PARTY_MEMBERS' ? 'PARTY' : 'RESIDENTS',
    title: electionWords('zh-CN')('result.noticeTitle', { title: e.title }),
    body: noticeBody(e, words),
    place: { streetId: community.streetId, districtId: community.street.districtId, communityId: e.communityId, compoundId: e.compoundId },
    createdById: by.userId,
  });
  const winners = await tx.electionCandidate.findMany({
    where: { electionId, elected: true },
    select: { personId: true },
    orderBy: { id: 'asc' },
  });
  const seated =
    result.code === 'TURNOUT_FAILED'
      ? { members: 0, ended: 0, grants: 0, ungranted: 0 }
      : await seatWinners(
          tx,
          by,
          e,
          winners.map((w) => w.personId),
        );
  await tx.election.update({ where: { id: electionId }, data: { status: t.next, resultNoticeId: notice.id } });
  await writeAudit(tx, {
    actorId: by.userId,
    actorLabel: by.label,
    action: 'election.publishResult',
    entityType: 'Election',
    entityId: electionId,
    before: { status },
    after: { status: t.next, noticeId: notice.id, ...seated },
    communityId: e.communityId,
    compoundId: e.compoundId,
  });
  return { noticeId: notice.id, ...seated };
}
