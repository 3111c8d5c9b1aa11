import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { createTranslator } from 'use-intl/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { getFileStore } from '@/server/files/file-store';
import { ensureIssueCategories } from '@/server/issues/categories';
import { raiseIssue } from '@/server/issues/raise-issue';
import { getIssuePhoto } from '@/server/issues/read-issues';
import { readTable } from '@/server/imports/read-table';
import { UseCaseError } from '@/server/errors';
import { fillMessage } from '@/lib/fill-message';
import en from '../../../messages/en/errors.json';
import zh from '../../../messages/zh-CN/errors.json';
import { createStaff, createVerifiedResident } from '../../factories/accounts';
import { createPopulatedCompound } from '../../factories/compound';
import { NameSource } from '../../factories/names';
import { communityByCode } from '../../factories/territory';
import { byUser } from '../accounts/support';
import { testDb } from '../db';
import { refusal } from '../refusal';

let ctx: { reporterId: number; staffId: number; strangerId: number; compoundId: number; categoryId: number };
beforeAll(async () => {
  process.env.YISHI_DATA_DIR = mkdtempSync(path.join(os.tmpdir(), 'yishi-files-'));
  const db = testDb();
  await ensureIssueCategories(db);
  const jinsha = await communityByCode(db, '510502006006');
  const c = await createPopulatedCompound(db, new NameSource(5), {
    communityId: jinsha.id,
    name: '金沙小区',
    buildings: [{ name: '3栋', floors: 1, perFloor: 2, areasCentiM2: [9000] }],
  });
  const reporter = await createVerifiedResident(db, {
    personId: c.owners[0]!.id,
    phone: c.owners[0]!.phone!,
    password: 'x-pass-1234',
    householdId: c.households[0]!.id,
  });
  const staff = await createStaff(db, {
    name: '网格员',
    phone: '13833330001',
    password: 'x-pass-1234',
    role: 'GRID_WORKER',
    placeLevel: 'COMMUNITY',
    placeId: jinsha.id,
  });
  const stranger = await createVerifiedResident(db, {
    personId: c.owners[1]!.id,
    phone: c.owners[1]!.phone!,
    password: 'x-pass-1234',
    householdId: c.households[1]!.id,
  });
  const category = await db.issueCategory.findFirstOrThrow({ where: { code: 'FACILITIES' } });
  ctx = { reporterId: reporter.id, staffId: staff.id, strangerId: stranger.id, compoundId: c.compound.id, categoryId: category.id };
});

// The file store's folder goes with the test file.
afterAll(() => rmSync(process.env.YISHI_DATA_DIR!, { recursive: true, force: true }));

/** A 3000 × 2000 JPEG taken "at" a place: GPS coordinates in its EXIF. */
const photoWithLocation = () =>
  sharp({ create: { width: 3000, height: 2000, channels: 3, background: '#8a6' } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'PhoneMaker', Model: 'Phone 12' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '28/1 53/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '105/1 26/1 0/1' },
    })
    .toBuffer();

const raise = async (key: string, photos: Buffer[]) =>
  raiseIssue(await byUser(ctx.reporterId), {
    categoryId: ctx.categoryId,
    title: '井盖破损',
    description: '3栋门口井盖破了',
    compoundId: ctx.compoundId,
    anonymous: false,
    idempotencyKey: key,
    photos,
  });

describe('issue photos', () => {
  test('are resized, turned into JPEG and lose every metadata — location included', async () => {
    const original = await photoWithLocation();
    expect((await sharp(original).metadata()).exif).toBeDefined();
    const { id } = await raise('photo-key-1', [original, original]);
    const rows = await testDb().issuePhoto.findMany({ where: { issueId: id } });
    expect(rows.map((r) => [r.width, r.height])).toEqual([
      [1600, 1067],
      [1600, 1067],
    ]);
    const stored = (await getFileStore().get(rows[0]!.storageKey))!;
    const meta = await sharp(stored).metadata();
    expect([meta.format, meta.exif, meta.xmp, meta.iptc]).toEqual(['jpeg', undefined, undefined, undefined]);
    expect(stored.includes(Buffer.from('PhoneMaker'))).toBe(false);
  });

  test('are shown to the reporter and to staff there, to nobody else', async () => {
    const { id } = await raise('photo-key-2', [await photoWithLocation()]);
    const photo = await testDb().issuePhoto.findFirstOrThrow({ where: { issueId: id } });
    expect(await getIssuePhoto(await byUser(ctx.reporterId), id, photo.id)).not.toBeNull();
    expect(await getIssuePhoto(await byUser(ctx.staffId), id, photo.id)).not.toBeNull();
    expect(await getIssuePhoto(await byUser(ctx.strangerId), id, photo.id)).toBeNull();
  });

  test.each([
    ['a text file called photo.jpg', () => [Buffer.from('not an image at all')], 'photo.notImage'],
    ['a PNG header with nothing behind it', () => [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])], 'photo.notImage'],
    ['more than 10 MB', () => [Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(10 * 1024 * 1024)])], 'upload.tooLarge'],
    ['seven photos', () => Array.from({ length: 7 }, () => Buffer.from([0xff, 0xd8, 0xff])), 'upload.tooMany'],
  ])('%s is refused and nothing is stored', async (_, make, code) => {
    const before = await testDb().issue.count();
    expect(await refusal(raise(`bad-${code}-${Math.random()}`, make()))).toBe(code);
    expect(await testDb().issue.count()).toBe(before);
  });
});

describe('a file over the form’s limit (issue 17, item 2)', () => {
  const MB = 1024 * 1024;
  const refusedWith = (p: Promise<unknown>) =>
    p.then(
      () => null,
      (e: unknown) => (e instanceof UseCaseError ? e : null),
    );

  test('an 11 MB photo is refused with the message the browser shows before sending, in Chinese and in English', async () => {
    const before = await testDb().issue.count();
    const e = await refusedWith(
      raise(`too-big-${Math.random()}`, [Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(11 * MB)])]),
    );
    expect([e?.code, e?.values]).toEqual(['upload.tooLarge', { size: '11.0', max: 10 }]);
    const zhT = createTranslator({ locale: 'zh-CN', messages: { errors: zh }, namespace: 'errors' });
    const enT = createTranslator({ locale: 'en', messages: { errors: en }, namespace: 'errors' });
    expect(zhT('upload.tooLarge', e!.values)).toBe(
      '文件太大了：这个有 11.0 MB，每个最多 10 MB。请换一个小一些的（手机照片可以选“压缩”或较低画质），您填写的内容都还在。',
    );
    expect(enT('upload.tooLarge', e!.values)).toMatch(/^That file is too big: 11\.0 MB, and each may be at most 10 MB\./);
    // The browser fills the same raw message (no ICU runtime there): the same words.
    expect(fillMessage(zhT.raw('upload.tooLarge') as string, e!.values)).toBe(zhT('upload.tooLarge', e!.values));
    expect(await testDb().issue.count()).toBe(before);
  });

  test('a roster file over 5 MB is refused with the same message', async () => {
    const e = await refusedWith(readTable('roster.csv', Buffer.alloc(6 * MB, 'a'), 'roster'));
    expect([e?.code, e?.values]).toEqual(['upload.tooLarge', { size: '6.0', max: 5 }]);
  });
});
