'use server';
import { command, say } from '@/features/shared/command';
import { answerPress, pressStep, pressTask, takeOverStep, takeOverTask } from '@/server/topics/supervise';
import type { TTaskOwner } from '@/server/topics/task-owners';
import * as S from './schemas';

// 督办 (decision 049): the use cases decide where the actor supervises (the task's or step's place and level).
export const pressAction = command({
  who: 'topic.supervise',
  input: S.ZPress,
  run: (by, { taskId, topicId, message }) => (taskId ? pressTask(by, taskId, message) : pressStep(by, topicId, message)),
  done: () => say('topics.supervise', 'pressed'),
  refresh: true,
});

export const answerPressAction = command({
  who: 'signed-in',
  input: S.ZPressAnswer,
  run: (by, { pressId, answer }) => answerPress(by, pressId, answer),
  done: () => say('topics.supervise', 'answered'),
  refresh: true,
});

export const takeOverTaskAction = command({
  who: 'topic.supervise',
  input: S.ZTakeOverTask,
  run: (by, { taskId, owner }) => {
    const [kind, id] = owner.split(':') as ['PERSON' | 'ORGANIZATION', string];
    const to: TTaskOwner = kind === 'PERSON' ? { kind, userId: Number(id) } : { kind, organizationId: Number(id) };
    return takeOverTask(by, taskId, to);
  },
  done: () => say('topics.supervise', 'takenOver'),
  refresh: true,
});

export const takeOverStepAction = command({
  who: 'topic.supervise',
  input: S.ZTakeOverStep,
  run: (by, { topicId }) => takeOverStep(by, topicId),
  done: () => say('topics.supervise', 'takenOver'),
  refresh: true,
});
