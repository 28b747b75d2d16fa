/* Keyboard access to the theme's menu (WCAG 2.1.1 Keyboard, 4.1.2 Name, Role, Value).
 *
 * Material draws the menu button of the narrow layout (<label for="__drawer">) and, inside the
 * menu, the buttons that open and close a sub-menu (<label for="__nav_N">) as labels of hidden
 * checkboxes: a mouse or finger can press them, but a label never gets keyboard focus and has
 * no name or state.
 * The menu button gets a real <button type="button"> next to it, with the Dutch name "Menu" and
 * its open/closed state; it presses the checkbox, and the label is hidden (it stays for pages
 * without JavaScript, see the .no-js rules in toolbox.css). A real button, and not role="button"
 * on the label, because HTML does not allow a role or aria-label on a label tied to a control
 * (the Nu Html Checker refuses it; tests/browser/test_html_valid.py checks the DOM after this script).
 * Each sub-menu label gets a button-like span inside it with focus, the button role and its state
 * (see asButton), and Enter or Space presses the label.
 * Escape closes the open menu. Sub-menu buttons only exist in the narrow layout; on a wide
 * screen those labels are section headings.
 * Boxes that scroll sideways (wide tables, code) get a Tab stop, so the keyboard can scroll them.
 * Loaded as a file (not inline) so the Content-Security-Policy needs no 'unsafe-inline'.
 */
(function () {
  "use strict";
  var narrow = window.matchMedia("(max-width: 76.234375em)"); // Material's drawer breakpoint
  var each = function (selector, fn) { Array.prototype.forEach.call(document.querySelectorAll(selector), fn); };

  /* A sub-menu label (narrow layout) gets a button inside it: a <span role="button"> that holds the
   * label's content, takes focus and carries the name and state. The label itself keeps its "for"
   * (the theme's styles and a finger's tap depend on it) and loses its own Tab stop; HTML allows
   * no role or aria-* on a label tied to a control, but does allow a button-like span inside it. */
  function asButton(label, name, showState) {
    var toggle = document.getElementById(label.htmlFor);
    if (!toggle || label.querySelector(":scope > .tp-nav-button")) return;
    var button = document.createElement("span");
    button.className = "tp-nav-button";
    button.setAttribute("role", "button");
    button.setAttribute("tabindex", "0");
    if (name) button.setAttribute("aria-label", name);
    while (label.firstChild) button.appendChild(label.firstChild);
    label.appendChild(button);
    if (label.hasAttribute("tabindex")) {
      label.setAttribute("data-tp-tabindex", label.getAttribute("tabindex"));
      label.removeAttribute("tabindex");
    }
    button.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        event.stopPropagation(); // Material also clicks a focused label on Enter: press it once, not twice
        label.click();
      }
    });
    if (showState) {
      var state = function () { button.setAttribute("aria-expanded", toggle.checked ? "true" : "false"); };
      toggle.addEventListener("change", state);
      state();
      label.tpState = function () { toggle.removeEventListener("change", state); };
    }
  }

  /* Wide layout: the label is a section heading again, exactly as the theme wrote it. */
  function notAButton(label) {
    var button = label.querySelector(":scope > .tp-nav-button");
    if (!button) return;
    while (button.firstChild) label.insertBefore(button.firstChild, button);
    label.removeChild(button);
    if (label.hasAttribute("data-tp-tabindex")) {
      label.setAttribute("tabindex", label.getAttribute("data-tp-tabindex"));
      label.removeAttribute("data-tp-tabindex");
    }
    if (label.tpState) { label.tpState(); label.tpState = null; }
  }

  /* The header's menu label becomes a real button (see the top of this file). */
  function menuButton(label) {
    var drawer = document.getElementById(label.htmlFor);
    if (!drawer) return null;
    var button = document.createElement("button");
    button.type = "button";
    button.className = label.className + " tp-menu-button"; // the theme's look; breakpoint in toolbox.css
    button.setAttribute("aria-label", "Menu");
    Array.prototype.forEach.call(label.childNodes, function (node) { button.appendChild(node.cloneNode(true)); });
    var state = function () { button.setAttribute("aria-expanded", drawer.checked ? "true" : "false"); };
    button.addEventListener("click", function () { drawer.click(); }); // a click fires "change", as the label's does
    drawer.addEventListener("change", state);
    state();
    label.parentNode.insertBefore(button, label);
    label.hidden = true; // the theme shows a header button only :not([hidden]); gone for AT and Tab too
    return button;
  }
  var menu = null;
  each(".md-header label.md-header__button[for=__drawer]", function (label) { menu = menuButton(label) || menu; });

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
      if (menu) menu.focus();
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
