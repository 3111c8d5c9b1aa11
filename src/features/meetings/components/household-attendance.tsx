'use client';
import { ActionForm, SubmitButton } from '@/components/action-form';
import * as A from '../residents-actions';

type TT = Record<string, string>;
export type TSheetBuilding = {
  id: number;
  name: string;
  units: { unitNo: string; rooms: { id: number; roomNo: string; present: boolean }[] }[];
};

/**
 * One form per building (decision 068): tick the households present and save, or "整栋全选" to record every household
 * of the building. Works before JavaScript loads (a plain POST per building); after saving, the form resets to the
 * ticks the refreshed page brings (the server's record).
 */
export function BuildingAttendance({
  meetingId,
  building,
  t,
  open,
}: {
  meetingId: number;
  building: TSheetBuilding;
  t: TT;
  open: boolean;
}) {
  const rooms = building.units.flatMap((u) => u.rooms);
  const present = rooms.filter((r) => r.present).length;
  return (
    <details open={open} className="rounded-lg border border-stone-300 bg-white" data-testid={`building-${building.name}`}>
      <summary className="flex min-h-12 cursor-pointer items-center px-3 text-xl font-semibold">
        {building.name} · {present}/{rooms.length}
      </summary>
      <ActionForm action={A.saveBuildingAction} className="space-y-3 p-3">
        {() => (
          <>
            <input type="hidden" name="meetingId" value={meetingId} />
            <input type="hidden" name="buildingId" value={building.id} />
            {rooms.map((r) => (
              <input key={r.id} type="hidden" name="shownIds" value={r.id} />
            ))}
            <div className="flex flex-wrap gap-3">
              <SubmitButton name="all" value="1" variant="secondary">
                {t.selectAll}
              </SubmitButton>
            </div>
            {building.units.map((u) => (
              <fieldset key={u.unitNo} className="space-y-1">
                <legend className="text-lg font-medium">{t.unit!.replace('{unit}', u.unitNo)}</legend>
                <div className="grid grid-cols-3 gap-x-2 sm:grid-cols-5">
                  {u.rooms.map((r) => (
                    <label key={r.id} className="flex min-h-12 items-center gap-2 text-lg">
                      <input type="checkbox" name="householdIds" value={r.id} defaultChecked={r.present} className="size-6 shrink-0" />
                      {r.roomNo}
                    </label>
                  ))}
                </div>
              </fieldset>
            ))}
            <SubmitButton name="all" value="0">
              {t.saveBuilding}
            </SubmitButton>
          </>
        )}
      </ActionForm>
    </details>
  );
}
