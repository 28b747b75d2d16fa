/* Material for MkDocs' storage helpers, moved out of an inline <script> so the site's
 * Content-Security-Policy can forbid inline scripts (see deploy/). Same behaviour as
 * Material 9.8's partials/javascripts/base.html; the scope (the site root) comes from the
 * tag's data-scope attribute. What the theme stores with these is listed in docs/privacy.md.
 */
var __md_scope = new URL(document.currentScript.dataset.scope, location);
var __md_hash = (text) => [...text].reduce((hash, char) => (hash << 5) - hash + char.charCodeAt(0), 0);
var __md_get = (key, storage = localStorage, scope = __md_scope) =>
  JSON.parse(storage.getItem(scope.pathname + "." + key));
var __md_set = (key, value, storage = localStorage, scope = __md_scope) => {
  try {
    storage.setItem(scope.pathname + "." + key, JSON.stringify(value));
  } catch (error) {
    /* storage full or blocked: the theme works without it */
  }
};
