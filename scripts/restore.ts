/**
 * `npm run restore <backup> [--replace]`: brings an install back from a folder `npm run backup` wrote,
 * into YISHI_DATA_DIR (default ./.data). The app must be stopped. See docs/operations.md.
 */
import path from 'node:path';
import { ROOT } from './db/migrations.ts';
import { StartupError } from './db/startup-error.ts';
import { restoreBackup } from './backup/restore-backup.ts';

const say = (s: string) => console.log(`[yishi] ${s}`);
const args = process.argv.slice(2);
const from = args.find((a) => !a.startsWith('--'));
const unknown = args.filter((a) => a.startsWith('--') && a !== '--replace');
const dataDir = path.resolve(process.env.YISHI_DATA_DIR ?? path.join(ROOT, '.data'));

async function main() {
  if (!from || unknown.length)
    throw new StartupError('Usage: npm run restore -- <backup folder> [--replace] (the folder is one that npm run backup wrote).');
  await restoreBackup({ from, dataDir, replace: args.includes('--replace'), databaseUrl: process.env.DATABASE_URL, log: say });
}

main().catch((e: unknown) => {
  console.error(`[yishi] ${e instanceof StartupError ? e.message : `The restore failed: ${e instanceof Error ? e.message : String(e)}`}`);
  process.exit(1);
});
