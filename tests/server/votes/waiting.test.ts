import { expect, test } from 'vitest';
import { castBallot, closeMotion } from '@/server/votes/ballots';
import { votesWaitingFor } from '@/server/votes/waiting';
import { createUser } from '../../factories/accounts';
import { byUser } from '../accounts/support';
import { openCouncilVote, raiseAtVote, smallCouncil } from './small-council';

// Issue 20, item 9: a resident's home lists the votes waiting for them — open, on their roll, not yet cast.
test('votes waiting: open motions on my roll that I have not voted in; never one I cast, one closed or one not mine', async () => {
  const c = await smallCouncil('1387700000', 7);
  const { db, users, members, sec } = c;
  const outsider = await createUser(db, { phone: '13877000009', password: 'x-pass-1234', verified: true });
  const first = await openCouncilVote(c, await raiseAtVote(c, '北苑后门'));
  const second = await openCouncilVote(c, await raiseAtVote(c, '停车棚'));
  await castBallot(await byUser(users[0]!.id), first.id, 'FOR');
  await castBallot(await byUser(users[1]!.id), second.id, 'FOR');
  await castBallot(await byUser(users[2]!.id), second.id, 'FOR');
  await closeMotion(sec, second.id, { confirmed: true, reason: '会议表决结束，未到会委员不再等候' });
  const titles = async (personId: number) => (await votesWaitingFor(personId)).map((v) => v.topicTitle);
  expect(await titles(members[0]!.id)).toEqual([]);
  expect(await titles(members[1]!.id)).toEqual(['北苑后门']);
  expect(await titles(members[2]!.id)).toEqual(['北苑后门']);
  expect(await titles(outsider.personId)).toEqual([]);
  // Not a vote one can cast on the phone: a show of hands (counted at the meeting), or one whose voting has not begun.
  await db.motion.update({ where: { id: first.id }, data: { mode: 'SHOW_OF_HANDS' } });
  expect(await titles(members[1]!.id)).toEqual([]);
  await db.motion.update({ where: { id: first.id }, data: { mode: first.mode, votingFrom: new Date(Date.now() + 86_400_000) } });
  expect(await titles(members[1]!.id)).toEqual([]);
});
