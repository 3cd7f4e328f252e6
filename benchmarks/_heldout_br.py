"""Generator BR: fresh EVALUATION sets after generator BQ's run (never used to choose anything).

Why a sixty-eighth evaluation generator: generator BQ's sets were written before its run and have been run once since
(after which its four sets became development data in ``dev_sweep``), so a held-out set for the code after that run is
written now, before any tool is run on it. The commit subjects since BQ's generator commit (2c286ed) name one library
change, tried and taken back: the calibration copies' ONNX session on every core (1363f5a, committed just before BQ's
generator and so in BQ's run) reverted (32520d2) after BQ's run, a change of how the copies' embeddings are run, not of
what the checks find, so the library's detection code is the same as at BQ's run; one benchmark commit (dedc86f: beside
the calibration's wall-clock cost, the same medians of each audit less its image pass, printed from the next held-out
run on, with a test); docs commits (BP's and BQ's one held-out run each written up, with BQ's sets made development data
in ``dev_sweep``; the revert's A/B and the calibration's cost past the image pass) and review commits (the docstring of
``calibration_growth``). So BR measures the same detection code as BQ, on new sets, but for one library commit made
while BR was being written and not among the subjects its writer read: the calibration samples a thirty-fifth of the
readable images, not a twenty-fifth (22b25e6, chosen on development sets only), so BR's run measures the library with
it. BQ's run came before this generator was written, and those subjects carry its numbers, but BR's writer read no docs,
logs, result files or commit bodies (only the commit subjects, the library's code and the earlier generators' and tuning
tools' files, to copy their structure and to avoid their families), and nothing in BR was chosen from any result, to aim
at or away from any weakness, rule or lead a subject names: its strengths and its share of whole-picture edits are set
as BQ's (and BP's, BO's, BN's, BM's and BL's) were. Like AN's to BQ's, BR's edits are not all brightly coloured: some
are stone grey, near black or translucent. Generator BR was written before any tool was run on it (only its pictures
were looked at, on contact sheets of its edits, blurs, darkenings and foreign pictures at 28, 101 and 301 px, to check
that every edit is visible, every blur blurred, every darkened image dark with its picture still in it and every outlier
foreign, and the planted folders hashed twice); it is not to be changed after its results are seen. Its edits, blurs,
darkenings, foreign pictures and label noise are of families that no tuning tool (``blur_tuning.py``'s lens blurs:
Gaussian, soft disk, astigmatic elongated Gaussian, ring; ``_foreign.py``'s textures, icons and soft photographs;
``near_photos.py``'s and ``near_small.py``'s edits; ``label_filters.py``'s and ``label_noise_models.py``'s flips), no
earlier generator (A = ``dq.datasets.plant_issues``, B, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T, U, V, W, X,
Y, Z, AA, AB, AC, AD, AE, AF, AG, AH, AI, AJ, AK, AL, AM, AN, AO, AP, AQ, AR, AS, AT, AU, AV, AW, AX, AY, AZ, BA, BB,
BC, BD, BE, BF, BG, BH, BI, BJ, BK, BL, BM, BN, BO, BP, BQ) and none of the library's calibration copies
(``dataquality/compute/_synthetic.py``: crop, shift, rotate, brightness, contrast, gamma, JPEG, resize, overlay box;
Gaussian, box, motion, down-and-up blurs) make (their family names and key words were searched for in every earlier
generator, the tuning tools and ``_synthetic.py``). Like AC's to BQ's it has two blur families, not three. Tiles of 301
px give 57 tiles (seed 408), so the large set is at 301 px, a size no other set uses; the small photographs are at 101
px, a size no other set uses either. Left out because an earlier generator made them or left them out (their key words
are in the earlier generators' lists): among objects on the print a protractor or a set square, a pair of compasses or
dividers, a telescope (their lists: BR's sextant is a navigator's instrument of a frame, an arc, an index arm, two
mirrors and a small telescope), a hand bell (AH's list: BR's wind chime is tubes hung on strings from a wooden top), a
comb, a hanger, a whisk (their lists: BR's toast rack is a base of rails with wire arches), a citrus juicer's dish
(BN's) or a petri dish (their lists: BR's ashtray is a heavy glass ashtray with its rim's cigarette rests and ash), a
tennis ball, a bowling lane or a dumbbell (their lists: BR's curling stone is a granite stone with its band and its
handle), BQ's ice cream scoop, garlic press, tape dispenser, beaker or pumice, or any object, creature, sweet, snack,
fruit, vegetable or plant part of the earlier lists (BQ's, their lists); of the whole picture BQ's gneiss, Donegal tweed
or ocean jasper, granite or terrazzo (speckled grounds, their lists: BR's porphyry is a purple-red stone set with pale
crystals), gingham, houndstooth, tartan, denim, kente or sashiko (their lists: BR's pinstripe is a near black worsted
suiting with chalk stripes), rhodonite, labradorite, lapis lazuli, malachite or agate (their lists: BR's charoite is a
lavender stone of swirling fibres with black needles), or any weave, print, stone, metal or patterned ground of the
earlier lists (BQ's, their lists); among blurs BQ's window whiting or plasticine painting, a jelly dish (AL's), a gel
ice pack or pastis (BE's), hand sanitiser or cloudy cider (BF's), agar, glycerine or gelatine (their lists: BR's
kombucha SCOBY is a mat of cellulose and yeast seen through), a tapestry, a knitted copy in mohair (AJ's list), an
intarsia, a tufted rug, a quilt (their lists: BR's thread painting is a copy in free-motion machine embroidery), a thin
layer of powder snow on the print (their lists), or any haze, veil, glass, copy or print process of the earlier lists
(BQ's, their lists); among darkenings BQ's toilet light, scooter wheels or espresso cup light, a television or any
screen (their lists: BR's console's light bar lights a den with the television off and out of the picture), a router's
status lights (AF's and X's lists), a lift call button (AZ's: BR's switch locator is a light switch's small window on
the wall), an alarm clock or a baby monitor (AT's: BR's smoke alarm is a ceiling alarm's flashing LED), a robot vacuum
(BN's), a dog's light-up collar (BE's), or any flame, ember, lamp, screen or glow of the earlier lists (BQ's, their
lists); among foreign pictures a kangaroo (AU's), a meerkat, a llama or a moose (their lists: BR's brown hare is new), a
steamroller (BE's), a snowmobile (AZ's), a forklift (BA's), a tractor, a food truck or dodgems (their lists: BR's ice
resurfacer is new), a pumpjack (X's and AS's), a pylon, a water tower, a cooling tower or BQ's gasholder (their lists:
BR's colliery headframe is new), BQ's lemur, sidecar or gasholder, or any other animal, vehicle, building or flying
thing of the earlier lists (BQ's, their lists); among label noise a spammer's one class (G's attractor classes), votes
averaged (AF's), a neighbours' vote (W's), a cache race (a team's answers saved under each other's pictures), BQ's
placeholders (the class given most often so far in the session), and every mechanism BQ named and BQ's placeholders
(dictation, OCR, bags, hotkeys, keypads, quotas, a checkweigher, positions, clocks, a returns desk's prices, a
marketplace's category stuffing, recycled product codes, memory cards, a packing bench's label rolls, a mistranslated
list, an empty cartridge, transposed sheets, swapped digits, stale crate slips, a spreadsheet's fill-down, collided file
names, names completed as typed, tote cross-reads, shelf scans, conveyor jets, averaged votes, re-hung swing tags, a
tracker's identity switch, a cache race, rotated specimen racks, a cross-wired put wall, a timeout, misprinted reference
sheets, keyed shorthand, stock reconciliation, autosave lag, stuck prints, a batch whose class numbers were in another
order, a model's runner-up exported by an off-by-one, a taxonomy's merged classes, a colour-blind labeller, overflow
bins, packing lists, a scroll wheel, placeholders).

* ``near_duplicate`` (3%), five edits in a part of the picture and three of the whole, in turn (so that the 301 px set's
  copies get both kinds): a navigator's sextant (44-54% of the side from its apex to its arc, at least 15 px, its
  frame brass 178 / 142 / 66, near black 40 / 40 / 44 or stone grey aluminium 150 / 150 / 146, of the three the two
  whose colour differs most on average from the picture's where it lies, as for each object's colour below; two arms,
  a strut and the limb with 9-13 dark ticks, a steel index arm with a clamp and a drum, a silvered index mirror and a
  half silvered horizon mirror, a small telescope and a wooden handle; a shine at 30%; 30-70% of the way across and
  down, at any angle, a soft shadow at 30%), a toast rack lying on its side (40-50% of the side long, at least 14 px,
  chrome 188 / 190 / 196, near black iron 38 / 38 / 40 or cream enamel 226 / 218 / 196: two rails on four ball feet,
  5-7 wire arches, the middle one taller with a ring handle; a shine at 30%; a shadow at 30%), a wind chime (44-54% of
  the side long, at least 15 px, a wooden 158 / 116 / 70 top piece with a loop, 5-6 graded tubes on strings in
  anodised aluminium 180 / 184 / 190, near black 40 / 40 / 44 or copper 184 / 112 / 72 with shines at 35%, a wooden
  striker and sail on a middle string; a shadow at 30%), a heavy glass ashtray seen from above (30-38% of the side
  across, at least 11 px, clear glass 224 / 232 / 236 at 40%, smoked grey glass 104 / 104 / 110 at 70% or amber glass
  186 / 114 / 40 at 75%; a thick rim 12% darker with three cigarette rests, its edges outlined, 2-4 specks of grey ash;
  a highlight at 55% and a gleam at 40%; a shadow at 30%, 15% for the clear one) and a curling stone seen from above
  (30-38% of the side across, at least 11 px, granite stone grey 140 / 138 / 134, near black 58 / 58 / 62 or red 158 /
  112 / 100, speckled with 40-80 grains, a darker striking band, a red 190 / 40 / 44 or yellow 232 / 194 / 50 handle's
  cap and gooseneck grip; sheens at 35% and 20%; a shadow at 35%); of the whole picture: printed on a porphyry slab
  (the ink multiplied onto the stone, 42-54% of the way, a purple-red 112 / 44 / 56 groundmass mottled to 86 / 32 /
  44 with a grain of 6%, crystals 1-2.5% of the side long covering 10-18% of it, pale pink, white or near black),
  printed on chalk-stripe suiting (42-54% of the way, a near black navy 42 / 44 / 56 worsted, its dye uneven by 6%, a
  twill's ripple of 6% every 0.8-1.2% of the side, chalk stripes 200 / 200 / 204 at 70% every 4-7% of the side) and
  printed on a charoite slab (42-54% of the way, lavender 152 / 104 / 170 fibres 1.2-2% of the side apart swirled by
  a smooth field, dark 104 / 64 / 126 and pale 204 / 172 / 216, a chatoyant sheen of 8%, 8-20 black needles and 0-3
  orange patches);
* ``exact_duplicate`` (1%): byte-for-byte copies of a file under another name;
* ``blurry`` (3%): the picture seen through a kombucha culture's SCOBY (the cellulose mat's scatter: a Gaussian of
  1.4-2.2% of the side, at least 1 px, and a tail 2.4 times as wide for 25-35%; filtered 25-35% of the way to its tan
  226 / 196 / 142 and hazed 10-16% of the way to a milky 232 / 214 / 176, 30% more or less where the mat is thicker or
  thinner; 2-4 soft strands of brown yeast at 15-25%) and the picture copied as a thread painting (free-motion machine
  embroidery: the stitching's blending a Gaussian of 1.5-2.5% of the side, at least 1 px, and a tail 2.2 times as wide
  for 20-30%; 6-10% more saturated; the rows of stitches a ripple of 3% every 1-1.6% of the side along a wandering
  direction, a thread sheen of 2% and the cloth's pucker of 3%); each as a camera metering on the highlights exposes
  it (as Y's to BQ's);
* ``dark`` (2%): a den at night lit only by a game console's light bar (the console a near black slab 30-40% of the
  side wide on a dark cabinet top 80-88% down, 25-75% across, its light bar 60-80% of its width long glowing blue,
  white, orange or pink at 230-255; a glow of sigma 3-5% of the side up to 35-50 levels; the picture lit in its colour
  at ``0.015-0.03 + 0.26-0.34 / (1 + (d / d0) ** 2)`` with the distance from the bar, ``d0`` 22-30% of the side), a
  hallway at night lit only by a light switch's locator light (a dark switch plate 12-16% of the side wide 15-35% or
  65-85% across and 40-60% down, its rocker's small window glowing orange or green at 230-255; a glow of sigma 3-5% up
  to 30-45 levels; the picture lit in its colour falling off as above from the window, ``d0`` 18-26% of the side) and
  a landing at night lit only by a smoke alarm's flashing LED (the alarm on the ceiling 4-10% down, 25-75% across, an
  ellipse 18-24% of the side wide seen from below with its vent slots, its LED red or green at 240-255; a glow of
  sigma 3-5% up to 40-55 levels; the picture lit in its colour falling off as above from the LED, ``d0`` 24-34% of the
  side); none of them blurs the picture;
* ``outlier`` (1.5%): a brown hare sitting in a ploughed field (the field from 60-70% down with 5-8 furrows, the hare
  seen from the side: a body, a paler belly, a big hind leg and foot, a front leg, a head with an eye and a pale ring,
  two long ears laid back with black tips and a white tail), an ice resurfacer on a rink (the ice from 55-65% down,
  the boards with a kick plate and 3-5 adverts, dark stands; the machine 52-62% of the side long: a boxy body with a
  stripe, a snow tank, a driver at the front with a steering column, two wheels, the conditioner at the back and a
  wet trail behind it) and a colliery headframe (the ground from 76-84% down, two lattice legs with X bracing in 3-5
  tiers, a back-leg strut, a platform with two spoked sheave wheels, winding ropes to an engine house with a pitched
  roof and 2-3 windows); the digit and clothing sets get them in their own tones on their dark ground, the
  photographs as a tawny hare with black ear tips on a brown ploughed field under a pale sky, a white and blue machine
  on pale ice before white boards with red adverts and dark stands, and a black steel headframe and a brick engine
  house on a dark yard under a pale sky;
* ``label`` (5%): *vote cascade* flips: the pictures were labelled on a crowd platform by 3-5 votes each (``VOTES``),
  the workers voting one after another, each shown the votes so far as counts beside the class buttons; click-farm
  accounts, polling the task list fastest, cast the first vote on 20-40% of the pictures (``BOT_FIRST``, drawn a
  pass), a class at random; every later worker gave the leading class with a chance growing with its lead (``FOLLOW``:
  45%, 70%, 90% at a lead of one, two, three or more votes), otherwise the picture's own class; the label is the class
  with the most votes, ties to the one voted first. The flips are those pictures whose label is not their own class
  (passes over the pictures not yet flipped while some are left). Noise by the shown counts and a bot's random first
  click, not by look or by any list's order: not BQ's placeholders, AF's averaged votes, W's neighbours' vote or G's
  attractor classes (a spammer's one class). Every flip changes the label, so every one is in the truth.

Each planted defect has its own source image; nothing else is planted, so only these six issue types are scored on BR's
sets. Base data are the evaluation domains drawn with seeds no other set uses: Fashion-MNIST *test* (2,000, seed 405),
MNIST (2,000, seed 406), and the evaluation photographs tiled at 101 px (24 tiles a photograph at most, seed 407) and
at 301 px (every tile, seed 408), sizes no other set uses. ``photos101_br_jpeg`` is written as JPEG files, each at a
quality drawn from 35-54 (a stream of its own, seed ``705_000 + random_state``), every edit, blur and darkening made
before the encoding, near copies made from the decoded JPEG and saved again at their own quality, exact copies byte
copies of the file; the other sets are PNG files. Planting draws from seed ``700_000 + random_state``. The planting is
I's (:func:`_heldout_i.plant_generator`, as for J to BQ).
"""

from __future__ import annotations

import numpy as np
from _heldout_aa import _frame_at, _rect
from _heldout_ae import _lit
from _heldout_af import _glow
from _heldout_au import _circle
from _heldout_ay import _field
from _heldout_be import _blur3, _falloff
from _heldout_bf import _fine, _ground_print, _standing_out
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

EVALUATION_BR = ("fashion_test_br", "mnist_br", "photos101_br_jpeg", "photos301_br")
# each set's base: (data, seed) or ("photos", seed, tile size, tiles per photograph quick, full)
BASES_BR = {
    "fashion_test_br": ("fashion_test", 405),
    "mnist_br": ("mnist", 406),
    "photos101_br_jpeg": ("photos", 407, 101, 8, 24),
    "photos301_br": ("photos", 408, 301, 8, 1000),
}
JPEG_QUALITY = (35, 55)  # the JPEG set's qualities: integers in [low, high)
RATES_BR = {"near_duplicate": 0.03, "exact_duplicate": 0.01, "blurry": 0.03, "dark": 0.02, "outlier": 0.015,
            "label": 0.05}
# parts of the picture and the whole picture in turn, so that the smallest set gets both kinds
NEAR_EDITS_BR = ("sextant", "porphyry", "toast_rack", "pinstripe", "wind_chime", "charoite", "ashtray",
                 "curling_stone")
BLURS_BR = ("kombucha_scoby", "thread_painting")
DARKS_BR = ("console_light_bar", "switch_locator", "smoke_alarm")
OUTLIERS_BR = ("hare", "ice_resurfacer", "headframe")
VOTES = (3, 6)  # votes cast on a picture: integers in [low, high)
BOT_FIRST = (0.2, 0.4)  # the share of pictures whose first vote a click-farm account cast, drawn a pass
FOLLOW = (0.45, 0.7, 0.9)  # the chance a worker gave the leading class at a lead of 1, 2, 3 or more votes


def load_base_br(name: str, quick: bool = False):
    import _heldout

    return _heldout.load_generator_base(name, quick, BASES_BR, "BR")


# -- near copies -----------------------------------------------------------------------------
WHITE = (255, 255, 255)
STEEL = (178, 180, 186)
MIRROR = (204, 210, 216)
SEXTANTS = ((178, 142, 66), (40, 40, 44), (150, 150, 146))


def _sextant(f: np.ndarray, rng) -> np.ndarray:
    """A navigator's sextant lying on the print: a frame 44-54% of the side from its apex to its arc (at least 15
    px), brass 178 / 142 / 66, near black 40 / 40 / 44 or stone grey aluminium 150 / 150 / 146 (of the three the one
    whose colour differs most on average from the picture's where it lies, or the second, at random, where it
    differs at least 60% as much, as for the toast rack, the wind chime's tubes and the curling stone): two arms 5% of
    that thick from the apex at 30 degrees either side of its axis, a strut across them and the arc (the limb) 8% of
    it deep joining their ends, 9-13 dark 30 / 30 / 34 ticks on the limb; an index arm in steel 178 / 180 / 186 from
    the apex to the limb at 2-25 degrees off the axis with a clamp and a micrometer drum at its foot; a silvered
    index mirror 204 / 210 / 216 at the apex and a horizon mirror half silvered (80%) on one arm; a small telescope
    (near black 40 / 40 / 44, or brass on the near black frame) beside the other arm; a wooden 96 / 60 / 38 handle
    across behind the frame; a shine along the limb at 30%; at any angle, its middle 30-70% of the way across and down,
    a soft shadow at 30%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(15.0, side * rng.uniform(0.44, 0.54))
    fr = _frame_at(h, w, rng)
    col = np.asarray(_standing_out(SEXTANTS, f, fr, 0.45 * L, rng), np.float32)
    ax, ay = 0.0, -0.45 * L  # the apex; the frame hangs down from it
    R = 0.9 * L
    at = lambda t, r: (float(ax + r * np.sin(t)), float(ay + r * np.cos(t)))  # noqa: E731  (t: radians off the axis)
    half = np.pi / 6
    lw = max(0.6, 0.05 * L)
    arms = fr.line([[at(-half, 0.0), at(-half, R)], [at(half, 0.0), at(half, R)],
                    [at(-half, 0.5 * R), at(half, 0.5 * R)]], lw)
    ts = np.linspace(-half, half, 24)
    limb = fr.fill([[at(t, R) for t in ts] + [at(t, 0.92 * R) for t in ts[::-1]]])
    n = int(rng.integers(9, 14))
    ticks = fr.line([[at(t, 0.93 * R), at(t, 0.97 * R)] for t in np.linspace(-0.9 * half, 0.9 * half, n)],
                    max(0.3, 0.008 * L))
    ti = rng.uniform(2, 25) * np.pi / 180 * (1 if rng.random() < 0.5 else -1)
    index = fr.line([[at(0.0, 0.0), at(ti, 0.98 * R)]], max(0.6, 0.035 * L))
    vx, vy = at(ti, 0.86 * R)
    vernier = fr.fill([_circle(max(0.6, 0.05 * L), 12, vx, vy)])
    dx, dy = at(ti + 0.08, 0.8 * R)
    drum = fr.fill([_circle(max(0.5, 0.04 * L), 12, dx, dy)])
    imirror = fr.fill([_rect(ax - 0.07 * L, ay - 0.02 * L, ax + 0.07 * L, ay + 0.05 * L)])
    hx, hy = at(-half, 0.45 * R)
    hmirror = fr.fill([_rect(hx - 0.04 * L, hy - 0.06 * L, hx + 0.04 * L, hy + 0.06 * L)])
    t0, t1 = at(half, 0.22 * R), at(half, 0.62 * R)
    off = 0.07 * L
    scope = fr.line([[(t0[0] + off, t0[1]), (t1[0] + off, t1[1])]], max(0.7, 0.06 * L))
    s_col = (178, 142, 66) if float(col.mean()) < 60 else (40, 40, 44)
    handle = fr.line([[at(-half, 0.62 * R), at(half, 0.62 * R)]], max(0.7, 0.07 * L))
    shine = fr.line([[at(t, 0.955 * R) for t in np.linspace(-0.8 * half, 0.2 * half, 10)]], max(0.4, 0.015 * L))
    parts = [(handle, (96, 60, 38), 1.0, True), (limb, col, 1.0, True), (arms, col, 1.0, True),
             (ticks, (30, 30, 34), 0.9, False), (scope, s_col, 1.0, True), (index, STEEL, 1.0, True),
             (vernier, STEEL, 1.0, False), (drum, col * 0.8, 1.0, False), (imirror, MIRROR, 1.0, True),
             (hmirror, MIRROR, 0.8, True), (shine, WHITE, 0.3, False)]
    return _u8(_laid(f, parts, 0.3))


RACKS = ((188, 190, 196), (38, 38, 40), (226, 218, 196))


def _toast_rack(f: np.ndarray, rng) -> np.ndarray:
    """A toast rack lying on its side on the print: a base 40-50% of the side long (at least 14 px) of two rails 6%
    of that apart, chrome 188 / 190 / 196, near black iron 38 / 38 / 40 or cream enamel 226 / 218 / 196, on four ball
    feet; 5-7 wire arches (inverted U's 12% of its length wide, 38% of it high, at least 0.7 px) rising from it evenly
    spaced, the middle one 25% higher with a ring handle on top; a shine along the top rail at 30%; at any angle, its
    middle 30-70% of the way across and down, a soft shadow at 30%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(14.0, side * rng.uniform(0.4, 0.5))
    fr = _frame_at(h, w, rng)
    col = np.asarray(_standing_out(RACKS, f, fr, 0.5 * L, rng), np.float32)
    by = 0.22 * L  # the base's line; the arches rise to negative y
    lw = max(0.7, 0.03 * L)
    rails = fr.line([[(-0.5 * L, by), (0.5 * L, by)], [(-0.5 * L, by - 0.06 * L), (0.5 * L, by - 0.06 * L)]], lw)
    feet = fr.fill([_circle(max(0.5, 0.035 * L), 10, x, by + 0.03 * L)
                    for x in (-0.46 * L, -0.2 * L, 0.2 * L, 0.46 * L)])
    n = int(rng.integers(5, 8))
    xs = np.linspace(-0.4 * L, 0.4 * L, n)
    r = 0.06 * L
    arches = []
    for k, x in enumerate(xs):
        cy = by - 0.38 * L * (1.25 if k == n // 2 else 1.0) + r  # the arch's round top's middle
        arches.append([(float(x - r), by)] + [(float(x + r * np.cos(u)), float(cy - r * np.sin(u)))
                                              for u in np.linspace(np.pi, 0, 12)] + [(float(x + r), by)])
    wires = fr.line(arches, lw)
    mx = float(xs[n // 2])
    ring_y = by - 0.38 * L * 1.25 - 0.05 * L
    ring = fr.line([_circle(0.05 * L, 14, mx, ring_y) + [_circle(0.05 * L, 14, mx, ring_y)[0]]], lw)
    shine = fr.line([[(-0.45 * L, by - 0.065 * L), (0.3 * L, by - 0.065 * L)]], max(0.4, 0.012 * L))
    parts = [(feet, col * 0.85, 1.0, True), (rails, col, 1.0, True), (wires, col, 1.0, True), (ring, col, 1.0, True),
             (shine, WHITE, 0.3, False)]
    return _u8(_laid(f, parts, 0.3))


CHIMES = ((180, 184, 190), (40, 40, 44), (184, 112, 72))
WOOD = np.array([158, 116, 70], np.float32)


def _wind_chime(f: np.ndarray, rng) -> np.ndarray:
    """A wind chime lying on the print: 44-54% of the side long (at least 15 px); a wooden 158 / 116 / 70 top
    piece (a bar 40% of its length wide and 6% thick) with a hanging loop; 5-6 tubes in a row below it on strings
    (dark 60 / 56 / 50, at least 0.3 px), 5.5% of its length thick (at least 0.7 px), graded from 40% to 70% of it
    long, anodised aluminium 180 / 184 / 190, near black 40 / 40 / 44 or copper 184 / 112 / 72, each with a shine
    along it at 35%; down the middle a string to a round wooden striker among the tubes and a wooden sail (a rounded
    blade 20% of its length long) at its end; at any angle, its middle 30-70% of the way across and down, a soft
    shadow at 30%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(15.0, side * rng.uniform(0.44, 0.54))
    fr = _frame_at(h, w, rng)
    col = np.asarray(_standing_out(CHIMES, f, fr, 0.5 * L, rng), np.float32)
    y0 = -0.5 * L  # the top piece; the tubes hang towards positive y
    top = fr.fill([_rect(-0.2 * L, y0, 0.2 * L, y0 + 0.06 * L)])
    loop = fr.line([_ellipse(0.0, y0 - 0.04 * L, 0.04 * L, 0.04 * L, 0.0, 12)], max(0.3, 0.01 * L))
    n = int(rng.integers(5, 7))
    xs = np.linspace(-0.17 * L, 0.17 * L, n)
    lens = np.linspace(0.4, 0.7, n)[::1 if rng.random() < 0.5 else -1] * L
    tw = max(0.35, 0.0275 * L)
    tubes, strings, shines = [], [], []
    hang = y0 + 0.14 * L
    for x, ln in zip(xs, lens):
        tubes.append(_bar(hang, hang + ln - 2 * tw, tw))
        tubes[-1] = [(float(x + v), float(u)) for u, v in tubes[-1]]
        strings.append([(float(x), y0 + 0.06 * L), (float(x), hang)])
        shines.append([(float(x - 0.4 * tw), hang + 0.05 * ln), (float(x - 0.4 * tw), hang + 0.8 * ln)])
    tube_m = fr.fill(tubes)
    string_m = fr.line(strings + [[(0.0, y0 + 0.06 * L), (0.0, 0.5 * L - 0.14 * L)]], max(0.3, 0.006 * L))
    striker = fr.fill([_circle(max(0.6, 0.07 * L), 16, 0.0, hang + 0.3 * L)])
    blade = _bar(0.36 * L, 0.47 * L, max(0.6, 0.05 * L))
    sail = fr.fill([[(float(v), float(u)) for u, v in blade]])
    shine_m = fr.line(shines, max(0.3, 0.3 * tw))
    parts = [(string_m, (60, 56, 50), 0.9, False), (top, WOOD, 1.0, True), (loop, (60, 56, 50), 0.9, False),
             (tube_m, col, 1.0, True), (shine_m, WHITE, 0.35, False), (striker, WOOD, 1.0, True),
             (sail, WOOD * 1.08, 1.0, True)]
    return _u8(_laid(f, parts, 0.3))


# glass, opacity
ASHTRAYS = (((224, 232, 236), 0.4), ((104, 104, 110), 0.7), ((186, 114, 40), 0.75))


def _ashtray(f: np.ndarray, rng) -> np.ndarray:
    """A heavy glass ashtray standing on the print, seen from above, empty but for a little ash: a round body 30-38%
    of the side across (at least 11 px), clear glass 224 / 232 / 236 at 40% (the print showing through), smoked grey
    glass 104 / 104 / 110 at 70% or amber glass 186 / 114 / 40 at 75%; its thick rim (the outer 28% of its radius) 12%
    darker, its edges outlined (grey 96 / 102 / 106 on the clear one, the glass 30% darker on the others, at least 0.5
    px); three cigarette rests (notches across the rim 14% of its radius wide) 30% darker; 2-4 specks of grey ash 120
    / 118 / 116 at 70% in its well; a highlight on the rim at 55% and a gleam in the well at 40%; at any angle, its
    middle 30-70% of the way across and down, a soft shadow at 30% (15% for the clear one)."""
    h, w = f.shape[:2]
    side = min(h, w)
    R = max(5.5, side * rng.uniform(0.15, 0.19))
    fr = _frame_at(h, w, rng)
    glass, alpha = ASHTRAYS[int(rng.integers(len(ASHTRAYS)))]
    glass = np.asarray(glass, np.float32)
    edge = (96, 102, 106) if alpha < 0.5 else glass * 0.7
    body = fr.fill([_circle(R, 40)])
    rim = fr.fill([_circle(R, 40)], holes=[_circle(0.72 * R, 36)])
    lw = max(0.5, 0.05 * R)
    edges = fr.line([_circle(0.98 * R, 40) + [_circle(0.98 * R, 40)[0]],
                     _circle(0.72 * R, 36) + [_circle(0.72 * R, 36)[0]]], lw)
    t0 = rng.uniform(0, 2 * np.pi)
    rests = fr.fill([[(float(r * np.cos(t + d)), float(r * np.sin(t + d))) for r, d in
                      ((0.7 * R, -0.07), (1.0 * R, -0.07), (1.0 * R, 0.07), (0.7 * R, 0.07))]
                     for t in t0 + np.array([0.0, 2.09, 4.19])])
    ash = []
    for _ in range(int(rng.integers(2, 5))):
        a, r = rng.uniform(0, 2 * np.pi), 0.4 * R * np.sqrt(rng.uniform())
        ash.append(_ellipse(float(r * np.cos(a)), float(r * np.sin(a)), max(0.4, 0.09 * R), max(0.3, 0.06 * R),
                            float(rng.uniform(0, np.pi)), 10))
    ash_m = fr.fill(ash)
    shine = fr.line([[(float(0.86 * R * np.cos(t)), float(0.86 * R * np.sin(t))) for t in np.linspace(3.5, 4.5, 8)]],
                    max(0.5, 0.07 * R))
    gleam = fr.line([[(float(0.45 * R * np.cos(t)), float(0.45 * R * np.sin(t))) for t in np.linspace(0.3, 1.1, 6)]],
                    max(0.5, 0.06 * R))
    parts = [(body, glass, alpha, True), (rim, glass * 0.88, alpha, False),
             (rests, glass * 0.7, min(1.0, alpha + 0.2), False), (edges, edge, 0.85, False),
             (ash_m, (120, 118, 116), 0.7, False), (shine, WHITE, 0.55, False), (gleam, WHITE, 0.4, False)]
    return _u8(_laid(f, parts, 0.3 if alpha > 0.5 else 0.15))


GRANITES = ((140, 138, 134), (58, 58, 62), (158, 112, 100))
HANDLES = ((190, 40, 44), (232, 194, 50))


def _curling_stone(f: np.ndarray, rng) -> np.ndarray:
    """A curling stone standing on the print, seen from above: a round granite body 30-38% of the side across (at
    least 11 px), stone grey 140 / 138 / 134, near black 58 / 58 / 62 or red granite 158 / 112 / 100, speckled with
    40-80 grains 25% darker or lighter (at least 0.35 px); its striking band a ring at 80-88% of its radius 12%
    darker; on top a handle in red 190 / 40 / 44 or yellow 232 / 194 / 50 plastic (one a stone): a round cap of radius
    24% of its own over the middle and a gooseneck grip 16% of its radius thick (at least 0.7 px) out to 70% of it;
    a sheen on the grip at 35% and on the stone at 20%; at any angle, its middle 30-70% of the way across and down, a
    soft shadow at 35%."""
    h, w = f.shape[:2]
    side = min(h, w)
    R = max(5.5, side * rng.uniform(0.15, 0.19))
    fr = _frame_at(h, w, rng)
    col = np.asarray(_standing_out(GRANITES, f, fr, R, rng), np.float32)
    handle = HANDLES[int(rng.integers(len(HANDLES)))]
    body = fr.fill([_circle(R, 40)])
    band = fr.fill([_circle(0.88 * R, 36)], holes=[_circle(0.8 * R, 36)])
    dark, light = [], []
    for _ in range(int(rng.integers(40, 81))):
        a, r = rng.uniform(0, 2 * np.pi), 0.95 * R * np.sqrt(rng.uniform())
        g = _circle(max(0.35, R * rng.uniform(0.02, 0.05)), 8, float(r * np.cos(a)), float(r * np.sin(a)))
        (dark if rng.random() < 0.5 else light).append(g)
    cap = fr.fill([_circle(0.24 * R, 20)])
    grip = fr.line([[(0.0, 0.0), (0.45 * R, -0.12 * R), (0.7 * R, -0.1 * R)]], max(0.7, 0.16 * R))
    sheen = fr.line([[(0.2 * R, -0.16 * R), (0.62 * R, -0.15 * R)]], max(0.4, 0.04 * R))
    shine = fr.line([[(float(0.7 * R * np.cos(t)), float(0.7 * R * np.sin(t))) for t in np.linspace(3.4, 4.4, 8)]],
                    max(0.5, 0.06 * R))
    parts = [(body, col, 1.0, True), (fr.fill(dark) * body, col * 0.75, 1.0, False),
             (fr.fill(light) * body, np.minimum(col * 1.25, 255), 1.0, False), (band, col * 0.88, 1.0, False),
             (shine, WHITE, 0.2, False), (grip, handle, 1.0, True), (cap, handle, 1.0, True),
             (sheen, WHITE, 0.35, False)]
    return _u8(_laid(f, parts, 0.35))


PORPHYRY = np.array([(112, 44, 56), (86, 32, 44)], np.float32)
PHENOCRYSTS = np.array([(222, 192, 186), (238, 230, 222), (40, 30, 34)], np.float32)


def _porphyry(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on a polished porphyry slab: the ink multiplied onto the stone, 42-54% of the way from the
    picture (35% of its tone added at that share); a fine-grained purple-red 112 / 44 / 56 groundmass mottled to 86 /
    32 / 44 (a field of 6-10% of the side) with a grain of 6%, set with crystals (phenocrysts) covering 10-18% of it:
    laths 1-2.5% of the side long (at least 0.8 px) and 35-60% as wide at any angle, pale pink feldspar 222 / 192 /
    186 (60%), white 238 / 230 / 222 (30%) or near black hornblende 40 / 30 / 34 (10%): a stone of scattered crystals in
    a fine ground, not AS's terrazzo, granite, BO's obsidian or any stone or ground of the earlier lists."""
    h, w = f.shape[:2]
    side = min(h, w)
    mot = np.clip(0.5 + 0.35 * _field(h, w, side * rng.uniform(0.06, 0.1), rng), 0, 1)
    ground = PORPHYRY[0] + (PORPHYRY[1] - PORPHYRY[0]) * mot[..., None]
    ground = ground * (1 + 0.06 * np.tanh(_field(h, w, 0.6, rng)))[..., None]
    mean_len = max(0.8, side * 0.0175)
    n = int(np.clip(rng.uniform(0.1, 0.18) * h * w / (mean_len * mean_len * 0.48), 60, 4000))
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    which = rng.choice(3, size=n, p=(0.6, 0.3, 0.1))
    laths = [[] for _ in PHENOCRYSTS]
    for k in range(n):
        ln = max(0.8, side * rng.uniform(0.01, 0.025))
        wd = ln * rng.uniform(0.35, 0.6)
        x, y, a = rng.uniform(0, w), rng.uniform(0, h), rng.uniform(0, np.pi)
        c, s = np.cos(a), np.sin(a)
        laths[int(which[k])].append([(float(x + c * u - s * v), float(y + s * u + c * v))
                                     for u, v in ((-ln / 2, -wd / 2), (ln / 2, -wd / 2), (ln / 2, wd / 2),
                                                  (-ln / 2, wd / 2))])
    for c, polys in enumerate(laths):
        if polys:
            ground = _paint(ground, ident.fill(polys) * 0.9, PHENOCRYSTS[c])
    return _u8(_ground_print(f, ground, rng.uniform(0.42, 0.54), 0.35))


WORSTED = np.array([42, 44, 56], np.float32)
CHALK = np.array([200, 200, 204], np.float32)


def _pinstripe(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on chalk-stripe suiting: the ink multiplied onto the cloth, 42-54% of the way from the
    picture (35% of its tone added at that share); a near black navy 42 / 44 / 56 worsted, its dye uneven by 6% (a
    field of 10% of the side), a twill's diagonal ripple of 6% every 0.8-1.2% of the side (at least 1.5 px); chalk
    stripes 200 / 200 / 204 at 70%, 0.3-0.5% of the side wide (at least 0.5 px) every 4-7% of the side (at least 3
    px), running along a direction drawn a picture, broken softly by the twill (a quarter of their strength); drawn
    at 3 times the size and averaged: a striped suit cloth, not AQ's gingham, BQ's Donegal tweed, houndstooth, tartan,
    denim or any cloth or ground of the earlier lists."""
    h, w = f.shape[:2]
    side = min(h, w)
    s = 3
    yy, xx = _fine(h, w, s)
    dye = 1 + 0.06 * np.tanh(np.kron(_field(h, w, 0.1 * side, rng), np.ones((s, s))))
    p = max(1.5, side * rng.uniform(0.008, 0.012))
    twill = np.sin(2 * np.pi * (xx + yy) / p)
    ground = WORSTED * (dye * (1 + 0.06 * twill))[..., None]
    a = rng.uniform(0, np.pi)
    u = xx * np.cos(a) + yy * np.sin(a)
    gap = max(3.0, side * rng.uniform(0.04, 0.07))
    half = max(0.25, side * rng.uniform(0.0015, 0.0025))
    d = np.abs((u - rng.uniform(0, gap)) % gap - gap / 2)
    stripe = np.clip(half + 0.5 / s - d, 0, 1 / s) * s  # coverage of a stripe 2 * half wide at the fine grid
    stripe = stripe * 0.7 * (0.75 + 0.25 * twill)
    ground = ground + (CHALK - ground) * np.clip(stripe, 0, 1)[..., None]
    ground = ground.reshape(h, s, w, s, 3).mean(axis=(1, 3))
    return _u8(_ground_print(f, ground, rng.uniform(0.42, 0.54), 0.35))


CHAROITE = np.array([(104, 64, 126), (152, 104, 170), (204, 172, 216)], np.float32)
TINAKSITE = np.array([214, 140, 70], np.float32)


def _charoite(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on a polished charoite slab: the ink multiplied onto the stone, 42-54% of the way from
    the picture (35% of its tone added at that share); a lavender 152 / 104 / 170 stone in swirling fibres (bands
    1.2-2% of the side apart along a direction drawn a picture, swept by a smooth field of 12% of the side over 8-14%
    of it, and a second wave 2.3 times as fine at 50%), dark 104 / 64 / 126 where low and pale 204 / 172 / 216 where
    high; a chatoyant sheen of 8% in broad bands across them; 8-20 near black 28 / 26 / 30 aegirine needles 2-5% of the
    side long (at least 0.5 px) at 85% and 0-3 orange 214 / 140 / 70 tinaksite patches 3-6% of the side at 70%; drawn
    at 2 times the size and averaged: a swirled purple stone, not BP's rhodonite, BQ's gneiss, BN's labradorite or any
    stone or ground of the earlier lists."""
    h, w = f.shape[:2]
    side = min(h, w)
    s = 2
    yy, xx = _fine(h, w, s)
    a = rng.uniform(0, np.pi)
    u = xx * np.cos(a) + yy * np.sin(a)
    u = u + side * rng.uniform(0.08, 0.14) * np.kron(_field(h, w, 0.12 * side, rng), np.ones((s, s)))
    b = u / max(1.2, side * rng.uniform(0.012, 0.02))
    t = 0.5 + 0.3 * np.sin(2 * np.pi * b) + 0.15 * np.sin(2 * np.pi * 2.3 * b + rng.uniform(0, 6.3))
    dark = np.clip((0.42 - t) / 0.2, 0, 1)[..., None]
    light = np.clip((t - 0.58) / 0.2, 0, 1)[..., None]
    ground = CHAROITE[1] + (CHAROITE[0] - CHAROITE[1]) * dark + (CHAROITE[2] - CHAROITE[1]) * light
    ground = ground * (1 + 0.08 * np.sin(2 * np.pi * u / (0.3 * side) + rng.uniform(0, 6.3)))[..., None]
    ground = ground.reshape(h, s, w, s, 3).mean(axis=(1, 3))
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    needles = []
    for _ in range(int(rng.integers(8, 21))):
        x, y, ang = rng.uniform(0, w), rng.uniform(0, h), rng.uniform(0, np.pi)
        ln = side * rng.uniform(0.02, 0.05) / 2
        needles.append([(float(x - ln * np.cos(ang)), float(y - ln * np.sin(ang))),
                        (float(x + ln * np.cos(ang)), float(y + ln * np.sin(ang)))])
    ground = _paint(ground, ident.line(needles, max(0.5, 0.004 * side)) * 0.85, (28, 26, 30))
    patches = [_ellipse(float(rng.uniform(0, w)), float(rng.uniform(0, h)), side * rng.uniform(0.03, 0.06),
                        side * rng.uniform(0.015, 0.03), float(rng.uniform(0, np.pi)), 16)
               for _ in range(int(rng.integers(0, 4)))]
    if patches:
        ground = _paint(ground, ident.fill(patches) * 0.7, TINAKSITE)
    return _u8(_ground_print(f, ground, rng.uniform(0.42, 0.54), 0.35))


def near_edit_br(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "sextant":  # a navigator's sextant on the print
        return _sextant(f, rng)
    if kind == "toast_rack":  # a toast rack on the print
        return _toast_rack(f, rng)
    if kind == "wind_chime":  # a wind chime on the print
        return _wind_chime(f, rng)
    if kind == "ashtray":  # a glass ashtray on the print
        return _ashtray(f, rng)
    if kind == "curling_stone":  # a curling stone on the print
        return _curling_stone(f, rng)
    if kind == "porphyry":  # the picture printed on a porphyry slab
        return _porphyry(f, rng)
    if kind == "pinstripe":  # the picture printed on chalk-stripe suiting
        return _pinstripe(f, rng)
    if kind == "charoite":  # the picture printed on a charoite slab
        return _charoite(f, rng)
    raise ValueError(kind)


# -- blurs -----------------------------------------------------------------------------------
SCOBY = np.array([226, 196, 142], np.float32)
SCOBY_HAZE = np.array([232, 214, 176], np.float32)
YEAST = np.array([120, 84, 50], np.float32)


def _kombucha_scoby(f: np.ndarray, rng) -> np.ndarray:
    """The picture seen through a kombucha culture's SCOBY (the rubbery mat of cellulose and yeast that grows on the
    brewing tea) held flat against it, lit from the front: the mat's fibres scatter the light, a Gaussian of
    1.4-2.2% of the side (at least 1 px) and a tail 2.4 times as wide for 25-35%; it filters the picture 25-35% of the
    way to its tan 226 / 196 / 142 and hazes it 10-16% of the way to a milky 232 / 214 / 176, 30% more or less where
    the mat is thicker or thinner (a field of 6% of the side) and its layers (a field of 2% of the side at a third of
    that); 2-4 strands of brown 120 / 84 / 50 yeast in it (1-2% of the side thick, 25-50% of it long, blurred as the
    picture) at 15-25%; as a camera metering on the highlights exposes it: a cellulose mat, not BE's gel ice pack,
    AL's jelly dish, BF's cloudy cider, agar, glycerine or any haze, veil, glass, copy or print process of the earlier
    lists."""
    h, w = f.shape[:2]
    side = min(h, w)
    s = max(1.0, side * rng.uniform(0.014, 0.022))
    k = rng.uniform(0.25, 0.35)
    out = _blur3(f, s) * (1 - k) + _blur3(f, 2.4 * s) * k
    out = out * (1 - rng.uniform(0.25, 0.35) * (1 - SCOBY / 255))
    thick = 0.3 * np.tanh(_field(h, w, 0.06 * side, rng)) + 0.1 * np.tanh(_field(h, w, 0.02 * side, rng))
    haze = rng.uniform(0.1, 0.16) * (1 + thick)
    out = out + (SCOBY_HAZE - out) * haze[..., None]
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    strands = []
    for _ in range(int(rng.integers(2, 5))):
        x, y, ang = rng.uniform(0, w), rng.uniform(0, h), rng.uniform(0, np.pi)
        ln = side * rng.uniform(0.25, 0.5)
        pts = [(float(x + t * ln * np.cos(ang) + 0.04 * side * np.sin(6 * t + ang)),
                float(y + t * ln * np.sin(ang) + 0.04 * side * np.cos(5 * t))) for t in np.linspace(-0.5, 0.5, 16)]
        strands.append(pts)
    m = ident.line(strands, max(1.0, side * rng.uniform(0.01, 0.02)))
    from scipy.ndimage import gaussian_filter

    m = gaussian_filter(m, s)
    out = _paint(out, m / max(float(m.max()), 1e-6) * rng.uniform(0.15, 0.25), YEAST)
    return _u8(_metered(np.maximum(out, 0), f))


def _thread_painting(f: np.ndarray, rng) -> np.ndarray:
    """The picture copied as a thread painting (free-motion machine embroidery, the picture filled in with rows of
    stitches in threads of its colours): the stitching blends its tones, a Gaussian of 1.5-2.5% of the side (at least
    1 px) and a tail 2.2 times as wide for 20-30%; the threads' colours 6-10% more saturated; the rows of stitches a
    ripple of 3% every 1-1.6% of the side (at least 2.5 px) across a direction that wanders (a field of 20% of the side
    turning it by up to 40 degrees), their sheen a mottle of 2% (a field of 0.6 px); the cloth puckered by the
    stitching (a field of 12% of the side, 3%); as a camera metering on the highlights exposes it: an embroidered copy,
    not AJ's mohair knitting, a tapestry, an intarsia, a tufted rug, BQ's plasticine painting or any copy or print
    process of the earlier lists."""
    h, w = f.shape[:2]
    side = min(h, w)
    s = max(1.0, side * rng.uniform(0.015, 0.025))
    k = rng.uniform(0.2, 0.3)
    out = _blur3(f, s) * (1 - k) + _blur3(f, 2.2 * s) * k
    grey = out.mean(axis=2, keepdims=True)
    out = grey + (out - grey) * (1 + rng.uniform(0.06, 0.1))
    yy, xx = _pixels(h, w)
    a = rng.uniform(0, np.pi) + np.deg2rad(40) * np.tanh(_field(h, w, 0.2 * side, rng))
    p = max(2.5, side * rng.uniform(0.01, 0.016))
    v = -xx * np.sin(a) + yy * np.cos(a)
    rows = 1 + 0.03 * np.sin(2 * np.pi * v / p)
    sheen = 1 + 0.02 * np.tanh(_field(h, w, 0.6, rng))
    pucker = 1 + 0.03 * np.tanh(_field(h, w, 0.12 * side, rng))
    out = out * (rows * sheen * pucker)[..., None]
    return _u8(_metered(np.maximum(out, 0), f))


def blur_br(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "kombucha_scoby":  # seen through a kombucha SCOBY
        return _kombucha_scoby(f, rng)
    if kind == "thread_painting":  # copied as a thread painting
        return _thread_painting(f, rng)
    raise ValueError(kind)


# -- darkening -------------------------------------------------------------------------------
CONSOLE_LEDS = np.array([(0.3, 0.55, 1.0), (0.9, 0.95, 1.0), (1.0, 0.55, 0.2), (1.0, 0.3, 0.7)], np.float32)


def _console_light_bar(f: np.ndarray, rng) -> np.ndarray:
    """A den at night lit only by a game console's light bar, the television off and out of the picture: at the
    bottom a low cabinet's dark 34 / 30 / 28 top from 80-88% of the way down; on it, 25-75% across, the console lying
    flat, a near black 30 / 30 / 34 slab 30-40% of the side wide and 7-9% high, its front's light bar 60-80% of its
    width long and 1.2-2% of the side thick (at least 0.8 px) glowing blue 0.3 / 0.55 / 1, white 0.9 / 0.95 / 1,
    orange 1 / 0.55 / 0.2 or pink 1 / 0.3 / 0.7 (one a picture) at 230-255; a glow of sigma 3-5% of the side up to
    35-50 levels in its colour; the picture lit in that colour at a gain of 0.015-0.03 plus 0.26-0.34 falling off as
    ``1 / (1 + (d / d0) ** 2)`` with the distance ``d`` from the bar's middle, ``d0`` 22-30% of the side; noise sigma
    1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    col = CONSOLE_LEDS[int(rng.integers(len(CONSOLE_LEDS)))]
    ty = h * rng.uniform(0.8, 0.88)
    cw, ch = side * rng.uniform(0.3, 0.4), side * rng.uniform(0.07, 0.09)
    cx = w * rng.uniform(0.25, 0.75)
    by = ty - 0.45 * ch
    out = _lit(f, _falloff(h, w, cx, by, side, (0.22, 0.3), rng)[..., None] * col, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    cabinet = ident.fill([_rect(-1.0, ty, w + 1.0, h + 1.0)])
    console = ident.fill([_rect(cx - cw / 2, ty - ch, cx + cw / 2, ty)])
    bl = cw * rng.uniform(0.6, 0.8) / 2
    bar = ident.line([[(cx - bl, by), (cx + bl, by)]], max(0.8, side * rng.uniform(0.012, 0.02)))
    out = _paint(_paint(out, cabinet, (34, 30, 28)), console, (30, 30, 34))
    out = _paint(out, bar, col * rng.uniform(230, 255))
    glow = _glow(bar, max(1.0, side * rng.uniform(0.03, 0.05)))[..., None]
    return _u8(out + glow * rng.uniform(35, 50) * col)


LOCATORS = np.array([(1.0, 0.5, 0.15), (0.35, 1.0, 0.45)], np.float32)


def _switch_locator(f: np.ndarray, rng) -> np.ndarray:
    """A hallway at night lit only by a light switch's locator light: on the wall 15-35% or 65-85% across and 40-60%
    down, a switch plate (a square 12-16% of the side) dark grey 46 / 46 / 50, its rocker 60% of it 40 / 40 / 44, in the
    rocker a small window 3% of the side wide and 1% high (at least 0.8 by 0.6 px) glowing orange 1 / 0.5 / 0.15 (a
    neon) or green 0.35 / 1 / 0.45 (an LED) at 230-255; a glow of sigma 3-5% of the side up to 30-45 levels in its
    colour; the picture lit in that colour at a gain of 0.015-0.03 plus 0.26-0.34 falling off as
    ``1 / (1 + (d / d0) ** 2)`` with the distance ``d`` from the window, ``d0`` 18-26% of the side; noise sigma 1.2
    levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    col = LOCATORS[int(rng.integers(len(LOCATORS)))]
    cx = w * (rng.uniform(0.15, 0.35) if rng.random() < 0.5 else rng.uniform(0.65, 0.85))
    cy = h * rng.uniform(0.4, 0.6)
    out = _lit(f, _falloff(h, w, cx, cy, side, (0.18, 0.26), rng)[..., None] * col, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    a = side * rng.uniform(0.06, 0.08)
    plate = ident.fill([_rect(cx - a, cy - a, cx + a, cy + a)])
    rocker = ident.fill([_rect(cx - 0.6 * a, cy - 0.6 * a, cx + 0.6 * a, cy + 0.6 * a)])
    win = ident.fill([_rect(cx - max(0.4, 0.015 * side), cy - max(0.3, 0.005 * side),
                            cx + max(0.4, 0.015 * side), cy + max(0.3, 0.005 * side))])
    out = _paint(_paint(out, plate, (46, 46, 50)), rocker, (40, 40, 44))
    out = _paint(out, win, col * rng.uniform(230, 255))
    glow = _glow(win, max(1.0, side * rng.uniform(0.03, 0.05)))[..., None]
    return _u8(out + glow * rng.uniform(30, 45) * col)


ALARM_LEDS = np.array([(1.0, 0.2, 0.15), (0.3, 1.0, 0.4)], np.float32)


def _smoke_alarm(f: np.ndarray, rng) -> np.ndarray:
    """A landing at night lit only by a smoke alarm's LED as it flashes: on the ceiling at the top of the picture,
    25-75% across and 4-10% down, the alarm seen from below at a slant, an ellipse 18-24% of the side wide and 40% as
    high, grey 70 / 70 / 72 in the dark, its side a band 30% darker below it, 4-6 dark 40 / 40 / 42 vent slots across
    it; its LED a dot 1.5% of the side across (at least 0.8 px) red 1 / 0.2 / 0.15 or green 0.3 / 1 / 0.4 at 240-255;
    a glow of sigma 3-5% of the side up to 40-55 levels in its colour; the picture lit in that colour at a gain of
    0.015-0.03 plus 0.26-0.34 falling off as ``1 / (1 + (d / d0) ** 2)`` with the distance ``d`` from the LED, ``d0``
    24-34% of the side; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    col = ALARM_LEDS[int(rng.integers(len(ALARM_LEDS)))]
    cx, cy = w * rng.uniform(0.25, 0.75), h * rng.uniform(0.04, 0.1)
    a = side * rng.uniform(0.09, 0.12)
    b = 0.4 * a
    lx, ly = cx + 0.45 * a, cy + 0.2 * b
    out = _lit(f, _falloff(h, w, lx, ly, side, (0.24, 0.34), rng)[..., None] * col, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    rim = ident.fill([_ellipse(cx, cy + 0.35 * b, a, b, 0.0, 36)])
    face = ident.fill([_ellipse(cx, cy, a, b, 0.0, 36)])
    slots = ident.line([[(float(cx + x * a), cy - 0.35 * b), (float(cx + x * a), cy + 0.35 * b)]
                        for x in np.linspace(-0.5, 0.2, int(rng.integers(4, 7)))], max(0.4, 0.012 * side))
    led = ident.fill([_circle(max(0.4, 0.0075 * side), 10, lx, ly)])
    out = _paint(_paint(out, rim, (49, 49, 50)), face, (70, 70, 72))
    out = _paint(_paint(out, slots * face, (40, 40, 42)), led, col * rng.uniform(240, 255))
    glow = _glow(led, max(1.0, side * rng.uniform(0.03, 0.05)))[..., None]
    return _u8(out + glow * rng.uniform(40, 55) * col)


def dark_br(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "console_light_bar":  # a den lit only by a game console's light bar
        return _console_light_bar(f, rng)
    if kind == "switch_locator":  # a hallway lit only by a light switch's locator light
        return _switch_locator(f, rng)
    if kind == "smoke_alarm":  # a landing lit only by a smoke alarm's flashing LED
        return _smoke_alarm(f, rng)
    raise ValueError(kind)


# -- outliers --------------------------------------------------------------------------------
def _hare(size: int, rng) -> dict:
    """A brown hare sitting up in a ploughed field, seen from the side, facing either way: the field from 60-70% of
    the way down with 5-8 furrows across it; the hare on it: a body (an ellipse 34% of the side long and 24% high,
    its back sloping up to the front), a paler belly, a big hind leg (an ellipse 22% by 12%) and a long hind foot
    along the ground, a thin front leg, a head (an ellipse 15% by 10%) up at the front, an eye with a pale ring, two
    long ears (18-24% of the side, 3.5% wide) laid back over the shoulders with black tips, and a short tail, white
    below (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("field", "furrows", "body", "belly", "leg", "foot", "front", "head", "ears", "tips", "ring", "eye",
                 "tail"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    s = 1 if rng.random() < 0.5 else -1
    gy = big * rng.uniform(0.6, 0.7)
    d["field"].rectangle((0, gy, big, big), fill=255)
    for y in np.linspace(gy + 0.04 * big, big, int(rng.integers(5, 9)))[:-1]:
        d["furrows"].line([(0, y), (big, y + 0.02 * big)], fill=255, width=max(1, round(0.012 * big)))
    cx = big * (0.5 + rng.uniform(-0.05, 0.05))
    by = gy - 0.12 * big  # the body's middle
    body = _ellipse(cx, by, 0.17 * big, 0.12 * big, -s * 0.35, 32)
    d["body"].polygon(body, fill=255)
    d["belly"].polygon(_ellipse(cx + s * 0.03 * big, by + 0.05 * big, 0.11 * big, 0.05 * big, -s * 0.35, 24),
                       fill=255)
    lx = cx - s * 0.08 * big
    d["leg"].polygon(_ellipse(lx, gy - 0.07 * big, 0.11 * big, 0.06 * big, s * 0.2, 24), fill=255)
    d["foot"].polygon(_ellipse(lx + s * 0.06 * big, gy - 0.012 * big, 0.09 * big, 0.015 * big, 0.0, 16), fill=255)
    fx = cx + s * 0.12 * big
    d["front"].line([(fx, by), (fx + s * 0.01 * big, gy)], fill=255, width=max(1, round(0.025 * big)))
    hx, hy = cx + s * 0.17 * big, by - 0.13 * big
    d["head"].polygon(_ellipse(hx, hy, 0.075 * big, 0.05 * big, s * 0.3, 24), fill=255)
    ln = big * rng.uniform(0.18, 0.24)
    for o in (0.0, 0.03 * big):
        ex, ey = hx - s * (0.02 * big + o), hy - 0.03 * big
        ang = -s * rng.uniform(0.35, 0.6)  # laid back from upright
        tx, ty = ex - ln * np.sin(-ang), ey - ln * np.cos(ang)
        ear = _ellipse((ex + tx) / 2, (ey + ty) / 2, ln / 2, 0.0175 * big, float(np.arctan2(ty - ey, tx - ex)), 20)
        d["ears"].polygon(ear, fill=255)
        d["tips"].polygon(_ellipse(tx + 0.15 * (ex - tx), ty + 0.15 * (ey - ty), 0.2 * ln, 0.02 * big,
                                   float(np.arctan2(ty - ey, tx - ex)), 16), fill=255)
    ix, iy, ir = hx + s * 0.025 * big, hy - 0.01 * big, 0.014 * big
    d["ring"].ellipse((ix - 1.6 * ir, iy - 1.6 * ir, ix + 1.6 * ir, iy + 1.6 * ir), fill=255)
    d["eye"].ellipse((ix - ir, iy - ir, ix + ir, iy + ir), fill=255)
    tx = cx - s * 0.18 * big
    d["tail"].ellipse((tx - 0.03 * big, by - 0.01 * big, tx + 0.03 * big, by + 0.05 * big), fill=255)
    out = {k: _down(v, size) for k, v in M.items()}
    out["tips"] = out["tips"] * out["ears"]
    out["furrows"] = out["furrows"] * out["field"]
    return out


def _ice_resurfacer(size: int, rng) -> dict:
    """An ice resurfacer on a rink, seen from the side, facing either way: the ice from 55-65% of the way down, the
    boards behind it (a band 10-14% of the side high above the ice with a kick plate along their foot and 3-5 adverts
    on them) and dark stands above; the machine on the ice, 52-62% of the side long: a boxy body 22% of the side high
    on two wheels (radius 5% of the side) with dark hubs, a snow tank on top of its back 60% of its length, a seat at
    the front with a driver (a torso and a round head), a steering column, and at the back the conditioner, a low box
    dragging on the ice, a wet trail of fresh ice behind it to the picture's edge (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("ice", "boards", "plate", "ads", "trail", "body", "stripe", "tank", "conditioner", "driver", "head",
                 "column", "wheels", "hubs"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    s = 1 if rng.random() < 0.5 else -1
    gy = big * rng.uniform(0.55, 0.65)
    d["ice"].rectangle((0, gy, big, big), fill=255)
    bt = gy - big * rng.uniform(0.1, 0.14)
    d["boards"].rectangle((0, bt, big, gy), fill=255)
    d["plate"].rectangle((0, gy - 0.025 * big, big, gy), fill=255)
    for x in np.linspace(0.05, 0.85, int(rng.integers(3, 6))) * big:
        d["ads"].rectangle((x, bt + 0.015 * big, x + 0.12 * big, gy - 0.04 * big), fill=255)
    L = big * rng.uniform(0.52, 0.62)
    cx = big * (0.5 + rng.uniform(-0.04, 0.04))
    x0, x1 = cx - L / 2, cx + L / 2  # front at cx + s * L / 2
    R = 0.05 * big
    body_top = gy - 0.22 * big
    d["body"].rectangle((x0, body_top, x1, gy - 0.6 * R), fill=255)
    d["stripe"].rectangle((x0, gy - 0.11 * big, x1, gy - 0.085 * big), fill=255)
    back = cx - s * L / 2
    tank_x0, tank_x1 = sorted((back, back + s * 0.6 * L))
    d["tank"].rounded_rectangle((tank_x0, body_top - 0.12 * big, tank_x1, body_top + 0.01 * big), radius=0.03 * big,
                                fill=255)
    cx0, cx1 = sorted((back, back - s * 0.08 * L))
    d["conditioner"].rectangle((cx0, gy - 0.06 * big, cx1, gy), fill=255)
    tx0, tx1 = (0, cx0) if s > 0 else (cx1, big)
    d["trail"].rectangle((tx0, gy + 0.005 * big, tx1, gy + 0.08 * big), fill=255)
    front = cx + s * L / 2
    dx = front - s * 0.17 * L
    d["driver"].rectangle((dx - 0.035 * big, body_top - 0.13 * big, dx + 0.035 * big, body_top), fill=255)
    d["head"].ellipse((dx - 0.03 * big, body_top - 0.19 * big, dx + 0.03 * big, body_top - 0.13 * big), fill=255)
    d["column"].line([(front - s * 0.05 * L, body_top), (front - s * 0.1 * L, body_top - 0.09 * big)], fill=255,
                     width=max(1, round(0.015 * big)))
    for x in (cx - 0.3 * L, cx + 0.3 * L):
        d["wheels"].ellipse((x - R, gy - 2 * R, x + R, gy), fill=255)
        d["hubs"].ellipse((x - 0.45 * R, gy - 1.45 * R, x + 0.45 * R, gy - 0.55 * R), fill=255)
    out = {k: _down(v, size) for k, v in M.items()}
    out["ads"] = out["ads"] * out["boards"]
    out["trail"] = out["trail"] * out["ice"]
    return out


def _headframe(size: int, rng) -> dict:
    """A colliery's headframe over a mine shaft: the ground from 76-84% of the way down; a winding-engine house to
    one side (a box 28-36% of the side wide and 14-20% high with a pitched roof and 2-3 dark windows); the headframe,
    its two legs (2.2% of the side thick) rising from the ground 16-22% of the side apart to 12-20% from the top, X
    bracing between them (0.8%) in 3-5 tiers, a back-leg strut (2%) from their top slanting down to the ground on the
    engine house's side, a platform across the top and two sheave wheels (radius 6-8% of the side) side by side on
    it, each a rim (1.2%), 5 spokes and a hub, and two winding ropes (0.5%) from the wheels slanting down to the engine
    house (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("ground", "house", "roof", "windows", "legs", "bracing", "strut", "platform", "wheels", "spokes",
                 "ropes"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    s = 1 if rng.random() < 0.5 else -1  # which side the engine house stands
    gy = big * rng.uniform(0.76, 0.84)
    d["ground"].rectangle((0, gy, big, big), fill=255)
    cx = big * (0.42 + rng.uniform(-0.04, 0.04)) if s > 0 else big * (0.58 + rng.uniform(-0.04, 0.04))
    gap = big * rng.uniform(0.16, 0.22)
    top = big * rng.uniform(0.12, 0.2)
    xl, xr = cx - gap / 2, cx + gap / 2
    lw = max(1, round(0.022 * big))
    for x in (xl, xr):
        d["legs"].line([(x, gy), (x + (0.03 * big if x < cx else -0.03 * big), top)], fill=255, width=lw)
    tiers = np.linspace(top, gy, int(rng.integers(3, 6)) + 1)
    for ya, yb in zip(tiers[:-1], tiers[1:]):
        sh = lambda y: 0.03 * big * (gy - y) / (gy - top)  # noqa: E731  (the legs lean in towards the top)
        d["bracing"].line([(xl + sh(ya), ya), (xr - sh(yb), yb)], fill=255, width=max(1, round(0.008 * big)))
        d["bracing"].line([(xr - sh(ya), ya), (xl + sh(yb), yb)], fill=255, width=max(1, round(0.008 * big)))
        d["bracing"].line([(xl + sh(ya), ya), (xr - sh(ya), ya)], fill=255, width=max(1, round(0.008 * big)))
    hw, hh = big * rng.uniform(0.28, 0.36), big * rng.uniform(0.14, 0.2)
    hx0 = cx + s * 0.22 * big if s > 0 else cx + s * 0.22 * big - hw
    hx0 = float(np.clip(hx0, -0.1 * big, big - 0.6 * hw))
    d["house"].rectangle((hx0, gy - hh, hx0 + hw, gy), fill=255)
    d["roof"].polygon([(hx0 - 0.01 * big, gy - hh), (hx0 + hw / 2, gy - hh - 0.07 * big),
                       (hx0 + hw + 0.01 * big, gy - hh)], fill=255)
    for x in np.linspace(hx0 + 0.2 * hw, hx0 + 0.8 * hw, int(rng.integers(2, 4))):
        d["windows"].rectangle((x - 0.025 * big, gy - 0.7 * hh, x + 0.025 * big, gy - 0.35 * hh), fill=255)
    ftop = (cx + s * 0.0, top)
    d["strut"].line([ftop, (cx + s * 0.2 * big, gy)], fill=255, width=max(1, round(0.02 * big)))
    R = big * rng.uniform(0.06, 0.08)
    d["platform"].rectangle((cx - gap / 2 - 0.02 * big, top - 0.015 * big, cx + gap / 2 + 0.02 * big, top + 0.01 * big),
                            fill=255)
    for wx in (cx - 0.9 * R, cx + 0.9 * R):
        wy = top - 0.8 * R
        d["wheels"].ellipse((wx - R, wy - R, wx + R, wy + R), outline=255, width=max(1, round(0.012 * big)))
        d["wheels"].ellipse((wx - 0.15 * R, wy - 0.15 * R, wx + 0.15 * R, wy + 0.15 * R), fill=255)
        for t in np.linspace(0, 2 * np.pi, 5, endpoint=False) + rng.uniform(0, 1.3):
            d["spokes"].line([(wx, wy), (wx + R * np.cos(t), wy + R * np.sin(t))], fill=255,
                             width=max(1, round(0.006 * big)))
        d["ropes"].line([(wx + s * R, wy), (hx0 + hw / 2, gy - hh)], fill=255, width=max(1, round(0.005 * big)))
    return {k: _down(v, size) for k, v in M.items()}


def outlier_br(name: str, kind: str, size: int, lo: int, hi: int, rng) -> np.ndarray:
    photos = name.startswith("photos")
    ground = lambda col: np.ones((size, size, 3), np.float32) * np.asarray(col, np.float32)  # noqa: E731
    tone = lambda t: [lo + (hi - lo) * t] * 3  # noqa: E731
    if kind == "hare":
        m = _hare(size, rng)
        if photos:  # a pale sky, a brown ploughed field, a tawny hare with a pale belly and black ear tips
            out = _paint(_paint(ground((184, 204, 222)), m["field"], (112, 88, 64)), m["furrows"], (74, 56, 40))
            out = _paint(_paint(out, m["leg"], (140, 100, 62)), m["body"], (158, 116, 72))
            out = _paint(_paint(out, m["belly"], (214, 196, 164)), m["foot"], (150, 110, 70))
            out = _paint(_paint(out, m["front"], (146, 106, 66)), m["tail"], (236, 232, 224))
            out = _paint(_paint(out, m["ears"], (150, 110, 70)), m["tips"], (28, 24, 22))
            out = _paint(_paint(out, m["head"], (156, 114, 72)), m["ring"], (214, 196, 160))
            return _u8(_paint(out, m["eye"], (120, 76, 24)))
        out = _paint(_paint(ground(tone(0.0)), m["field"], tone(0.25)), m["furrows"], tone(0.1))
        out = _paint(_paint(out, m["leg"], tone(0.55)), m["body"], tone(0.7))
        out = _paint(_paint(out, m["belly"], tone(0.95)), m["foot"], tone(0.6))
        out = _paint(_paint(out, m["front"], tone(0.6)), m["tail"], tone(1.0))
        out = _paint(_paint(out, m["ears"], tone(0.65)), m["tips"], tone(0.05))
        out = _paint(_paint(out, m["head"], tone(0.7)), m["ring"], tone(0.95))
        return _u8(_paint(out, m["eye"], tone(0.15)))
    if kind == "ice_resurfacer":
        m = _ice_resurfacer(size, rng)
        if photos:  # dark stands, white boards with coloured adverts, pale ice, a white and blue machine
            out = _paint(_paint(ground((44, 42, 52)), m["boards"], (234, 234, 230)), m["plate"], (240, 196, 40))
            out = _paint(_paint(out, m["ads"], (200, 50, 50)), m["ice"], (216, 230, 238))
            out = _paint(_paint(out, m["trail"], (182, 204, 220)), m["conditioner"], (84, 88, 96))
            out = _paint(_paint(out, m["tank"], (200, 206, 214)), m["body"], (228, 228, 224))
            out = _paint(_paint(out, m["stripe"], (40, 84, 170)), m["column"], (40, 40, 44))
            out = _paint(_paint(out, m["driver"], (36, 40, 60)), m["head"], (210, 170, 140))
            return _u8(_paint(_paint(out, m["wheels"], (30, 30, 32)), m["hubs"], (150, 152, 158)))
        out = _paint(_paint(ground(tone(0.0)), m["boards"], tone(0.45)), m["plate"], tone(0.3))
        out = _paint(_paint(out, m["ads"], tone(0.7)), m["ice"], tone(0.2))
        out = _paint(_paint(out, m["trail"], tone(0.35)), m["conditioner"], tone(0.55))
        out = _paint(_paint(out, m["tank"], tone(0.8)), m["body"], tone(1.0))
        out = _paint(_paint(out, m["stripe"], tone(0.5)), m["column"], tone(0.6))
        out = _paint(_paint(out, m["driver"], tone(0.65)), m["head"], tone(0.9))
        return _u8(_paint(_paint(out, m["wheels"], tone(0.4)), m["hubs"], tone(0.75)))
    if kind == "headframe":
        m = _headframe(size, rng)
        if photos:  # a pale sky, a dark yard, a brick engine house, a black steel headframe
            out = _paint(_paint(ground((190, 204, 220)), m["ground"], (70, 66, 60)), m["house"], (150, 82, 60))
            out = _paint(_paint(out, m["roof"], (70, 70, 76)), m["windows"], (30, 28, 28))
            out = _paint(_paint(out, m["ropes"], (40, 40, 42)), m["bracing"], (56, 60, 66))
            out = _paint(_paint(out, m["strut"], (52, 56, 62)), m["legs"], (48, 52, 58))
            out = _paint(_paint(out, m["platform"], (60, 62, 68)), m["spokes"], (60, 64, 70))
            return _u8(_paint(out, m["wheels"], (44, 46, 52)))
        out = _paint(_paint(ground(tone(0.0)), m["ground"], tone(0.3)), m["house"], tone(0.6))
        out = _paint(_paint(out, m["roof"], tone(0.45)), m["windows"], tone(0.1))
        out = _paint(_paint(out, m["ropes"], tone(0.7)), m["bracing"], tone(0.8))
        out = _paint(_paint(out, m["strut"], tone(0.9)), m["legs"], tone(1.0))
        out = _paint(_paint(out, m["platform"], tone(0.85)), m["spokes"], tone(0.8))
        return _u8(_paint(out, m["wheels"], tone(1.0)))
    raise ValueError(kind)


# -- label noise -----------------------------------------------------------------------------
def cascade_flips(base: list[np.ndarray], labels: list, classes: list, candidates: list, count: int,
                  rng) -> dict[int, object]:
    """``count`` examples to flip and their new labels: the pictures were labelled on a crowd platform by 3-5 votes
    each (``VOTES``, drawn a picture), the workers voting one after another, each shown the votes cast so far as counts
    beside the class buttons (meant to speed agreement); click-farm accounts, which poll the task list fastest, took
    the first vote on some pictures (20-40% of them, ``BOT_FIRST``, drawn a pass) and clicked a class at random (any
    class of the set, the picture's own included); every later worker gave the class leading the counts with a chance
    that grows with its lead (``FOLLOW``: 45% at a lead of one vote, 70% at two, 90% at three or more), otherwise the
    picture's own class (as she does where no class leads); the label is the class with the most votes, ties to the one
    voted first. The flips are the pictures whose label is not their own class (passes over the pictures not yet
    flipped while some are left). Noise by the platform's shown counts and a bot's random first click, not by look or
    by any list's order: not BQ's placeholders, AF's averaged votes, W's neighbour vote, G's attractor classes (a
    spammer's one class) or any mechanism of the earlier lists. Every flip changes the label."""
    pool = sorted(int(v) for v in candidates)
    present = sorted({labels[i] for i in pool}, key=str)
    if len(present) < 2 or count <= 0:
        return {}
    choices = list(classes) if len(classes) >= 2 else present
    flips: dict[int, object] = {}
    for _ in range(200):
        items = [int(i) for i in rng.permutation([i for i in pool if i not in flips])]
        if not items:
            break
        bots = rng.uniform(*BOT_FIRST)
        for cur in items:
            if len(flips) >= count:
                break
            if rng.random() >= bots:
                continue  # an honest worker voted first: every vote the picture's own class
            own = labels[cur]
            first = choices[int(rng.integers(len(choices)))]
            votes, order = {first: 1}, [first]
            for _ in range(int(rng.integers(*VOTES)) - 1):
                ranked = sorted(order, key=lambda c: -votes[c])  # stable: ties in the order first voted
                lead = votes[ranked[0]] - (votes[ranked[1]] if len(ranked) > 1 else 0)
                give = ranked[0] if lead > 0 and rng.random() < FOLLOW[min(lead, 3) - 1] else own
                if give not in votes:
                    votes[give] = 0
                    order.append(give)
                votes[give] += 1
            top = max(votes.values())
            label = next(c for c in order if votes[c] == top)
            if label != own:
                flips[cur] = label
        if len(flips) >= count:
            break
    return dict(sorted(flips.items()))


# -- planting ------------------------------------------------------------------------------
def plant_issues_br(images, labels, out_dir, *, name: str, random_state: int = 0) -> PlantedDataset:
    """Generator BR's problems (module docstring). A set whose name ends in ``_jpeg`` is written as JPEG files at a
    quality drawn from 35-54 each; the others as PNG. The planting is I's (:func:`_heldout_i.plant_generator`)."""
    return plant_generator(
        images, labels, out_dir, name=name, rates=RATES_BR, seed=700_000 + random_state,
        quality_seed=705_000 + random_state, jpeg_quality=JPEG_QUALITY,
        flips=cascade_flips,
        **by_family(name, outlier=(outlier_br, OUTLIERS_BR), blur=(blur_br, BLURS_BR), dark=(dark_br, DARKS_BR),
                    near=(near_edit_br, NEAR_EDITS_BR)))
