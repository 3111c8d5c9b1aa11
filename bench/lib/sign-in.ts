/** next-auth's credentials sign-in, as the sign-in page does it: the session cookie ("name=value"). */
export async function signIn(base: string, phone: string, password: string, address?: string): Promise<string> {
  const from: Record<string, string> = address ? { 'X-Forwarded-For': address } : {};
  const csrf = await fetch(`${base}/api/auth/csrf`, { headers: from });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = csrf.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .join('; ');
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: jar, ...from },
    body: new URLSearchParams({ csrfToken, phone, password, json: 'true' }),
  });
  const session = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('next-auth.session-token='));
  if (!session) throw new Error(`sign-in of ${phone} failed (${res.status})`);
  return session;
}

/** Signs many accounts in, `batch` at a time (as people arrive), each from its own address. */
export async function signInMany(base: string, phones: string[], password: string, batch = 50): Promise<string[]> {
  const cookies: string[] = [];
  for (let i = 0; i < phones.length; i += batch) {
    cookies.push(...(await Promise.all(phones.slice(i, i + batch).map((p, j) => signIn(base, p, password, addressOf(200_000 + i + j))))));
  }
  return cookies;
}

/** A distinct IPv4 address for the n-th client (10.0.0.0/8), sent as X-Forwarded-For behind one trusted proxy hop. */
export const addressOf = (n: number) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
