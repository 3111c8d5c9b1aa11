import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

// Columns declared @db.Date in prisma/schema (calendar days).
const DATE_ONLY = '/^(startsOn|endsOn|termStartsOn|termEndsOn|joinedOn|heldOn|dueOn|paidOn|since|until|date|month)$/';
const DATE_ONLY_MESSAGE =
  'A date-only column is China’s calendar day: use dateOnly(day), todayDateOnly() or inForceOn(today()) from @/server/today.';

// China's calendar day (decisions/025): date-only columns are written and compared only with values from
// src/server/today.ts, never with a raw instant, and no code takes a "day" from a UTC ISO string.
const CHINA_DAY = [
  { selector: `Property[key.name=${DATE_ONLY}] > NewExpression[callee.name='Date']`, message: DATE_ONLY_MESSAGE },
  {
    selector: `Property[key.name=${DATE_ONLY}] > ObjectExpression > Property[key.name=/^(lt|lte|gt|gte|equals|not)$/] > NewExpression[callee.name='Date']`,
    message: DATE_ONLY_MESSAGE,
  },
  {
    selector: `Property[key.name=${DATE_ONLY}] > ObjectExpression > Property[key.name=/^(lt|lte|gt|gte|equals|not)$/] > Identifier[name=/^now$/i]`,
    message: DATE_ONLY_MESSAGE,
  },
  {
    selector: 'CallExpression[callee.property.name=/^get(FullYear|Month|Date|Day|Hours)$/]',
    message: 'The server’s time zone is not China’s: use today(), thisYear() or chinaDay(instant) from @/server/today.',
  },
  {
    selector:
      "CallExpression[callee.property.name='slice'][callee.object.type='CallExpression'][callee.object.callee.property.name='toISOString']",
    message: 'A UTC ISO string is not China’s day: use chinaDay(instant) or fromDateOnly(value) from @/server/today.',
  },
];

const UNDECLARED = 'Declare it: export const name = command({ who, input, run, ... }) (src/features/shared/command.ts, decision 035).';
const DECLARED_ACTIONS = [
  { selector: 'ExportNamedDeclaration > FunctionDeclaration', message: UNDECLARED },
  { selector: 'ExportDefaultDeclaration', message: UNDECLARED },
  { selector: "ExportNamedDeclaration > VariableDeclaration > VariableDeclarator[init.type!='CallExpression']", message: UNDECLARED },
  {
    selector: "ExportNamedDeclaration > VariableDeclaration > VariableDeclarator > CallExpression.init[callee.name!='command']",
    message: UNDECLARED,
  },
  { selector: 'ExportAllDeclaration', message: UNDECLARED },
  { selector: 'ExportNamedDeclaration[declaration=null]', message: UNDECLARED },
];
const UNDECLARED_ROUTE = 'Declare it: export const GET = handler({ who, input, run }) (src/features/shared/handler.ts, decision 035).';
const DECLARED_ROUTES = [
  { selector: 'ExportNamedDeclaration > FunctionDeclaration', message: UNDECLARED_ROUTE },
  {
    selector:
      "ExportNamedDeclaration > VariableDeclaration > VariableDeclarator[id.name=/^(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)$/][init.type!='CallExpression']",
    message: UNDECLARED_ROUTE,
  },
  {
    selector:
      "ExportNamedDeclaration > VariableDeclaration > VariableDeclarator[id.name=/^(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)$/] > CallExpression.init[callee.name!='handler']",
    message: UNDECLARED_ROUTE,
  },
  // `export { nextAuth as GET }` and re-exports from elsewhere escape the two rules above.
  {
    selector: 'ExportNamedDeclaration[declaration=null] > ExportSpecifier[exported.name=/^(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)$/]',
    message: UNDECLARED_ROUTE,
  },
  { selector: 'ExportAllDeclaration', message: UNDECLARED_ROUTE },
];

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: ['.next/**', 'node_modules/**', 'src/generated/**', 'test-results/**', 'playwright-report/**', '.data/**', 'next-env.d.ts'] },
  {
    // The domain is pure: no database, no framework, no server layer, no clock (pass "now" in).
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@prisma/*', '@/generated/*', '*/generated/*'], message: 'src/domain must not touch the database.' },
            {
              group: ['next', 'next/*', 'next-intl', 'next-intl/*', 'react', 'react-dom'],
              message: 'src/domain must not depend on the framework.',
            },
            { group: ['@/server/*', '*/server/*', 'server-only', 'node:*', 'fs', 'pg'], message: 'src/domain must not do I/O.' },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Pass "now" into the domain.' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Pass "now" into the domain.' },
      ],
    },
  },
  {
    files: ['src/server/**/*.{ts,tsx}', 'src/features/**/*.{ts,tsx}', 'src/app/**/*.{ts,tsx}'],
    ignores: ['src/server/today.ts'],
    rules: { 'no-restricted-syntax': ['error', ...CHINA_DAY] },
  },
  {
    // Every server action is a declared command (issue 16, decision 035): an actions file exports only
    // `export const x = command({...})`. (Listed again with the calendar rules: a later block replaces the option.)
    files: ['src/features/**/*actions.ts'],
    rules: { 'no-restricted-syntax': ['error', ...CHINA_DAY, ...DECLARED_ACTIONS] },
  },
  {
    // Every route handler is declared the same way: `export const GET = handler({...})`.
    files: ['src/app/**/route.ts'],
    rules: { 'no-restricted-syntax': ['error', ...CHINA_DAY, ...DECLARED_ROUTES] },
  },
  {
    // Pages and features reach the database only through src/server use cases.
    files: ['src/app/**/*.{ts,tsx}', 'src/features/**/*.{ts,tsx}', 'src/components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@/generated/*', '@prisma/*', '@/server/db', '*/server/db'], message: 'Use a use case from src/server.' }] },
      ],
    },
  },
];

export default config;
