import { beforeAll, describe, expect, test } from 'vitest';
import { castBallot } from '@/server/elections/ballots';
import { countBallots } from '@/server/elections/count';
import { countElection } from '@/domain/elections/count';
import { describeElectionResult, publishResult } from '@/server/elections/result';
import { openVoting } from '@/server/elections/roll';
import { fromDateOnly } from '@/server/today';
import { refusal } from '../refusal';
import { auditCount, publicisedElection, voteWorld, type TVoteWorld } from './vote-world';

let w: TVoteWorld;
beforeAll(async () => {
  w = await voteWorld(224);
}, 60_000);
const owner = (i: number) => w.beiyuan.owners[i]!;

describe('publishing the result seats the winners', () => {
  test('the council re-elected: a notice in words, new members for the term, the old ones end the day before', async () => {
    const { election, ids } = await publicisedElection(w, {
      place: 'beiyuan',
      electorate: 'HOUSEHOLDS',
      rule: 'PLURALITY',
      seats: 3,
      candidates: w.beiyuan.owners.slice(0, 4).map((p) => p.id),
    });
    await openVoting(w.secretary, election.id);
    const marks = [[0, 1, 2], [0, 1, 2], [0, 1], [0, 3], [2]];
    for (const [i, m] of marks.entries())
      await castBallot(
        await w.by(owner(i).id),
        election.id,
        m.map((k) => ids[k]!),
      );
    await countBallots(w.secretary, election.id);
    // A forged publish first: forbidden, nothing changes, no audit row.
    const before = await auditCount('election.publishResult');
    expect(await refusal(publishResult(w.tanghuSecretary, election.id))).toBe('auth.forbidden');
    expect(await refusal(publishResult(await w.by(owner(0).id), election.id))).toBe('auth.forbidden');
    expect(await auditCount('election.publishResult')).toBe(before);

    const out = await publishResult(w.secretary, election.id);
    expect(out).toMatchObject({ members: 3, ended: 3 });
    const e = await w.db.election.findUniqueOrThrow({ where: { id: election.id }, include: { resultNotice: true } });
    expect(e.status).toBe('DONE');
    const body = e.resultNotice!.body;
    expect(e.resultNotice!.title).toBe('北苑小区院落议事会换届选举选举结果公告');
    expect(body).toContain('参加投票 5 人，选民 6 人，需过半数（至少 4 人），达到');
    expect(body).toContain(`${owner(0).name}：4 票，需至少 1 票，当选`);
    expect(body).toContain(`${owner(3).name}：1 票，需至少 1 票，未当选（名次在应选名额之外）`);
    expect(body).toContain('应选 3 名，全部选出。');
    expect(body).toContain('任期 2027-01-01 至 2029-12-31');
    const members = await w.db.bodyMember.findMany({ where: { bodyId: w.council.id }, orderBy: { id: 'asc' } });
    const newTerm = members.filter((m) => fromDateOnly(m.startsOn) === '2027-01-01');
    expect(newTerm.map((m) => m.personId).sort()).toEqual([owner(0).id, owner(1).id, owner(2).id].sort());
    expect(newTerm.every((m) => m.endsOn && fromDateOnly(m.endsOn) === '2029-12-31' && m.position === 'MEMBER')).toBe(true);
    const old = members.filter((m) => fromDateOnly(m.startsOn) === '2023-01-01');
    expect(old.map((m) => fromDateOnly(m.endsOn!))).toEqual(['2026-12-31', '2026-12-31', '2026-12-31']);
    const body2 = await w.db.body.findUniqueOrThrow({ where: { id: w.council.id } });
    expect([body2.termNo, fromDateOnly(body2.termStartsOn!), fromDateOnly(body2.termEndsOn!)]).toEqual([2, '2027-01-01', '2029-12-31']);
    // Publishing twice: refused.
    expect(await refusal(publishResult(w.secretary, election.id))).toBe('election.wrongState');
  });

  test('楼栋长: the winner holds BUILDING_HEAD at the building for the term', async () => {
    const b = w.beiyuan.buildings[0]!;
    const { election, ids } = await publicisedElection(w, {
      place: 'beiyuan',
      electorate: 'HOUSEHOLDS',
      rule: 'PLURALITY',
      seats: 1,
      bodyId: null,
      post: '楼栋长',
      buildingId: b.id,
      candidates: [owner(4).id, owner(5).id],
    });
    await openVoting(w.secretary, election.id);
    for (const i of [0, 1, 2, 3]) await castBallot(await w.by(owner(i).id), election.id, [ids[i === 3 ? 1 : 0]!]);
    await countBallots(w.secretary, election.id);
    expect(await publishResult(w.secretary, election.id)).toMatchObject({ grants: 1, ungranted: 0 });
    const grant = await w.db.roleGrant.findFirstOrThrow({
      where: { role: 'BUILDING_HEAD', placeId: b.id, userId: w.users.get(owner(4).id) },
    });
    expect([fromDateOnly(grant.startsOn), fromDateOnly(grant.endsOn!), grant.grantedById]).toEqual([
      '2027-01-01',
      '2029-12-31',
      w.secretary.userId,
    ]);
  });

  test('turnout failed: the notice says so and nobody is seated', async () => {
    const { election, ids } = await publicisedElection(w, {
      place: 'beiyuan',
      electorate: 'HOUSEHOLDS',
      rule: 'MAJORITY',
      seats: 3,
      candidates: w.beiyuan.owners.slice(0, 3).map((p) => p.id),
    });
    await openVoting(w.secretary, election.id);
    await castBallot(await w.by(owner(0).id), election.id, [ids[0]!]);
    await countBallots(w.secretary, election.id);
    const before = await w.db.bodyMember.count({ where: { bodyId: w.council.id } });
    expect(await publishResult(w.secretary, election.id)).toMatchObject({ members: 0, ended: 0 });
    expect(await w.db.bodyMember.count({ where: { bodyId: w.council.id } })).toBe(before);
    const e = await w.db.election.findUniqueOrThrow({ where: { id: election.id }, include: { resultNotice: true } });
    expect(e.resultNotice!.body).toContain('参加投票的人数未达到要求，选举无效，须重新选举。');
  });
});

describe('a by-election', () => {
  test('with no vacancy it is refused in words and nothing is published or seated', async () => {
    // The council (3 seats) was re-elected above: three members from 2027-01-01.
    const { election, ids } = await publicisedElection(w, {
      place: 'beiyuan',
      electorate: 'HOUSEHOLDS',
      rule: 'PLURALITY',
      seats: 1,
      candidates: [owner(5).id],
    });
    await openVoting(w.secretary, election.id);
    for (const i of [0, 1, 2, 3]) await castBallot(await w.by(owner(i).id), election.id, [ids[0]!]);
    await countBallots(w.secretary, election.id);
    const members = await w.db.bodyMember.count({ where: { bodyId: w.council.id } });
    expect(await refusal(publishResult(w.secretary, election.id))).toBe('electionVote.bodyFull');
    const e = await w.db.election.findUniqueOrThrow({ where: { id: election.id } });
    expect([e.status, e.resultNoticeId]).toEqual(['COUNTED', null]);
    expect(await w.db.bodyMember.count({ where: { bodyId: w.council.id } })).toBe(members);
  });
});

describe('the result in words', () => {
  test('owners: more than half of the heads without the area goes to the run-off, and says why; areas in m² with two decimals', () => {
    const r = countElection({
      rule: 'OWNERS_278',
      seats: 2,
      roll: { heads: 6, areaCentiM2: 100_000 },
      cast: { heads: 6, areaCentiM2: 100_000 },
      candidates: [
        { id: 1, votes: 4, areaCentiM2: 60_000 },
        { id: 2, votes: 4, areaCentiM2: 40_000 },
      ],
    });
    const names = new Map([
      [1, '甲'],
      [2, '乙'],
    ]);
    const zh = describeElectionResult(r, names, { from: '2027-01-01', to: '2031-12-31' });
    expect(zh.turnout).toEqual([
      '参与表决业主 6 人，业主 6 人，需三分之二以上（至少 4 人），达到',
      '参与表决业主专有部分面积 1000.00 m²，总面积 1000.00 m²，需三分之二以上（至少 666.67 m²），达到',
    ]);
    expect(zh.lines.map((l) => [l.text, l.outcome, l.why])).toEqual([
      ['甲：同意 4 人、面积 600.00 m²，需至少 4 人、500.01 m²', '当选', null],
      ['乙：同意 4 人、面积 400.00 m²，需至少 4 人、500.01 m²', '进入另行选举', '面积不足'],
    ]);
    expect(zh.code).toBe('应选 2 名，尚有 1 个名额未选出，须另行选举。');
    const en = describeElectionResult(r, names, { from: '2027-01-01', to: '2031-12-31' }, 'en');
    expect(en.lines[1]!.why).toBe('too little area');
  });
});
