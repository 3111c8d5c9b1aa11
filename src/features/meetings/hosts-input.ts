import { z } from 'zod';
import type { TMeetingKind } from '@/domain/meetings/meetings';

/**
 * The kind field of the schedule form: a built-in kind, or a district's type as `type:<id>` (decision 066); and the
 * ticked hosts of a joint meeting (`body:<id>` / `party:<id>`, a checkbox group, so read with getAll).
 */
export const ZTypeRef = z.string().regex(/^type:\d{1,9}$/, 'field.choice');

/** A type's meeting: its kind is the type's base kind, which the use case puts in place of this stand-in. */
export function typeOf(kind: string): { kind: TMeetingKind; typeId: number } | null {
  return kind.startsWith('type:') ? { kind: 'CONSULTATION', typeId: Number(kind.slice(5)) } : null;
}

const ZHost = z.string().regex(/^(body|party):\d{1,9}$/, 'field.choice');

export function hostsOf(form: FormData): { bodyId?: number; partyOrgId?: number }[] {
  return z
    .array(ZHost)
    .max(20, 'field.choice')
    .parse(form.getAll('hosts').filter((v) => typeof v === 'string' && v !== ''))
    .map((v) => {
      const [what, id] = v.split(':') as ['body' | 'party', string];
      return what === 'body' ? { bodyId: Number(id) } : { partyOrgId: Number(id) };
    });
}
