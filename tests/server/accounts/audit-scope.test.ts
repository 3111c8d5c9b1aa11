import { beforeAll, expect, test } from 'vitest';
import { listAudit } from '@/server/accounts/read-audit';
import { registerOrganization } from '@/server/organisations/register';
import { createPartyOrg } from '@/server/party/orgs';
import { partyWorld } from '../party/support';

let w: Awaited<ReturnType<typeof partyWorld>>;
beforeAll(async () => {
  w = await partyWorld();
});
const actions = async (by: Parameters<typeof listAudit>[0]) => (await listAudit(by)).map((r) => `${r.action}:${r.entityType}`);

test("changes above any community are in the audit of the street and district they belong to, and of no one else's", async () => {
  const { by, street } = w;
  // A street's 党工委 belongs to the street; an organisation of the register to the district.
  await createPartyOrg(by.district, { kind: 'STREET_WORKING_COMMITTEE', name: '晋阳街道党工委', placeId: street.id });
  await registerOrganization(by.district, street.districtId, { kind: 'PROPERTY_FIRM', name: '晋阳物业', hasPartyOrg: false });

  expect(await actions(by.street)).toContain('partyOrg.create:PartyOrg');
  expect(await actions(by.street)).not.toContain('organization.create:Organization');
  expect(await actions(by.district)).toEqual(expect.arrayContaining(['partyOrg.create:PartyOrg', 'organization.create:Organization']));
  for (const other of [by.otherStreet, by.community]) {
    expect(await actions(other)).not.toContain('partyOrg.create:PartyOrg');
    expect(await actions(other)).not.toContain('organization.create:Organization');
  }
});
