/* Keyboard access to the theme's menu (WCAG 2.1.1 Keyboard, 4.1.2 Name, Role, Value).
 *
 * Material draws the menu button of the narrow layout (<label for="__drawer">) and, inside the
 * menu, the buttons that open and close a sub-menu (<label for="__nav_N">) as labels of hidden
 * checkboxes: a mouse or finger can press them, but a label never gets keyboard focus and has
 * no name or state. Here they get focus, the button role, a Dutch name and their open/closed
 * state, and Enter or Space presses them. Escape closes the open menu. Sub-menu buttons only
 * exist in the narrow layout; on a wide screen those labels are section headings.
 * Boxes that scroll sideways (wide tables, code) get a Tab stop, so the keyboard can scroll them.
 * Loaded as a file (not inline) so the Content-Security-Policy needs no 'unsafe-inline'.
 */
(function () {
  "use strict";
  var narrow = window.matchMedia("(max-width: 76.234375em)"); // Material's drawer breakpoint
  var each = function (selector, fn) { Array.prototype.forEach.call(document.querySelectorAll(selector), fn); };

  function asButton(label, name, showState) {
    var toggle = document.getElementById(label.htmlFor);
    if (!toggle) return;
    if (!label.hasAttribute("data-tp-button")) {
      label.setAttribute("data-tp-button", "");
      label.addEventListener("keydown", function (event) {
        if (label.getAttribute("role") !== "button") return;
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          event.stopPropagation(); // Material also clicks a focused label on Enter: press it once, not twice
          label.click();
        }
      });
      if (showState) {
        toggle.addEventListener("change", function () {
          label.setAttribute("aria-expanded", toggle.checked ? "true" : "false");
        });
      }
    }
    label.setAttribute("role", "button");
    label.setAttribute("tabindex", "0");
    if (name) label.setAttribute("aria-label", name);
    if (showState) label.setAttribute("aria-expanded", toggle.checked ? "true" : "false");
  }

  function notAButton(label) {
    label.removeAttribute("role");
    label.removeAttribute("tabindex");
    label.removeAttribute("aria-expanded");
  }

  each(".md-header label.md-header__button[for=__drawer]", function (label) { asButton(label, "Menu", true); });
  each(".md-header label.md-header__button[for=__search]", function (label) { asButton(label, "Zoeken", true); });

  function subMenus() {
    each(".md-sidebar--primary label.md-nav__link[for^=__nav_], .md-sidebar--primary label.md-nav__link[for=__toc]", function (label) {
      if (narrow.matches) asButton(label, null, true);
      else notAButton(label);
    });
    each(".md-sidebar--primary label.md-nav__title[for^=__nav_], .md-sidebar--primary label.md-nav__title[for=__toc]", function (label) {
      if (narrow.matches) asButton(label, "Terug", false);
      else notAButton(label);
    });
  }
  subMenus();
  narrow.addEventListener("change", subMenus);

  document.addEventListener("keydown", function (event) {
    var drawer = document.getElementById("__drawer");
    if (event.key === "Escape" && drawer && drawer.checked) {
      drawer.click();
      var button = document.querySelector(".md-header label.md-header__button[for=__drawer]");
      if (button) button.focus();
    }
  });

  /* A box that scrolls sideways (a wide table or code on a phone) must be reachable by keyboard,
   * or its hidden part cannot be scrolled into view without a mouse (WCAG 2.1.1). */
  function scrollableByKeyboard() {
    each(".md-typeset__scrollwrap, .md-typeset pre > code", function (box) {
      if (box.scrollWidth > box.clientWidth + 1) {
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", box.tagName === "CODE" ? "Codevoorbeeld, schuift opzij" : "Tabel, schuift opzij");
      } else if (box.getAttribute("role") === "region") {
        box.removeAttribute("tabindex");
        box.removeAttribute("role");
        box.removeAttribute("aria-label");
      }
    });
  }
  window.addEventListener("load", scrollableByKeyboard);
  window.addEventListener("resize", scrollableByKeyboard);
})();
