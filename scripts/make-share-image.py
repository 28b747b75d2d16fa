"""Make the site's share image (theme/assets/images/delen.png, 1200x630, Open Graph).

Run once when the design changes: .venv/bin/python scripts/make-share-image.py
The picture is drawn as SVG here and photographed by Debian's Chromium, so no image
service or font download is involved; the PNG is committed, the build only copies it.
"""

from pathlib import Path

from playwright.sync_api import sync_playwright

OUT = Path(__file__).resolve().parent.parent / "theme/assets/images/delen.png"

# Colours from theme/assets/css/toolbox.css (primary #00535f: white text on it is 8.9:1).
SVG = """<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630">
  <rect width="1200" height="630" fill="#00535f"/>
  <rect x="0" y="560" width="1200" height="70" fill="#003c45"/>
  <g fill="none" stroke="#ffffff" stroke-width="14" stroke-linejoin="round" transform="translate(90 150)">
    <rect x="0" y="70" width="220" height="150" rx="14"/>
    <path d="M70 70 V35 h80 v35"/>
    <path d="M0 135 h220"/>
  </g>
  <g fill="#ffffff" font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif">
    <text x="380" y="250" font-size="76" font-weight="700">Toolbox</text>
    <text x="380" y="340" font-size="76" font-weight="700">Participatie</text>
    <text x="380" y="420" font-size="40">Zo doe je mee in je wijk in Groningen</text>
    <text x="90" y="606" font-size="28">Voorbeelden, methoden en keuzehulpen</text>
  </g>
</svg>"""


def main() -> None:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--headless", "--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1200, "height": 630})
        page.set_content(f"<html><body style='margin:0'>{SVG}</body></html>")
        OUT.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(OUT), clip={"x": 0, "y": 0, "width": 1200, "height": 630})
        browser.close()
    print(f"{OUT} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
