"""Toolbox Participatie: turns the YAML content into a static site.

Pipeline, one direction only: load -> validate -> model -> render -> site engine.
"""

__version__ = "0.1.0"
