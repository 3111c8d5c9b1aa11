/**
 * `npm start`: one command from a fresh clone to a served app.
 *  1. DATABASE_URL set → use that PostgreSQL; otherwise start the embedded one (data in .data/pg).
 *  2. Apply migrations, load the divisions and, on first start, the demo data.
 *  3. Build the app if the sources changed since the last build.
 *  4. Serve on PORT (3000) until Ctrl-C, then stop the app and PostgreSQL cleanly.
 * Environment: see README "Configuration".
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { startEmbeddedPostgres, type RunningDatabase } from './db/embedded.ts';
import { ROOT } from './db/migrations.ts';
import { assertPortFree } from './db/port.ts';
import { StartupError } from './db/startup-error.ts';
import { buildIfNeeded } from './build-if-needed.ts';
import { prepareDatabase } from './prepare-database.ts';
import { ensureSecret } from './secret.ts';
import { DEMO_LOGINS } from '../prisma/seed/logins.ts';
import { parsePublicUrl, sessionUrl } from '../src/lib/public-url.ts';

const port = Number(process.env.PORT ?? 3000);
const dataDir = path.resolve(process.env.YISHI_DATA_DIR ?? path.join(ROOT, '.data'));
const ephemeral = process.env.YISHI_EPHEMERAL === '1';
const demo = (process.env.YISHI_DEMO ?? 'on') !== 'off';
const say = (s: string) => console.log(`[yishi] ${s}`);

let database: RunningDatabase | undefined;
let app: ChildProcess | undefined;
let stopping = false;

async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  if (app && app.exitCode === null) {
    app.kill('SIGTERM');
    await new Promise((r) => app!.once('exit', r));
  }
  if (database) {
    say('stopping PostgreSQL…');
    await database.stop().catch(() => {});
  }
  if (ephemeral) rmSync(dataDir, { recursive: true, force: true });
  process.exit(code);
}

async function main() {
  // A real install prints notices with QR codes and sends links: they must carry the site's own address.
  if (!demo && !process.env.YISHI_PUBLIC_URL) {
    throw new StartupError(
      'Set YISHI_PUBLIC_URL to the address residents reach the app at (for example https://yishi.example.gov.cn): printed notices, QR codes and e-mails carry it.',
    );
  }
  const publicUrl = process.env.YISHI_PUBLIC_URL && parsePublicUrl(process.env.YISHI_PUBLIC_URL);
  if (publicUrl && 'error' in publicUrl) throw new StartupError(publicUrl.error);
  await assertPortFree(port, 'app', 'PORT');
  if (process.env.DATABASE_URL) {
    database = undefined;
    say('using the PostgreSQL at DATABASE_URL');
  } else {
    const pgPort = Number(process.env.YISHI_PG_PORT ?? 5433);
    say(`starting the embedded PostgreSQL (data in ${path.relative(ROOT, path.join(dataDir, 'pg')) || dataDir}, port ${pgPort})…`);
    database = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'pg'), port: pgPort, persistent: true });
  }
  const url = process.env.DATABASE_URL ?? database!.url;
  await prepareDatabase(url, { demo, log: say });
  await buildIfNeeded(say);

  const env = {
    ...process.env,
    DATABASE_URL: url,
    YISHI_DATA_DIR: dataDir,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? ensureSecret(dataDir),
    NEXTAUTH_URL: sessionUrl({ NEXTAUTH_URL: process.env.NEXTAUTH_URL, YISHI_PUBLIC_URL: publicUrl ? publicUrl.origin : undefined }, port),
    NODE_ENV: 'production' as const,
    PORT: String(port),
    YISHI_PUBLIC_URL: process.env.YISHI_PUBLIC_URL ?? `http://localhost:${port}`,
    // Demo only, with no SMS gateway: one-time codes (registration) are written to a file in the data folder
    // so that someone trying the demo can register (decision 030). A real install runs with YISHI_DEMO=off.
    ...(demo && !process.env.YISHI_CODE_OUTBOX ? { YISHI_CODE_OUTBOX: path.join(dataDir, 'code-outbox.jsonl') } : {}),
    NEXT_TELEMETRY_DISABLED: '1',
  };
  // The server (Next's handler behind our own HTTP server: scripts/serve.mjs) as a direct child, no shell,
  // so that signals reach it and nothing is orphaned.
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts/serve.mjs')], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  app = child;
  child.stdout!.on('data', (chunk: Buffer) => {
    const text = chunk.toString();
    process.stdout.write(text);
    if (/Ready in|started server on/i.test(text)) {
      say(`Yishi 议事 is running: http://localhost:${port}`);
      if (demo) {
        say(`demo: one-time codes for registration are written to ${path.join(dataDir, 'code-outbox.jsonl')} (no SMS gateway)`);
        say('demo logins (password for all: ' + DEMO_LOGINS.password + '):');
        for (const l of DEMO_LOGINS.accounts) say(`  ${l.phone}  ${l.label}`);
      }
      say('press Ctrl-C to stop');
    }
  });
  child.on('exit', (code) => {
    if (!stopping) {
      say(`the app stopped (exit code ${code ?? 'signal'})`);
      void stop(code ?? 1);
    }
  });
}

process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
process.on('SIGHUP', () => void stop(0)); // a closed terminal: stop cleanly, PostgreSQL too

main().catch(async (e: unknown) => {
  console.error(e instanceof StartupError ? `\n[yishi] ${e.message}\n` : e);
  await stop(1);
});
