import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

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
            { group: ['next', 'next/*', 'next-intl', 'next-intl/*', 'react', 'react-dom'], message: 'src/domain must not depend on the framework.' },
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
    // Pages and features reach the database only through src/server use cases.
    files: ['src/app/**/*.{ts,tsx}', 'src/features/**/*.{ts,tsx}', 'src/components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@/generated/*', '@prisma/*'], message: 'Use a use case from src/server.' }] }],
    },
  },
];

export default config;
