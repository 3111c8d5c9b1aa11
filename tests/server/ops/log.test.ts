import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { handler } from '@/features/shared/handler';
import { onRequestError } from '@/instrumentation';
import { getDb } from '@/server/db';
import { JOBS } from '@/server/jobs/runs';
import { runJob } from '@/server/log';
import { ESCALATION_QUEUE } from '@/server/jobs/queues';
import { createPerson } from '../../factories/people';

vi.mock('next-intl/server', () => ({ getTranslations: async () => Object.assign((k: string) => k, { has: () => true }) }));
const { runAction } = await import('@/features/shared/action-result');

/** Issue 17, item 8: one JSON line on stdout per job run and per request error, with nothing about people in it. */
const NAME = '王秀英';
const PHONE = '13912345678';

function captured() {
  const lines: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => (lines.push(String(chunk)), true));
  return { lines: () => (spy.mockRestore(), lines.join('').split('\n').filter(Boolean)) };
}

/** A Prisma error whose message quotes the data it was given — a name and a phone, as a bug might send them. */
const leakyError = () => getDb().person.create({ data: { name: NAME, phone: PHONE, nonsense: true } as never });

beforeAll(async () => {
  await createPerson(getDb(), { name: NAME, phone: PHONE });
});
afterEach(() => vi.restoreAllMocks());

describe('job runs', () => {
  test('a run is one JSON line: the job, its duration, ok and its counts', async () => {
    const out = captured();
    await runJob(ESCALATION_QUEUE, JOBS[ESCALATION_QUEUE]!);
    const lines = out.lines();
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]!);
    expect(line).toMatchObject({ level: 'info', event: 'job', job: ESCALATION_QUEUE, ok: true, counts: { escalated: 0, reminded: 0 } });
    expect(typeof line.ms).toBe('number');
    expect(Date.parse(line.time)).toBeGreaterThan(0);
  });

  test('a failed run is one line too, rethrown for the queue to retry, without the message that quoted a person', async () => {
    const out = captured();
    await expect(runJob('some-job', leakyError as never)).rejects.toThrow(PHONE);
    const lines = out.lines();
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      level: 'error',
      event: 'job',
      job: 'some-job',
      ok: false,
      error: 'PrismaClientValidationError',
    });
    expect(lines[0]).not.toContain(PHONE);
    expect(lines[0]).not.toContain(NAME);
  });
});

describe('request errors', () => {
  test('an unexpected error in a route: a 500 and one JSON line with the route, ids masked, no personal data', async () => {
    const route = handler({ who: 'public', run: async () => (await leakyError(), new Response()) });
    const out = captured();
    const r = await route(new Request(`http://x/api/people/478213965/card?phone=${PHONE}`), { params: Promise.resolve({}) });
    const lines = out.lines();
    expect(r.status).toBe(500);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      level: 'error',
      event: 'request.error',
      kind: 'route',
      method: 'GET',
      route: '/api/people/:id/card',
    });
    for (const secret of [PHONE, NAME, '478213965']) expect(lines[0]).not.toContain(secret);
  });

  test('an unexpected error in a server action: the translated message and one JSON line', async () => {
    const out = captured();
    const r = await runAction(async () => (await leakyError(), { ok: true }));
    const lines = out.lines();
    expect(r).toEqual({ ok: false, message: 'unexpected' });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      level: 'error',
      event: 'request.error',
      kind: 'action',
      error: 'PrismaClientValidationError',
    });
    for (const secret of [PHONE, NAME]) expect(lines[0]).not.toContain(secret);
  });

  test('a page that fails to render: one line with the route pattern and the digest the error page shows', async () => {
    const out = captured();
    const error = Object.assign(new Error(`no household for ${PHONE}`), { digest: '1234567890' });
    await onRequestError(
      error,
      { path: `/zh-CN/issues/581294637?q=${NAME}`, method: 'GET', headers: {} },
      {
        routerKind: 'App Router',
        routePath: '/[locale]/issues/[id]',
        routeType: 'render',
        revalidateReason: undefined,
      },
    );
    const lines = out.lines();
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      event: 'request.error',
      kind: 'render',
      route: '/[locale]/issues/[id]',
      digest: '1234567890',
    });
    for (const secret of [PHONE, NAME, '581294637']) expect(lines[0]).not.toContain(secret);
  });
});
