import type { TDbLike } from './db';
import type { NameSource } from './names';
import { createOwner } from './people';
import { createBuilding, createCompound, createHouseholds } from './territory';

export type TBuildingSpec = { name: string; units?: number; floors: number; perFloor: number; areasCentiM2: number[] };

/**
 * A compound with buildings, units and owners, shaped like the cases of rules.md §3:
 * - `developerUnsold` units at the end of the last building stay with the developer;
 * - `multiUnitOwners` owners each hold two units (they still count as one owner);
 * - every other unit has its own owner, who lives there.
 */
export async function createPopulatedCompound(
  db: TDbLike,
  names: NameSource,
  spec: {
    communityId: number;
    name: string;
    address?: string;
    developerName?: string;
    location?: { lat: number; long: number };
    buildings: TBuildingSpec[];
    developerUnsold?: number;
    multiUnitOwners?: number;
  },
) {
  const compound = await createCompound(db, {
    communityId: spec.communityId,
    name: spec.name,
    address: spec.address,
    developerName: spec.developerName,
    ...spec.location,
  });
  const buildings = [];
  const households = [];
  for (const b of spec.buildings) {
    const building = await createBuilding(db, { compoundId: compound.id, name: b.name, unitCount: b.units ?? 1 });
    buildings.push(building);
    households.push(...(await createHouseholds(db, { buildingId: building.id, ...b })));
  }
  const unsold = spec.developerUnsold ?? 0;
  const sold = households.slice(0, households.length - unsold);
  if (unsold > 0) {
    await db.household.updateMany({
      where: { id: { in: households.slice(households.length - unsold).map((h) => h.id) } },
      data: { developerHeld: true },
    });
  }
  const owners = [];
  let i = 0;
  for (let m = 0; m < (spec.multiUnitOwners ?? 0) && i + 1 < sold.length; m++, i += 2) {
    const person = await db.person.create({ data: { name: names.personName(), phone: names.phone() } });
    await createOwner(db, person.id, [sold[i]!.id, sold[i + 1]!.id]);
    owners.push(person);
  }
  for (; i < sold.length; i++) {
    const person = await db.person.create({ data: { name: names.personName(), phone: names.phone() } });
    await createOwner(db, person.id, [sold[i]!.id]);
    owners.push(person);
  }
  return { compound, buildings, households, owners };
}
