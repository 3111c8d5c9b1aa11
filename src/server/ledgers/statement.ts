import 'server-only';
import { createHash } from 'node:crypto';
import { createTranslator } from 'use-intl/core';
import { overlaps, unreconciledIn, type TRecordedKind } from '@/domain/ledgers/arithmetic';
import { formatFen } from '@/domain/ledgers/money';
import { statementOf, statementText, type TStatedEntry } from '@/domain/ledgers/statement';
import { publicUrl } from '@/env';
import type { TBy } from '@/server/accounts/by';
import { writeAudit } from '@/server/audit';
import { getDb, type TTx } from '@/server/db';
import { refuse } from '@/server/errors';
import { publishNotice } from '@/server/notices/publish';
import { dateOnly, fromDateOnly } from '@/server/today';
import zhLedgers from '../../../messages/zh-CN/ledgers.json';
import { auditPlace, keptLedger, lockLedger } from './access';

/** Published notices are official documents in Chinese. */
const zh = createTranslator({ locale: 'zh-CN', messages: { ledgers: zhLedgers }, namespace: 'ledgers' });
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The motion's public link. The demo seed publishes before the app's environment is read (at first start there is no
 * DATABASE_URL yet, so publicUrl cannot be built): there the path alone, which the board shows as a link all the same.
 */
const motionLink = (id: number) => {
  try {
    return publicUrl(`/motions/${id}`);
  } catch {
    return `/motions/${id}`;
  }
};

/** Every entry of the ledger as the statement fixes it, in sequence order. */
async function statedEntries(tx: TTx, ledgerId: number) {
  const rows = await tx.ledgerEntry.findMany({
    where: { ledgerId },
    orderBy: { seq: 'asc' },
    select: {
      seq: true,
      kind: true,
      day: true,
      amountFen: true,
      description: true,
      householdId: true,
      motionId: true,
      reconciledAt: true,
      reverses: { select: { seq: true, kind: true } },
      motion: { select: { id: true, title: true, topic: { select: { title: true } } } },
      _count: { select: { receipts: true } },
    },
  });
  return rows.map((r) => ({
    entry: {
      seq: r.seq,
      kind: r.kind,
      day: fromDateOnly(r.day),
      amountFen: r.amountFen,
      reversesKind: (r.reverses?.kind as TRecordedKind | undefined) ?? null,
      reversesSeq: r.reverses?.seq ?? null,
      householdId: r.householdId,
      motionId: r.motionId,
      reconciled: !!r.reconciledAt,
      description: r.description,
      receipts: r._count.receipts,
    } satisfies TStatedEntry,
    motion: r.motion,
  }));
}

type TStatementFigures = ReturnType<typeof statementOf>;

function noticeBody(
  name: string,
  from: string,
  to: string,
  s: TStatementFigures,
  rows: Awaited<ReturnType<typeof statedEntries>>,
  hash: string,
) {
  const motions = new Map(rows.filter((r) => r.motion).map((r) => [r.entry.seq, r.motion!]));
  const receipts = s.covered.reduce((n, e) => n + e.receipts, 0);
  const lines = [
    zh('notice.intro', { name, from, to }),
    zh('notice.opening', { amount: formatFen(s.openingFen) }),
    zh('notice.income', { amount: formatFen(s.incomeFen) }),
    zh('notice.spending', { amount: formatFen(s.spendingFen) }),
    zh('notice.advances', { amount: formatFen(s.advancesFen) }),
    zh('notice.closing', { amount: formatFen(s.closingFen) }),
    zh('notice.owed', { amount: formatFen(s.owedFen) }),
    zh('notice.count', { count: s.entryCount, receipts }),
    '',
    zh('notice.details'),
    ...s.covered.map((e) => {
      const m = motions.get(e.seq);
      const line = zh('notice.line', {
        seq: e.seq,
        day: e.day,
        kind: zh(`entryKind.${e.kind}`),
        amount: formatFen(e.amountFen),
        description: e.description,
      });
      const decided = m ? ` ${zh('notice.decided', { title: m.topic.title, url: motionLink(m.id) })}` : '';
      return `${line}${decided}${e.receipts ? ` ${zh('notice.receipts', { count: e.receipts })}` : ''}`;
    }),
    '',
    zh('notice.hash', { hash }),
  ];
  return lines.join('\n');
}

/**
 * Publishes the statement of a period [from, to] (China's days, inclusive) on the board as a FINANCE notice: opening,
 * income, spending, advances and closing balance, every entry with its receipts and, for draws, the owners' decision with
 * its public link, and the SHA-256 over the entries. Refused while any entry of the period is not reconciled (listed),
 * when it overlaps an earlier statement, or ends after today. From then on the period's days take no entry (trigger).
 */
export async function publishStatement(by: TBy, ledgerId: number, input: { from: string; to: string }) {
  const l = await keptLedger(by, ledgerId);
  const { from, to } = input;
  if (!DAY.test(from) || !DAY.test(to) || Number.isNaN(Date.parse(from)) || Number.isNaN(Date.parse(to)) || from > to)
    refuse('ledger.badPeriod');
  if (to > by.today) refuse('ledger.periodNotOver');
  const db = getDb();
  const place = await db.community.findUniqueOrThrow({
    where: { id: l.communityId },
    select: { streetId: true, street: { select: { districtId: true } } },
  });
  return db.$transaction(
    async (tx) => {
      await lockLedger(tx, ledgerId);
      const earlier = await tx.ledgerStatement.findMany({ where: { ledgerId }, select: { fromDay: true, toDay: true } });
      const clash = earlier.find((s) => overlaps({ from, to }, { from: fromDateOnly(s.fromDay), to: fromDateOnly(s.toDay) }));
      if (clash) refuse('ledger.statementOverlaps', { from: fromDateOnly(clash.fromDay), to: fromDateOnly(clash.toDay) });
      // No gap: a statement starts the day after the last one ended (the first one on or before the first entry's day),
      // so that every entry is stated — and checked for reconciliation — once.
      const lastTo = earlier
        .map((s) => fromDateOnly(s.toDay))
        .sort()
        .at(-1);
      if (lastTo && from !== dayAfter(lastTo)) refuse('ledger.statementGap', { from: dayAfter(lastTo) });
      if (!lastTo) {
        const first = await tx.ledgerEntry.findFirst({ where: { ledgerId }, orderBy: { day: 'asc' }, select: { day: true } });
        if (first && from > fromDateOnly(first.day)) refuse('ledger.statementGap', { from: fromDateOnly(first.day) });
      }
      const rows = await statedEntries(tx, ledgerId);
      const entries = rows.map((r) => r.entry);
      const waiting = unreconciledIn(entries, from, to);
      if (waiting.length > 0) refuse('ledger.unreconciled', { count: waiting.length, seqs: waiting.map((e) => e.seq).join('、') });
      const s = statementOf(entries, from, to);
      const hash = createHash('sha256').update(statementText(s.covered)).digest('hex');
      const notice = await publishNotice(tx, {
        kind: 'FINANCE',
        category: 'FINANCE',
        title: zh('notice.title', { name: l.name, from, to }),
        body: noticeBody(l.name, from, to, s, rows, hash),
        place: { streetId: place.streetId, communityId: l.communityId, compoundId: l.compoundId, districtId: place.street.districtId },
        createdById: by.userId,
      });
      const st = await tx.ledgerStatement.create({
        data: {
          ledgerId,
          fromDay: dateOnly(from),
          toDay: dateOnly(to),
          openingFen: s.openingFen,
          incomeFen: s.incomeFen,
          spendingFen: s.spendingFen,
          advancesFen: s.advancesFen,
          closingFen: s.closingFen,
          owedFen: s.owedFen,
          entryCount: s.entryCount,
          sha256: hash,
          noticeId: notice.id,
          createdById: by.userId,
        },
        select: { id: true },
      });
      await writeAudit(tx, {
        actorId: by.userId,
        actorLabel: by.label,
        action: 'ledger.statement',
        entityType: 'LedgerStatement',
        entityId: st.id,
        after: { ledgerId, from, to, closingFen: s.closingFen.toString(), entryCount: s.entryCount, sha256: hash, noticeId: notice.id },
        ...auditPlace(l),
      });
      return { id: st.id, noticeId: notice.id, closingFen: s.closingFen };
    },
    { timeout: 60_000 },
  );
}

const dayAfter = (day: string) => fromDateOnly(new Date(dateOnly(day).getTime() + 86_400_000));
