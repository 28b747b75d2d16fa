/* Material for MkDocs: when the address names a content tab (#__tabbed_...), open that tab.
 * Moved out of an inline <script> for the Content-Security-Policy (see deploy/). */
(function () {
  var target = document.getElementById(location.hash.slice(1));
  if (target && target.name) target.checked = target.name.indexOf("__tabbed_") === 0;
})();
