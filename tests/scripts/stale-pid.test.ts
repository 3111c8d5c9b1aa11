import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { runningClusterPort } from '../../scripts/db/local-database.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'yishi-stale-pid-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// After a crash or a reboot, postmaster.pid may name a process number another program now has: a restore (when it
// is most needed) must not refuse, saying the database is running.
test('a postmaster.pid naming a live process that is not PostgreSQL does not count as a running database', () => {
  writeFileSync(path.join(dir, 'postmaster.pid'), `${process.pid}\n${dir}\n1764700000\n5999\n/tmp\n127.0.0.1\n`);
  expect(runningClusterPort(dir)).toBeNull();
});
