import { beforeAll, expect, test } from 'vitest';
import { isActive } from '@/domain/authz/can';
import { loadActor } from '@/server/auth/actor';
import { savePartyMember } from '@/server/territory-admin/party-members';
import { createStaff } from '../../factories/accounts';
import { createPartyOrg } from '../../factories/organisation';
import { byUser, inDays, TODAY } from '../accounts/support';
import { gridWorld } from './support';

let w: Awaited<ReturnType<typeof gridWorld>>;
beforeAll(async () => {
  w = await gridWorld();
});

test("a central household whose membership moves to another community's organisation stops being one in the old grid", async () => {
  const { db, community, central } = w;
  const street = await createStaff(db, {
    name: '街道组织委员',
    phone: '13900044201',
    password: 'x',
    role: 'STREET_STAFF',
    placeLevel: 'STREET',
    placeId: community.streetId,
  });
  const neighbour = await db.community.findFirstOrThrow({ where: { streetId: community.streetId, id: { not: community.id } } });
  const there = await createPartyOrg(db, { kind: 'COMMUNITY_COMMITTEE', name: '邻社区党委', communityId: neighbour.id });
  const member = await db.partyMember.findUniqueOrThrow({ where: { id: central.partyMemberId }, include: { person: true } });
  const user = await db.user.findUniqueOrThrow({ where: { personId: member.personId } });
  expect((await loadActor(user.id)).grants.map((g) => g.role)).toContain('CENTRAL_HOUSEHOLD');
  const profile = { name: member.person.name, phone: member.person.phone!, dualRegistered: false, mobile: false, interests: [] };
  // A profile edit in the same organisation ends nothing.
  await savePartyMember(await byUser(street.id), { ...profile, partyOrgId: member.partyOrgId, skills: ['电工'] });
  expect((await db.centralHousehold.findUniqueOrThrow({ where: { id: central.id } })).endsOn).toBeNull();

  await savePartyMember(await byUser(street.id, '街道组织委员'), {
    partyOrgId: there.id,
    name: member.person.name,
    phone: member.person.phone!,
    dualRegistered: false,
    mobile: false,
    skills: [],
    interests: [],
  });
  // The term ends the day before the move; the households they kept in touch with stay on record.
  const ended = await db.centralHousehold.findUniqueOrThrow({ where: { id: central.id }, include: { contacts: true } });
  expect(ended.endsOn?.toISOString().slice(0, 10)).toBe(inDays(-1));
  expect(ended.contacts.length).toBeGreaterThan(0);
  expect((await loadActor(user.id)).grants.filter((g) => isActive(g, TODAY)).map((g) => g.role)).not.toContain('CENTRAL_HOUSEHOLD');
  const audit = await db.auditLog.findFirstOrThrow({ where: { action: 'centralHousehold.end', entityId: String(central.id) } });
  expect([audit.actorId, audit.communityId]).toEqual([street.id, community.id]);
});
