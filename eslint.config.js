// The project's lint rules (issue #21): typescript-eslint's type-checked recommended set on every
// TypeScript file. `npm run lint` runs it with 0 warnings allowed.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    // What git ignores (.gitignore: builds, bench output, test scratch folders) is not linted either.
    ignores: [
      'test/bench/.build/**',
      'test/bench/results/**',
      'test/browser/player-tmp/**',
      'test/browser/gifts-tmp/**',
      '.vitest-attachments/**',
      'dist/**',
      'node_modules/**',
      'demo/media/**',
      'demo/public/**',
      'coverage/**',
      '**/*.d.ts',
      'examples/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      // An async method that does not await is how a Promise-returning interface is implemented
      // synchronously (FakeTransport, test doubles): allowed.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // No double casts in shipped code: a value that is not what its type says is checked, not cast.
    // The exceptions are the one interop file per third-party seam (Tencent SDK, hls.js).
    files: ['src/**/*.ts'],
    ignores: ['src/transport/tencent/sdk-types.ts', 'src/player/prefetch-loader.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'TSAsExpression > TSAsExpression',
          message: "No `as unknown as` in src/: check the value, or cast in the seam's interop file.",
        },
        { selector: 'TSAsExpression > TSNeverKeyword', message: 'No `as never` in src/: type the value.' },
      ],
    },
  },
  {
    // Tests drive loosely typed browser and wire data on purpose (page.evaluate results, raw frames)
    // and pass methods to `expect`; the shipped code gets none of these exceptions.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-base-to-string': 'off',
      '@typescript-eslint/restrict-template-expressions': 'off',
    },
  },
  { files: ['**/*.js', '**/*.mjs', '**/*.cjs'], ...tseslint.configs.disableTypeChecked },
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
);
