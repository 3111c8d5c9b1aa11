import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { GET as icsFeed } from '@/app/api/meetings/c/[code]/calendar.ics/route';
import { GET as noticePdfRoute } from '@/app/api/notices/[id]/pdf/route';
import { publicUrl, readEnv } from '@/env';
import { sendPendingEmails } from '@/server/mail/outbox';
import { createMeeting } from '../../factories/meetings';
import { world } from '../accounts/support';

/**
 * Issue 17, item 4: behind the reverse proxy the README prescribes, the request reaches the app as
 * http://localhost:3100 with the proxy's X-Forwarded-* headers. Every absolute link must carry YISHI_PUBLIC_URL.
 */
const rendered: { url?: string } = {};
vi.mock('@/server/notices/print', () => ({
  noticePdf: async (_n: unknown, url: string) => {
    rendered.url = url;
    return Buffer.from('%PDF-1.4');
  },
}));
vi.mock('@/server/notices/read-board', () => ({ getNoticeView: async (id: number) => ({ id, title: '公示' }) }));

const SITE = 'https://yishi.example.gov.cn';
const proxied = (path: string) =>
  new Request(`http://localhost:3100${path}`, {
    headers: { host: 'localhost:3100', 'x-forwarded-host': 'intranet-gw:8443', 'x-forwarded-proto': 'http', 'x-forwarded-for': '10.0.0.9' },
  });
const before = process.env.YISHI_PUBLIC_URL;
let w: Awaited<ReturnType<typeof world>>;
beforeAll(async () => {
  process.env.YISHI_PUBLIC_URL = `${SITE}/`;
  w = await world();
});
afterAll(() => {
  process.env.YISHI_PUBLIC_URL = before;
});

describe('YISHI_PUBLIC_URL is checked when read', () => {
  test.each([
    'yishi.example.gov.cn',
    'ftp://yishi.example.gov.cn',
    '/board',
    'https://yishi.example.gov.cn/?x=1',
    'https://u:p@yishi.example.gov.cn',
  ])('%s is refused in one sentence naming the variable', (value) => {
    expect(() => readEnv({ ...process.env, YISHI_PUBLIC_URL: value })).toThrow(
      /^YISHI_PUBLIC_URL must be the absolute http\(s\) address residents reach the app at, such as https:\/\/yishi\.example\.gov\.cn \(it is "[^"]+"\)\.$/,
    );
  });

  test('a trailing slash is dropped, so links never hold "//"', () => {
    expect(readEnv({ ...process.env, YISHI_PUBLIC_URL: 'https://yishi.example.gov.cn:8443/' }).YISHI_PUBLIC_URL).toBe(
      'https://yishi.example.gov.cn:8443',
    );
    expect(publicUrl('/board/n/7')).toBe(`${SITE}/board/n/7`);
  });
});

describe('links built behind a proxy carry the public address, not the request’s', () => {
  test('the .ics feed’s event URLs', async () => {
    const m = await createMeeting(w.db, {
      kind: 'COUNCIL',
      title: '议事会例会',
      communityId: w.tanghu.id,
      startsAt: new Date(Date.now() + 3 * 86_400_000),
      minutes: 60,
      location: '党群服务中心',
      createdById: w.staff.jinyangSecretary.id,
    });
    const res = await icsFeed(proxied('/api/meetings/c/510116001001/calendar.ics'), {
      params: Promise.resolve({ code: '510116001001' }),
    } as never);
    const text = (await res.text()).replace(/\r\n[ \t]/g, '');
    expect(text).toContain(`URL:${SITE}/meetings/${m.id}`);
    expect(text).not.toMatch(/localhost|intranet-gw/);
  });

  test('the notice PDF’s QR code', async () => {
    const res = await noticePdfRoute(proxied('/api/notices/41/pdf'), { params: Promise.resolve({ id: '41' }) } as never);
    expect(res.status).toBe(200);
    expect(rendered.url).toBe(`${SITE}/board/n/41`);
  });
});

describe('e-mail links', () => {
  test('a notification’s e-mail links to the public address', async () => {
    const user = await w.db.user.update({ where: { id: w.staff.jinyangSecretary.id }, data: { email: 'liu@example.cn' } });
    await w.db.notification.create({
      data: {
        userId: user.id,
        kind: 'meeting.reminder',
        title: '明天开会',
        body: '党群服务中心',
        link: '/meetings/5',
      },
    });
    const sent: { text?: string }[] = [];
    const transport = { sendMail: async (m: { text?: string }) => (sent.push(m), { messageId: 'm1' }) };
    vi.spyOn(console, 'info').mockImplementation(() => undefined);
    await sendPendingEmails(50, transport as never);
    expect(sent.map((m) => m.text).join('\n')).toContain(`${SITE}/meetings/5`);
  });
});
