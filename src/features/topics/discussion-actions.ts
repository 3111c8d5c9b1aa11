'use server';
import { command, say } from '@/features/shared/command';
import { hideComment, postComment, summariseDiscussion } from '@/server/topics/discussion';
import * as S from './schemas';

// 线上协商 (decision 059): who may post, hide and summarise is the topic's to decide (its audience, its runners).
export const commentAction = command({
  who: 'signed-in',
  input: S.ZComment,
  run: (by, { topicId, ...input }) => postComment(by, topicId, input),
  done: () => say('topics.form', 'commented'),
  refresh: true,
});

export const hideCommentAction = command({
  who: 'signed-in',
  input: S.ZHideComment,
  run: (by, { commentId, reason }) => hideComment(by, commentId, reason),
  done: () => say('topics.form', 'commentHidden'),
  refresh: true,
});

export const discussionSummaryAction = command({
  who: 'signed-in',
  input: S.ZDiscussionSummary,
  run: (by, { topicId, ...input }) => summariseDiscussion(by, topicId, input),
  done: () => say('topics.form', 'summarised'),
  refresh: true,
});
