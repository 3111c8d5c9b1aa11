import { beforeAll, describe, expect, test } from 'vitest';
import { requireElection } from '@/server/elections/access';
import { cancelElection } from '@/server/elections/cancel';
import { nominate, second } from '@/server/elections/nominate';
import { objectToElection } from '@/server/elections/objections';
import { publishCandidates } from '@/server/elections/candidates';
import { getElectionView, listElections } from '@/server/elections/read';
import { refusal } from '../refusal';
import { electionWorld, homeOf, openCouncil, snapshot, type TElectionWorld } from './nomination-world';

let w: TElectionWorld;
let council: number;
let party: number;
beforeAll(async () => {
  w = await electionWorld();
  council = await openCouncil(w);
  party = await openCouncil(w, { bodyId: null, post: '支部委员', electorate: 'PARTY_MEMBERS', partyOrgId: w.branch.id, seats: 1 });
});

const roles = async (by: TElectionWorld['r'][0], id: number) =>
  Promise.all(
    (['read', 'participate', 'manage', 'branch'] as const).map((need) =>
      refusal(requireElection(by, id, need)).then((r) => r === 'no refusal'),
    ),
  );

describe('who may do what on an election (decision 069)', () => {
  test('the one gate, role by role: managers, residents around the place, the branch secretary, outsiders', async () => {
    //                                                     read   participate manage branch
    expect(await roles(w.secretary, council)).toEqual([true, false, true, false]);
    expect(await roles(w.street, council)).toEqual([true, false, true, false]);
    expect(await roles(w.r[2]!, council)).toEqual([true, true, false, false]);
    expect(await roles(w.branchSecretary, council)).toEqual([true, false, false, true]);
    expect(await roles(w.elsewhere, council)).toEqual([false, false, false, false]);
    expect(await roles(w.otherSecretary, council)).toEqual([false, false, false, false]);
    // A party election: its members take part, other residents do not even read it.
    expect(await roles(w.r[0]!, party)).toEqual([true, true, false, false]);
    expect(await roles(w.r[2]!, party)).toEqual([false, false, false, false]);
    expect(await roles(w.secretary, party)).toEqual([true, false, true, false]);
    expect(await refusal(requireElection(w.secretary, 999_999, 'read'))).toBe('auth.forbidden');
    expect(await refusal(requireElection(w.secretary, Number.NaN, 'read'))).toBe('auth.forbidden');
  });

  test('the view: candidates with seconder counts, no seconder or nominator named; objections: staff all, a resident their own', async () => {
    const id = await openCouncil(w);
    const c = await nominate(w.r[0]!, id, { kind: 'RESIDENTS', find: { ...(await homeOf(w.homes[3]!.id)), name: w.ownerName(3) } });
    await second(w.r[1]!, c.id);
    const resident = await getElectionView(w.r[4]!, id);
    expect(resident.candidates).toEqual([
      expect.objectContaining({ id: c.id, name: w.ownerName(3), status: 'NOMINATED', seconders: 1, canSecond: true, canWithdraw: false }),
    ]);
    expect(JSON.stringify(resident)).not.toContain(w.ownerName(1));
    expect(JSON.stringify(resident)).not.toContain(w.ownerName(0));
    expect(resident.can).toMatchObject({ nominateSelf: true, publish: false, cancel: false });
    expect((await getElectionView(w.r[1]!, id)).candidates[0]!.canSecond).toBe(false);
    expect((await getElectionView(w.secretary, id)).can).toMatchObject({
      nominateStaff: true,
      publish: true,
      cancel: true,
      nominateSelf: false,
    });
    expect((await getElectionView(w.branchSecretary, id)).can).toMatchObject({ nominateBranch: true, nominateSelf: false });
    await nominate(w.r[2]!, id, { kind: 'SELF' });
    await second(w.r[4]!, c.id);
    await publishCandidates(w.secretary, id);
    await objectToElection(w.r[0]!, id, { text: '甲的异议' });
    await objectToElection(w.r[1]!, id, { text: '乙的异议' });
    expect((await getElectionView(w.r[0]!, id)).objections.map((o) => o.text)).toEqual(['甲的异议']);
    expect((await getElectionView(w.secretary, id)).objections.map((o) => o.text)).toEqual(['甲的异议', '乙的异议']);
    for (const by of [w.elsewhere, w.otherSecretary]) expect(await refusal(getElectionView(by, id))).toBe('auth.forbidden');
  });

  test('the lists: staff see their places’ elections; residents the open ones around home and their organisation’s', async () => {
    const ids = (l: { id: number }[]) => l.map((e) => e.id);
    expect(ids((await listElections(w.secretary)).managed)).toEqual(expect.arrayContaining([council, party]));
    expect((await listElections(w.secretary)).canOpen).toBe(true);
    expect((await listElections(w.otherSecretary)).managed).toEqual([]);
    expect(ids((await listElections(w.r[0]!)).mine)).toEqual(expect.arrayContaining([council, party]));
    expect(ids((await listElections(w.r[2]!)).mine)).toContain(council);
    expect(ids((await listElections(w.r[2]!)).mine)).not.toContain(party);
    expect((await listElections(w.elsewhere)).mine).toEqual([]);
    expect((await listElections(w.r[2]!)).canOpen).toBe(false);
  });

  test('cancelling: staff, with a reason; not twice; outsiders refused with nothing written', async () => {
    const id = await openCouncil(w);
    const before = await snapshot();
    for (const by of [w.r[0]!, w.branchSecretary, w.elsewhere, w.otherSecretary])
      expect(await refusal(cancelElection(by, id, '有误'))).toBe('auth.forbidden');
    expect(await refusal(cancelElection(w.secretary, id, '  '))).toBe('election.cancelReason');
    expect(await snapshot()).toEqual(before);
    await cancelElection(w.secretary, id, '选举方案需重新讨论');
    expect(await w.db.election.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: 'CANCELLED',
      cancelReason: '选举方案需重新讨论',
    });
    expect(await w.db.auditLog.count({ where: { action: 'election.cancel', entityId: String(id) } })).toBe(1);
    expect(await refusal(cancelElection(w.secretary, id, '再取消'))).toBe('election.wrongState');
    expect(await refusal(nominate(w.r[2]!, id, { kind: 'SELF' }))).toBe('election.wrongState');
    expect((await listElections(w.r[2]!)).mine.map((e) => e.id)).not.toContain(id);
  });
});
