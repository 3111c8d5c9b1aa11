'use server';
import { headers } from 'next/headers';
import { getTranslations } from 'next-intl/server';
import { clientOf } from '@/server/auth/client';
import { claimHousehold } from '@/server/accounts/claims';
import { changePassword, resetPasswordWithCode } from '@/server/accounts/passwords';
import { confirmRegistration, requestRegistrationCode } from '@/server/accounts/register-resident';
import { refuse } from '@/server/errors';
import type { TFormState } from '@/components/action-form';
import { actionUser } from '@/features/shared/guards';
import { runAction } from '@/features/shared/action-result';
import { formObject } from '@/features/shared/forms';
import { ZChangePassword, ZClaim, ZEmail, ZRegister, ZRegisterCode, ZReset } from './schemas';
import { setMyEmail } from '@/server/accounts/my-account';

// Every action is a public HTTP endpoint: it parses its input and the use case checks permissions.

export async function registerAction(_: TFormState, fd: FormData): Promise<TFormState> {
  return runAction(async () => {
    const input = ZRegister.parse(formObject(fd));
    const sent = await requestRegistrationCode(input, clientOf(await headers()));
    return { ok: true, message: (await getTranslations('account.register'))('codeSent', sent) };
  });
}

/** Step 2: the answer says plainly whether an account was made, and what to do next. */
export async function confirmRegistrationAction(_: TFormState, fd: FormData): Promise<TFormState> {
  return runAction(async () => {
    const input = ZRegisterCode.parse(formObject(fd));
    const { outcome } = await confirmRegistration(input, clientOf(await headers()));
    return { ok: true, message: (await getTranslations('account.register'))(outcome) };
  });
}

export async function resetPasswordAction(_: TFormState, fd: FormData): Promise<TFormState> {
  return runAction(async () => {
    const input = ZReset.parse(formObject(fd));
    await resetPasswordWithCode(input, clientOf(await headers()));
    return { ok: true, message: (await getTranslations('account.reset'))('done') };
  });
}

export async function claimAction(_: TFormState, fd: FormData): Promise<TFormState> {
  return runAction(async () => {
    const user = (await actionUser()) ?? refuse('auth.signedOut');
    const input = ZClaim.parse(formObject(fd));
    await claimHousehold(user.id, input, clientOf(await headers()));
    return { ok: true, message: (await getTranslations('account.claim'))('done') };
  });
}

export async function changePasswordAction(_: TFormState, fd: FormData): Promise<TFormState> {
  return runAction(async () => {
    const user = (await actionUser()) ?? refuse('auth.signedOut');
    const input = ZChangePassword.parse(formObject(fd));
    await changePassword(user.id, input.current, input.password);
    return { ok: true, message: (await getTranslations('account.password'))('done') };
  });
}

export async function emailAction(_: TFormState, fd: FormData): Promise<TFormState> {
  return runAction(async () => {
    const user = (await actionUser()) ?? refuse('auth.signedOut');
    const { email } = ZEmail.parse(formObject(fd));
    await setMyEmail(user.id, user.name, email);
    return { ok: true, message: (await getTranslations('account.email'))(email ? 'saved' : 'removed') };
  });
}
