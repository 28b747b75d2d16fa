"""Decision guides (keuzehulpen): questions and rules in YAML, one evaluation engine.

A guide lives in ``toolbox/guides/<slug>.yaml``. The flow is the same as for all
content: ``load`` validates the file (schema + references to methods, cases,
lessons and reference data), ``check`` walks every reachable answer path at build
time (dead ends, advice that can never be given, questions that are never asked,
a bound on the number of pages), ``engine`` evaluates answers, and ``pages``
writes one static page per reachable answer prefix, so every step and every
result is a real URL that works without JavaScript.
"""
