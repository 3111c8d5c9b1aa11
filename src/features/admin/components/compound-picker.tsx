'use client';
import { useState } from 'react';

export type TCompoundOption = { id: number; name: string; community: { name: string }; buildings: { id: number; name: string }[] };

/** Compound select, with an optional building select that follows it. */
export function CompoundPicker({
  compounds,
  t,
  withBuilding,
}: {
  compounds: TCompoundOption[];
  t: Record<string, string>;
  withBuilding?: boolean;
}) {
  const [compoundId, setCompoundId] = useState(compounds[0]?.id ?? 0);
  const buildings = compounds.find((c) => c.id === compoundId)?.buildings ?? [];
  const select = 'min-h-12 w-full rounded-lg border border-stone-400 bg-white px-3 text-lg';
  return (
    <div className="space-y-3">
      <div className="space-y-1">
        <label htmlFor="compoundId" className="block text-lg font-medium">
          {t.compound}
        </label>
        <select
          id="compoundId"
          name="compoundId"
          className={select}
          value={compoundId}
          onChange={(e) => setCompoundId(Number(e.target.value))}
        >
          {compounds.map((c) => (
            <option key={c.id} value={c.id}>
              {c.community.name} · {c.name}
            </option>
          ))}
        </select>
      </div>
      {withBuilding && (
        <div className="space-y-1">
          <label htmlFor="buildingId" className="block text-lg font-medium">
            {t.building}
          </label>
          <select id="buildingId" name="buildingId" className={select} defaultValue="">
            <option value="">{t.allBuildings}</option>
            {buildings.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
        </div>
      )}
    </div>
  );
}
