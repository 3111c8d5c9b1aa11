import { describe, expect, test } from 'vitest';
import { POST } from '@/app/api/signin/route';
import { createStaff, createUser } from '../../factories/accounts';
import { communityByCode } from '../../factories/territory';
import { testDb } from '../db';

// Issue 20, item 9: after sign-in one lands on what one came for — the page one was sent from, else a resident's own
// home (raise an issue, my issues and topics, votes waiting) or a staff member's desk — never the account settings.
const signIn = async (phone: string, fields: Record<string, string>) => {
  const body = new URLSearchParams({ phone, password: 'landing-pass-1', ...fields });
  const req = new Request('http://x/api/signin', {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin', 'x-yishi-client': '10.0.0.1' },
  });
  const r = await POST(req, { params: Promise.resolve({}) } as never);
  return [r.status, r.headers.get('location')];
};

describe('where sign-in lands', () => {
  test.each([
    ['a resident with no page asked for: their own home', 'resident', { form: '/signin', next: '' }, '/me'],
    ['in English', 'resident', { form: '/en/signin' }, '/en/me'],
    ['staff with no page asked for: the desk', 'staff', { form: '/signin' }, '/admin'],
    ['the page one was sent from', 'resident', { form: '/signin', next: '/board/n/12' }, '/board/n/12'],
    ['staff sent from a page go back to it', 'staff', { form: '/en/signin', next: '/en/issues/3' }, '/en/issues/3'],
    ['never another site', 'resident', { form: '/signin', next: '//evil.example/x' }, '/me'],
  ])('%s', async (_, who, fields, expected) => {
    const db = testDb();
    const phone = who === 'staff' ? '13800770002' : '13800770001';
    if (!(await db.user.findUnique({ where: { phone } }))) {
      if (who === 'staff') {
        const tanghu = await communityByCode(db, '510116001001');
        const base = { name: '落地书记', phone, password: 'landing-pass-1', role: 'COMMUNITY_SECRETARY', placeLevel: 'COMMUNITY' } as const;
        await createStaff(db, { ...base, placeId: tanghu.id });
      } else await createUser(db, { phone, password: 'landing-pass-1' });
    }
    expect(await signIn(phone, fields)).toEqual([303, expected]);
  });
});
