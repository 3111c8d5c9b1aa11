/**
 * What was typed, sent back with a refusal: a form posted without JavaScript comes back filled. Never a secret —
 * passwords (new, confirmed, current), one-time codes, keys — nor a file, nor Next's own fields ($ACTION_…).
 */
const SECRET = /password|confirm|current|secret|code|token|key/i;

export function typedValues(fd: FormData): Record<string, string> {
  const typed: Record<string, string> = {};
  for (const [name, value] of fd.entries()) {
    if (typeof value === 'string' && !name.startsWith('$') && !SECRET.test(name)) typed[name] = value;
  }
  return typed;
}
