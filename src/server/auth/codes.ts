import 'server-only';
import { createHash, randomInt } from 'node:crypto';

// No 0/O, 1/I/L: codes are read off paper by elderly residents and typed on phones.
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** An 8-character one-time code shown as "ABCD-2345" (about 40 bits). */
export function newCode(): string {
  let s = '';
  for (let i = 0; i < 8; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return `${s.slice(0, 4)}-${s.slice(4)}`;
}

/** Codes are stored only as hashes; typing is forgiving about case, spaces and the dash. */
export function hashCode(code: string): string {
  const canonical = code
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, '');
  return createHash('sha256').update(canonical).digest('hex');
}
