"""Generator BH: fresh EVALUATION sets after generator BG's run (never used to choose anything).

Why a fifty-eighth evaluation generator: generator BG's sets were written before its run and have been run once since
(``dev_sweep``: generator BG has had its one held-out run; its sets join the development sets), so a held-out set for
the code after that run is written now, before any tool is run on it. The commit subjects since BG's generator commit
(a4fe6bd) name these changes: ``dev_sweep``'s ``--audit-cache``, which keeps each set's audit cache (embeddings, image
passes) so that a second sweep of other check settings reads them back; generator BG's one held-out run, after which its
four sets joined the development sets; the docs of that run, and a note in the docs on BG's clothing near-duplicate
others and the perceptual-hash condition; and a review in which ``near_edges`` takes the hash distances ``near_sets``
gives it (``pair_hash_bits``), the raw-distance fallback no caller used gone, with the same flags. No detection rule's
settings changed in these subjects. BG's run came before this generator was written, and some of those subjects carry
its numbers, but BH's writer read no docs, logs, result files or commit bodies (only the commit subjects, the library's
code and the earlier generators' and tuning tools' files, to copy their structure and to avoid their families), and
nothing in BH was chosen from any result, to aim at or away from any weakness a subject names: its strengths are set as
BG's were. Like AN's to BG's, BH's edits are not all brightly coloured: some are grey, black, dark brown, pale or
translucent. Generator BH was written before any tool was run on it (only its pictures were looked at, on contact sheets
of its edits, blurs, darkenings and foreign pictures at 28, 81 and 321 px, to check that every edit is visible, every
blur blurred, every darkened image dark with its picture still in it and every outlier foreign, and the planted folders
hashed twice); it is not to be changed after its results are seen. Its edits, blurs, darkenings, foreign pictures and
label noise are of families that no tuning tool (``blur_tuning.py``'s lens blurs: Gaussian, soft disk, astigmatic
elongated Gaussian, ring; ``_foreign.py``'s textures, icons and soft photographs; ``near_photos.py``'s and
``near_small.py``'s edits; ``label_filters.py``'s and ``label_noise_models.py``'s flips), no earlier generator (A =
``dq.datasets.plant_issues``, B, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T, U, V, W, X, Y, Z, AA, AB, AC, AD,
AE, AF, AG, AH, AI, AJ, AK, AL, AM, AN, AO, AP, AQ, AR, AS, AT, AU, AV, AW, AX, AY, AZ, BA, BB, BC, BD, BE, BF, BG) and
none of the library's calibration copies (``dataquality/compute/_synthetic.py``: crop, shift, rotate, brightness,
contrast, gamma, JPEG, resize, overlay box; Gaussian, box, motion, down-and-up blurs) make. Like AC's to BG's it has two
blur families, not three. Tiles of 321 px give 58 tiles (seed 368), so the large set is at 321 px, a size no other set
uses; the small photographs are at 81 px, a size no other set uses either. Left out because an earlier generator made
them or left them out: among objects on the print an earwig, a fly, a chafer, silverfish, a cicada shell, a ladybird or
any other insect of the earlier lists, a garden slug, a snail, a shell, a mussel or a prawn (BG's, P's, BC's, BE's,
BA's, AB's, their lists: BH's caterpillar is a soft larva of round segments with a spot on each, a pale side line and
prolegs, and its woodlouse an oval armoured isopod of seven plates with antennae and tail prongs), a hair on the glass,
a hair grip, a bobby pin or any other thin wire or strand of the earlier lists (G's, their lists: BH's false eyelash is
a cosmetic band with a fan of curled lashes), a price tag, a bookmark, a sticky note, a playing card or any other card
of the earlier lists (K's, AM's, L's, their lists: BH's ticket stub is a torn card with its perforation, a coloured
band, print and a serial block), a cornflake, a meringue, a pine nut or any other food or crumb of the earlier lists
(BG's, BF's, BE's, their lists: BH's loofah slice is a dried gourd's fibrous net cut across, with three open seed
chambers, laid at 55-70%); of the whole picture hessian, ikat, a cane webbing, a tatami mat, a coir doormat,
houndstooth, carbon fibre or any other weave of the earlier lists (AT's, AG's, BD's, AZ's, BA's, BE's: BH's kilim is a
flat-woven rug's bands of stepped lozenges), suede, leather, shagreen or any hide or relief, expanded metal, a cutting
mat or any grid of the earlier lists (BG's, AX's, BE's, BF's, AY's, their lists: BH's ripstop is a kite's or tent's
nylon with its square reinforcing threads and creases), a halftone, bingo dabs, confetti, gingham or any dotted or
checked ground of the earlier lists (I's, AL's, U's, AQ's: BH's oilcloth is a wipe-clean tablecloth's printed polka dots
with a window's gloss on it); among blurs a capiz window, a water wall, sand drifted over the print, flour dust, steam,
a steamed window, smoked glass, tobacco tar or any haze or veil of the earlier lists (BG's, AD's, AT's, R's, K's, J's,
BD's: BH's sandstorm is wind-blown dust scattering the light between camera and scene, in gusts streaming along the
wind, and its incense smoke a curling plume before the lens, blurring more where it is thick, with a hot shimmer); among
darkenings a fondue burner, a pilot flame, a road flare, a tealight, an oil lamp, a candelabrum, a blowtorch or any
other flame of the earlier lists (BF's, their lists: BH's brazier is an iron fire basket of glowing coals with sparks),
a hookah's LED base, an aroma diffuser, a salt lamp or any other lamp of the earlier lists (BF's, AG's, AE's, their
lists: BH's humidifier is an ultrasonic humidifier whose rising mist is lit from within by its LED), foxfire, glowing
surf or any other living light of the earlier lists (AR's, AJ's: BH's fireflies glow as points in a glass jar); among
foreign pictures an armadillo, an anteater, a koala, a walrus, a hippopotamus, a rhinoceros, a bison, a llama or any
other animal of the earlier lists (BG's, BF's, BE's, BD's, BB's, BA's, their lists: BH's sloth hangs by its long arms
under a branch), a food truck, a fire engine, a caravan, a cable car, a bus shelter or any other vehicle or street scene
of the earlier lists (AZ's, BF's, AX's, AF's, AC's: BH's double-decker is a bus of two decks of windows, a stripe, a
door and a destination blind), a tugboat, a kayak, a sailboat, a hovercraft, a paddle steamer or a narrowboat (BG's,
AO's, Q's, BB's, BA's, AX's: BH's jet ski carries a seated rider and throws a fan of spray); among label noise every
mechanism BG named and BG's rotated racks (dictation, OCR, bags, hotkeys, keypads, quotas, a checkweigher, positions,
clocks, a returns desk's prices, a marketplace's category stuffing, recycled product codes, memory cards, a packing
bench's label rolls, a mistranslated list, an empty cartridge, transposed sheets, swapped digits, stale crate slips, a
spreadsheet's fill-down, collided file names, names completed as typed, tote cross-reads, shelf scans, conveyor jets,
averaged votes, re-hung swing tags, a tracker's identity switch, a cache race, rotated specimen racks).

* ``near_duplicate`` (3%), five edits in a part of the picture and three of the whole, in turn (so that the 321 px set's
  copies get both kinds): a caterpillar (a body 30-38% of the side long, at least 11 px, 16% as wide, 9-11 round
  segments along a gentle curve, green 104 / 160 / 60, black 40 / 38 / 36 or ginger-brown 156 / 112 / 66, of the three
  the two whose colour differs most on average from the picture's where it lies, as for each object's colour below; a
  head 25% darker, a spot on each segment, a pale side line, prolegs, a sheen at 30%; 30-70% of the way across and down,
  at any angle, a soft shadow at 30%), a woodlouse (an oval 20-26% of the side long, at least 9 px, 58% as wide, grey
  100 / 100 / 104, slate 56 / 58 / 64 or pale buff 150 / 140 / 124, seven plate edges 30% darker, a head, antennae, tail
  prongs, legs, a sheen at 30%; a shadow at 30%), a false eyelash (a band 30-38% of the side long, at least 11 px, 3% of
  the side thick, at least 1 px, and 22-34 curled lashes 11-15% of the side long, at least 3.5 px, black 20 / 18 / 18,
  dark brown 64 / 44 / 32 or faded grey 124 / 120 / 116, the lashes at 85-95%, a glue bead white at 30%; a shadow at
  25%), a ticket stub (a card 26-32% of the side long, at least 10 px, 48-56% as high, cream, pink, pale blue or grey, a
  torn perforated end, a band 30% darker, print and a serial block in dark ink at 80%; a shadow at 30%) and a loofah
  slice (a disc 24-30% of the side across, at least 9 px, beige 226 / 208 / 160, cream 244 / 236 / 214 or tan 186 / 156
  / 102, its net at 55-70% with fibres 15% darker, a skin ring, three open seed chambers; a shadow at 20%); of the whole
  picture: printed on a kilim (the ink multiplied onto the rug, 42-54% of the way, bands 20-30% of the side high of two
  of five colours with rows of stepped lozenges in a third, lines between bands, weft ridges 0.94-1.06, the bands turned
  by up to 8 degrees), printed on ripstop nylon (red, yellow, blue or charcoal, 44-56% of the way, a square grid of
  threads 3.5-5% of the side apart 14-20% lighter at any angle, crease lines 12-20% lighter and facets 0.9-1.1) and
  printed on a polka-dot oilcloth (red on white, white on red, white on navy or yellow on green, 42-54% of the way, dots
  25-32% of their spacing in radius 8-11% of the side apart, staggered, at any angle; a gloss band 15-25% of the side
  wide, white at 8-14%);
* ``exact_duplicate`` (1%): byte-for-byte copies of a file under another name;
* ``blurry`` (3%): the picture photographed through a sandstorm (a Gaussian of 1.8-2.6% of the side, at least 1 px, and
  one 4 times as wide for 20-30%; the light reddened, blue 10-16% and green 3-6% down; a dust veil of ochre, brown or
  pale sand at 16-24%, 0.65-1.35 times in gusts streaming along the wind) and through incense smoke curling before the
  lens (the picture moved by a shimmer of 0.4-0.8% of the side; a Gaussian of 1.5-2.2% of the side, at least 1 px, and
  where the smoke is thick, 0.35-1 of full, one 2.5 times as wide; a blue-grey veil 200 / 204 / 212 at 8-16% times the
  density); each as a camera metering on the highlights exposes it (as Y's to BG's);
* ``dark`` (2%): a yard at night lit only by a brazier (an iron bowl 22-30% of the side wide, its rim 72-82% down and
  30-70% across, three legs, a grid of bars, 9-15 glowing coals orange, red or yellow, 3-6 sparks, a glow of sigma 5-8%
  of the side up to 40-55 levels in ember colour 1 / 0.55 / 0.24; the picture lit in it at 0.26-0.34 falling off as ``1
  / (1 + (d / d0) ** 2)`` with the distance from the coals, ``d0`` 24-34% of the side, over 0.015-0.03), a bedroom at
  night lit only by an ultrasonic humidifier's LED-lit mist (a dark body 16-22% of the side wide at the bottom, 25-75%
  across, its LED ring and nozzle blue, violet or teal, the mist plume rising 30-45% of the side and swaying, lit in the
  LED's colour at 55-75%, a glow of sigma 5-8% up to 40-55 levels; the picture lit in its colour at 0.26-0.34 falling
  off as above from the plume's middle, ``d0`` 24-34% of the side, over 0.015-0.03) and a garden at night lit only by a
  jar of fireflies (a jar 16-22% of the side wide, 25-75% across and 50-72% down, a faint glass outline and a dark lid,
  7-12 yellow-green points 0.7-1.2% of the side in radius, a glow of sigma 5-8% up to 40-55 levels in yellow-green 0.72
  / 1 / 0.3; the picture lit in it at 0.26-0.34 falling off as above from the jar, ``d0`` 22-30% of the side, over
  0.015-0.03); none of them blurs the picture;
* ``outlier`` (1.5%): a sloth hanging under a branch in the forest (leaves in clumps about the top, a branch across, a
  long furry body with its back down, four long arms up to the branch with hooked claws, a round head with a pale face,
  dark eye stripes and a nose), a double-decker bus on a street (a road with a kerb, a body with rounded top corners, a
  stripe between its decks, two rows of windows, a windscreen, a door, a destination blind, two wheels) and a jet ski
  with its rider on the sea (the water with a wake, a hull with a raised nose and a stripe, a seat, a handlebar, a
  seated rider with a helmet, a fan of spray behind); the digit and clothing sets get them in their own tones on their
  dark ground, the photographs as a grey-brown sloth with a cream face on a green forest, a red bus with dark windows
  and a cream stripe on a grey road under a pale sky, and a white jet ski with an orange stripe and a rider in red and a
  yellow helmet on a deep blue sea under a blue sky;
* ``label`` (5%): *cross-wired put wall* flips: the pictures are of items sorted at a pick-to-light put wall (one layout
  a pass, 3 x 4, 3 x 5, 4 x 5 or 4 x 6 bins, ``WALLS``, each class given a bin at random), where a bin's light shows the
  sorter where an item goes and the item takes the class of its bin; for a stretch of each shift (15-35% of its items in
  the order they came, ``FAULT``, drawn once a pass) a wiring fault crossed the lights of random pairs of neighbouring
  bins (side by side or one above the other, each bin in at most one pair, each pair of filled bins crossed with
  probability 1/2). The flips are the items put during the fault whose class's bin was crossed, each given the class of
  the other bin of its pair (passes over the pictures not yet flipped, another shift with another layout, while some are
  left). Noise by where two classes' bins stood on the wall and when the fault came, not by look: not BG's rotated
  racks, BF's cache race, BE's re-hung swing tags, BD's stale crate slips, AU's tote cross-reads or AT's shelf scans.
  Every flip changes the label, so every one is in the truth.

Each planted defect has its own source image; nothing else is planted, so only these six issue types are scored on BH's
sets. Base data are the evaluation domains drawn with seeds no other set uses: Fashion-MNIST *test* (2,000, seed 365),
MNIST (2,000, seed 366), and the evaluation photographs tiled at 81 px (24 tiles a photograph at most, seed 367) and at
321 px (every tile, seed 368), sizes no other set uses. ``photos81_bh_jpeg`` is written as JPEG files, each at a quality
drawn from 42-64 (a stream of its own, seed ``605_000 + random_state``), every edit, blur and darkening made before the
encoding, near copies made from the decoded JPEG and saved again at their own quality, exact copies byte copies of the
file; the other sets are PNG files. Planting draws from seed ``600_000 + random_state``. The planting is I's
(:func:`_heldout_i.plant_generator`, as for J to BG).
"""

from __future__ import annotations

import numpy as np
from _heldout_aa import _frame_at, _rect
from _heldout_ae import _lit
from _heldout_af import _glow
from _heldout_au import _circle
from _heldout_ay import _field
from _heldout_be import _blur3, _falloff
from _heldout_bf import _closed, _fine, _ground_print, _standing_out
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

EVALUATION_BH = ("fashion_test_bh", "mnist_bh", "photos81_bh_jpeg", "photos321_bh")
# each set's base: (data, seed) or ("photos", seed, tile size, tiles per photograph quick, full)
BASES_BH = {
    "fashion_test_bh": ("fashion_test", 365),
    "mnist_bh": ("mnist", 366),
    "photos81_bh_jpeg": ("photos", 367, 81, 8, 24),
    "photos321_bh": ("photos", 368, 321, 8, 1000),
}
JPEG_QUALITY = (42, 65)  # the JPEG set's qualities: integers in [low, high)
RATES_BH = {"near_duplicate": 0.03, "exact_duplicate": 0.01, "blurry": 0.03, "dark": 0.02, "outlier": 0.015,
            "label": 0.05}
# parts of the picture and the whole picture in turn, so that the smallest set gets both kinds
NEAR_EDITS_BH = ("caterpillar", "kilim", "woodlouse", "ripstop", "false_eyelash", "polka_oilcloth", "ticket_stub",
                 "loofah_slice")
BLURS_BH = ("sandstorm", "incense_smoke")
DARKS_BH = ("brazier", "humidifier_mist", "firefly_jar")
OUTLIERS_BH = ("sloth", "double_decker", "jet_ski")
WALLS = ((3, 4), (3, 5), (4, 5), (4, 6))  # put walls' rows and columns of bins, one drawn a pass (label noise)
FAULT = (0.15, 0.35)  # the share of a shift's items put while the wall's lights were cross-wired (label noise)


def load_base_bh(name: str, quick: bool = False):
    import _heldout

    return _heldout.load_generator_base(name, quick, BASES_BH, "BH")


# -- near copies -----------------------------------------------------------------------------
CATERPILLARS = ((104, 160, 60), (40, 38, 36), (156, 112, 66))


def _caterpillar(f: np.ndarray, rng) -> np.ndarray:
    """A caterpillar crawling over the print: a soft body 30-38% of the side long (at least 11 px) and 16% as wide
    (at least 3 px), 9-11 round segments along a gentle curve (bent by -0.25 to 0.25 of its length), green 104 / 160
    / 60, black 40 / 38 / 36 or ginger-brown 156 / 112 / 66 (of the three the one whose colour differs most on
    average from the picture's where it lies, or the second, at random, where it differs at least 60% as much, as for
    the woodlouse, the eyelash, the ticket stub and the loofah slice); a head 20% larger and 25% darker; a spot on
    each segment, yellow 240 / 206 / 60 on the black one and white on the others, at 85%; a pale line along its side
    (lines at least 0.5 px) at 60%; short prolegs 20% darker; a white sheen along its back at 30%; at any angle, its
    middle 30-70% of the way across and down, a soft shadow at 30%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(11.0, side * rng.uniform(0.3, 0.38))
    W = max(3.0, 0.16 * L)
    fr = _frame_at(h, w, rng)
    col = _standing_out(CATERPILLARS, f, fr, 0.5 * L, rng)
    n = int(rng.integers(9, 12))
    bend = rng.uniform(-0.25, 0.25)
    xs = np.linspace(-0.45, 0.4, n) * L
    ys = bend * L * ((xs / L) ** 2 * 4 - 0.25)
    body = fr.fill([_circle(0.5 * W, 16, float(x), float(y)) for x, y in zip(xs, ys)])
    hx, hy = 0.45 * L, bend * L * (4 * 0.45 ** 2 - 0.25)
    head = fr.fill([_circle(0.6 * W, 16, hx, hy)])
    spot = (240, 206, 60) if col.mean() < 60 else (255, 255, 255)
    spots = fr.fill([_circle(max(0.4, 0.13 * W), 8, float(x), float(y) - 0.18 * W) for x, y in zip(xs, ys)]) * body
    stripe = fr.line([[(float(x), float(y) + 0.28 * W) for x, y in zip(xs, ys)]], max(0.5, 0.1 * W)) * body
    legs = fr.line([[(float(x), float(y) + 0.4 * W), (float(x), float(y) + 0.65 * W)] for x, y in zip(xs, ys)],
                   max(0.5, 0.12 * W))
    sheen = fr.line([[(float(x), float(y) - 0.25 * W) for x, y in zip(xs, ys)]], max(0.5, 0.08 * W)) * body
    light = np.minimum(col * 1.4 + 40, 255)
    parts = [(legs, col * 0.8, 0.9, True), (body, col, 1.0, True), (stripe, light, 0.6, False),
             (spots, spot, 0.85, False), (head, col * 0.75, 1.0, True), (sheen, (255, 255, 255), 0.3, False)]
    return _u8(_laid(f, parts, 0.3))


WOODLICE = ((100, 100, 104), (56, 58, 64), (150, 140, 124))


def _woodlouse(f: np.ndarray, rng) -> np.ndarray:
    """A woodlouse on the print, seen from above: an oval armoured body 20-26% of the side long (at least 9 px) and
    58% as wide (at least 5 px), grey 100 / 100 / 104, slate 56 / 58 / 64 or pale buff 150 / 140 / 124; seven
    plates across its back, their edges 30% darker at 85% (lines at least 0.5 px), and its plates' ends notching its
    sides; a small head 15% darker with two bent antennae, two short tail prongs, seven pairs of legs just showing
    beyond its sides 20% darker; a white sheen along its back at 30%; at any angle, its middle 30-70% of the way
    across and down, a soft shadow at 30%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(9.0, side * rng.uniform(0.2, 0.26))
    W = max(5.0, 0.58 * L)
    fr = _frame_at(h, w, rng)
    col = _standing_out(WOODLICE, f, fr, 0.6 * L, rng)
    body = fr.fill([_ellipse(0.0, 0.0, 0.5 * L, 0.5 * W, 0.0, 28)])
    head = fr.fill([_ellipse(0.5 * L, 0.0, 0.09 * L, 0.24 * W, 0.0, 16)])
    plates = fr.line([[(x * L, -0.55 * W), (x * L + 0.03 * L, 0.0), (x * L, 0.55 * W)]
                      for x in np.linspace(-0.33, 0.33, 7)], max(0.5, 0.05 * L)) * body
    feel = fr.line([[(0.55 * L, o * 0.12 * W), (0.68 * L, o * 0.4 * W), (0.66 * L, o * 0.62 * W)] for o in (-1, 1)],
                   max(0.5, 0.035 * L))
    tail = fr.line([[(-0.46 * L, o * 0.12 * W), (-0.6 * L, o * 0.2 * W)] for o in (-1, 1)], max(0.5, 0.04 * L))
    legs = fr.line([[(x * L, o * 0.45 * W), (x * L - 0.03 * L, o * 0.6 * W)] for x in np.linspace(-0.3, 0.3, 7)
                    for o in (-1, 1)], max(0.5, 0.035 * L))
    sheen = fr.fill([_ellipse(0.05 * L, -0.15 * W, 0.3 * L, 0.07 * W + 0.2, 0.0, 12)]) * body
    parts = [(legs, col * 0.8, 0.9, True), (tail, col * 0.85, 0.9, True), (feel, col * 0.85, 0.9, False),
             (body, col, 1.0, True), (plates, col * 0.7, 0.85, False), (head, col * 0.85, 1.0, True),
             (sheen, (255, 255, 255), 0.3, False)]
    return _u8(_laid(f, parts, 0.3))


LASHES = ((20, 18, 18), (64, 44, 32), (124, 120, 116))


def _false_eyelash(f: np.ndarray, rng) -> np.ndarray:
    """A false eyelash dropped on the print: its band an arc 30-38% of the side long (at least 11 px) and 3% of the
    side thick (at least 1 px), bowed by 8-14% of its length; 22-34 lashes from it, each 11-15% of the side long (at
    least 3.5 px) and 0.6% wide (at least 0.6 px), fanning out from the band's outer side and curling, longer in
    the middle; black 20 / 18 / 18, dark brown 64 / 44 / 32 or a faded grey 124 / 120 / 116, the lashes at
    85-95%; a bead of dried glue along the band, white at 30%; at any angle, its middle 30-70% of the way across
    and down, a soft shadow at 25%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(11.0, side * rng.uniform(0.3, 0.38))
    bow = L * rng.uniform(0.08, 0.14)
    fr = _frame_at(h, w, rng)
    col = _standing_out(LASHES, f, fr, 0.5 * L, rng)
    ts = np.linspace(-0.5, 0.5, 16)
    arc = [(float(t * L), float(bow * (4 * t * t - 1) * 0.5 + 0.25 * bow)) for t in ts]
    band = fr.line([arc], max(1.0, 0.03 * side))
    glue = fr.line([arc], max(0.5, 0.012 * side))
    ll = max(3.5, side * rng.uniform(0.11, 0.15))
    lw = max(0.6, 0.006 * side)
    curl = rng.uniform(0.2, 0.4) * rng.choice([-1, 1])
    lashes = []
    for t in np.linspace(-0.47, 0.47, int(rng.integers(22, 35))):
        x0, y0 = t * L, bow * (4 * t * t - 1) * 0.5 + 0.25 * bow
        a = -np.pi / 2 + 1.6 * t + rng.normal(0, 0.08)
        k = ll * (1 - 0.9 * t * t) * rng.uniform(0.85, 1.0)
        mid = (x0 + 0.55 * k * np.cos(a), y0 + 0.55 * k * np.sin(a))
        lashes.append([(x0, y0), mid, (mid[0] + 0.45 * k * np.cos(a + curl), mid[1] + 0.45 * k * np.sin(a + curl))])
    lash = fr.line(lashes, lw)
    parts = [(lash, col, rng.uniform(0.85, 0.95), True), (band, col * 0.9, 1.0, True),
             (glue, (255, 255, 255), 0.3, False)]
    return _u8(_laid(f, parts, 0.25))


TICKETS = ((236, 226, 200), (240, 188, 196), (168, 204, 232), (132, 132, 128))
INK = np.array([40, 38, 52], np.float32)


def _ticket_stub(f: np.ndarray, rng) -> np.ndarray:
    """A torn ticket stub lying on the print: a card rectangle 26-32% of the side long (at least 10 px) and 48-56% as
    high, cream 236 / 226 / 200, pink 240 / 188 / 196, pale blue 168 / 204 / 232 or grey 132 / 132 / 128; one short
    end torn along its perforation (a ragged edge of 7-11 teeth), a row of perforation holes near it 30% darker; a
    band 20% of its length at the other end 30% darker; 2-3 lines of print and a large serial number block in dark
    ink 40 / 38 / 52 at 80% (lines at least 0.5 px); at any angle, its middle 30-70% of the way across and down, a
    soft shadow at 30%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(10.0, side * rng.uniform(0.26, 0.32))
    H = L * rng.uniform(0.48, 0.56)
    fr = _frame_at(h, w, rng)
    col = _standing_out(TICKETS, f, fr, 0.5 * L, rng)
    k = int(rng.integers(7, 12))
    ys = np.linspace(0.5 * H, -0.5 * H, k)
    torn = [(float(0.5 * L + (0.03 * L if j % 2 else -0.02 * L) * rng.uniform(0.5, 1.0)), float(y))
            for j, y in enumerate(ys)]
    card = fr.fill([[(-0.5 * L, -0.5 * H), (-0.5 * L, 0.5 * H)] + torn])
    holes = fr.fill([_circle(max(0.35, 0.03 * H), 8, 0.4 * L, float(y)) for y in np.linspace(-0.4, 0.4, 6) * H])
    band = fr.fill([_rect(-0.5 * L, -0.5 * H, -0.3 * L, 0.5 * H)]) * card
    lw = max(0.5, 0.07 * H)
    text = fr.line([[(-0.22 * L, y * H), ((-0.22 + rng.uniform(0.35, 0.55)) * L, y * H)]
                    for y in (-0.3, -0.12, 0.05)[: int(rng.integers(2, 4))]], lw)
    serial = fr.fill([_rect(-0.2 * L, 0.18 * H, 0.25 * L, 0.36 * H)])
    parts = [(card, col, 1.0, True), (band, col * 0.7, 1.0, False), (holes, col * 0.7, 1.0, False),
             (text, INK, 0.8, False), (serial, INK, 0.8, False)]
    return _u8(_laid(f, parts, 0.3))


LOOFAHS = ((226, 208, 160), (244, 236, 214), (186, 156, 102))


def _loofah_slice(f: np.ndarray, rng) -> np.ndarray:
    """A slice of dried loofah (a luffa gourd's fibrous skeleton, cut across) lying on the print: a rounded disc
    24-30% of the side across (at least 9 px), a little out of round, natural beige 226 / 208 / 160, bleached cream
    244 / 236 / 214 or tan 186 / 156 / 102; its fibre net translucent, the disc at 55-70%, with a tangle of 26-40
    fibres (lines at least 0.5 px) 15% darker at 90%; a denser outer skin ring 10% of its radius wide at 90%; three
    seed chambers, ellipses half as far out, open to the print (the net there at 20%), the walls between them at
    90%; at any angle, its middle 30-70% of the way across and down, a soft shadow at 20%."""
    h, w = f.shape[:2]
    side = min(h, w)
    R = max(4.5, side * rng.uniform(0.12, 0.15))
    fr = _frame_at(h, w, rng)
    col = _standing_out(LOOFAHS, f, fr, R, rng)
    k = 18
    ang = np.linspace(0, 2 * np.pi, k, endpoint=False)
    rad = R * (1 + 0.08 * rng.uniform(-1, 1, k))
    pts = [(float(a * np.cos(t)), float(a * np.sin(t))) for a, t in zip(rad, ang)]
    disc = fr.fill([pts])
    ring = fr.line([_closed([(0.93 * x, 0.93 * y) for x, y in pts])], max(0.5, 0.1 * R)) * disc
    t0 = rng.uniform(0, 2 * np.pi)
    cells = fr.fill([_ellipse(0.45 * R * np.cos(t0 + j * 2 * np.pi / 3), 0.45 * R * np.sin(t0 + j * 2 * np.pi / 3),
                              0.3 * R, 0.18 * R + 0.3, t0 + j * 2 * np.pi / 3 + np.pi / 2, 14) for j in range(3)])
    walls = fr.line([[(0.0, 0.0), (R * np.cos(t0 + np.pi / 3 + j * 2 * np.pi / 3),
                                   R * np.sin(t0 + np.pi / 3 + j * 2 * np.pi / 3))] for j in range(3)],
                    max(0.5, 0.07 * R)) * disc
    fib = []
    for _ in range(int(rng.integers(26, 41))):
        p0 = rng.uniform(-1, 1, 2) * R
        a = rng.uniform(0, 2 * np.pi)
        ln = R * rng.uniform(0.3, 0.7)
        fib.append([(float(p0[0]), float(p0[1])), (float(p0[0] + ln * np.cos(a)), float(p0[1] + ln * np.sin(a)))])
    fibres = fr.line(fib, max(0.5, 0.035 * R)) * disc
    net = disc * (1 - 0.75 * cells)
    parts = [(net, col, rng.uniform(0.55, 0.7), True), (fibres * (1 - 0.7 * cells), col * 0.85, 0.9, False),
             (walls, col * 0.95, 0.9, False), (ring, col * 0.9, 0.9, False)]
    return _u8(_laid(f, parts, 0.2))


KILIMS = np.array([(168, 52, 44), (52, 62, 112), (204, 156, 68), (226, 214, 186), (76, 50, 40)], np.float32)


def _kilim(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on a kilim (a flat-woven rug): the ink multiplied onto the rug, 42-54% of the way from the
    picture (35% of its tone added at that share); the rug in bands 20-30% of the side high, in turn of two of madder
    red 168 / 52 / 44, indigo 52 / 62 / 112, ochre 204 / 156 / 68, ivory 226 / 214 / 186 and brown 76 / 50 / 40,
    each band a row of stepped lozenges (diamonds with edges in steps of 2.5% of the side, at least 1 px) in a third
    colour, and a thin ivory or brown line between bands; the weft's ridges across the warp, 0.94-1.06 times the
    light, 1.2% of the side apart (at least 1.5 px); the bands turned by -8 to 8 degrees; drawn at 3 times the size
    and averaged: a flat weave's stepped geometric motifs, not AG's ikat, AT's hessian or any weave of the earlier
    lists."""
    h, w = f.shape[:2]
    side = min(h, w)
    s = 3
    yy, xx = _fine(h, w, s)
    a = np.deg2rad(rng.uniform(-8, 8))
    u = xx * np.cos(a) + yy * np.sin(a) + rng.uniform(0, side)
    v = -xx * np.sin(a) + yy * np.cos(a) + rng.uniform(0, side)
    bh = side * rng.uniform(0.2, 0.3)
    pick = rng.permutation(len(KILIMS))
    c0, c1, motif = KILIMS[pick[0]], KILIMS[pick[1]], KILIMS[pick[2]]
    row = np.floor(v / bh)
    dv = (v - (row + 0.5) * bh) / bh
    pitch = bh * rng.uniform(1.0, 1.4)
    du = ((u + 0.5 * pitch * (row % 2)) % pitch - 0.5 * pitch) / bh
    step = max(1.0, 0.025 * side) / bh
    q = lambda z: np.floor(np.abs(z) / step) * step  # noqa: E731  (stepped edges)
    lozenge = (q(du) + q(dv) < 0.36).astype(np.float32)
    inner = (q(du) + q(dv) < 0.16).astype(np.float32)
    ground = np.where((row % 2 == 0)[..., None], c0, c1)
    ground = ground * (1 - lozenge[..., None]) + motif * lozenge[..., None]
    ground = ground * (1 - inner[..., None]) + (c0 if pick[3] % 2 else c1) * inner[..., None]
    edge = (np.abs(dv) > 0.47).astype(np.float32)[..., None]
    ground = ground * (1 - edge) + KILIMS[3 if pick[0] != 3 else 4] * edge
    weft = 1 + 0.06 * np.cos(2 * np.pi * v / max(1.5, 0.012 * side))
    ground = (ground * weft[..., None]).reshape(h, s, w, s, 3).mean(axis=(1, 3))
    return _u8(_ground_print(f, ground, rng.uniform(0.42, 0.54), 0.35))


RIPSTOPS = np.array([(214, 52, 44), (240, 196, 40), (40, 110, 200), (90, 94, 100)], np.float32)


def _ripstop(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on ripstop nylon (a kite's or a tent's fabric): the ink multiplied onto red 214 / 52 / 44,
    yellow 240 / 196 / 40, blue 40 / 110 / 200 or charcoal 90 / 94 / 100 nylon, 44-56% of the way from the picture
    (35% of its tone added at that share); its reinforcing threads a square grid 3.5-5% of the side apart (at least
    2.5 px), each thread 0.4% of the side wide (at least 0.45 px), 14-20% lighter, turned to any angle; the fabric
    crumpled and smoothed out: crease lines (where a smooth field of 8-12% of the side crosses zero) 12-20% lighter
    and the facets between them shaded 0.9-1.1; drawn at 3 times the size and averaged: a fabric's fine square
    grid and creases, not AZ's tatami, BF's expanded metal or any grid or crumple of the earlier lists."""
    h, w = f.shape[:2]
    side = min(h, w)
    s = 3
    tone = RIPSTOPS[int(rng.integers(len(RIPSTOPS)))]
    yy, xx = _fine(h, w, s)
    a = rng.uniform(0, np.pi / 2)
    u = xx * np.cos(a) + yy * np.sin(a) + rng.uniform(0, side)
    v = -xx * np.sin(a) + yy * np.cos(a) + rng.uniform(0, side)
    p = max(2.5, side * rng.uniform(0.035, 0.05))
    tw = max(0.45, 0.004 * side)
    dist = lambda z: np.abs((z % p) - 0.5 * p)  # noqa: E731
    grid = np.maximum(np.exp(-(dist(u) / tw) ** 2), np.exp(-(dist(v) / tw) ** 2))
    grid = grid.reshape(h, s, w, s).mean(axis=(1, 3))
    fld = _field(h, w, side * rng.uniform(0.08, 0.12), rng)
    crease = np.exp(-(fld / 0.12) ** 2)
    facets = 1 + 0.1 * np.tanh(_field(h, w, side * 0.1, rng))
    shade = facets * (1 + rng.uniform(0.14, 0.2) * grid) + rng.uniform(0.12, 0.2) * crease
    ground = np.minimum(tone[None, None, :] * shade[..., None] + 30 * crease[..., None], 255)
    return _u8(_ground_print(f, ground, rng.uniform(0.44, 0.56), 0.35))


OILCLOTHS = np.array([((240, 238, 230), (200, 40, 46)), ((196, 36, 44), (244, 242, 236)),
                      ((40, 52, 96), (240, 238, 228)), ((70, 130, 84), (244, 220, 70))], np.float32)


def _polka_oilcloth(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on a polka-dot oilcloth (a wipe-clean tablecloth): the ink multiplied onto the cloth,
    42-54% of the way from the picture (35% of its tone added at that share); red dots on white, white on red, white
    on navy or yellow on green, the dots 25-32% of their spacing in radius, 8-11% of the side apart (at least 3 px),
    every other row shifted by half, turned to any angle; the oilcloth's gloss, a soft straight reflection band
    (a window's) 15-25% of the side wide, white at 8-14%; drawn at 3 times the size and averaged: a printed dot
    pattern under the picture, not I's halftone or any dotted ground of the earlier lists."""
    h, w = f.shape[:2]
    side = min(h, w)
    s = 3
    ground_col, dot_col = OILCLOTHS[int(rng.integers(len(OILCLOTHS)))]
    yy, xx = _fine(h, w, s)
    a = rng.uniform(0, np.pi)
    u = xx * np.cos(a) + yy * np.sin(a) + rng.uniform(0, side)
    v = -xx * np.sin(a) + yy * np.cos(a) + rng.uniform(0, side)
    p = max(3.0, side * rng.uniform(0.08, 0.11))
    r = p * rng.uniform(0.25, 0.32)
    row = np.floor(v / p)
    du = (u + 0.5 * p * (row % 2)) % p - 0.5 * p
    dv = v - (row + 0.5) * p
    dots = (np.hypot(du, dv) < r).astype(np.float32).reshape(h, s, w, s).mean(axis=(1, 3))[..., None]
    ground = ground_col * (1 - dots) + dot_col * dots
    yp, xp = _pixels(h, w)
    b = rng.uniform(0, np.pi)
    d = (xp - w * rng.uniform(0.2, 0.8)) * np.cos(b) + (yp - h * rng.uniform(0.2, 0.8)) * np.sin(b)
    gloss = np.exp(-(d / (side * rng.uniform(0.075, 0.125))) ** 2)[..., None] * rng.uniform(0.08, 0.14)
    out = _ground_print(f, ground, rng.uniform(0.42, 0.54), 0.35)
    return _u8(out * (1 - gloss) + 255 * gloss)


def near_edit_bh(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "caterpillar":  # a caterpillar crawling over the print
        return _caterpillar(f, rng)
    if kind == "woodlouse":  # a woodlouse on the print
        return _woodlouse(f, rng)
    if kind == "false_eyelash":  # a false eyelash dropped on the print
        return _false_eyelash(f, rng)
    if kind == "ticket_stub":  # a torn ticket stub on the print
        return _ticket_stub(f, rng)
    if kind == "loofah_slice":  # a slice of dried loofah on the print
        return _loofah_slice(f, rng)
    if kind == "kilim":  # the picture printed on a kilim
        return _kilim(f, rng)
    if kind == "ripstop":  # the picture printed on ripstop nylon
        return _ripstop(f, rng)
    if kind == "polka_oilcloth":  # the picture printed on a polka-dot oilcloth
        return _polka_oilcloth(f, rng)
    raise ValueError(kind)


# -- blurs -----------------------------------------------------------------------------------
DUSTS = np.array([(206, 160, 100), (196, 140, 84), (214, 182, 130)], np.float32)


def _sandstorm(f: np.ndarray, rng) -> np.ndarray:
    """The picture photographed through a sandstorm (fine dust carried on the wind between the camera and the
    scene, scattering the light passing): a Gaussian of 1.8-2.6% of the side (at least 1 px) and one 4 times as wide
    for 20-30% (the dust's forward scatter); a dust veil of ochre 206 / 160 / 100, brown 196 / 140 / 84 or pale
    sand 214 / 182 / 130 at 16-24%, thicker and thinner in gusts streaming along the wind (a field under a Gaussian
    of 25% of the side along it and 4% across, at any angle, the veil 0.65-1.35 times); the light reddened, blue
    10-16% and green 3-6% down; as a camera metering on the highlights exposes it: a dust-laden wind, not AD's sand
    drift on the print, AT's flour dust or any haze or veil of the earlier lists."""
    from scipy.ndimage import gaussian_filter, rotate

    h, w = f.shape[:2]
    side = min(h, w)
    s = max(1.0, side * rng.uniform(0.018, 0.026))
    m = rng.uniform(0.2, 0.3)
    out = (1 - m) * _blur3(f, s) + m * _blur3(f, 4 * s)
    out = out * np.array([1.0, 1 - rng.uniform(0.03, 0.06), 1 - rng.uniform(0.1, 0.16)], np.float32)
    big = int(1.5 * max(h, w)) + 8
    g = gaussian_filter(rng.normal(0, 1, (big, big)).astype(np.float32),
                        (max(0.5, side * 0.04), max(0.5, side * 0.25)), mode="wrap")
    g = rotate(g, rng.uniform(0, 180), reshape=False, order=1, mode="wrap")
    y0, x0 = (big - h) // 2, (big - w) // 2
    g = g[y0:y0 + h, x0:x0 + w]
    g = (g - g.mean()) / max(float(g.std()), 1e-6)
    veil = (rng.uniform(0.16, 0.24) * (1 + 0.35 * np.tanh(g)))[..., None]
    dust = DUSTS[int(rng.integers(len(DUSTS)))]
    return _u8(_metered((1 - veil) * out + veil * dust, f))


SMOKE = np.array([200, 204, 212], np.float32)


def _incense_smoke(f: np.ndarray, rng) -> np.ndarray:
    """The picture photographed through incense smoke curling in front of the lens (a burning stick just below the
    frame): a Gaussian of 1.5-2.2% of the side (at least 1 px) everywhere, and where the smoke is thick (a curling
    density field: a smooth field of 9-13% of the side, warped by another and rising, 0.35-1 of full) one 2.5 times
    as wide; the hot smoke's shimmer moving the picture by a smooth field of 0.4-0.8% of the side; a blue-grey
    smoke veil 200 / 204 / 212 at 8-16% times the density; as a camera metering on the highlights exposes it: a
    scattering plume close to the lens, not R's steam, BD's tobacco tar, J's smoked glass or any haze of the
    earlier lists."""
    from scipy.ndimage import map_coordinates

    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    amp = side * rng.uniform(0.004, 0.008)
    dx, dy = _field(h, w, side * 0.06, rng) * amp, _field(h, w, side * 0.06, rng) * amp
    warped = np.stack([map_coordinates(f[..., c], [yy - 0.5 + dy, xx - 0.5 + dx], order=1, mode="nearest")
                       for c in range(3)], axis=2)
    sc = side * rng.uniform(0.09, 0.13)
    curl = _field(h, w, sc, rng)
    d = _field(h, w, sc, rng) + 0.8 * np.sin(2 * np.pi * (xx / side) * rng.uniform(1.0, 2.0) + 2.5 * curl)
    d = d + 0.6 * (yy / h)  # thicker nearer the stick below the frame
    d = (d - d.min()) / max(float(d.max() - d.min()), 1e-6)
    d = (0.35 + 0.65 * d)[..., None]
    s = max(1.0, side * rng.uniform(0.015, 0.022))
    out = (1 - d) * _blur3(warped, s) + d * _blur3(warped, 2.5 * s)
    veil = rng.uniform(0.08, 0.16) * d
    return _u8(_metered((1 - veil) * out + veil * SMOKE, f))


def blur_bh(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "sandstorm":  # through a sandstorm
        return _sandstorm(f, rng)
    if kind == "incense_smoke":  # through incense smoke curling before the lens
        return _incense_smoke(f, rng)
    raise ValueError(kind)


# -- darkening -------------------------------------------------------------------------------
EMBER = np.array([1.0, 0.55, 0.24], np.float32)
COALS = np.array([(255, 150, 50), (255, 96, 34), (255, 200, 96)], np.float32)


def _brazier(f: np.ndarray, rng) -> np.ndarray:
    """A yard at night lit only by a brazier (an iron fire basket of glowing coals) standing at the bottom of the
    picture: its bowl 22-30% of the side wide and 10-14% high, its rim 72-82% down and its middle 30-70% across, dark
    iron 30 / 26 / 24 with three legs to the bottom edge and a grid of bars 20 / 18 / 18 over the coals; the coals
    heaped over the rim, 9-15 ellipses orange 255 / 150 / 50, red 255 / 96 / 34 or yellow 255 / 200 / 96, and 3-6
    sparks above; a glow of sigma 5-8% of the side up to 40-55 levels in the embers' colour 1 / 0.55 / 0.24; the
    picture lit in it at a gain of 0.015-0.03 plus 0.26-0.34 falling off as ``1 / (1 + (d / d0) ** 2)`` with the
    distance ``d`` from the coals, ``d0`` 24-34% of the side; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    bw, bh = side * rng.uniform(0.22, 0.3), side * rng.uniform(0.1, 0.14)
    cx, ry = w * rng.uniform(0.3, 0.7), h * rng.uniform(0.72, 0.82)
    out = _lit(f, _falloff(h, w, cx, ry, side, (0.24, 0.34), rng)[..., None] * EMBER, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    legs = ident.line([[(cx + o * 0.3 * bw, ry + 0.6 * bh), (cx + o * 0.45 * bw, h + 1.0)] for o in (-1, 0, 1)],
                      max(0.8, 0.02 * side))
    out = _paint(out, legs, (30, 26, 24))
    coals = np.zeros((h, w), np.float32)
    for _ in range(int(rng.integers(9, 16))):
        x, y = cx + rng.uniform(-0.42, 0.42) * bw, ry + rng.uniform(-0.22, 0.05) * bh
        m = ident.fill([_ellipse(x, y, max(0.6, 0.07 * bw), max(0.5, 0.2 * bh), rng.uniform(0, np.pi), 10)])
        out = _paint(out, m, COALS[int(rng.integers(len(COALS)))])
        coals = np.maximum(coals, m)
    bowl = ident.fill([[(cx - 0.5 * bw, ry), (cx + 0.5 * bw, ry), (cx + 0.32 * bw, ry + bh), (cx - 0.32 * bw, ry + bh)]])
    out = _paint(out, bowl, (30, 26, 24))
    bars = ident.line([[(cx + t * bw, ry - 0.3 * bh), (cx + t * 0.7 * bw, ry + bh)] for t in np.linspace(-0.4, 0.4, 6)],
                      max(0.6, 0.012 * side))
    out = _paint(out, bars * np.maximum(coals, bowl), (20, 18, 18))
    sparks = ident.fill([_circle(max(0.4, 0.006 * side), 8, cx + rng.uniform(-0.4, 0.4) * bw,
                                 ry - rng.uniform(0.3, 1.6) * bh) for _ in range(int(rng.integers(3, 7)))])
    out = _paint(out, sparks, (255, 210, 120))
    glow = _glow(coals, max(1.0, side * rng.uniform(0.05, 0.08)))[..., None]
    return _u8(out + glow * rng.uniform(40, 55) * EMBER)


MISTS = np.array([(80, 150, 255), (170, 110, 255), (60, 230, 200)], np.float32)


def _humidifier_mist(f: np.ndarray, rng) -> np.ndarray:
    """A bedroom at night lit only by an ultrasonic humidifier's mist, lit from within by its LED: the humidifier a
    dark rounded body 16-22% of the side wide and 13-17% high standing with its bottom 90-97% down and its middle
    25-75% across, 36 / 36 / 40, its LED ring at its foot and its nozzle glowing blue 80 / 150 / 255, violet 170 /
    110 / 255 or teal 60 / 230 / 200; the mist plume rising from the nozzle 30-45% of the side, widening from 3% to
    12% of the side and swaying (a smooth field), lit in the LED's colour 35% towards white at 55-75% where thickest;
    a glow of sigma 5-8% of the side up to 40-55 levels in its colour; the picture lit in it at a gain of 0.015-0.03
    plus 0.26-0.34 falling off as ``1 / (1 + (d / d0) ** 2)`` with the distance ``d`` from the plume's middle,
    ``d0`` 24-34% of the side; noise sigma 1.2 levels."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    col = MISTS[int(rng.integers(len(MISTS)))]
    bw, bh = side * rng.uniform(0.16, 0.22), side * rng.uniform(0.13, 0.17)
    cx, by = w * rng.uniform(0.25, 0.75), h * rng.uniform(0.9, 0.97)
    top = by - bh
    ph = side * rng.uniform(0.3, 0.45)
    out = _lit(f, _falloff(h, w, cx, top - 0.4 * ph, side, (0.24, 0.34), rng)[..., None] * (col / 255), rng)
    yy, xx = _pixels(h, w)
    t = np.clip((top - yy) / ph, 0, 1.2)
    sway = side * 0.04 * _field(h, w, side * 0.15, rng) * t
    half = side * (0.015 + 0.045 * t)
    plume = np.exp(-((xx - cx - sway) / np.maximum(half, 0.5)) ** 2) * (yy < top) * np.clip(1.2 - t, 0, 1)
    plume = gaussian_filter(plume.astype(np.float32), max(0.5, 0.006 * side))
    plume = plume / max(float(plume.max()), 1e-6) * rng.uniform(0.55, 0.75)
    out = _paint(out, plume, col + 0.35 * (255 - col))
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    body = ident.fill([_ellipse(cx, top + 0.55 * bh, 0.5 * bw, 0.55 * bh, 0.0, 28)]) * (yy < by)
    out = _paint(out, body, (36, 36, 40))
    ring = ident.line([[(cx - 0.42 * bw, by - 0.12 * bh), (cx + 0.42 * bw, by - 0.12 * bh)]], max(0.8, 0.012 * side))
    nozzle = ident.fill([_ellipse(cx, top + 0.04 * bh, 0.12 * bw, max(0.5, 0.06 * bh), 0.0, 16)])
    out = _paint(_paint(out, ring, col), nozzle, col)
    glow = _glow(np.maximum(np.maximum(ring, nozzle), plume), max(1.0, side * rng.uniform(0.05, 0.08)))[..., None]
    return _u8(out + glow * rng.uniform(40, 55) * (col / 255))


FIREFLY = np.array([0.72, 1.0, 0.3], np.float32)


def _firefly_jar(f: np.ndarray, rng) -> np.ndarray:
    """A garden at night lit only by a glass jar of fireflies: the jar 16-22% of the side wide and 22-28% high, its
    middle 25-75% across and 50-72% down, its glass a faint outline 60 / 72 / 48 (lines at least 0.6 px) and a dark
    lid 40 / 40 / 36; inside it 7-12 fireflies, points 0.7-1.2% of the side in radius (at least 0.5 px) glowing
    yellow-green 200 / 255 / 80, each 60-100%; a glow of sigma 5-8% of the side up to 40-55 levels in yellow-green
    0.72 / 1 / 0.3; the picture lit in it at a gain of 0.015-0.03 plus 0.26-0.34 falling off as ``1 / (1 + (d /
    d0) ** 2)`` with the distance ``d`` from the jar's middle, ``d0`` 22-30% of the side; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    jw, jh = side * rng.uniform(0.16, 0.22), side * rng.uniform(0.22, 0.28)
    cx, cy = w * rng.uniform(0.25, 0.75), h * rng.uniform(0.5, 0.72)
    out = _lit(f, _falloff(h, w, cx, cy, side, (0.22, 0.3), rng)[..., None] * FIREFLY, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    x0, x1, y0, y1 = cx - 0.5 * jw, cx + 0.5 * jw, cy - 0.5 * jh, cy + 0.5 * jh
    glass = ident.line([[(x0 + 0.15 * jw, y0), (x0, y0 + 0.15 * jh), (x0, y1 - 0.05 * jh), (x0 + 0.1 * jw, y1),
                         (x1 - 0.1 * jw, y1), (x1, y1 - 0.05 * jh), (x1, y0 + 0.15 * jh), (x1 - 0.15 * jw, y0)]],
                       max(0.6, 0.01 * side))
    out = _paint(out, glass, (60, 72, 48))
    out = _paint(out, ident.fill([_rect(x0 + 0.1 * jw, y0 - 0.08 * jh, x1 - 0.1 * jw, y0 + 0.01 * jh)]), (40, 40, 36))
    flies = np.zeros((h, w), np.float32)
    for _ in range(int(rng.integers(7, 13))):
        m = ident.fill([_circle(max(0.5, side * rng.uniform(0.007, 0.012)), 10, cx + rng.uniform(-0.38, 0.38) * jw,
                                cy + rng.uniform(-0.35, 0.42) * jh)]) * rng.uniform(0.6, 1.0)
        flies = np.maximum(flies, m)
    out = _paint(out, flies, (200, 255, 80))
    glow = _glow(flies, max(1.0, side * rng.uniform(0.05, 0.08)))[..., None]
    return _u8(out + glow * rng.uniform(40, 55) * FIREFLY)


def dark_bh(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "brazier":  # a yard lit only by a brazier's coals
        return _brazier(f, rng)
    if kind == "humidifier_mist":  # a bedroom lit only by a humidifier's LED-lit mist
        return _humidifier_mist(f, rng)
    if kind == "firefly_jar":  # a garden lit only by a jar of fireflies
        return _firefly_jar(f, rng)
    raise ValueError(kind)


# -- outliers --------------------------------------------------------------------------------
def _sloth(size: int, rng) -> dict:
    """A sloth hanging under a branch in the forest, seen from the side: leaves in 5-8 clumps about the top; a branch
    across the picture 20-30% of the way down, slanting a little; the sloth hanging under it, its body a long furry
    ellipse 44-56% of the side long with its back down, its middle 30-38% of its length below the branch, its four
    long arms reaching up to the branch, hooked claws over it, its round head (34% of its length across) at one end
    with a pale face, two dark eye stripes and a dark nose (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("leaves", "branch", "arms", "body", "head", "face", "eyes"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    for _ in range(int(rng.integers(5, 9))):
        x, y, r = big * rng.uniform(0, 1), big * rng.uniform(-0.05, 0.2), big * rng.uniform(0.08, 0.16)
        d["leaves"].ellipse((x - r, y - 0.6 * r, x + r, y + 0.6 * r), fill=255)
    by = big * rng.uniform(0.2, 0.3)
    tilt = big * rng.uniform(-0.05, 0.05)
    d["branch"].line([(0, by - tilt), (big, by + tilt)], fill=255, width=max(2, round(0.05 * big)))
    L = big * rng.uniform(0.44, 0.56)
    s = 1 if rng.random() < 0.5 else -1
    cy = by + L * rng.uniform(0.3, 0.38)
    X = lambda t: big / 2 + s * (t - 0.5) * L  # noqa: E731  (0 at its rump, 1 at its head)
    Y = lambda x: by + tilt * (2 * x / big - 1)  # noqa: E731  (the branch's middle line at x)
    d["body"].ellipse((min(X(0.05), X(0.85)), cy - 0.17 * L, max(X(0.05), X(0.85)), cy + 0.17 * L), fill=255)
    for t in (0.15, 0.3, 0.62, 0.78):
        x = X(t)
        d["arms"].line([(x, cy - 0.05 * L), (x + s * 0.04 * L, Y(x) + 0.02 * L)], fill=255, width=max(2, round(0.07 * L)))
        d["arms"].line([(x + s * 0.04 * L, Y(x) + 0.02 * L), (x + s * 0.1 * L, Y(x) - 0.05 * L)], fill=255,
                       width=max(1, round(0.025 * L)))
    hx, hy, hr = X(0.9), cy + 0.06 * L, 0.17 * L
    d["head"].ellipse((hx - hr, hy - hr, hx + hr, hy + hr), fill=255)
    d["face"].ellipse((hx - 0.75 * hr, hy - 0.6 * hr, hx + 0.75 * hr, hy + 0.8 * hr), fill=255)
    for o in (-1, 1):
        d["eyes"].line([(hx + o * 0.2 * hr, hy - 0.05 * hr), (hx + o * 0.7 * hr, hy + 0.2 * hr)], fill=255,
                       width=max(1, round(0.25 * hr)))
    d["eyes"].ellipse((hx - 0.18 * hr, hy + 0.3 * hr, hx + 0.18 * hr, hy + 0.55 * hr), fill=255)
    return {k: _down(v, size) for k, v in M.items()}


def _double_decker(size: int, rng) -> dict:
    """A double-decker bus on a street, seen from the side: the road below 80-88% of the way down with a kerb line;
    the bus 74-88% of the side long and 42% of that high, facing either way: a body with rounded top corners, a
    stripe between its decks, 5-7 windows a deck, a driver's windscreen, a door, a destination blind at the front's
    top, two wheels (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("road", "body", "stripe", "windows", "door", "blind", "wheels"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    gy = big * rng.uniform(0.8, 0.88)
    d["road"].rectangle((0, gy, big, big), fill=255)
    L = big * rng.uniform(0.74, 0.88)
    H = 0.42 * L
    s = 1 if rng.random() < 0.5 else -1
    X = lambda t: big / 2 + s * (t - 0.5) * L  # noqa: E731  (0 at the back, 1 at the front)
    bot = gy - 0.05 * L
    d["body"].rounded_rectangle((min(X(0), X(1)), bot - H, max(X(0), X(1)), bot), radius=0.06 * L, fill=255)
    mid = bot - 0.5 * H
    d["stripe"].rectangle((min(X(0), X(1)), mid - 0.02 * L, max(X(0), X(1)), mid + 0.02 * L), fill=255)
    for row, (y0, y1) in enumerate(((bot - 0.92 * H, bot - 0.62 * H), (bot - 0.42 * H, bot - 0.16 * H))):
        k = int(rng.integers(5, 8))
        for t in np.linspace(0.05, 0.8 if row else 0.86, k):
            d["windows"].rectangle((min(X(t), X(t + 0.09)), y0, max(X(t), X(t + 0.09)), y1), fill=255)
    d["windows"].rectangle((min(X(0.92), X(0.985)), bot - 0.42 * H, max(X(0.92), X(0.985)), bot - 0.14 * H), fill=255)
    d["door"].rectangle((min(X(0.82), X(0.9)), bot - 0.44 * H, max(X(0.82), X(0.9)), bot - 0.02 * H), fill=255)
    d["blind"].rectangle((min(X(0.9), X(0.99)), bot - 0.98 * H, max(X(0.9), X(0.99)), bot - 0.9 * H), fill=255)
    r = 0.075 * L
    for t in (0.2, 0.78):
        d["wheels"].ellipse((X(t) - r, bot + 0.05 * L - 2 * r + r * 0.8, X(t) + r, gy), fill=255)
    out = {k: _down(v, size) for k, v in M.items()}
    out["windows"] = out["windows"] * (1 - out["door"])
    return out


def _jet_ski(size: int, rng) -> dict:
    """A jet ski with its rider on the sea, seen from the side: the water below a line 58-66% of the way down; the
    jet ski 52-64% of the side long, facing either way: a wedge of a hull with a raised nose and a stripe, a seat, a
    handlebar; its rider seated, a torso, a head with a helmet, an arm to the bars, a leg; a fan of spray thrown up
    behind it and a wake along the water (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("water", "wake", "spray", "hull", "stripe", "seat", "rider", "head"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    wy = big * rng.uniform(0.58, 0.66)
    d["water"].rectangle((0, wy, big, big), fill=255)
    L = big * rng.uniform(0.52, 0.64)
    s = 1 if rng.random() < 0.5 else -1
    X = lambda t: big / 2 + 0.1 * s * big + s * (t - 0.5) * L  # noqa: E731  (0 at the stern, 1 at the nose)
    d["wake"].polygon([(X(0.0), wy - 0.01 * L), (X(-0.8), wy + 0.02 * L), (X(-0.8), wy + 0.07 * L),
                       (X(0.1), wy + 0.03 * L)], fill=255)
    d["spray"].polygon([(X(0.02), wy - 0.04 * L), (X(-0.35), wy - 0.42 * L), (X(-0.5), wy - 0.2 * L),
                        (X(-0.45), wy)], fill=255)
    for _ in range(10):
        x, y, r = X(rng.uniform(-0.6, -0.1)), wy - rng.uniform(0.05, 0.5) * L, 0.015 * L
        d["spray"].ellipse((x - r, y - r, x + r, y + r), fill=255)
    d["hull"].polygon([(X(0.0), wy - 0.16 * L), (X(0.72), wy - 0.2 * L), (X(1.0), wy - 0.26 * L), (X(0.9), wy),
                       (X(0.04), wy + 0.02 * L)], fill=255)
    d["stripe"].polygon([(X(0.05), wy - 0.06 * L), (X(0.92), wy - 0.1 * L), (X(0.9), wy - 0.05 * L),
                         (X(0.05), wy - 0.02 * L)], fill=255)
    d["seat"].rounded_rectangle((min(X(0.12), X(0.55)), wy - 0.22 * L, max(X(0.12), X(0.55)), wy - 0.15 * L),
                                radius=0.03 * L, fill=255)
    lw = max(2, round(0.06 * L))
    d["rider"].line([(X(0.35), wy - 0.2 * L), (X(0.42), wy - 0.56 * L)], fill=255, width=round(0.12 * L))
    d["rider"].line([(X(0.42), wy - 0.48 * L), (X(0.66), wy - 0.32 * L)], fill=255, width=lw)
    d["rider"].line([(X(0.36), wy - 0.2 * L), (X(0.55), wy - 0.18 * L), (X(0.55), wy - 0.06 * L)], fill=255, width=lw)
    d["seat"].line([(X(0.66), wy - 0.34 * L), (X(0.66), wy - 0.2 * L)], fill=255, width=max(1, round(0.025 * L)))
    hx, hy, hr = X(0.44), wy - 0.64 * L, 0.07 * L
    d["head"].ellipse((hx - hr, hy - hr, hx + hr, hy + hr), fill=255)
    return {k: _down(v, size) for k, v in M.items()}


def outlier_bh(name: str, kind: str, size: int, lo: int, hi: int, rng) -> np.ndarray:
    photos = name.startswith("photos")
    ground = lambda col: np.ones((size, size, 3), np.float32) * np.asarray(col, np.float32)  # noqa: E731
    tone = lambda t: [lo + (hi - lo) * t] * 3  # noqa: E731
    if kind == "sloth":
        m = _sloth(size, rng)
        if photos:  # a green forest, dark leaves, a brown branch, a grey-brown sloth with a cream face
            out = _paint(_paint(ground((92, 128, 80)), m["leaves"], (40, 84, 44)), m["branch"], (96, 70, 44))
            out = _paint(_paint(out, m["arms"], (132, 114, 92)), m["body"], (150, 130, 104))
            out = _paint(_paint(out, m["head"], (142, 122, 98)), m["face"], (216, 202, 172))
            return _u8(_paint(out, m["eyes"], (46, 36, 30)))
        out = _paint(_paint(ground(tone(0.0)), m["leaves"], tone(0.3)), m["branch"], tone(0.55))
        out = _paint(_paint(out, m["arms"], tone(0.8)), m["body"], tone(1.0))
        out = _paint(_paint(out, m["head"], tone(0.9)), m["face"], tone(0.6))
        return _u8(_paint(out, m["eyes"], tone(0.1)))
    if kind == "double_decker":
        m = _double_decker(size, rng)
        if photos:  # a pale sky, a grey road, a red bus, dark windows, a cream stripe, a black blind
            out = _paint(_paint(ground((200, 214, 228)), m["road"], (84, 84, 88)), m["body"], (200, 30, 34))
            out = _paint(_paint(out, m["stripe"], (232, 222, 192)), m["windows"], (46, 56, 70))
            out = _paint(_paint(out, m["door"], (70, 80, 92)), m["blind"], (20, 20, 20))
            return _u8(_paint(out, m["wheels"], (24, 24, 26)))
        out = _paint(_paint(ground(tone(0.0)), m["road"], tone(0.3)), m["body"], tone(1.0))
        out = _paint(_paint(out, m["stripe"], tone(0.7)), m["windows"], tone(0.2))
        out = _paint(_paint(out, m["door"], tone(0.45)), m["blind"], tone(0.05))
        return _u8(_paint(out, m["wheels"], tone(0.6)))
    if kind == "jet_ski":
        m = _jet_ski(size, rng)
        if photos:  # a blue sky, a deep blue sea, white spray, a white jet ski with an orange stripe, a red rider
            out = _paint(_paint(ground((130, 184, 232)), m["water"], (28, 94, 148)), m["wake"], (220, 234, 240))
            out = _paint(_paint(out, m["spray"], (240, 244, 248)), m["hull"], (236, 236, 232))
            out = _paint(_paint(out, m["stripe"], (232, 120, 30)), m["seat"], (24, 24, 28))
            return _u8(_paint(_paint(out, m["rider"], (204, 40, 40)), m["head"], (250, 220, 40)))
        out = _paint(_paint(ground(tone(0.0)), m["water"], tone(0.25)), m["wake"], tone(0.6))
        out = _paint(_paint(out, m["spray"], tone(0.75)), m["hull"], tone(1.0))
        out = _paint(_paint(out, m["stripe"], tone(0.45)), m["seat"], tone(0.15))
        return _u8(_paint(_paint(out, m["rider"], tone(0.85)), m["head"], tone(0.5)))
    raise ValueError(kind)


# -- label noise -----------------------------------------------------------------------------
def put_wall_flips(base: list[np.ndarray], labels: list, classes: list, candidates: list, count: int,
                   rng) -> dict[int, object]:
    """``count`` examples to flip and their new labels: the pictures are of items sorted at a pick-to-light put wall
    (one layout a pass, 3 x 4, 3 x 5, 4 x 5 or 4 x 6 bins, ``WALLS``; each class given a bin at random, the rest
    empty), where a bin's light shows the sorter where an item goes and the item takes the class of the bin it is
    put in; for a stretch of each shift (15-35% of its items, in the order they came, ``FAULT``, drawn once a pass)
    a fault in the wall's wiring harness crossed the lights of neighbouring bins: a random set of pairs of bins side
    by side or one above the other (each bin in at most one pair, a pair of bins that both hold a class taken with
    probability 1/2), each lighting the other. The flips are the items put during the fault whose class's bin was in
    a crossed pair, each given the class of the other bin of its pair, until ``count`` are flipped (passes over the
    pictures not yet flipped, another shift with another layout, while some are left). Noise by where two classes'
    bins stood on the wall and when the fault came, not by look: not BG's rotated racks, BF's cache race, BE's
    re-hung swing tags, BD's stale crate slips, AU's tote cross-reads, AT's shelf scans or any sorting of the earlier
    lists. Every flip changes the label."""
    pool = sorted(int(v) for v in candidates)
    seen = {labels[i] for i in pool}
    present = [c for c in classes if c in seen]
    if len(present) < 2 or count <= 0:
        return {}
    flips: dict[int, object] = {}
    for _ in range(200):
        items = [int(i) for i in rng.permutation([i for i in pool if i not in flips])]
        if not items:
            break
        fit = [wl for wl in WALLS if wl[0] * wl[1] >= len(present)]
        rows, cols = fit[int(rng.integers(len(fit)))] if fit else (int(np.ceil(len(present) / 6)), 6)
        cells = rng.permutation(rows * cols)[: len(present)]
        bin_of = {int(cell): c for cell, c in zip(cells, present)}
        pairs = [(r * cols + c, r * cols + c + 1) for r in range(rows) for c in range(cols - 1)]
        pairs += [(r * cols + c, (r + 1) * cols + c) for r in range(rows - 1) for c in range(cols)]
        partner: dict[object, object] = {}
        used: set[int] = set()
        for j in rng.permutation(len(pairs)):
            a, b = pairs[int(j)]
            if a in used or b in used or a not in bin_of or b not in bin_of or rng.random() >= 0.5:
                continue
            used.update((a, b))
            partner[bin_of[a]], partner[bin_of[b]] = bin_of[b], bin_of[a]
        n = len(items)
        span = max(1, int(round(n * rng.uniform(*FAULT))))
        start = int(rng.integers(0, max(1, n - span + 1)))
        for i in items[start:start + span]:
            if len(flips) >= count:
                break
            if labels[i] in partner and partner[labels[i]] != labels[i]:
                flips[i] = partner[labels[i]]
        if len(flips) >= count:
            break
    return dict(sorted(flips.items()))


# -- planting ------------------------------------------------------------------------------
def plant_issues_bh(images, labels, out_dir, *, name: str, random_state: int = 0) -> PlantedDataset:
    """Generator BH's problems (module docstring). A set whose name ends in ``_jpeg`` is written as JPEG files at a
    quality drawn from 42-64 each; the others as PNG. The planting is I's (:func:`_heldout_i.plant_generator`)."""
    return plant_generator(
        images, labels, out_dir, name=name, rates=RATES_BH, seed=600_000 + random_state,
        quality_seed=605_000 + random_state, jpeg_quality=JPEG_QUALITY,
        flips=put_wall_flips,
        **by_family(name, outlier=(outlier_bh, OUTLIERS_BH), blur=(blur_bh, BLURS_BH), dark=(dark_bh, DARKS_BH),
                    near=(near_edit_bh, NEAR_EDITS_BH)))
