"""Generator AD: fresh EVALUATION sets after generator AC's run (never used to choose anything).

Why a twenty-eighth evaluation generator: generator AC's sets have been run, and what they showed may inform the next
changes (the commit subjects since name a partial-match share for near copies learnt from the data and the outlier
check's small classes measured to their nearest member, both measured on AC's sets among others), so they will not stay
untouched; AD is a held-out measurement of the code after that run, of families of its own (AD's writer read no docs,
logs, result files or commit bodies: only the commit subjects, the library's code and the earlier generators' and
tuning tools' files, to copy their structure and to avoid their families). Generator AD was written before any tool was
run on it (only its pictures were looked at, on contact sheets of its edits, blurs, darkenings and foreign pictures at
28, 60 and 232 px, to check that every edit is visible, every blur blurred, every darkened image dark with its picture
still in it and every outlier foreign, and the planted folders hashed twice); it is not to be changed after its results
are seen. Its edits, blurs, darkenings, foreign pictures and label noise are of families that no tuning tool
(``blur_tuning.py``'s lens blurs: Gaussian, soft disk, astigmatic elongated Gaussian, ring; ``_foreign.py``'s
textures, icons and soft photographs; ``near_photos.py``'s and ``near_small.py``'s edits; ``label_filters.py``'s and
``label_noise_models.py``'s flips), no earlier generator (A = ``dq.datasets.plant_issues``, B, D, E, F, G, H, I, J,
K, L, M, N, O, P, Q, R, S, T, U, V, W, X, Y, Z, AA, AB, AC) and none of the library's calibration copies
(``dataquality/compute/_synthetic.py``: crop, shift, rotate, brightness, contrast, gamma, JPEG, resize, overlay box;
Gaussian, box, motion, down-and-up blurs) make. Like AC's it has two blur families, not three: every third one
considered was too near an earlier generator's (below). Left out because an earlier generator made them or left them
out: among objects on the print a toothbrush or a hairbrush (O's pencil, as X's paintbrush; L's magnifying glass), a
table-tennis bat (L's magnifying glass, N's push pin), a cupcake or a pretzel (Z's croissant: one bakery item is
enough), a mushroom (U's umbrellas, as X found), a dumbbell (AA's bone-shaped biscuit), a sock or a boxing glove (AB's
mitten), over-ear headphones (X's earbuds), a pocket calculator (AC's remote, K's crosswords), a lobster (AB's prawn,
W's crab), a spinning top (Y's fidget spinner), an Allen key or a honey dipper (O's pencil), a party hat (AB's cheese
wedge); of the whole picture dust motes in a sunbeam (O's beams through haze), icicles hanging in front of the print
(L's reeded glass, AB's tumbler: cylindrical lenses), a chalk copy on a blackboard (R's cartoon, as T's pencil
sketch), a tattoo copy on skin (J's duotone, as Z's chlorophyll print), a print on marble, cork or denim (T's wood
transfer, J's canvas), a kaleidoscope's view (P's floor reflection: mirrored copies), a View-Master reel or a stereo
card (the ID-photo sheet of copies R left out), a hammered copper tray (AA's tufted headboard), a roller shutter or a
slatted bench (Z's stair risers, W's shredded strips), a failed double-glazing seal (K's steamed window), a lorry's
curtain side with its straps (O's fence, W's strips), Holi powder in the air (R's steam), a striped parasol's light
(K's blinds), foam sliding down a car-wash windscreen (P's cloud, Q's wiper); among blurs dye run along the threads
of a printed T-shirt (Q's ink bleed, as AC's ink wash), a sand animation on a light box (AA's lithophane), a pin-art
toy's impression (N's fibrescope, G's mosaic), a camcorder's two-blade diamond aperture (G's hexagon, as every
aperture shape), a flag flapping (W's turning card, as Y found), a reflection in a varnished tabletop (W's brushed
steel), a spirit-duplicator copy (Q's ink bleed), a peel-apart instant film's transfer (the contact print lifted off
its negative S's focal spot stood for), a microfiche reader's printout (U's projected slide), a poster seen through a
tent's nylon (I's frosted glass, as tracing paper), a camera carried while walking (J's wobble, as U's gimbal); among
darkenings a lit microwave oven (I's lamp, as W's open fridge), a car's instrument panel at night (W's keyboard
lighting from below), a picture light dimmed over its frame (S's scalloped downlights), a star-projector night light
(O's mirror ball), a dead laptop screen lit by a torch (H's dim screen, K's spotlight), a print at the bottom of a
mug of black coffee (K's deep water, P's tea-stained tarnish), black shade netting over the print (J's smoked glass,
O's fence), a metallic print seen off its angle (U's tintype, as V's daguerreotype), a camera app's exposure slider
dragged down (B's stops, K's focus brackets), a tent lit by a lantern outside it (J's sodium lamp); among foreign
pictures a castle (V's crown), a Greek temple's columns (D's bar charts), pyramids (a dress on the clothing sets, as
W's tents), an owl or a squirrel (8s, 9s and 6s on the digit sets), a gong or a washing machine (0s), a totem pole (a
1), a bonsai (F's tree), a gazebo (AB's carousel), a breaking wave (F's spirals), an amphitheatre from above (N's
dartboards), a jukebox (a bag on the clothing sets), a seahorse or a flamingo (a 2 or a 5, as Y's swans); among label
noise labels from web searches with the first query's kept (R's first-yes), labels propagated from a few seeds over a
neighbour graph (L's few-shot prototypes, Y's linked pairs), three classes rotated in one annotator's share (I's
swapped pairs), a one-dimensional sort cut into class blocks (S's shortcut), a labeller shown only the top half of
each picture (the cropped view R left out: Q's turned view), a French keyboard's hotkeys (O's hotkeys) and the
teacher's argmax (L's auto-labeller).

* ``near_duplicate`` (3%), five edits in a part of the picture and three of the whole, in turn (so that the
  232 px set's four copies get both kinds): a small plush teddy bear lying on its back on the print, seen from above
  (44-56% of the side from its ears to its feet, at least 12 px, a round head of radius 17% of that, ears of 7% with
  paler insides, a body an ellipse of 20% x 24%, arms and legs ellipses of 7% x 15% and 9% x 12% with paler foot pads,
  a paler muzzle with a dark nose, two dark button eyes, a paler belly at 50%; honey, brown, cream, grey or pink fur,
  a ribbon bow at its neck in red, blue, green or yellow; at any angle, 30-70% of the way across and down, a soft
  shadow at 40%), a roast chicken drumstick lying on the print (40-52% of the side long, at least 10 px, the meat a
  teardrop, a round end of radius 22% of the length narrowing to 7% at 40% of it beyond, golden brown, dark brown or
  barbecue red-brown, with 3-6 patches 25% darker and 3-6 glossy highlights, white at 35%, half the time 2-3 dark
  grill stripes at 50%, the bone a bar 9% of the length thick ending in two knuckles of radius 5%, ivory; at any
  angle, 30-70% of the way across and down, a soft shadow at 40%), a balloon whisk lying on the print (50-64% of the
  side long, at least 12 px, a handle 36% of the length long and 9% thick, stainless, black, red, wooden or green,
  with a hanging ring and a steel ferrule, 3 loops of wire below 48 px, 4 above, in planes turned about the axis, so
  that seen from above they are 100%, 92%, 71% and 38% (3 loops: 100%, 87%, 50%) of the widest's 19% of the length
  either side, widest 62% of the way out and rounded to the tip, the wire 2.5% of the length thick, at least 0.6 px,
  steel grey over a dark edge 2.2 times as wide at 85%; at any angle, 30-70% of the way across and down, a soft
  shadow at 40%), a hair dryer lying on its side on the print (48-60% of the side long, at least 12 px, a barrel 26%
  of the length high with rounded ends, the round air intake at its back, 32% across, with three dark grille rings, a
  grey concentrator nozzle narrowing to 10%, a handle 14% thick and 45% long running back and down at 100-110 degrees
  to the barrel, with two switches, a cord 3% thick, bowed, 0.4-0.7 lengths long, from its end; black, white, pink,
  lilac, red, teal or silver plastic with a sheen at 35%; at any angle, 30-70% of the way across and down, a soft
  shadow at 40%) and a wooden catapult lying on the print (the forked stick 46-58% of the side long, at least 12 px,
  a handle 12% of the length thick, prongs tapering from 12% to 9% out to 20% of the length either side, in light,
  mid or dark wood, a grip of dark cord wound round the upper half of the handle, two rubber bands, amber, yellow,
  green or black, 3.5% of the length thick, bowed, from the prongs' tips to a leather pouch 14% x 7% of the length
  lying 20-30% of the length beyond them; at any angle, 30-70% of the way across and down, a soft shadow at 40%); of
  the whole picture: the print on a sunny windowsill behind a rain-spotted pane, the sun casting the drops' shadows
  on it (12-18 drops below 48 px, 50-110 above, anywhere, of radius 6-11% of the side below 48 px, 1.5-4% above, at
  least 0.8 px, drawn log-uniformly, the shadows drawn out 1.1-1.4 times along the sun's direction, each darkening
  by 35-50% towards its rim, ``0.35 + 0.65 rho ** 4`` of that at ``rho`` of the radius, round a bright spot where the
  drop focuses the sun, 1.4-1.8 times the light, a Gaussian of 28% of the radius 15% of it towards the sun; 2-4
  trickles from drops down the pane, streaks 55-80% of a drop's radius wide and 15-35% of the side long within 15
  degrees of the vertical, darkening by 20-30% round a bright line at 1.3 times; all softened by the sun's disc, a
  Gaussian of 0.4% of the side, at least 0.35 px: shadows of drops on a window, not drops on the print or the lens,
  as H's rain or K's clear drops), the print lying on a beach with dry sand blown over it from one side (the wind
  from an edge, give or take 25 degrees, the sand's front 20-32% of the side in from that edge's middle along the
  wind, wavering by 3-5% of the side at a period of 35-60% of it and by a smooth random 1.5% more, the sand thinning
  to nothing over 6-10% of the side before it; ripple marks across the wind of period 5-8% of the side, at least
  2.5 px, 10% lighter on their windward slopes and 10% darker on their lee, a grain of sigma 4 levels, pale, golden
  or grey; beyond the front scattered grains on a share of the pixels falling from 3% to nothing over 25% of the
  side, each at 40-90%: sand lying on the print, not falling before it, as AC's snow) and dandelion seeds drifting in
  front of the print out of doors, backlit by the sun (3-5 below 48 px, 8-16 above, anywhere, each a pappus of radius
  10-14% of the side below 48 px, 5-9% above, at least 2.6 px, of 8-10 fine white filaments below 48 px, 14-22
  above, 0.7-1.0 radii long, 0.6% of the side wide, at least 0.45 px, over a fan of 220-300 degrees, a tip on each,
  over a white haze of 75% of the radius at 35%, a stalk 0.9-1.3 radii long out of the fan's gap to a brown seed 35%
  of a radius long, at any turn, white at 80-95%, a third of them nearer the lens and softened by a Gaussian of
  12-22% of their radius: a few radial tufts, not AC's many round flakes);
* ``exact_duplicate`` (1%): byte-for-byte copies of a file under another name;
* ``blurry`` (3%): a poster stuck on a shop window, photographed from inside against the daylight (the picture seen
  from its back through the paper, turned left for right, the ink on the far face spread by the paper's thickness, a
  Gaussian of 3-4.5% of the side, at least 1.3 px; 15-25% of the light scattered evenly through the sheet, a veil of
  its mean; the paper's cloudy formation, 3-6% over a smooth random field of 2.5% of the side, at least 1 px; in the
  daylight's cool white, 0.95 / 0.98 / 1.04, at 92-98% of full scale where no ink is; the tape at its top corners,
  strips 14-18% of the side long and 5% wide, 12% darker: the whole picture seen from behind, not the reverse side's
  text showing through, as N's) and the picture printed on a transparency taped to a sunny window, its image cast by
  the sun on a white wall a little way behind and photographed square on (stretched 1.15-1.4 times along the sun's
  direction across the wall, a random one, about the middle; each point spread by the sun's disc, a uniform ellipse
  of radius 3.5-5.5% of the side, at least 1.5 px, drawn out by the same stretch; the sky's light through the film, a
  veil of 10-18% of the picture's mean; a glazing bar's shadow across it, horizontal or vertical, 3-5% of the side
  wide, 25-75% of the way across, softened by the disc, taking 70-85% of the light; the wall's plaster, a smooth
  random field of 2% of the side, at least 1 px, by 2-3%; a warm sunlight, 1.0 / 0.95-0.97 / 0.84-0.9, at 88-95% of
  full scale: cast by the sun without a lens, not U's projector out of focus); each as a camera metering on the
  highlights exposes it (as Y's to AC's);
* ``dark`` (2%): the print on a wall at a crossing at night, lit only by a traffic signal standing in the picture
  (its head 3-8% of the side in from the left or right edge, a dark housing of 18-24 levels, 16-20% of the side wide
  below 48 px, 12-16% above, 2.9 times that high, its top 5-20% down, on a pole to the bottom edge; three lenses of
  radius 36% of its width under visors, one lit, red at the top, amber in the middle or green at the bottom, with a
  grid of LED dots from 48 px, the others dim; a glow of sigma 5-8% of the side round it, up to 25-45 levels in its
  colour; the picture lit at a gain of 0.03-0.05 in a cool ambient light plus 0.25-0.35 falling off as ``1 / (1 + (d
  / d0) ** 2)`` with the distance ``d`` from the lit lens, ``d0`` 30-45% of the side, in its colour, red 1 / 0.22 /
  0.16, amber 1 / 0.6 / 0.18, green 0.3 / 1 / 0.72; noise sigma 1.2 levels: T left traffic lights out as foreign
  pictures, where they would be 8s), a dark room, a torch left switched on lying on the print, its beam raking across
  it (the torch 28-36% of the side long and 8-10% thick, black, red, blue or aluminium, its head 1.35 times as thick,
  its lens 15-30% of the side from the middle in a random direction, pointing back across the middle give or take 25
  degrees; the beam lighting the picture at a gain of up to 0.5-0.65 as ``exp(-(phi / phi0) ** 2) / (1 + (r / r0) **
  2)`` at ``r`` from the lens and ``phi`` off its axis, ``phi0`` 25-35 degrees, ``r0`` 40-60% of the side, the
  reflector's rings across it, 12% at a period of 10-16% of the side, warm or cool white, and everywhere 0.02-0.04 of
  the room's light; the torch's body lit only by the spill, 15% of its colour plus 8 levels, its lens glowing; noise
  sigma 1.2 levels: on the print's face, not pressed behind it, as AA's torch) and the print on the wall of a dark
  room in the light of a projector showing its blue "no signal" screen (the picture lit at a gain of 0.2-0.3 in its
  blue, 0.3 / 0.45 / 1.0, falling to 70-85% at the corners, and in the projector's message box, a rectangle 40-60% of
  the side wide and 14-20% high, its middle 40-60% down, at a further 0.1-0.16 in a pale blue, 0.5 / 0.62 / 1.0,
  with a line of made-up glyphs 45% of its height over 70% of its width at a further 0.25 in white; all of it light
  falling on the print, so none shows on its black; noise sigma 1.2 levels: the projector lights the print, it does
  not show it, as U's slide or V's camera obscura); none of them blurs the picture;
* ``outlier`` (1.5%): stone circles on a grassy plain (the horizon 45-58% of the way down with a low hill line, 8-12
  standing stones on an ellipse of semi-axes 36-42% and 8-11% of the side round a point 18-22% below the horizon,
  each an upright slab 7-10% of the side wide and 20-28% high at the front, 70% of that at the back, its shaded side
  a third of its width, a lintel 4.5% of the side thick across every other pair of neighbours at the back, 1-2
  fallen stones in front and the stones' shadows on the grass to one side), lifeguard towers on a beach (the sea from
  the horizon, 38-48% down, to the shore, 55-62% down, with 2-3 lines of surf, sand below; a hut 26-34% of the side
  wide and 18-24% high under a roof overhanging by 10%, with a dark window band and a door, on a deck on stilts 4% of
  the side thick with an X of bracing, their feet 82-90% down, a ramp with rungs down to the sand, a flag on a pole
  on the roof) and camels in the desert seen from the side (the sand from the horizon, 50-62% down, with a dune's
  ridge; a body, an ellipse of semi-axes 20-23% and 10-12% of the side, one hump or two of radius 9-11%, four long
  legs 3.5% of the side thick with knees, the far pair darker, a neck curving forwards and down from the shoulder and
  up to a small head with an ear and an eye, a thin tail, a shadow on the sand; facing either way); the digit and
  clothing sets get them in their own tones on their dark ground, the photographs as grey stones on green or ochre
  grass under a blue, overcast or evening sky, a yellow, red, blue, teal, pink or white hut on wooden stilts over
  sand by a blue sea with white surf and a red flag, and a tawny camel on golden sand under a blue, hazy or evening
  sky;
* ``label`` (5%): *sampled-teacher* flips: a distillation pipeline labelled a shard of the set with its teacher's
  softened predictions *sampled*, not their argmax: the teacher's probabilities a softmax of minus the squared
  distances of the picture's 8 x 8 grey thumbnail (standardised) to every class's mean thumbnail over the whole set,
  over a temperature of 1.5-2.5 times the median, over the eligible pictures, of the gap between the distances to
  their nearest two classes; the eligible pictures worked through in a random order, each given its sampled class,
  until the flips needed are made (another pass over those not flipped, should they run out): noise on the
  ambiguous pictures and, by chance, on clear ones, into look-alike classes and now and then into farther ones (not
  the teacher's argmax, as L's auto-labeller's answers; not the nearest class, as F's, H's, T's, V's, W's or AB's; not
  the farthest, as AC's; not uniform, as E's). Every flip changes the label, so every one is in the truth.

Each planted defect has its own source image; nothing else is planted, so only these six issue types are scored on
AD's sets. Base data are the evaluation domains drawn with seeds no other set uses: Fashion-MNIST *test* (2,000, seed
227), MNIST (2,000, seed 228), and the evaluation photographs tiled at 60 px (24 tiles a photograph at most, seed
229: 396) and at 232 px (every tile, seed 230: 138, the photographs with 2-53 tiles each), sizes no other set uses.
``photos60_ad_jpeg`` is written as JPEG files, each at a quality drawn from 64-86 (a stream of its own, seed
``305_000 + random_state``), every edit, blur and darkening made before the encoding, near copies made from the
decoded JPEG and saved again at their own quality, exact copies byte copies of the file; the other sets are PNG
files. Planting draws from seed ``300_000 + random_state``. The planting is I's (:func:`_heldout_i.plant_generator`,
as for J to AC).
"""

from __future__ import annotations

import numpy as np
from _heldout_aa import _frame_at, _rect
from _heldout_ab import _pick
from _heldout_ac import _curve, _rrect, _tube
from _heldout_h import _drawn, _u8
from _heldout_i import by_family, plant_generator
from _heldout_j import _glyph_line
from _heldout_k import _paint
from _heldout_p import _ellipse
from _heldout_q import _down, _thumbs
from _heldout_s import _pixels, _resample
from _heldout_v import _field, _metered
from _heldout_x import _bar, _canvas, _Frame, _laid
from PIL import Image, ImageDraw

from dataquality.datasets import PlantedDataset

EVALUATION_AD = ("fashion_test_ad", "mnist_ad", "photos60_ad_jpeg", "photos232_ad")
# each set's base: (data, seed) or ("photos", seed, tile size, tiles per photograph quick, full)
BASES_AD = {
    "fashion_test_ad": ("fashion_test", 227),
    "mnist_ad": ("mnist", 228),
    "photos60_ad_jpeg": ("photos", 229, 60, 8, 24),
    "photos232_ad": ("photos", 230, 232, 8, 1000),
}
JPEG_QUALITY = (64, 87)  # the JPEG set's qualities: integers in [low, high)
RATES_AD = {"near_duplicate": 0.03, "exact_duplicate": 0.01, "blurry": 0.03, "dark": 0.02, "outlier": 0.015,
            "label": 0.05}
# parts of the picture and the whole picture in turn, so that the smallest set (4 copies) gets both kinds
NEAR_EDITS_AD = ("teddy_bear", "raindrop_shadows", "drumstick", "sand_drift", "balloon_whisk", "dandelion_seeds",
                 "hair_dryer", "slingshot")
BLURS_AD = ("poster_from_behind", "sun_cast_transparency")
DARKS_AD = ("traffic_signal", "torch_on_print", "projector_no_signal")
OUTLIERS_AD = ("stone_circle", "lifeguard_tower", "camel")
SOFTNESS = (1.5, 2.5)  # the teacher's temperature in medians of its nearest two classes' gap (label noise)


def load_base_ad(name: str, quick: bool = False):
    import _heldout

    return _heldout.load_generator_base(name, quick, BASES_AD, "AD")


# -- near copies -----------------------------------------------------------------------------
FURS = ((200, 146, 80), (126, 84, 50), (234, 214, 178), (150, 146, 140), (232, 172, 184))
RIBBONS = ((200, 30, 40), (40, 80, 180), (40, 140, 70), (240, 200, 40))


def _teddy_bear(f: np.ndarray, rng) -> np.ndarray:
    """A small plush teddy bear lying on its back on the print, seen from above: 44-56% of the side from the top of
    its ears to its feet, at least 12 px; a round head of radius 17% of that, two ears of 7% with paler insides, a
    body an ellipse of 20% x 24%, two arms and two legs, ellipses of 7% x 15% and 9% x 12%, paler foot pads, a paler
    muzzle with a dark nose and two dark button eyes, a paler belly at 50%; honey, brown, cream, grey or pink fur,
    a ribbon bow at its neck in red, blue, green or yellow; at any angle, its middle 30-70% of the way across and
    down, a soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(12.0, side * rng.uniform(0.44, 0.56))
    fur, ribbon = _pick(FURS, rng), _pick(RIBBONS, rng)
    pale = fur * 0.55 + 0.45 * 240
    dark = (24, 18, 16)
    fr = _frame_at(h, w, rng)
    E = lambda x, y, a, b, ang=0.0, n=20: _ellipse(x * L, y * L, a * L, b * L, ang, n)  # noqa: E731
    limbs = [E(-0.21, -0.02, 0.15, 0.07, 1.1), E(0.21, -0.02, 0.15, 0.07, -1.1), E(-0.12, 0.3, 0.09, 0.12),
             E(0.12, 0.3, 0.09, 0.12)]
    parts = [(fr.fill(limbs), fur * 0.92, 1.0, True),
             (fr.fill([E(-0.12, 0.36, 0.055, 0.06), E(0.12, 0.36, 0.055, 0.06)]), pale, 1.0, False),
             (fr.fill([E(0.0, 0.06, 0.2, 0.24, 0.0, 28)]), fur, 1.0, True),
             (fr.fill([E(0.0, 0.09, 0.12, 0.15)]), pale, 0.5, False),
             (fr.fill([E(-0.13, -0.42, 0.07, 0.07), E(0.13, -0.42, 0.07, 0.07)]), fur, 1.0, True),
             (fr.fill([E(-0.13, -0.42, 0.04, 0.04), E(0.13, -0.42, 0.04, 0.04)]), pale, 1.0, False),
             (fr.fill([E(0.0, -0.28, 0.17, 0.16, 0.0, 28)]), fur, 1.0, True),
             (fr.fill([E(0.0, -0.21, 0.08, 0.06)]), pale, 1.0, False),
             (fr.fill([E(0.0, -0.235, 0.03, 0.02, 0.0, 10)]), dark, 1.0, False),
             (fr.fill([E(-0.065, -0.31, 0.02, 0.02, 0.0, 10), E(0.065, -0.31, 0.02, 0.02, 0.0, 10)]), dark, 1.0,
              False),
             (fr.fill([_rect(-0.12 * L, -0.135 * L, 0.12 * L, -0.1 * L),
                       [(0.0, -0.118 * L), (-0.1 * L, -0.17 * L), (-0.1 * L, -0.06 * L)],
                       [(0.0, -0.118 * L), (0.1 * L, -0.17 * L), (0.1 * L, -0.06 * L)]]), ribbon, 1.0, False)]
    return _u8(_laid(f, parts, 0.4))


MEATS = ((190, 118, 52), (146, 82, 38), (156, 64, 38))


def _drumstick(f: np.ndarray, rng) -> np.ndarray:
    """A roast chicken drumstick lying on the print: 40-52% of the side long, at least 10 px; the meat a teardrop,
    a round end of radius 22% of the length narrowing to 7% at 40% of it beyond, golden brown, dark brown or
    barbecue red-brown, its crisp skin with 3-6 darker patches, 25% darker, and 3-6 glossy highlights, white at
    35%, and half the time 2-3 dark grill stripes across it at 50%; the bone out of its narrow end, a bar 9% of the
    length thick ending in two knuckles of radius 5%, ivory; at any angle, its middle 30-70% of the way across and
    down, a soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(10.0, side * rng.uniform(0.4, 0.52))
    meat = _pick(MEATS, rng)
    fr = _frame_at(h, w, rng)
    x0 = -0.2 * L
    flesh = [_ellipse(x0, 0.0, 0.22 * L, 0.2 * L, 0.0, 28),
             [(x0, -0.19 * L), (0.2 * L, -0.07 * L), (0.2 * L, 0.07 * L), (x0, 0.19 * L)],
             _ellipse(0.2 * L, 0.0, 0.05 * L, 0.07 * L, 0.0, 12)]
    bone = [_bar(0.15 * L, 0.42 * L, 0.045 * L), _ellipse(0.45 * L, -0.045 * L, 0.05 * L, 0.05 * L, 0.0, 12),
            _ellipse(0.45 * L, 0.045 * L, 0.05 * L, 0.05 * L, 0.0, 12)]
    body = fr.fill(flesh)
    spots = [_ellipse(rng.uniform(-0.35, 0.1) * L, rng.uniform(-0.12, 0.12) * L, rng.uniform(0.03, 0.06) * L,
                      rng.uniform(0.02, 0.04) * L, rng.uniform(0, np.pi), 10) for _ in range(int(rng.integers(3, 7)))]
    glints = [_ellipse(rng.uniform(-0.32, 0.12) * L, rng.uniform(-0.14, -0.04) * L, rng.uniform(0.02, 0.045) * L,
                       rng.uniform(0.012, 0.022) * L, rng.uniform(-0.4, 0.4), 10) for _ in range(int(rng.integers(3, 7)))]
    parts = [(fr.fill(bone), (236, 226, 204), 1.0, True), (body, meat, 1.0, True),
             (fr.fill(spots) * body, meat * 0.75, 1.0, False)]
    if rng.random() < 0.5:
        lines = [[(x, -0.25 * L), (x + 0.08 * L, 0.25 * L)] for x in np.linspace(-0.34, 0.0, int(rng.integers(2, 4))) * L]
        parts.append((fr.line(lines, max(0.5, 0.035 * L)) * body, (40, 22, 12), 0.5, False))
    parts.append((fr.fill(glints) * body, (255, 255, 255), 0.35, False))
    return _u8(_laid(f, parts, 0.4))


HANDLES = ((168, 170, 176), (36, 36, 40), (190, 40, 40), (176, 128, 80), (50, 130, 80))


def _balloon_whisk(f: np.ndarray, rng) -> np.ndarray:
    """A balloon whisk lying on the print: 50-64% of the side long, at least 12 px; a handle 36% of the length long
    and 9% thick, stainless, black, red, wooden or green, with a hanging ring at its end and a steel ferrule; 3
    loops of wire below 48 px, 4 above, in planes turned about the axis, so that seen from above they are 100%,
    92%, 71% and 38% (3 loops: 100%, 87%, 50%) of the widest's 19% of the length either side, each widening from
    the ferrule to its widest at 62% of the way and rounded to the tip, the wire 2.5% of the length thick, at least
    0.6 px, steel grey over a dark edge 2.2 times as wide at 85%; at any angle, its middle 30-70% of the way across
    and down, a soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(12.0, side * rng.uniform(0.5, 0.64))
    handle = _pick(HANDLES, rng)
    fr = _frame_at(h, w, rng)
    n = 3 if side < 48 else 4
    lw = max(0.6, 0.025 * L)
    xa, xb = -0.04 * L, 0.5 * L
    s = np.linspace(0, 1, 48)
    s0 = 0.62
    prof = np.where(s < s0, np.sin(np.pi / 2 * s / s0) ** 1.2, np.sqrt(np.clip(1 - ((s - s0) / (1 - s0)) ** 2, 0, 1)))
    loops = []
    for k in range(n):
        wk = 0.19 * L * np.cos(k * np.pi / (2 * n))
        x = xa + (xb - xa) * s
        loops.append([(float(a), float(b)) for a, b in zip(x, wk * prof)] +
                     [(float(a), float(-b)) for a, b in zip(x[::-1], (wk * prof)[::-1])])
    wires = fr.line(loops, lw)
    edge = fr.line(loops, lw * 2.2)
    ring = fr.fill([_ellipse(-0.5 * L, 0.0, 0.06 * L, 0.06 * L, 0.0, 16)],
                   holes=[_ellipse(-0.5 * L, 0.0, 0.035 * L, 0.035 * L, 0.0, 12)])
    parts = [(edge, (46, 48, 54), 0.85, True), (wires, (214, 216, 222), 1.0, False),
             (fr.fill([_bar(-0.44 * L, -0.08 * L, 0.045 * L)]), handle, 1.0, True),
             (fr.fill([_rect(-0.44 * L, -0.035 * L, -0.1 * L, -0.015 * L)]), (255, 255, 255), 0.3, False),
             (ring, (190, 192, 198), 1.0, True),
             (fr.fill([_rect(-0.09 * L, -0.05 * L, -0.02 * L, 0.05 * L)]), (180, 182, 188), 1.0, True)]
    return _u8(_laid(f, parts, 0.4))


DRYERS = ((34, 34, 38), (236, 236, 232), (230, 140, 170), (170, 140, 200), (200, 40, 50), (40, 150, 150),
          (190, 190, 196))


def _hair_dryer(f: np.ndarray, rng) -> np.ndarray:
    """A hair dryer lying on its side on the print: 48-60% of the side long, at least 12 px; a barrel 26% of the
    length high with rounded ends, the round air intake at its back, 32% across, with three dark grille rings, a
    grey concentrator nozzle narrowing to 10% at its front, a handle 14% thick running back and down at 100-110
    degrees to the barrel, 45% long, with two switches, and a cord 3% thick, bowed, 0.4-0.7 lengths long, from its
    end; black, white, pink, lilac, red, teal or silver plastic with a sheen along the barrel at 35%; at any angle,
    its middle 30-70% of the way across and down, a soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(12.0, side * rng.uniform(0.48, 0.6))
    col = _pick(DRYERS, rng)
    fr = _frame_at(h, w, rng)
    ang = np.deg2rad(rng.uniform(100, 110))
    hx0, hy0 = -0.08 * L, 0.08 * L
    hx1, hy1 = hx0 + 0.45 * L * np.cos(ang), hy0 + 0.45 * L * np.sin(ang)
    c = np.cos(ang), np.sin(ang)
    handle = [(hx0 + 0.07 * L * -c[1] + u * c[0], hy0 + 0.07 * L * c[0] + u * c[1]) for u in (0.0, 0.45 * L)] + \
             [(hx0 - 0.07 * L * -c[1] + u * c[0], hy0 - 0.07 * L * c[0] + u * c[1]) for u in (0.45 * L, 0.0)]
    cord = _curve((hx1, hy1), (hx1 + rng.uniform(0.4, 0.7) * L * np.cos(ang + rng.uniform(-0.8, 0.8)),
                               hy1 + rng.uniform(0.4, 0.7) * L * np.sin(ang + rng.uniform(-0.8, 0.8))),
                  rng.uniform(-0.12, 0.12) * L, 20)
    dark = (30, 30, 34) if col.mean() > 80 else (90, 90, 96)
    rings = [[(-0.3 * L + r * np.cos(t), r * np.sin(t)) for t in np.linspace(0, 2 * np.pi, 24)]
             for r in (0.05 * L, 0.09 * L, 0.13 * L)]
    parts = [(fr.line([cord], max(0.5, 0.03 * L)), (40, 40, 44) if col.mean() > 120 else (220, 220, 216), 1.0, True),
             (fr.fill([handle, _ellipse(hx1, hy1, 0.07 * L, 0.07 * L, 0.0, 14)]), col * 0.92, 1.0, True),
             (fr.fill([[(0.25 * L, -0.11 * L), (0.48 * L, -0.05 * L), (0.48 * L, 0.05 * L), (0.25 * L, 0.11 * L)]]),
              (120, 122, 128), 1.0, True),
             (fr.fill([_rrect(-0.3 * L, -0.13 * L, 0.27 * L, 0.13 * L, 0.06 * L)]), col, 1.0, True),
             (fr.fill([_ellipse(-0.3 * L, 0.0, 0.16 * L, 0.16 * L, 0.0, 28)]), col * 0.85, 1.0, True),
             (fr.line(rings, max(0.4, 0.018 * L)), dark, 0.9, False),
             (fr.fill([_rect(-0.2 * L, -0.1 * L, 0.22 * L, -0.05 * L)]), (255, 255, 255), 0.35, False),
             (fr.fill([_ellipse(hx0 + 0.16 * L * c[0], hy0 + 0.16 * L * c[1], 0.035 * L, 0.025 * L, ang, 10),
                       _ellipse(hx0 + 0.26 * L * c[0], hy0 + 0.26 * L * c[1], 0.035 * L, 0.025 * L, ang, 10)]),
              dark, 1.0, False)]
    return _u8(_laid(f, parts, 0.4))


WOODS = ((206, 164, 112), (164, 114, 66), (112, 74, 42))
BANDS = ((214, 150, 60), (232, 204, 60), (60, 150, 60), (40, 40, 40))


def _slingshot(f: np.ndarray, rng) -> np.ndarray:
    """A wooden catapult (slingshot) lying on the print: its forked stick 46-58% of the side long, at least 12 px;
    a handle 12% of the length thick from the foot to the fork, two prongs tapering from 12% to 9% thick out to 20% of
    the length either side, in light, mid or dark wood, a grip of dark cord wound round the upper half of the handle
    with diagonal turns,
    and the two rubber bands, amber, yellow, green or black, 3.5% of the length thick, bowed, from the prongs' tips
    to a leather pouch 14% x 7% of the length lying 20-30% of the length beyond them; at any angle, its middle
    30-70% of the way across and down, a soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(12.0, side * rng.uniform(0.46, 0.58))
    wood, band = _pick(WOODS, rng), _pick(BANDS, rng)
    fr = _frame_at(h, w, rng)
    px, py = rng.uniform(-0.08, 0.08) * L, -0.4 * L - rng.uniform(0.2, 0.3) * L
    tips = [(-0.2 * L, -0.4 * L), (0.2 * L, -0.4 * L)]
    stick = [_tube(np.array([[0.0, 0.5 * L], [0.0, 0.05 * L]]), [0.06 * L, 0.06 * L])]
    for tx, ty in tips:
        stick.append(_tube(np.array([[0.0, 0.1 * L], [tx * 0.5, -0.15 * L], [tx, ty]]), [0.06 * L, 0.055 * L,
                                                                                          0.045 * L]))
        stick.append(_ellipse(tx, ty, 0.045 * L, 0.045 * L, 0.0, 10))
    bands = [_curve((tx, ty), (px + s * 0.07 * L, py), rng.uniform(-0.06, 0.06) * L, 16)
             for (tx, ty), s in zip(tips, (-1, 1))]
    wraps = [[(-0.07 * L, y), (0.07 * L, y - 0.04 * L)] for y in np.linspace(0.18 * L, 0.38 * L, 6)]
    grip = fr.fill([_rect(-0.065 * L, 0.16 * L, 0.065 * L, 0.4 * L)])
    parts = [(fr.line(bands, max(0.5, 0.035 * L)), band, 0.9, True),
             (fr.fill([_rrect(px - 0.07 * L, py - 0.035 * L, px + 0.07 * L, py + 0.035 * L, 0.02 * L)]),
              (110, 70, 40), 1.0, True),
             (fr.fill(stick), wood, 1.0, True),
             (fr.line([[(-0.025 * L, 0.45 * L), (-0.02 * L, 0.1 * L)]], max(0.4, 0.015 * L)), wood * 0.7, 0.6, False),
             (grip, (36, 30, 28), 1.0, False),
             (fr.line(wraps, max(0.4, 0.014 * L)) * grip, (90, 80, 74), 0.8, False)]
    return _u8(_laid(f, parts, 0.4))


def _raindrop_shadows(f: np.ndarray, rng) -> np.ndarray:
    """The print on a sunny windowsill behind a rain-spotted pane, the sun casting the drops' shadows on it: 12-18
    drops below 48 px, 50-110 above, anywhere, of radius 6-11% of the side below 48 px, 1.5-4% above, at least 0.8 px,
    drawn log-uniformly, their shadows all drawn out 1.1-1.4 times along the sun's direction, each darkening by
    35-50% towards its rim (``0.35 + 0.65 rho ** 4`` of that at ``rho`` of the radius) round a bright spot where the
    drop focuses the sun, 1.4-1.8 times the light, a Gaussian of 28% of the radius, 15% of the radius from the
    middle towards the sun; 2-4 trickles from drops down the pane, streaks 55-80% of a drop's radius wide and 15-35%
    of the side long within 15 degrees of the vertical, darkening by 20-30% round a bright line at 1.3 times;
    everything softened by the sun's disc, a Gaussian of 0.4% of the side, at least 0.35 px."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    n = int(rng.integers(12, 19)) if side < 48 else int(rng.integers(50, 111))
    lo, hi = (0.06, 0.11) if side < 48 else (0.015, 0.04)
    sun = rng.uniform(0, 2 * np.pi)
    ux, uy = np.cos(sun), np.sin(sun)
    stretch = rng.uniform(1.1, 1.4)
    M = np.ones((h, w), np.float32)
    drops = []
    for _ in range(n):
        r = max(0.8, side * np.exp(rng.uniform(np.log(lo), np.log(hi))))
        cx, cy = rng.uniform(0, w), rng.uniform(0, h)
        drops.append((cx, cy, r))
        dx, dy = xx - cx, yy - cy
        a, b = (dx * ux + dy * uy) / stretch, -dx * uy + dy * ux
        rho = np.hypot(a, b) / r
        depth = rng.uniform(0.35, 0.5)
        M *= np.where(rho < 1, 1 - depth * (0.35 + 0.65 * np.clip(rho, 0, 1) ** 4), 1.0)
        core = np.hypot(a - 0.15 * r, b) / (0.28 * r)
        M *= 1 + rng.uniform(0.4, 0.8) * np.exp(-core ** 2) * (rho < 1)
    for _ in range(int(rng.integers(2, 5))):
        cx, cy, r = drops[int(rng.integers(len(drops)))]
        tw = r * rng.uniform(0.55, 0.8)
        ln = side * rng.uniform(0.15, 0.35)
        t = np.pi / 2 + rng.uniform(-0.26, 0.26)
        along = (xx - cx) * np.cos(t) + (yy - cy) * np.sin(t)
        across = -(xx - cx) * np.sin(t) + (yy - cy) * np.cos(t)
        inside = (along > 0) & (along < ln) & (np.abs(across) < tw)
        M *= np.where(inside, 1 - rng.uniform(0.2, 0.3), 1.0)
        M *= 1 + 0.3 * np.exp(-(across / max(0.3, 0.15 * tw)) ** 2) * inside
    M = gaussian_filter(M, max(0.35, side * 0.004))
    return _u8(f * M[..., None])


SANDS = ((224, 204, 164), (208, 180, 132), (192, 182, 170))


def _sand_drift(f: np.ndarray, rng) -> np.ndarray:
    """The print lying on a beach, dry sand blown over it from one side: the wind from an edge, give or take 25
    degrees, the sand's front 20-32% of the side in from the middle of that edge along the wind, wavering by 3-5% of
    the side at a period of 35-60% of it and by a smooth random 1.5% more, the sand thinning to nothing over 6-10% of
    the side before it, so that the print shows through; ripple marks across the wind, of period 5-8% of the side, at
    least 2.5 px, lit 10% more on their windward slopes and 10% less on their lee, a grain of sigma 4 levels, in a
    pale, golden or grey sand; beyond the front, scattered grains, a share of the pixels falling from 3% at the front
    to nothing 25% of the side on, each at 40-90%."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    sand = _pick(SANDS, rng)
    e = int(rng.integers(4)) * np.pi / 2  # the windward edge: the wind blows in from it, give or take 25 degrees
    t = e + rng.uniform(-0.44, 0.44)
    ux, uy = np.cos(t), np.sin(t)
    # the distance along the wind from the windward edge's middle, and the coordinate across it
    ex, ey = w / 2 - np.cos(e) * w / 2, h / 2 - np.sin(e) * h / 2
    along = (xx - ex) * ux + (yy - ey) * uy
    across = -(xx - ex) * uy + (yy - ey) * ux
    front = side * rng.uniform(0.2, 0.32) + side * rng.uniform(0.03, 0.05) * np.sin(
        2 * np.pi * across / (side * rng.uniform(0.35, 0.6)) + rng.uniform(0, 2 * np.pi))
    front = front + side * 0.015 * _field((h, w), max(1.0, side * 0.08), rng)
    thin = side * rng.uniform(0.06, 0.1)
    cover = np.clip((front - along) / thin, 0, 1) ** 0.8
    period = max(2.5, side * rng.uniform(0.05, 0.08))
    phase = 2 * np.pi * along / period + 0.6 * _field((h, w), max(1.0, side * 0.1), rng)
    ripple = 1 + 0.1 * np.sin(phase) - 0.04 * np.cos(2 * phase)
    colour = sand[None, None, :] * ripple[..., None] + rng.normal(0, 4, (h, w, 1))
    out = f * (1 - cover[..., None]) + colour * cover[..., None]
    beyond = np.clip(1 - (along - front) / (side * 0.25), 0, 1) * (along > front)
    grains = (rng.random((h, w)) < 0.03 * beyond).astype(np.float32) * rng.uniform(0.4, 0.9, (h, w))
    grains = np.clip(gaussian_filter(grains, 0.3) * 1.5, 0, 1) if side >= 48 else grains
    out = _paint(out, grains, sand * 0.95)
    return _u8(out)


def _dandelion_seeds(f: np.ndarray, rng) -> np.ndarray:
    """Dandelion seeds drifting in front of the print out of doors, backlit by the sun: 3-5 below 48 px, 8-16 above,
    anywhere, each a pappus of radius 10-14% of the side below 48 px, 5-9% above, at least 2.6 px: 8-10 fine white
    filaments below 48 px, 14-22 above, 0.7-1.0 radii long, 0.6% of the side wide, at least 0.45 px, radiating from
    its middle over a fan of 220-300 degrees, a tip of 1.6 widths on each, over a white haze of 75% of the radius at
    35%; a stalk 0.9-1.3 radii long out of the fan's gap to a brown seed 35% of a radius long; at any turn; white
    at 80-95%, the seeds nearer the lens (a third of them) softened by a Gaussian of 12-22% of their radius."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    n = int(rng.integers(3, 6)) if side < 48 else int(rng.integers(8, 17))
    out = f.copy()
    lw = max(0.45, side * 0.006)
    for _ in range(n):
        R = max(2.6, side * (rng.uniform(0.1, 0.14) if side < 48 else rng.uniform(0.05, 0.09)))
        cx, cy = rng.uniform(0, w), rng.uniform(0, h)
        down = rng.uniform(0, 2 * np.pi)
        fan = np.deg2rad(rng.uniform(220, 300))
        k = int(rng.integers(8, 11)) if side < 48 else int(rng.integers(14, 23))
        angs = down + np.pi + np.linspace(-fan / 2, fan / 2, k) + rng.uniform(-0.08, 0.08, k)
        ends = [(cx + R * u * np.cos(a), cy + R * u * np.sin(a)) for a, u in zip(angs, rng.uniform(0.7, 1.0, k))]

        def draw(d, s, ends=ends, cx=cx, cy=cy):
            for ex, ey in ends:
                d.line([(cx * s, cy * s), (ex * s, ey * s)], fill=255, width=max(1, round(lw * s)))
                q = 0.8 * lw * s
                d.ellipse((ex * s - q, ey * s - q, ex * s + q, ey * s + q), fill=255)

        hairs = _drawn((h, w), draw)
        haze = _drawn((h, w), lambda d, s, cx=cx, cy=cy, R=R: d.ellipse(
            ((cx - 0.75 * R) * s, (cy - 0.75 * R) * s, (cx + 0.75 * R) * s, (cy + 0.75 * R) * s), fill=255))
        sl = R * rng.uniform(0.9, 1.3)
        sx, sy = cx + sl * np.cos(down), cy + sl * np.sin(down)
        stalk = _drawn((h, w), lambda d, s, sx=sx, sy=sy, cx=cx, cy=cy: d.line(
            [(cx * s, cy * s), (sx * s, sy * s)], fill=255, width=max(1, round(0.7 * lw * s))))
        seed = _drawn((h, w), lambda d, s, sx=sx, sy=sy, R=R: d.polygon(
            [(x * s, y * s) for x, y in _ellipse(sx, sy, 0.18 * R, max(0.3, 0.045 * R), down, 12)], fill=255))
        white = np.maximum(hairs, 0.35 * haze)
        if rng.random() < 1 / 3:
            soft = R * rng.uniform(0.12, 0.22)
            white = gaussian_filter(white, soft) * 1.4
            stalk, seed = gaussian_filter(stalk, soft), gaussian_filter(seed, soft)
        a = rng.uniform(0.8, 0.95)
        out = _paint(out, np.clip(stalk, 0, 1) * 0.8, (200, 196, 184))
        out = _paint(out, np.clip(seed, 0, 1), (110, 80, 50))
        out = _paint(out, np.clip(white, 0, 1) * a, (250, 250, 246))
    return _u8(out)


def near_edit_ad(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "teddy_bear":  # a small plush teddy bear lying on the print
        return _teddy_bear(f, rng)
    if kind == "drumstick":  # a roast chicken drumstick lying on the print
        return _drumstick(f, rng)
    if kind == "balloon_whisk":  # a balloon whisk lying on the print
        return _balloon_whisk(f, rng)
    if kind == "hair_dryer":  # a hair dryer lying on the print
        return _hair_dryer(f, rng)
    if kind == "slingshot":  # a wooden catapult and its bands lying on the print
        return _slingshot(f, rng)
    if kind == "raindrop_shadows":  # the sun through a rain-spotted pane casting the drops' shadows on the print
        return _raindrop_shadows(f, rng)
    if kind == "sand_drift":  # dry sand blown over the print on a beach
        return _sand_drift(f, rng)
    if kind == "dandelion_seeds":  # dandelion seeds drifting in front of the print
        return _dandelion_seeds(f, rng)
    raise ValueError(kind)


# -- blurs -----------------------------------------------------------------------------------
def _poster_from_behind(f: np.ndarray, rng) -> np.ndarray:
    """A poster stuck on a shop window, photographed from inside the shop against the daylight: the picture seen
    from the back through the paper, turned left for right; the ink, on the far face, seen through the paper's
    thickness, its light spread by a Gaussian of 3-4.5% of the side, at least 1.3 px; 15-25% of the light scattered
    evenly through the sheet, a veil of its mean; the paper's cloudy formation, 3-6% over a smooth random field of
    2.5% of the side, at least 1 px; in the daylight's cool white, 0.95 / 0.98 / 1.04, at 92-98% of full scale
    where no ink is; the tape holding its top corners, strips 14-18% of the side long and 5% wide across them, 12%
    darker; as a camera metering on the highlights exposes it."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    t = f[:, ::-1] / 255
    s = max(1.3, side * rng.uniform(0.03, 0.045))
    t = gaussian_filter(t, (s, s, 0), mode="reflect")
    v = rng.uniform(0.15, 0.25)
    t = (1 - v) * t + v * t.mean(axis=(0, 1), keepdims=True)
    t = t * (1 + rng.uniform(0.03, 0.06) * _field((h, w), max(1.0, side * 0.025), rng))[..., None]
    out = 255 * rng.uniform(0.92, 0.98) * t * np.array([0.95, 0.98, 1.04], np.float32)
    tl, tw = side * rng.uniform(0.14, 0.18), side * 0.05
    tape = _drawn((h, w), lambda d, k: [d.polygon([(x * k, y * k) for x, y in p], fill=255) for p in (
        [(0, tl * 0.7), (tl * 0.7, 0), (tl * 0.7 + tw, tw * 0.3), (tw * 0.3, tl * 0.7 + tw)],
        [(w, tl * 0.7), (w - tl * 0.7, 0), (w - tl * 0.7 - tw, tw * 0.3), (w - tw * 0.3, tl * 0.7 + tw)])])
    out = out * (1 - 0.12 * tape[..., None])
    return _u8(_metered(out, f))


def _sun_cast_transparency(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on a transparency taped to a sunny window, its image cast by the sun onto a white wall a
    little way behind it and photographed square on: the picture stretched 1.15-1.4 times along the sun's direction
    across the wall, a random one, about the middle (its middle cropped), each point of it spread by the sun's disc,
    a uniform ellipse of radius 3.5-5.5% of the side, at least 1.5 px, drawn out by the same stretch; the sky's light
    through the film, a veil of 10-18% of the picture's mean; a glazing bar's shadow across it, horizontal or
    vertical, 3-5% of the side wide, 25-75% of the way across, softened by the same disc, taking 70-85% of the light;
    the wall's plaster, a smooth random field of 2% of the side, at least 1 px, by 2-3%, lit in a warm
    sunlight, 1.0 / 0.95-0.97 / 0.84-0.9, at 88-95% of full scale; as a camera metering on the highlights exposes
    it."""
    from scipy.signal import fftconvolve

    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    t = rng.uniform(0, np.pi)
    ux, uy = np.cos(t), np.sin(t)
    k = rng.uniform(1.15, 1.4)
    a = (xx - w / 2) * ux + (yy - h / 2) * uy
    b = -(xx - w / 2) * uy + (yy - h / 2) * ux
    sx, sy = w / 2 + (a / k) * ux - b * uy, h / 2 + (a / k) * uy + b * ux
    img = _resample(f / 255, sy, sx)
    r = max(1.5, side * rng.uniform(0.035, 0.055))
    R = int(np.ceil(r * k)) + 1
    ky, kx = np.mgrid[-R:R + 1, -R:R + 1].astype(np.float32)
    ka, kb = kx * ux + ky * uy, -kx * uy + ky * ux
    ker = np.clip(r + 0.5 - np.hypot(ka / k, kb), 0, 1)
    ker /= ker.sum()
    pad = np.pad(img, ((R, R), (R, R), (0, 0)), mode="reflect")
    img = np.stack([fftconvolve(pad[..., c], ker, mode="valid") for c in range(3)], axis=2)
    v = rng.uniform(0.1, 0.18)
    img = (1 - v) * img + v * img.mean(axis=(0, 1), keepdims=True)
    bw = side * rng.uniform(0.03, 0.05)
    at = rng.uniform(0.25, 0.75)
    u = (xx - w * at) if rng.random() < 0.5 else (yy - h * at)
    bar = np.clip((bw / 2 + r - np.abs(u)) / (2 * r), 0, 1)
    img = img * (1 - rng.uniform(0.7, 0.85) * bar)[..., None]
    wall = 1 + rng.uniform(0.02, 0.03) * _field((h, w), max(1.0, side * 0.02), rng)
    warm = np.array([1.0, rng.uniform(0.95, 0.97), rng.uniform(0.84, 0.9)], np.float32)
    out = 255 * rng.uniform(0.88, 0.95) * img * wall[..., None] * warm
    return _u8(_metered(out, f))


def blur_ad(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "poster_from_behind":  # a poster on a shop window seen from inside against the daylight
        return _poster_from_behind(f, rng)
    if kind == "sun_cast_transparency":  # a transparency's image cast by the sun on a wall behind it
        return _sun_cast_transparency(f, rng)
    raise ValueError(kind)


# -- darkening -------------------------------------------------------------------------------
SIGNALS = {"red": ((255, 70, 50), (1.0, 0.22, 0.16)), "amber": ((255, 176, 40), (1.0, 0.6, 0.18)),
           "green": ((70, 240, 160), (0.3, 1.0, 0.72))}


def _traffic_signal(f: np.ndarray, rng) -> np.ndarray:
    """The print on a wall at a crossing at night, lit only by a traffic signal standing in the picture: its head
    near the left or right edge, 3-8% of the side in from it, a dark housing, 18-24 levels, 16-20% of the side wide
    below 48 px, 12-16% above, and 2.9 times that high, its top 5-20% down, on a dark pole to the bottom edge; three
    round lenses of radius 36% of its width under visors, one lit, red at the top, amber in the middle or green at the
    bottom, bright, with a grid of LED dots from 48 px, the others dim; a glow of sigma 5-8% of the side round the lit
    one, up to 25-45 levels in its colour; the picture lit at a gain of 0.03-0.05 in a cool ambient light plus
    0.25-0.35 falling off as ``1 / (1 + (d / d0) ** 2)`` with the distance ``d`` from the lit lens, ``d0`` 30-45% of
    the side, in its colour (red 1 / 0.22 / 0.16, amber 1 / 0.6 / 0.18, green 0.3 / 1 / 0.72); noise sigma 1.2
    levels."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    hw = side * (rng.uniform(0.16, 0.2) if side < 48 else rng.uniform(0.12, 0.16))
    hh = 2.9 * hw
    inset = side * rng.uniform(0.03, 0.08)
    x0 = inset if rng.random() < 0.5 else w - inset - hw
    top = h * rng.uniform(0.05, 0.2)
    which = ("red", "amber", "green")[int(rng.integers(3))]
    lens_col, light = (np.asarray(c, np.float32) for c in SIGNALS[which])
    k = ("red", "amber", "green").index(which)
    lx, ly = x0 + hw / 2, top + hh * (k + 0.5) / 3
    d = np.hypot(xx - lx, yy - ly)
    gain = rng.uniform(0.03, 0.05) * np.array([0.85, 0.95, 1.1], np.float32) + \
        (rng.uniform(0.25, 0.35) / (1 + (d / (side * rng.uniform(0.3, 0.45))) ** 2))[..., None] * light
    out = f * gain
    big = 4
    M = _canvas(("pole", "housing", "visors", "lenses", "lit", "dots"), side * big)
    dr = {n: ImageDraw.Draw(v) for n, v in M.items()}
    X0, X1, T, B = x0 * big, (x0 + hw) * big, top * big, (top + hh) * big
    dr["pole"].rectangle(((x0 + 0.38 * hw) * big, B, (x0 + 0.62 * hw) * big, h * big), fill=255)
    dr["housing"].rectangle((X0, T, X1, B), fill=255)
    rl = 0.36 * hw * big
    for j in range(3):
        cx, cy = (X0 + X1) / 2, T + (B - T) * (j + 0.5) / 3
        dr["visors"].chord((cx - 1.25 * rl, cy - 1.3 * rl, cx + 1.25 * rl, cy + 1.0 * rl), 180, 360, fill=255)
        dr["lenses"].ellipse((cx - rl, cy - rl, cx + rl, cy + rl), fill=255)
        if j == k:
            dr["lit"].ellipse((cx - rl, cy - rl, cx + rl, cy + rl), fill=255)
            if side >= 48:
                step = rl / 3
                for gx in np.arange(cx - rl, cx + rl, step):
                    for gy in np.arange(cy - rl, cy + rl, step):
                        dr["dots"].ellipse((gx + 0.3 * step, gy + 0.3 * step, gx + 0.7 * step, gy + 0.7 * step),
                                           fill=255)
    m = {n: _down(v, side) for n, v in M.items()}
    glow = gaussian_filter(m["lit"], max(0.8, side * rng.uniform(0.05, 0.08)))
    out = out + (glow / max(float(glow.max()), 1e-6))[..., None] * rng.uniform(25, 45) * lens_col / 255
    out = _paint(out, np.maximum(m["pole"], m["housing"]), [rng.uniform(18, 24)] * 3)
    out = _paint(out, m["lenses"], (18, 16, 14))
    out = _paint(out, m["lit"], lens_col * 0.82)
    out = _paint(out, m["dots"] * m["lit"], np.minimum(lens_col * 1.15 + 30, 255))
    out = _paint(out, m["visors"] * (1 - m["lenses"]) * 0.9, (10, 10, 10))
    return _u8(np.maximum(out + rng.normal(0, 1.2, f.shape), 0))


TORCHES = ((30, 30, 34), (170, 40, 40), (40, 70, 160), (180, 182, 188))


def _torch_on_print(f: np.ndarray, rng) -> np.ndarray:
    """A dark room, a torch left switched on lying on the print, its beam raking across it: the torch 28-36% of
    the side long and 8-10% thick, black, red, blue or aluminium, a wider head 1.35 times as thick, its glowing lens
    at the front, lying with the lens 15-30% of the side from the middle in a random direction, pointing back across
    the middle give or take 25 degrees; the beam lighting the picture at a gain of up to 0.5-0.65 as ``exp(-(phi /
    phi0) ** 2) / (1 + (r / r0) ** 2)`` at ``r`` from the lens and ``phi`` off its axis, ``phi0`` 25-35 degrees,
    ``r0`` 40-60% of the side, the reflector's rings across it, 12% at a period of 10-16% of the side; a warm or cool
    white; everywhere a further 0.02-0.04 of the room's light; the torch's body lit only by the spill, at 15% of its
    colour plus 8 levels; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    t = rng.uniform(0, 2 * np.pi)
    dist = side * rng.uniform(0.15, 0.3)
    lx, ly = w / 2 + dist * np.cos(t), h / 2 + dist * np.sin(t)
    axis = t + np.pi + np.deg2rad(rng.uniform(-25, 25))
    dx, dy = xx - lx, yy - ly
    r = np.hypot(dx, dy)
    phi = np.angle(np.exp(1j * (np.arctan2(dy, dx) - axis)))
    phi0 = np.deg2rad(rng.uniform(25, 35))
    r0 = side * rng.uniform(0.4, 0.6)
    beam = np.exp(-(phi / phi0) ** 2) / (1 + (r / r0) ** 2)
    beam = beam * (1 + 0.12 * np.cos(2 * np.pi * r / (side * rng.uniform(0.1, 0.16))))
    colour = np.array([1.0, 0.93, 0.8], np.float32) if rng.random() < 0.5 else np.array([0.94, 0.98, 1.04], np.float32)
    gain = rng.uniform(0.02, 0.04) + rng.uniform(0.5, 0.65) * beam
    out = f * gain[..., None] * colour
    L, W = side * rng.uniform(0.28, 0.36), side * rng.uniform(0.08, 0.1)
    col = _pick(TORCHES, rng)
    fr = _Frame((h, w), lx - L / 2 * np.cos(axis), ly - L / 2 * np.sin(axis), axis)
    body = fr.fill([_rrect(-L / 2, -W / 2, 0.25 * L, W / 2, 0.2 * W)])
    head = fr.fill([_rrect(0.22 * L, -0.675 * W, L / 2, 0.675 * W, 0.1 * W)])
    lens = fr.fill([_rect(0.46 * L, -0.55 * W, L / 2 + 0.3, 0.55 * W)])
    out = _paint(out, np.maximum(body, head), col * 0.15 + 8)
    out = _paint(out, lens, 250 * colour)
    return _u8(np.maximum(out + rng.normal(0, 1.2, f.shape), 0))


def _projector_no_signal(f: np.ndarray, rng) -> np.ndarray:
    """The print on the wall of a dark room in the light of a projector showing its blue "no signal" screen: the
    picture lit at a gain of 0.2-0.3 in its blue, 0.3 / 0.45 / 1.0, falling to 70-85% at the corners, and in
    the message box of the projector's menu, a rectangle 40-60% of the side wide and 14-20% high, its middle 40-60%
    down, at a further 0.1-0.16 in a pale blue, 0.5 / 0.62 / 1.0, with a line of made-up glyphs 45% of its height
    across 70% of its width lit at a further 0.25 in white; everything as light falling on the print, so nothing
    shows on its black; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    yy, xx = _pixels(h, w)
    rr = np.hypot(xx - w / 2, yy - h / 2) / np.hypot(w / 2, h / 2)
    fall = 1 - (1 - rng.uniform(0.7, 0.85)) * rr ** 2
    light = (rng.uniform(0.2, 0.3) * fall)[..., None] * np.array([0.3, 0.45, 1.0], np.float32)
    bw, bh = w * rng.uniform(0.4, 0.6), h * rng.uniform(0.14, 0.2)
    bx, by = (w - bw) / 2, h * rng.uniform(0.4, 0.6) - bh / 2
    box = _drawn((h, w), lambda d, k: d.rectangle((bx * k, by * k, (bx + bw) * k, (by + bh) * k), fill=255))
    gh = 0.45 * bh
    text = _drawn((h, w), lambda d, k: _glyph_line(d, k, bx + 0.15 * bw, bx + 0.85 * bw, by + 0.28 * bh, gh,
                                                   max(0.4, 0.12 * gh), rng))
    light = light + (rng.uniform(0.1, 0.16) * box)[..., None] * np.array([0.5, 0.62, 1.0], np.float32)
    light = light + (0.25 * text * box)[..., None]
    out = f * light
    return _u8(np.maximum(out + rng.normal(0, 1.2, f.shape), 0))


def dark_ad(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "traffic_signal":  # at night, lit only by a traffic signal standing in the picture
        return _traffic_signal(f, rng)
    if kind == "torch_on_print":  # a dark room, a torch lying on the print, its beam raking across it
        return _torch_on_print(f, rng)
    if kind == "projector_no_signal":  # lit only by a projector's blue "no signal" screen
        return _projector_no_signal(f, rng)
    raise ValueError(kind)


# -- outliers --------------------------------------------------------------------------------
def _stone_circle(size: int, rng) -> dict:
    """A stone circle on a grassy plain: the horizon 45-58% of the way down, a low hill line on it; 8-12 standing
    stones on an ellipse of semi-axes 36-42% and 8-11% of the side round a point 18-22% below the horizon, each an
    upright slab 7-10% of the side wide and 20-28% high at the front, scaled down to 70% towards the back, its shaded
    side a third of its width, a lintel 4.5% of the side thick across every other pair of neighbours at the back,
    1-2 fallen stones lying in front, and their shadows on the grass to one side (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("ground", "hill", "shadows", "stones", "shade", "lintels"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    hz = big * rng.uniform(0.45, 0.58)
    d["ground"].rectangle((0, hz, big, big), fill=255)
    k, ph = rng.uniform(3, 6), rng.uniform(0, 2 * np.pi)
    hill = [(x, hz - big * (0.03 + 0.025 * np.sin(x / big * k + ph))) for x in np.linspace(0, big, 24)]
    d["hill"].polygon(hill + [(big, hz), (0, hz)], fill=255)
    n = int(rng.integers(8, 13))
    a, b = big * rng.uniform(0.36, 0.42), big * rng.uniform(0.08, 0.11)
    cx, cy = big * rng.uniform(0.46, 0.54), hz + big * rng.uniform(0.18, 0.22)
    sw, sh = big * rng.uniform(0.07, 0.1), big * rng.uniform(0.2, 0.28)
    sdir = rng.choice([-1.0, 1.0])
    angs = np.linspace(0, 2 * np.pi, n, endpoint=False) + rng.uniform(0, 2 * np.pi)
    pts = sorted(((cx + a * np.cos(t), cy + b * np.sin(t)) for t in angs), key=lambda p: p[1])
    tops = []
    for j, (x, y) in enumerate(pts):
        s = 0.7 + 0.3 * (y - (cy - b)) / (2 * b)
        ww, hh = sw * s * rng.uniform(0.85, 1.15), sh * s * rng.uniform(0.85, 1.1)
        d["shadows"].polygon([(x - ww / 2, y), (x + ww / 2, y), (x + ww / 2 + sdir * 0.6 * hh, y + 0.12 * hh),
                              (x - ww / 2 + sdir * 0.6 * hh, y + 0.12 * hh)], fill=255)
        d["stones"].rectangle((x - ww / 2, y - hh, x + ww / 2, y), fill=255)
        xs = (x + ww / 6, x + ww / 2) if sdir > 0 else (x - ww / 2, x - ww / 6)
        d["shade"].rectangle((xs[0], y - hh, xs[1], y), fill=255)
        tops.append((x, y - hh, ww))
    back = [p for p in tops if p[1] < cy - 0.3 * sh]
    back.sort(key=lambda p: p[0])
    for p, q in zip(back[0::2], back[1::2]):
        if abs(q[0] - p[0]) < 0.35 * big:
            yl = min(p[1], q[1])
            d["lintels"].rectangle((p[0] - p[2] / 2, yl - 0.045 * big, q[0] + q[2] / 2, yl), fill=255)
    for _ in range(int(rng.integers(1, 3))):
        x, y = cx + rng.uniform(-0.6, 0.6) * a, cy + b * rng.uniform(1.1, 1.6)
        d["stones"].rectangle((x - 0.45 * sh, y - 0.7 * sw, x + 0.45 * sh, y), fill=255)
        d["shade"].rectangle((x - 0.45 * sh, y - 0.25 * sw, x + 0.45 * sh, y), fill=255)
    return {k: _down(v, size) for k, v in M.items()}


def _lifeguard_tower(size: int, rng) -> dict:
    """A lifeguard tower on a beach: the sea from the horizon, 38-48% of the way down, to the shore 55-62% down, with
    2-3 white lines of surf, sand below; a hut 26-34% of the side wide and 18-24% high with a roof overhanging by 10%,
    a dark window band and a door, on a deck on four stilts (two seen) 4% of the side thick with an X of bracing,
    their feet 82-90% down; a ramp from the deck's edge down to the sand, with rungs; a flag on a pole on the roof
    (0-1 coverage each)."""
    big = 4 * size
    names = ("sea", "surf", "sand", "stilts", "deck", "hut", "roof", "window", "ramp", "rungs", "pole", "flag",
             "shadow")
    M = _canvas(names, big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    hz, sh = big * rng.uniform(0.38, 0.48), big * rng.uniform(0.55, 0.62)
    d["sea"].rectangle((0, hz, big, sh), fill=255)
    d["sand"].rectangle((0, sh, big, big), fill=255)
    for _ in range(int(rng.integers(2, 4))):
        y = rng.uniform(hz + 0.02 * big, sh - 0.01 * big)
        d["surf"].line([(x, y + 0.006 * big * np.sin(x / big * 20 + y)) for x in np.linspace(0, big, 30)], fill=255,
                       width=max(1, round(0.008 * big)))
    hw, hh = big * rng.uniform(0.26, 0.34), big * rng.uniform(0.18, 0.24)
    cx = big * rng.uniform(0.4, 0.6)
    foot = big * rng.uniform(0.82, 0.9)
    deck = foot - big * rng.uniform(0.2, 0.26)
    lw = 0.04 * big
    for x in (cx - 0.42 * hw, cx + 0.42 * hw):
        d["stilts"].rectangle((x - lw / 2, deck, x + lw / 2, foot), fill=255)
    x0, x1 = cx - 0.42 * hw, cx + 0.42 * hw
    d["stilts"].line([(x0, deck + 0.02 * big), (x1, foot - 0.02 * big)], fill=255, width=max(1, round(0.012 * big)))
    d["stilts"].line([(x1, deck + 0.02 * big), (x0, foot - 0.02 * big)], fill=255, width=max(1, round(0.012 * big)))
    d["shadow"].ellipse((cx - 0.7 * hw, foot - 0.02 * big, cx + 0.9 * hw, foot + 0.05 * big), fill=255)
    d["deck"].rectangle((cx - 0.6 * hw, deck - 0.03 * big, cx + 0.6 * hw, deck), fill=255)
    d["hut"].rectangle((cx - hw / 2, deck - 0.03 * big - hh, cx + hw / 2, deck - 0.03 * big), fill=255)
    rt = deck - 0.03 * big - hh
    d["roof"].polygon([(cx - 0.6 * hw, rt), (cx + 0.6 * hw, rt), (cx + 0.5 * hw, rt - 0.07 * big),
                       (cx - 0.5 * hw, rt - 0.07 * big)], fill=255)
    d["window"].rectangle((cx - 0.42 * hw, rt + 0.18 * hh, cx + 0.42 * hw, rt + 0.48 * hh), fill=255)
    d["window"].rectangle((cx + 0.12 * hw, rt + 0.55 * hh, cx + 0.34 * hw, deck - 0.03 * big), fill=255)
    s = rng.choice([-1.0, 1.0])
    e = cx + s * 0.6 * hw
    far = e + s * big * rng.uniform(0.2, 0.28)
    d["ramp"].polygon([(e, deck - 0.03 * big), (e, deck), (far, foot), (far, foot - 0.03 * big)], fill=255)
    for u in np.linspace(0.1, 0.9, 6):
        x, y = e + (far - e) * u, deck + (foot - deck) * u
        d["rungs"].line([(x, y - 0.03 * big), (x, y)], fill=255, width=max(1, round(0.01 * big)))
    px = cx - s * 0.35 * hw
    d["pole"].line([(px, rt - 0.07 * big), (px, rt - 0.22 * big)], fill=255, width=max(1, round(0.012 * big)))
    d["flag"].polygon([(px, rt - 0.22 * big), (px + s * 0.1 * big, rt - 0.19 * big), (px, rt - 0.16 * big)],
                      fill=255)
    return {k: _down(v, size) for k, v in M.items()}


def _camel(size: int, rng) -> dict:
    """A camel in the desert seen from the side: the sand from the horizon, 50-62% of the way down, with the ridge of
    a dune; a body, an ellipse of semi-axes 20-23% and 10-12% of the side, one hump, or two, of radius 9-11%, four
    long legs 3.5% of the side thick with knees, the far pair darker, a neck curving forwards and down from the
    shoulder and up to a small head with an ear and an eye, a thin tail; its shadow on the sand; facing either way
    (0-1 coverage each)."""
    big = 4 * size
    names = ("sand", "dune", "shadow", "far_legs", "body", "humps", "legs", "neck", "head", "eye", "tail")
    M = _canvas(names, big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    hz = big * rng.uniform(0.5, 0.62)
    d["sand"].rectangle((0, hz, big, big), fill=255)
    d["dune"].polygon([(x, hz + big * (0.04 + 0.03 * np.sin(x / big * 4 + 1))) for x in np.linspace(0, big, 20)]
                      + [(big, big), (0, big)], fill=255)
    ground = big * rng.uniform(0.84, 0.9)
    a, b = big * rng.uniform(0.2, 0.23), big * rng.uniform(0.1, 0.12)
    cx, cy = big * rng.uniform(0.42, 0.5), ground - big * 0.3 - b * 0.5
    lt = 0.035 * big
    d["shadow"].ellipse((cx - 1.2 * a, ground - 0.015 * big, cx + 1.3 * a, ground + 0.03 * big), fill=255)
    for x, key, k in ((cx - 0.55 * a + 0.04 * big, "far_legs", 1), (cx + 0.5 * a + 0.04 * big, "far_legs", -1),
                      (cx - 0.65 * a, "legs", -1), (cx + 0.45 * a, "legs", 1)):
        knee = (x + k * 0.015 * big, cy + b + 0.12 * big)
        d[key].line([(x, cy + 0.5 * b), knee, (x, ground)], fill=255, width=max(1, round(lt)), joint="curve")
    d["body"].ellipse((cx - a, cy - b, cx + a, cy + b), fill=255)
    hr = big * rng.uniform(0.09, 0.11)
    for hxx in ((cx,) if rng.random() < 0.5 else (cx - 0.45 * a, cx + 0.4 * a)):
        d["humps"].chord((hxx - hr, cy - b * 0.6 - hr, hxx + hr, cy - b * 0.6 + hr), 180, 360, fill=255)
    sx, sy = cx + 0.85 * a, cy - 0.3 * b
    low = (cx + 1.35 * a, cy + 0.2 * b)
    hx, hy = cx + 1.55 * a, cy - 1.6 * b
    path = np.concatenate([_curve((sx, sy), low, 0.02 * big, 12), _curve(low, (hx, hy + 0.03 * big), -0.03 * big, 12)])
    d["neck"].polygon([tuple(p) for p in _tube(path, np.linspace(0.05 * big, 0.03 * big, len(path)))], fill=255)
    d["head"].polygon([tuple(p) for p in _ellipse(hx + 0.03 * big, hy, 0.065 * big, 0.03 * big, 0.35, 16)], fill=255)
    d["head"].polygon([(hx - 0.02 * big, hy - 0.02 * big), (hx - 0.01 * big, hy - 0.05 * big),
                       (hx + 0.005 * big, hy - 0.02 * big)], fill=255)
    d["eye"].ellipse((hx - 0.006 * big, hy - 0.012 * big, hx + 0.006 * big, hy), fill=255)
    d["tail"].line([(cx - a, cy - 0.2 * b), (cx - a - 0.03 * big, cy + 0.9 * b)], fill=255,
                   width=max(1, round(0.01 * big)))
    m = {k: np.asarray(v, np.float32) for k, v in M.items()}
    if rng.random() < 0.5:
        m = {k: v[:, ::-1] for k, v in m.items()}
    return {k: _down(Image.fromarray(v.astype(np.uint8)), size) for k, v in m.items()}


SKIES_AD = ((140, 186, 232), (196, 214, 228), (236, 180, 130))
GRASS_AD = ((96, 140, 64), (150, 150, 90), (120, 130, 80))
HUTS = ((244, 204, 40), (210, 50, 40), (40, 110, 190), (60, 180, 170), (236, 130, 170), (240, 240, 236))
SANDS_AD = ((226, 206, 160), (214, 186, 136), (236, 196, 140))


def outlier_ad(name: str, kind: str, size: int, lo: int, hi: int, rng) -> np.ndarray:
    photos = name.startswith("photos")
    ground = lambda col: np.ones((size, size, 3), np.float32) * np.asarray(col, np.float32)  # noqa: E731
    tone = lambda t: [lo + (hi - lo) * t] * 3  # noqa: E731
    if kind == "stone_circle":
        m = _stone_circle(size, rng)
        if photos:  # grey stones on green or ochre grass under a blue, overcast or evening sky
            grass = _pick(GRASS_AD, rng)
            stone = np.asarray([rng.uniform(150, 185)] * 3, np.float32) * np.array([1.0, 0.98, 0.94], np.float32)
            out = _paint(_paint(ground(_pick(SKIES_AD, rng)), m["hill"], grass * 0.75), m["ground"], grass)
            out = _paint(_paint(out, m["shadows"], grass * 0.55), m["stones"], stone)
            return _u8(_paint(_paint(out, m["shade"], stone * 0.62), m["lintels"], stone * 0.9))
        out = _paint(_paint(ground([lo] * 3), m["hill"], tone(0.15)), m["ground"], tone(0.25))
        out = _paint(_paint(out, m["shadows"], tone(0.1)), m["stones"], tone(0.85))
        return _u8(_paint(_paint(out, m["shade"], tone(0.55)), m["lintels"], tone(0.75)))
    if kind == "lifeguard_tower":
        m = _lifeguard_tower(size, rng)
        if photos:  # a bright hut on wooden stilts over sand, a blue sea with white surf, a sky
            hut = _pick(HUTS, rng)
            sand = _pick(SANDS_AD, rng)
            out = _paint(_paint(ground(_pick(SKIES_AD[:2], rng)), m["sea"], (40, 110, 170)), m["surf"] * m["sea"],
                         (240, 246, 250))
            out = _paint(_paint(out, m["sand"], sand), m["shadow"] * m["sand"], sand * 0.7)
            out = _paint(_paint(out, m["stilts"], (150, 110, 70)), m["ramp"], (170, 130, 86))
            out = _paint(_paint(out, m["rungs"] * m["ramp"], (110, 80, 50)), m["deck"], (150, 110, 70))
            out = _paint(_paint(out, m["hut"], hut), m["roof"], hut * 0.55 + 90)
            out = _paint(_paint(out, m["window"], (30, 40, 50)), m["pole"], (200, 200, 200))
            return _u8(_paint(out, m["flag"], (220, 40, 30)))
        out = _paint(_paint(ground([lo] * 3), m["sea"], tone(0.35)), m["surf"] * m["sea"], tone(0.9))
        out = _paint(_paint(out, m["sand"], tone(0.6)), m["shadow"] * m["sand"], tone(0.4))
        out = _paint(_paint(out, m["stilts"], tone(0.3)), m["ramp"], tone(0.45))
        out = _paint(_paint(out, m["rungs"] * m["ramp"], tone(0.2)), m["deck"], tone(0.3))
        out = _paint(_paint(out, m["hut"], tone(0.95)), m["roof"], tone(0.7))
        out = _paint(_paint(out, m["window"], tone(0.05)), m["pole"], tone(0.8))
        return _u8(_paint(out, m["flag"], tone(1.0)))
    if kind == "camel":
        m = _camel(size, rng)
        if photos:  # a tawny camel on golden sand under a blue or hazy sky
            fur = np.asarray([rng.uniform(170, 200), rng.uniform(130, 150), rng.uniform(80, 100)], np.float32)
            sand = _pick(SANDS_AD, rng)
            out = _paint(_paint(ground(_pick(SKIES_AD, rng)), m["sand"], sand), m["dune"], sand * 0.88)
            out = _paint(_paint(out, m["shadow"], sand * 0.65), m["far_legs"], fur * 0.75)
            out = _paint(_paint(out, m["body"], fur), m["humps"], fur * 0.95)
            out = _paint(_paint(out, m["legs"], fur * 0.92), m["neck"], fur)
            out = _paint(_paint(out, m["head"], fur * 0.95), m["tail"], fur * 0.7)
            return _u8(_paint(out, m["eye"], (20, 16, 14)))
        out = _paint(_paint(ground([lo] * 3), m["sand"], tone(0.3)), m["dune"], tone(0.2))
        out = _paint(_paint(out, m["shadow"], tone(0.1)), m["far_legs"], tone(0.55))
        out = _paint(_paint(out, m["body"], tone(0.8)), m["humps"], tone(0.8))
        out = _paint(_paint(out, m["legs"], tone(0.75)), m["neck"], tone(0.8))
        out = _paint(_paint(out, m["head"], tone(0.8)), m["tail"], tone(0.55))
        return _u8(_paint(out, m["eye"], tone(0.0)))
    raise ValueError(kind)


# -- label noise -----------------------------------------------------------------------------
def sampled_teacher_flips(base: list[np.ndarray], labels: list, classes: list, candidates: list, count: int,
                          rng) -> dict[int, object]:
    """``count`` examples to flip and their new labels: a distillation pipeline labelled a shard of the set with its
    teacher's softened predictions *sampled* (not their argmax): the teacher's probabilities a softmax of minus the
    squared distances of the picture's 8 x 8 grey thumbnail (standardised) to every class's mean thumbnail over the
    whole set, over a temperature of 1.5-2.5 times the median, over the eligible pictures, of the gap between their
    nearest two classes' distances; the eligible pictures worked through in a random order, each given its sampled
    class, until the flips needed are made (another pass over the pictures not flipped if they run out)."""
    lab = np.asarray([classes.index(v) for v in labels])
    t_all = _thumbs(base)
    means = np.stack([t_all[lab == k].mean(axis=0) if (lab == k).any() else np.full(t_all.shape[1], 1e6)
                      for k in range(len(classes))])
    cand = np.asarray(candidates, dtype=int)
    d2 = ((t_all[cand][:, None, :] - means[None]) ** 2).sum(axis=2)
    d2 = d2 - d2.min(axis=1, keepdims=True)
    own = lab[cand]
    srt = np.sort(d2, axis=1)
    temp = rng.uniform(*SOFTNESS) * float(np.median(srt[:, 1] - srt[:, 0]))
    p = np.exp(-d2 / max(temp, 1e-6))
    p /= p.sum(axis=1, keepdims=True)
    out: dict[int, object] = {}
    order = rng.permutation(len(cand))
    for _ in range(50):
        for j in order:
            if len(out) >= count:
                return out
            i = int(cand[j])
            if i in out:
                continue
            k = int(rng.choice(len(classes), p=p[j]))
            if k != own[j]:
                out[i] = classes[k]
    return out


# -- planting ------------------------------------------------------------------------------
def plant_issues_ad(images, labels, out_dir, *, name: str, random_state: int = 0) -> PlantedDataset:
    """Generator AD's problems (module docstring). A set whose name ends in ``_jpeg`` is written as JPEG files at a
    quality drawn from 64-86 each; the others as PNG. The planting is I's (:func:`_heldout_i.plant_generator`)."""
    return plant_generator(
        images, labels, out_dir, name=name, rates=RATES_AD, seed=300_000 + random_state,
        quality_seed=305_000 + random_state, jpeg_quality=JPEG_QUALITY,
        flips=sampled_teacher_flips,
        **by_family(name, outlier=(outlier_ad, OUTLIERS_AD), blur=(blur_ad, BLURS_AD), dark=(dark_ad, DARKS_AD),
                    near=(near_edit_ad, NEAR_EDITS_AD)))
