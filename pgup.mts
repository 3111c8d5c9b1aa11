import { startEmbeddedPostgres } from './scripts/db/embedded.ts';
const db = await startEmbeddedPostgres({ dataDir: '/work/main/.data/pg', port: 5433, persistent: true });
console.log(db.url);
process.on('SIGTERM', async () => { await db.stop(); process.exit(0); });
setInterval(() => {}, 1 << 30);
