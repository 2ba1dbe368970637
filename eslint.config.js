import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import nounsanitized from 'eslint-plugin-no-unsanitized';

/** Which of our folders each product folder may import, lowest layer first. */
const LAYERS = {
  core: [],
  i18n: ['core', 'public'],
  settings: ['core'],
  db: ['core'],
  messaging: ['core'],
  page: ['core', 'messaging', 'settings', 'i18n'],
  components: ['core'],
  'ui-data': ['core', 'db', 'messaging', 'settings', 'i18n', 'components'],
  entrypoints: ['core', 'db', 'messaging', 'settings', 'i18n', 'page', 'components', 'ui-data', 'data', 'assets'],
};

const NO_HTML_PROP = {
  selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
  message: 'Render text as text.',
};
// core/zod.ts sets zod's locale and jitless before any schema exists; a schema built from a direct
// import could be created first, compiled with `new Function`.
const ZOD_THROUGH_CORE = {
  selector: 'ImportDeclaration[source.value=/^zod(\\/|$)/]',
  message: 'Import { z } from core/zod.ts (it configures zod before any schema is made).',
};

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'docs/**', 'e2e/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  nounsanitized.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Glossary, note and import text is rendered as text, never as HTML.
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Render text as text.' },
        { property: 'outerHTML', message: 'Render text as text.' },
        { property: 'insertAdjacentHTML', message: 'Render text as text.' },
      ],
      'no-restricted-syntax': ['error', NO_HTML_PROP, ZOD_THROUGH_CORE],
    },
  },
  { files: ['core/zod.ts'], rules: { 'no-restricted-syntax': ['error', NO_HTML_PROP] } },
  // Layering: each product folder may import only the folders listed for it (its own files and
  // packages always). A folder never imports one above it; docs/ARCHITECTURE.md explains the order.
  ...Object.entries(LAYERS).map(([folder, allowed]) => ({
    files: [`${folder}/**/*.{ts,tsx}`],
    ignores: ['**/*.test.ts', '**/*.test.tsx', '**/*.browser.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^(@/|(\\.\\./)+)(?!(${[folder, ...allowed].join('|')})(/|$))[a-z-]+(/|$)`,
              message: `${folder}/ may import only ${allowed.join(', ') || 'nothing of ours'} (see docs/ARCHITECTURE.md).`,
            },
            ...(folder === 'components'
              ? [
                  {
                    regex: '^(?!(@/|\\.|preact$|preact/)).*',
                    message: 'components/ imports only core/, preact and other components; data comes as props.',
                  },
                ]
              : []),
          ],
        },
      ],
    },
  })),
  {
    // Components take props and render: data comes through ui-data/ hooks in the pages that use them.
    files: ['components/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['browser', 'chrome', 'indexedDB', 'localStorage'].map((name) => ({
          name,
          message: 'Components take props; the page reads data through ui-data/.',
        })),
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
