import { createStaff } from '../../factories/accounts';
import { byUser, world } from '../accounts/support';

/** The accounts world plus a district administrator, a grid of Jinyang and a branch secretary of its compound. */
export async function partyWorld() {
  const w = await world();
  const { db, jinyang, a } = w;
  const street = await db.street.findUniqueOrThrow({ where: { id: jinyang.streetId } });
  const pw = 'staff-pass-1';
  const districtAdmin = await createStaff(db, {
    name: '区管理员',
    phone: '13900009101',
    password: pw,
    role: 'DISTRICT_ADMIN',
    placeLevel: 'DISTRICT',
    placeId: street.districtId,
  });
  const branchSecretary = await createStaff(db, {
    name: '支部书记',
    phone: '13900009102',
    password: pw,
    role: 'BRANCH_SECRETARY',
    placeLevel: 'COMPOUND',
    placeId: a.compound.id,
  });
  const grid = await db.grid.create({ data: { name: '第一网格', communityId: jinyang.id } });
  return {
    ...w,
    street,
    grid,
    by: {
      district: await byUser(districtAdmin.id),
      street: await byUser(w.staff.jinyangStreet.id),
      otherStreet: await byUser(w.staff.dongshengStreet.id),
      community: await byUser(w.staff.jinyangSecretary.id),
      gridWorker: await byUser(w.staff.gridWorker.id),
      branch: await byUser(branchSecretary.id),
    },
  };
}
