import { expect, test } from 'vitest';
import { medianInUnit } from '@/domain/stats/figures';

/** Issue 20, item 10: the export reads medians in hours (response) and days (resolution), to a tenth. */
test.each([
  ['ackMedian', 90, 1.5],
  ['ackMedian', 20, 0.3],
  ['ackMedian', 0, 0],
  ['resolveMedian', 1440 * 3 + 720, 3.5],
  ['resolveMedian', 100, 0.1],
  ['resolveMedian', null, null],
] as const)('%s of %s minutes is %s', (k, minutes, expected) => {
  expect(medianInUnit(k, minutes)).toBe(expected);
});
