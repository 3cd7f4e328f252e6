"""Generator AW: fresh EVALUATION sets after generator AV's run (never used to choose anything).

Why a forty-seventh evaluation generator: generator AV's sets were written before its run and have been run once
since, so a held-out set for the code after that run is written now, before any tool is run on it. The commit
subjects since AV's generator commit (0411162) name what changed in the library meanwhile: dark sets aside a compact
coloured light anywhere in the frame (a screen, a display's digits) as it does a light at the frame's edge; the
calibration samples a twenty-fifth of the readable images, not a twentieth; each pixel's channel spread is made once
per batch for both uses (the same values); generator AU's one run and then generator AV's one run written up, their
sets development data since (NOT_YET_RUN empty). AV has been run once, and those subjects summarise its run; AW's
writer read no docs, logs, result files or commit bodies (only the commit subjects, the library's code and the
earlier generators' and tuning tools' files, to copy their structure and to avoid their families), and nothing in AW
was chosen from any result. Like AN's to AV's, AW's edits are not all brightly coloured: some are grey, dark or
translucent. Generator AW was written before any tool was run on it (only its pictures were looked at, on contact
sheets of its edits, blurs, darkenings and foreign pictures at 28, 59 and 308 px, to check that every edit is
visible, every blur blurred, every darkened image dark with its picture still in it and every outlier foreign, and
the planted folders hashed twice); it is not to be changed after its results are seen. Its edits, blurs, darkenings,
foreign pictures and label noise are of families that no tuning tool (``blur_tuning.py``'s lens blurs: Gaussian, soft
disk, astigmatic elongated Gaussian, ring; ``_foreign.py``'s textures, icons and soft photographs;
``near_photos.py``'s and ``near_small.py``'s edits; ``label_filters.py``'s and ``label_noise_models.py``'s flips), no
earlier generator (A = ``dq.datasets.plant_issues``, B, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T, U, V, W, X,
Y, Z, AA, AB, AC, AD, AE, AF, AG, AH, AI, AJ, AK, AL, AM, AN, AO, AP, AQ, AR, AS, AT, AU, AV) and none of the
library's calibration copies (``dataquality/compute/_synthetic.py``: crop, shift, rotate, brightness, contrast,
gamma, JPEG, resize, overlay box; Gaussian, box, motion, down-and-up blurs) make. Like AC's to AV's it has two blur
families, not three. Left out because an earlier generator made them or left them out: among objects on the print a
bottle cap, a safety pin, a domino, dice or a marble (their lists), a jelly bean or gummy sweets (their lists), a
cherry tomato (round things, as listed before; AW's cherries come in a pair on their stalks), nuts of any kind (X's,
AR's, AS's), a bay leaf (AV's list; AW's leaf is a ginkgo's fan), blueberries (AT's); of the whole picture a pegboard
or a perforated screen (O's fence, I's halftone), corrugated sheet, a brick wall, tiles or a mosaic, a hammered metal
sheet (their lists), foxing or water stains (G's dust spots, M's coffee ring), a chalk copy on a blackboard (R's
cartoon), scattered petals, leaves or pine needles (U's confetti, W's Hough lines), plywood's grain (T's wood
transfer: AW's birch is the bark's white skin and its lenticels, not a wood's grain), woodchip, strand board and
polystyrene (AV's); among blurs tracing paper, a shower curtain, a shoji's paper or any other diffusing sheet (I's
frosted glass, as listed before), a microfiche reader (U's projected slide), a glass block engraved inside (AI's laser
crystal), a bead curtain (AC's strip curtain, Z's lensball), a washing machine's door and a stove's mica (AV's); among
darkenings an open fridge, a microwave or an oven, a lava lamp, glow sticks, a jukebox, a sky lantern, a phone box,
a darkroom safelight, moonlight, glow-in-the-dark paint, a forge or a bonfire (their lists), a vending machine (AC's:
AW's cash machine is a fascia in a wall, its light from its screen, keypad and canopy strip), a departure board, a
star projector and an ice-cream van (AV's); among foreign pictures a lighthouse, a windmill, a pagoda, a tortoise, a
scarecrow, a geyser, a helicopter or a hot-air balloon (their lists), an aqueduct (S's bridges), a radio telescope
(Y's: AW's observatory is a domed building with a slit, not a dish), flamingos or herons (their lists: wading birds),
a tennis court (AU's list, as volleyball), an ostrich, a treehouse or a ski jump (AV's); among label noise a
drop-down list's neighbour, colour-coded stickers misread, captions naming a class, file names that collided, a
multi-label export keeping the first tag, a labelling game's bonus class (their lists), and every mechanism AV named
(dictation, OCR, bags, hotkeys, quotas, a checkweigher, positions, clocks, shelf-edge labels, totes, a returns desk's
prices).

* ``near_duplicate`` (3%), five edits in a part of the picture and three of the whole, in turn (so that the 308 px
  set's copies get both kinds): a few pomegranate arils lying on the print (four to seven translucent ruby kernels
  9-12% of the side long, at least 3.5 px, at 65-80%, each with a pale seed showing through from 32 px and a
  highlight; their middle 30-70% of the way across and down, at any angle, a soft shadow at 25%), a black bulldog
  clip (a steel body 22-30% of the side wide, at least 7 px, black with a grey sheen, two silver wire handles; the
  same place, a shadow at 40%), a ginkgo leaf (a fan 20-28% of the side across, at least 7 px, golden yellow or
  green, notched in the middle of its edge, fine radial veins from 48 px, a stalk; the same place, a shadow at 30%),
  two foam earplugs (rounded cylinders 13-17% of the side long, at least 4.5 px, orange, yellow or lime, matte, a
  blue cord between them from 32 px in half; the same place, a shadow at 30%) and a pair of cherries (two glossy
  discs 12-16% of the side across, at least 4.5 px, bright red, dark red or nearly black, their stalks joined above
  them, a highlight on each; the same place, a shadow at 40%); of the whole picture: the picture printed on a
  fissured mineral-fibre ceiling tile (short wormlike fissures 4-7% of the side long, at least 3 px, 45% darker, and
  pinholes, the tile's off-white at 22-30%: grooves, not AS's terrazzo chips or AV's polystyrene cells), printed on
  birch bark (the bark's white at 28-36%, dark horizontal lenticels 3-9% of the side long, 2-4 black patches: a
  skin of dashes, not T's wood grain) and printed on a brown paper bag (the picture's whites turned kraft brown,
  55-70% of the way, darker fibres 2-5% of the side long, the bag's glued seam a band 8-12% of the side wide 12%
  darker: a tone and a seam, not AU's papyrus strips);
* ``exact_duplicate`` (1%): byte-for-byte copies of a file under another name;
* ``blurry`` (3%): the picture seen through a wall of glass bricks (each brick 30-42% of the side across, its
  pressed face magnifying its own view by 6-12% and rippling it by 1% of the side, the glass spreading the light: a
  Gaussian of 1.5-2.3% of the side, at least 1 px, for 60% of it and one 3 times as wide for 25%, the glass's pale
  sea green at 15%, grey mortar joints 1.5-2% of the side wide between the bricks: a grid of lenses, not L's reeded
  or V's cut glass) and the picture shown on a rear-projection television (three tubes projected on the back of a
  diffusing screen: a Gaussian of 1.6-2.4% of the side, at least 1 px, for 65% of it and one 2.5 times as wide for
  25%, the red and blue images misconverged by 0.4-0.8% of the side each, in opposite directions, a hot spot
  falling to 70-80% in the corners, the screen's grey at 10%: a projection seen from the front of its screen, not
  U's projected slide or X's DLP); each as a camera metering on the highlights exposes it (as Y's to AV's);
* ``dark`` (2%): a park at night lit only by an illuminated fountain (a dark stone basin along the bottom, a jet of
  water 40-65% of the picture's height high from its middle, lit from below in cool blue, magenta or turquoise, the
  picture lit in that colour at 0.28-0.36 falling off as ``1 / (1 + (d / d0) ** 2)`` with the distance from the
  jet, ``d0`` 30-45% of the side, over 0.015-0.03; a glow of sigma 4-6% of the side up to 30-45 levels, lit droplets
  from 32 px: a column of lit water, not AJ's hot tub or glowing surf), a bedroom at night lit only by a toy light
  sword (a glowing blade 55-75% of the side long at up to 35 degrees, its middle 55-80% down, a white core in a red,
  blue, green or violet glow, a dark hilt; the picture lit in its colour at 0.3-0.38 falling off as above from the
  blade, ``d0`` 25-40% of the side, over 0.015-0.03; a glow of sigma 3-5% of the side up to 45-65 levels: a coloured
  bar of light in the frame, not R's strip lights) and a street at night lit only by a cash machine in a wall (its
  dark fascia at the left or right edge, 26-34% of the side wide and 40-50% high, a lit blue-white screen, a lit
  keypad from 32 px, a green card slot, a canopy strip above it; the picture lit cool white, 0.8 / 0.9 / 1.0, at
  0.28-0.36 falling off as above from the fascia, ``d0`` 28-40% of the side, over 0.015-0.03; a glow of sigma 4-6%
  of the side up to 30-45 levels); none of them blurs the picture;
* ``outlier`` (1.5%): an observatory on a hill at night (a hill from 62-72% of the way down, a round drum on it with
  a door, a dome over it with its slit open and a telescope's tube pointing out at the sky, stars), a hammock
  between two trees (grass from 75-85% down, two trunks near the sides with crowns of round clumps, a striped
  hammock sagging between them on ropes, a pillow at one end) and a climbing frame (a geodesic dome of bars in a
  playground, grass from 70-80% down, a child on its top); the digit and clothing sets get them in their own tones
  on their dark ground, the photographs as a white dome on a green hill under a deep blue starry sky, a red and
  white hammock between brown trees on green grass under a blue sky, and a red dome of bars with a blue-shirted
  child on green grass under a pale sky;
* ``label`` (5%): *category stuffing* flips: part of the set came from a second-hand marketplace whose sellers chose
  each listing's category themselves, the site showing every category's buyers per listing. Some sellers listed an
  item under a category with more buyers per listing than their own (category stuffing): the photograph shows the
  item and carries the other category. Each class has a demand (drawn log-normally, sigma 0.8, dealt to the classes
  in a random order) and a supply (its listings: its pictures in the set); the stuffers come in a random order from
  the eligible pictures, each choosing a category ``d`` with weight ``r_d / r_own - 1`` where that is positive
  (``r`` a category's demand over its supply, as the site shows it at that moment; a seller with none better keeps
  its own), and each stuffed listing moves one listing of supply from its own category to ``d``, so a category
  crowds as it is stuffed and later stuffers spread to others. Noise directed by demand and supply, not by look, not
  AV's prices at a returns desk. Every flip changes the label, so every one is in the truth.

Each planted defect has its own source image; nothing else is planted, so only these six issue types are scored on
AW's sets. Base data are the evaluation domains drawn with seeds no other set uses: Fashion-MNIST *test* (2,000, seed
321), MNIST (2,000, seed 322), and the evaluation photographs tiled at 59 px (24 tiles a photograph at most, seed
323) and at 308 px (every tile, seed 324), sizes no other set uses. ``photos59_aw_jpeg`` is written as JPEG files,
each at a quality drawn from 53-75 (a stream of its own, seed ``495_000 + random_state``), every edit, blur and
darkening made before the encoding, near copies made from the decoded JPEG and saved again at their own quality,
exact copies byte copies of the file; the other sets are PNG files. Planting draws from seed ``490_000 +
random_state``. The planting is I's (:func:`_heldout_i.plant_generator`, as for J to AV).
"""

from __future__ import annotations

import numpy as np
from _heldout_aa import _frame_at, _rect
from _heldout_ab import _pick
from _heldout_ae import _lit
from _heldout_af import _glow
from _heldout_au import _circle
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

EVALUATION_AW = ("fashion_test_aw", "mnist_aw", "photos59_aw_jpeg", "photos308_aw")
# each set's base: (data, seed) or ("photos", seed, tile size, tiles per photograph quick, full)
BASES_AW = {
    "fashion_test_aw": ("fashion_test", 321),
    "mnist_aw": ("mnist", 322),
    "photos59_aw_jpeg": ("photos", 323, 59, 8, 24),
    "photos308_aw": ("photos", 324, 308, 8, 1000),
}
JPEG_QUALITY = (53, 76)  # the JPEG set's qualities: integers in [low, high)
RATES_AW = {"near_duplicate": 0.03, "exact_duplicate": 0.01, "blurry": 0.03, "dark": 0.02, "outlier": 0.015,
            "label": 0.05}
# parts of the picture and the whole picture in turn, so that the smallest set gets both kinds
NEAR_EDITS_AW = ("pomegranate_arils", "ceiling_tile", "bulldog_clip", "birch_bark", "ginkgo_leaf", "paper_bag",
                 "earplugs", "cherries")
BLURS_AW = ("glass_bricks", "rear_projection")
DARKS_AW = ("lit_fountain", "light_sword", "cash_machine")
OUTLIERS_AW = ("observatory", "hammock", "climbing_frame")
DEMAND_SPREAD = 0.8  # sigma of the log-normal demand of the classes on the marketplace (label noise)


def load_base_aw(name: str, quick: bool = False):
    import _heldout

    return _heldout.load_generator_base(name, quick, BASES_AW, "AW")


def _wiggle(x: float, y: float, length: float, n: int, rng) -> list[tuple[float, float]]:
    """A wormlike line from (``x``, ``y``): ``n`` steps of ``length / n`` each, turning by up to 50 degrees."""
    a = rng.uniform(0, 2 * np.pi)
    pts = [(x, y)]
    for _ in range(n):
        a += rng.uniform(-0.9, 0.9)
        x, y = x + length / n * np.cos(a), y + length / n * np.sin(a)
        pts.append((float(x), float(y)))
    return pts


# -- near copies -----------------------------------------------------------------------------
def _pomegranate_arils(f: np.ndarray, rng) -> np.ndarray:
    """A few pomegranate arils lying on the print: four to seven kernels, each an egg 9-12% of the side long, at
    least 3.5 px, 65-80% as wide, pointed at one end, translucent ruby 176 / 18 / 44 at 65-80% (the print showing
    through), a darker rim 20% of it at 40%; from 32 px a pale seed 230 / 222 / 206 at 40% inside; a highlight 25%
    of it across at 60%; each at its own angle, the group's middle 30-70% of the way across and down, a soft shadow
    at 25%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(3.5, side * rng.uniform(0.09, 0.12))
    fr = _frame_at(h, w, rng)
    out = f
    for _ in range(int(rng.integers(4, 8))):
        x, y = rng.uniform(-0.9, 0.9) * L, rng.uniform(-0.9, 0.9) * L
        a = rng.uniform(0, 2 * np.pi)
        k = rng.uniform(0.65, 0.8)
        ux, uy = np.cos(a), np.sin(a)
        egg = [(x + 0.5 * L * np.cos(t) * ux - 0.5 * k * L * np.sin(t) * (0.8 + 0.2 * np.cos(t)) * uy,
                y + 0.5 * L * np.cos(t) * uy + 0.5 * k * L * np.sin(t) * (0.8 + 0.2 * np.cos(t)) * ux)
               for t in np.linspace(0, 2 * np.pi, 24, endpoint=False)]
        inner = [(x + 0.8 * (px - x), y + 0.8 * (py - y)) for px, py in egg]
        body = fr.fill([egg])
        parts = [(body, (176, 18, 44), rng.uniform(0.65, 0.8), True),
                 (fr.fill([egg], holes=[inner]) * body, (110, 8, 26), 0.4, False)]
        if side >= 32:
            parts.append((fr.fill([_ellipse(x + 0.05 * L * ux, y + 0.05 * L * uy, 0.2 * L, 0.1 * L, a, 10)]),
                          (230, 222, 206), 0.4, False))
        parts.append((fr.fill([_circle(0.12 * L, 10, x - 0.15 * L * ux - 0.1 * k * L * uy,
                                       y - 0.15 * L * uy + 0.1 * k * L * ux)]) * body, (255, 226, 232), 0.6, False))
        out = _laid(out, parts, 0.25)
    return _u8(out)


def _bulldog_clip(f: np.ndarray, rng) -> np.ndarray:
    """A black bulldog clip lying on the print: a steel body 22-30% of the side wide, at least 7 px, 60-70% of that
    high, narrower at its jaws (a trapezoid), black 28 / 28 / 30, a grey sheen 130 / 132 / 138 at 40% along its
    back, its jaws' edge a darker line; two silver wire handles 192 / 194 / 200 from its back, each a loop 40-60%
    of its width out, the wire 1.5% of the side thick, at least 0.8 px; at any angle, its middle 30-70% of the way
    across and down, a soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    W = max(7.0, side * rng.uniform(0.22, 0.3))
    H = W * rng.uniform(0.6, 0.7)
    fr = _frame_at(h, w, rng)
    body = [(-W / 2, -H / 2), (W / 2, -H / 2), (0.42 * W, H / 2), (-0.42 * W, H / 2)]
    sheen = [(-0.42 * W, -0.38 * H), (0.42 * W, -0.38 * H), (0.4 * W, -0.15 * H), (-0.4 * W, -0.15 * H)]
    out = rng.uniform(0.4, 0.6) * W
    lw = max(0.8, 0.015 * side)
    handles = [[(-0.34 * W, -H / 2), (-0.38 * W, -H / 2 - out), (-0.1 * W, -H / 2 - out), (-0.14 * W, -H / 2)],
               [(0.14 * W, -H / 2), (0.1 * W, -H / 2 - out), (0.38 * W, -H / 2 - out), (0.34 * W, -H / 2)]]
    parts = [(fr.line(handles, lw), (192, 194, 200), 1.0, True), (fr.fill([body]), (28, 28, 30), 1.0, True),
             (fr.fill([sheen]), (130, 132, 138), 0.4, False),
             (fr.line([[(-0.42 * W, 0.42 * H), (0.42 * W, 0.42 * H)]], max(0.5, 0.04 * H)), (8, 8, 10), 1.0, False)]
    return _u8(_laid(f, parts, 0.4))


GINKGO = ((232, 196, 60), (214, 170, 40), (130, 170, 60))


def _ginkgo_leaf(f: np.ndarray, rng) -> np.ndarray:
    """A ginkgo leaf lying on the print: a fan 20-28% of the side across, at least 7 px (a sector of 110-150 degrees
    from its stalk's end, its outer edge wavy and notched in the middle to 25% of its radius), golden yellow 232 /
    196 / 60, deeper yellow 214 / 170 / 40 or green 130 / 170 / 60; from 48 px 14-20 fine radial veins 25% darker at
    50%; a stalk 35% of its radius long, 3% of the side thick, at least 0.7 px; at any angle, its middle 30-70% of
    the way across and down, a soft shadow at 30%."""
    h, w = f.shape[:2]
    side = min(h, w)
    R = max(7.0, side * rng.uniform(0.2, 0.28))
    col = _pick(GINKGO, rng)
    fr = _frame_at(h, w, rng)
    span = np.deg2rad(rng.uniform(110, 150))
    ts = np.linspace(-span / 2, span / 2, 31)
    rs = R * (1 + 0.03 * np.sin(9 * ts)) * (1 - 0.25 * np.clip(1 - np.abs(ts) / 0.08, 0, 1))
    fan = [(float(r * np.sin(t)), float(0.5 * R - r * np.cos(t))) for t, r in zip(ts, rs)]
    leaf = fr.fill([[(0.0, 0.5 * R)] + fan])
    parts = [(leaf, col, 1.0, True)]
    if side >= 48:
        veins = [[(0.0, 0.5 * R), (0.95 * R * np.sin(t), 0.5 * R - 0.95 * R * np.cos(t))]
                 for t in np.linspace(-span / 2 * 0.9, span / 2 * 0.9, int(rng.integers(14, 21)))]
        parts.append((fr.line(veins, max(0.5, 0.008 * side)) * leaf, col * 0.75, 0.5, False))
    parts.append((fr.line([[(0.0, 0.5 * R), (0.05 * R, 0.85 * R)]], max(0.7, 0.03 * side)), col * 0.8, 1.0, True))
    return _u8(_laid(f, parts, 0.3))


EARPLUGS = ((250, 140, 40), (240, 220, 70), (170, 220, 70))


def _earplugs(f: np.ndarray, rng) -> np.ndarray:
    """Two foam earplugs lying on the print: rounded cylinders 13-17% of the side long, at least 4.5 px, 45-55% as
    wide, orange 250 / 140 / 40, yellow 240 / 220 / 70 or lime 170 / 220 / 70, matte, each end rounded and 15%
    darker at 50% on one side; from 32 px, in half of them, a blue cord 40 / 90 / 200 1% of the side thick, at least
    0.7 px, looping between them; each at its own angle, their middle 30-70% of the way across and down, a soft
    shadow at 30%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(4.5, side * rng.uniform(0.13, 0.17))
    col = _pick(EARPLUGS, rng)
    fr = _frame_at(h, w, rng)
    plugs, sides, ends = [], [], []
    for s in (-1, 1):
        x, y = s * rng.uniform(0.5, 0.8) * L, rng.uniform(-0.4, 0.4) * L
        a = rng.uniform(0, np.pi)
        ux, uy = np.cos(a), np.sin(a)
        r = 0.5 * L * rng.uniform(0.45, 0.55)
        plugs.append([(x + (0.5 * L - r) * np.sign(np.cos(t)) * ux + r * np.cos(t) * ux - r * np.sin(t) * uy,
                       y + (0.5 * L - r) * np.sign(np.cos(t)) * uy + r * np.cos(t) * uy + r * np.sin(t) * ux)
                      for t in np.linspace(0, 2 * np.pi, 28, endpoint=False)])
        sides.append([(x - 0.5 * L * ux + 0.3 * r * uy, y - 0.5 * L * uy - 0.3 * r * ux),
                      (x + 0.5 * L * ux + 0.3 * r * uy, y + 0.5 * L * uy - 0.3 * r * ux),
                      (x + 0.5 * L * ux + r * uy, y + 0.5 * L * uy - r * ux),
                      (x - 0.5 * L * ux + r * uy, y - 0.5 * L * uy - r * ux)])
        ends.append((x + 0.5 * L * ux, y + 0.5 * L * uy))
    body = fr.fill(plugs)
    parts = [(body, col, 1.0, True), (fr.fill(sides) * body, col * 0.85, 0.5, False)]
    if side >= 32 and rng.random() < 0.5:
        (x0, y0), (x1, y1) = ends
        mx, my = (x0 + x1) / 2, (y0 + y1) / 2 + rng.choice([-1, 1]) * 0.8 * L
        cord = [(x0 + (mx - x0) * t * 2, y0 + (my - y0) * np.sin(t * np.pi)) for t in np.linspace(0, 0.5, 8)]
        cord += [(mx + (x1 - mx) * t * 2, my + (y1 - my) * (1 - np.cos(t * np.pi))) for t in np.linspace(0, 0.5, 8)]
        parts.append((fr.line([cord], max(0.7, 0.01 * side)) * (1 - body), (40, 90, 200), 1.0, True))
    return _u8(_laid(f, parts, 0.3))


CHERRIES = ((204, 22, 34), (128, 10, 26), (62, 8, 20))


def _cherries(f: np.ndarray, rng) -> np.ndarray:
    """A pair of cherries lying on the print: two glossy discs 12-16% of the side across, at least 4.5 px, side by
    side 0.9-1.3 of that apart, bright red 204 / 22 / 34, dark red 128 / 10 / 26 or nearly black 62 / 8 / 20, a
    darker side away from the light (25% at 50%); a white highlight 22% of each across at 70%; their green-brown
    stalks, 1.2% of the side thick, at least 0.6 px, joined 25-32% of the side above them; at any angle, their
    middle 30-70% of the way across and down, a soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    r = max(2.25, side * rng.uniform(0.12, 0.16) / 2)
    col = _pick(CHERRIES, rng)
    fr = _frame_at(h, w, rng)
    gap = 2 * r * rng.uniform(0.9, 1.3)
    top = (rng.uniform(-0.2, 0.2) * r, -side * rng.uniform(0.25, 0.32))
    discs, shades, lights, stalks = [], [], [], []
    for s in (-0.5, 0.5):
        x, y = s * gap, rng.uniform(-0.2, 0.2) * r
        discs.append(_circle(r, 24, x, y))
        shades.append((x, y))
        lights.append(_circle(0.22 * r, 10, x - 0.4 * r, y - 0.4 * r))
        stalks.append([(x, y - 0.8 * r), (x * 0.6 + top[0] * 0.4, (y - r + top[1]) / 2 - 0.1 * r), top])
    body = fr.fill(discs)
    dark = fr.fill(discs, holes=[_circle(0.9 * r, 24, x - 0.2 * r, y - 0.2 * r) for x, y in shades]) * body
    parts = [(fr.line(stalks, max(0.6, 0.012 * side)), (96, 104, 44), 1.0, True), (body, col, 1.0, True),
             (dark, col * 0.75, 0.5, False), (fr.fill(lights) * body, (255, 250, 250), 0.7, False)]
    return _u8(_laid(f, parts, 0.4))


def _ceiling_tile(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on a fissured mineral-fibre ceiling tile: wormlike fissures 4-7% of the side long, at
    least 3 px, 0.8% of the side wide, at least 0.7 px, one to every 10-14% of the side squared, anywhere, 45%
    darker; pinholes 0.8% of the side across, at least 0.6 px, as many, 35% darker; the tile's off-white 236 / 234 /
    226 at 22-30% over the picture."""
    h, w = f.shape[:2]
    side = min(h, w)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    n = int(h * w / (side * rng.uniform(0.1, 0.14)) ** 2) + 4
    cracks = [_wiggle(rng.uniform(0, w), rng.uniform(0, h), max(3.0, side * rng.uniform(0.04, 0.07)), 5, rng)
              for _ in range(n)]
    fis = ident.line(cracks, max(0.7, 0.008 * side))
    holes = ident.fill([_circle(max(0.6, 0.008 * side) / 2 + 0.3, 8, rng.uniform(0, w), rng.uniform(0, h))
                        for _ in range(n)])
    k = rng.uniform(0.22, 0.3)
    out = f * (1 - k) + k * np.array([236, 234, 226], np.float32)
    return _u8(out * (1 - 0.45 * fis - 0.35 * holes * (1 - fis))[..., None])


def _birch_bark(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on birch bark: the bark's white 238 / 236 / 228 at 28-36% over the picture; dark
    horizontal lenticels 60 / 56 / 52 (dashes 3-9% of the side long, at least 2 px, 0.6-1.2% of the side thick, at
    least 0.6 px, within 6 degrees of the horizontal, one to every 12-16% of the side squared) at 70-85%; 2-4 black
    patches 34 / 30 / 28 (rough blobs 6-12% of the side across) at 60-80%, anywhere."""
    h, w = f.shape[:2]
    side = min(h, w)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    k = rng.uniform(0.28, 0.36)
    out = f * (1 - k) + k * np.array([238, 236, 228], np.float32)
    n = int(h * w / (side * rng.uniform(0.12, 0.16)) ** 2) + 4
    for _ in range(n):
        L = max(2.0, side * rng.uniform(0.03, 0.09))
        t = max(0.6, side * rng.uniform(0.006, 0.012))
        x, y = rng.uniform(0, w), rng.uniform(0, h)
        a = np.deg2rad(rng.uniform(-6, 6))
        dash = ident.fill([_ellipse(x, y, L / 2, t / 2, a, 12)])
        out = _paint(out, dash * rng.uniform(0.7, 0.85), (60, 56, 52))
    for _ in range(int(rng.integers(2, 5))):
        x, y, r = rng.uniform(0, w), rng.uniform(0, h), side * rng.uniform(0.06, 0.12) / 2
        m = 10
        blob = [(x + r * rng.uniform(0.6, 1.2) * np.cos(t), y + 0.7 * r * rng.uniform(0.6, 1.2) * np.sin(t))
                for t in np.linspace(0, 2 * np.pi, m, endpoint=False)]
        out = _paint(out, ident.fill([blob]) * rng.uniform(0.6, 0.8), (34, 30, 28))
    return _u8(out)


KRAFT = np.array([184, 140, 92], np.float32)


def _paper_bag(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on a brown paper bag: the ink multiplied onto kraft paper 184 / 140 / 92 (the picture's
    whites turned brown), 55-70% of the way from the picture; darker fibres (short lines 2-5% of the side long, at
    least 1.5 px, at any angle, one to every 8-11% of the side squared) 18% darker at 60%; the bag's glued seam a
    band 8-12% of the side wide, 10-30% of the way in from the left or right edge, 12% darker, its edge a line 25%
    darker."""
    h, w = f.shape[:2]
    side = min(h, w)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    k = rng.uniform(0.55, 0.7)
    out = f * (1 - k) + k * f * KRAFT / 255
    n = int(h * w / (side * rng.uniform(0.08, 0.11)) ** 2) + 4
    fib = []
    for _ in range(n):
        x, y, L, a = rng.uniform(0, w), rng.uniform(0, h), max(1.5, side * rng.uniform(0.02, 0.05)), rng.uniform(0, np.pi)
        fib.append([(x, y), (x + L * np.cos(a), y + L * np.sin(a))])
    fibres = ident.line(fib, max(0.5, 0.005 * side))
    bw = side * rng.uniform(0.08, 0.12)
    x0 = w * rng.uniform(0.1, 0.3)
    if rng.random() < 0.5:
        x0 = w - x0 - bw
    seam = ident.fill([_rect(x0, -1.0, x0 + bw, h + 1.0)])
    edge = ident.line([[(x0, -1.0), (x0, h + 1.0)]], max(0.6, 0.006 * side))
    return _u8(out * (1 - 0.18 * 0.6 * fibres - 0.12 * seam - 0.25 * edge)[..., None])


def near_edit_aw(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "pomegranate_arils":  # pomegranate arils lying on the print
        return _pomegranate_arils(f, rng)
    if kind == "bulldog_clip":  # a black bulldog clip lying on the print
        return _bulldog_clip(f, rng)
    if kind == "ginkgo_leaf":  # a ginkgo leaf lying on the print
        return _ginkgo_leaf(f, rng)
    if kind == "earplugs":  # two foam earplugs lying on the print
        return _earplugs(f, rng)
    if kind == "cherries":  # a pair of cherries lying on the print
        return _cherries(f, rng)
    if kind == "ceiling_tile":  # the picture printed on a fissured ceiling tile
        return _ceiling_tile(f, rng)
    if kind == "birch_bark":  # the picture printed on birch bark
        return _birch_bark(f, rng)
    if kind == "paper_bag":  # the picture printed on a brown paper bag
        return _paper_bag(f, rng)
    raise ValueError(kind)


# -- blurs -----------------------------------------------------------------------------------
GLASS = np.array([200, 228, 216], np.float32)


def _glass_bricks(f: np.ndarray, rng) -> np.ndarray:
    """The picture seen through a wall of glass bricks, as a photograph of a print propped behind it shows it: the
    bricks 30-42% of the side across (the grid at a random offset), each brick's pressed face magnifying its own
    view by 6-12% towards its middle and rippling it by 1% of the side (waves 8-12% of the side long); the glass
    spreading the light: a Gaussian of 1.5-2.3% of the side, at least 1 px, for 60% of it and one 3 times as wide for
    25%, the rest the glass's pale sea green 200 / 228 / 216; grey mortar joints 150 / 150 / 146, 1.5-2% of the side
    wide, at least 0.8 px, at 80%, between the bricks; as a camera metering on the highlights exposes it."""
    from scipy.ndimage import gaussian_filter, map_coordinates

    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    b = side * rng.uniform(0.3, 0.42)
    ox, oy = rng.uniform(0, b), rng.uniform(0, b)
    cx = (np.floor((xx + ox) / b) + 0.5) * b - ox
    cy = (np.floor((yy + oy) / b) + 0.5) * b - oy
    m = rng.uniform(0.06, 0.12)
    amp, lam = 0.01 * side, side * rng.uniform(0.08, 0.12)
    sx = cx + (xx - cx) * (1 - m) + amp * np.sin(2 * np.pi * yy / lam) - 0.5
    sy = cy + (yy - cy) * (1 - m) + amp * np.sin(2 * np.pi * xx / lam) - 0.5
    moved = np.stack([map_coordinates(f[..., c], [sy, sx], order=1, mode="reflect") for c in range(3)], axis=2)
    s = max(1.0, side * rng.uniform(0.015, 0.023))
    soft = np.stack([0.6 / 0.85 * gaussian_filter(moved[..., c], s, mode="reflect") +
                     0.25 / 0.85 * gaussian_filter(moved[..., c], 3 * s, mode="reflect") for c in range(3)], axis=2)
    out = soft * 0.85 + 0.15 * GLASS
    half = max(0.8, side * rng.uniform(0.015, 0.02)) / 2
    dx = np.abs((xx + ox) / b - np.round((xx + ox) / b)) * b
    dy = np.abs((yy + oy) / b - np.round((yy + oy) / b)) * b
    joint = np.clip(half + 0.5 - np.minimum(dx, dy), 0, 1)
    return _u8(_metered(_paint(out, joint * 0.8, (150, 150, 146)), f))


def _rear_projection(f: np.ndarray, rng) -> np.ndarray:
    """The picture shown on a rear-projection television and photographed from the front: three tubes' images
    projected on the back of a diffusing screen, the screen and the lenses spreading the light: a Gaussian of
    1.6-2.4% of the side, at least 1 px, for 65% of it and one 2.5 times as wide for 25%, the rest the screen's grey
    40 / 40 / 44; the red and the blue images misconverged, each moved 0.4-0.8% of the side, at least 0.3 px, in
    opposite directions (any); a hot spot, the light falling to 70-80% in the corners (``1 - k (r / R) ** 2``, ``R``
    half the diagonal); as a camera metering on the highlights exposes it."""
    from scipy.ndimage import gaussian_filter, shift

    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    d = max(0.3, side * rng.uniform(0.004, 0.008))
    a = rng.uniform(0, 2 * np.pi)
    moves = ((d * np.sin(a), d * np.cos(a)), (0.0, 0.0), (-d * np.sin(a), -d * np.cos(a)))
    s = max(1.0, side * rng.uniform(0.016, 0.024))
    soft = []
    for c, mv in enumerate(moves):
        ch = shift(f[..., c], mv, order=1, mode="nearest")
        soft.append(0.65 / 0.9 * gaussian_filter(ch, s, mode="reflect") +
                    0.25 / 0.9 * gaussian_filter(ch, 2.5 * s, mode="reflect"))
    out = np.stack(soft, axis=2) * 0.9 + 0.1 * np.array([40, 40, 44], np.float32)
    r = np.hypot(xx - w / 2, yy - h / 2) / (0.5 * np.hypot(w, h))
    out = out * (1 - rng.uniform(0.2, 0.3) * r ** 2)[..., None]
    return _u8(_metered(out, f))


def blur_aw(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "glass_bricks":  # through a wall of glass bricks
        return _glass_bricks(f, rng)
    if kind == "rear_projection":  # on a rear-projection television
        return _rear_projection(f, rng)
    raise ValueError(kind)


# -- darkening -------------------------------------------------------------------------------
FOUNTAIN_LIGHTS = ((0.55, 0.75, 1.0), (1.0, 0.45, 0.9), (0.4, 1.0, 0.85))


def _lit_fountain(f: np.ndarray, rng) -> np.ndarray:
    """A park at night lit only by an illuminated fountain in the picture: a dark stone basin 44 / 42 / 40 along the
    bottom, 50-80% of the side wide, 10-14% high, its middle 30-70% across; from its middle a jet of water rising
    40-65% of the picture's height (a column 4-7% of the side wide at its foot, widening to a plume 2.5 times as wide
    at its top), lit from below in cool blue 0.55 / 0.75 / 1.0, magenta 1.0 / 0.45 / 0.9 or turquoise 0.4 / 1.0 /
    0.85, drawn at 70-85% in that colour at 235 levels, brightest at its foot; from 32 px 20-50 lit droplets round
    the plume; a glow of sigma 4-6% of the side round the jet up to 30-45 levels; the picture lit in the light's
    colour at a gain of 0.015-0.03 plus 0.28-0.36 falling off as ``1 / (1 + (d / d0) ** 2)`` with the distance ``d``
    from the jet, ``d0`` 30-45% of the side; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    light = _pick(FOUNTAIN_LIGHTS, rng)
    jx = w * rng.uniform(0.3, 0.7)
    bh = h * rng.uniform(0.1, 0.14)
    foot = h - bh * 0.6
    top = foot - h * rng.uniform(0.4, 0.65)
    ddx = np.abs(xx - jx)
    ddy = np.clip(np.maximum(top - yy, yy - foot), 0, None)
    d0 = side * rng.uniform(0.3, 0.45)
    gain = rng.uniform(0.015, 0.03) + rng.uniform(0.28, 0.36) / (1 + (np.hypot(ddx, ddy) / d0) ** 2)
    out = _lit(f, gain[..., None] * light, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    jw = max(1.2, side * rng.uniform(0.04, 0.07)) / 2
    jet = ident.fill([[(jx - jw, foot), (jx - 2.5 * jw, top + 2 * jw), (jx, top), (jx + 2.5 * jw, top + 2 * jw),
                       (jx + jw, foot)]])
    drops = np.zeros((h, w), np.float32)
    if side >= 32:
        dr = max(0.5, 0.006 * side)
        pts = [_circle(dr, 6, jx + rng.normal(0, 3 * jw), top + 2 * jw + abs(rng.normal(0, 0.15 * h)))
               for _ in range(int(rng.integers(20, 51)))]
        drops = ident.fill(pts)
    lit = np.maximum(jet * rng.uniform(0.7, 0.85) * (0.75 + 0.25 * np.clip((yy - top) / max(foot - top, 1), 0, 1)),
                     drops * 0.8)
    out = out + _glow(jet, max(0.8, side * rng.uniform(0.04, 0.06)))[..., None] * rng.uniform(30, 45) * light
    out = _paint(out, lit, 235 * light)
    bw = side * rng.uniform(0.5, 0.8)
    basin = ident.fill([_rect(jx - bw / 2, h - bh, jx + bw / 2, h + 1.0)])
    return _u8(_paint(out, basin, (44, 42, 40)))


SWORD_LIGHTS = ((1.0, 0.25, 0.2), (0.3, 0.55, 1.0), (0.35, 1.0, 0.35), (0.7, 0.35, 1.0))


def _light_sword(f: np.ndarray, rng) -> np.ndarray:
    """A bedroom at night lit only by a toy light sword in the picture: a glowing blade 55-75% of the side long,
    2.5-3.5% of the side thick, at least 1 px, within 35 degrees of the horizontal, its middle 55-80% down and
    30-70% across, a white core 250 / 250 / 250 in a red 1.0 / 0.25 / 0.2, blue 0.3 / 0.55 / 1.0, green 0.35 / 1.0
    / 0.35 or violet 0.7 / 0.35 / 1.0 edge; a dark hilt 60 / 60 / 66 18% of the blade long at one end, with a lit
    button from 32 px; a glow of sigma 3-5% of the side round the blade up to 45-65 levels; the picture lit in the
    blade's colour at a gain of 0.015-0.03 plus 0.3-0.38 falling off as ``1 / (1 + (d / d0) ** 2)`` with the
    distance ``d`` from the blade, ``d0`` 25-40% of the side; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    light = _pick(SWORD_LIGHTS, rng)
    L = side * rng.uniform(0.55, 0.75)
    a = np.deg2rad(rng.uniform(-35, 35))
    cx, cy = w * rng.uniform(0.3, 0.7), h * rng.uniform(0.55, 0.8)
    ux, uy = np.cos(a), np.sin(a)
    p0 = np.array([cx - 0.5 * L * ux, cy - 0.5 * L * uy])
    t = np.clip(((xx - p0[0]) * ux + (yy - p0[1]) * uy) / L, 0, 1)
    dist = np.hypot(xx - p0[0] - t * L * ux, yy - p0[1] - t * L * uy)
    d0 = side * rng.uniform(0.25, 0.4)
    gain = rng.uniform(0.015, 0.03) + rng.uniform(0.3, 0.38) / (1 + (dist / d0) ** 2)
    out = _lit(f, gain[..., None] * light, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    th = max(1.0, side * rng.uniform(0.025, 0.035))
    seg = [[(float(p0[0]), float(p0[1])), (float(p0[0] + L * ux), float(p0[1] + L * uy))]]
    blade = ident.line(seg, th)
    core = ident.line(seg, max(0.5, 0.45 * th))
    out = out + _glow(blade, max(0.8, side * rng.uniform(0.03, 0.05)))[..., None] * rng.uniform(45, 65) * light
    out = _paint(_paint(out, blade, np.minimum(255, 150 + 105 * light)), core, (250, 250, 250))
    hl = 0.18 * L
    hilt = [[(float(p0[0]), float(p0[1])), (float(p0[0] - hl * ux), float(p0[1] - hl * uy))]]
    out = _paint(out, ident.line(hilt, 1.3 * th), (60, 60, 66))
    if side >= 32:
        bx, by = p0[0] - 0.5 * hl * ux, p0[1] - 0.5 * hl * uy
        out = _paint(out, ident.fill([_circle(max(0.5, 0.35 * th), 8, float(bx), float(by))]), 255 * light)
    return _u8(out)


ATM_LIGHT = np.array([0.8, 0.9, 1.0], np.float32)


def _cash_machine(f: np.ndarray, rng) -> np.ndarray:
    """A street at night lit only by a cash machine set in a wall: its dark fascia 44 / 46 / 52 at the left or right
    edge, 26-34% of the side wide and 40-50% high, its middle 45-60% down; on it a lit screen 150 / 200 / 255 (60% of
    its width, 30% of its height, near its top), a keypad below it (from 32 px a grid of 3 x 4 keys 200 / 210 / 220,
    below that a grey block), a green card slot 60 / 230 / 110 beside it; a canopy strip 240 / 246 / 255 along its
    top; a glow of sigma 4-6% of the side round the lit parts up to 30-45 levels; the picture lit in 0.8 / 0.9 / 1.0
    at a gain of 0.015-0.03 plus 0.28-0.36 falling off as ``1 / (1 + (d / d0) ** 2)`` with the distance ``d`` from
    the fascia, ``d0`` 28-40% of the side; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    fw, fh = side * rng.uniform(0.26, 0.34), side * rng.uniform(0.4, 0.5)
    left = rng.random() < 0.5
    x0, x1 = (0.0, fw) if left else (w - fw, float(w))
    cy = h * rng.uniform(0.45, 0.6)
    y0, y1 = cy - fh / 2, cy + fh / 2
    ddx = np.clip(np.maximum(x0 - xx, xx - x1), 0, None)
    ddy = np.clip(np.maximum(y0 - yy, yy - y1), 0, None)
    d0 = side * rng.uniform(0.28, 0.4)
    gain = rng.uniform(0.015, 0.03) + rng.uniform(0.28, 0.36) / (1 + (np.hypot(ddx, ddy) / d0) ** 2)
    out = _lit(f, gain[..., None] * ATM_LIGHT, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    out = _paint(out, ident.fill([_rect(x0, y0, x1, y1)]), (44, 46, 52))
    sx0 = x0 + 0.2 * fw
    screen = ident.fill([_rect(sx0, y0 + 0.12 * fh, sx0 + 0.6 * fw, y0 + 0.42 * fh)])
    strip = ident.fill([_rect(x0, y0 - 0.06 * fh, x1, y0 - 0.01 * fh)])
    slot = ident.fill([_rect(x0 + 0.62 * fw, y0 + 0.5 * fh, x0 + 0.82 * fw, y0 + 0.56 * fh)])
    lit = np.maximum(np.maximum(screen, strip), slot)
    out = out + _glow(lit, max(0.8, side * rng.uniform(0.04, 0.06)))[..., None] * rng.uniform(30, 45) * ATM_LIGHT
    out = _paint(_paint(_paint(out, screen, (150, 200, 255)), strip, (240, 246, 255)), slot, (60, 230, 110))
    kx0, ky0, kw, kh = x0 + 0.22 * fw, y0 + 0.5 * fh, 0.34 * fw, 0.36 * fh
    if side >= 32:
        keys = [_rect(kx0 + (i + 0.15) * kw / 3, ky0 + (j + 0.15) * kh / 4, kx0 + (i + 0.85) * kw / 3,
                      ky0 + (j + 0.85) * kh / 4) for i in range(3) for j in range(4)]
        out = _paint(out, ident.fill(keys), (200, 210, 220))
    else:
        out = _paint(out, ident.fill([_rect(kx0, ky0, kx0 + kw, ky0 + kh)]), (120, 126, 134))
    return _u8(out)


def dark_aw(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "lit_fountain":  # a park lit only by an illuminated fountain
        return _lit_fountain(f, rng)
    if kind == "light_sword":  # a bedroom lit only by a toy light sword
        return _light_sword(f, rng)
    if kind == "cash_machine":  # a street lit only by a cash machine in a wall
        return _cash_machine(f, rng)
    raise ValueError(kind)


# -- outliers --------------------------------------------------------------------------------
def _observatory(size: int, rng) -> dict:
    """An observatory on a hill at night: the hill from 62-72% of the way down (a wide rounded top); a round drum
    28-38% of the side wide and 14-20% high on it, 35-65% across, a door in it; a dome over the drum as wide, half as
    high as wide, its slit open (a band 14% of its width from the drum to its top) and a telescope's tube pointing
    out of the slit at the sky, 40-70 degrees up; 10-25 stars in the sky (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("hill", "drum", "door", "dome", "slit", "tube", "stars"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    gl = big * rng.uniform(0.62, 0.72)
    d["hill"].ellipse((-0.3 * big, gl, 1.3 * big, gl + big), fill=255)
    d["hill"].rectangle((0, gl + 0.2 * big, big, big), fill=255)
    cx = big * rng.uniform(0.35, 0.65)
    dw = big * rng.uniform(0.28, 0.38) / 2
    dh = big * rng.uniform(0.14, 0.2)
    base = gl + 0.02 * big
    d["drum"].rectangle((cx - dw, base - dh, cx + dw, base + 0.04 * big), fill=255)
    d["door"].rectangle((cx - 0.18 * dw, base - 0.55 * dh, cx + 0.18 * dw, base + 0.04 * big), fill=255)
    top = base - dh
    d["dome"].pieslice((cx - dw, top - dw, cx + dw, top + dw), 180, 360, fill=255)
    sw = 0.14 * dw
    d["slit"].rectangle((cx - sw, top - dw, cx + sw, top), fill=255)
    ang = np.deg2rad(rng.uniform(40, 70)) * (1 if rng.random() < 0.5 else -1)
    tl = dw * rng.uniform(0.9, 1.2)
    sx, sy = cx, top - 0.55 * dw
    d["tube"].line([(sx, sy), (sx + tl * np.cos(ang) * np.sign(ang), sy - tl * np.sin(abs(ang)))], fill=255,
                   width=max(2, round(0.22 * dw)))
    for _ in range(int(rng.integers(10, 26))):
        x, y = big * rng.random(), gl * rng.uniform(0.02, 0.85)
        r = max(1.5, 0.006 * big)
        d["stars"].ellipse((x - r, y - r, x + r, y + r), fill=255)
    out = {k: _down(v, size) for k, v in M.items()}
    cover = np.maximum.reduce([out["dome"], out["drum"], out["tube"], out["hill"]])
    out["stars"] = out["stars"] * (1 - cover)
    out["slit"] = out["slit"] * out["dome"]
    out["door"] = out["door"] * out["drum"]
    return out


def _hammock(size: int, rng) -> dict:
    """A hammock between two trees: grass from 75-85% of the way down; two trunks 6-9% of the side wide, at 8-20%
    and 80-92% across, from the ground up to 12-20% down, each with a crown of 4-6 round clumps 20-28% of the side
    across; a striped hammock slung between them, its ends 42-52% down, sagging 14-22% of the side (a band 8-11% of
    the side deep, 3-4 stripes along it), ropes from its ends to the trunks, a pillow at one end (0-1 coverage
    each)."""
    big = 4 * size
    M = _canvas(("grass", "trunks", "crowns", "hammock", "stripes", "ropes", "pillow"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    gl = big * rng.uniform(0.75, 0.85)
    d["grass"].rectangle((0, gl, big, big), fill=255)
    xs = (big * rng.uniform(0.08, 0.2), big * rng.uniform(0.8, 0.92))
    tw = big * rng.uniform(0.06, 0.09) / 2
    ty = big * rng.uniform(0.12, 0.2)
    for x in xs:
        d["trunks"].polygon([(x - 1.3 * tw, gl + 0.02 * big), (x - tw, ty), (x + tw, ty), (x + 1.3 * tw, gl + 0.02 * big)],
                            fill=255)
        for _ in range(int(rng.integers(4, 7))):
            r = big * rng.uniform(0.2, 0.28) / 2
            cx, cy = x + big * rng.uniform(-0.12, 0.12), ty + big * rng.uniform(-0.12, 0.05)
            d["crowns"].ellipse((cx - r, cy - r, cx + r, cy + r), fill=255)
    ey = big * rng.uniform(0.42, 0.52)
    sag = big * rng.uniform(0.14, 0.22)
    depth = big * rng.uniform(0.08, 0.11)
    a, b = xs[0] + 0.12 * big, xs[1] - 0.12 * big
    ts = np.linspace(0, 1, 24)
    upper = [(a + (b - a) * t, ey + sag * 4 * t * (1 - t)) for t in ts]
    lower = [(a + (b - a) * t, ey + (sag + depth) * 4 * t * (1 - t) + 0.15 * depth) for t in ts[::-1]]
    d["hammock"].polygon(upper + lower, fill=255)
    n = int(rng.integers(3, 5))
    for j in range(n):
        q0, q1 = (2 * j + 0.5) / (2 * n), (2 * j + 1.5) / (2 * n)
        band = [(a + (b - a) * t, ey + (sag + depth * q0) * 4 * t * (1 - t) + 0.15 * depth * q0) for t in ts]
        band += [(a + (b - a) * t, ey + (sag + depth * q1) * 4 * t * (1 - t) + 0.15 * depth * q1) for t in ts[::-1]]
        d["stripes"].polygon(band, fill=255)
    lw = max(2, round(0.01 * big))
    for x, e in ((xs[0], a), (xs[1], b)):
        for dy in (0.0, 0.15 * depth):
            d["ropes"].line([(x, ey - 0.04 * big), (e, ey + dy)], fill=255, width=lw)
    px = a + (b - a) * (0.18 if rng.random() < 0.5 else 0.82)
    py = ey + sag * 4 * 0.18 * 0.82 - 0.03 * big
    d["pillow"].ellipse((px - 0.07 * big, py - 0.035 * big, px + 0.07 * big, py + 0.035 * big), fill=255)
    out = {k: _down(v, size) for k, v in M.items()}
    out["stripes"] = out["stripes"] * out["hammock"]
    return out


def _climbing_frame(size: int, rng) -> dict:
    """A climbing frame in a playground: grass from 70-80% of the way down; a geodesic dome of bars on it, 30-40% of
    the side high, 35-65% across (its outline, 2-3 rings of latitude and 5-7 curved bars from its foot to its top,
    2% of the side thick); a child on its top (a head and a body with arms out); a bush or two at the sides (0-1
    coverage each)."""
    big = 4 * size
    M = _canvas(("grass", "bars", "child", "bushes"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    gl = big * rng.uniform(0.7, 0.8)
    d["grass"].rectangle((0, gl, big, big), fill=255)
    cx = big * rng.uniform(0.35, 0.65)
    R = big * rng.uniform(0.3, 0.4)
    lw = max(2, round(0.02 * big))
    foot = gl + 0.03 * big
    d["bars"].arc((cx - R, foot - R, cx + R, foot + R), 180, 360, fill=255, width=lw)
    d["bars"].line([(cx - R, foot), (cx + R, foot)], fill=255, width=lw)
    for q in np.linspace(0.3, 0.75, int(rng.integers(2, 4))):
        y = foot - q * R
        r = R * np.sqrt(1 - q * q)
        d["bars"].arc((cx - r, y - 0.25 * r, cx + r, y + 0.25 * r), 0, 180, fill=255, width=lw)
    for k in range(int(rng.integers(5, 8))):
        phi = np.pi * (k + 0.5) / 7 + rng.uniform(-0.1, 0.1)
        pts = [(cx + R * np.cos(t) * np.cos(phi), foot - R * np.sin(t) + 0.25 * R * np.cos(t) * np.sin(phi) * 0.3)
               for t in np.linspace(0, np.pi / 2, 10)]
        d["bars"].line(pts, fill=255, width=lw)
    hx, hy = cx + rng.uniform(-0.15, 0.15) * R, foot - R - 0.14 * big
    hr = 0.035 * big
    d["child"].ellipse((hx - hr, hy - hr, hx + hr, hy + hr), fill=255)
    d["child"].rectangle((hx - 0.6 * hr, hy + hr, hx + 0.6 * hr, hy + 3.2 * hr), fill=255)
    d["child"].line([(hx - 2.2 * hr, hy + 1.2 * hr), (hx + 2.2 * hr, hy + 1.2 * hr)], fill=255, width=max(2, round(0.5 * hr)))
    d["child"].line([(hx - 0.4 * hr, hy + 3.2 * hr), (hx - 0.9 * hr, foot - R + 0.01 * big)], fill=255,
                    width=max(2, round(0.5 * hr)))
    d["child"].line([(hx + 0.4 * hr, hy + 3.2 * hr), (hx + 0.9 * hr, foot - R + 0.01 * big)], fill=255,
                    width=max(2, round(0.5 * hr)))
    for _ in range(int(rng.integers(1, 3))):
        bx = big * (rng.uniform(0.0, 0.12) if rng.random() < 0.5 else rng.uniform(0.88, 1.0))
        br = big * rng.uniform(0.06, 0.1)
        d["bushes"].ellipse((bx - br, gl - 0.8 * br, bx + br, gl + 0.8 * br), fill=255)
    return {k: _down(v, size) for k, v in M.items()}


def outlier_aw(name: str, kind: str, size: int, lo: int, hi: int, rng) -> np.ndarray:
    photos = name.startswith("photos")
    ground = lambda col: np.ones((size, size, 3), np.float32) * np.asarray(col, np.float32)  # noqa: E731
    tone = lambda t: [lo + (hi - lo) * t] * 3  # noqa: E731
    if kind == "observatory":
        m = _observatory(size, rng)
        if photos:  # a deep blue night sky, white stars, a green hill, a white dome, a grey drum, a dark slit and tube
            out = _paint(_paint(ground((24, 34, 84)), m["stars"], (250, 250, 236)), m["hill"], (46, 92, 52))
            out = _paint(_paint(out, m["drum"], (176, 178, 184)), m["door"], (90, 64, 44))
            out = _paint(_paint(out, m["dome"], (238, 240, 244)), m["slit"], (20, 22, 30))
            return _u8(_paint(out, m["tube"], (70, 74, 86)))
        out = _paint(_paint(ground(tone(0.0)), m["stars"], tone(0.9)), m["hill"], tone(0.25))
        out = _paint(_paint(out, m["drum"], tone(0.6)), m["door"], tone(0.1))
        out = _paint(_paint(out, m["dome"], tone(1.0)), m["slit"], tone(0.05))
        return _u8(_paint(out, m["tube"], tone(0.75)))
    if kind == "hammock":
        m = _hammock(size, rng)
        if photos:  # a blue sky, green grass, brown trunks, green crowns, a red-and-white hammock, a yellow pillow
            out = _paint(_paint(ground((140, 190, 236)), m["grass"], (80, 150, 60)), m["crowns"], (50, 116, 48))
            out = _paint(_paint(out, m["trunks"], (104, 76, 50)), m["ropes"], (214, 200, 170))
            out = _paint(_paint(out, m["hammock"], (244, 240, 232)), m["stripes"], (200, 40, 44))
            return _u8(_paint(out, m["pillow"], (246, 210, 70)))
        out = _paint(_paint(ground(tone(0.0)), m["grass"], tone(0.2)), m["crowns"], tone(0.35))
        out = _paint(_paint(out, m["trunks"], tone(0.55)), m["ropes"], tone(0.8))
        out = _paint(_paint(out, m["hammock"], tone(1.0)), m["stripes"], tone(0.6))
        return _u8(_paint(out, m["pillow"], tone(0.85)))
    if kind == "climbing_frame":
        m = _climbing_frame(size, rng)
        if photos:  # a pale sky, green grass, dark green bushes, a red dome of bars, a blue-shirted child
            out = _paint(_paint(ground((190, 214, 236)), m["grass"], (86, 160, 64)), m["bushes"], (40, 96, 44))
            return _u8(_paint(_paint(out, m["bars"], (214, 40, 36)), m["child"], (36, 70, 190)))
        out = _paint(_paint(ground(tone(0.0)), m["grass"], tone(0.2)), m["bushes"], tone(0.4))
        return _u8(_paint(_paint(out, m["bars"], tone(1.0)), m["child"], tone(0.7)))
    raise ValueError(kind)


# -- label noise -----------------------------------------------------------------------------
def category_stuffing_flips(base: list[np.ndarray], labels: list, classes: list, candidates: list, count: int,
                            rng) -> dict[int, object]:
    """``count`` examples to flip and their new labels: part of the set came from a second-hand marketplace whose
    sellers chose each listing's category themselves, the site showing every category's buyers per listing. Some
    sellers listed an item under a category with more buyers per listing than their own (category stuffing), and
    the photograph shows the item under the other category. Each class has a demand (log-normal, sigma
    ``DEMAND_SPREAD``, dealt to the classes in a random order) and a supply (its pictures in the set); the stuffers
    come in a random order from the eligible pictures, each choosing a category ``d`` with weight ``r_d / r_own -
    1`` where that is positive (``r`` a category's demand over its current supply; a seller with no better category
    keeps its own), and each stuffed listing moves one listing of supply from its own category to ``d``, so a
    category crowds as it is stuffed. Noise directed by demand and supply, not by look. Every flip changes the
    label."""
    names = sorted(classes, key=str)
    demand = rng.lognormal(0.0, DEMAND_SPREAD, len(names))[rng.permutation(len(names))]
    index = {c: j for j, c in enumerate(names)}
    supply = np.zeros(len(names))
    for v in labels:
        supply[index[v]] += 1
    supply = np.maximum(supply, 1.0)
    order = rng.permutation(np.asarray(sorted(int(v) for v in candidates), dtype=int))
    flips: dict[int, object] = {}
    for i in order:
        if len(flips) >= count:
            break
        own = index[labels[int(i)]]
        ratio = demand / supply
        weight = np.clip(ratio / ratio[own] - 1, 0, None)
        weight[own] = 0.0
        if weight.sum() <= 0:
            continue
        d = int(rng.choice(len(names), p=weight / weight.sum()))
        flips[int(i)] = names[d]
        supply[own] = max(supply[own] - 1, 1.0)
        supply[d] += 1
    return dict(sorted(flips.items()))


# -- planting ------------------------------------------------------------------------------
def plant_issues_aw(images, labels, out_dir, *, name: str, random_state: int = 0) -> PlantedDataset:
    """Generator AW's problems (module docstring). A set whose name ends in ``_jpeg`` is written as JPEG files at a
    quality drawn from 53-75 each; the others as PNG. The planting is I's (:func:`_heldout_i.plant_generator`)."""
    return plant_generator(
        images, labels, out_dir, name=name, rates=RATES_AW, seed=490_000 + random_state,
        quality_seed=495_000 + random_state, jpeg_quality=JPEG_QUALITY,
        flips=category_stuffing_flips,
        **by_family(name, outlier=(outlier_aw, OUTLIERS_AW), blur=(blur_aw, BLURS_AW), dark=(dark_aw, DARKS_AW),
                    near=(near_edit_aw, NEAR_EDITS_AW)))
