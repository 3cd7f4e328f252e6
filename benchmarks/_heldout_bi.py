"""Generator BI: fresh EVALUATION sets after generator BH's run (never used to choose anything).

Why a fifty-ninth evaluation generator: generator BH's sets were written before its run and have been run once since
(the docs of generator BH's one held-out run, after which its four sets became development data, ``NOT_YET_RUN``
empty), so a held-out set for the code after that run is written now, before any tool is run on it. The commit subjects
since BH's generator commit (45fd376) name only that docs commit: no change to the library's code, to a detection
rule's settings or to the benchmark's tools is named in them, so BI measures the same code as BH did, on new sets. BH's
run came before this generator was written, and that subject carries its numbers, but BI's writer read no docs, logs,
result files or commit bodies (only the commit subjects, the library's code and the earlier generators' and tuning
tools' files, to copy their structure and to avoid their families), and nothing in BI was chosen from any result, to
aim at or away from any weakness a subject names: its strengths are set as BH's were. Like AN's to BH's, BI's edits
are not all brightly coloured: some are grey, black, dark brown, pale or translucent. Generator BI was written before
any tool was run on it (only its pictures were looked at, on contact sheets of its edits, blurs, darkenings and foreign
pictures at 28, 83 and 319 px, to check that every edit is visible, every blur blurred, every darkened image dark with
its picture still in it and every outlier foreign, and the planted folders hashed twice); it is not to be changed after
its results are seen. Its edits, blurs, darkenings, foreign pictures and label noise are of families that no tuning
tool (``blur_tuning.py``'s lens blurs: Gaussian, soft disk, astigmatic elongated Gaussian, ring; ``_foreign.py``'s
textures, icons and soft photographs; ``near_photos.py``'s and ``near_small.py``'s edits; ``label_filters.py``'s and
``label_noise_models.py``'s flips), no earlier generator (A = ``dq.datasets.plant_issues``, B, D, E, F, G, H, I, J, K,
L, M, N, O, P, Q, R, S, T, U, V, W, X, Y, Z, AA, AB, AC, AD, AE, AF, AG, AH, AI, AJ, AK, AL, AM, AN, AO, AP, AQ, AR, AS,
AT, AU, AV, AW, AX, AY, AZ, BA, BB, BC, BD, BE, BF, BG, BH) and none of the library's calibration copies
(``dataquality/compute/_synthetic.py``: crop, shift, rotate, brightness, contrast, gamma, JPEG, resize, overlay box;
Gaussian, box, motion, down-and-up blurs) make (their family names and key words were searched for in every earlier
generator, the tuning tools and ``_synthetic.py``). Like AC's to BH's it has two blur families, not three. Tiles of
319 px give 61 tiles (seed 372), so the large set is at 319 px, a size no other set uses; the small photographs are at
83 px, a size no other set uses either. Left out because an earlier generator made them or left them out: among objects
on the print a caterpillar, a woodlouse, an earwig, a slug, a shell or any other creature of the earlier lists (BH's,
BG's, their lists: BI's objects are none of them alive), an acorn, a conker, a pine cone, a sycamore seed, a leaf, a
dandelion clock, a petal or any other seed or plant part the earlier lists name (their lists: BI's poppy head is a
dried seed capsule with its crown, and its thistle a flower head with a spiny base and a tuft of florets), a hair
grip, a scrunchie, a comb, a cotton reel or any hair or sewing thing of the earlier lists (their lists: BI's hair
curler is a mesh roller with holes and a clip), a contact lens, a hearing aid, earplugs or any other worn device of the
earlier lists (their lists: BI's dental retainer is a translucent plate with a steel wire), a golf tee, a shuttlecock,
a tiddlywink, a button, a marble or any ball, counter or coin of the earlier lists (their lists: BI's squash ball is a
black, white or dark blue rubber ball with its two yellow dots and its seam); of the whole picture a kilim, ikat,
hessian, tartan, gingham, houndstooth, seersucker, paisley, leopard print, camouflage, damask, tie-dye, marbled paper
or any other weave, print or patterned ground of the earlier lists (BH's, AG's, AT's, their lists: BI's chintz is a
glazed cloth printed with roses and leaves, its Memphis wrap a 1980s gift paper of squiggles, triangles and rings, and
its argyle wrap a paper of alternating diamonds with dashed overcheck lines), a halftone, confetti, bingo dabs or any
dotted or checked ground of the earlier lists (I's, AL's, U's, AQ's, BH's oilcloth); among blurs a sandstorm, incense
smoke, a capiz window, a water wall, steam, a sprinkled or dirty or greasy lens or any haze or veil of the earlier lists
(BH's, BG's, their lists: BI's decentred lens is an optical fault whose blur grows across the field with a one-sided
tail and colour fringes, and its washing line a print swinging in the wind, more the further from its pegs), a tilt-
shift, a swept, split or selective focus, a bowed negative, a curled print or any depth blur of the earlier lists, the
camera's shake, a swinging strap, a spin, a zoom or any motion of the earlier lists; among darkenings a brazier, a
humidifier's mist, a jar of fireflies, a fondue burner, a tealight, a lantern, a forge, a kiln or any flame, ember,
lamp or glow of the earlier lists (BH's, BG's, BF's, their lists: BI's squid boat is a row of fishing lamps strung
over a hull out on the water, its tritium keyring a self-lit glass vial in a holder on a ring, and its Cherenkov pool a
reactor core glowing blue under water), a glow stick, glow-in-the-dark paint, EL wire, a lighthouse or a beacon (their
lists); among foreign pictures a sloth, an armadillo, an anteater, a koala or any other animal of the earlier lists
(BH's, BG's, BF's, their lists: BI's chameleon grips a twig with a curled tail and a turret eye, and its beaver gnaws a
tree to an hourglass by the water), a double-decker bus, a fire engine, a tram, a tractor, a railway scene or any
other vehicle of the earlier lists (BH's, BF's, their lists: BI's steam locomotive has a boiler, a chimney with a
trailing plume, a cab, coupled driving wheels and a cowcatcher), a saguaro, a desert or a jet ski (their lists, BH's);
among label noise every mechanism BH named and BH's cross-wired put wall (dictation, OCR, bags, hotkeys, keypads,
quotas, a checkweigher, positions, clocks, a returns desk's prices, a marketplace's category stuffing, recycled product
codes, memory cards, a packing bench's label rolls, a mistranslated list, an empty cartridge, transposed sheets,
swapped digits, stale crate slips, a spreadsheet's fill-down, collided file names, names completed as typed, tote
cross-reads, shelf scans, conveyor jets, averaged votes, re-hung swing tags, a tracker's identity switch, a cache race,
rotated specimen racks, a cross-wired put wall).

* ``near_duplicate`` (3%), five edits in a part of the picture and three of the whole, in turn (so that the 319 px set's
  copies get both kinds): a dried poppy seed head (a capsule 22-28% of the side long, at least 9 px, 66% as wide,
  grey-green 128 / 146 / 110, straw 200 / 180 / 124 or dark brown 66 / 50 / 40, of the three the two whose colour
  differs most on average from the picture's where it lies, as for each object's colour below; four ribs, a neck, a
  crown with 7-10 points, a bent stalk, a sheen at 25%; 30-70% of the way across and down, at any angle, a soft shadow
  at 30%), a mesh hair curler (a cylinder 26-34% of the side long, at least 10 px, 36-44% as thick, pink, blue or grey,
  three rows of holes showing the print, a clip 30% darker, a sheen; a shadow at 30%), a dental retainer (a translucent
  D of clear blue-white, pink or blue plastic 28-36% of the side across, at least 12 px, at 40-55%, a steel wire with
  two U-loops and two clasps at 95%; a shadow at 15%), a squash ball (a disc 16-20% of the side across, at least 8 px,
  black, white or dark blue, a seam, two yellow dots, a sheen at 35%; a shadow at 35%) and a thistle head (26-34% of
  the side long, at least 10 px, a spiny base cross-hatched with bracts and a fanned tuft of 14-22 florets at 80%,
  fresh green and purple, dried silver or dried brown, a stem; a shadow at 30%); of the whole picture: printed on chintz
  (the ink multiplied onto the cloth, 42-54% of the way, a cream, pale blue or black ground with 10-16 roses 5-8% of the
  side in radius, red, pink or yellow, with leaves; a glaze sheen white at 6-10%), printed on Memphis gift wrap (42-54%
  of the way, a white, pink or mint ground, 6-10 black squiggles, 5-8 teal, magenta or yellow triangles, 3-5 rings) and
  printed on argyle gift wrap (42-54% of the way, diamonds 14-20% of the side wide in two alternating colours, dashed
  overcheck lines in a third, turned by up to 10 degrees);
* ``exact_duplicate`` (1%): byte-for-byte copies of a file under another name;
* ``blurry`` (3%): the picture photographed through a dropped lens with an element knocked off centre (a Gaussian
  growing across the field from 1.2-1.8% of the side, at least 0.8 px, to 2.6-3.6%, at least 1.5 px, with a one-sided
  comatic tail of 25-35% and red and blue moved apart by 0.3-0.6% of the side) and the print flapping on a washing line
  (swinging by 4-5.5% of the side, at least 1.8 px, at the bottom and half of that at the pegs along the top, along
  the wind, the phase travelling across the sheet, 12 moments averaged, folds 0.95-1.05); each as a camera metering on the
  highlights exposes it (as Y's to BH's);
* ``dark`` (2%): a harbour at night lit only by a squid boat's lamps (6-11 lamps green-white or white on a wire 12-30%
  down, 30-55% of the width long, masts and a dark hull, a glow of sigma 5-8% of the side up to 40-55 levels in
  green-white 0.78 / 1 / 0.86; the picture lit in it at 0.26-0.34 falling off as ``1 / (1 + (d / d0) ** 2)`` with the
  distance from the lamps, ``d0`` 28-38% of the side, over 0.015-0.03), a tent at night lit only by a tritium keyring
  (a vial 6-9% of the side long, at least 2.5 px, green, ice blue or orange, in a dark holder with its ring and a key,
  25-75% across and 55-85% down, a glow of sigma 3-5% up to 40-55 levels; the picture lit in its colour at 0.26-0.34
  falling off as above, ``d0`` 16-24% of the side, over 0.015-0.03) and a reactor hall at night lit only by the
  Cherenkov glow of its core under water (3 x 3 fuel elements' tops glowing blue 78-92% down, a glow of sigma 5-8% up
  to 40-55 levels and a haze of sigma 14-18% up to 15-25 levels in blue 0.45 / 0.7 / 1; the picture lit in it at
  0.26-0.34 falling off as above, ``d0`` 26-36% of the side, over 0.015-0.03); none of them blurs the picture;
* ``outlier`` (1.5%): a chameleon on a twig among leaves (a body with a saw-toothed crest, a casqued head, a turret eye
  with a pupil, two gripping legs, a tail curled in a spiral), a steam locomotive on a railway (an embankment and a
  rail, a boiler, a cab with a window, a chimney, a dome, three coupled driving wheels and a leading wheel, a
  cowcatcher, a trailing plume of smoke) and a beaver gnawing a tree by the water (a river and its bank, a trunk gnawed
  to an hourglass, chips, a sitting beaver with a round head, an ear, an eye, orange teeth, a flat tail); the digit and
  clothing sets get them in their own tones on their dark ground, the photographs as a lime-green chameleon with a
  yellow crest on a leafy green ground, a black engine with a maroon cab and red wheels under a pale sky with grey
  smoke, and a brown beaver with orange teeth by a blue-grey river in a green wood;
* ``label`` (5%): *misprinted reference sheet* flips: the pictures were labelled by a team of 6-11 annotators (``TEAM``,
  one drawn for each item), each of whom learned the classes from a laminated reference sheet with one example picture
  a class; one intake of the team (20-40% of it, ``MISPRINTED``) was onboarded with sheets misprinted in layout, the
  example pictures of one or two random pairs of classes swapped under their names, and labelled those classes the
  wrong way round until the sheets were recalled (the first 40-80% of a pass's items, ``SPELL``). The flips are the
  items of a swapped class labelled by that intake before the recall, each given the other class of its pair (passes
  over the pictures not yet flipped, another intake with another misprint, while some are left). Noise by which two
  classes' examples were swapped and who labelled an item when, not by look: not BH's cross-wired put wall, BG's
  rotated racks, BF's cache race, BE's re-hung swing tags or the mistranslated list. Every flip changes the label, so
  every one is in the truth.

Each planted defect has its own source image; nothing else is planted, so only these six issue types are scored on BI's
sets. Base data are the evaluation domains drawn with seeds no other set uses: Fashion-MNIST *test* (2,000, seed 369),
MNIST (2,000, seed 370), and the evaluation photographs tiled at 83 px (24 tiles a photograph at most, seed 371) and at
319 px (every tile, seed 372), sizes no other set uses. ``photos83_bi_jpeg`` is written as JPEG files, each at a quality
drawn from 41-63 (a stream of its own, seed ``615_000 + random_state``), every edit, blur and darkening made before the
encoding, near copies made from the decoded JPEG and saved again at their own quality, exact copies byte copies of the
file; the other sets are PNG files. Planting draws from seed ``610_000 + random_state``. The planting is I's
(:func:`_heldout_i.plant_generator`, as for J to BH).
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

EVALUATION_BI = ("fashion_test_bi", "mnist_bi", "photos83_bi_jpeg", "photos319_bi")
# each set's base: (data, seed) or ("photos", seed, tile size, tiles per photograph quick, full)
BASES_BI = {
    "fashion_test_bi": ("fashion_test", 369),
    "mnist_bi": ("mnist", 370),
    "photos83_bi_jpeg": ("photos", 371, 83, 8, 24),
    "photos319_bi": ("photos", 372, 319, 8, 1000),
}
JPEG_QUALITY = (41, 64)  # the JPEG set's qualities: integers in [low, high)
RATES_BI = {"near_duplicate": 0.03, "exact_duplicate": 0.01, "blurry": 0.03, "dark": 0.02, "outlier": 0.015,
            "label": 0.05}
# parts of the picture and the whole picture in turn, so that the smallest set gets both kinds
NEAR_EDITS_BI = ("poppy_head", "chintz", "hair_curler", "memphis_wrap", "dental_retainer", "argyle_wrap",
                 "squash_ball", "thistle_head")
BLURS_BI = ("decentred_lens", "washing_line")
DARKS_BI = ("squid_boat", "tritium_keyring", "cherenkov_pool")
OUTLIERS_BI = ("chameleon", "steam_locomotive", "beaver")
TEAM = (6, 12)  # annotators on the team, drawn a pass (label noise)
MISPRINTED = (0.2, 0.4)  # the share of the team onboarded with the misprinted reference sheet (label noise)
SPELL = (0.4, 0.8)  # the share of a pass's items labelled before the misprinted sheets were recalled (label noise)


def load_base_bi(name: str, quick: bool = False):
    import _heldout

    return _heldout.load_generator_base(name, quick, BASES_BI, "BI")


# -- near copies -----------------------------------------------------------------------------
WHITE = (255, 255, 255)
POPPIES = ((128, 146, 110), (200, 180, 124), (66, 50, 40))


def _poppy_head(f: np.ndarray, rng) -> np.ndarray:
    """A dried poppy seed head lying on the print, seen from the side: a capsule 22-28% of the side long (at least
    9 px) and 66% as wide, grey-green 128 / 146 / 110, straw 200 / 180 / 124 or dark brown 66 / 50 / 40 (of the
    three the one whose colour differs most on average from the picture's where it lies, or the second, at random,
    where it differs at least 60% as much, as for the curler, the retainer's plastic, the ball and the thistle);
    four ribs along it 20% darker at 70% (lines at least 0.5 px); a short neck 10% darker and a flat crown 25%
    darker with 7-10 points 30% darker; a stalk 60-90% of its length, bent a little, 15% darker (at least 0.8 px);
    a white sheen at 25%; at any angle, its middle 30-70% of the way across and down, a soft shadow at 30%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(9.0, side * rng.uniform(0.22, 0.28))
    fr = _frame_at(h, w, rng)
    col = _standing_out(POPPIES, f, fr, 0.5 * L, rng)
    a, b = 0.36 * L, 0.33 * L
    body = fr.fill([_ellipse(0.0, 0.0, a, b, 0.0, 28)])
    xs = np.linspace(-0.92, 0.92, 12) * a
    ribs = fr.line([[(float(x), float(k * b * np.sqrt(max(0.0, 1 - (x / a) ** 2)))) for x in xs]
                    for k in (-0.6, -0.2, 0.2, 0.6)], max(0.5, 0.025 * L)) * body
    neck = fr.fill([_rect(0.28 * L, -0.13 * L, 0.41 * L, 0.13 * L)])
    crown = fr.fill([_ellipse(0.43 * L, 0.0, 0.05 * L + 0.3, 0.3 * L, 0.0, 20)])
    points = fr.line([[(0.43 * L, float(y) * L), (0.5 * L, float(y) * 1.08 * L)]
                      for y in np.linspace(-0.27, 0.27, int(rng.integers(7, 11)))], max(0.5, 0.03 * L))
    sl = L * rng.uniform(0.6, 0.9)
    bend = sl * rng.uniform(-0.15, 0.15)
    stalk = fr.line([[(-0.32 * L, 0.0), (-0.32 * L - 0.5 * sl, 0.6 * bend), (-0.32 * L - sl, bend)]],
                    max(0.8, 0.06 * L))
    sheen = fr.fill([_ellipse(0.0, -0.16 * L, 0.2 * L, 0.05 * L + 0.3, 0.0, 14)]) * body
    parts = [(stalk, col * 0.85, 1.0, True), (body, col, 1.0, True), (ribs, col * 0.8, 0.7, False),
             (neck, col * 0.9, 1.0, True), (crown, col * 0.75, 1.0, True), (points, col * 0.7, 0.9, True),
             (sheen, WHITE, 0.25, False)]
    return _u8(_laid(f, parts, 0.3))


CURLERS = ((238, 138, 172), (112, 164, 222), (148, 148, 150))


def _hair_curler(f: np.ndarray, rng) -> np.ndarray:
    """A mesh hair roller dropped on the print: a cylinder seen from the side 26-34% of the side long (at least 10
    px) and 36-44% as thick, pink 238 / 138 / 172, blue 112 / 164 / 222 or grey 148 / 148 / 150, its ends 15%
    darker; three rows of 6-8 round holes (every other row shifted) through which the print shows (the mesh there at
    15%); its clip, a bar along its top 30% darker (at least 0.6 px) with a hinge at one end; a white sheen along it
    at 30%; at any angle, its middle 30-70% of the way across and down, a soft shadow at 30%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(10.0, side * rng.uniform(0.26, 0.34))
    D = L * rng.uniform(0.36, 0.44)
    fr = _frame_at(h, w, rng)
    col = _standing_out(CURLERS, f, fr, 0.5 * L, rng)
    body = fr.fill([_rect(-0.5 * L, -0.5 * D, 0.5 * L, 0.5 * D)])
    ends = fr.fill([_ellipse(o * 0.5 * L, 0.0, 0.08 * D + 0.3, 0.5 * D, 0.0, 16) for o in (-1, 1)])
    k = int(rng.integers(6, 9))
    holes = fr.fill([_circle(max(0.4, 0.1 * D), 10, float(x) + (0.5 * L / k if r % 2 else 0.0), y * D)
                     for r, y in enumerate((-0.27, 0.0, 0.27)) for x in np.linspace(-0.42, 0.36, k) * L])
    lw = max(0.6, 0.08 * D)
    clip = fr.line([[(-0.46 * L, -0.62 * D), (0.5 * L, -0.62 * D), (0.5 * L, -0.3 * D)]], lw)
    sheen = fr.line([[(-0.45 * L, -0.3 * D), (0.45 * L, -0.3 * D)]], max(0.5, 0.06 * D)) * body
    parts = [(body * (1 - 0.85 * holes), col, 1.0, True), (ends, col * 0.85, 1.0, True), (clip, col * 0.7, 0.95, True),
             (sheen, WHITE, 0.3, False)]
    return _u8(_laid(f, parts, 0.3))


PLASTICS = ((200, 222, 236), (236, 130, 160), (90, 150, 220))
SILVER = np.array([184, 186, 192], np.float32)


def _dental_retainer(f: np.ndarray, rng) -> np.ndarray:
    """A dental retainer (a Hawley retainer) left on the print: its palate plate a translucent D of clear blue-white
    200 / 222 / 236, pink 236 / 130 / 160 or blue 90 / 150 / 220 plastic 28-36% of the side across (at least 12
    px), 55% as deep, at 40-55%, its rim 20% darker at 80% (at least 0.6 px); a stainless wire 184 / 186 / 192 along
    its front arc with a U-loop at each end and two round clasps at its back corners, at 95% (at least 0.6 px); at
    any angle, its middle 30-70% of the way across and down, a faint shadow at 15%."""
    h, w = f.shape[:2]
    side = min(h, w)
    R = max(6.0, side * rng.uniform(0.14, 0.18))
    fr = _frame_at(h, w, rng)
    col = _standing_out(PLASTICS, f, fr, R, rng)
    ts = np.linspace(0, np.pi, 22)
    arch = [(float(R * np.cos(t)), float(0.55 * R - 1.1 * R * np.sin(t))) for t in ts]
    palate = fr.fill([arch])
    rim = fr.line([arch], max(0.6, 0.05 * R))
    lw = max(0.6, 0.012 * side)
    tw = np.linspace(0.25 * np.pi, 0.75 * np.pi, 12)
    wire = fr.line([[(float(1.1 * R * np.cos(t)), float(0.55 * R - 1.2 * R * np.sin(t))) for t in tw]], lw)
    loops = fr.line([_closed(_circle(0.12 * R, 10, float(1.1 * R * np.cos(t)), float(0.55 * R - 1.05 * R * np.sin(t))))
                     for t in (0.25 * np.pi, 0.75 * np.pi)], lw)
    clasps = fr.line([_closed(_circle(0.14 * R, 10, o * 0.95 * R, 0.42 * R)) for o in (-1, 1)], lw)
    parts = [(palate, col, rng.uniform(0.4, 0.55), True), (rim, col * 0.8, 0.8, False), (wire, SILVER, 0.95, True),
             (loops, SILVER, 0.95, True), (clasps, SILVER, 0.95, True)]
    return _u8(_laid(f, parts, 0.15))


BALLS = ((26, 26, 28), (236, 234, 228), (36, 48, 96))


def _squash_ball(f: np.ndarray, rng) -> np.ndarray:
    """A squash ball resting on the print: a disc 16-20% of the side across (at least 8 px), black 26 / 26 / 28,
    white 236 / 234 / 228 (a glass-court ball) or dark blue 36 / 48 / 96; a curved seam 30% lighter (darker on the
    white one) at 60% (at least 0.5 px); two yellow dots 250 / 214 / 40 near its top at 95%; a white sheen at 35%;
    at any angle, its middle 30-70% of the way across and down, a soft shadow at 35%."""
    h, w = f.shape[:2]
    side = min(h, w)
    r = max(4.0, side * rng.uniform(0.08, 0.1))
    fr = _frame_at(h, w, rng)
    col = _standing_out(BALLS, f, fr, r, rng)
    ball = fr.fill([_circle(r, 28)])
    ts = np.linspace(0, np.pi, 12)
    seam = fr.line([[(float(0.9 * r * np.cos(t)), float(0.1 * r + 0.35 * r * np.sin(t))) for t in ts]],
                   max(0.5, 0.06 * r)) * ball
    dots = fr.fill([_circle(max(0.5, 0.14 * r), 10, o * 0.22 * r, -0.45 * r) for o in (-1, 1)])
    sheen = fr.fill([_ellipse(-0.35 * r, -0.35 * r, 0.22 * r, 0.14 * r + 0.2, -0.6, 12)]) * ball
    seam_col = col * 0.7 if col.mean() > 128 else np.minimum(col * 1.3 + 40, 255)
    parts = [(ball, col, 1.0, True), (seam, seam_col, 0.6, False), (dots, (250, 214, 40), 0.95, False),
             (sheen, WHITE, 0.35, False)]
    return _u8(_laid(f, parts, 0.35))


THISTLES = (((96, 128, 72), (168, 72, 176)), ((150, 132, 100), (226, 220, 206)), ((92, 70, 50), (180, 160, 130)))


def _thistle_head(f: np.ndarray, rng) -> np.ndarray:
    """A thistle's flower head on a short stem lying on the print: fresh (a green 96 / 128 / 72 base and a purple 168
    / 72 / 176 tuft), dried silver (150 / 132 / 100 and 226 / 220 / 206) or dried brown (92 / 70 / 50 and 180 / 160
    / 130), the pair whose base differs most from the picture where it lies (or the second, as above); the whole
    26-34% of the side long (at least 10 px): a bulbous spiny base (34% of the length across), its bracts a
    cross-hatch 25% darker at 80% (lines at least 0.5 px), spines around it 20% darker; a tuft of 14-22 florets
    fanning over 60 degrees, 30-36% of the length, filled at 80% with the florets' lines 15% darker; a stem 35% of
    the length, bent a little (at least 0.8 px); at any angle, its middle 30-70% of the way across and down, a soft
    shadow at 30%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(10.0, side * rng.uniform(0.26, 0.34))
    fr = _frame_at(h, w, rng)
    base_col = _standing_out([b for b, _ in THISTLES], f, fr, 0.5 * L, rng)
    tuft_col = np.asarray(dict((b, t) for b, t in THISTLES)[tuple(int(v) for v in base_col)], np.float32)
    base = fr.fill([_ellipse(0.0, 0.0, 0.17 * L, 0.15 * L, 0.0, 20)])
    xs = np.linspace(-0.15, 0.15, 5) * L
    bracts = fr.line([[(float(x) - 0.08 * L, -0.15 * L), (float(x) + 0.08 * L, 0.15 * L)] for x in xs]
                     + [[(float(x) + 0.08 * L, -0.15 * L), (float(x) - 0.08 * L, 0.15 * L)] for x in xs],
                     max(0.5, 0.025 * L)) * base
    sp = np.linspace(0.55 * np.pi, 1.45 * np.pi, 9)
    spines = fr.line([[(float(0.17 * L * np.cos(t)), float(0.15 * L * np.sin(t))),
                       (float(0.24 * L * np.cos(t)), float(0.22 * L * np.sin(t)))] for t in sp], max(0.5, 0.02 * L))
    tl = L * rng.uniform(0.3, 0.36)
    fan = np.linspace(-0.52, 0.52, int(rng.integers(14, 23)))
    tuft = fr.fill([[(0.1 * L, -0.1 * L)] + [(float(0.1 * L + tl * np.cos(a)), float(tl * np.sin(a))) for a in fan]
                    + [(0.1 * L, 0.1 * L)]])
    florets = fr.line([[(0.1 * L, float(0.15 * a * L)), (float(0.1 * L + tl * np.cos(a)), float(tl * np.sin(a)))]
                       for a in fan], max(0.5, 0.03 * L))
    bend = L * rng.uniform(-0.08, 0.08)
    stem = fr.line([[(-0.14 * L, 0.0), (-0.32 * L, 0.5 * bend), (-0.5 * L, bend)]], max(0.8, 0.05 * L))
    parts = [(stem, base_col * 0.85, 1.0, True), (spines, base_col * 0.8, 0.9, True), (base, base_col, 1.0, True),
             (bracts, base_col * 0.75, 0.8, False), (tuft, tuft_col, 0.8, True), (florets, tuft_col * 0.85, 0.9, False)]
    return _u8(_laid(f, parts, 0.3))


CHINTZ_GROUNDS = np.array([(240, 232, 210), (208, 222, 230), (34, 30, 32)], np.float32)
ROSES = np.array([(200, 60, 80), (236, 150, 170), (236, 196, 90)], np.float32)
CHINTZ_LEAF = np.array([74, 120, 70], np.float32)


def _chintz(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on chintz (a glazed cotton printed with flowers): the ink multiplied onto the cloth, 42-54%
    of the way from the picture (35% of its tone added at that share); a cream 240 / 232 / 210, pale blue 208 / 222 /
    230 or black 34 / 30 / 32 ground scattered with 10-16 roses, each a disc 5-8% of the side in radius (at least 2
    px) of red 200 / 60 / 80, pink 236 / 150 / 170 or yellow 236 / 196 / 90, a ring of petal edges and a heart 35%
    darker, two or three leaves 74 / 120 / 70 beside it; the cloth's glaze, a soft straight sheen 15-25% of the side
    wide, white at 6-10%: a floral print, not a weave, a dotted ground or any ground of the earlier lists."""
    h, w = f.shape[:2]
    side = min(h, w)
    ground = np.ones((h, w, 3), np.float32) * CHINTZ_GROUNDS[int(rng.integers(len(CHINTZ_GROUNDS)))]
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    for _ in range(int(rng.integers(10, 17))):
        x, y = w * rng.uniform(-0.05, 1.05), h * rng.uniform(-0.05, 1.05)
        r = max(2.0, side * rng.uniform(0.05, 0.08))
        for _ in range(int(rng.integers(2, 4))):
            a = rng.uniform(0, 2 * np.pi)
            leaf = ident.fill([_ellipse(x + 1.2 * r * np.cos(a), y + 1.2 * r * np.sin(a), 0.8 * r, 0.35 * r, a, 14)])
            ground = _paint(ground, leaf, CHINTZ_LEAF)
        rose = ROSES[int(rng.integers(len(ROSES)))]
        ground = _paint(ground, ident.fill([_circle(r, 24, x, y)]), rose)
        ring = ident.line([_closed(_circle(0.62 * r, 16, x, y))], max(0.5, 0.1 * r))
        ground = _paint(_paint(ground, ring, rose * 0.65), ident.fill([_circle(0.25 * r, 12, x, y)]), rose * 0.65)
    yp, xp = _pixels(h, w)
    b = rng.uniform(0, np.pi)
    d = (xp - w * rng.uniform(0.2, 0.8)) * np.cos(b) + (yp - h * rng.uniform(0.2, 0.8)) * np.sin(b)
    gloss = np.exp(-(d / (side * rng.uniform(0.075, 0.125))) ** 2)[..., None] * rng.uniform(0.06, 0.1)
    out = _ground_print(f, ground, rng.uniform(0.42, 0.54), 0.35)
    return _u8(out * (1 - gloss) + 255 * gloss)


MEMPHIS_GROUNDS = np.array([(246, 244, 238), (246, 214, 222), (214, 240, 228)], np.float32)
MEMPHIS = np.array([(40, 180, 170), (236, 70, 150), (250, 210, 50), (30, 30, 34)], np.float32)


def _memphis_wrap(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on Memphis-style gift wrap (the 1980s pattern): the ink multiplied onto the paper, 42-54%
    of the way from the picture (35% of its tone added at that share); a white 246 / 244 / 238, pastel pink 246 /
    214 / 222 or mint 214 / 240 / 228 ground with 6-10 black squiggles (zigzags or waves 25-40% of the side long, 1.2%
    of the side wide, at least 0.8 px), 5-8 solid triangles 6-10% of the side across in teal 40 / 180 / 170, magenta
    236 / 70 / 150 or yellow 250 / 210 / 50 and 3-5 rings 3-5% of the side in radius in any of the four, at any
    angle: a graphic print of shapes, not a halftone, confetti or any ground of the earlier lists."""
    h, w = f.shape[:2]
    side = min(h, w)
    ground = np.ones((h, w, 3), np.float32) * MEMPHIS_GROUNDS[int(rng.integers(len(MEMPHIS_GROUNDS)))]
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    lw = max(0.8, 0.012 * side)
    for _ in range(int(rng.integers(5, 9))):
        x, y, s = w * rng.uniform(-0.05, 1.05), h * rng.uniform(-0.05, 1.05), side * rng.uniform(0.06, 0.1)
        a = rng.uniform(0, 2 * np.pi)
        tri = [(x + s * 0.6 * np.cos(a + k * 2 * np.pi / 3), y + s * 0.6 * np.sin(a + k * 2 * np.pi / 3)) for k in range(3)]
        ground = _paint(ground, ident.fill([tri]), MEMPHIS[int(rng.integers(3))])
    for _ in range(int(rng.integers(3, 6))):
        ring = _closed(_circle(side * rng.uniform(0.03, 0.05), 20, w * rng.uniform(0, 1), h * rng.uniform(0, 1)))
        ground = _paint(ground, ident.line([ring], lw), MEMPHIS[int(rng.integers(4))])
    for _ in range(int(rng.integers(6, 11))):
        x, y, a = w * rng.uniform(-0.1, 1.0), h * rng.uniform(-0.05, 1.05), rng.uniform(0, 2 * np.pi)
        n = 14
        t = np.linspace(0, side * rng.uniform(0.25, 0.4), n)
        amp = side * 0.025
        off = amp * (np.where(np.arange(n) % 2, 1.0, -1.0) if rng.random() < 0.5 else np.sin(np.arange(n) * 1.2))
        pts = [(float(x + u * np.cos(a) - o * np.sin(a)), float(y + u * np.sin(a) + o * np.cos(a))) for u, o in zip(t, off)]
        ground = _paint(ground, ident.line([pts], lw), MEMPHIS[3])
    return _u8(_ground_print(f, ground, rng.uniform(0.42, 0.54), 0.35))


ARGYLES = np.array([((40, 52, 96), (62, 120, 76), (240, 210, 70)), ((184, 40, 44), (150, 150, 154), (246, 244, 238)),
                    ((110, 30, 48), (232, 222, 196), (36, 44, 80)), ((236, 160, 180), (200, 200, 204), (30, 30, 34))],
                   np.float32)


def _argyle_wrap(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on argyle gift wrap: the ink multiplied onto the paper, 42-54% of the way from the
    picture (35% of its tone added at that share); a tiling of diamonds 14-20% of the side wide and 1.3-1.5 times
    as high in two alternating colours (navy and green, red and grey, burgundy and cream or pink and pale grey) and
    thin dashed overcheck lines (0.5% of the side wide, at least 0.5 px) in a third colour crossing through the
    diamonds' middles along their edges' directions; turned by -10 to 10 degrees; drawn at 3 times the size and
    averaged: a printed diamond lattice, not BH's kilim, a gingham or any checked ground of the earlier lists."""
    h, w = f.shape[:2]
    side = min(h, w)
    s = 3
    c0, c1, c2 = ARGYLES[int(rng.integers(len(ARGYLES)))]
    yy, xx = _fine(h, w, s)
    a = np.deg2rad(rng.uniform(-10, 10))
    u = xx * np.cos(a) + yy * np.sin(a) + rng.uniform(0, side)
    v = -xx * np.sin(a) + yy * np.cos(a) + rng.uniform(0, side)
    dw = side * rng.uniform(0.14, 0.2)
    dh = dw * rng.uniform(1.3, 1.5)
    p, q = u / dw + v / dh, u / dw - v / dh
    odd = ((np.floor(p) + np.floor(q)) % 2)[..., None]
    ground = c0 * (1 - odd) + c1 * odd
    t = max(0.5, 0.005 * side) / dw
    dash = np.cos(2 * np.pi * (p + q) * 3) > -0.2
    line = ((np.abs(p % 1 - 0.5) < t) | (np.abs(q % 1 - 0.5) < t)) & dash
    ground = ground * (1 - line[..., None]) + c2 * line[..., None]
    ground = ground.reshape(h, s, w, s, 3).mean(axis=(1, 3))
    return _u8(_ground_print(f, ground, rng.uniform(0.42, 0.54), 0.35))


def near_edit_bi(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "poppy_head":  # a dried poppy seed head on the print
        return _poppy_head(f, rng)
    if kind == "hair_curler":  # a mesh hair roller on the print
        return _hair_curler(f, rng)
    if kind == "dental_retainer":  # a dental retainer on the print
        return _dental_retainer(f, rng)
    if kind == "squash_ball":  # a squash ball on the print
        return _squash_ball(f, rng)
    if kind == "thistle_head":  # a thistle's flower head on the print
        return _thistle_head(f, rng)
    if kind == "chintz":  # the picture printed on chintz
        return _chintz(f, rng)
    if kind == "memphis_wrap":  # the picture printed on Memphis-style gift wrap
        return _memphis_wrap(f, rng)
    if kind == "argyle_wrap":  # the picture printed on argyle gift wrap
        return _argyle_wrap(f, rng)
    raise ValueError(kind)


# -- blurs -----------------------------------------------------------------------------------
def _decentred_lens(f: np.ndarray, rng) -> np.ndarray:
    """The picture photographed with a lens that was dropped and knocked one of its elements off centre: the blur
    grows across the field along a random direction, from a Gaussian of 1.2-1.8% of the side (at least 0.8 px) at
    one side to 2.6-3.6% (at least 1.5 px) at the other (four steps, each pixel between two of them); at each step a
    one-sided comatic tail, 25-35% of the light in a Gaussian 1.6 times as wide moved 1.2 times the width towards
    the soft side; lateral colour, red and blue moved apart by 0.3-0.6% of the side each along it; as a camera
    metering on the highlights exposes it: a decentred lens, not ``blur_tuning``'s lens blurs, a tilt-shift, a
    swept or split focus or any defocus of the earlier lists."""
    from scipy.ndimage import shift

    h, w = f.shape[:2]
    side = min(h, w)
    a = rng.uniform(0, 2 * np.pi)
    dx, dy = float(np.cos(a)), float(np.sin(a))
    yy, xx = _pixels(h, w)
    t = ((xx - w / 2) * dx + (yy - h / 2) * dy) / (0.5 * (w * abs(dx) + h * abs(dy)))
    t = np.clip((t + 1) / 2, 0, 1)
    s0, s1 = max(0.8, side * rng.uniform(0.012, 0.018)), max(1.5, side * rng.uniform(0.026, 0.036))
    m = rng.uniform(0.25, 0.35)
    steps = []
    for s in np.linspace(s0, s1, 4):
        tail = _blur3(f, 1.6 * s)
        tail = np.stack([shift(tail[..., c], (1.2 * s * dy, 1.2 * s * dx), order=1, mode="nearest") for c in range(3)], 2)
        steps.append((1 - m) * _blur3(f, s) + m * tail)
    pos = t * 3
    i0 = np.minimum(np.floor(pos).astype(int), 2)
    fr = (pos - i0)[..., None]
    stack = np.stack(steps)
    rows, cols = np.indices((h, w))
    out = (1 - fr) * stack[i0, rows, cols] + fr * stack[i0 + 1, rows, cols]
    c = side * rng.uniform(0.003, 0.006)
    out[..., 0] = shift(out[..., 0], (c * dy, c * dx), order=1, mode="nearest")
    out[..., 2] = shift(out[..., 2], (-c * dy, -c * dx), order=1, mode="nearest")
    return _u8(_metered(out, f))


def _washing_line(f: np.ndarray, rng) -> np.ndarray:
    """The print pegged by its top edge to a washing line and photographed flapping in the wind (a slow shutter,
    60-100% of one swing): each point swings back and forth as the sheet waves, more the further from the pegs, by
    4-5.5% of the side (at least 1.8 px) at the bottom and half of that at the top, along the wind (within 30 degrees
    of across the picture, turned by a smooth field of 20% of the side by up to 20 degrees), the swing's phase
    travelling across the sheet (a wave 60-100% of the side long); 12 moments of the swing averaged (the sheet
    lingers at its turns); its folds catching the light 0.95-1.05; as a camera metering on the highlights exposes
    it: a moving print, not the camera's shake, ``_synthetic``'s motion blur, a swinging strap or any motion of the
    earlier lists."""
    from scipy.ndimage import map_coordinates

    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    A = max(1.8, side * rng.uniform(0.04, 0.055))
    amp = A * (0.5 + 0.5 * yy / h)
    ang = rng.uniform(-np.pi / 6, np.pi / 6) + np.deg2rad(20) * np.tanh(_field(h, w, side * 0.2, rng))
    phase = 2 * np.pi * xx / (side * rng.uniform(0.6, 1.0)) + rng.uniform(0, 2 * np.pi)
    cover = rng.uniform(0.6, 1.0)
    out = np.zeros_like(f)
    n = 12
    for k in range(n):
        d = amp * np.sin(phase + 2 * np.pi * cover * k / n)
        uy, ux = d * np.sin(ang), d * np.cos(ang)
        out += np.stack([map_coordinates(f[..., c], [yy - 0.5 + uy, xx - 0.5 + ux], order=1, mode="nearest")
                         for c in range(3)], axis=2)
    out = out / n * (1 + 0.05 * np.tanh(_field(h, w, side * 0.15, rng)))[..., None]
    return _u8(_metered(out, f))


def blur_bi(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "decentred_lens":  # through a dropped lens with an element knocked off centre
        return _decentred_lens(f, rng)
    if kind == "washing_line":  # the print flapping on a washing line
        return _washing_line(f, rng)
    raise ValueError(kind)


# -- darkening -------------------------------------------------------------------------------
SQUID = np.array([0.78, 1.0, 0.86], np.float32)
SQUID_LAMPS = np.array([(200, 255, 214), (255, 250, 230)], np.float32)


def _squid_boat(f: np.ndarray, rng) -> np.ndarray:
    """A harbour at night lit only by a squid-fishing boat's lamps out on the water: a row of 6-11 bright lamps
    (green-white 200 / 255 / 214 or white 255 / 250 / 230, 1% of the side in radius, at least 0.6 px) hung on a wire
    between two masts 12-30% down, 30-55% of the width long, its middle 30-70% across, the boat's dark hull 18 / 20
    / 24 below them; a glow of sigma 5-8% of the side up to 40-55 levels in green-white 0.78 / 1 / 0.86; the
    picture lit in it at a gain of 0.015-0.03 plus 0.26-0.34 falling off as ``1 / (1 + (d / d0) ** 2)`` with the
    distance ``d`` from the lamps' middle, ``d0`` 28-38% of the side; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    y0, cx, span = h * rng.uniform(0.12, 0.3), w * rng.uniform(0.3, 0.7), w * rng.uniform(0.3, 0.55)
    out = _lit(f, _falloff(h, w, cx, y0, side, (0.28, 0.38), rng)[..., None] * SQUID, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    lw = max(0.6, 0.008 * side)
    x0, x1, hull_y = cx - 0.5 * span, cx + 0.5 * span, y0 + 0.12 * side
    masts = ident.line([[(x, y0 - 0.04 * side), (x, hull_y)] for x in (x0, x1)], lw)
    hull = ident.fill([[(x0 - 0.08 * span, hull_y), (x1 + 0.1 * span, hull_y), (x1, hull_y + 0.06 * side),
                        (x0, hull_y + 0.06 * side)]])
    out = _paint(_paint(out, masts, (22, 24, 28)), hull, (18, 20, 24))
    col = SQUID_LAMPS[int(rng.integers(len(SQUID_LAMPS)))]
    lamps = ident.fill([_circle(max(0.6, 0.01 * side), 10, float(x), y0 + 0.01 * side * np.sin(3 * x / span))
                        for x in np.linspace(x0, x1, int(rng.integers(6, 12)))])
    out = _paint(out, lamps, col)
    glow = _glow(lamps, max(1.0, side * rng.uniform(0.05, 0.08)))[..., None]
    return _u8(out + glow * rng.uniform(40, 55) * SQUID)


TRITIUMS = np.array([(110, 255, 120), (120, 210, 255), (255, 170, 70)], np.float32)


def _tritium_keyring(f: np.ndarray, rng) -> np.ndarray:
    """A tent at night lit only by a tritium keyring (a sealed glass vial glowing by itself) lying on the groundsheet:
    the vial a capsule 6-9% of the side long (at least 2.5 px) and 30% as thick (at least 1 px), glowing green 110 /
    255 / 120, ice blue 120 / 210 / 255 or orange 255 / 170 / 70, in a dark metal holder 44 / 44 / 48 (at least 0.6
    px), its split ring 70 / 70 / 74 and a key 56 / 56 / 60 beside it, at any angle, 25-75% across and 55-85% down;
    a glow of sigma 3-5% of the side up to 40-55 levels in its colour; the picture lit in its colour at a gain of
    0.015-0.03 plus 0.26-0.34 falling off as ``1 / (1 + (d / d0) ** 2)`` with the distance ``d`` from the vial,
    ``d0`` 16-24% of the side; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    col = TRITIUMS[int(rng.integers(len(TRITIUMS)))]
    cx, cy, a = w * rng.uniform(0.25, 0.75), h * rng.uniform(0.55, 0.85), rng.uniform(0, 2 * np.pi)
    out = _lit(f, _falloff(h, w, cx, cy, side, (0.16, 0.24), rng)[..., None] * (col / 255), rng)
    vl = max(2.5, side * rng.uniform(0.06, 0.09))
    vw = max(1.0, 0.3 * vl)
    fr = _Frame((h, w), cx, cy, a)
    lw = max(0.6, 0.008 * side)
    holder = fr.line([_closed(_ellipse(0.0, 0.0, 0.5 * vl + lw, 0.5 * vw + lw, 0.0, 16))], lw)
    rr = max(1.5, 0.04 * side)
    ring = fr.line([_closed(_circle(rr, 20, 0.5 * vl + rr + lw, 0.0))], lw)
    key = fr.line([[(0.5 * vl + 2 * rr, 0.0), (0.5 * vl + 2 * rr + 2.5 * rr, 0.6 * rr)]], max(0.8, 0.02 * side))
    bow = fr.fill([_circle(0.8 * rr, 14, 0.5 * vl + 4.8 * rr, 0.7 * rr)])
    out = _paint(_paint(_paint(out, ring, (70, 70, 74)), np.maximum(key, bow), (56, 56, 60)), holder, (44, 44, 48))
    vial = fr.fill([_ellipse(0.0, 0.0, 0.5 * vl, 0.5 * vw, 0.0, 16)])
    out = _paint(out, vial, col)
    glow = _glow(vial, max(1.0, side * rng.uniform(0.03, 0.05)))[..., None]
    return _u8(out + glow * rng.uniform(40, 55) * (col / 255))


CHERENKOV = np.array([0.45, 0.7, 1.0], np.float32)


def _cherenkov_pool(f: np.ndarray, rng) -> np.ndarray:
    """A research reactor's hall at night lit only by the blue Cherenkov glow of its core under the pool's water: the
    core a block of 3 x 3 fuel elements' tops, squares 3-4% of the side apart with dark gaps, glowing blue 150 / 200
    / 255 at 85-100% each, at the bottom of the picture (its middle 78-92% down and 30-70% across); a glow of sigma
    5-8% of the side up to 40-55 levels and a haze of sigma 14-18% up to 15-25 levels in blue 0.45 / 0.7 / 1; the
    picture lit in it at a gain of 0.015-0.03 plus 0.26-0.34 falling off as ``1 / (1 + (d / d0) ** 2)`` with the
    distance ``d`` from the core, ``d0`` 26-36% of the side; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    cx, cy = w * rng.uniform(0.3, 0.7), h * rng.uniform(0.78, 0.92)
    out = _lit(f, _falloff(h, w, cx, cy, side, (0.26, 0.36), rng)[..., None] * CHERENKOV, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    p = max(1.5, side * rng.uniform(0.03, 0.04))
    core = np.zeros((h, w), np.float32)
    for i in (-1, 0, 1):
        for j in (-1, 0, 1):
            x, y = cx + i * p, cy + j * p
            m = ident.fill([_rect(x - 0.4 * p, y - 0.4 * p, x + 0.4 * p, y + 0.4 * p)]) * rng.uniform(0.85, 1.0)
            core = np.maximum(core, m)
    out = _paint(out, core, (150, 200, 255))
    glow = _glow(core, max(1.0, side * rng.uniform(0.05, 0.08)))[..., None] * rng.uniform(40, 55)
    haze = _glow(core, max(1.0, side * rng.uniform(0.14, 0.18)))[..., None] * rng.uniform(15, 25)
    return _u8(out + (glow + haze) * CHERENKOV)


def dark_bi(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "squid_boat":  # a harbour lit only by a squid boat's lamps
        return _squid_boat(f, rng)
    if kind == "tritium_keyring":  # a tent lit only by a tritium keyring
        return _tritium_keyring(f, rng)
    if kind == "cherenkov_pool":  # a reactor hall lit only by the core's Cherenkov glow
        return _cherenkov_pool(f, rng)
    raise ValueError(kind)


# -- outliers --------------------------------------------------------------------------------
def _chameleon(size: int, rng) -> dict:
    """A chameleon on a twig among leaves, seen from the side: 4-7 leaves about the edges; a twig across the picture
    62-72% of the way down, slanting a little; the chameleon on it, facing either way, its body an ellipse 42-52% of
    the side long, a saw-toothed crest along its back, a casqued head, a large turret eye with a small pupil, two
    legs gripping the twig and a tail curled in a spiral under it (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("leaves", "twig", "tail", "legs", "body", "crest", "head", "eye", "pupil"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    for _ in range(int(rng.integers(4, 8))):
        x, y = big * rng.choice([rng.uniform(-0.05, 0.2), rng.uniform(0.8, 1.05)]), big * rng.uniform(0, 1)
        r = big * rng.uniform(0.08, 0.14)
        d["leaves"].ellipse((x - r, y - 0.5 * r, x + r, y + 0.5 * r), fill=255)
    by = big * rng.uniform(0.62, 0.72)
    tilt = big * rng.uniform(-0.04, 0.04)
    d["twig"].line([(0, by - tilt), (big, by + tilt)], fill=255, width=max(2, round(0.035 * big)))
    L = big * rng.uniform(0.42, 0.52)
    s = 1 if rng.random() < 0.5 else -1
    cx, cy = big / 2, by - 0.2 * L
    d["body"].ellipse((cx - 0.32 * L, cy - 0.15 * L, cx + 0.32 * L, cy + 0.15 * L), fill=255)
    xs = np.linspace(-0.28, 0.26, 11)
    d["crest"].line([(cx + s * x * L, cy - 0.15 * L * np.sqrt(max(0.0, 1 - (x / 0.32) ** 2)) - (0.04 * L if j % 2 else 0))
                     for j, x in enumerate(xs)], fill=255, width=max(1, round(0.02 * L)))
    d["head"].polygon([(cx + s * 0.22 * L, cy - 0.2 * L), (cx + s * 0.3 * L, cy - 0.1 * L), (cx + s * 0.5 * L, cy + 0.02 * L),
                       (cx + s * 0.32 * L, cy + 0.12 * L), (cx + s * 0.2 * L, cy + 0.06 * L)], fill=255)
    ex, ey, er = cx + s * 0.35 * L, cy - 0.01 * L, 0.06 * L
    d["eye"].ellipse((ex - er, ey - er, ex + er, ey + er), fill=255)
    d["pupil"].ellipse((ex + s * 0.02 * L - 0.025 * L, ey - 0.025 * L, ex + s * 0.02 * L + 0.025 * L, ey + 0.025 * L),
                       fill=255)
    for x in (0.15, -0.18):
        d["legs"].line([(cx + s * x * L, cy + 0.1 * L), (cx + s * (x + 0.05) * L, by + 0.02 * L)], fill=255,
                       width=max(2, round(0.05 * L)))
    tx, ty = cx - s * 0.34 * L, by + 0.2 * L
    pts = [(cx - s * 0.3 * L, cy + 0.02 * L)]
    for t in np.linspace(0, 2.6 * np.pi, 30):
        rr = 0.16 * L * (1 - t / (3.2 * np.pi))
        pts.append((tx - s * rr * np.sin(t), ty - rr * np.cos(t)))
    for k in range(len(pts) - 1):
        d["tail"].line([pts[k], pts[k + 1]], fill=255, width=max(1, round(0.06 * L * (1 - 0.75 * k / len(pts)))))
    return {k: _down(v, size) for k, v in M.items()}


def _steam_locomotive(size: int, rng) -> dict:
    """A steam locomotive on a railway, seen from the side: an embankment below 76-84% of the way down with a rail
    along it; the engine 70-84% of the side long, facing either way: a long boiler, a cab at the back with a window,
    a chimney and a steam dome on top, three large driving wheels joined by a coupling rod and a small leading
    wheel, a cowcatcher at the front; a plume of smoke trailing back from the chimney (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("ground", "rail", "smoke", "boiler", "cab", "window", "stack", "dome", "wheels", "rod", "catcher"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    gy = big * rng.uniform(0.76, 0.84)
    d["ground"].rectangle((0, gy, big, big), fill=255)
    d["rail"].line([(0, gy), (big, gy)], fill=255, width=max(2, round(0.02 * big)))
    L = big * rng.uniform(0.7, 0.84)
    s = 1 if rng.random() < 0.5 else -1
    X = lambda t: big / 2 + s * (t - 0.5) * L  # noqa: E731  (0 at the back, 1 at the front)
    box = lambda t0, y0, t1, y1: (min(X(t0), X(t1)), y0, max(X(t0), X(t1)), y1)  # noqa: E731
    r = 0.1 * L
    bb = gy - 1.7 * r
    bt = bb - 0.2 * L
    for k in range(int(rng.integers(6, 10))):
        x, y, rs = X(0.87 - 0.1 * k), bt - 0.18 * L - 0.02 * L * k * rng.uniform(0.5, 1.5), 0.06 * L + 0.012 * L * k
        d["smoke"].ellipse((x - rs, y - rs, x + rs, y + rs), fill=255)
    d["boiler"].rounded_rectangle(box(0.3, bt, 0.95, bb), radius=0.08 * L, fill=255)
    d["cab"].rectangle(box(0.02, bt - 0.1 * L, 0.32, gy - 1.2 * r), fill=255)
    d["window"].rectangle(box(0.08, bt - 0.05 * L, 0.24, bt + 0.07 * L), fill=255)
    d["stack"].polygon([(X(0.85), bt), (X(0.9), bt), (X(0.92), bt - 0.15 * L), (X(0.83), bt - 0.15 * L)], fill=255)
    d["dome"].ellipse(box(0.55, bt - 0.07 * L, 0.67, bt + 0.05 * L), fill=255)
    for t in (0.28, 0.5, 0.72):
        d["wheels"].ellipse((X(t) - r, gy - 2 * r, X(t) + r, gy), fill=255)
    r2 = 0.6 * r
    d["wheels"].ellipse((X(0.9) - r2, gy - 2 * r2, X(0.9) + r2, gy), fill=255)
    d["rod"].line([(X(0.28), gy - 0.7 * r), (X(0.72), gy - 0.7 * r)], fill=255, width=max(1, round(0.02 * L)))
    d["catcher"].polygon([(X(0.95), gy - 1.5 * r), (X(1.02), gy), (X(0.93), gy)], fill=255)
    return {k: _down(v, size) for k, v in M.items()}


def _beaver(size: int, rng) -> dict:
    """A beaver gnawing a tree by the water, seen from the side: a river below 72-80% of the way down, its bank a
    strip above it from 60-68%; a tree trunk gnawed to an hourglass waist, wood chips at its foot; the beaver facing
    the trunk (either way), sitting up, a pear-shaped body 26% of the side wide and 36% high, a round head with a
    small ear, an eye and orange front teeth, its flat paddle tail lying on the bank behind it (0-1 coverage
    each)."""
    big = 4 * size
    M = _canvas(("water", "bank", "trunk", "chips", "tail", "body", "head", "ear", "eye", "teeth"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    gy, wy = big * rng.uniform(0.6, 0.68), big * rng.uniform(0.72, 0.8)
    d["bank"].rectangle((0, gy, big, big), fill=255)
    d["water"].rectangle((0, wy, big, big), fill=255)
    s = 1 if rng.random() < 0.5 else -1
    bx = big / 2 - s * 0.1 * big
    tx, tw = bx + s * 0.33 * big, 0.08 * big
    y1, yw, y2 = gy - 0.3 * big, gy - 0.2 * big, gy - 0.11 * big
    d["trunk"].polygon([(tx - tw, -1), (tx + tw, -1), (tx + tw, y1), (tx + 0.02 * big, yw), (tx + tw, y2), (tx + tw, gy),
                        (tx - tw, gy), (tx - tw, y2), (tx - 0.02 * big, yw), (tx - tw, y1)], fill=255)
    for _ in range(int(rng.integers(6, 11))):
        x, y = tx + rng.uniform(-0.15, 0.15) * big, gy + rng.uniform(0.01, 0.06) * big
        d["chips"].ellipse((x - 0.015 * big, y - 0.007 * big, x + 0.015 * big, y + 0.007 * big), fill=255)
    d["tail"].ellipse((bx - s * 0.2 * big - 0.12 * big, gy + 0.0 * big, bx - s * 0.2 * big + 0.12 * big, gy + 0.06 * big),
                      fill=255)
    d["body"].ellipse((bx - 0.13 * big, gy - 0.34 * big, bx + 0.13 * big, gy + 0.02 * big), fill=255)
    hx, hy, hr = bx + s * 0.08 * big, gy - 0.38 * big, 0.085 * big
    d["head"].ellipse((hx - hr, hy - hr, hx + hr, hy + hr), fill=255)
    d["head"].ellipse((hx + s * 0.6 * hr - 0.6 * hr, hy - 0.2 * hr, hx + s * 0.6 * hr + 0.6 * hr, hy + 0.7 * hr), fill=255)
    d["ear"].ellipse((hx - s * 0.5 * hr - 0.25 * hr, hy - 1.1 * hr, hx - s * 0.5 * hr + 0.25 * hr, hy - 0.6 * hr), fill=255)
    d["eye"].ellipse((hx + s * 0.35 * hr - 0.14 * hr, hy - 0.35 * hr, hx + s * 0.35 * hr + 0.14 * hr, hy - 0.07 * hr),
                     fill=255)
    d["teeth"].rectangle((min(hx + s * 0.8 * hr, hx + s * 1.05 * hr), hy + 0.6 * hr,
                          max(hx + s * 0.8 * hr, hx + s * 1.05 * hr), hy + 1.05 * hr), fill=255)
    return {k: _down(v, size) for k, v in M.items()}


def outlier_bi(name: str, kind: str, size: int, lo: int, hi: int, rng) -> np.ndarray:
    photos = name.startswith("photos")
    ground = lambda col: np.ones((size, size, 3), np.float32) * np.asarray(col, np.float32)  # noqa: E731
    tone = lambda t: [lo + (hi - lo) * t] * 3  # noqa: E731
    if kind == "chameleon":
        m = _chameleon(size, rng)
        if photos:  # a leafy green ground, dark leaves, a brown twig, a lime-green chameleon with a yellow crest
            out = _paint(_paint(ground((64, 104, 58)), m["leaves"], (36, 78, 40)), m["twig"], (110, 80, 50))
            out = _paint(_paint(out, m["tail"], (118, 186, 72)), m["legs"], (108, 170, 66))
            out = _paint(_paint(out, m["body"], (128, 196, 76)), m["crest"], (220, 224, 110))
            out = _paint(_paint(out, m["head"], (112, 180, 70)), m["eye"], (160, 206, 96))
            return _u8(_paint(out, m["pupil"], (16, 16, 14)))
        out = _paint(_paint(ground(tone(0.0)), m["leaves"], tone(0.25)), m["twig"], tone(0.5))
        out = _paint(_paint(out, m["tail"], tone(0.85)), m["legs"], tone(0.75))
        out = _paint(_paint(out, m["body"], tone(1.0)), m["crest"], tone(0.6))
        out = _paint(_paint(out, m["head"], tone(0.9)), m["eye"], tone(0.55))
        return _u8(_paint(out, m["pupil"], tone(0.05)))
    if kind == "steam_locomotive":
        m = _steam_locomotive(size, rng)
        if photos:  # a pale sky, a green embankment, grey smoke, a black engine, a maroon cab, red wheels
            out = _paint(_paint(ground((190, 206, 220)), m["ground"], (96, 112, 70)), m["rail"], (120, 116, 110))
            out = _paint(_paint(out, m["smoke"], (222, 222, 224)), m["boiler"], (30, 30, 34))
            out = _paint(_paint(out, m["cab"], (120, 28, 30)), m["window"], (230, 210, 140))
            out = _paint(_paint(out, m["stack"], (26, 26, 28)), m["dome"], (180, 150, 60))
            out = _paint(_paint(out, m["wheels"], (170, 30, 34)), m["rod"], (190, 190, 196))
            return _u8(_paint(out, m["catcher"], (140, 30, 30)))
        out = _paint(_paint(ground(tone(0.0)), m["ground"], tone(0.3)), m["rail"], tone(0.55))
        out = _paint(_paint(out, m["smoke"], tone(0.45)), m["boiler"], tone(1.0))
        out = _paint(_paint(out, m["cab"], tone(0.8)), m["window"], tone(0.15))
        out = _paint(_paint(out, m["stack"], tone(0.9)), m["dome"], tone(0.65))
        out = _paint(_paint(out, m["wheels"], tone(0.7)), m["rod"], tone(0.2))
        return _u8(_paint(out, m["catcher"], tone(0.85)))
    if kind == "beaver":
        m = _beaver(size, rng)
        if photos:  # a green wood, a brown bank, a blue-grey river, a pale trunk, a brown beaver, orange teeth
            out = _paint(_paint(ground((124, 150, 110)), m["bank"], (110, 86, 56)), m["water"], (60, 96, 120))
            out = _paint(_paint(out, m["trunk"], (134, 104, 70)), m["chips"], (214, 190, 140))
            out = _paint(_paint(out, m["tail"], (60, 50, 44)), m["body"], (112, 74, 44))
            out = _paint(_paint(out, m["head"], (118, 80, 48)), m["ear"], (92, 62, 38))
            return _u8(_paint(_paint(out, m["eye"], (20, 16, 14)), m["teeth"], (230, 140, 40)))
        out = _paint(_paint(ground(tone(0.0)), m["bank"], tone(0.3)), m["water"], tone(0.12))
        out = _paint(_paint(out, m["trunk"], tone(0.6)), m["chips"], tone(0.8))
        out = _paint(_paint(out, m["tail"], tone(0.45)), m["body"], tone(1.0))
        out = _paint(_paint(out, m["head"], tone(0.9)), m["ear"], tone(0.7))
        return _u8(_paint(_paint(out, m["eye"], tone(0.05)), m["teeth"], tone(0.5)))
    raise ValueError(kind)


# -- label noise -----------------------------------------------------------------------------
def reference_sheet_flips(base: list[np.ndarray], labels: list, classes: list, candidates: list, count: int,
                          rng) -> dict[int, object]:
    """``count`` examples to flip and their new labels: the pictures were labelled by a team of 6-11 annotators
    (``TEAM``, one drawn at random for each item), each of whom learned the classes from a laminated reference sheet
    showing one example picture per class; one intake of the team (20-40% of it, ``MISPRINTED``) was onboarded with
    a batch of sheets misprinted in layout, the example pictures of one or two random pairs of classes (one pair where
    fewer than four classes are present) swapped under their names, and labelled those classes the wrong way round
    until the sheets were recalled (the first 40-80% of a pass's items in the order they came, ``SPELL``). The flips
    are the items of a swapped class labelled by that intake before the recall, each given the other class of its
    pair, until ``count`` are flipped (passes over the pictures not yet flipped, another intake with another
    misprint, while some are left). Noise by which two classes' examples were swapped and who labelled an item when,
    not by look: not BH's cross-wired put wall, BG's rotated racks, the mistranslated list or any swap of the
    earlier lists. Every flip changes the label."""
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
        pairs = 1 if len(present) < 4 else int(rng.integers(1, 3))
        order = rng.permutation(len(present))
        partner: dict[object, object] = {}
        for j in range(pairs):
            a, b = present[int(order[2 * j])], present[int(order[2 * j + 1])]
            partner[a], partner[b] = b, a
        team = int(rng.integers(TEAM[0], TEAM[1]))
        misled = {int(v) for v in rng.choice(team, max(1, int(round(team * rng.uniform(*MISPRINTED)))), replace=False)}
        n = len(items)
        recall = max(1, int(round(n * rng.uniform(*SPELL))))
        for i in items[:recall]:
            if len(flips) >= count:
                break
            if int(rng.integers(team)) in misled and labels[i] in partner and partner[labels[i]] != labels[i]:
                flips[i] = partner[labels[i]]
        if len(flips) >= count:
            break
    return dict(sorted(flips.items()))


# -- planting ------------------------------------------------------------------------------
def plant_issues_bi(images, labels, out_dir, *, name: str, random_state: int = 0) -> PlantedDataset:
    """Generator BI's problems (module docstring). A set whose name ends in ``_jpeg`` is written as JPEG files at a
    quality drawn from 41-63 each; the others as PNG. The planting is I's (:func:`_heldout_i.plant_generator`)."""
    return plant_generator(
        images, labels, out_dir, name=name, rates=RATES_BI, seed=610_000 + random_state,
        quality_seed=615_000 + random_state, jpeg_quality=JPEG_QUALITY,
        flips=reference_sheet_flips,
        **by_family(name, outlier=(outlier_bi, OUTLIERS_BI), blur=(blur_bi, BLURS_BI), dark=(dark_bi, DARKS_BI),
                    near=(near_edit_bi, NEAR_EDITS_BI)))
