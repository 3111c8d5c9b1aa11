import { beforeAll, describe, expect, test } from 'vitest';
import { openElection } from '@/server/elections/create';
import { refusal } from '../refusal';
import { createPartyOrg } from '../../factories/organisation';
import { councilElection, electionWorld, snapshot, type TElectionWorld } from './nomination-world';

let w: TElectionWorld;
beforeAll(async () => {
  w = await electionWorld();
});

const key = (n: number) => `0000000000000000-e1-${String(n).padStart(4, '0')}`;

describe('opening an election (decision 069)', () => {
  test('the community secretary opens a council election of a compound: NOMINATING, maxChoices = seats, audited', async () => {
    const { id } = await openElection(w.secretary, councilElection(w));
    const e = await w.db.election.findUniqueOrThrow({ where: { id } });
    expect(e).toMatchObject({ status: 'NOMINATING', seats: 2, maxChoices: 2, secret: true, compoundId: w.a.compound.id, round: 1 });
    const audit = await w.db.auditLog.findFirstOrThrow({ where: { action: 'election.create', entityId: String(id) } });
    expect(audit).toMatchObject({ actorId: w.secretary.userId, communityId: w.jinyang.id, compoundId: w.a.compound.id });
  });

  test('an owners’ election is never secret; a party election names its organisation; a post instead of a body', async () => {
    const owners = await openElection(w.secretary, { ...councilElection(w), electorate: 'OWNERS', rule: 'OWNERS_278', secret: true });
    expect((await w.db.election.findUniqueOrThrow({ where: { id: owners.id } })).secret).toBe(false);
    const party = await openElection(w.secretary, {
      ...councilElection(w),
      bodyId: null,
      post: '支部委员',
      electorate: 'PARTY_MEMBERS',
      partyOrgId: w.branch.id,
      maxChoices: 1,
    });
    expect(await w.db.election.findUniqueOrThrow({ where: { id: party.id } })).toMatchObject({
      post: '支部委员',
      maxChoices: 1,
      partyOrgId: w.branch.id,
    });
  });

  test('a double tap with one form key makes one election; two taps at once make one', async () => {
    const input = { ...councilElection(w), idempotencyKey: key(1) };
    const [a, b] = await Promise.all([openElection(w.secretary, input), openElection(w.secretary, input)]);
    expect(a.id).toBe(b.id);
    expect(await w.db.election.count({ where: { idempotencyKey: key(1) } })).toBe(1);
    expect(await refusal(openElection(w.street, input))).toBe('form.duplicateKey');
  });

  test('bad input: a clear refusal each time, nothing written', async () => {
    const before = await snapshot();
    const past = new Date(Date.now() - 60_000);
    const base = councilElection(w);
    const bad: [Partial<typeof base>, string][] = [
      [{ title: '  ' }, 'election.badTitle'],
      [{ electorate: '' as never }, 'election.badElectorate'],
      [{ rule: 'OWNERS_278' }, 'election.ruleElectorate'],
      [{ electorate: 'OWNERS', rule: 'MAJORITY' }, 'election.ruleElectorate'],
      [{ seats: 0 }, 'election.badSeats'],
      [{ maxChoices: 3 }, 'election.maxChoices'],
      [{ secondersNeeded: -1 }, 'election.badSeconders'],
      [{ publicityDays: 0 }, 'election.badPublicity'],
      [{ bodyId: null }, 'election.seatOf'],
      [{ post: '楼栋长' }, 'election.seatOf'],
      [{ nominationEndsAt: past }, 'election.nominationPast'],
      [{ votingStartsAt: new Date(Date.now() + 8 * 86_400_000) }, 'election.votingBeforePublicity'],
      [
        { votingStartsAt: new Date(Date.now() + 20 * 86_400_000), votingEndsAt: new Date(Date.now() + 19 * 86_400_000) },
        'election.votingOrder',
      ],
      [{ termEndsOn: '2026-12-31' }, 'election.termOrder'],
      [{ termStartsOn: '2027-13-01' }, 'election.termOrder'],
      [{ electorate: 'OWNERS', rule: 'OWNERS_278', compoundId: null }, 'election.ownersCompound'],
      [{ electorate: 'PARTY_MEMBERS' }, 'election.partyOrg'],
      [{ partyOrgId: w.branch.id }, 'election.partyOrg'],
      [{ compoundId: w.b.compound.id }, 'auth.forbidden'],
      [{ communityId: w.tanghu.id, compoundId: null }, 'auth.forbidden'],
      [{ meetingId: 999_999 }, 'election.meetingOutside'],
    ];
    for (const [over, code] of bad) expect(await refusal(openElection(w.secretary, { ...base, ...over })), code).toBe(code);
    expect(await snapshot()).toEqual(before);
  });

  test('a body, an organisation or a compound of another place is refused', async () => {
    const otherBody = await w.db.body.create({ data: { kind: 'COMMUNITY_COUNCIL', name: '棠湖议事会', communityId: w.tanghu.id } });
    const otherOrg = await createPartyOrg(w.db, { kind: 'COMMUNITY_COMMITTEE', name: '棠湖社区党委', communityId: w.tanghu.id });
    const before = await snapshot();
    expect(await refusal(openElection(w.secretary, { ...councilElection(w), bodyId: otherBody.id }))).toBe('election.bodyOutside');
    const party = { ...councilElection(w), electorate: 'PARTY_MEMBERS' as const, partyOrgId: otherOrg.id };
    expect(await refusal(openElection(w.secretary, party))).toBe('election.partyOrgOutside');
    // Jinyang's street staff naming a compound of another street and district: not theirs.
    expect(await refusal(openElection(w.street, { ...councilElection(w), communityId: w.jinyang.id, compoundId: w.b.compound.id }))).toBe(
      'auth.forbidden',
    );
    expect(await snapshot()).toEqual(before);
  });

  test('outsiders are refused and leave no audit row: a resident, another community’s secretary, another street', async () => {
    const before = await snapshot();
    for (const by of [w.r[0]!, w.otherSecretary, w.elsewhere, w.branchSecretary])
      expect(await refusal(openElection(by, councilElection(w)))).toBe('auth.forbidden');
    expect(await snapshot()).toEqual(before);
  });
});
