'use server';
import { command, say } from '@/features/shared/command';
import { fromChinaLocal } from '@/server/issues/clock';
import { addMediator, removeMediator, type TMediatorSource } from '@/server/mediation/mediators';
import { addParty } from '@/server/mediation/parties';
import { receiveCase } from '@/server/mediation/receive';
import { cancelSession, recordSession, scheduleSession } from '@/server/mediation/sessions';
import { withdrawCase } from '@/server/mediation/withdraw';
import * as S from './schemas';

// The mediation case's commands (issue 21, decision 062). Receiving needs mediation.manage at the place; every command on
// a case is 'signed-in' because its mediators hold their role on that case only: the use case checks it through requireCase.

/** "2026-12-05T14:30" typed in China's time, as an instant. */
const instant = (local: string) =>
  fromChinaLocal({ date: local.slice(0, 10), minute: Number(local.slice(11, 13)) * 60 + Number(local.slice(14, 16)) });
const ids = (fd: FormData, name: string) =>
  fd
    .getAll(name)
    .map(Number)
    .filter((n) => Number.isSafeInteger(n) && n > 0);

export const receiveCaseAction = command({
  who: 'mediation.manage',
  input: S.ZReceive,
  run: (by, input) => receiveCase(by, input),
  done: async ({ id }) => ({ ...(await say('mediation.page', 'received')), data: { id } }),
});

export const addResidentPartyAction = command({
  who: 'signed-in',
  input: S.ZResidentParty,
  run: (by, { caseId, ...party }) => addParty(by, caseId, party),
  done: () => say('mediation.page', 'partyAdded'),
  refresh: true,
});

export const addOutsidePartyAction = command({
  who: 'signed-in',
  input: S.ZOutsideParty,
  run: (by, { caseId, ...party }) => addParty(by, caseId, party),
  done: () => say('mediation.page', 'partyAdded'),
  refresh: true,
});

export const addMediatorAction = command({
  who: 'signed-in',
  input: S.ZAddMediator,
  run: (by, { caseId, mediator, lead, confirmNeighbour }) => {
    const [personId, source] = mediator.split(':') as [string, TMediatorSource];
    return addMediator(by, caseId, { personId: Number(personId), source, lead, confirmNeighbour });
  },
  done: () => say('mediation.page', 'mediatorAdded'),
  refresh: true,
});

export const removeMediatorAction = command({
  who: 'signed-in',
  input: S.ZRemoveMediator,
  run: (by, { caseId, mediatorId }) => removeMediator(by, caseId, mediatorId),
  done: () => say('mediation.page', 'mediatorRemoved'),
  refresh: true,
});

export const scheduleSessionAction = command({
  who: 'signed-in',
  input: S.ZSchedule,
  run: (by, { caseId, startsAt, ...rest }) => scheduleSession(by, caseId, { startsAt: instant(startsAt), ...rest }),
  done: () => say('mediation.page', 'scheduled'),
  refresh: true,
});

export const recordScheduledAction = command({
  who: 'signed-in',
  input: S.ZRecordScheduled,
  run: (by, { caseId, ...rest }, { form }) =>
    recordSession(by, caseId, { ...rest, attendance: { partyIds: ids(form, 'partyIds'), mediatorIds: ids(form, 'mediatorIds') } }),
  done: () => say('mediation.page', 'recorded'),
  refresh: true,
});

export const recordHeldAction = command({
  who: 'signed-in',
  input: S.ZRecordHeld,
  run: (by, { caseId, startsAt, ...rest }, { form }) =>
    recordSession(by, caseId, {
      ...rest,
      startsAt: instant(startsAt),
      attendance: { partyIds: ids(form, 'partyIds'), mediatorIds: ids(form, 'mediatorIds') },
    }),
  done: () => say('mediation.page', 'recorded'),
  refresh: true,
});

export const cancelSessionAction = command({
  who: 'signed-in',
  input: S.ZCancelSession,
  run: (by, { caseId, sessionId }) => cancelSession(by, caseId, sessionId),
  done: () => say('mediation.page', 'cancelled'),
  refresh: true,
});

export const withdrawCaseAction = command({
  who: 'signed-in',
  input: S.ZWithdraw,
  run: (by, { caseId }) => withdrawCase(by, caseId),
  done: () => say('mediation.page', 'withdrawn'),
  refresh: true,
});
