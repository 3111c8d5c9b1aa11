import 'server-only';
import sharp from 'sharp';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A PNG's chunks, from IHDR to IEND, fill the file exactly: nothing (an HTML page, say) rides behind it. */
function pngChunksFillFile(b: Buffer): boolean {
  if (!b.subarray(0, 8).equals(PNG_SIGNATURE)) return false;
  let at = 8;
  let first = true;
  while (at + 12 <= b.length) {
    const length = b.readUInt32BE(at);
    const type = b.subarray(at + 4, at + 8).toString('latin1');
    if (first && type !== 'IHDR') return false;
    first = false;
    at += 12 + length;
    if (type === 'IEND') return at === b.length;
  }
  return false;
}

/** A JPEG starts with SOI and ends with EOI: nothing is appended behind the image. */
function jpegFramed(b: Buffer): boolean {
  return b.length > 4 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff && b[b.length - 2] === 0xff && b[b.length - 1] === 0xd9;
}

/** The whole image decodes (not just its header): a truncated or corrupt image is refused. */
async function decodes(b: Buffer, format: 'jpeg' | 'png'): Promise<boolean> {
  try {
    const image = sharp(b, { failOn: 'truncated', limitInputPixels: 50_000_000 });
    if ((await image.metadata()).format !== format) return false;
    await image.raw().toBuffer();
    return true;
  } catch {
    return false;
  }
}

export async function isWholePng(b: Buffer): Promise<boolean> {
  return pngChunksFillFile(b) && decodes(b, 'png');
}

export async function isWholeJpeg(b: Buffer): Promise<boolean> {
  return jpegFramed(b) && decodes(b, 'jpeg');
}
