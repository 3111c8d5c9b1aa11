import { describe, expect, test } from 'vitest';
import { MAX_FORM_BYTES, MB, uploadRefusal, UPLOAD_LIMITS } from '@/domain/files/upload-limits';

describe('upload limits (issue 17, item 2)', () => {
  test.each([
    ['one camera photo of 6 MB', 'photo', [6 * MB], null],
    ['exactly 10 MB', 'photo', [10 * MB], null],
    ['one byte over 10 MB', 'photo', [10 * MB + 1], { code: 'upload.tooLarge', values: { size: '10.0', max: 10 } }],
    ['a 30 MB video among photos', 'photo', [2 * MB, 30 * MB], { code: 'upload.tooLarge', values: { size: '30.0', max: 10 } }],
    ['seven photos', 'photo', Array(7).fill(MB), { code: 'upload.tooMany', values: { max: 6 } }],
    ['six photos and an empty part', 'photo', [...Array(6).fill(MB), 0], null],
    ['a 6 MB roster', 'roster', [6 * MB], { code: 'upload.tooLarge', values: { size: '6.0', max: 5 } }],
    ['six attachments', 'attachment', Array(6).fill(MB), { code: 'upload.tooMany', values: { max: 5 } }],
    ['two receipts', 'receipt', [MB, MB], { code: 'upload.tooMany', values: { max: 1 } }],
    ['nothing chosen', 'receipt', [0], null],
  ] as const)('%s', (_, kind, sizes, expected) => {
    expect(uploadRefusal(kind, sizes)).toEqual(expected);
  });

  test('a server action may receive the fullest form: six 10 MB photos and the text around them', () => {
    const fullest = Math.max(...Object.values(UPLOAD_LIMITS).map((l) => l.maxBytes * l.maxFiles));
    expect(fullest).toBe(60 * MB);
    expect(MAX_FORM_BYTES).toBeGreaterThan(fullest);
    expect(MAX_FORM_BYTES).toBeLessThanOrEqual(fullest + 2 * MB);
  });
});
