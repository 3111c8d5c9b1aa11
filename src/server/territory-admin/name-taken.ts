import 'server-only';
import { refuse } from '@/server/errors';

/**
 * Places are unique by name within their parent (unique indexes). A check before writing tells the user; when two
 * requests pass it at once, the index stops the second, and this says the same thing instead of a database error.
 */
export async function nameTakenOnConflict<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if ((e as { code?: string }).code === 'P2002') refuse('place.nameTaken');
    throw e;
  }
}
