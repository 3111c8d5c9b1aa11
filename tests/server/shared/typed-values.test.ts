import { describe, expect, test } from 'vitest';
import { typedValues } from '@/features/shared/typed-values';

// A refused form comes back filled (without JavaScript) — but no secret travels back into the page's HTML.
describe('typedValues', () => {
  test('what was typed comes back; passwords, their confirmation, the current one, codes and files do not', () => {
    const fd = new FormData();
    for (const [k, v] of [
      ['title', '楼道灯不亮'],
      ['description', '三楼'],
      ['phone', '13800138000'],
      ['password', 'new-secret-1'],
      ['confirm', 'new-secret-1'],
      ['current', 'old-secret-1'],
      ['code', '483920'],
      ['idempotencyKey', 'k-1'],
      ['$ACTION_ID_abc', ''],
    ])
      fd.append(k!, v!);
    fd.append('photos', new File([new Uint8Array(3)], 'a.jpg'));
    expect(typedValues(fd)).toEqual({ title: '楼道灯不亮', description: '三楼', phone: '13800138000' });
  });
});
