import { beforeAll, describe, expect, test } from 'vitest';
import { can } from '@/domain/authz/can';
import { loadActor } from '@/server/auth/actor';
import { findHandler } from '@/server/issues/handlers';
import { assignOrganization, endAssignment } from '@/server/organisations/assignments';
import { revokeRole } from '@/server/accounts/staff';
import { createFirmStaffAccount, endFirmStaff } from '@/server/organisations/firm-staff';
import { registerOrganization } from '@/server/organisations/register';
import { byUser, inDays, TODAY } from '../accounts/support';
import { refusal } from '../refusal';
import { orgWorld } from './support';

let w: Awaited<ReturnType<typeof orgWorld>>;
beforeAll(async () => {
  w = await orgWorld();
});
const yesterday = inDays(-1);
const newCompound = (name: string) =>
  w.db.compound.create({ data: { name, initials: 'x', communityId: w.tanghu.id, streetId: w.tanghu.streetId, districtId: w.shuangliu } });

/** Where an issue raised in compound b today goes first, and whether that account may handle it. */
async function handlerOfB() {
  const place = {
    buildingId: null,
    compoundId: w.b.compound.id,
    communityId: w.tanghu.id,
    streetId: w.tanghu.streetId,
    districtId: w.shuangliu,
  };
  return findHandler(w.db, place, 'COMPOUND', 'GRID_WORKER');
}
const handles = async (userId: number) =>
  can(
    await loadActor(userId),
    'issue.handle',
    { ancestry: { district: w.shuangliu, street: w.tanghu.streetId, community: w.tanghu.id, compound: w.b.compound.id } },
    TODAY,
  );

describe("a property firm's staff accounts (decision 045)", () => {
  test('handle issues in the compound the firm serves, only while it serves it; the one-time code is shown once', async () => {
    const by = await byUser(w.staff.dongshengStreet.id);
    const firm = await registerOrganization(by, w.shuangliu, { kind: 'PROPERTY_FIRM', name: '欧城物业', hasPartyOrg: true });
    const staff = { organizationId: firm.id, name: '物业小王', phone: '13900009021', title: '项目经理' };
    expect(await refusal(createFirmStaffAccount(by, staff))).toBe('organization.servesNoCompound');
    const served = await assignOrganization(by, {
      organizationId: firm.id,
      relation: 'PROPERTY_SERVICE',
      place: { level: 'compound', id: w.b.compound.id },
      startsOn: '2026-01-01',
    });
    const { userId, code } = await createFirmStaffAccount(by, staff);
    expect(code).toMatch(/\S{6,}/);
    expect(await w.db.passwordResetCode.count({ where: { userId } })).toBe(1);
    expect(await handlerOfB()).toBe(userId);
    expect(await handles(userId)).toBe(true);
    // The contract ended yesterday: the staff no longer handle the compound's issues, nor receive them.
    await endAssignment(by, served.id, yesterday);
    expect(await handles(userId)).toBe(false);
    expect(await handlerOfB()).toBe(w.tanghuStaff.id); // falls back to the community, as routing does
    // The firm serves it again from today; so do its staff.
    await assignOrganization(by, {
      organizationId: firm.id,
      relation: 'PROPERTY_SERVICE',
      place: { level: 'compound', id: w.b.compound.id },
      startsOn: TODAY,
    });
    expect(await handles(userId)).toBe(true);
    const member = await w.db.organizationMember.findFirstOrThrow({ where: { organizationId: firm.id, staff: true } });
    // Ended twice at once (review): one ends it, the other is told they left already; their last day is kept.
    const twice = await Promise.all([refusal(endFirmStaff(by, member.id)), refusal(endFirmStaff(by, member.id))]);
    expect(twice.sort()).toEqual(['no refusal', 'organization.staffLeft']);
    expect(await handles(userId)).toBe(false);
    expect(await handlerOfB()).toBe(w.tanghuStaff.id); // falls back to the community, as routing does
    expect(await w.db.auditLog.count({ where: { action: { in: ['organization.staffCreate', 'organization.staffEnd'] } } })).toBe(2);
  });

  test("rank: a residents' committee (no staff.manage) and a community secretary elsewhere cannot open a firm's staff account", async () => {
    const by = await byUser(w.staff.dongshengStreet.id);
    const firm = await registerOrganization(by, w.shuangliu, { kind: 'PROPERTY_FIRM', name: '锦程物业', hasPartyOrg: false });
    const compound = await newCompound('锦程花园');
    await assignOrganization(by, {
      organizationId: firm.id,
      relation: 'PROPERTY_SERVICE',
      place: { level: 'compound', id: compound.id },
      startsOn: inDays(400),
    });
    const staff = { organizationId: firm.id, name: '物业小李', phone: '13900009022', title: '客服' };
    expect(await refusal(createFirmStaffAccount(await byUser(w.tanghuStaff.id), staff))).toBe('grant.notAllowed');
    expect(await refusal(createFirmStaffAccount(await byUser(w.staff.jinyangSecretary.id), staff))).toBe('grant.notAllowed');
    expect(await w.db.user.count({ where: { phone: '13900009022' } })).toBe(0);
  });

  test('a new compound and a new staff member written at once: the member holds a grant there; the same phone twice: one account', async () => {
    const by = await byUser(w.staff.dongshengStreet.id);
    const firm = await registerOrganization(by, w.shuangliu, { kind: 'PROPERTY_FIRM', name: '双流安居物业', hasPartyOrg: false });
    const other = await newCompound('棠湖新苑');
    await assignOrganization(by, {
      organizationId: firm.id,
      relation: 'PROPERTY_SERVICE',
      place: { level: 'compound', id: other.id },
      startsOn: inDays(500),
    });
    const staff = { organizationId: firm.id, name: '物业老赵', phone: '13900009023', title: '主管' };
    const [made] = await Promise.all([
      createFirmStaffAccount(by, staff),
      assignOrganization(by, {
        organizationId: firm.id,
        relation: 'PROPERTY_SERVICE',
        place: { level: 'compound', id: other.id },
        startsOn: inDays(300),
        endsOn: inDays(400),
      }),
    ]);
    const grants = await w.db.roleGrant.findMany({ where: { userId: made.userId, revokedAt: null }, orderBy: { startsOn: 'asc' } });
    expect(grants.map((g) => [g.role, g.placeId])).toEqual([
      ['PROPERTY_FIRM_STAFF', other.id],
      ['PROPERTY_FIRM_STAFF', other.id],
    ]);
    const twice = await Promise.all(
      [createFirmStaffAccount(by, { ...staff, phone: '13900009024' }), createFirmStaffAccount(by, { ...staff, phone: '13900009024' })].map(
        refusal,
      ),
    );
    expect(twice.sort()).toEqual(['account.phoneHasAccount', 'no refusal']);
    expect(await w.db.user.count({ where: { phone: '13900009024' } })).toBe(1);
  });

  test("the staff page cannot revoke a grant that follows the firm's contract; a hand-made grant revoked twice at once ends once", async () => {
    const by = await byUser(w.staff.dongshengStreet.id);
    const firm = await registerOrganization(by, w.shuangliu, { kind: 'PROPERTY_FIRM', name: '棠湖家园物业', hasPartyOrg: false });
    const compound = await newCompound('棠湖家园');
    await assignOrganization(by, {
      organizationId: firm.id,
      relation: 'PROPERTY_SERVICE',
      place: { level: 'compound', id: compound.id },
      startsOn: TODAY,
    });
    const { userId } = await createFirmStaffAccount(by, { organizationId: firm.id, name: '物业小周', phone: '13900009025', title: '客服' });
    const grant = await w.db.roleGrant.findFirstOrThrow({ where: { userId, revokedAt: null } });
    // Revoked by hand, the grant would come back at the next sync and the register would say the person still works there.
    expect(await refusal(revokeRole(by, grant.id))).toBe('grant.followsOrganization');
    expect((await w.db.roleGrant.findUniqueOrThrow({ where: { id: grant.id } })).revokedAt).toBeNull();

    const hand = await w.db.roleGrant.create({
      data: { userId, role: 'GRID_WORKER', placeLevel: 'COMMUNITY', placeId: w.tanghu.id, startsOn: new Date('2026-01-01') },
    });
    const before = await w.db.auditLog.count({ where: { action: 'grant.revoke', entityId: String(hand.id) } });
    const twice = await Promise.all([refusal(revokeRole(by, hand.id)), refusal(revokeRole(by, hand.id))]);
    expect(twice.sort()).toEqual(['auth.forbidden', 'no refusal']);
    expect(await w.db.auditLog.count({ where: { action: 'grant.revoke', entityId: String(hand.id) } })).toBe(before + 1);
  });
});

describe("a mediation studio's staff accounts (decision 062)", () => {
  test('opened by staff managers of every community it serves, with no grant: they act only on cases they are named on', async () => {
    const street = await byUser(w.staff.dongshengStreet.id);
    const studio = await registerOrganization(street, w.shuangliu, {
      kind: 'MEDIATION_STUDIO',
      name: '至和调解工作室',
      hasPartyOrg: false,
    });
    const staff = { organizationId: studio.id, name: '贺至和', phone: '13900009031', title: '调解员' };
    expect(await refusal(createFirmStaffAccount(street, staff))).toBe('organization.servesNoCompound');
    await assignOrganization(street, {
      organizationId: studio.id,
      relation: 'SERVICE',
      place: { level: 'community', id: w.tanghu.id },
      startsOn: '2026-01-01',
    });
    // Jinyang's secretary manages no staff at Tanghu; Tanghu's residents' committee staff manage none at all.
    expect(await refusal(createFirmStaffAccount(await byUser(w.staff.jinyangSecretary.id), staff))).toBe('auth.forbidden');
    expect(await refusal(createFirmStaffAccount(await byUser(w.tanghuStaff.id), staff))).toBe('auth.forbidden');
    expect(await w.db.user.count({ where: { phone: staff.phone } })).toBe(0);
    const { userId } = await createFirmStaffAccount(street, staff);
    expect(await w.db.roleGrant.count({ where: { userId } })).toBe(0);
    const member = await w.db.organizationMember.findFirstOrThrow({ where: { organizationId: studio.id } });
    expect(member.staff).toBe(true);
    // The studio's staff page ends them too (they leave the studio: no longer a mediator the community may name).
    await endFirmStaff(street, member.id);
    expect((await w.db.organizationMember.findUniqueOrThrow({ where: { id: member.id } })).leftOn).not.toBeNull();
  });
});
