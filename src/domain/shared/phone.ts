/** Mainland mobile numbers: 11 digits starting with 1. */
export function normalisePhone(input: string): string | null {
  const digits = input
    .normalize('NFKC')
    .replace(/[\s-]/g, '')
    .replace(/^\+?86/, '');
  return /^1[3-9]\d{9}$/.test(digits) ? digits : null;
}

/** 13812341234 → 138****1234. Anything that is not a full number is masked entirely. */
export function maskPhone(phone: string): string {
  return /^\d{11}$/.test(phone) ? `${phone.slice(0, 3)}****${phone.slice(7)}` : '****';
}

/**
 * A number a hotline caller left: a mobile (as normalisePhone), or a landline — area code (010, 02x, or 0 and three
 * digits) and a local number of 7 or 8 digits starting 2-9 — written "028-85551234". Null when it is neither.
 */
export function normaliseCallerPhone(input: string): string | null {
  const mobile = normalisePhone(input);
  if (mobile) return mobile;
  const digits = input
    .normalize('NFKC')
    .replace(/[\s()-]/g, '')
    .replace(/^\+86/, '0');
  const m = /^(0(?:10|2\d|[3-9]\d{2}))([2-9]\d{6,7})$/.exec(digits);
  return m ? `${m[1]}-${m[2]}` : null;
}
