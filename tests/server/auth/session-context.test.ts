/**
 * Issue 16, item 2 (decision 035): the actor is cached per app instance and per account's authVersion, which
 * database triggers bump whenever what the account may do changes — so a request costs one primary-key lookup,
 * and a change made anywhere (another instance, a script, the roster import) applies at the next request.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { accountContext } from '@/server/auth/session';
import { createUser, grantRole } from '../../factories/accounts';
import { createBody, createPartyOrg, registerPartyMember } from '../../factories/organisation';
import { world } from '../accounts/support';

let w: Awaited<ReturnType<typeof world>>;
let householdId: number;
beforeAll(async () => {
  w = await world();
  householdId = (await w.db.household.findFirstOrThrow({ where: { building: { compound: { name: '北苑小区' } } } })).id;
});

const version = async (userId: number) => (await w.db.user.findUniqueOrThrow({ where: { id: userId } })).authVersion;

describe('the cached actor', () => {
  test('a second request reuses the actor; a grant added behind the app’s back shows at the next request', async () => {
    const u = await createUser(w.db, { phone: '13600000001', password: 'pass-word-1', verified: true });
    const first = (await accountContext(u.id, 0))!;
    expect((await accountContext(u.id, 0))!.actor).toBe(first.actor);
    await grantRole(w.db, u.id, 'GRID_WORKER', 'COMMUNITY', w.jinyang.id);
    const after = (await accountContext(u.id, 0))!;
    expect(after.actor).not.toBe(first.actor);
    expect(after.actor.grants.map((g) => g.role)).toContain('GRID_WORKER');
    await w.db.roleGrant.updateMany({ where: { userId: u.id }, data: { revokedAt: new Date() } });
    expect((await accountContext(u.id, 0))!.actor.grants.map((g) => g.role)).not.toContain('GRID_WORKER');
  });

  test('a session of an older sessionVersion, or of a disabled account, is signed out', async () => {
    const u = await createUser(w.db, { phone: '13600000002', password: 'pass-word-2', verified: true });
    expect(await accountContext(u.id, 0)).not.toBeNull();
    await w.db.user.update({ where: { id: u.id }, data: { sessionVersion: 1 } });
    expect(await accountContext(u.id, 0)).toBeNull();
    await w.db.user.update({ where: { id: u.id }, data: { disabledAt: new Date() } });
    expect(await accountContext(u.id, 1)).toBeNull();
  });
});

describe('every fact the actor is built from bumps the account’s authVersion in the database', () => {
  let n = 10;
  const fresh = async () => {
    const person = await w.db.person.create({ data: { name: '测试居民' } });
    const user = await createUser(w.db, { phone: `136000000${n++}`, password: 'pass-word-3', personId: person.id, verified: true });
    return { personId: person.id, userId: user.id };
  };
  test.each<[string, (p: { personId: number; userId: number }) => Promise<unknown>]>([
    ['a role granted', (p) => grantRole(w.db, p.userId, 'BUILDING_HEAD', 'COMMUNITY', w.jinyang.id)],
    [
      'a household claim',
      (p) => w.db.householdClaim.create({ data: { userId: p.userId, householdId, relation: 'OWNER', status: 'PENDING' } }),
    ],
    ['an ownership from the roster', (p) => w.db.ownership.create({ data: { householdId, personId: p.personId } })],
    [
      'a residency',
      (p) => w.db.residency.create({ data: { householdId, personId: p.personId, relation: 'TENANT', isRepresentative: true } }),
    ],
    [
      'a seat on a body',
      (p) => createBody(w.db, { kind: 'COMMUNITY_COUNCIL', name: `议事会${n}`, communityId: w.jinyang.id, memberIds: [p.personId] }),
    ],
    [
      'party membership',
      async (p) => {
        const org = await createPartyOrg(w.db, { kind: 'COMMUNITY_GENERAL_BRANCH', name: `支部${n}`, communityId: w.jinyang.id });
        return registerPartyMember(w.db, { personId: p.personId, partyOrgId: org.id });
      },
    ],
    ['verification withdrawn', (p) => w.db.user.update({ where: { id: p.userId }, data: { verifiedAt: null } })],
  ])('%s', async (_, change) => {
    const p = await fresh();
    const before = await version(p.userId);
    await change(p);
    expect(await version(p.userId)).toBeGreaterThan(before);
  });

  test('an unrelated change to the account (its password) does not', async () => {
    const p = await fresh();
    const before = await version(p.userId);
    await w.db.user.update({ where: { id: p.userId }, data: { passwordHash: 'x' } });
    expect(await version(p.userId)).toBe(before);
  });
});
