/**
 * `npm run backup [folder]`: a consistent backup of the database and the uploaded files into
 * <folder>/yishi-backup-<UTC time> (folder: YISHI_BACKUP_DIR, default ./backups). See docs/operations.md.
 */
import path from 'node:path';
import { ROOT } from './db/migrations.ts';
import { StartupError } from './db/startup-error.ts';
import { makeBackup } from './backup/make-backup.ts';

const say = (s: string) => console.log(`[yishi] ${s}`);
const into = path.resolve(process.argv[2] ?? process.env.YISHI_BACKUP_DIR ?? path.join(ROOT, 'backups'));
const dataDir = path.resolve(process.env.YISHI_DATA_DIR ?? path.join(ROOT, '.data'));

makeBackup({ dataDir, into, databaseUrl: process.env.DATABASE_URL, log: say }).catch((e: unknown) => {
  console.error(`[yishi] ${e instanceof StartupError ? e.message : `The backup failed: ${e instanceof Error ? e.message : String(e)}`}`);
  process.exit(1);
});
