import { describe, expect, test } from 'vitest';
import { ZSaveCategory } from '@/features/issue-settings/schemas';

const form = (handlerRole: string) => ({
  districtId: '1',
  categoryId: '2',
  nameZh: '楼道卫生',
  nameEn: 'Stairwell',
  handlerRole,
  acknowledgeMinutes: '240',
  resolveWorkingDays: '5',
  remindBeforeMinutes: '60',
  resolveMinutes: '2400',
  active: 'on',
});

describe('a category’s first responder, as the district’s settings page offers it (decision 044)', () => {
  test.each([
    ['BUILDING_HEAD', true],
    ['GRID_WORKER', true],
    ['BRANCH_SECRETARY', true],
    ['CENTRAL_HOUSEHOLD', true],
    ['COMMUNITY_SECRETARY', false],
    ['RESIDENT', false],
  ])('%s may be chosen: %s', (role, ok) => {
    expect(ZSaveCategory.safeParse(form(role)).success).toBe(ok);
  });
});
