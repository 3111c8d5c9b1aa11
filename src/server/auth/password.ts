import 'server-only';
import bcrypt from 'bcryptjs';

const COST = 10;
/** A hash of a random password, compared against when no account matches, so both paths take as long. */
const DUMMY_HASH = '$2b$10$CwTycUXWue0Thq9StjUM0uJ8.eRvbdCw0bXlYAEIrqZk5p2ZlHn3u';

export const hashPassword = (password: string) => bcrypt.hash(password, COST);

export async function verifyPassword(password: string, hash: string | null): Promise<boolean> {
  const ok = await bcrypt.compare(password, hash ?? DUMMY_HASH);
  return hash !== null && ok;
}
