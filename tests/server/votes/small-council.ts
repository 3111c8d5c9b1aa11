import type { TBy } from '@/server/accounts/by';
import { ensureProcedures } from '@/server/topics/procedures';
import { openMotion } from '@/server/topics/motions';
import { configureMotion } from '@/server/votes/ballots';
import { createStaff, createUser } from '../../factories/accounts';
import { NameSource } from '../../factories/names';
import { createBody } from '../../factories/organisation';
import { createPeople } from '../../factories/people';
import { createTopicWithHistory } from '../../factories/topics';
import { communityByCode } from '../../factories/territory';
import { byUser } from '../accounts/support';
import { testDb } from '../db';

/** Jinyang with a 3-member council whose members have accounts (phones `${prefix}0`…), and its secretary (`${prefix}8`). */
export async function smallCouncil(prefix: string, seed: number) {
  const db = testDb();
  await ensureProcedures(db);
  const jinyang = await communityByCode(db, '510107009003');
  const members = await createPeople(db, 3, new NameSource(seed), { withPhone: false });
  await createBody(db, {
    kind: 'COMMUNITY_COUNCIL',
    name: '晋阳社区议事会',
    communityId: jinyang.id,
    seats: 3,
    memberIds: members.map((p) => p.id),
  });
  const users = await Promise.all(
    members.map((p, i) => createUser(db, { phone: `${prefix}${i}`, password: 'x-pass-1234', personId: p.id, verified: true })),
  );
  const secretary = await createStaff(db, {
    ...{ name: '社区书记', phone: `${prefix}8`, password: 'staff-pass-1', role: 'COMMUNITY_SECRETARY' },
    ...{ placeLevel: 'COMMUNITY', placeId: jinyang.id },
  } as const);
  return { db, jinyang, members, users, secretary, sec: await byUser(secretary.id) };
}

type TCouncil = Awaited<ReturnType<typeof smallCouncil>>;
type TRaise = Partial<Parameters<typeof createTopicWithHistory>[1]>;

/** A courtyard topic at its vote (step 3), raised by the secretary. */
export const raiseAtVote = (c: TCouncil, title: string, extra: TRaise = {}) =>
  createTopicWithHistory(c.db, {
    ...{ procedureCode: 'COURTYARD_ROADSHOW', title, description: 'x', communityId: c.jinyang.id },
    ...{ by: { userId: c.secretary.id, label: '社区书记' }, stepIndex: 3, createdAt: new Date(), stepDueAt: new Date() },
    ...extra,
  });

/** The council's electronic vote on the topic, open (two thirds of the roster to pass). */
export async function openCouncilVote(c: TCouncil, topic: Awaited<ReturnType<typeof raiseAtVote>>, sec: TBy = c.sec) {
  const m = await c.db.$transaction((tx) =>
    openMotion(
      tx,
      { ...topic, assemblyMatter: null },
      3,
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
}
