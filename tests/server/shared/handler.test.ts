import { describe, expect, test, vi } from 'vitest';
import { z } from 'zod';
import { POST as care } from '@/app/api/care/route';
import { GET as locale } from '@/app/api/locale/route';
import { GET as attendance } from '@/app/api/meetings/[id]/attendance/route';
import { handler, ZRouteId } from '@/features/shared/handler';
import { refuse } from '@/server/errors';

/** Issue 16 (decision 035): route handlers are declared; the wrapper answers bad input, visitors and refusals as the routes did. */
const call = (route: (req: Request, ctx: never) => Promise<Response>, url: string, params: Record<string, string> = {}) =>
  route(new Request(url), { params: Promise.resolve(params) } as never);

describe('the wrapper', () => {
  const echo = handler({ who: 'public', input: z.object({ id: ZRouteId }), run: async (_, { id }) => Response.json({ id }) });

  test('path parameters are parsed; a malformed one is answered 404 before anything runs', async () => {
    expect(await (await call(echo, 'http://x/api/e/12', { id: '12' })).json()).toEqual({ id: 12 });
    expect((await call(echo, 'http://x/api/e/x', { id: '1x' })).status).toBe(404);
  });

  test('a refusal is a 404, unless the route answers it itself; an unexpected error is logged and a 500', async () => {
    const refused = handler({ who: 'public', run: async () => refuse('auth.forbidden') });
    expect((await call(refused, 'http://x/')).status).toBe(404);
    const own = handler({
      who: 'public',
      run: async () => refuse('auth.forbidden'),
      refused: (e) => new Response(e.code, { status: 503 }),
    });
    expect([(await call(own, 'http://x/')).status, await (await call(own, 'http://x/')).text()]).toEqual([503, 'auth.forbidden']);
    const log = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const broken = handler({
      who: 'public',
      run: async () => {
        throw new Error('bug');
      },
    });
    expect((await call(broken, 'http://x/')).status).toBe(500);
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });

  test('a signed-in route answers a visitor without a session 404, like an unknown id', async () => {
    expect((await call(attendance, 'http://x/api/meetings/1/attendance', { id: '1' })).status).toBe(404);
  });
});

describe('the language switch', () => {
  test('a known language and a path on this site: 303 with the cookie; anything else 400', async () => {
    const r = await call(locale, 'http://x/api/locale?to=en&next=%2Fboard');
    expect([r.status, r.headers.get('location'), r.headers.get('set-cookie')?.split(';')[0]]).toEqual([303, '/en/board', 'YISHI_LANG=en']);
    expect((await call(locale, 'http://x/api/locale?to=fr&next=%2F')).status).toBe(400);
    expect((await call(locale, 'http://x/api/locale?to=en&next=https%3A%2F%2Fevil.example')).status).toBe(400);
  });

  test('a switch link opened from outside (shared in a chat) shows that page in English but remembers nothing', async () => {
    const from = (site: string) =>
      locale(new Request('http://x/api/locale?to=en&next=%2Fboard', { headers: { 'sec-fetch-site': site } }), {
        params: Promise.resolve({}),
      } as never);
    for (const site of ['cross-site', 'none', 'same-site']) {
      const r = await from(site);
      expect([r.status, r.headers.get('location'), r.headers.get('set-cookie')], site).toEqual([303, '/en/board', null]);
    }
    expect((await from('same-origin')).headers.get('set-cookie')?.split(';')[0]).toBe('YISHI_LANG=en');
  });
});

describe('the 大字 mode switch (decision 058)', () => {
  const post = (url: string) => care(new Request(url, { method: 'POST' }), { params: Promise.resolve({}) } as never);
  test('on and off for this device, back to the page; a path off this site or a bad value: 400', async () => {
    const on = await post('http://x/api/care?on=1&next=%2Fplaces%3Fq%3Djysq');
    expect([on.status, on.headers.get('location'), on.headers.get('set-cookie')]).toEqual([
      303,
      '/places?q=jysq',
      'YISHI_CARE=1; Path=/; Max-Age=31536000; SameSite=Lax',
    ]);
    const off = await post('http://x/api/care?on=0&next=%2F');
    expect(off.headers.get('set-cookie')).toBe('YISHI_CARE=; Path=/; Max-Age=0; SameSite=Lax');
    expect((await post('http://x/api/care?on=1&next=%2F%2Fevil.example')).status).toBe(400);
    expect((await post('http://x/api/care?on=2&next=%2F')).status).toBe(400);
  });
});
