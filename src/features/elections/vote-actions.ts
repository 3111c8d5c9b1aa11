'use server';
import { z } from 'zod';
import { command, say } from '@/features/shared/command';
import { ZId } from '@/features/shared/forms';
import { castBallot, checkBallot, enterPaperBallot } from '@/server/elections/ballots';
import { countBallots } from '@/server/elections/count';
import { publishResult } from '@/server/elections/result';
import { openVoting } from '@/server/elections/roll';
import { callRunoff } from '@/server/elections/runoff';
import { fromChinaLocal } from '@/server/issues/clock';

// The voting half of an election (issue 22, decision 069): the elector's ballot with a confirmation step, and the
// manager's steps. Casting is 'signed-in' (the frozen roll is the right, checked by the use case); the rest needs
// election.manage, checked again at the election's place inside each use case.

const ids = (fd: FormData) =>
  fd
    .getAll('candidateIds')
    .map(Number)
    .filter((n) => Number.isSafeInteger(n) && n > 0);
/** "2026-12-05T14:30" typed in China's time, as an instant. */
const instant = (local: string) =>
  fromChinaLocal({ date: local.slice(0, 10), minute: Number(local.slice(11, 13)) * 60 + Number(local.slice(14, 16)) });

const ZElection = z.object({ electionId: ZId });
const ZBallot = ZElection.extend({ step: z.enum(['check', 'cast', 'edit']) });
/** The elector chosen from the list: "v123" (a person) or "v0" (the developer's unsold units); nothing chosen is refused. */
const ZPaper = ZElection.extend({
  voter: z.string().regex(/^v\d+$/, 'field.choice'),
  invalid: z
    .string()
    .optional()
    .transform((v) => v === 'on'),
});
const ZRunoff = ZElection.extend({ votingEndsAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'field.date') });

export const electionBallotAction = command({
  who: 'signed-in',
  input: ZBallot,
  run: async (by, { electionId, step }, { form }) => {
    if (step === 'edit') return { step, ids: ids(form), names: [] as string[] };
    if (step === 'check') return { step, ...(await checkBallot(by, electionId, ids(form))) };
    await castBallot(by, electionId, ids(form));
    return { step, ids: [], names: [] as string[] };
  },
  // The check and the edit are not done yet: the form stays as it was, with the choices to confirm (or to change).
  done: async (r) =>
    r.step === 'cast' ? say('elections.vote', 'cast') : { ok: false, data: { step: r.step, ids: r.ids, names: r.names } },
  refresh: true,
});

export const openVotingAction = command({
  who: 'election.manage',
  input: ZElection,
  run: (by, { electionId }) => openVoting(by, electionId),
  done: ({ roll }) => say('elections.count', 'opened', { roll }),
  refresh: true,
});

export const paperBallotAction = command({
  who: 'election.manage',
  input: ZPaper,
  run: (by, { electionId, voter, invalid }, { form }) =>
    enterPaperBallot(by, electionId, { voterKey: Number(voter.slice(1)), candidateIds: ids(form), invalid }),
  done: () => say('elections.count', 'paperEntered'),
  refresh: true,
});

export const countBallotsAction = command({
  who: 'election.manage',
  input: ZElection,
  run: (by, { electionId }) => countBallots(by, electionId),
  done: () => say('elections.count', 'counted'),
  refresh: true,
});

export const publishResultAction = command({
  who: 'election.manage',
  input: ZElection,
  run: (by, { electionId }) => publishResult(by, electionId),
  done: () => say('elections.count', 'published'),
  refresh: true,
});

export const callRunoffAction = command({
  who: 'election.manage',
  input: ZRunoff,
  run: (by, { electionId, votingEndsAt }) => callRunoff(by, electionId, { votingEndsAt: instant(votingEndsAt) }),
  done: async ({ id }) => ({ ...(await say('elections.count', 'runoffCalled')), data: { id } }),
  refresh: true,
});
