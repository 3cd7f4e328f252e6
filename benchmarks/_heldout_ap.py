"""Generator AP: fresh EVALUATION sets after generator AO's run (never used to choose anything).

Why a fortieth evaluation generator: generator AO's sets have been run, and what they showed may inform the next
changes (the commit subjects since AO's generator commit name AO's one run: near_duplicate 0.61-0.80 with
whole-picture overlays missed, blurry 0 on the 41 px JPEG tiles, below CleanVision, calibration +15.7%, mild copies
made only where they are read; and since then the library's reading of tables, labels and files, its cache, report
pages, training and reports changed, none of them the image checks' thresholds), so they will not stay untouched; AP
is a held-out measurement of the code after that run, of families of its own (AP's writer read no docs, logs,
result files or commit bodies: only the commit subjects, the library's code and the earlier generators' and tuning
tools' files, to copy their structure and to avoid their families). Like AN's and AO's, AP's edits are not all
brightly coloured: some are grey, dark or translucent. Generator AP was written before any tool was run on it (only
its pictures were looked at, on contact sheets of its edits, blurs, darkenings and foreign pictures at 28, 47 and
252 px, to check that every edit is visible, every blur blurred, every darkened image dark with its picture still in
it and every outlier foreign, and the planted folders hashed twice); it is not to be changed after its results are
seen. Its edits, blurs, darkenings, foreign pictures and label noise are of families that no tuning tool
(``blur_tuning.py``'s lens blurs: Gaussian, soft disk, astigmatic elongated Gaussian, ring; ``_foreign.py``'s
textures, icons and soft photographs; ``near_photos.py``'s and ``near_small.py``'s edits; ``label_filters.py``'s
and ``label_noise_models.py``'s flips), no earlier generator (A = ``dq.datasets.plant_issues``, B, D, E, F, G, H,
I, J, K, L, M, N, O, P, Q, R, S, T, U, V, W, X, Y, Z, AA, AB, AC, AD, AE, AF, AG, AH, AI, AJ, AK, AL, AM, AN, AO)
and none of the library's calibration copies (``dataquality/compute/_synthetic.py``: crop, shift, rotate,
brightness, contrast, gamma, JPEG, resize, overlay box; Gaussian, box, motion, down-and-up blurs) make. Like AC's to
AO's it has two blur families, not three. Left out because an earlier generator made them or left them out: among
objects on the print a cocktail umbrella (U's umbrellas), a safety pin, a domino, a plectrum or a clothes peg (V's,
AM's, W's, X's and U's lists), a fishing float (AI's reel); of the whole picture bubble wrap, a cobweb or tyre
tracks (AJ's, AN's, O's and AM's lists), a dot-to-dot constellation (AL's puzzle); among blurs tracing paper laid
on it (AD's, AN's, U's and Y's lists), a glycerine soap bar (AE's list), a photon sieve (AN's, R's and X's zone
plates), a contact print through a sleeve (the contact print lifted off its negative S's focal spot stood for),
pyrography or a pancake's browning (AH's list, AA's latte), a thermal fax head (AC's, AH's and M's lists), shrink
plastic (AG's, AI's and S's lists); among darkenings a bedside clock, a grow light, glow sticks or a lava lamp (R's,
W's and AE's lists), a bicycle's lamp (AE's tail light), a bonfire or a forge (the campfires and embers listed
before), a miner's lamp (AE's and AI's lists); among foreign pictures windmills, lighthouses, beehives or igloos
(AE's, AN's, AB's and AC's lists), yurts (AO's tipis), a canal lock (AO's narrowboats); among label noise a
spammer's answers (T's list), class names completed as typed or a drop-down's alphabetical neighbour (S's, AE's and
AL's lists), a keypad's rows (AM's list), hotkey slips (O's).

* ``near_duplicate`` (3%), five edits in a part of the picture and three of the whole, in turn (so that the 252 px
  set's copies get both kinds): a mesh tea-infuser ball lying on the print (28-36% of the side across, at least 9
  px, the picture seen through it at 30%, its mesh as darker lines from 48 px, a rim, a clasp, a chain to a drip
  tray, chrome, dark steel or brass, whichever two show most against the picture's median grey, a sheen; at any
  angle, 30-70% of the way across and down, a soft shadow at 40%), a lever nutcracker lying open (46-56% of the side
  long, at least 13 px, arms 9% of that wide, at least 1.2 px, toothed jaws by the hinge, red or black grips, cast
  iron, chrome or wood, whichever two show most, a sheen; the same place, a shadow at 45%), a loose shoelace (a flat
  lace curving through 3-4 bends across 40-55% of the side, 3.5% of the side wide, at least 1.2 px, white, black,
  red, grey or tan, a paler weave line from 48 px, an aglet at each end; the same place, a shadow at 35%), a drop
  earring (34-44% of the side long, at least 11 px, a wire hook, a teardrop stone in blue, red, green or pearl white
  at 90% in a gold or silver setting, a highlight; the same place, a shadow at 40%) and two or three sugar cubes
  (12-16% of the side a side, at least 5 px, white or demerara, a lit top and two darker faces, sparkling grain from
  48 px; the same place, a shadow at 45%); of the whole picture: a weather chart's isobars (the contours of a smooth
  field of 2-3 highs and lows, 6-9 levels, lines 1.4% of the side wide, at least 0.7 px, near-black at 90% on a
  light picture, white on a dark one, an H and an L from 48 px: contours of a field, not AC's, AH's or P's contour
  lines of a map), sawdust swept over it (flakes 0.6-1.8% of the side long, about 0.45-0.7 per square of 4% of the side,
  denser in 1-2 drifts, pale and darker pine at 85%, fine dust at 40%: not U's confetti or AI's pencil shavings) and
  a dressmaker's paper pattern laid over it (the tissue at 28%, a pattern piece 70-85% of the side across outlined
  in a cutting line and a dashed seam line, 2-3 notches, a grain-line arrow, black at 80%: a translucent sheet with
  its printing, not Q's plastic sleeve or AM's red-pen marking);
* ``exact_duplicate`` (1%): byte-for-byte copies of a file under another name;
* ``blurry`` (3%): the picture cast into a hand-poured epoxy resin coaster clouded by micro-bubbles (a Gaussian of
  1.7-2.5% of the side, at least 1 px, for 65% of it and one 3.5 times as wide for the rest, the resin yellowed to
  1.0 / 0.95 / 0.8 under a milky veil of 8-12%, 20-40 larger bubbles as pale dots at 50%, a light meniscus ring at
  the edge at 35%: a volume of scattering bubbles, not AB's block of ice, V's paperweight or I's frosted glass) and
  the picture projected on a theatre's gauze scrim (60-70% of the light caught out of focus, a Gaussian of 1.8-2.6%
  of the side, at least 1.1 px, the rest passing through to the back wall as a larger copy, 6-10% bigger, blurred 3
  times as wide and moved 2-4% of the side, a faint weave grid at 6% over a dark stage: not AC's strip curtain, AD's
  projector or R's wire mesh); each as a camera metering on the highlights exposes it (as Y's to AO's);
* ``dark`` (2%): a front path at night lit only by an illuminated house-number sign on the wall (a box 20-26% of the
  side wide and 11% high, at least 3 px, 15-85% of the way across and 12-28% down, an opal face glowing a warm 1.0 /
  0.92 / 0.74 or a cool 0.88 / 0.94 / 1.0 with 1-3 dark digits, a dark frame; a glow of sigma 3-5% of the side up
  to 30-45 levels; the picture lit at a gain of 0.015-0.03 plus 0.28-0.38 falling off as ``1 / (1 + (d / d0) ** 2)``
  from the box, ``d0`` 25-36% of the side, half as much above it; noise sigma 1.2 levels: a backlit sign, not AF's
  letter light box or AO's bulkhead lamp), a jetty at night lit only by a moored boat's red and green sidelights
  (two lamps 4% of the side across, at least 1.5 px, 18-26% of the side apart, 40-60% of the way down, each lighting
  the picture in its own colour at a gain of 0.25-0.35 falling off as above, ``d0`` 22-32% of the side, over 0.015-0.03;
  glows up to 30-45 levels, reflections as streaks down to the bottom edge at 25%: two coloured lamps, not P's
  emergency lights or V's mast lights) and garden steps at night lit only by the lights set in their risers (2-3
  rows of two slot lights under dark hoods, 62-90% of the way down, warm 1.0 / 0.86 / 0.64, each lighting the
  picture at 0.2-0.28 falling off as above, ``d0`` 14-20% of the side, 80% less above its row, over 0.015-0.03;
  glows of sigma 2-3.5% of the side up to 30-45 levels: pools thrown down, not AN's solar stake or N's fairy lights);
  none of them blurs the picture;
* ``outlier`` (1.5%): grain silos on a farm (fields in bands, 2-4 tall ribbed silos with domed caps and a ladder, an
  elevator's chute, a long shed), a Victorian bandstand in a park (a lawn, round trees, a plinth, five slender
  columns, a railing, an ogee roof with a finial and a scalloped valance) and a garden sundial (a hedge, a gravel
  circle, a baluster pedestal, a round plate seen a little from above with 12 hour marks, a gnomon and its shadow);
  the digit and clothing sets get them in their own tones on their dark ground, the photographs as a blue sky over
  stubble and green fields with galvanised, red or blue silos, a pale sky over green trees and lawn with green, red
  or blue ironwork, and a green garden with a stone pedestal and a bronze plate;
* ``label`` (5%): *re-sorting button* flips: part of the set was labelled in a tool whose class buttons are ordered
  by how often each class has been chosen in the session (most used first, ties by name) and re-sorted after every
  click. The labeller, working through the eligible pictures in a random order, aims by position, at the place the
  intended class's button had before the last click re-sorted the list; where that click moved it, the class now in
  that place is given (and counted). Sessions of 150-300 pictures start from a previous session's counts (0-3 a
  class) and are worked through until the flips needed are made (the last one's flips kept in part, at random); a
  picture given its own class is not a flip: noise by a list's live re-sorting, not by class or look, not S's
  alphabetical neighbour, O's hotkey slips or AO's transposed sheets. Every flip changes the label, so every one is
  in the truth.

Each planted defect has its own source image; nothing else is planted, so only these six issue types are scored on
AP's sets. Base data are the evaluation domains drawn with seeds no other set uses: Fashion-MNIST *test* (2,000, seed
293), MNIST (2,000, seed 294), and the evaluation photographs tiled at 47 px (24 tiles a photograph at most, seed 295:
405) and at 252 px (every tile, seed 296: 107), sizes no other set uses. ``photos47_ap_jpeg`` is written as
JPEG files, each at a quality drawn from 61-86 (a stream of its own, seed ``425_000 + random_state``), every edit,
blur and darkening made before the encoding, near copies made from the decoded JPEG and saved again at their own
quality, exact copies byte copies of the file; the other sets are PNG files. Planting draws from seed ``420_000 +
random_state``. The planting is I's (:func:`_heldout_i.plant_generator`, as for J to AO).
"""

from __future__ import annotations

import numpy as np
from _heldout_aa import _frame_at, _rect
from _heldout_ab import _pick
from _heldout_ac import _rrect
from _heldout_ae import _lit
from _heldout_af import _glow
from _heldout_an import _showing
from _heldout_h import _u8
from _heldout_i import by_family, plant_generator
from _heldout_k import _paint
from _heldout_p import _ellipse
from _heldout_q import _down
from _heldout_s import _pixels
from _heldout_v import _metered
from _heldout_x import _canvas, _Frame, _laid
from PIL import ImageDraw

from dataquality.datasets import PlantedDataset

EVALUATION_AP = ("fashion_test_ap", "mnist_ap", "photos47_ap_jpeg", "photos252_ap")
# each set's base: (data, seed) or ("photos", seed, tile size, tiles per photograph quick, full)
BASES_AP = {
    "fashion_test_ap": ("fashion_test", 293),
    "mnist_ap": ("mnist", 294),
    "photos47_ap_jpeg": ("photos", 295, 47, 8, 24),
    "photos252_ap": ("photos", 296, 252, 8, 1000),
}
JPEG_QUALITY = (61, 87)  # the JPEG set's qualities: integers in [low, high)
RATES_AP = {"near_duplicate": 0.03, "exact_duplicate": 0.01, "blurry": 0.03, "dark": 0.02, "outlier": 0.015,
            "label": 0.05}
# parts of the picture and the whole picture in turn, so that the smallest set gets both kinds
NEAR_EDITS_AP = ("tea_infuser", "isobars", "nutcracker", "sawdust", "shoelace", "sewing_pattern", "earring",
                 "sugar_cubes")
BLURS_AP = ("resin_coaster", "scrim_projection")
DARKS_AP = ("house_number", "boat_sidelights", "step_lights")
OUTLIERS_AP = ("grain_silos", "bandstand", "sundial")


def load_base_ap(name: str, quick: bool = False):
    import _heldout

    return _heldout.load_generator_base(name, quick, BASES_AP, "AP")


# -- near copies -----------------------------------------------------------------------------
INFUSERS = ((196, 198, 204), (84, 86, 92), (200, 170, 96))


def _tea_infuser(f: np.ndarray, rng) -> np.ndarray:
    """A mesh tea-infuser ball lying on the print: a ball 28-36% of the side across, at least 9 px, its mesh seen
    as a grid of darker lines 12% of the ball apart (from 48 px) over the picture at 70%, a rim round its middle
    and a clasp, a chain 80-110% of the ball long to a small drip tray or a hook; chrome, dark steel or brass (of the
    three the two whose grey is furthest from the picture's median grey), a sheen at 45%; at any angle, its middle
    30-70% of the way across and down, a soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    D = max(9.0, side * rng.uniform(0.28, 0.36))
    col = _showing(f, INFUSERS, rng)
    fr = _frame_at(h, w, rng)
    r = D / 2
    ball = fr.fill([_ellipse(0.0, 0.0, r, r, 0.0, 24)])
    rim = fr.line([[(-r, 0.0), (r, 0.0)]], max(0.8, 0.08 * D))
    clasp = fr.fill([_rect(r - 0.05 * D, -0.08 * D, r + 0.12 * D, 0.08 * D)])
    L = D * rng.uniform(0.8, 1.1)
    t = np.linspace(0, 1, 14)
    chain = [(-0.0 + 0.0 * s, -r - L * s) for s in t]
    chain = [(x + 0.15 * L * np.sin(3 * s), y) for (x, y), s in zip(chain, t)]
    links = fr.line([chain], max(0.7, 0.03 * D))
    tray = fr.fill([_ellipse(chain[-1][0], chain[-1][1] - 0.1 * D, 0.22 * D, 0.12 * D, 0.0, 14)])
    parts = [(ball, col, 0.7, True), (rim, col, 1.0, True), (clasp, col * 0.85, 1.0, True), (links, col, 1.0, True),
             (tray, col * 0.9, 1.0, True)]
    if side >= 48:
        g = np.arange(-r, r, max(1.5, 0.12 * D))
        mesh = fr.line([[(x, -r), (x, r)] for x in g] + [[(-r, y), (r, y)] for y in g], max(0.5, 0.012 * D)) * ball
        parts.append((mesh, col * 0.45, 0.8, False))
    sheen = fr.fill([_ellipse(-0.25 * r, -0.35 * r, 0.3 * r, 0.16 * r, -0.5, 12)])
    parts.append((sheen, (255, 255, 255), 0.45, False))
    return _u8(_laid(f, parts, 0.4))


NUTCRACKERS = ((60, 62, 66), (196, 198, 204), (150, 104, 60))


def _nutcracker(f: np.ndarray, rng) -> np.ndarray:
    """A lever nutcracker lying open on the print: two arms 46-56% of the side long, at least 13 px, 9% of that wide
    (at least 1.2 px) from a hinge at one end, open by 0.25-0.45 radians, each with a toothed jaw 20% of the length
    from the hinge (a wider bulge with 3 dark notches from 48 px) and a rubber or plain grip over its last 35%; cast
    iron, chrome or a wooden pair (of the three the two whose grey is furthest from the picture's median grey), grips
    red or black, a sheen along one arm at 40%; at any angle, its middle 30-70% of the way across and down, a soft
    shadow at 45%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(13.0, side * rng.uniform(0.46, 0.56))
    col = _showing(f, NUTCRACKERS, rng)
    fr = _frame_at(h, w, rng)
    aw = max(1.2, 0.09 * L)
    op = rng.uniform(0.25, 0.45) / 2
    hx = -0.5 * L
    arms, grips, jaws = [], [], []
    for s in (-1, 1):
        end = (hx + L * np.cos(op), s * L * np.sin(op))
        arms.append([(hx, 0.0), end])
        g0 = (hx + 0.65 * L * np.cos(op), s * 0.65 * L * np.sin(op))
        grips.append([g0, end])
        jx, jy = hx + 0.2 * L * np.cos(op), s * 0.2 * L * np.sin(op)
        jaws.append(_ellipse(jx, jy, 0.09 * L, 0.07 * L, s * op, 12))
    arm = fr.line(arms, aw)
    grip = fr.line(grips, 1.35 * aw)
    jaw = fr.fill(jaws)
    hinge = fr.fill([_ellipse(hx, 0.0, 0.07 * L, 0.07 * L, 0.0, 12)])
    parts = [(arm, col, 1.0, True), (jaw, col, 1.0, True), (hinge, col * 0.7, 1.0, True),
             (grip, _pick(((170, 30, 36), (26, 26, 28)), rng), 1.0, True)]
    if side >= 48:
        notches = fr.line([[(hx + (0.15 + 0.04 * k) * L * np.cos(op), s * ((0.15 + 0.04 * k) * L * np.sin(op)) - s * 0.05 * L),
                            (hx + (0.15 + 0.04 * k) * L * np.cos(op), s * ((0.15 + 0.04 * k) * L * np.sin(op)) + s * 0.02 * L)]
                           for k in range(3) for s in (-1, 1)], max(0.5, 0.012 * L)) * jaw
        parts.append((notches, col * 0.35, 1.0, False))
    sheen = fr.line([[(hx + 0.25 * L * np.cos(op), -0.25 * L * np.sin(op) - 0.25 * aw),
                      (hx + 0.6 * L * np.cos(op), -0.6 * L * np.sin(op) - 0.25 * aw)]], max(0.4, 0.3 * aw)) * arm
    parts.append((sheen, (255, 255, 255), 0.4, False))
    return _u8(_laid(f, parts, 0.45))


LACES = ((244, 244, 240), (24, 24, 26), (150, 30, 36), (120, 120, 124), (150, 110, 70))


def _shoelace(f: np.ndarray, rng) -> np.ndarray:
    """A loose shoelace lying on the print: a flat lace 90-130% of the side long along a smooth random curve (three
    to four bends) within a box 40-55% of the side across, 3.5% of the side wide, at least 1.2 px; white, black, red,
    grey or tan, its weave as a paler centre line at 35% from 48 px; a plastic aglet at each end 10% of the lace's
    box long, clear-grey or black; at any angle, its middle 30-70% of the way across and down, a soft shadow at
    35%."""
    h, w = f.shape[:2]
    side = min(h, w)
    B = max(12.0, side * rng.uniform(0.4, 0.55))
    col = _pick(LACES, rng)
    fr = _frame_at(h, w, rng)
    t = np.linspace(0, 1, 40)
    k = rng.uniform(3.0, 4.0)
    ph = rng.uniform(0, 2 * np.pi)
    pts = [(B * (s - 0.5), 0.45 * B * np.sin(k * np.pi * s + ph) * (0.6 + 0.4 * s)) for s in t]
    lw = max(1.2, 0.035 * side)
    lace = fr.line([pts], lw)
    parts = [(lace, col, 1.0, True)]
    if side >= 48:
        parts.append((fr.line([pts], max(0.4, 0.3 * lw)) * lace, np.minimum(col + 40, 255), 0.35, False))
    tips = []
    for a, b in ((pts[0], pts[3]), (pts[-1], pts[-4])):
        d = np.hypot(b[0] - a[0], b[1] - a[1]) + 1e-6
        tips.append([a, (a[0] + (b[0] - a[0]) / d * 0.1 * B, a[1] + (b[1] - a[1]) / d * 0.1 * B)])
    parts.append((fr.line(tips, 1.15 * lw), _pick(((190, 190, 186), (20, 20, 22)), rng), 1.0, True))
    return _u8(_laid(f, parts, 0.35))


EARRINGS = ((214, 180, 90), (206, 208, 214))
STONES = ((30, 120, 190), (170, 30, 50), (40, 150, 90), (240, 240, 236))


def _earring(f: np.ndarray, rng) -> np.ndarray:
    """A drop earring lying on the print: a hook of wire (a curl 20% of the piece's length across), a chain or link
    and a teardrop stone, 34-44% of the side long, at least 11 px, the stone 40% of that long and 26% wide, blue,
    red, green or pearl white at 90% with a highlight at 60%, set in gold or silver (its rim 4% wide, at least 0.8
    px), the wire 2.5% wide, at least 0.7 px; at any angle, its middle 30-70% of the way across and down, a soft
    shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(11.0, side * rng.uniform(0.34, 0.44))
    metal = _pick(EARRINGS, rng)
    stone = _pick(STONES, rng)
    fr = _frame_at(h, w, rng)
    u = np.linspace(0.3 * np.pi, 2.0 * np.pi, 16)
    hook = [(-0.1 * L * np.cos(v) + 0.1 * L, -0.5 * L + 0.1 * L * np.sin(v)) for v in u] + [(0.0, -0.2 * L)]
    wire = fr.line([hook], max(0.7, 0.025 * L))
    v = np.linspace(0, 2 * np.pi, 20, endpoint=False)
    drop = [(0.17 * L * np.sin(a) * np.sin(a / 2), 0.2 * L * (1 - np.cos(a))) for a in v]
    gem = fr.fill([drop])
    setting = fr.line([drop + [drop[0]]], max(0.8, 0.04 * L))
    hi = fr.fill([_ellipse(-0.03 * L, 0.15 * L, 0.04 * L, 0.06 * L, 0.3, 10)])
    parts = [(wire, metal, 1.0, True), (gem, stone, 0.9, True), (setting, metal, 1.0, True),
             (hi * gem, (255, 255, 255), 0.6, False)]
    return _u8(_laid(f, parts, 0.4))


def _sugar_cubes(f: np.ndarray, rng) -> np.ndarray:
    """Two or three sugar cubes lying on the print, side by side and a little apart: each 12-16% of the side a side,
    at least 5 px, at its own small turn; white or demerara brown, its top face lit and two side faces 12% and 25%
    darker (as a cube seen a little from above), its grain as sparkling specks 8% brighter and darker from 48 px; the
    group at any angle, its middle 30-70% of the way across and down, a soft shadow at 45%."""
    h, w = f.shape[:2]
    side = min(h, w)
    s = max(5.0, side * rng.uniform(0.12, 0.16))
    col = _pick(((246, 244, 238), (196, 150, 96)), rng)
    fr = _frame_at(h, w, rng)
    n = int(rng.integers(2, 4))
    tops, lefts, fronts = [], [], []
    for j in range(n):
        x = (j - (n - 1) / 2) * 1.25 * s
        y = rng.uniform(-0.2, 0.2) * s
        e = 0.25 * s
        tops.append(_rect(x - 0.5 * s, y - 0.5 * s, x + 0.5 * s, y + 0.5 * s - e))
        fronts.append(_rect(x - 0.5 * s, y + 0.5 * s - e, x + 0.5 * s, y + 0.5 * s))
        lefts.append([(x + 0.5 * s - 0.2 * e, y - 0.5 * s), (x + 0.5 * s, y - 0.5 * s), (x + 0.5 * s, y + 0.5 * s),
                      (x + 0.5 * s - 0.2 * e, y + 0.5 * s)])
    parts = [(fr.fill(tops), col, 1.0, True), (fr.fill(fronts), col * 0.75, 1.0, True),
             (fr.fill(lefts), col * 0.88, 1.0, True)]
    out = _laid(f, parts, 0.45)
    if side >= 48:
        cube = np.maximum.reduce([m for m, _, _, _ in parts])
        grain = rng.normal(0, 1, cube.shape).astype(np.float32)
        out = out + (cube * np.clip(grain, -1, 1) * 0.08 * 255)[..., None]
    return _u8(out)


def _isobars(f: np.ndarray, rng) -> np.ndarray:
    """A weather chart's isobars drawn over the whole print: the contours of a smooth pressure field (two or three
    highs and lows, Gaussian bumps of width 25-40% of the side, at random), 6-9 levels across its range, in thin
    lines 1.4% of the side wide, at least 0.7 px, near-black at 90% where the picture's median grey is light, white at
    90% where it is dark (under 128); an H and an L letter by a high and a low from 48 px."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    field = np.zeros((h, w), np.float32)
    centres = []
    for j in range(int(rng.integers(2, 4))):
        cx, cy = w * rng.uniform(0.1, 0.9), h * rng.uniform(0.1, 0.9)
        s = side * rng.uniform(0.25, 0.4)
        sign = 1 if j % 2 == 0 else -1
        field += sign * np.exp(-((xx - cx) ** 2 + (yy - cy) ** 2) / (2 * s * s))
        centres.append((cx, cy, sign))
    k = int(rng.integers(6, 10))
    levels = np.linspace(field.min(), field.max(), k + 2)[1:-1]
    sp = (levels[1] - levels[0])
    gy, gx = np.gradient(field)
    g = np.hypot(gx, gy) + 1e-6
    lw = max(0.7, 0.014 * side)
    lines = np.zeros((h, w), np.float32)
    for lv in levels:
        lines = np.maximum(lines, np.clip(1 - np.abs(field - lv) / g / (0.5 * lw + 0.5), 0, 1))
    lines *= (sp > 0)
    col = (240, 240, 236) if float(np.median(f @ np.array([0.299, 0.587, 0.114], np.float32))) < 128 else (24, 24, 28)
    out = _paint(f, 0.9 * lines, col)
    if side >= 48:
        ident = _Frame((h, w), 0.0, 0.0, 0.0)
        strokes = []
        for cx, cy, sign in centres[:2]:
            a = 0.04 * side
            if sign > 0:
                strokes += [[(cx - a, cy - a), (cx - a, cy + a)], [(cx + a, cy - a), (cx + a, cy + a)],
                            [(cx - a, cy), (cx + a, cy)]]
            else:
                strokes += [[(cx - a, cy - a), (cx - a, cy + a), (cx + a, cy + a)]]
        out = _paint(out, 0.85 * ident.line(strokes, max(0.8, 0.012 * side)), col)
    return _u8(out)


def _sawdust(f: np.ndarray, rng) -> np.ndarray:
    """Sawdust scattered over the whole print (swept off a workbench): flakes 0.6-1.8% of the side long, at least
    0.7 px, turned at random, their count 0.45-0.7 per square of 4% of the side, denser (twice) in 1-2 drifts of sigma
    20% of the side; pale pine 226 / 196 / 150 and darker 180 / 136 / 90 at 85%, 20% of them as fine dust at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    dens = np.ones((h, w), np.float32)
    for _ in range(int(rng.integers(1, 3))):
        cx, cy = w * rng.uniform(0.2, 0.8), h * rng.uniform(0.2, 0.8)
        dens += np.exp(-((xx - cx) ** 2 + (yy - cy) ** 2) / (2 * (0.2 * side) ** 2))
    n = int(rng.uniform(0.45, 0.7) * (h * w) / (0.04 * side) ** 2)
    p = (dens / dens.sum()).ravel()
    idx = rng.choice(h * w, size=n, p=p)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    flakes, fine = [], []
    for i in idx:
        y, x = divmod(int(i), w)
        ln = 0.5 * max(0.7, side * rng.uniform(0.006, 0.018))
        a = rng.uniform(0, np.pi)
        seg = [(x - ln * np.cos(a), y - ln * np.sin(a)), (x + ln * np.cos(a), y + ln * np.sin(a))]
        (fine if rng.random() < 0.2 else flakes).append(seg)
    lw = max(0.7, 0.006 * side)
    half = len(flakes) // 2
    out = _paint(f, 0.85 * ident.line(flakes[:half], lw), (226, 196, 150))
    out = _paint(out, 0.85 * ident.line(flakes[half:], lw), (180, 136, 90))
    out = _paint(out, 0.4 * ident.line(fine, 0.7 * lw), (210, 180, 130))
    return _u8(out)


PATTERN_TISSUE = np.array([236, 222, 190], np.float32)


def _sewing_pattern(f: np.ndarray, rng) -> np.ndarray:
    """A dressmaker's paper pattern laid over the whole print: the brown-cream tissue over it at 28%, a pattern
    piece's outline (a smooth closed shape 70-85% of the side across, turned by up to 0.3 radians) as a solid cutting
    line and a dashed seam line 4% of the side inside it, 2-3 notch triangles on the outline, a grain-line arrow
    across the middle; printed in black at 80% (lines 1.2% of the side wide, at least 0.7 px)."""
    h, w = f.shape[:2]
    side = min(h, w)
    out = f * 0.72 + 0.28 * PATTERN_TISSUE
    fr = _Frame((h, w), w * rng.uniform(0.45, 0.55), h * rng.uniform(0.45, 0.55), rng.uniform(-0.3, 0.3))
    v = np.linspace(0, 2 * np.pi, 40, endpoint=False)
    R = 0.5 * side * rng.uniform(0.7, 0.85)
    amp = rng.uniform(0.05, 0.12, 3)
    phs = rng.uniform(0, 2 * np.pi, 3)
    rad = R * (1 - amp[0] * np.cos(2 * v + phs[0]) - amp[1] * np.cos(3 * v + phs[1]) - amp[2] * np.sin(v + phs[2]))
    outline = [(r * np.cos(t), r * np.sin(t)) for r, t in zip(rad, v)]
    inner = [((r - 0.04 * side) * np.cos(t), (r - 0.04 * side) * np.sin(t)) for r, t in zip(rad, v)]
    lw = max(0.7, 0.012 * side)
    cut = fr.line([outline + [outline[0]]], lw)
    dashes = [[inner[j], inner[j + 1]] for j in range(0, len(inner) - 1, 2)]
    seam = fr.line(dashes, 0.8 * lw)
    notches = []
    for j in rng.choice(len(v), size=int(rng.integers(2, 4)), replace=False):
        x, y = outline[int(j)]
        d = 0.035 * side / max(np.hypot(x, y), 1e-6)
        notches.append([(x * (1 - d) - y * d * 0.6, y * (1 - d) + x * d * 0.6), (x, y),
                        (x * (1 - d) + y * d * 0.6, y * (1 - d) - x * d * 0.6)])
    a = 0.35 * side
    arrow = [[(-a, 0.0), (a, 0.0)], [(a - 0.06 * side, -0.04 * side), (a, 0.0), (a - 0.06 * side, 0.04 * side)],
             [(-a + 0.06 * side, -0.04 * side), (-a, 0.0), (-a + 0.06 * side, 0.04 * side)]]
    ink = np.maximum.reduce([cut, seam, fr.fill(notches), fr.line(arrow, 0.8 * lw)])
    return _u8(_paint(out, 0.8 * ink, (24, 24, 26)))


def near_edit_ap(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "tea_infuser":  # a mesh tea-infuser ball lying on the print
        return _tea_infuser(f, rng)
    if kind == "nutcracker":  # a lever nutcracker lying open on the print
        return _nutcracker(f, rng)
    if kind == "shoelace":  # a loose shoelace lying on the print
        return _shoelace(f, rng)
    if kind == "earring":  # a drop earring lying on the print
        return _earring(f, rng)
    if kind == "sugar_cubes":  # sugar cubes lying on the print
        return _sugar_cubes(f, rng)
    if kind == "isobars":  # a weather chart's isobars drawn over the print
        return _isobars(f, rng)
    if kind == "sawdust":  # sawdust scattered over the print
        return _sawdust(f, rng)
    if kind == "sewing_pattern":  # a dressmaker's paper pattern laid over the print
        return _sewing_pattern(f, rng)
    raise ValueError(kind)


# -- blurs -----------------------------------------------------------------------------------
def _resin_coaster(f: np.ndarray, rng) -> np.ndarray:
    """The picture cast into a hand-poured epoxy resin coaster whose resin clouded with a foam of micro-bubbles
    (stirred too fast, not degassed): the bubbles scatter it, a Gaussian of 1.7-2.5% of the side, at least 1 px, for
    65% of it and one 3.5 times as wide for the rest; the resin yellowed, 1.0 / 0.95 / 0.8, under a milky veil of
    8-12%; 20-40 larger bubbles (0.6-1.2% of the side across, at least 0.6 px) as pale dots at 50% with a dark rim
    below 48 px left out; the poured rim's meniscus a light ring 2% of the side wide at the edge at 35%; as a camera
    metering on the highlights exposes it."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    s = max(1.0, side * rng.uniform(0.017, 0.025))
    soft = np.stack([0.65 * gaussian_filter(f[..., c], s, mode="reflect") +
                     0.35 * gaussian_filter(f[..., c], 3.5 * s, mode="reflect") for c in range(3)], axis=2)
    veil = rng.uniform(0.08, 0.12)
    out = soft * np.array([1.0, 0.95, 0.8], np.float32) * (1 - veil) + veil * np.array([236, 230, 210], np.float32)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    n = int(rng.integers(20, 41))
    dots = []
    for _ in range(n):
        r = 0.5 * max(0.6, side * rng.uniform(0.006, 0.012))
        dots.append(_ellipse(w * rng.uniform(0.05, 0.95), h * rng.uniform(0.05, 0.95), r, r, 0.0, 8))
    out = _paint(out, 0.5 * ident.fill(dots), (248, 246, 236))
    inside = np.minimum.reduce([xx, yy, w - xx, h - yy])
    ring = np.clip(1 - inside / max(0.8, 0.02 * side), 0, 1)
    out = _paint(out, 0.35 * ring, (250, 248, 236))
    return _u8(_metered(out, f))


def _scrim_projection(f: np.ndarray, rng) -> np.ndarray:
    """The picture projected on a theatre's gauze scrim, photographed from the stalls: the gauze catches 60-70% of
    the light, out of the projector's focus, a Gaussian of 1.8-2.6% of the side, at least 1.1 px; the rest passes
    through the open weave to the back wall, a larger, fainter copy (scaled up 6-10% about the middle, blurred 3
    times as wide) moved 2-4% of the side one way; the weave seen as a faint grid at 6% (its pitch 3% of the side,
    at least 2 px) over a dark stage 18 / 18 / 22; as a camera metering on the highlights exposes it."""
    from scipy.ndimage import gaussian_filter, map_coordinates

    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    s = max(1.1, side * rng.uniform(0.018, 0.026))
    caught = rng.uniform(0.6, 0.7)
    front = np.stack([gaussian_filter(f[..., c], s, mode="reflect") for c in range(3)], axis=2)
    k = 1 + rng.uniform(0.06, 0.1)
    a = rng.uniform(0, 2 * np.pi)
    d = side * rng.uniform(0.02, 0.04)
    sy = (yy - 0.5 - h / 2 - d * np.sin(a)) / k + h / 2
    sx = (xx - 0.5 - w / 2 - d * np.cos(a)) / k + w / 2
    back = np.stack([map_coordinates(gaussian_filter(f[..., c], 3 * s, mode="reflect"), [sy, sx], order=1,
                                     mode="constant", cval=0.0) for c in range(3)], axis=2)
    stage = np.array([18, 18, 22], np.float32)
    out = stage + caught * front + (1 - caught) * back
    p = max(2.0, 0.03 * side)
    weave = 0.5 * (np.cos(2 * np.pi * xx / p) + np.cos(2 * np.pi * yy / p))
    out = out * (1 + 0.06 * weave)[..., None]
    return _u8(_metered(out, f))


def blur_ap(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "resin_coaster":  # the picture cast in a clouded epoxy resin coaster
        return _resin_coaster(f, rng)
    if kind == "scrim_projection":  # the picture projected on a theatre's gauze scrim
        return _scrim_projection(f, rng)
    raise ValueError(kind)


# -- darkening -------------------------------------------------------------------------------
NUMBER_LIGHT = (np.array([1.0, 0.92, 0.74], np.float32), np.array([0.88, 0.94, 1.0], np.float32))


def _house_number(f: np.ndarray, rng) -> np.ndarray:
    """A front path at night lit only by an illuminated house-number sign on the wall in the picture: a box 20-26%
    of the side wide and 11% high, at least 3 px, 15-85% of the way across and 12-28% of the way down, its opal
    face glowing a warm 1.0 / 0.92 / 0.74 or a cool 0.88 / 0.94 / 1.0, 1-3 dark digits on it from 48 px (dark bars
    below), a dark frame; a glow of sigma 3-5% of the side up to 30-45 levels; the picture lit at a gain of
    0.015-0.03 plus 0.28-0.38 falling off as ``1 / (1 + (d / d0) ** 2)`` from the box, ``d0`` 25-36% of the side,
    the wall above it lit half as much; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    col = NUMBER_LIGHT[int(rng.integers(2))]
    cx, cy = w * rng.uniform(0.15, 0.85), h * rng.uniform(0.12, 0.28)
    bw, bh = 0.5 * side * rng.uniform(0.2, 0.26), max(1.5, 0.055 * side)
    d = np.hypot(xx - cx, yy - cy)
    above = 1 - 0.5 * np.clip((cy - yy) / max(1.0, 0.05 * side), 0, 1)
    gain = rng.uniform(0.015, 0.03) + rng.uniform(0.28, 0.38) / (1 + (d / (side * rng.uniform(0.25, 0.36))) ** 2) * above
    out = _lit(f, gain[..., None] * col, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    face = ident.fill([_rect(cx - bw, cy - bh, cx + bw, cy + bh)])
    out = out + _glow(face, max(0.8, side * rng.uniform(0.03, 0.05)))[..., None] * rng.uniform(30, 45) * col
    fw = max(0.8, 0.015 * side)
    out = _paint(out, ident.fill([_rect(cx - bw - fw, cy - bh - fw, cx + bw + fw, cy + bh + fw)]), (30, 30, 32))
    out = _paint(out, face, 238 * col + 10)
    n = int(rng.integers(1, 4))
    strokes = []
    for j in range(n):
        x = cx + (j - (n - 1) / 2) * 0.5 * bh * 1.4
        if side >= 48:
            q = 0.3 * bh
            strokes += [[(x - q, cy - 0.6 * bh), (x + q, cy - 0.6 * bh), (x + q, cy), (x - q, cy), (x - q, cy + 0.6 * bh),
                         (x + q, cy + 0.6 * bh)]] if j % 2 else [[(x, cy - 0.6 * bh), (x, cy + 0.6 * bh)]]
        else:
            strokes.append([(x, cy - 0.6 * bh), (x, cy + 0.6 * bh)])
    return _u8(_paint(out, ident.line(strokes, max(0.6, 0.15 * bh)) * face, (40, 36, 32)))


PORT, STARBOARD = np.array([1.0, 0.18, 0.12], np.float32), np.array([0.15, 1.0, 0.35], np.float32)


def _boat_sidelights(f: np.ndarray, rng) -> np.ndarray:
    """A jetty at night lit only by a moored boat's sidelights in the picture: a red port and a green starboard lamp
    (each a small lens 4% of the side across, at least 1.5 px) 18-26% of the side apart, 40-60% of the way down, the
    pair's middle 25-75% of the way across, red on the left or the right; each a glow of sigma 3-5% of the side up to
    30-45 levels in its colour; the picture lit at a gain of 0.015-0.03 plus 0.25-0.35 from each lamp in its colour,
    falling off as ``1 / (1 + (d / d0) ** 2)``, ``d0`` 22-32% of the side; their reflections in the water below as
    streaks 2% of the side wide down to the bottom edge at 25%; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    mx, my = w * rng.uniform(0.25, 0.75), h * rng.uniform(0.4, 0.6)
    sep = 0.5 * side * rng.uniform(0.18, 0.26)
    left_red = rng.random() < 0.5
    lamps = [(mx - sep, PORT if left_red else STARBOARD), (mx + sep, STARBOARD if left_red else PORT)]
    d0 = side * rng.uniform(0.22, 0.32)
    base = rng.uniform(0.015, 0.03)
    gain = np.full((h, w, 3), base, np.float32)
    for x, col in lamps:
        gain += (rng.uniform(0.25, 0.35) / (1 + (np.hypot(xx - x, yy - my) / d0) ** 2))[..., None] * col
    out = _lit(f, gain, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    r = max(0.75, 0.02 * side)
    for x, col in lamps:
        lens = ident.fill([_ellipse(x, my, r, r, 0.0, 12)])
        out = out + _glow(lens, max(0.8, side * rng.uniform(0.03, 0.05)))[..., None] * rng.uniform(30, 45) * col
        streak = ident.line([[(x, my + 2 * r), (x, h + 1.0)]], max(0.8, 0.02 * side))
        out = _paint(out, 0.25 * streak, 200 * col)
        out = _paint(out, lens, 235 * col + 20)
    return _u8(out)


STEP_LIGHT = np.array([1.0, 0.86, 0.64], np.float32)


def _step_lights(f: np.ndarray, rng) -> np.ndarray:
    """Garden steps at night lit only by the small lights set in their risers: 2-3 rows of 2 lights (small bright
    slots 5% of the side wide and 1.5% high, at least 1.5 x 0.8 px, under dark hoods) 62-90% of the way down, each row
    14-18% of the side above the next and spread 40-60% of the width, warm 1.0 / 0.86 / 0.64; each a pool of light
    thrown down, the picture lit at a gain of 0.015-0.03 plus 0.2-0.28 from each light, falling off as ``1 / (1 + (d
    / d0) ** 2)``, ``d0`` 14-20% of the side, 80% less above its row; glows of sigma 2-3.5% of the side up to 30-45
    levels; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    rows = int(rng.integers(2, 4))
    y0 = h * rng.uniform(0.62, 0.7)
    step = side * rng.uniform(0.14, 0.18)
    spread = w * rng.uniform(0.4, 0.6)
    cx = w * rng.uniform(0.4, 0.6)
    d0 = side * rng.uniform(0.14, 0.2)
    gain = np.full((h, w), rng.uniform(0.015, 0.03), np.float32)
    lights = []
    for i in range(rows):
        y = min(h * 0.92, y0 + i * step * (0.9 + 0.2 * rng.random()))
        for s in (-0.5, 0.5):
            x = cx + s * spread + rng.uniform(-0.03, 0.03) * w
            below = 1 - 0.8 * np.clip((y - yy) / max(1.0, 0.03 * side), 0, 1)
            gain += rng.uniform(0.2, 0.28) / (1 + (np.hypot(xx - x, yy - y) / d0) ** 2) * below
            lights.append((x, y))
    out = _lit(f, gain[..., None] * STEP_LIGHT, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    sw, sh = max(0.75, 0.025 * side), max(0.4, 0.0075 * side)
    slots = ident.fill([_rect(x - sw, y - sh, x + sw, y + sh) for x, y in lights])
    hoods = ident.fill([_rrect(x - 1.3 * sw, y - 4 * sh, x + 1.3 * sw, y - sh, sh, 2) for x, y in lights])
    out = out + _glow(slots, max(0.8, side * rng.uniform(0.02, 0.035)))[..., None] * rng.uniform(30, 45) * STEP_LIGHT
    out = _paint(out, hoods, (34, 34, 36))
    return _u8(_paint(out, slots, 245 * STEP_LIGHT + 8))


def dark_ap(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "house_number":  # a front path lit only by an illuminated house-number sign
        return _house_number(f, rng)
    if kind == "boat_sidelights":  # a jetty lit only by a moored boat's red and green sidelights
        return _boat_sidelights(f, rng)
    if kind == "step_lights":  # garden steps lit only by the lights in their risers
        return _step_lights(f, rng)
    raise ValueError(kind)


# -- outliers --------------------------------------------------------------------------------
def _grain_silos(size: int, rng) -> dict:
    """Grain silos on a farm seen from the road: the fields below 66-76% of the way down in 2-3 bands, 2-4 tall
    cylindrical silos side by side 12-17% of the side wide and 40-55% high standing on the fields' edge, each with a
    domed cap, 3-5 horizontal ribs and a ladder up one side, a low grain elevator's slanting chute from the tallest,
    a long shed 30-40% wide beside them (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("fields", "rows", "silos", "caps", "ribs", "ladder", "shed", "roof"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    g = big * rng.uniform(0.66, 0.76)
    d["fields"].rectangle((0, g, big, big), fill=255)
    for y in np.linspace(g + 0.05 * big, big, int(rng.integers(2, 4)) + 1)[:-1]:
        d["rows"].rectangle((0, y, big, y + 0.015 * big), fill=255)
    n = int(rng.integers(2, 5))
    sw = big * rng.uniform(0.12, 0.17)
    x = big * rng.uniform(0.08, 0.2)
    lw = max(1, round(0.008 * big))
    tallest = None
    for j in range(n):
        ht = big * rng.uniform(0.4, 0.55)
        top = g - ht
        d["silos"].rectangle((x, top, x + sw, g), fill=255)
        d["caps"].pieslice((x, top - 0.35 * sw, x + sw, top + 0.35 * sw), 180, 360, fill=255)
        for y in np.linspace(top + 0.08 * ht, g - 0.05 * ht, int(rng.integers(3, 6))):
            d["ribs"].line([(x, y), (x + sw, y)], fill=255, width=lw)
        d["ladder"].line([(x + 0.85 * sw, top), (x + 0.85 * sw, g)], fill=255, width=lw)
        if tallest is None or top < tallest[1]:
            tallest = (x + sw / 2, top)
        x += sw * 1.1
    sx = x + 0.04 * big
    shw = big * rng.uniform(0.3, 0.4)
    d["shed"].rectangle((sx, g - 0.14 * big, min(big, sx + shw), g), fill=255)
    d["roof"].polygon([(sx - 0.02 * big, g - 0.14 * big), (sx + shw / 2, g - 0.22 * big),
                       (sx + shw + 0.02 * big, g - 0.14 * big)], fill=255)
    d["ladder"].line([tallest, (sx + 0.3 * shw, g - 0.18 * big)], fill=255, width=2 * lw)
    out = {k: _down(v, size) for k, v in M.items()}
    out["ribs"] = out["ribs"] * out["silos"]
    out["rows"] = out["rows"] * out["fields"]
    return out


def _bandstand(size: int, rng) -> dict:
    """A Victorian bandstand in a park seen across the lawn: the lawn below 58-66% of the way down, 2-3 round trees
    behind, an octagonal bandstand 50-64% of the side wide in the middle on a plinth 8% of the side high, 5 slender
    columns, a railing between them, an ogee roof rising 22-28% of the side to a finial, a scalloped valance under
    its eave (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("lawn", "trees", "plinth", "columns", "rail", "roof", "valance"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    g = big * rng.uniform(0.58, 0.66)
    d["lawn"].rectangle((0, g, big, big), fill=255)
    for _ in range(int(rng.integers(2, 4))):
        tx, tr = big * rng.uniform(0.05, 0.95), big * rng.uniform(0.1, 0.16)
        d["trees"].ellipse((tx - tr, g - 2.2 * tr, tx + tr, g - 0.2 * tr), fill=255)
    W = big * rng.uniform(0.5, 0.64)
    x0, x1 = (big - W) / 2, (big + W) / 2
    base = g + 0.12 * big
    d["plinth"].rectangle((x0 - 0.03 * big, base - 0.08 * big, x1 + 0.03 * big, base), fill=255)
    eave = base - 0.08 * big - big * rng.uniform(0.2, 0.26)
    cw = max(1, round(0.012 * big))
    for x in np.linspace(x0, x1, 5):
        d["columns"].line([(x, eave), (x, base - 0.08 * big)], fill=255, width=cw)
    ry = base - 0.08 * big - 0.05 * big
    d["rail"].line([(x0, ry), (x1, ry)], fill=255, width=cw)
    for x in np.linspace(x0, x1, 17):
        d["rail"].line([(x, ry), (x, base - 0.08 * big)], fill=255, width=max(1, cw // 2))
    rise = big * rng.uniform(0.22, 0.28)
    t = np.linspace(0, 1, 20)
    half = W / 2 + 0.04 * big
    cx = big / 2
    prof = [(cx - half * (1 - s), eave - rise * (3 * s ** 2 - 2 * s ** 3)) for s in t]
    d["roof"].polygon(prof + [(cx + half * (1 - s), y) for (_, y), s in zip(prof[::-1], t[::-1])], fill=255)
    d["roof"].line([(cx, eave - rise), (cx, eave - rise - 0.05 * big)], fill=255, width=cw)
    for x in np.linspace(cx - half, cx + half, 12)[:-1]:
        step = 2 * half / 11
        d["valance"].pieslice((x, eave - 0.02 * big, x + step, eave + 0.03 * big), 0, 180, fill=255)
    return {k: _down(v, size) for k, v in M.items()}


def _sundial(size: int, rng) -> dict:
    """A garden sundial seen a little from above: a round dial plate 58-72% of the side across (an ellipse 45% as
    high) on a baluster pedestal, 12 hour marks round its rim, a triangular gnomon standing on it and its sharp
    shadow across the plate, a gravel circle round the pedestal's foot and a clipped hedge behind (0-1 coverage
    each)."""
    big = 4 * size
    M = _canvas(("hedge", "gravel", "pedestal", "plate", "marks", "gnomon", "shadow"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    hz = big * rng.uniform(0.3, 0.38)
    d["hedge"].rectangle((0, hz - 0.12 * big, big, hz + 0.08 * big), fill=255)
    cx = big * rng.uniform(0.45, 0.55)
    D = big * rng.uniform(0.58, 0.72)
    py = big * rng.uniform(0.38, 0.46)
    d["gravel"].ellipse((cx - 0.45 * big, 0.82 * big, cx + 0.45 * big, 1.02 * big), fill=255)
    pw = 0.12 * big
    d["pedestal"].polygon([(cx - pw, 0.92 * big), (cx + pw, 0.92 * big), (cx + 0.5 * pw, 0.75 * big),
                           (cx + 0.8 * pw, 0.62 * big), (cx + 0.45 * pw, py), (cx - 0.45 * pw, py),
                           (cx - 0.8 * pw, 0.62 * big), (cx - 0.5 * pw, 0.75 * big)], fill=255)
    a, b = D / 2, 0.45 * D / 2
    d["plate"].ellipse((cx - a, py - b, cx + a, py + b), fill=255)
    lw = max(1, round(0.01 * big))
    for k in range(12):
        t = 2 * np.pi * k / 12
        d["marks"].line([(cx + 0.8 * a * np.cos(t), py + 0.8 * b * np.sin(t)), (cx + 0.95 * a * np.cos(t),
                                                                                 py + 0.95 * b * np.sin(t))],
                        fill=255, width=lw)
    d["gnomon"].polygon([(cx - 0.05 * D, py), (cx + 0.35 * D, py), (cx - 0.05 * D, py - 0.3 * D)], fill=255)
    sa = rng.uniform(0.3, 2.8)
    d["shadow"].polygon([(cx - 0.05 * D, py), (cx + 0.35 * D, py),
                         (cx - 0.05 * D + 0.38 * a * np.cos(sa), py + 0.38 * b * np.sin(sa))], fill=255)
    out = {k: _down(v, size) for k, v in M.items()}
    out["marks"] = out["marks"] * out["plate"]
    out["shadow"] = out["shadow"] * out["plate"]
    return out


SILO_METALS = ((206, 208, 210), (170, 60, 44), (90, 130, 160))


def outlier_ap(name: str, kind: str, size: int, lo: int, hi: int, rng) -> np.ndarray:
    photos = name.startswith("photos")
    ground = lambda col: np.ones((size, size, 3), np.float32) * np.asarray(col, np.float32)  # noqa: E731
    tone = lambda t: [lo + (hi - lo) * t] * 3  # noqa: E731
    if kind == "grain_silos":
        m = _grain_silos(size, rng)
        if photos:  # a blue sky, yellow stubble and green fields, galvanised, red or blue silos, a grey shed
            out = _paint(_paint(ground((150, 192, 236)), m["fields"], (200, 180, 90)), m["rows"], (90, 140, 60))
            out = _paint(_paint(out, m["silos"], _pick(SILO_METALS, rng)), m["caps"], (220, 222, 226))
            out = _paint(_paint(out, m["ribs"], (120, 120, 124)), m["ladder"], (60, 60, 64))
            return _u8(_paint(_paint(out, m["shed"], (150, 150, 146)), m["roof"], (90, 70, 60)))
        out = _paint(_paint(ground(tone(0.0)), m["fields"], tone(0.3)), m["rows"], tone(0.5))
        out = _paint(_paint(out, m["silos"], tone(0.9)), m["caps"], tone(1.0))
        out = _paint(_paint(out, m["ribs"], tone(0.6)), m["ladder"], tone(0.4))
        return _u8(_paint(_paint(out, m["shed"], tone(0.7)), m["roof"], tone(0.2)))
    if kind == "bandstand":
        m = _bandstand(size, rng)
        if photos:  # a pale sky, green lawn and trees, a cream plinth, green or red ironwork, a grey roof
            iron = _pick(((40, 90, 60), (150, 40, 40), (40, 60, 110)), rng)
            out = _paint(_paint(ground((184, 206, 232)), m["trees"], (60, 100, 50)), m["lawn"], (100, 160, 70))
            out = _paint(_paint(out, m["plinth"], (220, 210, 190)), m["columns"], iron)
            out = _paint(_paint(out, m["rail"], iron), m["roof"], (96, 104, 112))
            return _u8(_paint(out, m["valance"], (236, 232, 220)))
        out = _paint(_paint(ground(tone(0.0)), m["trees"], tone(0.2)), m["lawn"], tone(0.35))
        out = _paint(_paint(out, m["plinth"], tone(0.8)), m["columns"], tone(1.0))
        out = _paint(_paint(out, m["rail"], tone(0.9)), m["roof"], tone(0.6))
        return _u8(_paint(out, m["valance"], tone(1.0)))
    if kind == "sundial":
        m = _sundial(size, rng)
        if photos:  # a green hedge, buff gravel, a stone pedestal, a bronze plate, gnomon and shadow
            out = _paint(_paint(ground((110, 160, 80)), m["hedge"], (40, 80, 40)), m["gravel"], (200, 186, 150))
            out = _paint(_paint(out, m["pedestal"], (180, 176, 166)), m["plate"], (150, 110, 60))
            out = _paint(_paint(out, m["marks"], (60, 44, 26)), m["shadow"], (80, 60, 36))
            return _u8(_paint(out, m["gnomon"], (120, 86, 44)))
        out = _paint(_paint(ground(tone(0.0)), m["hedge"], tone(0.15)), m["gravel"], tone(0.3))
        out = _paint(_paint(out, m["pedestal"], tone(0.6)), m["plate"], tone(0.9))
        out = _paint(_paint(out, m["marks"], tone(0.1)), m["shadow"], tone(0.4))
        return _u8(_paint(out, m["gnomon"], tone(1.0)))
    raise ValueError(kind)


# -- label noise -----------------------------------------------------------------------------
def resorting_button_flips(base: list[np.ndarray], labels: list, classes: list, candidates: list, count: int,
                           rng) -> dict[int, object]:
    """``count`` examples to flip and their new labels: part of the set was labelled in a tool whose class buttons
    are ordered by how often each class has been chosen in the session (most used first, ties by name) and re-sorted
    after every click. The labeller, working through the eligible pictures in a random order, aims by position: at
    the place the intended class's button had before the last click re-sorted the list; where that click moved the
    button, the class now in that place is given (and counted, so that it climbs the list in turn). The session
    starts from a previous session's counts (0-3 a class); sessions are worked through until the flips needed are
    made (the last one's flips kept in part, at random); a picture given its own class is not a flip: noise by a
    list's live re-sorting, not by class or look. Every flip changes the label."""
    lab = [labels[i] for i in range(len(labels))]
    cand = [int(v) for v in rng.permutation(np.asarray(candidates, dtype=int))]
    names = sorted(classes, key=str)
    flips: dict[int, object] = {}
    pos = 0
    while pos < len(cand) and len(flips) < count:
        counts = {c: int(rng.integers(0, 4)) for c in names}
        order = sorted(names, key=lambda c: (-counts[c], str(c)))
        before = list(order)
        got = {}
        session = cand[pos: pos + int(rng.integers(150, 301))]
        pos += len(session)
        for i in session:
            given = order[before.index(lab[i])] if lab[i] in before else lab[i]
            if given != lab[i]:
                got[i] = given
            counts[given] += 1
            before, order = order, sorted(names, key=lambda c: (-counts[c], str(c)))
        need = count - len(flips)
        if len(got) > need:
            keep = rng.choice(sorted(got), size=need, replace=False)
            got = {int(i): got[int(i)] for i in keep}
        flips.update(got)
    return dict(sorted(flips.items()))


# -- planting ------------------------------------------------------------------------------
def plant_issues_ap(images, labels, out_dir, *, name: str, random_state: int = 0) -> PlantedDataset:
    """Generator AP's problems (module docstring). A set whose name ends in ``_jpeg`` is written as JPEG files at a
    quality drawn from 61-86 each; the others as PNG. The planting is I's (:func:`_heldout_i.plant_generator`)."""
    return plant_generator(
        images, labels, out_dir, name=name, rates=RATES_AP, seed=420_000 + random_state,
        quality_seed=425_000 + random_state, jpeg_quality=JPEG_QUALITY,
        flips=resorting_button_flips,
        **by_family(name, outlier=(outlier_ap, OUTLIERS_AP), blur=(blur_ap, BLURS_AP), dark=(dark_ap, DARKS_AP),
                    near=(near_edit_ap, NEAR_EDITS_AP)))
