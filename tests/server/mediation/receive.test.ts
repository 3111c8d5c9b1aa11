import { beforeAll, describe, expect, test } from 'vitest';
import { addMediator } from '@/server/mediation/mediators';
import { addParty } from '@/server/mediation/parties';
import { receiveCase } from '@/server/mediation/receive';
import { withdrawCase } from '@/server/mediation/withdraw';
import { asUser } from '../../factories/mediation';
import { refusal } from '../refusal';
import { mediationWorld, snapshot, walkIn } from './support';

let w: Awaited<ReturnType<typeof mediationWorld>>;
beforeAll(async () => {
  w = await mediationWorld();
});

describe('receiving a case (issue 21 item 1)', () => {
  test('from an issue: the reporter is the applicant, the issue waits IN_MEDIATION, its timeline names nothing of the case', async () => {
    const c = await receiveCase(w.secretary, {
      kind: 'WATER_LEAK',
      source: 'ISSUE',
      urgency: 'URGENT',
      summary: '楼上漏水，双方对维修费用分担有争议',
      issueId: w.cast.issue.id,
    });
    const row = await w.db.mediationCase.findUniqueOrThrow({ where: { id: c.id }, include: { parties: true } });
    expect(row).toMatchObject({ communityId: w.jinyang.id, compoundId: w.a.compound.id, status: 'OPEN', issueId: w.cast.issue.id });
    expect(row.parties).toEqual([
      expect.objectContaining({ side: 'APPLICANT', personId: w.cast.applicant.personId, householdId: w.cast.households.applicant }),
    ]);
    const issue = await w.db.issue.findUniqueOrThrow({
      where: { id: w.cast.issue.id },
      include: { events: { orderBy: { id: 'desc' }, take: 1 } },
    });
    expect(issue.state).toBe('IN_MEDIATION');
    expect(issue.events[0]).toMatchObject({ type: 'MEDIATE', message: '已转入人民调解' });
    const told = await w.db.notification.findMany({ where: { userId: w.cast.applicant.id, kind: 'issue.mediate' } });
    expect(told.map((n) => n.body)).toEqual(['已转入人民调解']);
    const audit = await w.db.auditLog.findFirstOrThrow({ where: { action: 'mediation.receive', entityId: String(c.id) } });
    expect(JSON.stringify(audit.after)).not.toContain('漏水');
    // A second reception of the same issue: refused, nothing written.
    const before = await snapshot();
    expect(await refusal(receiveCase(w.secretary, { ...walkIn(), source: 'ISSUE', issueId: w.cast.issue.id }))).toBe(
      'mediation.issueTaken',
    );
    expect(await snapshot()).toEqual(before);
  });

  test('an anonymous issue is refused, and so is every bad input, with nothing written', async () => {
    const before = await snapshot();
    const bad: [Parameters<typeof receiveCase>[1], string][] = [
      [{ ...walkIn(), source: 'ISSUE', issueId: w.cast.anonymousIssue.id }, 'mediation.anonymousIssue'],
      [{ ...walkIn(), kind: '' as never }, 'mediation.badInput'],
      [{ ...walkIn(), source: '' as never }, 'mediation.badInput'],
      [{ ...walkIn(), urgency: '' as never }, 'mediation.badInput'],
      [{ ...walkIn('   '), communityId: w.jinyang.id }, 'mediation.badInput'],
      [{ ...walkIn(), communityId: w.jinyang.id, issueId: w.cast.anonymousIssue.id }, 'mediation.sourceIssue'],
      [{ ...walkIn(), source: 'POLICE_REFERRAL', communityId: w.jinyang.id }, 'mediation.referredBy'],
      [{ ...walkIn(), communityId: w.tanghu.id }, 'auth.forbidden'],
    ];
    for (const [input, code] of bad) expect(await refusal(receiveCase(w.secretary, input)), code).toBe(code);
    expect(await snapshot()).toEqual(before);
    const issue = await w.db.issue.findUniqueOrThrow({ where: { id: w.cast.anonymousIssue.id } });
    expect(issue.state).toBe('SUBMITTED');
  });

  test('only those who manage mediation at the community receive: the street, a grid worker, a resident are refused', async () => {
    for (const userId of [
      w.staff.jinyangStreet.id,
      w.staff.gridWorker.id,
      w.cast.unrelated.id,
      w.cast.branchSecretary.id,
      w.cast.otherSecretary.id,
    ])
      expect(await refusal(receiveCase(await asUser(userId), { ...walkIn(), communityId: w.jinyang.id }))).toBe('auth.forbidden');
    // The mediation committee's chair manages (MEDIATION_CHAIR); a plain member does not.
    expect(await refusal(receiveCase(await asUser(w.cast.member.id), { ...walkIn(), communityId: w.jinyang.id }))).toBe('auth.forbidden');
    expect(await refusal(receiveCase(await asUser(w.cast.chair.id), { ...walkIn(), communityId: w.jinyang.id }))).toBe('no refusal');
  });

  test('two receptions at once get 案号 seq n and n + 1; the same key twice makes one case', async () => {
    const at = { ...walkIn(), communityId: w.jinyang.id };
    const [a, b] = await Promise.all([receiveCase(w.secretary, at), receiveCase(w.secretary, at)]);
    expect(Math.abs(a.seq - b.seq)).toBe(1);
    const seqs = (await w.db.mediationCase.findMany({ where: { communityId: w.jinyang.id }, select: { seq: true } }))
      .map((r) => r.seq)
      .sort((x, y) => x - y);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    const before = await w.db.mediationCase.count();
    const key = { ...at, idempotencyKey: 'double-tap-1' };
    const [x, y] = await Promise.all([receiveCase(w.secretary, key), receiveCase(w.secretary, key)]);
    expect(x.id).toBe(y.id);
    expect(await w.db.mediationCase.count()).toBe(before + 1);
  });

  test('two receptions of one issue at once: one case, the other refused', async () => {
    const issue = await w.db.issue.create({
      data: {
        ...(await w.db.issue.findUniqueOrThrow({
          where: { id: w.cast.anonymousIssue.id },
          omit: { id: true, createdAt: true, updatedAt: true },
        })),
        anonymous: false,
        state: 'SUBMITTED',
      },
    });
    const input = { kind: 'NOISE', source: 'ISSUE', urgency: 'NORMAL', summary: '夜间噪音', issueId: issue.id } as const;
    const results = await Promise.all([refusal(receiveCase(w.secretary, input)), refusal(receiveCase(w.secretary, input))]);
    expect(results.sort()).toEqual(['mediation.issueTaken', 'no refusal'].sort());
    expect(await w.db.mediationCase.count({ where: { issueId: issue.id } })).toBe(1);
  });
});

test('a walk-in reporter without an account becomes the applicant by the name and phone they gave', async () => {
  const issue = await w.db.issue.create({
    data: {
      ...(await w.db.issue.findUniqueOrThrow({ where: { id: w.cast.issue.id }, omit: { id: true, createdAt: true, updatedAt: true } })),
      state: 'SUBMITTED',
      authorUserId: null,
      channel: 'STAFF_ENTRY',
      reporterName: '上门居民',
      reporterPhone: '13700003333',
    },
  });
  const c = await receiveCase(w.secretary, { kind: 'PARKING', source: 'ISSUE', urgency: 'NORMAL', summary: '车位纠纷', issueId: issue.id });
  const parties = await w.db.mediationParty.findMany({ where: { caseId: c.id } });
  expect(parties).toEqual([expect.objectContaining({ side: 'APPLICANT', personId: null, name: '上门居民', phone: '13700003333' })]);
});

describe('parties, mediators, withdrawal (items 2, 3, 5)', () => {
  let caseId: number;
  beforeAll(async () => {
    caseId = (await receiveCase(w.secretary, { ...walkIn(), communityId: w.jinyang.id, compoundId: w.a.compound.id })).id;
  });

  test('parties: a resident found in the roster, an outside party by name and phone; bad ones refused with nothing written', async () => {
    await addParty(w.secretary, caseId, {
      side: 'APPLICANT',
      personId: w.cast.applicant.personId,
      householdId: w.cast.households.applicant,
    });
    await addParty(w.secretary, caseId, { side: 'RESPONDENT', name: '外来租客', phone: '13700001111', address: '成都市武侯区某路1号' });
    // A second outside party (no person of the roster either): allowed, the unique key treats their NULLs as distinct.
    await addParty(w.secretary, caseId, { side: 'RESPONDENT', name: '外来租客之妻', phone: '13700001113' });
    const before = await snapshot();
    const bad: [Parameters<typeof addParty>[2], string][] = [
      [{ side: 'RESPONDENT', personId: w.cast.respondent.personId, householdId: w.cast.households.applicant }, 'mediation.partyOutside'],
      [{ side: 'RESPONDENT', personId: w.cast.applicant.personId, householdId: w.cast.households.applicant }, 'mediation.partyTwice'],
      [{ side: 'RESPONDENT', name: '', phone: '13700001111' }, 'mediation.badInput'],
      [{ side: 'RESPONDENT', name: '某人', phone: '12345' }, 'mediation.badInput'],
      [{ side: 'OTHER' as never, name: '某人', phone: '13700001112' }, 'mediation.badInput'],
    ];
    for (const [input, code] of bad) expect(await refusal(addParty(w.secretary, caseId, input)), code).toBe(code);
    expect(
      await refusal(addParty(await asUser(w.cast.unrelated.id), caseId, { side: 'RESPONDENT', name: '某人', phone: '13700001112' })),
    ).toBe('auth.forbidden');
    expect(await snapshot()).toEqual(before);
  });

  test('mediators: from the eligible list only; a party or their household refused; a neighbour only with the warning confirmed', async () => {
    const name = (personId: number, source: 'COMMITTEE' | 'GRID_WORKER' | 'BRANCH_SECRETARY' | 'STUDIO', more = {}) =>
      refusal(addMediator(w.secretary, caseId, { personId, source, lead: false, confirmNeighbour: false, ...more }));
    const before = await snapshot();
    expect(await name(w.cast.outsider.personId, 'COMMITTEE')).toBe('mediation.mediatorOutside');
    expect(await name(w.cast.studioMediator.personId, 'COMMITTEE')).toBe('mediation.mediatorOutside');
    expect(await name(w.cast.spouse.id, 'COMMITTEE')).toBe('mediation.mediatorOutside');
    expect(await snapshot()).toEqual(before);
    expect(await name(w.cast.studioMediator.personId, 'STUDIO', { lead: true })).toBe('no refusal');
    expect(await name(w.cast.member.personId, 'COMMITTEE', { lead: true })).toBe('no refusal');
    expect(await name(w.cast.branchSecretary.personId, 'BRANCH_SECRETARY')).toBe('no refusal');
    const gridWorker = await w.db.user.findUniqueOrThrow({ where: { id: w.staff.gridWorker.id } });
    expect(await name(gridWorker.personId, 'GRID_WORKER')).toBe('no refusal');
    const mediators = await w.db.caseMediator.findMany({ where: { caseId } });
    expect(mediators.filter((m) => m.lead).map((m) => m.personId)).toEqual([w.cast.member.personId]);
    // Told in their inbox: the case's number, never its parties or summary.
    const told = await w.db.notification.findFirstOrThrow({ where: { userId: w.cast.member.id, kind: 'mediation.mediator' } });
    expect(`${told.title} ${told.body}`).not.toMatch(/堆物|外来租客/);

    // The applicant's household member in the committee: refused; the respondent's building neighbour: warned.
    const body = await w.db.body.findFirstOrThrow({ where: { kind: 'MEDIATION_COMMITTEE', communityId: w.jinyang.id } });
    await w.db.bodyMember.createMany({
      data: [w.cast.spouse.id, w.cast.unrelated.personId].map((personId) => ({
        bodyId: body.id,
        personId,
        startsOn: new Date('2024-01-01'),
      })),
    });
    const mid = await snapshot();
    expect(await name(w.cast.spouse.id, 'COMMITTEE')).toBe('mediation.mediatorIsParty');
    expect(await name(w.cast.applicant.personId, 'COMMITTEE')).toBe('mediation.mediatorOutside');
    expect(await name(w.cast.unrelated.personId, 'COMMITTEE')).toBe('mediation.mediatorNeighbour');
    expect(
      await refusal(
        addMediator(await asUser(w.cast.member.id), caseId, {
          personId: w.cast.chair.personId,
          source: 'COMMITTEE',
          lead: false,
          confirmNeighbour: false,
        }),
      ),
    ).toBe('auth.forbidden');
    expect(await snapshot()).toEqual(mid);
    expect(await name(w.cast.unrelated.personId, 'COMMITTEE', { confirmNeighbour: true })).toBe('no refusal');
    const warned = await w.db.caseMediator.findFirstOrThrow({ where: { caseId, personId: w.cast.unrelated.personId } });
    expect(warned.conflictNote).toContain('同住一栋楼');
  });

  test('withdrawal: the case WITHDRAWN, the issue back to its handlers; then no more changes', async () => {
    const issue = await w.db.issue.create({
      data: {
        ...(await w.db.issue.findUniqueOrThrow({ where: { id: w.cast.issue.id }, omit: { id: true, createdAt: true, updatedAt: true } })),
        state: 'SUBMITTED',
      },
    });
    const c = await receiveCase(w.secretary, { ...walkIn(), source: 'ISSUE', issueId: issue.id });
    expect(await refusal(withdrawCase(await asUser(w.cast.applicant.id), c.id))).toBe('auth.forbidden');
    await withdrawCase(w.secretary, c.id);
    expect((await w.db.mediationCase.findUniqueOrThrow({ where: { id: c.id } })).status).toBe('WITHDRAWN');
    expect((await w.db.issue.findUniqueOrThrow({ where: { id: issue.id } })).state).toBe('ACKNOWLEDGED');
    const before = await snapshot();
    expect(await refusal(withdrawCase(w.secretary, c.id))).toBe('mediation.wrongState');
    expect(await refusal(addParty(w.secretary, c.id, { side: 'RESPONDENT', name: '某人', phone: '13700001113' }))).toBe(
      'mediation.wrongState',
    );
    expect(await snapshot()).toEqual(before);
  });
});
