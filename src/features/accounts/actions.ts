'use server';
import { getTranslations } from 'next-intl/server';
import { command, say } from '@/features/shared/command';
import { claimHousehold } from '@/server/accounts/claims';
import { setMyChannels } from '@/server/accounts/channel-choices';
import { setMyEmail } from '@/server/accounts/my-account';
import { changePassword, resetPasswordWithCode } from '@/server/accounts/passwords';
import { confirmRegistration, requestRegistrationCode } from '@/server/accounts/register-resident';
import { ZChangePassword, ZChannels, ZClaim, ZEmail, ZRegister, ZRegisterCode, ZReset } from './schemas';

// Registration, codes and resets are open to anyone; the rest act on one's own account (the use case decides).

export const registerAction = command({
  who: 'public',
  input: ZRegister,
  run: async (_, input, ctx) => requestRegistrationCode(input, await ctx.client()),
  done: async (sent) => ({ ok: true, message: (await getTranslations('account.register'))('codeSent', sent) }),
});

/** Step 2: the answer says plainly whether an account was made, and what to do next. */
export const confirmRegistrationAction = command({
  who: 'public',
  input: ZRegisterCode,
  run: async (_, input, ctx) => confirmRegistration(input, await ctx.client()),
  done: ({ outcome }) => say('account.register', outcome),
});

export const resetPasswordAction = command({
  who: 'public',
  input: ZReset,
  run: async (_, input, ctx) => resetPasswordWithCode(input, await ctx.client()),
  done: () => say('account.reset', 'done'),
});

export const claimAction = command({
  who: 'signed-in',
  input: ZClaim,
  run: async (by, input, ctx) => claimHousehold(by.userId, input, await ctx.client()),
  done: () => say('account.claim', 'done'),
});

export const changePasswordAction = command({
  who: 'signed-in',
  input: ZChangePassword,
  run: (by, input) => changePassword(by.userId, input.current, input.password),
  done: () => say('account.password', 'done'),
});

export const emailAction = command({
  who: 'signed-in',
  input: ZEmail,
  run: (by, { email }) => setMyEmail(by.userId, by.label, email),
  done: (_, { email }) => say('account.email', email ? 'saved' : 'removed'),
});

/** Which messages also go by e-mail or SMS, and (staff) the daily digest (decision 056). */
export const channelsAction = command({
  who: 'signed-in',
  input: ZChannels,
  run: (by, input) => setMyChannels(by, input),
  done: () => say('account.channels', 'saved'),
  // The form's boxes show the saved choices: after saving, the page is drawn again from them (the form resets to it).
  refresh: true,
});
