/* Keyboard access to the theme's header buttons (WCAG 2.1.1 Keyboard, 4.1.2 Name, Role, Value).
 *
 * Material draws the menu button of the narrow layout (and its own search button, should the
 * theme search come back) as <label for="__drawer"> / <label for="__search">: a mouse or finger
 * can press them, but a label never gets keyboard focus and has no name. Here they get focus,
 * the button role, a Dutch name and their open/closed state, and Enter or Space presses them.
 * Escape closes the open menu.
 * Loaded as a file (not inline) so the Content-Security-Policy needs no 'unsafe-inline'.
 */
(function () {
  "use strict";
  var names = { __drawer: "Menu", __search: "Zoeken" };
  var labels = document.querySelectorAll(".md-header label.md-header__button[for]");
  Array.prototype.forEach.call(labels, function (label) {
    var toggle = document.getElementById(label.htmlFor);
    if (!toggle || !names[label.htmlFor]) return;
    label.setAttribute("role", "button");
    label.setAttribute("tabindex", "0");
    label.setAttribute("aria-label", names[label.htmlFor]);
    var sync = function () { label.setAttribute("aria-expanded", toggle.checked ? "true" : "false"); };
    sync();
    toggle.addEventListener("change", sync);
    label.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        event.stopPropagation(); // Material also clicks a focused label on Enter: press it once, not twice
        label.click();
      }
    });
    if (label.htmlFor === "__drawer") {
      document.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && toggle.checked) {
          toggle.click();
          label.focus();
        }
      });
    }
  });
})();
