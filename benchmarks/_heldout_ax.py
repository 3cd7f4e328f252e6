"""Generator AX: fresh EVALUATION sets after generator AW's run (never used to choose anything).

Why a forty-eighth evaluation generator: generator AW's sets were written before its run and have been run once
since, so a held-out set for the code after that run is written now, before any tool is run on it. The commit
subjects since AW's generator commit (0ce5579) name what changed in the library meanwhile: dark's edge-lights rule
asks for a black ground of a fifth of the picture, not a third (EDGE_GROUND 0.3 -> 0.2, image pass 17); generator
AW's one run written up, its sets development data since (NOT_YET_RUN empty). AW has been run once, and a commit
subject summarises its run; AX's writer read no docs, logs, result files or commit bodies (only the commit
subjects, the library's code and the earlier generators' and tuning tools' files, to copy their structure and to
avoid their families), and nothing in AX was chosen from any result. Like AN's to AW's, AX's edits are not all
brightly coloured: some are grey, dark or translucent. Generator AX was written before any tool was run on it (only
its pictures were looked at, on contact sheets of its edits, blurs, darkenings and foreign pictures at 28, 61 and 312
px, to check that every edit is visible, every blur blurred, every darkened image dark with its picture still in it
and every outlier foreign, and the planted folders hashed twice); it is not to be changed after its results are
seen. Its edits, blurs, darkenings, foreign pictures and label noise are of families that no tuning tool
(``blur_tuning.py``'s lens blurs: Gaussian, soft disk, astigmatic elongated Gaussian, ring; ``_foreign.py``'s
textures, icons and soft photographs; ``near_photos.py``'s and ``near_small.py``'s edits; ``label_filters.py``'s and
``label_noise_models.py``'s flips), no earlier generator (A = ``dq.datasets.plant_issues``, B, D, E, F, G, H, I, J,
K, L, M, N, O, P, Q, R, S, T, U, V, W, X, Y, Z, AA, AB, AC, AD, AE, AF, AG, AH, AI, AJ, AK, AL, AM, AN, AO, AP, AQ,
AR, AS, AT, AU, AV, AW) and none of the library's calibration copies (``dataquality/compute/_synthetic.py``: crop,
shift, rotate, brightness, contrast, gamma, JPEG, resize, overlay box; Gaussian, box, motion, down-and-up blurs)
make. Like AC's to AW's it has two blur families, not three. Left out because an earlier generator made them or
left them out: among objects on the print a clothes peg, a hair grip or a bobby pin (their lists), a rubber band or
a hair tie (T's charging cable), a pen or a pencil sharpener (O's pencil), a door key or a padlock (V's: AX's key
fob is a plastic remote with buttons, its ring the only metal), a coin (their lists), peppercorns
or blueberries (round things, as listed before), a slice of fruit (AV's kiwi), a bay leaf or a ginkgo leaf (their
lists: AX's rosemary is a sprig of needles on a stem), nuts, an acorn or a conker (their lists: AX's peach stone is
a furrowed stone, not a nut), a mushroom (U's umbrellas); of the whole picture granite, marble, terrazzo, slate or
roughcast (their lists), a brick wall, tiles or weatherboards (their lists), a tread plate, a pressed tin ceiling or
a hammered sheet (AU's and their lists: AX's rusted steel is rust's tone, pits and runs, not a raised pattern),
corduroy, hessian or any other cloth (AR's, AT's), crackle, craquelure or a crumpled print (their lists: AX's
leather is a hide's tone, pores and a few soft folds), AW's ceiling tile, bark and paper bag; among blurs a diving
mask's or a dome port's refraction (K's deep water, as listed before), a fog screen or a sheet of running water
(their lists), a zone plate or a photon sieve (F's soft focus, P's pinhole), a shower curtain, tracing paper or any
other diffusing sheet (I's frosted glass), glass bricks, reeded, stippled, cut or fused glass (their lists), a
glass of water or a lensball (AB's, Z's), a funhouse mirror (Y's near copy: AX's make-up mirror is a concave
mirror's defocus, not a distortion), an antique mirror's lost silvering (U's); among darkenings fireworks, fireflies,
a tent lit from inside, a pendant lamp over a table, a theatre's ghost light, a roadworks beacon,
grow lights, a make-up mirror's bulbs, a car's brake, hazard or head lights (their lists), a dome light (AN's: AX's
tram is seen from outside, a row of lit windows), a dentist's curing light (AU's: AX's surgical lamp is the
theatre's overhead lamp, not a hand-held blue light), a spotlight or a torch's round spot (K's and their lists: AX's
collimator field is a sharp-edged rectangle with a cross-hair's shadow); among foreign pictures mushrooms, Ferris
wheels, octopuses, jellyfish, beehives, pyramids, a castle, a snail, a lighthouse or haystacks (their lists), a
narrowboat, a gondola, a sailboat or a marina (AO's, Q's, AI's: AX's kayak is a one-person boat with a paddler),
horses (AB's carousel), camels, giraffes, kangaroos, ostriches, penguins or hedgehogs (their lists: AX's sheep graze
a hill), a tipi camp or a treehouse (AO's, AV's: AX's caravan is a towed van on one wheel); among label noise a
drop-down list's neighbour, colour-coded stickers misread, captions naming a class, file names that collided or were
sorted as text, a taxonomy's merged classes (their lists), and every mechanism AW named (dictation, OCR, bags,
hotkeys, quotas, a checkweigher, positions, clocks, shelf-edge labels, totes, a returns desk's prices, a
marketplace's category stuffing).

* ``near_duplicate`` (3%), five edits in a part of the picture and three of the whole, in turn (so that the 312 px
  set's copies get both kinds): a silica gel sachet lying on the print (a paper packet 22-30% of the side wide, at
  least 8 px, off-white, pale grey or bluish white at 85-95%, its crimped sealed edges 12% darker, two rows of grey
  printed text from 32 px; at any angle, 30-70% of the way across and down, a soft shadow at 30%), a car's key fob
  (a plastic body 26-34% of the side long, at least 9 px, black, graphite or navy with a sheen, three rubber buttons,
  the last red, a chrome split ring at one end; the same place, a shadow at 40%), a fish-shaped soy sauce bottle (a
  clear plastic fish 24-32% of the side long, at least 9 px, filled with soy sauce at 60-75%, a clear rim, a red cap,
  a moulded eye and gill from 32 px, a highlight; the same place, a shadow at 25%), a sprig of rosemary (a curved
  woody stem 40-55% of the side long, narrow grey-green, sage or deep green needles 8-11% of the side long, at least
  2.5 px, along both sides, pale undersides from 48 px; the same place, a shadow at 30%) and a peach stone (a
  pointed oval 16-22% of the side long, at least 7 px, brown, reddish or pale, deep wavy furrows from 32 px; the same
  place, a shadow at 40%); of the whole picture: the picture printed on a rusted steel sheet (the ink multiplied onto
  rust, 45-60% of the way, blotches 14% up and down, pits 35% darker, 3-7 rust runs down the sheet), printed on a
  fair-faced concrete wall (the concrete's grey at 26-34%, clouded, blowholes 40% darker, a grid of 4 or 6 formwork
  tie holes 4-6% of the side across, at least 1.5 px, one panel joint) and printed on a leather hide (the ink
  multiplied onto tan, brown or oxblood, 50-65% of the way, a sheen to one corner, pores, 2-3 soft folds);
* ``exact_duplicate`` (1%): byte-for-byte copies of a file under another name;
* ``blurry`` (3%): the picture seen in a concave magnifying make-up mirror held past its focus (mirrored left to
  right and magnified 10-20%; a Gaussian of 1.5-2.3% of the side, at least 1 px, for 70% of it and one 3 times as
  wide for 20% (spherical aberration's halo), a Gaussian twice as wide towards the rim, the mirror's silvered grey at
  10%; the corners beyond its round rim a chrome ring and the dark wall behind it: a curved mirror's defocus, not Y's
  funhouse mirror or U's lost silvering) and the picture lying on a swimming pool's floor under a metre of gently
  moving water (the waves bending the view by up to 1-1.5% of the side; a Gaussian of 1.6-2.4% of the side, at least
  1 px, for 65% of it and one 2.5 times as wide for 25%, the water's pale aqua at 10%, the picture tinted aqua, soft
  caustics up to 10% brighter: water over a print, not S's half-underwater shot, K's deep water or R's glass
  caustic); each as a camera metering on the highlights exposes it (as Y's to AW's);
* ``dark`` (2%): a street at night lit only by a passing tram's lit windows (its dark side a band across the whole
  width, 18-26% of the height high, at the bottom, 3-6 windows of warm or cool white, mullions from 32 px; the
  picture lit in the windows' colour at 0.28-0.36 falling off as ``1 / (1 + (d / d0) ** 2)`` with the distance from
  the band, ``d0`` 30-45% of the side, over 0.015-0.03; a glow of sigma 4-6% of the side up to 30-45 levels), an
  operating theatre at night lit only by its surgical lamp (a round head 26-34% of the side across near the top on
  an arm, a ring of LED cells from 32 px; the picture lit cool white at 0.3-0.38 falling off as above from the lamp's
  pool of light on the table below it, ``d0`` 25-35% of the side, over 0.015-0.03; a glow of sigma 3-5% of the side
  up to 40-55 levels) and an X-ray room in the dark lit only by the collimator's light field (a rectangle 45-65% of
  the side each way, its edges softened over 1.5% of the side, warm white at 0.26-0.34 inside, 0.015-0.025 outside
  plus a spill of 0.03-0.05 falling off as above, ``d0`` 12-18% of the side, the cross-hair's shadow through it, the
  lamp out of the frame); none of them blurs the picture;
* ``outlier`` (1.5%): a touring caravan on a campsite (grass from 68-78% of the way down, a rounded box 55-70% of
  the side long with a band, windows, a door and a roof vent, on one wheel, an A-frame drawbar and jockey wheel, a
  bush or two), sheep grazing on a hillside (a hill from 48-62% down, two to four fleecy sheep of round tufts with
  dark heads lowered and thin legs, a fence post or two) and a kayaker on a lake (a far shore of round tree clumps
  32-44% down, water with ripples, a long pointed hull, a paddler with a double-bladed paddle); the digit and
  clothing sets get them in their own tones on their dark ground, the photographs as a cream caravan with a brown
  band on green grass under a blue sky, white sheep with black heads on a green hill under a pale sky, and a red or
  yellow kayak with a blue-jacketed paddler on blue water before a dark green shore;
* ``label`` (5%): *recycled product code* flips: part of the set was labelled some months after it was
  photographed, by scanning each item's product code and looking it up in the retailer's catalogue. The retailer
  reuses discontinued products' codes: a retired code is given to a new product of another class, and an item
  photographed under it is looked up as the new product and carries its class. Each class's items carry one of its
  3-6 codes (``CODES_PER_CLASS``; each eligible item one of them at random); codes are retired in a random order,
  each given to a new product of another class drawn uniformly, every item under it flipping to that class, until
  the flips are made (the last code given away while the look-ups were under way: a random part of its items flip).
  Noise in blocks of an arbitrary sub-group of one class, directed at a class the catalogue drew, not by look: not
  AV's returns desk, AU's totes, AW's category stuffing or I's annotator pairs. Every flip changes the label, so
  every one is in the truth.

Each planted defect has its own source image; nothing else is planted, so only these six issue types are scored on
AX's sets. Base data are the evaluation domains drawn with seeds no other set uses: Fashion-MNIST *test* (2,000, seed
325), MNIST (2,000, seed 326), and the evaluation photographs tiled at 61 px (24 tiles a photograph at most, seed
327) and at 312 px (every tile, seed 328), sizes no other set uses. ``photos61_ax_jpeg`` is written as JPEG files,
each at a quality drawn from 52-74 (a stream of its own, seed ``505_000 + random_state``), every edit, blur and
darkening made before the encoding, near copies made from the decoded JPEG and saved again at their own quality,
exact copies byte copies of the file; the other sets are PNG files. Planting draws from seed ``500_000 +
random_state``. The planting is I's (:func:`_heldout_i.plant_generator`, as for J to AW).
"""

from __future__ import annotations

import numpy as np
from _heldout_aa import _frame_at, _rect
from _heldout_ab import _pick
from _heldout_ae import _lit
from _heldout_af import _glow
from _heldout_au import _circle
from _heldout_aw import _wiggle
from _heldout_h import _u8
from _heldout_i import by_family, plant_generator
from _heldout_k import _paint
from _heldout_p import _ellipse
from _heldout_q import _down
from _heldout_s import _pixels
from _heldout_v import _metered
from _heldout_x import _bar, _canvas, _Frame, _laid
from PIL import ImageDraw

from dataquality.datasets import PlantedDataset

EVALUATION_AX = ("fashion_test_ax", "mnist_ax", "photos61_ax_jpeg", "photos312_ax")
# each set's base: (data, seed) or ("photos", seed, tile size, tiles per photograph quick, full)
BASES_AX = {
    "fashion_test_ax": ("fashion_test", 325),
    "mnist_ax": ("mnist", 326),
    "photos61_ax_jpeg": ("photos", 327, 61, 8, 24),
    "photos312_ax": ("photos", 328, 312, 8, 1000),
}
JPEG_QUALITY = (52, 75)  # the JPEG set's qualities: integers in [low, high)
RATES_AX = {"near_duplicate": 0.03, "exact_duplicate": 0.01, "blurry": 0.03, "dark": 0.02, "outlier": 0.015,
            "label": 0.05}
# parts of the picture and the whole picture in turn, so that the smallest set gets both kinds
NEAR_EDITS_AX = ("silica_gel", "rusted_steel", "key_fob", "concrete", "soy_fish", "leather", "rosemary",
                 "peach_stone")
BLURS_AX = ("makeup_mirror", "pool_floor")
DARKS_AX = ("tram_windows", "surgical_lamp", "xray_collimator")
OUTLIERS_AX = ("caravan", "sheep", "kayak")
CODES_PER_CLASS = (3, 7)  # product codes a class's items carry: integers in [low, high) (label noise)


def load_base_ax(name: str, quick: bool = False):
    import _heldout

    return _heldout.load_generator_base(name, quick, BASES_AX, "AX")


def _field(h: int, w: int, sigma: float, rng) -> np.ndarray:
    """A smooth random field of unit spread: white noise under a Gaussian of ``sigma`` px, standardised."""
    from scipy.ndimage import gaussian_filter

    g = gaussian_filter(rng.normal(0, 1, (h, w)).astype(np.float32), max(0.5, sigma), mode="wrap")
    return (g - g.mean()) / max(float(g.std()), 1e-6)


# -- near copies -----------------------------------------------------------------------------
SACHETS = ((238, 238, 232), (214, 214, 208), (226, 232, 236))


def _silica_gel(f: np.ndarray, rng) -> np.ndarray:
    """A silica gel sachet lying on the print: a paper packet 22-30% of the side wide, at least 8 px, 60-75% of that
    high, off-white 238 / 238 / 232, pale grey 214 / 214 / 208 or bluish white 226 / 232 / 236 at 85-95% (the print
    faintly showing through); its sealed edges a crimped band 12% of its height inside the outline, 12% darker, with
    fine ridges from 48 px; from 32 px two rows of grey printed text (dashes 90 / 90 / 96); at any angle, its
    middle 30-70% of the way across and down, a soft shadow at 30%."""
    h, w = f.shape[:2]
    side = min(h, w)
    W = max(8.0, side * rng.uniform(0.22, 0.3))
    H = W * rng.uniform(0.6, 0.75)
    col = _pick(SACHETS, rng)
    fr = _frame_at(h, w, rng)
    outer = _rect(-W / 2, -H / 2, W / 2, H / 2)
    e = 0.12 * H
    inner = _rect(-W / 2 + e, -H / 2 + e, W / 2 - e, H / 2 - e)
    body = fr.fill([outer])
    parts = [(body, col, rng.uniform(0.85, 0.95), True),
             (fr.fill([outer], holes=[inner]) * body, col * 0.88, 1.0, False)]
    if side >= 48:
        ridges = [[(x, -H / 2), (x, -H / 2 + e)] for x in np.linspace(-W / 2, W / 2, 16)]
        ridges += [[(x, H / 2 - e), (x, H / 2)] for x in np.linspace(-W / 2, W / 2, 16)]
        parts.append((fr.line(ridges, max(0.5, 0.004 * side)) * body, col * 0.75, 0.6, False))
    if side >= 32:
        rows = []
        for y in (-0.12 * H, 0.14 * H):
            x = -W / 2 + 2 * e
            while x < W / 2 - 2.5 * e:
                L = W * rng.uniform(0.06, 0.14)
                rows.append([(x, y), (min(x + L, W / 2 - 2 * e), y)])
                x += L + 0.05 * W
        parts.append((fr.line(rows, max(0.6, 0.06 * H)), (90, 90, 96), 0.9, False))
    return _u8(_laid(f, parts, 0.3))


FOBS = ((30, 30, 34), (70, 72, 78), (22, 26, 44))


def _key_fob(f: np.ndarray, rng) -> np.ndarray:
    """A car's key fob lying on the print: a plastic body 26-34% of the side long, at least 9 px, 40-48% of that
    wide with rounded ends, black 30 / 30 / 34, graphite 70 / 72 / 78 or navy 22 / 26 / 44, a sheen 150 / 150 / 156
    at 35% along one side; three rubber buttons along its axis (grey 110 / 112 / 118, the last red 190 / 40 / 40),
    round, 24% of its width across; a chrome split ring 196 / 198 / 204 through a hole at one end, 44% of its
    length across, the wire 1.2% of the side thick, at least 0.7 px; at any angle, its middle 30-70% of the way
    across and down, a soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(9.0, side * rng.uniform(0.26, 0.34))
    Wd = L * rng.uniform(0.4, 0.48)
    col = _pick(FOBS, rng)
    fr = _frame_at(h, w, rng)
    body = fr.fill([_bar(-L / 2 + Wd / 2, L / 2 - Wd / 2, Wd / 2)])
    sheen = fr.line([[(-0.3 * L, -0.3 * Wd), (0.3 * L, -0.3 * Wd)]], max(0.6, 0.12 * Wd))
    buttons = [_circle(0.12 * Wd, 12, x, 0.05 * Wd) for x in (-0.22 * L, 0.0)]
    red = [_circle(0.12 * Wd, 12, 0.22 * L, 0.05 * Wd)]
    loop = _circle(0.22 * L, 24, -L / 2 - 0.12 * L, 0.0)
    ring = fr.line([loop + [loop[0], (-L / 2 + 0.1 * L, 0.0)]], max(0.7, 0.012 * side))
    parts = [(ring, (196, 198, 204), 1.0, True), (body, col, 1.0, True), (sheen * body, (150, 150, 156), 0.35, False),
             (fr.fill(buttons), (110, 112, 118), 1.0, False), (fr.fill(red), (190, 40, 40), 1.0, False)]
    return _u8(_laid(f, parts, 0.4))


def _soy_fish(f: np.ndarray, rng) -> np.ndarray:
    """A fish-shaped soy sauce bottle lying on the print: a clear plastic fish 24-32% of the side long, at least 9 px
    (a body 35-42% as high as long, a forked tail), filled with soy sauce 70 / 30 / 12 at 60-75% (the print showing
    through), the plastic's clear rim 220 / 210 / 200 at 40%, a red screw cap 200 / 30 / 30 at its mouth 12% of its
    length long; from 32 px a moulded eye and gill line 40% darker; a highlight streak 255 / 245 / 235 at 60% along
    its back; at any angle, its middle 30-70% of the way across and down, a soft shadow at 25%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(9.0, side * rng.uniform(0.24, 0.32))
    H = L * rng.uniform(0.35, 0.42)
    fr = _frame_at(h, w, rng)
    body = _ellipse(-0.08 * L, 0.0, 0.42 * L, 0.5 * H, 0.0, 28)
    tail = [(0.3 * L, 0.0), (0.5 * L, -0.42 * H), (0.45 * L, 0.0), (0.5 * L, 0.42 * H)]
    fish = fr.fill([body, tail])
    rim = fr.fill([body, tail], holes=[_ellipse(-0.08 * L, 0.0, 0.36 * L, 0.4 * H, 0.0, 28)]) * fish
    cap = fr.fill([_rect(-0.62 * L, -0.16 * H, -0.49 * L, 0.16 * H)])
    parts = [(fish, (70, 30, 12), rng.uniform(0.6, 0.75), True), (rim, (220, 210, 200), 0.4, False),
             (cap, (200, 30, 30), 1.0, True)]
    if side >= 32:
        parts.append((fr.fill([_circle(0.06 * H + 0.3, 8, -0.34 * L, -0.1 * H)]), (40, 18, 8), 0.8, False))
        gill = fr.line([[(-0.24 * L, -0.3 * H), (-0.2 * L, 0.0), (-0.24 * L, 0.3 * H)]], max(0.5, 0.03 * H))
        parts.append((gill * fish, (40, 18, 8), 0.5, False))
    parts.append((fr.line([[(-0.35 * L, -0.28 * H), (0.1 * L, -0.34 * H)]], max(0.6, 0.1 * H)) * fish,
                  (255, 245, 235), 0.6, False))
    return _u8(_laid(f, parts, 0.25))


ROSEMARY = ((60, 86, 60), (84, 104, 80), (48, 70, 56))


def _rosemary(f: np.ndarray, rng) -> np.ndarray:
    """A sprig of rosemary lying on the print: a woody stem 40-55% of the side long, gently curved, 1.2% of the side
    thick, at least 0.7 px, brown-green 110 / 96 / 60; narrow needle leaves along it on both sides every 6-8% of its
    length, each 8-11% of the side long, at least 2.5 px, 1.8% of the side wide, at least 0.8 px, 30-55 degrees
    forward of the stem, dark grey-green 60 / 86 / 60, sage 84 / 104 / 80 or deep green 48 / 70 / 56, their pale
    undersides (a midline 170 / 180 / 160 at 50%) from 48 px; at any angle, its middle 30-70% of the way across and
    down, a soft shadow at 30%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = side * rng.uniform(0.4, 0.55)
    col = _pick(ROSEMARY, rng)
    fr = _frame_at(h, w, rng)
    bend = rng.uniform(-0.12, 0.12) * L
    ts = np.linspace(0, 1, 16)
    stem = [(float(-L / 2 + L * t), float(bend * 4 * t * (1 - t))) for t in ts]
    nl, nw = max(2.5, side * rng.uniform(0.08, 0.11)), max(0.8, 0.018 * side)
    leaves, mids = [], []
    step = L * rng.uniform(0.06, 0.08)
    for k, x in enumerate(np.arange(-L / 2 + step, L / 2 - 0.3 * step, step)):
        t = (x + L / 2) / L
        y = bend * 4 * t * (1 - t)
        for s in (-1, 1):
            a = s * np.deg2rad(rng.uniform(30, 55))
            cx, cy = x + 0.5 * nl * np.cos(a) * 0.9, y + s * 0.5 * nl * abs(np.sin(a))
            ang = np.arctan2(cy - y, cx - x)
            leaves.append(_ellipse(float(cx), float(cy), nl / 2, nw / 2, float(ang), 12))
            mids.append([(float(x + 0.2 * nl * np.cos(ang)), float(y + 0.2 * nl * np.sin(ang))),
                         (float(x + 0.85 * nl * np.cos(ang)), float(y + 0.85 * nl * np.sin(ang)))])
    leaf = fr.fill(leaves)
    parts = [(fr.line([stem], max(0.7, 0.012 * side)), (110, 96, 60), 1.0, True), (leaf, col, 1.0, True)]
    if side >= 48:
        parts.append((fr.line(mids, max(0.5, 0.3 * nw)) * leaf, (170, 180, 160), 0.5, False))
    return _u8(_laid(f, parts, 0.3))


PEACH_STONES = ((150, 92, 62), (170, 96, 70), (186, 146, 108))


def _peach_stone(f: np.ndarray, rng) -> np.ndarray:
    """A peach stone lying on the print: an oval 16-22% of the side long, at least 7 px, 70-80% as wide, pointed at
    one end, brown 150 / 92 / 62, reddish 170 / 96 / 70 or pale 186 / 146 / 108 (dried); a ridge along its axis and
    8-14 deep wavy furrows over it 45% darker at 70% (from 32 px; below, a few darker dots); a darker side away from
    the light (20% at 50%); at any angle, its middle 30-70% of the way across and down, a soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(7.0, side * rng.uniform(0.16, 0.22))
    k = rng.uniform(0.7, 0.8)
    col = _pick(PEACH_STONES, rng)
    fr = _frame_at(h, w, rng)
    ts = np.linspace(0, 2 * np.pi, 28, endpoint=False)
    oval = [(0.5 * L * np.cos(t), 0.5 * k * L * np.sin(t) * (0.8 + 0.2 * np.cos(t))) for t in ts]
    stone = fr.fill([oval])
    shade = fr.fill([oval], holes=[[(x * 0.9 - 0.06 * L, y * 0.9 - 0.06 * L) for x, y in oval]]) * stone
    parts = [(stone, col, 1.0, True), (shade, col * 0.8, 0.5, False)]
    if side >= 32:
        furrows = [[(-0.42 * L, 0.0), (0.42 * L, 0.0)]]
        for _ in range(int(rng.integers(8, 15))):
            x, y = rng.uniform(-0.35, 0.35) * L, rng.uniform(-0.3, 0.3) * k * L
            furrows.append(_wiggle(x, y, L * rng.uniform(0.12, 0.22), 4, rng))
        mark = fr.line(furrows, max(0.6, 0.012 * side)) * stone
    else:
        mark = fr.fill([_circle(0.06 * L + 0.3, 6, rng.uniform(-0.3, 0.3) * L, rng.uniform(-0.2, 0.2) * k * L)
                        for _ in range(4)]) * stone
    parts.append((mark, col * 0.55, 0.7, False))
    return _u8(_laid(f, parts, 0.4))


RUST = np.array([156, 78, 38], np.float32)


def _rusted_steel(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on a rusted steel sheet: the ink multiplied onto rust 156 / 78 / 38, 45-60% of the way
    from the picture; blotches of heavier and lighter rust (a smooth field of 6-10% of the side) 14% up and down;
    pits (0.8% of the side across, at least 0.6 px, one to every 7-10% of the side squared) 35% darker; 3-7 streaks
    of rust run down the sheet from points anywhere (10-25% of the side long, 1% of the side wide, at least 0.7 px)
    25% darker at 60%: a corroded sheet, not AU's tread plate's raised pattern."""
    h, w = f.shape[:2]
    side = min(h, w)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    k = rng.uniform(0.45, 0.6)
    out = f * (1 - k) + k * f * RUST / 255 + k * 0.12 * RUST
    out = out * (1 + 0.14 * np.clip(_field(h, w, side * rng.uniform(0.06, 0.1), rng), -2, 2) / 2)[..., None]
    n = int(h * w / (side * rng.uniform(0.07, 0.1)) ** 2) + 4
    pits = ident.fill([_circle(max(0.6, 0.008 * side) / 2 + 0.3, 8, rng.uniform(0, w), rng.uniform(0, h))
                       for _ in range(n)])
    runs = []
    for _ in range(int(rng.integers(3, 8))):
        x, y, L = rng.uniform(0, w), rng.uniform(0, h), side * rng.uniform(0.1, 0.25)
        runs.append([(x, y), (x + rng.uniform(-0.03, 0.03) * L, y + L)])
    streaks = ident.line(runs, max(0.7, 0.01 * side))
    return _u8(out * (1 - 0.35 * pits - 0.25 * 0.6 * streaks * (1 - pits))[..., None])


def _concrete(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on a fair-faced concrete wall: the concrete's grey 178 / 176 / 170 at 26-34% over the
    picture, clouded 8% up and down (a smooth field of 8-14% of the side); blowholes (air pits 0.8-1.6% of the side
    across, at least 0.6 px, one to every 7-10% of the side squared) 40% darker; the formwork's tie holes, a grid of
    2 x 2 or 3 x 2 round holes 4-6% of the side across, at least 1.5 px, 55% darker with a lighter rim; one panel
    joint across or down, 0.6% of the side wide, at least 0.6 px, 30% darker: holes in a cast wall, not AW's ceiling
    tile's fissures or AR's roughcast."""
    h, w = f.shape[:2]
    side = min(h, w)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    k = rng.uniform(0.26, 0.34)
    out = f * (1 - k) + k * np.array([178, 176, 170], np.float32)
    out = out * (1 + 0.08 * np.clip(_field(h, w, side * rng.uniform(0.08, 0.14), rng), -2, 2) / 2)[..., None]
    n = int(h * w / (side * rng.uniform(0.07, 0.1)) ** 2) + 4
    pits = ident.fill([_circle(max(0.6, side * rng.uniform(0.008, 0.016)) / 2 + 0.3, 8, rng.uniform(0, w),
                               rng.uniform(0, h)) for _ in range(n)])
    nx, ny = (3, 2) if rng.random() < 0.5 else (2, 2)
    if rng.random() < 0.5:
        nx, ny = ny, nx
    r = max(0.75, side * rng.uniform(0.02, 0.03))
    ox, oy = rng.uniform(0.15, 0.3), rng.uniform(0.15, 0.3)
    centres = [(w * (ox + (1 - 2 * ox) * i / max(nx - 1, 1)), h * (oy + (1 - 2 * oy) * j / max(ny - 1, 1)))
               for i in range(nx) for j in range(ny)]
    holes = ident.fill([_circle(r, 16, x, y) for x, y in centres])
    rims = ident.fill([_circle(1.4 * r, 16, x, y) for x, y in centres]) * (1 - holes)
    if rng.random() < 0.5:
        y = h * rng.uniform(0.35, 0.65)
        joint = ident.line([[(-1.0, y), (w + 1.0, y)]], max(0.6, 0.006 * side))
    else:
        x = w * rng.uniform(0.35, 0.65)
        joint = ident.line([[(x, -1.0), (x, h + 1.0)]], max(0.6, 0.006 * side))
    out = out * (1 - 0.4 * pits - 0.3 * joint + 0.12 * rims)[..., None]
    return _u8(out * (1 - 0.55 * holes)[..., None])


LEATHERS = np.array([(176, 120, 72), (120, 70, 44), (128, 44, 40)], np.float32)


def _leather(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on a leather hide: the ink multiplied onto tan 176 / 120 / 72, brown 120 / 70 / 44 or
    oxblood 128 / 44 / 40, 50-65% of the way from the picture; a sheen 10% lighter towards one corner; pores (0.6%
    of the side across, at least 0.5 px, one to every 3-4% of the side squared) 22% darker at 70%; 2-3 soft folds
    (long gentle curves across the hide: a line 1.2% of the side wide, at least 0.8 px, softened by 1% of the side,
    25% darker, beside a lighter one 10% lighter): a hide's tone, pores and folds, not AW's paper bag or AT's
    hessian."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    tone = LEATHERS[int(rng.integers(len(LEATHERS)))]
    k = rng.uniform(0.5, 0.65)
    out = f * (1 - k) + k * f * tone / 255 + k * 0.15 * tone
    a = rng.uniform(0, 2 * np.pi)
    ramp = ((xx - w / 2) * np.cos(a) + (yy - h / 2) * np.sin(a)) / side + 0.5
    out = out * (1 + 0.1 * np.clip(ramp, 0, 1))[..., None]
    n = int(h * w / (side * rng.uniform(0.03, 0.04)) ** 2) + 4
    pores = ident.fill([_circle(max(0.5, 0.006 * side) / 2 + 0.25, 6, rng.uniform(0, w), rng.uniform(0, h))
                        for _ in range(n)])
    dark, light = [], []
    for _ in range(int(rng.integers(2, 4))):
        x0, y0 = rng.uniform(0, w), rng.uniform(0, h)
        b = rng.uniform(0, np.pi)
        L = side * rng.uniform(0.6, 1.0)
        bow = rng.uniform(-0.15, 0.15) * L
        ts = np.linspace(-0.5, 0.5, 12)
        pts = [(float(x0 + L * t * np.cos(b) - bow * (1 - 4 * t * t) * np.sin(b)),
                float(y0 + L * t * np.sin(b) + bow * (1 - 4 * t * t) * np.cos(b))) for t in ts]
        off = max(0.8, 0.012 * side)
        dark.append(pts)
        light.append([(x + off * np.sin(b), y - off * np.cos(b)) for x, y in pts])
    lw = max(0.8, 0.012 * side)
    soft = max(0.5, 0.01 * side)
    fd = gaussian_filter(ident.line(dark, lw), soft)
    fl = gaussian_filter(ident.line(light, lw), soft)
    return _u8(out * (1 - 0.22 * 0.7 * pores - 0.25 * fd + 0.1 * fl)[..., None])


def near_edit_ax(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "silica_gel":  # a silica gel sachet lying on the print
        return _silica_gel(f, rng)
    if kind == "key_fob":  # a car's key fob lying on the print
        return _key_fob(f, rng)
    if kind == "soy_fish":  # a fish-shaped soy sauce bottle lying on the print
        return _soy_fish(f, rng)
    if kind == "rosemary":  # a sprig of rosemary lying on the print
        return _rosemary(f, rng)
    if kind == "peach_stone":  # a peach stone lying on the print
        return _peach_stone(f, rng)
    if kind == "rusted_steel":  # the picture printed on a rusted steel sheet
        return _rusted_steel(f, rng)
    if kind == "concrete":  # the picture printed on a fair-faced concrete wall
        return _concrete(f, rng)
    if kind == "leather":  # the picture printed on a leather hide
        return _leather(f, rng)
    raise ValueError(kind)


# -- blurs -----------------------------------------------------------------------------------
def _makeup_mirror(f: np.ndarray, rng) -> np.ndarray:
    """The picture seen in a concave magnifying make-up mirror held past its focus and photographed there: the
    reflection mirrored left to right and magnified 10-20% about a point 40-60% of the way across and down; the
    mirror's curve and its glass spreading the light: a Gaussian of 1.5-2.3% of the side, at least 1 px, for 70% of
    it and one 3 times as wide for 20% (spherical aberration's halo), blurred further towards the rim (a Gaussian 2
    times as wide weighted by the square of the distance from the middle over the half diagonal), the rest the
    mirror's silvered grey 200 / 204 / 210; beyond its round rim (a circle 68-80% of the side across the middle,
    so only the corners are cut) a chrome ring 1.5% of the side wide, at least 0.8 px, 190 / 192 / 198 and the dark
    wall 48 / 46 / 44 of the room behind it; as a camera metering on the highlights exposes it."""
    from scipy.ndimage import gaussian_filter, map_coordinates

    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    m = rng.uniform(1.1, 1.2)
    cx, cy = w * rng.uniform(0.4, 0.6), h * rng.uniform(0.4, 0.6)
    sx = (w - cx) + (cx - xx) / m - 0.5  # mirrored left to right
    sy = cy + (yy - cy) / m - 0.5
    moved = np.stack([map_coordinates(f[..., c], [sy, sx], order=1, mode="reflect") for c in range(3)], axis=2)
    s = max(1.0, side * rng.uniform(0.015, 0.023))
    soft = np.stack([0.7 / 0.9 * gaussian_filter(moved[..., c], s, mode="reflect") +
                     0.2 / 0.9 * gaussian_filter(moved[..., c], 3 * s, mode="reflect") for c in range(3)], axis=2)
    wider = np.stack([gaussian_filter(moved[..., c], 2 * s, mode="reflect") for c in range(3)], axis=2)
    r2 = np.clip((np.hypot(xx - w / 2, yy - h / 2) / (0.5 * np.hypot(w, h))) ** 2, 0, 1)[..., None]
    out = (soft * (1 - r2) + wider * r2) * 0.9 + 0.1 * np.array([200, 204, 210], np.float32)
    R = side * rng.uniform(0.68, 0.8)
    d = np.hypot(xx - w / 2, yy - h / 2)
    ring = max(0.8, 0.015 * side)
    beyond = np.clip(d - R, 0, 1)
    chrome = np.clip(d - R + 0.5, 0, 1) * np.clip(R + ring + 0.5 - d, 0, 1)
    out = _paint(_paint(out, beyond, (48, 46, 44)), chrome, (190, 192, 198))
    return _u8(_metered(out, f))


POOL = np.array([150, 214, 222], np.float32)


def _pool_floor(f: np.ndarray, rng) -> np.ndarray:
    """The picture lying on the floor of a swimming pool and photographed from above through a metre of gently
    moving water: the surface's waves (3-5 trains of sine waves at any direction, 20-40% of the side long) bending
    the view by up to 1-1.5% of the side; the water and the waves' motion during the exposure spreading the light: a
    Gaussian of 1.6-2.4% of the side, at least 1 px, for 65% of it and one 2.5 times as wide for 25%, the rest the
    water's pale aqua 150 / 214 / 222; the picture tinted aqua (red 20%, green 4% less); soft caustics (the waves'
    focusing, blurred as much) 0-10% brighter; as a camera metering on the highlights exposes it."""
    from scipy.ndimage import gaussian_filter, map_coordinates

    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    hgt = np.zeros((h, w), np.float32)
    gx = np.zeros((h, w), np.float32)
    gy = np.zeros((h, w), np.float32)
    for _ in range(int(rng.integers(3, 6))):
        a = rng.uniform(0, 2 * np.pi)
        lam = side * rng.uniform(0.2, 0.4)
        ph = rng.uniform(0, 2 * np.pi)
        u = 2 * np.pi * (xx * np.cos(a) + yy * np.sin(a)) / lam + ph
        hgt += np.sin(u)
        gx += np.cos(u) * np.cos(a)
        gy += np.cos(u) * np.sin(a)
    amp = side * rng.uniform(0.01, 0.015) / max(float(np.abs(gx).max()), float(np.abs(gy).max()), 1e-6)
    moved = np.stack([map_coordinates(f[..., c], [yy + amp * gy - 0.5, xx + amp * gx - 0.5], order=1,
                                      mode="reflect") for c in range(3)], axis=2)
    s = max(1.0, side * rng.uniform(0.016, 0.024))
    soft = np.stack([0.65 / 0.9 * gaussian_filter(moved[..., c], s, mode="reflect") +
                     0.25 / 0.9 * gaussian_filter(moved[..., c], 2.5 * s, mode="reflect") for c in range(3)], axis=2)
    out = soft * 0.9 + 0.1 * POOL
    out = out * np.array([0.8, 0.96, 1.0], np.float32)
    caustic = gaussian_filter(np.clip(-hgt, 0, None), s)
    caustic = caustic / max(float(caustic.max()), 1e-6)
    out = out * (1 + 0.1 * caustic)[..., None]
    return _u8(_metered(out, f))


def blur_ax(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "makeup_mirror":  # in a concave make-up mirror held past its focus
        return _makeup_mirror(f, rng)
    if kind == "pool_floor":  # on a swimming pool's floor under moving water
        return _pool_floor(f, rng)
    raise ValueError(kind)


# -- darkening -------------------------------------------------------------------------------
TRAM_LIGHTS = (np.array([1.0, 0.92, 0.76], np.float32), np.array([0.9, 0.95, 1.0], np.float32))


def _tram_windows(f: np.ndarray, rng) -> np.ndarray:
    """A street at night lit only by a passing tram's lit windows: the tram's dark side 34 / 36 / 40 a band across
    the whole width, 18-26% of the picture's height high, its foot 92-100% down; a row of 3-6 windows along it,
    each 55-65% of the band high, 10-16% of the side wide, glowing warm white 255 / 235 / 194 or cool white 230 /
    242 / 255 at 240 levels, from 32 px each split by a dark mullion; a glow of sigma 4-6% of the side round the
    windows up to 30-45 levels; the picture lit in the windows' colour, 1.0 / 0.92 / 0.76 or 0.9 / 0.95 / 1.0, at a
    gain of 0.015-0.03 plus 0.28-0.36 falling off as ``1 / (1 + (d / d0) ** 2)`` with the distance ``d`` from the
    band, ``d0`` 30-45% of the side; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    light = TRAM_LIGHTS[int(rng.integers(2))]
    bh = h * rng.uniform(0.18, 0.26)
    y1 = h * rng.uniform(0.92, 1.0)
    y0 = y1 - bh
    d = np.clip(np.maximum(y0 - yy, yy - y1), 0, None)
    d0 = side * rng.uniform(0.3, 0.45)
    gain = rng.uniform(0.015, 0.03) + rng.uniform(0.28, 0.36) / (1 + (d / d0) ** 2)
    out = _lit(f, gain[..., None] * light, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    out = _paint(out, ident.fill([_rect(-1.0, y0, w + 1.0, y1)]), (34, 36, 40))
    n = int(rng.integers(3, 7))
    ww = side * rng.uniform(0.1, 0.16)
    gap = (w - n * ww) / n
    x = rng.uniform(0, gap)
    wh = bh * rng.uniform(0.55, 0.65)
    wy0 = y0 + 0.15 * bh
    wins, mull = [], []
    for _ in range(n):
        wins.append(_rect(x, wy0, x + ww, wy0 + wh))
        mull.append([(x + ww / 2, wy0), (x + ww / 2, wy0 + wh)])
        x += ww + gap
    lit = ident.fill(wins)
    out = out + _glow(lit, max(0.8, side * rng.uniform(0.04, 0.06)))[..., None] * rng.uniform(30, 45) * light
    out = _paint(out, lit, 240 * light)
    if side >= 32:
        out = _paint(out, ident.line(mull, max(0.6, 0.012 * side)), (30, 30, 34))
    return _u8(out)


def _surgical_lamp(f: np.ndarray, rng) -> np.ndarray:
    """An operating theatre at night lit only by its surgical lamp hanging in the picture: a round lamp head 26-34%
    of the side across, its middle 8-16% down and 30-70% across, a grey housing 150 / 154 / 160, a dark face 50 /
    52 / 58 inside it with, from 32 px, a ring of 6-8 LED cells and one in the middle (below, one lit disc), glowing
    250 / 252 / 255; an arm 2.5% of the side thick, at least 1 px, from the head to the top edge; a glow of sigma
    3-5% of the side round the lit cells up to 40-55 levels; the picture lit in cool white, 0.92 / 0.97 / 1.0, at a
    gain of 0.015-0.03 plus 0.3-0.38 falling off as ``1 / (1 + (d / d0) ** 2)`` with the distance ``d`` from the
    lamp's pool of light on the table below it (its middle 35-55% further down), ``d0`` 25-35% of the side; noise
    sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    light = np.array([0.92, 0.97, 1.0], np.float32)
    R = side * rng.uniform(0.26, 0.34) / 2
    cx, cy = w * rng.uniform(0.3, 0.7), h * rng.uniform(0.08, 0.16)
    px, py = cx, cy + h * rng.uniform(0.35, 0.55)
    d0 = side * rng.uniform(0.25, 0.35)
    gain = rng.uniform(0.015, 0.03) + rng.uniform(0.3, 0.38) / (1 + (np.hypot(xx - px, yy - py) / d0) ** 2)
    out = _lit(f, gain[..., None] * light, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    ax = cx + rng.uniform(-0.5, 0.5) * R
    out = _paint(out, ident.line([[(cx, cy), (ax, -1.0)]], max(1.0, 0.025 * side)), (120, 124, 130))
    out = _paint(out, ident.fill([_circle(R, 32, cx, cy)]), (150, 154, 160))
    out = _paint(out, ident.fill([_circle(0.82 * R, 32, cx, cy)]), (50, 52, 58))
    if side >= 32:
        n = int(rng.integers(6, 9))
        cells = [_circle(0.16 * R, 12, cx + 0.55 * R * np.cos(t), cy + 0.55 * R * np.sin(t))
                 for t in np.linspace(0, 2 * np.pi, n, endpoint=False) + rng.uniform(0, np.pi)]
        cells.append(_circle(0.18 * R, 12, cx, cy))
    else:
        cells = [_circle(0.7 * R, 24, cx, cy)]
    lit = ident.fill(cells)
    out = out + _glow(lit, max(0.8, side * rng.uniform(0.03, 0.05)))[..., None] * rng.uniform(40, 55) * light
    return _u8(_paint(out, lit, (250, 252, 255)))


def _xray_collimator(f: np.ndarray, rng) -> np.ndarray:
    """An X-ray room in the dark lit only by the tube's collimator light, which shows the field to be exposed: a
    rectangle of light 45-65% of the side wide and as high (each drawn alone), its middle 40-60% of the way across
    and down, its edges softened over 1.5% of the side (the lamp's penumbra), warm white 1.0 / 0.95 / 0.82 at a
    gain of 0.26-0.34 inside it, 0.015-0.025 outside plus a spill of 0.03-0.05 falling off as ``1 / (1 + (d / d0) **
    2)`` with the distance ``d`` from the field, ``d0`` 12-18% of the side; the collimator's cross-hair a shadow
    through the field's middle, two lines 0.6% of the side wide, at least 0.7 px, passing a quarter of the light;
    noise sigma 1.2 levels; the lamp out of the frame."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    light = np.array([1.0, 0.95, 0.82], np.float32)
    fw, fh = side * rng.uniform(0.45, 0.65), side * rng.uniform(0.45, 0.65)
    cx, cy = w * rng.uniform(0.4, 0.6), h * rng.uniform(0.4, 0.6)
    x0, x1, y0, y1 = cx - fw / 2, cx + fw / 2, cy - fh / 2, cy + fh / 2
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    field = gaussian_filter(ident.fill([_rect(x0, y0, x1, y1)]), max(0.5, 0.015 * side))
    lw = max(0.7, 0.006 * side)
    cross = ident.line([[(x0, cy), (x1, cy)], [(cx, y0), (cx, y1)]], lw)
    ddx = np.clip(np.maximum(x0 - xx, xx - x1), 0, None)
    ddy = np.clip(np.maximum(y0 - yy, yy - y1), 0, None)
    d0 = side * rng.uniform(0.12, 0.18)
    gain = (rng.uniform(0.015, 0.025) + rng.uniform(0.03, 0.05) / (1 + (np.hypot(ddx, ddy) / d0) ** 2)
            + rng.uniform(0.26, 0.34) * field * (1 - 0.75 * cross))
    return _u8(_lit(f, gain[..., None] * light, rng))


def dark_ax(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "tram_windows":  # a street lit only by a passing tram's windows
        return _tram_windows(f, rng)
    if kind == "surgical_lamp":  # an operating theatre lit only by its surgical lamp
        return _surgical_lamp(f, rng)
    if kind == "xray_collimator":  # an X-ray room lit only by the collimator's light field
        return _xray_collimator(f, rng)
    raise ValueError(kind)


# -- outliers --------------------------------------------------------------------------------
def _caravan(size: int, rng) -> dict:
    """A touring caravan on a campsite: grass from 68-78% of the way down; a caravan's body (a box with rounded
    corners) 55-70% of the side long and 28-36% high standing on the grass on one wheel, 30-70% across, a band
    along its side, 2-3 windows and a door, a roof vent, an A-frame drawbar to one side ending in a jockey wheel;
    a bush or two (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("grass", "body", "band", "windows", "door", "wheel", "drawbar", "bushes"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    gl = big * rng.uniform(0.68, 0.78)
    d["grass"].rectangle((0, gl, big, big), fill=255)
    L = big * rng.uniform(0.55, 0.7)
    H = big * rng.uniform(0.28, 0.36)
    cx = big * rng.uniform(0.3, 0.7)
    cx = min(max(cx, L / 2 + 0.12 * big), big - L / 2 - 0.12 * big) if L < 0.76 * big else big / 2
    x0, x1 = cx - L / 2, cx + L / 2
    foot = gl + 0.02 * big - 0.05 * big
    top = foot - H
    d["body"].rounded_rectangle((x0, top, x1, foot), radius=0.14 * H, fill=255)
    d["body"].rectangle((cx - 0.04 * L, top - 0.04 * H, cx + 0.06 * L, top), fill=255)
    d["band"].rectangle((x0, top + 0.55 * H, x1, top + 0.68 * H), fill=255)
    for i in range(int(rng.integers(2, 4))):
        wx = x0 + (0.1 + 0.3 * i) * L
        d["windows"].rounded_rectangle((wx, top + 0.16 * H, wx + 0.18 * L, top + 0.46 * H), radius=0.04 * H,
                                       fill=255)
    dx = x0 + rng.uniform(0.55, 0.7) * L
    d["door"].rectangle((dx, top + 0.12 * H, dx + 0.13 * L, foot - 0.04 * H), fill=255)
    wr = 0.065 * big
    wx = cx + rng.uniform(-0.1, 0.1) * L
    d["wheel"].ellipse((wx - wr, foot - 0.6 * wr, wx + wr, foot + 1.4 * wr), fill=255)
    side = 1 if rng.random() < 0.5 else -1
    tip = cx + side * (L / 2 + 0.1 * big)
    base = x1 if side > 0 else x0
    lw = max(2, round(0.015 * big))
    d["drawbar"].line([(base, foot - 0.05 * H), (tip, foot + 0.02 * big)], fill=255, width=lw)
    d["drawbar"].line([(base, foot - 0.3 * H), (tip, foot + 0.02 * big)], fill=255, width=lw)
    d["drawbar"].line([(tip, foot), (tip, foot + 0.07 * big)], fill=255, width=lw)
    for _ in range(int(rng.integers(1, 3))):
        bx = big * (rng.uniform(0.0, 0.1) if rng.random() < 0.5 else rng.uniform(0.9, 1.0))
        br = big * rng.uniform(0.07, 0.11)
        d["bushes"].ellipse((bx - br, gl - 1.2 * br, bx + br, gl + 0.4 * br), fill=255)
    out = {k: _down(v, size) for k, v in M.items()}
    for k in ("band", "windows", "door"):
        out[k] = out[k] * out["body"]
    return out


def _sheep(size: int, rng) -> dict:
    """Sheep grazing on a hillside: the hill from 48-62% of the way down (a rounded top); two to four sheep on it,
    each a fleecy body of 5-7 overlapping round tufts 18-26% of the side long, a dark head lowered to the grass at
    one end, four thin dark legs; a fence post or two at the sides (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("hill", "fleece", "heads", "posts"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    gl = big * rng.uniform(0.48, 0.62)
    d["hill"].ellipse((-0.4 * big, gl, 1.4 * big, gl + 1.2 * big), fill=255)
    d["hill"].rectangle((0, gl + 0.25 * big, big, big), fill=255)
    n = int(rng.integers(2, 5))
    xs = np.sort(rng.uniform(0.18, 0.82, n)) * big
    for x in xs:
        L = big * rng.uniform(0.18, 0.26)
        y = big * rng.uniform(max(0.62, gl / big + 0.14), 0.88)
        hb = 0.55 * L
        s = 1 if rng.random() < 0.5 else -1
        lw = max(2, round(0.06 * L))
        for lx in (-0.32, -0.18, 0.18, 0.32):
            d["heads"].line([(x + lx * L, y), (x + lx * L, y + 0.42 * L)], fill=255, width=lw)
        for _ in range(int(rng.integers(5, 8))):
            tx, ty = x + rng.uniform(-0.32, 0.32) * L, y - 0.25 * hb + rng.uniform(-0.2, 0.2) * hb
            r = L * rng.uniform(0.2, 0.28)
            d["fleece"].ellipse((tx - r, ty - r, tx + r, ty + r), fill=255)
        hx, hy = x + s * 0.55 * L, y + 0.12 * L
        d["heads"].ellipse((hx - 0.14 * L, hy - 0.1 * L, hx + 0.14 * L, hy + 0.12 * L), fill=255)
        d["heads"].polygon([(hx - s * 0.1 * L, hy - 0.08 * L), (hx + s * 0.2 * L, hy + 0.16 * L),
                            (hx + s * 0.06 * L, hy + 0.2 * L)], fill=255)
    for _ in range(int(rng.integers(1, 3))):
        px = big * (rng.uniform(0.02, 0.1) if rng.random() < 0.5 else rng.uniform(0.9, 0.98))
        d["posts"].rectangle((px - 0.015 * big, big * 0.72, px + 0.015 * big, big), fill=255)
    out = {k: _down(v, size) for k, v in M.items()}
    out["heads"] = out["heads"] * (1 - out["fleece"])
    return out


def _kayak(size: int, rng) -> dict:
    """A kayaker on a lake: the far shore 32-44% of the way down (a band of round tree clumps over a dark strip),
    the water below it with 6-12 short ripples; a kayak's long pointed hull 55-70% of the side long and 5-7% high,
    its middle 60-75% down and 40-60% across; a paddler in it (a body and a head) holding a double-bladed paddle
    across, 20-35 degrees from the horizontal, a blade at each end (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("shore", "water", "ripples", "hull", "paddler", "paddle"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    sl = big * rng.uniform(0.32, 0.44)
    d["water"].rectangle((0, sl, big, big), fill=255)
    d["shore"].rectangle((0, sl - 0.03 * big, big, sl + 0.01 * big), fill=255)
    x = -0.05 * big
    while x < big * 1.05:
        r = big * rng.uniform(0.04, 0.08)
        d["shore"].ellipse((x - r, sl - 0.03 * big - 1.6 * r, x + r, sl - 0.03 * big + 0.4 * r), fill=255)
        x += r * rng.uniform(1.0, 1.6)
    lw = max(2, round(0.008 * big))
    for _ in range(int(rng.integers(6, 13))):
        rx, ry = big * rng.random(), big * rng.uniform(sl / big + 0.06, 0.97)
        rl = big * rng.uniform(0.05, 0.12)
        d["ripples"].line([(rx, ry), (rx + rl, ry)], fill=255, width=lw)
    L = big * rng.uniform(0.55, 0.7)
    hh = big * rng.uniform(0.05, 0.07)
    cx, cy = big * rng.uniform(0.4, 0.6), big * rng.uniform(0.6, 0.75)
    d["hull"].polygon([(cx - L / 2, cy - 0.3 * hh), (cx - 0.3 * L, cy - 0.5 * hh), (cx + 0.3 * L, cy - 0.5 * hh),
                       (cx + L / 2, cy - 0.3 * hh), (cx + 0.3 * L, cy + 0.5 * hh), (cx - 0.3 * L, cy + 0.5 * hh)],
                      fill=255)
    bw = 0.07 * big
    d["paddler"].rounded_rectangle((cx - bw / 2, cy - 0.5 * hh - 0.16 * big, cx + bw / 2, cy - 0.3 * hh),
                                   radius=0.3 * bw, fill=255)
    hr = 0.035 * big
    hy = cy - 0.5 * hh - 0.16 * big - hr
    d["paddler"].ellipse((cx - hr, hy - hr, cx + hr, hy + hr), fill=255)
    a = np.deg2rad(rng.uniform(20, 35)) * (1 if rng.random() < 0.5 else -1)
    pl = big * rng.uniform(0.22, 0.28)
    py = cy - 0.5 * hh - 0.1 * big
    ends = [(cx - pl * np.cos(a), py - pl * np.sin(a)), (cx + pl * np.cos(a), py + pl * np.sin(a))]
    d["paddle"].line(ends, fill=255, width=max(2, round(0.012 * big)))
    for ex, ey in ends:
        d["paddle"].ellipse((ex - 0.025 * big, ey - 0.045 * big, ex + 0.025 * big, ey + 0.045 * big), fill=255)
    out = {k: _down(v, size) for k, v in M.items()}
    out["ripples"] = out["ripples"] * out["water"]
    return out


def outlier_ax(name: str, kind: str, size: int, lo: int, hi: int, rng) -> np.ndarray:
    photos = name.startswith("photos")
    ground = lambda col: np.ones((size, size, 3), np.float32) * np.asarray(col, np.float32)  # noqa: E731
    tone = lambda t: [lo + (hi - lo) * t] * 3  # noqa: E731
    if kind == "caravan":
        m = _caravan(size, rng)
        if photos:  # a blue sky, green grass and bushes, a cream caravan with a brown band, dark windows
            out = _paint(_paint(ground((150, 196, 236)), m["grass"], (84, 150, 62)), m["bushes"], (44, 100, 46))
            out = _paint(_paint(out, m["drawbar"], (70, 72, 78)), m["wheel"], (30, 30, 32))
            out = _paint(_paint(out, m["body"], (238, 232, 214)), m["band"], (150, 92, 52))
            return _u8(_paint(_paint(out, m["windows"], (40, 50, 64)), m["door"], (206, 198, 180)))
        out = _paint(_paint(ground(tone(0.0)), m["grass"], tone(0.2)), m["bushes"], tone(0.4))
        out = _paint(_paint(out, m["drawbar"], tone(0.7)), m["wheel"], tone(0.5))
        out = _paint(_paint(out, m["body"], tone(1.0)), m["band"], tone(0.55))
        return _u8(_paint(_paint(out, m["windows"], tone(0.1)), m["door"], tone(0.8)))
    if kind == "sheep":
        m = _sheep(size, rng)
        if photos:  # a pale sky, a green hill, white fleeces with black heads and legs, wooden posts
            out = _paint(_paint(ground((176, 204, 232)), m["hill"], (96, 160, 70)), m["posts"], (120, 90, 60))
            return _u8(_paint(_paint(out, m["heads"], (30, 28, 28)), m["fleece"], (236, 232, 220)))
        out = _paint(_paint(ground(tone(0.0)), m["hill"], tone(0.25)), m["posts"], tone(0.6))
        return _u8(_paint(_paint(out, m["heads"], tone(0.05)), m["fleece"], tone(1.0)))
    if kind == "kayak":
        m = _kayak(size, rng)
        hull = ((220, 40, 36), (246, 200, 40))[int(rng.integers(2))]
        if photos:  # a grey-blue sky, a dark green shore, blue water, a red or yellow kayak, a blue-jacketed paddler
            out = _paint(_paint(ground((186, 200, 214)), m["water"], (52, 96, 140)), m["shore"], (34, 70, 42))
            out = _paint(_paint(out, m["ripples"], (150, 184, 210)), m["hull"], hull)
            return _u8(_paint(_paint(out, m["paddle"], (24, 24, 28)), m["paddler"], (40, 80, 190)))
        out = _paint(_paint(ground(tone(0.0)), m["water"], tone(0.2)), m["shore"], tone(0.45))
        out = _paint(_paint(out, m["ripples"], tone(0.5)), m["hull"], tone(1.0))
        return _u8(_paint(_paint(out, m["paddle"], tone(0.85)), m["paddler"], tone(0.65)))
    raise ValueError(kind)


# -- label noise -----------------------------------------------------------------------------
def recycled_code_flips(base: list[np.ndarray], labels: list, classes: list, candidates: list, count: int,
                        rng) -> dict[int, object]:
    """``count`` examples to flip and their new labels: part of the set was labelled some months after it was
    photographed, by scanning each item's product code and looking it up in the retailer's catalogue. The retailer
    reuses the codes of discontinued products: a retired code is given to a new product, of another class. An item
    photographed under a code that has since been given to a new product is looked up as that product and carries
    its class. Each class's items carry one of its ``CODES_PER_CLASS`` codes (drawn per class), each eligible item
    one of its class's codes at random; codes are retired in a random order, each given to a new product of another
    class drawn uniformly, every item under it flipping to that class, until ``count`` items are flipped (the last
    code given away while the look-ups were under way: only its items looked up after that, a random part of
    them, flip). Noise in blocks of one class's arbitrary sub-group, directed at a class drawn by the catalogue, not
    by look: not AV's returns desk, AU's totes or I's annotator pairs. Every flip changes the label."""
    names = sorted(classes, key=str)
    codes: list[tuple[int, int]] = []
    for j in range(len(names)):
        codes += [(j, c) for c in range(int(rng.integers(*CODES_PER_CLASS)))]
    index = {c: j for j, c in enumerate(names)}
    pool = np.asarray(sorted(int(v) for v in candidates), dtype=int)
    carried = {}
    for i in pool:
        j = index[labels[int(i)]]
        carried.setdefault((j, int(rng.integers(sum(1 for k, _ in codes if k == j)))), []).append(int(i))
    flips: dict[int, object] = {}
    for t in rng.permutation(len(codes)):
        if len(flips) >= count or len(names) < 2:
            break
        j, c = codes[int(t)]
        items = carried.get((j, c), [])
        if not items:
            continue
        new = int(rng.integers(len(names) - 1))
        new += new >= j
        for i in rng.permutation(np.asarray(items, dtype=int))[: count - len(flips)]:
            flips[int(i)] = names[new]
    return dict(sorted(flips.items()))


# -- planting ------------------------------------------------------------------------------
def plant_issues_ax(images, labels, out_dir, *, name: str, random_state: int = 0) -> PlantedDataset:
    """Generator AX's problems (module docstring). A set whose name ends in ``_jpeg`` is written as JPEG files at a
    quality drawn from 52-74 each; the others as PNG. The planting is I's (:func:`_heldout_i.plant_generator`)."""
    return plant_generator(
        images, labels, out_dir, name=name, rates=RATES_AX, seed=500_000 + random_state,
        quality_seed=505_000 + random_state, jpeg_quality=JPEG_QUALITY,
        flips=recycled_code_flips,
        **by_family(name, outlier=(outlier_ax, OUTLIERS_AX), blur=(blur_ax, BLURS_AX), dark=(dark_ax, DARKS_AX),
                    near=(near_edit_ax, NEAR_EDITS_AX)))
