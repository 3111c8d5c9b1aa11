'use server';
import { command, say } from '@/features/shared/command';
import { addCalendarDay, addDistrictCategory, removeCalendarDay, saveDistrictCategory } from '@/server/issues/district-settings';
import { ZAddCalendarDay, ZAddCategory, ZRemoveCalendarDay, ZSaveCategory } from './schemas';

// A district's categories and calendar: issue.configure, checked at the district the form names.
const district = async ({ districtId }: { districtId: number }) => ({ district: districtId });
const saved = () => say('issueSettings', 'saved');

export const saveCategoryAction = command({
  who: 'issue.configure',
  input: ZSaveCategory,
  target: district,
  run: (by, { districtId, categoryId, ...input }) => saveDistrictCategory(by, districtId, categoryId, input),
  done: saved,
  refresh: true,
});

export const addCategoryAction = command({
  who: 'issue.configure',
  input: ZAddCategory,
  target: district,
  run: (by, { districtId, ...input }) => addDistrictCategory(by, districtId, input),
  done: saved,
  refresh: true,
});

export const addCalendarDayAction = command({
  who: 'issue.configure',
  input: ZAddCalendarDay,
  target: district,
  run: (by, { districtId, ...input }) => addCalendarDay(by, districtId, input),
  done: saved,
  refresh: true,
});

export const removeCalendarDayAction = command({
  who: 'issue.configure',
  input: ZRemoveCalendarDay,
  target: district,
  run: (by, { districtId, dayId }) => removeCalendarDay(by, districtId, dayId),
  done: saved,
  refresh: true,
});
