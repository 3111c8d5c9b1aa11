import { beforeAll, describe, expect, test } from 'vitest';
import { openVoting } from '@/server/elections/roll';
import { createBuilding } from '../../factories/territory';
import { refusal } from '../refusal';
import { auditCount, publicisedElection, voteWorld, type TVoteWorld } from './vote-world';

let w: TVoteWorld;
beforeAll(async () => {
  w = await voteWorld(221);
}, 60_000);

const rollOf = (electionId: number) => w.db.electionVoter.findMany({ where: { electionId }, orderBy: { voterKey: 'asc' } });

describe('opening the vote freezes the roll', () => {
  test('HOUSEHOLDS: one representative per occupied household, with the household', async () => {
    const { election } = await publicisedElection(w, {
      place: 'beiyuan',
      electorate: 'HOUSEHOLDS',
      rule: 'PLURALITY',
      seats: 3,
      candidates: w.beiyuan.owners.slice(0, 3).map((p) => p.id),
    });
    expect(await openVoting(w.secretary, election.id)).toEqual({ roll: 6 });
    const roll = await rollOf(election.id);
    expect(roll.map((r) => r.voterKey)).toEqual(w.beiyuan.owners.map((p) => p.id).sort((a, b) => a - b));
    expect(roll.every((r) => r.householdId !== null)).toBe(true);
    const e = await w.db.election.findUniqueOrThrow({ where: { id: election.id } });
    expect(e.status).toBe('VOTING');
    expect(e.votingStartsAt).not.toBeNull();
    const audit = await w.db.auditLog.findFirstOrThrow({ where: { action: 'election.openVoting', entityId: String(election.id) } });
    expect(audit.after).toMatchObject({ roll: 6, status: 'VOTING' });
  });

  test('ADULT_RESIDENTS: every adult living there (the tenant too), not the child', async () => {
    const { election } = await publicisedElection(w, {
      place: 'beiyuan',
      electorate: 'ADULT_RESIDENTS',
      rule: 'MAJORITY',
      seats: 3,
      candidates: w.beiyuan.owners.slice(0, 3).map((p) => p.id),
    });
    await openVoting(w.secretary, election.id);
    const keys = (await rollOf(election.id)).map((r) => r.voterKey);
    expect(keys).toHaveLength(7);
    expect(keys).toContain(w.tenant.person.id);
    expect(keys).not.toContain(w.child.id);
  });

  test('OWNERS: each owner once with all their area, the developer once (key 0)', async () => {
    const { election } = await publicisedElection(w, {
      place: 'oucheng',
      electorate: 'OWNERS',
      rule: 'OWNERS_278',
      seats: 2,
      candidates: w.oucheng.owners.slice(0, 3).map((p) => p.id),
    });
    await openVoting(w.tanghuSecretary, election.id);
    const roll = await rollOf(election.id);
    // 8 flats: one owner with 2, four with one, the developer's 2 unsold.
    expect(roll).toHaveLength(6);
    expect(roll[0]).toMatchObject({ voterKey: 0, units: 2 });
    expect(roll.reduce((a, r) => a + r.areaCentiM2, 0)).toBe(w.oucheng.households.reduce((a, h) => a + h.areaCentiM2, 0));
    expect(roll.find((r) => r.voterKey === w.oucheng.owners[0]!.id)?.units).toBe(2);
  });
});

describe('refusals change nothing', () => {
  test('publicity still running, or an objection unanswered', async () => {
    const { election } = await publicisedElection(w, {
      place: 'beiyuan',
      electorate: 'HOUSEHOLDS',
      rule: 'PLURALITY',
      seats: 3,
      candidates: w.beiyuan.owners.slice(0, 3).map((p) => p.id),
    });
    await w.db.notice.update({ where: { id: election.candidateNoticeId! }, data: { periodEndsAt: new Date(Date.now() + 86_400_000) } });
    expect(await refusal(openVoting(w.secretary, election.id))).toBe('election.publicityRunning');
    await w.db.notice.update({ where: { id: election.candidateNoticeId! }, data: { periodEndsAt: new Date(Date.now() - 1000) } });
    const objection = await w.db.electionObjection.create({
      data: { electionId: election.id, byPersonId: w.beiyuan.owners[4]!.id, text: '有异议' },
    });
    expect(await refusal(openVoting(w.secretary, election.id))).toBe('election.objectionsOpen');
    expect(await rollOf(election.id)).toEqual([]);
    await w.db.electionObjection.update({
      where: { id: objection.id },
      data: { answer: '已核实', upheld: false, answeredById: w.secretary.userId, answeredAt: new Date() },
    });
    expect(await openVoting(w.secretary, election.id)).toEqual({ roll: 6 });
  });

  test('a forged open by someone who does not run elections there: forbidden, no roll, no audit row', async () => {
    const { election } = await publicisedElection(w, {
      place: 'beiyuan',
      electorate: 'HOUSEHOLDS',
      rule: 'PLURALITY',
      seats: 3,
      candidates: w.beiyuan.owners.slice(0, 3).map((p) => p.id),
    });
    const before = await auditCount('election.openVoting');
    expect(await refusal(openVoting(w.tanghuSecretary, election.id))).toBe('auth.forbidden');
    expect(await refusal(openVoting(await w.by(w.beiyuan.owners[0]!.id), election.id))).toBe('auth.forbidden');
    expect(await refusal(openVoting(w.secretary, 999_999))).toBe('auth.forbidden');
    expect(await rollOf(election.id)).toEqual([]);
    expect(await auditCount('election.openVoting')).toBe(before);
    expect((await w.db.election.findUniqueOrThrow({ where: { id: election.id } })).status).toBe('PUBLICISING');
  });

  test('an empty roll is refused', async () => {
    const empty = await createBuilding(w.db, { compoundId: w.beiyuan.compound.id, name: '9栋' });
    const { election } = await publicisedElection(w, {
      place: 'beiyuan',
      electorate: 'ADULT_RESIDENTS',
      rule: 'PLURALITY',
      seats: 1,
      bodyId: null,
      post: '楼栋长',
      buildingId: empty.id,
      candidates: [w.beiyuan.owners[0]!.id],
    });
    expect(await refusal(openVoting(w.secretary, election.id))).toBe('electionVote.emptyRoll');
    expect((await w.db.election.findUniqueOrThrow({ where: { id: election.id } })).status).toBe('PUBLICISING');
  });

  test('two opens at once freeze one roll', async () => {
    const { election } = await publicisedElection(w, {
      place: 'beiyuan',
      electorate: 'HOUSEHOLDS',
      rule: 'PLURALITY',
      seats: 3,
      candidates: w.beiyuan.owners.slice(0, 3).map((p) => p.id),
    });
    const out = await Promise.all([refusal(openVoting(w.secretary, election.id)), refusal(openVoting(w.secretary, election.id))]);
    expect(out.sort()).toEqual(['election.wrongState', 'no refusal']);
    expect(await rollOf(election.id)).toHaveLength(6);
  });
});
