// Builds the app if its sources changed since the last build (as `npm start` does before serving).
// `npm test` runs it in the background while the other checks run, so that the end-to-end tests' server finds it built.
import { buildIfNeeded } from './build-if-needed.ts';
import { StartupError } from './db/startup-error.ts';

try {
  await buildIfNeeded((s) => console.log(`[build] ${s}`));
} catch (e) {
  console.error(e instanceof StartupError ? e.message : e);
  process.exit(1);
}
