'use client';

/**
 * Sign-in posts the form to /api/signin (method="post"): it works the same before the page's JavaScript has
 * loaded or without it, and the password never reaches the address bar. A refusal comes back as a code in
 * the address (never the number or the password); the same message for an unknown number and a wrong password.
 */
export function SignInForm({
  t,
  next,
  form,
  error,
  minutes,
}: {
  t: Record<string, string>;
  next: string;
  form: string;
  error?: string;
  minutes?: string;
}) {
  const message =
    error === 'limited'
      ? t.rateLimited!.replace('{minutes}', minutes ?? '15')
      : error === 'unavailable'
        ? t.unavailable
        : error
          ? t.failed
          : '';
  return (
    <form method="post" action="/api/signin" className="space-y-4">
      <input type="hidden" name="next" value={next} />
      <input type="hidden" name="form" value={form} />
      <div className="space-y-1">
        <label htmlFor="signin-phone" className="block text-lg font-medium">
          {t.phone}
        </label>
        <input
          id="signin-phone"
          name="phone"
          type="tel"
          inputMode="tel"
          autoComplete="username"
          required
          aria-invalid={message ? true : undefined}
          className="min-h-12 w-full rounded-lg border border-stone-400 bg-white px-3 text-lg"
        />
      </div>
      <div className="space-y-1">
        <label htmlFor="signin-password" className="block text-lg font-medium">
          {t.password}
        </label>
        <input
          id="signin-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="min-h-12 w-full rounded-lg border border-stone-400 bg-white px-3 text-lg"
        />
      </div>
      <button
        type="submit"
        className="min-h-12 w-full rounded-lg bg-brand-700 px-5 text-lg font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {t.submit}
      </button>
      <div role="status" aria-live="polite">
        {message && <p className="rounded-lg bg-red-50 p-3 text-lg text-red-900">{message}</p>}
      </div>
    </form>
  );
}

/**
 * Sign-out posts to /api/signout (method="post"), with or without JavaScript: every session of the account ends
 * there, not only this browser's cookie (decision 031).
 */
export function SignOutButton({ text, to }: { text: string; to: string }) {
  return (
    <form method="post" action="/api/signout">
      <input type="hidden" name="to" value={to} />
      <button type="submit" className="min-h-12 rounded-lg border border-stone-400 bg-white px-5 text-lg hover:bg-stone-100">
        {text}
      </button>
    </form>
  );
}
