"""The audit context: expensive intermediates computed once, on first use, and shared."""

from __future__ import annotations

import hashlib
import logging
import re
import time
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .._errors import DataQualityError
from ..embeddings import compute_embeddings, get_embedder, run_image_pass

logger = logging.getLogger("dataquality")

INTERMEDIATES = ("embeddings", "image_stats", "pred_probs", "knn", "duplicates", "reference")


@dataclass
class Duplicates:
    """Exact groups (positions sharing a content hash) and candidate near pairs from the kNN graph."""

    exact_groups: list[np.ndarray]
    exact_id: np.ndarray  # group number per example, -1 if in no exact group
    near_pairs: np.ndarray  # (P, 2) positions, i < j, not in the same exact group
    near_emb_dist: np.ndarray  # cosine distance per pair
    near_hash_dist: np.ndarray  # perceptual-hash Hamming distance per pair (images), else nan


def _norm_text(t: str) -> str:
    return re.sub(r"\s+", " ", t).strip().casefold()


class AuditContext:
    """Holds the dataset and settings; computes each intermediate lazily and only once."""

    def __init__(self, dataset, *, embedder="auto", device="cpu", cache_dir=None, random_state=0,
                 progress=True, reference=None, classes=None, k: int = 10, n_folds: int = 5,
                 embedder_settings: dict | None = None, batch_size=None, num_workers=None):
        self.dataset = dataset
        self.modality = dataset.modality
        self.device = device
        self.cache_dir = cache_dir
        self.random_state = random_state
        self.progress = progress
        self.reference = reference
        self.declared_classes = list(classes) if classes is not None else None
        self.k = k
        self.n_folds = n_folds
        self.embedder = get_embedder(embedder, dataset.modality, **(embedder_settings or {}))
        self.batch_size, self.num_workers = batch_size, num_workers
        self._values: dict = {}
        self.timings: dict[str, float] = {}

    # -- cheap facts ------------------------------------------------------------------
    @property
    def n(self) -> int:
        return len(self.dataset)

    @property
    def classes(self) -> list:
        return self.dataset.classes

    @property
    def label_codes(self) -> np.ndarray:
        if "label_codes" not in self._values:
            self._values["label_codes"] = self.dataset.label_codes
        return self._values["label_codes"]

    @property
    def labeled(self) -> np.ndarray:
        return self.label_codes >= 0

    @property
    def valid(self) -> np.ndarray:
        """Examples whose content can be used: readable images, non-empty texts, rows not all missing."""
        if "valid" not in self._values:
            if self.modality == "image":
                v = self.get("image_stats")["readable"].to_numpy(bool)
            elif self.modality == "text":
                v = np.array([bool(str(t).strip()) for t in self.texts], dtype=bool)
            else:
                v = ~self.dataset.features.isna().all(axis=1).to_numpy()
            self._values["valid"] = v
        return self._values["valid"]

    @property
    def texts(self) -> list[str]:
        if "texts" not in self._values:
            self._values["texts"] = self.dataset.texts
        return self._values["texts"]

    # -- intermediates ----------------------------------------------------------------
    def prepare(self, requirements: set[str]) -> None:
        """Compute shared inputs up front so images are decoded in one pass when both are needed."""
        needs_emb = bool(requirements & {"embeddings", "pred_probs", "knn", "duplicates", "reference"})
        if needs_emb and self.reference is not None and self.embedder.data_dependent:
            self.get("embeddings")
        elif self.modality == "image" and needs_emb and "embeddings" not in self._values:
            self._image_pass(with_embeddings=True)

    def get(self, name: str):
        if name not in self._values:
            if name not in INTERMEDIATES:
                raise DataQualityError(f"Unknown intermediate {name!r}; expected one of {INTERMEDIATES}.")
            t0 = time.perf_counter()
            self._values[name] = getattr(self, "_compute_" + name)()
            self.timings[name] = self.timings.get(name, 0.0) + time.perf_counter() - t0
        return self._values[name]

    def has(self, name: str) -> bool:
        return name in self._values

    def _image_pass(self, with_embeddings: bool):
        t0 = time.perf_counter()
        res = run_image_pass(self.dataset, self.embedder if with_embeddings else None, device=self.device,
                             cache_dir=self.cache_dir, progress=self.progress, random_state=self.random_state,
                             batch_size=self.batch_size, num_workers=self.num_workers)
        self._values["image_stats"] = res.stats
        if with_embeddings:
            self._values["embeddings"] = res.embeddings
        self.timings["image_pass"] = time.perf_counter() - t0

    def _compute_image_stats(self):
        if self.modality != "image":
            raise DataQualityError("image_stats exist for image datasets only.")
        self._image_pass(with_embeddings=False)
        return self._values["image_stats"]

    def _compute_embeddings(self):
        if self.reference is not None and self.embedder.data_dependent:
            self.get("reference")  # embeds both jointly and stores ours
            return self._values["embeddings"]
        if self.modality == "image":
            self._image_pass(with_embeddings=True)
            return self._values["embeddings"]
        X, _ = compute_embeddings(self.dataset, self.embedder, device=self.device, cache_dir=self.cache_dir,
                                  progress=self.progress, random_state=self.random_state)
        return X

    def _compute_pred_probs(self) -> np.ndarray:
        """Out-of-fold probabilities for labelled, valid rows; NaN rows elsewhere."""
        from ._probe import out_of_fold_probs

        X = self.get("embeddings")
        use = self.valid & self.labeled
        P = np.full((self.n, len(self.classes)), np.nan)
        if use.sum() >= 2 and self.modality == "tabular":  # boosted + linear on the raw columns
            from ._modality_probes import tabular_out_of_fold_probs

            P[use] = tabular_out_of_fold_probs(self.dataset.features[use].reset_index(drop=True),
                                               self.label_codes[use], len(self.classes), n_folds=self.n_folds,
                                               random_state=self.random_state)
        elif use.sum() >= 2 and self.modality == "text":  # logistic on the unit vectors, not standardised
            from ._modality_probes import text_out_of_fold_probs

            P[use] = text_out_of_fold_probs(X[use], self.label_codes[use], len(self.classes),
                                            n_folds=self.n_folds, random_state=self.random_state)
        elif use.sum() >= 2:
            P[use] = out_of_fold_probs(X[use], self.label_codes[use], len(self.classes),
                                       n_folds=self.n_folds, device=self.device, random_state=self.random_state)
        return P

    def _compute_knn(self) -> tuple[np.ndarray, np.ndarray]:
        """(indices, distances) of each valid example's k nearest valid neighbours; -1 / nan elsewhere."""
        from ._knn import knn_cosine

        X = self.get("embeddings")
        rows = np.flatnonzero(self.valid)
        k = min(self.k, max(len(rows) - 1, 0))
        idx = np.full((self.n, k), -1, dtype=np.int64)
        dist = np.full((self.n, k), np.nan, dtype=np.float32)
        if k > 0:
            i, d = knn_cosine(X[rows], k, device=self.device)
            idx[rows] = rows[i]
            dist[rows] = d
        return idx, dist

    def content_keys(self) -> np.ndarray:
        """A hash per example such that equal content gives equal keys (None when unusable)."""
        if self.modality == "image":
            return self.get("image_stats")["pixel_hash"].to_numpy(object)
        if self.modality == "text":
            return np.array([hashlib.sha1(_norm_text(t).encode("utf-8", "surrogatepass")).hexdigest()
                             if v else None for t, v in zip(self.texts, self.valid)], dtype=object)
        h = pd.util.hash_pandas_object(self.dataset.features.astype(str), index=False).to_numpy()
        return np.array([str(x) if v else None for x, v in zip(h, self.valid)], dtype=object)

    def _compute_duplicates(self) -> Duplicates:
        keys = self.content_keys()
        groups: dict = {}
        for i, key in enumerate(keys):
            if isinstance(key, str):
                groups.setdefault(key, []).append(i)
        exact = [np.array(g) for g in groups.values() if len(g) > 1]
        exact_id = np.full(self.n, -1, dtype=np.int64)
        for gi, g in enumerate(exact):
            exact_id[g] = gi
        idx, dist = self.get("knn")
        pairs = {}
        for i in range(self.n):
            for j, d in zip(idx[i], dist[i]):
                if j < 0:
                    continue
                a, b = (i, int(j)) if i < j else (int(j), i)
                if exact_id[a] >= 0 and exact_id[a] == exact_id[b]:
                    continue
                pairs[(a, b)] = min(float(d), pairs.get((a, b), np.inf))
        hash_pairs = {}
        if self.modality == "image":
            ph = self.get("image_stats")["phash"].to_numpy(object)
            by_hash: dict = {}
            for i, h in enumerate(ph):
                if isinstance(h, str) and self.valid[i]:
                    by_hash.setdefault(h, []).append(i)
            for g in by_hash.values():  # identical perceptual hashes are candidates even if not kNN
                for x in range(len(g)):
                    for y in range(x + 1, min(len(g), x + 50)):
                        a, b = g[x], g[y]
                        if not (exact_id[a] >= 0 and exact_id[a] == exact_id[b]):
                            pairs.setdefault((a, b), np.nan)
            ints = [int(h, 16) if isinstance(h, str) else 0 for h in ph]
            for (a, b) in pairs:
                hash_pairs[(a, b)] = bin(ints[a] ^ ints[b]).count("1")
        keys_sorted = sorted(pairs)
        arr = np.array(keys_sorted, dtype=np.int64).reshape(-1, 2)
        emb_d = np.array([pairs[p] for p in keys_sorted], dtype=np.float64)
        hash_d = np.array([hash_pairs.get(p, np.nan) for p in keys_sorted], dtype=np.float64)
        return Duplicates(exact, exact_id, arr, emb_d, hash_d)

    def _compute_reference(self) -> "AuditContext":
        if self.reference is None:
            raise DataQualityError("This check needs reference= (a test or reference set) to compare against.")
        from ..data import as_dataset

        ref = as_dataset(self.reference)
        if ref.modality != self.modality:
            raise DataQualityError(f"The reference set is {ref.modality} data but the dataset is {self.modality}.")
        ctx = AuditContext(ref, embedder=self.embedder, device=self.device, cache_dir=self.cache_dir,
                           random_state=self.random_state, progress=self.progress)
        if self.embedder.data_dependent:
            from ..data import Dataset

            union = Dataset.concat(self.dataset, ref)
            X, stats = compute_embeddings(union, self.embedder, device=self.device, cache_dir=self.cache_dir,
                                          progress=self.progress, random_state=self.random_state)
            n = self.n
            self._values["embeddings"], ctx._values["embeddings"] = X[:n], X[n:]
            if stats is not None:
                self._values.setdefault("image_stats", stats.iloc[:n].reset_index(drop=True))
                ctx._values["image_stats"] = stats.iloc[n:].reset_index(drop=True)
        else:
            ctx.prepare({"embeddings"})
        return ctx
