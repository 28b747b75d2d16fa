"""Open data: the content as files under ``/data/`` and the pages that describe them.

``fields`` walks the models of ``schema.py``; ``export`` writes the JSON files and their
JSON Schemas, ``tables`` the CSV tables; ``codebook`` is what the "Open data" page says of
every file and field (with the ``participedia`` map). ``publication`` adds the data
package (``datapackage``), the DCAT catalog record (``catalog``) and the "Over deze site"
page.
"""

from __future__ import annotations

from ..layout import OPEN_DATA_PAGE
from .codebook import codebook, reference_columns
from .export import LICENSE, open_data_files
from .participedia import NO_COUNTERPART
from .publication import write_publication


def write_open_data(renderer) -> None:
    """The pages.py section: data files plus the generated codebook page."""
    content = renderer.content
    for rel, text in open_data_files(content).items():
        renderer.write(rel, text)
    renderer.page(
        OPEN_DATA_PAGE,
        "open_data.md.j2",
        sections=codebook(content),
        reference_columns=reference_columns(),
        license=LICENSE,
        no_counterpart=NO_COUNTERPART,
    )


__all__ = ["write_open_data", "write_publication"]
