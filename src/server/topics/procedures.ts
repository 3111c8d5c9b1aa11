import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import { TEMPLATES, type TProcedure, type TStep } from '@/domain/topics/procedure';
import { procedureProblems } from '@/domain/topics/validate';
import { authorize, type TBy } from '@/server/accounts/by';
import { writeAudit } from '@/server/audit';
import { getDb, type TDb, type TTx } from '@/server/db';
import { refuse } from '@/server/errors';

const NAMES: Record<string, [string, string]> = {
  SEVEN_STEP: ['七步工作法', 'Seven-step method'],
  FOUR_TWO: ['四议两公开', 'Four deliberations, two publicities'],
  COURTYARD_ROADSHOW: ['院落项目社区路演', 'Courtyard project with community roadshow'],
  OWNERS_ASSEMBLY: ['业主大会决定', "Owners' assembly decision"],
  CONSULTATION: ['协商征求意见', 'Consultation (opinion only)'],
  RESIDENTS_MEETING: ['居民会议决定', "Residents' meeting decision"],
  OWNERS_COMMITTEE: ['业委会决定', "Owners' committee decision"],
};

/**
 * Reference data, loaded on every start: the templates (the brief's five, residents' meeting, owners' committee), city-wide,
 * each version. A newer version of a code replaces the older one in what is offered; topics keep the version they started with.
 */
export async function ensureProcedures(db: TDb): Promise<number> {
  const rows = await db.procedure.findMany({ where: { districtId: null }, select: { code: true, version: true } });
  const have = new Set(rows.map((p) => `${p.code}@${p.version}`));
  const missing = TEMPLATES.filter((t) => !have.has(`${t.code}@${t.version ?? 1}`));
  if (missing.length) {
    await db.procedure.createMany({
      data: missing.map((t) => ({
        code: t.code,
        nameZh: NAMES[t.code]![0],
        nameEn: NAMES[t.code]![1],
        version: t.version ?? 1,
        steps: t.steps as unknown as Prisma.InputJsonValue,
      })),
      // Two instances starting together: the key (NULLS NOT DISTINCT) lets one insert each template; the other skips it.
      skipDuplicates: true,
    });
  }
  // Superseded city-wide versions are no longer offered (a district's own copies are its business).
  const newest = new Map<string, number>();
  for (const t of TEMPLATES) newest.set(t.code, Math.max(newest.get(t.code) ?? 1, t.version ?? 1));
  for (const [code, version] of newest)
    if (version > 1)
      await db.procedure.updateMany({ where: { districtId: null, code, version: { lt: version }, active: true }, data: { active: false } });
  return missing.length;
}

export const procedureOf = (row: { code: string; steps: unknown }): TProcedure => ({ code: row.code, steps: row.steps as TStep[] });

const select = {
  id: true,
  code: true,
  districtId: true,
  nameZh: true,
  nameEn: true,
  version: true,
  steps: true,
  basedOnId: true,
  createdAt: true,
} as const;

/**
 * The procedures a district uses: its own adjusted ones (latest version of each code) and the city
 * templates whose code it has not adjusted. The seven-step method comes first (the default).
 */
export async function proceduresFor(districtId: number, db: TDb | TTx = getDb()) {
  const rows = await db.procedure.findMany({
    where: { active: true, OR: [{ districtId: null }, { districtId }] },
    orderBy: [{ id: 'asc' }],
    select,
  });
  const own = new Set(rows.filter((r) => r.districtId === districtId).map((r) => r.code));
  const list = rows.filter((r) => r.districtId === districtId || !own.has(r.code));
  const order = [...new Set(TEMPLATES.map((t) => t.code))];
  const rank = (c: string) => (order.includes(c) ? order.indexOf(c) : order.length);
  return list.sort((a, b) => rank(a.code) - rank(b.code));
}

/**
 * A district admin adjusts a procedure for the district: the steps are checked by the domain and
 * saved as a new version (the district's first copy, or the next version of it). Topics already
 * running keep the version they started with.
 */
export async function saveDistrictProcedure(by: TBy, districtId: number, fromId: number, steps: TStep[]) {
  authorize(by, 'procedure.manage', { district: districtId });
  const db = getDb();
  const from = (await proceduresFor(districtId)).find((p) => p.id === fromId) ?? refuse('procedure.unknown');
  const problems = procedureProblems({ code: from.code, steps });
  if (problems.length) refuse(problems[0]!.code, { step: problems[0]!.step ?? 0 });
  return db.$transaction(async (tx) => {
    const latest = await tx.procedure.findFirst({ where: { districtId, code: from.code }, orderBy: { version: 'desc' } });
    if (latest) await tx.procedure.updateMany({ where: { districtId, code: from.code }, data: { active: false } });
    const saved = await tx.procedure.create({
      data: {
        code: from.code,
        districtId,
        nameZh: from.nameZh,
        nameEn: from.nameEn,
        version: (latest?.version ?? 0) + 1,
        basedOnId: from.id,
        steps: steps as unknown as Prisma.InputJsonValue,
        createdById: by.userId,
      },
    });
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: 'procedure.save',
      entityType: 'Procedure',
      entityId: saved.id,
      before: { id: from.id, version: from.version },
      after: { code: from.code, districtId, version: saved.version },
      districtId,
    });
    return { id: saved.id, version: saved.version };
  });
}

/**
 * A district admin sets how the district's owners' committees decide (rules.md §4): half or more of all
 * members nationally, more than half in Beijing and Shanghai. Motions already open keep the rule they froze.
 */
export async function setOwnersCommitteeRule(by: TBy, districtId: number, rule: 'NATIONAL' | 'BEIJING_SHANGHAI') {
  authorize(by, 'procedure.manage', { district: districtId });
  await getDb().$transaction(async (tx) => {
    const before = await tx.district.findUniqueOrThrow({ where: { id: districtId }, select: { ownersCommitteeRule: true } });
    await tx.district.update({ where: { id: districtId }, data: { ownersCommitteeRule: rule } });
    await writeAudit(tx, {
      actorId: by.userId,
      actorLabel: by.label,
      action: 'district.ownersCommitteeRule',
      entityType: 'District',
      entityId: districtId,
      before: { rule: before.ownersCommitteeRule },
      after: { rule },
      districtId,
    });
  });
}

export async function ownersCommitteeRuleOf(districtId: number) {
  return (await getDb().district.findUniqueOrThrow({ where: { id: districtId }, select: { ownersCommitteeRule: true } }))
    .ownersCommitteeRule;
}
