"""Open data: the content as files under ``/data/`` and the pages that describe them.

``export`` writes the JSON and CSV files and their JSON Schemas, the "Open data" page is
their codebook, and ``publication`` adds the data package, the DCAT catalog record and
the "Over deze site" page.
"""

from __future__ import annotations

from .export import write_open_data
from .publication import write_publication

__all__ = ["write_open_data", "write_publication"]
