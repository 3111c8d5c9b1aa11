import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { verifyPassword } from '@/server/auth/password';
import { testDb } from '../server/db';

// Issue 18 item 1: `npm run admin:create` makes the first administrator of a district on a real install.
const ROOT = path.resolve(import.meta.dirname, '../..');

function adminCreate(args: string[], password: string) {
  const r = spawnSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/admin-create.ts', ...args], {
    cwd: ROOT,
    input: `${password}\n`,
    encoding: 'utf8',
    // No YISHI_DEMO in the shell: the tool must not load the demo (its staff have a public password) into a real install.
    env: { ...process.env, YISHI_DEMO: undefined, YISHI_PUBLIC_URL: 'https://yishi.example.gov.cn' },
    timeout: 90_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('npm run admin:create', () => {
  const flags = ['--district', '510104', '--name', '锦江管理', '--phone', '13822220001', '--password-stdin'];

  test('a weak password is refused in Chinese and English, one message, no stack trace, nothing made', async () => {
    const r = adminCreate(flags, '12345678');
    expect(r.code).toBe(1);
    expect(r.err.trim()).toBe(
      "密码太短：管理员密码至少 10 个字符。\nPassword too short: an administrator's password has at least 10 characters.",
    );
    expect(await testDb().user.count({ where: { phone: '13822220001' } })).toBe(0);
  }, 120_000);

  test('makes the account with the password from standard input, then refuses a second first admin', async () => {
    const r = adminCreate(flags, 'Jinjiang-admin-2026');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('锦江区的第一位管理员已创建：锦江管理，用手机号和这个密码在 https://yishi.example.gov.cn/signin 登录。');
    const user = await testDb().user.findUniqueOrThrow({ where: { phone: '13822220001' }, include: { grants: true } });
    expect(await verifyPassword('Jinjiang-admin-2026', user.passwordHash)).toBe(true);
    expect(user.grants.map((g) => g.role)).toEqual(['DISTRICT_ADMIN']);
    expect(await testDb().systemFlag.count({ where: { key: { startsWith: 'demo' } } })).toBe(0);
    expect(await testDb().user.count({ where: { phone: '13900004001' } })).toBe(0);

    const again = adminCreate(
      ['--district', '510104', '--name', '另一位', '--phone', '13822220002', '--password-stdin'],
      'Another-admin-2026',
    );
    expect(again.code).toBe(1);
    expect(again.err).toContain('锦江区已经有管理员了');
  }, 120_000);

  test('without flags and without a terminal it says how to use it', () => {
    const r = adminCreate([], '');
    expect(r.code).toBe(1);
    expect(r.err).toContain('npm run admin:create [-- --district');
  }, 60_000);
});
