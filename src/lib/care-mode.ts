/**
 * The 大字/关怀 mode (decision 058): bigger text and targets, stronger contrast, a simpler header, remembered on this
 * device (not the account: a family phone is shared) for a year.
 */
export const CARE_COOKIE = { name: 'YISHI_CARE', maxAge: 60 * 60 * 24 * 365 } as const;

/** Whether the cookie's value turns the mode on. */
export function careModeOn(value: string | undefined): boolean {
  return value === '1';
}
