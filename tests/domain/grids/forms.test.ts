import { expect, test } from 'vitest';
import { ZAssignBuildings } from '@/features/grids/schemas';

// Review finding: the grids page's choices that give a right arrived preselected; nothing chosen now means refused, and
// "out of every grid" is a choice of its own, not the empty value.
test.each([
  ['', false, undefined],
  ['none', true, null],
  ['7', true, 7],
])('moving buildings to %j: accepted %j', (gridId, ok, parsed) => {
  const r = ZAssignBuildings.safeParse({ communityId: '3', gridId });
  expect(r.success).toBe(ok);
  if (ok) expect(r.data!.gridId).toBe(parsed);
});
