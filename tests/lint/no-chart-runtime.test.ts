import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** Issue 16, item 7: the dashboard's charts are server-rendered SVG; no page ships a charting runtime to a phone. */
const root = path.join(import.meta.dirname, '../../src');
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : [],
  );

describe('charts', () => {
  it('no source file imports a charting library', () => {
    const offenders = files(root).filter((f) => /from ['"](recharts|chart\.js|echarts|d3)[/'"]/.test(readFileSync(f, 'utf8')));
    expect(offenders.map((f) => path.relative(root, f))).toEqual([]);
  });
  it('the dashboard charts are server components (no client boundary)', () => {
    const src = readFileSync(path.join(root, 'features/stats/components/charts.tsx'), 'utf8');
    expect(src).not.toMatch(/^\s*['"]use client['"]/);
  });
});
