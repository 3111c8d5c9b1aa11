import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import sharp from 'sharp';
import { describe, expect, test } from 'vitest';
import { documentType } from '@/server/files/file-types';

const image = (format: 'jpeg' | 'png') =>
  sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 179, g: 38, b: 30 } } })
    [format]()
    .toBuffer();

function pdfkit(): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument();
    const parts: Buffer[] = [];
    doc.on('data', (c: Buffer) => parts.push(c));
    doc.on('end', () => resolve(Buffer.concat(parts)));
    doc.text('停车位分配结果');
    doc.end();
  });
}

async function xlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('名单').addRow(['1栋', '101']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A minimal well-formed zip archive (stored/deflated entries, central directory, end record). */
function zip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const raw = Buffer.from(text);
    const data = deflateRawSync(raw);
    const n = Buffer.from(name);
    const crc = crc32(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(n.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(n.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, n, data);
    centrals.push(central, n);
    offset += 30 + n.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length / 2, 8);
  end.writeUInt16LE(centrals.length / 2, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

function crc32(b: Buffer): number {
  let c = ~0;
  for (const byte of b) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

const DOCX_TYPES =
  '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';

describe("a document's type is decided by its whole structure, not its first bytes", () => {
  test.each([
    ['a real JPEG', () => image('jpeg'), 'image/jpeg'],
    ['a real PNG', () => image('png'), 'image/png'],
    ['a real PDF', pdfkit, 'application/pdf'],
    ['a real .xlsx', xlsx, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    [
      'a .docx',
      async () => zip({ '[Content_Types].xml': DOCX_TYPES, 'word/document.xml': '<w:document/>' }),
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ],
  ])('%s is accepted', async (_, make, mime) => {
    expect((await documentType(await make()))?.mime).toBe(mime);
  });

  test.each([
    ['a truncated JPEG', async () => (await image('jpeg')).subarray(0, 200)],
    ['a JPEG header with nothing behind it', async () => Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10])],
    [
      'a PNG header followed by HTML',
      async () => Buffer.concat([(await image('png')).subarray(0, 8), Buffer.from('<html><script>alert(1)</script></html>')]),
    ],
    [
      'a whole PNG followed by HTML',
      async () => Buffer.concat([await image('png'), Buffer.from('<html><script>alert(1)</script></html>')]),
    ],
    ['a JPEG followed by HTML', async () => Buffer.concat([await image('jpeg'), Buffer.from('<html><script>alert(1)</script></html>')])],
    [
      'a PDF without its %%EOF trailer',
      async () => {
        const p = await pdfkit();
        return p.subarray(0, p.lastIndexOf('%%EOF'));
      },
    ],
    ['a PDF header and trailer around nothing', async () => Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF')],
    [
      'a PDF whose startxref points nowhere',
      async () => {
        const p = (await pdfkit()).toString('latin1');
        return Buffer.from(p.replace(/startxref\s+\d+/, 'startxref\n7'), 'latin1');
      },
    ],
    ['a zip that is not an office file', async () => zip({ 'readme.txt': 'hello' })],
    ['a zip whose content types name neither Word nor Excel', async () => zip({ '[Content_Types].xml': '<Types/>', 'a.xml': '<a/>' })],
    [
      'an .xlsx cut short',
      async () => {
        const x = await xlsx();
        return x.subarray(0, x.length - 30);
      },
    ],
    ['HTML', async () => Buffer.from('<!doctype html><script>alert(1)</script>')],
    ['nothing', async () => Buffer.alloc(0)],
  ])('%s is refused', async (_, make) => {
    expect(await documentType(await make())).toBeNull();
  });
});
