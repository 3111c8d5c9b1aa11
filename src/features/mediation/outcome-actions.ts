'use server';
import { command, say } from '@/features/shared/command';
import { draftAgreement, signAgreement } from '@/server/mediation/agreement';
import { recordFollowUp } from '@/server/mediation/follow-up';
import { recordNoAgreement } from '@/server/mediation/outcome';
import * as S from './outcome-schemas';

// The case's outcome (issue 21, decision 064). `mediation.mediate` is a per-case role: each use case checks it on the case
// through requireCase (the community's secretary and chair manage, which includes mediating).

export const draftAgreementAction = command({
  who: 'signed-in',
  input: S.ZDraftAgreement,
  run: (by, { caseId, ...draft }) => draftAgreement(by, caseId, draft),
  done: () => say('mediation.outcome', 'draftSaved'),
  refresh: true,
});

export const signAgreementAction = command({
  who: 'signed-in',
  input: S.ZSignAgreement,
  files: { scan: 'receipt' },
  run: (by, { caseId, signedOn }, ctx) => signAgreement(by, caseId, { signedOn, scan: ctx.files.scan?.[0] }),
  done: () => say('mediation.outcome', 'signed'),
  refresh: true,
});

export const noAgreementAction = command({
  who: 'signed-in',
  input: S.ZNoAgreement,
  run: (by, { caseId, referral, note }) => recordNoAgreement(by, caseId, { referral, note }),
  done: () => say('mediation.outcome', 'noAgreementSaved'),
  refresh: true,
});

export const followUpAction = command({
  who: 'signed-in',
  input: S.ZFollowUp,
  run: (by, { caseId, result, note, visits }) => recordFollowUp(by, caseId, { result, note, visits }),
  done: () => say('mediation.outcome', 'followUpSaved'),
  refresh: true,
});
