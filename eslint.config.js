// @ts-check
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import pluginQuery from '@tanstack/eslint-plugin-query';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Feature folders; each may import shared code but never another feature. */
const features = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'public/mockServiceWorker.js', 'src/api/generated.ts', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginQuery.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error', 'info'] }],
    },
  },
  // Playwright fixtures call `use`, which is not React's hook.
  { files: ['e2e/**'], rules: { 'react-hooks/rules-of-hooks': 'off' } },
  // Import direction: api, lib, components → features → app. The sandbox never touches UI code.
  {
    files: ['src/api/**', 'src/lib/**', 'src/components/**'],
    rules: restrict([{ group: ['@/features/*', '@/app/*', '@/sandbox/*'], message: 'Shared code must not depend on features, app or sandbox.' }]),
  },
  {
    files: ['src/sandbox/**'],
    rules: restrict([{ group: ['@/features/*', '@/app/*', '@/components/*', 'react', '@mantine/*'], message: 'The sandbox runs in Node too: only api/ types and lib/ helpers.' }]),
  },
  ...features.map((feature) => ({
    files: [`src/features/${feature}/**`],
    rules: restrict([
      {
        group: ['@/app/*', ...features.filter((other) => other !== feature).map((other) => `@/features/${other}/*`)],
        message: 'A feature never imports another feature or the app: move shared code to lib/ or components/.',
      },
    ]),
  })),
);
