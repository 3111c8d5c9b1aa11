import { z } from 'zod';
import { mediationKinds, mediationSources } from '@/domain/mediation/status';
import { ZCheck, ZId, ZName, ZOptional, ZPhone, ZText } from '@/features/shared/forms';

// Forms of the mediation case (issue 21, decision 062). No choice starts preselected: kind, source, urgency, side, format
// and the mediator are chosen by the person (issue 20, item 8).

const choice = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { message: 'field.choice' });
const ZOptionalId = z.preprocess((v) => (v === '' || v === undefined ? undefined : v), ZId.optional());
/** A date and time typed in China's time (<input type="datetime-local">: "2026-12-05T14:30"). */
export const ZLocalTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'field.date');
const ZSide = choice(['APPLICANT', 'RESPONDENT'] as const);
const ZFormat = choice(['FACE_TO_FACE', 'BACK_TO_BACK'] as const);

export const ZReceive = z.object({
  kind: choice(mediationKinds),
  source: choice(mediationSources),
  urgency: choice(['NORMAL', 'URGENT'] as const),
  summary: ZText(2000),
  issueId: ZOptionalId,
  communityId: ZOptionalId,
  referredBy: ZOptional(60),
  idempotencyKey: z.string().regex(/^[0-9a-f-]{16,64}$/, 'form.duplicateKey'),
});

export const ZCase = z.object({ caseId: ZId });

export const ZResidentParty = ZCase.extend({ side: ZSide, personId: ZId, householdId: ZId });
export const ZOutsideParty = ZCase.extend({ side: ZSide, name: ZName, phone: ZPhone, address: ZOptional(100) });

export const ZAddMediator = ZCase.extend({
  /** "personId:source", one row of the eligible list. */
  mediator: z.string().regex(/^\d+:(COMMITTEE|GRID_WORKER|BRANCH_SECRETARY|STUDIO)$/, 'field.choice'),
  lead: ZCheck,
  confirmNeighbour: ZCheck,
});
export const ZRemoveMediator = ZCase.extend({ mediatorId: ZId });

export const ZSchedule = ZCase.extend({ startsAt: ZLocalTime, location: ZText(200), format: ZFormat });
export const ZRecordScheduled = ZCase.extend({ sessionId: ZId, notes: ZText(5000), outcome: ZOptional(1000) });
export const ZRecordHeld = ZCase.extend({
  startsAt: ZLocalTime,
  location: ZText(200),
  format: ZFormat,
  notes: ZText(5000),
  outcome: ZOptional(1000),
});
export const ZCancelSession = ZCase.extend({ sessionId: ZId });
export const ZWithdraw = ZCase.extend({ confirm: z.literal('on', { message: 'field.required' }) });
