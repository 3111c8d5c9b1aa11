import net from 'node:net';
import { StartupError } from './startup-error.ts';

/** Resolves when nothing listens on 127.0.0.1:port; otherwise throws one clear sentence. */
export function assertPortFree(port: number, what: string, envName: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', (e: NodeJS.ErrnoException) =>
      reject(
        new StartupError(
          e.code === 'EADDRINUSE'
            ? `Port ${port} is already in use, so the ${what} cannot listen on it: stop the program using it, or choose another port with ${envName}=<port>.`
            : `The ${what} cannot listen on port ${port} (${e.code ?? e.message}): choose another port with ${envName}=<port>.`,
        ),
      ),
    );
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => server.close(() => resolve()));
  });
}

/** A free TCP port chosen by the OS, for throwaway test servers. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const addr = server.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      server.close(() => resolve(port));
    });
  });
}
