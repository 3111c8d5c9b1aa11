import 'server-only';

const OBJECT_AT = /^\s*\d+\s+\d+\s+obj\b/;

/** The classic cross-reference table at `at` ("xref", subsections, 20-byte entries, "trailer" with /Root). */
function xrefTableHolds(s: string, at: number): boolean {
  const end = s.indexOf('trailer', at);
  if (end < 0 || !/\/Root\s/.test(s.slice(end, end + 4096))) return false;
  const tokens = s
    .slice(at + 4, end)
    .trim()
    .split(/\s+/);
  let i = 0;
  let entries = 0;
  while (i < tokens.length) {
    const count = Number(tokens[i + 1]);
    if (!/^\d+$/.test(tokens[i] ?? '') || !/^\d+$/.test(tokens[i + 1] ?? '')) return false;
    i += 2;
    for (let k = 0; k < count; k++, i += 3) {
      const [offset, gen, kind] = [tokens[i], tokens[i + 1], tokens[i + 2]];
      if (!/^\d{10}$/.test(offset ?? '') || !/^\d{5}$/.test(gen ?? '') || (kind !== 'n' && kind !== 'f')) return false;
      // Every object in use must really start where the table says.
      if (kind === 'n' && !OBJECT_AT.test(s.slice(Number(offset), Number(offset) + 40))) return false;
      if (kind === 'n') entries++;
    }
  }
  return entries > 0;
}

/** A cross-reference stream (PDF 1.5+): an object of /Type /XRef at `at`. */
function xrefStreamHolds(s: string, at: number): boolean {
  if (!OBJECT_AT.test(s.slice(at, at + 40))) return false;
  const dict = s.slice(at, s.indexOf('stream', at) >>> 0);
  return /\/Type\s*\/XRef\b/.test(dict) && /\/Root\s/.test(dict);
}

/**
 * A PDF: the %PDF- header, a trailer ending in %%EOF whose startxref points at a cross-reference
 * table (or stream) that parses and whose entries point at objects.
 */
export function isWholePdf(b: Buffer): boolean {
  const s = b.toString('latin1');
  if (!/^%PDF-[12]\.\d/.test(s)) return false;
  const tail = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(s.slice(-1024));
  if (!tail) return false;
  const at = Number(tail[1]);
  if (at <= 0 || at >= s.length) return false;
  return s.startsWith('xref', at) ? xrefTableHolds(s, at) : xrefStreamHolds(s, at);
}
