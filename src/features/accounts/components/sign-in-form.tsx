'use client';
import { signIn } from 'next-auth/react';
import { useState, type FormEvent } from 'react';

/** Sign-in through next-auth's credentials endpoint; the same message for an unknown number and a wrong password. */
export function SignInForm({ t, next }: { t: Record<string, string>; next: string }) {
  const [message, setMessage] = useState('');
  const [pending, setPending] = useState(false);
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    setPending(true);
    setMessage('');
    const res = await signIn('credentials', { phone: fd.get('phone'), password: fd.get('password'), redirect: false });
    setPending(false);
    if (res?.ok && !res.error) {
      window.location.assign(next);
      return;
    }
    const limited = /^rate_limited:(\d+)/.exec(res?.error ?? '');
    setMessage(limited ? t.rateLimited!.replace('{minutes}', limited[1]!) : t.failed!);
  }
  return (
    <form onSubmit={submit} className="space-y-4">
      <div className="space-y-1">
        <label htmlFor="signin-phone" className="block text-lg font-medium">{t.phone}</label>
        <input id="signin-phone" name="phone" type="tel" inputMode="tel" autoComplete="username" required className="min-h-12 w-full rounded-lg border border-stone-400 bg-white px-3 text-lg" />
      </div>
      <div className="space-y-1">
        <label htmlFor="signin-password" className="block text-lg font-medium">{t.password}</label>
        <input id="signin-password" name="password" type="password" autoComplete="current-password" required className="min-h-12 w-full rounded-lg border border-stone-400 bg-white px-3 text-lg" />
      </div>
      <button type="submit" disabled={pending} className="min-h-12 w-full rounded-lg bg-brand-700 px-5 text-lg font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
        {pending ? t.working : t.submit}
      </button>
      <div role="status" aria-live="polite">
        {message && <p className="rounded-lg bg-red-50 p-3 text-lg text-red-900">{message}</p>}
      </div>
    </form>
  );
}

export function SignOutButton({ text, to }: { text: string; to: string }) {
  return (
    <button type="button" onClick={() => signOut(to)} className="min-h-12 rounded-lg border border-stone-400 bg-white px-5 text-lg hover:bg-stone-100">
      {text}
    </button>
  );
}

async function signOut(to: string) {
  const { signOut: nextAuthSignOut } = await import('next-auth/react');
  await nextAuthSignOut({ callbackUrl: to });
}
