/**
 * Issue 20, item 1: a link shared into a WeChat group shows a card — the page's title, place and a picture — for
 * public pages only (notices, meetings), read as an anonymous visitor reads them; nothing for anything else.
 */
import sharp from 'sharp';
import { beforeAll, describe, expect, test } from 'vitest';
import { GET as cardRoute } from '@/app/api/cards/[kind]/[id]/route';
import { publishManualNotice } from '@/server/notices/board';
import { shareCard } from '@/server/share/cards';
import { cardPicture } from '@/server/share/card-image';
import { createIssueWithHistory } from '../../factories/issues';
import { createMeeting } from '../../factories/meetings';
import { byUser, world } from '../accounts/support';

let w: Awaited<ReturnType<typeof world>>;
let noticeId: number;
let meetingId: number;
let issueId: number;
beforeAll(async () => {
  w = await world();
  ({ id: noticeId } = await publishManualNotice(await byUser(w.staff.jinyangSecretary.id, '刘书记'), {
    place: `compound:${w.a.compound.id}`,
    category: 'RESIDENTS',
    title: '北苑小区停车位分配结果',
    period: { days: 7, unit: 'CALENDAR' },
    html: '<p>按抽签结果分配。</p>',
  }));
  ({ id: meetingId } = await createMeeting(w.db, {
    kind: 'COUNCIL',
    title: '议事会例会',
    communityId: w.a.compound.communityId,
    startsAt: new Date('2026-03-02T06:00:00Z'),
    minutes: 90,
    location: '党群服务中心',
    createdById: w.staff.jinyangSecretary.id,
  }));
  const at = new Date();
  ({ id: issueId } = await createIssueWithHistory(w.db, {
    categoryCode: 'PARKING',
    title: '楼下的私事',
    description: '不公开',
    compoundId: w.a.compound.id,
    authorUserId: null,
    anonymous: true,
    createdAt: at,
    acknowledgeBy: at,
    resolveBy: at,
    steps: [],
  }));
});

const get = (kind: string, id: number | string) =>
  cardRoute(new Request('http://x'), { params: Promise.resolve({ kind, id: String(id) }) });

describe('share cards', () => {
  test('a notice: its title, its place, its text, its page', async () => {
    expect(await shareCard('notice', noticeId)).toEqual({
      kind: 'notice',
      id: noticeId,
      title: '北苑小区停车位分配结果',
      place: expect.stringContaining('北苑小区'),
      description: '按抽签结果分配。',
      path: `/board/n/${noticeId}`,
    });
  });

  test('a meeting: its title, day and place', async () => {
    expect(await shareCard('meeting', meetingId)).toMatchObject({
      title: '议事会例会',
      description: '2026-03-02 · 党群服务中心',
      path: `/meetings/${meetingId}`,
    });
  });

  test.each([
    ['notice', () => noticeId],
    ['meeting', () => meetingId],
  ])('the picture of a %s is a 1200×630 PNG', async (kind, id) => {
    const res = await get(kind, id());
    expect([res.status, res.headers.get('content-type')]).toEqual([200, 'image/png']);
    const meta = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 1200, 630]);
  });

  test('a card is drawn once for its content: the previews of a group chat fetching it at once share one drawing', async () => {
    const card = { title: `停车位分配结果 ${Date.now()}`, place: '北苑小区' };
    const [a, b] = await Promise.all([cardPicture(card), cardPicture(card)]);
    expect(b).toBe(a); // the same picture, not a second drawing
    expect(await cardPicture({ ...card })).toBe(a);
    const renamed = await cardPicture({ ...card, title: `${card.title}（更正）` });
    expect(renamed).not.toBe(a);
    expect((await sharp(renamed).metadata()).width).toBe(1200);
  });

  test('nothing that is not public: no card for an issue (even one that exists), a topic, an unknown id or a bad one', async () => {
    for (const [kind, id] of [
      ['issue', issueId],
      ['topic', 1], // undecided: a decided one has a card (tests/server/topics/public-record.test.ts)
      ['notice', 999_999],
      ['meeting', 999_999],
      ['notice', 'x1'],
    ] as const) {
      expect((await get(kind, id)).status, `${kind} ${id}`).toBe(404);
    }
    expect(await shareCard('notice', 999_999)).toBeNull();
  });
});
