"""Pictures generated from the data: inline SVG, nothing loaded from anywhere.

Each picture carries its own text alternative (<title>/<desc>, role="img"), and
the page shows the same information as text next to it, so nobody depends on
seeing the picture.
"""

from __future__ import annotations

import html
import math
import textwrap

from markupsafe import Markup


def _lines(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width) or [""]


def flywheel_svg(stages, title: str) -> Markup:
    """The 'vliegwiel': stages on a circle with arrows from each to the next, and back to the start."""
    n = len(stages)
    cx, cy, rx, ry = 340, 220, 210, 150
    box_w, box_h = 240, 70
    points = [(cx + rx * math.sin(2 * math.pi * i / n), cy - ry * math.cos(2 * math.pi * i / n)) for i in range(n)]
    parts = []
    for i in range(n):
        (x1, y1), (x2, y2) = points[i], points[(i + 1) % n]
        # a curve bowing outwards, between the two boxes' edges
        mx, my = (x1 + x2) / 2, (y1 + y2) / 2
        ox, oy = mx - cx, my - cy
        norm = math.hypot(ox, oy) or 1
        qx, qy = mx + ox / norm * 60, my + oy / norm * 60
        sx, sy = x1 + (qx - x1) * 0.38, y1 + (qy - y1) * 0.38
        ex, ey = x2 + (qx - x2) * 0.38, y2 + (qy - y2) * 0.38
        parts.append(
            f'<path d="M{sx:.0f},{sy:.0f} Q{qx:.0f},{qy:.0f} {ex:.0f},{ey:.0f}" class="tp-fly__arrow" marker-end="url(#tp-arrow)"/>'
        )
    for i, stage in enumerate(stages):
        x, y = points[i]
        parts.append(
            f'<rect x="{x - box_w / 2:.0f}" y="{y - box_h / 2:.0f}" width="{box_w}" height="{box_h}" rx="10" class="tp-fly__box"/>'
        )
        lines = _lines(f"{i + 1}. {stage.name}", 24)[:3]
        top = y - (len(lines) - 1) * 9
        for j, line in enumerate(lines):
            parts.append(
                f'<text x="{x:.0f}" y="{top + j * 18 + 5:.0f}" text-anchor="middle" class="tp-fly__label">{html.escape(line)}</text>'
            )
    desc = " Daarna: ".join(f"{i + 1}. {s.name}" for i, s in enumerate(stages)) + ". Daarna begint het weer bij stap 1."
    svg = (
        f'<svg class="tp-fly" viewBox="0 0 680 440" role="img" aria-labelledby="tp-fly-title tp-fly-desc" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="tp-fly-title">{html.escape(title)}</title>'
        f'<desc id="tp-fly-desc">{html.escape(desc)}</desc>'
        '<defs><marker id="tp-arrow" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">'
        '<path d="M0,0 L10,5 L0,10 z" class="tp-fly__head"/></marker></defs>' + "".join(parts) + "</svg>"
    )
    return Markup(svg)
