// ESLint for the JavaScript the project serves to browsers. Run by tools/eslint/lint.sh (and
// .ci/run). Two kinds of file:
// - the Cockpit plugin (plugin-webapp/**): ES modules, loaded by Cockpit 7.24 as plugin.js;
// - each webapp's scripts/config.js: an ES module (export default {...});
// - the webapps' custom scripts (webjars/camunda/app/**/scripts): classic scripts that Camunda's
//   webapps load with RequireJS (define/require are globals there).
import js from "@eslint/js";
import globals from "globals";

const resources = "src/main/resources";

export default [
  js.configs.recommended,
  {
    files: [`${resources}/plugin-webapp/**/*.js`],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "module",
      globals: { ...globals.browser },
    },
  },
  {
    files: [`${resources}/META-INF/resources/webjars/camunda/app/*/scripts/config.js`],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: { ...globals.browser } },
  },
  {
    files: [`${resources}/META-INF/resources/webjars/camunda/app/**/*.js`],
    ignores: [`${resources}/META-INF/resources/webjars/camunda/app/*/scripts/config.js`],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "script",
      globals: { ...globals.browser, define: "readonly", require: "readonly", requirejs: "readonly" },
    },
  },
  {
    rules: {
      "no-unused-vars": ["error", { args: "after-used", argsIgnorePattern: "^_" }],
      eqeqeq: ["error", "smart"],
      "no-var": "off",
      "prefer-const": "error",
    },
  },
];
