"""Generator BV: fresh EVALUATION sets after generator BU's run (never used to choose anything).

Why a seventy-second evaluation generator: generator BU's sets were written before its run and have been run once
since (after which its four sets became development data in ``dev_sweep``), so a held-out set for the code after that
run is written now, before any tool is run on it. The commit subjects since BU's generator commit (22c3d21) name two
changes of what the library's checks find at their defaults: a library commit (a71a77c: ``blurry``'s ``max_threshold``
of 0.6 on by default for pictures of 128 px or more, already in BU's run, as BU's docstring says) and a library commit
after BU's run (212354c: ``near_duplicate``'s hash rule dropped where, with it, the pair rules miss the precision
target and the embedding alone reaches it, ``drop_loose_hash``, on); the others are a benchmark commit (06a473a: BU's
docstring naming a71a77c), a ``dev_sweep`` commit (3292d61: BU's sets made development data after its one held-out
run) and a docs commit (e25f762: Round 37, BU's one run written up). So BV measures the detection code of BU's run
but for 212354c's rule, on new sets. BU's run came before this generator was written, and those subjects carry its
numbers and those of development sets, but BV's writer read no docs, logs, result files or commit bodies (only the
commit subjects, the earlier generators' files, the tuning tools' files and ``_synthetic.py``, to copy their structure
and to avoid their families, and ``detection.py`` and ``dev_sweep.py``, to register BV), and no check code of the
library. Nothing in BV was chosen from any result, to aim at or away from any weakness, rule or lead a subject names
(``blurry``'s cap on the larger tiles, ``near_duplicate``'s hash rule on look-alike garments): its strengths and its
share of whole-picture edits are set as BU's (and BT's, BS's, BR's, BQ's, BP's, BO's, BN's, BM's and BL's) were. Like
AN's to BU's, BV's edits are not all brightly coloured: some are stone grey, near black or translucent. Generator BV
was written before any tool was run on it (only its pictures were looked at, on contact sheets of its edits, blurs,
darkenings and foreign pictures at 28, 102 and 314 px, drawn from its functions and from its planted folders, to check
that every edit is visible, every blur blurred, every darkened image dark with its picture still in it and every
outlier foreign, and the planted folders, quick and full, hashed twice); it is not to be changed after its results
are seen. Its edits, blurs, darkenings, foreign pictures and label noise are of families that no tuning tool
(``blur_tuning.py``'s lens blurs: Gaussian, soft disk, astigmatic elongated Gaussian, ring; ``_foreign.py``'s
textures, icons and soft photographs; ``near_photos.py``'s and ``near_small.py``'s edits; ``label_filters.py``'s and
``label_noise_models.py``'s flips), no earlier generator (A = ``dq.datasets.plant_issues``, B, D to Z, AA to AZ, BA to
BU) and none of the library's calibration copies (``dataquality/compute/_synthetic.py``: crop, shift, rotate,
brightness, contrast, gamma, JPEG, resize, overlay box; Gaussian, box, motion, down-and-up blurs) make (their family
names and key words were searched for in every earlier generator, the tuning tools and ``_synthetic.py``). Like AC's
to BU's it has two blur families, not three. Tiles of 314 px give 61 tiles (seed 424), so the large set is at 314 px,
a size no other set uses; the small photographs are at 102 px, a size no other set uses either. Left out because an
earlier generator made them or left them out (their key words are in the earlier generators' lists): among objects
on the print a shoehorn (AN's), a swivel castor (BP's), a tea-infuser ball (AP's), a padlock or a D-lock's shackle
(BO's list), secateurs or tin snips (X's scissors, AK's pinking shears), a pressure gauge (a gauge lights one of the
earlier darkenings), a staple gun or a grease gun (L-shapes, as BU's list), a harmonica, a tape measure, a bath plug,
a citrus juicer, a computer mouse, a tyre lever, BU's multimeter, stirrup, sickle, case fan or pill organiser, or any
object, creature, sweet, snack, fruit, vegetable or plant part of the earlier lists (BU's, their lists: BV's bicycle
bell is a chrome dome on a clamp, its ice scraper a translucent blade and handle, its jerry can a fuel can with an X
and a three-bar handle, its egg slicer a cradle under a frame of wires, its hair clipper an electric clipper and its
cord); of the whole picture a tread plate or chequer plate (AU's: BV's studded rubber has round studs, not bars),
nacre (AZ's), zinc spangle (BA's), strand board, woodchip or particle board (AV's), a pressed tin ceiling (AV's and
AX's lists), rubber crumb or another speckled ground (BG's list), a gabion or a pebble wall (AS's cobbled street, BU's
flint wall), a circuit board (BM's list: BV's solar panel is cells, busbars and fingers on a white backsheet), flat
tiles, slate or cedar shingles (AX's list, BT's: BV's pantiles are S-curved clay tiles in lined-up courses), BU's
travertine, thatch or flint wall, or any weave, print, stone, metal or patterned ground of the earlier lists (BU's,
their lists); among blurs BU's rawhide (a scraped skin: BV's bladder is a stretched membrane with its wrinkles and
tied neck) or maize husk, AL's gelatine, BF's cloudy cider, onyx, selenite or another translucent stone (AV's list,
AU's alabaster), a stocking or a diffusion filter (O's, AF's list), muslin (BM's), parchment, tracing paper or shoji
(BQ's list), or any haze, veil, glass, copy or print process of the earlier lists (BU's, their lists); among
darkenings a lift's call button (AZ's), an intercom keypad (BM's), a shaver's stand (BS's), an EV charger or a
router's lights (AZ's, AF's and X's lists), a baby monitor (AT's), a doorbell's or a kettle's light ring (AF's and
AN's lists), fireflies or glowworms (BH's, BM's list), BU's electric blanket controller, soundbar or thermostat, or
any flame, ember, lamp, screen or glow of the earlier lists (BU's, their lists); among foreign pictures BU's
woodpecker, milk float or signal box, AT's hedgehog, BR's hare, a heron, a swan or a pelican (their lists: BV's
cormorant stands drying its spread wings on a post), a tractor, a combine harvester, BE's steamroller or BS's road
gritter (their lists: BV's ride-on mower is a garden machine on a striped lawn), a lighthouse, a water tower, a
windmill, a pagoda or BS's granary (their lists: BV's bottle kiln is a pottery's brick hovel beside its workshop), or
any other animal, vehicle, building or flying thing of the earlier lists (BU's, their lists); among label noise BU's
dead listings (a shop's soft 404), BT's drill-down flips, BS's predictive default, BR's vote cascade, BQ's
placeholders, BP's scroll wheel, AG's lasso, BK's re-booked receipts, a spreadsheet's fill-down, clocks, positions,
and every mechanism BU named (BV's wrong threads are e-mail replies filed under the newest call's class).

* ``near_duplicate`` (3%), five edits in a part of the picture and three of the whole, in turn (so that the 314 px set's
  copies get both kinds): a bicycle bell seen from above (a dome 22-28% of the side across, at least 9 px, chrome
  196 / 198 / 204, near black 36 / 36 / 40 or red 186 / 40 / 40, of the three the one whose colour differs most on
  average from the picture's where it lies, or the second where it differs at least 60% as much, as for the jerry
  can, the egg slicer and the hair clipper; a ring at 70% of its radius, a steel rivet, a steel clamp band reaching 85%
  of its diameter beyond it with a screw, a near black thumb lever with a pad; a shine at 40%; 30-70% of the way
  across and down, at any angle, a soft shadow at 30%), a windscreen ice scraper of translucent plastic (44-54% of the
  side long, at least 14 px, clear blue 110 / 160 / 226 at 55%, amber 240 / 196 / 50 at 60% or smoked 88 / 92 / 100
  at 70%; a blade widening to a scraping edge 60% of its length wide, 6-9 ice-breaking teeth along its back, a handle
  with 5-8 grip ribs and a hanging hole; a highlight at 40%; a shadow at 15%), a jerry can lying on its side (40-48%
  of the side high, at least 13 px, 70% as wide, red 180 / 40 / 34, olive 92 / 100 / 60 or near black 40 / 40 / 42; a
  seam, an embossed X, a three-bar handle with the print through its gaps, a steel spout neck, a cap and a clamp
  lever; a shine at 35%; a shadow at 30%), an egg slicer seen from above (38-48% of the side long, at least 12 px, 68%
  as wide, white 232 / 232 / 228, stone grey 150 / 150 / 146 or aluminium 190 / 192 / 196; a darker egg-shaped hollow
  crossed by 7-9 dark slots, a steel wire frame over it with 7-9 taut wires, a tab and two hinge knuckles; a shine at
  35%; a shadow at 30%) and an electric hair clipper (44-54% of the side long, at least 14 px, 24% as wide, near black
  40 / 40 / 44, stone grey 150 / 150 / 146 or silver 184 / 186 / 192; a steel blade set with 14-22 teeth, a slide
  switch, grip ribs, a black cord 30-50% of its length beyond its tail; a shine at 35%; a shadow at 30%); of the whole
  picture: printed on a studded rubber floor (the ink multiplied onto the rubber, 42-54% of the way, 35% of its tone
  added at that share, as for the pantile roof and the solar panel; mid grey 130 / 130 / 132, near black 58 / 58 / 62
  or green 80 / 110 / 84, mottled by 4%; round studs 3.5-5% of the side across on a square grid 8-11% apart, turned by
  up to 10 degrees, each lit from the top left, a crescent lighter above, darker below, and a shadow), printed on a
  roof of clay pantiles (terracotta 184 / 96 / 62, weathered brown 150 / 104 / 78 or grey-black glazed 72 / 70 / 72,
  each tile 8% lighter or darker; courses 8-12% of the side high, tiles 12-18% wide, each tile's S-profile 22% lighter
  on its roll and 22% darker in its pan, each course's lip lighter over a shadow 30% darker; turned by up to 5
  degrees) and printed on a solar panel (cells 14-20% of the side across, polycrystalline blue 40 / 56 / 98 mottled
  by its flakes or monocrystalline near black 30 / 32 / 40 with cut corners, on a white 226 / 228 / 230 backsheet in
  gaps 1-1.5% of the side wide; 2-3 silver busbars along each cell and fine fingers across them at 25%; turned by up
  to 4 degrees);
* ``exact_duplicate`` (1%): byte-for-byte copies of a file under another name;
* ``blurry`` (3%): the picture seen through a layer of honesty's seed pods (Lunaria's dried papery discs 26-36% of
  the side across, overlapping on a jittered grid 22-28% apart so that every point is under one at least: a Gaussian
  of 1.5-2.3% of the side, at least 1 px, and a tail 2.3 times as wide for 22-32%; each disc filters the picture
  16-24% of the way to its silvery cream 234 / 228 / 206 and hazes it 6-10% of the way to 244 / 242 / 230, the more
  discs the more, ``1 + 0.6 (n - 1)``; rims 10% darker, stalk stubs and 0-3 faint seed scars at 10-18% a disc,
  softened by 50% of the blur) and the picture seen through a window glazed with a dried pig's bladder (a Gaussian of
  1.6-2.5% of the side, at least 1 px, and a tail 2.4 times as wide for 24-34%; filtered 28-38% of the way to its
  yellow-tan 226 / 196 / 140 and hazed 10-16% of the way to 238 / 222 / 184, 40% more towards its tied neck at a corner
  and 20% more or less where it is thicker or thinner; 6-12 stretch wrinkles radiating from the neck 8-14% darker,
  softened by 40% of the blur, each with a light edge 5% lighter); each as a camera metering on the highlights
  exposes it (as Y's to BU's);
* ``dark`` (2%): a meter cupboard at night lit only by an electricity smart meter's pulse light (on a dark back board
  the meter, a box 22-28% of the side wide and 1.2 times as high, 30-70% across and 30-50% down, a dark display, three
  buttons and under them the pulse light, red 1 / 0.15 / 0.1 at 240-255; 2-3 thick cables from its bottom out of the
  picture; a glow of sigma 3-5% of the side up to 40-55 levels; the picture lit in its colour at ``0.015-0.03 +
  0.26-0.34 / (1 + (d / d0) ** 2)`` with the distance from the light, ``d0`` 20-28% of the side), a field at night lit
  only by an electric fence energiser's pulse light (dark grass from 74-84% down with 10-20 tufts, a wooden post
  20-80% across rising 40-50% of the side, on it the energiser, a box 13-17% of the side wide, its light red 1 / 0.18
  / 0.1 or orange 1 / 0.55 / 0.12 at 240-255 near its top; 2-3 fence wires across the picture; a glow of sigma 3-5% up
  to 40-55 levels; the picture lit in its colour falling off as above, ``d0`` 18-26% of the side) and an office at
  night lit only by a power strip's lit rocker switch (a dark floor from 74-84% down, on it the strip 44-58% of the
  side long and 8-10% high with 3-5 sockets, 1-3 of them plugged, their cables rising out of the picture, the switch
  at one end glowing orange-red 1 / 0.35 / 0.1 at 240-255; a glow of sigma 3-5% up to 40-55 levels; the picture lit in
  its colour falling off as above, ``d0`` 20-28% of the side); none of them blurs the picture;
* ``outlier`` (1.5%): a cormorant drying its wings on a mooring post in a harbour (the water from 56-66% down with
  4-7 ripples, a wooden post 8-11% of the side wide 40-60% across, its top 50-58% down, a darker band at the
  waterline; the bird upright on it, a body 12% of the side wide and 24% high, a neck to a head turned to one side
  with a long hooked bill and a pale throat patch, its wings held out on both sides, each 24-30% of the side long with
  4-6 ragged feather tips, a short tail and two webbed feet), a ride-on lawn mower on a striped lawn (the lawn from
  60-70% down in 4-7 mowing stripes; the mower 60-72% of the side long, facing either way: a big rear and a small front
  wheel with hubs, a cutting deck between them, a body with a sloping bonnet and a grille, a high-backed seat, a
  steering wheel on a column and a grass-collector bag behind) and a pottery's bottle kiln (the ground from 78-86%
  down; a brick hovel 40-52% of the side wide and 60-72% high, bulging a little then narrowing to a neck with a darker
  rim, 3-5 iron bands round it, an arched firing door; beside it a low workshop with a pitched roof and 2-4 windows);
  the digit and clothing sets get them in their own tones on their dark ground, the photographs as a black cormorant
  with a pale throat on a brown post in grey-blue water under a pale sky, a green and yellow or red and black mower on
  a green striped lawn under a blue sky, and a red-brown brick kiln with dark iron bands beside a brick workshop with a
  slate roof on a cinder yard under a grey sky;
* ``label`` (5%): *wrong-thread* flips: the pictures were collected by e-mail, one call for pictures a class, each
  call sent to the contributors' mailing list as a new thread, and each picture filed under the class of the thread
  it arrived in; the calls went out one after another (an order of the classes drawn once, call ``k`` at time ``k``);
  a contributor sent each picture at a time drawn between its own class's call and the end of the collection and,
  instead of finding that class's thread, replied to the newest thread in the inbox (the class called latest before
  the picture was sent) at a rate of 15-35% (``NEWEST``, drawn a pass); where the newest thread is the picture's own
  class it is filed right. The flips are pictures so filed under a class called later than their own (passes over the
  pictures not yet flipped while some are left). Noise from earlier-called classes to later-called ones, by the calls'
  order and the senders' timing, not by look or by any list's order: not BU's dead listings, BS's predictive default,
  a spreadsheet's fill-down, clocks or positions. Every flip changes the label (a reply to the picture's own class's
  thread is not a flip), so every one is in the truth.

Each planted defect has its own source image; nothing else is planted, so only these six issue types are scored on BV's
sets. Base data are the evaluation domains drawn with seeds no other set uses: Fashion-MNIST *test* (2,000, seed 421),
MNIST (2,000, seed 422), and the evaluation photographs tiled at 102 px (24 tiles a photograph at most, 354 tiles, seed
423) and at 314 px (every tile, 61 tiles, seed 424), sizes no other set uses. ``photos102_bv_jpeg`` is written as JPEG
files, each at a quality drawn from 34-53 (a stream of its own, seed ``745_000 + random_state``), every edit, blur and
darkening made before the encoding, near copies made from the decoded JPEG and saved again at their own quality, exact
copies byte copies of the file; the other sets are PNG files. Planting draws from seed ``740_000 + random_state``. The
planting is I's (:func:`_heldout_i.plant_generator`, as for J to BU).
"""

from __future__ import annotations

import numpy as np
from _heldout_aa import _frame_at, _rect
from _heldout_ae import _lit
from _heldout_af import _glow
from _heldout_au import _circle
from _heldout_ay import _field, _rounded
from _heldout_be import _blur3, _falloff
from _heldout_bf import _fine, _ground_print, _standing_out
from _heldout_h import _u8
from _heldout_i import by_family, plant_generator
from _heldout_k import _paint
from _heldout_p import _ellipse
from _heldout_q import _down
from _heldout_v import _metered
from _heldout_x import _bar, _canvas, _Frame, _laid
from PIL import ImageDraw

from dataquality.datasets import PlantedDataset

EVALUATION_BV = ("fashion_test_bv", "mnist_bv", "photos102_bv_jpeg", "photos314_bv")
# each set's base: (data, seed) or ("photos", seed, tile size, tiles per photograph quick, full)
BASES_BV = {
    "fashion_test_bv": ("fashion_test", 421),
    "mnist_bv": ("mnist", 422),
    "photos102_bv_jpeg": ("photos", 423, 102, 8, 24),
    "photos314_bv": ("photos", 424, 314, 8, 1000),
}
JPEG_QUALITY = (34, 54)  # the JPEG set's qualities: integers in [low, high)
RATES_BV = {"near_duplicate": 0.03, "exact_duplicate": 0.01, "blurry": 0.03, "dark": 0.02, "outlier": 0.015,
            "label": 0.05}
# parts of the picture and the whole picture in turn, so that the smallest set gets both kinds
NEAR_EDITS_BV = ("bicycle_bell", "studded_rubber", "ice_scraper", "pantile_roof", "jerry_can", "solar_panel",
                 "egg_slicer", "hair_clipper")
BLURS_BV = ("honesty_pods", "bladder_window")
DARKS_BV = ("smart_meter", "fence_energiser", "power_strip")
OUTLIERS_BV = ("cormorant", "ride_on_mower", "bottle_kiln")
NEWEST = (0.15, 0.35)  # the share of contributors who replied to the newest call's thread, drawn a pass


def load_base_bv(name: str, quick: bool = False):
    import _heldout

    return _heldout.load_generator_base(name, quick, BASES_BV, "BV")


# -- near copies -----------------------------------------------------------------------------
WHITE = (255, 255, 255)
STEEL = (178, 180, 186)
BELLS = ((196, 198, 204), (36, 36, 40), (186, 40, 40))


def _bicycle_bell(f: np.ndarray, rng) -> np.ndarray:
    """A bicycle bell lying on the print, seen from above: a round dome 22-28% of the side across (at least 9 px),
    chrome 196 / 198 / 204, near black 36 / 36 / 40 or red 186 / 40 / 40 (of the three the one whose colour differs
    most on average from the picture's where it lies, or the second where it differs at least 60% as much, as for the
    jerry can, the egg slicer and the hair clipper); a ring 70% of its radius out 12% darker at 60%, a steel 178 / 180
    / 186 rivet in the middle (14% of its radius); under it the clamp, a steel band 30% of its diameter wide reaching
    85% of it out beyond the dome's edge, with a screw; a thumb lever, a near black 30 / 30 / 32 bar 40% of its
    diameter long with a round pad, out of the dome's side at 60-120 degrees from the clamp; a crescent shine at 40%;
    at any angle, its middle 30-70% of the way across and down, a soft shadow at 30%."""
    h, w = f.shape[:2]
    side = min(h, w)
    D = max(9.0, side * rng.uniform(0.22, 0.28))
    R = D / 2
    fr = _frame_at(h, w, rng)
    col = np.asarray(_standing_out(BELLS, f, fr, 0.8 * D, rng), np.float32)
    dome = fr.fill([_circle(R, 36)])
    ring = fr.line([_circle(0.7 * R, 36) + [_circle(0.7 * R, 36)[0]]], max(0.4, 0.06 * R))
    rivet = fr.fill([_circle(max(0.35, 0.14 * R), 12)])
    clamp = fr.fill([_rect(0.0, -0.15 * D, R + 0.85 * D, 0.15 * D)])
    screw = fr.fill([_circle(max(0.35, 0.08 * D), 10, R + 0.7 * D, 0.0)])
    a = np.deg2rad(rng.uniform(60, 120)) * rng.choice([-1, 1])
    ca, sa = float(np.cos(a)), float(np.sin(a))
    lever = fr.fill([[(x * ca - y * sa, x * sa + y * ca) for x, y in _bar(0.6 * R, 0.6 * R + 0.4 * D, 0.06 * D)]])
    pad = fr.fill([_circle(0.1 * D, 12, (0.6 * R + 0.4 * D) * ca, (0.6 * R + 0.4 * D) * sa)])
    t = np.linspace(np.pi * 1.05, np.pi * 1.55, 10)
    shine = fr.line([[(float(0.8 * R * np.cos(u)), float(0.8 * R * np.sin(u))) for u in t]], max(0.35, 0.07 * R))
    parts = [(clamp, STEEL, 1.0, True), (screw * clamp, (120, 122, 128), 1.0, False), (lever, (30, 30, 32), 1.0, True),
             (pad, (30, 30, 32), 1.0, True), (dome, col, 1.0, True), (ring * dome, col * 0.88, 0.6, False),
             (rivet, STEEL, 1.0, False), (shine * dome, WHITE, 0.4, False)]
    return _u8(_laid(f, parts, 0.3))


# plastic, opacity
SCRAPERS = (((110, 160, 226), 0.55), ((240, 196, 50), 0.6), ((88, 92, 100), 0.7))


def _ice_scraper(f: np.ndarray, rng) -> np.ndarray:
    """A car's windscreen ice scraper lying on the print, of translucent plastic: clear blue 110 / 160 / 226 at 55%,
    amber 240 / 196 / 50 at 60% or smoked 88 / 92 / 100 at 70% (one at random); 44-54% of the side long (at least 14
    px): a flat blade widening from the handle to a straight scraping edge 60% of its length wide (the blade 45% of its
    length long), a row of 6-9 ice-breaking teeth along its back (darker notches at 70%), the scraping edge a line 25%
    lighter; a handle 14% of its length wide with round ends, 5-8 grip ribs across it 25% darker at 70% and a hanging
    hole; a highlight along the blade at 40%; at any angle, its middle 30-70% of the way across and down, a soft
    shadow at 15% (the plastic lets the light through)."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(14.0, side * rng.uniform(0.44, 0.54))
    fr = _frame_at(h, w, rng)
    plastic, alpha = SCRAPERS[int(rng.integers(len(SCRAPERS)))]
    c = np.asarray(plastic, np.float32)
    x0, xb = -0.5 * L, -0.05 * L  # the handle's end, the blade's root
    blade = fr.fill([[(xb, -0.08 * L), (0.5 * L, -0.3 * L), (0.5 * L, 0.3 * L), (xb, 0.08 * L)]])
    handle = fr.fill([_bar(x0, xb + 0.02 * L, 0.07 * L)], holes=[_circle(max(0.4, 0.03 * L), 10, x0 + 0.04 * L,
                                                                         0.0)])
    n = int(rng.integers(6, 10))
    teeth = fr.line([[(float(x), float(-0.08 * L - (x - xb) / (0.55 * L) * 0.22 * L) - 0.01 * L),
                      (float(x), float(-0.08 * L - (x - xb) / (0.55 * L) * 0.22 * L + 0.04 * L))]
                     for x in np.linspace(xb + 0.08 * L, 0.45 * L, n)], max(0.35, 0.015 * L))
    edge = fr.line([[(0.49 * L, -0.29 * L), (0.49 * L, 0.29 * L)]], max(0.4, 0.02 * L))
    ribs = fr.line([[(float(x), -0.06 * L), (float(x), 0.06 * L)]
                    for x in np.linspace(x0 + 0.12 * L, xb - 0.04 * L, int(rng.integers(5, 9)))], max(0.35, 0.012 * L))
    shine = fr.line([[(xb + 0.05 * L, 0.05 * L), (0.45 * L, 0.2 * L)]], max(0.35, 0.015 * L))
    parts = [(blade, c, alpha, True), (handle, c, alpha, True), (teeth * blade, c * 0.6, 0.7, False),
             (edge * blade, np.minimum(c * 1.25 + 10, 255), 0.7, False), (ribs * handle, c * 0.75, 0.7, False),
             (shine * blade, WHITE, 0.4, False)]
    return _u8(_laid(f, parts, 0.15))


CANS = ((180, 40, 34), (92, 100, 60), (40, 40, 42))


def _jerry_can(f: np.ndarray, rng) -> np.ndarray:
    """A jerry can lying on its side on the print: a body 40-48% of the side high (at least 13 px) and 70% of that
    wide, red 180 / 40 / 34, olive 92 / 100 / 60 or near black 40 / 40 / 42 (chosen as for the bicycle bell); a seam
    round its edge 20% darker; an embossed X across its face, a ridge 15% lighter beside a groove 20% darker; along its
    top the three-bar handle (three bars between two rails, the print showing through the gaps); the spout at one
    corner, a steel 178 / 180 / 186 neck with a cap of the body's colour under a clamp lever; a shine down one side
    at 35%; at any angle, its middle 30-70% of the way across and down, a soft shadow at 30%."""
    h, w = f.shape[:2]
    side = min(h, w)
    H = max(13.0, side * rng.uniform(0.4, 0.48))
    W = 0.7 * H
    fr = _frame_at(h, w, rng)
    col = np.asarray(_standing_out(CANS, f, fr, 0.5 * H, rng), np.float32)
    body = fr.fill([_rounded(W, H, 0.06 * H, 0.0, 0.05 * H)])
    seam = fr.line([_rounded(0.94 * W, 0.94 * H, 0.05 * H, 0.0, 0.05 * H) + [_rounded(0.94 * W, 0.94 * H, 0.05 * H,
                                                                                       0.0, 0.05 * H)[0]]],
                   max(0.35, 0.015 * H))
    xs = [[(-0.38 * W, -0.32 * H), (0.38 * W, 0.42 * H)], [(0.38 * W, -0.32 * H), (-0.38 * W, 0.42 * H)]]
    ridge = fr.line(xs, max(0.4, 0.03 * H))
    groove = fr.line([[(x + 0.025 * H, y) for x, y in p] for p in xs], max(0.35, 0.02 * H))
    top = -0.45 * H
    handle = fr.fill([_rect(-0.3 * W, top - 0.16 * H, 0.2 * W, top + 0.01 * H)],
                     holes=[_rect(-0.3 * W + (0.5 * W) * (k + 0.5) / 3 - 0.05 * W, top - 0.12 * H,
                                  -0.3 * W + (0.5 * W) * (k + 0.5) / 3 + 0.05 * W, top - 0.03 * H) for k in range(3)])
    neck = fr.fill([_rect(0.28 * W, top - 0.1 * H, 0.44 * W, top + 0.02 * H)])
    cap = fr.fill([_rect(0.26 * W, top - 0.16 * H, 0.46 * W, top - 0.08 * H)])
    lever = fr.line([[(0.46 * W, top - 0.12 * H), (0.2 * W, top - 0.2 * H)]], max(0.4, 0.025 * H))
    shine = fr.line([[(-0.44 * W, -0.35 * H), (-0.44 * W, 0.45 * H)]], max(0.35, 0.015 * H))
    parts = [(handle, col, 1.0, True), (neck, STEEL, 1.0, True), (cap, col * 0.9, 1.0, True),
             (lever, STEEL, 1.0, True), (body, col, 1.0, True), (seam * body, col * 0.8, 1.0, False),
             (ridge * body, np.minimum(col * 1.15 + 8, 255), 0.8, False), (groove * body, col * 0.8, 0.8, False),
             (shine * body, WHITE, 0.35, False)]
    return _u8(_laid(f, parts, 0.3))


SLICERS = ((232, 232, 228), (150, 150, 146), (190, 192, 196))


def _egg_slicer(f: np.ndarray, rng) -> np.ndarray:
    """An egg slicer lying on the print, seen from above: an oval cradle 38-48% of the side long (at least 12 px) and
    68% of that wide, white 232 / 232 / 228, stone grey 150 / 150 / 146 or aluminium 190 / 192 / 196 (chosen as for
    the bicycle bell), its egg-shaped hollow 20% darker crossed by 7-9 dark 40 / 40 / 44 slots; over it the hinged
    cutting frame, an outline of steel wire 178 / 180 / 186 (3% of its length thick, at least 0.5 px) round the hollow
    and 7-9 taut wires (1% thick, at least 0.35 px) across it over the slots at 85%; a tab at the far end, the hinge's
    two knuckles at the near end; a shine along one side at 35%; at any angle, its middle 30-70% of the way across and
    down, a soft shadow at 30%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(12.0, side * rng.uniform(0.38, 0.48))
    Wd = 0.68 * L
    fr = _frame_at(h, w, rng)
    col = np.asarray(_standing_out(SLICERS, f, fr, 0.5 * L, rng), np.float32)
    cradle = fr.fill([_ellipse(0.0, 0.0, 0.5 * L, 0.5 * Wd, 0.0, 36)])
    hollow = fr.fill([_ellipse(0.0, 0.0, 0.34 * L, 0.26 * L, 0.0, 30)])
    n = int(rng.integers(7, 10))
    xs = np.linspace(-0.26 * L, 0.26 * L, n)
    slots = fr.line([[(float(x), -0.28 * L), (float(x), 0.28 * L)] for x in xs], max(0.35, 0.012 * L)) * cradle
    loop = _rounded(0.76 * L, 0.6 * L, 0.2 * L)
    frame = fr.line([loop + [loop[0]]], max(0.5, 0.03 * L))
    wires = fr.line([[(float(x), -0.29 * L), (float(x), 0.29 * L)] for x in xs + 0.006 * L], max(0.35, 0.01 * L))
    tab = fr.fill([_rounded(0.1 * L, 0.2 * L, 0.04 * L, 0.43 * L, 0.0)])
    knuckles = fr.fill([_rect(-0.42 * L, -0.22 * L, -0.36 * L, -0.12 * L), _rect(-0.42 * L, 0.12 * L, -0.36 * L,
                                                                               0.22 * L)])
    shine = fr.line([[(float(0.45 * L * np.cos(u)), float(0.31 * L * np.sin(u))) for u in np.linspace(3.6, 5.2, 8)]],
                    max(0.35, 0.012 * L))
    parts = [(cradle, col, 1.0, True), (hollow, col * 0.8, 1.0, False), (slots, (40, 40, 44), 1.0, False),
             (frame, STEEL, 1.0, True), (wires, STEEL, 0.85, False), (tab, STEEL, 1.0, True),
             (knuckles, (120, 122, 128), 1.0, True), (shine * cradle, WHITE, 0.35, False)]
    return _u8(_laid(f, parts, 0.3))


CLIPPERS = ((40, 40, 44), (150, 150, 146), (184, 186, 192))


def _hair_clipper(f: np.ndarray, rng) -> np.ndarray:
    """An electric hair clipper lying on the print: a body 44-54% of the side long (at least 14 px) and 24% of that
    wide, rounded and a little narrower at its tail, near black 40 / 40 / 44, stone grey 150 / 150 / 146 or silver
    184 / 186 / 192 (chosen as for the bicycle bell); at its head the steel 178 / 180 / 186 blade set, as wide as the
    body, its 14-22 teeth dark lines at 70%; a slide switch (a dark slot with a lighter knob) and a 4% grip panel of
    ribs 20% darker; a black 28 / 28 / 30 cord (3% of its length thick, at least 0.5 px) out of its tail curving off
    30-50% of its length; a shine along one side at 35%; at any angle, its middle 30-70% of the way across and down, a
    soft shadow at 30%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(14.0, side * rng.uniform(0.44, 0.54))
    fr = _frame_at(h, w, rng)
    col = np.asarray(_standing_out(CLIPPERS, f, fr, 0.5 * L, rng), np.float32)
    W = 0.24 * L
    body = fr.fill([[(0.4 * L, -W / 2), (-0.4 * L, -0.4 * W), (-0.48 * L, -0.3 * W), (-0.5 * L, 0.0),
                     (-0.48 * L, 0.3 * W), (-0.4 * L, 0.4 * W), (0.4 * L, W / 2)]])
    blade = fr.fill([_rect(0.38 * L, -0.52 * W, 0.5 * L, 0.52 * W)])
    n = int(rng.integers(14, 23))
    teeth = fr.line([[(0.44 * L, float(y)), (0.5 * L, float(y))] for y in np.linspace(-0.48 * W, 0.48 * W, n)],
                    max(0.3, 0.006 * L)) * blade
    slot = fr.fill([_rect(0.0, -0.12 * W, 0.2 * L, 0.12 * W)])
    knob = fr.fill([_rect(0.02 * L, -0.1 * W, 0.08 * L, 0.1 * W)])
    ribs = fr.line([[(float(x), -0.3 * W), (float(x), 0.3 * W)] for x in np.linspace(-0.3 * L, -0.12 * L, 6)],
                   max(0.35, 0.01 * L))
    out = rng.uniform(0.3, 0.5) * L
    s = rng.choice([-1, 1])
    cord = fr.line([[(float(-0.5 * L - u * out), float(s * 0.5 * out * u ** 2)) for u in np.linspace(0, 1, 10)]],
                   max(0.5, 0.03 * L))
    shine = fr.line([[(-0.38 * L, -0.32 * W), (0.36 * L, -0.4 * W)]], max(0.35, 0.012 * L))
    dark = np.asarray((28, 28, 30), np.float32)
    parts = [(cord, dark, 1.0, True), (body, col, 1.0, True), (blade, STEEL, 1.0, True),
             (teeth, (60, 62, 66), 0.7, False), (slot, dark, 1.0, False),
             (knob, np.minimum(col * 1.2 + 30, 255), 1.0, False), (ribs * body, col * 0.8, 1.0, False),
             (shine * body, WHITE, 0.35, False)]
    return _u8(_laid(f, parts, 0.3))


RUBBERS = np.array([(130, 130, 132), (58, 58, 62), (80, 110, 84)], np.float32)


def _studded_rubber(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on a studded rubber floor (the coin-studded flooring of stairs, buses and gyms): the ink
    multiplied onto the rubber, 42-54% of the way from the picture (35% of its tone added at that share, as for the
    pantile roof and the solar panel); mid grey 130 / 130 / 132, near black 58 / 58 / 62 or green 80 / 110 / 84 (one
    at random), mottled by 4% (a field of 10% of the side); round studs 3.5-5% of the side across (at least 1.2 px) on
    a square grid 8-11% of the side apart, turned by up to 10 degrees, each lit from the top left: a crescent 35%
    lighter (and 12 levels) on its upper side and one 40% darker on its lower, its face 10% lighter (and 6 levels),
    and a shadow 15% darker below it; drawn at 2 times the size and averaged: a floor of round raised studs, not AU's
    tread plate (raised bars), a coir mat or any ground of the earlier lists."""
    h, w = f.shape[:2]
    side = min(h, w)
    s = 2
    up = lambda m: np.kron(m, np.ones((s, s)))  # noqa: E731
    tone = RUBBERS[int(rng.integers(len(RUBBERS)))]
    ground = tone * (1 + 0.04 * np.tanh(up(_field(h, w, 0.1 * side, rng))))[..., None]
    a = np.deg2rad(rng.uniform(-10, 10))
    pitch = side * rng.uniform(0.08, 0.11)
    r = max(0.6, side * rng.uniform(0.0175, 0.025))
    fr = _Frame((h * s, w * s), w * s / 2, h * s / 2, a)
    D = float(np.hypot(h, w))
    ph = rng.uniform(0, pitch, 2)
    faces, lit, dark, shades = [], [], [], []
    for gx in np.arange(-D / 2 - ph[0], D / 2, pitch):
        for gy in np.arange(-D / 2 - ph[1], D / 2, pitch):
            x, y = gx * s, gy * s
            faces.append(_circle(r * s, 16, x, y))
            lit.append(_circle(r * s, 16, x - 0.25 * r * s, y - 0.25 * r * s))
            dark.append(_circle(r * s, 16, x + 0.25 * r * s, y + 0.25 * r * s))
            shades.append(_circle(r * s, 16, x + 0.45 * r * s, y + 0.55 * r * s))
    face = fr.fill(faces)
    ground = ground * (1 - 0.15 * fr.fill(shades) * (1 - face))[..., None]
    ground = _paint(ground, face * (1 - fr.fill(lit)), tone * 0.6)
    ground = _paint(ground, face * (1 - fr.fill(dark)), np.minimum(tone * 1.35 + 12, 255))
    ground = _paint(ground, face * fr.fill(lit) * fr.fill(dark), np.minimum(tone * 1.1 + 6, 255))
    ground = ground.reshape(h, s, w, s, 3).mean(axis=(1, 3))
    return _u8(_ground_print(f, ground, rng.uniform(0.42, 0.54), 0.35))


PANTILES = np.array([(184, 96, 62), (150, 104, 78), (72, 70, 72)], np.float32)


def _pantile_roof(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on a roof of clay pantiles (S-curved tiles laid in courses, each overlapping the one
    below): the ink multiplied onto the tiles, 42-54% of the way from the picture (35% of its tone added at that
    share); terracotta 184 / 96 / 62, weathered brown 150 / 104 / 78 or grey-black glazed 72 / 70 / 72 (one at
    random), each tile 8% lighter or darker; courses 8-12% of the side high, tiles 12-18% of it wide, every course's
    tiles offset by none (pantiles line up down the roof); across each tile its S-profile lit from one side, the roll
    22% lighter and the pan 22% darker (a sine across it); each course's lower lip a line 2% of the side wide 12%
    lighter with a shadow 30% darker under it, 1.5% of the side deep; the roof turned by up to 5 degrees; drawn at 2
    times the size and averaged: a roof of curved clay tiles, not BT's cedar shingles, BU's thatch, flat tiles,
    slate or any roof or ground of the earlier lists."""
    h, w = f.shape[:2]
    side = min(h, w)
    s = 2
    yy, xx = _fine(h, w, s)
    tone = PANTILES[int(rng.integers(len(PANTILES)))]
    a = np.deg2rad(rng.uniform(-5, 5))
    u = xx * np.cos(a) + yy * np.sin(a)  # across the roof
    v = -xx * np.sin(a) + yy * np.cos(a)  # down it
    ch = side * rng.uniform(0.08, 0.12)
    tw = side * rng.uniform(0.12, 0.18)
    pu, pv = u / tw + rng.uniform(0, 1), v / ch + rng.uniform(0, 1)
    iu, iv = np.floor(pu).astype(np.int64), np.floor(pv).astype(np.int64)
    fu, fv = pu - iu, pv - iv
    jitter = rng.uniform(-0.08, 0.08, (int(iv.max() - iv.min()) + 1, int(iu.max() - iu.min()) + 1))
    each = jitter[iv - iv.min(), iu - iu.min()]
    profile = 0.22 * np.sin(2 * np.pi * fu)
    lip = np.clip(1 - np.abs(fv - 0.96) / max(0.02 * side / ch, 0.04), 0, 1)
    under = np.clip(1 - np.abs(fv - 0.06) / max(0.015 * side / ch, 0.04), 0, 1)
    shade = (1 + each + profile) * (1 + 0.12 * lip) * (1 - 0.3 * under)
    ground = tone * shade[..., None]
    ground = ground.reshape(h, s, w, s, 3).mean(axis=(1, 3))
    return _u8(_ground_print(f, np.clip(ground, 0, 255), rng.uniform(0.42, 0.54), 0.35))


CELLS = (np.array([40, 56, 98], np.float32), np.array([30, 32, 40], np.float32))
BACKSHEET = np.array([226, 228, 230], np.float32)
BUSBAR = np.array([180, 182, 186], np.float32)


def _solar_panel(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on a solar panel's face: the ink multiplied onto it, 42-54% of the way from the picture
    (35% of its tone added at that share); square cells 14-20% of the side across, polycrystalline blue 40 / 56 / 98
    mottled by its crystal flakes (a field of 2% of the side, 18% deep) or monocrystalline near black 30 / 32 / 40
    with its four corners cut off (one at random), on a white 226 / 228 / 230 backsheet showing in gaps 1-1.5% of the
    side wide (at least 0.5 px) and through the cut corners; 2-3 silver 180 / 182 / 186 busbars along each cell (0.6%
    of the side wide, at least 0.5 px) and fine fingers across them every 1.2% of the side at 25%; the panel turned
    by up to 4 degrees; drawn at 2 times the size and averaged: a panel of cells and busbars, not a circuit board or
    any grid, print or ground of the earlier lists."""
    h, w = f.shape[:2]
    side = min(h, w)
    s = 2
    yy, xx = _fine(h, w, s)
    up = lambda m: np.kron(m, np.ones((s, s)))  # noqa: E731
    mono = rng.random() < 0.5
    cell = CELLS[int(mono)]
    a = np.deg2rad(rng.uniform(-4, 4))
    u = xx * np.cos(a) + yy * np.sin(a)
    v = -xx * np.sin(a) + yy * np.cos(a)
    pitch = side * rng.uniform(0.14, 0.2)
    gap = max(0.5, side * rng.uniform(0.01, 0.015))
    pu, pv = u / pitch + rng.uniform(0, 1), v / pitch + rng.uniform(0, 1)
    fu, fv = (pu - np.floor(pu)) * pitch, (pv - np.floor(pv)) * pitch  # px into the cell
    inside = (fu > gap / 2) & (fu < pitch - gap / 2) & (fv > gap / 2) & (fv < pitch - gap / 2)
    if mono:  # the cut corners
        cu, cv = np.minimum(fu, pitch - fu), np.minimum(fv, pitch - fv)
        inside &= (cu + cv) > 0.16 * pitch
    ground = np.where(inside[..., None], cell, BACKSHEET)
    if not mono:
        flakes = np.tanh(up(_field(h, w, 0.02 * side, rng)))
        ground = ground * (1 + 0.18 * flakes * inside)[..., None]
    nb = int(rng.integers(2, 4))
    bw = max(0.5, 0.006 * side)
    bars = np.zeros_like(fu, dtype=bool)
    for k in range(nb):
        bars |= np.abs(fu - pitch * (k + 1) / (nb + 1)) < bw / 2
    fingers = (np.mod(fv, 0.012 * side) < max(0.25, 0.0015 * side)) & inside
    ground = np.where((bars & inside)[..., None], BUSBAR, ground)
    ground = _paint(ground, 0.25 * fingers.astype(np.float32), BUSBAR)
    ground = ground.reshape(h, s, w, s, 3).mean(axis=(1, 3))
    return _u8(_ground_print(f, ground, rng.uniform(0.42, 0.54), 0.35))


def near_edit_bv(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "bicycle_bell":  # a bicycle bell on the print
        return _bicycle_bell(f, rng)
    if kind == "ice_scraper":  # a translucent windscreen ice scraper on the print
        return _ice_scraper(f, rng)
    if kind == "jerry_can":  # a jerry can on the print
        return _jerry_can(f, rng)
    if kind == "egg_slicer":  # an egg slicer on the print
        return _egg_slicer(f, rng)
    if kind == "hair_clipper":  # an electric hair clipper and its cord on the print
        return _hair_clipper(f, rng)
    if kind == "studded_rubber":  # the picture printed on a studded rubber floor
        return _studded_rubber(f, rng)
    if kind == "pantile_roof":  # the picture printed on a pantile roof
        return _pantile_roof(f, rng)
    if kind == "solar_panel":  # the picture printed on a solar panel
        return _solar_panel(f, rng)
    raise ValueError(kind)


# -- blurs -----------------------------------------------------------------------------------
SEPTUM = np.array([234, 228, 206], np.float32)
SEPTUM_HAZE = np.array([244, 242, 230], np.float32)


def _honesty_pods(f: np.ndarray, rng) -> np.ndarray:
    """The picture seen through a layer of honesty's seed pods (Lunaria's dried round pods, their outer valves and
    seeds rubbed off, leaving the silvery papery disc between them) laid overlapping over it, lit from the front:
    discs 26-36% of the side across on a jittered grid 22-28% of the side apart (every point under one at least),
    the layer scattering the light, a Gaussian of 1.5-2.3% of the side (at least 1 px) and a tail 2.3 times as wide
    for 22-32%; each disc filters the picture 16-24% of the way to its silvery cream 234 / 228 / 206 and hazes it
    6-10% of the way to 244 / 242 / 230, the more discs over a point the more (1 + 0.6 (n - 1)); each disc's rim a line
    1% of the side wide 10% darker, a stalk stub at its edge and 0-3 faint seed scars (ellipses 3-5% of the side long)
    176 / 150 / 110 at 10-18%, all softened by 50% of the blur; as a camera metering on the highlights exposes it: a
    layer of papery seed-pod partitions, not BU's maize husk, rawhide, a leaf, papyrus or any haze, veil, glass, copy
    or print process of the earlier lists."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    s = max(1.0, side * rng.uniform(0.015, 0.023))
    k = rng.uniform(0.22, 0.32)
    out = _blur3(f, s) * (1 - k) + _blur3(f, 2.3 * s) * k
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    step = side * rng.uniform(0.22, 0.28)
    discs, rims, stalks, scars = [], [], [], []
    for gy in np.arange(-0.5 * step, h + step, step):
        for gx in np.arange(-0.5 * step, w + step, step):
            r = side * rng.uniform(0.13, 0.18)
            cx, cy = gx + rng.uniform(-0.2, 0.2) * step, gy + rng.uniform(-0.2, 0.2) * step
            disc = _ellipse(cx, cy, r, r * rng.uniform(0.85, 1.0), rng.uniform(0, np.pi), 28)
            discs.append(disc)
            rims.append(disc + [disc[0]])
            t = rng.uniform(0, 2 * np.pi)
            stalks.append([(float(cx + r * np.cos(t)), float(cy + r * np.sin(t))),
                           (float(cx + 1.12 * r * np.cos(t)), float(cy + 1.12 * r * np.sin(t)))])
            for _ in range(int(rng.integers(0, 4))):
                scars.append(_ellipse(cx + rng.uniform(-0.5, 0.5) * r, cy + rng.uniform(-0.5, 0.5) * r,
                                      side * rng.uniform(0.015, 0.025), side * rng.uniform(0.01, 0.015),
                                      rng.uniform(0, np.pi), 12))
    n = sum(ident.fill([d]) for d in discs)
    strength = 1 + 0.6 * np.maximum(n - 1, 0)
    out = out * (1 - (rng.uniform(0.16, 0.24) * strength)[..., None] * (1 - SEPTUM / 255))
    out = out + (SEPTUM_HAZE - out) * np.minimum(rng.uniform(0.06, 0.1) * strength, 0.6)[..., None]
    soft = max(0.5, 0.5 * s)
    lines = gaussian_filter(np.maximum(ident.line(rims, max(0.5, 0.01 * side)), ident.line(stalks, max(0.5, 0.01
                                                                                                        * side))),
                            soft)
    out = out * (1 - 0.1 * np.clip(lines, 0, 1))[..., None]
    if scars:
        out = _paint(out, gaussian_filter(ident.fill(scars), soft) * rng.uniform(0.1, 0.18), (176, 150, 110))
    return _u8(_metered(np.maximum(out, 0), f))


BLADDER = np.array([226, 196, 140], np.float32)
BLADDER_HAZE = np.array([238, 222, 184], np.float32)


def _bladder_window(f: np.ndarray, rng) -> np.ndarray:
    """The picture seen through a window glazed, as before glass was common, with a pig's bladder dried and stretched
    over the frame, lit from behind the viewer: the membrane scatters the light, a Gaussian of 1.6-2.5% of the side
    (at least 1 px) and a tail 2.4 times as wide for 24-34%; it filters the picture 28-38% of the way to its yellow-tan
    226 / 196 / 140 and hazes it 10-16% of the way to 238 / 222 / 184, 40% more towards its tied neck (at one of the
    picture's corners, falling off over 80% of the side) and 20% more or less where it dried thicker or thinner (a
    field of 10% of the side); 6-12 stretch wrinkles radiating from the neck (lines 0.6-1.2% of the side wide, at
    least 0.5 px, softened by 40% of the blur) 8-14% darker, each with a light edge beside it 5% lighter; as a camera
    metering on the highlights exposes it: a dried membrane stretched taut, not BU's rawhide (a scraped skin), AT's
    horn, BP's horn pane, BG's capiz window or any haze, veil, glass, copy or print process of the earlier lists."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32) + 0.5
    s = max(1.0, side * rng.uniform(0.016, 0.025))
    k = rng.uniform(0.24, 0.34)
    out = _blur3(f, s) * (1 - k) + _blur3(f, 2.4 * s) * k
    nx, ny = (0.0 if rng.random() < 0.5 else float(w)), (0.0 if rng.random() < 0.5 else float(h))
    near = np.clip(1 - np.hypot(xx - nx, yy - ny) / (0.8 * side), 0, 1)
    thick = (1 + 0.4 * near) * (1 + 0.2 * np.tanh(_field(h, w, 0.1 * side, rng)))
    out = out * (1 - (rng.uniform(0.28, 0.38) * thick)[..., None] * (1 - BLADDER / 255))
    out = out + (BLADDER_HAZE - out) * (rng.uniform(0.1, 0.16) * thick)[..., None]
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    lines, edges = [], []
    base = np.arctan2(h / 2 - ny, w / 2 - nx)
    for _ in range(int(rng.integers(6, 13))):
        t = base + rng.uniform(-0.75, 0.75)
        ln = side * rng.uniform(0.4, 1.1)
        pts = [(float(nx + q * ln * np.cos(t) + 0.02 * side * np.sin(5 * q) * -np.sin(t)),
                float(ny + q * ln * np.sin(t) + 0.02 * side * np.sin(5 * q) * np.cos(t))) for q in np.linspace(0, 1, 12)]
        lines.append(pts)
        off = 0.012 * side
        edges.append([(x - off * np.sin(t), y + off * np.cos(t)) for x, y in pts])
    lw = max(0.5, side * rng.uniform(0.006, 0.012))
    soft = max(0.5, 0.4 * s)
    m = gaussian_filter(ident.line(lines, lw), soft)
    e = gaussian_filter(ident.line(edges, lw), soft)
    out = out * (1 - rng.uniform(0.08, 0.14) * np.clip(m, 0, 1) + 0.05 * np.clip(e, 0, 1))[..., None]
    return _u8(_metered(np.maximum(out, 0), f))


def blur_bv(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "honesty_pods":  # seen through a layer of honesty's seed pods
        return _honesty_pods(f, rng)
    if kind == "bladder_window":  # seen through a window glazed with a dried pig's bladder
        return _bladder_window(f, rng)
    raise ValueError(kind)


# -- darkening -------------------------------------------------------------------------------
PULSE = np.array([1.0, 0.15, 0.1], np.float32)


def _smart_meter(f: np.ndarray, rng) -> np.ndarray:
    """A meter cupboard at night lit only by an electricity smart meter's pulse light (the "imp/kWh" light that
    flashes with the power drawn): on the back board 36 / 32 / 28 the meter, a box 22-28% of the side wide and 1.2
    times as high, 30-70% across and 30-50% down, 46 / 46 / 50, a dark 28 / 30 / 32 display window across its top
    third, three buttons 38 / 38 / 42 under it and under them the pulse light, a dot 1.2% of the side across (at least
    0.8 px), red 1 / 0.15 / 0.1 at 240-255; 2-3 thick dark 26 / 26 / 28 cables (2.5% of the side wide, at least 0.8 px)
    from its bottom down out of the picture; a glow of sigma 3-5% of the side up to 40-55 levels in its colour; the
    picture lit in that colour at a gain of 0.015-0.03 plus 0.26-0.34 falling off as ``1 / (1 + (d / d0) ** 2)`` with
    the distance ``d`` from the light, ``d0`` 20-28% of the side; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    mw = side * rng.uniform(0.22, 0.28)
    mh = 1.2 * mw
    cx, cy = w * rng.uniform(0.3, 0.7), h * rng.uniform(0.3, 0.5)
    lx, ly = cx, cy + 0.22 * mh
    out = _lit(f, _falloff(h, w, lx, ly, side, (0.2, 0.28), rng)[..., None] * PULSE, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    box = ident.fill([_rounded(mw, mh, 0.06 * mw, cx, cy)])
    display = ident.fill([_rect(cx - 0.38 * mw, cy - 0.42 * mh, cx + 0.38 * mw, cy - 0.12 * mh)])
    buttons = ident.fill([_circle(max(0.4, 0.05 * mw), 10, cx + dx * mw, cy) for dx in (-0.22, 0.0, 0.22)])
    n = int(rng.integers(2, 4))
    cables = ident.line([[(float(x), cy + mh / 2), (float(x), h + 2.0)]
                         for x in np.linspace(cx - 0.25 * mw, cx + 0.25 * mw, n)], max(0.8, 0.025 * side))
    led = ident.fill([_circle(max(0.4, 0.006 * side), 10, lx, ly)])
    out = _paint(_paint(out, cables, (26, 26, 28)), box, (46, 46, 50))
    out = _paint(_paint(out, display, (28, 30, 32)), buttons, (38, 38, 42))
    out = _paint(out, led, PULSE * rng.uniform(240, 255))
    glow = _glow(led, max(1.0, side * rng.uniform(0.03, 0.05)))[..., None]
    return _u8(out + glow * rng.uniform(40, 55) * PULSE)


ENERGISER_LEDS = np.array([(1.0, 0.18, 0.1), (1.0, 0.55, 0.12)], np.float32)


def _fence_energiser(f: np.ndarray, rng) -> np.ndarray:
    """A field at night lit only by an electric fence energiser's pulse light: dark grass 26 / 30 / 24 from 74-84% of
    the way down with 10-20 darker tufts; a wooden post 4-6% of the side wide 20-80% across rising from it 40-50% of
    the side, 38 / 32 / 28; on it the energiser, a box 13-17% of the side wide and 1.3 times as high, 42 / 44 / 42,
    its light near its top, a dot 1.2% of the side across (at least 0.8 px), red 1 / 0.18 / 0.1 or orange 1 / 0.55 /
    0.12 at 240-255; 2-3 fence wires 26 / 26 / 28 (0.6% of the side wide, at least 0.5 px) across the whole picture
    from the post, sagging a little; a glow of sigma 3-5% of the side up to 40-55 levels in its colour; the picture lit
    in that colour falling off as for the smart meter from the light, ``d0`` 18-26% of the side; noise sigma 1.2
    levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    col = ENERGISER_LEDS[int(rng.integers(len(ENERGISER_LEDS)))]
    gy = h * rng.uniform(0.74, 0.84)
    px = w * rng.uniform(0.2, 0.8)
    pw = side * rng.uniform(0.04, 0.06)
    top = gy - side * rng.uniform(0.4, 0.5)
    bw = side * rng.uniform(0.13, 0.17)
    bh = 1.3 * bw
    by = top + 0.1 * side + bh / 2
    lx, ly = px, by - 0.3 * bh
    out = _lit(f, _falloff(h, w, lx, ly, side, (0.18, 0.26), rng)[..., None] * col, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    grass = ident.fill([_rect(-1.0, gy, w + 1.0, h + 1.0)])
    nt = int(rng.integers(10, 21))
    tufts = ident.line([[(float(x), float(gy + d)), (float(x + dx), float(gy + d - 0.03 * side))]
                        for x, d, dx in zip(rng.uniform(0, w, nt), rng.uniform(0, 0.15, nt) * side,
                                            rng.uniform(-0.02, 0.02, nt) * side)], max(0.5, 0.006 * side))
    post = ident.fill([_rect(px - pw / 2, top, px + pw / 2, gy + 0.02 * side)])
    wires = []
    for k in range(int(rng.integers(2, 4))):
        wy = top + 0.06 * side + (gy - top) * (k + 1) / 4
        wires.append([(float(x), float(wy + 0.02 * side * (1 - np.cos(2 * np.pi * (x - px) / side)) / 2))
                      for x in np.linspace(-1.0, w + 1.0, 16)])
    box = ident.fill([_rounded(bw, bh, 0.08 * bw, px, by)])
    led = ident.fill([_circle(max(0.4, 0.006 * side), 10, lx, ly)])
    out = _paint(_paint(out, grass, (26, 30, 24)), tufts * grass, (20, 24, 18))
    out = _paint(_paint(out, ident.line(wires, max(0.5, 0.006 * side)), (26, 26, 28)), post, (38, 32, 28))
    out = _paint(_paint(out, box, (42, 44, 42)), led, col * rng.uniform(240, 255))
    glow = _glow(led, max(1.0, side * rng.uniform(0.03, 0.05)))[..., None]
    return _u8(out + glow * rng.uniform(40, 55) * col)


SWITCH = np.array([1.0, 0.35, 0.1], np.float32)


def _power_strip(f: np.ndarray, rng) -> np.ndarray:
    """An office at night lit only by a power strip's lit rocker switch: a dark floor 34 / 32 / 32 from 74-84% of the
    way down; on it, 30-70% across, the strip, a bar 44-58% of the side long and 8-10% high, 42 / 42 / 46, with 3-5
    dark 24 / 24 / 26 sockets along it, 1-3 of them with a plug in 50 / 50 / 54 whose cable (1.5% of the side wide,
    at least 0.6 px) 26 / 26 / 28 rises out of the picture; at its end the switch, a rocker 6% of the side long and
    70% of the strip's height, glowing orange-red 1 / 0.35 / 0.1 at 240-255; its own cable off the other end; a glow of
    sigma 3-5% of the side up to 40-55 levels in its colour; the picture lit in that colour falling off as for the
    smart meter from the switch, ``d0`` 20-28% of the side; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    fy = h * rng.uniform(0.74, 0.84)
    L = side * rng.uniform(0.44, 0.58)
    H = side * rng.uniform(0.08, 0.1)
    cx = w * rng.uniform(0.3, 0.7)
    cy = fy + (h - fy) * 0.4
    s = 1 if rng.random() < 0.5 else -1  # the switch's end
    sx = cx + s * (L / 2 - 0.05 * side)
    out = _lit(f, _falloff(h, w, sx, cy, side, (0.2, 0.28), rng)[..., None] * SWITCH, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    floor = ident.fill([_rect(-1.0, fy, w + 1.0, h + 1.0)])
    strip = ident.fill([_rounded(L, H, 0.2 * H, cx, cy)])
    n = int(rng.integers(3, 6))
    xs = np.linspace(cx - s * (L / 2 - 0.06 * side), sx - s * 0.08 * side, n)
    sockets = ident.fill([_rounded(0.7 * H, 0.7 * H, 0.2 * H, float(x), cy) for x in xs])
    used = rng.permutation(n)[: int(rng.integers(1, min(3, n) + 1))]
    plugs = ident.fill([_rounded(0.8 * H, 0.9 * H, 0.15 * H, float(xs[j]), cy) for j in used])
    cables = ident.line([[(float(xs[j]), cy), (float(xs[j] + rng.uniform(-0.1, 0.1) * side), float(fy - 0.1 * side)),
                          (float(xs[j] + rng.uniform(-0.2, 0.2) * side), -2.0)] for j in used]
                        + [[(cx - s * L / 2, cy), (float(cx - s * (L / 2 + 0.3 * side)), float(cy + 0.1 * side))]],
                        max(0.6, 0.015 * side))
    switch = ident.fill([_rect(sx - 0.03 * side, cy - 0.35 * H, sx + 0.03 * side, cy + 0.35 * H)])
    out = _paint(_paint(out, floor, (34, 32, 32)), cables, (26, 26, 28))
    out = _paint(_paint(out, strip, (42, 42, 46)), sockets, (24, 24, 26))
    out = _paint(_paint(out, plugs, (50, 50, 54)), switch, SWITCH * rng.uniform(240, 255))
    glow = _glow(switch, max(1.0, side * rng.uniform(0.03, 0.05)))[..., None]
    return _u8(out + glow * rng.uniform(40, 55) * SWITCH)


def dark_bv(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "smart_meter":  # a meter cupboard lit only by a smart meter's pulse light
        return _smart_meter(f, rng)
    if kind == "fence_energiser":  # a field lit only by an electric fence energiser's light
        return _fence_energiser(f, rng)
    if kind == "power_strip":  # an office lit only by a power strip's lit switch
        return _power_strip(f, rng)
    raise ValueError(kind)


# -- outliers --------------------------------------------------------------------------------
def _cormorant(size: int, rng) -> dict:
    """A cormorant drying its wings on a mooring post in a harbour, seen from the front: the water from 56-66% of the
    way down with 4-7 ripple lines; a wooden post 8-11% of the side wide 40-60% across, its top 50-58% down, with a
    darker band at the waterline; on it the bird standing upright, a body (an ellipse 12% of the side wide and 24%
    high), a neck up to a head 7% across turned to one side with a long hooked bill 9% long and a pale throat patch,
    its wings held out on both sides to dry, each 24-30% of the side long from the shoulder, drooping, with 4-6 ragged
    feather tips along its trailing edge, a short tail below and two webbed feet on the post's top (0-1 coverage
    each)."""
    big = 4 * size
    M = _canvas(("water", "ripples", "post", "band", "body", "wings", "neck", "head", "bill", "throat", "eye", "tail",
                 "feet"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    s = 1 if rng.random() < 0.5 else -1  # the way the head is turned
    wy = big * rng.uniform(0.56, 0.66)
    d["water"].rectangle((0, wy, big, big), fill=255)
    for _ in range(int(rng.integers(4, 8))):
        y = rng.uniform(wy + 0.03 * big, big)
        x = rng.uniform(0, big)
        d["ripples"].line([(x - 0.12 * big, y), (x + 0.12 * big, y)], fill=255, width=max(1, round(0.008 * big)))
    cx = big * rng.uniform(0.4, 0.6)
    pw = big * rng.uniform(0.08, 0.11)
    pt = big * rng.uniform(0.5, 0.58)
    d["post"].rectangle((cx - pw / 2, pt, cx + pw / 2, big), fill=255)
    d["band"].rectangle((cx - pw / 2, wy - 0.02 * big, cx + pw / 2, wy + 0.03 * big), fill=255)
    by = pt - 0.14 * big
    d["body"].ellipse((cx - 0.06 * big, by - 0.12 * big, cx + 0.06 * big, by + 0.12 * big), fill=255)
    d["tail"].polygon([(cx - 0.03 * big, by + 0.1 * big), (cx + 0.03 * big, by + 0.1 * big),
                       (cx + 0.02 * big, pt + 0.06 * big), (cx - 0.02 * big, pt + 0.06 * big)], fill=255)
    for side_ in (-1, 1):
        span = big * rng.uniform(0.24, 0.3)
        sx, sy = cx + side_ * 0.04 * big, by - 0.08 * big
        tip = (sx + side_ * span, sy + 0.06 * big)
        n = int(rng.integers(4, 7))
        trail = [(sx + side_ * span * (1 - j / n), sy + 0.2 * big - 0.08 * big * (1 - j / n)
                  + (0.03 * big if j % 2 else 0.0)) for j in range(n + 1)]
        d["wings"].polygon([(sx, sy), (sx + side_ * 0.5 * span, sy - 0.04 * big), tip] + trail, fill=255)
    hx, hy = cx + s * 0.01 * big, by - 0.26 * big
    d["neck"].line([(cx, by - 0.08 * big), (cx + s * 0.01 * big, by - 0.18 * big), (hx, hy)], fill=255,
                   width=max(1, round(0.04 * big)))
    r = 0.035 * big
    d["head"].ellipse((hx - r, hy - r, hx + r, hy + r), fill=255)
    d["bill"].line([(hx + s * 0.02 * big, hy + 0.005 * big), (hx + s * 0.11 * big, hy + 0.01 * big),
                    (hx + s * 0.115 * big, hy + 0.02 * big)], fill=255, width=max(1, round(0.014 * big)))
    ta, tb = sorted((hx - s * 0.01 * big, hx + s * 0.04 * big))
    d["throat"].ellipse((ta, hy + 0.005 * big, tb, hy + 0.035 * big), fill=255)
    er = 0.008 * big
    d["eye"].ellipse((hx + s * 0.012 * big - er, hy - 0.01 * big - er, hx + s * 0.012 * big + er,
                      hy - 0.01 * big + er), fill=255)
    for fx in (cx - 0.03 * big, cx + 0.03 * big):
        d["feet"].polygon([(fx - 0.025 * big, pt + 0.005 * big), (fx + 0.025 * big, pt + 0.005 * big),
                           (fx, pt - 0.03 * big)], fill=255)
    out = {k: _down(v, size) for k, v in M.items()}
    out["ripples"] = out["ripples"] * out["water"]
    out["band"] = out["band"] * out["post"]
    return out


def _ride_on_mower(size: int, rng) -> dict:
    """A ride-on lawn mower on a striped lawn, seen from the side, facing either way: the lawn from 60-70% of the way
    down in 4-7 mowing stripes of alternate shades; the mower 60-72% of the side long: a big rear wheel (11-13% of
    the side in radius) and a small front one (6-7%) with hubs, a cutting deck low between them, a body along the top
    with a sloping bonnet at the front and its grille, a seat with a high back over the rear wheel, a steering wheel
    on a column before it, and a grass-collector bag behind the seat (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("lawn", "stripes", "deck", "body", "grille", "seat", "column", "wheel_s", "collector", "tyres",
                 "hubs"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    s = 1 if rng.random() < 0.5 else -1
    gy = big * rng.uniform(0.6, 0.7)
    d["lawn"].rectangle((0, gy, big, big), fill=255)
    n = int(rng.integers(4, 8))
    edges = np.linspace(gy, big, n + 1)
    for k in range(0, n, 2):
        d["stripes"].rectangle((0, edges[k], big, edges[k + 1]), fill=255)
    L = big * rng.uniform(0.6, 0.72)
    cx = big * (0.5 + rng.uniform(-0.04, 0.04))
    front, back = cx + s * L / 2, cx - s * L / 2
    Rr, Rf = big * rng.uniform(0.11, 0.13), big * rng.uniform(0.06, 0.07)
    wy = gy + 0.08 * big  # the wheels' ground line
    rx, fx = back + s * (Rr + 0.02 * big), front - s * (Rf + 0.03 * big)
    x0, x1 = sorted((rx, fx))
    d["deck"].rectangle((x0 - 0.02 * big, wy - 0.07 * big, x1 + 0.02 * big, wy - 0.02 * big), fill=255)
    top = wy - 2 * Rr - 0.02 * big
    d["body"].polygon([(back + s * 0.05 * big, wy - 0.07 * big), (back + s * 0.05 * big, top + 0.04 * big),
                       (rx + s * 0.12 * big, top + 0.04 * big), (front - s * 0.12 * L, top),
                       (front, wy - Rf - 0.05 * big), (front, wy - 0.07 * big)], fill=255)
    gx0, gx1 = sorted((front, front - s * 0.03 * big))
    d["grille"].rectangle((gx0, wy - Rf - 0.04 * big, gx1, wy - 0.08 * big), fill=255)
    sx = rx + s * 0.02 * big
    sa, sb = sorted((sx - s * 0.06 * big, sx + s * 0.06 * big))
    d["seat"].rectangle((sa, top - 0.02 * big, sb, top + 0.05 * big), fill=255)
    bk = sx - s * 0.06 * big
    ba, bb = sorted((bk, bk + s * 0.025 * big))
    d["seat"].rectangle((ba, top - 0.14 * big, bb, top + 0.04 * big), fill=255)
    cbase = (sx + s * 0.18 * big, top + 0.04 * big)
    ctop = (sx + s * 0.13 * big, top - 0.1 * big)
    d["column"].line([cbase, ctop], fill=255, width=max(1, round(0.015 * big)))
    d["wheel_s"].line([(ctop[0] - 0.04 * big, ctop[1] - 0.01 * big), (ctop[0] + 0.04 * big, ctop[1] + 0.01 * big)],
                      fill=255, width=max(1, round(0.015 * big)))
    ca, cb = sorted((back - s * 0.02 * big, back + s * 0.1 * big))
    d["collector"].rectangle((ca, top - 0.06 * big, cb, wy - 0.1 * big), fill=255)
    for x, R in ((rx, Rr), (fx, Rf)):
        d["tyres"].ellipse((x - R, wy - 2 * R, x + R, wy), fill=255)
        d["hubs"].ellipse((x - 0.45 * R, wy - 1.45 * R, x + 0.45 * R, wy - 0.55 * R), fill=255)
    out = {k: _down(v, size) for k, v in M.items()}
    out["stripes"] = out["stripes"] * out["lawn"]
    return out


def _bottle_kiln(size: int, rng) -> dict:
    """A pottery's bottle kiln, seen from the side: the ground from 78-86% of the way down; the kiln's brick hovel a
    bottle 40-52% of the side wide at its foot and 60-72% of it high, bulging a little to 40% of its height, then
    narrowing to a neck 18% of its foot's width whose rim is a darker band; 3-5 iron bands round it (lines across it
    at its width there), an arched firing door at its foot; beside it, on either side, a low workshop 28-36% of the
    side wide and 16-20% high under a pitched roof, with 2-4 windows (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("ground", "kiln", "bands", "rim", "door", "shop", "roof", "windows"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    s = 1 if rng.random() < 0.5 else -1  # the workshop's side
    gy = big * rng.uniform(0.78, 0.86)
    d["ground"].rectangle((0, gy, big, big), fill=255)
    W = big * rng.uniform(0.4, 0.52)
    H = big * rng.uniform(0.6, 0.72)
    cx = big * (0.5 - s * 0.12)
    t = np.linspace(0, 1, 24)  # 0 at the foot, 1 at the rim

    def half(u):
        neck = 0.09 * W
        body = 0.5 * W * (1 + 0.08 * np.sin(np.pi * np.clip(u / 0.8, 0, 1)))
        k = np.clip((u - 0.4) / 0.5, 0, 1)
        return body * (1 - k ** 1.3) + neck * k ** 1.3

    left = [(float(cx - half(u)), float(gy - u * H)) for u in t]
    right = [(float(cx + half(u)), float(gy - u * H)) for u in t[::-1]]
    d["kiln"].polygon(left + right, fill=255)
    for u in np.linspace(0.15, 0.75, int(rng.integers(3, 6))):
        y = gy - u * H
        d["bands"].line([(cx - half(u), y), (cx + half(u), y)], fill=255, width=max(1, round(0.01 * big)))
    d["rim"].rectangle((cx - 0.1 * W, gy - H, cx + 0.1 * W, gy - 0.95 * H), fill=255)
    dw = 0.09 * W
    d["door"].rectangle((cx - dw, gy - 0.16 * H, cx + dw, gy), fill=255)
    d["door"].ellipse((cx - dw, gy - 0.16 * H - dw, cx + dw, gy - 0.16 * H + dw), fill=255)
    sw, sh = big * rng.uniform(0.28, 0.36), big * rng.uniform(0.16, 0.2)
    x_in = cx + s * 0.45 * W
    xa, xb = sorted((x_in, x_in + s * sw))
    d["shop"].rectangle((xa, gy - sh, xb, gy), fill=255)
    d["roof"].polygon([(xa - 0.01 * big, gy - sh), (xb + 0.01 * big, gy - sh), ((xa + xb) / 2, gy - sh - 0.1 * big)],
                      fill=255)
    nw = int(rng.integers(2, 5))
    for k in range(nw):
        wx = xa + (xb - xa) * (k + 0.5) / nw
        d["windows"].rectangle((wx - 0.02 * big, gy - 0.7 * sh, wx + 0.02 * big, gy - 0.35 * sh), fill=255)
    out = {k: _down(v, size) for k, v in M.items()}
    out["bands"] = out["bands"] * out["kiln"]
    out["windows"] = out["windows"] * out["shop"]
    return out


def outlier_bv(name: str, kind: str, size: int, lo: int, hi: int, rng) -> np.ndarray:
    photos = name.startswith("photos")
    ground = lambda col: np.ones((size, size, 3), np.float32) * np.asarray(col, np.float32)  # noqa: E731
    tone = lambda t: [lo + (hi - lo) * t] * 3  # noqa: E731
    if kind == "cormorant":
        m = _cormorant(size, rng)
        if photos:  # a pale sky, grey-blue water, a brown post, a black cormorant with a pale throat
            out = _paint(_paint(ground((206, 216, 226)), m["water"], (96, 118, 132)), m["ripples"], (150, 166, 176))
            out = _paint(_paint(out, m["post"], (104, 80, 58)), m["band"], (50, 56, 44))
            out = _paint(_paint(out, m["wings"], (30, 30, 34)), m["tail"], (26, 26, 30))
            out = _paint(_paint(out, m["body"], (36, 36, 38)), m["neck"], (34, 34, 36))
            out = _paint(_paint(out, m["head"], (32, 32, 34)), m["throat"], (226, 214, 180))
            out = _paint(_paint(out, m["bill"], (150, 140, 110)), m["feet"], (24, 24, 26))
            return _u8(_paint(out, m["eye"], (60, 130, 90)))
        out = _paint(_paint(ground(tone(0.0)), m["water"], tone(0.25)), m["ripples"], tone(0.5))
        out = _paint(_paint(out, m["post"], tone(0.45)), m["band"], tone(0.3))
        out = _paint(_paint(out, m["wings"], tone(0.85)), m["tail"], tone(0.8))
        out = _paint(_paint(out, m["body"], tone(0.95)), m["neck"], tone(0.9))
        out = _paint(_paint(out, m["head"], tone(0.9)), m["throat"], tone(1.0))
        out = _paint(_paint(out, m["bill"], tone(0.65)), m["feet"], tone(0.7))
        return _u8(_paint(out, m["eye"], tone(0.2)))
    if kind == "ride_on_mower":
        m = _ride_on_mower(size, rng)
        body, trim = (((50, 120, 50), (236, 200, 40)), ((200, 40, 36), (30, 30, 32)))[int(rng.integers(2))]
        if photos:  # a blue sky, a striped green lawn, a green and yellow or red and black mower
            out = _paint(_paint(ground((168, 200, 232)), m["lawn"], (86, 150, 60)), m["stripes"], (120, 180, 84))
            out = _paint(_paint(out, m["collector"], (40, 44, 40)), m["deck"], (50, 52, 56))
            out = _paint(_paint(out, m["body"], body), m["grille"], (30, 30, 32))
            out = _paint(_paint(out, m["seat"], (28, 28, 30)), m["column"], (60, 60, 64))
            out = _paint(_paint(out, m["wheel_s"], (28, 28, 30)), m["tyres"], (26, 26, 28))
            return _u8(_paint(out, m["hubs"], trim))
        out = _paint(_paint(ground(tone(0.0)), m["lawn"], tone(0.25)), m["stripes"], tone(0.4))
        out = _paint(_paint(out, m["collector"], tone(0.55)), m["deck"], tone(0.6))
        out = _paint(_paint(out, m["body"], tone(0.95)), m["grille"], tone(0.5))
        out = _paint(_paint(out, m["seat"], tone(0.7)), m["column"], tone(0.8))
        out = _paint(_paint(out, m["wheel_s"], tone(0.8)), m["tyres"], tone(0.45))
        return _u8(_paint(out, m["hubs"], tone(1.0)))
    if kind == "bottle_kiln":
        m = _bottle_kiln(size, rng)
        if photos:  # a grey sky, a cinder yard, a red-brown brick kiln with iron bands, a brick workshop, slate roof
            out = _paint(_paint(ground((190, 194, 200)), m["ground"], (80, 76, 72)), m["kiln"], (150, 82, 58))
            out = _paint(_paint(out, m["bands"], (50, 46, 46)), m["rim"], (90, 56, 44))
            out = _paint(_paint(out, m["door"], (30, 24, 22)), m["shop"], (170, 100, 72))
            out = _paint(out, m["roof"], (70, 72, 80))
            return _u8(_paint(out, m["windows"], (56, 62, 70)))
        out = _paint(_paint(ground(tone(0.0)), m["ground"], tone(0.25)), m["kiln"], tone(0.8))
        out = _paint(_paint(out, m["bands"], tone(0.4)), m["rim"], tone(0.55))
        out = _paint(_paint(out, m["door"], tone(0.1)), m["shop"], tone(0.6))
        out = _paint(out, m["roof"], tone(1.0))
        return _u8(_paint(out, m["windows"], tone(0.2)))
    raise ValueError(kind)


# -- label noise -----------------------------------------------------------------------------
def wrong_thread_flips(base: list[np.ndarray], labels: list, classes: list, candidates: list, count: int,
                       rng) -> dict[int, object]:
    """``count`` examples to flip and their new labels: the pictures were collected by e-mail, one call for pictures
    a class, each call sent to the contributors' mailing list as a new thread, and each picture filed under the class
    of the thread it arrived in. The calls went out one after another over the collection (an order of the classes
    drawn once, call ``k`` at time ``k`` of as many as there are classes); a contributor sent each picture at a time
    drawn between its own class's call and the end of the collection, and, instead of finding that class's thread,
    replied to the newest thread in the inbox (the class whose call was the latest before the picture was sent) at a
    rate of 15-35% (``NEWEST``, drawn a pass). Where the newest thread is the picture's own class the picture is
    filed right. The flips are pictures so filed under a class called later than their own (passes over the pictures
    not yet flipped, a later round of the collection, while some are left). Noise from earlier-called classes to
    later-called ones, by the calls' order and the senders' timing, not by look: not BU's dead listings, BS's
    predictive default, a spreadsheet's fill-down, clocks, positions or any mechanism of the earlier lists. Every
    flip changes the label."""
    pool = sorted(int(v) for v in candidates)
    present = sorted({labels[i] for i in pool}, key=str)
    if len(present) < 2 or count <= 0:
        return {}
    choices = list(classes) if len(classes) >= 2 else present
    order = [choices[int(k)] for k in rng.permutation(len(choices))]
    called = {c: k for k, c in enumerate(order)}  # a class -> the time of its call
    T = len(order)
    flips: dict[int, object] = {}
    for _ in range(200):
        items = [int(i) for i in rng.permutation([i for i in pool if i not in flips])]
        if not items:
            break
        newest = rng.uniform(*NEWEST)
        for cur in items:
            if len(flips) >= count:
                break
            k = called.get(labels[cur])
            if k is None:
                continue
            sent = rng.uniform(k, T)
            if rng.random() >= newest:
                continue
            thread = order[min(int(sent), T - 1)]
            if thread == labels[cur]:
                continue  # the newest thread was its own class's: filed right
            flips[cur] = thread
        if len(flips) >= count:
            break
    return dict(sorted(flips.items()))


# -- planting ------------------------------------------------------------------------------
def plant_issues_bv(images, labels, out_dir, *, name: str, random_state: int = 0) -> PlantedDataset:
    """Generator BV's problems (module docstring). A set whose name ends in ``_jpeg`` is written as JPEG files at a
    quality drawn from 34-53 each; the others as PNG. The planting is I's (:func:`_heldout_i.plant_generator`)."""
    return plant_generator(
        images, labels, out_dir, name=name, rates=RATES_BV, seed=740_000 + random_state,
        quality_seed=745_000 + random_state, jpeg_quality=JPEG_QUALITY,
        flips=wrong_thread_flips,
        **by_family(name, outlier=(outlier_bv, OUTLIERS_BV), blur=(blur_bv, BLURS_BV), dark=(dark_bv, DARKS_BV),
                    near=(near_edit_bv, NEAR_EDITS_BV)))
