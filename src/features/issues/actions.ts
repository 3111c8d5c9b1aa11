'use server';
import { z } from 'zod';
import { command, say } from '@/features/shared/command';
import { actOnIssue } from '@/server/issues/act-on-issue';
import { addCoHandler, answerConsultation, handOff, openConsultation, recordEstimate, removeCoHandler } from '@/server/issues/handoff';
import { mergeIssues, splitIssue } from '@/server/issues/merge-split';
import { raiseIssue } from '@/server/issues/raise-issue';
import { markInboxRead } from '@/server/issues/read-issues';
import {
  ZAnswer,
  ZCoHandler,
  ZConsultation,
  ZEstimate,
  ZHandOff,
  ZIssueEvent,
  ZMerge,
  ZRaiseIssue,
  ZRaiseIssueFor,
  ZSuggestFor,
  ZRemoveCoHandler,
  ZSplit,
} from './schemas';
import { raiseIssueFor, suggestFor } from '@/server/party/contact-households';

/** A new issue answers with its number; the page is not rendered again (issue 16). */
// Residents raise their own; staff who handle issues enter one for a resident met at the desk or at the door.
export const raiseIssueAction = command({
  who: ['issue.raise', 'issue.handle'],
  input: ZRaiseIssue,
  files: { photos: 'photo' },
  run: async (by, input, ctx) => raiseIssue(by, { ...input, photos: ctx.files.photos!.map((f) => f.bytes), client: await ctx.client() }),
  done: async ({ id }) => ({ ...(await say('issues.raise', 'done', { id })), data: { id } }),
});

export const raiseIssueForAction = command({
  who: 'issue.raiseFor',
  input: ZRaiseIssueFor,
  run: (by, input) => raiseIssueFor(by, input),
  done: async ({ id }) => ({ ...(await say('issues.raise', 'done', { id })), data: { id } }),
});

export const suggestForAction = command({
  who: 'issue.raiseFor',
  input: ZSuggestFor,
  run: (by, input) => suggestFor(by, input),
  done: () => say('issues.contacts', 'suggested'),
  refresh: true,
});

// Reporters act on their own issues (rate, withdraw, add a note) and handlers on those in their care:
// the state machine and the use case decide which event this account may send.
export const issueEventAction = command({
  who: 'signed-in',
  input: ZIssueEvent,
  run: (by, { issueId, ...event }) => actOnIssue(by, issueId, event),
  done: () => say('issues.detail', 'done'),
  refresh: true,
});

export const markInboxReadAction = command({
  who: 'signed-in',
  input: z.object({}),
  run: (by) => markInboxRead(by.userId),
  refresh: true,
});

export const mergeIssuesAction = command({
  who: 'issue.handle',
  input: ZMerge,
  run: (by, { issueId, ids }) => mergeIssues(by, issueId, ids),
  done: () => say('issues.detail', 'done'),
  refresh: true,
});

export const splitIssueAction = command({
  who: 'issue.handle',
  input: ZSplit,
  run: (by, { issueId, ...input }) => splitIssue(by, issueId, input),
  done: ({ id }) => say('issues.raise', 'done', { id }),
});

// Hand-offs, co-handlers, estimates and consultations (decision 050): a co-handler (a committee member) may hold no
// permission at the place, so the use case decides who may take each step on this issue.
export const handOffAction = command({
  who: 'signed-in',
  input: ZHandOff,
  run: (by, { issueId, ...input }) => handOff(by, issueId, input),
  done: () => say('issues.detail', 'done'),
  refresh: true,
});

export const addCoHandlerAction = command({
  who: 'signed-in',
  input: ZCoHandler,
  run: (by, { issueId, to }) => addCoHandler(by, issueId, to),
  done: () => say('issues.detail', 'done'),
  refresh: true,
});

export const removeCoHandlerAction = command({
  who: 'signed-in',
  input: ZRemoveCoHandler,
  run: (by, { issueId, party }) => removeCoHandler(by, issueId, party),
  done: () => say('issues.detail', 'done'),
  refresh: true,
});

export const estimateAction = command({
  who: 'signed-in',
  input: ZEstimate,
  run: (by, { issueId, amount, note }) => recordEstimate(by, issueId, { amountFen: amount, note }),
  done: () => say('issues.detail', 'done'),
  refresh: true,
});

export const openConsultationAction = command({
  who: 'signed-in',
  input: ZConsultation,
  run: (by, { issueId, ...input }) => openConsultation(by, issueId, input),
  done: () => say('issues.detail', 'done'),
  refresh: true,
});

// Owners of the issue's building answer on the issue page; the use case checks they own a unit there.
export const answerConsultationAction = command({
  who: 'signed-in',
  input: ZAnswer,
  run: (by, { consultationId, answer }) => answerConsultation(by, consultationId, answer),
  done: () => say('issues.detail', 'answered'),
  refresh: true,
});
