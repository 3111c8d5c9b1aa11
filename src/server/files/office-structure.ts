import 'server-only';
import { crc32, inflateRawSync } from 'node:zlib';

type TEntry = { name: string; method: number; crc: number; size: number; packed: number; dataAt: number };

/** The zip's end record, which must close the file exactly (its comment reaching the last byte). */
function endRecord(b: Buffer): number {
  for (let at = b.length - 22; at >= Math.max(0, b.length - 22 - 0xffff); at--) {
    if (b.readUInt32LE(at) === 0x06054b50 && at + 22 + b.readUInt16LE(at + 20) === b.length) return at;
  }
  return -1;
}

/** Reads the central directory and checks every local header it names; null when the archive is malformed. */
function entries(b: Buffer): TEntry[] | null {
  if (b.length < 22 || b.readUInt32LE(0) !== 0x04034b50) return null;
  const end = endRecord(b);
  if (end < 0) return null;
  const count = b.readUInt16LE(end + 10);
  const cdSize = b.readUInt32LE(end + 12);
  const cdAt = b.readUInt32LE(end + 16);
  if (cdAt + cdSize !== end) return null;
  const found: TEntry[] = [];
  let at = cdAt;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || b.readUInt32LE(at) !== 0x02014b50) return null;
    const nameLength = b.readUInt16LE(at + 28);
    const name = b.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const local = b.readUInt32LE(at + 42);
    if (local + 30 > cdAt || b.readUInt32LE(local) !== 0x04034b50) return null;
    if (b.subarray(local + 30, local + 30 + b.readUInt16LE(local + 26)).toString('utf8') !== name) return null;
    const dataAt = local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28);
    const packed = b.readUInt32LE(at + 20);
    if (dataAt + packed > cdAt) return null;
    found.push({ name, method: b.readUInt16LE(at + 10), crc: b.readUInt32LE(at + 16), size: b.readUInt32LE(at + 24), packed, dataAt });
    at += 46 + nameLength + b.readUInt16LE(at + 30) + b.readUInt16LE(at + 32);
  }
  return at === end ? found : null;
}

function contentOf(b: Buffer, e: TEntry): string | null {
  if (e.size > 1024 * 1024) return null;
  const packed = b.subarray(e.dataAt, e.dataAt + e.packed);
  try {
    const raw = e.method === 0 ? packed : e.method === 8 ? inflateRawSync(packed, { maxOutputLength: e.size || 1 }) : null;
    return raw && raw.length === e.size && crc32(raw) === e.crc ? raw.toString('utf8') : null;
  } catch {
    return null;
  }
}

const MAIN_PART = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
} as const;

/**
 * An Office Open XML file (.xlsx or .docx, never the macro-enabled kinds): a well-formed zip whose
 * [Content_Types].xml names the workbook or document part, and that part is in the archive.
 */
export function officeKind(b: Buffer): keyof typeof MAIN_PART | null {
  const list = entries(b);
  const types = list?.find((e) => e.name === '[Content_Types].xml');
  const xml = list && types ? contentOf(b, types) : null;
  if (!list || !xml) return null;
  for (const tag of xml.match(/<Override\b[^>]*>/g) ?? []) {
    const part = /PartName="\/([^"]+)"/.exec(tag)?.[1];
    const type = /ContentType="([^"]+)"/.exec(tag)?.[1];
    const kind = (Object.keys(MAIN_PART) as (keyof typeof MAIN_PART)[]).find((k) => MAIN_PART[k] === type);
    if (kind && part && list.some((e) => e.name === part)) return kind;
  }
  return null;
}
