import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, test, vi } from 'vitest';
import { readEnv } from '@/env';
import { setMyChannels } from '@/server/accounts/channel-choices';
import { issuePasswordReset } from '@/server/accounts/passwords';
import type { TChannelSender, TOutcome } from '@/server/messages/channel';
import { sendPendingDeliveries } from '@/server/messages/deliveries';
import { sendDigests } from '@/server/messages/digest';
import { applySmsReports } from '@/server/sms/reports';
import { createUser } from '../../factories/accounts';
import { byUser, world } from '../accounts/support';

/** Review fixes for decision 056: sends happen outside transactions, each result committed on its own. */
let w: Awaited<ReturnType<typeof world>>;
beforeAll(async () => {
  w = await world();
});

const note = (userId: number, kind: string, title = '加装电梯议事会') =>
  w.db.notification.create({ data: { userId, kind, title, body: '明天 9:00', link: '/meetings/1' } });
async function smsUser(phone: string) {
  const u = await createUser(w.db, { phone, password: 'x-pass-1234' });
  await setMyChannels(await byUser(u.id), { choices: { MEETINGS: { EMAIL: false, SMS: true } }, digest: false });
  return u;
}
/** An SMS sender whose send runs `during` (the provider's work) and then accepts with a message id. */
function fakeSms(during: (deliveryId: number, messageId: string) => Promise<TOutcome | void>, digest?: TChannelSender['sendDigest']) {
  const sent: number[] = [];
  const sender: TChannelSender = {
    channel: 'SMS',
    logOnly: false,
    address: (u) => u.phone,
    send: async (_to, _note, deliveryId) => {
      const messageId = `m-${deliveryId}`;
      const outcome = await during(deliveryId, messageId);
      sent.push(deliveryId);
      return outcome ?? { ok: true, messageId };
    },
    sendDigest: digest ?? (async () => ({ ok: true, messageId: 'digest' })),
  };
  return { sender, sent };
}
const status = async (notificationId: number) =>
  (await w.db.delivery.findFirstOrThrow({ where: { notificationId, channel: 'SMS' } })).status;

describe('sending SMS copies outside any transaction', () => {
  test('a delivery report that comes before the send is recorded is kept and applied once it is', async () => {
    const u = await smsUser('13900009641');
    const n = await note(u.id, 'meeting.invited');
    let early: number | null = -1;
    const { sender } = fakeSms(async (id, messageId) => {
      early = await applySmsReports('aliyun', [{ biz_id: messageId, success: true, err_code: 'DELIVERED', out_id: String(id) }]);
    });
    expect(await sendPendingDeliveries(sender)).toMatchObject({ sent: 1 });
    expect(early).toBe(0);
    expect(await status(n.id)).toBe('DELIVERED');
  });

  test('a kept report no send ever claims (another system, a lost send) is dropped after two days; a fresh one stays', async () => {
    const old = new Date(Date.now() - 3 * 24 * 3600_000);
    await w.db.smsReportWaiting.createMany({
      data: [
        { messageId: 'stale-report', delivered: true, code: 'DELIVERED', receivedAt: old },
        { messageId: 'fresh-report', delivered: true, code: 'DELIVERED' },
      ],
    });
    await applySmsReports('aliyun', [{ biz_id: 'another', success: true, err_code: 'DELIVERED', out_id: '' }]);
    const kept = (await w.db.smsReportWaiting.findMany({ select: { messageId: true } })).map((r) => r.messageId).sort();
    expect(kept).toEqual(['another', 'fresh-report']);
  });

  test('a send that throws does not undo the copies sent before it, and is tried again later', async () => {
    const u = await smsUser('13900009642');
    const first = await note(u.id, 'meeting.invited', 'a');
    const second = await note(u.id, 'meeting.reminder', 'b');
    const { sender, sent } = fakeSms(async (id) => {
      if (sent.length === 1) throw new Error(`provider timeout ${id}`);
    });
    await sendPendingDeliveries(sender).catch(() => undefined);
    expect(await status(first.id)).toBe('SENT');
    const d = await w.db.delivery.findFirstOrThrow({ where: { notificationId: second.id, channel: 'SMS' } });
    expect([d.status, d.attempts, d.retryAt !== null]).toEqual(['PENDING', 1, true]);
  });

  test('a copy claimed by a sender that crashed is sent after the lease; a fresh claim is left alone', async () => {
    const u = await smsUser('13900009643');
    const stale = await note(u.id, 'meeting.invited', 'stale');
    const fresh = await note(u.id, 'meeting.reminder', 'fresh');
    const hourAgo = new Date(Date.now() - 3600_000);
    await w.db.$executeRaw`UPDATE "Delivery" SET status = 'SENDING', "claimedAt" = ${hourAgo} WHERE "notificationId" = ${stale.id}`;
    await w.db.$executeRaw`UPDATE "Delivery" SET status = 'SENDING', "claimedAt" = now() WHERE "notificationId" = ${fresh.id}`;
    const { sender } = fakeSms(async () => undefined);
    await sendPendingDeliveries(sender);
    expect([await status(stale.id), await status(fresh.id)]).toEqual(['SENT', 'SENDING']);
  });
});

describe('the staff digest', () => {
  /** Staff who chose SMS for TASKS and the digest, with `n` held copies. */
  async function digestStaff(who: { id: number }, n: number) {
    await setMyChannels(await byUser(who.id), { choices: { TASKS: { EMAIL: false, SMS: true } }, digest: true });
    await w.db.notification.createMany({
      data: Array.from({ length: n }, (_, i) => ({ userId: who.id, kind: 'issue.assigned', title: `t${i}`, body: 'b' })),
    });
  }
  const held = (userId: number) => w.db.delivery.groupBy({ by: ['status'], where: { userId, channel: 'SMS' }, _count: true });

  test('one summary per user however many are held; disabled users and people no longer staff get none', async () => {
    const [big, gone, former] = [w.staff.jinyangSecretary, w.staff.jinyangStreet, w.staff.dongshengStreet];
    await digestStaff(big, 5001);
    await digestStaff(gone, 2);
    await digestStaff(former, 2);
    await w.db.user.update({ where: { id: gone.id }, data: { disabledAt: new Date() } });
    await w.db.roleGrant.updateMany({ where: { userId: former.id }, data: { revokedAt: new Date() } });
    const digests: [string, number][] = [];
    const { sender } = fakeSms(
      async () => undefined,
      async (to, notes) => (digests.push([to, notes.length]), { ok: true, messageId: 'd' }),
    );
    await Promise.all([sendDigests([sender]), sendDigests([sender])]);
    expect(digests).toEqual([['13900009001', 5001]]);
    expect(await held(gone.id)).toEqual([{ status: 'DROPPED', _count: 2 }]);
    // No longer staff: the digest choice is ignored, so what it held goes one by one.
    expect(await held(former.id)).toEqual([{ status: 'PENDING', _count: 2 }]);
    expect((await w.db.user.findUniqueOrThrow({ where: { id: former.id } })).notifyDigest).toBe(false);
  });
});

describe('the SMS provider configuration', () => {
  const base = {
    DATABASE_URL: 'postgresql://u:p@localhost:5432/d',
    YISHI_SMS_KEY_ID: 'k',
    YISHI_SMS_KEY_SECRET: 's',
    YISHI_SMS_SIGN_NAME: '议事',
  };
  const templates = { YISHI_SMS_TEMPLATE_NOTIFY: 'SMS_1', YISHI_SMS_TEMPLATE_CODE: 'SMS_2', YISHI_SMS_TEMPLATE_DIGEST: 'SMS_3' };
  test.each([
    ['aliyun', { ...base, YISHI_SMS_TEMPLATE_NOTIFY: 'SMS_1' }, /YISHI_SMS_TEMPLATE_CODE, YISHI_SMS_TEMPLATE_DIGEST/],
    ['aliyun', { ...templates, DATABASE_URL: base.DATABASE_URL, YISHI_SMS_SIGN_NAME: '议事' }, /YISHI_SMS_KEY_ID, YISHI_SMS_KEY_SECRET/],
    ['tencent', { ...base, ...templates }, /YISHI_SMS_APP_ID/],
  ])('%s without every template, key, sign name (and Tencent app id) is refused when the env is read', (provider, env, missing) => {
    expect(() => readEnv({ ...env, YISHI_SMS_PROVIDER: provider })).toThrow(missing);
  });
  test('a complete configuration, and the log provider without any, are accepted', () => {
    expect(readEnv({ ...base, ...templates, YISHI_SMS_PROVIDER: 'aliyun' }).YISHI_SMS_TEMPLATE_DIGEST).toBe('SMS_3');
    expect(readEnv({ ...base, ...templates, YISHI_SMS_PROVIDER: 'tencent', YISHI_SMS_APP_ID: '1400' }).YISHI_SMS_APP_ID).toBe('1400');
    expect(readEnv({ DATABASE_URL: base.DATABASE_URL }).YISHI_SMS_PROVIDER).toBe('log');
  });
});

describe('a reset code issued by staff', () => {
  test('goes to the number on file only when staff ticked that the number is still the resident’s; the printed code stays', async () => {
    const user = await w.db.user.create({
      data: { phone: '13900009651', passwordHash: 'x', personId: (await w.db.person.create({ data: { name: '王奶奶' } })).id },
    });
    await w.db.householdClaim.create({
      data: { userId: user.id, householdId: w.a.households[0]!.id, relation: 'OWNER', status: 'APPROVED' },
    });
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'reset-')), 'outbox.jsonl');
    const saved = process.env.YISHI_CODE_OUTBOX;
    process.env.YISHI_CODE_OUTBOX = file;
    vi.spyOn(console, 'info').mockImplementation(() => undefined);
    try {
      const by = await byUser(w.staff.jinyangSecretary.id);
      const unticked = await issuePasswordReset(by, user.id);
      expect(unticked.code).toMatch(/\w/);
      expect(existsSync(file)).toBe(false);
      const ticked = await issuePasswordReset(by, user.id, { sms: true });
      expect(
        readFileSync(file, 'utf8')
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l).code),
      ).toEqual([ticked.code]);
    } finally {
      process.env.YISHI_CODE_OUTBOX = saved;
      vi.restoreAllMocks();
    }
  });
});

describe('task notifications', () => {
  test('every task kind is filed under TASKS: a taskAssigned goes by SMS to someone who chose SMS for TASKS', async () => {
    const u = await createUser(w.db, { phone: '13900009661', password: 'x-pass-1234' });
    await setMyChannels(await byUser(u.id), { choices: { TASKS: { EMAIL: false, SMS: true } }, digest: false });
    const kinds = ['topic.taskAssigned', 'topic.taskTakeOver', 'task.done', 'supervise.press'];
    const groups = await w.db.$queryRaw<{ g: string }[]>`SELECT notification_group(k)::text AS g FROM unnest(${kinds}::text[]) AS k`;
    expect(groups.map((r) => r.g)).toEqual(['TASKS', 'TASKS', 'TASKS', 'TASKS']);
    const n = await note(u.id, 'topic.taskAssigned', '加装电梯：联系施工方');
    expect(await status(n.id)).toBe('PENDING');
  });
});
