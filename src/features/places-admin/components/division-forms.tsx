'use client';
import { ActionForm, Field, Select, SubmitButton } from '@/components/action-form';
import { createCommunityAction, createStreetAction, renameStreetAction, updateCommunityAction } from '../actions';

// Streets and communities set up by hand (decision 046): one small form each, posted without JavaScript too.
type T = Record<string, string>;
type TOption = { value: string; label: string };
const kinds = (t: T) => ['URBAN', 'VILLAGE'].map((k) => ({ value: k, label: t[`kind${k}`]! }));

export function StreetForm({ t, districts, street }: { t: T; districts?: TOption[]; street?: { id: number; name: string } }) {
  return (
    <ActionForm action={street ? renameStreetAction : createStreetAction} className="space-y-2">
      {(s) => (
        <>
          {street ? (
            <input type="hidden" name="streetId" value={street.id} />
          ) : districts && districts.length > 1 ? (
            <Select name="districtId" label={t.district!} options={districts} state={s} />
          ) : (
            <input type="hidden" name="districtId" value={districts?.[0]?.value} />
          )}
          <Field name="name" label={t.streetName!} state={s} defaultValue={street?.name} />
          <SubmitButton>{street ? t.rename : t.createStreet}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function CommunityForm({
  t,
  streets,
  community,
}: {
  t: T;
  streets?: TOption[];
  community?: { id: number; name: string; kind: string };
}) {
  return (
    <ActionForm action={community ? updateCommunityAction : createCommunityAction} className="space-y-2">
      {(s) => (
        <>
          {community ? (
            <input type="hidden" name="communityId" value={community.id} />
          ) : (
            <Select name="streetId" label={t.street!} options={streets ?? []} state={s} />
          )}
          <Field name="name" label={t.communityName!} state={s} defaultValue={community?.name} />
          <Select name="kind" label={t.communityKind!} options={kinds(t)} state={s} defaultValue={community?.kind ?? 'URBAN'} />
          <SubmitButton>{community ? t.rename : t.createCommunity}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
