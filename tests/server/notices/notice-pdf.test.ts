import { describe, expect, test } from 'vitest';
import { publishManualNotice } from '@/server/notices/board';
import { noticePdf } from '@/server/notices/print';
import { getNoticeView } from '@/server/notices/read-board';
import { chinaDay } from '@/server/today';
import { holds, readPdf } from '../../e2e/support/pdf-text';
import { byUser, world } from '../accounts/support';

// Issue 17, item 5: a paper notice ends with its 落款 — the issuing body and the date — in the downloadable PDF too.
describe('the notice PDF', () => {
  test('ends with the issuing body and the publication date, on A4', async () => {
    const w = await world();
    const { id } = await publishManualNotice(await byUser(w.staff.jinyangSecretary.id, '刘书记'), {
      place: `compound:${w.a.compound.id}`,
      category: 'RESIDENTS',
      title: '北苑小区停车位分配结果',
      period: { days: 7, unit: 'CALENDAR' },
      html: '<p>按抽签结果分配。</p>',
    });
    const n = (await getNoticeView(id, null))!;
    const printed = readPdf(await noticePdf(n, `https://yishi.example/board/n/${id}`));
    expect(printed.pages.length).toBeGreaterThanOrEqual(1);
    expect(holds(printed.text, '北苑小区停车位分配结果')).toBe(true);
    expect(holds(printed.text, `${n.place.community}居民委员会`)).toBe(true);
    expect(holds(printed.text, chinaDay(n.publishedAt!))).toBe(true);
  });
});
