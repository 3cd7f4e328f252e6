"""Text data as people have it (a stranger's sweep): scripts without spaces, mixed languages, odd names and files."""

import numpy as np

import dataquality as dq
from dataquality.embeddings._text import TfidfEmbedder

POS_ZH = ["这个产品很好用", "我很喜欢", "质量非常好", "物流也很快", "非常满意", "下次还会再买", "性价比很高", "包装很好",
          "商品完好无损", "推荐购买"]
NEG_ZH = ["质量太差", "用了一天就坏了", "非常失望", "再也不买了", "物流太慢", "客服态度很差", "和描述的不一样", "很生气",
          "做工粗糙", "有异味"]


def chinese_reviews(n=80, seed=0):
    """Reviews written as Chinese is, with no space between words: three phrases of the class run together."""
    rng = np.random.default_rng(seed)
    texts, labels = [], []
    for i in range(n):
        phrases = POS_ZH if i % 2 else NEG_ZH
        texts.append("".join(rng.choice(phrases, 3, replace=False)))
        labels.append("pos" if i % 2 else "neg")
    return texts, labels


def audit(data, labels=None, **kw):
    return dq.audit(data, labels=labels, progress=False, cache_dir=False, **kw)


def flagged(report, issue):
    return set(report.issues.loc[report.issues["issue"] == issue, "index"].tolist())


def test_tfidf_reads_words_in_chinese_text():
    # the whole sentence was one token: a copy with one character changed was 1.0 away, like an unrelated text
    texts, _ = chinese_reviews(40)
    edited = texts[0][:-1] + ("了" if texts[0][-1] != "了" else "的")
    emb = TfidfEmbedder()
    X = emb.transform_texts(emb.fit_texts(texts + [edited]), texts + [edited])
    assert 1 - float(X[0] @ X[-1]) < 0.3
    # texts sharing a phrase are closer than texts sharing none
    shared = [i for i in range(1, 40) if any(p in texts[i] and p in texts[0] for p in POS_ZH + NEG_ZH)]
    apart = [i for i in range(1, 40) if i not in shared]
    assert np.mean(X[shared] @ X[0]) > np.mean(X[apart] @ X[0]) + 0.05


def test_label_check_judges_chinese_reviews():
    # the probe reached 58% (against 50% by chance) and the label check was not measured: 4 planted flips unseen
    texts, labels = chinese_reviews(80)
    flips = [0, 1, 2, 3]
    for k in flips:
        labels[k] = "pos" if labels[k] == "neg" else "neg"
    r = audit(texts, labels, checks=["label"])
    assert r.scores["accuracy"] is not None
    found = flagged(r, "label")
    assert len(found & set(flips)) >= 3 and len(found - set(flips)) <= 1, found


def test_latin_text_vectors_are_unchanged_by_the_cjk_tokens():
    from sklearn.feature_extraction.text import TfidfVectorizer

    from dataquality.embeddings._text import _vectorizer

    texts = ["Great product, works WELL", "café Crème brûlée", "ok then :-)", "מוצר מצוין מאוד", "Привет мир ok", "x y zz"]
    plain = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True).fit(texts)
    ours = _vectorizer().fit(texts)
    assert plain.vocabulary_ == ours.vocabulary_
    assert (plain.transform(texts) != ours.transform(texts)).nnz == 0


def test_short_chinese_titles_among_latin_ones_are_not_odd_length():
    # 运动鞋 ("sports shoes") is 3 characters: counted as Latin letters, 10 of 70 Chinese titles were "short"
    shoes = ["Nike running shoe", "Adidas sneaker", "Puma trainers", "Zapatillas Nike", "Chaussures Adidas", "运动鞋",
             "Laufschuhe Puma"]
    phones = ["iPhone 12 case", "Samsung charger", "USB-C cable", "Funda iPhone", "Câble USB-C", "手机壳",
              "Handyhülle Samsung"]
    titles = [(shoes if i % 2 else phones)[i % 7] + f" {i}" for i in range(70)]
    titles.append("x")  # a one-letter title is still short
    r = audit(titles, checks=["odd_length"])
    assert flagged(r, "odd_length") == {70}


def test_text_column_named_like_a_tweet_or_review_text_beside_an_id_is_read_as_text():
    # (tweet_id, tweet, label) and (id, Review Text, Sentiment) were an error: "no column that can be used as a
    # feature", the texts being left out as free text
    import pandas as pd

    base = ["great product works well", "love it excellent quality", "terrible broke after a day",
            "awful quality do not buy"]
    n = 40
    df = pd.DataFrame({"ticket_id": [f"t{1000 + i}" for i in range(n)],
                       "Review Text": [f"{base[i % 4]} item {i}" for i in range(n)],
                       "label": ["pos", "pos", "neg", "neg"] * (n // 4)})
    for text_col in ["Review Text", "tweet", "utterance"]:
        r = audit(df.rename(columns={"Review Text": text_col}), "label", checks=["exact_duplicate", "missing_value"])
        assert r.dataset.modality == "text", text_col
        assert r.findings["dataset"]["text_column"] == text_col
        assert flagged(r, "exact_duplicate") == set()


def test_copies_in_another_unicode_form_are_exact_duplicates():
    # café with its accent typed as a character of its own (NFD, as macOS file names and some keyboards give it) and
    # full-width letters were neither exact nor near copies of the same text
    import unicodedata

    rng = np.random.default_rng(1)
    words = "the quick brown fox jumps over lazy dog café naïve résumé coffee shop service staff friendly".split()
    texts = [" ".join(rng.choice(words, 8)) + f" {i:02d}" for i in range(40)]
    texts[0] = "café " + texts[0]
    texts[1] = "résumé " + texts[1]
    texts += [unicodedata.normalize("NFD", texts[0]), unicodedata.normalize("NFD", texts[1]),
              "ＦＵＬＬ ｗｉｄｔｈ " + texts[5], "full width " + texts[5],
              "\ufeff" + texts[6].replace(" ", " \u200b", 2).replace("e", "e\u00ad", 1)]  # BOM, zero-width, soft hyphen
    r = audit(texts, checks=["exact_duplicate"])
    sets = r.issues.loc[r.issues["issue"] == "exact_duplicate"].groupby("group")["index"].apply(set).tolist()
    assert sorted(map(sorted, sets)) == [[0, 40], [1, 41], [6, 44], [42, 43]]
    emb = TfidfEmbedder()
    X = emb.transform_texts(emb.fit_texts(texts), texts)
    assert 1 - float(X[0] @ X[40]) < 1e-3


def test_labels_written_in_another_unicode_form_are_label_spellings():
    # café with a combining accent, café followed by a zero-width space and full-width ＴＨÉ were classes of their own,
    # printed like the main spelling, and label_spelling flagged none of them
    import unicodedata

    base = ["great product works well", "love it excellent quality", "terrible broke after a day",
            "awful quality do not buy"]
    texts = [f"{base[i % 4]} number {i}" for i in range(40)]
    labels = ["café", "café", "thé", "thé"] * 10
    labels[0] = unicodedata.normalize("NFD", "café")
    labels[1] = "café\u200b"
    labels[2] = "ＴＨÉ"
    r = audit(texts, labels, checks=["label_spelling"])
    assert flagged(r, "label_spelling") == {0, 1, 2}
    assert set(r.findings["label_spelling"]["variants"]) == {"café", "thé"}


def test_cyrillic_read_as_cp1251_is_an_encoding_error():
    # 'РџСЂРёРІРµС‚' is 'Привет' (UTF-8) read as Windows Cyrillic: only cp1252 / latin-1 damage was found
    from dataquality.checks._text_encoding import encoding_problems

    assert encoding_problems("РџСЂРёРІРµС‚ РјРёСЂ") and encoding_problems("РЎРїР°СЃРёР±Рѕ")
    for fine in ["Привет мир", "Рівне Сірий", "Україна їжак «ШОК» Ёлка", "Съешь же ещё этих мягких булок",
                 "Широка страна «Р» №5 — тест", "С\u00a0Рождеством"]:
        assert encoding_problems(fine) == [], fine
    texts = [f"Отличный товар номер {i}" for i in range(20)] + ["РћС‚Р»РёС‡РЅС‹Р№ С‚РѕРІР°СЂ"]
    r = audit(texts, checks=["encoding_error"])
    assert flagged(r, "encoding_error") == {20}


def test_emoji_are_tokens():
    # a tweet of emoji alone had no token: every vector zero, the probe at chance
    emb = TfidfEmbedder()
    texts = ["😀👍😀", "😀👍🎉", "😡💩😡", "😡💩😢", "great 🔥"]
    X = emb.transform_texts(emb.fit_texts(texts), texts)
    assert np.all(np.linalg.norm(X, axis=1) > 0.99)
    assert float(X[0] @ X[1]) > float(X[0] @ X[2]) + 0.2


def test_texts_without_a_usable_word_are_not_a_clean_set():
    # punctuation, one-letter words and empty texts only: zero vectors, and outlier / near_duplicate / label reported
    # 0 flags, representativeness 100, on nothing measured
    r = audit(["!!!", "...", "?", "a", ""] * 8, ["x", "y"] * 20, checks=["near_duplicate", "outlier", "missing_value"])
    assert r.scores["representativeness"] is None
    assert "no" in str(r) and "TF-IDF embedder can use" in str(r)
    assert flagged(r, "missing_value") == set(range(4, 40, 5))


def test_texts_of_invisible_characters_are_empty():
    # a zero-width space, a lone byte-order mark: not empty, but "1 characters (short)" and outliers
    base = ["great product works well", "love it excellent quality", "terrible broke after a day",
            "awful quality do not buy"]
    texts = [f"{base[i % 4]} number {i}" for i in range(40)]
    texts[0], texts[1], texts[2], texts[3] = "\u200b", "\ufeff", "\u00a0\u3000", "\u200b \u200c\u2060"
    r = audit(texts, ["a", "b"] * 20, checks=["missing_value", "odd_length", "outlier"])
    assert flagged(r, "missing_value") == {0, 1, 2, 3}
    assert flagged(r, "odd_length") == set() and flagged(r, "outlier") == set()


def test_words_with_combining_marks_are_whole_tokens():
    # Hindi उत्पाद ("product") was the token उत, बहुत ("very") बह: words cut at every vowel sign; a diacritised Arabic
    # text had no token at all (a zero vector, an outlier)
    from dataquality.embeddings._text import _vectorizer

    words = [w for w in _vectorizer().build_analyzer()("यह उत्पाद बहुत अच्छा है مَرْحَبًا بِكُمْ") if " " not in w]
    assert words == ["यह", "उत्पाद", "बहुत", "अच्छा", "है", "مَرْحَبًا", "بِكُمْ"]
    texts = ["उत्पाद बहुत अच्छा", "उतरना बहन अचानक", "مَرْحَبًا بِكُمْ", "great product"]
    emb = TfidfEmbedder()
    X = emb.transform_texts(emb.fit_texts(texts), texts)
    assert float(X[0] @ X[1]) < 0.1  # no shared fragments between unrelated words
    assert np.linalg.norm(X[2]) > 0.99
