import { beforeAll, describe, expect, test } from 'vitest';
import { assignOrganization, endAssignment } from '@/server/organisations/assignments';
import { registerOrganization } from '@/server/organisations/register';
import { ensureProcedures } from '@/server/topics/procedures';
import { stakeholderCandidates } from '@/server/topics/participation';
import { createTopicWithHistory } from '../../factories/topics';
import { byUser, inDays, TODAY } from '../accounts/support';
import { orgWorld } from './support';

let w: Awaited<ReturnType<typeof orgWorld>>;
beforeAll(async () => {
  w = await orgWorld();
  await ensureProcedures(w.db);
});

describe('organisations invited as 1+4+X stakeholders (issue 18 item 4)', () => {
  test('every kind appears in its own group with its name, and only while it is assigned there', async () => {
    const by = await byUser(w.staff.jinyangStreet.id);
    const community = { level: 'community' as const, id: w.jinyang.id };
    const compound = { level: 'compound' as const, id: w.a.compound.id };
    const kinds = [
      ['PROPERTY_FIRM', 'PROPERTY_SERVICE', compound, '锦苑物业'],
      ['CO_BUILDING_UNIT', 'CO_BUILDING', community, '武侯区人民医院'],
      ['STATIONED_UNIT', 'STATIONED', community, '晋阳派出所'],
      ['NEARBY_FIRM', 'SERVICE', community, '晋阳超市'],
      ['SOCIAL_ORG', 'SERVICE', compound, '益邻社工'],
      ['SOCIAL_ENTERPRISE', 'SERVICE', community, '邻里食堂'],
      ['SELF_ORGANIZATION', 'SELF_ORGANIZED', compound, '北苑合唱队'],
    ] as const;
    const ids: number[] = [];
    for (const [kind, relation, place, name] of kinds) {
      const org = await registerOrganization(by, w.wuhou, { kind, name, hasPartyOrg: false });
      const a = await assignOrganization(by, { organizationId: org.id, relation, place, startsOn: '2026-01-01' });
      ids.push(a.id);
    }
    // Assigned once but no longer; and one that begins only next month: neither is invited.
    const old = await registerOrganization(by, w.wuhou, { kind: 'SOCIAL_ORG', name: '已撤出的社工机构', hasPartyOrg: false });
    const gone = await assignOrganization(by, { organizationId: old.id, relation: 'SERVICE', place: community, startsOn: '2026-01-01' });
    await endAssignment(by, gone.id, inDays(-1));
    const later = await registerOrganization(by, w.wuhou, { kind: 'STATIONED_UNIT', name: '下月进驻的单位', hasPartyOrg: false });
    await assignOrganization(by, { organizationId: later.id, relation: 'STATIONED', place: community, startsOn: inDays(30) });

    // A firm of another compound of the community is not this compound's stakeholder.
    const next = await w.db.compound.create({
      data: { name: '北苑二期', initials: 'byeq', communityId: w.jinyang.id, streetId: w.jinyang.streetId, districtId: w.wuhou },
    });
    const neighbour = await registerOrganization(by, w.wuhou, { kind: 'PROPERTY_FIRM', name: '二期物业', hasPartyOrg: false });
    await assignOrganization(by, {
      organizationId: neighbour.id,
      relation: 'PROPERTY_SERVICE',
      place: { level: 'compound', id: next.id },
      startsOn: '2026-01-01',
    });

    const topic = await createTopicWithHistory(w.db, {
      procedureCode: 'SEVEN_STEP',
      title: '北苑停车',
      description: '停车难',
      communityId: w.jinyang.id,
      compoundId: w.a.compound.id,
      by: { userId: w.staff.jinyangSecretary.id, label: '刘书记' },
      stepIndex: 1,
      createdAt: new Date(),
      stepDueAt: new Date(Date.now() + 30 * 86_400_000),
    });
    const orgs = (await stakeholderCandidates(await byUser(w.staff.jinyangSecretary.id), topic.id)).filter((c) => c.organizationId);
    expect(orgs.map((c) => [c.group, c.label]).sort()).toEqual(
      [
        ['PROPERTY_FIRM', '锦苑物业'],
        ['CO_BUILDING', '武侯区人民医院'],
        ['STATIONED_UNIT', '晋阳派出所'],
        ['NEARBY_FIRM', '晋阳超市'],
        ['SOCIAL_ORG', '益邻社工'],
        ['SOCIAL_ENTERPRISE', '邻里食堂'],
        ['SELF_ORG', '北苑合唱队'],
      ].sort(),
    );
    expect(TODAY).toBeTruthy();
  });
});
