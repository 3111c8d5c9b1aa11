'use server';
import { command, say } from '@/features/shared/command';
import { refuse } from '@/server/errors';
import { recordEntry, reverseEntry } from '@/server/ledgers/entries';
import { openLedgerAt } from '@/server/ledgers/open';
import { attachReceipt } from '@/server/ledgers/receipts';
import { reconcileEntries } from '@/server/ledgers/reconcile';
import { publishStatement } from '@/server/ledgers/statement';
import * as S from './schemas';

// The ledger's commands (issue 23 part L, decision 071): ledger.keep somewhere; the use case checks the keeper of that
// ledger's kind at its place (keptLedger), so a forged post by anyone else changes nothing.

export const recordEntryAction = command({
  who: 'ledger.keep',
  input: S.ZEntry,
  run: (by, { ledgerId, ...entry }) => recordEntry(by, ledgerId, entry),
  done: () => say('ledgers.form', 'recorded'),
  refresh: true,
});

export const reverseEntryAction = command({
  who: 'ledger.keep',
  input: S.ZReverse,
  run: (by, { entryId, ...rest }) => reverseEntry(by, entryId, rest),
  done: () => say('ledgers.form', 'reversed'),
  refresh: true,
});

export const attachReceiptAction = command({
  who: 'ledger.keep',
  input: S.ZReceipt,
  files: { receipt: 'receipt' },
  run: (by, { entryId }, { files }) => attachReceipt(by, entryId, files.receipt?.[0] ?? refuse('ledger.receiptRequired')),
  done: () => say('ledgers.form', 'attached'),
  refresh: true,
});

export const reconcileAction = command({
  who: 'ledger.keep',
  input: S.ZReconcile,
  run: (by, { ledgerId }, { form }) =>
    reconcileEntries(
      by,
      ledgerId,
      form
        .getAll('entryIds')
        .map(Number)
        .filter((n) => Number.isSafeInteger(n) && n > 0),
    ),
  done: ({ count }) => say('ledgers.form', 'reconciled', { count }),
  refresh: true,
});

export const publishStatementAction = command({
  who: 'ledger.keep',
  input: S.ZStatement,
  run: (by, { ledgerId, from, to }) => publishStatement(by, ledgerId, { from, to }),
  done: () => say('ledgers.form', 'published'),
  refresh: true,
});

export const openLedgerAction = command({
  who: 'ledger.keep',
  input: S.ZOpen,
  run: (by, input) => openLedgerAt(by, { ...input, opening: input.opening ?? undefined }),
  done: () => say('ledgers.open', 'opened'),
  refresh: true,
});
