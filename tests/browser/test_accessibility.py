"""WCAG 2.1 AA: axe-core in Chromium on every page type and state, keyboard use, and
static checks (language, headings, page titles, link texts) on every built page.

Page types are found from the built site (tests/support/site_pages.py), so a new kind of page is
tested as soon as it is built. Each test fails with a readable list: rule, element, page.
"""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.support.figures import report
from tests.support.site_pages import first_path, html_file, one_page_per_type, page_paths
from tests.support.ui import FOCUSABLE, SEARCH_BUTTON, SEARCH_INPUT, SEARCH_RESULT, VISIBLE_FOCUSABLES_JS, open_search, tab_through

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
SEARCH_WORD = "wijk"
# With JavaScript the header's menu is a real button (keyboard.js); without it, the theme's label.
MENU_BUTTON = "button.md-header__button.tp-menu-button"
MENU_LABEL = "label.md-header__button[for=__drawer]"
MENU_LINK = ".md-sidebar--primary a.md-nav__link >> visible=true"

_axe = Axe()


def axe_violations(page, where: str) -> list[str]:
    """One line per failing element: rule (impact) | element | page/state | what is wrong."""
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")  # check folded text too
    result = _axe.run(page, options=AXE_OPTIONS).response
    lines = []
    for violation in result["violations"]:
        for node in violation["nodes"]:
            summary = " ".join(node.get("failureSummary", "").split())[:200]
            lines.append(f"{violation['id']} ({violation['impact']}) | {' '.join(map(str, node['target']))} | {where} | {summary}")
    return lines


def new_page(browser, viewport, **kwargs):
    context = browser.new_context(viewport=viewport, **kwargs)
    return context, context.new_page()


def phone_sample(types: dict[str, str]) -> dict[str, str]:
    """For the phone layout, one page per part of the site and kind of controls on it (the layout
    differs by section and by form, not by text), instead of every page type again."""
    sample: dict[tuple, tuple[str, str]] = {}
    for name, path in types.items():
        key = (path.strip("/").split("/")[0], tuple(re.findall(r"<\w+>", name)))
        sample.setdefault(key, (name, path))
    return dict(sample.values())


# --- axe ------------------------------------------------------------------------------------


def test_axe_is_not_blind(browser, server):
    """The axe set-up finds real faults (else 'zero violations' would prove nothing)."""
    context, page = new_page(browser, DESKTOP)
    page.goto(server + "/")
    page.evaluate(
        """() => {
        const a = document.querySelector('article');
        a.insertAdjacentHTML('beforeend', '<img src="x.png"><p style="color:#bbb">licht</p><a href="x"></a>');
    }"""
    )
    rules = {line.split(" ")[0] for line in axe_violations(page, "home + injected faults")}
    context.close()
    assert {"image-alt", "color-contrast", "link-name"} <= rules


def test_axe_every_page_type_and_state(browser, server, site):
    """Zero axe violations (WCAG 2.0/2.1 A+AA) on one page of every type, desktop and phone,
    plus the states JavaScript creates: search results open, phone menu open."""
    types = one_page_per_type(site)
    problems: list[str] = []
    checked = 0

    context, page = new_page(browser, DESKTOP)
    for name, path in types.items():
        page.goto(server + path)
        problems += axe_violations(page, f"{path} [{name}]")
        checked += 1
    page.goto(server + "/")
    hits = open_search(page, SEARCH_WORD)
    problems += axe_violations(page, f"/ search '{SEARCH_WORD}' with {hits} results open")
    checked += 1
    context.close()

    context, page = new_page(browser, PHONE, is_mobile=True, has_touch=True)
    for name, path in phone_sample(types).items():
        page.goto(server + path)
        problems += axe_violations(page, f"{path} [{name}] phone")
        checked += 1
    case = first_path(site, r"/voorbeelden/[^/]+/")
    page.goto(server + case)
    page.locator(MENU_BUTTON).first.click()
    page.locator(MENU_LINK).first.wait_for(state="visible")
    problems += axe_violations(page, f"{case} phone, menu open")
    page.goto(server + case)
    hits = open_search(page, SEARCH_WORD)
    problems += axe_violations(page, f"{case} phone, search '{SEARCH_WORD}' with {hits} results open")
    checked += 2
    context.close()

    report(f"axe-core (WCAG 2.0/2.1 A+AA): {len(types)} page types, {checked} pages/states checked, {len(problems)} violations")
    assert not problems, f"{len(problems)} axe violations:\n" + "\n".join(problems)


# --- keyboard ---------------------------------------------------------------------------------


def test_skip_link_is_first_and_moves_focus_to_the_content(browser, server, site):
    context, page = new_page(browser, DESKTOP)
    page.goto(server + first_path(site, r"/voorbeelden/[^/]+/"))
    page.keyboard.press("Tab")
    skip = page.evaluate("({text: document.activeElement.innerText.trim(), href: document.activeElement.getAttribute('href')})")
    assert skip["text"] == "Ga naar inhoud" and skip["href"].startswith("#"), skip
    box = page.evaluate("(() => { const r = document.activeElement.getBoundingClientRect(); return [r.top, r.height]; })()")
    assert box[0] >= 0 and box[1] > 0, "the skip link must be visible when it has focus"
    page.keyboard.press("Enter")
    assert page.url.endswith(skip["href"])
    page.keyboard.press("Tab")
    inside = page.evaluate("!!document.activeElement.closest('article')")
    context.close()
    assert inside, "after the skip link, Tab must continue inside the page content, not in the menu"


def _keyboard_problems(page, where: str) -> tuple[list[str], int]:
    expected = page.evaluate(VISIBLE_FOCUSABLES_JS, FOCUSABLE)
    stops = tab_through(page, presses=len(expected) + 10)  # once round, past the end and back to the top
    problems = []
    for stop in stops:
        if not stop["onScreen"]:
            problems.append(f"{where}: focus on hidden or off-screen element {stop['what']}")
        elif not stop["ring"]:
            problems.append(f"{where}: no visible focus ring on {stop['what']} (outline {stop['outline']})")
    reached = {s["kb"] for s in stops}
    problems += [f"{where}: not reachable with Tab: {e['what']}" for e in expected if e["kb"] not in reached]
    return problems, len(stops)


def test_every_control_reachable_by_tab_with_visible_focus(browser, server, site):
    """On one page of every type (desktop) and on phone width (menu closed and open): each visible
    link, button and field is reached by Tab, and each focus stop is on screen with a focus ring."""
    problems: list[str] = []
    stops = pages = 0
    context, page = new_page(browser, DESKTOP)
    for path in one_page_per_type(site).values():
        page.goto(server + path)
        found, n = _keyboard_problems(page, path)
        problems += found
        stops += n
        pages += 1
    context.close()

    context, page = new_page(browser, PHONE, is_mobile=True, has_touch=True)
    for path in ["/", first_path(site, r"/voorbeelden/[^/]+/")]:
        page.goto(server + path)
        found, n = _keyboard_problems(page, f"{path} phone")
        problems += found
        stops += n
        page.goto(server + path)
        page.locator(MENU_BUTTON).first.focus()
        page.keyboard.press("Enter")
        page.locator(MENU_LINK).first.wait_for(state="visible")
        found, n = _keyboard_problems(page, f"{path} phone, menu open")
        problems += found
        stops += n
        pages += 2
    context.close()
    report(f"keyboard: {pages} pages/states tabbed through, {stops} focus stops, {len(problems)} problems")
    assert not problems, "\n".join(problems)


def test_phone_menu_opens_and_closes_by_keyboard(browser, server, site):
    context, page = new_page(browser, PHONE, is_mobile=True, has_touch=True)
    page.goto(server + first_path(site, r"/voorbeelden/[^/]+/"))
    menu = page.locator(MENU_BUTTON).first
    assert menu.get_attribute("type") == "button" and menu.get_attribute("aria-label") == "Menu"
    assert menu.get_attribute("aria-expanded") == "false"
    assert page.locator(MENU_LABEL).first.get_attribute("hidden") is not None, "the label it replaces must be hidden"
    first_link = page.locator(MENU_LINK).first
    assert not first_link.is_visible()
    menu.focus()
    page.keyboard.press("Enter")
    first_link.wait_for(state="visible")
    assert menu.get_attribute("aria-expanded") == "true"
    # a sub-menu ("Over deze site") opens with Enter too, and its links then show
    # (the button is a span role="button" inside the theme's label: HTML allows no role on the label)
    label = page.locator(".md-sidebar--primary label.md-nav__link[for^=__nav_]").first
    sub = label.locator(":scope > .tp-nav-button")
    assert sub.get_attribute("role") == "button" and sub.get_attribute("aria-expanded") == "false"
    assert label.get_attribute("tabindex") is None, "one Tab stop per sub-menu, on the button"
    sub_links = page.locator(f".md-sidebar--primary nav[aria-labelledby='{label.get_attribute('id')}'] a.md-nav__link >> visible=true")
    assert sub_links.count() == 0
    sub.focus()
    page.keyboard.press("Enter")
    sub_links.first.wait_for(state="visible")
    assert sub.get_attribute("aria-expanded") == "true"
    page.keyboard.press("Escape")
    first_link.wait_for(state="hidden")
    back_on_button = page.evaluate("document.activeElement.classList.contains('tp-menu-button')")
    assert menu.get_attribute("aria-expanded") == "false"
    context.close()
    assert back_on_button, "after Escape, focus must return to the menu button"


def test_phone_menu_opens_by_keyboard_without_javascript(browser, server, site):
    """No JavaScript, narrow screen (a phone, or a desktop zoomed to 400 %): Tab reaches the menu,
    Space opens it and a sub-menu, and the focus ring shows on the menu's own buttons."""
    context, page = new_page(browser, PHONE, java_script_enabled=False)
    page.goto(server + first_path(site, r"/voorbeelden/[^/]+/"))
    assert page.evaluate("document.documentElement.classList.contains('no-js')")
    first_link = page.locator(MENU_LINK).first
    assert not first_link.is_visible()
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "__drawer":
            break
    else:
        raise AssertionError("Tab never reached the menu (the checkbox #__drawer) without JavaScript")
    ring = page.locator(MENU_LABEL).first.evaluate("e => getComputedStyle(e).outlineStyle + ' ' + getComputedStyle(e).outlineWidth")
    assert ring.startswith("solid") and not ring.endswith(" 0px"), f"no focus ring on the menu button: {ring}"
    page.keyboard.press(" ")
    first_link.wait_for(state="visible")
    # Tab on into the open menu, to the first sub-menu's checkbox; Space opens it
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('.md-sidebar--primary .md-nav__toggle')"):
            break
    else:
        raise AssertionError("Tab never reached a sub-menu in the open menu without JavaScript")
    toggle = page.evaluate("document.activeElement.id")
    sub_links = page.locator(f".md-sidebar--primary nav[aria-labelledby='{toggle}_label'] a.md-nav__link >> visible=true")
    assert sub_links.count() == 0
    page.keyboard.press(" ")
    sub_links.first.wait_for(state="visible")
    context.close()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_search_works_by_keyboard_only(browser, server, site, viewport):
    """Tab to the search box (on a phone: to the search button, Enter, then to the box), type,
    Enter, Tab to a result, Enter: the result page opens."""
    context, page = new_page(browser, viewport)
    page.goto(server + first_path(site, r"/voorbeelden/[^/]+/"))
    pressed_button = False
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches({SEARCH_INPUT!r})"):
            break
        if not pressed_button and page.evaluate(f"document.activeElement.matches({SEARCH_BUTTON!r})"):
            with page.expect_navigation():
                page.keyboard.press("Enter")  # opens the search page, which has its own search box
            pressed_button = True
    else:
        raise AssertionError("no search box within 60 Tab stops")
    page.keyboard.type(SEARCH_WORD, delay=20)
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    page.locator(SEARCH_RESULT).first.wait_for(state="visible")
    page.evaluate("document.activeElement.blur()")
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches({SEARCH_RESULT!r})"):
            break
    else:
        raise AssertionError("Tab never reached a search result")
    target = page.evaluate("document.activeElement.href")
    page.keyboard.press("Enter")
    page.wait_for_url(target.split("#")[0] + "*")
    context.close()


def test_glossary_box_opens_with_enter(browser, server, site):
    context, page = new_page(browser, DESKTOP)
    for path in page_paths(site):
        if "<details" in html_file(site, path).read_text(encoding="utf-8"):
            break
    else:
        raise AssertionError("no page with a <details> box")
    page.goto(server + path)
    summary = page.locator("article details > summary").first
    summary.focus()
    page.keyboard.press("Enter")
    opened = page.evaluate("document.activeElement.parentElement.open")
    context.close()
    assert opened, f"Enter did not open the <details> box on {path}"


# --- static checks on every page ---------------------------------------------------------------
