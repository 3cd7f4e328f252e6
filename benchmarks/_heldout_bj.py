"""Generator BJ: fresh EVALUATION sets after generator BI's run (never used to choose anything).

Why a sixtieth evaluation generator: generator BI's sets were written before its run and have been run once since
(the docs of generator BI's one held-out run, after which its four sets became development data), so a held-out set
for the code after that run is written now, before any tool is run on it. The commit subjects since BI's generator
commit (3f22538) name that docs commit and one benchmark change: ``detection.py`` adds a scoring row
'near_duplicate, alike foreign pictures aside' (planted foreign pictures of one family flagged together, drawn from one
drawing, counted neither way, for every tool alike) and prints found/planted and others beside each missed target,
with tests. No change to the library's code or to a detection rule's settings is named in them, so BJ measures the
same library code as BI did, on new sets, scored with that extra row. BI's run came before this generator was written,
and that docs subject carries its numbers, but BJ's writer read no docs, logs, result files or commit bodies (only the
commit subjects, the library's code and the earlier generators' and tuning tools' files, to copy their structure and
to avoid their families), and nothing in BJ was chosen from any result, to aim at or away from any weakness a subject
names: its strengths are set as BI's were. Like AN's to BI's, BJ's edits are not all brightly coloured: some are
bone-white, grey, black, smoked brown or translucent. Generator BJ was written before any tool was run on it (only its
pictures were looked at, on contact sheets of its edits, blurs, darkenings and foreign pictures at 28, 85 and 317 px,
to check that every edit is visible, every blur blurred, every darkened image dark with its picture still in it and
every outlier foreign, and the planted folders hashed twice); it is not to be changed after its results are seen. Its
edits, blurs, darkenings, foreign pictures and label noise are of families that no tuning tool (``blur_tuning.py``'s
lens blurs: Gaussian, soft disk, astigmatic elongated Gaussian, ring; ``_foreign.py``'s textures, icons and soft
photographs; ``near_photos.py``'s and ``near_small.py``'s edits; ``label_filters.py``'s and ``label_noise_models.py``'s
flips), no earlier generator (A = ``dq.datasets.plant_issues``, B, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T,
U, V, W, X, Y, Z, AA, AB, AC, AD, AE, AF, AG, AH, AI, AJ, AK, AL, AM, AN, AO, AP, AQ, AR, AS, AT, AU, AV, AW, AX, AY,
AZ, BA, BB, BC, BD, BE, BF, BG, BH, BI) and none of the library's calibration copies
(``dataquality/compute/_synthetic.py``: crop, shift, rotate, brightness, contrast, gamma, JPEG, resize, overlay box;
Gaussian, box, motion, down-and-up blurs) make (their family names and key words were searched for in every earlier
generator, the tuning tools and ``_synthetic.py``). Like AC's to BI's it has two blur families, not three. Tiles of
317 px give 61 tiles (seed 376), so the large set is at 317 px, a size no other set uses; the small photographs are at
85 px, a size no other set uses either. Left out because an earlier generator made them or left them out: among
objects on the print a zip (AK's), a ring-pull (AQ's), a drawing pin, a paper clip, an Allen key, a wing nut, a spark
plug, a tuning fork, a thimble, a cork, a bottle cap, a wax seal, a toy soldier or any other tool, fastener, stationery
or small hardware of the earlier lists (their lists: BJ's champagne muselet is a wire cage with its printed cap, its
tuning peg a guitar's machine head with its button, gear housing and string post, and its shotgun shell a spent
plastic hull with a brass head), a loofah, a leaf, a seed head, a shell or any creature or plant part of the earlier
lists (BI's, BH's, their lists: BJ's fish skeleton is a meal's leftover spine, ribs, head and tail, nothing alive), a
scrunchie, a sequin, wool, yarn or any hair or sewing thing of the earlier lists (their lists: BJ's pompom is a ball
of cut wool strands); of the whole picture chintz, Memphis or argyle wrap, a kilim, ripstop, oilcloth, a sewing
pattern, a damask, a willow pattern, guilloche, a trellis, stripes, a tartan, a gingham, a houndstooth or any other
weave, print or patterned ground of the earlier lists (BI's, BH's, AJ's, BG's, their lists: BJ's toile is a cream
cloth printed in one ink with pastoral vignettes of trees, cottages and birds, its quatrefoil wrap a paper of
four-lobed rosettes in offset rows, and its sunburst wrap a paper of rays fanning from one point); among blurs a
decentred lens, a washing line, a sandstorm, incense smoke, reeded, frosted, cut, fused or block glass, a glass of
water, a sneeze screen, a shower screen, cling film or any haze, veil or glass of the earlier lists (BI's, BH's,
BB's, their lists: BJ's Flemish glass is a window of wavy rolled obscure glass whose lenses move and blur the picture
unevenly), a slide projector, a CRT, a cinema screen or any projection of the earlier lists (their lists: BJ's
projector is a film projector whose shutter is out of phase with its pull-down, the frame travelling during the
light), the camera's shake, a spin, a zoom, focus breathing or any motion or defocus of the earlier lists; among
darkenings a squid boat, a tritium keyring, a Cherenkov pool, a brazier, a humidifier's mist, fireflies, a ghost
light, a heat lamp, a valve amplifier, a level crossing, a beacon, a lighthouse, a floodlight, a runway, a spotlight,
a grow light, a television or any flame, ember, lamp, screen or glow of the earlier lists (BI's, BH's, AG's, AS's,
their lists: BJ's searchlight is a beam standing up into a hazy sky, its railway signal a colour-light signal head
showing one aspect, and its scoreboard an arena's board of seven-segment LED digits); among foreign pictures a
chameleon, a steam locomotive, a beaver, a toucan, a bison, an owl, a heron, a penguin, a flamingo or any other animal
of the earlier lists (BI's, BB's, their lists: BJ's puffin stands on a cliff top with sand eels in its beak and its
stork on a twig nest on a chimney), a hovercraft, a glider, a parachute, a kite, a balloon or any other vehicle or
flying thing of the earlier lists (BB's, AH's, AF's, BH's, their lists: BJ's paraglider is a ribbed canopy over
hills with lines down to its pilot); among label noise every mechanism BI named and BI's misprinted reference sheets
(dictation, OCR, bags, hotkeys, keypads, quotas, a checkweigher, positions, clocks, a returns desk's prices, a
marketplace's category stuffing, recycled product codes, memory cards, a packing bench's label rolls, a mistranslated
list, an empty cartridge, transposed sheets, swapped digits, stale crate slips, a spreadsheet's fill-down, collided
file names, names completed as typed, tote cross-reads, shelf scans, conveyor jets, averaged votes, re-hung swing
tags, a tracker's identity switch, a cache race, rotated specimen racks, a cross-wired put wall, a timeout, misprinted
reference sheets).

* ``near_duplicate`` (3%), five edits in a part of the picture and three of the whole, in turn (so that the 317 px set's
  copies get both kinds): a fish skeleton (30-38% of the side long, at least 12 px, bone white 232 / 226 / 208, grey
  150 / 150 / 146 or smoked brown 104 / 78 / 52, of the three the two whose colour differs most on average from the
  picture's where it lies, as for each object's colour below; a head, a spine, 7-10 pairs of curved ribs, a forked
  tail; 30-70% of the way across and down, at any angle, a soft shadow at 25%), a champagne muselet (a cap 16-20% of
  the side across, at least 7 px, gold, silver, dark red or black with a ring and a sheen, four wire legs to a twisted
  ring 1.7 times as wide, silver wire; a shadow at 30%), a pompom (a ball 20-26% of the side across, at least 9 px,
  red, cream, navy, mustard or grey, 40-60 strands fanning past its rim at 70%, a darker core and a sheen; a shadow at
  30%), a guitar tuning peg (28-36% of the side long, at least 11 px, chrome, gold or black: a flared button, a shaft,
  a gear housing with its gear and screw, a string post with a hole; a shadow at 30%) and a spent shotgun shell
  (26-32% of the side long, at least 10 px, 30% as thick, a red, green, black or translucent blue ribbed hull, a brass
  head with a rim and primer, a crimped star end; a shadow at 30%); of the whole picture: printed on toile de jouy (the
  ink multiplied onto the cloth, 42-54% of the way, a cream ground with 5-8 vignettes of a tree, a cottage or birds
  drawn in one red, blue, black or sepia ink), printed on quatrefoil gift wrap (42-54% of the way, rosettes of four
  lobes on a period of 14-20% of the side in offset rows, outlined and filled in two colours on a third, turned by up
  to 10 degrees) and printed on sunburst gift wrap (42-54% of the way, 16-28 rays in two alternating colours fanning
  from a point anywhere in or near the picture, darker towards the rim);
* ``exact_duplicate`` (1%): byte-for-byte copies of a file under another name;
* ``blurry`` (3%): the picture photographed through a window of Flemish glass (wavy rolled obscure glass: the picture
  moved by a smooth field of 1-1.8% of the side, at least 0.7 px, with lenses 8-12% of the side across, blurred by a
  Gaussian of 1.6-2.6% of the side, at least 1 px, over most of it and 60-140% of that where the glass is thicker or
  thinner, the light gathered and spread by up to 6%, a faint green) and the picture projected by a film projector whose
  shutter is out of phase with its pull-down (travel ghosting: 40-55% of the light smeared evenly along the film's
  travel by 4-6% of the side, at least 2 px, up or down, the projector's lens soft by a Gaussian of 1.4-2% of the side,
  at least 0.9 px, the screen's hot spot 1.0 in the middle to 0.85 in the corners); each as a camera metering on the
  highlights exposes it (as Y's to BI's);
* ``dark`` (2%): a field at night lit only by a searchlight (its beam standing up from the bottom edge, 20-80% across,
  within 30 degrees of upright, 2% of the side wide at its foot widening to 10%, a scatter in the haze up to 40-55
  levels in cold white 0.85 / 0.92 / 1 fading with height; the picture lit in it at 0.26-0.34 falling off as
  ``1 / (1 + (d / d0) ** 2)`` with the distance from the beam's foot, ``d0`` 28-38% of the side, over 0.015-0.03), a
  railway cutting at night lit only by a colour-light signal (a black head 6-9% of the side wide, at least 3 px, 2.2
  times as high, on a post, 15-85% across and its top 15-40% down, one of three lamps lit red, amber or green, the
  others dark, a hood over each, a glow of sigma 3-5% up to 40-55 levels in its colour; the picture lit in its colour
  at 0.26-0.34 falling off as above, ``d0`` 18-28% of the side, over 0.015-0.03) and an arena at night lit only by its
  scoreboard (a dark board 45-65% of the width wide and 14-20% of the side high, its top 6-18% down, two two-digit
  scores in seven-segment LED digits and a colon, amber or red, a glow of sigma 4-7% up to 40-55 levels in their
  colour; the picture lit in it at 0.26-0.34 falling off as above from the board's middle, ``d0`` 30-40% of the side,
  over 0.015-0.03); none of them blurs the picture;
* ``outlier`` (1.5%): a puffin on a sea cliff (the sea, a grassy cliff top, a puffin standing with a black back, a
  white face and belly, a large striped triangular beak, an eye, orange feet and 2-4 sand eels hanging from its
  beak), a white stork on its nest on a chimney (a sloping roof, a chimney stack, a wide nest of twigs, a white body
  with black flight feathers, an S-curved neck, a long red beak, long red legs) and a paraglider over hills (a sky, two
  or three ranges of hills, a ribbed canopy arching across, its lines converging on a small pilot in a harness); the
  digit and clothing sets get them in their own tones on their dark ground, the photographs as a black-and-white
  puffin with an orange and grey beak on a green cliff over a blue sea, a white and black stork with a red beak on a
  brown nest on a red-brick chimney under a pale sky, and a red, yellow or blue canopy over green and blue hills;
* ``label`` (5%): *keyed shorthand* flips: the pictures were labelled on paper tally sheets by a team of 5-10
  annotators (``TEAM``, one drawn for each item), each writing every class as a personal shorthand code, and the
  sheets were keyed in later by a typist reading the codes against a key; in one or two random pairs of classes the
  hurried codes of some of the team (25-50% of it, ``HURRIED``) looked alike, and the typist who keyed that batch (40-80%
  of a pass's items in the order they came, ``KEYED``) resolved every such code to the first class of the pair on the
  key. The flips are the items of the pair's second class written by a hurried annotator and keyed by that typist,
  each given the pair's first class (passes over the pictures not yet flipped, another pair and another typist, while
  some are left). Noise one way within a pair, by who wrote an item and who keyed it, not by look: not BI's misprinted
  reference sheets (a swap both ways), BH's cross-wired put wall, BE's swing tags, transposed sheets or swapped digits.
  Every flip changes the label, so every one is in the truth.

Each planted defect has its own source image; nothing else is planted, so only these six issue types are scored on BJ's
sets. Base data are the evaluation domains drawn with seeds no other set uses: Fashion-MNIST *test* (2,000, seed 373),
MNIST (2,000, seed 374), and the evaluation photographs tiled at 85 px (24 tiles a photograph at most, seed 375) and at
317 px (every tile, seed 376), sizes no other set uses. ``photos85_bj_jpeg`` is written as JPEG files, each at a quality
drawn from 40-62 (a stream of its own, seed ``625_000 + random_state``), every edit, blur and darkening made before the
encoding, near copies made from the decoded JPEG and saved again at their own quality, exact copies byte copies of the
file; the other sets are PNG files. Planting draws from seed ``620_000 + random_state``. The planting is I's
(:func:`_heldout_i.plant_generator`, as for J to BI).
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

EVALUATION_BJ = ("fashion_test_bj", "mnist_bj", "photos85_bj_jpeg", "photos317_bj")
# each set's base: (data, seed) or ("photos", seed, tile size, tiles per photograph quick, full)
BASES_BJ = {
    "fashion_test_bj": ("fashion_test", 373),
    "mnist_bj": ("mnist", 374),
    "photos85_bj_jpeg": ("photos", 375, 85, 8, 24),
    "photos317_bj": ("photos", 376, 317, 8, 1000),
}
JPEG_QUALITY = (40, 63)  # the JPEG set's qualities: integers in [low, high)
RATES_BJ = {"near_duplicate": 0.03, "exact_duplicate": 0.01, "blurry": 0.03, "dark": 0.02, "outlier": 0.015,
            "label": 0.05}
# parts of the picture and the whole picture in turn, so that the smallest set gets both kinds
NEAR_EDITS_BJ = ("fish_skeleton", "toile", "champagne_muselet", "quatrefoil_wrap", "pompom", "sunburst_wrap",
                 "tuning_peg", "shotgun_shell")
BLURS_BJ = ("flemish_glass", "projector_pulldown")
DARKS_BJ = ("searchlight", "railway_signal", "scoreboard")
OUTLIERS_BJ = ("puffin", "stork_nest", "paraglider")
TEAM = (5, 11)  # annotators writing tally sheets, drawn a pass (label noise)
HURRIED = (0.25, 0.5)  # the share of the team whose shorthand for the pair's two classes looked alike (label noise)
KEYED = (0.4, 0.8)  # the share of a pass's items keyed in by the typist who resolved the look-alike codes (label noise)


def load_base_bj(name: str, quick: bool = False):
    import _heldout

    return _heldout.load_generator_base(name, quick, BASES_BJ, "BJ")


# -- near copies -----------------------------------------------------------------------------
WHITE = (255, 255, 255)
BONES = ((232, 226, 208), (150, 150, 146), (104, 78, 52))


def _fish_skeleton(f: np.ndarray, rng) -> np.ndarray:
    """A fish skeleton left from a meal lying on the print: 30-38% of the side long (at least 12 px), bone white 232
    / 226 / 208, grey 150 / 150 / 146 or smoked brown 104 / 78 / 52 (of the three the one whose colour differs most
    on average from the picture's where it lies, or the second, at random, where it differs at least 60% as much, as
    for the muselet's cap, the pompom, the peg and the shell); a head, a rounded wedge 24% of the length long and 30%
    high, with an eye socket 30% darker; a spine 3% of the length thick (at least 0.8 px); 7-10 pairs of ribs curving
    back from it, 16-20% of the length long, 15% darker at 90% (at least 0.6 px); a forked tail 14% of the length;
    at any angle, its middle 30-70% of the way across and down, a soft shadow at 25%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(12.0, side * rng.uniform(0.3, 0.38))
    fr = _frame_at(h, w, rng)
    col = np.asarray(_standing_out(BONES, f, fr, 0.5 * L, rng), np.float32)
    head = fr.fill([[(0.26 * L, -0.15 * L), (0.4 * L, -0.1 * L), (0.5 * L, 0.0), (0.4 * L, 0.1 * L),
                     (0.26 * L, 0.15 * L), (0.24 * L, 0.0)]])
    eye = fr.fill([_circle(max(0.5, 0.03 * L), 10, 0.37 * L, -0.03 * L)])
    spine = fr.line([[(-0.36 * L, 0.0), (0.26 * L, 0.0)]], max(0.8, 0.03 * L))
    n = int(rng.integers(7, 11))
    rl = L * rng.uniform(0.16, 0.2)
    ribs = fr.line([[(float(x), 0.0), (float(x) - 0.05 * L, s * 0.6 * rl), (float(x) - 0.1 * L, s * rl)]
                    for x in np.linspace(-0.26, 0.2, n) * L for s in (-1, 1)], max(0.6, 0.018 * L))
    tail = fr.fill([[(-0.34 * L, 0.0), (-0.5 * L, -0.12 * L), (-0.46 * L, 0.0), (-0.5 * L, 0.12 * L)]])
    parts = [(ribs, col * 0.85, 0.9, True), (spine, col, 1.0, True), (tail, col * 0.95, 1.0, True),
             (head, col, 1.0, True), (eye, col * 0.7, 1.0, False)]
    return _u8(_laid(f, parts, 0.25))


CAPS = ((212, 176, 80), (196, 198, 204), (120, 30, 40), (30, 30, 32))
WIRE = np.array([200, 202, 208], np.float32)


def _champagne_muselet(f: np.ndarray, rng) -> np.ndarray:
    """A champagne muselet (the wire cage off a cork) flattened on the print: its cap a disc 16-20% of the side
    across (at least 7 px), gold 212 / 176 / 80, silver 196 / 198 / 204, dark red 120 / 30 / 40 or black 30 / 30 /
    32, a printed ring 30% darker at 80% and a white sheen at 30%; four wire legs 200 / 202 / 208 from its rim to a
    ring of twisted wire 1.7 times as wide (at least 0.6 px), a twisted loop sticking out of the ring; at any angle,
    its middle 30-70% of the way across and down, a soft shadow at 30%."""
    h, w = f.shape[:2]
    side = min(h, w)
    r = max(3.5, side * rng.uniform(0.08, 0.1))
    fr = _frame_at(h, w, rng)
    col = np.asarray(_standing_out(CAPS, f, fr, 1.7 * r, rng), np.float32)
    cap = fr.fill([_circle(r, 28)])
    ring = fr.line([_closed(_circle(0.65 * r, 20))], max(0.5, 0.08 * r)) * cap
    sheen = fr.fill([_ellipse(-0.3 * r, -0.35 * r, 0.3 * r, 0.12 * r + 0.2, -0.6, 12)]) * cap
    lw = max(0.6, 0.012 * side)
    R = 1.7 * r
    legs = fr.line([[(float(r * np.cos(a)), float(r * np.sin(a))), (float(R * np.cos(a)), float(R * np.sin(a)))]
                    for a in np.arange(4) * np.pi / 2 + np.pi / 4], lw)
    hoop = fr.line([_closed(_circle(R, 32))], lw)
    loop = fr.line([[(R, 0.0), (R + 0.35 * r, -0.15 * r), (R + 0.5 * r, 0.1 * r), (R + 0.2 * r, 0.15 * r), (R, 0.0)]],
                   lw)
    ring_col = col * 0.7 if col.mean() > 90 else np.minimum(col + 90, 255)
    parts = [(legs, WIRE, 0.95, True), (hoop, WIRE, 0.95, True), (loop, WIRE, 0.95, True), (cap, col, 1.0, True),
             (ring, ring_col, 0.8, False), (sheen, WHITE, 0.3, False)]
    return _u8(_laid(f, parts, 0.3))


POMPOMS = ((200, 40, 50), (236, 228, 206), (36, 44, 92), (206, 160, 40), (130, 130, 134))


def _pompom(f: np.ndarray, rng) -> np.ndarray:
    """A woolly pompom (cut off a hat) lying on the print: a ball 20-26% of the side across (at least 9 px), red
    200 / 40 / 50, cream 236 / 228 / 206, navy 36 / 44 / 92, mustard 206 / 160 / 40 or grey 130 / 130 / 134; 40-60
    strands fanning out from its middle past its rim by 15-30% of its radius, 20% darker, at 70% (at least 0.5 px);
    a darker core 15% darker and a soft white sheen at 20%; its middle 30-70% of the way across and down, a soft
    shadow at 30%."""
    h, w = f.shape[:2]
    side = min(h, w)
    r = max(4.5, side * rng.uniform(0.1, 0.13))
    fr = _frame_at(h, w, rng)
    col = np.asarray(_standing_out(POMPOMS, f, fr, r, rng), np.float32)
    ball = fr.fill([_ellipse(0.0, 0.0, r, r * rng.uniform(0.9, 1.0), 0.0, 28)])
    k = int(rng.integers(40, 61))
    ang = rng.uniform(0, 2 * np.pi, k)
    ln = r * (1 + rng.uniform(0.15, 0.3, k))
    strands = fr.line([[(float(0.3 * r * np.cos(a)), float(0.3 * r * np.sin(a))),
                        (float(q * np.cos(a)), float(q * np.sin(a)))] for a, q in zip(ang, ln)], max(0.5, 0.05 * r))
    core = fr.fill([_circle(0.55 * r, 20, 0.05 * r, 0.08 * r)])
    sheen = fr.fill([_ellipse(-0.3 * r, -0.35 * r, 0.35 * r, 0.2 * r, -0.5, 14)]) * ball
    parts = [(strands, col * 0.8, 0.7, True), (ball, col, 0.95, True), (core, col * 0.85, 0.6, False),
             (sheen, WHITE, 0.2, False)]
    return _u8(_laid(f, parts, 0.3))


PEGS = ((206, 208, 214), (214, 178, 82), (34, 34, 38))


def _tuning_peg(f: np.ndarray, rng) -> np.ndarray:
    """A guitar's tuning peg (a machine head) lying on the print: 28-36% of the side long (at least 11 px), chrome
    206 / 208 / 214, gold 214 / 178 / 82 or black 34 / 34 / 38: a flared button 34% of the length long and 30% wide,
    a thin shaft, a square gear housing 26% of the length across, its gear a ring 25% darker at 80% and a screw, a
    string post 8% wide with a dark hole; a white sheen on the button at 35%; at any angle, its middle 30-70% of the
    way across and down, a soft shadow at 30%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(11.0, side * rng.uniform(0.28, 0.36))
    fr = _frame_at(h, w, rng)
    col = np.asarray(_standing_out(PEGS, f, fr, 0.5 * L, rng), np.float32)
    button = fr.fill([[(-0.5 * L, -0.15 * L), (-0.2 * L, -0.07 * L), (-0.16 * L, 0.0), (-0.2 * L, 0.07 * L),
                       (-0.5 * L, 0.15 * L), (-0.54 * L, 0.0)]])
    shaft = fr.line([[(-0.2 * L, 0.0), (0.0, 0.0)]], max(0.8, 0.05 * L))
    housing = fr.fill([_rect(0.0, -0.13 * L, 0.26 * L, 0.13 * L)])
    gear = fr.line([_closed(_circle(0.08 * L, 16, 0.13 * L, 0.0))], max(0.5, 0.02 * L))
    screw = fr.fill([_circle(max(0.5, 0.025 * L), 8, 0.22 * L, 0.09 * L)])
    post = fr.fill([_rect(0.26 * L, -0.04 * L, 0.46 * L, 0.04 * L)])
    hole = fr.fill([_circle(max(0.4, 0.022 * L), 8, 0.41 * L, 0.0)])
    sheen = fr.fill([_ellipse(-0.36 * L, -0.06 * L, 0.12 * L, 0.025 * L + 0.2, 0.2, 12)]) * button
    dark = col * 0.75 if col.mean() > 90 else np.minimum(col + 70, 255)
    parts = [(shaft, col * 0.9, 1.0, True), (button, col, 1.0, True), (housing, col * 0.92, 1.0, True),
             (post, col, 1.0, True), (gear, dark, 0.8, False), (screw, dark, 0.9, False),
             (hole, (20, 20, 22), 0.9, False), (sheen, WHITE, 0.35, False)]
    return _u8(_laid(f, parts, 0.3))


HULLS = ((190, 40, 36), (40, 110, 60), (36, 36, 40), (70, 120, 210))
BRASS = np.array([204, 164, 74], np.float32)


def _shotgun_shell(f: np.ndarray, rng) -> np.ndarray:
    """A spent shotgun shell lying on the print: 26-32% of the side long (at least 10 px) and 30% as thick, its
    plastic hull red 190 / 40 / 36, green 40 / 110 / 60, black 36 / 36 / 40 or translucent blue 70 / 120 / 210 (at
    65%, the print showing through) with 5-7 ribs along it 20% darker at 60%; its brass head 204 / 164 / 74, 25% of
    the length, with a rim 10% darker and a primer 40% darker; its crimped end a star of six folds 30% darker; a white
    sheen along it at 35%; at any angle, its middle 30-70% of the way across and down, a soft shadow at 30%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(10.0, side * rng.uniform(0.26, 0.32))
    D = 0.3 * L
    fr = _frame_at(h, w, rng)
    col = np.asarray(_standing_out(HULLS, f, fr, 0.5 * L, rng), np.float32)
    alpha = 0.65 if col[2] > 200 else 1.0
    hull = fr.fill([_rect(-0.25 * L, -0.5 * D, 0.5 * L, 0.5 * D)])
    ribs = fr.line([[(-0.22 * L, float(y) * D), (0.47 * L, float(y) * D)]
                    for y in np.linspace(-0.35, 0.35, int(rng.integers(5, 8)))], max(0.4, 0.03 * D)) * hull
    head = fr.fill([_rect(-0.5 * L, -0.5 * D, -0.25 * L, 0.5 * D)])
    rim = fr.fill([_rect(-0.52 * L, -0.56 * D, -0.46 * L, 0.56 * D)])
    primer = fr.fill([_ellipse(-0.52 * L, 0.0, 0.015 * L + 0.3, 0.16 * D + 0.3, 0.0, 10)])
    crimp = fr.line([[(0.5 * L, 0.0), (0.5 * L, float(0.45 * D * np.sin(a)))] for a in np.linspace(-1.3, 1.3, 6)],
                    max(0.4, 0.04 * D))
    sheen = fr.line([[(-0.45 * L, -0.25 * D), (0.45 * L, -0.25 * D)]], max(0.5, 0.08 * D))
    parts = [(hull, col, alpha, True), (ribs, col * 0.8, 0.6, False), (head, BRASS, 1.0, True),
             (rim, BRASS * 0.9, 1.0, True), (primer, BRASS * 0.6, 0.9, False), (crimp, col * 0.7, 0.9, False),
             (sheen, WHITE, 0.35, False)]
    return _u8(_laid(f, parts, 0.3))


TOILE_GROUND = np.array([242, 236, 220], np.float32)
TOILE_INKS = np.array([(170, 50, 56), (52, 72, 134), (40, 40, 44), (120, 80, 50)], np.float32)


def _toile(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on toile de jouy (a cream cotton printed in one ink with pastoral scenes): the ink
    multiplied onto the cloth, 42-54% of the way from the picture (35% of its tone added at that share); a cream
    242 / 236 / 220 ground with 5-8 vignettes 14-22% of the side across, each a tree (a trunk and a canopy of 4-6
    outlined, lightly shaded clouds) with a cottage (a gabled outline with a door and window) or a flight of 2-4
    birds, and hatched ground below, drawn in red 170 / 50 / 56, blue 52 / 72 / 134, black 40 / 40 / 44 or sepia
    120 / 80 / 50 ink (lines 1.2% of the side wide, at least 0.7 px; the canopy shaded at 30%): a scenic print, not a
    floral chintz, a damask or any ground of the earlier lists."""
    h, w = f.shape[:2]
    side = min(h, w)
    ground = np.ones((h, w, 3), np.float32) * TOILE_GROUND
    ink = TOILE_INKS[int(rng.integers(len(TOILE_INKS)))]
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    lw = max(0.7, 0.012 * side)
    for _ in range(int(rng.integers(5, 9))):
        x, y, s = w * rng.uniform(-0.05, 1.05), h * rng.uniform(0.0, 1.1), side * rng.uniform(0.14, 0.22)
        clouds = [_circle(s * rng.uniform(0.18, 0.26), 16, x + s * rng.uniform(-0.3, 0.3), y - s * rng.uniform(0.6, 0.95))
                  for _ in range(int(rng.integers(4, 7)))]
        ground = _paint(ground, ident.fill(clouds) * 0.3, ink)
        lines = [_closed(c) for c in clouds] + [[(x, y), (x, y - 0.55 * s)]]
        lines += [[(x + s * u - 0.15 * s, y + s * v), (x + s * u + 0.15 * s, y + s * v)]
                  for u, v in ((-0.3, 0.05), (0.1, 0.1), (0.45, 0.05), (-0.05, 0.16))]
        if rng.random() < 0.5:  # a cottage
            cx = x + s * 0.55
            lines += [_closed(_rect(cx - 0.2 * s, y - 0.3 * s, cx + 0.2 * s, y)),
                      [(cx - 0.26 * s, y - 0.28 * s), (cx, y - 0.5 * s), (cx + 0.26 * s, y - 0.28 * s)],
                      _closed(_rect(cx - 0.05 * s, y - 0.15 * s, cx + 0.05 * s, y))]
        else:  # birds
            for _ in range(int(rng.integers(2, 5))):
                bx, by, bs = x + s * rng.uniform(0.2, 0.8), y - s * rng.uniform(0.7, 1.2), s * rng.uniform(0.06, 0.1)
                lines.append([(bx - bs, by - 0.5 * bs), (bx, by), (bx + bs, by - 0.5 * bs)])
        ground = _paint(ground, ident.line(lines, lw), ink)
    return _u8(_ground_print(f, ground, rng.uniform(0.42, 0.54), 0.35))


QUATREFOILS = np.array([((36, 52, 100), (246, 244, 236), (70, 96, 160)), ((248, 246, 238), (196, 160, 70), (236, 222, 180)),
                        ((176, 222, 206), (252, 252, 250), (130, 190, 170)), ((240, 120, 110), (252, 236, 214), (250, 180, 160))],
                       np.float32)


def _quatrefoil_wrap(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on quatrefoil gift wrap: the ink multiplied onto the paper, 42-54% of the way from the
    picture (35% of its tone added at that share); rosettes of four round lobes (lobes 19% of the period in radius,
    17% from the middle) on a period of 14-20% of the side, every other row offset by half a period, filled in one
    colour and outlined (7% of the period wide) in another on a third ground (navy with white and blue, white with
    gold and cream, mint with white and sea green, coral with cream and pink); turned by -10 to 10 degrees; drawn at
    3 times the size and averaged: a printed rosette lattice, not BI's argyle, a trellis or any ground of the earlier
    lists."""
    h, w = f.shape[:2]
    side = min(h, w)
    s = 3
    c0, c1, c2 = QUATREFOILS[int(rng.integers(len(QUATREFOILS)))]
    yy, xx = _fine(h, w, s)
    a = np.deg2rad(rng.uniform(-10, 10))
    p = side * rng.uniform(0.14, 0.2)
    u = (xx * np.cos(a) + yy * np.sin(a)) / p + rng.uniform(0, 1)
    v = (-xx * np.sin(a) + yy * np.cos(a)) / p + rng.uniform(0, 1)
    u = u + 0.5 * (np.floor(v) % 2)
    lu, lv = u - np.floor(u) - 0.5, v - np.floor(v) - 0.5
    d = np.min(np.stack([np.hypot(lu - cu, lv - cv) for cu, cv in ((0.17, 0), (-0.17, 0), (0, 0.17), (0, -0.17))]), 0)
    inside = (d < 0.19)[..., None]
    edge = (np.abs(d - 0.19) < 0.035)[..., None]
    ground = np.where(edge, c1, np.where(inside, c2, c0))
    ground = ground.reshape(h, s, w, s, 3).mean(axis=(1, 3))
    return _u8(_ground_print(f, ground, rng.uniform(0.42, 0.54), 0.35))


SUNBURSTS = np.array([((250, 150, 40), (252, 214, 90)), ((200, 40, 50), (246, 236, 214)), ((30, 140, 150), (214, 238, 232)),
                      ((236, 110, 160), (252, 240, 246))], np.float32)


def _sunburst_wrap(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on sunburst gift wrap: the ink multiplied onto the paper, 42-54% of the way from the
    picture (35% of its tone added at that share); 16-28 rays in two alternating colours (orange and yellow, red and
    cream, teal and pale green or pink and white) fanning from a point 10-90% across and down (or up to 20% outside
    the picture), each ray 20% darker towards the rim (with the distance from the point over the side); drawn at 3
    times the size and averaged: rays, not stripes, a halftone or any ground of the earlier lists."""
    h, w = f.shape[:2]
    side = min(h, w)
    s = 3
    c0, c1 = SUNBURSTS[int(rng.integers(len(SUNBURSTS)))]
    yy, xx = _fine(h, w, s)
    cx, cy = w * rng.uniform(-0.2, 1.2), h * rng.uniform(-0.2, 1.2)
    if rng.random() < 0.5:
        cx, cy = w * rng.uniform(0.1, 0.9), h * rng.uniform(0.1, 0.9)
    n = int(rng.integers(8, 15)) * 2
    th = (np.arctan2(yy - cy, xx - cx) + rng.uniform(0, 2 * np.pi)) % (2 * np.pi)
    odd = (np.floor(th / (2 * np.pi / n)) % 2)[..., None]
    shade = 1 - 0.2 * np.clip(np.hypot(yy - cy, xx - cx) / (1.4 * side), 0, 1)[..., None]
    ground = (c0 * (1 - odd) + c1 * odd) * shade
    ground = ground.reshape(h, s, w, s, 3).mean(axis=(1, 3))
    return _u8(_ground_print(f, ground, rng.uniform(0.42, 0.54), 0.35))


def near_edit_bj(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "fish_skeleton":  # a fish skeleton left from a meal on the print
        return _fish_skeleton(f, rng)
    if kind == "champagne_muselet":  # a champagne cork's wire cage on the print
        return _champagne_muselet(f, rng)
    if kind == "pompom":  # a woolly pompom on the print
        return _pompom(f, rng)
    if kind == "tuning_peg":  # a guitar's tuning peg on the print
        return _tuning_peg(f, rng)
    if kind == "shotgun_shell":  # a spent shotgun shell on the print
        return _shotgun_shell(f, rng)
    if kind == "toile":  # the picture printed on toile de jouy
        return _toile(f, rng)
    if kind == "quatrefoil_wrap":  # the picture printed on quatrefoil gift wrap
        return _quatrefoil_wrap(f, rng)
    if kind == "sunburst_wrap":  # the picture printed on sunburst gift wrap
        return _sunburst_wrap(f, rng)
    raise ValueError(kind)


# -- blurs -----------------------------------------------------------------------------------
def _flemish_glass(f: np.ndarray, rng) -> np.ndarray:
    """The picture photographed through a window of Flemish glass (a wavy rolled obscure glass): its uneven lenses,
    8-12% of the side across, move the picture by a smooth field of 1-1.8% of the side (at least 0.7 px) and blur it
    by a Gaussian of 1.6-2.6% of the side (at least 1 px) over most of it, 60% of that where the glass is thinner and
    140% where it is thicker (a smooth field of the same size, three blurs blended); the lenses gather and spread the
    light by up to 6%; a faint green of the glass, 0.97 / 1 / 0.97; as a camera metering on the highlights exposes
    it: a rolled glass, not reeded, frosted, cut, fused or block glass or any glass of the earlier lists."""
    from scipy.ndimage import map_coordinates

    h, w = f.shape[:2]
    side = min(h, w)
    lens = side * rng.uniform(0.08, 0.12)
    amp = max(0.7, side * rng.uniform(0.01, 0.018))
    yy, xx = _pixels(h, w)
    dy, dx = amp * np.tanh(_field(h, w, lens, rng)), amp * np.tanh(_field(h, w, lens, rng))
    moved = np.stack([map_coordinates(f[..., c], [yy - 0.5 + dy, xx - 0.5 + dx], order=1, mode="nearest")
                      for c in range(3)], axis=2)
    s = max(1.0, side * rng.uniform(0.016, 0.026))
    thick = np.clip(0.5 + 0.35 * _field(h, w, lens, rng), 0, 1)[..., None]
    lo, mid, hi = _blur3(moved, 0.6 * s), _blur3(moved, s), _blur3(moved, 1.4 * s)
    out = np.where(thick < 0.5, lo * (1 - 2 * thick) + mid * 2 * thick, mid * (2 - 2 * thick) + hi * (2 * thick - 1))
    out = out * (1 + 0.06 * np.tanh(_field(h, w, 0.5 * lens, rng)))[..., None] * np.array([0.97, 1.0, 0.97], np.float32)
    return _u8(_metered(out, f))


def _projector_pulldown(f: np.ndarray, rng) -> np.ndarray:
    """The picture on a film projected by a projector whose shutter is out of phase with its pull-down claw (travel
    ghosting) and photographed off the screen: 40-55% of the light falls while the frame travels, smeared evenly along
    the film's path by 4-6% of the side (at least 2 px), up or down; the projector's lens soft by a Gaussian of 1.4-2%
    of the side (at least 0.9 px); the screen's hot spot, 1.0 in the middle to 0.85 in the corners; as a camera
    metering on the highlights exposes it: a projector's fault, not the camera's shake, ``_synthetic``'s motion blur,
    a slide projector or any projection of the earlier lists."""
    from scipy.ndimage import shift

    h, w = f.shape[:2]
    side = min(h, w)
    soft = _blur3(f, max(0.9, side * rng.uniform(0.014, 0.02)))
    L = max(2.0, side * rng.uniform(0.04, 0.06))
    sgn = 1 if rng.random() < 0.5 else -1
    n = 12
    smear = np.mean([np.stack([shift(soft[..., c], (sgn * L * k / (n - 1), 0.0), order=1, mode="nearest")
                               for c in range(3)], axis=2) for k in range(n)], axis=0)
    m = rng.uniform(0.4, 0.55)
    out = (1 - m) * soft + m * smear
    yy, xx = _pixels(h, w)
    r = np.hypot((xx - w / 2) / (w / 2), (yy - h / 2) / (h / 2)) / np.sqrt(2)
    return _u8(_metered(out * (1 - 0.15 * r ** 2)[..., None], f))


def blur_bj(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "flemish_glass":  # through a window of wavy rolled obscure glass
        return _flemish_glass(f, rng)
    if kind == "projector_pulldown":  # projected with the shutter out of phase with the pull-down
        return _projector_pulldown(f, rng)
    raise ValueError(kind)


# -- darkening -------------------------------------------------------------------------------
COLD = np.array([0.85, 0.92, 1.0], np.float32)


def _searchlight(f: np.ndarray, rng) -> np.ndarray:
    """A field at night lit only by a searchlight: its beam standing up from the bottom edge (its foot 20-80%
    across), within 30 degrees of upright, 2% of the side wide at the foot widening to 10% at the top, a scatter in the
    haze up to 40-55 levels in cold white 0.85 / 0.92 / 1 fading with height to 35%, softened by 1.5% of the side; the
    lamp's housing a dark drum 30 / 30 / 34 at its foot; the picture lit in cold white at a gain of 0.015-0.03 plus
    0.26-0.34 falling off as ``1 / (1 + (d / d0) ** 2)`` with the distance ``d`` from the beam's foot, ``d0`` 28-38%
    of the side; noise sigma 1.2 levels."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    x0, y0 = w * rng.uniform(0.2, 0.8), float(h)
    out = _lit(f, _falloff(h, w, x0, y0, side, (0.28, 0.38), rng)[..., None] * COLD, rng)
    a = np.deg2rad(rng.uniform(-30, 30))
    ux, uy = np.sin(a), -np.cos(a)
    Lb = 1.5 * max(h, w)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    half0, half1 = 0.01 * side, 0.05 * side
    px, py = -uy, ux  # across the beam
    beam = ident.fill([[(x0 - half0 * px, y0 - half0 * py), (x0 + half0 * px, y0 + half0 * py),
                        (x0 + Lb * ux + half1 * px, y0 + Lb * uy + half1 * py),
                        (x0 + Lb * ux - half1 * px, y0 + Lb * uy - half1 * py)]])
    yy, xx = _pixels(h, w)
    along = np.clip(((xx - x0) * ux + (yy - y0) * uy) / max(h, w), 0, 1)
    beam = gaussian_filter(beam, max(0.5, 0.015 * side)) * (1 - 0.65 * along)
    out = out + beam[..., None] * rng.uniform(40, 55) * COLD
    drum = ident.fill([_rect(x0 - 0.04 * side, y0 - 0.05 * side, x0 + 0.04 * side, y0)])
    return _u8(_paint(out, drum, (30, 30, 34)))


ASPECTS = np.array([(255, 40, 30), (255, 170, 40), (60, 255, 140)], np.float32)


def _railway_signal(f: np.ndarray, rng) -> np.ndarray:
    """A railway cutting at night lit only by a colour-light signal: a black head 12 / 12 / 14, 6-9% of the side wide
    (at least 3 px) and 2.2 times as high, on a post 20 / 20 / 22, 15-85% across, its top 15-40% down; three lamps in
    it (the top red, the middle amber, the bottom green), one lit, 255 / 40 / 30, 255 / 170 / 40 or 60 / 255 / 140,
    the others dark 40 / 30 / 30, a hood over each; a glow of sigma 3-5% of the side up to 40-55 levels in its colour;
    the picture lit in its colour at a gain of 0.015-0.03 plus 0.26-0.34 falling off as ``1 / (1 + (d / d0) ** 2)``
    with the distance ``d`` from the lit lamp, ``d0`` 18-28% of the side; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    hw = max(3.0, side * rng.uniform(0.06, 0.09))
    hh = 2.2 * hw
    x, y = w * rng.uniform(0.15, 0.85), h * rng.uniform(0.15, 0.4)
    k = int(rng.integers(3))
    col = ASPECTS[k]
    ly = y + hh * (0.2 + 0.3 * k)
    out = _lit(f, _falloff(h, w, x, ly, side, (0.18, 0.28), rng)[..., None] * (col / 255), rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    post = ident.fill([_rect(x - 0.12 * hw, y + hh, x + 0.12 * hw, float(h))])
    head = ident.fill([_rect(x - 0.5 * hw, y, x + 0.5 * hw, y + hh)])
    out = _paint(_paint(out, post, (20, 20, 22)), head, (12, 12, 14))
    lamps = [ident.fill([_circle(max(0.6, 0.3 * hw), 14, x, y + hh * (0.2 + 0.3 * j))]) for j in range(3)]
    hoods = ident.line([[(x - 0.4 * hw, y + hh * (0.2 + 0.3 * j) - 0.38 * hw), (x + 0.4 * hw, y + hh * (0.2 + 0.3 * j)
                                                                                 - 0.38 * hw)] for j in range(3)],
                       max(0.5, 0.08 * hw))
    for j in range(3):
        out = _paint(out, lamps[j], col if j == k else (40, 30, 30))
    out = _paint(out, hoods, (24, 24, 26))
    glow = _glow(lamps[k], max(1.0, side * rng.uniform(0.03, 0.05)))[..., None]
    return _u8(out + glow * rng.uniform(40, 55) * (col / 255))


LEDS = np.array([(255, 160, 40), (255, 60, 40)], np.float32)
SEGMENTS = {0: "abcdef", 1: "bc", 2: "abdeg", 3: "abcdg", 4: "bcfg", 5: "acdfg", 6: "acdefg", 7: "abc", 8: "abcdefg",
            9: "abcdfg"}


def _seven(x: float, y: float, dw: float, dh: float, digit: int) -> list:
    """The lit segments of a seven-segment digit ``dw`` wide and ``dh`` high with its top left at (``x``, ``y``)."""
    p = {"a": [(x, y), (x + dw, y)], "b": [(x + dw, y), (x + dw, y + dh / 2)], "c": [(x + dw, y + dh / 2), (x + dw, y + dh)],
         "d": [(x, y + dh), (x + dw, y + dh)], "e": [(x, y + dh / 2), (x, y + dh)], "f": [(x, y), (x, y + dh / 2)],
         "g": [(x, y + dh / 2), (x + dw, y + dh / 2)]}
    return [p[s] for s in SEGMENTS[digit]]


def _scoreboard(f: np.ndarray, rng) -> np.ndarray:
    """An arena at night lit only by its scoreboard: a dark board 14 / 14 / 16, 45-65% of the width wide and 14-20%
    of the side high, its top 6-18% down and its middle 30-70% across, showing two two-digit scores in seven-segment
    LED digits (segments 2% of the side wide, at least 0.6 px) and a colon between them, amber 255 / 160 / 40 or red
    255 / 60 / 40; a glow of sigma 4-7% of the side up to 40-55 levels in their colour; the picture lit in it at a
    gain of 0.015-0.03 plus 0.26-0.34 falling off as ``1 / (1 + (d / d0) ** 2)`` with the distance ``d`` from the
    board's middle, ``d0`` 30-40% of the side; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    col = LEDS[int(rng.integers(len(LEDS)))]
    bw, bh = w * rng.uniform(0.45, 0.65), side * rng.uniform(0.14, 0.2)
    cx, y0 = w * rng.uniform(0.3, 0.7), h * rng.uniform(0.06, 0.18)
    out = _lit(f, _falloff(h, w, cx, y0 + bh / 2, side, (0.3, 0.4), rng)[..., None] * (col / 255), rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    board = ident.fill([_rect(cx - bw / 2, y0, cx + bw / 2, y0 + bh)])
    out = _paint(out, board, (14, 14, 16))
    dw, dh = bw * 0.12, bh * 0.62
    gap = bw * 0.05
    xs = [cx - bw / 2 + gap, cx - bw / 2 + 2 * gap + dw, cx + bw / 2 - 2 * gap - 2 * dw, cx + bw / 2 - gap - dw]
    segs = []
    for x in xs:
        segs += _seven(x, y0 + 0.19 * bh, dw, dh, int(rng.integers(10)))
    digits = ident.line(segs, max(0.6, 0.02 * side))
    colon = ident.fill([_circle(max(0.5, 0.03 * bh), 8, cx, y0 + bh * q) for q in (0.38, 0.62)])
    lit = np.maximum(digits, colon)
    out = _paint(out, lit, col)
    glow = _glow(lit, max(1.0, side * rng.uniform(0.04, 0.07)))[..., None]
    return _u8(out + glow * rng.uniform(40, 55) * (col / 255))


def dark_bj(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "searchlight":  # a field lit only by a searchlight's beam
        return _searchlight(f, rng)
    if kind == "railway_signal":  # a railway cutting lit only by a colour-light signal
        return _railway_signal(f, rng)
    if kind == "scoreboard":  # an arena lit only by its scoreboard
        return _scoreboard(f, rng)
    raise ValueError(kind)


# -- outliers --------------------------------------------------------------------------------
def _puffin(size: int, rng) -> dict:
    """A puffin on a sea cliff, seen from the side: the sea below 55-65% of the way down, a grassy cliff top from
    70-78% down sloping a little; a puffin standing on it, facing either way, its body an upright ellipse 22% of the
    side wide and 34% high, a black back and wing, a white belly, a round head with a white face patch, an eye, a
    large triangular beak striped in two colours, orange feet; 2-4 sand eels hanging from its beak (0-1 coverage
    each)."""
    big = 4 * size
    M = _canvas(("sea", "cliff", "back", "belly", "head", "face", "eye", "beak", "stripe", "feet", "eels"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    sy, gy = big * rng.uniform(0.55, 0.65), big * rng.uniform(0.7, 0.78)
    d["sea"].rectangle((0, sy, big, big), fill=255)
    tilt = big * rng.uniform(-0.04, 0.04)
    d["cliff"].polygon([(0, gy - tilt), (big, gy + tilt), (big, big), (0, big)], fill=255)
    s = 1 if rng.random() < 0.5 else -1
    cx = big / 2 + s * rng.uniform(-0.08, 0.02) * big
    bw, bh = 0.11 * big, 0.17 * big
    by = gy - bh - 0.03 * big
    d["back"].ellipse((cx - bw, by - bh, cx + bw, by + bh), fill=255)
    d["belly"].ellipse((cx + s * 0.2 * bw - 0.75 * bw, by - 0.6 * bh, cx + s * 0.2 * bw + 0.75 * bw, by + bh), fill=255)
    hx, hy, hr = cx + s * 0.25 * bw, by - bh - 0.04 * big, 0.085 * big
    d["head"].ellipse((hx - hr, hy - hr, hx + hr, hy + hr), fill=255)
    d["face"].ellipse((hx + s * 0.1 * hr - 0.65 * hr, hy - 0.55 * hr, hx + s * 0.1 * hr + 0.65 * hr, hy + 0.6 * hr),
                      fill=255)
    d["eye"].ellipse((hx + s * 0.3 * hr - 0.14 * hr, hy - 0.25 * hr, hx + s * 0.3 * hr + 0.14 * hr, hy + 0.03 * hr),
                     fill=255)
    bx = hx + s * 0.8 * hr
    d["beak"].polygon([(bx, hy - 0.55 * hr), (bx + s * 1.1 * hr, hy + 0.15 * hr), (bx, hy + 0.55 * hr)], fill=255)
    d["stripe"].line([(bx + s * 0.35 * hr, hy - 0.35 * hr), (bx + s * 0.35 * hr, hy + 0.4 * hr)], fill=255,
                     width=max(1, round(0.15 * hr)))
    for o in (-0.35, 0.35):
        d["feet"].polygon([(cx + o * bw, gy - 0.04 * big), (cx + o * bw + s * 0.12 * big, gy - 0.01 * big),
                           (cx + o * bw, gy - 0.005 * big)], fill=255)
    for _ in range(int(rng.integers(2, 5))):
        ex = bx + s * rng.uniform(0.2, 0.8) * hr
        d["eels"].line([(ex, hy), (ex + rng.uniform(-0.3, 0.3) * hr, hy + rng.uniform(1.2, 1.8) * hr)], fill=255,
                       width=max(1, round(0.12 * hr)))
    return {k: _down(v, size) for k, v in M.items()}


def _stork_nest(size: int, rng) -> dict:
    """A white stork on its nest on a chimney: a sloping roof across the bottom from 70-80% of the way down, a
    chimney stack 16-22% of the side wide standing on it, on top of it a wide nest of twigs (an ellipse 40% of the
    side wide with crossing twigs); a stork standing in it facing either way, a white body (an ellipse 28% of the
    side long), black flight feathers along its back, an S-curved neck, a small head, a long red beak, two long red
    legs into the nest (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("roof", "chimney", "nest", "twigs", "body", "wing", "neck", "head", "beak", "legs", "eye"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    ry = big * rng.uniform(0.7, 0.8)
    slope = big * rng.uniform(0.08, 0.16) * (1 if rng.random() < 0.5 else -1)
    d["roof"].polygon([(0, ry - slope), (big, ry + slope), (big, big), (0, big)], fill=255)
    cx = big * rng.uniform(0.42, 0.58)
    cw = big * rng.uniform(0.08, 0.11)
    ny = big * rng.uniform(0.5, 0.56)
    d["chimney"].rectangle((cx - cw, ny, cx + cw, big), fill=255)
    nw, nh = 0.2 * big, 0.05 * big
    d["nest"].ellipse((cx - nw, ny - nh, cx + nw, ny + nh), fill=255)
    for _ in range(14):
        x = cx + rng.uniform(-0.9, 0.9) * nw
        d["twigs"].line([(x - 0.06 * big, ny + rng.uniform(-1, 1) * nh), (x + 0.06 * big, ny + rng.uniform(-1, 1) * nh)],
                        fill=255, width=max(1, round(0.006 * big)))
    s = 1 if rng.random() < 0.5 else -1
    by = ny - 0.2 * big
    d["legs"].line([(cx - 0.02 * big, by), (cx - 0.02 * big, ny)], fill=255, width=max(1, round(0.01 * big)))
    d["legs"].line([(cx + 0.03 * big, by), (cx + 0.03 * big, ny)], fill=255, width=max(1, round(0.01 * big)))
    d["body"].ellipse((cx - 0.14 * big, by - 0.06 * big, cx + 0.14 * big, by + 0.06 * big), fill=255)
    d["wing"].polygon([(cx - s * 0.16 * big, by + 0.02 * big), (cx - s * 0.02 * big, by - 0.05 * big),
                       (cx + s * 0.06 * big, by + 0.01 * big), (cx - s * 0.04 * big, by + 0.05 * big)], fill=255)
    nx = cx + s * 0.11 * big
    pts = [(nx, by - 0.02 * big), (nx + s * 0.04 * big, by - 0.08 * big), (nx, by - 0.14 * big),
           (nx + s * 0.03 * big, by - 0.2 * big)]
    d["neck"].line(pts, fill=255, width=max(1, round(0.03 * big)), joint="curve")
    hx, hy = nx + s * 0.04 * big, by - 0.21 * big
    d["head"].ellipse((hx - 0.03 * big, hy - 0.025 * big, hx + 0.03 * big, hy + 0.025 * big), fill=255)
    d["beak"].polygon([(hx + s * 0.02 * big, hy - 0.012 * big), (hx + s * 0.15 * big, hy + 0.01 * big),
                       (hx + s * 0.02 * big, hy + 0.012 * big)], fill=255)
    d["eye"].ellipse((hx - 0.006 * big, hy - 0.01 * big, hx + 0.006 * big, hy + 0.002 * big), fill=255)
    return {k: _down(v, size) for k, v in M.items()}


def _paraglider(size: int, rng) -> dict:
    """A paraglider over hills: two or three ranges of rounded hills across the bottom, the nearest from 70-80% of
    the way down; a canopy arching across 55-75% of the width, its top 12-25% down, 9-13% of the side deep, with
    7-11 ribs across it; 8 lines from its trailing edge converging on a pilot in a harness 30-40% of the side below
    it (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("far", "near", "canopy", "ribs", "lines", "pilot"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    for name, y in (("far", rng.uniform(0.55, 0.65)), ("near", rng.uniform(0.7, 0.8))):
        xs = np.linspace(-0.1, 1.1, 9) * big
        ys = big * y + big * 0.06 * np.sin(xs / big * rng.uniform(4, 8) + rng.uniform(0, 6))
        d[name].polygon([(float(x), float(v)) for x, v in zip(xs, ys)] + [(1.1 * big, big), (-0.1 * big, big)], fill=255)
    cx = big * rng.uniform(0.4, 0.6)
    W = big * rng.uniform(0.55, 0.75)
    top = big * rng.uniform(0.12, 0.25)
    dep = big * rng.uniform(0.09, 0.13)
    t = np.linspace(-1, 1, 25)
    upper = [(float(cx + 0.5 * W * u), float(top + 0.35 * W * u * u)) for u in t]
    lower = [(float(cx + 0.5 * W * u), float(top + dep * (1 - 0.5 * u * u) + 0.35 * W * u * u)) for u in t[::-1]]
    d["canopy"].polygon(upper + lower, fill=255)
    for u in np.linspace(-0.85, 0.85, int(rng.integers(7, 12))):
        x = cx + 0.5 * W * u
        d["ribs"].line([(x, top + 0.35 * W * u * u), (x, top + dep * (1 - 0.5 * u * u) + 0.35 * W * u * u)], fill=255,
                       width=max(1, round(0.006 * big)))
    py = top + dep + big * rng.uniform(0.3, 0.4)
    px = cx + big * rng.uniform(-0.04, 0.04)
    for u in np.linspace(-0.9, 0.9, 8):
        d["lines"].line([(cx + 0.5 * W * u, top + dep * (1 - 0.5 * u * u) + 0.35 * W * u * u), (px, py)], fill=255,
                        width=max(1, round(0.004 * big)))
    d["pilot"].ellipse((px - 0.03 * big, py - 0.01 * big, px + 0.03 * big, py + 0.07 * big), fill=255)
    d["pilot"].ellipse((px - 0.018 * big, py - 0.045 * big, px + 0.018 * big, py - 0.009 * big), fill=255)
    return {k: _down(v, size) for k, v in M.items()}


CANOPIES = ((220, 40, 40), (250, 200, 40), (40, 90, 210))


def outlier_bj(name: str, kind: str, size: int, lo: int, hi: int, rng) -> np.ndarray:
    photos = name.startswith("photos")
    ground = lambda col: np.ones((size, size, 3), np.float32) * np.asarray(col, np.float32)  # noqa: E731
    tone = lambda t: [lo + (hi - lo) * t] * 3  # noqa: E731
    if kind == "puffin":
        m = _puffin(size, rng)
        if photos:  # a pale sky, a blue sea, a green cliff, a black and white puffin, an orange and grey beak
            out = _paint(_paint(ground((200, 214, 226)), m["sea"], (46, 86, 130)), m["cliff"], (84, 124, 64))
            out = _paint(_paint(out, m["back"], (24, 24, 26)), m["belly"], (236, 236, 232))
            out = _paint(_paint(out, m["head"], (26, 26, 28)), m["face"], (226, 226, 222))
            out = _paint(_paint(out, m["eye"], (16, 16, 16)), m["beak"], (240, 110, 30))
            out = _paint(_paint(out, m["stripe"], (110, 120, 140)), m["feet"], (246, 120, 40))
            return _u8(_paint(out, m["eels"], (196, 204, 210)))
        out = _paint(_paint(ground(tone(0.0)), m["sea"], tone(0.15)), m["cliff"], tone(0.3))
        out = _paint(_paint(out, m["back"], tone(0.55)), m["belly"], tone(1.0))
        out = _paint(_paint(out, m["head"], tone(0.6)), m["face"], tone(0.95))
        out = _paint(_paint(out, m["eye"], tone(0.05)), m["beak"], tone(0.8))
        out = _paint(_paint(out, m["stripe"], tone(0.4)), m["feet"], tone(0.7))
        return _u8(_paint(out, m["eels"], tone(0.9)))
    if kind == "stork_nest":
        m = _stork_nest(size, rng)
        if photos:  # a pale sky, a slate roof, a red-brick chimney, a brown nest, a white and black stork, red beak
            out = _paint(_paint(ground((198, 214, 232)), m["roof"], (70, 74, 84)), m["chimney"], (150, 64, 48))
            out = _paint(_paint(out, m["nest"], (110, 82, 52)), m["twigs"], (70, 52, 34))
            out = _paint(_paint(out, m["legs"], (210, 50, 40)), m["body"], (242, 242, 238))
            out = _paint(_paint(out, m["wing"], (26, 26, 28)), m["neck"], (240, 240, 236))
            out = _paint(_paint(out, m["head"], (240, 240, 236)), m["beak"], (220, 50, 40))
            return _u8(_paint(out, m["eye"], (16, 16, 16)))
        out = _paint(_paint(ground(tone(0.0)), m["roof"], tone(0.3)), m["chimney"], tone(0.5))
        out = _paint(_paint(out, m["nest"], tone(0.4)), m["twigs"], tone(0.2))
        out = _paint(_paint(out, m["legs"], tone(0.7)), m["body"], tone(1.0))
        out = _paint(_paint(out, m["wing"], tone(0.15)), m["neck"], tone(0.95))
        out = _paint(_paint(out, m["head"], tone(0.95)), m["beak"], tone(0.7))
        return _u8(_paint(out, m["eye"], tone(0.05)))
    if kind == "paraglider":
        m = _paraglider(size, rng)
        if photos:  # a blue sky, blue-green far hills, green near hills, a coloured canopy, dark lines and pilot
            col = np.asarray(CANOPIES[int(rng.integers(len(CANOPIES)))], np.float32)
            out = _paint(_paint(ground((120, 170, 226)), m["far"], (90, 124, 130)), m["near"], (70, 124, 56))
            out = _paint(_paint(out, m["canopy"], col), m["ribs"], col * 0.6)
            return _u8(_paint(_paint(out, m["lines"], (40, 40, 44)), m["pilot"], (30, 30, 36)))
        out = _paint(_paint(ground(tone(0.0)), m["far"], tone(0.15)), m["near"], tone(0.3))
        out = _paint(_paint(out, m["canopy"], tone(1.0)), m["ribs"], tone(0.5))
        return _u8(_paint(_paint(out, m["lines"], tone(0.6)), m["pilot"], tone(0.85)))
    raise ValueError(kind)


# -- label noise -----------------------------------------------------------------------------
def keyed_shorthand_flips(base: list[np.ndarray], labels: list, classes: list, candidates: list, count: int,
                          rng) -> dict[int, object]:
    """``count`` examples to flip and their new labels: the pictures were labelled on paper tally sheets by a team
    of 5-10 annotators (``TEAM``, one drawn at random for each item), each writing every class as a personal
    shorthand code, and the sheets were keyed in later by a typist reading the codes against a key; in one or two
    random pairs of classes (one pair where fewer than four classes are present) the hurried codes of some of the
    team (25-50% of it, ``HURRIED``) looked alike, and the typist who keyed that batch (the first 40-80% of a pass's
    items in the order they came, ``KEYED``) resolved every such code to the class of the pair listed first on the
    key (drawn at random). The flips are the items of the pair's other class written by a hurried annotator and keyed
    by that typist, each given the first class, until ``count`` are flipped (passes over the pictures not yet
    flipped, another pair and another typist, while some are left). Noise one way within a pair, by who wrote an item
    and who keyed it, not by look: not BI's misprinted reference sheets (a swap both ways), BH's cross-wired put wall,
    transposed sheets, swapped digits or any mechanism of the earlier lists. Every flip changes the label."""
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
        resolved: dict[object, object] = {}
        for j in range(pairs):
            first, other = present[int(order[2 * j])], present[int(order[2 * j + 1])]
            resolved[other] = first
        team = int(rng.integers(TEAM[0], TEAM[1]))
        hurried = {int(v) for v in rng.choice(team, max(1, int(round(team * rng.uniform(*HURRIED)))), replace=False)}
        keyed = max(1, int(round(len(items) * rng.uniform(*KEYED))))
        for i in items[:keyed]:
            if len(flips) >= count:
                break
            if int(rng.integers(team)) in hurried and labels[i] in resolved and resolved[labels[i]] != labels[i]:
                flips[i] = resolved[labels[i]]
        if len(flips) >= count:
            break
    return dict(sorted(flips.items()))


# -- planting ------------------------------------------------------------------------------
def plant_issues_bj(images, labels, out_dir, *, name: str, random_state: int = 0) -> PlantedDataset:
    """Generator BJ's problems (module docstring). A set whose name ends in ``_jpeg`` is written as JPEG files at a
    quality drawn from 40-62 each; the others as PNG. The planting is I's (:func:`_heldout_i.plant_generator`)."""
    return plant_generator(
        images, labels, out_dir, name=name, rates=RATES_BJ, seed=620_000 + random_state,
        quality_seed=625_000 + random_state, jpeg_quality=JPEG_QUALITY,
        flips=keyed_shorthand_flips,
        **by_family(name, outlier=(outlier_bj, OUTLIERS_BJ), blur=(blur_bj, BLURS_BJ), dark=(dark_bj, DARKS_BJ),
                    near=(near_edit_bj, NEAR_EDITS_BJ)))
