import { z } from 'zod';
import { recordedKinds } from '@/domain/ledgers/arithmetic';
import { ledgerKinds } from '@/domain/ledgers/keepers';
import { ZDate, ZId, ZOptional, ZText } from '@/features/shared/forms';

// The keeper's forms of a ledger (decision 071). The kind of an entry and the decision behind a draw start unchosen.
// Amounts stay text here: src/domain/ledgers/money.ts parses them in the use case, with its own refusals.

const ZOptionalId = z.preprocess((v) => (v === '' || v === undefined ? undefined : v), ZId.optional());
const ZKey = z.string().regex(/^[0-9a-f-]{16,64}$/, 'form.duplicateKey');

export const ZEntry = z.object({
  ledgerId: ZId,
  kind: z.enum(recordedKinds, { message: 'field.choice' }),
  amount: z.string().trim().min(1, 'field.required').max(40, 'field.required'),
  day: ZDate,
  description: ZText(500),
  counterparty: ZOptional(120),
  motionId: ZOptionalId,
  householdId: ZOptionalId,
  idempotencyKey: ZKey,
});

export const ZReverse = z.object({ entryId: ZId, reason: ZText(300), idempotencyKey: ZKey });
export const ZReceipt = z.object({ entryId: ZId });
export const ZReconcile = z.object({ ledgerId: ZId });
export const ZStatement = z.object({ ledgerId: ZId, from: ZDate, to: ZDate });

// 开设明白账: the kind and the place start unchosen; the opening balance is optional text like an entry's amount.
export const ZOpen = z.object({
  kind: z.enum(ledgerKinds, { message: 'field.choice' }),
  place: z.string().regex(/^[cpb]:\d{1,9}$/, 'field.choice'),
  name: ZText(120),
  opening: ZOptional(40),
  openingDay: z.preprocess((v) => (v === '' ? undefined : v), ZDate.optional()),
  idempotencyKey: ZKey,
});
