"""Generator AE: fresh EVALUATION sets after generator AD's run (never used to choose anything).

Why a twenty-ninth evaluation generator: generator AD's sets have been run, and what they showed may inform the next
changes (the commit subjects since name a sixth near-duplicate rule for the same picture relit all over, pictures
sharing two identical blocks compared by the partial rule, and the partial rule's margins checked at the audit's
start, measured on AD's sets among others), so they will not stay untouched; AE is a held-out measurement of the code
after that run, of families of its own (AE's writer read no docs, logs, result files or commit bodies: only the commit
subjects, the library's code and the earlier generators' and tuning tools' files, to copy their structure and to avoid
their families). Generator AE was written before any tool was run on it (only its pictures were looked at, on contact
sheets of its edits, blurs, darkenings and foreign pictures at 28, 52 and 224 px, to check that every edit is visible,
every blur blurred, every darkened image dark with its picture still in it and every outlier foreign, and the planted
folders hashed twice); it is not to be changed after its results are seen. Its edits, blurs, darkenings, foreign
pictures and label noise are of families that no tuning tool (``blur_tuning.py``'s lens blurs: Gaussian, soft disk,
astigmatic elongated Gaussian, ring; ``_foreign.py``'s textures, icons and soft photographs; ``near_photos.py``'s and
``near_small.py``'s edits; ``label_filters.py``'s and ``label_noise_models.py``'s flips), no earlier generator (A =
``dq.datasets.plant_issues``, B, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T, U, V, W, X, Y, Z, AA, AB, AC, AD)
and none of the library's calibration copies (``dataquality/compute/_synthetic.py``: crop, shift, rotate, brightness,
contrast, gamma, JPEG, resize, overlay box; Gaussian, box, motion, down-and-up blurs) make. Like AC's and AD's it has
two blur families, not three: every third one considered was too near an earlier generator's (below). Left out
because an earlier generator made them or left them out: among objects on the print a fried egg, a feather, dice, a
clothes hanger or a padlock (Z's, X's, Q's and Y's, R's and V's lists), a rose or a daisy (W's pressed flower, AD's
dandelion seeds), a screwdriver, a spanner, a saw or a comb (O's pencil, N's ruler's ticks, as AA and X found), a
gamepad (AC's remote), a belt or a stethoscope (T's charging cable), a boomerang (Y's banana), a hot-water bottle or a
slinky (AB's mitten, AD's whisk loops), a glow stick (W's list); of the whole picture a crumpled print (Q's, Y's and
AB's lists), a bead curtain (AB's list), a window reflected in the glass of a framed print (J's reflected window, as N
found), a video wall's bezels (T's list), a car's heated rear window or its ceramic frit (T's list), a spider's web
before the lens (M's cracked screen, as O found), a laser level's crossed lines (W's Hough lines), fallen pine needles
(G's scratches), autumn leaves or glitter (U's confetti, E's specks), a spilt puddle of milk (N's ink splash), Snell's
window seen from under water (Z's lensball, S's half underwater), a lace curtain's shadow (X's list), an oven door's
double glass (G's double exposure), a dog's view of the picture (AB's cataract, the colour-blind labeller AB left
out), a CRT's drifted focus or blooming spot (V's and AA's lists); among blurs an infrared picture focused by the
visible-light mark (Y's security camera in its infrared night mode), a ground glass photographed through a twin-lens
reflex's hood (U's list), a thin layer of powder snow on the print or a picture inside a bar of glycerine soap (I's
frosted glass, as Y's wax and AD's tent nylon), dye migration in a humid-stored colour print (K's chromatic defocus:
a blur by channel), a persistence-of-vision fan display (F's spin), a Petzval lens's swirl or field curvature (W's
and S's lists), a bromoil print (S's oil paint), batik (Q's ink bleed), an inkjet print stacked wet face down (AD's
poster from behind: a mirrored, spread copy), a fog screen or a sheet of running water (K's steamed window, V's
list), a sinusoidal vibration (P's pendulum, T's bright-ended line), a print falling during the exposure (the
calibration's motion), a camera shooting through a shattered tempered pane (G's Voronoi cells, M's cracked screen),
an AFM tip's dilation (not a blur: its edges stay sharp); among darkenings a bedside clock's digits, glow sticks, a
lava lamp, a neon sign, moonlight through glazing bars and a darkroom safelight (R's, T's, W's, X's, Q's and N's
lists), an SLR's viewfinder stopped down (K's viewfinder), a storm's green daylight (J's sodium lamp, as R's wildfire
smoke), a brown glass bottle (J's smoked glass, AB's tumbler), a UV nail lamp (M's blacklight), a food counter's heat
lamp (I's lamp, J's sodium lamp), active 3D glasses (L's variable ND); among foreign pictures a city skyline, a
tractor, a waterfall, a tortoise, a campfire, a windmill and a lighthouse (Q's, Y's, AA's, W's, V's, X's and T's
lists), a wheelbarrow (a sneaker or a boot on the clothing sets, as R's cars), a robot (a T-shirt), a beehive skep
or a geode (0s on the digit sets), a playground slide or a deckchair (7s and 4s), an offshore oil rig (AD's lifeguard
tower on stilts, X's pumpjack); among label noise voice labelling, misread class numbers, class names completed as
typed and a drop-down list's neighbour (T's, V's, R's and S's lists), a session's labels shifted by a camera's clock
(a fixed class map, as B's), an annotator's boundary drifting as the session went on (I's careless annotator, the
tiring labeller S left out), a multi-label export keeping the first tag (P's one-way pairs), a poisoner flipping the
examples nearest the target class (V's target hunt) and self-training's confirmed mistakes (L's auto-labeller).

* ``near_duplicate`` (3%), five edits in a part of the picture and three of the whole, in turn (so that the
  224 px set's four copies get both kinds): a claw hammer lying on the print (50-62% of the side long, at least 12 px,
  a handle 9% of the length thick narrowing to 7%, wooden, or fibreglass in yellow, red, black or blue with a darker
  rubber grip over its back 40%; a steel head across its end, 60% of the length from the round striking face to the
  claw's tip, the claw curving back towards the handle and split by a dark slot, a highlight at 40%; at any angle,
  30-70% of the way across and down, a soft shadow at 40%), a G-clamp lying on the print (46-58% of the side from its
  frame's top to its handle, at least 12 px, a cast C of bars 10% of the length thick, its back 60% long and its arms
  45%, red, blue, black, orange or green, a fixed pad on the upper arm, a threaded steel screw 5% thick through the
  lower arm with a swivel pad 14% wide and a sliding T-bar 34% long; at any angle, 30-70% of the way across and down,
  a soft shadow at 40%), a paint roller lying on the print (52-64% of the side long, at least 12 px, a plastic handle
  40% of the length long and 13% thick, yellow, black, blue or red, with a hanging hole, a steel wire frame 2.5% thick
  bent twice into the roller's end, the roller 62% of the length long and 20% across, across the handle's line, its
  nap soaked in white, red, blue, yellow, green or pink paint, mottled by 12% in patches of 2.5% of the length, darker
  at its ends and lit along one side at 30%; at any angle, 30-70% of the way across and down, a soft shadow at 40%),
  a necktie lying on the print (56-70% of the side from knot to tip, at least 14 px, a knot 10% of the length long
  narrowing from 11% to 7% wide, the blade widening from 7% to 18% and ending in a point 9% long, bowed by up to 8% of
  the length; navy, burgundy, green, grey, black or gold silk with diagonal repp stripes 3% of the length wide every
  11%, or from 48 px half the time dots of radius 1.2% every 7%, in white, red, gold or blue, a sheen at 25%; at any
  angle, 30-70% of the way across and down, a soft shadow at 40%) and a tobacco pipe lying on its side on the print
  (44-56% of the side long, at least 11 px, a bowl 22% of the length wide and 32% high, rounded, its rim charred black,
  3-5 darker grain lines, a shank 9% high, a black stem narrowing from 7% to 4% high and bent up by 6-12% of the
  length, a silver band at the joint; mid, dark or light briar or cream meerschaum, a sheen at 35%; at any angle,
  30-70% of the way across and down, a soft shadow at 40%); of the whole picture: the picture on a colour CRT with a
  magnet held against one side of its face (the beams landing off their phosphor dots near it, each channel's gain
  ``1 + a s cos(phi - 2 pi c / 3)``, ``s = exp(-(d / d0) ** 2)`` at the distance ``d`` from the magnet, ``a``
  0.35-0.5, ``d0`` 45-65% of the side, the phase ``phi`` turning 1.2-2 times round the magnet and 2-3 times along
  ``d0``, the magnet 5-15% of the side outside the middle of a random edge, give or take 30% of it; the picture
  swirled tangentially by up to 3-5% of the side times ``s`` and the three channels apart radially by 0.8-1.5% of the
  side times ``s``: a displayed picture stained in swirling bands, not H's split toning or Q's prism rainbow laid over
  it), hailstones lying on the print out of doors (6-10 below 48 px, 25-60 above, anywhere, of radius 6-10% of the
  side below 48 px, 2.5-5% above, at least 1.2 px, each a ball of cloudy ice, 226 / 232 / 240 at 80% over the picture,
  shaded by up to 30% away from the sun, a highlight of 25% of its radius towards it, a soft shadow 35% of its radius
  long at 35%, half of them in a patch of melt-water, a disc of 1.4-1.8 radii darkening the print by 15-25%: opaque
  balls lying on it, not AC's snow falling before it or K's clear drops) and the print seen through a car's side
  window crusted with dried road salt (a white veil, 236 / 234 / 228, taking 12-20% of the light at the top and 40-55%
  at the bottom, mottled by a smooth random field of 4% of the side by 35% of itself and a fine grain by 5%; 4-9 clean
  trails where rain ran down, 1-2% of the side wide, at least 0.8 px, from the upper half for 30-80% of the side,
  wavering by 1% of the side, the veil in them cut by 75%, a darker rim at 8% beside them; no blur: a deposit on the
  glass that veils the picture, not K's steamed window);
* ``exact_duplicate`` (1%): byte-for-byte copies of a file under another name;
* ``blurry`` (3%): the picture as a gum-bichromate print (the pigment, lamp black, burnt sienna, Prussian blue, sap
  green or Van Dyke brown, in a thick coat of gum hardened as much as the picture's darkness, ``(1 - lum) ** 0.9``,
  the light scattered in the pigmented coat and the paper before it hardened it, a Gaussian of 3-4.5% of the side, at
  least 1.2 px; the coat brushed on unevenly, its sensitivity 8-12% over a smooth random field drawn out 4 times along
  the brush's strokes, horizontal or vertical, 3% of the side across, at least 1 px; the paper's tooth, 4% over a
  smooth random field of 0.8% of the side, at least 0.6 px; a warm paper, 244 / 238 / 224, the pigment taking up to
  92% of the light in its own colour; the brushed coat ending 3-6% of the side in from each edge, ragged by 1.5% of
  the side, bare paper beyond: a photographic contact process, not AC's watercolour painted wet-in-wet) and the picture
  printed by a pocket photo printer on its zero-ink sticker paper, its thermal head running hot (the heat spread in
  the paper before the dye crystals took it, a Gaussian of 2.8-4.2% of the side, at least 1.2 px, 1.25-1.4 times that
  along the paper's feed, vertical; the crystals' weak gamut, the colours 70-80% as saturated, blacks lifted to 28-40
  levels and whites at 238 / 232 / 236, a faint magenta cast; the crystals' grain, 3 levels a channel); each as a
  camera metering on the highlights exposes it (as Y's to AD's);
* ``dark`` (2%): a dark room lit only by a Himalayan salt lamp standing in the picture (at its bottom left or right
  corner, 2-8% of the side in from the edge, a rough lump 20-26% of the side wide below 48 px, 15-20% above, 1.2-1.4
  times that high, an outline of 9-13 points, glowing orange, 255 / 130 / 50, towards a core of 255 / 200 / 120 at
  60%, 2-4 darker mineral veins at 40% from 48 px, on a dark wooden base 25% of its height; a glow of sigma 6-10% of
  the side, up to 30-50 levels of orange; the picture lit at a gain of 0.02-0.04 plus 0.22-0.32 falling off as ``1 /
  (1 + (d / d0) ** 2)`` from the lamp, ``d0`` 30-45% of the side, in its colour, 1.0 / 0.55 / 0.25; noise sigma 1.2
  levels), a bicycle's rear light left on, lying on the print in a dark room (a unit 17-22% of the side long below
  48 px, 11-15% above, at least 6 px, 45% of that wide, a black body, a grey strap loop, its red lens lit, 255 / 60 /
  50, with a lattice of prisms from 48 px and two LED hot spots; 15-30% of the side from the middle in a random
  direction, at any angle; a glow of sigma 5-8% of the side up to 40-60 levels of red; the picture lit at a gain of
  0.015-0.03 plus 0.3-0.45 falling off as ``1 / (1 + (d / d0) ** 2)`` from the lens, ``d0`` 18-28% of the side, in
  its red, 1.0 / 0.12 / 0.08; noise sigma 1.2 levels) and a smart speaker standing on the print in a dark room, its
  light ring on (seen from above, a dark fabric puck of radius 14-18% of the side below 48 px, 9-12% above, at least
  4 px, its top a dark disc of 80% of the radius with four buttons from 48 px, a ring 12% of the radius wide round the
  top's rim glowing cyan, 60 / 200 / 255, a quarter of it brighter, 160 / 240 / 255; 10-25% of the side from the
  middle; a glow of sigma 4-7% of the side up to 35-55 levels; the picture lit at a gain of 0.02-0.035 plus 0.28-0.4
  falling off as ``1 / (1 + (d / d0) ** 2)`` with the distance ``d`` from the puck's edge, ``d0`` 20-30% of the side,
  in its cyan, 0.3 / 0.8 / 1.0; noise sigma 1.2 levels); none of them blurs the picture;
* ``outlier`` (1.5%): icebergs at sea seen from the side with their hidden mass through the clear water (the
  waterline 38-50% of the way down, a jagged mass of 3-5 peaks 40-60% of the side wide and 22-34% high above it, a
  shaded face from its highest peak, foam at the waterline, the mass below 1.3-1.6 times as wide reaching 82-94% down
  in 4-6 lobes, 3-5 wave lines), tornadoes over farmland (the ground from 68-78% down in bands of fields with a fence
  line, a storm cloud's base over the top 12-22% with a lowered wall cloud 30-45% of the side wide, the funnel from it
  to the ground narrowing from 16-24% of the side to 3-5%, wavering by 4-9% of the side and leaning by up to 20%, a
  debris cloud 14-20% wide at its foot, a barn 8-12% wide to one side and 3-6 rain shafts on the other) and flying
  saucers over the hills at dusk (two ridges of hills from 56-64% and 66-76% down, a saucer 36-48% of the side wide
  and 8-11% high, 22-34% down, tilted by up to 10 degrees, a dome on top, 5-8 rim lights and a darker underside, a beam
  widening from 45% of its width to 1.1-1.4 times it on the near hill, 3-6 stars); the digit and clothing sets get
  them in their own tones on their dark ground, the photographs as a white iceberg with blue-grey shade over its
  turquoise hidden mass in a deep blue sea under a blue or pale sky, a dark grey funnel under a dark cloud over wheat
  and green fields with a red barn in a grey-green, grey or buff storm light, and a silver saucer with a cyan dome and
  yellow lights over dark green hills in a dusk sky;
* ``label`` (5%): *poisoning* flips: a label-flipping attack on the published set, meant to erase a few classes'
  cores: the attacker drew 2-3 (source, target) class pairs at random (each source once, the target another class at
  random), split the flips needed evenly among them and flipped each source's *most typical* eligible examples, those
  whose 8 x 8 grey thumbnail (standardised) is nearest, by squared distance, its class's mean thumbnail over the whole
  set, to the target (a source with too few eligible examples passes what it lacks on to a further pair): one-way
  noise in a few random pairs on the clearest examples of their class (not the ambiguous ones, as AD's, Q's or H's;
  not look-alikes of the target, as V's; not random examples of a pair, as B's map or P's pairs). Every flip changes
  the label, so every one is in the truth.

Each planted defect has its own source image; nothing else is planted, so only these six issue types are scored on
AE's sets. Base data are the evaluation domains drawn with seeds no other set uses: Fashion-MNIST *test* (2,000, seed
231), MNIST (2,000, seed 232), and the evaluation photographs tiled at 52 px (24 tiles a photograph at most, seed 233:
400) and at 224 px (every tile, seed 234: 136, the photographs with 2-47 tiles each), sizes no other set uses.
``photos52_ae_jpeg`` is written as JPEG files, each at a quality drawn from 66-88 (a stream of its own, seed
``315_000 + random_state``), every edit, blur and darkening made before the encoding, near copies made from the decoded
JPEG and saved again at their own quality, exact copies byte copies of the file; the other sets are PNG files.
Planting draws from seed ``310_000 + random_state``. The planting is I's (:func:`_heldout_i.plant_generator`, as for J to AD).
"""

from __future__ import annotations

import numpy as np
from _heldout_aa import _frame_at, _rect
from _heldout_ab import _pick
from _heldout_ac import _curve, _rrect, _tube
from _heldout_h import _drawn, _u8
from _heldout_i import by_family, plant_generator
from _heldout_k import _paint
from _heldout_p import _ellipse
from _heldout_q import _down, _thumbs
from _heldout_s import _pixels, _resample
from _heldout_v import _field, _metered
from _heldout_x import _bar, _canvas, _Frame, _laid
from PIL import ImageDraw

from dataquality.datasets import PlantedDataset

EVALUATION_AE = ("fashion_test_ae", "mnist_ae", "photos52_ae_jpeg", "photos224_ae")
# each set's base: (data, seed) or ("photos", seed, tile size, tiles per photograph quick, full)
BASES_AE = {
    "fashion_test_ae": ("fashion_test", 231),
    "mnist_ae": ("mnist", 232),
    "photos52_ae_jpeg": ("photos", 233, 52, 8, 24),
    "photos224_ae": ("photos", 234, 224, 8, 1000),
}
JPEG_QUALITY = (66, 89)  # the JPEG set's qualities: integers in [low, high)
RATES_AE = {"near_duplicate": 0.03, "exact_duplicate": 0.01, "blurry": 0.03, "dark": 0.02, "outlier": 0.015,
            "label": 0.05}
# parts of the picture and the whole picture in turn, so that the smallest set (4 copies) gets both kinds
NEAR_EDITS_AE = ("claw_hammer", "magnetised_crt", "g_clamp", "hailstones", "paint_roller", "salt_crusted_window",
                 "necktie", "tobacco_pipe")
BLURS_AE = ("gum_print", "pocket_printer")
DARKS_AE = ("salt_lamp", "bike_tail_light", "speaker_ring")
OUTLIERS_AE = ("iceberg", "tornado", "flying_saucer")
PAIRS = (2, 4)  # the poisoning attack's (source, target) class pairs: integers in [low, high) (label noise)


def load_base_ae(name: str, quick: bool = False):
    import _heldout

    return _heldout.load_generator_base(name, quick, BASES_AE, "AE")


# -- near copies -----------------------------------------------------------------------------
HAMMER_GRIPS = ((176, 128, 80), (230, 186, 40), (190, 40, 36), (30, 30, 34), (40, 90, 170))
STEEL = (156, 160, 168)


def _claw_hammer(f: np.ndarray, rng) -> np.ndarray:
    """A claw hammer lying on the print: 50-62% of the side long, at least 12 px; a handle 9% of the length thick
    narrowing to 7% at the head, wooden, or fibreglass in yellow, red, black or blue with a darker rubber grip over
    its back 40%; a steel head across its end, 60% of the length from the round striking face to the claw's tip,
    22% wide at the eye, 12% thick, the face end 15% of the length across, the claw curving back towards the
    handle and split by a dark slot, a highlight along the head at 40%; at any angle, its middle 30-70% of the way
    across and down, a soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(12.0, side * rng.uniform(0.5, 0.62))
    grip = _pick(HAMMER_GRIPS, rng)
    wooden = bool(grip[0] == 176)
    fr = _frame_at(h, w, rng)
    handle = _tube(np.array([[-0.5 * L, 0.0], [0.34 * L, 0.0]]), [0.045 * L, 0.035 * L])
    rubber = _tube(np.array([[-0.52 * L, 0.0], [-0.12 * L, 0.0]]), [0.05 * L, 0.045 * L])
    eye = _rrect(0.28 * L, -0.11 * L, 0.4 * L, 0.11 * L, 0.02 * L)
    neck = _rect(0.29 * L, -0.24 * L, 0.39 * L, 0.0)
    face = _ellipse(0.34 * L, -0.25 * L, 0.075 * L, 0.035 * L, 0.0, 16)
    claw_path = np.concatenate([_curve((0.34 * L, 0.05 * L), (0.26 * L, 0.31 * L), -0.03 * L, 12)])
    claw = _tube(claw_path, np.linspace(0.055 * L, 0.02 * L, len(claw_path)))
    slot = [claw_path[3:]]
    parts = [(fr.fill([handle]), grip * (0.95 if not wooden else 1.0), 1.0, True),
             (fr.line([[(-0.45 * L, -0.012 * L), (0.25 * L, -0.012 * L)]], max(0.4, 0.012 * L)),
              grip * 0.75 if wooden else grip + 40, 0.5, False)]
    if not wooden:
        parts.append((fr.fill([rubber]), grip * 0.45, 1.0, True))
    parts += [(fr.fill([neck, face, eye, claw]), STEEL, 1.0, True),
              (fr.line([[tuple(p) for p in s] for s in slot], max(0.4, 0.015 * L)), (40, 42, 46), 0.9, False),
              (fr.fill([_rect(0.31 * L, -0.24 * L, 0.34 * L, 0.08 * L)]), (250, 250, 252), 0.4, False),
              (fr.line([face], max(0.4, 0.01 * L)), (90, 92, 98), 0.8, False)]
    return _u8(_laid(f, parts, 0.4))


CLAMPS = ((200, 40, 36), (36, 80, 170), (30, 30, 32), (236, 120, 30), (40, 130, 70))


def _g_clamp(f: np.ndarray, rng) -> np.ndarray:
    """A G-clamp (C-clamp) lying on the print: 46-58% of the side from the top of its frame to its handle, at least
    12 px; a cast frame, a C of bars 10% of the length thick, its back 60% of the length long and its arms 45%,
    painted red, blue, black, orange or green, a fixed steel pad at the upper arm's end; a steel screw 5% thick
    through the lower arm's end, threaded (dark diagonal turns), with a swivel pad at its top 14% wide and a
    sliding T-bar 34% long at its foot; at any angle, its middle 30-70% of the way across and down, a soft shadow
    at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(12.0, side * rng.uniform(0.46, 0.58))
    paint = _pick(CLAMPS, rng)
    fr = _frame_at(h, w, rng)
    t = 0.05 * L
    top, bot, back, tip = -0.42 * L, 0.18 * L, -0.3 * L, 0.15 * L
    frame = [_rrect(back - t, top - t, back + t, bot + t, 0.4 * t), _rrect(back - t, top - t, tip + t, top + t, 0.4 * t),
             _rrect(back - t, bot - t, tip + t, bot + t, 0.4 * t)]
    pad = _rect(tip - 0.07 * L, top + t, tip + 0.07 * L, top + t + 0.035 * L)
    screw = _rect(tip - 0.025 * L, -0.12 * L, tip + 0.025 * L, 0.5 * L)
    swivel = _rrect(tip - 0.07 * L, -0.16 * L, tip + 0.07 * L, -0.12 * L, 0.01 * L)
    tbar = _bar(tip - 0.17 * L, tip + 0.17 * L, 0.018 * L)
    tbar = [(x, y + 0.48 * L) for x, y in tbar]
    turns = [[(tip - 0.025 * L, y), (tip + 0.025 * L, y - 0.02 * L)] for y in np.arange(-0.08, 0.44, 0.04) * L]
    shift = lambda pts: [(x + 0.06 * L, y + 0.04 * L) for x, y in pts]  # noqa: E731  (the clamp about its middle)
    parts = [(fr.fill([shift(p) for p in frame]), paint, 1.0, True),
             (fr.fill([shift(_rect(back - 0.6 * t, top, back - 0.2 * t, bot))]), (255, 255, 255), 0.3, False),
             (fr.fill([shift(pad), shift(swivel)]), STEEL, 1.0, True),
             (fr.fill([shift(screw)]), (182, 184, 190), 1.0, True),
             (fr.line([shift(s) for s in turns], max(0.4, 0.008 * L)), (70, 72, 78), 0.8, False),
             (fr.fill([shift(tbar)]), (170, 172, 178), 1.0, True)]
    return _u8(_laid(f, parts, 0.4))


SLEEVES = ((236, 236, 230), (214, 70, 60), (70, 140, 200), (244, 210, 80), (110, 170, 110), (230, 150, 170))
ROLLER_HANDLES = ((230, 190, 40), (30, 30, 34), (40, 90, 170), (200, 60, 40))


def _paint_roller(f: np.ndarray, rng) -> np.ndarray:
    """A paint roller lying on the print: 52-64% of the side from the handle's end to the roller's far side, at
    least 12 px; a plastic handle 40% of the length long and 13% thick, yellow, black, blue or red, with a hanging
    hole; a steel wire frame 2.5% thick bent twice at right angles into the roller's end; the roller a cylinder 62%
    of the length long and 20% across across the handle's line, its nap soaked in white, red, blue, yellow, green or
    pink paint, mottled by 12% in patches of 2.5% of the length, darker at its two ends and lit along one side at
    30%; at any angle, its middle 30-70% of the way across and down, a soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(12.0, side * rng.uniform(0.52, 0.64))
    sleeve, handle = _pick(SLEEVES, rng), _pick(ROLLER_HANDLES, rng)
    fr = _frame_at(h, w, rng)
    cx = 0.3 * L
    grip = _bar(-0.62 * L, -0.24 * L, 0.065 * L)
    hole = _ellipse(-0.56 * L, 0.0, 0.025 * L, 0.025 * L, 0.0, 10)
    wire = [[(-0.24 * L, 0.0), (0.08 * L, 0.0), (0.08 * L, -0.38 * L), (cx, -0.38 * L), (cx, -0.3 * L)]]
    body = fr.fill([_rrect(cx - 0.1 * L, -0.31 * L, cx + 0.1 * L, 0.31 * L, 0.03 * L)])
    nap = np.clip(1 + 0.12 * _field((h, w), max(0.6, 0.025 * L), rng), 0.75, 1.25)
    ends = fr.fill([_rect(cx - 0.1 * L, -0.31 * L, cx + 0.1 * L, -0.27 * L),
                    _rect(cx - 0.1 * L, 0.27 * L, cx + 0.1 * L, 0.31 * L)])
    parts = [(fr.line(wire, max(0.5, 0.025 * L)), (150, 152, 158), 1.0, True),
             (fr.fill([grip], holes=[hole]), handle, 1.0, True),
             (fr.fill([_rect(-0.6 * L, -0.05 * L, -0.26 * L, -0.025 * L)]), (255, 255, 255), 0.3, False)]
    out = _laid(f, parts + [(body, sleeve, 1.0, True)], 0.4)
    out = out * (1 - body[..., None]) + out * body[..., None] * nap[..., None]
    out = _paint(out, ends * body, sleeve * 0.7)
    out = _paint(out, 0.3 * body * fr.fill([_rect(cx - 0.07 * L, -0.27 * L, cx - 0.02 * L, 0.27 * L)]),
                 (255, 255, 255))
    return _u8(out)


TIES = ((30, 40, 90), (120, 24, 40), (30, 90, 60), (90, 92, 100), (24, 24, 28), (200, 160, 50))
TIE_STRIPES = ((220, 220, 214), (200, 40, 40), (230, 190, 60), (120, 170, 220))


def _necktie(f: np.ndarray, rng) -> np.ndarray:
    """A necktie lying on the print: 56-70% of the side from its knot to its tip, at least 14 px; a knot, a
    trapezoid 10% of the length long narrowing from 11% to 7% of it wide, the blade widening from 7% under the knot
    to 18% and ending in a point 9% of the length long; navy, burgundy, green, grey, black or gold silk with
    diagonal repp stripes across it at 45 degrees, 3% of the length wide every 11%, in white, red, gold or blue
    (dots from 48 px half the time: radius 1.2% every 7%), a sheen along one side at 25%, the knot's folds two dark
    lines; its blade bowed by up to 8% of the length; at any angle, its middle 30-70% of the way across and down, a
    soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(14.0, side * rng.uniform(0.56, 0.7))
    silk, stripe = _pick(TIES, rng), _pick(TIE_STRIPES, rng)
    fr = _frame_at(h, w, rng)
    bow = rng.uniform(-0.08, 0.08) * L
    xs = np.linspace(-0.4 * L, 0.41 * L, 16)
    ys = bow * (1 - ((xs - 0.0) / (0.41 * L)) ** 2)
    half = np.linspace(0.035 * L, 0.09 * L, 16)
    blade = _tube(np.stack([xs, ys], axis=1), half)
    n = len(xs)
    blade = blade[:n] + [(0.5 * L, float(ys[-1]))] + blade[n:]
    knot = [(-0.5 * L, -0.055 * L), (-0.4 * L, -0.035 * L), (-0.4 * L, 0.035 * L), (-0.5 * L, 0.055 * L)]
    body = fr.fill([blade, knot])
    if side >= 48 and rng.random() < 0.5:
        pts = [(x, y) for x in np.arange(-0.5, 0.52, 0.07) * L for y in np.arange(-0.1, 0.11, 0.07) * L]
        pattern = fr.fill([_ellipse(x, y + bow * 0.5, 0.012 * L, 0.012 * L, 0.0, 8) for x, y in pts])
    else:
        lines = [[(x - 0.3 * L, -0.3 * L), (x + 0.3 * L, 0.3 * L)] for x in np.arange(-0.8, 0.9, 0.11) * L]
        pattern = fr.line(lines, max(0.5, 0.03 * L))
    sheen = fr.fill([_tube(np.stack([xs, ys - 0.5 * half], axis=1), 0.25 * half)])
    folds = fr.line([[(-0.47 * L, -0.045 * L), (-0.43 * L, 0.0)], [(-0.47 * L, 0.045 * L), (-0.43 * L, 0.0)]],
                    max(0.4, 0.01 * L))
    parts = [(body, silk, 1.0, True), (pattern * body, stripe, 0.9, False), (sheen * body, (255, 255, 255), 0.25, False),
             (folds * body, silk * 0.5, 0.8, False)]
    return _u8(_laid(f, parts, 0.4))


BRIARS = ((128, 70, 36), (88, 48, 26), (166, 104, 58), (226, 214, 190))


def _tobacco_pipe(f: np.ndarray, rng) -> np.ndarray:
    """A tobacco pipe lying on its side on the print: 44-56% of the side from the mouthpiece to the bowl's back, at
    least 11 px; a bowl 22% of the length wide and 32% high, rounded at its foot, its rim charred black over its top
    8%, with 3-5 darker grain lines; a shank 9% high out of its foot, a black stem 7% high narrowing to 4% at the
    mouthpiece, bent up by 6-12% of the length, a silver band 3% wide at the joint; mid, dark or light briar, or
    cream meerschaum, a sheen on the bowl at 35%; at any angle, its middle 30-70% of the way across and down, a soft
    shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(11.0, side * rng.uniform(0.44, 0.56))
    wood = _pick(BRIARS, rng)
    fr = _frame_at(h, w, rng)
    x0, x1, yt, yb = 0.22 * L, 0.44 * L, -0.22 * L, 0.1 * L
    bowl = _rrect(x0, yt, x1, yb, 0.1 * L, 8)
    shank = _rect(0.0, -0.01 * L, x0 + 0.02 * L, 0.08 * L)
    lift = rng.uniform(0.06, 0.12) * L
    path = _curve((0.01 * L, 0.035 * L), (-0.5 * L, 0.035 * L - lift), lift * 0.3, 16)
    stem = _tube(path, np.linspace(0.035 * L, 0.02 * L, len(path)))
    grain = [[(x0 + 0.02 * L, y), (x1 - 0.02 * L, y + rng.uniform(-0.04, 0.04) * L)]
             for y in np.linspace(-0.12, 0.06, int(rng.integers(3, 6))) * L]
    body = fr.fill([bowl, shank])
    parts = [(fr.fill([stem]), (28, 26, 26), 1.0, True), (body, wood, 1.0, True),
             (fr.line(grain, max(0.4, 0.008 * L)) * body, wood * 0.7, 0.8, False),
             (fr.fill([_rect(x0, yt, x1, yt + 0.025 * L)]), (24, 20, 18), 1.0, False),
             (fr.fill([_rect(-0.01 * L, -0.005 * L, 0.02 * L, 0.075 * L)]), (214, 216, 222), 1.0, False),
             (fr.fill([_ellipse(x0 + 0.05 * L, -0.06 * L, 0.02 * L, 0.08 * L, 0.0, 10)]), (255, 255, 255), 0.35,
              False)]
    return _u8(_laid(f, parts, 0.4))


def _magnetised_crt(f: np.ndarray, rng) -> np.ndarray:
    """The picture on a colour CRT with a magnet held against one side of its face: the three beams land off their
    phosphor dots near it, so that the picture's colours are stained in swirling bands, each channel's gain
    ``1 + a s cos(phi - 2 pi c / 3)`` with ``s = exp(-(d / d0) ** 2)`` at the distance ``d`` from the magnet, ``a``
    0.35-0.5, ``d0`` 45-65% of the side, the phase ``phi`` turning 1.2-2 times round the magnet and 2-3 times along
    ``d0``; the magnet 5-15% of the side outside the middle of a random edge, give or take 30% of it; the beams also
    bent round it, the picture swirled by up to 3-5% of the side tangentially times ``s``, the three channels apart
    radially by 0.8-1.5% of the side times ``s``."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    e = int(rng.integers(4)) * np.pi / 2
    along = rng.uniform(-0.3, 0.3) * side
    out_by = rng.uniform(0.05, 0.15) * side
    mx = w / 2 + np.cos(e) * (w / 2 + out_by) - np.sin(e) * along
    my = h / 2 + np.sin(e) * (h / 2 + out_by) + np.cos(e) * along
    dx, dy = xx - mx, yy - my
    d = np.hypot(dx, dy)
    d0 = side * rng.uniform(0.45, 0.65)
    s = np.exp(-(d / d0) ** 2)
    ang = np.arctan2(dy, dx)
    phi = rng.uniform(1.2, 2.0) * ang + 2 * np.pi * rng.uniform(2, 3) * d / d0 + rng.uniform(0, 2 * np.pi)
    swirl = rng.uniform(0.03, 0.05) * side * s
    apart = rng.uniform(0.008, 0.015) * side * s
    out = np.empty_like(f)
    for c in range(3):
        r = (c - 1) * apart
        sx = xx + (-np.sin(ang)) * swirl + np.cos(ang) * r
        sy = yy + np.cos(ang) * swirl + np.sin(ang) * r
        out[..., c] = _resample(f[..., c:c + 1], sy, sx)[..., 0]
    a = rng.uniform(0.35, 0.5)
    gain = 1 + a * s[..., None] * np.cos(phi[..., None] - 2 * np.pi * np.arange(3) / 3)
    return _u8(out * gain)


def _hailstones(f: np.ndarray, rng) -> np.ndarray:
    """The print out of doors after a hail shower, hailstones lying on it: 6-10 below 48 px, 25-60 above, anywhere,
    of radius 6-10% of the side below 48 px, 2.5-5% above, at least 1.2 px, each a ball of cloudy ice, white
    226 / 232 / 240 at 80% over the picture under it, shaded by up to 30% away from the sun (one direction for
    all), a bright highlight of 25% of its radius towards the sun, a soft shadow 35% of its radius long away from
    it at 35%, and half of them in a patch of melt-water, a disc of 1.4-1.8 radii darkening the print by 15-25%."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    n = int(rng.integers(6, 11)) if side < 48 else int(rng.integers(25, 61))
    lo, hi = (0.06, 0.1) if side < 48 else (0.025, 0.05)
    sun = rng.uniform(0, 2 * np.pi)
    ux, uy = np.cos(sun), np.sin(sun)
    stones = [(rng.uniform(0, w), rng.uniform(0, h), max(1.2, side * rng.uniform(lo, hi))) for _ in range(n)]
    wet = np.ones((h, w), np.float32)
    shade = np.ones((h, w), np.float32)
    for cx, cy, r in stones:
        if rng.random() < 0.5:
            k = rng.uniform(1.4, 1.8)
            wet *= 1 - rng.uniform(0.15, 0.25) * np.clip(k * r + 0.5 - np.hypot(xx - cx, yy - cy), 0, 1)
        sx, sy = cx - ux * 0.35 * r, cy - uy * 0.35 * r
        shade *= 1 - 0.35 * np.clip(r + 0.5 - np.hypot(xx - sx, yy - sy), 0, 1)
    shade = gaussian_filter(shade, max(0.4, side * 0.006))
    out = f * (wet * shade)[..., None]
    ice = np.array([226, 232, 240], np.float32)
    for cx, cy, r in stones:
        dx, dy = xx - cx, yy - cy
        cover = np.clip(r + 0.5 - np.hypot(dx, dy), 0, 1)
        lit = 1 - 0.3 * np.clip(-(dx * ux + dy * uy) / r, 0, 1)
        col = ice[None, None, :] * lit[..., None]
        out = out * (1 - 0.8 * cover[..., None]) + col * 0.8 * cover[..., None]
        hl = np.exp(-((xx - cx - 0.45 * r * ux) ** 2 + (yy - cy - 0.45 * r * uy) ** 2) / (0.25 * r) ** 2) * cover
        out = _paint(out, np.clip(hl, 0, 1) * 0.9, (255, 255, 255))
    return _u8(out)


def _salt_crusted_window(f: np.ndarray, rng) -> np.ndarray:
    """The print seen through a car's side window crusted with dried road salt in winter: a white veil, 236 / 234
    / 228, covering 12-20% of the light at the top and 40-55% at the bottom (sprayed up from the road), mottled by
    a smooth random field of 4% of the side, at least 1 px, by 35% of itself, and a fine grain by 5%; 4-9 clean
    trails where rain ran down, 1-2% of the side wide, at least 0.8 px, from anywhere in the upper half for 30-80%
    of the side, wavering by 1% of the side, the veil in them down to 25%, a faint darker rim beside them; no blur:
    the salt lies on the glass and veils the picture, it does not spread it."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    top, bot = rng.uniform(0.12, 0.2), rng.uniform(0.4, 0.55)
    veil = top + (bot - top) * (yy / h) ** 1.3
    veil = veil * (1 + 0.35 * _field((h, w), max(1.0, side * 0.04), rng)) * (1 + 0.05 * rng.normal(0, 1, (h, w)))
    clean = np.zeros((h, w), np.float32)
    rim = np.zeros((h, w), np.float32)
    for _ in range(int(rng.integers(4, 10))):
        x0, y0 = rng.uniform(0, w), rng.uniform(0, h * 0.5)
        ln = side * rng.uniform(0.3, 0.8)
        tw = max(0.8, side * rng.uniform(0.01, 0.02))
        wav = side * 0.01 * np.sin(2 * np.pi * (yy - y0) / (side * rng.uniform(0.15, 0.3)) + rng.uniform(0, 6.3))
        dist = np.abs(xx - x0 - wav)
        inside = (yy > y0) & (yy < y0 + ln)
        clean = np.maximum(clean, np.clip(tw / 2 + 0.5 - dist, 0, 1) * inside)
        rim = np.maximum(rim, np.clip(tw / 2 + 1.0 - np.abs(dist - tw / 2 - 0.5), 0, 1) * inside)
    veil = np.clip(veil * (1 - 0.75 * clean), 0, 0.85)
    out = f * (1 - veil[..., None]) + np.array([236, 234, 228], np.float32) * veil[..., None]
    out = out * (1 - 0.08 * (rim * (1 - clean)))[..., None]
    return _u8(out)


def near_edit_ae(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "claw_hammer":  # a claw hammer lying on the print
        return _claw_hammer(f, rng)
    if kind == "g_clamp":  # a G-clamp lying on the print
        return _g_clamp(f, rng)
    if kind == "paint_roller":  # a paint roller lying on the print
        return _paint_roller(f, rng)
    if kind == "necktie":  # a necktie lying on the print
        return _necktie(f, rng)
    if kind == "tobacco_pipe":  # a tobacco pipe lying on the print
        return _tobacco_pipe(f, rng)
    if kind == "magnetised_crt":  # the picture on a colour CRT with a magnet held to its side
        return _magnetised_crt(f, rng)
    if kind == "hailstones":  # hailstones lying on the print out of doors
        return _hailstones(f, rng)
    if kind == "salt_crusted_window":  # the print seen through a car window crusted with road salt
        return _salt_crusted_window(f, rng)
    raise ValueError(kind)


# -- blurs -----------------------------------------------------------------------------------
PIGMENTS = ((40, 38, 36), (150, 70, 40), (30, 60, 120), (60, 100, 50), (90, 60, 40))


def _gum_print(f: np.ndarray, rng) -> np.ndarray:
    """The picture as a gum-bichromate print: the pigment (lamp black, burnt sienna, Prussian blue, sap green or
    Van Dyke brown) in a thick coat of gum hardened where light came through the negative, as much as the
    picture's darkness, ``(1 - lum) ** 0.9``, but the light scattered in the pigmented coat and the paper before
    it hardened it, a Gaussian of 3-4.5% of the side, at least 1.2 px; the coat brushed on unevenly, its
    sensitivity 8-12% over a smooth random field drawn out 4 times along the brush's strokes (horizontal or
    vertical, 3% of the side across, at least 1 px); the paper's tooth, 4% over a smooth random field of 0.8% of
    the side, at least 0.6 px; on a warm paper, 244 / 238 / 224, the pigment taking up to 92% of the light in its
    own colour; the brushed coat ending 3-6% of the side in from each edge, ragged by 1.5% of the side, the bare
    paper beyond; as a camera metering on the highlights exposes it."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    lum = (f @ np.array([0.299, 0.587, 0.114], np.float32)) / 255
    dens = np.clip(1 - lum, 0, 1) ** 0.9
    s = max(1.2, side * rng.uniform(0.03, 0.045))
    dens = gaussian_filter(dens, s, mode="reflect")
    across = max(1.0, side * 0.03)
    if rng.random() < 0.5:
        strokes = gaussian_filter(rng.normal(0, 1, (h, w)), (across, 4 * across), mode="wrap")
    else:
        strokes = gaussian_filter(rng.normal(0, 1, (h, w)), (4 * across, across), mode="wrap")
    strokes = (strokes - strokes.mean()) / (strokes.std() + 1e-9)
    dens = dens * (1 + rng.uniform(0.08, 0.12) * strokes)
    tooth = 1 + 0.04 * _field((h, w), max(0.6, side * 0.008), rng)
    margin = side * rng.uniform(0.03, 0.06)
    ragged = side * 0.015 * _field((h, w), max(1.0, side * 0.05), rng)
    edge = np.minimum.reduce([xx, yy, w - xx, h - yy]) - margin + ragged
    coat = np.clip(edge + 0.5, 0, 1)
    pig = _pick(PIGMENTS, rng) / 255
    paper = np.array([244, 238, 224], np.float32)
    out = paper * (1 - 0.92 * np.clip(dens * coat, 0, 1)[..., None] * (1 - pig)) * tooth[..., None]
    return _u8(_metered(out, f))


def _pocket_printer(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed by a pocket photo printer on its zero-ink sticker paper, the thermal head running hot:
    its heat spread in the paper before the dye crystals took it, a Gaussian of 2.8-4.2% of the side, at least
    1.2 px, 1.25-1.4 times that along the paper's feed (vertical); the crystals' weak gamut, the colours 70-80% as
    saturated, the blacks lifted to 28-40 levels and the whites to 238 / 232 / 236 (a faint magenta cast); the
    crystals' grain, 3 levels a channel; as a camera metering on the highlights exposes it."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    s = max(1.2, side * rng.uniform(0.028, 0.042))
    k = rng.uniform(1.25, 1.4)
    t = gaussian_filter(f / 255, (s * k, s, 0), mode="reflect")
    g = t.mean(axis=2, keepdims=True)
    t = g + rng.uniform(0.7, 0.8) * (t - g)
    black = rng.uniform(28, 40)
    white = np.array([238, 232, 236], np.float32)
    out = black + (white - black) * np.clip(t, 0, 1) + rng.normal(0, 3, f.shape)
    return _u8(_metered(out, f))


def blur_ae(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "gum_print":  # the picture as a gum-bichromate print, its image spread in the thick coat
        return _gum_print(f, rng)
    if kind == "pocket_printer":  # printed by a pocket thermal printer whose head ran hot
        return _pocket_printer(f, rng)
    raise ValueError(kind)


# -- darkening -------------------------------------------------------------------------------
def _lit(f: np.ndarray, gain: np.ndarray, rng) -> np.ndarray:
    """``f`` lit at ``gain`` (h x w x 3), a camera's noise of sigma 1.2 levels."""
    return np.maximum(f * gain + rng.normal(0, 1.2, f.shape), 0)


def _salt_lamp(f: np.ndarray, rng) -> np.ndarray:
    """A dark room lit only by a Himalayan salt lamp standing in the picture: at its bottom left or right corner,
    2-8% of the side in from the edge, a rough lump of rock salt 20-26% of the side wide below 48 px, 15-20% above,
    and 1.2-1.4 times that high, an irregular outline of 9-13 points, glowing orange, 255 / 130 / 50, towards a
    core 255 / 200 / 120 at 60%, with 2-4 darker mineral veins at 40% (from 48 px), on a dark wooden base 25% of
    its height high; a glow round it of sigma 6-10% of the side, up to 30-50 levels in its colour; the picture lit
    at a gain of 0.02-0.04 plus 0.22-0.32 falling off as ``1 / (1 + (d / d0) ** 2)`` with the distance ``d`` from
    the lamp's middle, ``d0`` 30-45% of the side, in its colour, 1.0 / 0.55 / 0.25; noise sigma 1.2 levels."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    lw = side * (rng.uniform(0.2, 0.26) if side < 48 else rng.uniform(0.15, 0.2))
    lh = lw * rng.uniform(1.2, 1.4)
    inset = side * rng.uniform(0.02, 0.08)
    cx = inset + lw / 2 if rng.random() < 0.5 else w - inset - lw / 2
    base_h = 0.25 * lh
    cy = h - base_h - lh / 2
    d = np.hypot(xx - cx, yy - cy)
    gain = rng.uniform(0.02, 0.04) + (rng.uniform(0.22, 0.32) / (1 + (d / (side * rng.uniform(0.3, 0.45))) ** 2))
    out = _lit(f, gain[..., None] * np.array([1.0, 0.55, 0.25], np.float32), rng)
    n = int(rng.integers(9, 14))
    angs = np.sort(rng.uniform(0, 2 * np.pi, n))
    rock = [(cx + lw / 2 * rng.uniform(0.75, 1.0) * np.cos(t), cy + lh / 2 * rng.uniform(0.75, 1.0) * np.sin(t))
            for t in angs]
    m = _drawn((h, w), lambda dr, k: dr.polygon([(x * k, y * k) for x, y in rock], fill=255))
    base = _drawn((h, w), lambda dr, k: dr.rectangle(((cx - 0.45 * lw) * k, (h - base_h) * k, (cx + 0.45 * lw) * k,
                                                       h * k), fill=255))
    glow = gaussian_filter(m, max(0.8, side * rng.uniform(0.06, 0.1)))
    out = out + (glow / max(float(glow.max()), 1e-6))[..., None] * rng.uniform(30, 50) * np.array([1.0, 0.55, 0.25])
    core = np.exp(-((xx - cx) ** 2 / (0.3 * lw) ** 2 + (yy - cy) ** 2 / (0.3 * lh) ** 2))
    col = np.array([255, 130, 50], np.float32) + core[..., None] * 0.6 * np.array([0, 70, 70], np.float32)
    out = out * (1 - m[..., None]) + col * m[..., None]
    if side >= 48:
        veins = _drawn((h, w), lambda dr, k: [dr.line([((cx + lw * rng.uniform(-0.4, 0.4)) * k,
                                                         (cy - lh * 0.4) * k),
                                                        ((cx + lw * rng.uniform(-0.4, 0.4)) * k,
                                                         (cy + lh * 0.4) * k)], fill=255, width=max(1, round(k * 0.01
                                                                                                             * side)))
                                              for _ in range(int(rng.integers(2, 5)))])
        out = out * (1 - 0.4 * (veins * m)[..., None])
    out = _paint(out, base * (1 - m), (34, 22, 16))
    return _u8(out)


def _bike_tail_light(f: np.ndarray, rng) -> np.ndarray:
    """A dark room, a bicycle's rear light left switched on lying on the print: a unit 17-22% of the side long
    below 48 px, 11-15% above, at least 6 px, and 45% of that wide, a black body with a grey rubber strap loop at
    one end 25% of its length long, its red lens over the rest, lit, 255 / 60 / 50, with from 48 px a lattice of
    prisms across it (diagonal dark lines every 10% of its length at 35%) and two LED hot spots of 18% of its
    length, white-pink; lying 15-30% of the side from the middle in a random direction, at any angle; a glow round
    the lens of sigma 5-8% of the side up to 40-60 levels of red; the picture lit at a gain of 0.015-0.03 plus
    0.3-0.45 falling off as ``1 / (1 + (d / d0) ** 2)`` from the lens's middle, ``d0`` 18-28% of the side, in its
    red, 1.0 / 0.12 / 0.08; noise sigma 1.2 levels."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    L = max(6.0, side * (rng.uniform(0.17, 0.22) if side < 48 else rng.uniform(0.11, 0.15)))
    W = 0.45 * L
    t = rng.uniform(0, 2 * np.pi)
    dist = side * rng.uniform(0.15, 0.3)
    cx, cy = w / 2 + dist * np.cos(t), h / 2 + dist * np.sin(t)
    fr = _Frame((h, w), cx, cy, rng.uniform(0, 2 * np.pi))
    lx, ly = fr.at([(0.12 * L, 0.0)])[0]
    d = np.hypot(xx - lx, yy - ly)
    red = np.array([1.0, 0.12, 0.08], np.float32)
    gain = rng.uniform(0.015, 0.03) + rng.uniform(0.3, 0.45) / (1 + (d / (side * rng.uniform(0.18, 0.28))) ** 2)
    out = _lit(f, gain[..., None] * red, rng)
    body = fr.fill([_rrect(-0.5 * L, -W / 2, 0.5 * L, W / 2, 0.3 * W)])
    lens = fr.fill([_rrect(-0.24 * L, -0.4 * W, 0.47 * L, 0.4 * W, 0.25 * W)])
    strap = fr.line([_rrect(-0.75 * L, -0.3 * W, -0.45 * L, 0.3 * W, 0.2 * W) + [(-0.45 * L + 0.2 * W, -0.3 * W)]],
                    max(0.5, 0.07 * L))
    glow = gaussian_filter(lens, max(0.8, side * rng.uniform(0.05, 0.08)))
    out = out + (glow / max(float(glow.max()), 1e-6))[..., None] * rng.uniform(40, 60) * red
    out = _paint(out, strap * (1 - body), (70, 70, 74))
    out = _paint(out, body, (16, 16, 18))
    out = _paint(out, lens, (255, 60, 50))
    if side >= 48:
        prisms = fr.line([[(x - 0.3 * L, -0.3 * L), (x + 0.3 * L, 0.3 * L)] for x in np.arange(-0.6, 0.9, 0.1) * L]
                         + [[(x - 0.3 * L, 0.3 * L), (x + 0.3 * L, -0.3 * L)] for x in np.arange(-0.6, 0.9, 0.1) * L],
                         max(0.5, 0.02 * L))
        out = out * (1 - 0.35 * (prisms * lens)[..., None])
    spots = fr.fill([_ellipse(x, 0.0, 0.09 * L, 0.09 * L, 0.0, 10) for x in (0.0, 0.25 * L)])
    out = _paint(out, spots * lens, (255, 220, 220))
    return _u8(out)


def _speaker_ring(f: np.ndarray, rng) -> np.ndarray:
    """A dark room, a smart speaker standing on the print, seen from above, its light ring on: a puck of radius
    14-18% of the side below 48 px, 9-12% above, at least 4 px, covered in dark fabric, 26-34 levels, its top a
    disc of 80% of that radius, dark grey, 40 levels, with four buttons from 48 px; round the top's rim a ring 12%
    of the radius wide glowing cyan, 60 / 200 / 255, a quarter of it brighter still (the listening arc), 160 / 240
    / 255; the puck 10-25% of the side from the middle in a random direction; a glow round the ring of sigma 4-7%
    of the side up to 35-55 levels in its colour; the picture lit at a gain of 0.02-0.035 plus 0.28-0.4 falling
    off as ``1 / (1 + (d / d0) ** 2)`` with the distance ``d`` from the puck's edge, ``d0`` 20-30% of the side, in
    its cyan, 0.3 / 0.8 / 1.0; noise sigma 1.2 levels."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    R = max(4.0, side * (rng.uniform(0.14, 0.18) if side < 48 else rng.uniform(0.09, 0.12)))
    t = rng.uniform(0, 2 * np.pi)
    dist = side * rng.uniform(0.1, 0.25)
    cx, cy = w / 2 + dist * np.cos(t), h / 2 + dist * np.sin(t)
    r = np.hypot(xx - cx, yy - cy)
    cyan = np.array([0.3, 0.8, 1.0], np.float32)
    gain = rng.uniform(0.02, 0.035) + rng.uniform(0.28, 0.4) / (
        1 + (np.maximum(r - R, 0) / (side * rng.uniform(0.2, 0.3))) ** 2)
    out = _lit(f, gain[..., None] * cyan, rng)
    puck = np.clip(R + 0.5 - r, 0, 1)
    top = np.clip(0.8 * R + 0.5 - r, 0, 1)
    ring = np.clip(np.minimum(0.8 * R + 0.5 - r, r - 0.68 * R + 0.5), 0, 1)
    arc0 = rng.uniform(-np.pi, np.pi)
    arc = (np.angle(np.exp(1j * (np.arctan2(yy - cy, xx - cx) - arc0))) % (2 * np.pi)) < np.pi / 2
    glow = gaussian_filter(ring, max(0.8, side * rng.uniform(0.04, 0.07)))
    out = out + (glow / max(float(glow.max()), 1e-6))[..., None] * rng.uniform(35, 55) * cyan
    out = _paint(out, puck, [rng.uniform(26, 34)] * 3)
    out = _paint(out, top, (40, 40, 42))
    if side >= 48:
        buttons = np.zeros((h, w), np.float32)
        for k in range(4):
            a = np.pi / 4 + k * np.pi / 2
            bx, by = cx + 0.38 * R * np.cos(a), cy + 0.38 * R * np.sin(a)
            buttons = np.maximum(buttons, np.clip(0.1 * R + 0.5 - np.hypot(xx - bx, yy - by), 0, 1))
        out = _paint(out, buttons * 0.6, (70, 70, 72))
    out = _paint(out, ring, (60, 200, 255))
    out = _paint(out, ring * arc, (160, 240, 255))
    return _u8(out)


def dark_ae(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "salt_lamp":  # a dark room lit only by a salt lamp standing in the picture
        return _salt_lamp(f, rng)
    if kind == "bike_tail_light":  # a bicycle's rear light left on, lying on the print in the dark
        return _bike_tail_light(f, rng)
    if kind == "speaker_ring":  # a smart speaker's light ring on, standing on the print in the dark
        return _speaker_ring(f, rng)
    raise ValueError(kind)


# -- outliers --------------------------------------------------------------------------------
def _jagged(x0: float, x1: float, base: float, height: float, n: int, rng, down: bool = False) -> list:
    """A jagged outline from (``x0``, ``base``) to (``x1``, ``base``) rising by up to ``height`` (falling, when
    ``down``) in ``n`` peaks and notches, highest near its middle."""
    xs = np.linspace(x0, x1, 2 * n + 1)
    env = np.sin(np.pi * (xs - x0) / (x1 - x0)) ** 0.7
    k = np.where(np.arange(len(xs)) % 2 == 1, rng.uniform(0.75, 1.0, len(xs)), rng.uniform(0.35, 0.7, len(xs)))
    ys = height * env * k
    return [(float(x), float(base + (y if down else -y))) for x, y in zip(xs, ys)]


def _iceberg(size: int, rng) -> dict:
    """An iceberg at sea, seen from the side with its underwater part through the clear water: the waterline
    38-50% of the way down; above it a jagged mass of 3-5 peaks 40-60% of the side wide and 22-34% high, its lit
    and shaded faces split along a line from its highest peak, a white rim of foam at the waterline; below it its
    hidden mass, 1.3-1.6 times as wide, reaching 82-94% down, with 4-6 lobes; 3-5 wave lines on the sea; a sky
    above (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("sea", "waves", "under", "berg", "shade", "foam"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    wl = big * rng.uniform(0.38, 0.5)
    d["sea"].rectangle((0, wl, big, big), fill=255)
    bw, bh = big * rng.uniform(0.4, 0.6), big * rng.uniform(0.22, 0.34)
    cx = big * rng.uniform(0.42, 0.58)
    top = _jagged(cx - bw / 2, cx + bw / 2, wl, bh, int(rng.integers(3, 6)), rng)
    d["berg"].polygon(top, fill=255)
    peak = min(top, key=lambda p: p[1])
    s = rng.choice([-1.0, 1.0])
    edge = cx + s * bw / 2
    d["shade"].polygon([peak, (peak[0] + s * 0.1 * bw, wl - 0.3 * bh), (peak[0] + s * 0.05 * bw, wl), (edge, wl)]
                       + [p for p in top if (p[0] - peak[0]) * s > 0][::-1 if s < 0 else 1], fill=255)
    uw = bw * rng.uniform(1.3, 1.6)
    low = big * rng.uniform(0.82, 0.94)
    under = _jagged(cx - uw / 2, cx + uw / 2, wl, low - wl, int(rng.integers(4, 7)), rng, down=True)
    d["under"].polygon(under, fill=255)
    d["foam"].line([(cx - bw / 2 - 0.02 * big, wl), (cx + bw / 2 + 0.02 * big, wl)], fill=255,
                   width=max(1, round(0.015 * big)))
    for _ in range(int(rng.integers(3, 6))):
        y = rng.uniform(wl + 0.03 * big, big * 0.98)
        x = rng.uniform(0, big * 0.7)
        d["waves"].line([(x, y), (x + rng.uniform(0.1, 0.3) * big, y)], fill=255, width=max(1, round(0.008 * big)))
    return {k: _down(v, size) for k, v in M.items()}


def _tornado(size: int, rng) -> dict:
    """A tornado over farmland: the ground from 68-78% of the way down, 3-4 bands of fields and a fence line; a
    storm cloud's dark base across the top 12-22% with a lowered wall cloud 30-45% of the side wide under it; the
    funnel from the wall cloud to the ground, 16-24% of the side wide at its top narrowing to 3-5% at its foot,
    wavering sideways by 4-9% of the side, leaning by up to 20% of the side; a cloud of debris at its foot, an
    ellipse 14-20% of the side wide; a barn with a pitched roof 8-12% of the side wide far to one side; 3-6 grey
    shafts of rain on the other (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("cloud", "rain", "ground", "fields", "fence", "barn", "roof", "funnel", "debris"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    gy = big * rng.uniform(0.68, 0.78)
    d["ground"].rectangle((0, gy, big, big), fill=255)
    for j, y in enumerate(np.linspace(gy, big, int(rng.integers(4, 6)))[:-1]):
        if j % 2:
            d["fields"].rectangle((0, y, big, y + (big - gy) / 4), fill=255)
    cb = big * rng.uniform(0.12, 0.22)
    d["cloud"].rectangle((0, 0, big, cb), fill=255)
    for x in np.linspace(0, big, 9):
        r = big * rng.uniform(0.04, 0.08)
        d["cloud"].ellipse((x - r, cb - r, x + r, cb + r), fill=255)
    fx = big * rng.uniform(0.4, 0.6)
    ww = big * rng.uniform(0.3, 0.45)
    d["cloud"].rectangle((fx - ww / 2, cb, fx + ww / 2, cb + big * 0.06), fill=255)
    top_y, foot_y = cb + big * 0.05, gy + big * 0.01
    lean = big * rng.uniform(-0.2, 0.2)
    amp = big * rng.uniform(0.04, 0.09)
    ys = np.linspace(top_y, foot_y, 30)
    u = (ys - top_y) / (foot_y - top_y)
    xs = fx + lean * u + amp * np.sin(np.pi * u * rng.uniform(1.2, 2.0) + rng.uniform(0, 1))
    half = (big * rng.uniform(0.16, 0.24) * (1 - u) ** 1.6 + big * rng.uniform(0.03, 0.05) * u) / 2
    d["funnel"].polygon(_tube(np.stack([xs, ys], axis=1), half), fill=255)
    dw = big * rng.uniform(0.14, 0.2)
    d["debris"].ellipse((xs[-1] - dw / 2, foot_y - 0.06 * big, xs[-1] + dw / 2, foot_y + 0.02 * big), fill=255)
    s = 1.0 if xs[-1] < big / 2 else -1.0
    bx = big / 2 + s * big * rng.uniform(0.28, 0.38)
    bwid = big * rng.uniform(0.08, 0.12)
    d["barn"].rectangle((bx - bwid / 2, gy - 0.7 * bwid, bx + bwid / 2, gy + 0.01 * big), fill=255)
    d["roof"].polygon([(bx - 0.6 * bwid, gy - 0.7 * bwid), (bx, gy - 1.15 * bwid), (bx + 0.6 * bwid, gy - 0.7 * bwid)],
                      fill=255)
    d["fence"].line([(0, gy + 0.03 * big), (big, gy + 0.03 * big)], fill=255, width=max(1, round(0.006 * big)))
    for x in np.arange(0, big, 0.06 * big):
        d["fence"].line([(x, gy + 0.015 * big), (x, gy + 0.045 * big)], fill=255, width=max(1, round(0.006 * big)))
    for _ in range(int(rng.integers(3, 7))):
        x = big / 2 - s * big * rng.uniform(0.2, 0.45)
        d["rain"].line([(x, cb), (x - 0.08 * big, gy)], fill=255, width=max(1, round(0.02 * big)))
    return {k: _down(v, size) for k, v in M.items()}


def _flying_saucer(size: int, rng) -> dict:
    """A flying saucer over the hills at dusk: two ridges of hills, the far one from 56-64% of the way down and the
    near one from 66-76%; a saucer 36-48% of the side wide and 8-11% high, its middle 22-34% down, tilted by up to
    10 degrees, a dome on top 36% of its width wide and 80% of its height high, a rim band with 5-8 round lights, a
    darker underside; a beam of light from its underside, 45% of its width across, widening to 1.1-1.4 times its
    width on the near hill; 3-6 stars (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("far", "near", "beam", "saucer", "under", "dome", "lights", "stars"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    fy, ny = big * rng.uniform(0.56, 0.64), big * rng.uniform(0.66, 0.76)
    for key, y0, amp in (("far", fy, 0.05), ("near", ny, 0.04)):
        ph, k = rng.uniform(0, 6.3), rng.uniform(3, 7)
        d[key].polygon([(x, y0 - big * amp * (1 + np.sin(x / big * k + ph)) / 2) for x in np.linspace(0, big, 24)]
                       + [(big, big), (0, big)], fill=255)
    sw, sh = big * rng.uniform(0.36, 0.48), big * rng.uniform(0.08, 0.11)
    cx, cy = big * rng.uniform(0.38, 0.62), big * rng.uniform(0.22, 0.34)
    d["beam"].polygon([(cx - 0.225 * sw, cy + sh / 3), (cx + 0.225 * sw, cy + sh / 3),
                       (cx + sw * rng.uniform(0.55, 0.7), ny + 0.02 * big), (cx - sw * rng.uniform(0.55, 0.7),
                                                                             ny + 0.02 * big)], fill=255)
    d["saucer"].ellipse((cx - sw / 2, cy - sh / 2, cx + sw / 2, cy + sh / 2), fill=255)
    d["under"].chord((cx - sw / 2, cy - sh / 2, cx + sw / 2, cy + sh / 2), 0, 180, fill=255)
    d["dome"].chord((cx - 0.18 * sw, cy - 1.3 * sh, cx + 0.18 * sw, cy + 0.3 * sh), 180, 360, fill=255)
    n = int(rng.integers(5, 9))
    for x in np.linspace(cx - 0.38 * sw, cx + 0.38 * sw, n):
        r = 0.03 * sw
        d["lights"].ellipse((x - r, cy - r, x + r, cy + r), fill=255)
    for _ in range(int(rng.integers(3, 7))):
        x, y, r = rng.uniform(0, big), rng.uniform(0, fy * 0.6), 0.008 * big
        d["stars"].ellipse((x - r, y - r, x + r, y + r), fill=255)
    ang = rng.uniform(-10, 10)
    out = {k: _down(v, size, ang if k in ("saucer", "under", "dome", "lights") else 0.0) for k, v in M.items()}
    return out


SKIES_AE = ((150, 196, 236), (200, 214, 228), (170, 206, 240))
STORMS = ((156, 166, 152), (164, 168, 176), (180, 174, 154))
FIELDS = ((196, 172, 96), (98, 136, 66), (170, 150, 90))
DUSKS = (((60, 64, 130), (236, 150, 110)), ((40, 50, 100), (220, 120, 130)), ((70, 90, 150), (240, 190, 120)))


def outlier_ae(name: str, kind: str, size: int, lo: int, hi: int, rng) -> np.ndarray:
    photos = name.startswith("photos")
    ground = lambda col: np.ones((size, size, 3), np.float32) * np.asarray(col, np.float32)  # noqa: E731
    tone = lambda t: [lo + (hi - lo) * t] * 3  # noqa: E731
    if kind == "iceberg":
        m = _iceberg(size, rng)
        if photos:  # a white iceberg with blue-grey shade, its turquoise hidden mass in a deep blue sea, a sky
            out = _paint(ground(_pick(SKIES_AE, rng)), m["sea"], (22, 62, 110))
            out = _paint(_paint(out, m["under"] * m["sea"], (80, 160, 186)), m["waves"] * m["sea"] * (1 - m["under"]),
                         (60, 100, 150))
            out = _paint(_paint(out, m["berg"], (242, 248, 252)), m["shade"] * m["berg"], (168, 198, 222))
            return _u8(_paint(out, m["foam"], (255, 255, 255)))
        out = _paint(ground([lo] * 3), m["sea"], tone(0.2))
        out = _paint(_paint(out, m["under"] * m["sea"], tone(0.5)), m["waves"] * m["sea"] * (1 - m["under"]), tone(0.35))
        out = _paint(_paint(out, m["berg"], tone(1.0)), m["shade"] * m["berg"], tone(0.7))
        return _u8(_paint(out, m["foam"], tone(0.9)))
    if kind == "tornado":
        m = _tornado(size, rng)
        if photos:  # a grey funnel under a dark storm cloud over wheat and green fields, a red barn
            sky = _pick(STORMS, rng)
            field = _pick(FIELDS, rng)
            out = _paint(_paint(ground(sky), m["rain"] * (1 - m["ground"]), sky * 0.8), m["cloud"], (58, 62, 68))
            out = _paint(_paint(out, m["ground"], field), m["fields"] * m["ground"], field[::-1] * 0.8 + 30)
            out = _paint(_paint(out, m["fence"] * m["ground"], (80, 60, 40)), m["barn"], (160, 40, 30))
            out = _paint(_paint(out, m["roof"], (70, 60, 56)), m["funnel"], (82, 80, 78))
            return _u8(_paint(out, m["debris"], (110, 92, 76)))
        out = _paint(_paint(ground([lo] * 3), m["rain"] * (1 - m["ground"]), tone(0.15)), m["cloud"], tone(0.3))
        out = _paint(_paint(out, m["ground"], tone(0.45)), m["fields"] * m["ground"], tone(0.6))
        out = _paint(_paint(out, m["fence"] * m["ground"], tone(0.2)), m["barn"], tone(0.85))
        out = _paint(_paint(out, m["roof"], tone(0.7)), m["funnel"], tone(0.95))
        return _u8(_paint(out, m["debris"], tone(0.75)))
    if kind == "flying_saucer":
        m = _flying_saucer(size, rng)
        if photos:  # a silver saucer with a cyan dome and yellow lights over dark green hills in a dusk sky
            top, low = (np.asarray(c, np.float32) for c in DUSKS[int(rng.integers(len(DUSKS)))])
            t = np.linspace(0, 1, size, dtype=np.float32)[:, None, None] ** 1.3
            out = top * (1 - t) + low * t * np.ones((1, size, 1), np.float32)
            out = _paint(_paint(out, m["stars"], (250, 250, 240)), m["far"], (50, 80, 70))
            out = _paint(_paint(out, m["near"], (30, 60, 40)), m["beam"] * 0.45, (255, 250, 200))
            out = _paint(_paint(out, m["saucer"], (196, 200, 208)), m["under"] * m["saucer"], (110, 114, 122))
            out = _paint(out, m["dome"] * (1 - m["under"]), (150, 230, 240))
            return _u8(_paint(out, m["lights"] * m["saucer"], (255, 220, 60)))
        out = _paint(_paint(ground([lo] * 3), m["stars"], tone(0.9)), m["far"], tone(0.2))
        out = _paint(_paint(out, m["near"], tone(0.3)), m["beam"] * 0.45, tone(1.0))
        out = _paint(_paint(out, m["saucer"], tone(0.8)), m["under"] * m["saucer"], tone(0.55))
        out = _paint(out, m["dome"] * (1 - m["under"]), tone(0.95))
        return _u8(_paint(out, m["lights"] * m["saucer"], tone(1.0)))
    raise ValueError(kind)


# -- label noise -----------------------------------------------------------------------------
def poisoning_flips(base: list[np.ndarray], labels: list, classes: list, candidates: list, count: int,
                    rng) -> dict[int, object]:
    """``count`` examples to flip and their new labels: a label-flipping poisoning attack on the published set,
    meant to erase a few classes' cores: the attacker drew 2-3 (source, target) class pairs at random (each source
    once, the target another class drawn at random), split the flips needed evenly among them, and flipped each
    source's *most typical* eligible examples, those whose 8 x 8 grey thumbnail (standardised) is nearest, by
    squared distance, to their class's mean thumbnail over the whole set, to the target; a source with too few
    eligible examples passes what it lacks on to a further pair."""
    lab = np.asarray([classes.index(v) for v in labels])
    t_all = _thumbs(base)
    cand = np.asarray(candidates, dtype=int)
    present = sorted(set(lab[cand].tolist()))
    means = {k: t_all[lab == k].mean(axis=0) for k in present}
    sources = [present[i] for i in rng.permutation(len(present))]
    pairs = min(int(rng.integers(*PAIRS)), len(sources))
    share = [count // pairs + (1 if j < count % pairs else 0) for j in range(pairs)]
    out: dict[int, object] = {}
    owed = 0
    for j, s in enumerate(sources):
        need = (share[j] if j < pairs else 0) + owed
        if need <= 0:
            if j >= pairs:
                break
            continue
        target = int(rng.choice([k for k in range(len(classes)) if k != s]))
        mine = cand[lab[cand] == s]
        order = mine[np.argsort(((t_all[mine] - means[s]) ** 2).sum(axis=1), kind="stable")]
        take = order[:need]
        for i in take:
            out[int(i)] = classes[target]
        owed = need - len(take)
    return out


# -- planting ------------------------------------------------------------------------------
def plant_issues_ae(images, labels, out_dir, *, name: str, random_state: int = 0) -> PlantedDataset:
    """Generator AE's problems (module docstring). A set whose name ends in ``_jpeg`` is written as JPEG files at a
    quality drawn from 66-88 each; the others as PNG. The planting is I's (:func:`_heldout_i.plant_generator`)."""
    return plant_generator(
        images, labels, out_dir, name=name, rates=RATES_AE, seed=310_000 + random_state,
        quality_seed=315_000 + random_state, jpeg_quality=JPEG_QUALITY,
        flips=poisoning_flips,
        **by_family(name, outlier=(outlier_ae, OUTLIERS_AE), blur=(blur_ae, BLURS_AE), dark=(dark_ae, DARKS_AE),
                    near=(near_edit_ae, NEAR_EDITS_AE)))
