import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { auditActions, auditEntities } from '@/domain/audit/actions';
import { topicEventTypes } from '@/domain/topics/events';
import { roles } from '@/domain/authz/roles';
import { locales } from '@/i18n/routing';

// Issue 17, item 5: whatever a user meets — a refusal, a timeline entry, an audit row — is said in words, in every
// language. The codes are found in the sources themselves, so a new code without words fails here.

const root = path.join(import.meta.dirname, '..', '..');
type TTree = { [k: string]: string | TTree };

function sources(dir: string): { file: string; text: string }[] {
  return readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !e.parentPath.includes(`${path.sep}generated`))
    .map((e) => {
      const file = path.join(e.parentPath, e.name);
      return { file: path.relative(root, file), text: readFileSync(file, 'utf8') };
    });
}

const all = (re: RegExp, text: string) => [...text.matchAll(re)].map((m) => m[1]!);
const catalogue = (locale: string, ns: string) =>
  JSON.parse(readFileSync(path.join(root, 'messages', locale, `${ns}.json`), 'utf8')) as TTree;
const has = (tree: TTree, key: string) => {
  let at: string | TTree | undefined = tree;
  for (const part of key.split('.')) at = typeof at === 'object' ? at[part] : undefined;
  return typeof at === 'string' && at.trim() !== '';
};
const missing = (ns: string, keys: Iterable<string>) =>
  locales.flatMap((locale) => [...new Set(keys)].filter((k) => !has(catalogue(locale, ns), k)).map((k) => `${locale}: ${ns}.${k}`));

const src = sources('src');
const domain = src.filter((s) => s.file.startsWith(`src${path.sep}domain`) && !s.file.endsWith('permissions.ts'));

/** The first segment of every refusal is a namespace of errors.json (auth, issue, notice…). */
const errorNamespaces = new Set(Object.keys(catalogue('zh-CN', 'errors')));

function refusalCodes(): Set<string> {
  const codes = new Set<string>();
  for (const { text } of src) for (const c of all(/refuse\(\s*'([\w.]+)'/g, text)) codes.add(c);
  // Domain refusals are returned as data: `{ ok: false, code: 'topic.closed' }` or typed as unions of codes.
  for (const { text } of domain)
    for (const c of all(/(?:code:\s*|\|\s*|=\s*)'([a-z]\w*\.[\w.]+)'/g, text)) if (errorNamespaces.has(c.split('.')[0]!)) codes.add(c);
  // Codes built from a kind: topic.gate.<gate kind> and notice.window<window>.
  const procedure = domain.find((s) => s.file.endsWith(path.join('topics', 'procedure.ts')))!.text;
  const gates = procedure.slice(procedure.indexOf('export type TGate ='), procedure.indexOf('export type TGateKind'));
  for (const kind of all(/kind: '([A-Z_]+)'/g, gates)) codes.add(`topic.gate.${kind}`);
  const board = domain.find((s) => s.file.endsWith(path.join('notices', 'board.ts')))!.text;
  for (const w of all(/'([A-Z_]+)'/g, /export type TObjectionWindow = ([^;]+);/.exec(board)![1]!))
    if (w !== 'OPEN') codes.add(`notice.window${w}`);
  return codes;
}

describe('every code a user can meet has words in every language', () => {
  test('the scan finds the refusals (sanity: it reads the sources it means to)', () => {
    const codes = refusalCodes();
    expect(codes.size).toBeGreaterThan(150);
    for (const c of ['auth.forbidden', 'issue.wrongState', 'topic.gate.PLAN_AGREED', 'notice.windowCLOSED', 'grant.wrongLevel']) {
      expect(codes).toContain(c);
    }
  });

  test('every refusal code (refuse(…) and the domain’s refusal codes) has an errors entry', () => {
    expect(missing('errors', refusalCodes())).toEqual([]);
  });

  test('every form message (zod, in .ts files; components use their own namespaces) has an errors entry', () => {
    const keys = src.filter((s) => s.file.endsWith('.ts')).flatMap(({ text }) => all(/'((?:field|form)\.\w+)'/g, text));
    expect(keys.length).toBeGreaterThan(40);
    expect(missing('errors', keys)).toEqual([]);
  });

  test('every issue timeline entry has words (issues.event.*)', () => {
    const issueCode = src.filter((s) => s.file.includes(`${path.sep}issues${path.sep}`));
    const types = issueCode.flatMap(({ text }) => [
      ...all(/\btype: '([A-Z_]+)'/g, text),
      ...all(/INSERT INTO "IssueEvent"[^;]*?SELECT[^']*'([A-Z_]+)'/g, text),
    ]);
    expect(types).toEqual(expect.arrayContaining(['SUBMITTED', 'ACKNOWLEDGE', 'ESCALATE', 'MERGED_INTO', 'TAKEN_UP']));
    expect(
      missing(
        'issues',
        types.map((t) => `event.${t}`),
      ),
    ).toEqual([]);
  });

  test('an escalation says which deadline was missed in words (issues.missed.*)', () => {
    const deadlines = domain.find((s) => s.file.endsWith(path.join('issues', 'deadlines.ts')))!.text;
    const which = all(/'([a-z]+)'/g, /deadline: ([^;}]+)/.exec(deadlines)![1]!);
    expect(which).toEqual(['acknowledge', 'resolve']);
    expect(
      missing(
        'issues',
        which.map((w) => `missed.${w}`),
      ),
    ).toEqual([]);
  });

  test('every topic timeline entry is listed and has words (topics.event.*)', () => {
    const written = src.flatMap(({ text }) => all(/topicEvent\([^;]*?(?<!=== )'([A-Z_]+)'(?!\s*\?)/g, text));
    expect(written.length).toBeGreaterThan(15);
    expect(written.filter((t) => !(topicEventTypes as readonly string[]).includes(t))).toEqual([]);
    expect(
      missing(
        'topics',
        topicEventTypes.map((t) => `event.${t}`),
      ),
    ).toEqual([]);
  });

  test('every notification kind has words in the inbox and e-mails (issues.inbox.kind.*)', () => {
    const server = src.filter((s) => s.file.startsWith(`src${path.sep}server`));
    const kinds = server.flatMap(({ text }) => [
      ...all(/kind: '([a-z]+\.[a-zA-Z]+)'/g, text),
      ...all(/notifyTopic\([^;]*?'([a-z]+\.[a-zA-Z]+)'/g, text),
      ...all(/INSERT INTO "Notification"[^;]*?SELECT[^']*'([a-z]+\.[a-zA-Z]+)'/g, text),
      ...(/const kind = [^;]+;/.exec(text)?.[0].match(/'topic\.\w+'/g) ?? []).map((k) => k.slice(1, -1)),
    ]);
    // Built from a kind: issue.<event> for every handler's step, topic.task<Kind> for every task update.
    const lifecycle = domain.find((s) => s.file.endsWith(path.join('issues', 'lifecycle.ts')))!.text;
    const events = all(
      /type: '([A-Z_]+)'/g,
      lifecycle.slice(lifecycle.indexOf('export type TIssueEvent'), lifecycle.indexOf('export type TTransition')),
    );
    const taskKinds = all(/'([A-Z]+)'/g, /ZTaskUpdate[\s\S]*?kind: z\.enum\(\[([^\]]+)\]/.exec(src.map((s) => s.text).join('\n'))![1]!);
    kinds.push(...events.map((e) => `issue.${e.toLowerCase()}`), ...taskKinds.map((k) => `topic.task${k[0]}${k.slice(1).toLowerCase()}`));
    expect(kinds).toEqual(
      expect.arrayContaining(['issue.assigned', 'issue.take_over', 'topic.step', 'topic.taskAccept', 'meeting.invited']),
    );
    expect(
      missing(
        'issues',
        kinds.map((k) => `inbox.kind.${k.replace('.', '_')}`),
      ),
    ).toEqual([]);
  });

  test('every audit action is listed and has words (admin.audit.action.*), every audited thing too (admin.audit.entity.*)', () => {
    const written = [...src, ...sources('prisma/seed')].flatMap(({ text }) => [
      ...all(/action: '([a-z]\w*\.[\w.]+)'/g, text),
      ...all(/INSERT INTO "AuditLog"[^;]*?SELECT[^']*'([\w.]+)'/g, text),
    ]);
    expect(written.length).toBeGreaterThan(60);
    expect(written.filter((a) => !(auditActions as readonly string[]).includes(a))).toEqual([]);
    expect(
      missing(
        'admin',
        auditActions.map((a) => `audit.action.${a}`),
      ),
    ).toEqual([]);
    expect(
      missing(
        'admin',
        auditEntities.map((e) => `audit.entity.${e}`),
      ),
    ).toEqual([]);
  });

  test('every role has words (account.role.*): the account page lists derived roles too', () => {
    expect(
      missing(
        'account',
        roles.map((r) => `role.${r}`),
      ),
    ).toEqual([]);
  });
});
