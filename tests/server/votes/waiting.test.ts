import { expect, test } from 'vitest';
import { castBallot, closeMotion, configureMotion } from '@/server/votes/ballots';
import { votesWaitingFor } from '@/server/votes/waiting';
import { ensureProcedures } from '@/server/topics/procedures';
import { openMotion } from '@/server/topics/motions';
import { createStaff, createUser } from '../../factories/accounts';
import { NameSource } from '../../factories/names';
import { createBody } from '../../factories/organisation';
import { createPeople } from '../../factories/people';
import { createTopicWithHistory } from '../../factories/topics';
import { communityByCode } from '../../factories/territory';
import { byUser } from '../accounts/support';
import { testDb } from '../db';

// Issue 20, item 9: a resident's home lists the votes waiting for them — open, on their roll, not yet cast.
test('votes waiting: open motions on my roll that I have not voted in; never one I cast, one closed or one not mine', async () => {
  const db = testDb();
  await ensureProcedures(db);
  const jinyang = await communityByCode(db, '510107009003');
  const members = await createPeople(db, 3, new NameSource(7), { withPhone: false });
  await createBody(db, {
    kind: 'COMMUNITY_COUNCIL',
    name: '晋阳社区议事会',
    communityId: jinyang.id,
    seats: 3,
    memberIds: members.map((p) => p.id),
  });
  const users = await Promise.all(
    members.map((p, i) => createUser(db, { phone: `1387700000${i}`, password: 'x-pass-1234', personId: p.id, verified: true })),
  );
  const outsider = await createUser(db, { phone: '13877000009', password: 'x-pass-1234', verified: true });
  const secretary = await createStaff(db, {
    ...{ name: '等票书记', phone: '13877000008', password: 'staff-pass-1', role: 'COMMUNITY_SECRETARY' },
    ...{ placeLevel: 'COMMUNITY', placeId: jinyang.id },
  } as const);
  const sec = await byUser(secretary.id);
  const open = async (title: string) => {
    const t = await createTopicWithHistory(db, {
      ...{
        procedureCode: 'COURTYARD_ROADSHOW',
        title,
        description: 'x',
        communityId: jinyang.id,
        by: { userId: secretary.id, label: '等票书记' },
      },
      ...{ stepIndex: 3, createdAt: new Date(), stepDueAt: new Date() },
    });
    const m = await db.$transaction((tx) =>
      openMotion(
        tx,
        { ...t, assemblyMatter: null },
        t.stepIndex,
        { kind: 'BODY', bodyKind: 'COMMUNITY_COUNCIL' },
        { kind: 'ROSTER_FRACTION', fraction: { p: 2, q: 3 } },
      ),
    );
    const settings = {
      mode: 'ELECTRONIC',
      secret: false,
      hideResults: false,
      allowChange: false,
      closesAt: null,
      meetingId: null,
      proxyLimit: 1,
    } as const;
    await configureMotion(sec, m.id, settings);
    return m;
  };
  const first = await open('北苑后门');
  const second = await open('停车棚');
  await castBallot(await byUser(users[0]!.id), first.id, 'FOR');
  await castBallot(await byUser(users[1]!.id), second.id, 'FOR');
  await castBallot(await byUser(users[2]!.id), second.id, 'FOR');
  await closeMotion(sec, second.id, { confirmed: true, reason: '会议表决结束，未到会委员不再等候' });
  const titles = async (personId: number) => (await votesWaitingFor(personId)).map((v) => v.topicTitle);
  expect(await titles(members[0]!.id)).toEqual([]);
  expect(await titles(members[1]!.id)).toEqual(['北苑后门']);
  expect(await titles(members[2]!.id)).toEqual(['北苑后门']);
  expect(await titles(outsider.personId)).toEqual([]);
});
