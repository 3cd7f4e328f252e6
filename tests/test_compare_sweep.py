"""A stranger's sweep of compare, the fine-tuning helper and two leftovers (small id tables, decimal text labels)."""

from __future__ import annotations

import pandas as pd
import pytest

import dataquality as dq
from dataquality.data import column_kinds


@pytest.mark.parametrize("n", [2, 4, 6])
def test_small_table_id_named_column_is_the_ids_not_a_feature(tmp_path, n):
    """A CSV of 4 customers with a customer_id column: read as the ids (as a table of 6 or 600 rows is), not as a
    feature whose distance makes every row look far from the rest."""
    df = pd.DataFrame({"customer_id": [101, 205, 309, 412, 518, 640][:n], "age": [31, 45, 22, 60, 38, 50][:n],
                       "label": list("ababab")[:n]})
    path = tmp_path / "customers.csv"
    df.to_csv(path, index=False)
    ds = dq.as_dataset(path)
    assert ds.ids == [str(v) for v in df["customer_id"]]
    assert "customer_id" in ds.findings.get("excluded_columns", {})
    kinds = column_kinds(pd.DataFrame({"row_id": ["c01", "c02", "c03"], "id": [7, 3, 9], "x": [1.0, 2.0, 5.0]}))
    assert kinds == {"row_id": "identifier", "id": "identifier", "x": "numeric"}


def test_small_table_id_named_column_that_repeats_stays_a_column():
    kinds = column_kinds(pd.DataFrame({"row_id": ["c01", "c02", "c01"], "id": [1, 1, 3], "x": [1.0, 2.0, 5.0]}))
    assert kinds["id"] == "numeric" and kinds["row_id"] != "identifier"
    # unnamed integer columns keep their rules: a short column of counts is a feature
    assert column_kinds(pd.DataFrame({"count": [1, 2, 3, 4], "x": [1.0, 2.0, 5.0, 3.0]}))["count"] == "numeric"
