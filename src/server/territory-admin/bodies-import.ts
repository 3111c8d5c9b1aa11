import 'server-only';
import { personByPhoneOrNew } from '@/server/people/person-by-phone';
import { BODY_IMPORT_COLUMNS, bodyKey, memberKey, parseBodyRecords, type TBodyRow } from '@/domain/organisation/body-import';
import type { TRowError } from '@/domain/imports/table';
import { mayBuild } from '@/domain/authz/can';
import { overseesKeepers } from '@/domain/organisation/body-levels';
import { seatFree, type TTerm } from '@/domain/organisation/seats';
import { authorize, type TBy } from '@/server/accounts/by';
import { getDb, type TTx } from '@/server/db';
import type { TImportPlace, TTableImport } from '@/server/imports/table-import';
import { ancestryOf } from '@/server/places/ancestry';
import { dateOnly, fromDateOnly } from '@/server/today';
import { requireSeat } from './bodies';

// Bodies and their members from a spreadsheet (issue 18, item 6; decision 046), through the import kit (docs/imports.md):
// one row per member at the community chosen in the form. Seats hold as createBody/appointMember hold them: the check
// counts the terms already served with the file's, and every appointment runs under the body's row lock (requireSeat).

type TRow = TBodyRow & { compoundId: number | null; bodyId: number | null };

type TExisting = { id: number; kind: string; compoundId: number | null; name: string };

const termOf = (m: { startsOn: Date; endsOn: Date | null }): TTerm => ({
  startsOn: fromDateOnly(m.startsOn),
  endsOn: m.endsOn ? fromDateOnly(m.endsOn) : null,
});

/** The bodies of a community already there, by the key the rows use (compound name + body name). */
async function existingBodies(tx: TTx, communityId: number, compounds: Map<string, number>) {
  const names = new Map([...compounds].map(([n, id]) => [id, n]));
  const bodies: TExisting[] = await tx.body.findMany({
    where: { communityId },
    select: { id: true, kind: true, compoundId: true, name: true },
  });
  return new Map(
    bodies.map((b) => [bodyKey({ compound: b.compoundId ? (names.get(b.compoundId) ?? `#${b.compoundId}`) : null, body: b.name }), b]),
  );
}

/** Current members of a body, by memberKey (phone, else name), with every term that could overlap a new one. */
async function membersOf(tx: TTx, bodyId: number) {
  const ms = await tx.bodyMember.findMany({
    where: { bodyId },
    select: { startsOn: true, endsOn: true, person: { select: { name: true, phone: true } } },
  });
  return {
    current: new Set(ms.filter((m) => m.endsOn === null).map((m) => memberKey(m.person))),
    terms: ms.map(termOf),
  };
}

async function check(tx: TTx, by: TBy, place: TImportPlace, records: Parameters<typeof parseBodyRecords>[0]) {
  const communityId = place.id;
  const parsed = parseBodyRecords(records);
  const errors: TRowError[] = [...parsed.errors];
  const compoundNames = [...new Set(parsed.rows.map((r) => r.compound).filter((c): c is string => !!c))];
  const compounds = new Map(
    (await tx.compound.findMany({ where: { communityId, name: { in: compoundNames } }, select: { id: true, name: true } })).map((c) => [
      c.name,
      c.id,
    ]),
  );
  const existing = await existingBodies(tx, communityId, compounds);
  const seats = new Map<string, { current: Set<string>; terms: TTerm[] }>();
  const rows: TRow[] = [];
  for (const r of parsed.rows) {
    const compoundId = r.compound ? (compounds.get(r.compound) ?? null) : null;
    if (r.compound && compoundId === null) {
      errors.push({ row: r.row, field: 'compound', code: 'bodyImport.compoundUnknown', values: { value: r.compound } });
      continue;
    }
    const level = compoundId === null ? 'community' : 'compound';
    if (overseesKeepers(r.kind, level) && !mayBuild(by.actor, 'body.manage', level, { ancestry: place.ancestry }, by.today)) {
      errors.push({ row: r.row, field: 'kind', code: 'bodyImport.overseesKeepers' });
      continue;
    }
    const body = existing.get(bodyKey(r));
    if (body && body.kind !== r.kind) {
      errors.push({ row: r.row, field: 'kind', code: 'bodyImport.kindDiffers' });
      continue;
    }
    if (r.member) {
      const k = bodyKey(r);
      if (!seats.has(k)) seats.set(k, body ? await membersOf(tx, body.id) : { current: new Set(), terms: [] });
      const held = seats.get(k)!;
      if (!held.current.has(memberKey(r.member))) {
        const term = { startsOn: r.member.startsOn, endsOn: null };
        if (!seatFree(r.seats, held.terms, term)) {
          errors.push({ row: r.row, field: 'name', code: 'body.seatsFull', values: { seats: String(r.seats), date: r.member.startsOn } });
          continue;
        }
        held.terms.push(term);
      }
    }
    rows.push({ ...r, compoundId, bodyId: body?.id ?? null });
  }
  return { rows, errors };
}

async function apply(tx: TTx, communityId: number, rows: TRow[]) {
  const changes = { bodiesCreated: 0, bodiesUpdated: 0, membersAppointed: 0 };
  const ids = new Map<string, number>();
  for (const r of rows) {
    const k = bodyKey(r);
    if (!ids.has(k)) {
      const term = { seats: r.seats, termStartsOn: dateOnly(r.termStartsOn), termEndsOn: r.termEndsOn ? dateOnly(r.termEndsOn) : null };
      if (r.bodyId === null) {
        const b = await tx.body.create({ data: { kind: r.kind, name: r.body, communityId, compoundId: r.compoundId, termNo: 1, ...term } });
        ids.set(k, b.id);
        changes.bodiesCreated++;
      } else {
        const b = await tx.body.findUniqueOrThrow({
          where: { id: r.bodyId },
          select: { seats: true, termStartsOn: true, termEndsOn: true },
        });
        const same =
          b.seats === r.seats &&
          (b.termStartsOn && fromDateOnly(b.termStartsOn)) === r.termStartsOn &&
          (b.termEndsOn ? fromDateOnly(b.termEndsOn) : null) === r.termEndsOn;
        if (!same) {
          await tx.body.update({ where: { id: r.bodyId }, data: term });
          changes.bodiesUpdated++;
        }
        ids.set(k, r.bodyId);
      }
    }
    if (r.member && (await appoint(tx, ids.get(k)!, r.member))) changes.membersAppointed++;
  }
  return changes;
}

/** Appoints a member unless they already sit in the body; the seat is checked under the body's row lock. */
async function appoint(tx: TTx, bodyId: number, m: NonNullable<TBodyRow['member']>): Promise<boolean> {
  const sitting = await tx.bodyMember.findFirst({
    where: { bodyId, endsOn: null, person: m.phone ? { phone: m.phone } : { name: m.name, phone: null } },
    select: { id: true },
  });
  if (sitting) return false;
  await requireSeat(tx, bodyId, m.startsOn);
  const person = await personByPhoneOrNew(tx, m.name, m.phone);
  await tx.bodyMember.create({ data: { bodyId, personId: person.id, position: m.position, startsOn: dateOnly(m.startsOn) } });
  return true;
}

/** The community bodies are imported into, authorized (through `db`, a transaction's view, for the demo seed). */
export async function bodiesPlace(by: TBy, communityId: number, db: TTx = getDb()): Promise<TImportPlace> {
  const ancestry = await ancestryOf({ level: 'community', id: communityId }, db);
  authorize(by, 'body.manage', ancestry);
  return { id: communityId, ancestry: ancestry!, communityId, compoundId: null };
}

export const bodiesImport: TTableImport<typeof BODY_IMPORT_COLUMNS, TRow> = {
  kind: 'bodies',
  columns: BODY_IMPORT_COLUMNS,
  place: (by, communityId) => bodiesPlace(by, communityId),
  check: (tx, by, place, records) => check(tx, by, place, records),
  apply: (tx, _by, place, rows) => apply(tx, place.id, rows),
  audit: { action: 'bodies.import', entityType: 'Community' },
};
