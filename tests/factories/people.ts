import type { TDbLike } from './db';
import { NameSource } from './names';

export async function createPerson(
  db: TDbLike,
  attrs: { name: string; phone?: string | null; gender?: 'FEMALE' | 'MALE'; birthYear?: number },
) {
  return db.person.create({ data: attrs });
}

/** Makes `n` people with invented names (and phones unless told otherwise). */
export async function createPeople(db: TDbLike, n: number, names: NameSource, opts: { withPhone?: boolean } = {}) {
  const people = [];
  for (let i = 0; i < n; i++) {
    people.push(await createPerson(db, { name: names.personName(), phone: opts.withPhone === false ? null : names.phone() }));
  }
  return people;
}

/** Makes `personId` the owner (and a resident) of each household. */
export async function createOwner(db: TDbLike, personId: number, householdIds: number[], opts: { lives?: boolean } = {}) {
  for (const householdId of householdIds) {
    await db.ownership.create({ data: { personId, householdId } });
    if (opts.lives !== false) {
      await db.residency.create({ data: { personId, householdId, relation: 'OWNER', isRepresentative: true } });
    }
  }
}

export async function createTenant(db: TDbLike, personId: number, householdId: number) {
  return db.residency.create({ data: { personId, householdId, relation: 'TENANT' } });
}
