import { z } from 'zod';
import { safeNext } from '@/domain/shared/safe-next';
import { handler } from '@/features/shared/handler';
import { CARE_COOKIE } from '@/lib/care-mode';

const ZCare = z.object({
  on: z.enum(['0', '1']),
  next: z
    .string()
    .default('/')
    .refine((next) => safeNext(next, '') === next),
});

/**
 * Turns the 大字/关怀 mode on or off for this device: a plain form POST (works without JavaScript), then back to the
 * page it was sent from. Only paths on this site are followed. Nothing is written but the cookie.
 */
export const POST = handler({
  who: 'public',
  input: ZCare,
  invalid: () => new Response('Bad request', { status: 400 }),
  run: async (_, { on, next }) => {
    const cookie = on === '1' ? `${CARE_COOKIE.name}=1; Path=/; Max-Age=${CARE_COOKIE.maxAge}` : `${CARE_COOKIE.name}=; Path=/; Max-Age=0`;
    return new Response(null, { status: 303, headers: { Location: next, 'Set-Cookie': `${cookie}; SameSite=Lax` } });
  },
});
