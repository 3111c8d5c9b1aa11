'use client';
import { ActionForm, Field, FormKey, Select, SubmitButton } from '@/components/action-form';
import { openElectionAction } from '../nominate-actions';

type TOption = { value: string; label: string };

/**
 * 发起选举 at one community (decision 069). Electorate, rule and ballot start unchosen (they decide who votes and who
 * wins); the place's parts are offered from the community's own compounds, buildings, bodies, organisations and meetings.
 */
export function OpenElectionForm({
  t,
  communityId,
  compounds,
  buildings,
  bodies,
  partyOrgs,
  meetings,
  electorates,
  rules,
  viewHref,
}: {
  t: Record<string, string>;
  communityId: number;
  compounds: TOption[];
  buildings: TOption[];
  bodies: TOption[];
  partyOrgs: TOption[];
  meetings: TOption[];
  electorates: TOption[];
  rules: TOption[];
  viewHref: string;
}) {
  const ballots = [
    { value: 'SECRET', label: t.ballotSECRET! },
    { value: 'OPEN', label: t.ballotOPEN! },
  ];
  return (
    <ActionForm
      action={openElectionAction}
      result={(s) =>
        s.ok && s.data ? (
          <a
            href={viewHref.replace('ID', String((s.data as { id: number }).id))}
            className="mt-2 inline-flex min-h-12 items-center text-lg font-semibold text-brand-700 underline"
          >
            {t.open}
          </a>
        ) : null
      }
    >
      {(state) => (
        <>
          <FormKey state={state} />
          <input type="hidden" name="communityId" value={communityId} />
          <Field name="title" label={t.titleField!} state={state} />
          <Select name="compoundId" label={t.compound!} options={[{ value: '', label: t.wholeCommunity! }, ...compounds]} state={state} />
          <Select name="buildingId" label={t.building!} options={[{ value: '', label: t.allBuildings! }, ...buildings]} state={state} />
          <Select name="bodyId" label={t.body!} options={[{ value: '', label: t.noBody! }, ...bodies]} state={state} />
          <Field name="post" label={t.post!} state={state} required={false} />
          <Field name="seats" label={t.seats!} state={state} inputMode="numeric" />
          <Field name="maxChoices" label={t.maxChoices!} state={state} inputMode="numeric" required={false} />
          <Select name="electorate" label={t.electorate!} options={electorates} state={state} placeholder={t.choose} />
          <Select name="partyOrgId" label={t.partyOrg!} options={partyOrgs} state={state} placeholder={t.choose} />
          <p className="text-base text-stone-700">{t.ruleHint}</p>
          <Select name="rule" label={t.rule!} options={rules} state={state} placeholder={t.choose} />
          <p className="text-base text-stone-700">{t.ballotHint}</p>
          <Select name="ballot" label={t.ballot!} options={ballots} state={state} placeholder={t.choose} />
          <Field name="secondersNeeded" label={t.secondersNeeded!} state={state} inputMode="numeric" />
          <Field name="nominationEndsAt" label={t.nominationEndsAt!} type="datetime-local" state={state} />
          <Field name="publicityDays" label={t.publicityDays!} state={state} inputMode="numeric" />
          <Field name="votingStartsAt" label={t.votingStartsAt!} type="datetime-local" state={state} required={false} />
          <Field name="votingEndsAt" label={t.votingEndsAt!} type="datetime-local" state={state} required={false} />
          <Select name="meetingId" label={t.meeting!} options={[{ value: '', label: t.noMeeting! }, ...meetings]} state={state} />
          <Field name="termStartsOn" label={t.termStartsOn!} type="date" state={state} />
          <Field name="termEndsOn" label={t.termEndsOn!} type="date" state={state} />
          <SubmitButton>{t.submit}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
