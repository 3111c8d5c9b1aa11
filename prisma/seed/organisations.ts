// Organisations of the Shuangliu demo (issue 18 item 4), registered through the same use cases as staff use: a stationed
// unit and a social organisation for Tanghu community (S4, S5), and a staff login for Oucheng Garden's property firm,
// which then receives the compound's issues as PROPERTY_FIRM_STAFF while the firm serves it.
import type { Prisma } from '../../src/generated/prisma/client.ts';
import type { TBy } from '../../src/server/accounts/by.ts';
import type { TGrant } from '../../src/domain/authz/can.ts';
import { PLACE_LEVEL_DOMAIN } from '../../src/server/places/ancestry.ts';
import { hashPassword } from '../../src/server/auth/password.ts';
import { assignOrganizationIn } from '../../src/server/organisations/assignments.ts';
import { createFirmStaffAccountIn } from '../../src/server/organisations/firm-staff.ts';
import { registerOrganizationIn } from '../../src/server/organisations/register.ts';
import { fromDateOnly, today } from '../../src/server/today.ts';
import { DEMO_LOGINS } from './logins.ts';
import { TANGHU_COMMUNITY } from './oucheng.ts';

export const FIRM_STAFF_PHONE = '13900008001';

export async function seedOrganisations(tx: Prisma.TransactionClient) {
  // The district administrator of Shuangliu (demo login 陈双流) does it.
  // Its actor is built from its grants as loadActor does (loadActor reads the app's database, which the seed runs before).
  const admin = await tx.user.findUniqueOrThrow({
    where: { phone: '13900004001' },
    select: {
      id: true,
      grants: { where: { revokedAt: null }, select: { role: true, placeLevel: true, placeId: true, startsOn: true, endsOn: true } },
    },
  });
  const grants: TGrant[] = admin.grants.map((g) => ({
    role: g.role,
    place: { level: PLACE_LEVEL_DOMAIN[g.placeLevel], id: g.placeId },
    startsOn: fromDateOnly(g.startsOn),
    endsOn: g.endsOn ? fromDateOnly(g.endsOn) : null,
  }));
  const by: TBy = { userId: admin.id, label: '陈双流', actor: { userId: admin.id, grants }, today: today() };
  const tanghu = await tx.community.findUniqueOrThrow({ where: { code: TANGHU_COMMUNITY }, include: { street: true } });
  const community = { level: 'community' as const, id: tanghu.id };
  const stationed = await registerOrganizationIn(tx, by, tanghu.street.districtId, {
    kind: 'STATIONED_UNIT',
    name: '双流区东升街道棠湖社区卫生服务站',
    hasPartyOrg: true,
  });
  await assignOrganizationIn(tx, by, { organizationId: stationed.id, relation: 'STATIONED', place: community, startsOn: '2025-01-01' });
  const social = await registerOrganizationIn(tx, by, tanghu.street.districtId, {
    kind: 'SOCIAL_ORG',
    name: '双流区棠湖邻里社会工作服务中心',
    hasPartyOrg: false,
  });
  await assignOrganizationIn(tx, by, { organizationId: social.id, relation: 'SERVICE', place: community, startsOn: '2025-03-01' });

  const firm = await tx.organization.findFirstOrThrow({ where: { name: '成都欧城物业服务有限公司' }, select: { id: true } });
  const { userId } = await createFirmStaffAccountIn(tx, by, {
    organizationId: firm.id,
    name: '王静',
    phone: FIRM_STAFF_PHONE,
    title: '客服主管',
  });
  // Demo logins share one password (logins.ts) instead of the one-time code a real account starts with.
  await tx.user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(DEMO_LOGINS.password) } });
  await tx.passwordResetCode.deleteMany({ where: { userId } });
}
