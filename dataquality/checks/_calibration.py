"""Thresholds learnt from the data: known corruptions of its own images against the real images.

The audit context makes near copies and blurred copies of a sample of the dataset's images
(intermediate ``synthetic_copies``). For a check's statistic (a near-duplicate distance, a blur
ratio; lower = more surely a problem), the real images' values are a mixture of the problems the
data holds and of clean images, and the copies show how problems of that kind fall on *this*
data. With ``F_real(t)`` the share of real images at or below ``t`` and ``F_copy(t)`` that of the
copies, the share of problems in the data is at most ``F_real(t) / F_copy(t)`` for every ``t``
(clean images can only add to ``F_real``); its minimum over thresholds where the copies are
well represented is the estimate ``pi`` (the mixture-proportion estimator of Blanchard, Lee and
Scott, 2010). At threshold ``t`` the estimated recall is ``F_copy(t)`` and the estimated precision
``pi * F_copy(t) / F_real(t)``. The threshold is the one with the highest estimated F-0.5 among
those whose estimated precision reaches the target (or which flag nothing at all).

The estimate assumes the data's real problems look, to the statistic, like the copies do; real
problems milder than every copy are missed, which the estimated recall cannot show.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import numpy as np

# chosen on the tuning sets of benchmarks/detection.py only (docs/benchmarks.md, "Held-out protocol"):
# the threshold maximises the estimated F-0.5 (precision counts twice) among those whose estimated
# precision is at least TARGET_PRECISION. Taking the highest recall at an estimated precision of
# 0.98 did as well there but, the estimate being noisy, kept to a small part of the copies even
# where problems and clean images are cleanly apart (tests/test_calibration.py)
TARGET_PRECISION = 0.8
# near_duplicate's (and conflicting_labels', which uses its thresholds): chosen on development sets only (every set of
# the generators run once, seed 0, at the CPU's 160 px; docs/benchmarks.md, Round 28): at 0.8 the near thresholds
# added pairs of distinct look-alikes (textures, plates, a dark corner) on photograph tiles, others 217 -> 151 over 66
# tile sets of 130-700 images, mean F1 0.851 -> 0.870; 650 -> 591 others over 50 digit / clothing sets, 0.860 -> 0.864
NEAR_TARGET_PRECISION = 0.9
# pi is estimated over thresholds that take at least this many copies, with the real share at each
# taken as its median-unbiased estimate (see ``prevalence``); chosen on the tuning sets: 10 copies
# did the same, the plain share or a 95% upper bound did worse (blurry F1 0.74-0.87 on digits)
PREVALENCE_MIN_COPIES = 3
PREVALENCE_CONFIDENCE: float | None = 0.5
SELECT_BETA = 0.5
# calibrate_against_bulk's log-normal of the clean values goes through their median and this quantile.
# Chosen on the tuning sets of benchmarks/blur_tuning.py (digits, Fashion-MNIST, both with generator A's
# and the script's lens blurs, and tuning-only photograph tiles; blurry F1 per seed in the "blurry" check's
# notes): the median absolute deviation used before (the 25th / 75th percentiles) was too narrow for
# photographs, whose soft tiles trail far below the median (F1 0.33-0.48); 0.15-0.2 lost the 128 px
# photographs (0.63-0.79), 0.07 the mildly blurred digits (0.72); an exponential tail lost them too
BULK_TAIL_QUANTILE = 0.10
# with groups (the blurry check: the classes), a group of at least this many values gets a log-normal of
# its own (a 10th percentile of fewer values is mostly noise); smaller ones lean on a shared one (BULK_SHRINK_N0). Chosen on the
# tuning sets of benchmarks/blur_tuning.py: 20-50 gave the same thresholds, 100 left the 50-60 image
# classes of the 128 px photographs pooled (the one log-normal again)
BULK_MIN_GROUP = 30
# a smaller group keeps a log-normal of its own, its log median and log width each pulled toward shared
# ones with the weight n / (n + BULK_SHRINK_N0) of its n values (partial pooling: a 10th percentile of
# 10-29 values is noisy, but one log-normal for all of them, as before, did not see a soft class's
# wider tail). On benchmarks/blur_tuning.py's sets whose classes all have fewer than 30 tiles
# (tune_photos128_small: 20 classes of 10-29 tiles, tune_photos64_small: 35, seeds 0-9;
# tune_photos64_tiny: 53 classes of 4-12, seeds 0-4), estimated minus true precision went from
# +0.21 / +0.14 / +0.06 to +0.09 / +0.01 / +0.01 and precision from 0.77 / 0.85 / 0.92 to
# 0.82 / 0.94 / 0.95, at mean F1 0.838 / 0.896 / 0.898 -> 0.856 / 0.881 / 0.873 (the honest estimate
# takes fewer mild blurs); unblurred tiles flagged 7 / 4 / 3 -> 3 / 0 / 0 (these "before" numbers with
# the blurry check's MIN_CLASS_LOOKALIKES already in). 3 tracked as well but lost F1 on the 64 px sets
# (0.871, 0.859), 10 was optimistic again at 128 px (+0.15, F1 0.844); one pooled width for all small
# groups without their own widths (weight 0) stayed as optimistic as before (+0.23 / +0.15). Groups of
# BULK_MIN_GROUP or more are fitted alone, as before (every set with such classes: thresholds unchanged)
BULK_SHRINK_N0 = 5
# in a group of fewer than BULK_TRIM_MAX_GROUP values, the values below the BULK_TRIM_COPY_QUANTILE of the
# copies are left out of its fit (where they leave at least half): they are the group's own problems. At a
# few percent of blurs a small class holds, by chance, several times the data's share (3 of 30), its 10th
# percentile lands among them and its fitted tail widens until no useful threshold reaches the target.
# Chosen on benchmarks/blur_tuning.py: tuning photographs in 21 classes of 30 tiles with 6% / 10% lens
# blurs, F1 per seed 0.35 / 0.81 / 0.77 -> 0.91 / 0.96 / 0.77 and 0.00 / 0.75 / 0.52 -> 0.81 / 0.78 / 0.48
# (fitted on the unblurred tiles only: 0.92-0.96); at 3% in 21 classes of 30-60 (tune_photos64_many)
# 0.871 / 0.892 / 0.909 -> 0.871 / 0.892 / 0.925, 128 px photographs (classes of 50-60) 0.762 -> 0.818 on
# seed 2, the rest of blur_tuning.py's sets unchanged. Larger groups are left whole: on digits (classes of ~180) the
# blurs below the 10th percentile widen a log-normal that is otherwise thinner than the clean digits'
# far tail (trimmed, seed 2's F1 0.946 -> 0.897, estimated precision 0.90 for a true 0.83). The copies'
# median trimmed more (128 px photographs 0.737 -> 0.700 on seed 1), the 10th percentile too little
BULK_TRIM_COPY_QUANTILE = 0.25
BULK_TRIM_MAX_GROUP = 100


@dataclass(frozen=True)
class Calibration:
    """A threshold learnt from synthetic copies, and what it is expected to achieve."""

    threshold: float
    estimated_precision: float
    estimated_recall: float
    estimated_prevalence: float  # share of the real images that look like the copies
    target_precision: float
    target_reached: bool
    n_copies: int
    n_real: int
    extra: dict | None = None  # further calibrated settings (e.g. the hash threshold)

    def as_finding(self) -> dict:
        d = {k: (round(v, 6) if isinstance(v, float) else v) for k, v in asdict(self).items() if k != "extra"}
        d.update(self.extra or {})
        return d


def _share_at_or_below(sorted_values: np.ndarray, t: np.ndarray) -> np.ndarray:
    return np.searchsorted(sorted_values, t, side="right") / max(len(sorted_values), 1)


def prevalence(real: np.ndarray, copies: np.ndarray, min_copies: int | None = None,
               confidence: float | None = -1.0) -> float:
    """Upper estimate of the share of real values drawn like the copies (see the module docstring).

    At each threshold the share of real values at or below it is replaced by its Clopper-Pearson
    bound at ``confidence`` (default 0.5: the median-unbiased estimate, about ``(k + 2/3) / n``):
    where few real values fall, a share of exactly 0 would make the minimum over thresholds follow
    the noise down to 0. ``None``: the plain share.
    """
    from scipy.stats import beta

    min_copies = PREVALENCE_MIN_COPIES if min_copies is None else min_copies
    confidence = PREVALENCE_CONFIDENCE if confidence == -1.0 else confidence
    real, copies = np.sort(real), np.sort(copies)
    grid = copies[max(min_copies, 1) - 1:]
    if len(grid) == 0 or len(real) == 0:
        return 0.0
    n = len(real)
    k = np.searchsorted(real, grid, side="right")
    if confidence is None:
        upper = k / n
    else:
        upper = np.where(k < n, beta.ppf(confidence, k + 1, np.maximum(n - k, 1)), 1.0)
    ratio = upper / _share_at_or_below(copies, grid)
    return float(min(1.0, ratio.min()))


def choose(real_flags: np.ndarray, copy_flags: np.ndarray, pi: float, target: float,
           beta: float | None = None) -> tuple[int, float, float]:
    """Among candidate rules (columns), the one with the highest estimated F-``beta`` (precision
    weighted ``1 / beta`` times recall) whose estimated precision reaches ``target`` or that flags no
    real example; ``(column, precision, recall)``. ``real_flags`` / ``copy_flags``: shares of real
    examples / copies flagged by each rule."""
    beta = SELECT_BETA if beta is None else beta
    fr, fc = np.asarray(real_flags, float), np.asarray(copy_flags, float)
    with np.errstate(divide="ignore", invalid="ignore"):
        precision = np.where(fr > 0, np.minimum(1.0, pi * fc / fr), 1.0)
    ok = precision >= target
    if not ok.any():  # unreachable target: the most precise rule
        best = np.flatnonzero(precision == precision.max())
        j = int(best[np.argmax(fc[best])])
        return j, float(precision[j]), float(fc[j])
    b2 = beta ** 2
    f = np.where(ok, (1 + b2) * precision * fc / np.maximum(b2 * precision + fc, 1e-12), -1.0)
    top = np.flatnonzero(f == f.max())
    j = int(top[np.argmin(fr[top])])  # equal merit: the rule that flags fewest real examples
    return j, float(precision[j]), float(fc[j])


def calibrate(real: np.ndarray, copies: np.ndarray, target: float = TARGET_PRECISION,
              clean_false=None, clean_real: np.ndarray | None = None) -> Calibration:
    """The threshold ``t`` (flag ``value <= t``) for statistic values of the real images and the copies.

    ``clean_false``: a function of the candidate thresholds giving the share of the real values
    expected at or below each if all were clean (a clean model, as :func:`calibrate_ratio`'s); the
    estimated precision is then the lower of the mixture estimate's and ``1 - clean / F_real``, with
    ``F_real`` over ``clean_real`` where given (aligned with ``real``: inf for the real values another
    rule flags anyway)."""
    n_in = len(np.asarray(real))
    real = np.sort(np.asarray(real, float)[np.isfinite(real)])
    copies = np.sort(np.asarray(copies, float)[np.isfinite(copies)])
    pi = prevalence(real, copies)
    grid = np.unique(copies)
    fr, fc = _share_at_or_below(real, grid), _share_at_or_below(copies, grid)
    if clean_false is None or len(grid) == 0 or len(real) == 0:
        j, p, r = choose(fr, fc, pi, target)
        return Calibration(float(grid[j]), p, r, pi, target, p >= target, len(copies), len(real))
    false_share = np.asarray(clean_false(grid), float) * n_in / len(real)
    fm = fr
    if clean_real is not None:  # the clean bound on the flags another rule does not already raise
        cr = np.asarray(clean_real, float)
        fm = _share_at_or_below(np.sort(cr[np.isfinite(cr)]), grid) * np.isfinite(cr).sum() / len(real)
    with np.errstate(divide="ignore", invalid="ignore"):
        mixture = np.where(fr > 0, np.minimum(1.0, pi * fc / fr), 1.0)
        clean = np.where(fm > 0, np.clip(1.0 - false_share / fm, 0.0, 1.0), 1.0)
        precision = np.minimum(mixture, clean)
        fr_eff = np.where(fr > 0, fc / np.maximum(precision, 1e-12), 0.0)
    j, p, r = choose(fr_eff, fc, 1.0, target)
    return Calibration(float(grid[j]), p, r, pi, target, p >= target, len(copies), len(real))


# The embedding threshold's clean-model bound (calibrate_near's real_second). The mixture estimate alone
# took the clean tiles' own look-alikes for problems where textures crowd together: on photos96_e
# (generator E, 96 px tiles, embedder at 64 px, seed 0) it chose 0.055 (estimated precision 0.82) and
# joined 8 pairs of distinct brick / gravel / grass tiles (embedding 0.03-0.05, 24-36 hash bits apart).
# With the bound: threshold 0.026, near_duplicate precision / recall / F1 0.698 / 0.833 / 0.759 ->
# 1.0 / 0.889 / 0.941; benchmarks/near_photos.py --size 128 seeds 0 / 1 F1 0.889 / 0.923 -> 0.96 / 0.96
# (false 4 / 2 -> 0 / 0, recall 0.92 as before), with --image-size 64 0.842 / 0.842 -> 0.889 / 0.889
# (false 7 / 7 -> 4 / 4), --clean --image-size 64 2 -> 0 flags; 64 px tiles (seed 0, --plant, --clean)
# unchanged (0.985, 0.944, 0 flags).
def clean_first_neighbour(second: np.ndarray, dimension: float):
    """The clean model of each image's nearest-neighbour distance given its second one: where points
    are spread like a Poisson process in ``dimension`` dimensions (:func:`neighbour_dimension`), the
    first / second distance ratio is at or below ``x`` with probability ``x ** dimension``, so a clean
    image with second neighbour at ``d2`` has its nearest one within ``t`` with probability
    ``min(1, (t / d2) ** dimension)``. Returns the function of ``t`` (an array) giving the mean of that
    over ``second`` (images without one count as never flagged)."""
    d2 = np.asarray(second, float)
    d2 = d2[np.isfinite(d2) & (d2 > 0)]
    n = max(len(np.asarray(second)), 1)

    def share(t):
        t = np.asarray(t, float)
        if not len(d2) or not np.isfinite(dimension):
            return np.zeros(len(t))
        x = np.minimum(1.0, np.maximum(t, 0.0)[:, None] / d2[None, :])
        return (x ** dimension).sum(axis=1) / n
    return share


def neighbour_dimension(ratios: np.ndarray) -> float:
    """The intrinsic dimension ``D`` for which the share of nearest / second-nearest distance ratios at
    or below ``x`` is ``x ** D``, fitted through the ratios' median.

    Where points are spread like a Poisson process in ``D`` dimensions, the ratio of each point's first
    to second neighbour distance has exactly that distribution, whatever the local density (the
    TwoNN estimator, Facco et al. 2017). On the real images of the tuning sets (EfficientNet-Lite0
    embeddings, 64 px) it held from the 5th percentile to the median: ``D`` from the 5th, 25th and 50th
    percentiles was 6.9 / 6.9 / 6.9 on digits and 7.9 / 8.0 / 8.5 on Fashion-MNIST. The median is
    robust to the few percent of copies among the real images; lower quantiles, more exposed to them,
    gave a smaller ``D`` and a stricter threshold (generator C F1 on digits 0.34-0.60 through the
    median, 0.07-0.51 through the 10th percentile).
    """
    r = np.asarray(ratios, float)
    r = r[np.isfinite(r) & (r > 0) & (r < 1)]
    if len(r) < 10:
        return float("inf")
    return float(np.log(0.5) / np.log(min(np.median(r), 1.0 - 1e-9)))


def calibrate_ratio(real: np.ndarray, copies: np.ndarray, dimension: float, n_clean: int | None = None,
                    target: float = TARGET_PRECISION, real_gate: np.ndarray | None = None,
                    copy_gate: np.ndarray | None = None, null_gate: np.ndarray | None = None) -> Calibration:
    """A threshold ``rho`` for the both-sided neighbour-distance ratio (``compute.neighbour_ratio``):
    recall from the copies, false alarms from the clean model ``F(rho) = rho ** dimension``
    (:func:`neighbour_dimension`), as :func:`calibrate_against_bulk` does for blur.

    ``real``: each real image's smallest ratio over its candidate pairs; ``copies``: each copy's
    distance to its source over the source's nearest-neighbour distance (the copy is not in the kNN
    graph, so the source's nearest real neighbour is its next one). ``n_clean``: how many images the
    model's share is of, when ``real`` is a subset of them (the images the other rules left):
    an image of the whole set is a false alarm with probability at most ``rho ** dimension``, since a
    pair's ratio is below 1 only when it is also that image's own first / second neighbour ratio.
    Estimated precision at ``rho``: ``1 - n_clean * rho ** dimension / (n_real * F_real(rho))``.

    With ``real_gate`` / ``copy_gate`` / ``null_gate`` (a second statistic of the same pairs, lower =
    nearer: aligned with ``real``, with ``copies``, and its values between distinct neighbours) the rule
    is ``ratio <= rho and gate <= g``, ``g`` learnt with ``rho`` among the copies' finite gate values: a
    distinct pair passes the gate with the share ``q(g)`` of ``null_gate`` at or below ``g`` (its
    median-unbiased estimate, as in :func:`prevalence`), independently of its ratio, so the false share
    is ``rho ** dimension * q(g)``. ``extra["gate"]``: ``g``.

    Why a clean model and not :func:`calibrate`'s mixture estimate: on the tuning sets the copies'
    brightness / gamma / contrast edits have ratios (0.07-0.2) below any real copy's, so ``pi`` came out
    at 0.003-0.01 and the threshold at 0.04-0.2 (generator C F1 0.00-0.11, unchanged); taking ``pi``
    only over thresholds holding a fifth of the copies overshot instead (0.05-0.18) and flagged natural
    look-alike pairs on generator A's digits (F1 0.912 -> 0.585).
    """
    from scipy.stats import beta

    real, copies = np.asarray(real, float), np.asarray(copies, float)
    keep = ~np.isnan(real)
    gated = real_gate is not None and copy_gate is not None and null_gate is not None
    real_gate = _nan_as_inf(real_gate)[keep] if gated else np.zeros(keep.sum())
    copy_gate = _nan_as_inf(copy_gate) if gated else np.zeros(len(copies))
    real = real[keep]
    grid = np.unique(copies[np.isfinite(copies) & (copies < 1)])
    n_clean = len(real) if n_clean is None else n_clean
    extra = {"dimension": round(float(dimension), 4) if np.isfinite(dimension) else dimension}
    if gated:
        extra["gate"] = None
    if len(grid) == 0 or len(real) == 0 or not np.isfinite(dimension):
        return Calibration(0.0, 1.0, 0.0, 0.0, target, False, len(copies), len(real), extra)
    gates, share = np.array([np.inf]), np.ones(1)
    if gated:
        null = np.sort(np.asarray(null_gate, float)[~np.isnan(null_gate)])
        gates = np.unique(copy_gate[np.isfinite(copy_gate) & (copies < 1)])
        if len(null) == 0 or len(gates) == 0:
            return Calibration(0.0, 1.0, 0.0, 0.0, target, False, len(copies), len(real), extra)
        k = np.searchsorted(null, gates, side="right")
        share = np.where(k < len(null), beta.ppf(0.5, k + 1, np.maximum(len(null) - k, 1)), 1.0)
    # every (gate, rho): rows of the candidate rules
    fr = np.concatenate([_share_at_or_below(np.sort(real[real_gate <= g]), grid) * (real_gate <= g).sum()
                         for g in gates]) / len(real)
    fc = np.concatenate([_share_at_or_below(np.sort(copies[copy_gate <= g]), grid) * (copy_gate <= g).sum()
                         for g in gates]) / max(len(copies), 1)
    false_share = np.concatenate([grid ** dimension * q for q in share]) * n_clean / len(real)
    with np.errstate(divide="ignore", invalid="ignore"):
        precision = np.where(fr > 0, np.clip(1.0 - false_share / fr, 0.0, 1.0), 1.0)
        fr_eff = np.where(fr > 0, fc / np.maximum(precision, 1e-12), 0.0)
    j, p, r = choose(fr_eff, fc, 1.0, target)
    pi = float(max(0.0, fr[j] - false_share[j]))
    if gated:
        extra["gate"] = float(gates[j // len(grid)])
    return Calibration(float(grid[j % len(grid)]), p, r, pi, target, p >= target, len(copies), len(real), extra)


def _nan_as_inf(v) -> np.ndarray:
    v = np.asarray(v, float)
    return np.where(np.isnan(v), np.inf, v)


def _embedding_with_hash(rd, rh, cd, ch, b, hashed, target, clean):
    """The embedding threshold learnt on what the hash rule (``b`` bits, or none) leaves, and the two rules together:
    (embedding calibration, real and copy flags, prevalence, copies' recall, estimated precision)."""
    emb = calibrate(rd, cd, target, clean, np.where(rh <= b, np.inf, rd) if b is not None else None)
    t = emb.threshold
    r_flag = (rd <= t) | (rh <= (b if b is not None else -1))
    c_flag = (cd <= t) | (ch <= (b if b is not None else -1))
    pi = max(emb.estimated_prevalence, hashed.estimated_prevalence if hashed is not None else 0.0)
    fr, fc = r_flag.mean() if len(rd) else 0.0, c_flag.mean() if len(cd) else 0.0
    precision = min(1.0, pi * fc / fr) if fr > 0 else 1.0
    return emb, r_flag, c_flag, pi, fc, precision


def calibrate_near(real_dist: np.ndarray, real_hash: np.ndarray, copy_dist: np.ndarray, copy_hash: np.ndarray,
                   target: float = TARGET_PRECISION, max_hash_bits: int = 12, real_ratio: np.ndarray | None = None,
                   copy_ratio: np.ndarray | None = None, dimension: float | None = None,
                   real_spectrum: np.ndarray | None = None, copy_spectrum: np.ndarray | None = None,
                   spectrum_dimension: float | None = None, spectrum_gates: tuple | None = None,
                   real_layout: np.ndarray | None = None, copy_layout: np.ndarray | None = None,
                   layout_dimension: float | None = None, real_second: np.ndarray | None = None,
                   drop_hash: bool = False) -> Calibration:
    """Near duplicates: an embedding distance ``t`` and a perceptual-hash distance ``b``, each learnt on
    its own statistic, used together (flag ``dist <= t or hash <= b``).

    ``real_*``: each real image's smallest distance to another image (inf where it has no candidate);
    ``copy_*``: each copy's distance to its source. The two statistics see different edits (the
    hash survives noise, re-encoding and colour changes, the embedding survives small crops and
    shifts), so each gets its own prevalence estimate; the pair's estimated precision uses the
    larger of the two.

    With ``real_ratio`` / ``copy_ratio`` / ``dimension`` a third rule, ``ratio <= rho``
    (:func:`calibrate_ratio`), is learnt on the real images and copies the first two leave: on 28-32 px
    images 1-2 px shifts, crops and rotations move a copy as far in both statistics as distinct
    look-alikes are (Fashion-MNIST's plain T-shirts and bags), but the copy stays far closer to its
    source than to anything else. With ``real_spectrum`` / ``copy_spectrum`` / ``spectrum_dimension``
    a fourth, the same ratio test on the images' spectrum descriptors (``checks._groups.spectrum_pairs``),
    is learnt on what the first three leave: 1-2 px shifts, which the embedding does not forgive.
    ``spectrum_gates``: (real, copies, null) perceptual-hash bits of the spectrum pairs, the copies and
    distinct spectrum neighbours: the spectrum pairs must then also be within a number of hash bits
    learnt with the ratio (``calibrate_ratio``'s ``*_gate``), at most ``max_hash_bits`` as for the hash
    rule (``extra["spectrum_hash_threshold"]``). With ``real_layout`` / ``copy_layout`` / ``layout_dimension`` a
    fifth, the ratio test on the images' 16 x 16 grey pictures less their mean (``checks._groups.layout_pairs``), is
    learnt on what the first four leave: a picture printed on a textured ground, whose grain the embedding sees.

    ``real_second`` (aligned with ``real_dist``: each real image's second-neighbour distance) with
    ``dimension``: the embedding threshold's precision is also bounded by the clean model
    :func:`clean_first_neighbour`, and the lower of the two estimates is used.
    """
    rd, rh = (np.nan_to_num(np.asarray(v, float), nan=np.inf) for v in (real_dist, real_hash))
    cd, ch = (np.nan_to_num(np.asarray(v, float), nan=np.inf) for v in (copy_dist, copy_hash))
    clean = clean_first_neighbour(real_second, dimension) if real_second is not None and dimension is not None \
        else None
    hash_values = np.unique(ch[ch <= max_hash_bits])
    hashed = calibrate(rh, np.where(ch <= max_hash_bits, ch, np.inf), target) if len(hash_values) else None
    b = int(hashed.threshold) if hashed is not None and hashed.target_reached else None
    # the clean bound is taken on the real images the hash rule leaves: those it flags too are no false
    # alarm of the embedding's. On benchmarks/near_photos.py --size 128 --image-size 64 seed 0 the
    # embedding rule caught no copy the hash did not and still joined 2 pairs of distinct text-page
    # tiles (embedding 0.005-0.007, 14-28 hash bits): threshold 0.0073 -> 0.0047, false 4 -> 0, F1
    # 0.889 -> 0.96 at the same recall (seed 1, hash threshold 0: unchanged, 4 false); photos96_e, digits,
    # Fashion-MNIST, the 64 px tiles and the clean tiles unchanged
    emb, r_flag, c_flag, pi, fc, precision = _embedding_with_hash(rd, rh, cd, ch, b, hashed, target, clean)
    hash_dropped = None
    if drop_hash and b is not None and precision < target:
        # the two rules together miss the target: the hash rule, the looser of the two on small pictures (distinct
        # look-alike garments within 2 bits), is dropped where the embedding alone then reaches it
        alone = _embedding_with_hash(rd, rh, cd, ch, None, None, target, clean)
        if alone[-1] >= target:
            hash_dropped = {"hash_threshold": b, "estimated_precision_with_it": round(float(precision), 4)}
            emb, r_flag, c_flag, pi, fc, precision = alone
            b = None
    t = emb.threshold
    extra = {"hash_threshold": b, "embedding_only": {"threshold": emb.threshold,
                                                     "estimated_precision": round(emb.estimated_precision, 4),
                                                     "estimated_recall": round(emb.estimated_recall, 4)}}
    if hash_dropped:
        extra["hash_dropped"] = hash_dropped
    if hashed is not None:
        extra["hash_only"] = {"threshold": int(hashed.threshold) if hashed.target_reached else None,
                              "estimated_precision": round(hashed.estimated_precision, 4),
                              "estimated_recall": round(hashed.estimated_recall, 4)}
    for name, real_r, copy_r, dim, gates in (("ratio", real_ratio, copy_ratio, dimension, None),
                                             ("spectrum", real_spectrum, copy_spectrum, spectrum_dimension,
                                              spectrum_gates),
                                             ("layout", real_layout, copy_layout, layout_dimension, None)):
        if real_r is None or copy_r is None or dim is None:
            continue
        rr, cr = (np.nan_to_num(np.asarray(v, float), nan=np.inf) for v in (real_r, copy_r))
        rg, cg, ng = (np.zeros(len(rr)), np.zeros(len(cr)), None) if gates is None else (
            _nan_as_inf(v) for v in gates)
        if gates is not None:  # the gate's candidates: the copies' hash bits the hash rule considers too
            cg = np.where(cg <= max_hash_bits, cg, np.inf)
        ratio = calibrate_ratio(rr[~r_flag], cr[~c_flag], dim, len(rr), target,
                                *((rg[~r_flag], cg[~c_flag], ng) if gates is not None else ()))
        rho = ratio.threshold if ratio.target_reached else None
        g = (ratio.extra.get("gate") if gates is not None else None) if rho is not None else None
        g = np.inf if g is None else g
        if name == "spectrum":
            extra["spectrum_hash_threshold"] = None if not np.isfinite(g) else int(g)
        if rho is not None:
            # the rules' precision together: true flags of each rule over all flags
            hit_r, hit_c = (rr <= rho) & (rg <= g), (cr <= rho) & (cg <= g)
            true = precision * r_flag.sum() + ratio.estimated_precision * (hit_r & ~r_flag).sum()
            r_flag = r_flag | hit_r
            c_flag = c_flag | hit_c
            fc = c_flag.mean() if len(cd) else 0.0
            precision = min(1.0, true / max(r_flag.sum(), 1)) if r_flag.any() else 1.0
        extra[f"{name}_threshold"] = rho
        extra[f"{name}_only"] = {"threshold": rho, "dimension": ratio.extra["dimension"],
                                 "estimated_precision": round(ratio.estimated_precision, 4),
                                 "estimated_recall": round(ratio.estimated_recall, 4)}
    return Calibration(t, float(precision), float(fc), pi, target, precision >= target, len(cd), len(rd), extra)


def _bulk_false_share(real: np.ndarray, groups: np.ndarray | None, grid: np.ndarray,
                      floor: float | None = None) -> tuple[np.ndarray, float, float]:
    """Share of the real values expected at or below each ``grid`` value if all were clean:
    ``(shares, log median, log sigma)`` of the log-normal through the median and the
    ``BULK_TAIL_QUANTILE`` of the values, or, with ``groups``, the mixture of one log-normal per group
    weighted by the groups' sizes. A group of at least ``BULK_MIN_GROUP`` values is fitted on its own;
    a smaller one has its own fit shrunk toward a shared one (:func:`_shrunk_small_groups`). A group of
    fewer than ``BULK_TRIM_MAX_GROUP`` values is fitted without its values at or below ``floor``
    (where at least half are above it)."""
    from scipy.stats import norm

    def trim(v):
        if floor is not None and len(v) < BULK_TRIM_MAX_GROUP and (v > floor).sum() >= len(v) / 2:
            return v[v > floor]
        return v

    lg = np.log(np.maximum(grid, 1e-6))
    mu, sigma = _log_fit(real)
    if groups is None or len(real) == 0:
        return norm.cdf((lg - mu) / sigma), mu, sigma
    share = np.zeros(len(grid))
    small = []
    for g in np.unique(groups):
        m = groups == g
        if m.sum() < BULK_MIN_GROUP:
            small.append((m.mean(), int(m.sum()), trim(real[m])))
            continue
        gm, gs = _log_fit(trim(real[m]))
        share += m.mean() * norm.cdf((lg - gm) / gs)
    for weight, gm, gs in _shrunk_small_groups(small, mu, sigma):
        share += weight * norm.cdf((lg - gm) / gs)
    return share, mu, sigma


def _log_fit(v: np.ndarray) -> tuple[float, float]:
    """(mu, sigma) of the log-normal through the median and the ``BULK_TAIL_QUANTILE`` of ``v``."""
    from scipy.stats import norm

    logs = np.log(np.maximum(v, 1e-6))
    if not len(logs):
        return 0.0, 1e-3
    mu, low = (float(x) for x in np.quantile(logs, [0.5, BULK_TAIL_QUANTILE]))
    return mu, max((mu - low) / -norm.ppf(BULK_TAIL_QUANTILE), 1e-3)


def _shrunk_small_groups(small: list[tuple[float, int, np.ndarray]], mu: float, sigma: float):
    """``(weight, mu, sigma)`` for each group of fewer than ``BULK_MIN_GROUP`` values (``small``: each
    one's share of the data, its size and its values, trimmed): its own log median and log width, each pulled
    toward a shared value by the weight ``n / (n + BULK_SHRINK_N0)`` of its ``n`` values. The shared
    location is the median of all the data (``mu``); the shared width is that of the small groups'
    values about their own medians, pooled (where they are at least ``BULK_MIN_GROUP``; else
    ``sigma``, the width of all the data), so that the spread of the groups' locations is not
    counted as tail width."""
    from scipy.stats import norm

    if not small:
        return []
    fits = [_log_fit(v) for _, _, v in small]
    resid = np.concatenate([np.log(np.maximum(v, 1e-6)) - f[0] for (_, _, v), f in zip(small, fits)])
    width = sigma
    if sum(n for _, n, _ in small) >= BULK_MIN_GROUP and len(resid):
        width = max(-float(np.quantile(resid, BULK_TAIL_QUANTILE)) / -norm.ppf(BULK_TAIL_QUANTILE), 1e-3)
    out = []
    for (weight, n, _), (gm, gs) in zip(small, fits):
        w = n / (n + BULK_SHRINK_N0)
        out.append((weight, w * gm + (1 - w) * mu, float(np.exp(w * np.log(gs) + (1 - w) * np.log(width)))))
    return out


def calibrate_against_bulk(real: np.ndarray, copies: np.ndarray, target: float = TARGET_PRECISION,
                           groups: np.ndarray | None = None, max_threshold: float | None = None) -> Calibration:
    """A threshold for a positive statistic whose clean values form one broad bulk (blur: edge energy
    relative to look-alike images): false alarms are estimated from a log-normal fitted to the lower
    part of the real values, recall on the copies.

    The log-normal goes through the real values' median and their ``BULK_TAIL_QUANTILE`` (10th
    percentile): it has the width of the real values' lower tail, where false alarms come from, and is
    robust to the few problems among them (a few percent, below that quantile). Unlike
    :func:`calibrate` this needs no assumption that the data's own problems are distributed like the
    copies (blurs of one strength or another), only that the clean images' far tail is no heavier
    than that log-normal's. Estimated precision at ``t``: ``1 - Phi(z_t) / F_real(t)``.

    ``groups`` (one code per real value, e.g. the class): one log-normal per group, mixed by the
    groups' sizes. Where one group is soft by nature (a class of low-resolution faces among sharp
    scenes), its values trail further below the median than the rest; one log-normal for all puts
    that group's tail far out where it sees none of it, and its estimated precision is too high.
    A small group (under ``BULK_TRIM_MAX_GROUP`` values) is fitted without its values below the
    copies' ``BULK_TRIM_COPY_QUANTILE``: a few blurs in a class of 30 reach its 10th percentile.

    ``max_threshold``: the threshold is chosen among values at or below it only (the estimates are those at the
    threshold chosen); where no copy reaches it, it is the threshold itself, with no recall.
    """
    real = np.asarray(real, float)
    fin = np.isfinite(real)
    groups = None if groups is None else np.asarray(groups)[fin]
    real = real[fin]
    copies = np.sort(np.asarray(copies, float)[np.isfinite(copies)])
    grid = np.unique(copies)
    if max_threshold is not None:
        grid = grid[grid <= max_threshold]
        if not len(grid):
            grid = np.array([float(max_threshold)])
    # the values the copies reach: below this a small group's values are its own problems
    floor = float(np.quantile(copies, BULK_TRIM_COPY_QUANTILE)) if len(copies) else None
    false_share, mu, sigma = _bulk_false_share(real, groups, grid, floor)
    real = np.sort(real)
    fr, fc = _share_at_or_below(real, grid), _share_at_or_below(copies, grid)
    with np.errstate(divide="ignore", invalid="ignore"):
        precision = np.where(fr > 0, np.clip(1.0 - false_share / fr, 0.0, 1.0), 1.0)
    # choose() takes pi * F_copy / F_real as the precision: hand it the precision directly
    with np.errstate(divide="ignore", invalid="ignore"):
        fr_eff = np.where(fr > 0, fc / np.maximum(precision, 1e-12), 0.0)
    j, p, r = choose(fr_eff, fc, 1.0, target)
    pi = float(max(0.0, fr[j] - false_share[j]))
    return Calibration(float(grid[j]), p, r, pi, target, p >= target, len(copies), len(real),
                       {"clean_log_median": round(mu, 4), "clean_log_sigma": round(sigma, 4),
                        "clean_groups": 0 if groups is None else int(len(np.unique(groups)))})
