"""Generator AQ: fresh EVALUATION sets after generator AP's run (never used to choose anything).

Why a forty-first evaluation generator: generator AP's sets have been run, and what they showed may inform the next
changes (the commit subjects since AP's generator commit name AP's one run in Round 25, its sets once more at the CPU
default input size of 160 px: outliers among clothing 0.000 -> 0.783, among the photograph tiles 0.29/0.50 -> 0,
more clean near duplicates, and clean near duplicates at 64 px 8 of 2,000 Fashion-MNIST items; and since then
outliers in tables measured in the table's own columns, and the library's reading of CSV rows, id columns, labels,
byte strings, manifests and split folders, its cache, progress line and reports changed, none of them the image
checks' thresholds), so they will not stay untouched; AQ is a held-out measurement of the code after that run, of
families of its own (AQ's writer read no docs, logs, result files or commit bodies: only the commit subjects, the
library's code and the earlier generators' and tuning tools' files, to copy their structure and to avoid their
families). Like AN's to AP's, AQ's edits are not all brightly coloured: some are grey, dark or translucent.
Generator AQ was written before any tool was run on it (only its pictures were looked at, on contact sheets of its
edits, blurs, darkenings and foreign pictures at 28, 43 and 260 px, to check that every edit is visible, every blur
blurred, every darkened image dark with its picture still in it and every outlier foreign, and the planted folders
hashed twice); it is not to be changed after its results are seen. Its edits, blurs, darkenings, foreign pictures
and label noise are of families that no tuning tool (``blur_tuning.py``'s lens blurs: Gaussian, soft disk,
astigmatic elongated Gaussian, ring; ``_foreign.py``'s textures, icons and soft photographs; ``near_photos.py``'s and
``near_small.py``'s edits; ``label_filters.py``'s and ``label_noise_models.py``'s flips), no earlier generator (A =
``dq.datasets.plant_issues``, B, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T, U, V, W, X, Y, Z, AA, AB, AC,
AD, AE, AF, AG, AH, AI, AJ, AK, AL, AM, AN, AO, AP) and none of the library's calibration copies
(``dataquality/compute/_synthetic.py``: crop, shift, rotate, brightness, contrast, gamma, JPEG, resize, overlay box;
Gaussian, box, motion, down-and-up blurs) make. Like AC's to AP's it has two blur families, not three. Left out
because an earlier generator made them or left them out: among objects on the print a rubber band, a bottle cap, a
feather, a matchstick, a hair clip, a memory card, gummy bears, a star anise or a starfish (T's, N's, Y's, AE's,
W's, AC's and AN's lists, F's starbursts), a brooch or cufflinks (AP's earring), a twist tie (T's charging cable),
a washer (AN's wing nut), a perfume bottle (AC's nail polish), a mascara wand (O's pencil); of the whole picture a
postmark or a postal cancellation (L's ink stamp), ruled notebook lines or a car's rear-window heater lines (G's scan
lines), a snail's slime trails (AG's termite tubes), sprinkles or sesame seeds (U's confetti, AP's sawdust), noughts
and crosses (AL's, AO's and W's lists), a cane chair's shadow (K's blinds); among blurs a tattoo's ink blown out or a
hectograph or spirit-duplicator copy (AD's, AG's and AJ's lists), a carbonless copy (AA's and AK's lists), lens
fungus or turbid water (K's dirty lens), fog or a waterproof phone pouch (K's steamed window, W's list), a print on
corrugated card (V's banner), a reflection in a varnished tabletop (W's brushed steel), a microfilm reader (U's
projected slide); among darkenings a toaster, a fridge, a microwave or an oven (AF's, AD's, W's and X's lists), a
Bunsen burner or a lit match (AM's list), a phone box (AC's bus shelter), a city's sky glow (Q's list), a door ajar
or a keyhole (K's spotlight), a jukebox (AD's and AJ's lists), an illuminated globe (W's plasma globe), a welding arc
(I's lamp), fireflies (N's fairy lights); among foreign pictures tennis courts (R's pitch), pagodas (Z's and AN's
lists), Ferris wheels (T's and Y's lists), water towers and greenhouses (AG's, AN's, AJ's and AO's lists), skate
ramps (0s and Us on the digit sets), a chairlift (AF's cable car), a container ship (Q's sailboat, AO's narrowboats);
among label noise handwritten class numbers read back by OCR (V's and AE's lists), a sound-alike class (T's), a
search log's clicks (AJ's), a perceptual-hash de-duplication (AK's and AM's lists).

* ``near_duplicate`` (3%), five edits in a part of the picture and three of the whole, in turn (so that the 260 px
  set's copies get both kinds): a soft contact lens lying on the print (26-34% of the side across, at least 8 px,
  seen a little edge-on, its body tinted pale blue or clear at 25%, its rim at 80% dark on a light picture and pale
  on a dark one, the optic zone's edge from 48 px, a highlight; at any angle, 30-70% of the way across and down, a
  soft shadow at 20%), a can's ring-pull tab (24-32% of the side long, at least 10 px, a rounded plate with a large
  finger hole and a rivet ring, aluminium, dark anodised or gold, whichever two show most against the picture's
  median grey, a sheen; the same place, a shadow at 40%), a bread bag's plastic clip (17-23% of the side across, at
  least 8 px, a rounded square with a V notch to a round hole, white, red, blue, yellow or green, a printed date as
  two dark strokes from 48 px; the same place, a shadow at 35%), a sycamore's winged seed (38-48% of the side long,
  at least 12 px, a round nutlet and a curved veined wing at 85%, dry tan, brown or fresh green; the same place, a
  shadow at 40%) and a car's blade fuse (15-20% of the side wide, at least 6 px, a body of translucent red, blue,
  yellow, green or clear plastic at 80% with its metal link seen through it from 48 px, two tinned prongs; the same
  place, a shadow at 35%); of the whole picture: a sheet of bridal tulle laid over it (a honeycomb net 3.5-5% of the
  side a cell, at least 3.5 px, threads 0.9% of the side wide, at least 0.6 px, at 50%, white on a dark picture,
  black or navy on a light one, a veil of its colour at 8%, at any angle: a net laid on the print, not O's fence,
  R's mesh bokeh or AJ's bubble wrap), sunlight through a colander held over it (a disc of its shadow 45-60% of the
  side in radius darkening the picture by 45-60% with a soft edge, pierced by rings of bright elliptical spots where
  the sun comes through its holes, 10% brighter and 22 levels of glare: not M's dappled leaves or K's blinds) and
  the picture printed on gingham (red, blue, green or black checks 8-12% of the side a repeat, at least 4 px, the
  stripes at 22% and their crossings at 44%: a woven check under the ink, not N's show-through or AJ's squared-up
  grid);
* ``exact_duplicate`` (1%): byte-for-byte copies of a file under another name;
* ``blurry`` (3%): the picture photographed through a door's peephole (its small wide-angle lens focused for a
  visitor a metre off: a Gaussian of 1.6-2.4% of the side, at least 1 px, for 70% of it and one 3 times as wide for
  the rest, a barrel distortion of 15-25% at the corners, the round field of the viewer with a soft edge 4% of the
  side wide and a dark door beyond: not AB's binocular view, which is sharp, or Z's lensball) and the picture under
  a spray varnish that blushed (sprayed on a humid day, the film clouded milky: a Gaussian of 1.7-2.5% of the side,
  at least 1 px, for 60% of it and one 3.5 times as wide for the rest, a mottled milky veil of 10-18% over
  low-frequency blotches, fine spray specks at 30% from 48 px: a clouded film on the print, not I's frosted glass
  in front of it or AP's resin); each as a camera metering on the highlights exposes it (as Y's to AP's);
* ``dark`` (2%): an empty disco at night lit only by its lit dance floor (the floor's glowing tiles along the bottom
  in 2 rows of 6-9 in perspective, 82-100% of the way down, magenta, cyan, yellow, green, blue or red, each lighting
  the picture in its own colour at 0.05-0.08 falling off as ``1 / (1 + (d / d0) ** 2)``, ``d0`` 28-38% of the side,
  over 0.015-0.03; glows of sigma 2-3% of the side up to 25-40 levels: light from a floor of coloured tiles, not
  AO's uplighter or O's stage wash), a photographer's studio at night lit only by a softbox's modelling lamp (a
  large soft rectangle 16-22% of the width and 40-55% of the height at the left or right edge, partly out of the
  frame, daylight or warm, the picture lit at 0.26-0.34 falling off as above from the rectangle's nearest point,
  ``d0`` 28-38% of the side, over 0.015-0.03; a glow of sigma 3-5% of the side up to 30-45 levels: a big soft
  source, not I's bare lamp or K's spotlight) and a yard at night lit only by a security floodlight high on the wall
  (a lamp head 14-18% of the side wide at 4-9% down, 20-80% across, its beam a cone 35-45 degrees each side of the
  downward with soft edges, the picture lit in it at 0.24-0.32 falling off as above, ``d0`` 40-55% of the side, over
  0.015-0.03, cool white; a glow of sigma 2.5-4% of the side up to 30-45 levels: a beam from above, not AO's
  bulkhead lamp on the wall beside); none of them blurs the picture;
* ``outlier`` (1.5%): a garden trampoline (a lawn, the round bed seen from the side as a flat ellipse on W-shaped
  legs, its padded frame, 6-8 net poles with a curved top rail and the net between them), a fire hydrant on a
  pavement (a brick wall with mortar courses, a hydrant's column, dome cap, top nut, two side outlets with caps and
  a base flange) and an airfield windsock (grass, a strip of taxiway with dashes, a pole with a ring and a tapering
  sock in five alternating bands); the digit and clothing sets get them in their own tones on their dark ground, the
  photographs as a blue sky over a green lawn with a black bed, a blue, green or red pad and a grey net, a red,
  yellow or silver hydrant before a brick wall on a grey pavement, and an orange-and-white sock over green grass and
  grey tarmac;
* ``label`` (5%): *clock-skew* flips: part of the set was photographed in scheduled sessions, one class a time slot
  (a day's slots 25-70 minutes each, every class once a day in a random order, 20-60 pictures a slot on 2-4 cameras
  at once), and labelled by a script from each picture's timestamp: the class of the slot it falls in. One camera a
  day had its clock not moved for daylight saving (an hour fast or slow), so its pictures fall in another slot and
  are given that slot's class; a picture that falls outside the day's slots keeps its label, one that falls in a
  slot of its own class is not a flip. Days are worked through, in a random order of the eligible pictures, until
  the flips needed are made (the last day's flips kept in part, at random): noise by a wrong clock, not by class or
  look, not I's swapped pairs, AO's transposed sheets or AP's re-sorted buttons. Every flip changes the label, so
  every one is in the truth.

Each planted defect has its own source image; nothing else is planted, so only these six issue types are scored on
AQ's sets. Base data are the evaluation domains drawn with seeds no other set uses: Fashion-MNIST *test* (2,000, seed
297), MNIST (2,000, seed 298), and the evaluation photographs tiled at 43 px (24 tiles a photograph at most, seed
299) and at 260 px (every tile, seed 300), sizes no other set uses. ``photos43_aq_jpeg`` is written as JPEG files,
each at a quality drawn from 57-78 (a stream of its own, seed ``435_000 + random_state``), every edit, blur and
darkening made before the encoding, near copies made from the decoded JPEG and saved again at their own quality,
exact copies byte copies of the file; the other sets are PNG files. Planting draws from seed ``430_000 +
random_state``. The planting is I's (:func:`_heldout_i.plant_generator`, as for J to AP).
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

EVALUATION_AQ = ("fashion_test_aq", "mnist_aq", "photos43_aq_jpeg", "photos260_aq")
# each set's base: (data, seed) or ("photos", seed, tile size, tiles per photograph quick, full)
BASES_AQ = {
    "fashion_test_aq": ("fashion_test", 297),
    "mnist_aq": ("mnist", 298),
    "photos43_aq_jpeg": ("photos", 299, 43, 8, 24),
    "photos260_aq": ("photos", 300, 260, 8, 1000),
}
JPEG_QUALITY = (57, 79)  # the JPEG set's qualities: integers in [low, high)
RATES_AQ = {"near_duplicate": 0.03, "exact_duplicate": 0.01, "blurry": 0.03, "dark": 0.02, "outlier": 0.015,
            "label": 0.05}
# parts of the picture and the whole picture in turn, so that the smallest set gets both kinds
NEAR_EDITS_AQ = ("contact_lens", "tulle", "ring_pull", "colander_light", "bread_clip", "gingham", "sycamore_seed",
                 "blade_fuse")
BLURS_AQ = ("door_peephole", "blushed_varnish")
DARKS_AQ = ("dance_floor", "softbox", "security_floodlight")
OUTLIERS_AQ = ("trampoline", "fire_hydrant", "windsock")
SLOT_MINUTES = (25, 70)  # the photo sessions' time slots, in minutes: integers in [low, high) (label noise)
SLOT_PICTURES = (20, 61)  # pictures taken in a slot: integers in [low, high) (label noise)


def load_base_aq(name: str, quick: bool = False):
    import _heldout

    return _heldout.load_generator_base(name, quick, BASES_AQ, "AQ")


def _median_grey(f: np.ndarray) -> float:
    return float(np.median(f @ np.array([0.299, 0.587, 0.114], np.float32)))


# -- near copies -----------------------------------------------------------------------------
LENS_TINTS = ((170, 210, 240), (228, 234, 238))


def _contact_lens(f: np.ndarray, rng) -> np.ndarray:
    """A soft contact lens lying on the print, seen a little edge-on: a round body 26-34% of the side across, at
    least 8 px, 80-100% as high as wide, tinted pale blue or clear at 25%; its rim 5% of it wide, at least 0.7 px,
    at 80%, a dark blue-grey where the picture's median grey is light (110 and over), pale where it is dark; the
    optic zone's edge as a faint ring at 25% from 48 px; a highlight crescent at 70%; at any angle, its middle 30-70%
    of the way across and down, a soft shadow at 20%."""
    h, w = f.shape[:2]
    side = min(h, w)
    D = max(8.0, side * rng.uniform(0.26, 0.34))
    tint = _pick(LENS_TINTS, rng)
    rim_col = (64, 88, 112) if _median_grey(f) >= 110 else (214, 230, 244)
    fr = _frame_at(h, w, rng)
    a = D / 2
    b = a * rng.uniform(0.8, 1.0)
    body = fr.fill([_ellipse(0.0, 0.0, a, b, 0.0, 32)])
    rim = fr.line([_ellipse(0.0, 0.0, a, b, 0.0, 32) + [(a, 0.0)]], max(0.7, 0.05 * D))
    parts = [(body, tint, 0.25, True), (rim, rim_col, 0.8, False)]
    if side >= 48:
        parts.append((fr.line([_ellipse(0.0, 0.0, 0.6 * a, 0.6 * b, 0.0, 24) + [(0.6 * a, 0.0)]],
                              max(0.5, 0.015 * D)), rim_col, 0.25, False))
    u = np.linspace(-2.4, -1.2, 8)
    arc = [(0.7 * a * np.cos(t), 0.7 * b * np.sin(t)) for t in u]
    parts.append((fr.line([arc], max(0.6, 0.06 * D)) * body, (255, 255, 255), 0.7, False))
    return _u8(_laid(f, parts, 0.2))


PULL_METALS = ((202, 204, 210), (96, 98, 106), (196, 164, 84))


def _ring_pull(f: np.ndarray, rng) -> np.ndarray:
    """A can's ring-pull tab lying on the print: a rounded plate 24-32% of the side long, at least 10 px, and 55% of
    that wide, a large finger hole over its far 55% (cut through, the picture seen in it), a rivet ring round a
    small hole at the near end; aluminium, dark anodised or gold (of the three the two whose grey is furthest from
    the picture's median grey), its rim 12% darker, a sheen at 45%; at any angle, its middle 30-70% of the way across
    and down, a soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(10.0, side * rng.uniform(0.24, 0.32))
    col = _showing(f, PULL_METALS, rng)
    fr = _frame_at(h, w, rng)
    W = 0.55 * L
    plate = _rrect(-0.5 * L, -0.5 * W, 0.5 * L, 0.5 * W, 0.45 * W, 8)
    hole = _ellipse(0.18 * L, 0.0, 0.26 * L, 0.3 * W, 0.0, 20)
    rivet = _ellipse(-0.3 * L, 0.0, 0.07 * L, 0.07 * L, 0.0, 12)
    body = fr.fill([plate], holes=[hole, rivet])
    edge = fr.line([plate + [plate[0]], hole + [hole[0]]], max(0.6, 0.05 * L)) * body
    ring = fr.line([_ellipse(-0.3 * L, 0.0, 0.12 * L, 0.12 * L, 0.0, 12) + [(-0.18 * L, 0.0)]],
                   max(0.6, 0.04 * L)) * body
    sheen = fr.line([[(-0.45 * L, -0.3 * W), (-0.1 * L, -0.38 * W)]], max(0.5, 0.05 * L)) * body
    parts = [(body, col, 1.0, True), (edge, col * 0.88, 1.0, False), (ring, col * 0.7, 1.0, False),
             (sheen, (255, 255, 255), 0.45, False)]
    return _u8(_laid(f, parts, 0.4))


CLIPS = ((244, 244, 240), (206, 40, 44), (40, 90, 196), (244, 206, 40), (50, 150, 80))


def _bread_clip(f: np.ndarray, rng) -> np.ndarray:
    """A bread bag's plastic clip lying on the print: a rounded square 17-23% of the side across, at least 8 px, a
    V notch from one edge to a round hole in the middle (both cut through), white, red, blue, yellow or green (of
    the five the two whose grey is furthest from the picture's median grey), a printed best-before date as two dark
    strokes from 48 px; at any angle, its middle 30-70% of the way across and down, a soft shadow at 35%."""
    h, w = f.shape[:2]
    side = min(h, w)
    s = max(8.0, side * rng.uniform(0.17, 0.23))
    col = _showing(f, CLIPS, rng)
    fr = _frame_at(h, w, rng)
    sq = _rrect(-0.5 * s, -0.5 * s, 0.5 * s, 0.5 * s, 0.12 * s, 5)
    notch = [(-0.16 * s, 0.52 * s), (0.16 * s, 0.52 * s), (0.05 * s, 0.05 * s), (-0.05 * s, 0.05 * s)]
    hole = _ellipse(0.0, 0.0, 0.12 * s, 0.12 * s, 0.0, 12)
    body = fr.fill([sq], holes=[notch, hole])
    parts = [(body, col, 1.0, True), (fr.line([sq + [sq[0]]], max(0.5, 0.04 * s)) * body, col * 0.8, 1.0, False)]
    if side >= 48:
        date = fr.line([[(-0.38 * s, -0.32 * s), (-0.08 * s, -0.32 * s)], [(0.08 * s, -0.32 * s),
                                                                            (0.38 * s, -0.32 * s)]],
                       max(0.5, 0.05 * s)) * body
        parts.append((date, (30, 30, 34), 0.9, False))
    return _u8(_laid(f, parts, 0.35))


SAMARAS = ((200, 164, 104), (124, 84, 48), (132, 164, 72))


def _sycamore_seed(f: np.ndarray, rng) -> np.ndarray:
    """A sycamore's winged seed lying on the print: 38-48% of the side long, at least 12 px, a round nutlet 22% of
    that across at one end and a curved wing 30% of it wide tapering to a rounded tip, the wing at 85% with 4-5 veins
    fanning from the nutlet (from 48 px) 25% darker, dry tan, brown or fresh green (of the three the two whose grey is
    furthest from the picture's median grey), the nutlet 20% darker; at any angle, its middle 30-70% of the way
    across and down, a soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(12.0, side * rng.uniform(0.38, 0.48))
    col = _showing(f, SAMARAS, rng)
    fr = _frame_at(h, w, rng)
    bend = rng.uniform(0.05, 0.12) * L
    t = np.linspace(0, 1, 14)
    top = [(-0.4 * L + 0.85 * L * s, -0.06 * L - 0.3 * L * np.sin(np.pi * min(1.0, 0.2 + 0.9 * s)) * 0.55
            - bend * s * s) for s in t]
    bottom = [(-0.4 * L + 0.85 * L * s, 0.06 * L - bend * s * s + 0.05 * L * np.sin(np.pi * s)) for s in t]
    wing = fr.fill([top + bottom[::-1]])
    nut = fr.fill([_ellipse(-0.39 * L, 0.0, 0.11 * L, 0.1 * L, 0.0, 14)])
    parts = [(wing, col, 0.85, True), (nut, col * 0.8, 1.0, True)]
    if side >= 48:
        veins = []
        for k in range(int(rng.integers(4, 6))):
            j = 13 - 2 * k
            veins.append([(-0.36 * L, 0.0), ((top[j][0] + bottom[j][0]) / 2 + 0.02 * L,
                                            0.6 * top[j][1] + 0.4 * bottom[j][1])])
        parts.append((fr.line(veins, max(0.5, 0.012 * L)) * wing, col * 0.75, 1.0, False))
    return _u8(_laid(f, parts, 0.4))


FUSES = ((220, 40, 40), (40, 90, 220), (240, 210, 40), (226, 226, 226), (50, 180, 80))


def _blade_fuse(f: np.ndarray, rng) -> np.ndarray:
    """A car's blade fuse lying on the print: a body 15-20% of the side wide, at least 6 px, and 70% of that high
    with a ridged grip along its top, of translucent red, blue, yellow, clear or green plastic at 80%, its metal link
    seen through it as a zigzag at 45% from 48 px; two tinned prongs 25% of the width wide and 80% long below it
    with a gap between; at any angle, its middle 30-70% of the way across and down, a soft shadow at 35%."""
    h, w = f.shape[:2]
    side = min(h, w)
    W = max(6.0, side * rng.uniform(0.15, 0.2))
    col = _pick(FUSES, rng)
    fr = _frame_at(h, w, rng)
    H = 0.7 * W
    body = fr.fill([_rrect(-0.5 * W, -H, 0.5 * W, 0.0, 0.08 * W, 3)])
    grip = fr.fill([_rect(-0.55 * W, -H - 0.12 * W, 0.55 * W, -H + 0.1 * W)])
    prongs = fr.fill([_rect(-0.45 * W, -0.02 * W, -0.2 * W, 0.8 * W), _rect(0.2 * W, -0.02 * W, 0.45 * W, 0.8 * W)])
    parts = [(prongs, (196, 198, 204), 1.0, True), (body, col, 0.8, True), (grip, col * 0.8, 0.9, True)]
    if side >= 48:
        zig = [(-0.32 * W, -0.1 * W), (-0.2 * W, -0.5 * H), (-0.05 * W, -0.2 * H), (0.05 * W, -0.7 * H),
               (0.2 * W, -0.3 * H), (0.32 * W, -0.1 * W)]
        parts.append((fr.line([zig], max(0.5, 0.04 * W)) * body, (170, 172, 178), 0.45, False))
    return _u8(_laid(f, parts, 0.35))


TULLES = ((244, 244, 240), (20, 20, 24), (30, 36, 70))


def _tulle(f: np.ndarray, rng) -> np.ndarray:
    """A sheet of bridal tulle laid over the whole print: a honeycomb net of cells 3.5-5% of the side across, at
    least 3.5 px, threads 0.9% of the side wide, at least 0.6 px, at 50%, over a veil of the net's colour at 8%;
    white where the picture's median grey is dark (under 110), black or navy where it is light; turned at random."""
    h, w = f.shape[:2]
    side = min(h, w)
    col = np.asarray(TULLES[0] if _median_grey(f) < 110 else TULLES[1 + int(rng.integers(2))], np.float32)
    a = max(3.5, side * rng.uniform(0.035, 0.05)) / np.sqrt(3)
    fr = _Frame((h, w), w / 2, h / 2, rng.uniform(0, np.pi / 3))
    R = 0.75 * np.hypot(h, w)
    w2 = np.sqrt(3) / 2 * a
    ks = range(int(-R / w2) - 2, int(R / w2) + 3)
    lines = []
    for j in range(int(-R / (1.5 * a)) - 2, int(R / (1.5 * a)) + 3):
        y = 1.5 * a * j
        zig = [(k * w2, y + (0.0 if (k + j) % 2 == 0 else 0.5 * a)) for k in ks]
        lines.append(zig)
        lines += [[(k * w2, y + 0.5 * a), (k * w2, y + 1.5 * a)] for k in ks if (k + j) % 2]
    net = fr.line(lines, max(0.6, 0.009 * side))
    out = f * 0.92 + 0.08 * col
    return _u8(_paint(out, 0.5 * net, col))


def _colander_light(f: np.ndarray, rng) -> np.ndarray:
    """Sunlight through a colander held over the print: its shadow a disc 45-60% of the side in radius, its middle
    35-65% of the way across and down, squashed to 75-100% along a random direction (the sun a little oblique),
    darkening the picture by 45-60% with a soft edge 3% of the side wide; pierced by the sun through its holes: rings
    of elliptical spots 9-12% of the side apart (their radii 1.3-1.9% of the side, at least 0.7 px), where the picture
    is lit 10% brighter and warmer than before, the sun's glare on the print's surface adding 22 levels (so that the
    spots show on black ink too)."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    cx, cy = w * rng.uniform(0.35, 0.65), h * rng.uniform(0.35, 0.65)
    R = side * rng.uniform(0.45, 0.6)
    sq = rng.uniform(0.75, 1.0)
    ang = rng.uniform(0, np.pi)
    u = (xx - cx) * np.cos(ang) + (yy - cy) * np.sin(ang)
    v = (-(xx - cx) * np.sin(ang) + (yy - cy) * np.cos(ang)) / sq
    disc = np.clip((R - np.hypot(u, v)) / max(0.8, 0.03 * side), 0, 1)
    fr = _Frame((h, w), cx, cy, ang)
    pitch = side * rng.uniform(0.09, 0.12)
    r = max(0.7, side * rng.uniform(0.013, 0.019))
    spots = [_ellipse(0.0, 0.0, r, r * sq, 0.0, 10)]
    for ring in range(1, int(R / pitch) + 1):
        n = int(round(2 * np.pi * ring))
        ph = rng.uniform(0, 2 * np.pi)
        for k in range(n):
            t = ph + 2 * np.pi * k / n
            if ring * pitch < R - 1.5 * r:
                spots.append(_ellipse(ring * pitch * np.cos(t), ring * pitch * np.sin(t) * sq, r, r * sq, 0.0, 10))
    holes = fr.fill(spots) * disc
    dark = rng.uniform(0.45, 0.6) * disc * (1 - holes)
    out = f * (1 - dark)[..., None]
    out = out * (1 + 0.1 * holes[..., None] * np.array([1.0, 0.95, 0.8], np.float32))
    return _u8(out + 22 * holes[..., None] * np.array([1.0, 0.95, 0.8], np.float32))


GINGHAMS = ((200, 30, 40), (30, 70, 180), (40, 140, 70), (24, 24, 28))


def _gingham(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on gingham cloth: a check of red, blue, green or black stripes, a repeat 8-12% of the
    side, at least 4 px, each stripe half of it, turned by at most 5 degrees; the stripes at 22% under the ink, their
    crossings at 44%."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    col = _pick(GINGHAMS, rng)
    p = max(4.0, side * rng.uniform(0.08, 0.12))
    a = np.deg2rad(rng.uniform(-5, 5))
    u = xx * np.cos(a) + yy * np.sin(a) + rng.uniform(0, p)
    v = -xx * np.sin(a) + yy * np.cos(a) + rng.uniform(0, p)

    def band(t):  # 1 inside a stripe (half of each repeat), a soft edge of about 1 px
        e = np.abs((t / p) % 1.0 - 0.25)
        e = np.minimum(e, 1 - e)
        return np.clip((0.25 - e) * p + 0.5, 0, 1)

    m = 0.22 * (band(u) + band(v))
    return _u8(_paint(f, m, col))


def near_edit_aq(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "contact_lens":  # a soft contact lens lying on the print
        return _contact_lens(f, rng)
    if kind == "ring_pull":  # a can's ring-pull tab lying on the print
        return _ring_pull(f, rng)
    if kind == "bread_clip":  # a bread bag's plastic clip lying on the print
        return _bread_clip(f, rng)
    if kind == "sycamore_seed":  # a sycamore's winged seed lying on the print
        return _sycamore_seed(f, rng)
    if kind == "blade_fuse":  # a car's blade fuse lying on the print
        return _blade_fuse(f, rng)
    if kind == "tulle":  # a sheet of bridal tulle laid over the print
        return _tulle(f, rng)
    if kind == "colander_light":  # sunlight through a colander held over the print
        return _colander_light(f, rng)
    if kind == "gingham":  # the picture printed on gingham cloth
        return _gingham(f, rng)
    raise ValueError(kind)


# -- blurs -----------------------------------------------------------------------------------
def _door_peephole(f: np.ndarray, rng) -> np.ndarray:
    """The picture photographed through a door's peephole: its small wide-angle lens focused for a visitor a metre
    off, the print held close, a Gaussian of 1.6-2.4% of the side, at least 1 px, for 70% of it and one 3 times as
    wide for the rest; a barrel distortion of 15-25% at the corners; the viewer's round field (radius 56-64% of the
    side from the middle) with a soft edge 4% of the side wide and a dark door 14 / 12 / 10 beyond; as a camera
    metering on the highlights exposes it."""
    from scipy.ndimage import gaussian_filter, map_coordinates

    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    s = max(1.0, side * rng.uniform(0.016, 0.024))
    soft = np.stack([0.7 * gaussian_filter(f[..., c], s, mode="reflect") +
                     0.3 * gaussian_filter(f[..., c], 3 * s, mode="reflect") for c in range(3)], axis=2)
    k = rng.uniform(0.15, 0.25)
    dx, dy = (xx - w / 2) / (w / 2), (yy - h / 2) / (h / 2)
    r2 = dx * dx + dy * dy
    scale = (1 + k * r2 / 2) / (1 + k)  # the middle magnified, the corners drawn in
    sy = h / 2 + dy * scale * (h / 2) - 0.5
    sx = w / 2 + dx * scale * (w / 2) - 0.5
    out = np.stack([map_coordinates(soft[..., c], [sy, sx], order=1, mode="nearest") for c in range(3)], axis=2)
    R = side * rng.uniform(0.56, 0.64)
    field = np.clip((R - np.hypot(xx - w / 2, yy - h / 2)) / max(0.8, 0.04 * side), 0, 1)[..., None]
    out = out * field + (1 - field) * np.array([14, 12, 10], np.float32)
    return _u8(_metered(out, f))


def _blushed_varnish(f: np.ndarray, rng) -> np.ndarray:
    """The picture under a spray varnish that blushed (sprayed on a humid day, the film clouded milky): a Gaussian
    of 1.7-2.5% of the side, at least 1 px, for 60% of it and one 3.5 times as wide for the rest; a milky veil of
    10-18%, mottled by blotches (a smooth random field of sigma 12% of the side) between 60% and 140% of it; fine
    spray specks at 30% from 48 px; as a camera metering on the highlights exposes it."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    s = max(1.0, side * rng.uniform(0.017, 0.025))
    soft = np.stack([0.6 * gaussian_filter(f[..., c], s, mode="reflect") +
                     0.4 * gaussian_filter(f[..., c], 3.5 * s, mode="reflect") for c in range(3)], axis=2)
    blot = gaussian_filter(rng.normal(0, 1, (h, w)).astype(np.float32), max(1.0, 0.12 * side), mode="wrap")
    blot = (blot - blot.min()) / max(float(blot.max() - blot.min()), 1e-6)
    veil = (rng.uniform(0.1, 0.18) * (0.6 + 0.8 * blot))[..., None]
    out = soft * (1 - veil) + veil * np.array([240, 240, 236], np.float32)
    if side >= 48:
        specks = (rng.random((h, w)) < 0.004).astype(np.float32)
        out = _paint(out, 0.3 * specks, (250, 250, 248))
    return _u8(_metered(out, f))


def blur_aq(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "door_peephole":  # the picture photographed through a door's peephole
        return _door_peephole(f, rng)
    if kind == "blushed_varnish":  # the picture under a spray varnish that blushed milky
        return _blushed_varnish(f, rng)
    raise ValueError(kind)


# -- darkening -------------------------------------------------------------------------------
FLOOR_COLOURS = np.array([[1.0, 0.2, 0.8], [0.2, 0.9, 1.0], [1.0, 0.9, 0.2], [0.3, 1.0, 0.3], [0.3, 0.4, 1.0],
                          [1.0, 0.25, 0.2]], np.float32)


def _across(w: int, t: float, inset: float) -> float:
    """``t`` of the way across a row of tiles inset by ``inset`` of the width at either side."""
    return w * (inset + (1 - 2 * inset) * t)


def _dance_floor(f: np.ndarray, rng) -> np.ndarray:
    """An empty disco at night lit only by its lit dance floor in the picture: the floor's glowing tiles along the
    bottom, 2 rows of 6-9 seen in perspective (the far row 82-90% of the way down and narrower, the near one to the
    bottom edge), each magenta, cyan, yellow, green, blue or red at random, lighting the picture in its own colour
    at a gain of 0.05-0.08 falling off as ``1 / (1 + (d / d0) ** 2)`` from the tile, ``d0`` 28-38% of the side, over
    0.015-0.03; glows of sigma 2-3% of the side up to 25-40 levels; dark grout between tiles; noise sigma 1.2
    levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    n = int(rng.integers(6, 10))
    y_far = h * rng.uniform(0.82, 0.9)
    y_mid = y_far + 0.45 * (h - y_far)
    d0 = side * rng.uniform(0.28, 0.38)
    gain = np.full((h, w, 3), rng.uniform(0.015, 0.03), np.float32)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    tiles = []
    for y0, y1, inset0, inset1 in ((y_far, y_mid, 0.12, 0.06), (y_mid, h + 1.0, 0.06, 0.0)):
        for k in range(n):
            poly = [(_across(w, k / n, inset0), y0), (_across(w, (k + 1) / n, inset0), y0),
                    (_across(w, (k + 1) / n, inset1), y1), (_across(w, k / n, inset1), y1)]
            col = FLOOR_COLOURS[int(rng.integers(len(FLOOR_COLOURS)))]
            cx, cy = sum(p[0] for p in poly) / 4, (y0 + min(y1, h)) / 2
            gain += (rng.uniform(0.05, 0.08) / (1 + (np.hypot(xx - cx, yy - cy) / d0) ** 2))[..., None] * col
            tiles.append((poly, col))
    out = _lit(f, gain, rng)
    sig = max(0.8, side * rng.uniform(0.02, 0.03))
    level = rng.uniform(25, 40)
    grout = max(0.6, 0.008 * side)
    for poly, col in tiles:
        m = ident.fill([poly])
        out = out + _glow(m, sig)[..., None] * level * col / len(tiles) * 4
        out = _paint(out, m, 215 * col + 25)
    out = _paint(out, ident.line([p + [p[0]] for p, _ in tiles], grout), (20, 18, 22))
    return _u8(out)


SOFTBOX_LIGHTS = (np.array([0.96, 0.97, 1.0], np.float32), np.array([1.0, 0.88, 0.7], np.float32))


def _softbox(f: np.ndarray, rng) -> np.ndarray:
    """A photographer's studio at night lit only by a softbox's modelling lamp in the picture: a large soft
    rectangle 16-22% of the width and 40-55% of the height at the left or right edge (its outer quarter out of the
    frame), its middle 35-55% of the way down, daylight 0.96 / 0.97 / 1.0 or warm 1.0 / 0.88 / 0.7, with a dark rim;
    the picture lit at a gain of 0.015-0.03 plus 0.26-0.34 falling off as ``1 / (1 + (d / d0) ** 2)`` from the
    rectangle's nearest point, ``d0`` 28-38% of the side; a glow of sigma 3-5% of the side up to 30-45 levels; noise
    sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    col = SOFTBOX_LIGHTS[int(rng.integers(2))]
    bw, bh = w * rng.uniform(0.16, 0.22), h * rng.uniform(0.4, 0.55)
    cy = h * rng.uniform(0.35, 0.55)
    left = rng.random() < 0.5
    x0, x1 = (-0.25 * bw, 0.75 * bw) if left else (w - 0.75 * bw, w + 0.25 * bw)
    y0, y1 = cy - bh / 2, cy + bh / 2
    d = np.hypot(np.maximum(np.maximum(x0 - xx, xx - x1), 0), np.maximum(np.maximum(y0 - yy, yy - y1), 0))
    gain = rng.uniform(0.015, 0.03) + rng.uniform(0.26, 0.34) / (1 + (d / (side * rng.uniform(0.28, 0.38))) ** 2)
    out = _lit(f, gain[..., None] * col, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    face = ident.fill([_rect(x0, y0, x1, y1)])
    out = out + _glow(face, max(0.8, side * rng.uniform(0.03, 0.05)))[..., None] * rng.uniform(30, 45) * col
    rim = max(0.8, 0.02 * side)
    out = _paint(out, ident.fill([_rect(x0 - rim, y0 - rim, x1 + rim, y1 + rim)]), (26, 26, 28))
    return _u8(_paint(out, face, 236 * col + 12))


FLOOD = np.array([0.92, 0.96, 1.0], np.float32)


def _security_floodlight(f: np.ndarray, rng) -> np.ndarray:
    """A yard at night lit only by a security floodlight high on the wall in the picture: a lamp head 14-18% of the
    side wide and 45% of that high under a dark housing, 4-9% of the way down and 20-80% across, cool white
    0.92 / 0.96 / 1.0; its beam a cone 35-45 degrees either side of straight down with soft edges 10 degrees wide,
    the picture lit in it at a gain of 0.24-0.32 falling off as ``1 / (1 + (d / d0) ** 2)`` from the lamp, ``d0``
    40-55% of the side, over 0.015-0.03 everywhere; a glow of sigma 2.5-4% of the side up to 30-45 levels; noise
    sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    lx, ly = w * rng.uniform(0.2, 0.8), h * rng.uniform(0.04, 0.09)
    half = np.deg2rad(rng.uniform(35, 45))
    tilt = np.deg2rad(rng.uniform(-10, 10))
    ang = np.abs(np.arctan2(xx - lx, np.maximum(yy - ly, 1e-3)) - tilt)
    beam = np.clip((half - ang) / np.deg2rad(10) + 0.5, 0, 1) * (yy > ly)
    d = np.hypot(xx - lx, yy - ly)
    gain = rng.uniform(0.015, 0.03) + rng.uniform(0.24, 0.32) * beam / (1 + (d / (side * rng.uniform(0.4, 0.55))) ** 2)
    out = _lit(f, gain[..., None] * FLOOD, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    hw = 0.5 * side * rng.uniform(0.14, 0.18)
    hh = 0.45 * hw
    face = ident.fill([_rect(lx - hw, ly, lx + hw, ly + hh)])
    out = out + _glow(face, max(0.8, side * rng.uniform(0.025, 0.04)))[..., None] * rng.uniform(30, 45) * FLOOD
    out = _paint(out, ident.fill([_rrect(lx - 1.15 * hw, ly - 1.3 * hh, lx + 1.15 * hw, ly + 0.2 * hh, 0.3 * hh, 3)]),
                 (34, 34, 36))
    return _u8(_paint(out, face, 245 * FLOOD + 8))


def dark_aq(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "dance_floor":  # an empty disco lit only by its lit dance floor
        return _dance_floor(f, rng)
    if kind == "softbox":  # a studio lit only by a softbox's modelling lamp
        return _softbox(f, rng)
    if kind == "security_floodlight":  # a yard lit only by a security floodlight high on the wall
        return _security_floodlight(f, rng)
    raise ValueError(kind)


# -- outliers --------------------------------------------------------------------------------
def _trampoline(size: int, rng) -> dict:
    """A garden trampoline seen from the side: a lawn below 60-68% of the way down, the round bed as a flat ellipse
    70-84% of the side wide and 12% of that high 52-60% of the way down, its padded frame round it, 3-4 W-shaped legs
    to the lawn, 6-8 net poles rising 30-38% of the side to a curved top rail, the net between them as a fine mesh
    (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("lawn", "legs", "bed", "pad", "poles", "net"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    g = big * rng.uniform(0.6, 0.68)
    d["lawn"].rectangle((0, g, big, big), fill=255)
    W = big * rng.uniform(0.7, 0.84)
    cx, cy = big / 2, big * rng.uniform(0.52, 0.6)
    H = 0.12 * W
    lw = max(1, round(0.012 * big))
    for x in np.linspace(cx - 0.42 * W, cx + 0.42 * W, int(rng.integers(3, 5))):
        d["legs"].line([(x - 0.06 * W, cy + 0.3 * H), (x - 0.03 * W, g + 0.08 * big), (x, cy + 0.6 * H),
                        (x + 0.03 * W, g + 0.08 * big), (x + 0.06 * W, cy + 0.3 * H)], fill=255, width=lw)
    d["pad"].ellipse((cx - W / 2 - 0.03 * big, cy - H / 2 - 0.02 * big, cx + W / 2 + 0.03 * big, cy + H / 2 + 0.02 * big),
                     fill=255)
    d["bed"].ellipse((cx - W / 2, cy - H / 2, cx + W / 2, cy + H / 2), fill=255)
    rise = big * rng.uniform(0.3, 0.38)
    n = int(rng.integers(6, 9))
    tops = []
    for t in np.linspace(0, np.pi, n):
        x = cx - (W / 2 + 0.02 * big) * np.cos(t)
        y = cy + 0.5 * H * np.sin(t) - 0.02 * big
        d["poles"].line([(x, y), (x, y - rise)], fill=255, width=lw)
        tops.append((x, y - rise))
    for (xa, ya), (xb, yb) in zip(tops[:-1], tops[1:]):
        d["poles"].line([(xa, ya), ((xa + xb) / 2, ya + 0.04 * big), (xb, yb)], fill=255, width=lw)
    top_y = min(y for _, y in tops)
    net = _mesh(big, max(3, round(0.025 * big)))
    d["net"].polygon([(cx - W / 2, cy), (cx - W / 2, top_y), (cx + W / 2, top_y), (cx + W / 2, cy)], fill=255)
    out = {k: _down(v, size) for k, v in M.items()}
    out["net"] = out["net"] * _down(net, size) * (1 - out["bed"])
    return out


def _mesh(big: int, pitch: int):
    """A square mesh of lines ``pitch`` px apart as a PIL image (the trampoline's net)."""
    from PIL import Image

    m = Image.new("L", (big, big), 0)
    dr = ImageDraw.Draw(m)
    for x in range(0, big, pitch):
        dr.line([(x, 0), (x, big)], fill=255, width=max(1, pitch // 4))
    for y in range(0, big, pitch):
        dr.line([(0, y), (big, y)], fill=255, width=max(1, pitch // 4))
    return m


def _fire_hydrant(size: int, rng) -> dict:
    """A fire hydrant on a pavement before a brick wall: the pavement below 72-80% of the way down, the wall above
    with mortar courses every 6% of the side (bonded), a hydrant 22-28% of the side wide in the middle: a column
    45-55% of the side high on a base flange, a dome cap with a top nut, two side outlets with caps (0-1 coverage
    each)."""
    big = 4 * size
    M = _canvas(("pavement", "mortar", "body", "cap", "outlets", "flange"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    g = big * rng.uniform(0.72, 0.8)
    d["pavement"].rectangle((0, g, big, big), fill=255)
    lw = max(1, round(0.008 * big))
    course = 0.06 * big
    for j, y in enumerate(np.arange(course, g, course)):
        d["mortar"].line([(0, y), (big, y)], fill=255, width=lw)
        for x in np.arange((j % 2) * 0.09 * big, big, 0.18 * big):
            d["mortar"].line([(x, y - course), (x, y)], fill=255, width=lw)
    cx = big * rng.uniform(0.42, 0.58)
    bw = big * rng.uniform(0.22, 0.28) / 2
    top = g - big * rng.uniform(0.45, 0.55)
    d["flange"].rectangle((cx - 1.3 * bw, g - 0.05 * big, cx + 1.3 * bw, g + 0.01 * big), fill=255)
    d["body"].rectangle((cx - bw, top + 0.5 * bw, cx + bw, g - 0.04 * big), fill=255)
    d["cap"].pieslice((cx - 1.05 * bw, top - 0.5 * bw, cx + 1.05 * bw, top + 1.3 * bw), 180, 360, fill=255)
    d["cap"].rectangle((cx - 1.15 * bw, top + 0.35 * bw, cx + 1.15 * bw, top + 0.6 * bw), fill=255)
    d["cap"].rectangle((cx - 0.25 * bw, top - 0.75 * bw, cx + 0.25 * bw, top - 0.3 * bw), fill=255)
    oy = top + 0.55 * (g - top)
    for s in (-1, 1):
        d["outlets"].rectangle((min(cx + s * bw, cx + s * 1.7 * bw), oy - 0.35 * bw, max(cx + s * bw, cx + s * 1.7 * bw),
                                oy + 0.35 * bw), fill=255)
        d["cap"].rectangle((min(cx + s * 1.6 * bw, cx + s * 1.85 * bw), oy - 0.45 * bw,
                            max(cx + s * 1.6 * bw, cx + s * 1.85 * bw), oy + 0.45 * bw), fill=255)
    out = {k: _down(v, size) for k, v in M.items()}
    out["mortar"] = out["mortar"] * (1 - out["pavement"])
    return out


def _windsock(size: int, rng) -> dict:
    """An airfield windsock: grass below 62-72% of the way down, a strip of taxiway across the foreground with white
    dashes, a pole 25-45% of the way across rising to 18-28% down, a ring at its top and a sock 45-60% of the side
    long tapering from 16% to 7% of the side, drooping by 0-12% of its length, in five alternating bands (0-1
    coverage each)."""
    big = 4 * size
    M = _canvas(("grass", "tarmac", "dashes", "pole", "band_a", "band_b", "ring"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    g = big * rng.uniform(0.62, 0.72)
    d["grass"].rectangle((0, g, big, big), fill=255)
    ty = big * rng.uniform(0.8, 0.86)
    d["tarmac"].rectangle((0, ty, big, ty + 0.1 * big), fill=255)
    for x in np.arange(rng.uniform(0, 0.12) * big, big, 0.16 * big):
        d["dashes"].rectangle((x, ty + 0.045 * big, x + 0.08 * big, ty + 0.06 * big), fill=255)
    px = big * rng.uniform(0.25, 0.45)
    top = big * rng.uniform(0.18, 0.28)
    d["pole"].rectangle((px - 0.012 * big, top, px + 0.012 * big, g + 0.02 * big), fill=255)
    L = big * rng.uniform(0.45, 0.6)
    droop = rng.uniform(0.0, 0.12) * L
    r0, r1 = 0.08 * big, 0.035 * big
    d["ring"].ellipse((px - 0.02 * big, top - r0, px + 0.03 * big, top + r0), fill=255)
    for j in range(5):
        t0, t1 = j / 5, (j + 1) / 5
        x0, x1 = px + 0.02 * big + L * t0, px + 0.02 * big + L * t1
        c0, c1 = top + droop * t0 ** 2, top + droop * t1 ** 2
        h0, h1 = r0 + (r1 - r0) * t0, r0 + (r1 - r0) * t1
        d["band_a" if j % 2 == 0 else "band_b"].polygon([(x0, c0 - h0), (x1, c1 - h1), (x1, c1 + h1), (x0, c0 + h0)],
                                                        fill=255)
    return {k: _down(v, size) for k, v in M.items()}


HYDRANTS = ((200, 36, 36), (236, 196, 40), (196, 198, 204))
PADS = ((40, 90, 190), (50, 150, 70), (190, 40, 40))


def outlier_aq(name: str, kind: str, size: int, lo: int, hi: int, rng) -> np.ndarray:
    photos = name.startswith("photos")
    ground = lambda col: np.ones((size, size, 3), np.float32) * np.asarray(col, np.float32)  # noqa: E731
    tone = lambda t: [lo + (hi - lo) * t] * 3  # noqa: E731
    if kind == "trampoline":
        m = _trampoline(size, rng)
        if photos:  # a blue sky, a green lawn, grey legs and poles, a black bed, a blue, green or red pad, a grey net
            out = _paint(_paint(ground((140, 186, 232)), m["lawn"], (90, 150, 64)), m["legs"], (150, 150, 154))
            out = _paint(_paint(out, m["pad"], _pick(PADS, rng)), m["bed"], (26, 26, 30))
            out = _paint(_paint(out, 0.6 * m["net"], (60, 60, 66)), m["poles"], (180, 180, 186))
            return _u8(out)
        out = _paint(_paint(ground(tone(0.0)), m["lawn"], tone(0.3)), m["legs"], tone(0.8))
        out = _paint(_paint(out, m["pad"], tone(1.0)), m["bed"], tone(0.55))
        out = _paint(_paint(out, 0.6 * m["net"], tone(0.5)), m["poles"], tone(0.9))
        return _u8(out)
    if kind == "fire_hydrant":
        m = _fire_hydrant(size, rng)
        if photos:  # a brick wall with pale mortar, a grey pavement, a red, yellow or silver hydrant
            col = _pick(HYDRANTS, rng)
            out = _paint(_paint(ground((160, 70, 50)), m["mortar"], (200, 190, 176)), m["pavement"], (150, 150, 146))
            out = _paint(_paint(out, m["flange"], col * 0.7), m["body"], col)
            return _u8(_paint(_paint(out, m["outlets"], col * 0.85), m["cap"], col * 0.8))
        out = _paint(_paint(ground(tone(0.0)), m["mortar"], tone(0.25)), m["pavement"], tone(0.35))
        out = _paint(_paint(out, m["flange"], tone(0.6)), m["body"], tone(1.0))
        return _u8(_paint(_paint(out, m["outlets"], tone(0.8)), m["cap"], tone(0.7)))
    if kind == "windsock":
        m = _windsock(size, rng)
        if photos:  # a pale sky, green grass, grey tarmac with white dashes, an orange-and-white sock
            out = _paint(_paint(ground((176, 204, 232)), m["grass"], (96, 150, 70)), m["tarmac"], (90, 92, 96))
            out = _paint(_paint(out, m["dashes"], (236, 236, 230)), m["pole"], (200, 200, 204))
            out = _paint(_paint(out, m["ring"], (120, 120, 126)), m["band_a"], (240, 110, 30))
            return _u8(_paint(out, m["band_b"], (244, 244, 240)))
        out = _paint(_paint(ground(tone(0.0)), m["grass"], tone(0.25)), m["tarmac"], tone(0.45))
        out = _paint(_paint(out, m["dashes"], tone(0.9)), m["pole"], tone(0.7))
        out = _paint(_paint(out, m["ring"], tone(0.6)), m["band_a"], tone(1.0))
        return _u8(_paint(out, m["band_b"], tone(0.55)))
    raise ValueError(kind)


# -- label noise -----------------------------------------------------------------------------
def clock_skew_flips(base: list[np.ndarray], labels: list, classes: list, candidates: list, count: int,
                     rng) -> dict[int, object]:
    """``count`` examples to flip and their new labels: part of the set was photographed in scheduled sessions, one
    class a time slot (a day's slots 25-69 minutes each, back to back, every class once a day in a random order,
    20-60 pictures a slot at times spread over it on 2-4 cameras), and labelled by a script from each picture's
    timestamp: the class of the slot it falls in. One camera a day had its clock not moved for daylight saving (an
    hour fast or slow), so its pictures' timestamps fall in another slot and are given that slot's class; one that
    falls outside the day's slots keeps its label, one that falls in a slot of its own class is not a flip. The
    eligible pictures are taken in a random order, each class's in turn for its slots; days are worked through until
    the flips needed are made (the last day's flips kept in part, at random): noise by a wrong clock, not by class
    or look. Every flip changes the label."""
    cand = [int(v) for v in rng.permutation(np.asarray(candidates, dtype=int))]
    names = sorted(classes, key=str)
    queue = {c: [i for i in cand if labels[i] == c] for c in names}
    flips: dict[int, object] = {}
    while len(flips) < count and any(queue[c] for c in names):
        order = [names[int(j)] for j in rng.permutation(len(names))]
        slots, t = [], 0.0
        for c in order:
            dur = float(rng.integers(*SLOT_MINUTES))
            slots.append((t, t + dur, c))
            t += dur
        cams = int(rng.integers(2, 5))
        skewed = int(rng.integers(cams))
        shift = 60.0 if rng.random() < 0.5 else -60.0
        got = {}
        for t0, t1, c in slots:
            k = int(rng.integers(*SLOT_PICTURES))
            shot, queue[c] = queue[c][:k], queue[c][k:]
            for i in shot:
                when = rng.uniform(t0, t1)
                if int(rng.integers(cams)) != skewed:
                    continue
                stamp = when + shift
                given = next((s[2] for s in slots if s[0] <= stamp < s[1]), None)
                if given is not None and given != labels[i]:
                    got[i] = given
        need = count - len(flips)
        if len(got) > need:
            keep = rng.choice(sorted(got), size=need, replace=False)
            got = {int(i): got[int(i)] for i in keep}
        flips.update(got)
    return dict(sorted(flips.items()))


# -- planting ------------------------------------------------------------------------------
def plant_issues_aq(images, labels, out_dir, *, name: str, random_state: int = 0) -> PlantedDataset:
    """Generator AQ's problems (module docstring). A set whose name ends in ``_jpeg`` is written as JPEG files at a
    quality drawn from 57-78 each; the others as PNG. The planting is I's (:func:`_heldout_i.plant_generator`)."""
    return plant_generator(
        images, labels, out_dir, name=name, rates=RATES_AQ, seed=430_000 + random_state,
        quality_seed=435_000 + random_state, jpeg_quality=JPEG_QUALITY,
        flips=clock_skew_flips,
        **by_family(name, outlier=(outlier_aq, OUTLIERS_AQ), blur=(blur_aq, BLURS_AQ), dark=(dark_aq, DARKS_AQ),
                    near=(near_edit_aq, NEAR_EDITS_AQ)))
