import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { publishCandidates } from '@/server/elections/candidates';
import { nominate } from '@/server/elections/nominate';
import { answerObjection, objectToElection } from '@/server/elections/objections';
import { refusal } from '../refusal';
import { electionWorld, openCouncil, snapshot, type TElectionWorld } from './nomination-world';

let w: TElectionWorld;
beforeAll(async () => {
  w = await electionWorld();
});
afterEach(() => {
  vi.useRealTimers();
});

/** An election of 北苑 with owners 2 and 3 on the board. */
async function onTheBoard() {
  const id = await openCouncil(w);
  const a = await nominate(w.r[2]!, id, { kind: 'SELF' });
  const b = await nominate(w.r[3]!, id, { kind: 'SELF' });
  const { noticeId } = await publishCandidates(w.secretary, id);
  return { id, a: a.id, b: b.id, noticeId };
}

describe('objections to the candidate list (decision 069)', () => {
  test('before the list is on the board: refused', async () => {
    const id = await openCouncil(w);
    const before = await snapshot();
    expect(await refusal(objectToElection(w.r[0]!, id, { text: '提名程序不公开' }))).toBe('election.notPublicising');
    expect(await snapshot()).toEqual(before);
  });

  test('during publicity a resident objects (to the list or one candidate); outsiders and bad input refused', async () => {
    const { id, a, b } = await onTheBoard();
    const o = await objectToElection(w.r[0]!, id, { candidateId: a, text: '该候选人长期不在本小区居住' });
    await objectToElection(w.r[1]!, id, { text: '公示地点不醒目' });
    const row = await w.db.electionObjection.findUniqueOrThrow({ where: { id: o.id } });
    expect(row).toMatchObject({ electionId: id, candidateId: a, byPersonId: w.a.owners[0]!.id, answer: null });
    const audit = await w.db.auditLog.findFirstOrThrow({ where: { action: 'election.object', entityId: String(o.id) } });
    expect(JSON.stringify(audit.after)).not.toContain('居住');
    const other = await openCouncil(w);
    const stranger = await nominate(w.r[0]!, other, { kind: 'SELF' });
    const before = await snapshot();
    for (const by of [w.elsewhere, w.otherSecretary, w.secretary, w.branchSecretary])
      expect(await refusal(objectToElection(by, id, { text: '异议' }))).toBe('auth.forbidden');
    expect(await refusal(objectToElection(w.r[0]!, id, { text: '   ' }))).toBe('election.objectionText');
    expect(await refusal(objectToElection(w.r[0]!, id, { text: '长'.repeat(1001) }))).toBe('election.objectionText');
    expect(await refusal(objectToElection(w.r[0]!, id, { candidateId: stranger.id, text: '异议' }))).toBe('election.candidateGone');
    expect(await refusal(objectToElection(w.r[0]!, 999_999, { text: '异议' }))).toBe('auth.forbidden');
    expect(await snapshot()).toEqual(before);
    expect(await refusal(objectToElection(w.r[0]!, id, { candidateId: b, text: '异议' }))).toBe('no refusal');
  });

  test('after the publicity period: refused (the end shown in China time)', async () => {
    const { id, noticeId } = await onTheBoard();
    const n = await w.db.notice.findUniqueOrThrow({ where: { id: noticeId } });
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(n.periodEndsAt!.getTime() + 1000);
    const before = await snapshot();
    const err = await objectToElection(w.r[0]!, id, { text: '异议' }).catch((e: { code: string; values: { at: string } }) => e);
    expect(err).toMatchObject({ code: 'election.publicityOver', values: { at: expect.stringMatching(/ 23:59$/) } });
    expect(await snapshot()).toEqual(before);
  });

  test('staff answer: upheld strikes the candidate; answered once; residents and outsiders cannot answer', async () => {
    const { id, a, b } = await onTheBoard();
    const toA = await objectToElection(w.r[0]!, id, { candidateId: a, text: '不符合条件' });
    const toB = await objectToElection(w.r[1]!, id, { candidateId: b, text: '有意见' });
    const general = await objectToElection(w.r[1]!, id, { text: '程序问题' });
    const before = await snapshot();
    for (const by of [w.r[0]!, w.elsewhere, w.otherSecretary])
      expect(await refusal(answerObjection(by, toA.id, { answer: '经核实', upheld: true }))).toBe('auth.forbidden');
    expect(await refusal(answerObjection(w.secretary, toA.id, { answer: ' ', upheld: true }))).toBe('election.answerText');
    expect(await refusal(answerObjection(w.secretary, toA.id, { answer: '经核实', upheld: 'yes' as never }))).toBe('election.upheldChoice');
    expect(await snapshot()).toEqual(before);
    expect(await answerObjection(w.secretary, toA.id, { answer: '经核实属实，取消其候选人资格', upheld: true })).toEqual({ struck: true });
    expect(await answerObjection(w.secretary, toB.id, { answer: '经核实不属实', upheld: false })).toEqual({ struck: false });
    expect(await answerObjection(w.secretary, general.id, { answer: '已调整公示地点', upheld: true })).toEqual({ struck: false });
    const statuses = await w.db.electionCandidate.findMany({ where: { electionId: id }, orderBy: { id: 'asc' } });
    expect(statuses.map((c) => c.status)).toEqual(['STRUCK', 'LISTED']);
    expect(await refusal(answerObjection(w.secretary, toA.id, { answer: '再答', upheld: false }))).toBe('election.alreadyAnswered');
    expect((await w.db.electionObjection.findUniqueOrThrow({ where: { id: toA.id } })).answer).toBe('经核实属实，取消其候选人资格');
  });

  test('two answers at once: one wins, the other is told it was answered', async () => {
    const { id, a } = await onTheBoard();
    const o = await objectToElection(w.r[0]!, id, { candidateId: a, text: '不符合条件' });
    const out = await Promise.all([
      refusal(answerObjection(w.secretary, o.id, { answer: '成立', upheld: true })),
      refusal(answerObjection(w.street, o.id, { answer: '不成立', upheld: false })),
    ]);
    expect(out.sort()).toEqual(['election.alreadyAnswered', 'no refusal']);
    expect(await w.db.auditLog.count({ where: { action: 'election.answerObjection', entityId: String(o.id) } })).toBe(1);
    const row = await w.db.electionObjection.findUniqueOrThrow({ where: { id: o.id } });
    const candidate = await w.db.electionCandidate.findUniqueOrThrow({ where: { id: a } });
    expect(candidate.status).toBe(row.upheld ? 'STRUCK' : 'LISTED');
  });
});
