// ESLint for the JavaScript the project serves to browsers. Run by tools/eslint/lint.sh (and
// .ci/run). Two kinds of file:
// - the Cockpit plugin (plugin-webapp/**): ES modules, loaded by Cockpit 7.24 as plugin.js;
// - each webapp's scripts/config.js (export default {...}) and the ES modules it loads;
// - the webapps' custom scripts (webjars/camunda/app/**/scripts): classic scripts that Camunda's
//   webapps load with RequireJS (define/require are globals there).
import js from "@eslint/js";
import globals from "globals";

const resources = "src/main/resources";
const apps = `${resources}/META-INF/resources/webjars/camunda/app`;
// The apps' files that are ES modules: each config.js, and the modules they import.
const appModules = [`${apps}/*/scripts/config.js`, `${apps}/tasklist/scripts/buddhist-era.js`];

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
    files: appModules,
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: { ...globals.browser } },
  },
  {
    files: [`${apps}/**/*.js`],
    ignores: appModules,
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
