// A community the official division tables lack (decision 046), set up the way a district would: the Shuangliu district
// administrator creates 东升新苑社区 under Dongsheng street (scenarios S4, S6) through the use case staff use, and imports
// its residents' committee with two members through the bodies import (a small CSV, as staff would upload it).
import type { Prisma } from '../../src/generated/prisma/client.ts';
import { loadActor } from '../../src/server/auth/actor.ts';
import { importTableIn } from '../../src/server/imports/table-import.ts';
import { bodiesImport, bodiesPlace } from '../../src/server/territory-admin/bodies-import.ts';
import { createCommunityIn } from '../../src/server/territory-admin/divisions.ts';
import { today } from '../../src/server/today.ts';

export const HAND_MADE_COMMUNITY = '东升新苑社区';
const DONGSHENG_STREET = '510116001';
const DISTRICT_ADMIN_PHONE = '13900004001'; // 陈双流, Shuangliu's district administrator (prisma/seed/accounts.ts)

export async function seedHandMadeCommunity(tx: Prisma.TransactionClient) {
  const user = await tx.user.findUniqueOrThrow({ where: { phone: DISTRICT_ADMIN_PHONE }, select: { id: true, person: true } });
  const by = { userId: user.id, label: user.person.name, actor: await loadActor(user.id, tx), today: today() };
  const street = await tx.street.findUniqueOrThrow({ where: { code: DONGSHENG_STREET } });
  const community = await createCommunityIn(tx, by, { streetId: street.id, name: HAND_MADE_COMMUNITY, kind: 'URBAN' });
  const year = Number(by.today.slice(0, 4));
  const term = `${year}-01-01,${year + 4}-12-31`;
  const csv = [
    '机构类别,机构名称,小区,席位数,任期开始,任期结束,成员姓名,手机号,职务',
    `居民委员会,${HAND_MADE_COMMUNITY}居民委员会,,5,${term},邓新苑,,主任`,
    `居民委员会,${HAND_MADE_COMMUNITY}居民委员会,,5,${term},蒋晓东,,委员`,
  ].join('\n');
  const place = await bodiesPlace(by, community.id, tx);
  return importTableIn(tx, bodiesImport, by, place, { name: 'demo-bodies.csv', bytes: Buffer.from(csv, 'utf8') });
}
