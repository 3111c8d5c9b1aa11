// The production server: Next.js's request handler behind a plain Node HTTP server, so that the client's
// address comes from the socket (or from exactly YISHI_TRUSTED_PROXY_HOPS trusted reverse proxies) and
// never from a header the client wrote. `next start` keeps a client-sent X-Forwarded-For as it is.
import http from 'node:http';
import path from 'node:path';
import next from 'next';
import { clientAddress } from './client-address.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const port = Number(process.env.PORT ?? 3000);
const hops = Number(process.env.YISHI_TRUSTED_PROXY_HOPS ?? 0);
const started = Date.now();

// Tells the app (same process) that x-yishi-client comes from here; without it the header is ignored.
process.env.YISHI_CLIENT_HEADER = 'trusted';
const app = next({ dev: false, dir: ROOT, port });
await app.prepare();
const handle = app.getRequestHandler();
const server = http.createServer((req, res) => {
  // Overwritten on every request: the app reads the client's address only from here.
  req.headers['x-yishi-client'] = clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], hops);
  void handle(req, res);
});
server.keepAliveTimeout = 65_000;
server.listen(port, () => console.log(`Ready in ${Date.now() - started}ms on port ${port}`));
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
