"""Below ``_synthetic.EMBED_MIN_IMAGES`` readable images the calibration makes no near copies and does not embed its
blurred ones: the thresholds learnt in the embedding space keep their fixed defaults, the blur thresholds are still
learnt from the blurred copies' statistics."""

import io

import torch
from PIL import Image

import dataquality as dq
from dataquality.compute import Context, _synthetic
from dataquality.compute._reuse import forget_remembered


class Counting(torch.nn.Module):
    """A tiny fixed network (not fitted on the data) that counts the images it embeds."""

    def __init__(self):
        super().__init__()
        self.pool, self.seen = torch.nn.AdaptiveAvgPool2d(4), 0

    def forward(self, x):
        self.seen += len(x)
        return self.pool(x).flatten(1)


def make_folder(root, digits, n, jpeg_copies=()):
    X, y = digits
    for i in range(n):
        (root / str(y[i])).mkdir(parents=True, exist_ok=True)
        Image.fromarray(X[i]).save(root / str(y[i]) / f"{i:04d}.png")
    for i in jpeg_copies:  # a near copy: the same picture stored again as a JPEG
        buf = io.BytesIO()
        Image.fromarray(X[i]).save(buf, "JPEG", quality=92)
        (root / str(y[i]) / f"{i:04d}_copy.jpg").write_bytes(buf.getvalue())
    return root


def copies_of(root, net):
    forget_remembered()
    ctx = Context(dq.as_dataset(root), embedder=net, embedder_settings={"image_size": 16}, cache_dir=False,
                  progress=False, backend=dq.LocalBackend(num_workers=0))
    ctx.get("image_pass")
    before = net.seen
    return _synthetic.synthetic_copies(ctx, in_process=True), net.seen - before


def test_a_small_set_makes_no_near_copies_and_embeds_no_copy(tmp_path, digits):
    n = _synthetic.EMBED_MIN_IMAGES - 1
    copies, embedded = copies_of(make_folder(tmp_path / "imgs", digits, n), Counting())
    m = _synthetic.sample_size(n)
    assert m > 0 and len(copies.sources) == m
    assert copies.near_kinds == [] and copies.near_stats is None and copies.near_embeddings is None
    assert copies.blur_embeddings is None and len(copies.blur_stats) == m and len(copies.blur_kinds) == m
    assert embedded == 0
    assert f"fewer than the {_synthetic.EMBED_MIN_IMAGES}" in copies.reason


def test_from_the_threshold_on_both_families_are_made_and_embedded(tmp_path, digits):
    n = _synthetic.EMBED_MIN_IMAGES
    copies, embedded = copies_of(make_folder(tmp_path / "imgs", digits, n), Counting())
    m = _synthetic.sample_size(n)
    assert len(copies.near_kinds) == m and len(copies.near_stats) == m and copies.near_embeddings.shape[0] == m
    assert copies.blur_embeddings.shape[0] == m and copies.reason is None
    assert embedded == 2 * m


def test_audit_of_a_small_set_uses_the_fixed_near_thresholds_and_learns_the_blur_one(tmp_path, digits):
    planted = (3, 17, 40)
    root = make_folder(tmp_path / "imgs", digits, 120, jpeg_copies=planted)
    report = dq.audit(root, embedder=Counting(), embedder_settings={"image_size": 16}, cache_dir=False,
                      progress=False, checks=["near_duplicate", "blurry"])
    near = report.findings["near_duplicate"]["calibration"]
    assert near["source"] == "default" and "near copies not made" in near["reason"]
    assert report.findings["blurry"]["calibration"]["source"] == "calibrated"
    flagged = set(report.issues.loc[report.issues.issue == "near_duplicate", "id"])
    want = {f"{digits[1][i]}/{i:04d}{end}" for i in planted for end in (".png", "_copy.jpg")}
    assert flagged == want
    # the HTML says why the near-duplicate thresholds were not learnt
    report.to_html(tmp_path / "report.html")
    assert "near copies not made" in (tmp_path / "report.html").read_text()
