import 'server-only';
import sharp from 'sharp';
import { randomUUID } from 'node:crypto';
import { refuse } from '@/server/errors';
import { checkUpload } from '@/server/files/upload-check';
import { getFileStore } from '@/server/files/file-store';

const LONG_SIDE = 1600;

/** The image type by content (magic bytes), never by file name. */
function sniff(b: Buffer): 'jpeg' | 'png' | 'webp' | 'heif' | null {
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP') return 'webp';
  if (b.subarray(4, 8).toString('latin1') === 'ftyp' && /^(heic|heix|mif1|msf1)/.test(b.subarray(8, 12).toString('latin1'))) return 'heif';
  return null;
}

/**
 * Checks and re-encodes a photo: JPEG, PNG, WebP or HEIC (phones) within UPLOAD_LIMITS.photo; turned upright, at most
 * 1600 px on the long side, saved as JPEG without any metadata — no location, no camera details.
 */
export async function preparePhoto(bytes: Buffer): Promise<{ jpeg: Buffer; width: number; height: number }> {
  if (bytes.length === 0) refuse('photo.empty');
  checkUpload('photo', [bytes.length]);
  if (!sniff(bytes)) refuse('photo.notImage');
  try {
    // rotate() applies the EXIF orientation; sharp writes no metadata unless asked (withMetadata).
    const { data, info } = await sharp(bytes, { limitInputPixels: 50_000_000 })
      .rotate()
      .resize({ width: LONG_SIDE, height: LONG_SIDE, fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 80, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
    return { jpeg: data, width: info.width, height: info.height };
  } catch {
    return refuse('photo.notImage');
  }
}

/**
 * Checks, re-encodes and stores up to six photos under a folder of the file store, before the
 * transaction that records them; `discard` removes them again if that transaction fails.
 */
export async function storePhotos(folder: 'issues' | 'topics', photos: Buffer[] = []) {
  checkUpload(
    'photo',
    photos.map((p) => p.length),
  );
  const prepared = await Promise.all(photos.map(preparePhoto));
  const store = getFileStore();
  const stored = await Promise.all(
    prepared.map(async (p) => {
      const key = `${folder}/${randomUUID()}.jpg`;
      await store.put(key, p.jpeg);
      return { key, ...p };
    }),
  );
  return { stored, discard: () => Promise.all(stored.map((p) => store.remove(p.key))) };
}
