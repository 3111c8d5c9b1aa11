import 'server-only';
import type { Role } from '@/generated/prisma/client';
import type { TDb } from '@/server/db';

/** Default categories (districtId null); a district may add its own with the same codes to override. */
export const DEFAULT_CATEGORIES: {
  code: string;
  nameZh: string;
  nameEn: string;
  handlerRole: Role;
  acknowledgeMinutes: number;
  resolveWorkingDays: number;
}[] = [
  { code: 'PARKING', nameZh: '停车', nameEn: 'Parking', handlerRole: 'GRID_WORKER', acknowledgeMinutes: 240, resolveWorkingDays: 5 },
  {
    code: 'PROPERTY',
    nameZh: '物业服务',
    nameEn: 'Property service',
    handlerRole: 'BRANCH_SECRETARY',
    acknowledgeMinutes: 240,
    resolveWorkingDays: 5,
  },
  {
    code: 'ENVIRONMENT',
    nameZh: '环境卫生',
    nameEn: 'Environment and sanitation',
    handlerRole: 'GRID_WORKER',
    acknowledgeMinutes: 240,
    resolveWorkingDays: 3,
  },
  { code: 'SECURITY', nameZh: '治安安全', nameEn: 'Security', handlerRole: 'GRID_WORKER', acknowledgeMinutes: 60, resolveWorkingDays: 2 },
  {
    code: 'FACILITIES',
    nameZh: '设施维修',
    nameEn: 'Facilities and repairs',
    handlerRole: 'BUILDING_HEAD',
    acknowledgeMinutes: 120,
    resolveWorkingDays: 2,
  },
  {
    code: 'NEIGHBOUR',
    nameZh: '邻里纠纷',
    nameEn: 'Neighbour dispute',
    handlerRole: 'GRID_WORKER',
    acknowledgeMinutes: 240,
    resolveWorkingDays: 10,
  },
  { code: 'FEES', nameZh: '物业费用', nameEn: 'Fees', handlerRole: 'BRANCH_SECRETARY', acknowledgeMinutes: 480, resolveWorkingDays: 10 },
  { code: 'OTHER', nameZh: '其他', nameEn: 'Other', handlerRole: 'GRID_WORKER', acknowledgeMinutes: 480, resolveWorkingDays: 10 },
];

/** Reference data, loaded on every start; existing rows (possibly edited by admins) are kept. */
export async function ensureIssueCategories(db: TDb): Promise<number> {
  const existing = new Set((await db.issueCategory.findMany({ where: { districtId: null }, select: { code: true } })).map((c) => c.code));
  const missing = DEFAULT_CATEGORIES.filter((c) => !existing.has(c.code));
  // Two instances starting together: the key (NULLS NOT DISTINCT) lets one insert each code; the other skips it.
  if (missing.length) await db.issueCategory.createMany({ data: missing.map((c) => ({ ...c, districtId: null })), skipDuplicates: true });
  return missing.length;
}
