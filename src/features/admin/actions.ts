'use server';
import { getTranslations } from 'next-intl/server';
import { publicUrl } from '@/env';
import type { TPlaceLevel } from '@/domain/territory/places';
import { chosenFile } from '@/features/imports/chosen-file';
import { command, say } from '@/features/shared/command';
import { reviewClaim } from '@/server/accounts/claims';
import { createResidentAccount } from '@/server/accounts/desk-account';
import { issueInvitationCodes } from '@/server/accounts/invitations';
import { issuePasswordReset } from '@/server/accounts/passwords';
import { createStaffAccount, revokeRole } from '@/server/accounts/staff';
import { findHousehold, findUserByPhone } from '@/server/admin/scope-lists';
import { noticeQrSvg } from '@/server/notices/print';
import { importRoster, previewRoster } from '@/server/roster/import-roster';
import type { TCodeSlip } from './components/code-slip';
import { ZDeskAccount, ZInvitations, ZResetByPhone, ZReviewClaim, ZRevoke, ZRosterCompound, ZStaff } from './schemas';

/** Where a printed slip sends its reader: the site's own address (never the request's) and its QR code. */
async function where(path: string) {
  const site = publicUrl(path);
  return { site, qr: await noticeQrSvg(site) };
}

// Desk and staff commands: the permission of the matrix each use case checks at the exact place.

export const reviewClaimAction = command({
  who: 'resident.verify',
  input: ZReviewClaim,
  // No refresh: the reviewed claim stays on screen with its outcome until the next visit.
  run: (by, input) => reviewClaim(by, { claimId: input.claimId, approve: input.decision === 'approve', reason: input.reason }),
  done: (_, { decision }) => say('admin.claims', decision === 'approve' ? 'approved' : 'rejected'),
});

export const issueInvitationsAction = command({
  who: 'resident.verify',
  input: ZInvitations,
  run: (by, input) => issueInvitationCodes(by, { compoundId: input.compoundId, buildingId: input.buildingId || undefined }),
  done: async (sheet) => ({ ok: true, data: { ...sheet, expiresAt: sheet.expiresAt.toISOString(), ...(await where('/account')) } }),
});

export const deskAccountAction = command({
  who: 'resident.verify',
  input: ZDeskAccount,
  run: async (by, input) => {
    const household = await findHousehold(by, input);
    return createResidentAccount(by, { householdId: household.id, relation: input.relation, name: input.name, phone: input.phone });
  },
  done: async ({ code }, { name }) => ({
    ...(await say('admin.desk', 'created', { code })),
    data: { code, name, days: 14, ...(await where('/reset')) } satisfies TCodeSlip,
  }),
});

// Who may reset depends on whose account it is (password.reset at a resident's home, staff.manage above a staff
// account's posts: mayResetPassword), and a refusal must read like an unknown number: decided by the use case.
export const resetByPhoneAction = command({
  who: 'signed-in',
  input: ZResetByPhone,
  run: async (by, { phone, smsToPhone }) => {
    const user = await findUserByPhone(phone);
    if (!user) return null;
    // Outside one's places looks the same as unknown: the desk does not reveal who has an account.
    return issuePasswordReset(by, user.id, { sms: smsToPhone }).catch(() => null);
  },
  done: async (r) =>
    r
      ? {
          ...(await say('admin.desk', 'resetDone', { code: r.code, name: r.name })),
          data: { code: r.code, name: r.name, days: 7, ...(await where('/reset')) },
        }
      : { ok: false, message: (await getTranslations('admin.desk'))('unknownPhone') },
});

export const previewRosterAction = command({
  who: 'roster.import',
  input: ZRosterCompound,
  files: { file: 'roster' },
  run: (by, { compoundId }, ctx) => previewRoster(by, compoundId, chosenFile(ctx)),
  done: (v) => ({
    ok: v.errors.length === 0 && v.missing.length === 0,
    data: {
      rows: v.rows.length,
      errors: v.errors,
      missing: v.missing,
      multiUnitOwners: v.multiUnitOwners,
      developerUnits: v.developerUnits,
      changes: v.changes,
    },
  }),
});

export const importRosterAction = command({
  who: 'roster.import',
  input: ZRosterCompound,
  files: { file: 'roster' },
  run: (by, { compoundId }, ctx) => importRoster(by, compoundId, chosenFile(ctx)),
  done: (changes) => say('admin.roster', 'done', changes),
});

export const createStaffAction = command({
  who: 'staff.manage',
  input: ZStaff,
  run: (by, input) => {
    const [level, id] = input.place.split(':') as [TPlaceLevel, string];
    return createStaffAccount(by, { name: input.name, phone: input.phone, role: input.role, place: { level, id: Number(id) } });
  },
  done: ({ code }) => say('admin.staff', 'created', { code }),
  refresh: true,
});

export const revokeGrantAction = command({
  who: 'staff.manage',
  input: ZRevoke,
  run: (by, { grantId }) => revokeRole(by, grantId),
  done: () => say('admin.staff', 'revoked'),
  refresh: true,
});
