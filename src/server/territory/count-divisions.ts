import 'server-only';
import { getDb } from '@/server/db';

export async function countDivisions() {
  const db = getDb();
  const [districts, streets, communities] = await Promise.all([db.district.count(), db.street.count(), db.community.count()]);
  return { districts, streets, communities };
}
