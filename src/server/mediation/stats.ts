import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import {
  addMediationCounts,
  mediationFigures,
  zeroMediationCounts,
  type TMediationCounts,
  type TMediationFigures,
} from '@/domain/mediation/figures';
import { mediationKinds, type TMediationKind } from '@/domain/mediation/status';
import { addMonths, monthStart, type TPeriod } from '@/domain/stats/period';
import type { TBy } from '@/server/accounts/by';
import { getDb } from '@/server/db';
import type { TScope } from '@/server/stats/aggregate';
import { authorizeUnit, type TUnit, type TUnitRef } from '@/server/stats/units';

export type TMediationCommunityRow = { id: number; code: string; name: string; street: string; figures: TMediationFigures };
export type TMediationStats = {
  totals: TMediationFigures;
  /** Every community of the unit, zeros included, by code (for a compound: its community, counting that compound's cases). */
  byCommunity: TMediationCommunityRow[];
  /** Every kind, zeros included, in the catalogue's order. */
  byKind: { kind: TMediationKind; figures: TMediationFigures }[];
};

/**
 * 矛盾纠纷调解 figures of a unit the user may read (stats.read) for a period: the cohort of cases received in its months
 * (China's days, decision 062). Counts only — never a name, summary or case number of a case.
 */
export async function readMediationStats(by: TBy, q: { unit: TUnitRef; period: TPeriod }): Promise<TMediationStats> {
  return mediationStats(await authorizeUnit(by, q.unit), q.period);
}

/** The same for a unit already authorized (the dashboard's). One statement per figure set, each grouped in SQL. */
export async function mediationStats(unit: Pick<TUnit, 'scope'>, period: TPeriod): Promise<TMediationStats> {
  const db = getDb();
  const { place, cases } = where(unit.scope, period);
  const counts = Prisma.sql`count(c.id)::int AS received,
    (count(c.id) FILTER (WHERE EXISTS (SELECT 1 FROM "MediationAgreement" a WHERE a."caseId" = c.id AND a.status <> 'DRAFT')))::int AS succeeded,
    (count(c.id) FILTER (WHERE c.status = 'CLOSED'))::int AS kept`;
  const [communities, kinds] = await Promise.all([
    db.$queryRaw<(TMediationCounts & { id: number; code: string; name: string; street: string })[]>`
      SELECT cm.id, cm.code, cm.name, st.name AS street, ${counts}
      FROM "Community" cm JOIN "Street" st ON st.id = cm."streetId"
      LEFT JOIN "MediationCase" c ON c."communityId" = cm.id AND ${cases}
      WHERE ${place} GROUP BY cm.id, st.name ORDER BY cm.code`,
    db.$queryRaw<(TMediationCounts & { kind: TMediationKind })[]>`
      SELECT c.kind::text AS kind, ${counts}
      FROM "MediationCase" c JOIN "Community" cm ON cm.id = c."communityId" JOIN "Street" st ON st.id = cm."streetId"
      WHERE ${place} AND ${cases} GROUP BY 1`,
  ]);
  const byKind = new Map(kinds.map((k) => [k.kind, addMediationCounts(zeroMediationCounts(), k)]));
  return {
    totals: mediationFigures(communities.reduce<TMediationCounts>(addMediationCounts, zeroMediationCounts())),
    byCommunity: communities.map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      street: r.street,
      figures: mediationFigures(addMediationCounts(zeroMediationCounts(), r)),
    })),
    byKind: mediationKinds.map((kind) => ({ kind, figures: mediationFigures(byKind.get(kind) ?? zeroMediationCounts()) })),
  };
}

/** The unit's communities (cm, st) and its cases (c) received in the period's months. */
function where(scope: TScope, period: TPeriod) {
  const ids = Prisma.sql`ANY(${scope.ids}::int[])`;
  const received = Prisma.sql`c."receivedOn" >= ${monthStart(period.from)}::date AND c."receivedOn" < ${monthStart(addMonths(period.to, 1))}::date`;
  switch (scope.column) {
    case 'districtId':
      return { place: Prisma.sql`st."districtId" = ${ids}`, cases: received };
    case 'streetId':
      return { place: Prisma.sql`cm."streetId" = ${ids}`, cases: received };
    case 'communityId':
      return { place: Prisma.sql`cm.id = ${ids}`, cases: received };
    case 'compoundId':
      return {
        place: Prisma.sql`cm.id IN (SELECT p."communityId" FROM "Compound" p WHERE p.id = ${ids})`,
        cases: Prisma.sql`${received} AND c."compoundId" = ${ids}`,
      };
  }
}
