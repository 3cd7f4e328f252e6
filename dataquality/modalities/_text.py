"""Texts: strings, compared after collapsing whitespace and case."""

from __future__ import annotations

import hashlib
import re
import unicodedata

import numpy as np

from ._base import Modality, register_modality


def normalised_text(t: str) -> str:
    """What two equal texts share: the NFKC form (an accent typed as its own character, full-width letters, ligatures
    written as one character) without invisible format characters (zero-width spaces, soft hyphens, a BOM),
    whitespace runs as one space, case folded."""
    t = "".join(ch for ch in unicodedata.normalize("NFKC", t) if unicodedata.category(ch) != "Cf")
    return re.sub(r"\s+", " ", t).strip().casefold()


def has_content(t) -> bool:
    """Whether ``t`` holds more than whitespace and invisible format characters: a text of zero-width spaces or a
    lone byte-order mark was not empty, and was reported as a 1-character text (odd_length) and an outlier instead."""
    return any(not ch.isspace() and unicodedata.category(ch) != "Cf" for ch in str(t))


@register_modality
class TextModality(Modality):
    name = "text"
    description = "strings: a list, or a text column of a table"
    default_embedder = "tfidf"
    # the TF-IDF/LSA vectors are unit length with noisy trailing dimensions: a logistic regression on
    # the unit vectors, not standardised ones (compute/_modality_probes.py)
    probe = "linear_on_unit_vectors"
    # TF-IDF vectors of short texts move more per edited word: one word added to a 16-word text is
    # ~0.04 away, quoted replies in 20 Newsgroups 0.02-0.06, unrelated posts > 0.3
    near_duplicate_distance = 0.05
    outlier_global = False
    preview = "text"
    reads_strings = True
    # matched case-folded, spaces as "_" ("Review Text" is review_text). Beside an id column, a text column whose
    # name was not here was left out as free text and the table was an error or a table of the other columns.
    # Not "comment" or "description": a table of numbers often has such a column, and is a table
    column_names = ("text", "sentence", "content", "document", "review", "body", "review_text", "tweet", "tweet_text",
                    "utterance")

    def valid(self, ctx) -> np.ndarray:
        return np.array([has_content(t) for t in ctx.texts], dtype=bool)

    def content_keys(self, ctx, valid: np.ndarray) -> np.ndarray:
        return np.array([hashlib.sha1(normalised_text(t).encode("utf-8", "surrogatepass")).hexdigest()
                         if v else None for t, v in zip(ctx.texts, valid)], dtype=object)
