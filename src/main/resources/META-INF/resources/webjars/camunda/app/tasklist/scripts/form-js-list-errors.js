/*
 * ส่งงาน stays clickable in forms with a dynamic list (the joint plan's activities).
 *
 * Upstream cause: form-js 1.8.7 (bundled in Camunda 7.24's lib/deps.js) records a field's
 * validation result with min-dash `set(errors, [fieldId, ...listIndexes], messages || undefined)`
 * (Form#_update and the viewer's "formFieldInstance.validation.update" command). For a field
 * outside a list, `undefined` deletes the entry; for a field inside a list the path has an index,
 * so `set` first creates `errors[fieldId] = []` and then deletes only the index: an empty
 * `errors.Field_ResponsibleParty = []` stays behind. Tasklist 7.24 (camunda-forms directive)
 * marks the form invalid when `Object.keys(errors).length` is not 0, so the first change to any
 * field of a list item greys out ส่งงาน, with no message, until บันทึก (save) runs a full
 * validation that rebuilds the errors without the empty entries.
 *
 * Correction: before form-js stores a new state (Form#_setState, which then emits the "changed"
 * event Tasklist listens to) the entries holding no message at all are removed. Real errors (a
 * message anywhere under the entry) are kept as they are, so form-js still shows them and Tasklist
 * still disables ส่งงาน for them. Loaded by scripts/config.js (requireJsConfig); remove it when
 * form-js no longer leaves empty entries (bpmn-io/form-js, Form.js `_update`).
 */
define('form-js-list-errors', [], function () {
  'use strict';

  // webpack module of @bpmn-io/form-js in Camunda 7.24.0's lib/deps.js (the camunda-forms
  // directive requires it as n(57661).Form)
  var FORM_JS_MODULE = 57661;

  function hasMessage(value) {
    if (typeof value === 'string') {
      return value.length > 0;
    }
    if (Array.isArray(value)) {
      return value.some(hasMessage);
    }
    if (value && typeof value === 'object') {
      return Object.keys(value).some(function (key) {
        return hasMessage(value[key]);
      });
    }
    return false;
  }

  function withoutEmptyEntries(errors) {
    var kept = {};
    Object.keys(errors).forEach(function (fieldId) {
      if (hasMessage(errors[fieldId])) {
        kept[fieldId] = errors[fieldId];
      }
    });
    return kept;
  }

  function patch(Form) {
    if (!Form || !Form.prototype || typeof Form.prototype._setState !== 'function') {
      return false;
    }
    if (Form.prototype._setState.programmeListErrors) {
      return true;
    }
    var setState = Form.prototype._setState;
    var corrected = function (state) {
      if (state && state.errors && typeof state.errors === 'object') {
        var errors = withoutEmptyEntries(state.errors);
        if (Object.keys(errors).length !== Object.keys(state.errors).length) {
          state = Object.assign({}, state, { errors: errors });
        }
      }
      return setState.call(this, state);
    };
    corrected.programmeListErrors = true;
    Form.prototype._setState = corrected;
    return true;
  }

  var chunks = (self.webpackChunkcamunda_bpm_webapp = self.webpackChunkcamunda_bpm_webapp || []);
  chunks.push([['programme-form-js-list-errors'], {}, function (require) {
    var formJs;
    try {
      formJs = require(FORM_JS_MODULE);
    } catch {
      formJs = null; // not in this bundle: reported below
    }
    if (!patch(formJs && formJs.Form)) {
      // a Camunda upgrade moved form-js: the correction is not applied; say so
      window.console.warn('form-js-list-errors: form-js not found in lib/deps.js; ' +
        'forms with a dynamic list may grey out the complete button');
    }
  }]);
  return {};
});
