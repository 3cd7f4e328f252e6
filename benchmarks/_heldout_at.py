"""Generator AT: fresh EVALUATION sets after generator AS's run (never used to choose anything).

Why a forty-fourth evaluation generator: generator AS's sets have been run, and what they showed may inform the next
changes (the commit subjects since AS's generator commit name AS's one run on the same library as AR's, dark found
on 0.82-1.00 of its darkened pictures, near_duplicate 0.67-0.80, blurry 0 of 12 on the 51 px JPEG tiles under
CleanVision, outlier 0 of 30 on clothing, calibration +16.3%; and, around it, the sets of a generator written but
not yet run kept out of the development sweeps, outlier's blurred-copy cutoff measured at other statistics of the
copies' distances with none kept, the edge-light statistics measured on the device for only the images that may
hold such a light, and a cache entry's settings identity taken from one place, keys unchanged), so they will not
stay untouched; AT is a held-out measurement of the code after that run, of families of its own (AT's writer read
no docs, logs, result files or commit bodies: only the commit subjects, the library's code and the earlier
generators' and tuning tools' files, to copy their structure and to avoid their families). Like AN's to AS's, AT's
edits are not all brightly coloured: some are grey, dark or translucent. Generator AT was written before any tool
was run on it (only its pictures were looked at, on contact sheets of its edits, blurs, darkenings and foreign
pictures at 28, 53 and 284 px, to check that every edit is visible, every blur blurred, every darkened image dark
with its picture still in it and every outlier foreign, and the planted folders hashed twice); it is not to be
changed after its results are seen. Its edits, blurs, darkenings, foreign pictures and label noise are of families
that no tuning tool (``blur_tuning.py``'s lens blurs: Gaussian, soft disk, astigmatic elongated Gaussian, ring;
``_foreign.py``'s textures, icons and soft photographs; ``near_photos.py``'s and ``near_small.py``'s edits;
``label_filters.py``'s and ``label_noise_models.py``'s flips), no earlier generator (A = ``dq.datasets.plant_issues``,
B, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T, U, V, W, X, Y, Z, AA, AB, AC, AD, AE, AF, AG, AH, AI, AJ, AK,
AL, AM, AN, AO, AP, AQ, AR, AS) and none of the library's calibration copies (``dataquality/compute/_synthetic.py``:
crop, shift, rotate, brightness, contrast, gamma, JPEG, resize, overlay box; Gaussian, box, motion, down-and-up
blurs) make. Like AC's to AS's it has two blur families, not three. Left out because an earlier generator made them
or left them out: among objects on the print an acorn, a walnut, a peanut or popcorn (their lists), a clothes peg
(its lists), a star anise, a bay leaf, a cufflink, a chopstick, a hair clip or a bobby pin (their lists), a
matchstick (its lists), a mushroom or an egg (their lists), bow-tie pasta (AB's list), an allen key or a drawing pin (their
lists), a cork (its lists), a washer (AQ's); of the whole picture a corrugated sheet (its lists), a woven tapestry
or a quilted fabric (AG's ikat, AA's tufted upholstery), a chain-link fence (its lists), a car's heated rear window
(T's list), postage stamps' perforations (Q's, N's); among blurs a stocking, a sheer curtain or a diffusion filter
(O's), cling film or cellophane (their lists), tracing paper (its lists), turbid or milky water (their lists),
fog or mist (their lists), a toy camera's field curvature (W's Petzval lens), a steamed-up window (K's); among
darkenings a kettle's light ring (AF's list), an illuminated globe (AF's list), a phone screen (its lists), a
welding arc, a sparkler, a neon sign, an exit sign (their lists), fireflies or embers (their lists), a jukebox or a
kiln (their lists), a safelight (its lists), a lantern or an oil lamp (their lists), a wristwatch (its lists), a
UV nail lamp (AE's list), a microwave or an oven (their lists), a fish tank (K's deep water); among foreign pictures
a tractor, a scarecrow, a snail, a giraffe, a yurt, a totem pole, an igloo, a Ferris wheel, an electricity pylon, a
palm tree, a chairlift or a saguaro (their lists), a rocket (its lists); among label noise a spreadsheet's fill-down
(M's pages, U's shifted rows), a keypad's rows or hotkey slips (O's), a colour-blind labeller (AB's list), a
checkweigher's drift, a wrong position or a wrong clock (AS's, AR's, AQ's).

* ``near_duplicate`` (3%), five edits in a part of the picture and three of the whole, in turn (so that the 284 px
  set's copies get both kinds): a casino poker chip lying flat on the print (20-26% of the side across, at least
  8 px, red, black, green, blue or white, whichever two show most against the picture's median grey, or one time in
  five a clear acrylic chip at 45%, 6 or 8 edge spots, an inlay ring from 32 px, a sheen; at any angle, 30-70% of
  the way across and down, a soft shadow at 40%, 15% for the clear chip), one to three blueberries (14-20% of the
  side across, at least 7 px, dark blue-black under a dusty bloom at 25-45%, a five-pointed crown from 32 px; the
  same place, a shadow at 45%), two or three dry penne (tubes 20-28% of the side long, at least 9 px, cut on the
  slant, durum yellow, wholewheat brown or spinach green, whichever two show most, ridges from 32 px, a dark hollow
  end; the same place, a shadow at 35%), a hex nut (18-24% of the side across its corners, at least 8 px, its hole
  showing the print, zinc grey, black oxide or brass, whichever two show most, one face catching the light, a
  chamfer and the thread from 32 px; the same place, a shadow at 45%) and two kidney beans (16-21% of the side
  long, at least 7 px, dark red, white or black, whichever two show most, a hilum from 32 px, a sheen; the same
  place, a shadow at 40%); of the whole picture: the picture painted on a chevron parquet floor (columns of blocks
  8-11% of the side wide, at least 3 px, cut at 45 degrees sloping up and down in turn, each block a wood tone of
  its own at 14-20% with grain, dark joints: wooden blocks, not AS's cobbles or terrazzo), printed on hessian (a
  loose plain jute weave 5-7% of the side a period, at least 3 px, over and under, the gaps 55% darker: coarse
  sacking, not a tapestry or AR's corduroy) and printed on a studio's acoustic foam (an egg-crate of soft pyramids
  9-13% of the side apart, at least 3.5 px, lit from a random side by 22-30%, dark valleys: a square grid of bumps,
  not cobbles or a quilt);
* ``exact_duplicate`` (1%): byte-for-byte copies of a file under another name;
* ``blurry`` (3%): the picture photographed through a decorator's clear polythene dust sheet hung before the print
  (the film's haze: a Gaussian of 1.5-2.3% of the side, at least 1 px, for 55% of it, one 4 times as wide for 30%,
  the rest a milky veil of half the picture's mean colour and half white, 2-4 lighter creases from 48 px: a thin
  scattering film in front, not cling film, tracing paper or AR's clouded PVC) and the picture photographed across a
  bakery while a sack of flour is tipped (the dust in the air: a Gaussian of 1.6-2.4% of the side, at least 1 px,
  for 60% of it, one 3 times as wide for 25%, the rest a creamy white veil of 12-20% thicker in drifting clouds,
  15-30 out-of-focus motes from 48 px: airborne dust, not fog, mist or smoke); each as a camera metering on the
  highlights exposes it (as Y's to AS's);
* ``dark`` (2%): a bedroom at night lit only by a bedside alarm clock's red digits (a dark clock 30-38% of the side
  wide at the bottom left or right corner showing a time in red seven-segment digits; the picture lit in red, 1.0 /
  0.16 / 0.1, at 0.3-0.4 falling off as ``1 / (1 + (d / d0) ** 2)`` with the distance from the display, ``d0``
  30-40% of the side, over 0.015-0.03; a glow of sigma 3-5% of the side up to 30-45 levels: a red display, not a
  date stamp or a dashboard), a nursery at night lit only by a baby monitor's parent unit (a case 20-26% of the side
  wide at the bottom left or right, its screen showing the night-vision camera's grey-green cot, 2-4 of five green
  sound lights lit; the picture lit in a pale green-white, 0.72 / 0.95 / 0.85, at 0.26-0.34 falling off as above,
  ``d0`` 30-42% of the side, over 0.015-0.03; a glow of sigma 4-6% of the side up to 25-40 levels: a small screen,
  not a phone or a laptop) and a tanning cubicle at night lit only by a sunbed's tubes left on (the open canopy
  across the top or bottom, 14-20% of the side deep, 8-12 glowing blue-white tubes; the picture lit in violet-blue,
  0.62 / 0.68 / 1.0, at 0.28-0.36 falling off with the distance from the canopy, ``d0`` 22-30% of the side, over
  0.015-0.03; a glow of sigma 3-5% of the side up to 35-50 levels: a bank of tubes, not AI's light panels or AR's
  mirror bulbs); none of them blurs the picture;
* ``outlier`` (1.5%): a combine harvester in a wheat field (a horizon, the field, a strip of stubble, the body on a
  big and a small wheel, a glazed cab, a grain tank, a folded unloading auger, a header with a reel), a hedgehog on
  a lawn at dusk (a hedge along the horizon, a domed back of jagged spines with streaks from 48 px, a pointed face,
  a nose and an eye, four feet) and a pillar postbox on a pavement (a wall, the pavement, the road's kerb, the box
  with a domed cap and rim, a posting slot, a plate and a door outline, a plinth); the digit and clothing sets get
  them in their own tones on their dark ground, the photographs as a green, red or yellow combine on golden wheat
  under a blue sky, a brown hedgehog on a green lawn under a dusky sky, and a red postbox before a stone or painted
  wall on a grey pavement;
* ``label`` (5%): *shelf-scan* flips: part of the set was photographed in a stock-take, each item labelled by
  scanning a shelf-edge label with a handheld scanner. Along each aisle stand 4-8 sections of 6-16 items of one
  class (a section's class never its neighbour's), each section's label under its middle; the stock-taker aimed
  the scanner at the shelf edge under each item, off by a Gaussian of 12-32% of a section's width (one spread per
  aisle), and the scanner read the label nearest its aim, so an item near a section's end is often given the
  neighbouring section's class; one whose scan reads its own section's label is not a flip. Aisles are worked
  through, in a random order of the eligible pictures, until the flips needed are made (the last aisle's flips
  kept in part, at random): noise by where an item stood on the shelf, not by class or look, not AS's drifting
  scale or AR's wrong position. Every flip changes the label, so every one is in the truth.

Each planted defect has its own source image; nothing else is planted, so only these six issue types are scored on
AT's sets. Base data are the evaluation domains drawn with seeds no other set uses: Fashion-MNIST *test* (2,000, seed
309), MNIST (2,000, seed 310), and the evaluation photographs tiled at 53 px (24 tiles a photograph at most, seed
311) and at 284 px (every tile, seed 312), sizes no other set uses. ``photos53_at_jpeg`` is written as JPEG files,
each at a quality drawn from 56-78 (a stream of its own, seed ``465_000 + random_state``), every edit, blur and
darkening made before the encoding, near copies made from the decoded JPEG and saved again at their own quality,
exact copies byte copies of the file; the other sets are PNG files. Planting draws from seed ``460_000 +
random_state``. The planting is I's (:func:`_heldout_i.plant_generator`, as for J to AS).
"""

from __future__ import annotations

import numpy as np
from _heldout_aa import _frame_at, _rect
from _heldout_ab import _pick
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

EVALUATION_AT = ("fashion_test_at", "mnist_at", "photos53_at_jpeg", "photos284_at")
# each set's base: (data, seed) or ("photos", seed, tile size, tiles per photograph quick, full)
BASES_AT = {
    "fashion_test_at": ("fashion_test", 309),
    "mnist_at": ("mnist", 310),
    "photos53_at_jpeg": ("photos", 311, 53, 8, 24),
    "photos284_at": ("photos", 312, 284, 8, 1000),
}
JPEG_QUALITY = (56, 79)  # the JPEG set's qualities: integers in [low, high)
RATES_AT = {"near_duplicate": 0.03, "exact_duplicate": 0.01, "blurry": 0.03, "dark": 0.02, "outlier": 0.015,
            "label": 0.05}
# parts of the picture and the whole picture in turn, so that the smallest set gets both kinds
NEAR_EDITS_AT = ("poker_chip", "chevron_parquet", "blueberry", "hessian", "penne", "acoustic_foam", "hex_nut",
                 "kidney_bean")
BLURS_AT = ("polythene_sheet", "flour_dust")
DARKS_AT = ("alarm_clock", "baby_monitor", "sunbed")
OUTLIERS_AT = ("combine_harvester", "hedgehog", "postbox")
SECTION_ITEMS = (6, 17)  # items of one class in a shelf section: integers in [low, high) (label noise)
SECTIONS_PER_AISLE = (4, 9)  # sections along an aisle: integers in [low, high) (label noise)
AIM_SPREAD = (0.12, 0.32)  # the scanner's aim error (sigma) as a share of a section's width, per aisle (label noise)


def load_base_at(name: str, quick: bool = False):
    import _heldout

    return _heldout.load_generator_base(name, quick, BASES_AT, "AT")


def _smooth_field(h: int, w: int, sigma: float, rng) -> np.ndarray:
    """A smooth random field of ``sigma`` px, scaled to 0-1."""
    from scipy.ndimage import gaussian_filter

    g = gaussian_filter(rng.normal(0, 1, (h, w)).astype(np.float32), max(0.5, sigma), mode="wrap")
    return (g - g.min()) / max(float(g.max() - g.min()), 1e-6)


def _circle(r: float, n: int = 28, cx: float = 0.0, cy: float = 0.0) -> list[tuple[float, float]]:
    return _ellipse(cx, cy, r, r, 0.0, n)


# -- near copies -----------------------------------------------------------------------------
CHIPS = ((196, 36, 40), (30, 30, 34), (40, 130, 70), (40, 70, 170), (240, 238, 232))


def _poker_chip(f: np.ndarray, rng) -> np.ndarray:
    """A casino poker chip lying flat on the print: a disc 20-26% of the side across, at least 8 px; red, black,
    green, blue or white (of the five the two whose grey is furthest from the picture's median grey), or one time
    in five a clear acrylic chip at 45% (a shadow at 15%, the others' at 40%); 6 or 8 edge spots 18% of its radius
    deep in white (grey on a white chip) round its rim; from 32 px an inlay ring at 62% of its radius, 5% of it
    wide, at least 0.5 px, 20% darker; a sheen at 35%; its middle 30-70% of the way across and down, turned at
    random."""
    h, w = f.shape[:2]
    side = min(h, w)
    R = max(4.0, side * rng.uniform(0.2, 0.26) / 2)
    clear = rng.random() < 0.2
    col = np.array([226, 236, 240], np.float32) if clear else _showing(f, CHIPS, rng)
    alpha, shadow = (0.45, 0.15) if clear else (1.0, 0.4)
    fr = _frame_at(h, w, rng)
    disc = fr.fill([_circle(R, 36)])
    parts = [(disc, col, alpha, True)]
    n = 6 if rng.random() < 0.5 else 8
    spot = (150, 150, 156) if float(col.mean()) > 200 else (250, 250, 248)
    spots = []
    for k in range(n):
        t0, t1 = 2 * np.pi * k / n, 2 * np.pi * k / n + np.pi / n * 0.8
        ts = np.linspace(t0, t1, 5)
        spots.append([(float(R * np.cos(t)), float(R * np.sin(t))) for t in ts] +
                     [(float(0.82 * R * np.cos(t)), float(0.82 * R * np.sin(t))) for t in ts[::-1]])
    parts.append((fr.fill(spots) * disc, spot, alpha, False))
    if side >= 32:
        parts.append((fr.line([_circle(0.62 * R, 36) + [_circle(0.62 * R, 36)[0]]], max(0.5, 0.05 * R)), col * 0.8,
                      alpha, False))
    parts.append((fr.fill([_ellipse(-0.3 * R, -0.35 * R, 0.35 * R, 0.12 * R, 0.6, 10)]) * disc, (255, 255, 255),
                  0.35, False))
    return _u8(_laid(f, parts, shadow))


BERRY = np.array([54, 58, 98], np.float32)
BLOOM = np.array([150, 160, 190], np.float32)


def _blueberry(f: np.ndarray, rng) -> np.ndarray:
    """One to three blueberries lying on the print: round berries 14-20% of the side across, at least 7 px, the
    others touching the first, each dark blue-black 54 / 58 / 98 under a dusty bloom of pale blue-grey at 25-45%
    (a waxy bloom, not a sheen), from 32 px a five-pointed crown (the calyx's scar) 35% of its width across,
    near-black 30 / 26 / 40, off its middle; a small soft highlight at 30%; the first's middle 30-70% of the way
    across and down, a soft shadow at 45%."""
    h, w = f.shape[:2]
    side = min(h, w)
    R = max(3.5, side * rng.uniform(0.14, 0.2) / 2)
    fr = _frame_at(h, w, rng)
    centres = [(0.0, 0.0)]
    for k in range(int(rng.integers(0, 3))):
        t = rng.uniform(0, 2 * np.pi)
        centres.append((float(1.9 * R * np.cos(t + k * 2.2)), float(1.9 * R * np.sin(t + k * 2.2))))
    berries = fr.fill([_circle(R * rng.uniform(0.9, 1.0), 30, x, y) for x, y in centres])
    parts = [(berries, BERRY, 1.0, True), (berries, BLOOM, rng.uniform(0.25, 0.45), False)]
    if side >= 32:
        crowns = []
        for x, y in centres:
            ox, oy = x + 0.25 * R, y - 0.15 * R
            pts = []
            for j in range(10):
                t = np.pi * j / 5
                rr = 0.35 * R if j % 2 == 0 else 0.15 * R
                pts.append((float(ox + rr * np.cos(t)), float(oy + rr * np.sin(t))))
            crowns.append(pts)
        parts.append((fr.fill(crowns) * berries, (30, 26, 40), 1.0, False))
    parts.append((fr.fill([_ellipse(x - 0.4 * R, y - 0.45 * R, 0.2 * R, 0.12 * R, 0.5, 8) for x, y in centres]) *
                  berries, (230, 236, 255), 0.3, False))
    return _u8(_laid(f, parts, 0.45))


PENNES = ((236, 204, 126), (150, 108, 66), (112, 146, 70))


def _penne(f: np.ndarray, rng) -> np.ndarray:
    """Two or three dry penne lying on the print: pasta tubes 20-28% of the side long, at least 9 px, 30-36% of that
    wide, each end cut on the slant (a parallelogram), pale durum yellow, wholewheat brown or spinach green (of the
    three the two whose grey is furthest from the picture's median grey); the open end's hollow as a dark ellipse
    55% darker; from 32 px 4-6 ridges along each 16% darker; the tubes side by side at small angles to each other;
    at any angle, the group's middle 30-70% of the way across and down, a soft shadow at 35%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(9.0, side * rng.uniform(0.2, 0.28))
    W = L * rng.uniform(0.3, 0.36)
    col = _showing(f, PENNES, rng)
    fr = _frame_at(h, w, rng)
    n = int(rng.integers(2, 4))
    bodies, hollows, ridges = [], [], []
    for k in range(n):
        oy = (k - (n - 1) / 2) * 1.15 * W
        a = rng.uniform(-0.15, 0.15)
        c, s = np.cos(a), np.sin(a)
        sl = 0.3 * W

        def at(u, v, oy=oy, c=c, s=s):
            return (float(u * c - v * s), float(oy + u * s + v * c))

        bodies.append([at(-L / 2 - sl, -W / 2), at(L / 2 - sl, -W / 2), at(L / 2 + sl, W / 2), at(-L / 2 + sl, W / 2)])
        hx, hy = at(L / 2, 0.0)
        hollows.append(_ellipse(hx, hy, 0.16 * W, 0.42 * W, a + 0.5, 12))
        for v in np.linspace(-0.36, 0.36, int(rng.integers(4, 7))):
            ridges.append([at(-L / 2 + sl * 2 * v, v * W), at(L / 2 + sl * 2 * v - 0.12 * L, v * W)])
    body = fr.fill(bodies)
    parts = [(body, col, 1.0, True)]
    if side >= 32:
        parts.append((fr.line(ridges, max(0.5, 0.035 * W)) * body, col * 0.84, 1.0, False))
    parts.append((fr.fill(hollows) * body, col * 0.45, 1.0, False))
    return _u8(_laid(f, parts, 0.35))


NUTS = ((156, 158, 164), (52, 52, 56), (196, 166, 86))


def _hex_nut(f: np.ndarray, rng) -> np.ndarray:
    """A hex nut lying flat on the print: a hexagon 18-24% of the side across its corners, at least 8 px, its round
    threaded hole 52% of that across showing the print; bright zinc grey, black oxide or brass (of the three the
    two whose grey is furthest from the picture's median grey); from 32 px a chamfer circle 88% of it across, 6%
    wide, at least 0.5 px, 15% lighter, and the thread as a ring 25% darker in the hole's edge; one of its six
    faces 18% lighter (the light catching it); at any angle, its middle 30-70% of the way across and down, a soft
    shadow at 45%."""
    h, w = f.shape[:2]
    side = min(h, w)
    R = max(4.0, side * rng.uniform(0.18, 0.24) / 2)
    col = _showing(f, NUTS, rng)
    fr = _frame_at(h, w, rng)
    hexa = [(float(R * np.cos(np.pi * k / 3)), float(R * np.sin(np.pi * k / 3))) for k in range(6)]
    hole = _circle(0.52 * R, 24)
    nut = fr.fill([hexa], holes=[hole])
    parts = [(nut, col, 1.0, True)]
    j = int(rng.integers(6))
    face = [(0.0, 0.0), hexa[j], hexa[(j + 1) % 6]]
    parts.append((fr.fill([face]) * nut, np.minimum(col * 1.18 + 10, 255), 1.0, False))
    if side >= 32:
        ring = _circle(0.88 * R * np.cos(np.pi / 6), 36)
        parts.append((fr.line([ring + [ring[0]]], max(0.5, 0.06 * R)) * nut, np.minimum(col * 1.15 + 8, 255), 1.0,
                      False))
        parts.append((fr.line([hole + [hole[0]]], max(0.5, 0.08 * R)) * nut, col * 0.75, 1.0, False))
    return _u8(_laid(f, parts, 0.45))


BEANS = ((122, 30, 38), (236, 230, 212), (36, 32, 34))


def _kidney_bean(f: np.ndarray, rng) -> np.ndarray:
    """Two kidney beans lying on the print: each 16-21% of the side long, at least 7 px, 55% of that wide, bent
    (its inner side dented by 18% of its width); dark red kidney, white cannellini or black turtle beans (of the
    three the two whose grey is furthest from the picture's median grey); from 32 px a small pale hilum 18% of
    its length on the dented side, 236 / 228 / 210 (dark 60 / 50 / 50 on a white bean); a glossy sheen at 40%;
    the second beside the first at a random angle; the pair's middle 30-70% of the way across and down, a soft
    shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(7.0, side * rng.uniform(0.16, 0.21))
    W = 0.55 * L
    col = _showing(f, BEANS, rng)
    fr = _frame_at(h, w, rng)
    ts = np.linspace(0, 2 * np.pi, 32, endpoint=False)
    beans, hila, sheens = [], [], []
    for k, (ox, oy, a) in enumerate(((0.0, -0.45 * W, 0.0), (rng.uniform(-0.3, 0.3) * L, 0.65 * W,
                                                              rng.uniform(-0.8, 0.8)))):
        c, s = np.cos(a), np.sin(a)

        def at(u, v, ox=ox, oy=oy, c=c, s=s):
            return (float(ox + u * c - v * s), float(oy + u * s + v * c))

        pts = []
        for t in ts:
            u, v = 0.5 * L * np.cos(t), 0.5 * W * np.sin(t)
            if v > 0:
                v -= 0.18 * W * np.cos(t) ** 2 * 2 * np.sin(t)  # the dent on the inner (+v) side
            pts.append(at(u, v))
        beans.append(pts)
        hila.append([at(u, v) for u, v in _ellipse(0.0, 0.12 * W, 0.09 * L, 0.05 * W, 0.0, 8)])
        sheens.append([at(u, v) for u, v in _ellipse(-0.1 * L, -0.22 * W, 0.25 * L, 0.07 * W, 0.0, 10)])
    body = fr.fill(beans)
    parts = [(body, col, 1.0, True)]
    if side >= 32:
        parts.append((fr.fill(hila) * body, (60, 50, 50) if float(col[0]) > 200 else (236, 228, 210), 1.0, False))
    parts.append((fr.fill(sheens) * body, (255, 255, 255), 0.4, False))
    return _u8(_laid(f, parts, 0.4))


WOODS = ((196, 150, 98), (170, 120, 72), (214, 176, 124), (150, 100, 60))


def _chevron_parquet(f: np.ndarray, rng) -> np.ndarray:
    """The picture painted on a chevron parquet floor, the wood showing through the thin paint: columns of blocks
    8-11% of the side wide, at least 3 px, each column's blocks cut at 45 degrees, sloping up and down in turn
    (meeting in a zigzag at the columns' joins), a block 4-6% of the side deep (along the column), at least 1.5
    px; each block a wood tone of its own (four oak and teak tones) at 14-20% with fine grain streaks along it
    (6% either way), the joints 10% of a block's depth, at least 0.5 px, 40% darker; the whole floor within 8
    degrees of level."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    cw = max(3.0, side * rng.uniform(0.08, 0.11))
    bd = max(1.5, side * rng.uniform(0.04, 0.06))
    a = np.deg2rad(rng.uniform(-8, 8))
    u = xx * np.cos(a) + yy * np.sin(a) + rng.uniform(0, cw)
    v = -xx * np.sin(a) + yy * np.cos(a)
    col = np.floor(u / cw)
    fu = u / cw - col  # 0..1 across a column
    sign = np.where(col % 2 == 0, 1.0, -1.0)
    s = v + sign * (fu - 0.5) * cw  # along a block's slanted edges
    row = np.floor(s / bd)
    fs = s / bd - row
    rng_tone = rng.integers(0, len(WOODS), 4096)
    key = ((col.astype(np.int64) * 131 + row.astype(np.int64) * 31) % 4096)
    tone = np.asarray(WOODS, np.float32)[rng_tone[key]]
    grain = 1 + 0.06 * np.sin(2 * np.pi * (fs * 3.0 + 0.37 * key))
    k = rng.uniform(0.14, 0.2)
    out = f * (1 - k) + tone * k
    out = out * grain[..., None]
    jw = max(0.5 / bd, 0.1)
    jw_c = max(0.5 / cw, 0.05)
    joint = np.maximum(((fs < jw) | (fs > 1 - jw)).astype(np.float32) * 0.4, ((fu < jw_c) | (fu > 1 - jw_c)) * 0.4)
    return _u8(out * (1 - joint)[..., None])


def _hessian(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on hessian (coarse jute sacking): a loose plain weave of threads 5-7% of the side apart,
    at least 3 px, within 10 degrees of level, each thread 70-80% of the period thick and uneven (its thickness
    varying 15% along it), passing over and under in turn (each crossing shaded 18% darker where it dives); the
    gaps between threads showing a dark backing 55% darker; the jute's straw 190 / 160 / 112 at 18%."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    p = max(3.0, side * rng.uniform(0.05, 0.07))
    a = np.deg2rad(rng.uniform(-10, 10))
    u = (xx * np.cos(a) + yy * np.sin(a)) / p + rng.uniform(0, 1)
    v = (-xx * np.sin(a) + yy * np.cos(a)) / p + rng.uniform(0, 1)
    th = rng.uniform(0.7, 0.8)
    slub_u = 1 + 0.15 * (2 * _smooth_field(h, w, p * 1.5, rng) - 1)
    slub_v = 1 + 0.15 * (2 * _smooth_field(h, w, p * 1.5, rng) - 1)
    du = np.abs(u - np.round(u))  # distance to a warp thread's middle, in periods
    dv = np.abs(v - np.round(v))
    warp = np.clip((th * slub_u / 2 - du) * p + 0.5, 0, 1)
    weft = np.clip((th * slub_v / 2 - dv) * p + 0.5, 0, 1)
    over = ((np.round(u) + np.round(v)) % 2 == 0)
    top_dist = np.where(over, du, dv)  # the upper thread's profile at a crossing
    shade = 1 - 0.18 * (2 * np.minimum(top_dist, 0.5)) ** 2
    cloth = np.maximum(warp, weft)
    out = f * 0.82 + 0.18 * np.array([190, 160, 112], np.float32)
    out = out * shade[..., None]
    return _u8(out * (1 - 0.55 * (1 - cloth))[..., None])


def _acoustic_foam(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on a studio's acoustic foam panel (an egg-crate of soft pyramids): bumps in a square
    grid 9-13% of the side apart, at least 3.5 px, turned by up to 45 degrees, each a rounded pyramid lit from a
    random side (the picture 22-30% lighter and darker across it) with a dark valley between them 30% darker;
    the foam's charcoal 70 / 72 / 76 at 14%."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    p = max(3.5, side * rng.uniform(0.09, 0.13))
    a = np.deg2rad(rng.uniform(0, 45))
    u = (xx * np.cos(a) + yy * np.sin(a)) / p + rng.uniform(0, 1)
    v = (-xx * np.sin(a) + yy * np.cos(a)) / p + rng.uniform(0, 1)
    bump = (0.5 - 0.5 * np.cos(2 * np.pi * u)) * (0.5 - 0.5 * np.cos(2 * np.pi * v))
    gy, gx = np.gradient(bump)
    la = rng.uniform(0, 2 * np.pi)
    slope = gx * np.cos(la) + gy * np.sin(la)
    shade = 1 + rng.uniform(0.22, 0.3) * slope / max(float(np.abs(slope).max()), 1e-6)
    valley = 1 - 0.3 * (1 - np.clip(bump * 4, 0, 1))
    out = f * 0.86 + 0.14 * np.array([70, 72, 76], np.float32)
    return _u8(out * (shade * valley)[..., None])


def near_edit_at(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "poker_chip":  # a casino poker chip lying on the print
        return _poker_chip(f, rng)
    if kind == "blueberry":  # blueberries lying on the print
        return _blueberry(f, rng)
    if kind == "penne":  # dry penne lying on the print
        return _penne(f, rng)
    if kind == "hex_nut":  # a hex nut lying on the print
        return _hex_nut(f, rng)
    if kind == "kidney_bean":  # two kidney beans lying on the print
        return _kidney_bean(f, rng)
    if kind == "chevron_parquet":  # the picture painted on a chevron parquet floor
        return _chevron_parquet(f, rng)
    if kind == "hessian":  # the picture printed on hessian
        return _hessian(f, rng)
    if kind == "acoustic_foam":  # the picture printed on acoustic foam
        return _acoustic_foam(f, rng)
    raise ValueError(kind)


# -- blurs -----------------------------------------------------------------------------------
def _polythene_sheet(f: np.ndarray, rng) -> np.ndarray:
    """The picture photographed through a decorator's clear polythene dust sheet hung between the camera and the
    print (the thin film's haze scattering the light): a Gaussian of 1.5-2.3% of the side, at least 1 px, for 55%
    of it and one 4 times as wide for 30%, the rest a milky veil of half the picture's mean colour and half white
    248 / 248 / 244; from 48 px 2-4 creases in the film, soft lines 3% of the side wide at any angle, 8-12%
    lighter; as a camera metering on the highlights exposes it."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    s = max(1.0, side * rng.uniform(0.015, 0.023))
    soft = np.stack([0.55 / 0.85 * gaussian_filter(f[..., c], s, mode="reflect") +
                     0.3 / 0.85 * gaussian_filter(f[..., c], 4 * s, mode="reflect") for c in range(3)], axis=2)
    veil = 0.5 * f.reshape(-1, 3).mean(axis=0) + 0.5 * np.array([248, 248, 244], np.float32)
    out = soft * 0.85 + 0.15 * veil
    if side >= 48:
        m = np.zeros((h, w), np.float32)
        for _ in range(int(rng.integers(2, 5))):
            t = rng.uniform(0, np.pi)
            px, py = w * rng.uniform(0.2, 0.8), h * rng.uniform(0.2, 0.8)
            d = np.abs((xx - px) * np.sin(t) - (yy - py) * np.cos(t))
            m = np.maximum(m, np.exp(-0.5 * (d / (0.015 * side)) ** 2))
        out = out * (1 + rng.uniform(0.08, 0.12) * m[..., None])
    return _u8(_metered(out, f))


FLOUR = np.array([246, 240, 226], np.float32)


def _flour_dust(f: np.ndarray, rng) -> np.ndarray:
    """The picture photographed across a bakery while a sack of flour is tipped, the air thick with its dust (fine
    particles scattering the light forwards): a Gaussian of 1.6-2.4% of the side, at least 1 px, for 60% of it and
    one 3 times as wide for 25%, the rest lost to a creamy white veil 246 / 240 / 226, thicker in drifting clouds
    (the veil 12-20%, varying by half over a smooth field of 20% of the side); from 48 px 15-30 out-of-focus motes
    of 1-2% of the side lit at 25%; as a camera metering on the highlights exposes it."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    s = max(1.0, side * rng.uniform(0.016, 0.024))
    soft = np.stack([0.6 / 0.85 * gaussian_filter(f[..., c], s, mode="reflect") +
                     0.25 / 0.85 * gaussian_filter(f[..., c], 3 * s, mode="reflect") for c in range(3)], axis=2)
    cloud = rng.uniform(0.12, 0.2) * (0.5 + _smooth_field(h, w, 0.2 * side, rng))
    out = soft * (1 - cloud[..., None]) + FLOUR * cloud[..., None]
    if side >= 48:
        m = np.zeros((h, w), np.float32)
        for _ in range(int(rng.integers(15, 31))):
            r = side * rng.uniform(0.01, 0.02)
            px, py = w * rng.random(), h * rng.random()
            m = np.maximum(m, np.clip(r + 0.5 - np.hypot(xx - px, yy - py), 0, 1))
        out = _paint(out, gaussian_filter(m, 0.5) * 0.25, FLOUR)
    return _u8(_metered(out, f))


def blur_at(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "polythene_sheet":  # through a polythene dust sheet
        return _polythene_sheet(f, rng)
    if kind == "flour_dust":  # across a bakery's air thick with flour dust
        return _flour_dust(f, rng)
    raise ValueError(kind)


# -- darkening -------------------------------------------------------------------------------
CLOCK_RED = np.array([1.0, 0.16, 0.1], np.float32)
SEGMENTS = {0: "abcdef", 1: "bc", 2: "abdeg", 3: "abcdg", 4: "bcfg", 5: "acdfg", 6: "acdefg", 7: "abc",
            8: "abcdefg", 9: "abcdfg"}


def _digit(x: float, y: float, dw: float, dh: float, d: int) -> list:
    """Seven-segment digit ``d``'s lit segments as lines (top left at (``x``, ``y``), ``dw`` by ``dh``)."""
    m = y + dh / 2
    seg = {"a": [(x, y), (x + dw, y)], "b": [(x + dw, y), (x + dw, m)], "c": [(x + dw, m), (x + dw, y + dh)],
           "d": [(x, y + dh), (x + dw, y + dh)], "e": [(x, m), (x, y + dh)], "f": [(x, y), (x, m)],
           "g": [(x, m), (x + dw, m)]}
    return [seg[s] for s in SEGMENTS[d]]


def _alarm_clock(f: np.ndarray, rng) -> np.ndarray:
    """A bedroom at night lit only by a bedside alarm clock's red digits: the clock in the picture at its bottom
    left or right corner, 2-6% of the side in from the edge, a dark case 30-38% of the side wide and 45% of that
    high, 24 / 22 / 24, its display 80% of it across showing a time (four seven-segment digits and a colon) in red
    255 / 40 / 30, the strokes 9% of a digit's height, at least 0.8 px; a glow of sigma 3-5% of the side round
    the digits up to 30-45 levels in red; the picture lit in red 1.0 / 0.16 / 0.1 at a gain of 0.015-0.03 plus
    0.3-0.4 falling off as ``1 / (1 + (d / d0) ** 2)`` with the distance ``d`` from the display, ``d0`` 30-40% of
    the side; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    cw = side * rng.uniform(0.3, 0.38)
    ch = 0.45 * cw
    inset = side * rng.uniform(0.02, 0.06)
    left = rng.random() < 0.5
    x0 = inset if left else w - inset - cw
    y0 = h - inset - ch
    dx0, dy0, dx1, dy1 = x0 + 0.1 * cw, y0 + 0.18 * ch, x0 + 0.9 * cw, y0 + 0.82 * ch
    ddx = np.clip(np.maximum(dx0 - xx, xx - dx1), 0, None)
    ddy = np.clip(np.maximum(dy0 - yy, yy - dy1), 0, None)
    d0 = side * rng.uniform(0.3, 0.4)
    gain = rng.uniform(0.015, 0.03) + rng.uniform(0.3, 0.4) / (1 + (np.hypot(ddx, ddy) / d0) ** 2)
    out = _lit(f, gain[..., None] * CLOCK_RED, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    out = _paint(out, ident.fill([_rect(x0, y0, x0 + cw, y0 + ch)]), (24, 22, 24))
    out = _paint(out, ident.fill([_rect(dx0, dy0, dx1, dy1)]), (14, 8, 8))
    dh = (dy1 - dy0) * 0.8
    dw = dh * 0.5
    gap = ((dx1 - dx0) - 4 * dw) / 6
    hh, mm = int(rng.integers(0, 24)), int(rng.integers(0, 60))
    lines = []
    x = dx0 + gap
    for k, d in enumerate((hh // 10, hh % 10, mm // 10, mm % 10)):
        lines += _digit(x, dy0 + 0.1 * (dy1 - dy0), dw, dh, d)
        x += dw + gap + (gap if k == 1 else 0)
    digits = ident.line(lines, max(0.8, 0.09 * dh))
    cx = dx0 + gap + 2 * dw + 1.5 * gap
    colon = ident.fill([_circle(max(0.5, 0.05 * dh), 8, cx, dy0 + 0.35 * (dy1 - dy0)),
                        _circle(max(0.5, 0.05 * dh), 8, cx, dy0 + 0.7 * (dy1 - dy0))])
    lit = np.maximum(digits, colon)
    out = out + _glow(lit, max(0.8, side * rng.uniform(0.03, 0.05)))[..., None] * rng.uniform(30, 45) * CLOCK_RED
    return _u8(_paint(out, lit, (255, 40, 30)))


MONITOR = np.array([0.72, 0.95, 0.85], np.float32)


def _baby_monitor(f: np.ndarray, rng) -> np.ndarray:
    """A nursery at night lit only by a baby monitor's parent unit standing in the picture: at its bottom left or
    right, 3-8% of the side in from the edge, a white plastic case 20-26% of the side wide and 1.25 times as high,
    a dim 200 / 200 / 196 in the dark, a screen 80% of its width showing the night-vision camera's grey-green
    picture (a glowing 90 / 140 / 110 with a darker cot's bars, 6 of them), a row of five sound-level lights below
    it, 2-4 lit green 80 / 255 / 120; a glow of sigma 4-6% of the side round the screen up to 25-40 levels; the
    picture lit in a pale green-white 0.72 / 0.95 / 0.85 at a gain of 0.015-0.03 plus 0.26-0.34 falling off as
    ``1 / (1 + (d / d0) ** 2)`` with the distance ``d`` from the screen, ``d0`` 30-42% of the side; noise sigma
    1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    cw = side * rng.uniform(0.2, 0.26)
    ch = 1.25 * cw
    inset = side * rng.uniform(0.03, 0.08)
    left = rng.random() < 0.5
    x0 = inset if left else w - inset - cw
    y0 = h - inset - ch
    sx0, sy0, sx1, sy1 = x0 + 0.1 * cw, y0 + 0.1 * cw, x0 + 0.9 * cw, y0 + 0.85 * cw
    ddx = np.clip(np.maximum(sx0 - xx, xx - sx1), 0, None)
    ddy = np.clip(np.maximum(sy0 - yy, yy - sy1), 0, None)
    d0 = side * rng.uniform(0.3, 0.42)
    gain = rng.uniform(0.015, 0.03) + rng.uniform(0.26, 0.34) / (1 + (np.hypot(ddx, ddy) / d0) ** 2)
    out = _lit(f, gain[..., None] * MONITOR, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    case = ident.fill([_rect(x0, y0, x0 + cw, y0 + ch)])
    out = _paint(out, case, (0.1 * 200, 0.1 * 200, 0.1 * 196))
    screen = ident.fill([_rect(sx0, sy0, sx1, sy1)])
    out = _paint(out, screen, (90, 140, 110))
    bars = [[(x, sy0 + 0.15 * (sy1 - sy0)), (x, sy1 - 0.05 * (sy1 - sy0))] for x in np.linspace(sx0 + 0.12 * cw,
                                                                                                 sx1 - 0.12 * cw, 6)]
    bars.append([(sx0 + 0.05 * cw, sy0 + 0.55 * (sy1 - sy0)), (sx1 - 0.05 * cw, sy0 + 0.55 * (sy1 - sy0))])
    out = _paint(out, ident.line(bars, max(0.5, 0.03 * cw)) * screen, (40, 64, 52))
    ly = y0 + 0.85 * cw + 0.5 * (ch - 0.85 * cw)
    n_lit = int(rng.integers(2, 5))
    lights = [ident.fill([_circle(max(0.5, 0.05 * cw), 8, x0 + cw * (0.2 + 0.15 * k), ly)]) for k in range(5)]
    out = out + _glow(screen, max(0.8, side * rng.uniform(0.04, 0.06)))[..., None] * rng.uniform(25, 40) * MONITOR
    out = _paint(out, screen, (90, 140, 110))
    out = _paint(out, ident.line(bars, max(0.5, 0.03 * cw)) * screen, (40, 64, 52))
    for k, m in enumerate(lights):
        out = _paint(out, m, (80, 255, 120) if k < n_lit else (20, 30, 24))
    return _u8(out)


SUNBED = np.array([0.62, 0.68, 1.0], np.float32)


def _sunbed(f: np.ndarray, rng) -> np.ndarray:
    """A tanning salon's cubicle at night lit only by a sunbed's tubes left on: the bed's open canopy across the
    top or the bottom of the picture, 14-20% of the side deep, a row of 8-12 glowing blue-white tubes 210 / 220 /
    255 along it behind a grey reflector 40 / 40 / 48, each tube 40% of its pitch wide, at least 0.6 px; the
    picture lit in a violet-blue 0.62 / 0.68 / 1.0 at a gain of 0.015-0.03 plus 0.28-0.36 falling off as ``1 / (1
    + (d / d0) ** 2)`` with the distance ``d`` from the canopy, ``d0`` 22-30% of the side; a glow of sigma 3-5% of
    the side round the tubes up to 35-50 levels; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    depth = side * rng.uniform(0.14, 0.2)
    top = rng.random() < 0.5
    y0, y1 = (-1.0, depth) if top else (h - depth, h + 1.0)
    dist = np.clip(yy - y1, 0, None) if top else np.clip(y0 - yy, 0, None)
    d0 = side * rng.uniform(0.22, 0.3)
    gain = rng.uniform(0.015, 0.03) + rng.uniform(0.28, 0.36) / (1 + (dist / d0) ** 2)
    out = _lit(f, gain[..., None] * SUNBED, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    out = _paint(out, ident.fill([_rect(-1.0, y0, w + 1.0, y1)]), (40, 40, 48))
    n = int(rng.integers(8, 13))
    pitch = w / n
    tubes = ident.fill([_rect(pitch * (k + 0.3), y0 + 0.15 * depth, pitch * (k + 0.7), y1 - 0.15 * depth)
                        for k in range(n)])
    out = out + _glow(tubes, max(0.8, side * rng.uniform(0.03, 0.05)))[..., None] * rng.uniform(35, 50) * SUNBED
    return _u8(_paint(out, tubes, (210, 220, 255)))


def dark_at(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "alarm_clock":  # a bedroom lit only by an alarm clock's red digits
        return _alarm_clock(f, rng)
    if kind == "baby_monitor":  # a nursery lit only by a baby monitor's screen
        return _baby_monitor(f, rng)
    if kind == "sunbed":  # a tanning cubicle lit only by a sunbed's tubes
        return _sunbed(f, rng)
    raise ValueError(kind)


# -- outliers --------------------------------------------------------------------------------
def _combine_harvester(size: int, rng) -> dict:
    """A combine harvester in a wheat field: the field from a horizon 50-58% of the way down; the combine 55-70%
    of the side long, facing either way, its body (a tall box) on two wheels (a big front wheel 17% of the side
    across, a smaller back one), a glazed cab on the front of its top, a grain tank behind it, an unloading auger
    folded along its side, and a wide header with a reel at the front, low over the stubble; a strip of cut
    stubble behind it (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("field", "stubble", "body", "cab", "glass", "header", "wheels"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    hz = big * rng.uniform(0.5, 0.58)
    d["field"].rectangle((0, hz, big, big), fill=255)
    L = big * rng.uniform(0.55, 0.7)
    face = 1 if rng.random() < 0.5 else -1
    cx = big * rng.uniform(0.42, 0.58)
    gy = big * rng.uniform(0.82, 0.88)

    def X(u):
        return cx + face * u

    bx0, bx1 = sorted((X(-0.5 * L), X(0.3 * L)))
    d["stubble"].rectangle((0 if face > 0 else bx0, gy - 0.03 * big, bx1 if face > 0 else big, big), fill=255)
    d["body"].rectangle((bx0, gy - 0.36 * big, bx1, gy - 0.08 * big), fill=255)
    tx0, tx1 = sorted((X(-0.4 * L), X(-0.05 * L)))
    d["body"].polygon([(tx0, gy - 0.36 * big), (tx1, gy - 0.36 * big), (tx1 + 0.02 * big, gy - 0.44 * big),
                       (tx0 - 0.02 * big, gy - 0.44 * big)], fill=255)
    cx0, cx1 = sorted((X(0.05 * L), X(0.3 * L)))
    d["cab"].rectangle((cx0, gy - 0.5 * big, cx1, gy - 0.36 * big), fill=255)
    d["glass"].rectangle((cx0 + 0.015 * big, gy - 0.48 * big, cx1 - 0.015 * big, gy - 0.39 * big), fill=255)
    hx0, hx1 = sorted((X(0.3 * L), X(0.5 * L)))
    d["header"].rectangle((hx0, gy - 0.12 * big, hx1, gy - 0.02 * big), fill=255)
    rr = 0.07 * big
    rx = X(0.42 * L)
    d["header"].ellipse((rx - rr, gy - 0.2 * big - rr, rx + rr, gy - 0.2 * big + rr), outline=255,
                        width=max(2, round(0.012 * big)))
    ax0, ax1 = sorted((X(-0.45 * L), X(0.15 * L)))
    d["cab"].line([(ax0, gy - 0.3 * big), (ax1, gy - 0.3 * big)], fill=255, width=max(2, round(0.02 * big)))
    for u, r in ((0.15 * L, 0.085 * big), (-0.4 * L, 0.06 * big)):
        x = X(u)
        d["wheels"].ellipse((x - r, gy - 2 * r + 0.01 * big, x + r, gy + 0.01 * big), fill=255)
    out = {k: _down(v, size) for k, v in M.items()}
    out["glass"] = out["glass"] * out["cab"]
    return out


def _hedgehog(size: int, rng) -> dict:
    """A hedgehog on a lawn at dusk: the lawn from 55-65% of the way down; a hedge's dark top edge along the
    horizon; the hedgehog 50-64% of the side long, facing either way, a domed back of spines (a half-ellipse 55%
    as high as long, its edge jagged with 18-26 spikes), a pointed face and snout with a dark nose and eye, four
    short feet, and the spines' streaks over the back from 48 px (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("lawn", "hedge", "spines", "streaks", "face", "nose", "feet"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    gl = big * rng.uniform(0.55, 0.65)
    d["lawn"].rectangle((0, gl, big, big), fill=255)
    hz = gl - big * rng.uniform(0.12, 0.18)
    xs = np.linspace(0, big, 12)
    d["hedge"].polygon([(0, gl)] + [(float(x), float(hz + rng.uniform(-0.04, 0.04) * big)) for x in xs] +
                       [(big, gl)], fill=255)
    L = big * rng.uniform(0.5, 0.64)
    face = 1 if rng.random() < 0.5 else -1
    cx = big * rng.uniform(0.42, 0.58)
    by = big * rng.uniform(0.82, 0.88)
    H = 0.55 * L
    n = int(rng.integers(18, 27))
    pts = []
    for k in range(2 * n + 1):
        t = np.pi * k / (2 * n)
        r = 1.0 if k % 2 == 0 else 0.86
        pts.append((cx - 0.5 * L * r * np.cos(t), by - H * r * np.sin(t)))
    d["spines"].polygon(pts, fill=255)
    if size >= 48:
        for k in range(int(1.5 * n)):
            t = rng.uniform(0.1, np.pi - 0.1)
            r0 = rng.uniform(0.3, 0.75)
            d["streaks"].line([(cx - 0.5 * L * r0 * np.cos(t), by - H * r0 * np.sin(t)),
                               (cx - 0.5 * L * (r0 + 0.2) * np.cos(t), by - H * (r0 + 0.2) * np.sin(t))],
                              fill=255, width=max(1, round(0.006 * big)))
    fx = cx + face * 0.5 * L
    d["face"].polygon([(fx - face * 0.12 * L, by - 0.45 * H), (fx + face * 0.22 * L, by - 0.12 * H),
                       (fx - face * 0.05 * L, by)], fill=255)
    nr = 0.025 * big
    nx, ny = fx + face * 0.21 * L, by - 0.13 * H
    d["nose"].ellipse((nx - nr, ny - nr, nx + nr, ny + nr), fill=255)
    ex, ey = fx + face * 0.02 * L, by - 0.3 * H
    d["nose"].ellipse((ex - 0.7 * nr, ey - 0.7 * nr, ex + 0.7 * nr, ey + 0.7 * nr), fill=255)
    for u in (-0.3, -0.15, 0.2, 0.35):
        x = cx + face * u * L
        d["feet"].ellipse((x - 0.03 * big, by - 0.02 * big, x + 0.03 * big, by + 0.025 * big), fill=255)
    out = {k: _down(v, size) for k, v in M.items()}
    out["streaks"] = out["streaks"] * out["spines"]
    out["hedge"] = out["hedge"] * (1 - out["lawn"])
    return out


def _postbox(size: int, rng) -> dict:
    """A pillar postbox on a pavement: a wall behind from the top to 62-70% of the way down, the pavement below
    it, a kerb and the road's edge 88-94% down; the postbox 24-30% of the side wide, 35-65% across, from the
    pavement 84-88% down up to 20-28% down, a domed cap with a rim, a dark posting slot under it, a plate and a
    small door outline below, a plinth at its foot (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("wall", "pavement", "road", "box", "cap", "slot", "plate"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    wb = big * rng.uniform(0.62, 0.7)
    d["wall"].rectangle((0, 0, big, wb), fill=255)
    d["pavement"].rectangle((0, wb, big, big), fill=255)
    ky = big * rng.uniform(0.88, 0.94)
    d["road"].rectangle((0, ky, big, big), fill=255)
    cx = big * rng.uniform(0.35, 0.65)
    bw = big * rng.uniform(0.24, 0.3) / 2
    foot = big * rng.uniform(0.84, 0.88)
    top = big * rng.uniform(0.2, 0.28)
    d["box"].rectangle((cx - bw, top + 0.06 * big, cx + bw, foot), fill=255)
    d["box"].rectangle((cx - 1.12 * bw, foot - 0.04 * big, cx + 1.12 * bw, foot), fill=255)
    d["cap"].chord((cx - 1.1 * bw, top - 0.04 * big, cx + 1.1 * bw, top + 0.12 * big), 180, 360, fill=255)
    d["cap"].rectangle((cx - 1.15 * bw, top + 0.04 * big, cx + 1.15 * bw, top + 0.075 * big), fill=255)
    sy = top + 0.13 * big
    d["slot"].rectangle((cx - 0.6 * bw, sy, cx + 0.6 * bw, sy + 0.03 * big), fill=255)
    d["plate"].rectangle((cx - 0.4 * bw, sy + 0.07 * big, cx + 0.4 * bw, sy + 0.14 * big), fill=255)
    d["plate"].rectangle((cx - 0.55 * bw, sy + 0.2 * big, cx + 0.55 * bw, foot - 0.08 * big), outline=255,
                         width=max(1, round(0.008 * big)))
    out = {k: _down(v, size) for k, v in M.items()}
    out["pavement"] = out["pavement"] * (1 - out["road"])
    return out


COMBINES = ((60, 130, 56), (200, 44, 36), (226, 190, 40))
WALLS = ((196, 190, 176), (150, 160, 170), (214, 200, 170))


def outlier_at(name: str, kind: str, size: int, lo: int, hi: int, rng) -> np.ndarray:
    photos = name.startswith("photos")
    ground = lambda col: np.ones((size, size, 3), np.float32) * np.asarray(col, np.float32)  # noqa: E731
    tone = lambda t: [lo + (hi - lo) * t] * 3  # noqa: E731
    if kind == "combine_harvester":
        m = _combine_harvester(size, rng)
        if photos:  # a blue sky over a golden wheat field, a green, red or yellow combine
            col = _pick(COMBINES, rng)
            out = _paint(_paint(ground((150, 190, 234)), m["field"], (222, 186, 96)), m["stubble"], (190, 160, 100))
            out = _paint(_paint(out, m["body"], col), m["cab"], col * 0.85)
            out = _paint(_paint(out, m["glass"], (60, 70, 80)), m["header"], col * 0.75)
            return _u8(_paint(out, m["wheels"], (36, 36, 38)))
        out = _paint(_paint(ground(tone(0.0)), m["field"], tone(0.3)), m["stubble"], tone(0.2))
        out = _paint(_paint(out, m["body"], tone(1.0)), m["cab"], tone(0.8))
        out = _paint(_paint(out, m["glass"], tone(0.1)), m["header"], tone(0.65))
        return _u8(_paint(out, m["wheels"], tone(0.5)))
    if kind == "hedgehog":
        m = _hedgehog(size, rng)
        if photos:  # a dusky sky, a dark hedge, a green lawn, a brown hedgehog
            out = _paint(_paint(ground((186, 170, 190)), m["hedge"], (40, 66, 40)), m["lawn"], (86, 140, 60))
            out = _paint(_paint(out, m["spines"], (110, 84, 58)), m["streaks"], (210, 196, 170))
            out = _paint(_paint(out, m["face"], (170, 140, 110)), m["feet"], (120, 96, 78))
            return _u8(_paint(out, m["nose"], (20, 16, 16)))
        out = _paint(_paint(ground(tone(0.0)), m["hedge"], tone(0.2)), m["lawn"], tone(0.35))
        out = _paint(_paint(out, m["spines"], tone(0.9)), m["streaks"], tone(0.55))
        out = _paint(_paint(out, m["face"], tone(0.7)), m["feet"], tone(0.6))
        return _u8(_paint(out, m["nose"], tone(0.05)))
    if kind == "postbox":
        m = _postbox(size, rng)
        if photos:  # a stone or painted wall, a grey pavement and road, a red postbox with a black plinth line
            out = _paint(_paint(ground(_pick(WALLS, rng)), m["pavement"], (150, 150, 150)), m["road"], (70, 72, 76))
            out = _paint(_paint(out, m["box"], (200, 30, 30)), m["cap"], (180, 26, 26))
            out = _paint(_paint(out, m["slot"], (20, 16, 16)), m["plate"], (236, 230, 220))
            return _u8(out)
        out = _paint(_paint(ground(tone(0.0)), m["pavement"], tone(0.3)), m["road"], tone(0.15))
        out = _paint(_paint(out, m["box"], tone(1.0)), m["cap"], tone(0.8))
        return _u8(_paint(_paint(out, m["slot"], tone(0.05)), m["plate"], tone(0.5)))
    raise ValueError(kind)


# -- label noise -----------------------------------------------------------------------------
def shelf_scan_flips(base: list[np.ndarray], labels: list, classes: list, candidates: list, count: int,
                     rng) -> dict[int, object]:
    """``count`` examples to flip and their new labels: part of the set was photographed in a stock-take, each
    item labelled by scanning a shelf-edge label with a handheld scanner. Along each aisle stand 4-8 sections, each
    6-16 items of one class side by side (a section's class never its neighbour's), its shelf-edge label under the
    section's middle; for each item the stock-taker aimed the scanner at the shelf edge under it, off by a Gaussian
    of 12-32% of a section's width (one spread per aisle: some stock-takers were hastier), and the scanner read
    the shelf-edge label nearest its aim. An item near a section's end is often given the neighbouring section's
    class; one whose scan still reads its own section's label is not a flip. The eligible pictures are taken in a
    random order, each class's in turn for its sections; aisles are worked through until the flips needed are made
    (the last aisle's flips kept in part, at random): noise by where an item stood on the shelf, not by class or
    look. Every flip changes the label."""
    cand = [int(v) for v in rng.permutation(np.asarray(candidates, dtype=int))]
    names = sorted(classes, key=str)
    queue = {c: [i for i in cand if labels[i] == c] for c in names}
    flips: dict[int, object] = {}
    while len(flips) < count and any(queue[c] for c in names):
        sections = []  # (class, items)
        for _ in range(int(rng.integers(*SECTIONS_PER_AISLE))):
            prev = sections[-1][0] if sections else None
            ready = [c for c in names if queue[c] and c != prev]
            if not ready:
                break
            c = ready[int(rng.integers(len(ready)))]
            k = int(rng.integers(*SECTION_ITEMS))
            shot, queue[c] = queue[c][:k], queue[c][k:]
            sections.append((c, shot))
        if len(sections) < 2:
            continue
        spread = rng.uniform(*AIM_SPREAD)
        got = {}
        start = 0.0
        middles, widths = [], []
        for _, shot in sections:
            middles.append(start + len(shot) / 2)
            widths.append(len(shot))
            start += len(shot)
        middles = np.asarray(middles)
        start = 0.0
        for (c, shot), wd in zip(sections, widths):
            for j, i in enumerate(shot):
                aim = start + j + 0.5 + rng.normal(0, spread * wd)
                given = sections[int(np.argmin(np.abs(middles - aim)))][0]
                if given != labels[i]:
                    got[i] = given
            start += wd
        need = count - len(flips)
        if len(got) > need:
            keep = rng.choice(sorted(got), size=need, replace=False)
            got = {int(i): got[int(i)] for i in keep}
        flips.update(got)
    return dict(sorted(flips.items()))


# -- planting ------------------------------------------------------------------------------
def plant_issues_at(images, labels, out_dir, *, name: str, random_state: int = 0) -> PlantedDataset:
    """Generator AT's problems (module docstring). A set whose name ends in ``_jpeg`` is written as JPEG files at a
    quality drawn from 56-78 each; the others as PNG. The planting is I's (:func:`_heldout_i.plant_generator`)."""
    return plant_generator(
        images, labels, out_dir, name=name, rates=RATES_AT, seed=460_000 + random_state,
        quality_seed=465_000 + random_state, jpeg_quality=JPEG_QUALITY,
        flips=shelf_scan_flips,
        **by_family(name, outlier=(outlier_at, OUTLIERS_AT), blur=(blur_at, BLURS_AT), dark=(dark_at, DARKS_AT),
                    near=(near_edit_at, NEAR_EDITS_AT)))
