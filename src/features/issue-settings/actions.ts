'use server';
import { getTranslations } from 'next-intl/server';
import { revalidatePath } from 'next/cache';
import type { TFormState } from '@/components/action-form';
import { formObject } from '@/features/shared/forms';
import { runAction } from '@/features/shared/action-result';
import { actionBy } from '@/features/shared/guards';

import { addCalendarDay, addDistrictCategory, removeCalendarDay, saveDistrictCategory } from '@/server/issues/district-settings';
import { ZAddCalendarDay, ZAddCategory, ZRemoveCalendarDay, ZSaveCategory } from './schemas';

const by = actionBy;
async function done() {
  revalidatePath('/[locale]/admin/issue-settings', 'page');
  return { ok: true, message: (await getTranslations('issueSettings'))('saved') };
}

export async function saveCategoryAction(_: TFormState, fd: FormData): Promise<TFormState> {
  return runAction(async () => {
    const { districtId, categoryId, ...input } = ZSaveCategory.parse(formObject(fd));
    await saveDistrictCategory(await by(), districtId, categoryId, input);
    return done();
  });
}

export async function addCategoryAction(_: TFormState, fd: FormData): Promise<TFormState> {
  return runAction(async () => {
    const { districtId, ...input } = ZAddCategory.parse(formObject(fd));
    await addDistrictCategory(await by(), districtId, input);
    return done();
  });
}

export async function addCalendarDayAction(_: TFormState, fd: FormData): Promise<TFormState> {
  return runAction(async () => {
    const { districtId, ...input } = ZAddCalendarDay.parse(formObject(fd));
    await addCalendarDay(await by(), districtId, input);
    return done();
  });
}

export async function removeCalendarDayAction(_: TFormState, fd: FormData): Promise<TFormState> {
  return runAction(async () => {
    const { districtId, dayId } = ZRemoveCalendarDay.parse(formObject(fd));
    await removeCalendarDay(await by(), districtId, dayId);
    return done();
  });
}
