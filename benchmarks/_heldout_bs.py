"""Generator BS: fresh EVALUATION sets after generator BR's run (never used to choose anything).

Why a sixty-ninth evaluation generator: generator BR's sets were written before its run and have been run once since
(after which its four sets became development data in ``dev_sweep``), so a held-out set for the code after that run is
written now, before any tool is run on it. The commit subjects since BR's generator commit (21ab77f) name one library
change: ``blurry`` measures a class of at most 4 images against its median in the typical width, not its own (66b7d72,
chosen on development sets, BR's tiles among them), so BS's run measures the library with it, and with 22b25e6 (the
calibration sampling a thirty-fifth of the readable images, not a twenty-fifth), committed before BR's generator commit
and so already in BR's run, as BR's docstring, amended in 7ce05b2, says; one benchmark commit (25720ac: BR's sets made
development data in ``dev_sweep`` after its one held-out run, and a ``--sample-divisor`` option that sets the
calibration's sample, ``compute/_synthetic.py``'s ``SAMPLE_DIVISOR``, for a sweep); docs commits (338117a: the
calibration's smaller sample and BR's one held-out run written up; 6e3ff3e: the ``blurry`` change written up) and a
review commit (a47ad22: BR's docstring rewrapped). BR's run came before this generator was written, and those subjects
carry its numbers, but BS's writer read no docs, logs, result files or commit bodies (only the commit subjects and the
earlier generators' and tuning tools' files, to copy their structure and to avoid their families); the subjects of
338117a, 66b7d72, 6e3ff3e and a47ad22, committed while BS was being written, were read only after its families were
chosen and its pictures looked at, and nothing in BS was changed for them. Nothing in BS was chosen from any result, to
aim at or away from any weakness, rule or lead a subject names: its strengths and its share of whole-picture edits are
set as BR's (and BQ's, BP's, BO's, BN's, BM's and BL's) were. Like AN's to BR's, BS's edits are not all brightly
coloured: some are stone grey, near black or translucent. Generator BS was written before any tool was run on it (only
its pictures were looked at, on contact sheets of its edits, blurs, darkenings and foreign pictures at 28, 103 and 302
px, to check that every edit is visible, every blur blurred, every darkened image dark with its picture still in it and
every outlier foreign, and the planted folders hashed twice); it is not to be changed after its results are seen. Its
edits, blurs, darkenings, foreign pictures and label noise are of families that no tuning tool (``blur_tuning.py``'s
lens blurs: Gaussian, soft disk, astigmatic elongated Gaussian, ring; ``_foreign.py``'s textures, icons and soft
photographs; ``near_photos.py``'s and ``near_small.py``'s edits; ``label_filters.py``'s and ``label_noise_models.py``'s
flips), no earlier generator (A = ``dq.datasets.plant_issues``, B, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T, U,
V, W, X, Y, Z, AA, AB, AC, AD, AE, AF, AG, AH, AI, AJ, AK, AL, AM, AN, AO, AP, AQ, AR, AS, AT, AU, AV, AW, AX, AY, AZ,
BA, BB, BC, BD, BE, BF, BG, BH, BI, BJ, BK, BL, BM, BN, BO, BP, BQ, BR) and none of the library's calibration copies
(``dataquality/compute/_synthetic.py``: crop, shift, rotate, brightness, contrast, gamma, JPEG, resize, overlay box;
Gaussian, box, motion, down-and-up blurs) make (their family names and key words were searched for in every earlier
generator, the tuning tools and ``_synthetic.py``). Like AC's to BR's it has two blur families, not three. Tiles of 302
px give 57 tiles (seed 412), so the large set is at 302 px, a size no other set uses; the small photographs are at 103
px, a size no other set uses either. Left out because an earlier generator made them or left them out (their key words
are in the earlier generators' lists): among objects on the print a tumbler (AB's, AD's, AE's and BO's lists) or BP's
salt shaker (BS's jigger is a bar's double measure, two steel cones joined at their narrow ends), a watering can (Z's)
or a hose nozzle (their lists: BS's sprinkler is an oscillating lawn sprinkler's frame and spray tube), a carabiner or a
horseshoe (their lists: BS's cleat is a boat's horn cleat with a rope belayed round it), BE's tiddlywinks or a poker
chip (AT's, AY's and BK's lists: BS's flying disc is a translucent frisbee with its rim and flight rings), a bottle cap
(BQ's list) or a tin opener (AM's list: BS's polish tin is a shoe polish tin's lid with its butterfly opener), BR's
sextant, toast rack, wind chime, glass ashtray or curling stone, BQ's ice cream scoop, garlic press, tape dispenser,
beaker or pumice, or any object, creature, sweet, snack, fruit, vegetable or plant part of the earlier lists (BR's,
their lists); of the whole picture BR's porphyry, chalk-stripe suiting or charoite, BQ's gneiss, Donegal tweed or ocean
jasper, lapis lazuli or labradorite (their lists: BS's kyanite is a pale quartz set with sprays of blue blades), denim,
canvas or oilcloth (their lists: BS's waxed cotton is a dark olive cloth whose wax cracked along its folds), BO's and
BP's damascus steel or a galvanised spangle (their lists: BS's meteorite is an etched iron meteorite's slice with its
Widmanstaetten bands), or any weave, print, stone, metal or patterned ground of the earlier lists (BR's, their lists);
among blurs BR's kombucha SCOBY or thread painting, BQ's window whiting or plasticine painting, rice paper (AC's list),
AT's flour dust in the air, agar or gelatine (their lists: BS's filo pastry is a sheet of dough laid over the print),
frosted, stippled, reeded, cut, fused or wired glass, ice, BE's gel ice pack or AL's jelly dish (their lists: BS's sugar
glass is a cast pane of candy), or any haze, veil, glass, copy or print process of the earlier lists (BR's, their
lists); among darkenings BR's game console's light bar, light switch's locator light or smoke alarm's LED, BQ's toilet
light, scooter wheels or espresso cup light, AG's valve amp or N's amp glow (BS's guitar pedal is an effects pedal's
on-LED on a floor), AZ's EV charger or a router's status lights (AF's and X's lists: BS's tool charger is a cordless
tool battery's charger on a workbench), AT's alarm clock or baby monitor (BS's shaver stand is an electric shaver's
charging gauge on a bathroom shelf), or any flame, ember, lamp, screen or glow of the earlier lists (BR's, their lists);
among foreign pictures BR's brown hare, ice resurfacer or colliery headframe, BQ's lemur, sidecar or gasholder, BI's
beaver, BG's armadillo or BF's anteater (their lists: BS's platypus is new), BE's steamroller, BG's bulldozer, a
snowmobile (AZ's) or a tractor (their lists: BS's gritter is new), AE's barn (a tornado's background), AR's bird box,
AD's lifeguard tower (a hut on stilts) or AP's grain silos (BS's staddle-stone granary is new), or any other animal,
vehicle, building or flying thing of the earlier lists (BR's, their lists); among label noise B's class -> next class
(the picture's own class moved one along), T's late class, X's sorted queue, BL's autosave lag or a spreadsheet's
fill-down (the class before carried over unchanged), L's auto-labeller (a model's pre-filled classes, by look), BQ's
placeholders (the class given most often so far in the session), BR's vote cascade, and every mechanism BR named and
BR's vote cascade (dictation, OCR, bags, hotkeys, keypads, quotas, a checkweigher, positions, clocks, a returns desk's
prices, a marketplace's category stuffing, recycled product codes, memory cards, a packing bench's label rolls, a
mistranslated list, an empty cartridge, transposed sheets, swapped digits, stale crate slips, a spreadsheet's fill-down,
collided file names, names completed as typed, tote cross-reads, shelf scans, conveyor jets, averaged votes, re-hung
swing tags, a tracker's identity switch, a cache race, rotated specimen racks, a cross-wired put wall, a timeout,
misprinted reference sheets, keyed shorthand, stock reconciliation, autosave lag, stuck prints, a batch whose class
numbers were in another order, a model's runner-up exported by an off-by-one, a taxonomy's merged classes, a
colour-blind labeller, overflow bins, packing lists, a scroll wheel, placeholders, a vote cascade).

* ``near_duplicate`` (3%), five edits in a part of the picture and three of the whole, in turn (so that the 302 px set's
  copies get both kinds): a bar's double jigger lying on its side (40-50% of the side long, at least 14 px, brushed
  steel 170 / 172 / 178, near black 38 / 38 / 42 or gold-plated 200 / 164 / 80, of the three the two whose colour
  differs most on average from the picture's where it lies, as for each object's colour below; two cones joined at
  their narrow ends, a collar at the waist, rolled rims, dark openings, 2-3 etched measure lines; shines at 35%; 30-70%
  of the way across and down, at any angle, a soft shadow at 30%), an oscillating lawn sprinkler (44-54% of the side
  long, at least 15 px, its frame green 58 / 128 / 66, stone grey 146 / 146 / 142 or near black 42 / 42 / 44 with four
  feet, an aluminium 196 / 198 / 202 spray tube with 14-20 dark nozzle holes, a drive box with a yellow dial and a brass
  hose connector; a shine at 35%; a shadow at 30%), a boat's horn cleat (44-54% of the side long, at least 15 px,
  galvanised stone grey 150 / 150 / 146, near black nylon 40 / 40 / 42 or bronze 170 / 124 / 64, its base and two bolt
  heads; a sheen at 30%; a cream, navy or red rope belayed round it in a figure of eight with its tail running off,
  its lay in darker twists; a shadow at 30%), a flying disc seen from above (30-38% of the side across, at least 11 px,
  frosted clear plastic 226 / 230 / 232 at 45%, smoked grey 96 / 98 / 106 at 70% or translucent orange 236 / 120 / 40 at
  75%; a rolled rim 15% darker, 3-4 flight rings, a printed star; a highlight at 50%; a shadow at 30%, 15% for the
  clear one) and a tin of shoe polish seen from above (30-38% of the side across, at least 11 px, its lid near black 36
  / 36 / 40, plain tin stone grey 150 / 150 / 146 or tan 190 / 146 / 84, a rolled edge 20% lighter, an embossed bead,
  a printed ring, banner with 4-6 letters and oval emblem in cream 230 / 214 / 160 or gold 206 / 170 / 70, a steel
  butterfly opener on its rim; a sheen at 30%; a shadow at 35%); of the whole picture: printed on a kyanite slab (the
  ink multiplied onto the stone, 42-54% of the way, a pale quartz 206 / 208 / 210 mottled to 176 / 180 / 184, set with
  10-18 sprays of 8-16 blue blades 10-25% of the side long and 60-150 loose ones 4-10% long, 1.2-2.4% of the side wide,
  deep blue 52 / 84 / 150 or pale blue 110 / 150 / 200 at 85%), printed on waxed cotton (42-54% of the way, a dark
  olive 62 / 68 / 50 cloth, its dye uneven by 8%, a plain weave's ripple of 5% every 0.8-1.2% of the side, the wax's
  sheen up to 10%, 6-12 pale 130 / 134 / 112 crease lines at 50-70% where the wax cracked along two fold directions)
  and printed on an etched iron meteorite's slice (42-54% of the way, Widmanstaetten bands in three sets 60 degrees
  apart, each set one domain of the slab, bands 2.5-4.5% of the side apart etched light 176 / 178 / 182 or dark 96 /
  98 / 104, bright 206 / 208 / 212 taenite lines between them, 0-2 dark troilite nodules);
* ``exact_duplicate`` (1%): byte-for-byte copies of a file under another name;
* ``blurry`` (3%): the picture seen through a sheet of filo pastry laid over it (the dough's scatter: a Gaussian of
  1.4-2.2% of the side, at least 1 px, and a tail 2.4 times as wide for 25-35%; filtered 8-12% of the way to its cream
  238 / 226 / 196 and hazed 20-30% of the way to 242 / 234 / 214, 30% more or less where the sheet is thicker or
  thinner; 2-4 pale creases; a dusting of flour) and the picture seen through a cast pane of sugar glass (its rippled
  surface displacing the picture by 0.5-1% of the side; the candy's clouding: a Gaussian of 1.5-2.5% of the side, at
  least 1 px, and a tail 2.2 times as wide for 20-30%; tinted 15-25% of the way to amber 236 / 196 / 130 and clouded
  6-10% of the way to 244 / 236 / 214, 40% more or less; 20-60 air bubbles); each as a camera metering on the
  highlights exposes it (as Y's to BR's);
* ``dark`` (2%): a rehearsal room at night lit only by a guitar effects pedal's on-LED (a dark floor from 82-90% down,
  the pedal on it 25-75% across, a dark red, blue or green box 16-22% of the side wide with 2-3 knobs, a footswitch
  and a patch cable, its LED red, blue or green at 240-255; a glow of sigma 3-5% of the side up to 40-55 levels; the
  picture lit in its colour at ``0.015-0.03 + 0.26-0.34 / (1 + (d / d0) ** 2)`` with the distance from the LED, ``d0``
  20-28% of the side), a workshop at night lit only by a cordless tool battery's charger (a dark bench top from 80-88%
  down, the charger 24-30% of the side wide 25-75% across with a battery pack seated on it in a dark yellow, teal, red
  or near black, its charge LED red or green at 240-255; a glow of sigma 3-5% up to 35-50 levels; the picture lit in
  its colour falling off as above from the LED, ``d0`` 22-30% of the side) and a bathroom shelf at night lit only by
  an electric shaver's charging gauge (a shelf edge 62-72% down, the shaver 30-36% of the side tall in its stand 25-75%
  across, a gauge of 3-5 bars of which 1 to all lit white, blue or green at 230-255; a glow of sigma 3-5% up to 35-50
  levels; the picture lit in its colour falling off as above from the gauge, ``d0`` 18-26% of the side); none of them
  blurs the picture;
* ``outlier`` (1.5%): a platypus on a riverbank (a dark bush behind, the bank from 55-65% down with 5-9 reeds, the
  stream from 72-82% down with 3-5 ripples; the platypus seen from the side: a long low body, a paler belly, a broad
  flat tail, a flat bill, an eye and two short legs with webbed feet), a road gritter (the road from 72-80% down with a
  snowy verge; the lorry 62-74% of the side long: a cab with a window and a beacon, a plough blade before it, a hopper
  with chevrons down its back, a spinner throwing a fan of grit, three wheels) and a timber granary on staddle stones
  (the grass from 74-82% down, 4-5 staddle stones with their mushroom caps, the granary 56-68% of the side wide with 6-9
  weatherboards, a door, four steps stopping short of it, a vent and a hipped roof); the digit and clothing sets get
  them in their own tones on their dark ground, the photographs as a dark brown platypus with a grey-black bill on a
  muddy bank by a brown stream under dark green bush, an orange and yellow gritter with red chevrons on a wet road with
  snowy verges under a grey winter sky, and a weathered timber granary with a red tiled roof on grey stones on grass
  under a pale sky;
* ``label`` (5%): *predictive default* flips: the pictures were labelled in runs of 25-80 (``RUN``) in a data-entry app
  that pre-selected each picture's class as the one that had most often followed the class given to the picture before
  it in the project's earlier data; those had come in the order of the studio's shooting rota (a cycle of the set's
  classes in an order drawn once), so the pre-selection is the class after the one just given, in the rota (a run's
  first picture gets none). On 40-70% of the runs (``HURRIED``, drawn a pass) a hurried labeller confirmed 15-35% of the
  pre-selections unchanged (``ACCEPT``, drawn a run), otherwise she gave the picture's own class; on the other runs
  the labeller always did. The flips are the confirmed pre-selections that are not the picture's own class (passes over
  the pictures not yet flipped while some are left). Noise by the rota and the class given just before, not by look or
  by any list's order: not B's next class, T's late class, X's sorted queue, BL's autosave lag, L's auto-labeller,
  BQ's placeholders or BR's vote cascade. Every flip changes the label, so every one is in the truth.

Each planted defect has its own source image; nothing else is planted, so only these six issue types are scored on BS's
sets. Base data are the evaluation domains drawn with seeds no other set uses: Fashion-MNIST *test* (2,000, seed 409),
MNIST (2,000, seed 410), and the evaluation photographs tiled at 103 px (24 tiles a photograph at most, seed 411) and
at 302 px (every tile, seed 412), sizes no other set uses. ``photos103_bs_jpeg`` is written as JPEG files, each at a
quality drawn from 34-53 (a stream of its own, seed ``715_000 + random_state``), every edit, blur and darkening made
before the encoding, near copies made from the decoded JPEG and saved again at their own quality, exact copies byte
copies of the file; the other sets are PNG files. Planting draws from seed ``710_000 + random_state``. The planting is
I's (:func:`_heldout_i.plant_generator`, as for J to BR).
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
from _heldout_s import _pixels, _resample
from _heldout_v import _metered
from _heldout_x import _bar, _canvas, _Frame, _laid
from PIL import ImageDraw

from dataquality.datasets import PlantedDataset

EVALUATION_BS = ("fashion_test_bs", "mnist_bs", "photos103_bs_jpeg", "photos302_bs")
# each set's base: (data, seed) or ("photos", seed, tile size, tiles per photograph quick, full)
BASES_BS = {
    "fashion_test_bs": ("fashion_test", 409),
    "mnist_bs": ("mnist", 410),
    "photos103_bs_jpeg": ("photos", 411, 103, 8, 24),
    "photos302_bs": ("photos", 412, 302, 8, 1000),
}
JPEG_QUALITY = (34, 54)  # the JPEG set's qualities: integers in [low, high)
RATES_BS = {"near_duplicate": 0.03, "exact_duplicate": 0.01, "blurry": 0.03, "dark": 0.02, "outlier": 0.015,
            "label": 0.05}
# parts of the picture and the whole picture in turn, so that the smallest set gets both kinds
NEAR_EDITS_BS = ("jigger", "kyanite", "sprinkler", "waxed_cotton", "cleat", "meteorite", "flying_disc",
                 "polish_tin")
BLURS_BS = ("filo_pastry", "sugar_glass")
DARKS_BS = ("guitar_pedal", "tool_charger", "shaver_stand")
OUTLIERS_BS = ("platypus", "gritter", "granary")
RUN = (25, 81)  # pictures labelled in a run: integers in [low, high)
HURRIED = (0.4, 0.7)  # the share of runs a hurried labeller did, drawn a pass
ACCEPT = (0.15, 0.35)  # the share of a hurried run's pre-selections confirmed unchanged, drawn a run


def load_base_bs(name: str, quick: bool = False):
    import _heldout

    return _heldout.load_generator_base(name, quick, BASES_BS, "BS")


# -- near copies -----------------------------------------------------------------------------
WHITE = (255, 255, 255)
STEEL = (178, 180, 186)


def _loop(pts: list) -> list:
    """An outline closed back to its first point, to be drawn as a line."""
    return pts + [pts[0]]

JIGGERS = ((170, 172, 178), (38, 38, 42), (200, 164, 80))


def _jigger(f: np.ndarray, rng) -> np.ndarray:
    """A bar's double jigger lying on its side on the print: 40-50% of the side long (at least 14 px), brushed steel
    170 / 172 / 178, near black 38 / 38 / 42 or gold-plated 200 / 164 / 80 (of the three the one whose colour differs
    most on average from the picture's where it lies, or the second, at random, where it differs at least 60% as much,
    as for the sprinkler's frame, the cleat and the polish tin): two cones joined at their narrow ends, the big cup
    55% of its length long from a mouth 36% of it wide to a waist 11% wide, the small one the rest, to a mouth 30%
    wide; a collar at the waist (7% of its length long and 14% wide) 20% darker; the mouths' rolled rims outlined 15%
    lighter (3.5% of its length thick, at least 0.5 px), their openings 55% darker; 2-3 measure lines etched round the
    big cup 45% darker at 80%; a shine along each cup at 35%; at any angle, its middle 30-70% of the way across and
    down, a soft shadow at 30%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(14.0, side * rng.uniform(0.4, 0.5))
    fr = _frame_at(h, w, rng)
    col = np.asarray(_standing_out(JIGGERS, f, fr, 0.5 * L, rng), np.float32)
    xw = 0.05 * L  # the waist; the big cup's mouth at -0.5 L, the small one's at 0.5 L
    big = fr.fill([[(-0.5 * L, -0.18 * L), (xw, -0.055 * L), (xw, 0.055 * L), (-0.5 * L, 0.18 * L)]])
    small = fr.fill([[(xw, -0.055 * L), (0.5 * L, -0.15 * L), (0.5 * L, 0.15 * L), (xw, 0.055 * L)]])
    collar = fr.fill([_rect(xw - 0.035 * L, -0.07 * L, xw + 0.035 * L, 0.07 * L)])
    lw = max(0.5, 0.035 * L)
    rims = fr.line([_loop(_ellipse(-0.5 * L, 0.0, 0.045 * L, 0.18 * L, 0.0, 20)),
                    _loop(_ellipse(0.5 * L, 0.0, 0.04 * L, 0.15 * L, 0.0, 20))], lw)
    mouth = fr.fill([_ellipse(-0.5 * L, 0.0, 0.03 * L, 0.15 * L, 0.0, 16),
                     _ellipse(0.5 * L, 0.0, 0.027 * L, 0.125 * L, 0.0, 16)])
    n = int(rng.integers(2, 4))
    marks = []
    for x in np.linspace(-0.38 * L, -0.14 * L, n):
        half = 0.18 * L + (0.055 * L - 0.18 * L) * (x + 0.5 * L) / (0.55 * L)
        marks.append([(float(x), float(-0.9 * half)), (float(x), float(0.9 * half))])
    etched = fr.line(marks, max(0.4, 0.012 * L))
    shine = fr.line([[(-0.45 * L, -0.1 * L), (-0.02 * L, -0.035 * L)],
                     [(0.12 * L, -0.04 * L), (0.45 * L, -0.085 * L)]], max(0.4, 0.02 * L))
    dark = col * 0.55
    parts = [(big, col, 1.0, True), (small, col, 1.0, True), (collar, col * 0.8, 1.0, True),
             (etched, dark, 0.8, False), (rims, np.minimum(col * 1.15 + 10, 255), 1.0, False),
             (mouth, col * 0.45, 1.0, False), (shine, WHITE, 0.35, False)]
    return _u8(_laid(f, parts, 0.3))


SPRINKLERS = ((58, 128, 66), (146, 146, 142), (42, 42, 44))
ALUMINIUM = np.array([196, 198, 202], np.float32)
BRASS = (184, 150, 70)


def _sprinkler(f: np.ndarray, rng) -> np.ndarray:
    """An oscillating lawn sprinkler lying on the print, seen from above: its frame a rectangle 44-54% of the side long
    (at least 15 px) and 30% of that wide, of tubing 6% of its length thick (at least 1 px), green 58 / 128 / 66, stone
    grey 146 / 146 / 142 or near black 42 / 42 / 44, four feet (8% of its length square) at its corners 20% darker; an
    aluminium 196 / 198 / 202 spray tube 72% of its length long and 7% thick (at least 1.5 px) down its middle, with
    14-20 dark 40 / 40 / 44 nozzle holes in a row at 90% (2.2% of its length across, at least 0.7 px); at one end the
    drive box (20% by 24% of its length) 15% darker with a yellow 224 / 184 / 48 dial 10% across, and a brass 184 / 150
    / 70 hose connector (14% by 6%) out of that end; a shine along the tube at 35%; at any angle, its middle 30-70% of
    the way across and down, a soft shadow at 30%: a garden sprinkler, not Z's watering can or any object of the
    earlier lists."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(15.0, side * rng.uniform(0.44, 0.54))
    fr = _frame_at(h, w, rng)
    col = np.asarray(_standing_out(SPRINKLERS, f, fr, 0.5 * L, rng), np.float32)
    hw = 0.15 * L  # half the frame's width
    lw = max(1.0, 0.06 * L)
    frame = fr.line([[(-0.5 * L, -hw), (0.5 * L, -hw), (0.5 * L, hw), (-0.5 * L, hw), (-0.5 * L, -hw)]], lw)
    feet = fr.fill([_rect(-0.5 * L - 0.02 * L, -hw - 0.05 * L, -0.5 * L + 0.06 * L, -hw + 0.03 * L),
                    _rect(-0.5 * L - 0.02 * L, hw - 0.03 * L, -0.5 * L + 0.06 * L, hw + 0.05 * L),
                    _rect(0.5 * L - 0.06 * L, -hw - 0.05 * L, 0.5 * L + 0.02 * L, -hw + 0.03 * L),
                    _rect(0.5 * L - 0.06 * L, hw - 0.03 * L, 0.5 * L + 0.02 * L, hw + 0.05 * L)])
    tube = fr.fill([_bar(-0.32 * L, 0.4 * L, max(0.75, 0.035 * L))])
    n = int(rng.integers(14, 21))
    holes = fr.fill([_circle(max(0.35, 0.011 * L), 8, float(x), 0.0) for x in np.linspace(-0.26 * L, 0.36 * L, n)])
    box = fr.fill([_rect(-0.5 * L, -0.12 * L, -0.3 * L, 0.12 * L)])
    dial = fr.fill([_circle(max(0.5, 0.05 * L), 14, -0.4 * L, 0.0)])
    hose = fr.fill([_rect(-0.62 * L, -0.03 * L, -0.48 * L, 0.03 * L)])
    shine = fr.line([[(-0.26 * L, -0.018 * L), (0.36 * L, -0.018 * L)]], max(0.3, 0.01 * L))
    parts = [(frame, col, 1.0, True), (feet, col * 0.8, 1.0, True), (hose, BRASS, 1.0, True),
             (box, col * 0.85, 1.0, True), (dial, (224, 184, 48), 1.0, False), (tube, ALUMINIUM, 1.0, True),
             (holes, (40, 40, 44), 0.9, False), (shine, WHITE, 0.35, False)]
    return _u8(_laid(f, parts, 0.3))


CLEATS = ((150, 150, 146), (40, 40, 42), (170, 124, 64))
ROPES = ((224, 212, 182), (44, 58, 110), (178, 44, 40))


def _cleat(f: np.ndarray, rng) -> np.ndarray:
    """A boat's horn cleat lying on the print with a rope belayed round it: the cleat 44-54% of the side long (at least
    15 px), 19% of that wide at its middle tapering to 10% at its horns' tips, galvanised stone grey 150 / 150 / 146,
    near black nylon 40 / 40 / 42 or bronze 170 / 124 / 64, its base (40% by 26% of its length) 15% darker, two bolt
    heads (6% of its length across) 45% darker, a sheen along it at 30%; a rope, cream 224 / 212 / 182, navy 44 / 58 /
    110 or red 178 / 44 / 40 (one at random), 4.5% of its length thick (at least 0.7 px), round it in a figure of eight
    64% of its length long and 40% wide, its tail running 70% of its length out at 17-69 degrees to either side of the
    cleat's line with a gentle wave, the rope's lay in short twists 30% darker at 60%; at any angle, its middle 30-70%
    of the way across and down, a soft shadow at 30%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(15.0, side * rng.uniform(0.44, 0.54))
    fr = _frame_at(h, w, rng)
    col = np.asarray(_standing_out(CLEATS, f, fr, 0.5 * L, rng), np.float32)
    rope = np.asarray(ROPES[int(rng.integers(len(ROPES)))], np.float32)
    u = np.linspace(-1, 1, 24)
    half = 0.05 * L + 0.045 * L * (1 - u ** 2)  # the horns taper out to their tips
    cleat = fr.fill([[(float(0.5 * L * a), float(-b)) for a, b in zip(u, half)] +
                     [(float(0.5 * L * a), float(b)) for a, b in zip(u[::-1], half[::-1])]])
    base = fr.fill([_rect(-0.2 * L, -0.13 * L, 0.2 * L, 0.13 * L)])
    bolts = fr.fill([_circle(max(0.4, 0.03 * L), 10, x, 0.0) for x in (-0.13 * L, 0.13 * L)])
    t = np.linspace(0, 2 * np.pi, 64)
    eight = [(float(0.32 * L * np.sin(v)), float(0.2 * L * np.sin(2 * v))) for v in t]
    a = rng.uniform(0.3, 1.2) * (1 if rng.random() < 0.5 else -1)
    tail = [(0.0, 0.0)] + [(float(d * np.cos(a) + 0.04 * L * np.sin(d / L * 9)), float(d * np.sin(a)))
                           for d in np.linspace(0.1 * L, 0.7 * L, 10)]
    rw = max(0.7, 0.045 * L)
    rope_m = fr.line([eight, tail], rw)
    lay = fr.line([[(float(x - 0.02 * L), float(y - 0.02 * L)), (float(x + 0.02 * L), float(y + 0.02 * L))]
                   for x, y in eight[::2] + tail[1:]], max(0.3, 0.015 * L))
    sheen = fr.line([[(-0.42 * L, -0.04 * L), (0.42 * L, -0.04 * L)]], max(0.3, 0.015 * L))
    parts = [(base, col * 0.85, 1.0, True), (cleat, col, 1.0, True), (bolts, col * 0.55, 1.0, False),
             (sheen, WHITE, 0.3, False), (rope_m, rope, 1.0, True), (lay * rope_m, rope * 0.7, 0.6, False)]
    return _u8(_laid(f, parts, 0.3))


# plastic, opacity
DISCS = (((226, 230, 232), 0.45), ((96, 98, 106), 0.7), ((236, 120, 40), 0.75))


def _flying_disc(f: np.ndarray, rng) -> np.ndarray:
    """A flying disc (a frisbee) lying on the print, seen from above: 30-38% of the side across (at least 11 px),
    frosted clear plastic 226 / 230 / 232 at 45% (the print showing through), smoked grey 96 / 98 / 106 at 70% or
    translucent orange 236 / 120 / 40 at 75% (one at random); its rolled rim (the outer 12% of its radius) 15% darker at
    15% more, 3-4 flight rings at 55-80% of its radius (2.5% of it thick, at least 0.4 px) 10% darker at 10% more; a
    printed five-pointed star reaching 24% of its radius out, navy 40 / 60 / 140 on the clear one, white 246 / 246 /
    242 on the others, at 60%; a highlight arc at 50%; at any angle, its middle 30-70% of the way across and down, a
    soft shadow at 30% (15% for the clear one): a thrown toy's disc, not BE's tiddlywinks, a poker chip or any object of
    the earlier lists."""
    h, w = f.shape[:2]
    side = min(h, w)
    R = max(5.5, side * rng.uniform(0.15, 0.19))
    fr = _frame_at(h, w, rng)
    plastic, alpha = DISCS[int(rng.integers(len(DISCS)))]
    plastic = np.asarray(plastic, np.float32)
    body = fr.fill([_circle(R, 40)])
    rim = fr.fill([_circle(R, 40)], holes=[_circle(0.88 * R, 40)])
    rings = fr.line([_loop(_circle(r * R, 36)) for r in np.linspace(0.55, 0.8, int(rng.integers(3, 5)))],
                    max(0.4, 0.025 * R))
    star = [(float(0.24 * R * (1 if k % 2 == 0 else 0.42) * np.cos(np.pi / 2 + k * np.pi / 5)),
             float(-0.24 * R * (1 if k % 2 == 0 else 0.42) * np.sin(np.pi / 2 + k * np.pi / 5))) for k in range(10)]
    logo = fr.fill([star])
    ink = (40, 60, 140) if alpha < 0.5 else (246, 246, 242)
    shine = fr.line([[(float(0.8 * R * np.cos(v)), float(0.8 * R * np.sin(v))) for v in np.linspace(3.6, 4.6, 8)]],
                    max(0.5, 0.06 * R))
    parts = [(body, plastic, alpha, True), (rim, plastic * 0.85, min(1.0, alpha + 0.15), False),
             (rings, plastic * 0.9, min(1.0, alpha + 0.1), False), (logo, ink, 0.6, False),
             (shine, WHITE, 0.5, False)]
    return _u8(_laid(f, parts, 0.3 if alpha > 0.5 else 0.15))


TINS = ((36, 36, 40), (150, 150, 146), (190, 146, 84))
PRINTS = ((230, 214, 160), (206, 170, 70))


def _polish_tin(f: np.ndarray, rng) -> np.ndarray:
    """A round tin of shoe polish lying on the print, seen from above: 30-38% of the side across (at least 11 px), its
    lid near black 36 / 36 / 40, plain tin stone grey 150 / 150 / 146 or tan 190 / 146 / 84, its rolled edge (the outer
    8% of its radius) 20% lighter, an embossed bead at 84% of its radius 20% darker at 90%; printed in cream 230 / 214 /
    160 or gold 206 / 170 / 70 (one at random) a ring at 74% of its radius, a banner across its middle (124% of its
    radius long and 26% high) with 4-6 letters in the lid's colour 40% darker and an oval emblem above it (40% by 26% of
    its radius); a steel 178 / 180 / 186 butterfly opener on its rim (a wing reaching 28% of its radius out, 24% wide
    narrowing to 18%) on a grey 90 / 90 / 96 pivot; a sheen at 30%; at any angle, its middle 30-70% of the way across
    and down, a soft shadow at 35%."""
    h, w = f.shape[:2]
    side = min(h, w)
    R = max(5.5, side * rng.uniform(0.15, 0.19))
    fr = _frame_at(h, w, rng)
    col = np.asarray(_standing_out(TINS, f, fr, R, rng), np.float32)
    ink = np.asarray(PRINTS[int(rng.integers(len(PRINTS)))], np.float32)
    lid = fr.fill([_circle(R, 40)])
    edge = fr.fill([_circle(R, 40)], holes=[_circle(0.92 * R, 40)])
    bead = fr.line([_loop(_circle(0.84 * R, 36))], max(0.4, 0.03 * R))
    ring = fr.line([_loop(_circle(0.74 * R, 36))], max(0.4, 0.04 * R))
    banner = fr.fill([_rect(-0.62 * R, -0.13 * R, 0.62 * R, 0.13 * R)])
    n = int(rng.integers(4, 7))
    letters = fr.fill([_rect(float(x) - 0.05 * R, -0.08 * R, float(x) + 0.05 * R, 0.08 * R)
                       for x in np.linspace(-0.45 * R, 0.45 * R, n)])
    emblem = fr.fill([_ellipse(0.0, -0.42 * R, 0.2 * R, 0.13 * R, 0.0, 20)])
    a = rng.uniform(0, 2 * np.pi)
    c, s = np.cos(a), np.sin(a)
    wing = [(float(R * c - 0.12 * R * s * k), float(R * s + 0.12 * R * c * k)) for k in (-1, 1)]
    tip = [(float(1.28 * R * c + 0.09 * R * s * k), float(1.28 * R * s - 0.09 * R * c * k)) for k in (1, -1)]
    opener = fr.fill([wing + tip])
    pivot = fr.fill([_circle(max(0.35, 0.06 * R), 10, float(0.98 * R * c), float(0.98 * R * s))])
    sheen = fr.line([[(float(0.88 * R * np.cos(v)), float(0.88 * R * np.sin(v))) for v in np.linspace(3.5, 4.6, 8)]],
                    max(0.5, 0.05 * R))
    parts = [(lid, col, 1.0, True), (edge, np.minimum(col * 1.2 + 12, 255), 1.0, False),
             (bead, col * 0.8, 0.9, False), (ring, ink, 1.0, False), (banner, ink, 1.0, False),
             (letters, col * 0.6, 1.0, False), (emblem, ink, 1.0, False), (opener, STEEL, 1.0, True),
             (pivot, (90, 90, 96), 1.0, False),
             (sheen, WHITE, 0.3, False)]
    return _u8(_laid(f, parts, 0.35))


QUARTZ = np.array([(206, 208, 210), (176, 180, 184)], np.float32)
KYANITE = np.array([(52, 84, 150), (110, 150, 200)], np.float32)


def _kyanite(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on a polished kyanite slab: the ink multiplied onto the stone, 42-54% of the way from the
    picture (35% of its tone added at that share); a pale quartz 206 / 208 / 210 mottled to 176 / 180 / 184 (a field of
    8% of the side), set with blue kyanite blades, deep blue 52 / 84 / 150 or pale blue 110 / 150 / 200 (blade by blade
    at random) at 85%: 10-18 sprays, each of 8-16 blades fanned over 30-70 degrees from a point anywhere up to 10% of
    the side outside the picture, 10-25% of the side long, and 60-150 loose blades 4-10% long at any angle, every blade
    1.2-2.4% of the side wide (at least 0.7 px) narrowing to two thirds of that at its tip: a stone of bladed sprays,
    not BR's porphyry, lapis lazuli, BN's labradorite or any stone or ground of the earlier lists."""
    h, w = f.shape[:2]
    side = min(h, w)
    mot = np.clip(0.5 + 0.35 * _field(h, w, side * 0.08, rng), 0, 1)
    ground = QUARTZ[0] + (QUARTZ[1] - QUARTZ[0]) * mot[..., None]
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    blades = [[], []]
    lw = lambda: max(0.7, side * rng.uniform(0.012, 0.024))  # noqa: E731  (a blade's width)

    def blade(x, y, ang, ln, wd):
        c, s = np.cos(ang), np.sin(ang)
        return [(float(x - s * wd / 2), float(y + c * wd / 2)),
                (float(x + c * ln - s * wd / 3), float(y + s * ln + c * wd / 3)),
                (float(x + c * ln + s * wd / 3), float(y + s * ln - c * wd / 3)),
                (float(x + s * wd / 2), float(y - c * wd / 2))]

    for _ in range(int(rng.integers(10, 19))):
        x, y = rng.uniform(-0.1, 1.1) * w, rng.uniform(-0.1, 1.1) * h
        a0, fan = rng.uniform(0, 2 * np.pi), np.deg2rad(rng.uniform(30, 70))
        for ang in a0 + np.linspace(-fan / 2, fan / 2, int(rng.integers(8, 17))):
            blades[int(rng.integers(2))].append(blade(x, y, ang, side * rng.uniform(0.1, 0.25), lw()))
    for _ in range(int(rng.integers(60, 151))):
        blades[int(rng.integers(2))].append(blade(rng.uniform(0, w), rng.uniform(0, h), rng.uniform(0, 2 * np.pi),
                                                  side * rng.uniform(0.04, 0.1), lw()))
    for c, polys in enumerate(blades):
        if polys:
            ground = _paint(ground, ident.fill(polys) * 0.85, KYANITE[c])
    return _u8(_ground_print(f, ground, rng.uniform(0.42, 0.54), 0.35))


WAXED = np.array([62, 68, 50], np.float32)
CRACKED_WAX = np.array([130, 134, 112], np.float32)


def _waxed_cotton(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on waxed cotton: the ink multiplied onto the cloth, 42-54% of the way from the picture (35%
    of its tone added at that share); a dark olive 62 / 68 / 50 cotton, its dye uneven by 8% (a field of 10% of the
    side), a plain weave's ripple of 5% every 0.8-1.2% of the side (at least 1.5 px) both ways, the wax's sheen up to
    10% brighter where a field of 5% of the side is high; 6-12 creases where the wax cracked along the cloth's folds,
    pale 130 / 134 / 112 at 50-70%, 0.5-1% of the side wide (at least 0.5 px) and 30-90% of it long, gently wavy, along
    two fold directions drawn a picture (each crease turned by a spread of 9 degrees); drawn at 3 times the size and
    averaged: a waxed jacket's cloth, not BR's chalk-stripe suiting, denim, canvas, oilcloth or any cloth or ground of
    the earlier lists."""
    h, w = f.shape[:2]
    side = min(h, w)
    s = 3
    yy, xx = _fine(h, w, s)
    up = lambda m: np.kron(m, np.ones((s, s)))  # noqa: E731
    dye = 1 + 0.08 * np.tanh(up(_field(h, w, 0.1 * side, rng)))
    p = max(1.5, side * rng.uniform(0.008, 0.012))
    weave = 0.5 * (np.sin(2 * np.pi * xx / p) * np.sin(2 * np.pi * yy / p) + 1)
    sheen = np.clip(up(_field(h, w, 0.05 * side, rng)) - 0.3, 0, None)
    ground = WAXED * (dye * (1 + 0.05 * (weave - 0.5)) * (1 + 0.1 * np.tanh(sheen)))[..., None]
    ident = _Frame((h * s, w * s), 0.0, 0.0, 0.0)
    folds = rng.uniform(0, np.pi, 2)
    creases = []
    for _ in range(int(rng.integers(6, 13))):
        a = folds[int(rng.integers(2))] + rng.normal(0, 0.15)
        x, y = rng.uniform(0, w * s), rng.uniform(0, h * s)
        ln = side * s * rng.uniform(0.3, 0.9)
        pts = [(float(x + t * ln * np.cos(a) + 0.02 * side * s * np.sin(3 * t + a)),
                float(y + t * ln * np.sin(a) + 0.02 * side * s * np.cos(4 * t))) for t in np.linspace(-0.5, 0.5, 12)]
        creases.append(pts)
    m = ident.line(creases, max(1.5, side * s * rng.uniform(0.005, 0.01)))
    ground = _paint(ground, m * rng.uniform(0.5, 0.7), CRACKED_WAX)
    ground = ground.reshape(h, s, w, s, 3).mean(axis=(1, 3))
    return _u8(_ground_print(f, ground, rng.uniform(0.42, 0.54), 0.35))


KAMACITE = np.array([(176, 178, 182), (96, 98, 104)], np.float32)
TAENITE = np.array([206, 208, 212], np.float32)
TROILITE = np.array([60, 56, 52], np.float32)


def _meteorite(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on an etched iron meteorite's slice (an octahedrite): the ink multiplied onto the metal,
    42-54% of the way from the picture (35% of its tone added at that share); its Widmanstaetten pattern, three sets of
    kamacite bands 60 degrees apart (each turned by a spread of 3 degrees), each set filling one domain of the slice
    (where the first, second or third of three smooth fields of 12% of the side is the largest), bands 2.5-4.5% of the
    side apart (at least 2.5 px) etched light 176 / 178 / 182 or dark 96 / 98 / 104 (band by band at random), bright
    taenite 206 / 208 / 212 lines 0.4-0.7% of the side wide (at least 0.5 px) between them; a polish's sheen of 4% (a
    field of 20% of the side); 0-2 dark troilite nodules 60 / 56 / 52 (ellipses 8-16% by 5-10% of the side) with a
    taenite rim; drawn at 2 times the size and averaged: a meteorite's crossed bands, not BO's and BP's damascus steel,
    a galvanised spangle or any metal or ground of the earlier lists."""
    h, w = f.shape[:2]
    side = min(h, w)
    s = 2
    yy, xx = _fine(h, w, s)
    up = lambda m: np.kron(m, np.ones((s, s)))  # noqa: E731
    dom = np.argmax(np.stack([up(_field(h, w, 0.12 * side, rng)) for _ in range(3)]), axis=0)
    a0 = rng.uniform(0, np.pi)
    ground = np.zeros((h * s, w * s, 3), np.float32)
    for k in range(3):
        a = a0 + k * np.pi / 3 + rng.normal(0, 0.05)
        u = xx * np.cos(a) + yy * np.sin(a)
        gap = max(2.5, side * rng.uniform(0.025, 0.045))
        v = u / gap + rng.uniform(0, 1)
        idx = np.floor(v).astype(np.int64)
        shade = rng.random(int(idx.max() - idx.min() + 1)) < 0.5
        tone = np.where(shade[idx - idx.min()][..., None], KAMACITE[0], KAMACITE[1])
        line = np.abs(v - np.round(v)) * gap < max(0.25, side * rng.uniform(0.002, 0.0035))
        tone = np.where(line[..., None], TAENITE, tone)
        ground = np.where((dom == k)[..., None], tone, ground)
    ground = ground * (1 + 0.04 * np.tanh(up(_field(h, w, 0.2 * side, rng))))[..., None]
    ground = ground.reshape(h, s, w, s, 3).mean(axis=(1, 3))
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    for _ in range(int(rng.integers(0, 3))):
        x, y = rng.uniform(0, w), rng.uniform(0, h)
        ra, rb = side * rng.uniform(0.04, 0.08), side * rng.uniform(0.025, 0.05)
        ang = rng.uniform(0, np.pi)
        rim = ident.line([_loop(_ellipse(x, y, ra * 1.08, rb * 1.12, ang, 24))], max(0.5, 0.006 * side))
        ground = _paint(ground, rim, TAENITE)
        ground = _paint(ground, ident.fill([_ellipse(x, y, ra, rb, ang, 24)]), TROILITE)
    return _u8(_ground_print(f, ground, rng.uniform(0.42, 0.54), 0.35))


def near_edit_bs(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "jigger":  # a bar jigger on the print
        return _jigger(f, rng)
    if kind == "sprinkler":  # an oscillating lawn sprinkler on the print
        return _sprinkler(f, rng)
    if kind == "cleat":  # a boat's cleat with its rope on the print
        return _cleat(f, rng)
    if kind == "flying_disc":  # a translucent flying disc on the print
        return _flying_disc(f, rng)
    if kind == "polish_tin":  # a tin of shoe polish on the print
        return _polish_tin(f, rng)
    if kind == "kyanite":  # the picture printed on a kyanite slab
        return _kyanite(f, rng)
    if kind == "waxed_cotton":  # the picture printed on waxed cotton
        return _waxed_cotton(f, rng)
    if kind == "meteorite":  # the picture printed on an etched iron meteorite slice
        return _meteorite(f, rng)
    raise ValueError(kind)


# -- blurs -----------------------------------------------------------------------------------
FILO = np.array([238, 226, 196], np.float32)
FILO_HAZE = np.array([242, 234, 214], np.float32)
FLOUR = np.array([250, 248, 244], np.float32)


def _filo_pastry(f: np.ndarray, rng) -> np.ndarray:
    """The picture seen through a sheet of filo pastry laid flat over it, lit from the front: the dough scatters the
    light, a Gaussian of 1.4-2.2% of the side (at least 1 px) and a tail 2.4 times as wide for 25-35%; it filters the
    picture 8-12% of the way to its cream 238 / 226 / 196 and hazes it 20-30% of the way to 242 / 234 / 214, 30% more
    or less where the sheet is thicker or thinner (a field of 8% of the side) and its rolling (a field of 2% of the side
    at a third of that); 2-4 creases where it folded (straight, 40-100% of the side long, 0.6-1.2% of it wide, at least
    0.6 px, softened by 30% of the blur) hazed a further 20-30%; a dusting of flour, white 250 / 248 / 244 specks at
    20-35% where a fine field (0.6 px) is highest; as a camera metering on the highlights exposes it: a sheet of dough,
    not rice paper (AC's list), AT's flour dust in the air, BR's kombucha SCOBY, agar, gelatine or any haze, veil,
    glass, copy or print process of the earlier lists."""
    h, w = f.shape[:2]
    side = min(h, w)
    s = max(1.0, side * rng.uniform(0.014, 0.022))
    k = rng.uniform(0.25, 0.35)
    out = _blur3(f, s) * (1 - k) + _blur3(f, 2.4 * s) * k
    out = out * (1 - rng.uniform(0.08, 0.12) * (1 - FILO / 255))
    thick = 0.3 * np.tanh(_field(h, w, 0.08 * side, rng)) + 0.1 * np.tanh(_field(h, w, 0.02 * side, rng))
    haze = rng.uniform(0.2, 0.3) * (1 + thick)
    out = out + (FILO_HAZE - out) * haze[..., None]
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    creases = []
    for _ in range(int(rng.integers(2, 5))):
        x, y, ang = rng.uniform(0, w), rng.uniform(0, h), rng.uniform(0, np.pi)
        ln = side * rng.uniform(0.4, 1.0)
        creases.append([(float(x - ln / 2 * np.cos(ang)), float(y - ln / 2 * np.sin(ang))),
                        (float(x + ln / 2 * np.cos(ang)), float(y + ln / 2 * np.sin(ang)))])
    from scipy.ndimage import gaussian_filter

    m = gaussian_filter(ident.line(creases, max(0.6, side * rng.uniform(0.006, 0.012))), max(0.5, 0.3 * s))
    out = out + (FILO_HAZE - out) * (m / max(float(m.max()), 1e-6) * rng.uniform(0.2, 0.3))[..., None]
    dust = np.clip((_field(h, w, 0.6, rng) - 1.2) / 1.5, 0, 1) * rng.uniform(0.2, 0.35)
    out = _paint(out, dust, FLOUR)
    return _u8(_metered(np.maximum(out, 0), f))


AMBER = np.array([236, 196, 130], np.float32)
SUGAR_HAZE = np.array([244, 236, 214], np.float32)


def _sugar_glass(f: np.ndarray, rng) -> np.ndarray:
    """The picture seen through a cast pane of sugar glass (boiled isomalt syrup poured into a tray and cooled, as film
    sets break): its rippled surface displaces the picture by 0.5-1% of the side (a smooth field of 10% of the side each
    way); the candy, clouded where the syrup began to crystallise, scatters the light: a Gaussian of 1.5-2.5% of the
    side (at least 1 px) and a tail 2.2 times as wide for 20-30%; it tints the picture 15-25% of the way to amber 236 /
    196 / 130 and clouds it 6-10% of the way to 244 / 236 / 214, 40% more or less (a field of 5% of the side); 20-60 air
    bubbles 0.8-2.4% of the side across (at least 1 px), each a dark 70 / 56 / 40 core at 15% and a bright rim at 35%;
    as a camera metering on the highlights exposes it: a candy pane, not frosted, stippled, reeded, cut, fused or wired
    glass, ice, BE's gel ice pack, AL's jelly dish or any haze, veil, glass, copy or print process of the earlier
    lists."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    amp = side * rng.uniform(0.005, 0.01)
    warped = _resample(f, yy + amp * _field(h, w, 0.1 * side, rng), xx + amp * _field(h, w, 0.1 * side, rng))
    s = max(1.0, side * rng.uniform(0.015, 0.025))
    k = rng.uniform(0.2, 0.3)
    out = _blur3(warped, s) * (1 - k) + _blur3(warped, 2.2 * s) * k
    out = out * (1 - rng.uniform(0.15, 0.25) * (1 - AMBER / 255))
    cloud = rng.uniform(0.06, 0.1) * (1 + 0.4 * np.tanh(_field(h, w, 0.05 * side, rng)))
    out = out + (SUGAR_HAZE - out) * cloud[..., None]
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    rims, cores = [], []
    for _ in range(int(rng.integers(20, 61))):
        x, y, r = rng.uniform(0, w), rng.uniform(0, h), max(0.5, side * rng.uniform(0.004, 0.012))
        rims.append(_loop(_circle(r, 12, x, y)))
        cores.append(_circle(0.7 * r, 10, x, y + 0.2 * r))
    out = _paint(out, ident.fill(cores) * 0.15, (70, 56, 40))
    out = _paint(out, ident.line(rims, max(0.3, 0.002 * side)) * 0.35, WHITE)
    return _u8(_metered(np.maximum(out, 0), f))


def blur_bs(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "filo_pastry":  # seen through a sheet of filo pastry
        return _filo_pastry(f, rng)
    if kind == "sugar_glass":  # seen through a cast pane of sugar glass
        return _sugar_glass(f, rng)
    raise ValueError(kind)


# -- darkening -------------------------------------------------------------------------------
PEDAL_LEDS = np.array([(1.0, 0.15, 0.1), (0.3, 0.45, 1.0), (0.3, 1.0, 0.35)], np.float32)
PEDALS = ((60, 28, 28), (30, 36, 60), (30, 50, 34))


def _guitar_pedal(f: np.ndarray, rng) -> np.ndarray:
    """A rehearsal room at night lit only by a guitar effects pedal's on-LED: a dark floor 30 / 28 / 28 from 82-90% of
    the way down; on it, 25-75% across, the pedal seen from above and in front, a box 16-22% of the side wide and 60% of
    that deep, its top edge 40% of its depth above the floor's edge, dark red 60 / 28 / 28, dark blue 30 / 36 / 60 or
    dark green 30 / 50 / 34 (one a picture), 2-3 near black 24 / 24 / 26 knobs (7% of its width in radius) across its
    top, a grey 70 / 70 / 74 footswitch (24% of its width across) below, and between them its LED (a dot 1.2% of the
    side across, at least 0.8 px) red 1 / 0.15 / 0.1, blue 0.3 / 0.45 / 1 or green 0.3 / 1 / 0.35 at 240-255; a patch
    cable 22 / 22 / 24 (1.2% of the side thick, at least 0.6 px) from its side out of the picture; a glow of sigma 3-5%
    of the side up to 40-55 levels in its colour; the picture lit in that colour at a gain of 0.015-0.03 plus 0.26-0.34
    falling off as ``1 / (1 + (d / d0) ** 2)`` with the distance ``d`` from the LED, ``d0`` 20-28% of the side; noise
    sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    col = PEDAL_LEDS[int(rng.integers(len(PEDAL_LEDS)))]
    case = PEDALS[int(rng.integers(len(PEDALS)))]
    fy = h * rng.uniform(0.82, 0.9)
    pw = side * rng.uniform(0.16, 0.22)
    ph = 0.6 * pw
    cx = w * rng.uniform(0.25, 0.75)
    y0 = fy - 0.4 * ph
    lx, ly = cx, y0 + 0.45 * ph
    out = _lit(f, _falloff(h, w, lx, ly, side, (0.2, 0.28), rng)[..., None] * col, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    floor = ident.fill([_rect(-1.0, fy, w + 1.0, h + 1.0)])
    body = ident.fill([_rect(cx - pw / 2, y0, cx + pw / 2, y0 + ph)])
    r = max(0.5, 0.07 * pw)
    knobs = ident.fill([_circle(r, 12, float(x), y0 + 0.22 * ph)
                        for x in np.linspace(cx - 0.3 * pw, cx + 0.3 * pw, int(rng.integers(2, 4)))])
    switch = ident.fill([_circle(max(0.6, 0.12 * pw), 14, cx, y0 + 0.72 * ph)])
    s = 1 if rng.random() < 0.5 else -1
    cable = ident.line([[(cx + s * pw / 2, y0 + 0.3 * ph), (cx + s * (pw / 2 + 0.1 * side), y0 + 0.35 * ph),
                         (w + 1.0 if s > 0 else -1.0, y0 + 0.5 * ph)]], max(0.6, 0.012 * side))
    led = ident.fill([_circle(max(0.4, 0.006 * side), 10, lx, ly)])
    out = _paint(_paint(out, floor, (30, 28, 28)), cable, (22, 22, 24))
    out = _paint(_paint(out, body, case), knobs, (24, 24, 26))
    out = _paint(_paint(out, switch, (70, 70, 74)), led, col * rng.uniform(240, 255))
    glow = _glow(led, max(1.0, side * rng.uniform(0.03, 0.05)))[..., None]
    return _u8(out + glow * rng.uniform(40, 55) * col)


CHARGE_LEDS = np.array([(1.0, 0.2, 0.1), (0.3, 1.0, 0.35)], np.float32)
PACKS = ((92, 76, 20), (24, 60, 64), (80, 26, 24), (34, 34, 36))


def _tool_charger(f: np.ndarray, rng) -> np.ndarray:
    """A workshop at night lit only by a cordless tool battery's charger: a dark bench top 34 / 30 / 26 from 80-88% of
    the way down; on it, 25-75% across, the charger, a dark grey 36 / 36 / 40 box 24-30% of the side wide and 10% high,
    the battery pack seated on it (60% of its width, 10-12% of the side high) in the tool maker's dark yellow 92 / 76 /
    20, dark teal 24 / 60 / 64, dark red 80 / 26 / 24 or near black 34 / 34 / 36 (one a picture) with a near black 30 /
    30 / 32 latch along its top; on the charger's front, a quarter of its width right of its middle, its charge LED, a
    bar 2% of the side wide and 0.8% high (at least 0.8 by 0.6 px), red 1 / 0.2 / 0.1 (charging) or green 0.3 / 1 /
    0.35 (charged) at 240-255; a glow of sigma 3-5% of the side up to 35-50 levels in its colour; the picture lit in
    that colour at a gain of 0.015-0.03 plus 0.26-0.34 falling off as ``1 / (1 + (d / d0) ** 2)`` with the distance
    ``d`` from the LED, ``d0`` 22-30% of the side; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    col = CHARGE_LEDS[int(rng.integers(len(CHARGE_LEDS)))]
    pack = PACKS[int(rng.integers(len(PACKS)))]
    by = h * rng.uniform(0.8, 0.88)
    cw = side * rng.uniform(0.24, 0.3)
    ch = 0.1 * side
    cx = w * rng.uniform(0.25, 0.75)
    lx, ly = cx + 0.25 * cw, by - 0.45 * ch
    out = _lit(f, _falloff(h, w, lx, ly, side, (0.22, 0.3), rng)[..., None] * col, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    bench = ident.fill([_rect(-1.0, by, w + 1.0, h + 1.0)])
    charger = ident.fill([_rect(cx - cw / 2, by - ch, cx + cw / 2, by)])
    ph = side * rng.uniform(0.1, 0.12)
    battery = ident.fill([_rect(cx - 0.35 * cw, by - ch - ph, cx + 0.25 * cw, by - ch + 0.01 * side)])
    latch = ident.fill([_rect(cx - 0.3 * cw, by - ch - ph, cx + 0.2 * cw, by - ch - 0.75 * ph)])
    led = ident.fill([_rect(lx - max(0.4, 0.01 * side), ly - max(0.3, 0.004 * side),
                            lx + max(0.4, 0.01 * side), ly + max(0.3, 0.004 * side))])
    out = _paint(_paint(out, bench, (34, 30, 26)), charger, (36, 36, 40))
    out = _paint(_paint(out, battery, pack), latch, (30, 30, 32))
    out = _paint(out, led, col * rng.uniform(240, 255))
    glow = _glow(led, max(1.0, side * rng.uniform(0.03, 0.05)))[..., None]
    return _u8(out + glow * rng.uniform(35, 50) * col)


GAUGE_LEDS = np.array([(0.9, 0.95, 1.0), (0.35, 0.6, 1.0), (0.35, 1.0, 0.5)], np.float32)


def _shaver_stand(f: np.ndarray, rng) -> np.ndarray:
    """A bathroom shelf at night lit only by an electric shaver's charging gauge: the shelf's dark 38 / 38 / 42 edge
    (4% of the side thick) 62-72% of the way down; on it, 25-75% across, a dark 30 / 30 / 34 stand (1.6 times the
    shaver's width wide, 5% of the side high) and the shaver standing in it, a near black 36 / 36 / 40 body with round
    ends 8-10% of the side wide and 30-36% tall, its grey 70 / 70 / 74 foil head on top (130% of its width, 8% of the
    side high); on its body a gauge of 3-5 bars (3% of the side wide and 0.8% high, at least 0.8 by 0.6 px, 5% of the
    side apart) of which from one to all, at random, are lit, white 0.9 / 0.95 / 1, blue 0.35 / 0.6 / 1 or green 0.35 /
    1 / 0.5 at 230-255, the others unlit 50 / 50 / 54; a glow of sigma 3-5% of the side round the lit bars up to 35-50
    levels in their colour; the picture lit in that colour at a gain of 0.015-0.03 plus 0.26-0.34 falling off as ``1 /
    (1 + (d / d0) ** 2)`` with the distance ``d`` from the gauge's middle, ``d0`` 18-26% of the side; noise sigma 1.2
    levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    col = GAUGE_LEDS[int(rng.integers(len(GAUGE_LEDS)))]
    sy = h * rng.uniform(0.62, 0.72)
    cx = w * rng.uniform(0.25, 0.75)
    bw = side * rng.uniform(0.08, 0.1)
    bh = side * rng.uniform(0.3, 0.36)
    n = int(rng.integers(3, 6))
    lit = int(rng.integers(1, n + 1))
    gy = [sy - 0.25 * bh - j * 0.05 * side for j in range(n)]  # the gauge's bars, bottom up
    out = _lit(f, _falloff(h, w, cx, float(np.mean(gy)), side, (0.18, 0.26), rng)[..., None] * col, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    shelf = ident.fill([_rect(-1.0, sy, w + 1.0, sy + 0.04 * side)])
    stand = ident.fill([_rect(cx - 0.8 * bw, sy - 0.05 * side, cx + 0.8 * bw, sy)])
    upright = _bar(sy - bh + bw / 2, sy - 0.03 * side - bw / 2, bw / 2)  # along x, turned upright below
    body = ident.fill([[(float(cx + v), float(u)) for u, v in upright]])
    head = ident.fill([_rect(cx - 0.65 * bw, sy - bh - 0.06 * side, cx + 0.65 * bw, sy - bh + 0.02 * side)])
    bars = [ident.fill([_rect(cx - max(0.4, 0.015 * side), y - max(0.3, 0.004 * side),
                              cx + max(0.4, 0.015 * side), y + max(0.3, 0.004 * side))]) for y in gy]
    out = _paint(_paint(out, shelf, (38, 38, 42)), stand, (30, 30, 34))
    out = _paint(_paint(out, body, (36, 36, 40)), head, (70, 70, 74))
    on = np.zeros((h, w), np.float32)
    level = rng.uniform(230, 255)
    for j, m in enumerate(bars):
        if j < lit:
            out = _paint(out, m, col * level)
            on = np.maximum(on, m)
        else:
            out = _paint(out, m, (50, 50, 54))
    glow = _glow(on, max(1.0, side * rng.uniform(0.03, 0.05)))[..., None]
    return _u8(out + glow * rng.uniform(35, 50) * col)


def dark_bs(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "guitar_pedal":  # a rehearsal room lit only by a guitar pedal's LED
        return _guitar_pedal(f, rng)
    if kind == "tool_charger":  # a workshop lit only by a tool battery charger's LED
        return _tool_charger(f, rng)
    if kind == "shaver_stand":  # a bathroom shelf lit only by a shaver's charging gauge
        return _shaver_stand(f, rng)
    raise ValueError(kind)


# -- outliers --------------------------------------------------------------------------------
def _platypus(size: int, rng) -> dict:
    """A platypus on a muddy riverbank, seen from the side, facing either way: the far bank's dark bush above; the bank
    from 55-65% of the way down with 5-9 reeds (1% of the side thick) rising 12-30% of the side from its back edge; the
    stream from 72-82% down with 3-5 ripple lines; the platypus resting on the bank's front edge: a long low body (an
    ellipse 48% of the side long and 18% high), a paler belly, a broad flat tail (22% by 11%) at the back, a flat bill
    (18% by 5.4%) at the front, a small eye, and two short legs with webbed feet down to the water's edge (0-1 coverage
    each)."""
    big = 4 * size
    M = _canvas(("bush", "bank", "reeds", "water", "ripples", "tail", "body", "belly", "bill", "eye", "feet"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    s = 1 if rng.random() < 0.5 else -1
    by = big * rng.uniform(0.55, 0.65)
    wy = big * rng.uniform(0.72, 0.82)
    d["bush"].rectangle((0, 0, big, by), fill=255)
    d["bank"].rectangle((0, by, big, wy), fill=255)
    for x in rng.uniform(0.02, 0.98, int(rng.integers(5, 10))) * big:
        d["reeds"].line([(x, by + 0.02 * big), (x + rng.uniform(-0.04, 0.04) * big, by - rng.uniform(0.12, 0.3) * big)],
                        fill=255, width=max(1, round(0.01 * big)))
    d["water"].rectangle((0, wy, big, big), fill=255)
    for y in np.linspace(wy + 0.04 * big, big - 0.02 * big, int(rng.integers(3, 6))):
        d["ripples"].line([(0, y), (big, y + 0.01 * big)], fill=255, width=max(1, round(0.01 * big)))
    cx = big * (0.5 + rng.uniform(-0.05, 0.05))
    cy = wy - 0.1 * big  # the body's middle, resting on the bank
    d["tail"].polygon(_ellipse(cx - s * 0.29 * big, cy + 0.035 * big, 0.11 * big, 0.055 * big, -s * 0.15, 24), fill=255)
    d["body"].polygon(_ellipse(cx, cy, 0.24 * big, 0.09 * big, 0.0, 36), fill=255)
    d["belly"].polygon(_ellipse(cx + s * 0.02 * big, cy + 0.05 * big, 0.17 * big, 0.033 * big, 0.0, 24), fill=255)
    d["bill"].polygon(_ellipse(cx + s * 0.3 * big, cy + 0.012 * big, 0.09 * big, 0.027 * big, s * 0.1, 20), fill=255)
    ex, ey, er = cx + s * 0.18 * big, cy - 0.03 * big, 0.014 * big
    d["eye"].ellipse((ex - er, ey - er, ex + er, ey + er), fill=255)
    for fx in (cx + s * 0.13 * big, cx - s * 0.12 * big):
        d["feet"].polygon([(fx - 0.025 * big, cy + 0.06 * big), (fx + 0.025 * big, cy + 0.06 * big),
                           (fx + s * 0.06 * big, wy + 0.005 * big), (fx - s * 0.015 * big, wy + 0.005 * big)], fill=255)
    out = {k: _down(v, size) for k, v in M.items()}
    out["ripples"] = out["ripples"] * out["water"]
    return out


def _gritter(size: int, rng) -> dict:
    """A road gritter on a winter road, seen from the side, facing either way: the road from 72-80% of the way down
    with a snowy verge along its far edge; the lorry 62-74% of the side long: a cab at the front (24% of its length
    long, up to 30% of the side above the road) with a dark window and a beacon on its roof, a snow plough's blade
    angled before it, the hopper behind (the rest of its length, up to 34% of the side above the road) flaring at its
    top, four chevrons down its back, a spinner disc under its back end throwing a fan of grit (at 63%) 18-30% of the
    side behind it, and three wheels (5.5% of the side in radius) with hubs (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("road", "verge", "spray", "wheels", "hubs", "hopper", "chevrons", "cab", "window", "beacon",
                 "blade", "spinner"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    s = 1 if rng.random() < 0.5 else -1
    gy = big * rng.uniform(0.72, 0.8)
    d["road"].rectangle((0, gy, big, big), fill=255)
    d["verge"].rectangle((0, gy - 0.03 * big, big, gy + 0.015 * big), fill=255)
    L = big * rng.uniform(0.62, 0.74)
    cx = big * (0.5 + rng.uniform(-0.04, 0.04))
    front, back = cx + s * L / 2, cx - s * L / 2
    R = 0.055 * big
    top = gy - 0.34 * big
    cab0, cab1 = sorted((front, front - s * 0.24 * L))
    d["cab"].rectangle((cab0, gy - 0.3 * big, cab1, gy - 0.7 * R), fill=255)
    w0, w1 = sorted((front - s * 0.03 * L, front - s * 0.16 * L))
    d["window"].rectangle((w0, gy - 0.27 * big, w1, gy - 0.18 * big), fill=255)
    bx = (cab0 + cab1) / 2
    d["beacon"].ellipse((bx - 0.025 * big, gy - 0.34 * big, bx + 0.025 * big, gy - 0.295 * big), fill=255)
    h0, h1 = sorted((front - s * 0.27 * L, back))
    d["hopper"].polygon([(h0, top), (h1, top), (h1 - 0.02 * big, gy - 0.12 * big), (h0 + 0.02 * big, gy - 0.12 * big)],
                        fill=255)
    d["hopper"].rectangle((h0, gy - 0.13 * big, h1, gy - 0.7 * R), fill=255)
    for k in range(4):  # chevrons down the back end
        y = top + 0.03 * big + k * 0.06 * big
        xb = back + s * 0.005 * big
        d["chevrons"].polygon([(xb, y), (xb + s * 0.06 * big, y + 0.03 * big), (xb + s * 0.06 * big, y + 0.055 * big),
                               (xb, y + 0.025 * big)], fill=255)
    d["spinner"].ellipse((back - 0.045 * big, gy - 0.05 * big, back + 0.045 * big, gy - 0.025 * big), fill=255)
    far = back - s * rng.uniform(0.18, 0.3) * big
    d["spray"].polygon([(back, gy - 0.04 * big), (far, gy - 0.1 * big), (far, gy + 0.03 * big)], fill=160)
    b0 = front + s * 0.02 * big
    d["blade"].polygon([(b0, gy - 0.15 * big), (b0 + s * 0.09 * big, gy - 0.17 * big),
                        (b0 + s * 0.11 * big, gy - 0.01 * big), (b0, gy - 0.04 * big)], fill=255)
    for x in (front - s * 0.13 * L, back + s * 0.3 * L, back + s * 0.14 * L):
        d["wheels"].ellipse((x - R, gy - 2 * R + 0.01 * big, x + R, gy + 0.01 * big), fill=255)
        d["hubs"].ellipse((x - 0.45 * R, gy - 1.45 * R + 0.01 * big, x + 0.45 * R, gy - 0.55 * R + 0.01 * big),
                          fill=255)
    return {k: _down(v, size) for k, v in M.items()}


def _granary(size: int, rng) -> dict:
    """A timber granary raised on staddle stones, seen from the side: the grass from 74-82% of the way down; 4-5 staddle
    stones in a row, tapering stone pillars (6% of the side wide at the foot, 2.5% at the top) 9-12% of the side high,
    each under a mushroom cap (a half ellipse 12% of the side wide and 3.5% deep, flat side up); on the caps the
    granary, 56-68% of the side wide and 24-30% high, weatherboarded (6-9 board lines), a door to one side, four wooden
    steps up towards it stopping short of it (the gap that keeps rats out), a small dark vent to the other side, and a
    hipped roof 12-16% of the side high overhanging by 4% of the side (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("ground", "stones", "caps", "walls", "boards", "door", "steps", "vent", "roof"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    gy = big * rng.uniform(0.74, 0.82)
    d["ground"].rectangle((0, gy, big, big), fill=255)
    W = big * rng.uniform(0.56, 0.68)
    H = big * rng.uniform(0.24, 0.3)
    cx = big * (0.5 + rng.uniform(-0.04, 0.04))
    x0, x1 = cx - W / 2, cx + W / 2
    sh = big * rng.uniform(0.09, 0.12)
    cap_y = gy - sh
    for x in np.linspace(x0 + 0.05 * big, x1 - 0.05 * big, int(rng.integers(4, 6))):
        d["stones"].polygon([(x - 0.03 * big, gy), (x + 0.03 * big, gy), (x + 0.0125 * big, cap_y + 0.02 * big),
                             (x - 0.0125 * big, cap_y + 0.02 * big)], fill=255)
        d["caps"].chord((x - 0.06 * big, cap_y - 0.035 * big, x + 0.06 * big, cap_y + 0.035 * big), 0, 180, fill=255)
    fb = cap_y  # the floor's line, on the caps' flat tops
    wt = fb - H
    d["walls"].rectangle((x0, wt, x1, fb), fill=255)
    for y in np.linspace(wt + 0.03 * big, fb - 0.01 * big, int(rng.integers(6, 10))):
        d["boards"].line([(x0, y), (x1, y)], fill=255, width=max(1, round(0.006 * big)))
    s = 1 if rng.random() < 0.5 else -1
    dx = cx + s * 0.22 * W
    d["door"].rectangle((dx - 0.05 * big, wt + 0.06 * big, dx + 0.05 * big, fb), fill=255)
    for k in range(4):  # the wooden steps, stopping short of the door
        y = gy - k * 0.025 * big
        d["steps"].rectangle((dx - 0.045 * big, y - 0.012 * big, dx + 0.045 * big, y), fill=255)
    vx = cx - s * 0.25 * W
    d["vent"].rectangle((vx - 0.035 * big, wt + 0.05 * big, vx + 0.035 * big, wt + 0.1 * big), fill=255)
    rh = big * rng.uniform(0.12, 0.16)
    d["roof"].polygon([(x0 - 0.04 * big, wt + 0.01 * big), (x1 + 0.04 * big, wt + 0.01 * big),
                       (x1 - 0.2 * W, wt - rh), (x0 + 0.2 * W, wt - rh)], fill=255)
    out = {k: _down(v, size) for k, v in M.items()}
    out["boards"] = out["boards"] * out["walls"]
    return out


def outlier_bs(name: str, kind: str, size: int, lo: int, hi: int, rng) -> np.ndarray:
    photos = name.startswith("photos")
    ground = lambda col: np.ones((size, size, 3), np.float32) * np.asarray(col, np.float32)  # noqa: E731
    tone = lambda t: [lo + (hi - lo) * t] * 3  # noqa: E731
    if kind == "platypus":
        m = _platypus(size, rng)
        if photos:  # dark green bush, a muddy bank with reeds, a brown stream, a dark brown platypus
            out = _paint(_paint(ground((56, 78, 52)), m["bank"], (112, 90, 62)), m["reeds"], (120, 140, 70))
            out = _paint(_paint(out, m["water"], (70, 92, 96)), m["ripples"], (140, 166, 172))
            out = _paint(_paint(out, m["tail"], (74, 52, 36)), m["feet"], (60, 50, 46))
            out = _paint(_paint(out, m["body"], (92, 64, 42)), m["belly"], (160, 128, 92))
            return _u8(_paint(_paint(out, m["bill"], (48, 46, 50)), m["eye"], (16, 14, 14)))
        out = _paint(_paint(ground(tone(0.0)), m["bank"], tone(0.3)), m["reeds"], tone(0.5))
        out = _paint(_paint(out, m["water"], tone(0.12)), m["ripples"], tone(0.35))
        out = _paint(_paint(out, m["tail"], tone(0.55)), m["feet"], tone(0.5))
        out = _paint(_paint(out, m["body"], tone(0.85)), m["belly"], tone(1.0))
        return _u8(_paint(_paint(out, m["bill"], tone(0.65)), m["eye"], tone(0.05)))
    if kind == "gritter":
        m = _gritter(size, rng)
        if photos:  # a grey winter sky, a wet road with snowy verges, an orange and yellow gritter
            out = _paint(_paint(ground((168, 178, 190)), m["road"], (66, 68, 72)), m["verge"], (236, 238, 240))
            out = _paint(_paint(out, m["spray"], (190, 176, 160)), m["hopper"], (232, 190, 40))
            out = _paint(_paint(out, m["chevrons"], (200, 40, 40)), m["cab"], (232, 122, 32))
            out = _paint(_paint(out, m["window"], (40, 50, 60)), m["beacon"], (252, 172, 40))
            out = _paint(_paint(out, m["blade"], (220, 110, 30)), m["spinner"], (60, 60, 64))
            return _u8(_paint(_paint(out, m["wheels"], (30, 30, 32)), m["hubs"], (150, 152, 158)))
        out = _paint(_paint(ground(tone(0.0)), m["road"], tone(0.2)), m["verge"], tone(0.6))
        out = _paint(_paint(out, m["spray"], tone(0.45)), m["hopper"], tone(0.85))
        out = _paint(_paint(out, m["chevrons"], tone(0.4)), m["cab"], tone(1.0))
        out = _paint(_paint(out, m["window"], tone(0.15)), m["beacon"], tone(0.9))
        out = _paint(_paint(out, m["blade"], tone(0.7)), m["spinner"], tone(0.3))
        return _u8(_paint(_paint(out, m["wheels"], tone(0.35)), m["hubs"], tone(0.75)))
    if kind == "granary":
        m = _granary(size, rng)
        if photos:  # a pale sky, grass, grey staddle stones, a weathered timber granary with a red tiled roof
            out = _paint(_paint(ground((186, 202, 220)), m["ground"], (96, 130, 70)), m["stones"], (160, 156, 146))
            out = _paint(_paint(out, m["caps"], (196, 192, 180)), m["walls"], (130, 92, 60))
            out = _paint(_paint(out, m["boards"], (86, 60, 40)), m["door"], (96, 64, 40))
            out = _paint(_paint(out, m["steps"], (112, 90, 70)), m["vent"], (40, 36, 34))
            return _u8(_paint(out, m["roof"], (152, 70, 50)))
        out = _paint(_paint(ground(tone(0.0)), m["ground"], tone(0.25)), m["stones"], tone(0.7))
        out = _paint(_paint(out, m["caps"], tone(0.85)), m["walls"], tone(1.0))
        out = _paint(_paint(out, m["boards"], tone(0.6)), m["door"], tone(0.45))
        out = _paint(_paint(out, m["steps"], tone(0.55)), m["vent"], tone(0.1))
        return _u8(_paint(out, m["roof"], tone(0.75)))
    raise ValueError(kind)


# -- label noise -----------------------------------------------------------------------------
def predictive_default_flips(base: list[np.ndarray], labels: list, classes: list, candidates: list, count: int,
                             rng) -> dict[int, object]:
    """``count`` examples to flip and their new labels: the pictures were labelled in runs of 25-80 (``RUN``, in a
    random order drawn a pass) in a data-entry app that pre-selected each picture's class as the one that had most
    often followed the class given to the picture before it in the project's earlier data; those had come in the order
    of the studio's shooting rota (a cycle of the set's classes, in an order drawn once), so the pre-selection is the
    class after the one just given (the picture before's own class or a confirmed pre-selection) in the rota; a run's
    first picture gets none. On some runs (40-70% of them, ``HURRIED``, drawn a pass) a hurried labeller confirmed
    15-35% of the pre-selections unchanged (``ACCEPT``, drawn a run, each picture by chance) and gave the others their
    own class; on the other runs the labeller always gave the picture's own class. The flips are the confirmed
    pre-selections that are not the picture's own class (passes over the pictures not yet flipped while some are left).
    Noise by the rota and the class given just before, not by look or by any list's order: not B's next class (the
    picture's own class moved one along), T's late class, X's sorted queue, BL's autosave lag (the class before carried
    over), L's auto-labeller, BQ's placeholders, BR's vote cascade or any mechanism of the earlier lists. Every flip
    changes the label."""
    pool = sorted(int(v) for v in candidates)
    present = sorted({labels[i] for i in pool}, key=str)
    if len(present) < 2 or count <= 0:
        return {}
    choices = list(classes) if len(classes) >= 2 else present
    rota = [choices[int(k)] for k in rng.permutation(len(choices))]
    after = {c: rota[(j + 1) % len(rota)] for j, c in enumerate(rota)}
    flips: dict[int, object] = {}
    for _ in range(200):
        items = [int(i) for i in rng.permutation([i for i in pool if i not in flips])]
        if len(items) < 2:
            break
        hurried = rng.uniform(*HURRIED)
        at = 0
        while at < len(items) and len(flips) < count:
            n = int(rng.integers(*RUN))
            run, at = items[at: at + n], at + n
            if rng.random() >= hurried:
                continue  # a careful labeller changed every pre-selection that was wrong
            accept = rng.uniform(*ACCEPT)
            prev = None
            for cur in run:
                given = labels[cur]
                if prev is not None and rng.random() < accept and len(flips) < count:
                    given = after.get(prev, given)
                    if given != labels[cur]:
                        flips[cur] = given
                prev = given
        if len(flips) >= count:
            break
    return dict(sorted(flips.items()))


# -- planting ------------------------------------------------------------------------------
def plant_issues_bs(images, labels, out_dir, *, name: str, random_state: int = 0) -> PlantedDataset:
    """Generator BS's problems (module docstring). A set whose name ends in ``_jpeg`` is written as JPEG files at a
    quality drawn from 34-53 each; the others as PNG. The planting is I's (:func:`_heldout_i.plant_generator`)."""
    return plant_generator(
        images, labels, out_dir, name=name, rates=RATES_BS, seed=710_000 + random_state,
        quality_seed=715_000 + random_state, jpeg_quality=JPEG_QUALITY,
        flips=predictive_default_flips,
        **by_family(name, outlier=(outlier_bs, OUTLIERS_BS), blur=(blur_bs, BLURS_BS), dark=(dark_bs, DARKS_BS),
                    near=(near_edit_bs, NEAR_EDITS_BS)))
