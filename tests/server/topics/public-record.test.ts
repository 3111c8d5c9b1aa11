import { expect, test } from 'vitest';
import { castBallot, closeMotion } from '@/server/votes/ballots';
import { publicTopicRecord } from '@/server/topics/public-record';
import { shareCard } from '@/server/share/cards';
import { createUser } from '../../factories/accounts';
import { byUser } from '../accounts/support';
import { openCouncilVote, raiseAtVote, smallCouncil } from '../votes/small-council';

// Issue 20, item 9: a public decision notice's "查看议事经过" opens a public record of the topic's steps — steps and
// dates, meetings held, vote tallies — with no one's name, and only for a topic whose decision is public.
test('the public record of a decided topic: steps, dates, meetings, tallies, notices — no names; none before the decision', async () => {
  const c = await smallCouncil('1387800000', 11);
  const { db, jinyang, members, users, secretary, sec } = c;
  const resident = await createUser(db, { name: '孙立', phone: '13878000007', password: 'x-pass-1234', verified: true });
  const raise = (title: string) =>
    raiseAtVote(c, title, {
      description: '孙立反映后门',
      createdAt: new Date('2026-05-04T02:00:00Z'),
      suggestions: [{ authorUserId: resident.id, authorLabel: '孙立', stance: 'SUPPORT', body: '赞成开门' }],
    });
  const decided = await raise('北苑后门');
  const m = await openCouncilVote(c, decided);
  for (const u of users) await castBallot(await byUser(u.id), m.id, 'FOR');
  await closeMotion(sec, m.id);
  const meeting = await db.meeting.create({
    data: {
      ...{
        kind: 'COUNCIL',
        title: '议事会会议',
        communityId: jinyang.id,
        location: '社区活动室',
        signInToken: 'record-token-1',
        createdById: secretary.id,
      },
      ...{ startsAt: new Date('2026-05-20T01:00:00Z'), endsAt: new Date('2026-05-20T03:00:00Z'), status: 'CLOSED' },
      agenda: { create: [{ position: 1, title: '北苑后门', topicId: decided.id }] },
      attendance: { create: members.map((p) => ({ personId: p.id, method: 'MANUAL', byUserId: secretary.id })) },
    },
  });
  const notice = { kind: 'DECISION', category: 'RESIDENTS', body: '决议', communityId: jinyang.id, stepIndex: 3 };
  await db.notice.create({ data: { ...notice, topicId: decided.id, title: '北苑后门决议公示' } });
  await db.topic.update({ where: { id: decided.id }, data: { stepIndex: 4 } });

  const r = await publicTopicRecord(decided.id);
  expect(r?.title).toBe('北苑后门');
  expect(r?.steps.map((s) => [s.key, s.reached, s.current])).toEqual([
    ['raise', true, false],
    ['courtyardPlan', true, false],
    ['courtyardAgree', true, false],
    ['roadshow', true, false],
    ['contractors', true, true],
    ['implement', false, false],
    ['publicise', false, false],
  ]);
  expect(r?.steps[0]?.from?.toISOString().slice(0, 10)).toBe('2026-05-04');
  expect(r?.meetings).toEqual([{ id: meeting.id, title: '议事会会议', startsAt: meeting.startsAt, attended: 3 }]);
  expect(r?.motions.map((x) => [x.stepIndex, x.view?.passed])).toEqual([[3, true]]);
  expect(r?.notices.map((n) => n.title)).toEqual(['北苑后门决议公示']);
  // No one's name: not the suggester's, not the secretary's, not a member's; not the description (it may name someone).
  const text = JSON.stringify(r);
  for (const name of ['孙立', '社区书记', ...members.map((p) => p.name)]) expect(text).not.toContain(name);

  // Before its decision is public there is no public record; nor for a topic that does not exist.
  const open = await raise('南苑停车');
  expect(await publicTopicRecord(open.id)).toBeNull();
  expect(await publicTopicRecord(999_999)).toBeNull();

  // Shared into a WeChat group, the record carries a card (issue 20, item 1); an undecided topic has none.
  expect(await shareCard('topic', decided.id)).toMatchObject({ title: '北苑后门', path: `/board/t/${decided.id}` });
  expect(await shareCard('topic', open.id)).toBeNull();
});
