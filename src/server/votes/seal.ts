import 'server-only';
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes, randomInt } from 'node:crypto';
import type { TChoice } from '@/domain/votes/owners';

/**
 * Sealing secret ballots (decision 022). While a secret vote is open each choice is kept on its ballot
 * encrypted with AES-256-GCM under a key derived from the app's secret and the motion — a key the database
 * never holds. Every sealed choice has the same length (one byte of plaintext), so neither its size nor
 * its bytes tell the choice. At close the choices are unsealed, shuffled and written in one go.
 */
const CODES: Record<TChoice, number> = { FOR: 1, AGAINST: 2, ABSTAIN: 3 };
const CHOICES = Object.fromEntries(Object.entries(CODES).map(([c, n]) => [n, c])) as Record<number, TChoice>;

function appSecret(): string {
  const s = process.env.YISHI_BALLOT_SECRET ?? process.env.NEXTAUTH_SECRET;
  if (!s) throw new Error('Secret ballots need YISHI_BALLOT_SECRET (or NEXTAUTH_SECRET) to be set.');
  return s;
}

function motionKey(motionId: number): Buffer {
  return Buffer.from(hkdfSync('sha256', appSecret(), 'yishi/secret-ballot/v1', `motion:${motionId}`, 32));
}

export function sealChoice(motionId: number, choice: TChoice): Uint8Array<ArrayBuffer> {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', motionKey(motionId), iv);
  // The motion is bound in, so a sealed choice cannot be moved to another motion.
  c.setAAD(Buffer.from(`motion:${motionId}`));
  const body = Buffer.concat([c.update(Buffer.from([CODES[choice]])), c.final()]);
  return new Uint8Array(Buffer.concat([iv, body, c.getAuthTag()]));
}

export function unsealChoice(motionId: number, sealed: Uint8Array): TChoice {
  const b = Buffer.from(sealed);
  const d = createDecipheriv('aes-256-gcm', motionKey(motionId), b.subarray(0, 12));
  d.setAAD(Buffer.from(`motion:${motionId}`));
  d.setAuthTag(b.subarray(b.length - 16));
  const plain = Buffer.concat([d.update(b.subarray(12, b.length - 16)), d.final()]);
  const choice = CHOICES[plain[0]!];
  if (plain.length !== 1 || !choice) throw new Error(`A sealed choice of motion ${motionId} is malformed.`);
  return choice;
}

/**
 * The same seal for any secret payload (decision 069: an election's ballot is a list of candidate ids). The key is
 * derived from the app's secret and `context` (e.g. "election:12"), which is also bound in, so a sealed ballot cannot
 * be moved to another election. The plaintext is padded to a fixed `size` (a length byte pair, the bytes, zeros), so
 * every sealed ballot of a context has the same length whatever it holds.
 */
export const SEAL_PAD = 256;

function contextKey(context: string): Buffer {
  return Buffer.from(hkdfSync('sha256', appSecret(), 'yishi/secret-ballot/v2', context, 32));
}

export function sealBytes(context: string, plain: Uint8Array, size = SEAL_PAD): Uint8Array<ArrayBuffer> {
  if (plain.length > size) throw new Error(`A sealed payload is at most ${size} bytes.`);
  const padded = Buffer.alloc(size + 2);
  padded.writeUInt16BE(plain.length, 0);
  padded.set(plain, 2);
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', contextKey(context), iv);
  c.setAAD(Buffer.from(context));
  const body = Buffer.concat([c.update(padded), c.final()]);
  return new Uint8Array(Buffer.concat([iv, body, c.getAuthTag()]));
}

export function unsealBytes(context: string, sealed: Uint8Array): Uint8Array<ArrayBuffer> {
  const b = Buffer.from(sealed);
  const d = createDecipheriv('aes-256-gcm', contextKey(context), b.subarray(0, 12));
  d.setAAD(Buffer.from(context));
  d.setAuthTag(b.subarray(b.length - 16));
  const plain = Buffer.concat([d.update(b.subarray(12, b.length - 16)), d.final()]);
  const n = plain.readUInt16BE(0);
  if (n > plain.length - 2) throw new Error(`A sealed payload of ${context} is malformed.`);
  return new Uint8Array(plain.subarray(2, 2 + n));
}

/** Fisher–Yates with a cryptographic source: the order carries nothing of the order ballots came in. */
export function shuffled<T>(xs: readonly T[]): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}
