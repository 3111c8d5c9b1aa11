import 'server-only';
import { refuse } from '@/server/errors';

/** What an earlier submission with the same key made, and who made it. */
export type TMadeWithKey<T> = { made: T; madeBy: number | null } | null;

/**
 * A form's submission made once per key (a double tap, or a retry after a lost answer, makes one):
 * a key already used returns what it made, to the same person; two taps racing past that check meet
 * the key's unique index, and the loser returns the winner's. Without a key (seed, jobs) it just makes.
 */
export async function once<T>(
  key: string | undefined,
  userId: number,
  find: (key: string) => Promise<TMadeWithKey<T>>,
  make: () => Promise<T>,
): Promise<T> {
  if (!key) return make();
  const sameMaker = (earlier: NonNullable<TMadeWithKey<T>>) => (earlier.madeBy === userId ? earlier.made : refuse('form.duplicateKey'));
  const done = await find(key);
  if (done) return sameMaker(done);
  try {
    return await make();
  } catch (e) {
    const first = (e as { code?: string }).code === 'P2002' ? await find(key) : null;
    if (first) return sameMaker(first);
    throw e;
  }
}
