"""Generator BF: fresh EVALUATION sets after generator BE's run (never used to choose anything).

Why a fifty-sixth evaluation generator: generator BE's sets were written before its run and have been run once since
(``dev_sweep``: generator BE has had its one held-out run; its sets join the development sets), so a held-out set for
the code after that run is written now, before any tool is run on it. The commit subjects since BE's generator commit
(3380355) name these changes: ``dark``'s ``exclude_suspects``, which with labels judges the dim and edge-lights rules'
candidates that their class finds dim again by layout against images their class does not (a batch darkened alike
no longer vouches for itself; BC's pachinko coats), measured on the development sets of A-BD; the docs of generator
BD's one held-out run; and generator BE's one held-out run, after which its four sets joined the development sets,
and its docs. BE's run came before this generator was written, but BF's writer read no docs, logs, result files or
commit bodies (only the commit subjects, the library's code and the earlier generators' and tuning tools' files, to
copy their structure and to avoid their families), and nothing in BF was chosen from any result. Like AN's to BE's,
BF's edits are not all brightly coloured: some are grey, black, dark, white or translucent. Generator BF was written
before any tool was run on it (only its pictures were looked at, on contact sheets of its edits, blurs, darkenings
and foreign pictures at 28, 77 and 325 px, to check that every edit is visible, every blur blurred, every darkened
image dark with its picture still in it and every outlier foreign, and the planted folders hashed twice); it is not
to be changed after its results are seen. Its edits, blurs, darkenings, foreign pictures and label noise are of
families that no tuning tool (``blur_tuning.py``'s lens blurs: Gaussian, soft disk, astigmatic elongated Gaussian,
ring; ``_foreign.py``'s textures, icons and soft photographs; ``near_photos.py``'s and ``near_small.py``'s edits;
``label_filters.py``'s and ``label_noise_models.py``'s flips), no earlier generator (A = ``dq.datasets.plant_issues``,
B, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T, U, V, W, X, Y, Z, AA, AB, AC, AD, AE, AF, AG, AH, AI, AJ, AK, AL,
AM, AN, AO, AP, AQ, AR, AS, AT, AU, AV, AW, AX, AY, AZ, BA, BB, BC, BD, BE) and none of the library's calibration
copies (``dataquality/compute/_synthetic.py``: crop, shift, rotate, brightness, contrast, gamma, JPEG, resize, overlay
box; Gaussian, box, motion, down-and-up blurs) make. Like AC's to BE's it has two blur families, not three. Tiles of
325 px give 59 tiles (seed 360), so the large set is at 325 px, a size no other set uses; the small photographs are
at 77 px, a size no other set uses either. Left out because an earlier generator made them or left them out: among
objects on the print a coin, a button, a button cell, a bottle cap, a cufflink, an earring or any other small disc of
the earlier lists (their lists, AS's, AQ's, AP's: BF's wax seal is an irregular blob of sealing wax with a seal's
impressed ring and crest), a pencil, a marker, a matchstick, a toothpick, a chopstick, a USB stick or a cable tie
(K's, their lists, AR's, AT's, AM's, AZ's: BF's pen cap is a ballpoint pen's hollow plastic cap with its clip), a
macaron, a sugar cube, a gummy bear, a jelly bean, popcorn or a pretzel (AY's to BD's, AP's, AC's, AO's, AT's, AD's:
BF's meringue kiss is a piped rosette of whipped egg white, baked), a washer, a hex nut, a tyre or an elastic band
(AQ's, AT's, BB's, their lists: BF's O-ring is a rubber sealing ring of round cord, black, brown or blue), a sweet or
a wrapper, a polythene sheet or cellophane (W's, AT's, BA's, AC's: BF's sweet wrapper is a crimped, creased cellophane
twist emptied and flattened); of the whole picture a woven check, gingham, cane webbing, tatami, carbon fibre, damask,
houndstooth or any other grid or weave of the earlier lists (AO's, BD's, AZ's, BE's, their lists: BF's waffle is a
Belgian waffle's grid of square pockets, the picture printed on it in edible ink), tread plate, chequer plate,
shagreen, hammered metal, pressed tin or galvanised spangle (AU's to BA's, BE's, AD's, AV's, AX's, BA's: BF's knurled
grip is a machined diamond knurl of small lit pyramids), a wire mesh, a fly screen, chain-link, perforated metal,
pegboard or a birdcage (their lists, AY's, AR's, AT's, AH's, AU's, AW's: BF's expanded metal is a slit and stretched
steel sheet of diamond openings laid over the print); among blurs a sunscreen-smeared lens, hairspray, a latex sheet,
a jelly dish, a gel ice pack, an ice cube, glycerine or tracing paper (BC's, BB's, AL's, BE's, AN's, AS's, their
lists: BF's hand sanitiser is a lumpy pool of gel on an acetate sheet, refracting and scattering), pastis, milk,
aerogel, fog, smoke, juice or any glass of the earlier lists (BE's, their lists, BD's, AL's: BF's cloudy cider is an
unfiltered cider's pulp and yeast, scattering far forward in a heavy tail, its sediment settled towards the bottom);
among darkenings an exit sign, a taxi sign, an ON AIR sign, a letter light box, a vending machine, a jukebox or a
cash machine (AF's, AU's, BE's, AC's, their lists, AW's: BF's beer font is a closed bar's illuminated beer-tap badge
on its chrome column), a lava lamp, a salt lamp, an aroma diffuser, a fibre-optic lamp or a snow globe (their lists,
AE's, AG's, AZ's, AM's: BF's hookah base is a shisha pipe's LED-lit glass vase with its dark stem and bowl), a candle,
a tealight, a pilot flame, a Bunsen burner, a blowtorch, a campfire or a pressure lamp (their lists, AY's, AS's, BB's,
BD's: BF's fondue burner is a spirit burner's small flame under a cast-iron fondue pot on its stand); among foreign
pictures a hedgehog, a kangaroo, a llama, a bison, a moose, a rhinoceros, a walrus or a hippopotamus (AT's, AU's,
BA's, BB's, BC's, BD's, BE's: BF's giant anteater walks over grassland with its long snout, bushy tail and
white-edged black stripe), a sheep, penguins, a toucan, a rooster or an owl (AX's, AF's, BB's, AY's, their lists:
BF's koala clings to a eucalyptus trunk with its round tufted ears and dark nose), a cement mixer, a steamroller, a
forklift, a food truck, a snowmobile or a combine harvester (BD's, BE's, BA's, AZ's, AT's: BF's fire engine is a red
engine with its cab, its lockers' roller shutters, a roof ladder and a light bar); among label noise every mechanism
BE named and BE's re-hung swing tags (dictation, OCR, bags, hotkeys, keypads, quotas, a checkweigher, positions,
clocks, a returns desk's prices, a marketplace's category stuffing, recycled product codes, memory cards, a packing
bench's label rolls, a mistranslated list, an empty cartridge, transposed sheets, swapped digits, stale crate slips,
a spreadsheet's fill-down, collided file names, names completed as typed, tote cross-reads, shelf scans, conveyor
jets, averaged votes, re-hung swing tags).

* ``near_duplicate`` (3%), five edits in a part of the picture and three of the whole, in turn (so that the 325 px
  set's copies get both kinds): a blob of sealing wax (18-24% of the side across, at least 7 px, an irregular round
  edge, red 172 / 30 / 36, bottle green 38 / 88 / 58, black 34 / 30 / 34 or gold 198 / 158 / 72, of the four the two
  whose grey differs most on average from the picture's greys where it lies, as for each object's colour below but
  the wrapper's, a seal's impressed ring and crest 30% darker, a sheen at 30%; 30-70% of the way across and down, at
  any angle, a soft shadow at 30%), a pen cap (a tube 26-32% of the side long, at least 9 px, 26% as wide, blue, black,
  red or smoke grey, translucent at 75-90%, a darker rim and outline, a steel or darker clip, a highlight at 35%; a
  shadow at 25%), a meringue kiss (a piped rosette of 7-9 lobes 16-20% of the side across, at least 7 px, white 248 /
  244 / 234, pale pink or toasted, its ridges and second tier 15% darker, a shaded side and a sheen; a shadow at
  35%), an O-ring (a ring 18-24% of the side across, at least 6 px, its cord 22-28% of its radius thick, black
  nitrile, brown or blue, a sheen at 35%; a shadow at 30%) and a sweet wrapper (flattened cellophane 34-42% of the
  side long, at least 12 px, 14-18% high, at least 4 px, with two crimped fanned ends, clear, gold, purple or green
  at 40-55%, 5-8 creases light and dark, its outline 45% darker; a shadow at 15%); of the whole picture: the picture
  printed in edible ink on a waffle (the ink multiplied onto golden, pale or well-baked waffle, 42-54% of the way, a
  grid of square pockets every 9-13% of the side, at least 5 px, lit ridges 26-34% of that wide, darker pockets), on
  a knurled metal grip (the ink multiplied onto aluminium, black or red anodising or brass, 40-52% of the way, a
  diamond knurl of grooves 3.5-5% of the side apart, at least 3 px, its pyramids' faces lit from one side) and the
  print under a sheet of expanded metal (diamond openings 10-14% of the side across, at least 7 px, strands 16-22%
  of the half-diagonal wide, galvanised, black or red, opaque at 92%, lit by direction, over the sheet's soft
  shadow);
* ``exact_duplicate`` (1%): byte-for-byte copies of a file under another name;
* ``blurry`` (3%): the picture photographed through a pool of hand sanitiser gel on an acetate sheet over it (moved
  by a smooth field of 1-1.6% of the side in spread, a Gaussian of 1.5-2.2% of the side, at least 1 px, and one 3
  times as wide for 10-20%; red 4-8% down, a pale veil 236 / 244 / 246 at 5-9%) and through a glass of cloudy cider
  (Gaussians of 1.4-2.0% of the side, at least 1 px, 2.5 and 6 times as wide for 25-35% and 10-15%, up to 1.5 times
  that at the bottom; green 10-16% and blue 32-42% down, an amber veil 226 / 196 / 130 at 6-12%); each as a camera
  metering on the highlights exposes it (as Y's to BE's);
* ``dark`` (2%): a closed bar lit only by a beer tap's illuminated font (a round badge 18-24% of the side across,
  25-75% across and 30-50% down, glowing amber, white or blue, a chrome rim, the brand's band, on a dark column to the
  bottom edge with a tap's handle, a glow of sigma 5-8% of the side up to 40-55 levels; the picture lit in the
  badge's colour at 0.26-0.34 falling off as ``1 / (1 + (d / d0) ** 2)`` with the distance from the badge, ``d0``
  24-34% of the side, over 0.015-0.03), a shisha lounge lit only by a hookah's LED-lit glass base (a vase 22-28% of the
  side wide at the bottom, 25-75% across, glowing purple, cyan or magenta, brighter below its water line, its dark
  stem and bowl above, a glow of sigma 6-9% up to 40-55 levels; the picture lit in its colour at 0.26-0.34 falling
  off as above, ``d0`` 25-35% of the side, over 0.015-0.03) and a dining table lit only by a fondue set's spirit burner
  (a dark pot 28-36% of the side wide on three legs, 25-75% across, its bottom 52-66% down, the burner's small flame
  under it, orange round a pale core with a blue base, a glow of sigma 5-8% up to 45-60 levels; the picture lit warm
  1.0 / 0.62 / 0.3 at 0.26-0.34 falling off as above from the flame, ``d0`` 22-32% of the side, over 0.015-0.03);
  none of them blurs the picture;
* ``outlier`` (1.5%): a giant anteater walking over grassland (the ground, a body, a long tapering snout, four legs,
  a bushy tail, the black stripe with its pale border, an eye), a koala clinging to a eucalyptus trunk (the sky, a
  trunk and a branch, long leaves, a body, an arm, a head with round ears and pale tufts, a dark nose, eyes) and a
  fire engine parked on a road (the road, a long body with lockers' roller shutters, a cab with windows, a light bar,
  a roof ladder, three wheels with hubs); the digit and clothing sets get them in their own tones on their dark
  ground, the photographs as a grey-brown anteater with a black, white-edged stripe on dry grass under a hazy sky, a
  grey koala with white tufts on a pale trunk among grey-green leaves under a blue sky and a red fire engine with
  silver shutters and ladder, a blue light bar and black wheels on a dark road;
* ``label`` (5%): *cache race* flips: the pictures labelled in a web tool by a team of 3-7 annotators (``TEAM``)
  working one queue at once, dealt out in rounds of one picture each; the tool's server held each open picture in a
  cache slot keyed by the second it was served, so in 15-35% of the rounds (``COLLIDED``, drawn once a pass) two or
  three annotators' pictures shared a slot and each answer was saved under another of them (a random cycle). The
  flips are the collided pictures whose saved answer names another class, each given that class (passes over the
  pictures not yet flipped, another sprint, while some are left). Noise by which pictures were open at the same
  moment, not by look: not BE's re-hung swing tags, BD's stale crate slips, BC's swapped digits, AN's conveyor jets
  or AF's averaged votes. Every flip changes the label, so every one is in the truth.

Each planted defect has its own source image; nothing else is planted, so only these six issue types are scored on
BF's sets. Base data are the evaluation domains drawn with seeds no other set uses: Fashion-MNIST *test* (2,000, seed
357), MNIST (2,000, seed 358), and the evaluation photographs tiled at 77 px (24 tiles a photograph at most, seed
359) and at 325 px (every tile, seed 360), sizes no other set uses. ``photos77_bf_jpeg`` is written as JPEG files,
each at a quality drawn from 44-66 (a stream of its own, seed ``585_000 + random_state``), every edit, blur and
darkening made before the encoding, near copies made from the decoded JPEG and saved again at their own quality,
exact copies byte copies of the file; the other sets are PNG files. Planting draws from seed ``580_000 +
random_state``. The planting is I's (:func:`_heldout_i.plant_generator`, as for J to BE).
"""


from __future__ import annotations

import numpy as np
from _heldout_aa import _frame_at, _rect
from _heldout_ae import _lit
from _heldout_af import _glow
from _heldout_au import _circle
from _heldout_ay import _field
from _heldout_be import _blur3, _falloff
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

EVALUATION_BF = ("fashion_test_bf", "mnist_bf", "photos77_bf_jpeg", "photos325_bf")
# each set's base: (data, seed) or ("photos", seed, tile size, tiles per photograph quick, full)
BASES_BF = {
    "fashion_test_bf": ("fashion_test", 357),
    "mnist_bf": ("mnist", 358),
    "photos77_bf_jpeg": ("photos", 359, 77, 8, 24),
    "photos325_bf": ("photos", 360, 325, 8, 1000),
}
JPEG_QUALITY = (44, 67)  # the JPEG set's qualities: integers in [low, high)
RATES_BF = {"near_duplicate": 0.03, "exact_duplicate": 0.01, "blurry": 0.03, "dark": 0.02, "outlier": 0.015,
            "label": 0.05}
# parts of the picture and the whole picture in turn, so that the smallest set gets both kinds
NEAR_EDITS_BF = ("wax_seal", "waffle", "pen_cap", "knurled_grip", "meringue", "expanded_metal", "o_ring",
                 "sweet_wrapper")
BLURS_BF = ("hand_sanitiser", "cloudy_cider")
DARKS_BF = ("beer_font", "hookah_base", "fondue_burner")
OUTLIERS_BF = ("anteater", "koala", "fire_engine")
TEAM = (3, 8)  # annotators working one queue at once, one picture each a round: integers in [low, high) (label noise)
COLLIDED = (0.15, 0.35)  # the share of rounds whose submissions collided in the cache, per pass (label noise)


def load_base_bf(name: str, quick: bool = False):
    import _heldout

    return _heldout.load_generator_base(name, quick, BASES_BF, "BF")


def _closed(pts: list) -> list:
    return list(pts) + [pts[0]]


# -- near copies -----------------------------------------------------------------------------
def _standing_out(cols, f: np.ndarray, fr: _Frame, r: float, rng) -> np.ndarray:
    """Of the colours ``cols`` the one that differs most, on average, from the picture's colours within ``r`` px of
    the object's middle (the largest of the three channels' differences), or the second, at random, where it differs
    at least 60% as much, so that the object stands out from the print where it lies (on a background or on the
    picture's edge as well as inside it)."""
    h, w = f.shape[:2]
    x0, x1 = int(max(0, fr.cx - r)), int(min(w, fr.cx + r + 1))
    y0, y1 = int(max(0, fr.cy - r)), int(min(h, fr.cy + r + 1))
    px = f[y0:y1, x0:x1].reshape(-1, 3)
    score = [float(np.mean(np.abs(px - np.asarray(c, np.float32)).max(axis=1))) for c in cols]
    order = np.argsort(score)[::-1]
    pick = order[int(rng.integers(2))] if score[order[1]] >= 0.6 * score[order[0]] else order[0]
    return np.asarray(cols[int(pick)], np.float32)


WAXES = ((172, 30, 36), (38, 88, 58), (34, 30, 34), (198, 158, 72))


def _wax_seal(f: np.ndarray, rng) -> np.ndarray:
    """A blob of sealing wax pressed on the print with a seal: an irregular round blob 18-24% of the side across (at
    least 7 px), its edge 11-15 points each 0-14% in or out of round, red 172 / 30 / 36, bottle green 38 / 88 / 58,
    black 34 / 30 / 34 or gold 198 / 158 / 72 (of the four the one whose colour differs most on average from the
    picture's where it lies, or the second, at random, where it differs at least 60% as much, as for the pen cap, the
    meringue, the O-ring and the wrapper); the seal's impressed ring at 66% of its radius and its crest (a saltire
    and a pale) 30% darker, lines 12% and 9% of its radius wide (at least 0.6 and 0.5 px); a white sheen on one side
    at 30%; at any angle, its middle 30-70% of the way across and down, a soft shadow at 30%."""
    h, w = f.shape[:2]
    side = min(h, w)
    r = max(3.5, side * rng.uniform(0.09, 0.12))
    fr = _frame_at(h, w, rng)
    col = _standing_out(WAXES, f, fr, r, rng)
    k = int(rng.integers(11, 16))
    ang = np.linspace(0, 2 * np.pi, k, endpoint=False)
    rad = r * (1 + 0.14 * rng.uniform(-1, 1, k))
    blob = fr.fill([[(float(a * np.cos(t)), float(a * np.sin(t))) for a, t in zip(rad, ang)]])
    ring = fr.line([_closed(_circle(0.66 * r, 28))], max(0.6, 0.12 * r))
    crest = fr.line([[(-0.3 * r, -0.3 * r), (0.3 * r, 0.3 * r)], [(-0.3 * r, 0.3 * r), (0.3 * r, -0.3 * r)],
                     [(0.0, -0.42 * r), (0.0, 0.42 * r)]], max(0.5, 0.09 * r))
    sheen = fr.fill([_ellipse(-0.42 * r, -0.42 * r, 0.36 * r, 0.14 * r + 0.2, -0.8, 12)])
    parts = [(blob, col, 1.0, True), (ring * blob, col * 0.7, 1.0, False), (crest * blob, col * 0.7, 1.0, False),
             (sheen * blob, (255, 255, 255), 0.3, False)]
    return _u8(_laid(f, parts, 0.3))


CAPS = ((44, 84, 196), (30, 30, 34), (196, 44, 44), (150, 154, 162))
STEEL = np.array([200, 202, 208], np.float32)


def _pen_cap(f: np.ndarray, rng) -> np.ndarray:
    """A ballpoint pen's cap dropped on the print: a plastic tube 26-32% of the side long (at least 9 px), 26% as wide
    (at least 2.8 px), its closed end round and its open end square with a rim 40% darker, its outline 40% darker at
    80%; blue 44 / 84 / 196, black 30 / 30 / 34, red 196 / 44 / 44 or smoke grey 150 / 154 / 162, translucent at 75-90%;
    along its top a clip (28% of its width wide, from 8% to 72% of its length, a ball at its end), steel 200 / 202 / 208
    or the cap's colour 20% darker; a white highlight along one side at 35%; at any angle, its middle 30-70% of the way
    across and down, a soft shadow at 25%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(9.0, side * rng.uniform(0.26, 0.32))
    W = max(2.8, 0.26 * L)
    fr = _frame_at(h, w, rng)
    col = _standing_out(CAPS, f, fr, 0.5 * L, rng)
    body = fr.fill([_rect(-0.5 * L + 0.5 * W, -0.5 * W, 0.5 * L, 0.5 * W), _circle(0.5 * W, 16, -0.5 * L + 0.5 * W)])
    rim = fr.line([[(0.47 * L, -0.5 * W), (0.47 * L, 0.5 * W)]], max(0.5, 0.05 * L))
    clip = fr.fill([_rect(-0.42 * L, -0.14 * W, 0.22 * L, 0.14 * W), _circle(max(0.4, 0.2 * W), 10, 0.22 * L)])
    clip_col = STEEL if rng.random() < 0.5 else col * 0.8
    hi = fr.line([[(-0.4 * L, -0.32 * W), (0.44 * L, -0.32 * W)]], max(0.5, 0.1 * W))
    parts = [(body, col, rng.uniform(0.75, 0.9), True), (rim * body, col * 0.6, 1.0, False),
             (fr.line([_closed(_rect(-0.5 * L + 0.5 * W, -0.5 * W, 0.5 * L, 0.5 * W))], max(0.5, 0.06 * W)) * body,
              col * 0.6, 0.8, False),
             (clip, clip_col, 1.0, True), (hi * body, (255, 255, 255), 0.35, False)]
    return _u8(_laid(f, parts, 0.25))


MERINGUES = ((248, 244, 234), (244, 204, 214), (222, 196, 156), (118, 76, 52))


def _star(r: float, n: int, depth: float, rot: float) -> list:
    """A piped rosette's outline: ``n`` lobes of radius ``r``, the notches ``depth`` of it in."""
    t = np.linspace(0, 2 * np.pi, 8 * n, endpoint=False)
    rr = r * (1 - depth * (0.5 - 0.5 * np.cos(n * t)))
    return [(float(a * np.cos(u + rot)), float(a * np.sin(u + rot))) for a, u in zip(rr, t)]


def _meringue(f: np.ndarray, rng) -> np.ndarray:
    """A meringue kiss set on the print, seen from above: a piped rosette of 7-9 lobes 16-20% of the side across (at
    least 7 px), white 248 / 244 / 234, pale pink 244 / 204 / 214, toasted 222 / 196 / 156 or cocoa 118 / 76 / 52;
    its piped ridges (lines from the tip to each lobe) 15% darker, a second tier at 62% of its radius outlined 15%
    darker, its tip a dot; its shaded side 18% darker at 80% and a white sheen on its lit side at 40%; its middle
    30-70% of the way across and down, a soft shadow at 35%."""
    h, w = f.shape[:2]
    side = min(h, w)
    R = max(3.5, side * rng.uniform(0.08, 0.1))
    fr = _frame_at(h, w, rng)
    col = _standing_out(MERINGUES, f, fr, R, rng)
    n = int(rng.integers(7, 10))
    base = fr.fill([_star(R, n, 0.18, 0.0)])
    tier = _star(0.62 * R, n, 0.2, np.pi / n)
    lw = max(0.5, 0.05 * R)
    ridges = fr.line([[(0.15 * R * np.cos(t), 0.15 * R * np.sin(t)), (0.95 * R * np.cos(t), 0.95 * R * np.sin(t))]
                      for t in np.linspace(0, 2 * np.pi, n, endpoint=False)], lw)
    dark = fr.fill([_ellipse(0.35 * R, 0.35 * R, 0.6 * R, 0.3 * R, -0.8, 16)])
    sheen = fr.fill([_ellipse(-0.35 * R, -0.35 * R, 0.4 * R, 0.16 * R + 0.2, -0.8, 14)])
    parts = [(base, col, 1.0, True), (ridges * base, col * 0.85, 0.9, False), (dark * base, col * 0.82, 0.8, False),
             (fr.line([_closed(tier)], lw), col * 0.85, 0.9, False),
             (fr.fill([_circle(max(0.5, 0.12 * R), 10)]), col * 0.9, 1.0, False),
             (sheen * base, (255, 255, 255), 0.4, False)]
    return _u8(_laid(f, parts, 0.35))


ORINGS = ((28, 28, 30), (116, 50, 36), (44, 72, 150))


def _o_ring(f: np.ndarray, rng) -> np.ndarray:
    """A rubber O-ring lying on the print: a ring 18-24% of the side across (at least 6 px), seen from a little
    above (80-100% as high as wide), its cord 22-28% of its radius thick (at least 1 px), black nitrile 28 / 28 / 30,
    brown 116 / 50 / 36 or blue 44 / 72 / 150; a white sheen along its inner upper arc at 35%; at any angle, its
    middle 30-70% of the way across and down, a soft shadow at 30%."""
    h, w = f.shape[:2]
    side = min(h, w)
    R = max(3.0, side * rng.uniform(0.09, 0.12))
    t = max(1.0, R * rng.uniform(0.22, 0.28))
    tilt = rng.uniform(0.8, 1.0)
    fr = _frame_at(h, w, rng)
    col = _standing_out(ORINGS, f, fr, R, rng)
    ring = fr.line([_closed(_ellipse(0.0, 0.0, R, R * tilt, 0.0, 36))], t)
    arc = [((R - 0.18 * t) * np.cos(a), (R - 0.18 * t) * tilt * np.sin(a))
           for a in np.linspace(np.deg2rad(190), np.deg2rad(290), 12)]
    sheen = fr.line([arc], max(0.5, 0.3 * t))
    return _u8(_laid(f, [(ring, col, 1.0, True), (sheen * ring, (255, 255, 255), 0.35, False)], 0.3))


WRAPPERS = ((232, 192, 56), (128, 58, 160), (52, 160, 92), (232, 236, 242))


def _sweet_wrapper(f: np.ndarray, rng) -> np.ndarray:
    """A sweet's cellophane wrapper, emptied and flattened on the print: a middle 44% of its length long and its two
    twisted ends fanned out, 34-42% of the side long in all (at least 12 px), 14-18% of the side high (at least 4
    px), each end's edge crimped (5 teeth); clear 232 / 236 / 242, gold 232 / 192 / 56, purple 128 / 58 / 160 or
    green 52 / 160 / 92 (chosen as for the wax seal), translucent at 50-65%; 5-8 creases, half catching the light
    (white at 55%) and half 40% darker at 50%; at any angle, its middle 30-70% of the way across and down, a faint
    shadow at 15%; its outline 45% darker at 70%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(12.0, side * rng.uniform(0.34, 0.42))
    H = max(4.0, side * rng.uniform(0.14, 0.18))
    fr = _frame_at(h, w, rng)
    col = _standing_out(WRAPPERS, f, fr, 0.5 * L, rng)
    mid = _rect(-0.22 * L, -0.5 * H, 0.22 * L, 0.5 * H)
    ends = []
    for s in (1, -1):
        teeth = [(s * (0.5 - 0.04 * (k % 2)) * L, y) for k, y in enumerate(np.linspace(-0.46 * H, 0.46 * H, 11))]
        ends.append([(s * 0.22 * L, -0.5 * H), (s * 0.28 * L, -0.12 * H)] + teeth
                    + [(s * 0.28 * L, 0.12 * H), (s * 0.22 * L, 0.5 * H)])
    wrap = fr.fill([mid] + ends)
    light, dark = [], []
    for k in range(int(rng.integers(5, 9))):
        x0, y0 = rng.uniform(-0.45, 0.45) * L, rng.uniform(-0.4, 0.4) * H
        a, ln = rng.uniform(0, np.pi), rng.uniform(0.1, 0.25) * L
        (light if k % 2 else dark).append([(x0, y0), (x0 + ln * np.cos(a), y0 + ln * np.sin(a))])
    lw = max(0.5, 0.025 * L)
    parts = [(wrap, col, rng.uniform(0.5, 0.65), True), (fr.line(light, lw) * wrap, (255, 255, 255), 0.55, False),
             (fr.line(dark, lw) * wrap, col * 0.6, 0.5, False),
             (fr.line([_closed(mid)] + [_closed(e) for e in ends], max(0.5, 0.02 * L)), col * 0.55, 0.7, False)]
    return _u8(_laid(f, parts, 0.15))


WAFFLES = np.array([(214, 160, 84), (230, 192, 120), (176, 110, 50)], np.float32)


def _ground_print(f: np.ndarray, ground: np.ndarray, k: float, lift: float = 0.3) -> np.ndarray:
    """The ink multiplied onto ``ground``, ``k`` of the way from the picture, ``lift`` of its tone added at that
    share."""
    return f * (1 - k) + k * f * ground / 255 + k * lift * ground


def _fine(h: int, w: int, s: int):
    """Pixel-centre coordinates (y, x) of a grid ``s`` times as fine, in the picture's px."""
    yy, xx = _pixels(h * s, w * s)
    return yy / s, xx / s


def _waffle(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed in edible ink on a Belgian waffle: the ink multiplied onto golden 214 / 160 / 84, pale
    230 / 192 / 120 or well-baked 176 / 110 / 50, 42-54% of the way from the picture (30% of the waffle's tone added
    at that share); its grid of square pockets repeating every 9-13% of the side (at least 5 px), the ridges between
    26-34% of that wide and lit (1.05), the pockets' floors 0.62-0.82, darker by the wall on the light's side, turned
    by up to 10 degrees, drawn at 3 times the size and averaged: a waffle's grid, not BE's carbon fibre, BD's cane
    webbing, AO's gingham or any other weave or grid of the earlier lists."""
    h, w = f.shape[:2]
    side = min(h, w)
    tone = WAFFLES[int(rng.integers(len(WAFFLES)))]
    k = rng.uniform(0.42, 0.54)
    P = max(5.0, side * rng.uniform(0.09, 0.13))
    r = rng.uniform(0.26, 0.34)
    a = np.deg2rad(rng.uniform(-10, 10))
    s = 3
    yy, xx = _fine(h, w, s)
    u = (xx * np.cos(a) + yy * np.sin(a)) / P + rng.uniform(0, 1)
    v = (-xx * np.sin(a) + yy * np.cos(a)) / P + rng.uniform(0, 1)
    fu, fv = u - np.floor(u), v - np.floor(v)
    ridge = (fu < r) | (fv < r)
    pu, pv = np.clip((fu - r) / (1 - r), 0, 1), np.clip((fv - r) / (1 - r), 0, 1)
    shade = np.where(ridge, 1.05, 0.62 + 0.2 * np.minimum(np.minimum(pu, pv) * 4, 1.0))
    shade = shade.reshape(h, s, w, s).mean(axis=(1, 3))
    return _u8(_ground_print(f, tone[None, None, :] * shade[..., None], k))


METALS = np.array([(200, 202, 208), (64, 64, 72), (176, 54, 54), (198, 168, 92)], np.float32)


def _knurled_grip(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on a knurled metal grip (a torch's or a tool handle's diamond knurl): the ink multiplied
    onto bare aluminium 200 / 202 / 208, black anodised 64 / 64 / 72, red anodised 176 / 54 / 54 or brass 198 / 168 /
    92, 46-58% of the way from the picture (45% of its tone added at that share); two sets of grooves 60 degrees
    apart, 3.5-5% of the side apart (at least 3 px), leaving rows of small pyramids, each pyramid's four faces lit
    1.0, 0.45, 0.8 and 0.6 by a light from one side, the grooves' bottoms 40% darker; turned by up to 10 degrees,
    drawn at 3 times the size and averaged: a machined knurl, not BA's to AX's tread plate, BE's shagreen or any
    other relief of the earlier lists."""
    h, w = f.shape[:2]
    side = min(h, w)
    tone = METALS[int(rng.integers(len(METALS)))]
    k = rng.uniform(0.46, 0.58)
    p = max(3.0, side * rng.uniform(0.035, 0.05))
    a = np.deg2rad(rng.uniform(-10, 10))
    s = 3
    yy, xx = _fine(h, w, s)
    d1, d2 = a + np.pi / 6 + np.pi / 2, a - np.pi / 6 + np.pi / 2
    u = (xx * np.cos(d1) + yy * np.sin(d1)) / p + rng.uniform(0, 1)
    v = (xx * np.cos(d2) + yy * np.sin(d2)) / p + rng.uniform(0, 1)
    fu, fv = u - np.floor(u), v - np.floor(v)
    dist = np.stack([fu, 1 - fu, fv, 1 - fv])
    face = np.argmin(dist, axis=0)
    height = np.clip(dist.min(axis=0) * 2 * 4, 0, 1)
    shade = np.array([1.0, 0.45, 0.8, 0.6], np.float32)[face] * (0.6 + 0.4 * height)
    shade = shade.reshape(h, s, w, s).mean(axis=(1, 3))
    return _u8(_ground_print(f, tone[None, None, :] * (0.5 + 0.7 * shade)[..., None], k, 0.45))


SHEETS = np.array([(170, 172, 176), (54, 56, 60), (150, 48, 40)], np.float32)


def _expanded_metal(f: np.ndarray, rng) -> np.ndarray:
    """The print seen under a sheet of expanded metal laid over it (a stair tread's or a fence panel's steel,
    slit and stretched into diamonds): diamond openings 10-14% of the side across (at least 7 px) and 50-60% as high,
    in staggered rows, turned by up to 8 degrees; the strands 16-22% of an opening's half-diagonal wide, galvanised
    170 / 172 / 176, black 54 / 56 / 60 or red-painted 150 / 48 / 40, opaque at 92%, the strands of one direction lit
    1.0 and of the other 0.62 (the stretched strands twist towards the light); through the openings the picture,
    under the sheet's soft shadow (a Gaussian of 1.5% of the side, at least 0.5 px, of the strands, 35% darker),
    drawn at 3 times the size and averaged: a slit-and-stretched steel sheet, not the woven meshes, fly screens or
    chain-link fences of the earlier lists."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    tone = SHEETS[int(rng.integers(len(SHEETS)))]
    W = max(7.0, side * rng.uniform(0.1, 0.14))
    H = W * rng.uniform(0.5, 0.6)
    t = rng.uniform(0.16, 0.22)
    a = np.deg2rad(rng.uniform(-8, 8))
    s = 3
    yy, xx = _fine(h, w, s)
    X = xx * np.cos(a) + yy * np.sin(a)
    Y = -xx * np.sin(a) + yy * np.cos(a)
    p = X / W + Y / H + rng.uniform(0, 1)
    q = X / W - Y / H + rng.uniform(0, 1)
    fp, fq = p - np.floor(p), q - np.floor(q)
    dp, dq = np.minimum(fp, 1 - fp), np.minimum(fq, 1 - fq)
    strand = (np.minimum(dp, dq) < t / 2).astype(np.float32)
    lit = np.where(dp < dq, 1.0, 0.62) * strand
    strand = strand.reshape(h, s, w, s).mean(axis=(1, 3))
    lit = lit.reshape(h, s, w, s).mean(axis=(1, 3)) / np.maximum(strand, 1e-6)
    under = f * (1 - 0.35 * np.clip(gaussian_filter(strand, max(0.5, 0.015 * side)), 0, 1))[..., None]
    m = 0.92 * strand
    return _u8(under * (1 - m[..., None]) + (tone[None, None, :] * lit[..., None]) * m[..., None])


def near_edit_bf(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "wax_seal":  # a blob of sealing wax on the print
        return _wax_seal(f, rng)
    if kind == "pen_cap":  # a ballpoint pen's cap on the print
        return _pen_cap(f, rng)
    if kind == "meringue":  # a meringue kiss on the print
        return _meringue(f, rng)
    if kind == "o_ring":  # a rubber O-ring on the print
        return _o_ring(f, rng)
    if kind == "sweet_wrapper":  # a sweet's cellophane wrapper on the print
        return _sweet_wrapper(f, rng)
    if kind == "waffle":  # the picture printed in edible ink on a waffle
        return _waffle(f, rng)
    if kind == "knurled_grip":  # the picture printed on a knurled metal grip
        return _knurled_grip(f, rng)
    if kind == "expanded_metal":  # the print under a sheet of expanded metal
        return _expanded_metal(f, rng)
    raise ValueError(kind)


# -- blurs -----------------------------------------------------------------------------------
GEL = np.array([236, 244, 246], np.float32)


def _hand_sanitiser(f: np.ndarray, rng) -> np.ndarray:
    """The picture photographed through a pool of hand sanitiser gel squeezed onto a clear acetate sheet over it:
    the gel's lumpy surface refracts, moving the picture by a smooth field (a field of 6% of the side, 1-1.6% of the
    side in spread), and the gel's thickener and its tiny trapped air bubbles scatter the light passing, a Gaussian of
    1.5-2.2% of the side, at least 1 px, and one 3 times as wide for 10-20%; the gel's faint tint taking red 4-8%
    down; a pale veil 236 / 244 / 246 over it at 5-9%; as a camera metering on the highlights exposes it: a gel's
    refraction and scattering, not BE's ice pack, AL's jelly dish or any glass of the earlier lists."""
    from scipy.ndimage import map_coordinates

    h, w = f.shape[:2]
    side = min(h, w)
    amp = side * rng.uniform(0.01, 0.016)
    dx, dy = (_field(h, w, side * 0.06, rng) * amp for _ in range(2))
    yy, xx = _pixels(h, w)
    warped = np.stack([map_coordinates(f[..., c], [yy - 0.5 + dy, xx - 0.5 + dx], order=1, mode="nearest")
                       for c in range(3)], axis=2)
    s = max(1.0, side * rng.uniform(0.015, 0.022))
    m = rng.uniform(0.1, 0.2)
    out = (1 - m) * _blur3(warped, s) + m * _blur3(warped, 3 * s)
    out = out * np.array([1 - rng.uniform(0.04, 0.08), 1.0, 1.0], np.float32)
    veil = rng.uniform(0.05, 0.09)
    return _u8(_metered((1 - veil) * out + veil * GEL, f))


CIDER = np.array([226, 196, 130], np.float32)


def _cloudy_cider(f: np.ndarray, rng) -> np.ndarray:
    """The picture photographed through a flat-sided glass of cloudy cider (unfiltered scrumpy): its apple pulp and
    yeast, larger particles scattering the light passing far forward in a long tail: Gaussians of 1.4-2.0% of the
    side (at least 1 px), 2.5 and 6 times as wide, the wider two 25-35% and 10-15% of it at the top of the glass and
    up to 1.5 times that at its bottom, where the sediment has settled (a mix that is renormalised); the light through
    it ambered, green 10-16% and blue 32-42% down; an amber veil 226 / 196 / 130 at 6-12%; as a camera metering on the
    highlights exposes it: a heavy-tailed forward scatter, not BE's pastis, BD's aerogel or any glass of the earlier
    lists."""
    h, w = f.shape[:2]
    side = min(h, w)
    s = max(1.0, side * rng.uniform(0.014, 0.02))
    yy, _ = _pixels(h, w)
    depth = (0.75 + 0.5 * yy / h)[..., None]
    w2, w3 = rng.uniform(0.25, 0.35) * depth, rng.uniform(0.1, 0.15) * depth
    out = (1 - w2 - w3) * _blur3(f, s) + w2 * _blur3(f, 2.5 * s) + w3 * _blur3(f, 6 * s)
    out = out * np.array([1.0, 1 - rng.uniform(0.1, 0.16), 1 - rng.uniform(0.32, 0.42)], np.float32)
    veil = rng.uniform(0.06, 0.12)
    return _u8(_metered((1 - veil) * out + veil * CIDER, f))


def blur_bf(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "hand_sanitiser":  # through a pool of hand sanitiser gel on an acetate sheet
        return _hand_sanitiser(f, rng)
    if kind == "cloudy_cider":  # through a glass of cloudy cider
        return _cloudy_cider(f, rng)
    raise ValueError(kind)


# -- darkening -------------------------------------------------------------------------------
BADGES = np.array([(255, 190, 70), (250, 248, 232), (110, 200, 255)], np.float32)


def _beer_font(f: np.ndarray, rng) -> np.ndarray:
    """A bar after closing time lit only by a beer tap's illuminated font on the counter in the picture: a round
    badge 18-24% of the side across, its middle 25-75% of the way across and 30-50% down, glowing amber 255 / 190 /
    70, white 250 / 248 / 232 or blue 110 / 200 / 255, its chrome rim 70 / 72 / 78 (14% of its radius), the brand's
    band across it 45% as bright; on a dark chrome column 44 / 46 / 52 (40% of the badge wide) down to the bottom edge
    with a tap's handle 30 / 24 / 20 to one side; a glow of sigma 5-8% of the side up to 40-55 levels in the badge's
    colour; the picture lit in it at a gain of 0.015-0.03 plus 0.26-0.34 falling off as ``1 / (1 + (d / d0) ** 2)``
    with the distance ``d`` from the badge, ``d0`` 24-34% of the side; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    col = BADGES[int(rng.integers(len(BADGES)))]
    r = side * rng.uniform(0.09, 0.12)
    cx, cy = w * rng.uniform(0.25, 0.75), h * rng.uniform(0.3, 0.5)
    out = _lit(f, _falloff(h, w, cx, cy, side, (0.24, 0.34), rng)[..., None] * (col / 255), rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    out = _paint(out, ident.fill([_rect(cx - 0.4 * r, cy, cx + 0.4 * r, h + 1.0)]), (44, 46, 52))
    sx = 1 if rng.random() < 0.5 else -1
    handle = ident.line([[(cx + sx * 0.4 * r, cy + 1.6 * r), (cx + sx * 0.9 * r, cy + 0.9 * r)]], max(1.0, 0.25 * r))
    out = _paint(out, handle, (30, 24, 20))
    disc = ident.fill([_circle(r, 32, cx, cy)])
    out = _paint(out, disc, (70, 72, 78))
    face = ident.fill([_circle(0.86 * r, 32, cx, cy)])
    out = _paint(out, face, col)
    band = ident.fill([_rect(cx - r, cy - 0.16 * r, cx + r, cy + 0.16 * r)]) * face
    out = _paint(out, band, col * 0.45)
    glow = _glow(disc, max(1.0, side * rng.uniform(0.05, 0.08)))[..., None]
    return _u8(out + glow * rng.uniform(40, 55) * (col / 255))


HOOKAHS = np.array([(200, 90, 255), (70, 220, 255), (255, 70, 170)], np.float32)


def _hookah_base(f: np.ndarray, rng) -> np.ndarray:
    """A shisha lounge at night lit only by a hookah's LED-lit glass base standing at the bottom of the picture: a
    round glass vase 22-28% of the side wide and 85-100% as high, its bottom 2-6% of the side above the bottom edge,
    its middle 25-75% of the way across, glowing purple 200 / 90 / 255, cyan 70 / 220 / 255 or magenta 255 / 70 / 170,
    brighter (60% towards white) below its water line; a neck 30% as wide; from it the hookah's dark stem 40 / 38 /
    44 (9% of the vase's width) rising 1.2 times its height to a dark bowl 30 / 26 / 26; a glow of sigma 6-9% of the
    side up to 40-55 levels in its colour; the picture lit in it at a gain of 0.015-0.03 plus 0.26-0.34 falling off
    as ``1 / (1 + (d / d0) ** 2)`` with the distance ``d`` from the vase, ``d0`` 25-35% of the side; noise sigma 1.2
    levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    col = HOOKAHS[int(rng.integers(len(HOOKAHS)))]
    vw = side * rng.uniform(0.22, 0.28)
    vh = vw * rng.uniform(0.85, 1.0)
    cx = w * rng.uniform(0.25, 0.75)
    cy = h - side * rng.uniform(0.02, 0.06) - vh / 2
    out = _lit(f, _falloff(h, w, cx, cy, side, (0.25, 0.35), rng)[..., None] * (col / 255), rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    top = cy - 0.5 * vh
    out = _paint(out, ident.fill([_rect(cx - 0.045 * vw, top - 1.2 * vh, cx + 0.045 * vw, top)]), (40, 38, 44))
    out = _paint(out, ident.fill([[(cx - 0.16 * vw, top - 1.35 * vh), (cx + 0.16 * vw, top - 1.35 * vh),
                                   (cx + 0.08 * vw, top - 1.18 * vh), (cx - 0.08 * vw, top - 1.18 * vh)]]),
                 (30, 26, 26))
    vase = ident.fill([_ellipse(cx, cy + 0.1 * vh, 0.5 * vw, 0.4 * vh, 0.0, 32),
                       _rect(cx - 0.15 * vw, top, cx + 0.15 * vw, cy)])
    out = _paint(out, vase, col)
    water = vase * ident.fill([_rect(cx - vw, cy + 0.05 * vh, cx + vw, cy + vh)])
    out = _paint(out, water, col + 0.6 * (255 - col))
    glow = _glow(vase, max(1.0, side * rng.uniform(0.06, 0.09)))[..., None]
    return _u8(out + glow * rng.uniform(40, 55) * (col / 255))


FLAME = np.array([1.0, 0.62, 0.3], np.float32)


def _fondue_burner(f: np.ndarray, rng) -> np.ndarray:
    """A dining table at night lit only by a fondue set's spirit burner in the picture: a dark cast-iron pot 28-36%
    of the side wide and 45% as high, 34 / 30 / 30 with a rim 48 / 42 / 40 lit from below, its middle 25-75% of the way
    across and its bottom 52-66% down, on a stand of three dark legs 26 / 24 / 24 down to the table 22% of its width
    below; under it the burner's flame, a teardrop 40% of the gap high, orange 255 / 170 / 60 round a pale core 255 /
    236 / 180, its base blue 80 / 110 / 255; the burner's dark cup 40 / 36 / 34; a glow of sigma 5-8% of the side up
    to 45-60 levels in warm 1.0 / 0.62 / 0.3; the picture lit in it at a gain of 0.015-0.03 plus 0.26-0.34 falling off
    as ``1 / (1 + (d / d0) ** 2)`` with the distance ``d`` from the flame, ``d0`` 22-32% of the side; noise sigma 1.2
    levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    pw = side * rng.uniform(0.28, 0.36)
    ph = 0.45 * pw
    cx = w * rng.uniform(0.25, 0.75)
    pb = h * rng.uniform(0.52, 0.66)
    gap = 0.22 * pw
    fx, fy = cx, pb + 0.55 * gap
    out = _lit(f, _falloff(h, w, fx, fy, side, (0.22, 0.32), rng)[..., None] * FLAME, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    lw = max(0.8, 0.04 * pw)
    legs = ident.line([[(cx + o * pw, pb - 0.2 * ph), (cx + 1.15 * o * pw, pb + gap)] for o in (-0.42, 0.0, 0.42)], lw)
    out = _paint(out, legs, (26, 24, 24))
    pot = ident.fill([_ellipse(cx, pb - 0.5 * ph, 0.5 * pw, 0.5 * ph, 0.0, 32)])
    out = _paint(out, pot, (34, 30, 30))
    out = _paint(out, ident.line([[(cx - 0.45 * pw, pb - 0.2 * ph), (cx + 0.45 * pw, pb - 0.2 * ph)]], lw) * pot,
                 (48, 42, 40))
    fh = max(1.5, 0.4 * gap)
    flame = ident.fill([_ellipse(fx, fy, 0.22 * fh, 0.5 * fh, 0.0, 16),
                        [(fx - 0.18 * fh, fy - 0.2 * fh), (fx, fy - 0.9 * fh), (fx + 0.18 * fh, fy - 0.2 * fh)]])
    out = _paint(out, ident.fill([_rect(fx - 0.5 * fh, fy + 0.45 * fh, fx + 0.5 * fh, pb + gap)]), (40, 36, 34))
    out = _paint(out, flame, (255, 170, 60))
    out = _paint(out, flame * ident.fill([_ellipse(fx, fy, 0.11 * fh, 0.3 * fh, 0.0, 12)]), (255, 236, 180))
    out = _paint(out, flame * ident.fill([_rect(fx - fh, fy + 0.25 * fh, fx + fh, fy + fh)]), (80, 110, 255))
    return _u8(out + _glow(flame, max(1.0, side * rng.uniform(0.05, 0.08)))[..., None] * rng.uniform(45, 60) * FLAME)


def dark_bf(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "beer_font":  # a closed bar lit only by a beer tap's illuminated font
        return _beer_font(f, rng)
    if kind == "hookah_base":  # a shisha lounge lit only by a hookah's LED-lit base
        return _hookah_base(f, rng)
    if kind == "fondue_burner":  # a dining table lit only by a fondue set's burner
        return _fondue_burner(f, rng)
    raise ValueError(kind)


# -- outliers --------------------------------------------------------------------------------
def _anteater(size: int, rng) -> dict:
    """A giant anteater walking over grassland, seen from the side: the ground below a horizon 58-68% of the way
    down; the anteater 70-82% of the side long, facing either way: a body (an oval), a long tapering snout (a thin
    wedge 30% of its length long) from a small head, a small eye, four legs, a great bushy tail (a fan lifted behind),
    a dark diagonal stripe from its throat over its shoulder with a pale border (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("ground", "body", "legs", "snout", "tail", "border", "stripe", "eye"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    gy = big * rng.uniform(0.58, 0.68)
    d["ground"].rectangle((0, gy, big, big), fill=255)
    L = big * rng.uniform(0.7, 0.82)
    s = 1 if rng.random() < 0.5 else -1
    X = lambda t: big / 2 + s * (t - 0.5) * L  # noqa: E731  (0 at the tail's end, 1 at the snout's tip)
    fy = gy + 0.06 * L
    by = fy - 0.3 * L
    d["body"].ellipse((min(X(0.22), X(0.7)), by - 0.12 * L, max(X(0.22), X(0.7)), by + 0.12 * L), fill=255)
    d["body"].ellipse((min(X(0.64), X(0.76)), by - 0.06 * L, max(X(0.64), X(0.76)), by + 0.05 * L), fill=255)
    d["snout"].polygon([(X(0.72), by - 0.05 * L), (X(1.0), by + 0.01 * L), (X(1.0), by + 0.025 * L),
                        (X(0.72), by + 0.05 * L)], fill=255)
    for t in (0.3, 0.38, 0.58, 0.65):
        d["legs"].polygon([(X(t) - 0.025 * L, by + 0.05 * L), (X(t) + 0.025 * L, by + 0.05 * L),
                           (X(t) + 0.02 * L, fy), (X(t) - 0.03 * L, fy)], fill=255)
    d["tail"].polygon([(X(0.26), by - 0.08 * L), (X(0.0), by - 0.2 * L), (X(-0.02), by + 0.02 * L),
                       (X(0.08), by + 0.14 * L), (X(0.26), by + 0.06 * L)], fill=255)
    d["border"].polygon([(X(0.7), by + 0.03 * L), (X(0.5), by - 0.13 * L), (X(0.42), by - 0.12 * L),
                         (X(0.62), by + 0.09 * L)], fill=255)
    d["stripe"].polygon([(X(0.68), by + 0.04 * L), (X(0.49), by - 0.11 * L), (X(0.45), by - 0.1 * L),
                         (X(0.63), by + 0.08 * L)], fill=255)
    ex, ey = X(0.79), by - 0.015 * L
    d["eye"].ellipse((ex - 0.008 * L, ey - 0.008 * L, ex + 0.008 * L, ey + 0.008 * L), fill=255)
    out = {k: _down(v, size) for k, v in M.items()}
    out["border"] = out["border"] * out["body"]
    out["stripe"] = out["stripe"] * out["body"]
    return out


def _koala(size: int, rng) -> dict:
    """A koala in a eucalyptus tree: the sky; a trunk 16-22% of the side wide, upright, 30-70% of the way across,
    and a branch forking from it; 10-16 long leaves (thin ellipses) about the top; the koala clinging to the trunk: a
    round body 30-36% of the side high, a head 24-28% of the side wide with two big round ears with pale tufts, a
    large dark oval nose, two small eyes, an arm round the trunk (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("trunk", "leaves", "body", "arm", "head", "ears", "tufts", "nose", "eyes"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    tx = big * rng.uniform(0.3, 0.7)
    tw = big * rng.uniform(0.16, 0.22)
    d["trunk"].polygon([(tx - tw / 2, big), (tx + tw / 2, big), (tx + 0.4 * tw, 0), (tx - 0.4 * tw, 0)], fill=255)
    s = 1 if rng.random() < 0.5 else -1
    d["trunk"].line([(tx, big * 0.35), (tx + s * 0.45 * big, big * 0.02)], fill=255, width=round(0.35 * tw))
    for _ in range(int(rng.integers(10, 17))):
        lx, ly = rng.uniform(0, 1) * big, rng.uniform(0, 0.3) * big
        a = rng.uniform(0, 180)
        leaf = _ellipse(lx, ly, 0.07 * big, 0.015 * big, np.deg2rad(a), 16)
        d["leaves"].polygon(leaf, fill=255)
    bh = big * rng.uniform(0.3, 0.36)
    bx, byc = tx - s * 0.35 * tw, big * rng.uniform(0.6, 0.66)
    d["body"].ellipse((bx - 0.36 * bh, byc - 0.5 * bh, bx + 0.36 * bh, byc + 0.5 * bh), fill=255)
    d["arm"].line([(bx, byc - 0.2 * bh), (tx + s * 0.1 * tw, byc - 0.1 * bh)], fill=255, width=round(0.14 * bh))
    hw = big * rng.uniform(0.24, 0.28)
    hx, hy = bx - s * 0.05 * hw, byc - 0.5 * bh - 0.25 * hw
    d["head"].ellipse((hx - hw / 2, hy - 0.42 * hw, hx + hw / 2, hy + 0.42 * hw), fill=255)
    for o in (-1, 1):
        ex_, ey_ = hx + o * 0.48 * hw, hy - 0.32 * hw
        d["ears"].ellipse((ex_ - 0.22 * hw, ey_ - 0.22 * hw, ex_ + 0.22 * hw, ey_ + 0.22 * hw), fill=255)
        d["tufts"].ellipse((ex_ - 0.13 * hw, ey_ - 0.13 * hw, ex_ + 0.13 * hw, ey_ + 0.13 * hw), fill=255)
        d["eyes"].ellipse((hx + o * 0.2 * hw - 0.035 * hw, hy - 0.08 * hw, hx + o * 0.2 * hw + 0.035 * hw,
                           hy - 0.01 * hw), fill=255)
    d["nose"].ellipse((hx - 0.1 * hw, hy - 0.02 * hw, hx + 0.1 * hw, hy + 0.24 * hw), fill=255)
    return {k: _down(v, size) for k, v in M.items()}


def _fire_engine(size: int, rng) -> dict:
    """A fire engine parked on a road, seen from the side: the road below 74-82% of the way down; the engine 78-90%
    of the side long, facing either way: a long body (a box 24% of its length high) with 3-4 lockers' roller shutters
    (ribbed panels), a taller cab at its front with a windscreen and a side window, a blue light bar on the cab's
    roof, a ladder (two rails and 8-11 rungs) along the roof, three wheels with hubs (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("road", "body", "cab", "windows", "lockers", "ladder", "lights", "wheels", "hubs"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    gy = big * rng.uniform(0.74, 0.82)
    d["road"].rectangle((0, gy, big, big), fill=255)
    L = big * rng.uniform(0.78, 0.9)
    s = 1 if rng.random() < 0.5 else -1
    X = lambda t: big / 2 + s * (t - 0.5) * L  # noqa: E731  (0 at the back, 1 at the front)
    wr = 0.065 * L
    top = gy - wr - 0.24 * L
    d["body"].rectangle((min(X(0.0), X(0.78)), top, max(X(0.0), X(0.78)), gy - 0.6 * wr), fill=255)
    ct = top - 0.06 * L
    d["cab"].polygon([(X(0.76), ct), (X(0.95), ct), (X(1.0), top + 0.06 * L), (X(1.0), gy - 0.6 * wr),
                      (X(0.76), gy - 0.6 * wr)], fill=255)
    d["windows"].polygon([(X(0.85), ct + 0.02 * L), (X(0.945), ct + 0.02 * L), (X(0.985), top + 0.06 * L),
                          (X(0.85), top + 0.06 * L)], fill=255)
    d["lights"].rectangle((min(X(0.8), X(0.9)), ct - 0.025 * L, max(X(0.8), X(0.9)), ct), fill=255)
    n = int(rng.integers(3, 5))
    for j in range(n):
        x0, x1 = X(0.03 + j * 0.72 / n), X(0.03 + (j + 0.85) * 0.72 / n)
        for r_ in np.linspace(top + 0.03 * L, gy - wr - 0.02 * L, 7):
            d["lockers"].line([(x0, r_), (x1, r_)], fill=255, width=max(1, round(0.006 * L)))
    ry = top - 0.035 * L
    lw = max(1, round(0.008 * L))
    for yv in (ry, ry - 0.025 * L):
        d["ladder"].line([(X(-0.04), yv), (X(0.8), yv)], fill=255, width=lw)
    for t in np.linspace(-0.02, 0.78, int(rng.integers(8, 12))):
        d["ladder"].line([(X(t), ry), (X(t), ry - 0.025 * L)], fill=255, width=lw)
    for t in (0.14, 0.3, 0.86):
        d["wheels"].ellipse((X(t) - wr, gy - 2 * wr, X(t) + wr, gy), fill=255)
        d["hubs"].ellipse((X(t) - 0.4 * wr, gy - 1.4 * wr, X(t) + 0.4 * wr, gy - 0.6 * wr), fill=255)
    out = {k: _down(v, size) for k, v in M.items()}
    out["lockers"] = out["lockers"] * out["body"]
    return out


def outlier_bf(name: str, kind: str, size: int, lo: int, hi: int, rng) -> np.ndarray:
    photos = name.startswith("photos")
    ground = lambda col: np.ones((size, size, 3), np.float32) * np.asarray(col, np.float32)  # noqa: E731
    tone = lambda t: [lo + (hi - lo) * t] * 3  # noqa: E731
    if kind == "anteater":
        m = _anteater(size, rng)
        if photos:  # a hazy sky, dry grass, a grey-brown anteater with its black, white-edged stripe
            out = _paint(_paint(ground((200, 214, 226)), m["ground"], (172, 156, 96)), m["tail"], (92, 80, 66))
            out = _paint(_paint(out, m["legs"], (138, 126, 110)), m["body"], (122, 106, 90))
            out = _paint(_paint(out, m["snout"], (106, 94, 82)), m["border"], (228, 222, 208))
            return _u8(_paint(_paint(out, m["stripe"], (22, 20, 20)), m["eye"], (8, 8, 8)))
        out = _paint(_paint(ground(tone(0.0)), m["ground"], tone(0.3)), m["tail"], tone(0.7))
        out = _paint(_paint(out, m["legs"], tone(0.85)), m["body"], tone(1.0))
        out = _paint(_paint(out, m["snout"], tone(0.8)), m["border"], tone(0.6))
        return _u8(_paint(_paint(out, m["stripe"], tone(0.15)), m["eye"], tone(0.1)))
    if kind == "koala":
        m = _koala(size, rng)
        if photos:  # a blue sky, a pale eucalyptus trunk, grey-green leaves, a grey koala, white tufts, a black nose
            out = _paint(_paint(ground((172, 204, 234)), m["trunk"], (176, 164, 146)), m["leaves"], (112, 148, 112))
            out = _paint(_paint(out, m["body"], (146, 146, 152)), m["arm"], (132, 132, 138))
            out = _paint(_paint(out, m["ears"], (150, 150, 156)), m["tufts"], (236, 236, 236))
            out = _paint(_paint(out, m["head"], (158, 158, 164)), m["nose"], (30, 30, 34))
            return _u8(_paint(out, m["eyes"], (12, 12, 12)))
        out = _paint(_paint(ground(tone(0.0)), m["trunk"], tone(0.4)), m["leaves"], tone(0.25))
        out = _paint(_paint(out, m["body"], tone(1.0)), m["arm"], tone(0.85))
        out = _paint(_paint(out, m["ears"], tone(0.9)), m["tufts"], tone(0.6))
        out = _paint(_paint(out, m["head"], tone(0.95)), m["nose"], tone(0.15))
        return _u8(_paint(out, m["eyes"], tone(0.1)))
    if kind == "fire_engine":
        m = _fire_engine(size, rng)
        if photos:  # a grey-blue sky, a dark road, a red engine, silver shutters and ladder, black wheels
            out = _paint(_paint(ground((176, 194, 212)), m["road"], (72, 72, 76)), m["body"], (200, 30, 30))
            out = _paint(_paint(out, m["cab"], (212, 36, 34)), m["windows"], (150, 190, 220))
            out = _paint(_paint(out, m["lockers"], (184, 186, 192)), m["ladder"], (210, 210, 214))
            out = _paint(_paint(out, m["lights"], (40, 90, 255)), m["wheels"], (26, 26, 28))
            return _u8(_paint(out, m["hubs"], (190, 190, 196)))
        out = _paint(_paint(ground(tone(0.0)), m["road"], tone(0.25)), m["body"], tone(1.0))
        out = _paint(_paint(out, m["cab"], tone(0.9)), m["windows"], tone(0.4))
        out = _paint(_paint(out, m["lockers"], tone(0.6)), m["ladder"], tone(0.75))
        out = _paint(_paint(out, m["lights"], tone(0.5)), m["wheels"], tone(0.15))
        return _u8(_paint(out, m["hubs"], tone(0.7)))
    raise ValueError(kind)


# -- label noise -----------------------------------------------------------------------------
def cache_race_flips(base: list[np.ndarray], labels: list, classes: list, candidates: list, count: int,
                     rng) -> dict[int, object]:
    """``count`` examples to flip and their new labels: the pictures were labelled in a web tool by a team of 3-7
    annotators working one queue at once (``TEAM``, drawn once a pass), the queue a random order of the eligible
    pictures dealt out in rounds, one picture to each annotator a round; the tool's server held each open picture in
    a cache slot keyed by the second it was served, so in some rounds (15-35% of them, ``COLLIDED``, drawn once a
    pass, each round by chance) two or three annotators' pictures shared a slot and each answer was saved under
    another of those pictures (the answers of the 2-3 collided pictures, chosen at random in the round, passed round
    a random cycle). The flips are the collided pictures whose saved answer names another class than their own, each
    given that class, until ``count`` are flipped (passes over the pictures not yet flipped, another labelling
    sprint, while some are left). Noise by which pictures were open at the same moment, not by class or look: not
    BE's re-hung swing tags, BD's stale crate slips, BC's swapped digits, AN's conveyor jets, AF's averaged votes or
    any collided file names of the earlier lists. Every flip changes the label."""
    pool = sorted(int(v) for v in candidates)
    if len({labels[i] for i in pool}) < 2 or count <= 0:
        return {}
    flips: dict[int, object] = {}
    for _ in range(200):
        items = [int(i) for i in rng.permutation([i for i in pool if i not in flips])]
        team = int(rng.integers(*TEAM))
        share = rng.uniform(*COLLIDED)
        for j in range(0, len(items), team):
            if len(flips) >= count:
                break
            rnd = items[j:j + team]
            if len(rnd) < 2 or rng.random() >= share:
                continue
            m = int(rng.integers(2, min(3, len(rnd)) + 1))
            hit = [rnd[int(q)] for q in rng.choice(len(rnd), size=m, replace=False)]
            for src, dst in zip(hit, hit[1:] + hit[:1]):
                if len(flips) >= count:
                    break
                if labels[src] != labels[dst]:
                    flips[dst] = labels[src]
        if len(flips) >= count:
            break
    return dict(sorted(flips.items()))


# -- planting ------------------------------------------------------------------------------
def plant_issues_bf(images, labels, out_dir, *, name: str, random_state: int = 0) -> PlantedDataset:
    """Generator BF's problems (module docstring). A set whose name ends in ``_jpeg`` is written as JPEG files at a
    quality drawn from 44-66 each; the others as PNG. The planting is I's (:func:`_heldout_i.plant_generator`)."""
    return plant_generator(
        images, labels, out_dir, name=name, rates=RATES_BF, seed=580_000 + random_state,
        quality_seed=585_000 + random_state, jpeg_quality=JPEG_QUALITY,
        flips=cache_race_flips,
        **by_family(name, outlier=(outlier_bf, OUTLIERS_BF), blur=(blur_bf, BLURS_BF), dark=(dark_bf, DARKS_BF),
                    near=(near_edit_bf, NEAR_EDITS_BF)))
