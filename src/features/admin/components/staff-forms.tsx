'use client';
import { ActionForm, Field, SubmitButton } from '@/components/action-form';
import { createStaffAction, revokeGrantAction } from '../actions';

export function StaffForm({
  t,
  roles,
  places,
}: {
  t: Record<string, string>;
  roles: { value: string; label: string }[];
  places: { value: string; label: string }[];
}) {
  const select = 'min-h-12 w-full rounded-lg border border-stone-400 bg-white px-3 text-lg';
  return (
    <ActionForm action={createStaffAction}>
      {(s) => (
        <>
          <Field name="name" label={t.name!} state={s} />
          <Field name="phone" label={t.phone!} type="tel" inputMode="tel" state={s} />
          <div className="space-y-1">
            <label htmlFor="role" className="block text-lg font-medium">
              {t.role}
            </label>
            <select id="role" name="role" className={select}>
              {roles.map((r) => (
                <option key={r.value} value={r.value}>
                  {r.label}
                </option>
              ))}
            </select>
          </div>
          <div className="space-y-1">
            <label htmlFor="place" className="block text-lg font-medium">
              {t.place}
            </label>
            <select id="place" name="place" className={select}>
              {places.map((p) => (
                <option key={p.value} value={p.value}>
                  {p.label}
                </option>
              ))}
            </select>
          </div>
          <SubmitButton>{t.create}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function RevokeButton({ grantId, text }: { grantId: number; text: string }) {
  return (
    <ActionForm action={revokeGrantAction} className="inline">
      {() => (
        <>
          <input type="hidden" name="grantId" value={grantId} />
          <button className="min-h-11 rounded-lg border border-red-800 px-3 text-base text-red-800">{text}</button>
        </>
      )}
    </ActionForm>
  );
}
