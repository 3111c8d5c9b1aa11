'use server';
import { getTranslations } from 'next-intl/server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { TFormState } from '@/components/action-form';
import { formObject } from '@/features/shared/forms';
import { runAction } from '@/features/shared/action-result';
import { actionBy } from '@/features/shared/guards';

import { issueApiKey, revokeApiKey } from '@/server/open311/api-keys';

const ZId = z.coerce.number({ message: 'field.choice' }).int('field.choice').positive('field.choice');
const ZIssue = z.object({ districtId: ZId, name: z.string().trim().min(2, 'field.keyName').max(60, 'field.keyName') });
const ZRevoke = z.object({ districtId: ZId, keyId: ZId });

const by = actionBy;

/** The key comes back once, in the result; it is never shown again. */
export async function issueApiKeyAction(_: TFormState, fd: FormData): Promise<TFormState> {
  return runAction(async () => {
    const { districtId, name } = ZIssue.parse(formObject(fd));
    const { key } = await issueApiKey(await by(), districtId, name);
    revalidatePath('/[locale]/admin/api-keys', 'page');
    return { ok: true, message: (await getTranslations('apiKeys'))('issued'), data: { key } };
  });
}

export async function revokeApiKeyAction(_: TFormState, fd: FormData): Promise<TFormState> {
  return runAction(async () => {
    const { districtId, keyId } = ZRevoke.parse(formObject(fd));
    await revokeApiKey(await by(), districtId, keyId);
    revalidatePath('/[locale]/admin/api-keys', 'page');
    return { ok: true, message: (await getTranslations('apiKeys'))('revoked') };
  });
}
