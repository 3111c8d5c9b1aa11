import 'server-only';
import { validateRoster, type TRosterRow } from '@/domain/roster/validate';
import { writeAudit } from '@/server/audit';
import { authorize, type TBy } from '@/server/accounts/by';
import { isUniqueViolation } from '@/server/imports/table-import';
import { getDb, type TTx } from '@/server/db';
import { refuse } from '@/server/errors';
import { ancestryOf } from '@/server/places/ancestry';
import { readTable } from '@/server/imports/read-table';

export type TRosterChanges = {
  buildingsCreated: number;
  householdsCreated: number;
  householdsUpdated: number;
  peopleCreated: number;
  ownershipsCreated: number;
  ownershipsRemoved: number;
  ownershipsUpdated: number;
};
const none = (): TRosterChanges => ({
  buildingsCreated: 0,
  householdsCreated: 0,
  householdsUpdated: 0,
  peopleCreated: 0,
  ownershipsCreated: 0,
  ownershipsRemoved: 0,
  ownershipsUpdated: 0,
});

async function load(by: TBy, compoundId: number, file: { name: string; bytes: Buffer }) {
  authorize(by, 'roster.import', await ancestryOf({ level: 'compound', id: compoundId }));
  const { header, data } = await readTable(file.name, file.bytes, 'roster');
  return validateRoster(header, data);
}

/** Validates every row and says what an import would change, without changing anything. */
export async function previewRoster(by: TBy, compoundId: number, file: { name: string; bytes: Buffer }) {
  const v = await load(by, compoundId, file);
  let changes = none();
  if (v.missing.length === 0 && v.errors.length === 0) {
    // Apply in a transaction that is always rolled back: the preview counts exactly what import would do.
    await getDb()
      .$transaction(
        async (tx) => {
          changes = await apply(tx, by, compoundId, v.rows);
          throw new Rollback();
        },
        { timeout: 120_000 },
      )
      .catch((e: unknown) => {
        if (!(e instanceof Rollback)) throw e;
      });
  }
  return { ...v, changes };
}

class Rollback extends Error {}

/** Imports the roster in one transaction; a file with any error changes nothing. Re-importing the same file changes nothing. */
export async function importRoster(by: TBy, compoundId: number, file: { name: string; bytes: Buffer }) {
  const v = await load(by, compoundId, file);
  if (v.missing.length) refuse('import.columnsMissing', { columns: v.missing.join(', ') });
  if (v.errors.length) refuse('import.hasErrors', { count: v.errors.length });
  return getDb()
    .$transaction(
      async (tx) => {
        const changes = await apply(tx, by, compoundId, v.rows);
        const compound = await tx.compound.findUniqueOrThrow({ where: { id: compoundId }, select: { communityId: true } });
        await writeAudit(tx, {
          actorId: by.userId,
          actorLabel: by.label,
          action: 'roster.import',
          entityType: 'Compound',
          entityId: compoundId,
          after: { file: file.name, rows: v.rows.length, ...changes },
          communityId: compound.communityId,
          compoundId,
        });
        return changes;
      },
      { timeout: 120_000 },
    )
    .catch((e: unknown) => (isUniqueViolation(e) ? refuse('import.conflict') : Promise.reject(e)));
}

/** Each ownership a roster removes is audited on its own: it ends an owner's role and vote. */
type TRemoved = { id: number; householdId: number; personId: number; shareBp: number };
async function auditRemoval(tx: TTx, by: TBy, o: TRemoved, place: { communityId: number; compoundId: number }) {
  await writeAudit(tx, {
    actorId: by.userId,
    actorLabel: by.label,
    action: 'ownership.remove',
    entityType: 'Ownership',
    entityId: o.id,
    before: { householdId: o.householdId, personId: o.personId, shareBp: o.shareBp },
    after: { reason: 'roster.import' },
    ...place,
  });
}

async function apply(tx: TTx, by: TBy, compoundId: number, rows: TRosterRow[]): Promise<TRosterChanges> {
  const c = none();
  const place = {
    compoundId,
    communityId: (await tx.compound.findUniqueOrThrow({ where: { id: compoundId }, select: { communityId: true } })).communityId,
  };
  const buildings = new Map(
    (await tx.building.findMany({ where: { compoundId }, select: { id: true, name: true } })).map((b) => [b.name, b.id]),
  );
  for (const name of new Set(rows.map((r) => r.building))) {
    if (!buildings.has(name)) {
      buildings.set(name, (await tx.building.create({ data: { compoundId, name } })).id);
      c.buildingsCreated++;
    }
  }
  const existing = await tx.household.findMany({
    where: { building: { compoundId } },
    select: {
      id: true,
      buildingId: true,
      unitNo: true,
      roomNo: true,
      areaCentiM2: true,
      use: true,
      developerHeld: true,
      ownerships: { select: { id: true, personId: true, shareBp: true } },
    },
  });
  const households = new Map(existing.map((h) => [`${h.buildingId}|${h.unitNo}|${h.roomNo}`, h]));
  const phones = [...new Set(rows.flatMap((r) => (r.owner?.phone ? [r.owner.phone] : [])))];
  const people = new Map(
    (await tx.person.findMany({ where: { phone: { in: phones } }, select: { id: true, phone: true } })).map((p) => [p.phone!, p.id]),
  );

  // Group the rows of co-owners by unit.
  const units = new Map<string, TRosterRow[]>();
  for (const r of rows) {
    const key = `${buildings.get(r.building)}|${r.unitNo}|${r.roomNo}`;
    units.set(key, [...(units.get(key) ?? []), r]);
  }
  for (const [key, unitRows] of units) {
    const first = unitRows[0]!;
    let h = households.get(key);
    if (!h) {
      const created = await tx.household.create({
        data: {
          buildingId: buildings.get(first.building)!,
          unitNo: first.unitNo,
          roomNo: first.roomNo,
          areaCentiM2: first.areaCentiM2,
          use: first.use,
          developerHeld: first.developerHeld,
        },
      });
      h = { ...created, ownerships: [] };
      c.householdsCreated++;
    } else if (h.areaCentiM2 !== first.areaCentiM2 || h.use !== first.use || h.developerHeld !== first.developerHeld) {
      await tx.household.update({
        where: { id: h.id },
        data: { areaCentiM2: first.areaCentiM2, use: first.use, developerHeld: first.developerHeld },
      });
      c.householdsUpdated++;
    }
    // Who should own it, according to the file.
    const wanted = new Map<number, number>();
    for (const r of unitRows) {
      if (!r.owner) continue;
      let personId = r.owner.phone ? people.get(r.owner.phone) : undefined;
      if (personId === undefined && !r.owner.phone) {
        // An owner without a phone is recognised by name among the unit's current owners.
        const current = await tx.person.findFirst({
          where: { name: r.owner.name, ownerships: { some: { householdId: h.id } } },
          select: { id: true },
        });
        personId = current?.id;
      }
      if (personId === undefined) {
        personId = (await tx.person.create({ data: { name: r.owner.name, phone: r.owner.phone } })).id;
        if (r.owner.phone) people.set(r.owner.phone, personId);
        c.peopleCreated++;
      }
      wanted.set(personId, r.owner.shareBp);
    }
    for (const o of h.ownerships) {
      if (!wanted.has(o.personId)) {
        await tx.ownership.delete({ where: { id: o.id } });
        await auditRemoval(tx, by, { id: o.id, householdId: h.id, personId: o.personId, shareBp: o.shareBp }, place);
        c.ownershipsRemoved++;
      } else if (wanted.get(o.personId) !== o.shareBp) {
        await tx.ownership.update({ where: { id: o.id }, data: { shareBp: wanted.get(o.personId)! } });
        c.ownershipsUpdated++;
      }
    }
    for (const [personId, shareBp] of wanted) {
      if (!h.ownerships.some((o) => o.personId === personId)) {
        await tx.ownership.create({ data: { householdId: h.id, personId, shareBp } });
        c.ownershipsCreated++;
      }
    }
  }
  return c;
}
