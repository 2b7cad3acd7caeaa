// Lint for the whole workspace. The boundary rule is what keeps apps apart:
// an app never imports another app, a lib never imports an app, contracts import nothing of ours,
// and @pmo/testing is only for test files.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  { ignores: ['**/dist', '**/node_modules', '.pmo/**', '.nx/**', 'tools/**', 'bench/**', '**/jest.config.cjs'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'error',
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            {
              sourceTag: 'type:service',
              onlyDependOnLibsWithTags: ['type:contracts', 'type:infra', 'type:base', 'type:http', 'type:read-model', 'type:testing'],
            },
            { sourceTag: 'type:web', onlyDependOnLibsWithTags: ['type:contracts', 'type:api-contracts'] },
            { sourceTag: 'type:infra', onlyDependOnLibsWithTags: ['type:contracts', 'type:base'] },
            // Mechanisms of batched work (background loops, group commit) for infra libs and services; they depend on no lib.
            { sourceTag: 'type:base', onlyDependOnLibsWithTags: [] },
            // HTTP conventions build on auth (public routes, roles) and nothing else.
            { sourceTag: 'type:http', onlyDependOnLibsWithTags: ['type:contracts', 'type:infra'] },
            // A read model shared by services: it follows events (messaging) into its own tables.
            { sourceTag: 'type:read-model', onlyDependOnLibsWithTags: ['type:contracts', 'type:infra'] },
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:contracts', 'type:api-contracts', 'type:infra', 'type:http'] },
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: [] },
            // The services' OpenAPI documents (and later the client generated from them): they depend on nothing.
            { sourceTag: 'type:api-contracts', onlyDependOnLibsWithTags: [] },
            // One origin for the browser: static files and proxies, nothing of the domain.
            { sourceTag: 'type:gateway', onlyDependOnLibsWithTags: [] },
            // The gateway's production entry (the web workload of the Helm chart): the gateway and nothing else.
            { sourceTag: 'type:gateway-app', onlyDependOnLibsWithTags: ['type:gateway'] },
          ],
        },
      ],
    },
  },
  {
    // @pmo/testing holds handles on real servers: production code must never import it.
    files: ['apps/**/*.ts', 'libs/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/*.integration-spec.ts', 'libs/testing/**', '**/test/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: '@pmo/testing', message: '@pmo/testing is for test files only.' }] }],
    },
  },
];
