'use server';
import { getTranslations } from 'next-intl/server';
import { revalidatePath } from 'next/cache';
import type { TFormState } from '@/components/action-form';
import { formObject } from '@/features/shared/forms';
import { runAction } from '@/features/shared/action-result';
import { actionBy } from '@/features/shared/guards';
import { refuse } from '@/server/errors';
import { appointMember, createBody, endMembership } from '@/server/territory-admin/bodies';
import { createBuilding, createCompound, saveHousehold, updateBuilding, updateCompound } from '@/server/territory-admin/compounds';
import { savePartyMember } from '@/server/territory-admin/party-members';
import { getDb } from '@/server/db';
import { ZAppoint, ZBody, ZBuilding, ZCreateCompound, ZEndMembership, ZHousehold, ZPartyMember, ZUpdateBuilding, ZUpdateCompound } from './schemas';

const by = actionBy;
const saved = async () => (await getTranslations('admin'))('saved');
const refresh = () => revalidatePath('/[locale]/admin/places', 'layout');
// (the community pages live under /admin/places/c/…, inside that layout)

export async function createCompoundAction(_: TFormState, fd: FormData): Promise<TFormState> {
  return runAction(async () => {
    const { communityId, ...input } = ZCreateCompound.parse(formObject(fd));
    const c = await createCompound(await by(), communityId, input);
    refresh();
    return { ok: true, message: await saved(), data: { id: c.id } };
  });
}

export async function updateCompoundAction(_: TFormState, fd: FormData): Promise<TFormState> {
  return runAction(async () => {
    const { compoundId, ...input } = ZUpdateCompound.parse(formObject(fd));
    await updateCompound(await by(), compoundId, input);
    refresh();
    return { ok: true, message: await saved() };
  });
}

export async function createBuildingAction(_: TFormState, fd: FormData): Promise<TFormState> {
  return runAction(async () => {
    const { compoundId, ...input } = ZBuilding.parse(formObject(fd));
    await createBuilding(await by(), compoundId, input);
    refresh();
    return { ok: true, message: await saved() };
  });
}

export async function updateBuildingAction(_: TFormState, fd: FormData): Promise<TFormState> {
  return runAction(async () => {
    const { buildingId, ...input } = ZUpdateBuilding.parse(formObject(fd));
    await updateBuilding(await by(), buildingId, input);
    refresh();
    return { ok: true, message: await saved() };
  });
}

export async function saveHouseholdAction(_: TFormState, fd: FormData): Promise<TFormState> {
  return runAction(async () => {
    const input = ZHousehold.parse(formObject(fd));
    await saveHousehold(await by(), { ...input, areaCentiM2: input.area });
    refresh();
    return { ok: true, message: await saved() };
  });
}

export async function createBodyAction(_: TFormState, fd: FormData): Promise<TFormState> {
  return runAction(async () => {
    const input = ZBody.parse(formObject(fd));
    const compound = input.compoundId ? await getDb().compound.findUnique({ where: { id: input.compoundId }, select: { communityId: true } }) : null;
    const communityId = compound?.communityId ?? input.communityId ?? refuse('auth.forbidden');
    await createBody(await by(), {
      kind: input.kind, name: input.name, seats: input.seats, termStartsOn: input.termStartsOn, termEndsOn: input.termEndsOn,
      communityId: communityId!, compoundId: input.scope === 'compound' && compound ? input.compoundId : undefined,
    });
    refresh();
    return { ok: true, message: await saved() };
  });
}

export async function appointMemberAction(_: TFormState, fd: FormData): Promise<TFormState> {
  return runAction(async () => {
    await appointMember(await by(), ZAppoint.parse(formObject(fd)));
    refresh();
    return { ok: true, message: await saved() };
  });
}

export async function endMembershipAction(_: TFormState, fd: FormData): Promise<TFormState> {
  return runAction(async () => {
    await endMembership(await by(), ZEndMembership.parse(formObject(fd)));
    refresh();
    return { ok: true, message: await saved() };
  });
}

export async function savePartyMemberAction(_: TFormState, fd: FormData): Promise<TFormState> {
  return runAction(async () => {
    await savePartyMember(await by(), ZPartyMember.parse(formObject(fd)));
    revalidatePath('/[locale]/admin/party', 'page');
    return { ok: true, message: await saved() };
  });
}
