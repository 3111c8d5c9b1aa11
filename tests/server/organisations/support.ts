import { ensureIssueCategories } from '@/server/issues/categories';
import { createStaff } from '../../factories/accounts';
import { world } from '../accounts/support';

/** The accounts world, plus a residents' committee staff member of Tanghu (keeps organisations, manages no staff). */
export async function orgWorld() {
  const w = await world();
  await ensureIssueCategories(w.db);
  const tanghuStaff = await createStaff(w.db, {
    name: '棠湖居委会干部',
    phone: '13900009011',
    password: 'staff-pass-1',
    role: 'RESIDENTS_COMMITTEE_STAFF',
    placeLevel: 'COMMUNITY',
    placeId: w.tanghu.id,
  });
  const districtOf = async (communityId: number) =>
    (await w.db.community.findUniqueOrThrow({ where: { id: communityId }, select: { street: { select: { districtId: true } } } })).street
      .districtId;
  return { ...w, tanghuStaff, shuangliu: await districtOf(w.tanghu.id), wuhou: await districtOf(w.jinyang.id) };
}
