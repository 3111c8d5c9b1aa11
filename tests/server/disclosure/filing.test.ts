import sharp from 'sharp';
import { beforeAll, describe, expect, test } from 'vitest';
import { addDays, periodOf } from '@/domain/disclosure/slots';
import { overdueForDesk, readableSlots, readCalendar, timelinessByCommunity } from '@/server/disclosure/calendar';
import { copyDefaultCatalogue, createItem, retireItem } from '@/server/disclosure/catalogue';
import { attachBoardPhoto, boardPhoto, recordEvent } from '@/server/disclosure/events';
import { draftFor, publishSlot, waiveSlot } from '@/server/disclosure/file';
import { DEFAULT_CATALOGUE } from '@/server/disclosure/defaults';
import { verifyChain } from '@/server/notices/publish';
import { TODAY } from '../accounts/support';
import { refusal } from '../refusal';
import { counts, disclosureWorld, oldQuarter } from './support';

let w: Awaited<ReturnType<typeof disclosureWorld>>;
beforeAll(async () => {
  w = await disclosureWorld();
});

describe('the catalogue', () => {
  test('the default is copied once, by the district; a new item needs its days', async () => {
    expect(await w.db.disclosureItem.count({ where: { districtId: w.wuhou } })).toBe(DEFAULT_CATALOGUE.length);
    const before = await counts();
    expect(await refusal(copyDefaultCatalogue(w.by.admin, w.wuhou))).toBe('disclosure.catalogueExists');
    expect(await refusal(copyDefaultCatalogue(w.by.street, w.wuhou))).toBe('auth.forbidden');
    const base = {
      category: 'RESIDENTS',
      discloser: 'COMMUNITY',
      name: '居民公约修订',
      titleTemplate: '{{community}}居民公约',
      bodyTemplate: '',
      startsOn: TODAY,
    } as const;
    expect(await refusal(createItem(w.by.admin, w.wuhou, { ...base, cadence: 'EVENT' }))).toBe('disclosure.withinDays');
    expect(await refusal(createItem(w.by.secretary, w.wuhou, { ...base, cadence: 'EVENT', withinDays: 5 }))).toBe('auth.forbidden');
    expect(await counts()).toEqual(before);
    // Two taps with one key add one item; retiring twice is refused the second time.
    const [a, b] = await Promise.all([
      createItem(w.by.admin, w.wuhou, { ...base, cadence: 'EVENT', withinDays: 5, idempotencyKey: 'k-item-1' }),
      createItem(w.by.admin, w.wuhou, { ...base, cadence: 'EVENT', withinDays: 5, idempotencyKey: 'k-item-1' }),
    ]);
    expect(a.id).toBe(b.id);
    await retireItem(w.by.admin, a.id);
    expect(await refusal(retireItem(w.by.admin, a.id))).toBe('disclosure.retired');
  });

  test('two districts copying at once: one catalogue', async () => {
    const shuangliu = (await w.db.street.findUniqueOrThrow({ where: { id: w.tanghu.streetId } })).districtId;
    const { createStaff } = await import('../../factories/accounts');
    const { byUser } = await import('../accounts/support');
    const admin = await createStaff(w.db, {
      name: '双流民政',
      phone: '13900009199',
      password: 'x-pass-123',
      role: 'DISTRICT_ADMIN',
      placeLevel: 'DISTRICT',
      placeId: shuangliu,
    });
    const by = await byUser(admin.id);
    const results = await Promise.all([refusal(copyDefaultCatalogue(by, shuangliu)), refusal(copyDefaultCatalogue(by, shuangliu))]);
    expect(results.sort()).toEqual(['disclosure.catalogueExists', 'no refusal']);
    expect(await w.db.disclosureItem.count({ where: { districtId: shuangliu } })).toBe(DEFAULT_CATALOGUE.length);
  });
});

describe('publishing a slot', () => {
  test('the old quarter’s 财务收支 is overdue; published from its template it is a FINANCE notice in the chain, late', async () => {
    const q = oldQuarter();
    const ref = w.ref('财务收支情况', q.key);
    const cal = await readCalendar(w.by.secretary, w.jinyang.id);
    expect(cal.slots.find((s) => s.ref === ref)).toMatchObject({ state: 'OVERDUE', label: q.label });
    expect(cal.rate.overdue).toBeGreaterThan(0);
    expect((await overdueForDesk(w.by.secretary)).map((s) => s.ref)).toContain(ref);
    const draft = await draftFor(w.by.secretary, ref);
    expect(draft.title).toBe(`${w.jinyang.name}${q.label}财务收支情况`);
    expect(draft.body).toContain(`${q.label}财务收支情况`);
    const done = await publishSlot(w.by.secretary, ref, { title: draft.title, body: `${draft.body}\n收入 12,000 元，支出 9,500 元。` });
    expect(done.onTime).toBe(false);
    const notice = await w.db.notice.findUniqueOrThrow({ where: { id: done.noticeId } });
    expect(notice).toMatchObject({
      category: 'FINANCE',
      kind: 'DISCLOSURE',
      communityId: w.jinyang.id,
      compoundId: null,
      title: draft.title,
    });
    expect(notice.seq).not.toBeNull();
    expect((await verifyChain(w.db)).ok).toBe(true);
    const after = await readCalendar(w.by.secretary, w.jinyang.id);
    expect(after.slots.find((s) => s.ref === ref)).toMatchObject({ state: 'LATE', filing: { noticeId: notice.id } });
    expect(await w.db.auditLog.count({ where: { action: 'disclosure.publish', entityId: String(done.filingId) } })).toBe(1);
    expect(await refusal(publishSlot(w.by.secretary, ref, { title: draft.title, body: draft.body }))).toBe('disclosure.alreadyFiled');
  });

  test('two staff publishing the same slot at once: one filing, one notice; the other is refused in words', async () => {
    const ref = w.ref('服务群众专项经费使用情况', oldQuarter().key);
    const before = await w.db.notice.count();
    const input = { title: '专项经费使用情况', body: '本季度专项经费使用如下。' };
    const results = await Promise.all([refusal(publishSlot(w.by.secretary, ref, input)), refusal(publishSlot(w.by.street, ref, input))]);
    expect(results.sort()).toEqual(['disclosure.alreadyFiled', 'no refusal']);
    expect(await w.db.notice.count()).toBe(before + 1);
    expect(
      await w.db.disclosureFiling.count({ where: { periodKey: oldQuarter().key, itemId: w.item('服务群众专项经费使用情况').id } }),
    ).toBe(1);
    expect((await verifyChain(w.db)).ok).toBe(true);
  });

  test('forged: a resident, another community’s secretary, a firm or a committee chair for the community’s item — nothing written', async () => {
    const ref = w.ref('党费收缴使用情况', oldQuarter().key);
    const input = { title: '党费收缴使用情况', body: '党费收缴情况如下。' };
    const before = await counts();
    for (const by of [w.by.resident, w.by.tanghu, w.by.firm, w.by.chair, w.by.otherStreet])
      expect(await refusal(publishSlot(by, ref, input))).toBe('auth.forbidden');
    expect(await refusal(waiveSlot(w.by.firm, ref, '本季度无党费收支'))).toBe('auth.forbidden');
    // The firm may not file the owners' committee's item either, nor the committee the firm's.
    const q = oldQuarter().key;
    expect(await refusal(publishSlot(w.by.firm, w.ref('业委会工作情况', q, w.a.compound.id), input))).toBe('auth.forbidden');
    expect(await refusal(publishSlot(w.by.chair, w.ref('物业费收支情况', q, w.a.compound.id), input))).toBe('auth.forbidden');
    expect(await refusal(readCalendar(w.by.resident, w.jinyang.id))).toBe('auth.forbidden');
    expect(await refusal(readCalendar(w.by.tanghu, w.jinyang.id))).toBe('auth.forbidden');
    expect(await counts()).toEqual(before);
  });

  test('the committee chair and the firm file their compound’s items; each sees only their own compound', async () => {
    const q = oldQuarter().key;
    const oc = await publishSlot(w.by.chair, w.ref('业委会工作情况', q, w.a.compound.id), {
      title: '业委会工作情况',
      body: '本季度召开业委会会议三次。',
    });
    const pf = await publishSlot(w.by.firm, w.ref('物业费收支情况', q, w.a.compound.id), {
      title: '物业费收支情况',
      body: '本季度物业费收入如下。',
    });
    const notices = await w.db.notice.findMany({ where: { id: { in: [oc.noticeId, pf.noticeId] } }, orderBy: { id: 'asc' } });
    expect(notices.map((n) => [n.category, n.compoundId])).toEqual([
      ['RESIDENTS', w.a.compound.id],
      ['FINANCE', w.a.compound.id],
    ]);
    const chairView = await readCalendar(w.by.chair, w.jinyang.id);
    expect(new Set(chairView.slots.map((s) => s.item.discloser))).toEqual(new Set(['OWNERS_COMMITTEE']));
    expect((await overdueForDesk(w.by.firm)).every((s) => s.item.discloser === 'PROPERTY_FIRM')).toBe(true);
  });
});

describe('waivers, events, the rate', () => {
  test('a waiver on or before the due day is on time, after it late; it needs a reason', async () => {
    const q = oldQuarter();
    const ref = w.ref('低保及救助对象', q.key);
    expect(await refusal(waiveSlot(w.by.secretary, ref, ' '))).toBe('disclosure.reason');
    const late = await waiveSlot(w.by.secretary, ref, '本季度无新增低保及救助对象');
    expect(late.onTime).toBe(false);
    // A month item waived on its due day (the clock set to that day in China) is on time.
    const m = periodOf('MONTHLY', q.firstDay);
    const mref = w.ref('为民服务事项办理情况', m.key);
    const dueDay = new Date(`${(await readCalendar(w.by.secretary, w.jinyang.id)).slots.find((s) => s.ref === mref)!.dueOn}T15:59:00Z`);
    expect((await waiveSlot(w.by.secretary, mref, '本月无办理事项', dueDay)).onTime).toBe(true);
    const row = (await readCalendar(w.by.secretary, w.jinyang.id)).slots.find((s) => s.ref === mref);
    expect(row === undefined || row.state === 'WAIVED').toBe(true);
  });

  test('an event opens a slot due N days later; a double tap records one; not in the future', async () => {
    const item = w.item('居民会议决定事项');
    const input = {
      itemId: item.id,
      communityId: w.jinyang.id,
      compoundId: null,
      occurredOn: TODAY,
      description: '居民代表会议决定增设充电桩',
    };
    expect(await refusal(recordEvent(w.by.secretary, { ...input, occurredOn: '2099-01-01' }))).toBe('disclosure.eventDay');
    expect(await refusal(recordEvent(w.by.firm, input))).toBe('auth.forbidden');
    const [a, b] = await Promise.all([
      recordEvent(w.by.secretary, { ...input, idempotencyKey: 'k-event-1' }),
      recordEvent(w.by.secretary, { ...input, idempotencyKey: 'k-event-1' }),
    ]);
    expect(a.id).toBe(b.id);
    const slot = (await readCalendar(w.by.secretary, w.jinyang.id)).slots.find((s) => s.ref === a.ref);
    expect(slot).toMatchObject({ state: 'DUE', key: `E${a.id}` });
    const draft = await draftFor(w.by.secretary, a.ref);
    expect(draft.body).toContain('居民代表会议决定增设充电桩');
    expect((await publishSlot(w.by.secretary, a.ref, { title: draft.title, body: draft.body })).onTime).toBe(true);
  });

  test('公开及时率 per community of the street: exact counts; the other street reads none', async () => {
    const street = await timelinessByCommunity(w.by.street, { level: 'street', id: w.jinyang.streetId });
    const jy = street!.communities.find((c) => c.id === w.jinyang.id)!;
    const filings = await w.db.disclosureFiling.findMany({ where: { communityId: w.jinyang.id } });
    // Every filing here counts (all due within the last twelve months); on time: the event's notice and the waiver on its day.
    expect(jy.onTime).toBe(filings.filter((f) => f.onTime).length);
    const all = await readableSlots(w.by.secretary, w.jinyang.id);
    const yearAgo = addDays(TODAY, -365);
    expect(jy.counted).toBe(filings.length + all.filter((s) => s.state === 'OVERDUE' && s.dueOn >= yearAgo).length);
    expect(jy.overdue).toBe(all.filter((s) => s.state === 'OVERDUE').length);
    expect(jy.percent).toMatch(/^\d{1,3}\.\d%$/);
    expect(jy.percent).not.toBe('100.0%');
    expect(await refusal(timelinessByCommunity(w.by.otherStreet, { level: 'street', id: w.jinyang.streetId }))).toBe('auth.forbidden');
    expect(await refusal(timelinessByCommunity(w.by.secretary, { level: 'street', id: w.jinyang.streetId }))).toBe('auth.forbidden');
  });
});

describe('the notice-board photo', () => {
  test('checked by content; a 3–8 MB photo is re-encoded; replaced; read by staff, not by a resident', async () => {
    const ref = w.ref('财务收支情况', oldQuarter().key);
    expect(await refusal(attachBoardPhoto(w.by.secretary, ref, Buffer.from('%PDF-1.4 not a photo')))).toBe('photo.notImage');
    expect(
      await refusal(attachBoardPhoto(w.by.secretary, w.ref('党费收缴使用情况', oldQuarter().key), Buffer.from([0xff, 0xd8, 0xff]))),
    ).toBe('disclosure.notFiled');
    const big = await sharp({
      create: { width: 2600, height: 2000, channels: 3, background: '#888', noise: { type: 'gaussian', mean: 128, sigma: 60 } },
    })
      .jpeg({ quality: 98 })
      .toBuffer();
    expect(big.length).toBeGreaterThan(3_000_000);
    expect(big.length).toBeLessThan(8_000_000);
    const { filingId } = await attachBoardPhoto(w.by.secretary, ref, big);
    const first = (await w.db.disclosureFiling.findUniqueOrThrow({ where: { id: filingId } })).photoKey;
    const small = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#c00' } })
      .png()
      .toBuffer();
    await attachBoardPhoto(w.by.street, ref, small);
    const f = await w.db.disclosureFiling.findUniqueOrThrow({ where: { id: filingId } });
    expect(f.photoKey).not.toBe(first);
    const photo = await boardPhoto(w.by.secretary, filingId);
    expect(photo?.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    expect(await boardPhoto(w.by.resident, filingId)).toBeNull();
    expect(await boardPhoto(w.by.tanghu, filingId)).toBeNull();
    expect(await w.db.auditLog.count({ where: { action: 'disclosure.proof', entityId: String(filingId) } })).toBe(2);
  });
});
