// @ts-check
// `npm run lint` runs this (zero warnings), lit-analyzer --strict (its settings: tsconfig.json) and prettier --check.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import wc from 'eslint-plugin-wc';

export default tseslint.config(
  { ignores: ['dist/', 'storybook-static/', 'node_modules/', 'custom-elements.json'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.browser, ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  // The library: typed rules, and the Lit, custom-element and template accessibility rules.
  {
    files: ['src/**/*.ts'],
    extends: [
      tseslint.configs.recommendedTypeChecked,
      lit.configs['flat/recommended'],
      wc.configs['flat/recommended'],
      litA11y.configs.recommended,
    ],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // Lit calls template listeners (`@click=${this.toggle}`) with the element as `this`.
      '@typescript-eslint/unbound-method': 'off',
      // The embed's build renames every property named _letter (RxJS's internals, vite.config.ts):
      // one of ours would be renamed too, and a JSON Feed extension (`_live`) read under a new name.
      'no-restricted-syntax': [
        'error',
        {
          selector:
            ':matches(MemberExpression > Identifier.property, Property > Identifier.key, PropertyDefinition > Identifier.key, MethodDefinition > Identifier.key)[name=/^_[a-zA-Z]/]',
          message: 'The embed renames properties named _letter; choose another name.',
        },
        {
          selector: ':matches(MemberExpression > Literal.property, Property > Literal.key)[value=/^_[a-zA-Z]/]',
          message: 'The embed renames properties named _letter; choose another name.',
        },
      ],
    },
  },
  // Tests, stories, demo and bench pages render Lit templates too.
  {
    files: ['test/**/*.ts', 'stories/**/*.ts', 'demo/**/*.ts', 'bench/**/*.ts'],
    extends: [lit.configs['flat/recommended'], litA11y.configs.recommended],
  },
  {
    files: ['test/**'],
    rules: {
      // Chai's property assertions (`expect(x).to.be.NaN`) are expressions by design.
      '@typescript-eslint/no-unused-expressions': 'off',
    },
  },
);
