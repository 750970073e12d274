// Lint: TypeScript rules plus Nx module boundaries, which keep data flowing one way:
// apps → transport → platform → data (persistence, queue, runtime) → domain → kernel.
const nx = require('@nx/eslint-plugin');
const tseslint = require('typescript-eslint');
const reactHooks = require('eslint-plugin-react-hooks');

const DOMAIN_BANNED = ['@nestjs/*', 'typeorm', 'bullmq', 'ioredis', 'pg', '@electric-sql/*'];

module.exports = [
  { ignores: ['**/node_modules/**', '**/dist/**', '**/tmp/**', '**/.data/**', '**/coverage/**', '**/*.js'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-eval': 'error',
      'no-new-func': 'error',
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:kernel', onlyDependOnLibsWithTags: ['type:kernel'], bannedExternalImports: DOMAIN_BANNED },
            { sourceTag: 'type:config', onlyDependOnLibsWithTags: ['type:kernel'], bannedExternalImports: DOMAIN_BANNED },
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:kernel', 'type:domain'], bannedExternalImports: DOMAIN_BANNED },
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:kernel', 'type:domain', 'type:contracts'], bannedExternalImports: DOMAIN_BANNED },
            { sourceTag: 'type:persistence', onlyDependOnLibsWithTags: ['type:kernel', 'type:config', 'type:domain', 'type:contracts', 'type:data'] },
            { sourceTag: 'type:data', onlyDependOnLibsWithTags: ['type:kernel', 'type:config', 'type:domain', 'type:contracts', 'type:data', 'type:persistence'] },
            { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:kernel', 'type:config', 'type:domain', 'type:contracts', 'type:data', 'type:persistence', 'type:platform', 'type:testing'] },
            { sourceTag: 'type:transport', onlyDependOnLibsWithTags: ['type:kernel', 'type:config', 'type:domain', 'type:contracts', 'type:data', 'type:persistence', 'type:platform', 'type:transport', 'type:testing'] },
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:kernel', 'type:config', 'type:domain', 'type:contracts', 'type:data', 'type:persistence', 'type:platform', 'type:transport', 'type:testing'] },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:kernel', 'type:config', 'type:domain', 'type:contracts', 'type:data', 'type:persistence', 'type:platform', 'type:transport'] },
          ],
        },
      ],
    },
  },
  {
    // The portal's hooks: called unconditionally, and effects and memos that list everything they read
    // (a stale closure shows old data without any error). Both are errors, so nothing slips through as a warning.
    files: ['apps/portal/**/*.ts', 'apps/portal/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // Tests and benchmarks may use any library, and test fixtures.
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', 'test/**/*.ts', 'bench/**/*.ts', '**/*.fixture.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off', '@typescript-eslint/no-non-null-assertion': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
];
