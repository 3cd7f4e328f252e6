"""Generator BA: fresh EVALUATION sets after generator AZ's run (never used to choose anything).

Why a fifty-first evaluation generator: generator AZ's sets were written before its run and have been run once since, so
a held-out set for the code after that run is written now, before any tool is run on it. The commit subjects since AZ's
generator commit (3c07d12) name these changes: generator AZ written ahead, not yet run (docs); generator AZ's one run
written up (docs, 2e354df, committed while BA was being written, after its families were chosen: only its subject was
seen, and nothing in BA was chosen or changed from it); the gradient magnitude and grey range made once per batch for
both the peak gradient and the typical sharpness, its statistics bit for bit equal (a review, no change of behaviour);
and ``near_duplicate``'s new layout rule, a ratio test on the 16 x 16 grey pictures less their mean, its threshold
learnt on the copies the other rules leave, on images of at most 32 px a side (for a picture printed on a textured
ground, whose grain the embedding sees). BA's writer read no docs, logs, result files or commit bodies (only the commit
subjects, the library's code and the earlier generators' and tuning tools' files, to copy their structure and to avoid
their families), and nothing in BA was chosen from any result. Like AN's to AZ's, BA's edits are not all brightly
coloured: some are grey, dark, brown or translucent. Generator BA was written before any tool was run on it (only its
pictures were looked at, on contact sheets of its edits, blurs, darkenings and foreign pictures at 28, 67 and 324 px, to
check that every edit is visible, every blur blurred, every darkened image dark with its picture still in it and every
outlier foreign, and the planted folders hashed twice); it is not to be changed after its results are seen. Its edits,
blurs, darkenings, foreign pictures and label noise are of families that no tuning tool (``blur_tuning.py``'s lens
blurs: Gaussian, soft disk, astigmatic elongated Gaussian, ring; ``_foreign.py``'s textures, icons and soft photographs;
``near_photos.py``'s and ``near_small.py``'s edits; ``label_filters.py``'s and ``label_noise_models.py``'s flips), no
earlier generator (A = ``dq.datasets.plant_issues``, B, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T, U, V, W, X,
Y, Z, AA, AB, AC, AD, AE, AF, AG, AH, AI, AJ, AK, AL, AM, AN, AO, AP, AQ, AR, AS, AT, AU, AV, AW, AX, AY, AZ) and none
of the library's calibration copies (``dataquality/compute/_synthetic.py``: crop, shift, rotate, brightness, contrast,
gamma, JPEG, resize, overlay box; Gaussian, box, motion, down-and-up blurs) make. Like AC's to AZ's it has two blur
families, not three. Left out because an earlier generator made them or left them out: among objects on the print a
bottle cap, a crown cap, a tealight, a silica gel sachet or a macaron (their lists, AY's, AX's: BA's coffee pod is a
domed aluminium capsule with its flange), any shell, a clam or a scallop (their lists, AE's, AO's: BA's mussel is a
blue-black shell with its pearly lip), apricots, cherries, a lychee, a physalis, a clementine, a peach stone or a walnut
(AV's, AW's, AY's, AZ's, AX's and their lists: BA's dried fig is a squashed wrinkled fruit with its sugar bloom), a
syringe, a thermometer, a drinking straw or a test strip (AG's, AL's, AF's: BA's eye dropper is a glass tube with a
rubber bulb, translucent), chickpeas, kidney beans, coffee beans, blueberries or cloves (AU's, AT's, X's, AV's: BA's
lentils are a little heap of small discs); of the whole picture a tread plate, rusted steel, concrete, a ceiling tile or
sandstone (AU's, AX's, AY's, AW's: BA's zinc spangle is a galvanised sheet's crystal grains), granite, marble or
terrazzo (their lists, AS's: BA's marbled paper is bookbinders' floated colours combed into bands), tatami, hessian,
corduroy, papyrus, woven ikat or any cloth (AZ's, AT's, AR's, AU's, AG's: BA's coir mat is a doormat's tufted coconut
fibre, not woven); among blurs tracing paper, polythene, cellophane, a strip curtain or frosted, steamed, salt-crusted
or limescaled glass (their lists, AT's, AC's, I's, K's, AE's, AZ's: BA's baking mat is a translucent silicone sheet with
a glass-fibre mesh laid on the print), a screen protector's air bubble, a privacy filter or a rear-projection screen
(V's list, Z's, AW's: BA's matte protector is an anti-glare film's micro-texture scattering a phone screen's light);
among darkenings a plasma ball, a lightning strike, a light sword or a laser cutter (W's, Q's, AW's, AY's: BA's Tesla
coil throws violet sparks from its toroid), a kiln's spy hole, a forge, a fireplace, a campfire, a bonfire, a stove's
mica window or a pilot flame (their lists, AV's, AS's: BA's glory hole is a glassblower's furnace's round mouth with a
gather on a blowpipe), a traffic signal, boat sidelights or a dashboard (AD's, AP's, AK's: BA's binnacle is a yacht's
compass lit red under its dome); among foreign pictures an excavator, a tractor, a combine harvester or a pump jack
(their lists, AT's, AS's: BA's forklift lifts a pallet in a warehouse aisle), a camel, a kangaroo, an ostrich or sheep
(AD's, AU's, AV's, AX's: BA's llama stands in a mountain pasture), a narrowboat, a marina, a kayak or a sailboat (AO's,
AI's, AX's, Q's: BA's paddle steamer has its wheel in a box amidships); among label noise every mechanism AZ named and
AZ's label rolls (dictation, OCR, bags, hotkeys, quotas, a checkweigher, positions, clocks, a returns desk's prices, a
marketplace's category stuffing, recycled product codes, memory cards, a packing bench's label rolls).

* ``near_duplicate`` (3%), five edits in a part of the picture and three of the whole, in turn (so that the 324 px
  set's copies get both kinds): a coffee pod lying on the print (a domed capsule 18-24% of the side across, at
  least 7 px, gold, red, black, silver-blue or purple aluminium, a flat flange 20% lighter, from 32 px 6-10
  pressed ribs on the dome, a highlight at 55%; 30-70% of the way across and down, seen at a slant, a soft shadow
  at 35%), a mussel (a teardrop shell 20-26% of the side long, at least 8 px, blue-black or dark brown, a pearly
  blue-violet lip at 80%, from 32 px 3-5 growth lines; at any angle, the same place, a shadow at 40%), a dried fig
  (a squashed round 15-20% of the side across, at least 7 px, brown or purple-brown, 3-6 wrinkles 25% darker, a
  pale stalk, from 32 px a whitish sugar bloom at 25%; the same place, a shadow at 35%), a glass eye dropper (a
  tube 26-34% of the side long, at least 10 px, clear glass 228 / 232 / 234 at 40-50% with darker edges, a tapered
  tip, a red, black or grey rubber bulb, an amber liquid with chance 0.5; at any angle, the same place, a shadow at
  25%) and a heap of lentils (8-14 discs 4-5.5% of the side across, at least 2 px, red, green-brown or black, within
  10-14% of the side; the same place, a shadow at 35%); of the whole picture: the picture printed on marbled paper
  (the ink multiplied onto bands of 3-4 floated colours, 40-52% of the way, combed and swirled by a smooth
  displacement 8-14% of the side), printed on a coir doormat (the ink multiplied onto coconut fibre's brown, 45-58%
  of the way, tufts in rows every 2.2-3.2% of the side, at least 2 px, short bristles at every angle, a black rubber
  edge 4-6% of the side wide along one side) and printed on galvanised steel (the ink multiplied onto zinc grey,
  40-52% of the way, the zinc's spangle of crystal grains 7-13% of the side across, at least 3 px, each its own
  brightness 18% up or down and its own feathered grain);
* ``exact_duplicate`` (1%): byte-for-byte copies of a file under another name;
* ``blurry`` (3%): the picture under a translucent silicone baking mat laid on the print (a Gaussian of 1.6-2.4% of
  the side, at least 1 px, for 70% of the picture and one 3 times as wide for 20%, the mat's cream or pale orange at
  10%; a veil of 6-10% of its colour; its glass-fibre mesh every 0.9-1.3% of the side, at least 1.5 px, 7% darker;
  its solid rim 4-6% of the side wide along one or two edges at 80%) and the picture shown on a phone behind a matte
  anti-glare screen protector (a Gaussian of 1.5-2.3% of the side, at least 1 px, for 65% and one 4 times as wide
  for 25%, the screen's mean at 10%; the film's sparkle, a fine grain 5-8% up and down; a lifted patch of the film
  26-40% of the side across where the wide Gaussian is 45% more); each as a camera metering on the highlights
  exposes it (as Y's to AZ's);
* ``dark`` (2%): a workshop at night lit only by a Tesla coil (a copper-wound column 30-42% of the height high at
  the bottom, its middle 25-75% across, a grey toroid on top; 3-6 jagged violet-white sparks 15-30% of the side long
  from it with a glow of sigma 4-7% of the side up to 40-55 levels; the picture lit violet at 0.26-0.34 falling off
  as ``1 / (1 + (d / d0) ** 2)`` with the distance from the toroid, ``d0`` 25-35% of the side, over 0.015-0.03), a
  glassblowing studio at night lit only by a furnace's glory hole (a dark furnace face 22-30% of the side wide at one
  side, its round mouth 13-19% of the side across glowing orange round a yellow-white core, a glow of sigma 6-9% up
  to 45-60 levels, with chance 0.5 a blowpipe into it; the picture lit orange at 0.26-0.34 falling off as above,
  ``d0`` 25-35% of the side, over 0.015-0.03) and a yacht's cockpit at night lit only by its compass binnacle (a
  dark pedestal at the bottom, a glass dome 14-19% of the side across, the compass card glowing red inside, a lubber
  line; a glow of sigma 3-5% up to 35-50 levels; the picture lit red at 0.26-0.34 falling off as above, ``d0``
  20-30% of the side, over 0.015-0.03); none of them blurs the picture;
* ``outlier`` (1.5%): a forklift in a warehouse aisle (racking with beams and boxes behind, a concrete floor, the
  truck's body and counterweight, an overhead guard, a driver, a mast with forks and a pallet of boxes, wheels), a
  llama in a mountain pasture (mountains on the horizon, grass, a woolly body on four legs, a long neck, a head with
  banana ears, a tail) and a paddle steamer on a river (a far bank, water with a wake, a hull, a paddle box
  amidships with its spokes, a deckhouse with windows, a tall funnel with a band); the digit and clothing sets get
  them in their own tones on their dark ground, the photographs as a yellow or orange forklift before blue and
  orange racking, a white, brown or black llama on green grass under a blue sky and a white and black steamer with a
  red paddle box and a red-banded funnel on a brown-green river;
* ``label`` (5%): *mistranslated class list* flips: the labelling was split between language teams (3-5,
  ``TEAMS``), each working from the class list translated into its language; in the translation of one team (at
  random) two neighbouring lines of the list were swapped (``SWAPPED_PAIRS``: 1-2 such pairs a team, taken in a
  random order until the flips are made), so that team's labellers, picking the right-looking name, saved each
  item of one of the two classes under the other's. Each eligible item went to a team at random; the flips are a
  team's items of a swapped pair's two classes, each given the other class of its pair. Noise confined to one
  team's share of the data and to pairs of classes neighbouring in the list, in both directions, not by look: not
  AZ's label rolls, AY's memory cards or the hotkeys, shortcuts or transposed sheets of earlier generators. Every
  flip changes the label, so every one is in the truth.

Each planted defect has its own source image; nothing else is planted, so only these six issue types are scored on
BA's sets. Base data are the evaluation domains drawn with seeds no other set uses: Fashion-MNIST *test* (2,000, seed
337), MNIST (2,000, seed 338), and the evaluation photographs tiled at 67 px (24 tiles a photograph at most, seed
339) and at 324 px (every tile, seed 340), sizes no other set uses. ``photos67_ba_jpeg`` is written as JPEG files,
each at a quality drawn from 49-71 (a stream of its own, seed ``535_000 + random_state``), every edit, blur and
darkening made before the encoding, near copies made from the decoded JPEG and saved again at their own quality,
exact copies byte copies of the file; the other sets are PNG files. Planting draws from seed ``530_000 +
random_state``. The planting is I's (:func:`_heldout_i.plant_generator`, as for J to AZ).
"""


from __future__ import annotations

import numpy as np
from _heldout_aa import _frame_at, _rect
from _heldout_ab import _pick
from _heldout_ae import _lit
from _heldout_af import _glow
from _heldout_au import _circle
from _heldout_ay import _field, _rounded
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

EVALUATION_BA = ("fashion_test_ba", "mnist_ba", "photos67_ba_jpeg", "photos324_ba")
# each set's base: (data, seed) or ("photos", seed, tile size, tiles per photograph quick, full)
BASES_BA = {
    "fashion_test_ba": ("fashion_test", 337),
    "mnist_ba": ("mnist", 338),
    "photos67_ba_jpeg": ("photos", 339, 67, 8, 24),
    "photos324_ba": ("photos", 340, 324, 8, 1000),
}
JPEG_QUALITY = (49, 72)  # the JPEG set's qualities: integers in [low, high)
RATES_BA = {"near_duplicate": 0.03, "exact_duplicate": 0.01, "blurry": 0.03, "dark": 0.02, "outlier": 0.015,
            "label": 0.05}
# parts of the picture and the whole picture in turn, so that the smallest set gets both kinds
NEAR_EDITS_BA = ("coffee_pod", "marbled_paper", "mussel", "coir_mat", "dried_fig", "zinc_spangle", "eye_dropper",
                 "lentils")
BLURS_BA = ("baking_mat", "matte_protector")
DARKS_BA = ("tesla_coil", "glory_hole", "binnacle")
OUTLIERS_BA = ("forklift", "llama", "paddle_steamer")
TEAMS = (3, 6)  # the labelling's language teams: integers in [low, high) (label noise)
SWAPPED_PAIRS = (1, 3)  # neighbouring lines swapped in a team's translated class list: [low, high) (label noise)


def load_base_ba(name: str, quick: bool = False):
    import _heldout

    return _heldout.load_generator_base(name, quick, BASES_BA, "BA")


# -- near copies -----------------------------------------------------------------------------
PODS = ((206, 170, 80), (178, 40, 52), (40, 40, 44), (124, 144, 184), (110, 56, 130))


def _coffee_pod(f: np.ndarray, rng) -> np.ndarray:
    """A coffee pod lying on the print, seen at a slant: a domed aluminium capsule 18-24% of the side across, at
    least 7 px (an ellipse 75-100% as high as wide), gold 206 / 170 / 80, red 178 / 40 / 52, black 40 / 40 / 44,
    silver-blue 124 / 144 / 184 or purple 110 / 56 / 130; its flat flange round it (the outer 18%) 20% lighter; the
    dome's far side 18% darker; from 32 px 6-10 pressed ribs from the middle outwards, 25% darker; a highlight 255 /
    250 / 240 at 55%; its middle 30-70% of the way across and down, at any angle, a soft shadow at 35%."""
    h, w = f.shape[:2]
    side = min(h, w)
    R = max(3.5, side * rng.uniform(0.09, 0.12))
    q = rng.uniform(0.75, 1.0)
    col = _pick(PODS, rng)
    fr = _frame_at(h, w, rng)
    rim = fr.fill([_ellipse(0.0, 0.0, R, q * R, 0.0, 36)])
    dome = fr.fill([_ellipse(0.0, 0.0, 0.82 * R, q * 0.82 * R, 0.0, 36)])
    far = fr.fill([_ellipse(0.0, 0.0, 0.82 * R, q * 0.82 * R, 0.0, 36)],
                  holes=[_ellipse(-0.14 * R, -0.14 * q * R, 0.8 * R, q * 0.8 * R, 0.0, 36)])
    parts = [(rim, np.minimum(col * 1.2 + 20, 255), 1.0, True), (dome, col, 1.0, True),
             (far * dome, col * 0.82, 1.0, False)]
    if side >= 32:
        n = int(rng.integers(6, 11))
        ribs = [[(0.25 * R * np.cos(a), 0.25 * q * R * np.sin(a)), (0.72 * R * np.cos(a), 0.72 * q * R * np.sin(a))]
                for a in np.linspace(0, 2 * np.pi, n, endpoint=False) + rng.uniform(0, 1)]
        parts.append((fr.line(ribs, max(0.5, 0.035 * R)) * dome, col * 0.75, 1.0, False))
    parts.append((fr.fill([_ellipse(-0.3 * R, -0.3 * q * R, 0.28 * R + 0.3, 0.12 * R + 0.3, -0.6, 14)]),
                  (255, 250, 240), 0.55, False))
    return _u8(_laid(f, parts, 0.35))


MUSSELS = ((34, 38, 52), (52, 44, 40))


def _mussel(f: np.ndarray, rng) -> np.ndarray:
    """A mussel lying on the print: a closed teardrop shell 20-26% of the side long, at least 8 px, 48% of that
    wide at its broad end, blue-black 34 / 38 / 52 or dark brown 52 / 44 / 40, a pearly blue-violet lip 150 / 158 /
    196 along its broad edge at 80%, the hinge at the narrow end; from 32 px 3-5 growth lines across it 30% lighter
    (below them one faint line); a glossy highlight 200 / 210 / 230 at 35%; at any angle, its middle 30-70% of the
    way across and down, a soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(8.0, side * rng.uniform(0.2, 0.26))
    col = _pick(MUSSELS, rng)
    fr = _frame_at(h, w, rng)
    t = np.linspace(0, np.pi, 16)
    # the outline from the hinge (x = -L/2) round the broad end (x = +L/2)
    half = [0.24 * L * np.sin(u) ** 0.8 * (0.55 + 0.45 * (1 - np.cos(u)) / 2) for u in t]
    xs = -0.5 * L + L * (1 - np.cos(t)) / 2
    upper = [(float(x), float(-y)) for x, y in zip(xs, half)]
    lower = [(float(x), float(0.8 * y)) for x, y in zip(xs[::-1], half[::-1])]
    shell = fr.fill([upper + lower])
    lip = fr.fill([upper + lower], holes=[[(x - 0.1 * L, 0.8 * y) for x, y in upper + lower]])
    parts = [(shell, col, 1.0, True), (lip * shell, (150, 158, 196), 0.8, False)]
    k = int(rng.integers(3, 6)) if side >= 32 else 1
    arcs = []
    for i in range(k):
        x = -0.3 * L + 0.65 * L * (i + 1) / (k + 1)
        arcs.append([(x - 0.04 * L * np.cos(v), 0.22 * L * np.sin(v)) for v in np.linspace(-1.3, 1.3, 8)])
    parts.append((fr.line(arcs, max(0.5, 0.012 * L)) * shell, np.minimum(col * 1.3 + 12, 255),
                  1.0 if side >= 32 else 0.5, False))
    parts.append((fr.fill([_ellipse(0.05 * L, -0.1 * L, 0.22 * L + 0.3, 0.04 * L + 0.3, 0.1, 12)]) * shell,
                  (200, 210, 230), 0.35, False))
    return _u8(_laid(f, parts, 0.4))


FIGS = ((120, 84, 54), (84, 56, 60), (142, 104, 66))


def _dried_fig(f: np.ndarray, rng) -> np.ndarray:
    """A dried fig lying on the print: a squashed round 15-20% of the side across, at least 7 px (85-100% as high as
    wide), brown 120 / 84 / 54, purple-brown 84 / 56 / 60 or pale 142 / 104 / 66, shaded 15% darker away from the
    light; 3-6 wrinkles, short curves 25% darker; a pale stalk 190 / 170 / 120 at one side; from 32 px a whitish
    sugar bloom 236 / 228 / 210 at 25% in 3-6 patches; at any angle, its middle 30-70% of the way across and down, a
    soft shadow at 35%."""
    h, w = f.shape[:2]
    side = min(h, w)
    R = max(3.5, side * rng.uniform(0.075, 0.1))
    q = rng.uniform(0.85, 1.0)
    col = _pick(FIGS, rng)
    fr = _frame_at(h, w, rng)
    wob = 1 + 0.08 * np.sin(np.linspace(0, 2 * np.pi, 28, endpoint=False) * 3 + rng.uniform(0, 6))
    body_pts = [(float(R * r * np.cos(a)), float(q * R * r * np.sin(a)))
                for a, r in zip(np.linspace(0, 2 * np.pi, 28, endpoint=False), wob)]
    body = fr.fill([body_pts])
    dark = fr.fill([body_pts], holes=[_ellipse(-0.15 * R, -0.15 * R, 0.9 * R, 0.9 * q * R, 0.0, 28)])
    wr = []
    for _ in range(int(rng.integers(3, 7))):
        a, r0 = rng.uniform(0, 2 * np.pi), rng.uniform(0.1, 0.5) * R
        x0, y0 = r0 * np.cos(a), r0 * np.sin(a)
        b = a + rng.uniform(-0.8, 0.8)
        wr.append([(x0 + s * 0.45 * R * np.cos(b) + 0.08 * R * np.sin(3 * s), y0 + s * 0.45 * R * np.sin(b))
                   for s in np.linspace(0, 1, 6)])
    parts = [(body, col, 1.0, True), (dark * body, col * 0.85, 1.0, False),
             (fr.line(wr, max(0.5, 0.06 * R)) * body, col * 0.75, 1.0, False),
             (fr.fill([_rounded(0.45 * R, 0.22 * R + 0.6, 0.1 * R, -1.05 * R, 0.0)]), (190, 170, 120), 1.0, True)]
    if side >= 32:
        bloom = [_ellipse(float(x), float(y), 0.18 * R, 0.1 * R, rng.uniform(0, 3), 10)
                 for x, y in rng.uniform(-0.6, 0.6, (int(rng.integers(3, 7)), 2)) * R]
        parts.append((fr.fill(bloom) * body, (236, 228, 210), 0.25, False))
    return _u8(_laid(f, parts, 0.35))


BULBS = ((170, 40, 40), (30, 30, 32), (150, 150, 146))


def _eye_dropper(f: np.ndarray, rng) -> np.ndarray:
    """A glass eye dropper lying on the print: a clear glass tube 26-34% of the side long, at least 10 px (the glass
    part 68% of it), 12% of that wide (at least 2 px), tapering over its last 22% to a tip 35% as wide; the glass 228 / 232 / 234 at
    40-50% (the print showing through) with edges 40% darker at 70% and a highlight line at 60%; a rubber bulb at
    the other end, 32% of the length long and 2 times the tube as wide, red 170 / 40 / 40, black 30 / 30 / 32 or grey
    150 / 150 / 146, with a collar; with chance 0.5 an amber liquid 180 / 120 / 40 at 50% in the tube's lower
    30-60%; at any angle, its middle 30-70% of the way across and down, a soft shadow at 25%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(10.0, side * rng.uniform(0.26, 0.34))
    r = max(1.0, 0.06 * L)
    fr = _frame_at(h, w, rng)
    x0, x1, xt = -0.5 * L, 0.18 * L, 0.34 * L  # bulb end, the glass's start, the taper's start
    tube_pts = [(x1, -r), (xt, -r), (0.5 * L, -0.35 * r), (0.5 * L, 0.35 * r), (xt, r), (x1, r)]
    tube = fr.fill([tube_pts])
    edge = fr.line([[(x1, -r), (xt, -r), (0.5 * L, -0.35 * r)], [(x1, r), (xt, r), (0.5 * L, 0.35 * r)]],
                   max(0.5, 0.25 * r))
    bulb_col = _pick(BULBS, rng)
    bulb = fr.fill([_rounded(x1 - x0 - 0.04 * L, 2 * r * 2, 1.9 * r, (x0 + x1) / 2 - 0.02 * L, 0.0)])
    collar = fr.fill([_rect(x1 - 0.06 * L, -1.25 * r, x1, 1.25 * r)])
    glass = np.array([228, 232, 234], np.float32)
    parts = [(tube, glass, rng.uniform(0.4, 0.5), True)]
    if rng.random() < 0.5:
        fill = rng.uniform(0.3, 0.6)
        parts.append((fr.fill([_rect(0.5 * L - fill * (0.5 * L - x1), -0.75 * r, 0.5 * L, 0.75 * r)]) * tube,
                      (180, 120, 40), 0.5, False))
    parts += [(edge, glass * 0.6, 0.7, False),
              (fr.line([[(x1 + 0.03 * L, -0.4 * r), (xt, -0.4 * r)]], max(0.4, 0.2 * r)), (255, 255, 255), 0.6,
               False),
              (bulb, bulb_col, 1.0, True), (collar, bulb_col * 0.8, 1.0, True)]
    return _u8(_laid(f, parts, 0.25))


LENTILS = ((214, 110, 60), (120, 118, 70), (42, 40, 40))


def _lentils(f: np.ndarray, rng) -> np.ndarray:
    """A little heap of lentils on the print: 8-14 discs 4-5.5% of the side across, at least 2 px, seen at a slant
    (60-100% as high as wide, at any angle), red 214 / 110 / 60, green-brown 120 / 118 / 70 or black beluga 42 / 40 /
    40, each its own tone 8% up or down, placed within 10-14% of the side (at least 4 px) round a middle 30-70% of the
    way across and down, later ones on top; a small highlight on each at 35%; a soft shadow at 35%."""
    h, w = f.shape[:2]
    side = min(h, w)
    r = max(1.0, side * rng.uniform(0.02, 0.0275))
    spread = max(4.0, side * rng.uniform(0.1, 0.14))
    col = _pick(LENTILS, rng)
    fr = _frame_at(h, w, rng)
    n = int(rng.integers(8, 15))
    pos = rng.normal(0, 0.45, (n, 2)) * spread
    pos = pos / np.maximum(1.0, np.hypot(pos[:, 0], pos[:, 1]) / spread)[:, None]
    parts = []
    for x, y in pos:
        disc = fr.fill([_ellipse(float(x), float(y), r + 0.2, (r + 0.2) * rng.uniform(0.6, 1.0), rng.uniform(0, 3),
                                 14)])
        parts.append((disc, np.clip(col * rng.uniform(0.92, 1.08), 0, 255), 1.0, True))
        parts.append((fr.line([[(x - 0.25 * r, y - 0.1 * r), (x + 0.25 * r, y - 0.1 * r)]], max(0.4, 0.4 * r)) * disc,
                      np.minimum(col * 1.2 + 40, 255), 0.35, False))
    return _u8(_laid(f, parts, 0.35))


MARBLINGS = (np.array([(190, 70, 60), (40, 70, 140), (222, 190, 120), (238, 232, 214)], np.float32),
             np.array([(60, 110, 90), (200, 160, 80), (120, 50, 70), (230, 226, 210)], np.float32),
             np.array([(70, 90, 160), (150, 170, 210), (220, 200, 150)], np.float32))


def _marbled_paper(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on marbled paper: the ink multiplied onto a bookbinder's marbling, 40-52% of the way from
    the picture: bands of 3-4 floated colours (red, blue, ochre and cream; green, gold, plum and cream; or two blues
    and sand) along a direction at any angle, each band 3-6% of the side wide (at least 1.5 px, its width jittered),
    combed and swirled by a smooth displacement 8-14% of the side (fields of 12-20% of the side) and a comb's
    wave 2-4% of the side every 10-16% of the side: floated colours, not AS's terrazzo or a stone's marble."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    pal = MARBLINGS[int(rng.integers(len(MARBLINGS)))]
    k = rng.uniform(0.4, 0.52)
    a = rng.uniform(0, np.pi)
    amp = side * rng.uniform(0.08, 0.14)
    u = xx * np.cos(a) + yy * np.sin(a) + amp * _field(h, w, side * rng.uniform(0.12, 0.2), rng)
    v = -xx * np.sin(a) + yy * np.cos(a)
    u = u + side * rng.uniform(0.02, 0.04) * np.sin(2 * np.pi * v / (side * rng.uniform(0.1, 0.16)))
    band = max(1.5, side * rng.uniform(0.03, 0.06))
    idx = np.floor(u / band).astype(int)
    idx = idx - idx.min()
    order = rng.integers(0, len(pal), int(idx.max()) + 1)
    tone = pal[order[idx]]
    out = f * (1 - k) + k * f * tone / 255 + k * 0.2 * tone
    return _u8(out)


COIRS = np.array([(168, 120, 70), (150, 104, 60), (182, 140, 88)], np.float32)


def _coir_mat(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on a coir doormat: the ink multiplied onto coconut fibre's brown 168 / 120 / 70, 150 /
    104 / 60 or 182 / 140 / 88, 45-58% of the way from the picture; the tufts in rows, every 2.2-3.2% of the side (at
    least 2 px) both ways, each tuft's middle 12% lighter and the gaps between rows 22% darker; short bristles at
    every angle over it, 1.5-3% of the side long, 0.3% wide (at least 0.5 px), 25% lighter or darker at 40%; a black
    rubber edge 40 / 38 / 36, 4-6% of the side wide, along one side at 85%: a tufted fibre mat, not AZ's woven tatami,
    AT's hessian or any cloth."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    tone = COIRS[int(rng.integers(len(COIRS)))]
    k = rng.uniform(0.45, 0.58)
    out = f * (1 - k) + k * f * tone / 255 + k * 0.2 * tone
    p = max(2.0, side * rng.uniform(0.022, 0.032))
    ox, oy = rng.uniform(0, p, 2)
    cu = np.abs(((xx + ox) / p) % 1 - 0.5) * 2
    cv = np.abs(((yy + oy) / p) % 1 - 0.5) * 2
    tuft = (1 - cu) * (1 - cv)
    mult = 1 + 0.12 * tuft - 0.22 * np.clip(np.maximum(cu, cv) - 0.7, 0, 1) / 0.3
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    n = int(min(4000, max(60, (h * w) / (p * p) * 1.5)))
    light, dark = [], []
    for i in range(n):
        x, y, L, a = rng.uniform(0, w), rng.uniform(0, h), side * rng.uniform(0.015, 0.03), rng.uniform(0, np.pi)
        (light if i % 2 else dark).append([(x, y), (x + L * np.cos(a), y + L * np.sin(a))])
    lw = max(0.5, 0.003 * side)
    mult = mult + 0.4 * 0.25 * (ident.line(light, lw) - ident.line(dark, lw))
    mult = gaussian_filter(mult.astype(np.float32), 0.3)
    out = out * mult[..., None]
    bw = side * rng.uniform(0.04, 0.06)
    edge = int(rng.integers(4))
    m = (xx < bw, xx > w - bw, yy < bw, yy > h - bw)[edge]
    return _u8(_paint(out, 0.85 * m.astype(np.float32), (40, 38, 36)))


def _zinc_spangle(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on a galvanised steel sheet: the ink multiplied onto zinc grey 186 / 190 / 196, 40-52% of
    the way from the picture; the zinc's spangle, crystal grains 7-13% of the side across (at least 3 px; the nearest
    of seeds scattered over the sheet), each grain its own brightness 18% up or down (a metal's facets catching the
    light) and its own feathered grain, fine stripes at its own angle 0.8-1.4% of the side apart (at least 1.2 px)
    5% up and down; the grain boundaries 15% darker: galvanised zinc, not AX's rusted steel or AU's tread plate."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    k = rng.uniform(0.4, 0.52)
    tone = np.array([186, 190, 196], np.float32)
    out = f * (1 - k) + k * f * tone / 255 + k * 0.2 * tone
    cell = max(3.0, side * rng.uniform(0.07, 0.13))
    n = int(np.clip(round(h * w / (cell * cell)), 4, 400))
    sx, sy = rng.uniform(0, w, n), rng.uniform(0, h, n)
    from scipy.spatial import cKDTree

    dist, idx = cKDTree(np.stack([sx, sy], axis=1)).query(np.stack([xx.ravel(), yy.ravel()], axis=1), k=2)
    near = idx[:, 0].reshape(h, w)
    edge = np.clip(1 - (dist[:, 1] - dist[:, 0]).reshape(h, w) / max(0.6, 0.004 * side), 0, 1)
    bright = rng.uniform(-0.18, 0.18, n)[near]
    ang = rng.uniform(0, np.pi, n)[near]
    lam = max(1.2, side * rng.uniform(0.008, 0.014))
    feather = 0.05 * np.cos(2 * np.pi * (xx * np.cos(ang) + yy * np.sin(ang)) / lam)
    mult = (1 + bright + feather) * (1 - 0.15 * edge)
    return _u8(out * mult[..., None])


def near_edit_ba(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "coffee_pod":  # a coffee pod lying on the print
        return _coffee_pod(f, rng)
    if kind == "mussel":  # a mussel lying on the print
        return _mussel(f, rng)
    if kind == "dried_fig":  # a dried fig lying on the print
        return _dried_fig(f, rng)
    if kind == "eye_dropper":  # a glass eye dropper lying on the print
        return _eye_dropper(f, rng)
    if kind == "lentils":  # a little heap of lentils on the print
        return _lentils(f, rng)
    if kind == "marbled_paper":  # the picture printed on marbled paper
        return _marbled_paper(f, rng)
    if kind == "coir_mat":  # the picture printed on a coir doormat
        return _coir_mat(f, rng)
    if kind == "zinc_spangle":  # the picture printed on galvanised steel
        return _zinc_spangle(f, rng)
    raise ValueError(kind)


# -- blurs -----------------------------------------------------------------------------------
MATS = (np.array([236, 230, 214], np.float32), np.array([236, 196, 170], np.float32))


def _baking_mat(f: np.ndarray, rng) -> np.ndarray:
    """The picture under a translucent silicone baking mat laid on the print and photographed through it: the
    silicone and its glass-fibre mesh scatter the light, a Gaussian of 1.6-2.4% of the side, at least 1 px, for 70%
    of the picture and one 3 times as wide for 20%, the rest the mat's cream 236 / 230 / 214 or pale orange 236 /
    196 / 170; a veil of 6-10% of that colour; the mesh, a grid every 0.9-1.3% of the side (at least 1.5 px), 7%
    darker; the mat's solid rim, 4-6% of the side wide along one or two edges, its colour at 80%; as a camera
    metering on the highlights exposes it: a translucent sheet lying on the print, not tracing paper, polythene or
    frosted glass."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    col = MATS[int(rng.integers(len(MATS)))]
    s = max(1.0, side * rng.uniform(0.016, 0.024))
    soft = np.stack([0.7 / 0.9 * gaussian_filter(f[..., c], s, mode="reflect") +
                     0.2 / 0.9 * gaussian_filter(f[..., c], 3 * s, mode="reflect") for c in range(3)], axis=2)
    out = soft * 0.9 + 0.1 * col
    veil = rng.uniform(0.06, 0.1)
    out = out * (1 - veil) + veil * col
    p = max(1.5, side * rng.uniform(0.009, 0.013))
    a = rng.uniform(-0.2, 0.2)
    u = (xx * np.cos(a) + yy * np.sin(a)) / p
    v = (-xx * np.sin(a) + yy * np.cos(a)) / p
    mesh = np.maximum(np.clip(1 - np.abs(u % 1 - 0.5) * 4, 0, 1), np.clip(1 - np.abs(v % 1 - 0.5) * 4, 0, 1))
    out = out * (1 - 0.07 * mesh)[..., None]
    bw = side * rng.uniform(0.04, 0.06)
    edges = rng.permutation(4)[: int(rng.integers(1, 3))]
    rim = np.zeros((h, w), bool)
    for e in edges:
        rim |= (xx < bw, xx > w - bw, yy < bw, yy > h - bw)[int(e)]
    out = _paint(out, 0.8 * rim.astype(np.float32), col * 0.97)
    return _u8(_metered(out, f))


def _matte_protector(f: np.ndarray, rng) -> np.ndarray:
    """The picture shown on a phone's screen behind a matte anti-glare screen protector and photographed: the film's
    micro-texture scatters the screen's light, a Gaussian of 1.5-2.3% of the side, at least 1 px, for 65% of it and
    one 4 times as wide for 25%, the rest the screen's mean colour; the film's sparkle, a fine grain (sigma 0.5 px)
    5-8% up and down; a patch where the film has lifted off the glass, 26-40% of the side across (a soft-edged
    blob), where the wide Gaussian has 45% more of the picture; as a camera metering on the highlights exposes it: a
    diffusing film on a screen, not V's screen protector's air bubble, Z's privacy filter or AW's rear projection."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    s = max(1.0, side * rng.uniform(0.015, 0.023))
    narrow = np.stack([gaussian_filter(f[..., c], s, mode="reflect") for c in range(3)], axis=2)
    wide = np.stack([gaussian_filter(f[..., c], 4 * s, mode="reflect") for c in range(3)], axis=2)
    mean = f.reshape(-1, 3).mean(axis=0)
    cx, cy = rng.uniform(0.2, 0.8) * w, rng.uniform(0.2, 0.8) * h
    rad = side * rng.uniform(0.13, 0.2)
    lifted = np.clip(1.5 - np.hypot(xx - cx, yy - cy) / rad, 0, 1)[..., None]
    wn = 0.25 + 0.45 * lifted
    out = (0.9 - wn) * narrow + wn * wide + 0.1 * mean
    grain = gaussian_filter(rng.normal(0, 1, (h, w)).astype(np.float32), 0.5)
    grain = grain / max(float(grain.std()), 1e-6)
    out = out * (1 + rng.uniform(0.05, 0.08) * np.clip(grain, -2.5, 2.5) / 2.5)[..., None]
    return _u8(_metered(out, f))


def blur_ba(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "baking_mat":  # under a translucent silicone baking mat
        return _baking_mat(f, rng)
    if kind == "matte_protector":  # on a phone behind a matte anti-glare screen protector
        return _matte_protector(f, rng)
    raise ValueError(kind)


# -- darkening -------------------------------------------------------------------------------
VIOLET = np.array([0.75, 0.55, 1.0], np.float32)


def _tesla_coil(f: np.ndarray, rng) -> np.ndarray:
    """A workshop at night lit only by a Tesla coil standing in the picture: a column 30-42% of the height high and
    5-7% of the side wide at the bottom, its middle 25-75% across, copper-wound 90 / 60 / 40 with faint turns, on a
    dark base 40 / 40 / 44; a grey toroid 70 / 72 / 78 on top, 2.4 times the column wide; 3-6 jagged sparks from the
    toroid, 15-30% of the side long, 7-10 kinks each, 0.5% of the side wide (at least 0.6 px), violet-white at 235
    levels, with a glow of sigma 4-7% of the side up to 40-55 levels in violet 0.75 / 0.55 / 1.0; the picture lit in
    that violet at a gain of 0.015-0.03 plus 0.26-0.34 falling off as ``1 / (1 + (d / d0) ** 2)`` with the distance
    ``d`` from the toroid, ``d0`` 25-35% of the side; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    cw, ch = side * rng.uniform(0.05, 0.07), h * rng.uniform(0.3, 0.42)
    cx = w * rng.uniform(0.25, 0.75)
    ty = h - ch
    d0 = side * rng.uniform(0.25, 0.35)
    gain = rng.uniform(0.015, 0.03) + rng.uniform(0.26, 0.34) / (1 + (np.hypot(xx - cx, yy - ty) / d0) ** 2)
    out = _lit(f, gain[..., None] * VIOLET, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    out = _paint(out, ident.fill([_rect(cx - cw / 2, ty, cx + cw / 2, h + 1.0)]), (90, 60, 40))
    turns = [[(cx - cw / 2, y), (cx + cw / 2, y)] for y in np.arange(ty + 0.04 * ch, h, max(1.5, 0.03 * ch))]
    out = _paint(out, 0.4 * ident.line(turns, 0.4) * ident.fill([_rect(cx - cw / 2, ty, cx + cw / 2, h + 1.0)]),
                 (50, 34, 24))
    out = _paint(out, ident.fill([_rect(cx - 1.6 * cw, h - 0.05 * side, cx + 1.6 * cw, h + 1.0)]), (40, 40, 44))
    out = _paint(out, ident.fill([_ellipse(cx, ty, 1.2 * cw + 0.3, 0.35 * cw + 0.3, 0.0, 24)]), (70, 72, 78))
    sparks = []
    for _ in range(int(rng.integers(3, 7))):
        a = rng.uniform(-np.pi, 0.2) if rng.random() < 0.8 else rng.uniform(0, np.pi)
        L = side * rng.uniform(0.15, 0.3)
        n = int(rng.integers(7, 11))
        t = np.linspace(0, 1, n)
        jit = rng.normal(0, 0.07, n) * L
        jit[0] = 0
        x0, y0 = cx + 1.2 * cw * np.cos(a), ty + 0.35 * cw * np.sin(a)
        sparks.append([(float(x0 + L * u * np.cos(a) - j * np.sin(a)), float(y0 + L * u * np.sin(a) + j * np.cos(a)))
                       for u, j in zip(t, jit)])
    arc = ident.line(sparks, max(0.6, 0.005 * side))
    out = out + _glow(arc, max(1.0, side * rng.uniform(0.04, 0.07)))[..., None] * rng.uniform(40, 55) * VIOLET
    return _u8(_paint(out, arc, np.minimum(235 * VIOLET + 60, 255)))


FURNACE = np.array([1.0, 0.58, 0.24], np.float32)


def _glory_hole(f: np.ndarray, rng) -> np.ndarray:
    """A glassblowing studio at night lit only by a furnace's glory hole: a dark furnace face 46 / 42 / 40, 22-30%
    of the side wide, from the left or right edge, its top 25-40% of the way down, to the bottom; in it a round mouth
    13-19% of the side across, its middle 45-65% down, glowing orange 1.0 / 0.58 / 0.24 at 245 levels round a
    yellow-white core 255 / 236 / 180 (60% across), with a glow of sigma 6-9% of the side up to 45-60 levels; with
    chance 0.5 a blowpipe, a dark line 0.8% of the side wide (at least 0.8 px) from the mouth out across the
    picture; the picture lit orange at a gain of 0.015-0.03 plus 0.26-0.34 falling off as ``1 / (1 + (d / d0) **
    2)`` with the distance ``d`` from the mouth, ``d0`` 25-35% of the side; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    left = rng.random() < 0.5
    fw = side * rng.uniform(0.22, 0.3)
    top = h * rng.uniform(0.25, 0.4)
    r = max(1.5, side * rng.uniform(0.065, 0.095))
    cx = fw / 2 if left else w - fw / 2
    cy = h * rng.uniform(0.45, 0.65)
    d0 = side * rng.uniform(0.25, 0.35)
    gain = rng.uniform(0.015, 0.03) + rng.uniform(0.26, 0.34) / (1 + (np.hypot(xx - cx, yy - cy) / d0) ** 2)
    out = _lit(f, gain[..., None] * FURNACE, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    x0, x1 = (-1.0, fw) if left else (w - fw, w + 1.0)
    out = _paint(out, ident.fill([_rect(x0, top, x1, h + 1.0)]), (46, 42, 40))
    mouth = ident.fill([_circle(r, 28, cx, cy)])
    out = out + _glow(mouth, max(1.0, side * rng.uniform(0.06, 0.09)))[..., None] * rng.uniform(45, 60) * FURNACE
    out = _paint(out, mouth, np.minimum(245 * FURNACE + 10, 255))
    out = _paint(out, ident.fill([_circle(0.6 * r, 20, cx, cy)]), (255, 236, 180))
    if rng.random() < 0.5:
        s = 1 if left else -1
        ex, ey = cx + s * side * rng.uniform(0.45, 0.7), cy + side * rng.uniform(-0.1, 0.15)
        pipe = ident.line([[(cx + s * 0.3 * r, cy), (ex, ey)]], max(0.8, 0.008 * side))
        out = _paint(out, pipe, (30, 28, 28))
    return _u8(out)


BINNACLE = np.array([1.0, 0.24, 0.18], np.float32)


def _binnacle(f: np.ndarray, rng) -> np.ndarray:
    """A yacht's cockpit at night lit only by its compass binnacle: a dark pedestal 34 / 34 / 38, 8-11% of the side
    wide, from the bottom up 18-28% of the height, its middle 25-75% across; on it a glass dome 14-19% of the side
    across (a half ellipse 60% as high) rimmed 60 / 60 / 66, the compass card inside glowing red 1.0 / 0.24 / 0.18 at
    220 levels with darker cardinal marks (from 32 px) and a lubber line; a glow of sigma 3-5% of the side up to
    35-50 levels; the picture lit in that red at a gain of 0.015-0.03 plus 0.26-0.34 falling off as ``1 / (1 + (d /
    d0) ** 2)`` with the distance ``d`` from the card, ``d0`` 20-30% of the side; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    pw, ph = side * rng.uniform(0.08, 0.11), h * rng.uniform(0.18, 0.28)
    cx = w * rng.uniform(0.25, 0.75)
    top = h - ph
    R = max(2.0, side * rng.uniform(0.07, 0.095))
    cy = top - 0.25 * R
    d0 = side * rng.uniform(0.2, 0.3)
    gain = rng.uniform(0.015, 0.03) + rng.uniform(0.26, 0.34) / (1 + (np.hypot(xx - cx, yy - cy) / d0) ** 2)
    out = _lit(f, gain[..., None] * BINNACLE, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    out = _paint(out, ident.fill([_rect(cx - pw / 2, top, cx + pw / 2, h + 1.0)]), (34, 34, 38))
    out = _paint(out, ident.fill([_rounded(2 * R + 2, 0.3 * R + 1, 0.1 * R, cx, top)]), (60, 60, 66))
    card = ident.fill([_ellipse(cx, cy, R, 0.45 * R, 0.0, 28)])
    out = out + _glow(card, max(1.0, side * rng.uniform(0.03, 0.05)))[..., None] * rng.uniform(35, 50) * BINNACLE
    out = _paint(out, card, np.minimum(220 * BINNACLE + 20, 255))
    if side >= 32:
        marks = [[(cx + 0.6 * R * np.cos(a), cy + 0.27 * R * np.sin(a)), (cx + 0.9 * R * np.cos(a),
                                                                         cy + 0.4 * R * np.sin(a))]
                 for a in np.linspace(0, 2 * np.pi, 4, endpoint=False) + rng.uniform(0, 1.5)]
        out = _paint(out, 0.6 * ident.line(marks, max(0.5, 0.06 * R)) * card, 120 * BINNACLE)
    out = _paint(out, ident.line([[(cx, cy - 0.45 * R), (cx, cy + 0.45 * R)]], max(0.5, 0.04 * R)) * card,
                 (60, 20, 16))
    return _u8(out)


def dark_ba(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "tesla_coil":  # a workshop lit only by a Tesla coil
        return _tesla_coil(f, rng)
    if kind == "glory_hole":  # a glassblowing studio lit only by a furnace's glory hole
        return _glory_hole(f, rng)
    if kind == "binnacle":  # a yacht's cockpit lit only by its compass binnacle
        return _binnacle(f, rng)
    raise ValueError(kind)


# -- outliers --------------------------------------------------------------------------------
def _forklift(size: int, rng) -> dict:
    """A forklift in a warehouse aisle, seen from the side: racking behind across the top 70% (2-3 uprights, 3-4
    beams, boxes on the shelves), a concrete floor from 76-84% of the way down; the truck 50-62% of the side long,
    its middle 42-58% across, facing either way: a body with a rounded counterweight at the back, an overhead guard
    (two posts and a roof) over a seated driver, a mast of two rails at the front, the forks out along the floor
    carrying a pallet with 1-2 boxes, a big front and a small back wheel (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("floor", "uprights", "beams", "boxes", "body", "guard", "driver", "mast", "forks", "pallet", "load",
                 "wheels"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    gl = big * rng.uniform(0.76, 0.84)
    d["floor"].rectangle((0, gl, big, big), fill=255)
    for x in np.linspace(0.05, 0.95, int(rng.integers(2, 4))) * big:
        d["uprights"].rectangle((x - 0.015 * big, 0.02 * big, x + 0.015 * big, gl), fill=255)
    levels = np.linspace(0.12, 0.6, int(rng.integers(3, 5))) * big
    for y in levels:
        d["beams"].rectangle((0, y, big, y + 0.025 * big), fill=255)
        for x in np.arange(rng.uniform(0, 0.1) * big, big, 0.16 * big):
            if rng.random() < 0.7:
                bh = big * rng.uniform(0.05, 0.1)
                d["boxes"].rectangle((x, y - bh, x + 0.12 * big, y), fill=255)
    L = big * rng.uniform(0.5, 0.62)
    cx = min(max(big * rng.uniform(0.42, 0.58), L / 2 + 0.04 * big), big - L / 2 - 0.04 * big)
    s = 1 if rng.random() < 0.5 else -1
    X = lambda t: cx + s * (t - 0.5) * L  # noqa: E731  (0 at the back, 1 at the front of the forks)
    base = gl - 0.02 * big
    d["body"].polygon([(X(0.0), base - 0.06 * big), (X(0.0), base - 0.24 * big), (X(0.12), base - 0.28 * big),
                       (X(0.55), base - 0.28 * big), (X(0.62), base - 0.16 * big), (X(0.62), base - 0.06 * big)],
                      fill=255)
    d["guard"].line([(X(0.18), base - 0.28 * big), (X(0.18), base - 0.56 * big), (X(0.6), base - 0.56 * big),
                     (X(0.6), base - 0.28 * big)], fill=255, width=max(2, round(0.018 * big)))
    d["driver"].ellipse((X(0.33) - 0.05 * big, base - 0.5 * big, X(0.33) + 0.05 * big, base - 0.4 * big), fill=255)
    d["driver"].rectangle((min(X(0.28), X(0.4)), base - 0.4 * big, max(X(0.28), X(0.4)), base - 0.28 * big),
                          fill=255)
    d["mast"].rectangle((min(X(0.63), X(0.68)), base - 0.66 * big, max(X(0.63), X(0.68)), base), fill=255)
    lift = big * rng.uniform(0.0, 0.15)
    fy = base - 0.02 * big - lift
    d["forks"].rectangle((min(X(0.68), X(1.0)), fy - 0.02 * big, max(X(0.68), X(1.0)), fy), fill=255)
    d["pallet"].rectangle((min(X(0.7), X(1.0)), fy - 0.07 * big, max(X(0.7), X(1.0)), fy - 0.02 * big), fill=255)
    top = fy - 0.07 * big
    for i in range(int(rng.integers(1, 3))):
        d["load"].rectangle((min(X(0.72), X(0.98)), top - 0.14 * big, max(X(0.72), X(0.98)), top), fill=255)
        top -= 0.15 * big
    for t, r in ((0.55, 0.075), (0.1, 0.055)):
        d["wheels"].ellipse((X(t) - r * big, gl - 2 * r * big, X(t) + r * big, gl), fill=255)
    out = {k: _down(v, size) for k, v in M.items()}
    out["boxes"] = out["boxes"] * (1 - out["beams"])
    return out


def _llama(size: int, rng) -> dict:
    """A llama in a mountain pasture, seen from the side: a sky, 2-3 mountains on the horizon at 45-55% of the way
    down, grass below; a llama 45-58% of the side long, its middle 40-60% across, facing either way: a woolly oval
    body, four thin legs to the grass, a short tail, a long upright neck at the front, a head with a muzzle and two
    curved banana ears, an eye (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("mountains", "grass", "body", "legs", "neck", "head", "ears", "eye"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    hz = big * rng.uniform(0.45, 0.55)
    for _ in range(int(rng.integers(2, 4))):
        mx, mh, mw = big * rng.uniform(0, 1), big * rng.uniform(0.12, 0.25), big * rng.uniform(0.3, 0.5)
        d["mountains"].polygon([(mx - mw, hz), (mx, hz - mh), (mx + mw, hz)], fill=255)
    d["grass"].rectangle((0, hz, big, big), fill=255)
    L = big * rng.uniform(0.45, 0.58)
    cx = min(max(big * rng.uniform(0.4, 0.6), L / 2 + 0.08 * big), big - L / 2 - 0.08 * big)
    s = 1 if rng.random() < 0.5 else -1
    X = lambda t: cx + s * (t - 0.5) * L  # noqa: E731  (0 at the tail, 1 at the chest)
    by = big * rng.uniform(0.58, 0.64)
    bh = 0.42 * L
    d["body"].ellipse((min(X(0.0), X(1.0)), by - bh / 2, max(X(0.0), X(1.0)), by + bh / 2), fill=255)
    feet = big * 0.95
    lw = max(2, round(0.05 * L))
    for t in (0.12, 0.27, 0.75, 0.9):
        d["legs"].line([(X(t), by + 0.3 * bh), (X(t) + rng.uniform(-0.02, 0.02) * L, feet)], fill=255, width=lw)
    d["body"].ellipse((X(-0.06) - 0.06 * L, by - 0.3 * bh, X(-0.06) + 0.06 * L, by), fill=255)
    ny = by - bh / 2 - 0.55 * L
    d["neck"].polygon([(X(0.8), by - 0.1 * bh), (X(1.0), by), (X(1.02), ny), (X(0.88), ny)], fill=255)
    d["head"].ellipse((min(X(0.86), X(1.08)), ny - 0.12 * L, max(X(0.86), X(1.08)), ny + 0.05 * L), fill=255)
    d["head"].ellipse((min(X(1.0), X(1.18)), ny - 0.06 * L, max(X(1.0), X(1.18)), ny + 0.05 * L), fill=255)
    for t in (0.88, 0.95):
        d["ears"].polygon([(X(t), ny - 0.08 * L), (X(t - 0.03), ny - 0.22 * L), (X(t + 0.02), ny - 0.24 * L),
                           (X(t + 0.04), ny - 0.08 * L)], fill=255)
    d["eye"].ellipse((X(1.02) - 0.015 * L, ny - 0.06 * L, X(1.02) + 0.015 * L, ny - 0.03 * L), fill=255)
    out = {k: _down(v, size) for k, v in M.items()}
    out["eye"] = out["eye"] * out["head"]
    return out


def _paddle_steamer(size: int, rng) -> dict:
    """A paddle steamer on a river, seen from the side: a far bank (a dark strip with a tree line) at 40-50% of the
    way down, the water below, a pale wake behind; a steamer 70-84% of the side long, its middle 42-58% across,
    facing either way: a long low hull with a raised bow, a paddle box amidships (a half disc 24-30% of the side
    across over the hull) with 6-9 spokes, a deckhouse along the deck with a row of windows, a tall funnel near the
    middle with a band near its top, a rail along the deck (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("bank", "water", "wake", "hull", "box", "spokes", "house", "windows", "funnel", "band", "rail"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    wl = big * rng.uniform(0.4, 0.5)
    d["bank"].rectangle((0, wl - 0.06 * big, big, wl), fill=255)
    for x in np.arange(0, big, 0.05 * big):
        r = big * rng.uniform(0.02, 0.05)
        d["bank"].ellipse((x - r, wl - 0.06 * big - r, x + r, wl - 0.06 * big + r), fill=255)
    d["water"].rectangle((0, wl, big, big), fill=255)
    L = big * rng.uniform(0.7, 0.84)
    cx = min(max(big * rng.uniform(0.42, 0.58), L / 2 + 0.03 * big), big - L / 2 - 0.03 * big)
    s = 1 if rng.random() < 0.5 else -1
    X = lambda t: cx + s * (t - 0.5) * L  # noqa: E731  (0 at the stern, 1 at the bow)
    dl = big * rng.uniform(0.66, 0.72)
    d["wake"].polygon([(X(0.0), dl + 0.1 * big), (X(-0.3), dl + 0.06 * big), (X(-0.3), dl + 0.16 * big)], fill=255)
    d["hull"].polygon([(X(0.0), dl), (X(1.0), dl - 0.05 * big), (X(0.93), dl + 0.12 * big), (X(0.04), dl + 0.12 * big)],
                      fill=255)
    d["house"].rectangle((min(X(0.12), X(0.8)), dl - 0.12 * big, max(X(0.12), X(0.8)), dl), fill=255)
    for t in np.arange(0.15, 0.78, 0.06):
        d["windows"].rectangle((min(X(t), X(t + 0.03)), dl - 0.09 * big, max(X(t), X(t + 0.03)), dl - 0.05 * big),
                               fill=255)
    d["rail"].line([(X(0.05), dl - 0.16 * big), (X(0.9), dl - 0.16 * big)], fill=255, width=max(2, round(0.008 * big)))
    R = big * rng.uniform(0.12, 0.15)
    px = X(0.45)
    d["box"].pieslice((px - R, dl + 0.06 * big - R, px + R, dl + 0.06 * big + R), 180, 360, fill=255)
    n = int(rng.integers(6, 10))
    for a in np.linspace(np.pi, 2 * np.pi, n):
        d["spokes"].line([(px, dl + 0.06 * big), (px + 0.9 * R * np.cos(a), dl + 0.06 * big + 0.9 * R * np.sin(a))],
                         fill=255, width=max(2, round(0.008 * big)))
    fx = X(0.58)
    ft = big * rng.uniform(0.12, 0.22)
    d["funnel"].rectangle((fx - 0.035 * big, ft, fx + 0.035 * big, dl - 0.12 * big), fill=255)
    d["band"].rectangle((fx - 0.035 * big, ft + 0.02 * big, fx + 0.035 * big, ft + 0.06 * big), fill=255)
    out = {k: _down(v, size) for k, v in M.items()}
    out["spokes"] = out["spokes"] * out["box"]
    out["windows"] = out["windows"] * out["house"]
    out["band"] = out["band"] * out["funnel"]
    return out


def outlier_ba(name: str, kind: str, size: int, lo: int, hi: int, rng) -> np.ndarray:
    photos = name.startswith("photos")
    ground = lambda col: np.ones((size, size, 3), np.float32) * np.asarray(col, np.float32)  # noqa: E731
    tone = lambda t: [lo + (hi - lo) * t] * 3  # noqa: E731
    if kind == "forklift":
        m = _forklift(size, rng)
        if photos:  # a dim warehouse, blue uprights and orange beams, brown boxes, a yellow or orange forklift
            body = ((240, 190, 30), (236, 110, 30))[int(rng.integers(2))]
            out = _paint(_paint(ground((90, 92, 98)), m["floor"], (150, 150, 146)), m["uprights"], (40, 70, 160))
            out = _paint(_paint(out, m["beams"], (230, 110, 30)), m["boxes"], (180, 140, 90))
            out = _paint(_paint(out, m["pallet"], (160, 120, 70)), m["load"], (196, 160, 110))
            out = _paint(_paint(out, m["mast"], (40, 40, 42)), m["forks"], (60, 60, 62))
            out = _paint(_paint(out, m["guard"], (30, 30, 32)), m["driver"], (40, 60, 120))
            return _u8(_paint(_paint(out, m["body"], body), m["wheels"], (20, 20, 22)))
        out = _paint(_paint(ground(tone(0.0)), m["floor"], tone(0.2)), m["uprights"], tone(0.35))
        out = _paint(_paint(out, m["beams"], tone(0.5)), m["boxes"], tone(0.25))
        out = _paint(_paint(out, m["pallet"], tone(0.55)), m["load"], tone(0.7))
        out = _paint(_paint(out, m["mast"], tone(0.6)), m["forks"], tone(0.75))
        out = _paint(_paint(out, m["guard"], tone(0.8)), m["driver"], tone(0.45))
        return _u8(_paint(_paint(out, m["body"], tone(1.0)), m["wheels"], tone(0.4)))
    if kind == "llama":
        m = _llama(size, rng)
        if photos:  # a blue sky, grey-blue mountains, green grass, a white, brown or black llama
            wool = ((236, 230, 216), (150, 100, 60), (40, 36, 34))[int(rng.integers(3))]
            out = _paint(_paint(ground((130, 180, 230)), m["mountains"], (110, 120, 140)), m["grass"], (90, 150, 60))
            out = _paint(_paint(out, m["legs"], wool), m["body"], wool)
            out = _paint(_paint(out, m["neck"], wool), m["head"], wool)
            out = _paint(out, m["ears"], np.asarray(wool, np.float32) * 0.8)
            return _u8(_paint(out, m["eye"], (10, 10, 10) if wool[0] > 100 else (200, 200, 200)))
        out = _paint(_paint(ground(tone(0.0)), m["mountains"], tone(0.3)), m["grass"], tone(0.15))
        out = _paint(_paint(out, m["legs"], tone(0.8)), m["body"], tone(1.0))
        out = _paint(_paint(out, m["neck"], tone(0.9)), m["head"], tone(0.95))
        return _u8(_paint(_paint(out, m["ears"], tone(0.65)), m["eye"], tone(0.1)))
    if kind == "paddle_steamer":
        m = _paddle_steamer(size, rng)
        if photos:  # a pale sky, a green bank, a brown-green river, a white and black steamer, a red paddle box
            out = _paint(_paint(ground((190, 210, 230)), m["bank"], (50, 90, 50)), m["water"], (90, 100, 70))
            out = _paint(_paint(out, m["wake"], (200, 206, 196)), m["hull"], (24, 24, 28))
            out = _paint(_paint(out, m["house"], (240, 238, 230)), m["windows"], (40, 50, 70))
            out = _paint(_paint(out, m["rail"], (230, 230, 226)), m["box"], (190, 40, 36))
            out = _paint(_paint(out, m["spokes"], (240, 220, 120)), m["funnel"], (20, 20, 22))
            return _u8(_paint(out, m["band"], (200, 40, 36)))
        out = _paint(_paint(ground(tone(0.0)), m["bank"], tone(0.3)), m["water"], tone(0.15))
        out = _paint(_paint(out, m["wake"], tone(0.5)), m["hull"], tone(0.7))
        out = _paint(_paint(out, m["house"], tone(1.0)), m["windows"], tone(0.35))
        out = _paint(_paint(out, m["rail"], tone(0.85)), m["box"], tone(0.6))
        out = _paint(_paint(out, m["spokes"], tone(0.9)), m["funnel"], tone(0.8))
        return _u8(_paint(out, m["band"], tone(0.45)))
    raise ValueError(kind)


# -- label noise -----------------------------------------------------------------------------
def mistranslated_list_flips(base: list[np.ndarray], labels: list, classes: list, candidates: list, count: int,
                             rng) -> dict[int, object]:
    """``count`` examples to flip and their new labels: the labelling was split between ``TEAMS`` language teams,
    each working from the class list translated into its language (the classes in their sorted order); in one
    team's translation two neighbouring lines of the list were swapped (``SWAPPED_PAIRS`` such pairs a team), so
    that team's labellers, picking the name that looked right, saved each item of one of the two classes under the
    other's. Each eligible item went to a team at random; the (team, swapped pair) mistakes are taken in a random
    order, each flipping that team's items of the pair's two classes (in a random order) to the other class of the
    pair, until ``count`` items are flipped (passes repeated with fresh mistakes while some are left). Noise
    confined to one team's share and to classes neighbouring in the list, in both directions, not by look: not AZ's
    label rolls, AY's memory cards or the hotkeys, shortcuts or transposed sheets of earlier generators. Every flip
    changes the label."""
    names = sorted(classes, key=str)
    index = {c: j for j, c in enumerate(names)}
    pool = np.asarray(sorted(int(v) for v in candidates), dtype=int)
    if len(names) < 2 or not len(pool) or count <= 0:
        return {}
    teams = int(rng.integers(*TEAMS))
    team = rng.integers(0, teams, len(pool))
    flips: dict[int, object] = {}
    for _ in range(50):
        mistakes = []
        for t in range(teams):
            for p in rng.choice(len(names) - 1, size=min(len(names) - 1, int(rng.integers(*SWAPPED_PAIRS))),
                                replace=False):
                mistakes.append((t, int(p)))
        for k in rng.permutation(len(mistakes)):
            if len(flips) >= count:
                break
            t, p = mistakes[int(k)]
            a, b = p, p + 1
            items = [int(i) for i, ti in zip(pool, team) if ti == t and index[labels[int(i)]] in (a, b)]
            for i in rng.permutation(items) if items else []:
                if len(flips) >= count:
                    break
                i = int(i)
                if i not in flips:
                    flips[i] = names[b if index[labels[i]] == a else a]
        if len(flips) >= count:
            break
    return dict(sorted(flips.items()))


# -- planting ------------------------------------------------------------------------------
def plant_issues_ba(images, labels, out_dir, *, name: str, random_state: int = 0) -> PlantedDataset:
    """Generator BA's problems (module docstring). A set whose name ends in ``_jpeg`` is written as JPEG files at a
    quality drawn from 49-71 each; the others as PNG. The planting is I's (:func:`_heldout_i.plant_generator`)."""
    return plant_generator(
        images, labels, out_dir, name=name, rates=RATES_BA, seed=530_000 + random_state,
        quality_seed=535_000 + random_state, jpeg_quality=JPEG_QUALITY,
        flips=mistranslated_list_flips,
        **by_family(name, outlier=(outlier_ba, OUTLIERS_BA), blur=(blur_ba, BLURS_BA), dark=(dark_ba, DARKS_BA),
                    near=(near_edit_ba, NEAR_EDITS_BA)))
