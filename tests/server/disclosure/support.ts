import { addDays, periodOf } from '@/domain/disclosure/slots';
import { copyDefaultCatalogue } from '@/server/disclosure/catalogue';
import { slotRef } from '@/server/disclosure/slots';
import { createStaff, createUser, createVerifiedResident, grantRole } from '../../factories/accounts';
import { assignOrganization, createBody, createOrganization } from '../../factories/organisation';
import { byUser, TODAY, world } from '../accounts/support';
import { testDb } from '../db';

/** The quarter two quarters back: ended long enough ago that any grace of up to 60 days has passed. */
export const oldQuarter = () =>
  periodOf('QUARTERLY', addDays(periodOf('QUARTERLY', addDays(periodOf('QUARTERLY', TODAY).firstDay, -1)).firstDay, -1));

/**
 * The accounts world with the default catalogue in 武侯区 applying since 1 January of last year, an owners' committee
 * (chair with an account) and a serving property firm (one staff account) at 北苑小区, a resident there, and the
 * secretary of a community of another district.
 */
export async function disclosureWorld() {
  const w = await world();
  const db = w.db;
  const pw = 'staff-pass-1';
  const wuhou = (await db.street.findUniqueOrThrow({ where: { id: w.jinyang.streetId } })).districtId;
  const admin = await createStaff(db, {
    name: '区民政',
    phone: '13900009101',
    password: pw,
    role: 'DISTRICT_ADMIN',
    placeLevel: 'DISTRICT',
    placeId: wuhou,
  });
  const startsOn = `${Number(TODAY.slice(0, 4)) - 1}-01-01`;
  await copyDefaultCatalogue(await byUser(admin.id, '区民政'), wuhou, startsOn);
  const chairUser = await createUser(db, { name: '业委会主任', phone: '13900009102', password: pw, verified: true });
  await createBody(db, {
    kind: 'OWNERS_COMMITTEE',
    name: '北苑小区业委会',
    communityId: w.jinyang.id,
    compoundId: w.a.compound.id,
    memberIds: [chairUser.personId],
  });
  const firm = await createOrganization(db, { kind: 'PROPERTY_FIRM', name: '北苑物业', districtId: wuhou });
  await assignOrganization(db, {
    organizationId: firm.id,
    relation: 'PROPERTY_SERVICE',
    communityId: w.jinyang.id,
    compoundId: w.a.compound.id,
  });
  const firmUser = await createUser(db, { name: '物业经理', phone: '13900009103', password: pw, verified: true });
  await grantRole(db, firmUser.id, 'PROPERTY_FIRM_STAFF', 'COMPOUND', w.a.compound.id);
  const resident = await createVerifiedResident(db, {
    personId: w.a.owners[0]!.id,
    phone: '13900009104',
    password: pw,
    householdId: w.a.households[0]!.id,
  });
  const tanghuSecretary = await createStaff(db, {
    name: '棠湖书记',
    phone: '13900009105',
    password: pw,
    role: 'COMMUNITY_SECRETARY',
    placeLevel: 'COMMUNITY',
    placeId: w.tanghu.id,
  });
  const items = await db.disclosureItem.findMany({ where: { districtId: wuhou } });
  const item = (name: string) => items.find((i) => i.name === name)!;
  return {
    ...w,
    wuhou,
    startsOn,
    item,
    by: {
      admin: await byUser(admin.id, '区民政'),
      secretary: await byUser(w.staff.jinyangSecretary.id, '刘书记'),
      street: await byUser(w.staff.jinyangStreet.id, '晋阳街道干部'),
      otherStreet: await byUser(w.staff.dongshengStreet.id, '东升街道干部'),
      chair: await byUser(chairUser.id, '业委会主任'),
      firm: await byUser(firmUser.id, '物业经理'),
      resident: await byUser(resident.id, '居民'),
      tanghu: await byUser(tanghuSecretary.id, '棠湖书记'),
    },
    /** The community's own slot of an item for a period key, or a compound's. */
    ref: (name: string, key: string, compoundId: number | null = null) => slotRef(item(name).id, w.jinyang.id, compoundId, key),
  };
}

/** Rows a refused call must leave as they were. */
export async function counts() {
  const db = testDb();
  return Promise.all([
    db.disclosureFiling.count(),
    db.disclosureEvent.count(),
    db.disclosureItem.count(),
    db.notice.count(),
    db.auditLog.count(),
  ]);
}
