import 'server-only';
import { personByPhone } from '@/server/people/person-by-phone';
import { can } from '@/domain/authz/can';
import { parseDateCell, parseYesNo, type TColumns, type TRowError } from '@/domain/imports/table';
import { normalisePhone } from '@/domain/shared/phone';
import { authorize } from '@/server/accounts/by';
import type { TTableImport } from '@/server/imports/table-import';
import { ancestryOf } from '@/server/places/ancestry';
import { dateOnly, fromDateOnly } from '@/server/today';
import { holdOpenOrg } from './orgs';
import { partyOrgAncestry } from './places';

/** The columns of the party-member import (docs/imports.md): found by header, in Chinese or English. */
export const PARTY_MEMBER_COLUMNS = {
  name: { names: ['姓名', 'name'], required: true, example: '张三' },
  phone: { names: ['手机号', 'phone', '手机', 'mobile number'], required: true, example: '13800000000' },
  org: { names: ['所在党组织', 'party organisation', '党组织', 'party organization'], required: true, example: '晋阳社区党委' },
  joinedOn: { names: ['入党日期', 'joined on', 'joined'], example: '2001-07-01' },
  mobile: { names: ['流动党员', 'mobile member'], example: '否' },
  dualRegistered: { names: ['在职党员双报到', 'dual-registered', '双报到'], example: '否' },
  workUnit: { names: ['工作单位', 'work unit'], example: '' },
  servicePost: { names: ['认领岗位', 'service post', '设岗定责'], example: '楼栋联络员' },
} as const satisfies TColumns;

type TRow = {
  name: string;
  phone: string;
  partyOrgId: number;
  joinedOn: string | null;
  mobile: boolean;
  dualRegistered: boolean;
  workUnit: string | null;
  servicePost: string | null;
};

/**
 * Party members of a community from a spreadsheet: each row names the organisation by its name among the community's
 * active organisations (unique there: index "PartyOrg_active_name"). A member already registered elsewhere moves only
 * if the importer manages members there too. Re-importing the same file changes nothing.
 */
export const partyMemberImport: TTableImport<typeof PARTY_MEMBER_COLUMNS, TRow> = {
  kind: 'partyMembers',
  columns: PARTY_MEMBER_COLUMNS,
  async place(by, communityId) {
    const ancestry = await ancestryOf({ level: 'community', id: communityId });
    authorize(by, 'partyMember.manage', ancestry);
    return { id: communityId, ancestry: ancestry!, communityId, compoundId: null };
  },
  async check(tx, by, place, records) {
    const orgs = await tx.partyOrg.findMany({
      where: { communityId: place.id, dissolvedOn: null },
      select: { id: true, name: true, districtId: true, streetId: true, communityId: true, compoundId: true, buildingId: true },
    });
    const byName = new Map(orgs.map((o) => [o.name, o]));
    const rows: TRow[] = [];
    const errors: TRowError[] = [];
    const seen = new Set<string>();
    for (const r of records) {
      const c = r.cells;
      const bad = (field: string, code: string, values?: Record<string, string>) => errors.push({ row: r.row, field, code, values });
      const before = errors.length;
      if (!c.name) bad('name', 'roster.required');
      const phone = normalisePhone(c.phone);
      if (!phone) bad('phone', 'roster.phoneInvalid');
      else if (seen.has(phone)) bad('phone', 'partyImport.duplicatePhone');
      else seen.add(phone);
      const org = byName.get(c.org);
      if (!org) bad('org', 'partyImport.orgUnknown', { name: c.org });
      else if (!can(by.actor, 'partyMember.manage', { ancestry: partyOrgAncestry(org) }, by.today)) bad('org', 'auth.forbidden');
      const joinedOn = c.joinedOn ? parseDateCell(c.joinedOn) : null;
      if (c.joinedOn && (!joinedOn || joinedOn > by.today)) bad('joinedOn', 'partyImport.dateInvalid');
      const mobile = parseYesNo(c.mobile);
      if (mobile === null) bad('mobile', 'partyImport.yesNo');
      const dual = parseYesNo(c.dualRegistered);
      if (dual === null) bad('dualRegistered', 'partyImport.yesNo');
      if (phone && org) {
        // Moving a member from an organisation the importer does not manage is refused, as in the form (savePartyMember).
        const current = await tx.partyMember.findFirst({
          where: { person: { phone } },
          select: { partyOrg: { select: { districtId: true, streetId: true, communityId: true, compoundId: true, buildingId: true } } },
        });
        if (current && !can(by.actor, 'partyMember.manage', { ancestry: partyOrgAncestry(current.partyOrg) }, by.today)) {
          bad('org', 'partyImport.memberElsewhere');
        }
      }
      if (errors.length > before) continue;
      rows.push({
        name: c.name,
        phone: phone!,
        partyOrgId: org!.id,
        joinedOn,
        mobile: mobile!,
        dualRegistered: dual!,
        workUnit: c.workUnit || null,
        servicePost: c.servicePost || null,
      });
    }
    return { rows, errors };
  },
  async apply(tx, _by, _place, rows) {
    const changes = { created: 0, updated: 0 };
    for (const id of new Set(rows.map((r) => r.partyOrgId))) await holdOpenOrg(tx, id);
    for (const r of rows) {
      const person = await personByPhone(tx, r.name, r.phone);
      const data = {
        partyOrgId: r.partyOrgId,
        joinedOn: r.joinedOn ? dateOnly(r.joinedOn) : null,
        mobile: r.mobile,
        dualRegistered: r.dualRegistered,
        workUnit: r.workUnit,
        servicePost: r.servicePost,
      };
      const before = await tx.partyMember.findUnique({ where: { personId: person.id } });
      if (!before) {
        await tx.partyMember.create({ data: { personId: person.id, ...data } });
        changes.created++;
        continue;
      }
      const same =
        before.partyOrgId === data.partyOrgId &&
        (before.joinedOn ? fromDateOnly(before.joinedOn) : null) === r.joinedOn &&
        before.mobile === data.mobile &&
        before.dualRegistered === data.dualRegistered &&
        before.workUnit === data.workUnit &&
        before.servicePost === data.servicePost;
      if (same) continue;
      await tx.partyMember.update({ where: { id: before.id }, data });
      changes.updated++;
    }
    // Only what changes: a re-import says "nothing would change" rather than "0 new, 0 updated".
    return Object.fromEntries(Object.entries(changes).filter(([, n]) => n > 0));
  },
  audit: { action: 'partyMember.import', entityType: 'Community' },
};
