"""Small browser helpers shared by the accessibility, security and print tests.

Kept in one place so that when the search UI changes (Material's, or our own), only
``open_search`` needs to follow.
"""

from __future__ import annotations

import time

# The site's search box (our own Dutch search in the header and on the search page; Material's
# theme search, should it come back) and the result items it shows.
SEARCH_INPUT = "[role=search] input[type=search], [role=search] input.md-search__input"
SEARCH_RESULT = ".tp-search__results li a, .md-search-result__item"
# On a phone the header shows only a search button; it opens the search page.
SEARCH_BUTTON = "[role=search] button[type=submit]"

# What makes an element keyboard-focusable, and the JavaScript that lists the visible ones.
FOCUSABLE = (
    "a[href], area[href], button, input:not([type=hidden]), select, textarea, summary, iframe, "
    "[tabindex]:not([tabindex='-1']), [contenteditable='true']"
)

VISIBLE_FOCUSABLES_JS = """(selector) => {
  const out = [];
  let n = 0;
  for (const el of document.querySelectorAll(selector)) {
    if (el.disabled || el.closest('[inert]') || el.tabIndex < 0) continue;
    if (!el.checkVisibility({visibilityProperty: true, opacityProperty: true})) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    if (el.type === 'radio' && el.name) {
      // A radio group is one Tab stop; the arrow keys choose within it.
      const group = 'radio:' + el.name;
      const first = !document.querySelector(`[data-kb="${CSS.escape(group)}"]`);
      el.dataset.kb = group;
      if (first) out.push({kb: group, what: 'radio group ' + el.name});
      continue;
    }
    el.dataset.kb = String(n++);
    out.push({kb: el.dataset.kb, what: describe(el)});
  }
  return out;
  function describe(el) {
    const text = (el.getAttribute('aria-label') || el.innerText || el.value || el.getAttribute('href') || '').trim();
    return el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + ' "' + text.slice(0, 40) + '"';
  }
}"""

# The focused element: is it on screen, and is its focus ring visible?
FOCUS_STATE_JS = """() => {
  document.getAnimations().forEach(a => { try { a.finish(); } catch (e) {} });  // the end state, not a fade-in halfway
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const s = getComputedStyle(el);
  const r = el.getBoundingClientRect();
  const onScreen = r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 &&
                   r.top < innerHeight && r.left < innerWidth &&
                   el.checkVisibility({visibilityProperty: true, opacityProperty: true});
  const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) ||
               (s.boxShadow && s.boxShadow !== 'none');
  const text = (el.getAttribute('aria-label') || el.innerText || el.value || el.getAttribute('href') || '').trim();
  return {kb: el.dataset.kb || null, onScreen, ring,
          what: el.tagName.toLowerCase() + ' "' + text.slice(0, 40) + '"',
          outline: s.outlineStyle + ' ' + s.outlineWidth};
}"""


RECORD_FOCUS_JS = """(stateJs) => {
  const state = eval(stateJs);
  window.__tabStops = [];
  const start = state();
  if (start) window.__tabStops.push(start);
  document.addEventListener('focusin', () => window.__tabStops.push(state()), true);
}"""


def tab_through(page, presses: int) -> list[dict]:
    """Press Tab ``presses`` times (enough to go round the page once) and return the focus state at
    each stop, up to the first element that had focus before. Focus is recorded in the page as it
    moves, so each press costs one round trip."""
    page.evaluate(RECORD_FOCUS_JS, FOCUS_STATE_JS)
    for _ in range(presses):
        page.keyboard.press("Tab")
    stops: list[dict] = []
    seen: set[str] = set()
    for state in page.evaluate("window.__tabStops"):
        if state is None:
            continue
        key = state["kb"] or state["what"]
        if key in seen:
            break
        seen.add(key)
        stops.append(state)
    return stops


def open_search(page, query: str, timeout: float = 15.0) -> int:
    """Type a query into the visible search box like a person would, press Enter and wait until
    results show; returns how many. Retypes while the index is still loading."""
    field = page.locator(SEARCH_INPUT).locator("visible=true").first
    if not field.count():  # phone layout: only a search button in the header
        page.locator(SEARCH_BUTTON).locator("visible=true").first.click()
        page.wait_for_load_state()
        field = page.locator(SEARCH_INPUT).locator("visible=true").first
    deadline = time.monotonic() + timeout
    while True:
        field.click()
        field.fill("")
        field.press_sequentially(query, delay=20)
        field.press("Enter")
        page.wait_for_load_state()
        field = page.locator(SEARCH_INPUT).locator("visible=true").first
        try:
            page.locator(SEARCH_RESULT).first.wait_for(state="visible", timeout=2000)
            return page.locator(SEARCH_RESULT).count()
        except Exception:
            if time.monotonic() > deadline:
                raise AssertionError(f"search for {query!r} showed no results within {timeout} s ({page.url})")
