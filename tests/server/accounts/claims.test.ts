import { beforeAll, describe, expect, test } from 'vitest';
import { refusal } from '../refusal';
import { claimHousehold, listPendingClaims, reviewClaim } from '@/server/accounts/claims';
import { issueInvitationCodes } from '@/server/accounts/invitations';
import { loadActor } from '@/server/auth/actor';
import { can } from '@/domain/authz/can';
import { byUser, registerWithCode, TODAY, world } from './support';

let w: Awaited<ReturnType<typeof world>>;
beforeAll(async () => {
  w = await world();
});

describe('registration, invitation codes and household claims', () => {
  test('the whole path: register, claim with a printed code, staff approve, verified owner', async () => {
    const { db, a, staff } = w;
    // The roster owner of the first unit has a phone; the resident registers with the same number.
    const unit = a.households[0]!;
    const owner = await db.person.findFirstOrThrow({ where: { ownerships: { some: { householdId: unit.id } } } });
    await registerWithCode({ name: owner.name, phone: owner.phone!, password: 'resident-pass-1', compoundId: a.compound.id });
    const user = await db.user.findUniqueOrThrow({ where: { phone: owner.phone! } });
    expect(user.verifiedAt).toBeNull();
    expect(user.personId).not.toBe(owner.id); // not linked before verification
    // Unverified: no role from the household, only raising issues in the community named (decision 030).
    expect((await loadActor(user.id)).grants.map((g) => [g.role, g.place])).toEqual([
      ['UNVERIFIED_RESIDENT', { level: 'community', id: a.compound.communityId }],
    ]);

    const sheet = await issueInvitationCodes(await byUser(staff.gridWorker.id), { compoundId: a.compound.id });
    expect(sheet.rows).toHaveLength(4);
    expect(sheet.rows[0]!.code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    expect(await db.invitationCode.count({ where: { codeHash: sheet.rows[0]!.code } })).toBe(0); // only hashes stored

    // Typing is forgiving: lower case, no dash.
    const claim = await claimHousehold(
      user.id,
      { code: sheet.rows[0]!.code.toLowerCase().replace('-', ''), relation: 'OWNER' },
      '10.0.0.1',
    );
    expect(claim.status).toBe('PENDING');
    expect(await refusal(claimHousehold(user.id, { code: sheet.rows[0]!.code, relation: 'OWNER' }, '10.0.0.1'))).toBe('claim.invalidCode');

    const pending = await listPendingClaims(await byUser(staff.jinyangSecretary.id));
    expect(pending.map((c) => c.id)).toContain(claim.id);
    await reviewClaim(await byUser(staff.jinyangSecretary.id), { claimId: claim.id, approve: true });

    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.verifiedAt).not.toBeNull();
    expect(after.personId).toBe(owner.id); // linked to the roster owner with the same number
    const actor = await loadActor(user.id);
    expect(actor.grants.map((g) => g.role).sort()).toEqual(['HOUSEHOLD_REPRESENTATIVE', 'OWNER', 'RESIDENT']);
    expect(actor.grants[0]!.place).toEqual({ level: 'building', id: unit.buildingId });
    expect(can(actor, 'vote.cast', { ancestry: {}, bodyId: 1 }, TODAY)).toBe(false);
    expect(await db.auditLog.count({ where: { action: 'claim.approve', entityId: String(claim.id) } })).toBe(1);
  });

  test('registering a number that has an account creates nothing; only the phone’s holder learns why', async () => {
    const { db, a } = w;
    expect(await registerWithCode({ name: '甲', phone: '13711112222', password: 'first-pass-1', compoundId: a.compound.id })).toBe(
      'created',
    );
    const before = await db.user.count();
    expect(await registerWithCode({ name: '乙', phone: '137 1111 2222', password: 'other-pass-1', compoundId: a.compound.id })).toBe(
      'exists',
    );
    expect(await db.user.count()).toBe(before);
  });

  test('staff of another street can neither issue codes nor review claims there; nothing is written', async () => {
    const { db, a, staff } = w;
    const other = await byUser(staff.dongshengStreet.id);
    const audits = await db.auditLog.count();
    const codes = await db.invitationCode.count();
    expect(await refusal(issueInvitationCodes(other, { compoundId: a.compound.id }))).toBe('auth.forbidden');
    await registerWithCode({ name: '丙', phone: '13722223333', password: 'resident-pass-2', compoundId: a.compound.id });
    const user = await db.user.findUniqueOrThrow({ where: { phone: '13722223333' } });
    const sheet = await issueInvitationCodes(await byUser(staff.jinyangStreet.id), { compoundId: a.compound.id });
    const claim = await claimHousehold(user.id, { code: sheet.rows[1]!.code, relation: 'TENANT' }, '10.0.0.1');
    expect(await refusal(reviewClaim(other, { claimId: claim.id, approve: true }))).toBe('auth.forbidden');
    expect((await db.householdClaim.findUniqueOrThrow({ where: { id: claim.id } })).status).toBe('PENDING');
    expect(await listPendingClaims(other)).toEqual([]);
    expect(await db.invitationCode.count()).toBe(codes + 4);
    expect(await db.auditLog.count()).toBe(audits + 4); // code sent, register, issue, claim: none by the refused actor

    // A rejection needs a reason, and is final.
    const mine = await byUser(staff.jinyangStreet.id);
    expect(await refusal(reviewClaim(mine, { claimId: claim.id, approve: false, reason: '  ' }))).toBe('claim.reasonRequired');
    await reviewClaim(mine, { claimId: claim.id, approve: false, reason: '房号与登记不符' });
    expect(await refusal(reviewClaim(mine, { claimId: claim.id, approve: true }))).toBe('claim.notPending');
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).verifiedAt).toBeNull();
  });

  test('a resident cannot review claims, and unknown codes are refused', async () => {
    const { db, a } = w;
    await registerWithCode({ name: '丁', phone: '13733334444', password: 'resident-pass-3', compoundId: a.compound.id });
    const user = await db.user.findUniqueOrThrow({ where: { phone: '13733334444' } });
    expect(await refusal(claimHousehold(user.id, { code: 'AAAA-BBBB', relation: 'OWNER' }, '10.0.0.1'))).toBe('claim.invalidCode');
    expect(await refusal(issueInvitationCodes(await byUser(user.id), { compoundId: a.compound.id }))).toBe('auth.forbidden');
  });
});
