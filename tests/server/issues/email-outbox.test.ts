import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { setMyEmail } from '@/server/accounts/my-account';
import { actOnIssue } from '@/server/issues/act-on-issue';
import { ensureIssueCategories } from '@/server/issues/categories';
import { raiseIssue } from '@/server/issues/raise-issue';
import { sendPendingEmails } from '@/server/mail/outbox';
import { createVerifiedResident } from '../../factories/accounts';
import { byUser, world } from '../accounts/support';

/** A real SMTP server on a free port, keeping what it receives. */
async function smtpServer() {
  const received: { to: string[]; data: string }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, done) {
      let data = '';
      stream.on('data', (c: Buffer) => (data += c.toString('utf8')));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
        done();
      });
    },
  });
  server.listen(0, '127.0.0.1');
  await once(server.server, 'listening');
  const port = (server.server.address() as AddressInfo).port;
  return { received, port, close: () => new Promise<void>((r) => server.close(() => r())) };
}

let w: Awaited<ReturnType<typeof setup>>;
let smtp: Awaited<ReturnType<typeof smtpServer>>;
async function setup() {
  const base = await world();
  await ensureIssueCategories(base.db);
  const category = await base.db.issueCategory.findFirstOrThrow({ where: { code: 'ENVIRONMENT', districtId: null } });
  const owner = base.a.owners[1]!;
  await base.db.person.update({ where: { id: owner.id }, data: { phone: '13811113333' } });
  const resident = await createVerifiedResident(base.db, {
    personId: owner.id,
    phone: '13811113333',
    password: 'x-pass-1234',
    householdId: base.a.households[1]!.id,
  });
  return { ...base, category, resident };
}
beforeAll(async () => {
  w = await setup();
  smtp = await smtpServer();
});
afterAll(async () => smtp.close());

describe('e-mail copies of notifications (outbox)', () => {
  test('a reporter with an e-mail address gets each change by mail, after the change committed; others only in the inbox', async () => {
    const { db, staff, resident, a, category } = w;
    await setMyEmail(resident.id, '业主', 'Yezhu@Example.com');
    const { id } = await raiseIssue(await byUser(resident.id), {
      categoryId: category.id,
      title: '垃圾站没人清运',
      description: '三天没有清运',
      compoundId: a.compound.id,
      anonymous: false,
      idempotencyKey: 'mail-1',
    });
    await actOnIssue(await byUser(staff.jinyangSecretary.id, '刘书记'), id, { type: 'ACKNOWLEDGE' });
    const pending = await db.notification.findMany({
      where: { issueId: id },
      select: { userId: true, deliveries: { select: { channel: true, status: true } } },
    });
    // The handler has no address: inbox only. The reporter's copy waits in the outbox (SMS is off by default).
    expect(pending.filter((n) => n.userId === resident.id).map((n) => n.deliveries)).toEqual([[{ channel: 'EMAIL', status: 'PENDING' }]]);
    expect(pending.filter((n) => n.userId !== resident.id).every((n) => n.deliveries.length === 0)).toBe(true);

    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: smtp.port, secure: false, ignoreTLS: true });
    expect(await sendPendingEmails(50, transport)).toEqual({ sent: 1, failed: 0 });
    expect(smtp.received.map((m) => m.to)).toEqual([['yezhu@example.com']]);
    const raw = smtp.received[0]!.data;
    expect(raw).toContain('Content-Transfer-Encoding: base64');
    const body = Buffer.from(raw.split(/\r?\n\r?\n/)[1]!.replace(/\s/g, ''), 'base64').toString('utf8');
    expect(body).toContain('您反映的问题已受理：垃圾站没人清运');
    expect(body).toContain(`/issues/${id}`);
    // Sent once: a second run finds nothing.
    expect(await sendPendingEmails(50, transport)).toEqual({ sent: 0, failed: 0 });
    expect((await db.delivery.findFirstOrThrow({ where: { notification: { issueId: id, userId: resident.id } } })).status).toBe('SENT');
  });

  test('an unreachable server leaves the mail pending and counts the attempt; removing the address drops it', async () => {
    const { db, staff, resident, a, category } = w;
    const { id } = await raiseIssue(await byUser(resident.id), {
      categoryId: category.id,
      title: '路灯不亮',
      description: '小区门口路灯坏了',
      compoundId: a.compound.id,
      anonymous: false,
      idempotencyKey: 'mail-2',
    });
    await actOnIssue(await byUser(staff.jinyangSecretary.id), id, { type: 'ACKNOWLEDGE' });
    const closed = nodemailer.createTransport({ host: '127.0.0.1', port: 1, secure: false, ignoreTLS: true, connectionTimeout: 2000 });
    expect(await sendPendingEmails(50, closed)).toEqual({ sent: 0, failed: 1 });
    const n = await db.delivery.findFirstOrThrow({ where: { notification: { issueId: id, userId: resident.id } } });
    expect([n.status, n.attempts, n.report]).toEqual(['PENDING', 1, 'ESOCKET']);
    // It waits before the next try: a run now leaves it alone.
    expect(n.retryAt!.getTime()).toBeGreaterThan(Date.now());
    expect(await sendPendingEmails(50, closed)).toEqual({ sent: 0, failed: 0 });
    await setMyEmail(resident.id, '业主', null);
    expect((await db.delivery.findFirstOrThrow({ where: { id: n.id } })).status).toBe('DROPPED');
    expect(await db.auditLog.count({ where: { action: 'account.email', entityId: String(resident.id) } })).toBe(2);
  });

  test('without SMTP the log says which notification of which kind — never the address with the title or link, for any kind', async () => {
    const { db, staff, resident, a, category } = w;
    await setMyEmail(resident.id, '业主', 'Log-Only@Example.com');
    const { id } = await raiseIssue(await byUser(resident.id), {
      categoryId: category.id,
      title: '化粪池外溢',
      description: '臭味很大',
      compoundId: a.compound.id,
      anonymous: true,
      idempotencyKey: 'mail-log',
    });
    await actOnIssue(await byUser(staff.jinyangSecretary.id, '刘书记'), id, { type: 'ACKNOWLEDGE' });
    // Every kind of notification the platform writes goes through the same line.
    await db.notification.createMany({
      data: ['topic.step', 'meeting.invited', 'notice.answered'].map((kind) => ({
        userId: resident.id,
        kind,
        title: '化粪池外溢',
        body: 'x',
        link: `/issues/${id}`,
      })),
    });
    const lines: string[] = [];
    const spy = vi.spyOn(console, 'info').mockImplementation((...args: unknown[]) => void lines.push(JSON.stringify(args)));
    try {
      expect(await sendPendingEmails(50, nodemailer.createTransport({ jsonTransport: true }))).toEqual({ sent: 4, failed: 0 });
    } finally {
      spy.mockRestore();
    }
    expect(lines).toHaveLength(4);
    for (const line of lines)
      expect([line.toLowerCase().includes('log-only@example.com'), line.includes('化粪池外溢'), line.includes(`/issues/${id}`)]).toEqual([
        false,
        false,
        false,
      ]);
  });
});
