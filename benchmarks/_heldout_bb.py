"""Generator BB: fresh EVALUATION sets after generator BA's run (never used to choose anything).

Why a fifty-second evaluation generator: generator BA's sets were written before its run and have been run once since
(``dev_sweep``: BA's four sets run once, now development sets), so a held-out set for the code after that run is
written now, before any tool is run on it. The commit subjects since BA's generator commit (7435ba8) name these
changes: ``dark``'s lit rule, whose rest (all but the brightest 5%) may reach ``lit_rest`` times the threshold, 1.2,
not the threshold itself (a lamp's glow spreading past its brightest 5%, AZ's fibre-optic lamp); Round 30's heading
naming that change (docs); each descriptor's rows read by one function, used by its neighbour search and by the
calibration's copy distances (a review, the same flags); generator BA's four sets run once and made development sets;
and generator BA's one run written up (docs, c9ccc54, committed while BB was being written, after its families were
chosen: only its subject was seen, and nothing in BB was chosen or changed from it). BB's writer read no docs, logs,
result files or commit bodies (only the commit subjects, the library's code and the earlier generators' and tuning
tools' files, to copy their structure and to avoid their families), and nothing in BB was chosen from any result.
Like AN's to BA's, BB's edits are not all brightly coloured: some are grey, dark, green or translucent. Generator BB
was written before any tool was run on it (only its pictures were looked at, on contact sheets of its edits, blurs,
darkenings and foreign pictures at 28, 69 and 328 px, to check that every edit is visible, every blur blurred, every
darkened image dark with its picture still in it and every outlier foreign, and the planted folders hashed twice); it
is not to be changed after its results are seen. Its edits, blurs, darkenings, foreign pictures and label noise are
of families that no tuning tool (``blur_tuning.py``'s lens blurs: Gaussian, soft disk, astigmatic elongated Gaussian,
ring; ``_foreign.py``'s textures, icons and soft photographs; ``near_photos.py``'s and ``near_small.py``'s edits;
``label_filters.py``'s and ``label_noise_models.py``'s flips), no earlier generator (A = ``dq.datasets.plant_issues``,
B, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T, U, V, W, X, Y, Z, AA, AB, AC, AD, AE, AF, AG, AH, AI, AJ, AK,
AL, AM, AN, AO, AP, AQ, AR, AS, AT, AU, AV, AW, AX, AY, AZ, BA) and none of the library's calibration copies
(``dataquality/compute/_synthetic.py``: crop, shift, rotate, brightness, contrast, gamma, JPEG, resize, overlay box;
Gaussian, box, motion, down-and-up blurs) make. Like AC's to BA's it has two blur families, not three. Left out
because an earlier generator made them or left them out: among objects on the print a liquorice wheel, a wrapped
sweet, jelly beans, gummy sweets, a macaron or sugar cubes (AU's, W's, AR's, AW's, AY's, AP's: BB's liquorice allsort
is a sandwich of liquorice and fondant layers lying on its side), okra, asparagus, a pea or bean pod, kidney beans or
chickpeas (AY's, AK's, AT's: BB's edamame is a fuzzy green soybean pod with its beans bulging), a kiwi slice, a lychee,
garlic, a radish or a contact lens (AV's, AJ's, AN's, AQ's: BB's shallot ring is a translucent slice of concentric
rings with a purple skin), an AA battery, a hex nut, ball bearings, a dog tag, a fishing float or a fishing reel
(W's, AT's, AU's, AZ's and their lists: BB's sinker is a dull grey pear-shaped lead weight with a brass swivel and a
length of nylon line), and any sweet named above (BB's candy corn is 2-4 striped kernels); of the whole picture
strand board, woodchip, parquet, weatherboard, birch bark or a wood transfer (AV's, AT's, AU's, AW's and their lists:
BB's burl veneer is a walnut or maple burl's swirled grain round its dark eyes), tulle, a doily, a fence, a mesh or
bubble wrap (AQ's, V's and their lists: BB's shed snakeskin is a translucent papery skin with a lattice of diamond
scales over the whole print), mould, foxing, confetti, sawdust or any scatter of specks (U's, AN's, AW's, AP's, E's:
BB's lichen is crusty lobed rosettes, yellow-orange or grey-green, grown over the print); among blurs a strip
curtain, polythene, cling film, a nylon stocking, tracing paper, frosted, steamed, reeded or limescaled glass, a
silicone baking mat or a matte screen protector (their lists, AC's, AT's, BA's: BB's latex sheet is a thin rubber
sheet, a balloon's, stretched over the lens, its thickness uneven), a wiper, a shower screen, a windscreen or a car
window (Q's, AZ's, AR's and their lists: BB's sneeze screen is a counter's perspex guard smeared in arcs by a cleaning
cloth); among darkenings a Bunsen burner, a gas hob, a pilot flame, welding or a laser cutter (their lists, V's,
AS's, AY's: BB's blowtorch is a plumber's gas canister with a roaring blue cone), a forge, a kiln, a glory hole, a
flare stack or a road flare (their lists, BA's, AU's, AR's: BB's crucible pours a falling stream of molten bronze
into a mould), a departure board, a dim screen, a bias light, a cash machine or a ticket barrier (AV's, H's, AI's,
AW's, AY's: BB's karaoke screen shows its lyric lines on a blue-violet ground); among foreign pictures a snowmobile,
a food truck, a kayak, a narrowboat, a paddle steamer or a hovering saucer (AZ's, AX's, AO's, BA's, AE's: BB's
hovercraft rides its black skirt on a spray of water with its propellers in ducts), a camel, sheep, a llama, a
kangaroo or an elephant (AD's, AX's, BA's, AU's, AC's: BB's bison stands humped and shaggy on a prairie), a rooster,
penguins, flamingos, a heron or an ostrich (AY's, AF's, AD's, AW's, AV's: BB's toucan perches with its huge beak in
a rainforest); among label noise every mechanism BA named and BA's mistranslated class list (dictation, OCR, bags,
hotkeys, quotas, a checkweigher, positions, clocks, a returns desk's prices, a marketplace's category stuffing,
recycled product codes, memory cards, a packing bench's label rolls, a mistranslated list).

* ``near_duplicate`` (3%), five edits in a part of the picture and three of the whole, in turn (so that the 328 px
  set's copies get both kinds): a liquorice allsort lying on its side on the print (a sandwich 16-22% of the side
  wide, at least 6 px, 70-95% as high, of 3 or 5 layers, black liquorice 30 / 28 / 30 and pink, yellow, white,
  orange or blue fondant in turn, a highlight at 30%; 30-70% of the way across and down, at any angle, a soft shadow at
  35%), an edamame pod (24-32% of the side long, at least 9 px, 2-3 beans bulging, green 110 / 160 / 70, 86 / 140 /
  56 or pale 140 / 178 / 90, a darker seam, from 32 px a pale fuzz along its edge at 30%, a stalk; the same place, a
  shadow at 30%), a shallot ring (a slice 24-32% of the side across, at least 9 px, its translucent white flesh at
  40-55%, 3-5 rings 25% darker at 60%, a purple-pink skin round it; the same place, a shadow at 15%), a fishing
  sinker (a pear-shaped lead weight 14-20% of the side long, at least 6 px, dull grey 118 / 120 / 124, 88 / 90 / 96 or
  140 / 140 / 136, a sheen at 30%, a brass swivel at its narrow end and a nylon line 30-50% of the side long at 45%;
  the same place, a shadow at 40%) and 2-4 candy corn kernels (each 10-14% of the side tall, at least 4 px, a yellow
  or brown base, an orange middle, a white tip, within 12% of the side; a shadow at 35%); of the whole picture: the
  picture printed on a burl veneer (the ink multiplied onto a wood's brown, 42-55% of the way, a grain 1.2-2% of the
  side apart, at least 1.5 px, 20% darker in its lines, swirled by a smooth field and round 8-120 dark eyes 1-2.5%
  of the side across, at least 1 px, 45% darker), a snake's shed skin laid over the whole print (a translucent
  papery skin 226 / 222 / 210 at 26-38%, wrinkled 30% up and down, a lattice of diamond scales 4.5-7% of the side
  apart, at least 2.5 px, their edges 12% lighter at 55%) and lichen grown over the print (lobed rosettes 6-14% of
  the side across, at least 4 px, yellow-orange, grey-green or pale grey at 75-90%, darker in their middles, a fine
  crust, until 22-36% of the print is covered);
* ``exact_duplicate`` (1%): byte-for-byte copies of a file under another name;
* ``blurry`` (3%): the picture photographed through a thin latex sheet stretched over the lens (a Gaussian of
  1.6-2.4% of the side, at least 1 px, for 55-85% of the picture, as the sheet is thinner or thicker, and one 3
  times as wide for the rest but 10%, the sheet's natural latex, pink or pale blue at 10% and a tint of 4-12% more)
  and the picture behind a perspex sneeze screen smeared by a cleaning cloth (a Gaussian of 1.5-2.3% of the side, at
  least 1 px, for 65% and one 4 times as wide for 25%, the screen's mean at 10%; 5-9 wiped arcs 10-18% of the side
  wide where the wide Gaussian has 40% more and a soapy haze 6% lighter; a ceiling light's soft reflection 6-10
  levels up); each as a camera metering on the highlights exposes it (as Y's to BA's);
* ``dark`` (2%): a plumber's workshop at night lit only by a blowtorch (a red, blue or yellow gas canister 10-14% of
  the side wide and 22-30% of the height high at the bottom, its middle 20-80% across, a brass nozzle, a flame cone
  18-28% of the side long, a blue-white inner cone, a glow of sigma 4-7% of the side up to 35-50 levels; the picture
  lit blue at 0.26-0.34 falling off as ``1 / (1 + (d / d0) ** 2)`` with the distance from the flame, ``d0`` 25-35% of
  the side, over 0.015-0.03), a foundry at night lit only by a crucible pouring molten bronze (a dark crucible on a
  shank 14-20% of the side across near the top, a glowing lip, a falling stream 1.2-2% of the side wide into a dark
  mould at the bottom, a glow of sigma 5-8% up to 45-60 levels; the picture lit orange at 0.26-0.34 falling off as
  above, ``d0`` 25-35% of the side, over 0.015-0.03) and a karaoke room at night lit only by its lyric screen (a
  dark-framed screen 34-46% of the side wide near the top, a blue-violet ground, two lines of lyrics, the sung part
  yellow or pink; a glow of sigma 6-9% up to 30-45 levels; the picture lit blue-violet at 0.26-0.34 falling off as
  above, ``d0`` 28-38% of the side, over 0.015-0.03); none of them blurs the picture;
* ``outlier`` (1.5%): a hovercraft off a beach (a sea below a horizon, a sandy shore, the craft's black skirt with
  spray round it, a hull, a cabin with windows, two ducted propellers and rudders at the stern), a bison on a
  prairie (hills on the horizon, grass, a humped body with a shaggy front, a low head with short horns and a beard,
  four legs, a tufted tail) and a toucan in a rainforest (leaves all round, a branch, a black body with a white or
  yellow bib, a huge beak with a black tip, a ringed eye, a tail); the digit and clothing sets get them in their own
  tones on their dark ground, the photographs as a red and white hovercraft on a grey-blue sea, a dark brown bison
  on yellow-green grass under a pale sky and a black toucan with an orange-yellow beak among green leaves;
* ``label`` (5%): *empty cartridge* flips: the items were sorted into colour-coded crates, one a class, by the colour
  key card printed for each of 3-5 sorting sites (``SITES``); each class's colour mixed from cyan, magenta and yellow
  inks at none, half or full strength (more strengths where the classes outnumber 27); at one site (at random) the key
  card was printed with one ink run out, so a class's swatch showing that ink came out as the colour of another
  class's crate without it, and that site's sorters put the class's items in the other class's crate. Each eligible
  item went to a site at random; the flips are the items of such a class at that site, each given the class whose
  colour its swatch came out as (passes with a fresh key, another site and ink while some are left). Noise confined to
  one site's share and to classes whose colours differ by one ink, in one direction, not by look: not BA's
  mistranslated list, AZ's label rolls or AY's memory cards. Every flip changes the label, so every one is in the
  truth.

Each planted defect has its own source image; nothing else is planted, so only these six issue types are scored on
BB's sets. Base data are the evaluation domains drawn with seeds no other set uses: Fashion-MNIST *test* (2,000, seed
341), MNIST (2,000, seed 342), and the evaluation photographs tiled at 69 px (24 tiles a photograph at most, seed
343) and at 328 px (every tile, seed 344), sizes no other set uses. ``photos69_bb_jpeg`` is written as JPEG files,
each at a quality drawn from 48-70 (a stream of its own, seed ``545_000 + random_state``), every edit, blur and
darkening made before the encoding, near copies made from the decoded JPEG and saved again at their own quality,
exact copies byte copies of the file; the other sets are PNG files. Planting draws from seed ``540_000 +
random_state``. The planting is I's (:func:`_heldout_i.plant_generator`, as for J to BA).
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

EVALUATION_BB = ("fashion_test_bb", "mnist_bb", "photos69_bb_jpeg", "photos328_bb")
# each set's base: (data, seed) or ("photos", seed, tile size, tiles per photograph quick, full)
BASES_BB = {
    "fashion_test_bb": ("fashion_test", 341),
    "mnist_bb": ("mnist", 342),
    "photos69_bb_jpeg": ("photos", 343, 69, 8, 24),
    "photos328_bb": ("photos", 344, 328, 8, 1000),
}
JPEG_QUALITY = (48, 71)  # the JPEG set's qualities: integers in [low, high)
RATES_BB = {"near_duplicate": 0.03, "exact_duplicate": 0.01, "blurry": 0.03, "dark": 0.02, "outlier": 0.015,
            "label": 0.05}
# parts of the picture and the whole picture in turn, so that the smallest set gets both kinds
NEAR_EDITS_BB = ("allsort", "burl_veneer", "edamame", "shed_snakeskin", "shallot_ring", "lichen", "sinker",
                 "candy_corn")
BLURS_BB = ("latex_sheet", "sneeze_screen")
DARKS_BB = ("blowtorch", "crucible_pour", "karaoke_screen")
OUTLIERS_BB = ("hovercraft", "bison", "toucan")
SITES = (3, 6)  # the sorting sites, each with its own printed colour key: integers in [low, high) (label noise)


def load_base_bb(name: str, quick: bool = False):
    import _heldout

    return _heldout.load_generator_base(name, quick, BASES_BB, "BB")


# -- near copies -----------------------------------------------------------------------------
FONDANTS = ((240, 150, 180), (248, 220, 90), (246, 244, 236), (240, 150, 60), (90, 150, 220))
LIQUORICE = np.array([30, 28, 30], np.float32)


def _allsort(f: np.ndarray, rng) -> np.ndarray:
    """A liquorice allsort lying on its side on the print: a sandwich 16-22% of the side wide, at least 6 px, 70-95%
    as high, of 3 or 5 equal layers, black liquorice 30 / 28 / 30 and one fondant (pink 240 / 150 / 180, yellow 248
    / 220 / 90, white 246 / 244 / 236, orange 240 / 150 / 60 or blue 90 / 150 / 220) in turn, either outside, its
    corners slightly rounded; a highlight 255 / 255 / 255 along its top at 30%; its middle 30-70% of the way across
    and down, at any angle, a soft shadow at 35%."""
    h, w = f.shape[:2]
    side = min(h, w)
    W = max(6.0, side * rng.uniform(0.16, 0.22))
    H = W * rng.uniform(0.7, 0.95)
    n = 3 if rng.random() < 0.5 else 5
    fondant = _pick(FONDANTS, rng)
    outer, inner = (LIQUORICE, fondant) if rng.random() < 0.5 else (fondant, LIQUORICE)
    fr = _frame_at(h, w, rng)
    body = fr.fill([_rounded(W, H, 0.08 * W)])
    parts = [(body, outer, 1.0, True)]
    for i in range(1, n, 2):
        y0 = -H / 2 + H * i / n
        parts.append((fr.fill([_rect(-W / 2, y0, W / 2, y0 + H / n)]) * body, inner, 1.0, False))
    parts.append((fr.line([[(-0.4 * W, -0.42 * H), (0.4 * W, -0.42 * H)]], max(0.5, 0.05 * H)), (255, 255, 255), 0.3,
                  False))
    return _u8(_laid(f, parts, 0.35))


PODS_BB = ((110, 160, 70), (86, 140, 56), (140, 178, 90))


def _edamame(f: np.ndarray, rng) -> np.ndarray:
    """An edamame pod lying on the print: 24-32% of the side long, at least 9 px, 2-3 beans bulging (the pod the
    union of an ellipse per bean, each 44% of the length long / (beans - 0.6) and 26% of it wide, with a flat
    waist), green 110 / 160 / 70, 86 / 140 / 56 or pale 140 / 178 / 90, its far half 15% darker; a seam along one edge
    30% darker; from 32 px a pale fuzz 200 / 214 / 170 along its outline at 30%; a stalk at one end 70% darker; at any
    angle, its middle 30-70% of the way across and down, a soft shadow at 30%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(9.0, side * rng.uniform(0.24, 0.32))
    k = int(rng.integers(2, 4))
    col = _pick(PODS_BB, rng)
    fr = _frame_at(h, w, rng)
    a = 0.5 * L / (k - 0.3)
    xs = np.linspace(-0.5 * L + a, 0.5 * L - a, k)
    beans = [_ellipse(float(x), 0.0, a, 0.13 * L, 0.0, 24) for x in xs]
    waist = _rect(xs[0], -0.1 * L, xs[-1], 0.1 * L)
    pod = fr.fill(beans + [waist])
    far = fr.fill([_rect(-0.6 * L, 0.0, 0.6 * L, 0.2 * L)]) * pod
    seam = fr.line([[(-0.5 * L + 0.5 * a, -0.1 * L), (0.5 * L - 0.5 * a, -0.1 * L)]], max(0.5, 0.02 * L)) * pod
    stalk = fr.fill([_rect(-0.5 * L - 0.08 * L, -0.025 * L, -0.5 * L + 0.03 * L, 0.025 * L)])
    parts = [(pod, col, 1.0, True), (far, col * 0.85, 1.0, False), (seam, col * 0.7, 1.0, False),
             (stalk, col * 0.3, 1.0, True)]
    if side >= 32:
        fuzz = fr.line([b + [b[0]] for b in beans], max(0.5, 0.012 * L))
        parts.append((fuzz, (200, 214, 170), 0.3, False))
    return _u8(_laid(f, parts, 0.3))


def _shallot_ring(f: np.ndarray, rng) -> np.ndarray:
    """A slice of shallot lying on the print: an oval 24-32% of the side across, at least 9 px (80-100% as high as
    wide), its translucent white flesh 240 / 232 / 240 at 40-55% (the print showing through), 3-5 concentric rings,
    the boundaries between its layers, 200 / 150 / 186 at 60%, a purple-pink skin 150 / 70 / 116 round it at 85%
    (at least 0.6 px wide); at any angle, its middle 30-70% of the way across and down, a faint shadow at 15%."""
    h, w = f.shape[:2]
    side = min(h, w)
    R = max(4.5, side * rng.uniform(0.12, 0.16))
    q = rng.uniform(0.8, 1.0)
    fr = _frame_at(h, w, rng)
    disc = fr.fill([_ellipse(0.0, 0.0, R, q * R, 0.0, 40)])
    n = int(rng.integers(3, 6))
    rings = []
    for i in range(1, n + 1):
        r = R * (1 - i / (n + 1)) + rng.uniform(-0.03, 0.03) * R
        e = _ellipse(rng.uniform(-0.04, 0.04) * R, rng.uniform(-0.04, 0.04) * R, r, q * r, 0.0, 36)
        rings.append(e + [e[0]])
    outer = _ellipse(0.0, 0.0, R, q * R, 0.0, 40)
    parts = [(disc, (240, 232, 240), rng.uniform(0.4, 0.55), True),
             (fr.line(rings, max(0.5, 0.035 * R)) * disc, (200, 150, 186), 0.6, False),
             (fr.line([outer + [outer[0]]], max(0.6, 0.06 * R)), (150, 70, 116), 0.85, False)]
    return _u8(_laid(f, parts, 0.15))


SINKERS = ((118, 120, 124), (88, 90, 96), (140, 140, 136))


def _sinker(f: np.ndarray, rng) -> np.ndarray:
    """A lead fishing sinker lying on the print: a pear-shaped weight 14-20% of the side long, at least 6 px (a round
    end 30% of the length in radius drawn out to a narrow neck), dull grey 118 / 120 / 124, 88 / 90 / 96 or 140 / 140
    / 136, a matte sheen 210 / 212 / 216 at 30%; a brass swivel 180 / 150 / 70 at its narrow end (a ring and a
    barrel) and a nylon line 230 / 234 / 236, 30-50% of the side long, gently curved, at 45% (at least 0.5 px wide);
    at any angle, its middle 30-70% of the way across and down, a soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(6.0, side * rng.uniform(0.14, 0.2))
    col = _pick(SINKERS, rng)
    fr = _frame_at(h, w, rng)
    r = 0.3 * L
    cx = 0.5 * L - r
    t = np.linspace(-np.pi / 2, np.pi / 2, 18)
    outline = [(cx + r * np.cos(u), r * np.sin(u)) for u in t] + [(-0.5 * L, 0.07 * L), (-0.5 * L, -0.07 * L)]
    body = fr.fill([outline, _circle(r, 28, cx, 0.0)])
    ring = _circle(0.07 * L + 0.3, 14, -0.5 * L - 0.09 * L, 0.0)
    swivel = fr.line([ring + [ring[0]]], max(0.5, 0.03 * L))
    barrel = fr.fill([_rect(-0.5 * L - 0.3 * L, -0.035 * L - 0.2, -0.5 * L - 0.15 * L, 0.035 * L + 0.2)])
    Ll = side * rng.uniform(0.3, 0.5)
    bend = rng.uniform(-0.15, 0.15) * Ll
    line = [(-0.8 * L - Ll * u, bend * np.sin(np.pi * u)) for u in np.linspace(0, 1, 10)]
    parts = [(body, col, 1.0, True), (swivel, (180, 150, 70), 1.0, True), (barrel, (180, 150, 70), 1.0, True),
             (fr.line([line], max(0.5, 0.004 * side)), (230, 234, 236), 0.45, False),
             (fr.fill([_ellipse(cx - 0.1 * r, -0.4 * r, 0.5 * r + 0.3, 0.15 * r + 0.3, -0.3, 14)]) * body,
              (210, 212, 216), 0.3, False)]
    return _u8(_laid(f, parts, 0.4))


CORN_BASES = ((250, 200, 40), (110, 60, 30))


def _candy_corn(f: np.ndarray, rng) -> np.ndarray:
    """2-4 candy corn kernels lying on the print: each a rounded triangle 10-14% of the side tall, at least 4 px, 80%
    as wide at its base, a base band (the wide 40%) yellow 250 / 200 / 40 or brown 110 / 60 / 30, an orange middle
    244 / 130 / 30 (40%) and a white tip 250 / 246 / 236, a gloss line at 35%; each at its own angle, placed within
    12% of the side (at least 3 px) of a middle 30-70% of the way across and down; a soft shadow at 35%."""
    h, w = f.shape[:2]
    side = min(h, w)
    cx, cy = w * rng.uniform(0.3, 0.7), h * rng.uniform(0.3, 0.7)
    spread = max(3.0, side * 0.12)
    base = _pick(CORN_BASES, rng)
    parts = []
    for _ in range(int(rng.integers(2, 5))):
        H = max(4.0, side * rng.uniform(0.1, 0.14))
        off = rng.uniform(-1, 1, 2) * spread * 0.7
        fr = _Frame((h, w), cx + off[0], cy + off[1], rng.uniform(0, 2 * np.pi))
        arc = [(0.4 * H * np.cos(u), 0.5 * H + 0.08 * H * np.sin(u)) for u in np.linspace(0, np.pi, 8)]
        kern_pts = [(0.0, -0.5 * H), (0.12 * H, -0.42 * H)] + arc + [(-0.12 * H, -0.42 * H)]
        kern = fr.fill([kern_pts])
        parts.append((kern, base, 1.0, True))
        parts.append((fr.fill([_rect(-H, -H, H, 0.1 * H)]) * kern, (244, 130, 30), 1.0, False))
        parts.append((fr.fill([_rect(-H, -H, H, -0.3 * H)]) * kern, (250, 246, 236), 1.0, False))
        parts.append((fr.line([[(-0.1 * H, -0.2 * H), (-0.22 * H, 0.3 * H)]], max(0.4, 0.05 * H)) * kern,
                      (255, 255, 255), 0.35, False))
    return _u8(_laid(f, parts, 0.35))


BURLS = np.array([(170, 112, 62), (196, 140, 84), (120, 76, 46)], np.float32)


def _burl_veneer(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on a burl veneer: the ink multiplied onto a wood's brown (170 / 112 / 62, 196 / 140 / 84 or
    120 / 76 / 46), 42-55% of the way from the picture; its figure a grain 1.2-2% of the side apart (at least 1.5 px),
    20% darker in its lines, at any angle, swirled by a smooth displacement 6-10% of the side and round 8-120 dark
    eyes (the burl's buds) 1-2.5% of the side across (at least 1 px), each pulling the grain round it and 45% darker
    in its middle; the wood's tone 8% up and down over 10-20% of the side: a burl's swirled figure, not AV's strand
    board or woodchip, AT's parquet, AU's weatherboard or AW's birch bark."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    tone = BURLS[int(rng.integers(len(BURLS)))]
    k = rng.uniform(0.42, 0.55)
    out = f * (1 - k) + k * f * tone / 255 + k * 0.2 * tone
    lam = max(1.5, side * rng.uniform(0.012, 0.02))
    a = rng.uniform(0, np.pi)
    phase = xx * np.cos(a) + yy * np.sin(a)
    phase = phase + side * rng.uniform(0.06, 0.1) * _field(h, w, side * rng.uniform(0.06, 0.1), rng)
    n = int(np.clip(round(h * w / (side * 0.12) ** 2 * rng.uniform(0.6, 1.2)), 8, 120))
    eyes = np.zeros((h, w), np.float32)
    for ex, ey, re in zip(rng.uniform(0, w, n), rng.uniform(0, h, n), np.maximum(0.5, side * rng.uniform(0.005, 0.0125,
                                                                                                            n))):
        d = np.hypot(xx - ex, yy - ey)
        phase = phase + 3 * re * np.exp(-d / (3 * re))
        eyes = np.maximum(eyes, np.clip(1.0 - d / (re + 0.5), 0, 1))
    grain = 0.5 + 0.5 * np.cos(2 * np.pi * phase / lam)
    mult = (1 - 0.2 * grain) * (1 - 0.45 * eyes) * (1 + 0.08 * _field(h, w, side * rng.uniform(0.1, 0.2), rng) / 2)
    return _u8(out * mult[..., None])


SKIN = np.array([226, 222, 210], np.float32)


def _shed_snakeskin(f: np.ndarray, rng) -> np.ndarray:
    """A snake's shed skin laid over the whole print: a translucent papery skin 226 / 222 / 210 at 26-38%, its
    opacity wrinkled 30% up and down by a smooth field of 8-14% of the side; a lattice of diamond scales 4.5-7% of
    the side apart (at least 2.5 px), two sets of ridges at 28-36 degrees either side of the skin's axis (any
    angle), 13% of the period wide, 12% lighter than the skin at 55%, a faint shade 10% darker beside each ridge: a
    scaled skin, not AQ's tulle, V's doily or any mesh or fence."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    a = rng.uniform(0, np.pi)
    u = xx * np.cos(a) + yy * np.sin(a)
    v = -xx * np.sin(a) + yy * np.cos(a)
    p = max(2.5, side * rng.uniform(0.045, 0.07))
    b = np.deg2rad(rng.uniform(28, 36))
    ridges = np.zeros((h, w), np.float32)
    shade = np.zeros((h, w), np.float32)
    for sgn in (1, -1):
        t = (u * np.sin(b) + sgn * v * np.cos(b)) / p + rng.uniform(0, 1)
        fr_ = t % 1
        ridges = np.maximum(ridges, np.clip(1 - np.abs(fr_ - 0.5) / 0.065, 0, 1))
        shade = np.maximum(shade, np.clip(1 - np.abs(fr_ - 0.62) / 0.06, 0, 1))
    alpha = rng.uniform(0.26, 0.38) * (1 + 0.3 * np.clip(_field(h, w, side * rng.uniform(0.08, 0.14), rng), -2, 2) / 2)
    out = f * (1 - alpha[..., None]) + alpha[..., None] * SKIN
    out = out * (1 - 0.1 * shade)[..., None]
    return _u8(_paint(out, 0.55 * ridges, np.minimum(SKIN * 1.12, 255)))


LICHENS = ((224, 160, 50), (168, 184, 146), (200, 204, 196))


def _lichen(f: np.ndarray, rng) -> np.ndarray:
    """Lichen grown over the print (a print left outdoors): lobed rosettes 6-14% of the side across (at least 4 px),
    7-11 rounded lobes round each (scalloped 14% in, the outline 8% uneven), yellow-orange 224 / 160 / 50, grey-green
    168 / 184 / 146 or pale grey 200 / 204 / 196 (one or two of them a print), each its own tone 8% up or down, at
    75-90%, its middle (inside half its radius) 15% darker, a fine crust 8% up and down (sigma 0.5 px); placed at
    random over the whole print until 22-36% of it is covered (at most 200): a living crust, not U's mould, AN's
    foxing or any scatter of specks."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    cols = [_pick(LICHENS, rng) for _ in range(int(rng.integers(1, 3)))]
    target = rng.uniform(0.22, 0.36)
    cover = np.zeros((h, w), np.float32)
    paint = np.zeros((h, w, 3), np.float32)
    for _ in range(200):
        if float(cover.mean()) >= target:
            break
        R = max(2.0, side * rng.uniform(0.03, 0.07))
        cx, cy = rng.uniform(0, w), rng.uniform(0, h)
        d = np.hypot(xx - cx, yy - cy)
        th = np.arctan2(yy - cy, xx - cx)
        r = R * (0.88 + 0.14 * np.abs(np.sin(int(rng.integers(7, 12)) / 2 * th + rng.uniform(0, 6)))
                 + 0.08 * np.sin(2 * th + rng.uniform(0, 6)))
        m = np.clip(r - d + 0.5, 0, 1).astype(np.float32)
        col = cols[int(rng.integers(len(cols)))] * rng.uniform(0.92, 1.08)
        col = col[None, None, :] * (1 - 0.15 * (d < 0.5 * R))[..., None]
        paint = paint * (1 - m[..., None]) + col * m[..., None]
        cover = np.maximum(cover, m)
    crust = gaussian_filter(rng.normal(0, 1, (h, w)).astype(np.float32), 0.5)
    crust = crust / max(float(crust.std()), 1e-6)
    paint = paint * (1 + 0.08 * np.clip(crust, -2.5, 2.5) / 2.5)[..., None]
    alpha = (cover * rng.uniform(0.75, 0.9))[..., None]
    return _u8(f * (1 - alpha) + alpha * paint)


def near_edit_bb(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "allsort":  # a liquorice allsort lying on its side on the print
        return _allsort(f, rng)
    if kind == "edamame":  # an edamame pod lying on the print
        return _edamame(f, rng)
    if kind == "shallot_ring":  # a slice of shallot lying on the print
        return _shallot_ring(f, rng)
    if kind == "sinker":  # a lead fishing sinker lying on the print
        return _sinker(f, rng)
    if kind == "candy_corn":  # candy corn kernels on the print
        return _candy_corn(f, rng)
    if kind == "burl_veneer":  # the picture printed on a burl veneer
        return _burl_veneer(f, rng)
    if kind == "shed_snakeskin":  # a snake's shed skin laid over the print
        return _shed_snakeskin(f, rng)
    if kind == "lichen":  # lichen grown over the print
        return _lichen(f, rng)
    raise ValueError(kind)


# -- blurs -----------------------------------------------------------------------------------
LATEX = (np.array([234, 206, 160], np.float32), np.array([240, 176, 196], np.float32),
         np.array([176, 204, 240], np.float32))


def _latex_sheet(f: np.ndarray, rng) -> np.ndarray:
    """The picture photographed through a thin latex sheet (a balloon's rubber) stretched over the lens: the rubber
    scatters the light, a Gaussian of 1.6-2.4% of the side, at least 1 px, and one 3 times as wide, the sheet's
    colour (natural latex 234 / 206 / 160, pink 240 / 176 / 196 or pale blue 176 / 204 / 240) at 10%; the stretch
    leaves it uneven, a smooth field of 15-25% of the side: where it is thicker the wide Gaussian has up to 30% of the
    picture, where thinner 5% (the narrow one the rest of 90%), and a tint of 4-12% more of its colour; as a camera
    metering on the highlights exposes it: a rubber membrane over the lens, not a nylon stocking, polythene or any
    sheet laid on the print."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    col = LATEX[int(rng.integers(len(LATEX)))]
    s = max(1.0, side * rng.uniform(0.016, 0.024))
    narrow = np.stack([gaussian_filter(f[..., c], s, mode="reflect") for c in range(3)], axis=2)
    wide = np.stack([gaussian_filter(f[..., c], 3 * s, mode="reflect") for c in range(3)], axis=2)
    thick = np.clip(0.5 + 0.5 * _field(h, w, side * rng.uniform(0.15, 0.25), rng) / 1.5, 0, 1)[..., None]
    ww = 0.05 + 0.25 * thick
    out = (0.9 - ww) * narrow + ww * wide + 0.1 * col
    tint = 0.04 + 0.08 * thick
    out = out * (1 - tint) + tint * col
    return _u8(_metered(out, f))


def _sneeze_screen(f: np.ndarray, rng) -> np.ndarray:
    """The picture on a counter behind a perspex sneeze screen, smeared by a cleaning cloth, and photographed through
    it: the scratched, smeared sheet scatters the light, a Gaussian of 1.5-2.3% of the side, at least 1 px, for 65%
    of it and one 4 times as wide for 25%, the rest the screen's mean colour; 5-9 wiped arcs, 10-18% of the side
    wide, swept round a point off the picture (the cleaner's elbow), where the wide Gaussian has 40% more and a soapy
    haze 6% lighter; a ceiling light's soft reflection, a bar across at any angle 4% of the side wide, 6-10 levels up;
    as a camera metering on the highlights exposes it: a smeared screen standing before the print, not a wiper, a
    shower screen or a car's window."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    s = max(1.0, side * rng.uniform(0.015, 0.023))
    narrow = np.stack([gaussian_filter(f[..., c], s, mode="reflect") for c in range(3)], axis=2)
    wide = np.stack([gaussian_filter(f[..., c], 4 * s, mode="reflect") for c in range(3)], axis=2)
    mean = f.reshape(-1, 3).mean(axis=0)
    ang = rng.uniform(0, 2 * np.pi)
    px, py = w / 2 + 0.9 * side * np.cos(ang), h / 2 + 0.9 * side * np.sin(ang)
    d = np.hypot(xx - px, yy - py)
    smear = np.zeros((h, w), np.float32)
    for _ in range(int(rng.integers(5, 10))):
        R = rng.uniform(0.4, 1.4) * side
        bw = side * rng.uniform(0.1, 0.18)
        smear = np.maximum(smear, np.clip(1 - np.abs(d - R) / (bw / 2), 0, 1))
    smear = gaussian_filter(smear, max(0.5, 0.01 * side))[..., None]
    wn = 0.25 + 0.4 * smear
    out = (0.9 - wn) * narrow + wn * wide + 0.1 * mean
    out = out * (1 - 0.06 * smear) + 0.06 * smear * 235
    b = rng.uniform(0, np.pi)
    off = (xx - w / 2) * np.cos(b) + (yy - h / 2) * np.sin(b) - rng.uniform(-0.3, 0.3) * side
    out = out + rng.uniform(6, 10) * np.exp(-(off / (0.04 * side)) ** 2)[..., None]
    return _u8(_metered(out, f))


def blur_bb(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "latex_sheet":  # through a latex sheet stretched over the lens
        return _latex_sheet(f, rng)
    if kind == "sneeze_screen":  # behind a smeared perspex sneeze screen
        return _sneeze_screen(f, rng)
    raise ValueError(kind)


# -- darkening -------------------------------------------------------------------------------
TORCH = np.array([0.5, 0.68, 1.0], np.float32)
CANISTERS = ((170, 30, 30), (40, 70, 160), (220, 180, 40))


def _blowtorch(f: np.ndarray, rng) -> np.ndarray:
    """A plumber's workshop at night lit only by a blowtorch standing in the picture: a gas canister 10-14% of the
    side wide and 22-30% of the height high at the bottom, its middle 20-80% across, red 170 / 30 / 30, blue 40 / 70 /
    160 or yellow 220 / 180 / 40 lit to 35% of that, a brass nozzle 80 / 66 / 36 8-12% of the side long from its top
    at 20-70 degrees from the vertical either way; the flame a cone 18-28% of the side long from the nozzle, 22% of
    its length wide, blue 0.5 / 0.68 / 1.0 at 200 levels, its inner cone (40% of it) blue-white 220 / 240 / 255; a
    glow of sigma 4-7% of the side up to 35-50 levels in that blue; the picture lit in it at a gain of 0.015-0.03
    plus 0.26-0.34 falling off as ``1 / (1 + (d / d0) ** 2)`` with the distance ``d`` from the flame's middle, ``d0``
    25-35% of the side; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    cw, ch = side * rng.uniform(0.1, 0.14), h * rng.uniform(0.22, 0.3)
    cx = w * rng.uniform(0.2, 0.8)
    top = h - ch
    sgn = 1 if cx < w / 2 else -1
    a = np.deg2rad(rng.uniform(20, 70))
    dx, dy = sgn * np.sin(a), -np.cos(a)
    nl = side * rng.uniform(0.08, 0.12)
    nx, ny = cx + dx * nl, top + dy * nl
    Lf = side * rng.uniform(0.18, 0.28)
    mx, my = nx + dx * Lf / 2, ny + dy * Lf / 2
    d0 = side * rng.uniform(0.25, 0.35)
    gain = rng.uniform(0.015, 0.03) + rng.uniform(0.26, 0.34) / (1 + (np.hypot(xx - mx, yy - my) / d0) ** 2)
    out = _lit(f, gain[..., None] * TORCH, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    can = _pick(CANISTERS, rng) * 0.35
    out = _paint(out, ident.fill([_rounded(cw, ch + 0.1 * side, 0.2 * cw, cx, top + (ch + 0.1 * side) / 2)]), can)
    out = _paint(out, ident.line([[(cx, top), (nx, ny)]], max(0.8, 0.02 * side)), (80, 66, 36))
    px, py = -dy, dx  # across the flame

    def cone(length, half):
        tip = (nx + dx * length, ny + dy * length)
        return [(nx + px * half * 0.5, ny + py * half * 0.5), tip, (nx - px * half * 0.5, ny - py * half * 0.5)]
    flame = ident.fill([cone(Lf, 0.22 * Lf)])
    inner = ident.fill([cone(0.4 * Lf, 0.14 * Lf)])
    out = out + _glow(flame, max(1.0, side * rng.uniform(0.04, 0.07)))[..., None] * rng.uniform(35, 50) * TORCH
    out = _paint(out, 0.85 * flame, 200 * TORCH)
    return _u8(_paint(out, inner, (220, 240, 255)))


MOLTEN = np.array([1.0, 0.66, 0.28], np.float32)


def _crucible_pour(f: np.ndarray, rng) -> np.ndarray:
    """A foundry at night lit only by a crucible pouring molten bronze: a dark crucible 60 / 58 / 56, a tilted cup
    14-20% of the side across, its middle 30-70% across and 14-26% down, on a dark shank 36 / 34 / 34 out to the
    nearer side's edge; its lip glowing 255 / 220 / 140; a stream of molten metal 1.2-2% of the side wide (at least 1
    px), falling in a curve from the lip into a dark mould 40 / 38 / 36, 26-36% of the side wide and 12-18% of the
    height high at the bottom, its sprue glowing; the metal 1.0 / 0.66 / 0.28 at 250 levels, a glow of sigma 5-8% of
    the side up to 45-60 levels in that colour; the picture lit in it at a gain of 0.015-0.03 plus 0.26-0.34 falling
    off as ``1 / (1 + (d / d0) ** 2)`` with the distance ``d`` from the stream's middle, ``d0`` 25-35% of the side;
    noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    R = max(2.0, side * rng.uniform(0.07, 0.1))
    cx, cy = w * rng.uniform(0.3, 0.7), h * rng.uniform(0.14, 0.26)
    sgn = 1 if cx < w / 2 else -1  # the lip faces the middle
    lx, ly = cx + sgn * R, cy + 0.3 * R
    mw, mh = side * rng.uniform(0.26, 0.36), h * rng.uniform(0.12, 0.18)
    mx = float(np.clip(lx + sgn * side * rng.uniform(0.0, 0.12), mw / 2, w - mw / 2))
    my = h - mh
    t = np.linspace(0, 1, 16)
    stream = [(lx + (mx - lx) * np.sqrt(u), ly + (my - ly) * u ** 2 + 0.0) for u in t]
    smx, smy = stream[8]
    d0 = side * rng.uniform(0.25, 0.35)
    gain = rng.uniform(0.015, 0.03) + rng.uniform(0.26, 0.34) / (1 + (np.hypot(xx - smx, yy - smy) / d0) ** 2)
    out = _lit(f, gain[..., None] * MOLTEN, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    ex = -1.0 if sgn > 0 else w + 1.0
    out = _paint(out, ident.line([[(cx, cy), (ex, cy - 0.3 * R)]], max(1.0, 0.025 * side)), (36, 34, 34))
    cup = [(cx - R, cy - 0.9 * R), (cx + R, cy - 0.9 * R), (cx + 0.8 * R, cy + 0.9 * R), (cx - 0.8 * R, cy + 0.9 * R)]
    cup = [(cx + (x - cx) * np.cos(0.5 * sgn) - (y - cy) * np.sin(0.5 * sgn),
            cy + (x - cx) * np.sin(0.5 * sgn) + (y - cy) * np.cos(0.5 * sgn)) for x, y in cup]
    out = _paint(out, ident.fill([cup]), (60, 58, 56))
    out = _paint(out, ident.fill([_rect(mx - mw / 2, my, mx + mw / 2, h + 1.0)]), (40, 38, 36))
    metal = ident.line([stream], max(1.0, side * rng.uniform(0.012, 0.02)))
    metal = np.maximum(metal, ident.fill([_circle(max(1.0, 0.25 * R), 14, lx, ly)]))
    metal = np.maximum(metal, ident.fill([_ellipse(mx, my, max(1.0, 0.08 * mw), max(0.8, 0.03 * mw), 0.0, 14)]))
    out = out + _glow(metal, max(1.0, side * rng.uniform(0.05, 0.08)))[..., None] * rng.uniform(45, 60) * MOLTEN
    out = _paint(out, metal, np.minimum(250 * MOLTEN + 10, 255))
    return _u8(_paint(out, 0.7 * ident.fill([_circle(max(0.8, 0.12 * R), 12, lx, ly)]), (255, 220, 140)))


SCREEN = np.array([0.55, 0.5, 1.0], np.float32)


def _karaoke_screen(f: np.ndarray, rng) -> np.ndarray:
    """A karaoke room at night lit only by its lyric screen: a screen 34-46% of the side wide and 56% as high, its
    top 5-15% of the way down, its middle 25-75% across, in a black frame 20 / 20 / 24 6% of its width; on it a
    ground shading from violet 70 / 44 / 160 to blue 30 / 100 / 180, two lines of lyrics (4-6 words each, bars 240 /
    240 / 240 of a line's height), the sung part of the first line yellow 250 / 220 / 60 or pink 250 / 120 / 190; a
    glow of sigma 6-9% of the side up to 30-45 levels in blue-violet 0.55 / 0.5 / 1.0; the picture lit in it at a gain
    of 0.015-0.03 plus 0.26-0.34 falling off as ``1 / (1 + (d / d0) ** 2)`` with the distance ``d`` from the screen's
    middle, ``d0`` 28-38% of the side; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    sw = side * rng.uniform(0.34, 0.46)
    sh = 0.56 * sw
    cx = float(np.clip(w * rng.uniform(0.25, 0.75), sw / 2 + 1, w - sw / 2 - 1))
    top = h * rng.uniform(0.05, 0.15)
    cy = top + sh / 2
    d0 = side * rng.uniform(0.28, 0.38)
    gain = rng.uniform(0.015, 0.03) + rng.uniform(0.26, 0.34) / (1 + (np.hypot(xx - cx, yy - cy) / d0) ** 2)
    out = _lit(f, gain[..., None] * SCREEN, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    fb = 0.06 * sw
    out = _paint(out, ident.fill([_rect(cx - sw / 2 - fb, top - fb, cx + sw / 2 + fb, top + sh + fb)]), (20, 20, 24))
    panel = ident.fill([_rect(cx - sw / 2, top, cx + sw / 2, top + sh)])
    s = np.clip((yy - top) / max(sh, 1.0), 0, 1)[..., None]
    ground = (1 - s) * np.array([70, 44, 160], np.float32) + s * np.array([30, 100, 180], np.float32)
    out = out * (1 - panel[..., None]) + ground * panel[..., None]
    out = out + _glow(panel, max(1.0, side * rng.uniform(0.06, 0.09)))[..., None] * rng.uniform(30, 45) * SCREEN
    lh = max(0.8, 0.11 * sh)
    sung = (250, 220, 60) if rng.random() < 0.5 else (250, 120, 190)
    for row, y in enumerate((top + 0.35 * sh, top + 0.62 * sh)):
        x = cx - 0.42 * sw
        stop = x + rng.uniform(0.3, 0.7) * 0.84 * sw
        for _ in range(int(rng.integers(4, 7))):
            ww = 0.84 * sw * rng.uniform(0.08, 0.16)
            if x + ww > cx + 0.42 * sw:
                break
            col = sung if row == 0 and x + ww <= stop else (240, 240, 240)
            out = _paint(out, ident.fill([_rect(x, y - lh / 2, x + ww, y + lh / 2)]) * panel, col)
            x += ww + 0.84 * sw * 0.04
    return _u8(out)


def dark_bb(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "blowtorch":  # a workshop lit only by a blowtorch
        return _blowtorch(f, rng)
    if kind == "crucible_pour":  # a foundry lit only by a crucible pouring molten bronze
        return _crucible_pour(f, rng)
    if kind == "karaoke_screen":  # a karaoke room lit only by its lyric screen
        return _karaoke_screen(f, rng)
    raise ValueError(kind)


# -- outliers --------------------------------------------------------------------------------
def _hovercraft(size: int, rng) -> dict:
    """A hovercraft off a beach, seen from the side: a sea below a horizon 36-46% of the way down, a sandy shore
    across the bottom 10-16%; a hovercraft 56-70% of the side long, its middle 42-58% across, facing either way: a
    black skirt along the bottom, spray clouds round it, a hull above it with a stripe, a cabin with a sloping front
    and a row of windows, two ducted propellers at the stern (tall rounded ducts with a hub) and a rudder behind
    each (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("sea", "beach", "spray", "skirt", "hull", "stripe", "cabin", "windows", "ducts", "hubs", "rudders"),
                big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    hz = big * rng.uniform(0.36, 0.46)
    d["sea"].rectangle((0, hz, big, big), fill=255)
    sh = big * rng.uniform(0.84, 0.9)
    d["beach"].polygon([(0, sh + rng.uniform(-0.03, 0.03) * big), (big, sh + rng.uniform(-0.03, 0.03) * big),
                        (big, big), (0, big)], fill=255)
    L = big * rng.uniform(0.56, 0.7)
    cx = min(max(big * rng.uniform(0.42, 0.58), L / 2 + 0.04 * big), big - L / 2 - 0.04 * big)
    s = 1 if rng.random() < 0.5 else -1
    X = lambda t: cx + s * (t - 0.5) * L  # noqa: E731  (0 at the stern, 1 at the bow)
    base = big * rng.uniform(0.7, 0.76)
    for t in np.linspace(-0.05, 1.05, 9):
        r = big * rng.uniform(0.03, 0.06)
        d["spray"].ellipse((X(t) - r, base - r, X(t) + r, base + r), fill=255)
    d["skirt"].rounded_rectangle((min(X(0), X(1)), base - 0.09 * big, max(X(0), X(1)), base), radius=0.04 * big,
                                 fill=255)
    d["hull"].rectangle((min(X(0.02), X(0.98)), base - 0.15 * big, max(X(0.02), X(0.98)), base - 0.085 * big),
                        fill=255)
    d["stripe"].rectangle((min(X(0.02), X(0.98)), base - 0.12 * big, max(X(0.02), X(0.98)), base - 0.1 * big),
                          fill=255)
    d["cabin"].polygon([(X(0.22), base - 0.15 * big), (X(0.22), base - 0.27 * big), (X(0.72), base - 0.27 * big),
                        (X(0.86), base - 0.15 * big)], fill=255)
    for t in np.arange(0.26, 0.74, 0.07):
        d["windows"].rectangle((min(X(t), X(t + 0.04)), base - 0.24 * big, max(X(t), X(t + 0.04)), base - 0.2 * big),
                               fill=255)
    for t in (0.04, 0.13):
        d["ducts"].rounded_rectangle((min(X(t), X(t + 0.07)), base - 0.38 * big, max(X(t), X(t + 0.07)),
                                      base - 0.15 * big), radius=0.02 * big, fill=255)
        d["hubs"].ellipse((X(t + 0.035) - 0.015 * big, base - 0.28 * big, X(t + 0.035) + 0.015 * big,
                           base - 0.25 * big), fill=255)
        d["rudders"].rectangle((min(X(t - 0.02), X(t)), base - 0.34 * big, max(X(t - 0.02), X(t)), base - 0.18 * big),
                               fill=255)
    out = {k: _down(v, size) for k, v in M.items()}
    out["windows"] = out["windows"] * out["cabin"]
    out["hubs"] = out["hubs"] * out["ducts"]
    return out


def _bison(size: int, rng) -> dict:
    """A bison on a prairie, seen from the side: hills on a horizon 40-50% of the way down, grass below; a bison 50-62%
    of the side long, its middle 40-60% across, facing either way: a body (an oval), a high hump over the shoulders,
    a shaggy front (mane) over the hump and chest, a big head held low at the front with two short curved horns, a
    beard, an eye, four short legs to the grass and a thin tail with a tuft (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("hills", "grass", "body", "mane", "legs", "head", "horns", "beard", "tail", "eye"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    hz = big * rng.uniform(0.4, 0.5)
    for _ in range(int(rng.integers(2, 4))):
        mx, mh, mw = big * rng.uniform(0, 1), big * rng.uniform(0.05, 0.12), big * rng.uniform(0.3, 0.6)
        d["hills"].ellipse((mx - mw, hz - mh, mx + mw, hz + mh), fill=255)
    d["grass"].rectangle((0, hz, big, big), fill=255)
    L = big * rng.uniform(0.5, 0.62)
    cx = min(max(big * rng.uniform(0.4, 0.6), L / 2 + 0.12 * big), big - L / 2 - 0.12 * big)
    s = 1 if rng.random() < 0.5 else -1
    X = lambda t: cx + s * (t - 0.5) * L  # noqa: E731  (0 at the tail, 1 at the chest)
    by = big * rng.uniform(0.6, 0.66)
    bh = 0.48 * L
    d["body"].ellipse((min(X(0.0), X(1.0)), by - bh / 2, max(X(0.0), X(1.0)), by + bh / 2), fill=255)
    d["body"].polygon([(X(0.45), by - 0.3 * bh), (X(0.62), by - 0.85 * bh), (X(0.8), by - 0.8 * bh), (X(1.0), by)],
                      fill=255)
    d["mane"].polygon([(X(0.55), by - 0.55 * bh), (X(0.64), by - 0.88 * bh), (X(0.82), by - 0.82 * bh),
                       (X(1.05), by + 0.1 * bh), (X(0.95), by + 0.45 * bh), (X(0.62), by + 0.35 * bh)], fill=255)
    feet = big * 0.95
    lw = max(2, round(0.07 * L))
    for t in (0.12, 0.25, 0.72, 0.86):
        d["legs"].line([(X(t), by + 0.3 * bh), (X(t), feet)], fill=255, width=lw)
    hx0, hx1 = X(0.95), X(1.18)
    hy = by + 0.05 * bh
    d["head"].ellipse((min(hx0, hx1), hy - 0.14 * L, max(hx0, hx1), hy + 0.14 * L), fill=255)
    d["beard"].polygon([(X(1.0), hy + 0.08 * L), (X(1.12), hy + 0.1 * L), (X(1.06), hy + 0.3 * L)], fill=255)
    for t in (1.0, 1.07):
        d["horns"].line([(X(t), hy - 0.1 * L), (X(t - 0.03), hy - 0.2 * L), (X(t + 0.01), hy - 0.25 * L)], fill=255,
                        width=max(2, round(0.025 * L)))
    d["tail"].line([(X(0.0), by - 0.1 * bh), (X(-0.05), by + 0.35 * bh)], fill=255, width=max(1, round(0.015 * L)))
    d["tail"].ellipse((X(-0.05) - 0.03 * L, by + 0.3 * bh, X(-0.05) + 0.03 * L, by + 0.45 * bh), fill=255)
    d["eye"].ellipse((X(1.1) - 0.015 * L, hy - 0.05 * L, X(1.1) + 0.015 * L, hy - 0.02 * L), fill=255)
    out = {k: _down(v, size) for k, v in M.items()}
    out["eye"] = out["eye"] * out["head"]
    return out


def _toucan(size: int, rng) -> dict:
    """A toucan in a rainforest: 18-30 leaves (ellipses 8-18% of the side long at any angle) all round, a branch
    across the lower part at up to 15 degrees; a toucan perched on it, its middle 35-55% across (the beak pointing
    either way): a black body (an upright oval 20-26% of the side wide and 1.6 times as high), a tail hanging below
    the branch, a white or yellow bib on the upper front, a head at the top, a huge curved beak 30-38% of the side
    long with a black tip, a ringed eye and feet on the branch (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("leaves", "branch", "tail", "body", "bib", "beak", "tip", "ring", "eye", "feet"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    for _ in range(int(rng.integers(18, 31))):
        x, y = rng.uniform(0, big, 2)
        Ll = big * rng.uniform(0.08, 0.18)
        d["leaves"].polygon(_ellipse(float(x), float(y), Ll / 2, Ll / 5, rng.uniform(0, np.pi), 16), fill=255)
    s = 1 if rng.random() < 0.5 else -1
    bw = big * rng.uniform(0.2, 0.26)
    bhh = 1.6 * bw
    cx = big / 2 + s * (-1) * big * rng.uniform(0.0, 0.12)
    yb = big * rng.uniform(0.72, 0.8)
    tilt = np.tan(np.deg2rad(rng.uniform(-15, 15)))
    d["branch"].line([(0, yb - tilt * big / 2), (big, yb + tilt * big / 2)], fill=255, width=max(3, round(0.05 * big)))
    by = yb - 0.02 * big - bhh / 2
    d["tail"].polygon([(cx - 0.25 * bw, by + 0.3 * bhh), (cx + 0.25 * bw, by + 0.3 * bhh),
                       (cx + 0.18 * bw - s * 0.1 * bw, yb + 0.18 * big), (cx - 0.18 * bw - s * 0.1 * bw,
                                                                          yb + 0.18 * big)], fill=255)
    d["body"].ellipse((cx - bw / 2, by - bhh / 2, cx + bw / 2, by + bhh / 2), fill=255)
    hx, hy = cx + s * 0.1 * bw, by - bhh / 2 + 0.05 * big
    d["body"].ellipse((hx - 0.32 * bw, hy - 0.3 * bw, hx + 0.32 * bw, hy + 0.3 * bw), fill=255)
    d["bib"].ellipse((cx + s * 0.05 * bw - 0.32 * bw, hy - 0.05 * bw, cx + s * 0.05 * bw + 0.32 * bw, hy + 0.6 * bw),
                     fill=255)
    BL = big * rng.uniform(0.3, 0.38)
    bx0 = hx + s * 0.25 * bw
    beak = [(bx0, hy - 0.2 * bw), (bx0 + s * 0.5 * BL, hy - 0.22 * bw), (bx0 + s * BL, hy + 0.02 * bw),
            (bx0 + s * 0.6 * BL, hy + 0.1 * bw), (bx0, hy + 0.12 * bw)]
    d["beak"].polygon(beak, fill=255)
    d["tip"].polygon([(bx0 + s * 0.8 * BL, hy - 0.15 * bw), (bx0 + s * 1.05 * BL, hy - 0.1 * bw),
                      (bx0 + s * BL, hy + 0.1 * bw), (bx0 + s * 0.78 * BL, hy + 0.12 * bw)], fill=255)
    ex = hx + s * 0.08 * bw
    d["ring"].ellipse((ex - 0.12 * bw, hy - 0.14 * bw, ex + 0.12 * bw, hy + 0.1 * bw), fill=255)
    d["eye"].ellipse((ex - 0.05 * bw, hy - 0.07 * bw, ex + 0.05 * bw, hy + 0.03 * bw), fill=255)
    d["feet"].rectangle((cx - 0.2 * bw, yb - 0.04 * big, cx + 0.2 * bw, yb), fill=255)
    out = {k: _down(v, size) for k, v in M.items()}
    out["tip"] = out["tip"] * out["beak"]
    out["eye"] = out["eye"] * out["ring"]
    return out


def outlier_bb(name: str, kind: str, size: int, lo: int, hi: int, rng) -> np.ndarray:
    photos = name.startswith("photos")
    ground = lambda col: np.ones((size, size, 3), np.float32) * np.asarray(col, np.float32)  # noqa: E731
    tone = lambda t: [lo + (hi - lo) * t] * 3  # noqa: E731
    if kind == "hovercraft":
        m = _hovercraft(size, rng)
        if photos:  # a pale sky, a grey-blue sea, sand, a red and white hovercraft on a black skirt
            out = _paint(_paint(ground((200, 214, 228)), m["sea"], (70, 100, 120)), m["beach"], (214, 196, 150))
            out = _paint(_paint(out, m["spray"], (236, 240, 242)), m["skirt"], (24, 24, 26))
            out = _paint(_paint(out, m["hull"], (240, 240, 236)), m["stripe"], (200, 36, 36))
            out = _paint(_paint(out, m["cabin"], (236, 236, 232)), m["windows"], (40, 56, 80))
            out = _paint(_paint(out, m["ducts"], (200, 36, 36)), m["hubs"], (40, 40, 44))
            return _u8(_paint(out, m["rudders"], (230, 230, 226)))
        out = _paint(_paint(ground(tone(0.0)), m["sea"], tone(0.2)), m["beach"], tone(0.4))
        out = _paint(_paint(out, m["spray"], tone(0.65)), m["skirt"], tone(0.1))
        out = _paint(_paint(out, m["hull"], tone(1.0)), m["stripe"], tone(0.5))
        out = _paint(_paint(out, m["cabin"], tone(0.85)), m["windows"], tone(0.3))
        out = _paint(_paint(out, m["ducts"], tone(0.75)), m["hubs"], tone(0.2))
        return _u8(_paint(out, m["rudders"], tone(0.95)))
    if kind == "bison":
        m = _bison(size, rng)
        if photos:  # a pale sky, blue-green hills, yellow-green grass, a dark brown bison
            out = _paint(_paint(ground((176, 200, 226)), m["hills"], (96, 120, 110)), m["grass"], (160, 170, 80))
            out = _paint(_paint(out, m["legs"], (50, 36, 26)), m["body"], (92, 62, 40))
            out = _paint(_paint(out, m["mane"], (62, 42, 28)), m["tail"], (50, 36, 26))
            out = _paint(_paint(out, m["head"], (48, 34, 24)), m["beard"], (40, 28, 20))
            return _u8(_paint(_paint(out, m["horns"], (200, 190, 170)), m["eye"], (10, 8, 6)))
        out = _paint(_paint(ground(tone(0.0)), m["hills"], tone(0.25)), m["grass"], tone(0.12))
        out = _paint(_paint(out, m["legs"], tone(0.6)), m["body"], tone(1.0))
        out = _paint(_paint(out, m["mane"], tone(0.8)), m["tail"], tone(0.6))
        out = _paint(_paint(out, m["head"], tone(0.7)), m["beard"], tone(0.5))
        return _u8(_paint(_paint(out, m["horns"], tone(0.95)), m["eye"], tone(0.1)))
    if kind == "toucan":
        m = _toucan(size, rng)
        if photos:  # green leaves on a dark green ground, a brown branch, a black toucan, an orange-yellow beak
            bib = ((246, 242, 230), (250, 214, 60))[int(rng.integers(2))]
            out = _paint(_paint(ground((30, 60, 34)), m["leaves"], (70, 140, 60)), m["branch"], (100, 72, 46))
            out = _paint(_paint(out, m["tail"], (16, 16, 18)), m["body"], (20, 20, 22))
            out = _paint(_paint(out, m["bib"], bib), m["beak"], (246, 150, 30))
            out = _paint(_paint(out, m["tip"], (16, 16, 18)), m["ring"], (90, 170, 230))
            return _u8(_paint(_paint(out, m["eye"], (10, 10, 10)), m["feet"], (80, 110, 160)))
        out = _paint(_paint(ground(tone(0.0)), m["leaves"], tone(0.3)), m["branch"], tone(0.5))
        out = _paint(_paint(out, m["tail"], tone(0.65)), m["body"], tone(0.75))
        out = _paint(_paint(out, m["bib"], tone(1.0)), m["beak"], tone(0.9))
        out = _paint(_paint(out, m["tip"], tone(0.2)), m["ring"], tone(0.95))
        return _u8(_paint(_paint(out, m["eye"], tone(0.05)), m["feet"], tone(0.4)))
    raise ValueError(kind)


# -- label noise -----------------------------------------------------------------------------
def empty_cartridge_flips(base: list[np.ndarray], labels: list, classes: list, candidates: list, count: int,
                          rng) -> dict[int, object]:
    """``count`` examples to flip and their new labels: the items were sorted into colour-coded crates, one a class
    (the classes in their sorted order), each class's colour mixed from cyan, magenta and yellow inks at none, half or
    full strength (distinct colours, drawn at random; more strengths where the classes outnumber 27); the colour key
    card was printed at each of ``SITES`` sorting sites, and at one site (at random) with one ink (at random) run out,
    so the swatch of a class showing that ink came out as the colour without it; where that is another class's colour,
    the site's sorters put the class's items in that class's crate. Each eligible item went to a site at random; the
    flips are such a class's items at that site (in a random order), each given the class whose colour its swatch came
    out as, until ``count`` items are flipped (passes repeated with a fresh key, site and ink while some are left).
    Noise confined to one site's share and to classes whose colours differ by one ink, in one direction, not by look:
    not BA's mistranslated list, AZ's label rolls or AY's memory cards. Every flip changes the label."""
    names = sorted(classes, key=str)
    index = {c: j for j, c in enumerate(names)}
    pool = np.asarray(sorted(int(v) for v in candidates), dtype=int)
    if len(names) < 2 or not len(pool) or count <= 0:
        return {}
    k = max(3, int(np.ceil(len(names) ** (1 / 3) - 1e-9)))  # strengths of each ink (3 unless classes outnumber 27)
    sites = int(rng.integers(*SITES))
    site = rng.integers(0, sites, len(pool))
    flips: dict[int, object] = {}
    for _ in range(200):
        codes = rng.choice(k ** 3, size=len(names), replace=False)
        inks = np.stack([codes // (k * k), (codes // k) % k, codes % k], axis=1)  # cyan, magenta, yellow: 0 is none
        colour = {tuple(int(x) for x in c): j for j, c in enumerate(inks)}
        s, ink = int(rng.integers(sites)), int(rng.integers(3))
        moves = {}
        for j, c in enumerate(inks):
            if c[ink]:
                faded = list(int(x) for x in c)
                faded[ink] = 0
                if tuple(faded) in colour:
                    moves[j] = colour[tuple(faded)]
        items = [int(i) for i, si in zip(pool, site) if si == s and index[labels[int(i)]] in moves]
        for i in rng.permutation(items) if items else []:
            if len(flips) >= count:
                break
            i = int(i)
            if i not in flips:
                flips[i] = names[moves[index[labels[i]]]]
        if len(flips) >= count:
            break
    return dict(sorted(flips.items()))


# -- planting ------------------------------------------------------------------------------
def plant_issues_bb(images, labels, out_dir, *, name: str, random_state: int = 0) -> PlantedDataset:
    """Generator BB's problems (module docstring). A set whose name ends in ``_jpeg`` is written as JPEG files at a
    quality drawn from 48-70 each; the others as PNG. The planting is I's (:func:`_heldout_i.plant_generator`)."""
    return plant_generator(
        images, labels, out_dir, name=name, rates=RATES_BB, seed=540_000 + random_state,
        quality_seed=545_000 + random_state, jpeg_quality=JPEG_QUALITY,
        flips=empty_cartridge_flips,
        **by_family(name, outlier=(outlier_bb, OUTLIERS_BB), blur=(blur_bb, BLURS_BB), dark=(dark_bb, DARKS_BB),
                    near=(near_edit_bb, NEAR_EDITS_BB)))
