// Runs once when a Next.js server starts: the background jobs live in the app's own process.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { startJobs } = await import('./server/jobs/start-jobs');
    await startJobs()?.catch((e: unknown) => console.error('[jobs] could not start', e));
  }
}
