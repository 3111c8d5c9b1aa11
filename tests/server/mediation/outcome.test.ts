import { mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, test } from 'vitest';
import { agreementForPrint, agreementScan, draftAgreement, signAgreement } from '@/server/mediation/agreement';
import { recordFollowUp } from '@/server/mediation/follow-up';
import { endIssueOfCase } from '@/server/mediation/issue-seam';
import { caseOutcome, recordNoAgreement } from '@/server/mediation/outcome';
import { today } from '@/server/today';
import { createStaff, createUser, createVerifiedResident } from '../../factories/accounts';
import { createPopulatedCompound } from '../../factories/compound';
import { day } from '../../factories/db';
import { createIssueWithHistory } from '../../factories/issues';
import { createMediationCase } from '../../factories/mediation-outcome';
import { NameSource } from '../../factories/names';
import { communityByCode } from '../../factories/territory';
import { byUser, inDays } from '../accounts/support';
import { testDb } from '../db';
import { refusal } from '../refusal';

// Issue 21's outcome (decision 064): the agreement drafted, printed, signed with its scan, or no agreement with a referral;
// the follow-up visit. Every refusal leaves nothing written.
const DATA = mkdtempSync(path.join(os.tmpdir(), 'yishi-mediation-'));
process.env.YISHI_DATA_DIR = DATA;
const stored = () => {
  try {
    return readdirSync(path.join(DATA, 'files', 'mediation'));
  } catch {
    return [];
  }
};
const TODAY = today();
const png = () =>
  sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 200, g: 200, b: 200 } } })
    .png()
    .toBuffer();
const draft = {
  facts: '601 卫生间漏水渗到 501 顶棚，双方对维修费用有争议',
  terms: '1. 601 三日内请人维修防水\n2. 601 赔偿 501 粉刷费 800 元',
  performance: '维修完成后一次付清',
  dueOn: TODAY,
};

let w: Awaited<ReturnType<typeof setup>>;
async function setup() {
  const db = testDb();
  const names = new NameSource(2101);
  const tanghu = await communityByCode(db, '510116001001');
  const jinyang = await communityByCode(db, '510107009003');
  const compound = await createPopulatedCompound(db, names, {
    communityId: tanghu.id,
    name: '金沙花园',
    buildings: [{ name: '3栋', floors: 6, perFloor: 2, areasCentiM2: [8950] }],
  });
  const [h501, h601, h101] = ['501', '601', '101'].map((room) => compound.households.find((h) => h.roomNo === room)!);
  const ownerOf = async (householdId: number) =>
    (await db.ownership.findFirstOrThrow({ where: { householdId }, include: { person: true } })).person;
  const [p501, p601, p101] = await Promise.all([h501, h601, h101].map((h) => ownerOf(h!.id)));
  await db.person.update({ where: { id: p501!.id }, data: { gender: 'FEMALE', birthYear: 1960 } });
  const applicant = await createVerifiedResident(db, {
    personId: p501!.id,
    phone: '13871000001',
    password: 'x-pass-1234',
    householdId: h501!.id,
  });
  const respondent = await createVerifiedResident(db, {
    personId: p601!.id,
    phone: '13871000002',
    password: 'x-pass-1234',
    householdId: h601!.id,
  });
  const neighbour = await createVerifiedResident(db, {
    personId: p101!.id,
    phone: '13871000003',
    password: 'x-pass-1234',
    householdId: h101!.id,
  });
  const secretary = await createStaff(db, {
    name: '周书记',
    phone: '13871000010',
    password: 'staff-pass-1',
    role: 'COMMUNITY_SECRETARY',
    placeLevel: 'COMMUNITY',
    placeId: tanghu.id,
  });
  const otherSecretary = await createStaff(db, {
    name: '刘书记',
    phone: '13871000011',
    password: 'staff-pass-1',
    role: 'COMMUNITY_SECRETARY',
    placeLevel: 'COMMUNITY',
    placeId: jinyang.id,
  });
  const mediator = await createUser(db, { name: '王调解', phone: '13871000012', password: 'x-pass-1234', verified: true });
  const parties: Parameters<typeof createMediationCase>[1]['parties'] = [
    { side: 'APPLICANT', name: p501!.name, personId: p501!.id, householdId: h501!.id },
    { side: 'RESPONDENT', name: p601!.name, personId: p601!.id, householdId: h601!.id },
  ];
  /** A case from an issue of the applicant's, waiting IN_MEDIATION, with both parties and the mediator. */
  const newCase = async (opts: { parties?: typeof parties; withIssue?: boolean } = {}) => {
    const created = new Date(Date.now() - 3 * 86_400_000);
    const issue = opts.withIssue
      ? await createIssueWithHistory(db, {
          categoryCode: 'FACILITIES',
          title: '楼上漏水',
          description: '卫生间顶棚渗水',
          compoundId: compound.compound.id,
          authorUserId: applicant.id,
          createdAt: created,
          acknowledgeBy: created,
          resolveBy: created,
          steps: [{ type: 'MEDIATE', toState: 'IN_MEDIATION', actorUserId: secretary.id, actorLabel: '周书记', minutesAfter: 10 }],
        })
      : null;
    return createMediationCase(db, {
      communityId: tanghu.id,
      compoundId: compound.compound.id,
      createdById: secretary.id,
      receivedOn: today(created),
      issueId: issue?.id,
      parties: opts.parties ?? parties,
      mediators: [{ personId: mediator.personId }],
    });
  };
  const by = {
    secretary: await byUser(secretary.id),
    mediator: await byUser(mediator.id),
    applicant: await byUser(applicant.id),
    respondent: await byUser(respondent.id),
    neighbour: await byUser(neighbour.id),
    otherSecretary: await byUser(otherSecretary.id),
  };
  return { db, by, newCase, tanghu };
}

beforeAll(async () => {
  w = await setup();
});

const caseRow = (id: number) => w.db.mediationCase.findUniqueOrThrow({ where: { id }, include: { agreements: true, followUps: true } });

/** A case with a signed agreement due `dueOn`: drafted today (due today), signed today, then the deadline set as asked. */
async function signedCase(dueOn = TODAY, opts: { withIssue?: boolean } = {}) {
  const c = await w.newCase(opts);
  await draftAgreement(w.by.mediator, c.id, draft);
  await signAgreement(w.by.mediator, c.id, { signedOn: TODAY, scan: { name: 'scan.png', bytes: await png() } });
  await w.db.mediationAgreement.updateMany({ where: { caseId: c.id }, data: { dueOn: day(dueOn) } });
  return c;
}

describe('drafting the agreement', () => {
  test('without a respondent, without terms, without facts or with a past deadline: refused, nothing written', async () => {
    const oneSided = await w.newCase({ parties: [{ side: 'APPLICANT', name: '张三', phone: '13871000099' }] });
    expect(await refusal(draftAgreement(w.by.mediator, oneSided.id, draft))).toBe('mediation.agreementParties');
    const c = await w.newCase();
    expect(await refusal(draftAgreement(w.by.mediator, c.id, { ...draft, terms: ' \n 1. \n' }))).toBe('mediation.agreementTerms');
    expect(await refusal(draftAgreement(w.by.mediator, c.id, { ...draft, facts: ' ' }))).toBe('mediation.agreementFacts');
    expect(await refusal(draftAgreement(w.by.mediator, c.id, { ...draft, dueOn: inDays(-1) }))).toBe('mediation.dueOnPast');
    expect(await w.db.mediationAgreement.count({ where: { caseId: { in: [oneSided.id, c.id] } } })).toBe(0);
  });

  test('another community’s secretary, a neighbour and the parties themselves may not draft', async () => {
    const c = await w.newCase();
    for (const by of [w.by.otherSecretary, w.by.neighbour, w.by.applicant, w.by.respondent])
      expect(await refusal(draftAgreement(by, c.id, draft))).toBe('auth.forbidden');
    expect(await w.db.mediationAgreement.count({ where: { caseId: c.id } })).toBe(0);
  });

  test('saving again edits the one draft; two saves at once leave one draft', async () => {
    const c = await w.newCase();
    await Promise.all([
      draftAgreement(w.by.mediator, c.id, draft),
      draftAgreement(w.by.secretary, c.id, { ...draft, performance: '分两次付清' }),
    ]);
    await draftAgreement(w.by.mediator, c.id, { ...draft, terms: '601 维修防水\n赔偿 800 元\n双方互谅' });
    const rows = (await caseRow(c.id)).agreements;
    expect(rows).toHaveLength(1);
    expect(rows[0]!.terms).toEqual([{ text: '601 维修防水' }, { text: '赔偿 800 元' }, { text: '双方互谅' }]);
  });
});

describe('printing and signing', () => {
  test('the print holds the parties with their homes, the terms and N = parties + 1 copies; staff only, audited', async () => {
    const c = await w.newCase();
    await draftAgreement(w.by.mediator, c.id, draft);
    expect(await refusal(agreementForPrint(w.by.applicant, c.id))).toBe('auth.forbidden');
    const before = await w.db.auditLog.count({ where: { action: 'mediation.read', entityId: String(c.id) } });
    const p = (await agreementForPrint(w.by.mediator, c.id))!;
    expect(p.parties.map((x) => [x.side, x.address])).toEqual([
      ['APPLICANT', '金沙花园3栋1单元501室'],
      ['RESPONDENT', '金沙花园3栋1单元601室'],
    ]);
    expect(p.parties[0]).toMatchObject({ gender: 'FEMALE', age: Number(TODAY.slice(0, 4)) - 1960 });
    expect([p.terms, p.copies, p.mediators, p.caseNo.community]).toEqual([
      ['601 三日内请人维修防水', '601 赔偿 501 粉刷费 800 元'],
      3,
      ['王调解'],
      '棠湖',
    ]);
    expect(await w.db.auditLog.count({ where: { action: 'mediation.read', entityId: String(c.id) } })).toBe(before + 1);
  });

  test('a scan that is no PDF or image, a day to come, or no draft: refused, nothing written, no file kept', async () => {
    const c = await w.newCase();
    expect(await refusal(signAgreement(w.by.mediator, c.id, { signedOn: TODAY, scan: { name: 'x.png', bytes: await png() } }))).toBe(
      'mediation.noDraft',
    );
    await draftAgreement(w.by.mediator, c.id, draft);
    const text = { name: 'scan.pdf', bytes: Buffer.from('not a scan at all') };
    expect(await refusal(signAgreement(w.by.mediator, c.id, { signedOn: TODAY, scan: text }))).toBe('mediation.scanType');
    expect(await refusal(signAgreement(w.by.mediator, c.id, { signedOn: TODAY }))).toBe('mediation.scanMissing');
    const scan = { name: 'scan.png', bytes: await png() };
    expect(await refusal(signAgreement(w.by.mediator, c.id, { signedOn: inDays(1), scan }))).toBe('mediation.signedFuture');
    expect(await refusal(signAgreement(w.by.respondent, c.id, { signedOn: TODAY, scan }))).toBe('auth.forbidden');
    const row = await caseRow(c.id);
    expect([row.status, row.agreements[0]!.status, row.agreements[0]!.scanKey]).toEqual(['OPEN', 'DRAFT', null]);
    expect(stored()).toHaveLength(0);
  });

  test('signed: case AGREED, the issue resolved "双方达成调解协议", its reporter asked to rate; audit rows hold no case text', async () => {
    const c = await signedCase(TODAY, { withIssue: true });
    const row = await caseRow(c.id);
    expect([row.status, row.concludedOn?.toISOString().slice(0, 10), row.agreements[0]!.status]).toEqual(['AGREED', TODAY, 'SIGNED']);
    const issue = await w.db.issue.findUniqueOrThrow({
      where: { id: c.issueId! },
      include: { events: { orderBy: { id: 'desc' }, take: 1 } },
    });
    expect([issue.state, issue.events[0]!.type, issue.events[0]!.message]).toEqual(['RESOLVED', 'MEDIATION_DONE', '双方达成调解协议']);
    const kinds = (await w.db.notification.findMany({ where: { issueId: issue.id, userId: w.by.applicant.userId } })).map((n) => n.kind);
    expect(kinds.sort()).toEqual(['issue.mediation_done', 'issue.rate']);
    const audits = await w.db.auditLog.findMany({ where: { action: { startsWith: 'mediation.' }, communityId: w.tanghu.id } });
    expect(JSON.stringify(audits.map((a) => [a.before, a.after]))).not.toMatch(/漏水|维修|800/);
  });

  test('signing and "no agreement" at once: one wins, the other refused, its scan removed', async () => {
    const c = await w.newCase();
    await draftAgreement(w.by.mediator, c.id, draft);
    const files = stored().length;
    const scan = { name: 'scan.png', bytes: await png() };
    const results = await Promise.all([
      refusal(signAgreement(w.by.mediator, c.id, { signedOn: TODAY, scan })),
      refusal(signAgreement(w.by.secretary, c.id, { signedOn: TODAY, scan })),
      refusal(recordNoAgreement(w.by.secretary, c.id, { referral: 'COURT', note: '申请司法确认' })),
    ]);
    expect(results.filter((r) => r === 'no refusal')).toHaveLength(1);
    expect(results.filter((r) => r !== 'no refusal')).toEqual(['mediation.wrongState', 'mediation.wrongState']);
    const row = await caseRow(c.id);
    expect(stored().length - files).toBe(row.status === 'AGREED' ? 1 : 0);
  });

  test('the scan: the parties and staff download it, a staff download audited; others refused', async () => {
    const c = await signedCase();
    const count = () => w.db.auditLog.count({ where: { action: 'mediation.readScan', communityId: w.tanghu.id } });
    const before = await count();
    expect((await agreementScan(w.by.respondent, c.id))!.key).toMatch(/^mediation\/.+\.png$/);
    expect(await count()).toBe(before);
    expect((await agreementScan(w.by.secretary, c.id))!.bytes.subarray(1, 4).toString()).toBe('PNG');
    expect(await count()).toBe(before + 1);
    for (const by of [w.by.neighbour, w.by.otherSecretary]) expect(await refusal(agreementScan(by, c.id))).toBe('auth.forbidden');
  });

  test('a party sees the signed terms and deadline only', async () => {
    const c = await signedCase();
    expect(await caseOutcome(w.by.applicant, c.id)).toEqual({
      view: 'party',
      status: 'AGREED',
      agreement: { terms: ['601 三日内请人维修防水', '601 赔偿 501 粉刷费 800 元'], dueOn: TODAY },
    });
    expect(await refusal(caseOutcome(w.by.neighbour, c.id))).toBe('auth.forbidden');
  });
});

describe('no agreement', () => {
  test('recorded with a referral: UNRESOLVED, the issue resolved naming where the parties were sent', async () => {
    const c = await w.newCase({ withIssue: true });
    expect(await refusal(recordNoAgreement(w.by.mediator, c.id, { referral: 'STREET_CENTRE', note: '  ' }))).toBe('mediation.noteEmpty');
    expect(await refusal(recordNoAgreement(w.by.neighbour, c.id, { referral: 'STREET_CENTRE', note: '双方分歧大' }))).toBe(
      'auth.forbidden',
    );
    expect((await caseRow(c.id)).status).toBe('OPEN');
    await recordNoAgreement(w.by.mediator, c.id, { referral: 'STREET_CENTRE', note: '双方分歧大' });
    const row = await caseRow(c.id);
    expect([row.status, row.referral, row.concludedOn?.toISOString().slice(0, 10)]).toEqual(['UNRESOLVED', 'STREET_CENTRE', TODAY]);
    const issue = await w.db.issue.findUniqueOrThrow({
      where: { id: c.issueId! },
      include: { events: { orderBy: { id: 'desc' }, take: 1 } },
    });
    expect([issue.state, issue.events[0]!.message]).toEqual(['RESOLVED', '调解未能达成协议，已引导当事人通过街道矛盾纠纷调解中心解决']);
    expect(await refusal(recordNoAgreement(w.by.mediator, c.id, { referral: 'COURT', note: '再转' }))).toBe('mediation.wrongState');
  });
});

describe('the issue seam', () => {
  test('a withdrawn case hands its issue back to its handlers, acknowledged, the reporter told', async () => {
    const c = await w.newCase({ withIssue: true });
    expect(await w.db.$transaction((tx) => endIssueOfCase(tx, c.issueId, 'WITHDRAWN', '申请人撤回调解申请'))).toBe(true);
    const issue = await w.db.issue.findUniqueOrThrow({ where: { id: c.issueId! } });
    expect([issue.state, issue.resolveBy > new Date()]).toEqual(['ACKNOWLEDGED', true]);
    const kinds = (await w.db.notification.findMany({ where: { issueId: issue.id } })).map((n) => n.kind);
    expect(kinds).toEqual(['issue.mediation_withdrawn']);
    // Once moved on, a second call changes nothing.
    expect(await w.db.$transaction((tx) => endIssueOfCase(tx, c.issueId, 'DONE', '双方达成调解协议'))).toBe(false);
  });
});

describe('follow-up', () => {
  test('before the deadline refused, nothing written', async () => {
    const c = await signedCase(inDays(5));
    expect(await refusal(recordFollowUp(w.by.mediator, c.id, { result: 'KEPT', note: '已维修' }))).toBe('mediation.followUpEarly');
    expect((await caseRow(c.id)).followUps).toHaveLength(0);
  });

  test('KEPT closes the case; PARTLY keeps it AGREED', async () => {
    const c = await signedCase();
    await recordFollowUp(w.by.mediator, c.id, { result: 'PARTLY', note: '已维修，赔偿未付' });
    expect((await caseRow(c.id)).status).toBe('AGREED');
    await recordFollowUp(w.by.secretary, c.id, { result: 'KEPT', note: '已付清' });
    const row = await caseRow(c.id);
    expect([row.status, row.closedOn?.toISOString().slice(0, 10), row.agreements[0]!.status, row.followUps.length]).toEqual([
      'CLOSED',
      TODAY,
      'KEPT',
      2,
    ]);
    expect(await refusal(recordFollowUp(w.by.mediator, c.id, { result: 'KEPT', note: '再访' }))).toBe('mediation.wrongState');
    // The case page still shows the agreement that was kept (it showed none, and called it broken).
    const o = await caseOutcome(w.by.mediator, c.id);
    expect(o.view === 'staff' && [o.current?.status, o.past.length, o.followUps.map((f) => f.result)]).toEqual([
      'KEPT',
      0,
      ['PARTLY', 'KEPT'],
    ]);
    expect((await agreementForPrint(w.by.mediator, c.id))?.status).toBe('KEPT');
  });

  test('BROKEN reopens the case and a new agreement may be drafted', async () => {
    const c = await signedCase();
    await recordFollowUp(w.by.mediator, c.id, { result: 'BROKEN', note: '未维修' });
    let row = await caseRow(c.id);
    expect([row.status, row.reopenCount, row.concludedOn, row.agreements[0]!.status]).toEqual(['OPEN', 1, null, 'BROKEN']);
    await draftAgreement(w.by.mediator, c.id, { ...draft, terms: '601 一周内维修' });
    row = await caseRow(c.id);
    expect(row.agreements.map((a) => a.status).sort()).toEqual(['BROKEN', 'DRAFT']);
    const o = await caseOutcome(w.by.mediator, c.id);
    expect(o.view === 'staff' && [o.current?.status, o.past.map((a) => a.status), o.reopenCount]).toEqual(['DRAFT', ['BROKEN'], 1]);
  });

  test('two visits logged at once: one wins, the other refused with nothing written', async () => {
    const c = await signedCase();
    const results = await Promise.all([
      // Both posted from the page as it was (no visit yet): however the two interleave, the second is refused.
      refusal(recordFollowUp(w.by.mediator, c.id, { result: 'PARTLY', note: '一', visits: 0 })),
      refusal(recordFollowUp(w.by.secretary, c.id, { result: 'BROKEN', note: '二', visits: 0 })),
    ]);
    expect(results.filter((r) => r === 'no refusal')).toHaveLength(1);
    expect(results.filter((r) => r !== 'no refusal')[0]).toBe('mediation.changedMeanwhile');
    expect((await caseRow(c.id)).followUps).toHaveLength(1);
  });
});
