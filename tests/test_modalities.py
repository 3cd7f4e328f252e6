"""A modality is a unit: its defaults, probe and per-check thresholds are declared in one place
(``dataquality/modalities``) and are what the audit uses."""

import numpy as np
import pytest

import dataquality as dq
from dataquality.compute import PROBES, Context
from dataquality.embeddings import embedder_class, get_embedder
from dataquality.modalities import get_modality, list_modalities


@pytest.mark.parametrize("name", ["image", "text", "tabular", "embeddings"])
def test_every_modality_declares_what_the_audit_needs(name):
    m = get_modality(name)
    assert name in list_modalities()
    assert m.probe in PROBES
    assert getattr(embedder_class(m.default_embedder), "modality", name) == name
    if name != "embeddings":
        assert get_embedder("auto", name).name == m.default_embedder


def test_unknown_modality_lists_the_valid_ones():
    with pytest.raises(dq.UnknownNameError, match="embeddings, image, tabular, text"):
        get_modality("audio")


TEXTS = ["the cat sat", "a cat sat down", "dogs bark loud", "a dog barked", "cats purr", "dogs run"] * 3
LABELS = ["cat", "cat", "dog", "dog", "cat", "dog"] * 3


def test_the_audit_probes_labels_the_way_the_modality_says(monkeypatch):
    def uniform(ctx, rows):
        return np.full((len(rows), len(ctx.classes)), 1.0 / len(ctx.classes))

    ds = dq.as_dataset(TEXTS, LABELS)
    default = Context(ds, cache_dir=False, progress=False).get("pred_probs")
    assert not np.allclose(default, 0.5)
    monkeypatch.setitem(PROBES, "uniform_for_test", uniform)
    monkeypatch.setattr(type(get_modality("text")), "probe", "uniform_for_test")
    assert np.allclose(Context(ds, cache_dir=False, progress=False).get("pred_probs"), 0.5)


def test_the_audit_reads_usable_examples_and_equal_content_from_the_modality(monkeypatch):
    text = type(get_modality("text"))
    monkeypatch.setattr(text, "content_keys", lambda self, ctx, valid: np.array(
        ["same" if "cat" in t else None for t in ctx.texts], dtype=object))
    r = dq.audit(TEXTS, labels=LABELS, checks=["exact_duplicate"], progress=False, cache_dir=False)
    assert sorted(map(int, r.flagged("exact_duplicate"))) == [i for i, t in enumerate(TEXTS) if "cat" in t]
