import 'server-only';
import { checkGrant } from '@/domain/authz/can';
import type { TColumns, TRowError } from '@/domain/imports/table';
import { parseDateCell, parseYesNo } from '@/domain/imports/table';
import { parseOrganizationKind, parseOrganizationRelation } from '@/domain/organisation/organisation-import';
import {
  assignmentRefusal,
  creditCodeRefusal,
  normaliseCreditCode,
  normaliseOrganizationPhone,
  type TOrganizationKind,
  type TOrganizationRelation,
} from '@/domain/organisation/organisations';
import { authorize } from '@/server/accounts/by';
import type { TTx } from '@/server/db';
import type { TTableImport } from '@/server/imports/table-import';
import { ancestryOf } from '@/server/places/ancestry';
import { dateOnly } from '@/server/today';
import { assignOrganizationIn } from './assignments';
import { keepsEverywhere, registerOrganizationIn, updateOrganizationIn } from './register';

const COLUMNS = {
  kind: { names: ['类型', 'kind', '单位类型', '组织类型'], required: true, example: '物业服务企业' },
  name: { names: ['名称', 'name', '单位名称', '组织名称'], required: true, example: '成都锦苑物业服务有限公司' },
  creditCode: { names: ['统一社会信用代码', 'credit code', '信用代码'], example: '91350100M000100Y43' },
  phone: { names: ['联系电话', 'phone', '电话'], example: '028-85551234' },
  partyOrg: { names: ['有党组织', 'party organisation', '党组织', 'party organization'], example: '是' },
  place: { names: ['服务的小区', 'compound', '小区'], example: '锦苑小区' },
  relation: { names: ['关系', 'relation'], example: '物业服务' },
  startsOn: { names: ['开始日期', 'from', '起始日期'], example: '2026-01-01' },
} as const satisfies TColumns;

type TRow = {
  kind: TOrganizationKind;
  name: string;
  creditCode: string | null;
  phone: string | null;
  hasPartyOrg: boolean;
  compoundId: number | null;
  relation: TOrganizationRelation;
  startsOn: string;
};

/** The organisation a row names: by its credit code, else by kind and name in the district's register. */
function findOrganization(tx: TTx, districtId: number, r: Pick<TRow, 'creditCode' | 'kind' | 'name'>) {
  const select = { id: true, kind: true, name: true, creditCode: true, phone: true, hasPartyOrg: true, districtId: true };
  return r.creditCode
    ? tx.organization.findUnique({ where: { creditCode: r.creditCode }, select })
    : tx.organization.findFirst({ where: { districtId, kind: r.kind, name: r.name }, orderBy: { id: 'asc' }, select });
}

/**
 * Organisations of a community from a spreadsheet (issue 18 item 6; docs/imports.md): one organisation per row with the
 * place it serves (a compound of the community by name, or the community itself when blank), the relation and the first
 * day. Each row goes through the same use cases as the organisations page: register (or correct), then assign unless
 * it already serves there — so importing the same file again changes nothing.
 */
export const organisationsImport: TTableImport<typeof COLUMNS, TRow> = {
  kind: 'organisations',
  columns: COLUMNS,
  async place(by, communityId) {
    const ancestry = await ancestryOf({ level: 'community', id: communityId });
    authorize(by, 'organization.manage', ancestry);
    return { id: communityId, ancestry: ancestry!, communityId, compoundId: null };
  },
  async check(tx, by, place, records) {
    const rows: TRow[] = [];
    const errors: TRowError[] = [];
    const compounds = new Map(
      (await tx.compound.findMany({ where: { communityId: place.id }, select: { id: true, name: true } })).map((c) => [c.name, c.id]),
    );
    const firmOf = new Map<number, string>(); // compound → the firm a row of this file puts there
    for (const { row, cells } of records) {
      const err = (field: keyof typeof COLUMNS, code: string, values?: Record<string, string>) => errors.push({ row, field, code, values });
      const before = errors.length;
      const kind = parseOrganizationKind(cells.kind);
      if (!kind) err('kind', 'organization.importKind');
      if (!cells.name) err('name', 'organization.nameMissing');
      const creditCode = cells.creditCode ? normaliseCreditCode(cells.creditCode) : null;
      const codeRefusal = creditCode ? creditCodeRefusal(creditCode) : null;
      if (codeRefusal) err('creditCode', codeRefusal);
      const phone = cells.phone ? normaliseOrganizationPhone(cells.phone) : null;
      if (cells.phone && !phone) err('phone', 'organization.phoneInvalid');
      const hasPartyOrg = parseYesNo(cells.partyOrg);
      if (hasPartyOrg === null) err('partyOrg', 'organization.importYesNo');
      const compoundId = cells.place ? (compounds.get(cells.place) ?? null) : null;
      if (cells.place && compoundId === null) err('place', 'organization.importPlaceUnknown', { name: cells.place });
      const startsOn = cells.startsOn ? parseDateCell(cells.startsOn) : by.today;
      if (!startsOn) err('startsOn', 'organization.datesInvalid');
      if (!kind || errors.length > before) continue;
      const relation = parseOrganizationRelation(cells.relation, kind);
      const refusal = relation ? assignmentRefusal(kind, relation, compoundId ? 'compound' : 'community') : 'organization.wrongRelation';
      if (refusal) {
        err(refusal === 'organization.wrongRelation' ? 'relation' : 'place', refusal);
        continue;
      }
      const r: TRow = {
        kind,
        name: cells.name,
        creditCode,
        phone,
        hasPartyOrg: hasPartyOrg!,
        compoundId,
        relation: relation!,
        startsOn: startsOn!,
      };
      const known = await findOrganization(tx, place.ancestry.district!, r);
      if (known && (known.districtId !== place.ancestry.district || known.kind !== kind)) {
        err('creditCode', known.districtId !== place.ancestry.district ? 'organization.otherDistrict' : 'organization.kindFixed');
        continue;
      }
      // A row that would change an organisation at work elsewhere (its name, phone or party organisation): only by whoever
      // keeps it at every place it serves, as on the page (requireKeeper) — a community does not rename another's firm.
      const changes =
        known && (known.name !== r.name || known.hasPartyOrg !== r.hasPartyOrg || (r.phone !== null && known.phone !== r.phone));
      if (changes && !(await keepsEverywhere(tx, by, known.id))) {
        err('name', 'organization.notKeeper');
        continue;
      }
      if (r.relation === 'PROPERTY_SERVICE' && compoundId) {
        const at = { level: 'compound' as const, id: compoundId };
        const grantRefusal = checkGrant(by.actor, 'PROPERTY_FIRM_STAFF', { ...at, ancestry: (await ancestryOf(at, tx))! }, by.today);
        if (grantRefusal) err('place', grantRefusal);
        // Another firm serving the compound on or after the first day, in the register or earlier in this file.
        const other = await tx.organizationAssignment.findFirst({
          where: {
            compoundId,
            relation: 'PROPERTY_SERVICE',
            OR: [{ endsOn: null }, { endsOn: { gte: dateOnly(r.startsOn) } }],
            ...(known ? { organizationId: { not: known.id } } : {}),
          },
          select: { id: true },
        });
        const key = r.creditCode ?? r.name;
        if (other || (firmOf.has(compoundId) && firmOf.get(compoundId) !== key)) err('place', 'organization.compoundHasFirm');
        firmOf.set(compoundId, key);
        if (errors.length > before) continue;
      }
      rows.push(r);
    }
    return { rows, errors };
  },
  async apply(tx, by, place, rows) {
    const changes = { created: 0, updated: 0, assigned: 0 };
    const districtId = place.ancestry.district!;
    for (const r of rows) {
      const input = {
        kind: r.kind,
        name: r.name,
        creditCode: r.creditCode ?? undefined,
        phone: r.phone ?? undefined,
        hasPartyOrg: r.hasPartyOrg,
      };
      let org = await findOrganization(tx, districtId, r);
      if (!org) {
        org = { ...(await registerOrganizationIn(tx, by, districtId, input)) };
        changes.created++;
      } else if (org.name !== r.name || org.hasPartyOrg !== r.hasPartyOrg || (r.phone && org.phone !== r.phone)) {
        await updateOrganizationIn(tx, by, org.id, {
          ...input,
          creditCode: org.creditCode ?? undefined,
          phone: r.phone ?? org.phone ?? undefined,
        });
        changes.updated++;
      }
      const serving = await tx.organizationAssignment.findFirst({
        where: {
          organizationId: org.id,
          relation: r.relation,
          communityId: place.id,
          compoundId: r.compoundId,
          OR: [{ endsOn: null }, { endsOn: { gte: dateOnly(by.today) } }],
        },
        select: { id: true },
      });
      if (serving) continue;
      const at = r.compoundId ? { level: 'compound' as const, id: r.compoundId } : { level: 'community' as const, id: place.id };
      await assignOrganizationIn(tx, by, { organizationId: org.id, relation: r.relation, place: at, startsOn: r.startsOn });
      changes.assigned++;
    }
    return changes;
  },
  audit: { action: 'organization.import', entityType: 'Community' },
};
