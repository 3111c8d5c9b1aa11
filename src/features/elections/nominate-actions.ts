'use server';
import { z } from 'zod';
import { electionRules, electorates, nominationKinds } from '@/domain/elections/status';
import { command, say } from '@/features/shared/command';
import { ZDate, ZId, ZOptional, ZText } from '@/features/shared/forms';
import { cancelElection } from '@/server/elections/cancel';
import { publishCandidates } from '@/server/elections/candidates';
import { openElection } from '@/server/elections/create';
import { nominate, second, withdraw } from '@/server/elections/nominate';
import { answerObjection, objectToElection } from '@/server/elections/objections';
import { fromChinaLocal } from '@/server/issues/clock';
import { ancestryOf } from '@/server/places/ancestry';

// The election's first half (issue 22, decision 069): opening, nominations and seconders, the candidate list on the
// board, objections, cancelling. Opening needs election.manage at the place; every command on an election is
// 'signed-in' because who may act (a manager, a participant around the place, a party organisation's member, the
// candidate) is decided by requireElection inside the use case. No choice starts preselected.

const choice = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { message: 'field.choice' });
const blank = (v: unknown) => (v === '' || v === undefined ? undefined : v);
const ZOptionalId = z.preprocess(blank, ZId.optional());
const int = (message: string, min: number, max: number) => z.coerce.number({ message }).int(message).min(min, message).max(max, message);
/** "2026-12-05T14:30" typed in China's time, as an instant. */
const ZLocal = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'field.date')
  .transform((s) => fromChinaLocal({ date: s.slice(0, 10), minute: Number(s.slice(11, 13)) * 60 + Number(s.slice(14, 16)) }));
const ZKey = z.string().regex(/^[0-9a-f-]{16,64}$/, 'form.duplicateKey');
const ZElection = z.object({ electionId: ZId });
const ZCandidate = z.object({ candidateId: ZId });

const ZOpen = z.object({
  communityId: ZId,
  compoundId: ZOptionalId,
  buildingId: ZOptionalId,
  bodyId: ZOptionalId,
  post: ZOptional(30),
  title: ZText(100),
  seats: int('election.badSeats', 1, 99),
  maxChoices: z.preprocess(blank, z.coerce.number().int().optional()),
  electorate: choice(electorates),
  partyOrgId: ZOptionalId,
  rule: choice(electionRules),
  ballot: choice(['SECRET', 'OPEN'] as const),
  secondersNeeded: int('election.badSeconders', 0, 1000),
  nominationEndsAt: ZLocal,
  publicityDays: int('election.badPublicity', 1, 60),
  votingStartsAt: z.preprocess(blank, ZLocal.optional()),
  votingEndsAt: z.preprocess(blank, ZLocal.optional()),
  meetingId: ZOptionalId,
  termStartsOn: ZDate,
  termEndsOn: ZDate,
  idempotencyKey: ZKey,
});

export const openElectionAction = command({
  who: 'election.manage',
  input: ZOpen,
  target: ({ communityId, compoundId }) =>
    ancestryOf(compoundId ? { level: 'compound', id: compoundId } : { level: 'community', id: communityId }),
  run: (by, { ballot, ...input }) => openElection(by, { ...input, secret: ballot === 'SECRET' }),
  done: async ({ id }) => ({ ...(await say('elections.new', 'opened')), data: { id } }),
});

const ZNominate = ZElection.extend({
  kind: choice(nominationKinds),
  statement: ZOptional(500),
  buildingId: ZOptionalId,
  unit: ZOptional(10),
  room: ZOptional(20),
  name: ZOptional(30),
});

export const nominateAction = command({
  who: 'signed-in',
  input: ZNominate,
  run: (by, { electionId, kind, statement, buildingId, unit, room, name }) =>
    nominate(by, electionId, {
      kind,
      statement,
      find: kind === 'SELF' ? undefined : { buildingId: buildingId ?? 0, unit, room: room ?? '', name: name ?? '' },
    }),
  done: ({ listed }) => say('elections.nominate', listed ? 'doneListed' : 'doneSeconders'),
  refresh: true,
});

export const secondAction = command({
  who: 'signed-in',
  input: ZCandidate,
  run: (by, { candidateId }) => second(by, candidateId),
  done: ({ listed, seconders }) => say('elections.candidates', listed ? 'secondedListed' : 'seconded', { seconders }),
  refresh: true,
});

export const withdrawAction = command({
  who: 'signed-in',
  input: ZCandidate.extend({ confirm: z.literal('on', { message: 'field.required' }) }),
  run: (by, { candidateId }) => withdraw(by, candidateId),
  done: () => say('elections.candidates', 'withdrawn'),
  refresh: true,
});

export const publishCandidatesAction = command({
  who: 'signed-in',
  input: ZElection,
  run: (by, { electionId }) => publishCandidates(by, electionId),
  done: () => say('elections.candidates', 'published'),
  refresh: true,
});

export const objectAction = command({
  who: 'signed-in',
  input: ZElection.extend({ candidateId: ZOptionalId, text: ZText(1000) }),
  run: (by, { electionId, candidateId, text }) => objectToElection(by, electionId, { candidateId, text }),
  done: () => say('elections.objections', 'sent'),
  refresh: true,
});

export const answerObjectionAction = command({
  who: 'signed-in',
  input: z.object({ objectionId: ZId, answer: ZText(1000), upheld: choice(['YES', 'NO'] as const) }),
  run: (by, { objectionId, answer, upheld }) => answerObjection(by, objectionId, { answer, upheld: upheld === 'YES' }),
  done: ({ struck }) => say('elections.objections', struck ? 'answeredStruck' : 'answered'),
  refresh: true,
});

export const cancelElectionAction = command({
  who: 'signed-in',
  input: ZElection.extend({ reason: ZText(500) }),
  run: (by, { electionId, reason }) => cancelElection(by, electionId, reason),
  done: () => say('elections.page', 'cancelled'),
  refresh: true,
});
