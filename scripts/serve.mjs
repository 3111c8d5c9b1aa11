// The production server: Next.js's request handler behind a plain Node HTTP server, so that the client's
// address comes from the socket (or from exactly YISHI_TRUSTED_PROXY_HOPS trusted reverse proxies) and
// never from a header the client wrote. `next start` keeps a client-sent X-Forwarded-For as it is.
import http from 'node:http';
import path from 'node:path';
import next from 'next';
import pg from 'pg';
import { clientAddress } from './client-address.mjs';
import { createPublicCache, listenForPublicChanges } from './public-cache.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const port = Number(process.env.PORT ?? 3000);
const hops = Number(process.env.YISHI_TRUSTED_PROXY_HOPS ?? 0);
const started = Date.now();

// Tells the app (same process) that x-yishi-client comes from here; without it the header is ignored.
process.env.YISHI_CLIENT_HEADER = 'trusted';
const app = next({ dev: false, dir: ROOT, port });
await app.prepare();
const handle = app.getRequestHandler();
// Public pages for anonymous visitors come from memory while the database can tell us they changed (decision 032).
const cache = createPublicCache({ ttlMs: Number(process.env.YISHI_PUBLIC_CACHE_TTL_MS ?? 60_000) });
const stopListening =
  process.env.YISHI_PUBLIC_CACHE !== 'off' && process.env.DATABASE_URL
    ? listenForPublicChanges(pg, process.env.DATABASE_URL, cache)
    : async () => {};
const server = http.createServer((req, res) => {
  // Overwritten on every request: the app reads the client's address only from here.
  req.headers['x-yishi-client'] = clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], hops);
  void cache.handle(req, res, handle);
});
server.keepAliveTimeout = 65_000;
// Node ends a request not received whole within 5 minutes; the fullest form (six 10 MB photos, decision 037) takes longer
// than that on a slow mobile link. Headers must still arrive within headersTimeout (60 s), which stops slow-header floods.
server.requestTimeout = 15 * 60_000;
server.listen(port, () => console.log(`Ready in ${Date.now() - started}ms on port ${port}`));
const stop = () => server.close(() => void stopListening().finally(() => process.exit(0)));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
