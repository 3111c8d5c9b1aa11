/** An error whose message is one sentence for the person starting the app: what is wrong, what to do. */
export class StartupError extends Error {
  override name = 'StartupError';
}
