import 'server-only';
import { getTranslations } from 'next-intl/server';
import { refresh } from 'next/cache';
import { headers } from 'next/headers';
import type { z } from 'zod';
import type { TFormState } from '@/components/action-form';
import { can, scopesOf } from '@/domain/authz/can';
import type { TPermission } from '@/domain/authz/permissions';
import type { TUploadKind } from '@/domain/files/upload-limits';
import type { TAncestry } from '@/domain/territory/places';
import type { TBy } from '@/server/accounts/by';
import { clientOf } from '@/server/auth/client';
import { refuse } from '@/server/errors';
import { checkUpload } from '@/server/files/upload-check';
import { typedValues } from './typed-values';
import { runAction } from './action-result';
import { formObject } from './forms';
import { actionBy } from './guards';

/**
 * Every server action is a declared command (issue 16, decision 035): what it accepts, who may run it, on what,
 * and what it refreshes. One wrapper authenticates, parses, checks the permission matrix, runs the use case and
 * turns refusals into messages in the user's language. A lint rule refuses any other export from an actions file.
 *
 *  - `who`: a permission of the matrix (src/domain/authz/permissions.ts) or several (any of them), 'signed-in' (the use case decides from
 *    facts, e.g. one's own account) or 'public' (registration, codes).
 *  - `target`: the place the command acts on, as its ancestry, when it can be known from the input; the permission
 *    is then checked there with can(), otherwise the actor must hold it somewhere. The use case still checks the
 *    exact target inside its transaction (the row it locks may have moved meanwhile).
 *  - `refresh`: after a success, re-render the page the form sits on (only that page, in this locale), for forms
 *    whose page shows what they changed. Hot commands (a ballot, a new issue) return their result instead.
 */
export type TWho = TPermission | readonly TPermission[] | 'signed-in' | 'public';
/** A file as sent: its name (as the sender's device called it) and its bytes. */
export type TUpload = { name: string; bytes: Buffer };
export type TCommandContext = { form: FormData; files: Record<string, TUpload[]>; client: () => Promise<string> };
type TByOf<W extends TWho> = W extends 'public' ? TBy | null : TBy;

export type TCommand<W extends TWho, S extends z.ZodType, R> = {
  who: W;
  input: S;
  /**
   * File fields and their limits (src/domain/files/upload-limits.ts): refused over them with the message the browser
   * shows before sending, else read (empty parts dropped). The form's file inputs declare the same kind (FileField).
   */
  files?: Readonly<Record<string, TUploadKind>>;
  target?: (input: z.output<S>) => Promise<TAncestry | null>;
  run: (by: TByOf<W>, input: z.output<S>, ctx: TCommandContext) => Promise<R>;
  done?: (result: R, input: z.output<S>) => Promise<TFormState> | TFormState;
  refresh?: boolean;
};

export type TDeclaredAction = ((prev: TFormState, fd: FormData) => Promise<TFormState>) & { readonly declared: true };

/** Who acts: signed out is refused first (before the form is read), except for public commands. */
async function signedIn<W extends TWho>(spec: TCommand<W, z.ZodType, unknown>): Promise<TByOf<W>> {
  if (spec.who !== 'public') return (await actionBy()) as TByOf<W>;
  try {
    return (await actionBy()) as TByOf<W>;
  } catch {
    return null as TByOf<W>;
  }
}

/** Refuses anyone who holds none of the command's permissions anywhere — or, with `target`, at that place. */
async function permitted<W extends TWho>(spec: TCommand<W, z.ZodType, unknown>, by: TByOf<W>, input: unknown): Promise<void> {
  if (spec.who === 'public' || spec.who === 'signed-in' || !by) return;
  const permissions: readonly TPermission[] = typeof spec.who === 'string' ? [spec.who as TPermission] : spec.who;
  if (spec.target) {
    const ancestry = await spec.target(input as never);
    if (!ancestry || !permissions.some((p) => can(by.actor, p, { ancestry }, by.today))) refuse('auth.forbidden');
  } else if (!permissions.some((p) => scopesOf(by.actor, p, by.today).length > 0)) refuse('auth.forbidden');
}

async function readFiles(fd: FormData, fields: Readonly<Record<string, TUploadKind>> = {}): Promise<Record<string, TUpload[]>> {
  const out: Record<string, TUpload[]> = {};
  for (const [field, kind] of Object.entries(fields)) {
    const parts = fd.getAll(field).filter((f): f is File => f instanceof File && f.size > 0);
    checkUpload(
      kind,
      parts.map((f) => f.size),
    );
    out[field] = await Promise.all(parts.map(async (f) => ({ name: f.name, bytes: Buffer.from(await f.arrayBuffer()) })));
  }
  return out;
}

/** Declares a server action: `export const castAction = command({ who: 'vote.cast', input, run, done })`. */
export function command<W extends TWho, S extends z.ZodType, R>(spec: TCommand<W, S, R>): TDeclaredAction {
  const action = async (_prev: TFormState, fd: FormData): Promise<TFormState> => {
    const result = await runAction(async () => {
      const by = await signedIn(spec as TCommand<W, z.ZodType, unknown>);
      const input = spec.input.parse(formObject(fd)) as z.output<S>;
      await permitted(spec as TCommand<W, z.ZodType, unknown>, by, input);
      const ctx: TCommandContext = { form: fd, files: await readFiles(fd, spec.files), client: async () => clientOf(await headers()) };
      const result = await spec.run(by, input, ctx);
      if (spec.refresh) refresh();
      return (await spec.done?.(result, input)) ?? { ok: true };
    });
    return result.ok ? result : { ...result, values: typedValues(fd) };
  };
  return Object.assign(action, { declared: true as const });
}

/** A success message from a namespace of the catalogue, e.g. `say('votes.form', 'cast', { receipt })`. */
export async function say(
  namespace: string,
  key: string,
  values?: Record<string, string | number>,
): Promise<{ ok: true; message: string }> {
  const t = await getTranslations(namespace);
  return { ok: true, message: t(key as never, values as never) };
}
