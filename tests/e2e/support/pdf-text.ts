import { inflateSync } from 'node:zlib';

/**
 * What a printed page says: the text and the page sizes of a PDF Chromium printed (page.pdf()), read without a PDF
 * library. Chromium (Skia) writes fonts as Type0/Identity-H with a ToUnicode map, text as hex glyph strings in Tj/TJ,
 * objects uncompressed and streams deflated — enough to read here: objects, streams, ToUnicode maps, text operators.
 */
type TObject = { dict: string; stream?: Buffer };

function objects(pdf: Buffer): Map<number, TObject> {
  const text = pdf.toString('latin1');
  const out = new Map<number, TObject>();
  const re = /(\d+) 0 obj\b/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endobj', start);
    const body = text.slice(start, end);
    const s = body.search(/\bstream\r?\n/);
    if (s < 0) {
      out.set(Number(m[1]), { dict: body });
      continue;
    }
    const dict = body.slice(0, s);
    const from = start + s + body.slice(s).match(/^stream\r?\n/)![0].length;
    const length = /\/Length (\d+)(?! \d+ R)/.exec(dict);
    const to = length ? from + Number(length[1]) : start + body.lastIndexOf('endstream');
    const raw = pdf.subarray(from, to);
    out.set(Number(m[1]), { dict, stream: /\/FlateDecode/.test(dict) ? inflateSync(raw) : raw });
    re.lastIndex = end;
  }
  return out;
}

const ref = (dict: string, key: string) => {
  const m = new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(dict);
  return m ? Number(m[1]) : null;
};

/** The inline or referenced dictionary under a key (one level of << >> nesting is enough for /Font and /Resources). */
function subDict(objs: Map<number, TObject>, dict: string, key: string): string {
  const r = ref(dict, key);
  if (r !== null) return objs.get(r)?.dict ?? '';
  const at = dict.indexOf(`/${key}`);
  if (at < 0) return '';
  let depth = 0;
  const from = dict.indexOf('<<', at);
  for (let i = from; i < dict.length - 1; i++) {
    if (dict.startsWith('<<', i)) {
      depth++;
      i++;
    } else if (dict.startsWith('>>', i) && --depth === 0) return dict.slice(from, i + 2);
  }
  return '';
}

function toUnicode(cmap: string): Map<number, string> {
  const out = new Map<number, string>();
  const hex = (h: string) => {
    const bytes = h.match(/.{4}/g) ?? [];
    return String.fromCodePoint(...bytes.map((b) => parseInt(b, 16)).filter((c, i, a) => !(c >= 0xd800 && c < 0xdc00 && a[i + 1])));
  };
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const [, src, dst] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) out.set(parseInt(src!, 16), hex(dst!));
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    // <lo> <hi> [<dst> <dst> …]: one destination per code (pdfkit writes these).
    for (const [, lo, list] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<[0-9A-Fa-f]+>\s*\[([^\]]*)\]/g))
      [...list!.matchAll(/<([0-9A-Fa-f]+)>/g)].forEach(([, dst], i) => out.set(parseInt(lo!, 16) + i, hex(dst!)));
    const ranges = block[1]!.replace(/<[0-9A-Fa-f]+>\s*<[0-9A-Fa-f]+>\s*\[[^\]]*\]/g, '');
    for (const [, lo, hi, dst] of ranges.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      const base = parseInt(dst!, 16);
      for (let c = parseInt(lo!, 16); c <= parseInt(hi!, 16); c++) out.set(c, String.fromCodePoint(base + c - parseInt(lo!, 16)));
    }
  }
  return out;
}

function decodeString(s: string, map: Map<number, string>, twoBytes: boolean): string {
  const codes: number[] = [];
  if (s.startsWith('<')) {
    const h = s.slice(1, -1).replace(/\s/g, '');
    const width = twoBytes ? 4 : 2;
    for (let i = 0; i < h.length; i += width) codes.push(parseInt(h.slice(i, i + width), 16));
  } else {
    const body = s
      .slice(1, -1)
      .replace(/\\([nrtbf()\\]|[0-7]{1,3})/g, (_, e: string) =>
        /^[0-7]/.test(e) ? String.fromCharCode(parseInt(e, 8)) : ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' }[e] ?? e),
      );
    for (const ch of body) codes.push(ch.charCodeAt(0));
  }
  return codes.map((c) => map.get(c) ?? (twoBytes ? '' : String.fromCharCode(c))).join('');
}

export type TPrinted = { text: string; pages: { width: number; height: number }[] };

export function readPdf(pdf: Buffer): TPrinted {
  const objs = objects(pdf);
  const pages = [...objs.values()].filter((o) => /\/Type\s*\/Page(?!s)\b/.test(o.dict));
  const text: string[] = [];
  const sizes: TPrinted['pages'] = [];
  for (const page of pages) {
    const box = /\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(page.dict);
    if (box) sizes.push({ width: Number(box[3]) - Number(box[1]), height: Number(box[4]) - Number(box[2]) });
    const fonts = new Map<string, { map: Map<number, string>; twoBytes: boolean }>();
    for (const [, name, num] of subDict(objs, subDict(objs, page.dict, 'Resources'), 'Font').matchAll(/\/([\w.+-]+)\s+(\d+) 0 R/g)) {
      const font = objs.get(Number(num!))?.dict ?? '';
      const cmap = ref(font, 'ToUnicode');
      fonts.set(name!, {
        map: cmap ? toUnicode(objs.get(cmap)?.stream?.toString('latin1') ?? '') : new Map(),
        twoBytes: /\/Type0/.test(font),
      });
    }
    const contents = /\/Contents\s*\[([^\]]*)\]/.exec(page.dict)?.[1] ?? /\/Contents\s+(\d+ 0 R)/.exec(page.dict)?.[1] ?? '';
    for (const [, num] of contents.matchAll(/(\d+) 0 R/g)) {
      const ops = objs.get(Number(num!))?.stream?.toString('latin1') ?? '';
      let font = { map: new Map<number, string>(), twoBytes: false };
      const token =
        /\/([\w.+-]+)\s+[\d.]+\s+Tf|(<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\)])*\))\s*(?:Tj|'|")|\[((?:<[^>]*>|\((?:\\.|[^\\)])*\)|[^\]])*)\]\s*TJ|\b(ET|T\*|Td|TD)\b/g;
      for (const m of ops.matchAll(token)) {
        if (m[1]) font = fonts.get(m[1]) ?? font;
        else if (m[2]) text.push(decodeString(m[2], font.map, font.twoBytes));
        else if (m[3] !== undefined)
          for (const s of m[3].match(/<[^>]*>|\((?:\\.|[^\\)])*\)/g) ?? []) text.push(decodeString(s, font.map, font.twoBytes));
        else text.push('\n');
      }
    }
    text.push('\f');
  }
  return { text: text.join(''), pages: sizes };
}

/** A4 in PostScript points, within a point (Chromium rounds to its own units). */
export const isA4 = (p: { width: number; height: number }) => Math.abs(p.width - 595.28) < 1.5 && Math.abs(p.height - 841.89) < 1.5;

/** Text compared without white space: a line break or a kerning gap may fall anywhere. */
export const squeezed = (s: string) => s.replace(/\s+/g, '');

/**
 * Whether the printed text holds these words. A CJK font's ToUnicode map may name a glyph it shares with a radical by
 * the radical (⼾ for 户, ⻩ for 黄, ⽉ for 月): where the PDF has a radical, any ideograph matches.
 */
export function holds(printed: string, words: string): boolean {
  const pattern = [...squeezed(words)]
    .map((c) => (/\p{Script=Han}/u.test(c) ? `(?:${c}|[\u2E80-\u2FDF])` : c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(pattern, 'u').test(squeezed(printed));
}
