'use server';
import { command, say } from '@/features/shared/command';
import { assignOrganization, endAssignment } from '@/server/organisations/assignments';
import { createFirmStaffAccount, endFirmStaff } from '@/server/organisations/firm-staff';
import { registerOrganization, updateOrganization } from '@/server/organisations/register';
import { ZAssign, ZEndAssignment, ZEndFirmStaff, ZFirmStaff, ZRegisterOrganization, ZUpdateOrganization } from './schemas';

// The use cases check the exact place (organization.manage there; checkGrant for a firm's staff).

export const registerOrganizationAction = command({
  who: 'organization.manage',
  input: ZRegisterOrganization,
  run: (by, { districtId, ...input }) => registerOrganization(by, districtId, input),
  done: () => say('admin.organisations', 'saved'),
  refresh: true,
});

export const updateOrganizationAction = command({
  who: 'organization.manage',
  input: ZUpdateOrganization,
  run: (by, { organizationId, ...input }) => updateOrganization(by, organizationId, input),
  done: () => say('admin.organisations', 'saved'),
  refresh: true,
});

export const assignOrganizationAction = command({
  who: 'organization.manage',
  input: ZAssign,
  run: (by, { place, ...input }) => {
    const [level, id] = place.split(':') as ['community' | 'compound', string];
    return assignOrganization(by, { ...input, place: { level, id: Number(id) } });
  },
  done: () => say('admin.organisations', 'saved'),
  refresh: true,
});

export const endAssignmentAction = command({
  who: 'organization.manage',
  input: ZEndAssignment,
  run: (by, { assignmentId, lastDay }) => endAssignment(by, assignmentId, lastDay),
  done: () => say('admin.organisations', 'saved'),
  refresh: true,
});

export const createFirmStaffAction = command({
  who: 'staff.manage',
  input: ZFirmStaff,
  run: (by, input) => createFirmStaffAccount(by, input),
  done: ({ code }, { name }) => say('admin.organisations', 'created', { name, code }),
  refresh: true,
});

export const endFirmStaffAction = command({
  who: 'staff.manage',
  input: ZEndFirmStaff,
  run: (by, { memberId }) => endFirmStaff(by, memberId),
  done: () => say('admin.organisations', 'saved'),
  refresh: true,
});
