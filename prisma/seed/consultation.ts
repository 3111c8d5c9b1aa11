// Issue 23 part C (decision 072), through the use cases: 晋阳社区 and 龙躺梁社区 each publish this year's consultation
// list (协商目录: "定期协商小区环境整治、治安防范、物业费收取和使用、小区公约、居民纠纷调解等事项"), and their existing
// topics are linked to the line of their category (S2's parking topic → 停车管理).
import type { PrismaClient } from '../../src/generated/prisma/client.ts';
import type { ConsultationSource } from '../../src/generated/prisma/enums.ts';
import { addItem, createList } from '../../src/server/consultation/lists.ts';
import { publishList } from '../../src/server/consultation/publish.ts';
import { linkTopic } from '../../src/server/consultation/topic-links.ts';
import { thisYear } from '../../src/server/today.ts';
import { seedActor } from './seed-by.ts';

export const CONSULTATION_FLAG = 'demo-consultation';

type TLine = { title: string; category: string; source: ConsultationSource; quarter?: number; month?: number; description?: string };
const COMMON: TLine[] = [
  {
    title: '小区环境整治',
    category: 'ENVIRONMENT',
    source: 'COMMITTEES',
    quarter: 2,
    description: '楼道堆物清理、垃圾分类点位和绿化补植。',
  },
  { title: '治安防范', category: 'SAFETY', source: 'HIGHER', quarter: 1, description: '门禁、监控补点和夜间巡逻安排。' },
  { title: '物业费收取和使用', category: 'PROPERTY', source: 'RESIDENTS', quarter: 3, description: '物业费标准、公共收益和支出公开。' },
  { title: '小区公约', category: 'CONVENTIONS', source: 'COMMITTEES', month: 6, description: '修订居民公约，征求全体居民意见。' },
  { title: '居民纠纷调解', category: 'DISPUTES', source: 'COMMITTEES', description: '邻里纠纷的协商化解机制。' },
  { title: '停车管理', category: 'PARKING', source: 'RESIDENTS', quarter: 2, description: '车位规划、收费标准和外来车辆管理。' },
];
const LISTS: { community: { code?: string; namePrefix?: string }; secretary: string; lines: TLine[] }[] = [
  {
    community: { code: '510107009003' },
    secretary: '13900001001',
    lines: [
      ...COMMON,
      { title: '老旧设施改造', category: 'FACILITIES', source: 'RESIDENTS', quarter: 4, description: '路灯、后门和充电棚维修改造。' },
    ],
  },
  { community: { namePrefix: '龙躺梁' }, secretary: '13900007001', lines: COMMON },
];

/** Runs once (a flag), after the topics stages, with the use cases reading this database. */
export async function seedConsultation(db: PrismaClient): Promise<boolean> {
  if (await db.systemFlag.findUnique({ where: { key: CONSULTATION_FLAG } })) return false;
  for (const ready of ['demo-accounts', 'demo-topics']) if (!(await db.systemFlag.findUnique({ where: { key: ready } }))) return false;
  const holder = globalThis as unknown as { yishiDb?: PrismaClient };
  const had = holder.yishiDb;
  holder.yishiDb = db;
  try {
    for (const spec of LISTS) {
      const community = await db.community.findFirstOrThrow({
        where: spec.community.code ? { code: spec.community.code } : { name: { startsWith: spec.community.namePrefix! } },
      });
      const by = await seedActor(db, spec.secretary);
      const year = thisYear();
      const { id: listId } = await createList(by, community.id, year);
      const lineOf = new Map<string, number>();
      for (const l of spec.lines) {
        const category = await db.topicCategory.findFirstOrThrow({ where: { code: l.category, districtId: null } });
        const { id } = await addItem(by, listId, {
          title: l.title,
          description: l.description ?? '',
          categoryId: category.id,
          quarter: l.quarter ?? null,
          month: l.month ?? null,
          source: l.source,
        });
        lineOf.set(category.id.toString(), id);
      }
      // The community's topics of this year carry out the line of their category (an older topic keeps none).
      const topics = await db.topic.findMany({
        where: { communityId: community.id, createdAt: { gte: new Date(`${year}-01-01T00:00:00+08:00`) } },
      });
      for (const t of topics) {
        const item = lineOf.get(t.categoryId.toString());
        if (item) await linkTopic(by, t.id, item);
      }
      await publishList(by, listId, 0);
    }
  } finally {
    holder.yishiDb = had;
  }
  await db.systemFlag.create({ data: { key: CONSULTATION_FLAG, value: '晋阳 and 龙躺梁 consultation lists' } });
  return true;
}
