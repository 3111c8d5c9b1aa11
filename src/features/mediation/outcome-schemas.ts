import { z } from 'zod';
import { followUpResults, mediationReferrals } from '@/domain/mediation/status';
import { ZDate, ZId, ZText } from '@/features/shared/forms';

// The outcome's forms (issue 21, decision 064): shapes only; what the agreement must hold is src/domain/mediation/agreement.ts.

const ZCase = { caseId: ZId };

export const ZDraftAgreement = z.object({
  ...ZCase,
  facts: ZText(4000),
  /** One term per line; at least one (the domain counts them). */
  terms: ZText(6000),
  performance: ZText(1000),
  dueOn: ZDate,
});

export const ZSignAgreement = z.object({ ...ZCase, signedOn: ZDate });

/** Where the parties were referred: chosen, never preselected. */
export const ZNoAgreement = z.object({ ...ZCase, referral: z.enum(mediationReferrals, { message: 'field.choice' }), note: ZText(2000) });

/** What the follow-up visit found: chosen, never preselected. */
// `visits`: how many follow-ups the page showed — a second visit posted from a page drawn before the first is refused.
export const ZFollowUp = z.object({
  ...ZCase,
  result: z.enum(followUpResults, { message: 'field.choice' }),
  note: ZText(2000),
  visits: z.coerce.number().int().min(0).optional(),
});
