'use server';
import { getTranslations } from 'next-intl/server';
import { revalidatePath } from 'next/cache';
import type { TFormState } from '@/components/action-form';
import type { TPlaceLevel } from '@/domain/territory/places';
import { formObject } from '@/features/shared/forms';
import { runAction } from '@/features/shared/action-result';
import { actionBy } from '@/features/shared/guards';
import { reviewClaim } from '@/server/accounts/claims';
import { createResidentAccount } from '@/server/accounts/desk-account';
import { issueInvitationCodes } from '@/server/accounts/invitations';
import { issuePasswordReset } from '@/server/accounts/passwords';
import { createStaffAccount, revokeRole } from '@/server/accounts/staff';
import { findHousehold, findUserByPhone } from '@/server/admin/scope-lists';
import { refuse } from '@/server/errors';
import { importRoster, previewRoster } from '@/server/roster/import-roster';
import { ZDeskAccount, ZInvitations, ZResetByPhone, ZReviewClaim, ZRevoke, ZRosterCompound, ZStaff } from './schemas';

// Thin actions: authenticate, parse, call the use case (which authorizes), translate the result.

const by = actionBy;

export async function reviewClaimAction(_: TFormState, fd: FormData): Promise<TFormState> {
  return runAction(async () => {
    const input = ZReviewClaim.parse(formObject(fd));
    // No revalidation: the reviewed claim stays on screen with its outcome until the next visit.
    await reviewClaim(await by(), { claimId: input.claimId, approve: input.decision === 'approve', reason: input.reason });
    const t = await getTranslations('admin.claims');
    return { ok: true, message: input.decision === 'approve' ? t('approved') : t('rejected') };
  });
}

export async function issueInvitationsAction(_: TFormState, fd: FormData): Promise<TFormState> {
  return runAction(async () => {
    const input = ZInvitations.parse(formObject(fd));
    const sheet = await issueInvitationCodes(await by(), { compoundId: input.compoundId, buildingId: input.buildingId || undefined });
    return { ok: true, data: { ...sheet, expiresAt: sheet.expiresAt.toISOString() } };
  });
}

export async function deskAccountAction(_: TFormState, fd: FormData): Promise<TFormState> {
  return runAction(async () => {
    const input = ZDeskAccount.parse(formObject(fd));
    const b = await by();
    const household = (await findHousehold(b, input)) ?? refuse('auth.forbidden');
    const { code } = await createResidentAccount(b, { householdId: household!.id, relation: input.relation, name: input.name, phone: input.phone });
    return { ok: true, message: (await getTranslations('admin.desk'))('created', { code }) };
  });
}

export async function resetByPhoneAction(_: TFormState, fd: FormData): Promise<TFormState> {
  return runAction(async () => {
    const input = ZResetByPhone.parse(formObject(fd));
    const t = await getTranslations('admin.desk');
    const user = await findUserByPhone(input.phone);
    if (!user) return { ok: false, message: t('unknownPhone') };
    try {
      const r = await issuePasswordReset(await by(), user.id);
      return { ok: true, message: t('resetDone', { code: r.code, name: r.name }) };
    } catch {
      // Outside one's places looks the same as unknown: the desk does not reveal who has an account.
      return { ok: false, message: t('unknownPhone') };
    }
  });
}

async function rosterFile(fd: FormData) {
  const file = fd.get('file');
  if (!(file instanceof File) || file.size === 0) refuse('roster.fileEmpty');
  const f = file as File;
  return { name: f.name, bytes: Buffer.from(await f.arrayBuffer()) };
}

export async function previewRosterAction(_: TFormState, fd: FormData): Promise<TFormState> {
  return runAction(async () => {
    const { compoundId } = ZRosterCompound.parse(formObject(fd));
    const v = await previewRoster(await by(), compoundId, await rosterFile(fd));
    return { ok: v.errors.length === 0 && v.missing.length === 0, data: { rows: v.rows.length, errors: v.errors, missing: v.missing, multiUnitOwners: v.multiUnitOwners, developerUnits: v.developerUnits, changes: v.changes } };
  });
}

export async function importRosterAction(_: TFormState, fd: FormData): Promise<TFormState> {
  return runAction(async () => {
    const { compoundId } = ZRosterCompound.parse(formObject(fd));
    const changes = await importRoster(await by(), compoundId, await rosterFile(fd));
    return { ok: true, message: (await getTranslations('admin.roster'))('done', changes) };
  });
}

export async function createStaffAction(_: TFormState, fd: FormData): Promise<TFormState> {
  return runAction(async () => {
    const input = ZStaff.parse(formObject(fd));
    const [level, id] = input.place.split(':') as [TPlaceLevel, string];
    const { code } = await createStaffAccount(await by(), { name: input.name, phone: input.phone, role: input.role, place: { level, id: Number(id) } });
    revalidatePath('/[locale]/admin/staff', 'page');
    return { ok: true, message: (await getTranslations('admin.staff'))('created', { code }) };
  });
}

export async function revokeGrantAction(_: TFormState, fd: FormData): Promise<TFormState> {
  return runAction(async () => {
    const { grantId } = ZRevoke.parse(formObject(fd));
    await revokeRole(await by(), grantId);
    revalidatePath('/[locale]/admin/staff', 'page');
    return { ok: true, message: (await getTranslations('admin.staff'))('revoked') };
  });
}
