/**
 * `npm run admin:create` — the first administrator of a district, made at the server (issue 18).
 *   npm run admin:create                                   asks for district, name, phone and password
 *   npm run admin:create -- --district 510107 --name 王芳 --phone 13800138000 --password-stdin < secret.txt
 * The password is never a command-line argument (other users see those in `ps`). Works on DATABASE_URL or on
 * this install's embedded database, whether or not `npm start` is running. Messages in Chinese, then English.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { ROOT } from './db/migrations.ts';
import { openLocalDatabase } from './db/local-database.ts';
import { StartupError } from './db/startup-error.ts';
import { prepareDatabase } from './prepare-database.ts';

const catalogue = (locale: string) => JSON.parse(readFileSync(path.join(ROOT, 'messages', locale, 'errors.json'), 'utf8'));
const zh = catalogue('zh-CN');
const en = catalogue('en');

function say(code: string, values: Record<string, string | number> = {}): string {
  const pick = (c: Record<string, unknown>) => {
    const text = code.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], c);
    return typeof text === 'string' ? text.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? `{${k}}`)) : code;
  };
  return `${pick(zh)}\n${pick(en)}`;
}

const USAGE =
  '用法 / usage: npm run admin:create [-- --district <6 位区县代码> --name <姓名> --phone <手机号> --password-stdin]\n' +
  '不带参数时逐项询问（在终端里）。Without flags it asks (in a terminal). The password comes from the terminal or from standard input.';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8').split('\n')[0]!.replace(/\r$/, '');
}

/** Asks in the terminal; the password is not echoed. */
async function ask(questions: { district?: string; name?: string; phone?: string }) {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  let muted = false;
  const out = rl as unknown as { _writeToOutput: (s: string) => void };
  out._writeToOutput = (s: string) => void process.stdout.write(muted ? (s.includes('\n') ? '\n' : '') : s);
  try {
    const district = questions.district ?? (await rl.question('区县代码 district code (例如 e.g. 510107): '));
    const name = questions.name ?? (await rl.question('管理员姓名 name: '));
    const phone = questions.phone ?? (await rl.question('手机号 phone: '));
    process.stdout.write('密码 password (至少 10 个字符 at least 10 characters): ');
    muted = true;
    const password = await rl.question('');
    muted = false;
    process.stdout.write('再输一次 again: ');
    muted = true;
    const again = await rl.question('');
    muted = false;
    if (password !== again) throw new StartupError('两次输入的密码不一样，没有创建账户。\nThe two passwords differ: nothing was created.');
    return { district, name, phone, password };
  } finally {
    rl.close();
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      district: { type: 'string' },
      name: { type: 'string' },
      phone: { type: 'string' },
      'password-stdin': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return void console.log(USAGE);
  const answers = values['password-stdin']
    ? { district: values.district, name: values.name, phone: values.phone, password: await readStdin() }
    : process.stdin.isTTY
      ? await ask(values)
      : undefined;
  if (!answers?.district || !answers.name || !answers.phone) throw new StartupError(USAGE);

  const db = await openLocalDatabase();
  process.env.DATABASE_URL = db.url;
  try {
    // Never the demo: an install's tools are run in a shell that need not carry the service's YISHI_DEMO=off.
    await prepareDatabase(db.url, { demo: false });
    // Loaded once DATABASE_URL is set: the use case reads it on first use.
    const { createFirstAdmin } = await import('../src/server/accounts/first-admin.ts');
    const { UseCaseError } = await import('../src/server/errors.ts');
    try {
      const made = await createFirstAdmin({
        districtCode: answers.district,
        name: answers.name,
        phone: answers.phone,
        password: answers.password,
      });
      const site = process.env.YISHI_PUBLIC_URL ?? 'http://localhost:3000';
      console.log(
        `${made.districtName}的第一位管理员已创建：${answers.name.trim()}，用手机号和这个密码在 ${site}/signin 登录。\n` +
          `The first administrator of ${made.districtName} is made: sign in at ${site}/signin with the phone number and this password.`,
      );
    } catch (e) {
      if (e instanceof UseCaseError) throw new StartupError(say(e.code, e.values));
      throw e;
    }
  } finally {
    const { getDb } = await import('../src/server/db.ts');
    await getDb()
      .$disconnect()
      .catch(() => {});
    await db.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof StartupError ? e.message : e);
  process.exitCode = 1;
});
