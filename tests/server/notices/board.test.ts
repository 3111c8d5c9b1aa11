import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { GET as expenseReceipt } from '@/app/api/expenses/[id]/receipt/route';
import { GET as noticeAttachment } from '@/app/api/notices/[id]/attachments/[attachmentId]/route';
import { evaluateBody } from '@/domain/votes/evaluate';
import { answerObjection, concludeNotice, fileObjection, publishManualNotice } from '@/server/notices/board';
import { verifyChain } from '@/server/notices/publish';
import { conventionsOf, financeOf, getNoticeView, listBoard } from '@/server/notices/read-board';
import { addExpense, recordActualCost } from '@/server/topics/delivery';
import { publishTopicNotice } from '@/server/topics/notices';
import { ensureProcedures } from '@/server/topics/procedures';
import { createStaff, createVerifiedResident } from '../../factories/accounts';
import { createTopicWithHistory } from '../../factories/topics';
import { byUser, world } from '../accounts/support';
import { refusal } from '../refusal';

let w: Awaited<ReturnType<typeof setup>>;
async function setup() {
  process.env.YISHI_DATA_DIR = mkdtempSync(path.join(os.tmpdir(), 'yishi-board-files-'));
  const base = await world();
  await ensureProcedures(base.db);
  const h = base.a.households;
  const owner = async (i: number, phone: string) => {
    await base.db.person.update({ where: { id: base.a.owners[i]!.id }, data: { phone } });
    return createVerifiedResident(base.db, { personId: base.a.owners[i]!.id, phone, password: 'x-pass-1234', householdId: h[i]!.id });
  };
  const resident = await owner(0, '13866660001');
  const other = await createVerifiedResident(base.db, {
    personId: base.b.owners[0]!.id,
    phone: '13866660002',
    password: 'x-pass-1234',
    householdId: base.b.households[0]!.id,
  });
  const branch = await createStaff(base.db, {
    name: '北苑支部书记',
    phone: '13866660003',
    password: 'staff-pass-1',
    role: 'BRANCH_SECRETARY',
    placeLevel: 'COMPOUND',
    placeId: base.a.compound.id,
  });
  return { ...base, resident, other, branch };
}
beforeAll(async () => {
  w = await setup();
});
afterAll(() => rmSync(process.env.YISHI_DATA_DIR!, { recursive: true, force: true }));

// A real PDF: the type check parses the cross-reference table, so a header and a trailer are not enough.
const pdf = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\nxref\n0 2\n0000000000 65535 f \n0000000009 00000 n \n' +
    'trailer\n<< /Size 2 /Root 1 0 R >>\nstartxref\n45\n%%EOF\n',
  'latin1',
);
const publish = async (extra: Partial<Parameters<typeof publishManualNotice>[1]> = {}) =>
  publishManualNotice(await byUser(w.staff.jinyangSecretary.id, '刘书记'), {
    place: `compound:${w.a.compound.id}`,
    category: 'RESIDENTS',
    title: '北苑小区停车位分配结果',
    period: { days: 7, unit: 'CALENDAR' },
    html: '<h3>结果</h3><p onclick="steal()">按抽签结果分配。<script>alert(1)</script><img src=x onerror="alert(2)"><a href="javascript:alert(3)">看</a><a href="https://example.org/x">细则</a></p>',
    ...extra,
  });

describe('publishing', () => {
  test('rich text is sanitised; the notice joins the hash chain; attachments are checked by content', async () => {
    const { db } = w;
    const { id } = await publish({ files: [{ name: '名单.pdf', bytes: pdf }] });
    const n = await db.notice.findUniqueOrThrow({ where: { id }, include: { attachments: true } });
    expect(n.bodyHtml).toBe(
      '<h3>结果</h3><p>按抽签结果分配。<a rel="noopener noreferrer nofollow" target="_blank">看</a><a href="https://example.org/x" rel="noopener noreferrer nofollow" target="_blank">细则</a></p>',
    );
    expect(n.body).toBe('结果\n按抽签结果分配。看细则');
    expect([n.seq, n.prevHash?.length, n.hash?.length, n.attachments.map((a) => a.mime)]).toEqual([1, 64, 64, ['application/pdf']]);
    expect(await verifyChain()).toMatchObject({ ok: true, count: 1 });
    const before = await db.notice.count();
    expect(await refusal(publish({ files: [{ name: 'virus.exe', bytes: Buffer.from('MZ\x90\x00') }] }))).toBe('notice.fileType');
    // Over the attachment limit (issue 17, item 2): the shared refusal the browser shows before sending.
    const big = Buffer.concat([pdf, Buffer.alloc(10 * 1024 * 1024)]);
    expect(await refusal(publish({ files: [{ name: '扫描件.pdf', bytes: big }] }))).toBe('upload.tooLarge');
    expect(await refusal(publish({ html: '<script>only()</script>' }))).toBe('notice.empty');
    expect(
      await refusal(
        publishManualNotice(await byUser(w.staff.dongshengStreet.id), {
          place: `compound:${w.a.compound.id}`,
          category: 'PARTY',
          title: '越权',
          html: '<p>越权发布</p>',
          period: { days: 7, unit: 'CALENDAR' },
        }),
      ),
    ).toBe('auth.forbidden');
    expect(await db.notice.count()).toBe(before);
  });

  test('a published notice cannot be edited or deleted, even in the database; a correction supersedes it', async () => {
    const { db } = w;
    const { id } = await publish({ title: '北苑小区电梯维保单位公示' });
    await expect(db.$executeRawUnsafe(`UPDATE "Notice" SET title = '改过的标题' WHERE id = ${id}`)).rejects.toThrow(/immutable/);
    await expect(db.$executeRawUnsafe(`DELETE FROM "Notice" WHERE id = ${id}`)).rejects.toThrow(/cannot be deleted/);
    const { id: fix } = await publish({ title: '北苑小区电梯维保单位公示（更正）', supersedesId: id });
    expect(await refusal(publish({ title: '再更正', supersedesId: id }))).toBe('notice.alreadyCorrected');
    const old = await getNoticeView(id, null);
    expect([old?.supersededBy?.id, old?.window]).toEqual([fix, 'SUPERSEDED']);
    expect(await verifyChain()).toMatchObject({ ok: true });
  });

  test('two corrections of one notice at the same moment: one is published, the other refused, and the database holds one', async () => {
    const { db } = w;
    const { id } = await publish({ title: '北苑小区绿化招标公示' });
    const results = await Promise.all(
      [1, 2, 3].map((i) => refusal(publish({ title: `北苑小区绿化招标公示（更正${i}）`, supersedesId: id }))),
    );
    expect(results.sort()).toEqual(['no refusal', 'notice.alreadyCorrected', 'notice.alreadyCorrected']);
    expect(await db.notice.count({ where: { supersedesId: id } })).toBe(1);
    await expect(
      db.$executeRawUnsafe(
        `INSERT INTO "Notice" (kind, category, title, body, "supersedesId") VALUES ('MANUAL', 'RESIDENTS', 'x', 'x', ${id})`,
      ),
    ).rejects.toThrow(/unique/i);
    expect(await verifyChain()).toMatchObject({ ok: true });
  });
});

describe('objections', () => {
  test('a resident of the place objects (anonymously); others cannot; staff answer; the period closes only when over', async () => {
    const { resident, other, branch, db } = w;
    const { id } = await publish({ title: '北苑小区公共收益使用公示' });
    expect(await refusal(fileObjection(await byUser(other.id), id, { body: '我不住这里但有意见', anonymous: false }))).toBe(
      'notice.notResident',
    );
    const { id: oid } = await fileObjection(await byUser(resident.id, '业主'), id, {
      body: '公共收益明细不全，缺少广告收入',
      anonymous: true,
    });
    const view = await getNoticeView(id, await byUser(branch.id));
    expect(view?.objections.map((o) => o.by)).toEqual(['匿名居民']);
    expect(JSON.stringify(view)).not.toContain('13866660001');
    expect((await getNoticeView(id, await byUser(resident.id)))?.objections[0]?.by).toBe('匿名居民（我）');
    expect(await refusal(concludeNotice(await byUser(branch.id), id))).toBe('notice.periodRunning');
    expect(await refusal(answerObjection(await byUser(resident.id), oid, '自己答复'))).toBe('auth.forbidden');
    await answerObjection(await byUser(branch.id, '北苑支部书记'), oid, '已补充广告收入明细，见更正公示');
    expect(await refusal(answerObjection(await byUser(branch.id), oid, '再答一次'))).toBe('notice.answered');
    expect((await getNoticeView(id, null))?.objections[0]).toMatchObject({
      answer: '已补充广告收入明细，见更正公示',
      answeredBy: '北苑支部书记',
    });
    expect(await db.auditLog.count({ where: { action: 'notice.object', actorId: null } })).toBe(1);
    // The publisher is told, with a link to the notice; the objector hears of the answer the same way.
    expect((await db.notification.findFirstOrThrow({ where: { kind: 'notice.objection' } })).link).toBe(`/board/n/${id}`);
    expect((await db.notification.findFirstOrThrow({ where: { kind: 'notice.answered', userId: resident.id } })).link).toBe(
      `/board/n/${id}`,
    );
  });

  test('the board lists by kind and words, the community’s and its compounds’ notices', async () => {
    const list = await listBoard({ communityCode: '510107009003', q: '电梯' });
    expect(list?.notices.map((n) => n.title)).toEqual(['北苑小区电梯维保单位公示（更正）', '北苑小区电梯维保单位公示']);
    expect((await listBoard({ communityCode: '510107009003', category: 'FINANCE' }))?.notices).toEqual([]);
  });
});

describe('finance and conventions', () => {
  test('expenses need a budgeted project; the actual is their sum; budget vs actual shows the saving', async () => {
    const { db, a, staff } = w;
    const by = await byUser(staff.jinyangSecretary.id, '刘书记');
    const plain = await createTopicWithHistory(db, {
      procedureCode: 'SEVEN_STEP',
      title: '无预算议题',
      description: 'x',
      communityId: a.compound.communityId,
      compoundId: a.compound.id,
      by,
      stepIndex: 5,
      createdAt: new Date(),
      stepDueAt: new Date(),
    });
    expect(await refusal(addExpense(by, plain.id, { item: '材料', amountFen: 100, paidOn: '2026-11-01' }))).toBe('finance.noProject');
    const t = await createTopicWithHistory(db, {
      procedureCode: 'COURTYARD_ROADSHOW',
      title: '北苑后门',
      description: 'x',
      communityId: a.compound.communityId,
      compoundId: a.compound.id,
      by,
      stepIndex: 5,
      createdAt: new Date(),
      stepDueAt: new Date(),
      plans: [{ title: '方案', body: '更换后门', budgetFen: 3_600_000 }],
    });
    await addExpense(by, t.id, {
      item: '门体及安装',
      amountFen: 2_900_000,
      paidOn: '2026-11-01',
      receipt: { name: '发票.pdf', bytes: pdf },
    });
    await addExpense(by, t.id, { item: '门禁与照明', amountFen: 550_000, paidOn: '2026-11-02' });
    expect(await refusal(recordActualCost(by, t.id, 1))).toBe('finance.actualFromExpenses');
    // The finance page is public: it shows a project once its plan and money were published on the board.
    expect((await financeOf('510107009003', new Date().getFullYear()))?.projects.map((x) => x.id)).not.toContain(t.id);
    const row = await db.topic.findUniqueOrThrow({ where: { id: t.id } });
    await db.$transaction((tx) => publishTopicNotice(tx, row, 'PLAN', by.userId, row.stepIndex));
    const f = await financeOf('510107009003', new Date().getFullYear());
    const p = f?.projects.find((x) => x.id === t.id);
    expect([p?.budgetFen, p?.actualFen, p?.expenses.map((e) => e.receipt)]).toEqual([3_600_000, 3_450_000, ['发票.pdf', null]]);
  });

  test('a convention’s versions, the current one and the vote that adopted it', async () => {
    const { db, a, staff } = w;
    const by = { userId: staff.jinyangSecretary.id, label: '刘书记' };
    const t = await createTopicWithHistory(db, {
      procedureCode: 'SEVEN_STEP',
      title: '北苑文明养犬公约',
      description: 'x',
      communityId: a.compound.communityId,
      compoundId: a.compound.id,
      by,
      stepIndex: 5,
      createdAt: new Date(Date.now() - 10 * 86_400_000),
      stepDueAt: new Date(),
      plans: [
        { title: '文明养犬公约', body: '遛狗拴绳。', convention: true },
        { title: '文明养犬公约', body: '遛狗拴绳，及时清理粪便。', convention: true },
      ],
    });
    const v2 = await db.planVersion.findFirstOrThrow({ where: { topicId: t.id, version: 2 } });
    await db.planVersion.update({ where: { id: v2.id }, data: { frozenAt: new Date(Date.now() - 5 * 86_400_000) } });
    const result = evaluateBody({ kind: 'ROSTER_FRACTION', fraction: { p: 2, q: 3 } }, { roster: 21, present: 20, for: 15 });
    await db.motion.create({
      data: {
        topicId: t.id,
        stepIndex: 4,
        voters: { kind: 'BODY' },
        rule: result.rule as never,
        roster: [],
        status: 'PASSED',
        result: result as never,
        decidedAt: new Date(Date.now() - 2 * 86_400_000),
      },
    });
    const c = (await conventionsOf('510107009003'))?.conventions.find((x) => x.topicId === t.id);
    expect([
      c?.current?.version,
      c?.current?.adoptedBy?.words.lines[0],
      c?.versions[1]?.diff?.some((d) => d.op === 'add' && d.text.includes('粪便')),
    ]).toEqual([2, '赞成 15，应到 21，需三分之二以上（至少 14），达到', true]);
    // On the English board the adoption reads in English (decision 058).
    const en = (await conventionsOf('510107009003', 'en'))?.conventions.find((x) => x.topicId === t.id);
    expect([en?.current?.adoptedBy?.words.lines[0], en?.current?.adoptedBy?.words.outcome]).toEqual([
      'For 15, on the roster 21, needs two thirds or more (at least 14): met',
      'passed',
    ]);
  });
});

describe('serving stored files', () => {
  const served = (r: Response) => [
    r.status,
    r.headers.get('content-type'),
    r.headers.get('content-disposition')?.split(';')[0],
    r.headers.get('x-content-type-options'),
  ];

  test('PDF attachments and receipts are downloaded (Content-Disposition: attachment); images are shown inline', async () => {
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#b3261e' } })
      .png()
      .toBuffer();
    const { id } = await publish({
      title: '北苑小区停车位示意图',
      files: [
        { name: '名单.pdf', bytes: pdf },
        { name: '示意图.png', bytes: png },
      ],
    });
    const files = await w.db.noticeAttachment.findMany({ where: { noticeId: id }, orderBy: { mime: 'asc' } });
    const get = (a: { id: number }) =>
      noticeAttachment(new Request('http://x'), { params: Promise.resolve({ id: String(id), attachmentId: String(a.id) }) });
    expect(served(await get(files[0]!))).toEqual([200, 'application/pdf', 'attachment', 'nosniff']);
    expect(served(await get(files[1]!))).toEqual([200, 'image/png', 'inline', 'nosniff']);
    const e = await w.db.expense.findFirstOrThrow({ where: { receiptName: '发票.pdf' } });
    expect(served(await expenseReceipt(new Request('http://x'), { params: Promise.resolve({ id: String(e.id) }) }))).toEqual([
      200,
      'application/pdf',
      'attachment',
      'nosniff',
    ]);
  });
});
