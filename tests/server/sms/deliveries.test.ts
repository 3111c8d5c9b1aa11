import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { CHANNEL_DEFAULT, NOTIFY_GROUPS } from '@/domain/messages/channels';
import { getMyChannels, setMyChannels } from '@/server/accounts/channel-choices';
import { emailSender } from '@/server/mail/outbox';
import { sendDigests } from '@/server/messages/digest';
import { sendPendingDeliveries } from '@/server/messages/deliveries';
import { aliyunTransport } from '@/server/sms/aliyun';
import { applySmsReports } from '@/server/sms/reports';
import { smsSender } from '@/server/sms/sender';
import { logTransport } from '@/server/sms/transport';
import { tencentTransport } from '@/server/sms/tencent';
import { createUser } from '../../factories/accounts';
import { byUser, world } from '../accounts/support';
import { fakeAliyun, fakeTencent, type TFake } from './fake-providers';

const templates = { NOTIFY: 'SMS_1', CODE: 'SMS_2', DIGEST: 'SMS_3' };
let w: Awaited<ReturnType<typeof world>>;
let ali: TFake;
let tc: TFake;
beforeAll(async () => {
  w = await world();
  [ali, tc] = await Promise.all([fakeAliyun({ LTAIyishi: 'ali-secret' }, 100), fakeTencent({ AKIDyishi: 'tc-secret' })]);
});
afterAll(async () => Promise.all([ali.close(), tc.close()]));

const aliyun = () =>
  smsSender(aliyunTransport({ keyId: 'LTAIyishi', keySecret: 'ali-secret', signName: '议事', templates, endpoint: ali.url }));
const tencent = () =>
  smsSender(tencentTransport({ keyId: 'AKIDyishi', keySecret: 'tc-secret', signName: '议事', templates, endpoint: tc.url }));
const copies = async (notificationId: number) =>
  (await w.db.delivery.findMany({ where: { notificationId }, orderBy: { channel: 'asc' } })).map((d) => `${d.channel}:${d.status}`);
/** A resident who turned SMS on (and e-mail off) for one group. */
async function smsUser(phone: string, group: 'MEETINGS' | 'VOTES' | 'NOTICES') {
  const u = await createUser(w.db, { phone, password: 'x-pass-1234' });
  await setMyChannels(await byUser(u.id), { choices: { [group]: { EMAIL: false, SMS: true } }, digest: false });
  return u;
}
/** Runs `f` and returns what it wrote to the log (stdout) with its result. */
async function logged<T>(f: () => Promise<T>): Promise<[T, string]> {
  const lines: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((s) => (lines.push(String(s)), true));
  try {
    return [await f(), lines.join('')];
  } finally {
    spy.mockRestore();
  }
}
const note = (userId: number, kind: string, title = '加装电梯议事会') =>
  w.db.notification.create({ data: { userId, kind, title, body: '明天 9:00', link: '/meetings/1' } });

describe('routing: every notification gets its copies where it is inserted, by the resident’s choices', () => {
  test('defaults: e-mail when there is an address, SMS never until chosen; the inbox row always', async () => {
    const u = await createUser(w.db, { phone: '13900009621', password: 'x-pass-1234' });
    expect(await copies((await note(u.id, 'meeting.invited')).id)).toEqual([]);
    await w.db.user.update({ where: { id: u.id }, data: { email: 'a@example.cn' } });
    expect(await copies((await note(u.id, 'meeting.invited')).id)).toEqual(['EMAIL:PENDING']);
    expect(CHANNEL_DEFAULT).toEqual({ EMAIL: true, SMS: false });
  });

  test('choices per group apply to every writer: createMany, and raw SQL like raise-issue', async () => {
    const u = await createUser(w.db, { phone: '13900009622', password: 'x-pass-1234' });
    await w.db.user.update({ where: { id: u.id }, data: { email: 'b@example.cn' } });
    await setMyChannels(await byUser(u.id), {
      choices: { MEETINGS: { EMAIL: false, SMS: true }, VOTES: { EMAIL: true, SMS: true } },
      digest: false,
    });
    await w.db.notification.createMany({
      data: ['meeting.reminder', 'vote.closing', 'motion.open', 'notice.objection', 'topic.step', 'task.due', 'account.reset'].map(
        (kind) => ({
          userId: u.id,
          kind,
          title: 't',
          body: 'b',
        }),
      ),
    });
    await w.db.$executeRaw`INSERT INTO "Notification" ("userId", kind, title, body) VALUES (${u.id}, 'meeting.invited', 't', 'b')`;
    const rows = await w.db.notification.findMany({ where: { userId: u.id }, include: { deliveries: true }, orderBy: { id: 'asc' } });
    expect(Object.fromEntries(rows.map((n) => [n.kind, n.deliveries.map((d) => d.channel).sort()]))).toEqual({
      'meeting.reminder': ['SMS'],
      'vote.closing': ['EMAIL', 'SMS'],
      'motion.open': ['EMAIL', 'SMS'],
      'notice.objection': ['EMAIL'],
      'topic.step': ['EMAIL'],
      'task.due': ['EMAIL'],
      'account.reset': ['EMAIL'],
      'meeting.invited': ['SMS'],
    });
    const mine = await getMyChannels(u.id);
    expect(mine.choices.MEETINGS).toEqual({ EMAIL: false, SMS: true });
    expect(mine.choices.NOTICES).toEqual(CHANNEL_DEFAULT);
    // No provider configured in tests: the page says SMS is not live yet.
    expect([mine.smsLive, mine.staff, mine.hasEmail]).toEqual([false, false, true]);
  });

  test('the database knows exactly the groups the page lists', async () => {
    const rows = await w.db.$queryRaw<{ g: string }[]>`SELECT unnest(enum_range(NULL::"NotifyGroup"))::text AS g`;
    expect(rows.map((r) => r.g)).toEqual([...NOTIFY_GROUPS]);
  });
});

describe('the SMS channel end to end', () => {
  test('Alibaba: sent once however many runs race; the delivery report marks it delivered; the log has no number or text', async () => {
    const u = await smsUser('13900009623', 'MEETINGS');
    const n = await note(u.id, 'meeting.invited', '三号楼加装电梯业主大会');
    const [results, log] = await logged(() =>
      Promise.all([sendPendingDeliveries(aliyun()), sendPendingDeliveries(aliyun()), sendPendingDeliveries(aliyun())]),
    );
    expect(results.every((r) => r.failed === 0)).toBe(true);
    expect(ali.received.filter((r) => r.phone === '13900009623')).toHaveLength(1);
    const d = await w.db.delivery.findFirstOrThrow({ where: { notificationId: n.id } });
    expect([d.status, d.attempts, d.providerMessageId, ali.received.at(-1)!.ref]).toEqual([
      'SENT',
      1,
      expect.stringMatching(/\^/),
      String(d.id),
    ]);
    expect(ali.received.at(-1)!.params).toEqual({
      what: expect.any(String),
      title: '三号楼加装电梯业主大会',
      link: 'http://localhost:3000/meetings/1',
    });
    expect(log).not.toMatch(/13900009623|三号楼/);

    // Alibaba's SmsReport push: an array of reports, matched by BizId (and our OutId).
    const report = [
      { phone_number: '13900009623', success: true, err_code: 'DELIVERED', biz_id: d.providerMessageId, out_id: String(d.id) },
    ];
    expect(await applySmsReports('aliyun', report)).toBe(1);
    expect(await applySmsReports('aliyun', report)).toBe(0);
    const after = await w.db.delivery.findFirstOrThrow({ where: { id: d.id } });
    expect([after.status, after.report, after.reportedAt !== null]).toEqual(['DELIVERED', 'DELIVERED', true]);
  });

  test('Tencent: the 30-second limit waits instead of failing; an undelivered report marks it failed', async () => {
    const u = await smsUser('13900009624', 'VOTES');
    const first = await note(u.id, 'vote.opening', '停车位表决开始');
    const second = await note(u.id, 'vote.closing', '停车位表决明天截止');
    expect(await sendPendingDeliveries(tencent())).toMatchObject({ sent: 1, failed: 1 });
    const waiting = await w.db.delivery.findFirstOrThrow({ where: { notificationId: second.id } });
    expect([waiting.status, waiting.attempts, waiting.report]).toEqual(['PENDING', 1, 'LimitExceeded.PhoneNumberThirtySecondLimit']);
    expect(waiting.retryAt!.getTime() - Date.now()).toBeGreaterThan(25_000);
    expect(await sendPendingDeliveries(tencent())).toMatchObject({ sent: 0, failed: 0 });

    const sent = await w.db.delivery.findFirstOrThrow({ where: { notificationId: first.id } });
    const report = [
      { mobile: '13900009624', report_status: 'FAIL', errmsg: 'MK:0001', description: '用户关机', sid: sent.providerMessageId },
    ];
    expect(await applySmsReports('tencent', report)).toBe(1);
    expect(await copies(first.id)).toEqual(['SMS:FAILED']);
  });

  test('the log transport (no provider configured) marks copies sent and logs ids and kinds only', async () => {
    const u = await smsUser('13900009625', 'NOTICES');
    const n = await note(u.id, 'notice.objection', '公示期异议');
    const [, log] = await logged(() => sendPendingDeliveries(smsSender(logTransport)));
    expect(await copies(n.id)).toEqual(['SMS:SENT']);
    const line = log.split('\n').find((l) => l.includes('sms.log'))!;
    expect(JSON.parse(line)).toMatchObject({ event: 'sms.log', ref: expect.any(String), template: 'NOTIFY' });
    expect(line).not.toMatch(/13900009625|公示期异议/);
  });
});

describe('choices and the staff digest', () => {
  test('a resident who is not staff cannot choose the digest; turning SMS off drops what had not gone yet', async () => {
    const u = await createUser(w.db, { phone: '13900009626', password: 'x-pass-1234' });
    await setMyChannels(await byUser(u.id), { choices: { MEETINGS: { EMAIL: true, SMS: true } }, digest: false });
    const n = await note(u.id, 'meeting.reminder');
    await expect(setMyChannels(await byUser(u.id), { choices: {}, digest: true })).rejects.toMatchObject({
      code: 'account.digestStaffOnly',
    });
    await setMyChannels(await byUser(u.id), { choices: { MEETINGS: { EMAIL: true, SMS: false } }, digest: false });
    expect(await copies(n.id)).toEqual(['SMS:DROPPED']);
    expect(await w.db.auditLog.count({ where: { action: 'account.channels', entityId: String(u.id) } })).toBe(2);
  });

  test('staff who chose the digest get one summary a day per channel; account messages still go at once', async () => {
    const staff = w.staff.jinyangSecretary;
    await w.db.user.update({ where: { id: staff.id }, data: { email: 'liu@example.cn' } });
    await setMyChannels(await byUser(staff.id), { choices: { TASKS: { EMAIL: true, SMS: true } }, digest: true });
    const held = [
      await note(staff.id, 'issue.assigned', '路灯不亮'),
      await note(staff.id, 'supervise.press', '催办：加装电梯'),
      await note(staff.id, 'topic.step', 'x'),
    ];
    const reset = await note(staff.id, 'account.reset', '棠湖书记');
    expect(await copies(held[0]!.id)).toEqual(['EMAIL:HELD', 'SMS:HELD']);
    expect(await copies(held[2]!.id)).toEqual(['EMAIL:HELD']);
    expect(await copies(reset.id)).toEqual(['EMAIL:PENDING']);

    const mails: { subject?: string; text?: string }[] = [];
    const transport = nodemailer.createTransport({ jsonTransport: true });
    const spy = vi
      .spyOn(transport, 'sendMail')
      .mockImplementation(async (m: object) => (mails.push(m), { messageId: `<m${mails.length}>` }) as never);
    vi.spyOn(console, 'info').mockImplementation(() => undefined);
    const before = ali.received.length;
    const both = await Promise.all([sendDigests([emailSender(transport), aliyun()]), sendDigests([emailSender(transport), aliyun()])]);
    spy.mockRestore();
    expect(both.reduce((s, r) => s + r.digests, 0)).toBe(2);
    expect(mails.map((m) => m.subject)).toEqual(['【议事】今日汇总：3 条消息']);
    expect(mails[0]!.text).toContain('路灯不亮');
    expect(ali.received.slice(before).map((r) => [r.template, r.params])).toEqual([
      ['SMS_3', { count: '2', link: 'http://localhost:3000/inbox' }],
    ]);
    expect(await copies(held[0]!.id)).toEqual(['EMAIL:SENT', 'SMS:SENT']);
    expect(await sendDigests([emailSender(transport), aliyun()])).toEqual({ digests: 0, notes: 0 });

    // Turning the digest off releases what is still held to go one by one.
    const later = await note(staff.id, 'issue.assigned', '井盖松动');
    await setMyChannels(await byUser(staff.id), { choices: {}, digest: false });
    expect(await copies(later.id)).toEqual(['EMAIL:PENDING', 'SMS:PENDING']);
  });
});
