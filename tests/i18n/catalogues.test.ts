import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, test } from 'vitest';
import { namespaces } from '@/i18n/messages';
import { locales } from '@/i18n/routing';

const dir = path.join(import.meta.dirname, '..', '..', 'messages');
type TTree = { [k: string]: string | TTree };

function flatten(tree: TTree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

/** Argument names of an ICU message, including those nested in plural/select branches. */
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  const walk = (els: MessageFormatElement[]) => {
    for (const el of els) {
      if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
      if ('value' in el && typeof el.value === 'string') names.add(el.value);
      if ('options' in el) for (const o of Object.values(el.options)) walk(o.value);
      if (el.type === TYPE.tag) walk(el.children);
    }
  };
  walk(parse(message));
  return [...names].sort();
}

const load = (locale: string, ns: string) => flatten(JSON.parse(readFileSync(path.join(dir, locale, `${ns}.json`), 'utf8')));

describe('message catalogues', () => {
  test('every locale has exactly the listed namespaces', () => {
    for (const locale of locales) {
      expect(
        readdirSync(path.join(dir, locale))
          .map((f) => f.replace(/\.json$/, ''))
          .sort(),
      ).toEqual([...namespaces].sort());
    }
  });

  describe.each([...namespaces])('%s', (ns) => {
    const source = load('zh-CN', ns);
    test.each(locales.filter((l) => l !== 'zh-CN'))('%s has the same keys as zh-CN', (locale) => {
      expect([...load(locale, ns).keys()].sort()).toEqual([...source.keys()].sort());
    });
    test.each(locales.filter((l) => l !== 'zh-CN'))('%s uses the same placeholders as zh-CN, message by message', (locale) => {
      const other = load(locale, ns);
      for (const [key, message] of source) {
        expect({ key, args: argumentsOf(other.get(key) ?? '') }).toEqual({ key, args: argumentsOf(message) });
      }
    });
    test('no key contains a dot (next-intl reads dots as nesting)', () => {
      for (const locale of locales) {
        const walk = (tree: TTree, at: string): void => {
          for (const [k, v] of Object.entries(tree)) {
            expect({ at, key: k, dotted: k.includes('.') }).toEqual({ at, key: k, dotted: false });
            if (typeof v !== 'string') walk(v, `${at}.${k}`);
          }
        };
        walk(JSON.parse(readFileSync(path.join(dir, locale, `${ns}.json`), 'utf8')), ns);
      }
    });
    test('no message is empty', () => {
      for (const locale of locales)
        for (const [key, m] of load(locale, ns)) expect({ key, empty: m.trim() === '' }).toEqual({ key, empty: false });
    });
  });
});
