"""Placeholder HTML renderer (a fuller one is built in the report issue)."""

from __future__ import annotations

import html


def render_html(report, **kw) -> str:
    body = html.escape(str(report))
    return f"<!doctype html><html><head><meta charset='utf-8'><title>dataquality report</title></head><body><pre>{body}</pre></body></html>"
