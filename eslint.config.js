import js from '@eslint/js'
import ts from 'typescript-eslint'
import svelte from 'eslint-plugin-svelte'
import globals from 'globals'

/** A folder's layer rule: the imports it may not make (patterns, or regexes with a message). */
function layer(files, forbidden, regexes = []) {
  return {
    files: [files],
    ignores: ['**/*.test.ts', '**/test-support/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...forbidden.map((group) => ({
              group: [group],
              message: `This layer may not import ${group}: see the layers in STYLE.md.`
            })),
            ...regexes
          ]
        }
      ]
    }
  }
}

export default ts.config(
  {
    ignores: [
      'out/',
      'dist/',
      'out-*/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
      'bench/tmp/'
    ]
  },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: {
      globals: {
        ...globals.browser,
        ...globals.node,
        __APP_VERSION__: 'readonly',
        __BOOT_SCRIPT_HASH__: 'readonly'
      }
    }
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser } }
  },
  // Type-aware rules where a forgotten promise loses a write or an error silently.
  {
    files: ['src/**/*.ts', 'src/**/*.svelte', 'e2e/**/*.ts'],
    languageOptions: {
      parserOptions: {
        projectService: true,
        extraFileExtensions: ['.svelte'],
        tsconfigRootDir: import.meta.dirname
      }
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error'
    }
  },
  // The layers, one way only: shared ← domain ← db ← features ← app; lib/ is generic.
  // A feature reaches another only through its public entry (its folder's index.ts).
  layer('src/shared/**', [
    '**/renderer/**',
    '**/main/**',
    '**/preload/**',
    'svelte',
    'svelte/*',
    'dexie'
  ]),
  layer('src/renderer/src/domain/**', [
    '**/db/**',
    '**/features/**',
    '**/app/**',
    '**/lib/**',
    'svelte',
    'svelte/*',
    'dexie'
  ]),
  layer('src/renderer/src/db/**', ['**/features/**', '**/app/**', '**/lib/**']),
  layer('src/renderer/src/lib/**', ['**/features/**', '**/app/**']),
  layer(
    'src/renderer/src/features/**',
    ['**/app/**'],
    [
      {
        regex: '^\\.\\./(?!\\.)[^/]+/.+',
        message: 'Import another feature through its public entry (../<feature>), not its files.'
      }
    ]
  ),
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
      ]
    }
  }
)
