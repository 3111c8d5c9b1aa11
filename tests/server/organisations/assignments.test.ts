import { beforeAll, describe, expect, test } from 'vitest';
import { assignOrganization, endAssignment } from '@/server/organisations/assignments';
import { registerOrganization } from '@/server/organisations/register';
import { byUser, inDays, TODAY } from '../accounts/support';
import { refusal } from '../refusal';
import { orgWorld } from './support';

let w: Awaited<ReturnType<typeof orgWorld>>;
beforeAll(async () => {
  w = await orgWorld();
});
const firm = async (name: string) =>
  registerOrganization(await byUser(w.staff.dongshengStreet.id), w.shuangliu, { kind: 'PROPERTY_FIRM', name, hasPartyOrg: false });

describe('assigning organisations to compounds and communities, with dates', () => {
  test('each kind only with its relations and at its level; only inside its district and where one keeps organisations', async () => {
    const by = await byUser(w.staff.dongshengStreet.id);
    const unit = await registerOrganization(by, w.shuangliu, { kind: 'CO_BUILDING_UNIT', name: '双流区人民医院', hasPartyOrg: true });
    const f = await firm('东升物业');
    const compound = { level: 'compound' as const, id: w.b.compound.id };
    const community = { level: 'community' as const, id: w.tanghu.id };
    const at = (organizationId: number, relation: 'PROPERTY_SERVICE' | 'CO_BUILDING', place: typeof compound | typeof community) =>
      refusal(assignOrganization(by, { organizationId, relation, place, startsOn: TODAY }));
    expect(await at(unit.id, 'PROPERTY_SERVICE', compound)).toBe('organization.wrongRelation');
    expect(await at(unit.id, 'CO_BUILDING', compound)).toBe('organization.communityOnly');
    expect(await at(f.id, 'PROPERTY_SERVICE', community)).toBe('organization.needsCompound');
    const inWuhou = {
      organizationId: unit.id,
      relation: 'CO_BUILDING' as const,
      place: { level: 'community' as const, id: w.jinyang.id },
      startsOn: TODAY,
    };
    expect(await refusal(assignOrganization(await byUser(w.staff.jinyangStreet.id), inWuhou))).toBe('organization.otherDistrict');
    expect(await refusal(assignOrganization(by, inWuhou))).toBe('auth.forbidden');
    expect(
      await refusal(assignOrganization(by, { organizationId: unit.id, relation: 'CO_BUILDING', place: community, startsOn: '2026-1-1' })),
    ).toBe('organization.datesInvalid');
    expect(await at(unit.id, 'CO_BUILDING', community)).toBe('no refusal');
    expect(await w.db.organizationAssignment.count({ where: { organizationId: unit.id } })).toBe(1);
  });

  test("a residents' committee keeps its community's organisations but cannot put a property firm (and its staff) in a compound", async () => {
    const by = await byUser(w.tanghuStaff.id);
    const self = await registerOrganization(by, w.shuangliu, { kind: 'SELF_ORGANIZATION', name: '棠湖合唱队', hasPartyOrg: false });
    expect(
      await refusal(
        assignOrganization(by, {
          organizationId: self.id,
          relation: 'SELF_ORGANIZED',
          place: { level: 'compound', id: w.b.compound.id },
          startsOn: TODAY,
        }),
      ),
    ).toBe('no refusal');
    const f = await firm('棠湖物业');
    expect(
      await refusal(
        assignOrganization(by, {
          organizationId: f.id,
          relation: 'PROPERTY_SERVICE',
          place: { level: 'compound', id: w.b.compound.id },
          startsOn: TODAY,
        }),
      ),
    ).toBe('grant.notAllowed');
  });

  test('a compound has one property firm on any day: two firms assigned at once, one wins; the next starts after the first ends', async () => {
    const by = await byUser(w.staff.dongshengStreet.id);
    const [one, two] = [await firm('甲物业'), await firm('乙物业')];
    const place = { level: 'compound' as const, id: w.b.compound.id };
    const results = await Promise.all(
      [one, two].map((f) =>
        refusal(assignOrganization(by, { organizationId: f.id, relation: 'PROPERTY_SERVICE', place, startsOn: '2026-01-01' })),
      ),
    );
    expect(results.sort()).toEqual(['no refusal', 'organization.compoundHasFirm']);
    const open = await w.db.organizationAssignment.findMany({ where: { compoundId: w.b.compound.id, relation: 'PROPERTY_SERVICE' } });
    expect(open).toHaveLength(1);
    const [winner, loser] = open[0]!.organizationId === one.id ? [one, two] : [two, one];
    // A firm taking over before the old contract ends is refused; from the day after its last day it is accepted.
    await endAssignment(by, open[0]!.id, inDays(10));
    const from = (startsOn: string) =>
      refusal(assignOrganization(by, { organizationId: loser.id, relation: 'PROPERTY_SERVICE', place, startsOn }));
    expect(await from(inDays(10))).toBe('organization.compoundHasFirm');
    expect(await from(inDays(11))).toBe('no refusal');
    expect(await refusal(endAssignment(by, open[0]!.id, '2025-12-31'))).toBe('organization.datesInvalid');
    expect(await w.db.auditLog.count({ where: { action: 'organization.endAssignment', entityId: String(open[0]!.id) } })).toBe(1);
    expect(winner.id).not.toBe(loser.id);
  });

  test('the same assignment ended twice at once: ended once, audited once', async () => {
    const by = await byUser(w.staff.dongshengStreet.id);
    const unit = await registerOrganization(by, w.shuangliu, { kind: 'CO_BUILDING_UNIT', name: '双流区图书馆', hasPartyOrg: false });
    const a = await assignOrganization(by, {
      organizationId: unit.id,
      relation: 'CO_BUILDING',
      place: { level: 'community', id: w.tanghu.id },
      startsOn: TODAY,
    });
    const results = await Promise.all([1, 2].map(() => refusal(endAssignment(by, a.id, inDays(5)))));
    expect(results.sort()).toEqual(['no refusal', 'organization.alreadyEnded']);
    expect(await w.db.auditLog.count({ where: { action: 'organization.endAssignment', entityId: String(a.id) } })).toBe(1);
  });
});
