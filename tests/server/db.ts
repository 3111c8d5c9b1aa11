import { getDb } from '@/server/db';

/** The per-file test database (see tests/setup/file-db.ts). */
export const testDb = () => getDb();
