"""The methodekeuzehulp's result page, rendered from the real content: the why names the rule and the evidence.

Rendering every guide page takes a few seconds, so this test is not in tests/unit/ (the engine's
vectors are)."""

from __future__ import annotations


def test_methodekeuzehulp_page_shows_rule_and_evidence_in_the_why(content):
    """On the generated result page, each method's 'Waarom dit past' names the rule and, where the
    letter has one, the case and lesson; the combination says why its phases come in this order."""
    from generator.collection import Collection
    from generator.guides.pages import guide_pages
    from generator.render import Renderer

    r = Renderer(content, Collection())
    guide_pages(r, content)
    page = next(p for p in r.pages.paths() if p.endswith("samen-beslissen/gemeente/wijk-of-groter/genoeg/actieve-bewoners/index.md"))
    text = r.pages[page]
    first = text[text.index('data-tp-method="wijktop-3"') :]
    why = first[first.index("Waarom dit past") : first.index("</div>")]
    assert "*Regel:*" in why and "gaat voor een algemene methode" in why
    assert "voorbeelden/wijktop-3-west.md" in why and "lessen/index.md#gemeente-moet-leren-volgen" in why
    general = text[text.index('data-tp-method="burgerbegroting"') :]
    assert "De brief noemt geen voorbeeld of les met deze methode" in general[: general.index("</div>")]
    assert "Waarom deze volgorde?" in text and "lessen/index.md#van-kleine-wens-naar-wijkopgave" in text
    assert "lessen/index.md#gemeente-moet-leren-volgen" in text[text.index('data-tp-section="wie-begint"') :]
    # The rule list ("Zo komt het advies tot stand") states the evidence point and what a plan-maker never gets.
    how = "\n".join(r.pages[p] for p in r.pages.paths() if "methodekeuzehulp" in p)
    assert (
        "krijgt 1 punt extra" in how
        and "nooit in de lijst: 25%\\-regel, Buurtbudget, Wijkwethoudersbudget" in how
        and "Tegenmacht door buurtwerk" in how
    )
