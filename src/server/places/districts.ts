import 'server-only';
import { getDb } from '@/server/db';

/** Districts by id (e.g. those an admin's scopes name), in id order, for choosing one on a settings page. */
export async function districtsByIds(ids: number[]): Promise<{ id: number; code: string; name: string }[]> {
  return getDb().district.findMany({ where: { id: { in: ids } }, orderBy: { id: 'asc' }, select: { id: true, code: true, name: true } });
}
