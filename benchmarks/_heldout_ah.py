"""Generator AH: fresh EVALUATION sets after generator AG's run (never used to choose anything).

Why a thirty-second evaluation generator: generator AG's sets have been run, and what they showed may inform the next
changes (the commit subjects since name AG's one run, on the code whose outlier check leaves a blurry image laid out
like an image of its class to blurry, written up as round 19, the image Mahalanobis threshold lowered from a robust z
of 4 to 3.5, near_duplicate explaining an outlier whose near set holds an ordinary member, detection.py run on AG's
sets with the final code, and the outlier threshold's comment giving the measured range of AF's and AG's foreign
pictures), so they will not stay untouched; AH is a held-out measurement of the code after that run, of families of its
own (AH's writer read no docs, logs, result files or commit bodies: only the commit subjects, the library's code and
the earlier generators' and tuning tools' files, to copy their structure and to avoid their families). Generator AH was
written before any tool was run on it (only its pictures were looked at, on contact sheets of its edits, blurs,
darkenings and foreign pictures at 28, 36 and 264 px, to check that every edit is visible, every blur blurred, every
darkened image dark with its picture still in it and every outlier foreign, and the planted folders hashed twice); it
is not to be changed after its results are seen. Its edits, blurs, darkenings, foreign pictures and label noise are of
families that no tuning tool (``blur_tuning.py``'s lens blurs: Gaussian, soft disk, astigmatic elongated Gaussian,
ring; ``_foreign.py``'s textures, icons and soft photographs; ``near_photos.py``'s and ``near_small.py``'s edits;
``label_filters.py``'s and ``label_noise_models.py``'s flips), no earlier generator (A = ``dq.datasets.plant_issues``,
B, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T, U, V, W, X, Y, Z, AA, AB, AC, AD, AE, AF, AG) and none of the
library's calibration copies (``dataquality/compute/_synthetic.py``: crop, shift, rotate, brightness, contrast, gamma,
JPEG, resize, overlay box; Gaussian, box, motion, down-and-up blurs) make. Like AC's to AG's it has two blur families,
not three: every third one considered was too near an earlier generator's (below). Left out because an earlier
generator made them or left them out: among objects on the print a bowling pin (AB's bowling lane), a chess piece (L's
chess boards), a spatula or a dustpan (AF's trowel), a hand bell, a sink plunger or a fly swatter (AF's microphone: a
head on a handle), an asthma inhaler or a water pistol (AD's hair dryer, as the glue gun AG left out: L-shapes), a
kendama or a rubber stamp (AF's corkscrew, AE's hammer: T-shapes), a lug wrench (O's pencil and V's door key, as the
spanners AA left out), a resistor, a fire extinguisher or a soda can (W's battery, AG's spark plug: cylinders), a box
grater, a floppy disk or a passport (the calibration's overlay box, as the credit card AC left out), a rasher of bacon
(AD's drumstick: one meat is enough), a gingerbread man or a taco (Z's croissant: one bakery item is enough), a fishing
lure (the small fish AB left out), a trilobite or a shark's tooth (AB's prawn and cheese wedge), a hockey stick or a
pair of skis (O's pencil, as the Allen key AD left out), handcuffs or swimming goggles (L's magnifying glass, as the
spectacles V left out), a bow tie (V's gift bow), a cowbell (AH's own metronome: one trapezoid is enough); of the whole
picture a snail's slime trails (AG's termite tubes), smoke rings (R's steam, as the Holi powder AD left out), kintsugi
seams (M's cracked screen, G's Voronoi cells), gold leaf laid in squares (K's sticky note, U's silvering), a tie-dye
spiral (AG's spotlights, J's recolouring), insects splattered on a windscreen (P's fly, N's ink splash), a word written
with a finger on a dusty pane (K's steamed window, O's signature), a structured-light scanner's stripes (K's blinds), a
tinsel garland (T's charging cable), fold-dyed paper (L's crease, as the folded road map W left out), barnacles (AE's
hailstones), a perforated metal screen or a wrought-iron grille (O's fence, I's halftone), scattered pick-up sticks
(O's pencil, G's scratches); among blurs toast browned under a grill through a stencil and pyrography (AA's latte and
AF's fumage: a brown picture on a pale ground), encaustic wax melted with a heat gun (AG's fused glass), a knitted
intarsia copy (AB's felting, AG's ikat), fresco pigment soaking into wet plaster (Q's ink bleed), a phosphorescent
sheet's afterglow (it would come out dark), a photocopy of a photocopy (U's dark photocopy, E's palette, as the faxed
copy AC left out), a flower carpet of petals (G's mosaic); among darkenings a cloud lamp (AG's paper star: one hanging
lantern is enough), a bubble tube (W's plasma globe, as the lava lamp X left out), a computer case's lit fan rings
(AE's speaker ring), a lit model house (X's jack-o'-lantern, the tent AD left out), a kiln's spy hole (the heater's
glowing bars V left out), a bar's backlit bottles (AG's row of valves), a glass kettle's blue light (AE's speaker ring,
as the kettle's light ring AF left out), a microscope's lit stage (K's spotlight), a Nixie tube clock (the bedside
clock R left out); among foreign pictures a whale under water (AE's iceberg seen through the water, as the submarine AF
left out), a container port (V's toy bricks), a Venetian canal or a church's nave (AG's corridor: one-point
perspective), a peacock's train (F's starbursts), a helicopter (vehicles from the side: a sneaker on the clothing
sets), a hang-glider (a triangle, as the pyramids AD left out), rice terraces (H's contours), a dinosaur skeleton (AC's
toy dinosaur); among label noise a partial-label set collapsed to its first candidate (R's first-yes, the ties broken
by the list's order V left out), a touchscreen's taps landing a row low (O's hotkeys), pictures pooled in bags labelled
by one tag (M's pages), a new labeller's first answers (I's careless share, the tiring labeller S left out), rare
classes recoded to their batch's commonest for privacy (G's attractors, as the skipped pictures AA left out), a
colour-coded label read back through a colour profile (B's map), an adjudicator siding with the larger of two classes
(F's look-alikes, G's frequencies), a co-training view of the top half (Q's turned view, as the cropped view R left
out).

* ``near_duplicate`` (3%), five edits in a part of the picture and three of the whole, in turn (so that the 264 px
  set's two copies get both kinds): a spring mousetrap lying on the print, set (44-56% of the side long, at least 12
  px, a pine base 46% of that wide with 2-3 grain lines and a red maker's mark, a steel coil spring across its middle
  with 5 turns, the U-shaped kill bar, a wire 2.2% of the length thick, pulled back over the other half, an arming bar
  to the bait pedal, a yellow plastic cheese or a tin plate 12% by 16%, 4 dark staples, a glint along the kill bar; at
  any angle, 30-70% of the way across and down, a soft shadow at 40%), a trophy cup lying on its side on the print
  (46-58% of the side from its plinth to its rim, at least 12 px, a black or wooden plinth 20% of the length deep and
  40% wide with a brass plaque, a foot, a stem 6% thick with a knop, a cup flaring from 12% to 44% of the length wide,
  its rim's mouth an ellipse 8% deep showing its dark inside, two loop handles 3% thick bowed out by 9%, gold, silver
  or bronze, its lower side 22% darker, a sheen; at any angle, 30-70% of the way across and down, a soft shadow at
  40%), a skateboard lying wheels up on the print (a deck 50-62% of the side long, at least 13 px, 26% of that wide
  with round ends, its underside black, red, blue, yellow, cream or green with a band and a disc of another of them,
  two trucks 30% of the length from its middle, a dark baseplate with four bolts, a silver hanger 4% thick to 16% off
  the axis, four wheels 9% by 7% of the length, white, red, blue, yellow or mint, a sheen; at any angle, 30-70% of the
  way across and down, a soft shadow at 45%), a clockwork metronome lying on its back on the print (44-56% of the side
  from its base to its tip, at least 12 px, a pyramid body 50% of that wide at the foot narrowing to 16% and a pointed
  cap, mahogany, walnut, black or red lacquer, one face lit 12% more, on a plinth 20% darker, a cream scale plate with
  10 tempo marks, a steel pendulum rod 1.6% thick swung by up to 8 degrees with a brass sliding weight 20-70% of the
  way up it, a brass winding key; at any angle, 30-70% of the way across and down, a soft shadow at 40%) and an apple
  core lying on the print (36-48% of the side long, at least 10 px, 62% of that wide at its ends, bitten to 22% in the
  middle with a scalloped edge, red, green, yellow or russet skin over its ends, cream flesh going brown at its bitten
  edges, 2-3 dark pips, a stalk and a calyx, a sheen on the skin; at any angle, 30-70% of the way across and down, a
  soft shadow at 40%); of the whole picture: honey drizzled over the print from a dipper moved back and forth (5-8
  passes across the whole picture at any angle, 0.9 of the side between the first and the last, each wavering by 2% of
  the side, a strand 2-3% of the side wide, at least 1 px, thicker and thinner by 30%, 3-6 drops where it pooled, the
  picture seen through the honey at 85%, tinted amber and lifted by 30 / 14 / 0 levels, a darker edge and a highlight
  along it: a translucent strand laid in loops, not T's crayon scribble or AG's termite tubes), torn pieces of coloured
  tissue paper glued over the print as in a collage (4-7 pieces, polygons of 4-6 corners 14-24% of the side from their
  middles, anywhere, their edges torn, red, yellow, blue, green, pink, orange or violet, each filtering the light as a
  thin dye does, ``1 - a (1 - colour)`` with ``a`` 0.5-0.65, overlaps multiplying, and scattering back 10-16% of the
  light in its own colour, a white fibrous rim along each torn edge, 1-2 glue wrinkles: coloured filters with torn
  edges, not AA's hand tinting, AG's spotlights or K's opaque sticky note) and the print used as the card of a
  Campbell-Stokes sunshine recorder for a day (the sun, focused by the glass sphere, burned a track across it from edge
  to edge, 20 degrees either side of level, bowed by 5-10% of the side, 30-70% of the way down, 1.5-3% of the side
  wide, at least 1 px, widening and narrowing with the sun's strength, 0.5-1.2 times, broken by 1-3 gaps of 4-12% of
  its length where clouds passed, charred, 34 / 24 / 18 at 90%, in a scorched brown halo 2.4 times as wide at 55%: a
  burnt line, not the cigarette burn R left out, T's soot or T's dodge stroke);
* ``exact_duplicate`` (1%): byte-for-byte copies of a file under another name;
* ``blurry`` (3%): the picture planted as rice paddy art (tanbo art) and photographed from an observation tower in
  summer (the seedlings set out in hills on a grid 1.2-1.8% of the side apart, at least 1 px, each of the variety the
  picture's grey, stretched between its own 2nd and 98th percentiles, calls for where it stands, three varieties by
  leaf colour from dark to light, purple, green and yellow-leaf, red, green and white-leaf or dark, green and
  yellow-leaf rice, blended between them; the plants grown out and over each other, a Gaussian of 2.6-3.6% of the side,
  at least 1.2 px; the rows every second hill, along or across the picture, the water between them dark at 16-24%: a
  picture grown in a field, not the chlorophyll print on a leaf Z left out or G's mosaic) and the picture trampled into
  fresh snow on a frozen lake by walkers in snowshoes and photographed from a hill (the picture's darkness, ``1 -
  lum``, ``lum`` the stretched grey, trampled in as far as their steps allow, a Gaussian of 2.5-3.5% of the side, at
  least 1.2 px; trampled snow blue in the shadow of its pits, 150 / 166 / 192, the rest fresh, 246 / 248 / 252;
  snowshoe prints, ovals 0.6-1% of the side long, at least 0.6 px, strewn over the trampled parts as thickly as they
  are trampled, 18% darker; the low sun's light rising by up to 6% across the field: a drawing in trodden snow, not
  AC's snowfall or AD's sand drift, which lie over the picture); each as a camera metering on the highlights exposes it
  (as Y's to AG's);
* ``dark`` (2%): a dark bedroom lit only by a silicone cat night light standing in the picture (a squat cat 22-28% of
  the side wide below 48 px, 14-18% above, at least 6 px, 80% of that high, with two pointed ears, 2-5% of the side
  above the bottom edge 20-80% of the way across, glowing warm white, pink, blue, mint or amber from inside, brightest
  in its middle, two closed eyes and three whiskers a side drawn dark; a glow of sigma 6-9% of the side up to 35-50
  levels; the picture lit at a gain of 0.02-0.035 plus 0.25-0.35 falling off as ``1 / (1 + (d / d0) ** 2)`` from the
  cat's middle, ``d0`` 25-40% of the side, in its colour; noise sigma 1.2 levels), a dark room lit only by the tuning
  dial of an old valve radio standing in the picture (a dark walnut cabinet from 10-22% to 78-90% of the way across and
  from 66-74% of the way down to the bottom edge, its top edge catching the light; the dial a strip of glass over its
  left half, 8% of the side high below 48 px, 5% above, at least 2 px, glowing amber, 255 / 196 / 110, with 14 dark
  scale ticks and a red needle 15-85% along it; a cloth speaker grille with 3 slats, two dark knobs; a glow of sigma
  5-8% of the side up to 35-50 levels; the picture lit at a gain of 0.015-0.03 plus 0.25-0.38 falling off as ``1 / (1 +
  (d / d0) ** 2)`` from the dial's middle, ``d0`` 25-40% of the side, in amber, 1.0 / 0.72 / 0.36; noise sigma 1.2
  levels: a lit scale in a cabinet, not AG's glowing valves standing on a chassis or AF's letter light box) and a dark
  room lit only by an edge-lit acrylic night light, a 3-D illusion lamp, standing in the picture (a black base 24-30%
  of the side wide below 48 px, 16-20% above, at least 6 px, 25% of that high, 2-5% of the side above the bottom edge
  25-75% of the way across, an LED strip along its top; on it a clear plate, its edges faint, engraved with a line
  drawing the LEDs light, a ringed planet, a crescent moon with three stars or a heart, in lines 2% of the side wide,
  at least 0.45 px, blue, violet, red, green or white; a glow of sigma 4-7% of the side up to 40-60 levels; the picture
  lit at a gain of 0.015-0.03 plus 0.25-0.35 falling off as ``1 / (1 + (d / d0) ** 2)`` from the plate's middle, ``d0``
  20-35% of the side, in its colour; noise sigma 1.2 levels: a glowing drawing in the air, not the neon sign Q left out
  or the glow sticks T and W left out); none of them blurs the picture;
* ``outlier`` (1.5%): caves (inside a limestone cave looking out, its mouth a ragged opening 28-44% of the side wide
  and 1.0-1.4 times that high showing daylight, the ceiling down to a ragged line 8-18% of the way down with 6-10
  stalactites hanging from it, 12-30% of the side long, the floor from 72-84% down with 4-7 stalagmites rising from it,
  a pool on the floor glinting with the mouth's light), crocodiles basking on a sandbank seen from above (the river
  everywhere, a ragged sandbank 60-80% of the side across about the middle, the crocodile 70-85% of the side from snout
  to tail tip within 35 degrees of level, facing either way, a body, a head and a long snout, a curving tail, four
  splayed legs with three toes each, two rows of dark scutes along its back, two pale eyes, its shadow cast aside) and
  fitted kitchens seen from the front (wall cupboards either side of a window with a cross of glazing bars, a tiled
  splashback with grout lines every 5-7% of the side, a worktop from 58-62% down, base cupboards below it with 4-5
  doors and bar handles, one an oven door with a dark window, a tap rising from the worktop, a dark plinth); the digit
  and clothing sets get them in their own tones on their dark ground, the photographs as brown or grey limestone round
  a mouth of daylight with pale formations and a dark pool, an olive crocodile with dark scutes on a pale sandbank in a
  green or brown river, and sage, navy, white, wooden or red units with a dark, wooden or white worktop, white tiles
  and a blue window;
* ``label`` (5%): *ghost* flips: part of the set was labelled in a tool whose viewer's cross-fade stuck part way, so
  that each picture was shown over a fading ghost of the one shown before it (the whole set in a random labelling
  order); the labeller gave each the class its view looked like, the class whose mean 8 x 8 grey thumbnail
  (standardised) over the whole set is nearest, by squared distance, the view's thumbnail (``1 - a`` of the picture's
  own grey thumbnail plus ``a`` of the one before's, standardised); the eligible pictures are those with a picture
  before them whose own thumbnail alone is nearest their own class's mean (pictures the labeller would have got right),
  ``a`` the least of 0.1-0.7 (in steps of 0.02) at which those so given another class than their own are at least twice
  the flips needed (all of them at 0.7: on these sets 0.22-0.34); the flips are drawn uniformly among those, each given
  its view's class: noise that depends on which picture came before, into the class of a mixture of two pictures, often
  the one before's and at times a third class the mixture resembles (not the previous picture's class itself, as U and
  W left out; not a look-alike of the picture alone, as F's, H's, T's, V's or W's; not a transformed view of the
  picture alone, as Q's turned view). Every flip changes the label, so every one is in the truth.

Each planted defect has its own source image; nothing else is planted, so only these six issue types are scored on AH's
sets. Base data are the evaluation domains drawn with seeds no other set uses: Fashion-MNIST *test* (2,000, seed 261),
MNIST (2,000, seed 262), and the evaluation photographs tiled at 36 px (24 tiles a photograph at most, seed 263: 408)
and at 264 px (every tile, seed 264: 78, the photographs with 1-31 tiles each: AG's photograph base does give 264 px
tiles, but the chelsea, clock and coins photographs give one each, so each of their classes holds one picture), sizes
no other set uses. ``photos36_ah_jpeg`` is written as JPEG files, each at a quality drawn from 63-85 (a stream of its
own, seed ``345_000 + random_state``), every edit, blur and darkening made before the encoding, near copies made from
the decoded JPEG and saved again at their own quality, exact copies byte copies of the file; the other sets are PNG
files. Planting draws from seed ``340_000 + random_state``. The planting is I's (:func:`_heldout_i.plant_generator`, as
for J to AG).
"""

from __future__ import annotations

import numpy as np
from _heldout_aa import _frame_at, _rect
from _heldout_ab import _pick
from _heldout_ac import _curve, _rrect, _tube
from _heldout_ae import _lit
from _heldout_af import _glow, _stretched
from _heldout_h import _drawn, _u8
from _heldout_i import by_family, plant_generator
from _heldout_k import _paint
from _heldout_p import _ellipse
from _heldout_q import _down, _thumbs
from _heldout_s import _pixels
from _heldout_v import _metered
from _heldout_x import _canvas, _Frame, _laid
from PIL import Image, ImageDraw

from dataquality.datasets import PlantedDataset

EVALUATION_AH = ("fashion_test_ah", "mnist_ah", "photos36_ah_jpeg", "photos264_ah")
# each set's base: (data, seed) or ("photos", seed, tile size, tiles per photograph quick, full)
BASES_AH = {
    "fashion_test_ah": ("fashion_test", 261),
    "mnist_ah": ("mnist", 262),
    "photos36_ah_jpeg": ("photos", 263, 36, 8, 24),
    "photos264_ah": ("photos", 264, 264, 8, 1000),
}
JPEG_QUALITY = (63, 86)  # the JPEG set's qualities: integers in [low, high)
RATES_AH = {"near_duplicate": 0.03, "exact_duplicate": 0.01, "blurry": 0.03, "dark": 0.02, "outlier": 0.015,
            "label": 0.05}
# parts of the picture and the whole picture in turn, so that the smallest set (2 copies) gets both kinds
NEAR_EDITS_AH = ("mousetrap", "honey_drizzle", "trophy_cup", "tissue_collage", "skateboard", "sunshine_burn",
                 "metronome", "apple_core")
BLURS_AH = ("rice_paddy_art", "snow_art")
DARKS_AH = ("cat_nightlight", "radio_dial", "acrylic_lamp")
OUTLIERS_AH = ("cave", "crocodile", "kitchen")
GHOST_ALPHAS = np.round(np.arange(0.1, 0.701, 0.02), 2)  # the stuck cross-fade's opacities tried, least first (label noise)


def load_base_ah(name: str, quick: bool = False):
    import _heldout

    return _heldout.load_generator_base(name, quick, BASES_AH, "AH")


# -- near copies -----------------------------------------------------------------------------
STEEL = np.array([170, 172, 178], np.float32)
TRAP_WOODS = ((216, 184, 132), (198, 162, 112), (226, 200, 156))
BAITS = ((242, 204, 70), (204, 206, 200))  # a yellow plastic cheese pedal, a tin one


def _mousetrap(f: np.ndarray, rng) -> np.ndarray:
    """A spring mousetrap lying on the print, set: 44-56% of the side long, at least 12 px; a pine base 46% of the
    length wide, light, mid or pale wood, 2-3 darker grain lines along it at 50% and a red printed maker's mark at 45%;
    a steel coil spring across its middle 6% of the length wide with 5 darker turns; the U-shaped kill bar, a wire 2.2%
    of the length thick, from the spring over the other half to 42% of the length beyond, pulled back; the
    arming bar from the spring to the bait pedal, a yellow plastic cheese or a tin plate 12% by 16% of the length, held
    by a dark staple, 3 more staples along the edge; a glint along the kill bar at 45%; at any angle, its middle 30-70%
    of the way across and down, a soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(12.0, side * rng.uniform(0.44, 0.56))
    wood = _pick(TRAP_WOODS, rng)
    fr = _frame_at(h, w, rng)
    lw = max(0.35, 0.022 * L)
    grain = [[(-0.48 * L, y), (0.48 * L, y + L * rng.uniform(-0.03, 0.03))]
             for y in rng.uniform(-0.2, 0.2, int(rng.integers(2, 4))) * L]
    turns = [[(x, -0.19 * L), (x + 0.02 * L, 0.19 * L)] for x in np.linspace(-0.03, 0.02, 5) * L]
    staples = [[(x, y - 0.025 * L), (x, y + 0.025 * L)] for x, y in ((-0.47 * L, 0.0), (0.47 * L, -0.15 * L),
                                                                      (0.47 * L, 0.15 * L))]
    parts = [(fr.fill([_rect(-0.5 * L, -0.23 * L, 0.5 * L, 0.23 * L)]), wood, 1.0, True),
             (fr.line(grain, max(0.35, 0.008 * L)), wood * 0.78, 0.5, False),
             (fr.fill([_ellipse(-0.26 * L, 0.1 * L, 0.07 * L, 0.04 * L, 0.0, 16)]), (190, 40, 36), 0.45, False),
             (fr.fill([_rect(-0.03 * L, -0.2 * L, 0.03 * L, 0.2 * L)]), STEEL, 1.0, True),
             (fr.line(turns, max(0.35, 0.008 * L)), (90, 92, 98), 0.8, False),
             (fr.line([[(0.0, -0.18 * L), (-0.42 * L, -0.18 * L), (-0.42 * L, 0.18 * L), (0.0, 0.18 * L)]], lw),
              STEEL, 1.0, True),
             (fr.line([[(0.02 * L, 0.0), (0.3 * L, 0.01 * L)]], lw * 0.8), STEEL * 0.9, 1.0, True),
             (fr.fill([_rect(0.3 * L, -0.08 * L, 0.42 * L, 0.08 * L)]), _pick(BAITS, rng), 1.0, True),
             (fr.line([[(0.36 * L, -0.1 * L), (0.36 * L, 0.1 * L)]] + staples, max(0.35, 0.012 * L)), (60, 60, 64),
              0.9, False),
             (fr.line([[(-0.4 * L, -0.185 * L), (-0.05 * L, -0.185 * L)]], max(0.35, 0.008 * L)), (255, 255, 255),
              0.45, False)]
    return _u8(_laid(f, parts, 0.4))


TROPHY_METALS = ((214, 172, 60), (202, 204, 210), (180, 114, 62))  # gold, silver, bronze
PLINTHS = ((40, 30, 26), (92, 58, 34), (24, 24, 26))


def _trophy_cup(f: np.ndarray, rng) -> np.ndarray:
    """A trophy cup lying on its side on the print: 46-58% of the side from its plinth to its rim, at least 12 px; a
    square plinth 20% of the length deep and 40% wide, black, dark or mid wood, with a brass plaque at 90%; a foot, a
    stem 6% thick with a knop 12% across, a cup flaring from 12% to 44% of the length wide at its rim, the rim's mouth
    an ellipse 8% deep showing its dark inside, two loop handles 3% thick from its sides, bowed out by 9% of the
    length; gold, silver or bronze, its lower side 22% darker, a sheen along it at 45%; at any angle, its middle 30-70%
    of the way across and down, a soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(12.0, side * rng.uniform(0.46, 0.58))
    metal = _pick(TROPHY_METALS, rng)
    fr = _frame_at(h, w, rng)
    xs = np.linspace(-0.04, 0.46, 14) * L
    prof = 0.06 * L + 0.16 * L * ((xs + 0.04 * L) / (0.5 * L)) ** 0.6
    cup = [(float(x), float(-y)) for x, y in zip(xs, prof)] + [(float(x), float(y)) for x, y in zip(xs[::-1],
                                                                                                  prof[::-1])]
    lower = [(float(x), 0.0) for x in xs] + [(float(x), float(y)) for x, y in zip(xs[::-1], prof[::-1])]
    handles = [_curve((0.1 * L, s * 0.11 * L), (0.36 * L, s * 0.19 * L), s * 0.09 * L, 16) for s in (-1, 1)]
    handles = [[(float(x), float(y)) for x, y in hd] for hd in handles]
    lw = max(0.4, 0.03 * L)
    parts = [(fr.fill([_rect(-0.5 * L, -0.2 * L, -0.3 * L, 0.2 * L)]), _pick(PLINTHS, rng), 1.0, True),
             (fr.fill([_rect(-0.47 * L, -0.1 * L, -0.33 * L, 0.1 * L)]), (206, 170, 90), 0.9, False),
             (fr.fill([[(-0.3 * L, -0.14 * L), (-0.24 * L, -0.05 * L), (-0.24 * L, 0.05 * L), (-0.3 * L, 0.14 * L)],
                       _rect(-0.25 * L, -0.03 * L, -0.03 * L, 0.03 * L),
                       _ellipse(-0.14 * L, 0.0, 0.035 * L, 0.06 * L, 0.0, 16), cup]), metal, 1.0, True),
             (fr.line(handles, lw), metal * 0.92, 1.0, True),
             (fr.fill([lower]), metal * 0.78, 1.0, False),
             (fr.fill([_ellipse(0.46 * L, 0.0, 0.04 * L, 0.2 * L, 0.0, 20)]), metal * 0.35, 1.0, False),
             (fr.line([[(-0.02 * L, -0.05 * L), (0.42 * L, -0.13 * L)]], max(0.35, 0.018 * L)), (255, 255, 255),
              0.45, False)]
    return _u8(_laid(f, parts, 0.4))


DECKS = ((40, 40, 44), (210, 60, 50), (40, 110, 190), (236, 196, 60), (236, 232, 222), (60, 150, 90))
SKATE_WHEELS = ((244, 242, 232), (230, 60, 60), (60, 120, 220), (250, 210, 50), (70, 200, 140))


def _skateboard(f: np.ndarray, rng) -> np.ndarray:
    """A skateboard lying wheels up on the print: a deck 50-62% of the side long, at least 13 px, and 26% of that wide
    with round ends, its underside painted black, red, blue, yellow, cream or green, with a band across it of another
    of those colours and a disc at 80%; two trucks 30% of the length from its middle, a dark baseplate 8% by 12% with
    four bolts and a silver hanger 4% thick across the deck to 16% off the axis; four wheels 9% by 7% of the length at
    the hangers' ends, white, red, blue, yellow or mint; a sheen along the deck at 30%; at any angle, its middle 30-70%
    of the way across and down, a soft shadow at 45%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(13.0, side * rng.uniform(0.5, 0.62))
    k = rng.permutation(len(DECKS))[:2]
    deck, band = np.asarray(DECKS[k[0]], np.float32), np.asarray(DECKS[k[1]], np.float32)
    fr = _frame_at(h, w, rng)
    deck_m = fr.fill([_rrect(-0.5 * L, -0.13 * L, 0.5 * L, 0.13 * L, 0.13 * L, 8)])
    bx = L * rng.uniform(-0.15, 0.05)
    bolts = [_ellipse(x + dx, dy, 0.008 * L, 0.008 * L, 0.0, 8) for x in (-0.3 * L, 0.3 * L)
             for dx in (-0.025 * L, 0.025 * L) for dy in (-0.035 * L, 0.035 * L)]
    wheels = [_rrect(x - 0.035 * L, s * 0.105 * L - 0.045 * L, x + 0.035 * L, s * 0.105 * L + 0.045 * L, 0.015 * L)
              for x in (-0.3 * L, 0.3 * L) for s in (-1, 1)]
    parts = [(deck_m, deck, 1.0, True),
             (fr.fill([[(bx, -0.14 * L), (bx + 0.12 * L, -0.14 * L), (bx + 0.2 * L, 0.14 * L),
                        (bx + 0.08 * L, 0.14 * L)]]) * deck_m, band, 1.0, False),
             (fr.fill([_ellipse(bx + 0.3 * L, 0.0, 0.06 * L, 0.06 * L, 0.0, 16)]) * deck_m, band, 0.8, False),
             (fr.fill([_rect(x - 0.04 * L, -0.06 * L, x + 0.04 * L, 0.06 * L) for x in (-0.3 * L, 0.3 * L)]),
              (70, 72, 78), 1.0, True),
             (fr.fill(bolts), (200, 200, 204), 1.0, False),
             (fr.line([[(x, -0.16 * L), (x, 0.16 * L)] for x in (-0.3 * L, 0.3 * L)], max(0.4, 0.04 * L)),
              (186, 188, 194), 1.0, True),
             (fr.fill(wheels), _pick(SKATE_WHEELS, rng), 1.0, True),
             (fr.line([[(-0.42 * L, -0.1 * L), (0.42 * L, -0.1 * L)]], max(0.35, 0.015 * L)) * deck_m,
              (255, 255, 255), 0.3, False)]
    return _u8(_laid(f, parts, 0.45))


METRONOME_WOODS = ((110, 50, 30), (88, 60, 40), (30, 28, 28), (160, 32, 30))


def _metronome(f: np.ndarray, rng) -> np.ndarray:
    """A clockwork metronome lying on its back on the print, seen from its front: 44-56% of the side from its base to
    its tip, at least 12 px; a pyramid body 50% of the length wide at the foot narrowing to 16% at 92% of it and a
    pointed cap, mahogany, walnut, black or red lacquer, its left face lit 12% more, on a plinth 8% of the length deep
    and 56% wide 20% darker; a cream scale plate down its middle, 20% to 7% wide, with 10 tempo marks; the steel
    pendulum rod 1.6% of the length thick from its pivot near the foot to beyond the plate, swung by up to 8 degrees,
    with a brass sliding weight 9% long 20-70% of the way up it; a brass winding key at its side; at any angle, its
    middle 30-70% of the way across and down, a soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(12.0, side * rng.uniform(0.44, 0.56))
    wood = _pick(METRONOME_WOODS, rng)
    fr = _frame_at(h, w, rng)
    body = [(-0.42 * L, -0.25 * L), (0.42 * L, -0.08 * L), (0.5 * L, 0.0), (0.42 * L, 0.08 * L), (-0.42 * L, 0.25 * L)]
    left = [(-0.42 * L, -0.25 * L), (0.42 * L, -0.08 * L), (0.5 * L, 0.0), (-0.42 * L, 0.0)]
    plate = [(-0.36 * L, -0.1 * L), (0.3 * L, -0.035 * L), (0.3 * L, 0.035 * L), (-0.36 * L, 0.1 * L)]
    marks = [[(x, 0.02 * L), (x, 0.05 * L - 0.08 * (x / L) * L)] for x in np.linspace(-0.3, 0.24, 10) * L]
    a = np.deg2rad(rng.uniform(-8, 8))
    piv = np.array([-0.38 * L, 0.0])
    tip = piv + 0.78 * L * np.array([np.cos(a), np.sin(a)])
    t = rng.uniform(0.2, 0.7)
    c = piv + t * (tip - piv)
    u = (tip - piv) / np.linalg.norm(tip - piv)
    n = np.array([-u[1], u[0]])
    wgt = [tuple(c - 0.045 * L * u - 0.05 * L * n), tuple(c + 0.045 * L * u - 0.035 * L * n),
           tuple(c + 0.045 * L * u + 0.035 * L * n), tuple(c - 0.045 * L * u + 0.05 * L * n)]
    parts = [(fr.fill([body, _rect(-0.5 * L, -0.28 * L, -0.42 * L, 0.28 * L)]), wood, 1.0, True),
             (fr.fill([_rect(-0.5 * L, -0.28 * L, -0.42 * L, 0.28 * L)]), wood * 0.8, 1.0, False),
             (fr.fill([left]), np.minimum(wood * 1.12 + 8, 255), 1.0, False),
             (fr.fill([plate]), (234, 222, 184), 1.0, False),
             (fr.line(marks, max(0.35, 0.008 * L)), (60, 50, 40), 0.7, False),
             (fr.line([[tuple(piv), tuple(tip)]], max(0.35, 0.016 * L)), (196, 198, 204), 1.0, True),
             (fr.fill([wgt]), (204, 164, 70), 1.0, True),
             (fr.fill([_rect(-0.2 * L, 0.24 * L, -0.16 * L, 0.31 * L), _ellipse(-0.18 * L, 0.33 * L, 0.04 * L,
                                                                                  0.025 * L, 0.0, 12)]),
              (200, 160, 70), 1.0, True)]
    return _u8(_laid(f, parts, 0.4))


APPLE_SKINS = ((190, 30, 36), (120, 180, 60), (220, 190, 60), (170, 60, 40))


def _apple_core(f: np.ndarray, rng) -> np.ndarray:
    """An apple core lying on the print: 36-48% of the side long, at least 10 px; 62% of that wide at its ends,
    narrowed by the bites to 22% in the middle, the bitten edge scalloped by 2.5% of the length; red, green, yellow or
    russet skin over its ends (beyond 58% of the way from the middle), its eaten middle cream flesh, 236 / 226 / 184,
    going brown at its bitten edges, 196 / 170 / 120 at 60%, 2-3 dark brown pips 8% long near the middle, a brown stalk
    at one end 3% thick and 12% long, a dark calyx at the other and a sheen on the skin at 35%; at any angle, its
    middle 30-70% of the way across and down, a soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(10.0, side * rng.uniform(0.36, 0.48))
    skin = _pick(APPLE_SKINS, rng)
    fr = _frame_at(h, w, rng)
    u = np.linspace(-1, 1, 61)
    au = np.abs(u)
    hw = np.where(au < 0.72, 0.11 + 0.2 * (au / 0.72) ** 2, 0.31 * np.sqrt(np.clip(1 - ((au - 0.72) / 0.28) ** 2, 0, 1)))
    bite = np.where(au < 0.62, 0.025 * np.abs(np.sin(u * 30 + rng.uniform(0, 3))), 0.0)
    hw = (hw - bite) * L
    x = 0.43 * L * u
    outline = [(float(a), float(-b)) for a, b in zip(x, hw)] + [(float(a), float(b)) for a, b in zip(x[::-1], hw[::-1])]
    core = fr.fill([outline])
    ends = fr.fill([_rect(0.25 * L, -0.4 * L, 0.5 * L, 0.4 * L), _rect(-0.5 * L, -0.4 * L, -0.25 * L, 0.4 * L)]) * core
    inner = [(float(a), float(-0.75 * b)) for a, b in zip(x, hw)] + [(float(a), float(0.75 * b))
                                                                      for a, b in zip(x[::-1], hw[::-1])]
    pips = [_ellipse(L * rng.uniform(-0.06, 0.06), s * 0.04 * L, 0.04 * L, 0.018 * L, rng.uniform(-0.5, 0.5), 10)
            for s in (-1, 1)[: int(rng.integers(1, 3))]] + [_ellipse(L * rng.uniform(0.06, 0.1), 0.0, 0.035 * L,
                                                                    0.016 * L, 0.0, 10)]
    parts = [(core, (236, 226, 184), 1.0, True),
             (core * (1 - fr.fill([inner])), (196, 170, 120), 0.6, False),
             (ends, skin, 1.0, False),
             (fr.fill(pips) * core, (80, 44, 24), 1.0, False),
             (fr.line([[(0.42 * L, 0.0), (0.54 * L, 0.02 * L)]], max(0.4, 0.03 * L)), (96, 64, 36), 1.0, True),
             (fr.fill([_ellipse(-0.42 * L, 0.0, 0.025 * L, 0.05 * L, 0.0, 10)]), (60, 44, 30), 0.9, False),
             (fr.line([[(0.3 * L, -0.2 * L), (0.38 * L, -0.16 * L)]], max(0.35, 0.02 * L)) * ends, (255, 255, 255),
              0.35, False)]
    return _u8(_laid(f, parts, 0.4))


HONEYS = ((1.0, 0.72, 0.26), (1.0, 0.62, 0.18), (1.0, 0.8, 0.4))


def _honey_drizzle(f: np.ndarray, rng) -> np.ndarray:
    """Honey drizzled over the print from a dipper moved back and forth: 5-8 passes across the whole picture, at any
    angle, 0.9 of the side between the first and the last, each wavering by 2% of the side and joined to the next by a
    loop beyond the edge; a strand 2-3% of the side wide, at least 1 px, thicker and thinner by 30% along it, with 3-6
    drops 1.5 strands across where it pooled; the picture seen through the honey at 85%, tinted 1.0 / 0.72 / 0.26, 1.0
    / 0.62 / 0.18 or 1.0 / 0.8 / 0.4 and lifted by 30 / 14 / 0 levels, its edge darker at 25% and a highlight along it,
    a third as wide, white at 45%."""
    h, w = f.shape[:2]
    side = min(h, w)
    n = int(rng.integers(5, 9))
    ang = rng.uniform(0, np.pi)
    c, s = np.cos(ang), np.sin(ang)
    gap = 0.9 * side / (n - 1)
    ph = rng.uniform(0, 2 * np.pi)
    pts = []
    for k in range(n):
        us = np.linspace(-0.75, 0.75, 40) * side * (1 if k % 2 == 0 else -1)
        vs = -0.45 * side + k * gap + 0.02 * side * np.sin(us / side * 7 + ph + k)
        pts += list(zip(us, vs))
    p = np.asarray(pts)
    xy = np.stack([w / 2 + p[:, 0] * c - p[:, 1] * s, h / 2 + p[:, 0] * s + p[:, 1] * c], axis=1)
    wid = max(1.0, side * rng.uniform(0.02, 0.03))
    var = np.clip(1 + 0.3 * np.convolve(rng.normal(0, 1, len(xy) + 6), np.ones(7) / 7, mode="same")[:len(xy)] * 2,
                  0.6, 1.4)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    drops = [_ellipse(float(xy[j, 0]), float(xy[j, 1]), 0.75 * wid, 0.75 * wid, 0.0, 12)
             for j in rng.integers(0, len(xy), int(rng.integers(3, 7)))]
    half = 0.5 * wid * var
    m = ident.fill([_tube(xy[j: j + 9], half[j: j + 9]) for j in range(0, len(xy) - 1, 8)] + drops)
    edge = ident.line([[tuple(q) for q in xy]], wid * 1.25) * (1 - ident.line([[tuple(q) for q in xy]], wid * 0.7))
    shine = ident.line([[tuple(q) for q in xy - 0.2 * wid]], max(0.35, wid / 3)) * m
    seen = f * np.asarray(_pick(HONEYS, rng)) + np.array([30, 14, 0], np.float32)
    out = f * (1 - 0.85 * m[..., None]) + seen * 0.85 * m[..., None]
    out = _paint(out, 0.25 * edge, (110, 60, 10))
    return _u8(_paint(out, 0.45 * shine, (255, 255, 255)))


TISSUES = ((230, 40, 60), (250, 210, 40), (40, 110, 220), (60, 180, 90), (240, 120, 190), (250, 140, 40),
           (140, 80, 200))


def _tissue_collage(f: np.ndarray, rng) -> np.ndarray:
    """Torn pieces of coloured tissue paper glued over the print, as in a collage: 4-7 pieces, each a polygon of 4-6
    corners 14-24% of the side from its middle (anywhere in the picture), its edges torn (each split into 8 stretches
    moved by up to 2.5% of the side); red, yellow, blue, green, pink, orange or violet, each filtering the light as a
    thin dye does (the picture times ``1 - a (1 - colour)``, ``a`` 0.5-0.65, overlaps multiplying) and scattering back
    10-16% of the light in its own colour; a white fibrous rim along each torn edge 0.8% of the side wide, at least 0.4
    px, at 35%; 1-2 glue wrinkles across each piece darker at 15%."""
    h, w = f.shape[:2]
    side = min(h, w)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    out = f.copy()
    lw = max(0.4, 0.008 * side)
    for _ in range(int(rng.integers(4, 8))):
        cx, cy = rng.uniform(0, w), rng.uniform(0, h)
        k = int(rng.integers(4, 7))
        angs = np.sort(rng.uniform(0, 2 * np.pi, k))
        rad = side * rng.uniform(0.14, 0.24, k)
        corners = np.stack([cx + rad * np.cos(angs), cy + rad * np.sin(angs)], axis=1)
        poly = []
        for j in range(k):
            a, b = corners[j], corners[(j + 1) % k]
            for t in np.linspace(0, 1, 8, endpoint=False):
                poly.append(tuple(a + t * (b - a) + rng.uniform(-0.025, 0.025, 2) * side))
        m = ident.fill([poly])
        col = _pick(TISSUES, rng) / 255
        out = out * (1 - rng.uniform(0.5, 0.65) * m[..., None] * (1 - col)) + rng.uniform(0.1, 0.16) * m[..., None] * col * 255
        out = _paint(out, 0.35 * ident.line([poly + [poly[0]]], lw), (250, 250, 246))
        folds = [[(cx + rng.uniform(-0.5, 0.5) * rad.mean(), cy + rng.uniform(-0.5, 0.5) * rad.mean()),
                  (cx + rng.uniform(-0.5, 0.5) * rad.mean(), cy + rng.uniform(-0.5, 0.5) * rad.mean())]
                 for _ in range(int(rng.integers(1, 3)))]
        out = out * (1 - 0.15 * ident.line(folds, lw) * m)[..., None]
    return _u8(out)


def _sunshine_burn(f: np.ndarray, rng) -> np.ndarray:
    """The print used as the card of a Campbell-Stokes sunshine recorder for a day: the sun, focused by the glass
    sphere, burned a track across it from edge to edge along its path, 20 degrees either side of level and bowed by
    5-10% of the side, 30-70% of the way down; 1.5-3% of the side wide, at least 1 px, widening and narrowing with the
    sun's strength (a smooth 0.5-1.2 times), broken by 1-3 gaps of 4-12% of its length where clouds passed; charred, 34
    / 24 / 18 at 90%, in a scorched brown halo 2.4 times as wide, 140 / 90 / 45, soft over 0.6% of the side, at 55%."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    t = np.linspace(0, 1, 80)
    a = np.deg2rad(rng.uniform(-20, 20))
    y0 = h * rng.uniform(0.3, 0.7)
    bow = side * rng.uniform(0.05, 0.1) * rng.choice([-1.0, 1.0])
    x = -0.05 * w + 1.1 * w * t
    y = y0 + (x - w / 2) * np.tan(a) + bow * (1 - (2 * t - 1) ** 2)
    wid = max(1.0, side * rng.uniform(0.015, 0.03))
    strength = np.clip(0.85 + 0.35 * np.convolve(rng.normal(0, 1, 90), np.ones(11) / 11, mode="same")[5:85] * 3,
                       0.5, 1.2)
    on = np.ones(len(t), bool)
    for _ in range(int(rng.integers(1, 4))):
        s0 = rng.uniform(0.1, 0.85)
        on &= ~((t > s0) & (t < s0 + rng.uniform(0.04, 0.12)))
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    runs, cur = [], []
    for j in range(len(t)):
        if on[j]:
            cur.append(j)
        elif cur:
            runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    runs = [r for r in runs if len(r) >= 2]
    pts = np.stack([x, y], axis=1)
    core = ident.fill([_tube(pts[r], 0.5 * wid * strength[r]) for r in runs])
    halo = gaussian_filter(ident.fill([_tube(pts[r], 1.2 * wid * strength[r]) for r in runs]), max(0.4, 0.006 * side))
    out = _paint(f, 0.55 * np.clip(halo, 0, 1), (140, 90, 45))
    return _u8(_paint(out, 0.9 * core, (34, 24, 18)))


def near_edit_ah(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "mousetrap":  # a spring mousetrap lying on the print
        return _mousetrap(f, rng)
    if kind == "trophy_cup":  # a trophy cup lying on its side on the print
        return _trophy_cup(f, rng)
    if kind == "skateboard":  # a skateboard lying wheels up on the print
        return _skateboard(f, rng)
    if kind == "metronome":  # a clockwork metronome lying on its back on the print
        return _metronome(f, rng)
    if kind == "apple_core":  # an apple core lying on the print
        return _apple_core(f, rng)
    if kind == "honey_drizzle":  # honey drizzled back and forth over the print
        return _honey_drizzle(f, rng)
    if kind == "tissue_collage":  # torn pieces of coloured tissue paper glued over the print
        return _tissue_collage(f, rng)
    if kind == "sunshine_burn":  # the print used as a sunshine recorder's card, a burnt track across it
        return _sunshine_burn(f, rng)
    raise ValueError(kind)


# -- blurs -----------------------------------------------------------------------------------
RICE_PALETTES = (((66, 40, 70), (80, 132, 52), (214, 202, 112)),   # purple-leaf, green and yellow-leaf rice
                 ((120, 40, 34), (70, 124, 50), (226, 222, 170)),  # red-leaf, green and white-leaf rice
                 ((44, 60, 40), (96, 148, 58), (206, 190, 90)))    # dark-leaf, green and yellow-leaf rice


def _rice_paddy_art(f: np.ndarray, rng) -> np.ndarray:
    """The picture planted as rice paddy art (tanbo art) and photographed from an observation tower in summer: the
    seedlings set out in hills on a grid 1.2-1.8% of the side apart, at least 1 px, each of the variety the picture
    calls for where it stands (its grey, stretched between its own 2nd and 98th percentiles, read at the hill), three
    varieties by leaf colour, dark to light (purple, green and yellow-leaf; red, green and white-leaf; or dark, green
    and yellow-leaf rice, blended between them); the plants grown out and over each other, a Gaussian of 2.6-3.6% of
    the side, at least 1.2 px; the rows, along or across the picture, every second hill, the water between them showing
    dark at 16-24%; as a camera metering on the highlights exposes it."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    lum = _stretched(f)
    pitch = max(1.0, side * rng.uniform(0.012, 0.018))
    yy, xx = _pixels(h, w)
    hy = np.clip(((yy // pitch) + 0.5) * pitch, 0, h - 1).astype(int)
    hx = np.clip(((xx // pitch) + 0.5) * pitch, 0, w - 1).astype(int)
    planted = gaussian_filter(lum[hy, hx], max(1.2, side * rng.uniform(0.026, 0.036)), mode="reflect")
    pal = np.asarray(RICE_PALETTES[int(rng.integers(len(RICE_PALETTES)))], np.float32)
    v = np.clip(planted, 0, 1)[..., None] * 2
    out = np.where(v < 1, pal[0] * (1 - v) + pal[1] * v, pal[1] * (2 - v) + pal[2] * (v - 1))
    along = yy if rng.random() < 0.5 else xx
    rows = np.clip(1 - np.abs(((along / (2 * pitch)) % 1) - 0.5) * 2 / 0.35, 0, 1) ** 2
    out = _paint(out, rng.uniform(0.16, 0.24) * rows, (40, 56, 58))
    return _u8(_metered(out, f))


def _snow_art(f: np.ndarray, rng) -> np.ndarray:
    """The picture trampled into fresh snow on a frozen lake by walkers in snowshoes and photographed from a hill
    above, as snow drawings are made: the picture's darkness, ``1 - lum`` (the grey stretched between its own 2nd and
    98th percentiles), trampled in as far as their steps allow, a Gaussian of 2.5-3.5% of the side, at least 1.2 px;
    trampled snow in the blue shadow of its own pits, 150 / 166 / 192, the rest fresh, 246 / 248 / 252; snowshoe
    prints, ovals 0.6-1% of the side long, at least 0.6 px, at any turn, strewn over the trampled parts as thickly as
    they are trampled (one for every 60 pixels there at most), 18% darker; the low sun's light rising by up to 6%
    across the field; as a camera metering on the highlights exposes it."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    trod = np.clip(gaussian_filter(1 - _stretched(f), max(1.2, side * rng.uniform(0.025, 0.035)), mode="reflect"),
                   0, 1)
    out = np.array([246, 248, 252], np.float32) * (1 - trod[..., None]) + \
        np.array([150, 166, 192], np.float32) * trod[..., None]
    n = int(h * w / 60)
    px, py = rng.uniform(0, w, n), rng.uniform(0, h, n)
    keep = rng.random(n) < trod[np.clip(py.astype(int), 0, h - 1), np.clip(px.astype(int), 0, w - 1)]
    ln = np.maximum(0.6, side * rng.uniform(0.006, 0.01, n))
    turns = rng.uniform(0, np.pi, n)
    ring = np.linspace(0, 2 * np.pi, 12, endpoint=False)
    prints = _drawn((h, w), lambda d, k: [d.polygon([((x + 0.5 * r * (np.cos(u) * np.cos(t) - 0.45 * np.sin(u) * np.sin(t)))
                                                       * k, (y + 0.5 * r * (np.cos(u) * np.sin(t) + 0.45 * np.sin(u)
                                                                             * np.cos(t))) * k) for u in ring], fill=255)
                                          for x, y, r, t in zip(px[keep], py[keep], ln[keep], turns[keep])])
    out = out * (1 - 0.18 * prints)[..., None]
    ang = rng.uniform(0, 2 * np.pi)
    ramp = ((xx - w / 2) * np.cos(ang) + (yy - h / 2) * np.sin(ang)) / side + 0.5
    out = out * (0.97 + 0.06 * np.clip(ramp, 0, 1))[..., None]
    return _u8(_metered(out, f))


def blur_ah(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "rice_paddy_art":  # the picture planted in rice varieties and grown over a summer
        return _rice_paddy_art(f, rng)
    if kind == "snow_art":  # the picture trampled into snow by walkers in snowshoes
        return _snow_art(f, rng)
    raise ValueError(kind)


# -- darkening -------------------------------------------------------------------------------
NIGHTLIGHTS = ((255, 236, 200), (255, 170, 200), (150, 190, 255), (170, 255, 190), (255, 190, 110))


def _cat_nightlight(f: np.ndarray, rng) -> np.ndarray:
    """A dark bedroom lit only by a silicone cat night light standing in the picture: a squat cat, its body 22-28% of
    the side wide below 48 px, 14-18% above, at least 6 px, and 80% of that high, with two pointed ears, sitting 2-5%
    of the side above the bottom edge 20-80% of the way across; glowing warm white, pink, blue, mint or amber from
    inside, 75% of that at its rim to all of it in its middle; two closed eyes and three whiskers a side drawn dark at
    45% and 30%; a glow of sigma 6-9% of the side up to 35-50 levels; the picture lit at a gain of 0.02-0.035 plus
    0.25-0.35 falling off as ``1 / (1 + (d / d0) ** 2)`` from the cat's middle, ``d0`` 25-40% of the side, in its
    colour; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    W = max(6.0, side * (rng.uniform(0.22, 0.28) if side < 48 else rng.uniform(0.14, 0.18)))
    H = 0.8 * W
    cx, foot = w * rng.uniform(0.2, 0.8), h - side * rng.uniform(0.02, 0.05)
    cy = foot - 0.4 * H
    col = _pick(NIGHTLIGHTS, rng)
    tint = col / col.max()
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    ears = [[(cx + s * 0.42 * W, cy - 0.2 * H), (cx + s * 0.34 * W, foot - 1.05 * H), (cx + s * 0.08 * W, cy - 0.38 * H)]
            for s in (-1, 1)]
    body = ident.fill([_ellipse(cx, cy, 0.5 * W, 0.42 * H, 0.0, 32), _rect(cx - 0.46 * W, cy, cx + 0.46 * W, foot)]
                      + ears) * (yy < foot)
    lw = max(0.35, 0.025 * W)
    eyes = ident.line([[(cx + s * 0.22 * W - 0.07 * W, cy - 0.12 * H), (cx + s * 0.22 * W, cy - 0.08 * H),
                        (cx + s * 0.22 * W + 0.07 * W, cy - 0.12 * H)] for s in (-1, 1)], lw)
    whisk = ident.line([[(cx + s * 0.3 * W, cy + dy * H), (cx + s * 0.5 * W, cy + dy * H + k * 0.05 * H)]
                        for s in (-1, 1) for dy, k in ((0.0, -1), (0.06, 0), (0.12, 1))], max(0.3, 0.6 * lw))
    d = np.hypot(xx - cx, yy - cy)
    gain = rng.uniform(0.02, 0.035) + rng.uniform(0.25, 0.35) / (1 + (d / (side * rng.uniform(0.25, 0.4))) ** 2)
    out = _lit(f, gain[..., None] * tint, rng)
    out = out + _glow(body, max(0.8, side * rng.uniform(0.06, 0.09)))[..., None] * rng.uniform(35, 50) * tint
    mid = np.clip(1 - np.hypot((xx - cx) / (0.5 * W), (yy - cy) / (0.5 * H)), 0, 1)[..., None]
    out = out * (1 - body[..., None]) + col * (0.75 + 0.25 * mid) * body[..., None]
    out = _paint(out, 0.45 * eyes * body, col * 0.3)
    return _u8(_paint(out, 0.3 * whisk * body, col * 0.3))


AMBER = np.array([1.0, 0.72, 0.36], np.float32)


def _radio_dial(f: np.ndarray, rng) -> np.ndarray:
    """A dark room lit only by the tuning dial of an old valve radio standing in the picture: a dark walnut cabinet, 36
    / 24 / 16, from 10-22% to 78-90% of the way across and from 66-74% of the way down to the bottom edge, its top edge
    catching the light at 30%; the dial a strip of glass over its left 8-62%, 12% of the cabinet's height down from its
    top, 8% of the side high below 48 px, 5% above, at least 2 px, glowing amber, 255 / 196 / 110 in its middle and 87%
    of that at its ends, with 14 dark scale ticks along its lower half at 55% and a red needle, 230 / 40 / 30, across
    it 15-85% along; a cloth speaker grille over its right 68-94%, 60 / 46 / 32, with 3 dark slats; two dark knobs
    under the dial; a glow of sigma 5-8% of the side up to 35-50 levels; the picture lit at a gain of 0.015-0.03 plus
    0.25-0.38 falling off as ``1 / (1 + (d / d0) ** 2)`` from the dial's middle, ``d0`` 25-40% of the side, in amber,
    1.0 / 0.72 / 0.36; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    x0, x1 = w * rng.uniform(0.1, 0.22), w * rng.uniform(0.78, 0.9)
    top = h * rng.uniform(0.66, 0.74)
    cw, ch = x1 - x0, h - top
    dh = max(2.0, side * (0.08 if side < 48 else 0.05))
    dx0, dx1, dy0 = x0 + 0.08 * cw, x0 + 0.62 * cw, top + 0.12 * ch
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    cab = ident.fill([_rect(x0, top, x1, h + 1)])
    dial = ident.fill([_rect(dx0, dy0, dx1, dy0 + dh)])
    ticks = ident.line([[(x, dy0 + 0.55 * dh), (x, dy0 + dh)] for x in np.linspace(dx0 + 0.05 * (dx1 - dx0),
                                                                                     dx1 - 0.05 * (dx1 - dx0), 14)],
                       max(0.3, 0.003 * side)) * dial
    nx = dx0 + (dx1 - dx0) * rng.uniform(0.15, 0.85)
    needle = ident.line([[(nx, dy0), (nx, dy0 + dh)]], max(0.35, 0.006 * side))
    grille = ident.fill([_rect(x0 + 0.68 * cw, top + 0.1 * ch, x0 + 0.94 * cw, h - 0.1 * ch)])
    slats = ident.line([[(x, top + 0.1 * ch), (x, h - 0.1 * ch)] for x in np.linspace(x0 + 0.74 * cw, x0 + 0.88 * cw,
                                                                                       3)], max(0.35, 0.006 * side))
    kr = max(0.6, 0.04 * cw)
    knobs = ident.fill([_ellipse(x, min(h - kr, dy0 + dh + 0.25 * ch), kr, kr, 0.0, 12)
                        for x in (x0 + 0.2 * cw, x0 + 0.5 * cw)])
    cx, cy = (dx0 + dx1) / 2, dy0 + dh / 2
    d = np.hypot(xx - cx, yy - cy)
    gain = rng.uniform(0.015, 0.03) + rng.uniform(0.25, 0.38) / (1 + (d / (side * rng.uniform(0.25, 0.4))) ** 2)
    out = _lit(f, gain[..., None] * AMBER, rng)
    out = out + _glow(dial, max(0.8, side * rng.uniform(0.05, 0.08)))[..., None] * rng.uniform(35, 50) * AMBER
    out = _paint(out, cab, (36, 24, 16))
    out = _paint(out, 0.3 * ident.line([[(x0, top), (x1, top)]], max(0.4, 0.006 * side)), (255, 190, 110))
    out = _paint(_paint(out, grille, (60, 46, 32)), 0.6 * slats * grille, (20, 14, 10))
    out = _paint(out, knobs, (22, 18, 14))
    mid = np.clip(1 - np.abs(xx - cx) / (0.5 * (dx1 - dx0)), 0, 1)[..., None]
    out = out * (1 - dial[..., None]) + np.minimum(np.array([255, 196, 110], np.float32) * (0.87 + 0.15 * mid),
                                                   255) * dial[..., None]
    out = _paint(out, 0.55 * ticks, (60, 36, 16))
    return _u8(_paint(out, needle * dial, (230, 40, 30)))


ACRYLIC_LEDS = ((90, 150, 255), (180, 110, 255), (255, 80, 90), (80, 255, 150), (230, 240, 255))


def _acrylic_lamp(f: np.ndarray, rng) -> np.ndarray:
    """A dark room lit only by an edge-lit acrylic night light (a 3-D illusion lamp) standing in the picture: a black
    base, 16 / 16 / 18, 24-30% of the side wide below 48 px, 16-20% above, at least 6 px, and 25% of that high, 2-5% of
    the side above the bottom edge 25-75% of the way across, with its LED strip along its top; on it a clear plate 90%
    as wide and 1.1 times as high, its edges faint at 15%, engraved with a line drawing that the LEDs light (a ringed
    planet, a crescent moon with three stars or a heart), lines 2% of the side wide, at least 0.45 px, blue, violet,
    red, green or white; a glow of sigma 4-7% of the side up to 40-60 levels; the picture lit at a gain of 0.015-0.03
    plus 0.25-0.35 falling off as ``1 / (1 + (d / d0) ** 2)`` from the plate's middle, ``d0`` 20-35% of the side, in
    its colour; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    bw = max(6.0, side * (rng.uniform(0.24, 0.3) if side < 48 else rng.uniform(0.16, 0.2)))
    bx, bot = w * rng.uniform(0.25, 0.75), h - side * rng.uniform(0.02, 0.05)
    btop = bot - 0.25 * bw
    pw, ph = 0.9 * bw, 1.1 * bw
    pcx, pcy = bx, btop - ph / 2
    col = _pick(ACRYLIC_LEDS, rng)
    tint = col / col.max()
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    lw = max(0.45, 0.02 * side)
    motif = int(rng.integers(3))
    if motif == 0:  # a ringed planet
        r = 0.26 * pw
        lines = [_ellipse(pcx, pcy, r, r, 0.0, 28), _ellipse(pcx, pcy, 0.46 * pw, 0.12 * pw, -0.35, 28)]
    elif motif == 1:  # a crescent moon and three stars
        r = 0.3 * pw
        t = np.linspace(0.35 * np.pi, 1.65 * np.pi, 20)
        outer = [(pcx - 0.08 * pw + r * np.cos(u), pcy + r * np.sin(u)) for u in t]
        inner = [(pcx + 0.06 * pw + 0.75 * r * np.cos(u), pcy + 0.8 * r * np.sin(u)) for u in t[::-1]]
        lines = [outer + inner[1:-1] + [outer[0]]]
        for sx, sy in ((0.3, -0.3), (0.36, 0.05), (0.18, 0.32)):
            s = 0.06 * pw
            lines += [[(pcx + sx * pw - s, pcy + sy * ph), (pcx + sx * pw + s, pcy + sy * ph)],
                      [(pcx + sx * pw, pcy + sy * ph - s), (pcx + sx * pw, pcy + sy * ph + s)]]
    else:  # a heart
        t = np.linspace(0, 2 * np.pi, 40)
        hx, hy = 16 * np.sin(t) ** 3, -(13 * np.cos(t) - 5 * np.cos(2 * t) - 2 * np.cos(3 * t) - np.cos(4 * t))
        lines = [[(pcx + 0.4 * pw * a / 16, pcy + 0.4 * pw * b / 16) for a, b in zip(hx, hy)]]
    glowing = ident.line([[tuple(map(float, p)) for p in ln] for ln in lines], lw)
    plate = ident.line([_rect(pcx - pw / 2, btop - ph, pcx + pw / 2, btop) + [(pcx - pw / 2, btop - ph)]],
                       max(0.3, 0.004 * side))
    base = ident.fill([_rect(bx - bw / 2, btop, bx + bw / 2, bot)])
    strip = ident.line([[(bx - 0.45 * bw, btop + 0.5), (bx + 0.45 * bw, btop + 0.5)]], max(0.4, 0.006 * side))
    d = np.hypot(xx - pcx, yy - pcy)
    gain = rng.uniform(0.015, 0.03) + rng.uniform(0.25, 0.35) / (1 + (d / (side * rng.uniform(0.2, 0.35))) ** 2)
    out = _lit(f, gain[..., None] * tint, rng)
    out = out + _glow(glowing, max(0.8, side * rng.uniform(0.04, 0.07)))[..., None] * rng.uniform(40, 60) * tint
    out = _paint(out, 0.15 * plate, col)
    out = _paint(_paint(out, base, (16, 16, 18)), strip, col)
    return _u8(_paint(out, glowing, np.minimum(col * 1.05 + 20, 255)))


def dark_ah(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "cat_nightlight":  # a dark bedroom lit only by a silicone cat night light
        return _cat_nightlight(f, rng)
    if kind == "radio_dial":  # a dark room lit only by an old radio's tuning dial
        return _radio_dial(f, rng)
    if kind == "acrylic_lamp":  # a dark room lit only by an edge-lit acrylic night light
        return _acrylic_lamp(f, rng)
    raise ValueError(kind)


# -- outliers --------------------------------------------------------------------------------
def _jagged(x0: float, x1: float, y: float, amp: float, n: int, rng) -> list[tuple[float, float]]:
    return [(float(x), float(y + amp * rng.uniform(-1, 1))) for x in np.linspace(x0, x1, n)]


def _cave(size: int, rng) -> dict:
    """Inside a limestone cave, looking out: its mouth a ragged opening 28-44% of the side wide and 1.0-1.4 times that
    high, its middle 40-60% of the way across and 35-50% down, showing daylight; the ceiling down to a ragged line
    8-18% of the way down, 6-10 stalactites hanging from it, 3-6% of the side wide at the top and 12-30% long; the
    floor from a ragged line 72-84% down, 4-7 stalagmites rising from it, 4-8% wide and 8-20% high; a pool on the floor
    25-40% of the side wide and 5-8% high, 85-92% down, with the mouth's light glinting in it (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("mouth", "ceiling", "tites", "floor", "mites", "pool", "glint"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    mx, my = big * rng.uniform(0.4, 0.6), big * rng.uniform(0.35, 0.5)
    mw = big * rng.uniform(0.28, 0.44)
    mh = mw * rng.uniform(1.0, 1.4)
    t = np.linspace(0, 2 * np.pi, 28, endpoint=False)
    rr = 1 + 0.12 * rng.uniform(-1, 1, len(t))
    d["mouth"].polygon([(mx + 0.5 * mw * r * np.cos(u), my + 0.5 * mh * r * np.sin(u)) for u, r in zip(t, rr)], fill=255)
    cy = big * rng.uniform(0.08, 0.18)
    ceil = _jagged(0, big, cy, 0.03 * big, 16, rng)
    d["ceiling"].polygon([(0, 0), (big, 0)] + ceil[::-1], fill=255)
    for _ in range(int(rng.integers(6, 11))):
        x = rng.uniform(0, big)
        tw, tl = big * rng.uniform(0.03, 0.06), big * rng.uniform(0.12, 0.3)
        d["tites"].polygon([(x - tw / 2, cy - 0.04 * big), (x + tw / 2, cy - 0.04 * big),
                            (x + rng.uniform(-0.2, 0.2) * tw, cy + tl)], fill=255)
    fy = big * rng.uniform(0.72, 0.84)
    d["floor"].polygon(_jagged(0, big, fy, 0.02 * big, 16, rng) + [(big, big), (0, big)], fill=255)
    for _ in range(int(rng.integers(4, 8))):
        x = rng.uniform(0.05, 0.95) * big
        mw2, mh2 = big * rng.uniform(0.04, 0.08), big * rng.uniform(0.08, 0.2)
        d["mites"].polygon([(x - mw2 / 2, fy + 0.04 * big), (x - 0.15 * mw2, fy - mh2), (x + 0.15 * mw2, fy - mh2),
                            (x + mw2 / 2, fy + 0.04 * big)], fill=255)
    px, py = big * rng.uniform(0.3, 0.7), big * rng.uniform(0.85, 0.92)
    pw, ph = big * rng.uniform(0.25, 0.4), big * rng.uniform(0.05, 0.08)
    d["pool"].ellipse((px - pw / 2, py - ph / 2, px + pw / 2, py + ph / 2), fill=255)
    d["glint"].ellipse((px - 0.2 * pw, py - 0.25 * ph, px + 0.2 * pw, py + 0.25 * ph), fill=255)
    return {k: _down(v, size) for k, v in M.items()}


def _crocodile(size: int, rng) -> dict:
    """A crocodile basking on a sandbank in a river, seen from above: the river everywhere; a sandbank, a ragged blob
    60-80% of the side across about the middle; the crocodile 70-85% of the side from snout to tail tip, at any angle
    within 35 degrees of level, facing either way: a body 40% of its length long and 14% wide, a head and long snout
    tapering from 13% to 5%, a tail tapering from 12% to 1% and curving, four splayed legs 3% thick with three toes
    each, two rows of dark scutes along its back every 3% of its length, two pale eyes; its shadow cast 3% of the side
    aside (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("sand", "croc", "scutes", "eyes", "shadow"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    t = np.linspace(0, 2 * np.pi, 24, endpoint=False)
    rr = big * rng.uniform(0.3, 0.4) * (1 + 0.15 * rng.uniform(-1, 1, len(t)))
    d["sand"].polygon([(big / 2 + r * np.cos(u), big / 2 + 0.8 * r * np.sin(u)) for u, r in zip(t, rr)], fill=255)
    L = big * rng.uniform(0.7, 0.85)
    a = rng.uniform(-0.6, 0.6) + (np.pi if rng.random() < 0.5 else 0.0)
    c, s = np.cos(a), np.sin(a)
    ox, oy = big / 2, big / 2
    at = lambda pts: [(ox + x * c - y * s, oy + x * s + y * c) for x, y in pts]  # noqa: E731
    bend = rng.choice([-1.0, 1.0]) * L * rng.uniform(0.03, 0.07)
    tail = _curve((-0.2 * L, 0.0), (-0.5 * L, bend), -bend * 0.8, 16)
    half = np.linspace(0.06, 0.005, 16) * L
    polys = [_ellipse(0.0, 0.0, 0.2 * L, 0.07 * L, 0.0, 24),
             [(0.17 * L, -0.065 * L), (0.28 * L, -0.05 * L), (0.5 * L, -0.025 * L), (0.5 * L, 0.025 * L),
              (0.28 * L, 0.05 * L), (0.17 * L, 0.065 * L)],
             _tube(tail, half)]
    legs = []
    for x, back in ((0.12 * L, 0.02 * L), (-0.14 * L, -0.03 * L)):
        for sg in (-1, 1):
            knee = (x + back, sg * 0.15 * L)
            foot = (x + back + 0.05 * L, sg * 0.17 * L)
            legs.append([(x, sg * 0.05 * L), knee, foot])
            legs += [[foot, (foot[0] + 0.03 * L * np.cos(q), foot[1] + sg * 0.03 * L * np.sin(q))]
                     for q in (-0.6, 0.0, 0.6)]
    lw = max(1, round(0.03 * L))
    for shift, key in ((0.03 * big, "shadow"), (0.0, "croc")):
        pts = [[(x + shift, y + shift) for x, y in at(p)] for p in polys]
        for p in pts:
            d[key].polygon(p, fill=255)
        for ln in legs:
            d[key].line([(x + shift, y + shift) for x, y in at(ln)], fill=255, width=lw)
    r = 0.008 * L
    for x in np.arange(-0.45, 0.16, 0.03) * L:
        wdt = 0.025 * L if x > -0.2 * L else 0.025 * L * max(0.2, (x + 0.5 * L) / (0.3 * L))
        for sg in (-1, 1):
            (qx, qy), = at([(x, sg * wdt + (bend * ((-0.2 * L - x) / (0.3 * L)) ** 2 if x < -0.2 * L else 0.0))])
            d["scutes"].ellipse((qx - r, qy - r, qx + r, qy + r), fill=255)
    for sg in (-1, 1):
        (qx, qy), = at([(0.22 * L, sg * 0.035 * L)])
        d["eyes"].ellipse((qx - 1.2 * r, qy - 1.2 * r, qx + 1.2 * r, qy + 1.2 * r), fill=255)
    return {k: _down(v, size) for k, v in M.items()}


def _kitchen(size: int, rng) -> dict:
    """A fitted kitchen seen from the front: a wall; wall cupboards either side of a window, from 3% to 35-38% and
    62-65% to 97% of the way across and 5% to 30-34% down, two doors each; the window between them from 8% to 30% down
    with a cross of glazing bars; a tiled splashback under them with grout lines every 5-7% of the side; a worktop 3-4%
    of the side thick from 58-62% down; base cupboards below it to 95% down, 4-5 doors with bar handles, one of them an
    oven door with a dark window; a tap rising from the worktop under the window; a dark plinth along the bottom (0-1
    coverage each)."""
    big = 4 * size
    M = _canvas(("upper", "window", "bars", "tiles", "grout", "worktop", "base", "gaps", "handles", "oven", "tap",
                 "plinth"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    ub = big * rng.uniform(0.3, 0.34)
    wl, wr = big * rng.uniform(0.35, 0.38), big * rng.uniform(0.62, 0.65)
    lw = max(1, round(0.008 * big))
    for x0, x1 in ((0.03 * big, wl), (wr, 0.97 * big)):
        d["upper"].rectangle((x0, 0.05 * big, x1, ub), fill=255)
        d["gaps"].line([((x0 + x1) / 2, 0.05 * big), ((x0 + x1) / 2, ub)], fill=255, width=lw)
        for xh in ((x0 + x1) / 2 - 0.03 * big, (x0 + x1) / 2 + 0.03 * big):
            d["handles"].line([(xh, ub - 0.08 * big), (xh, ub - 0.03 * big)], fill=255, width=2 * lw)
    d["window"].rectangle((wl + 0.03 * big, 0.08 * big, wr - 0.03 * big, 0.3 * big), fill=255)
    d["bars"].rectangle((wl + 0.03 * big, 0.08 * big, wr - 0.03 * big, 0.3 * big), outline=255, width=2 * lw)
    d["bars"].line([(big / 2, 0.08 * big), (big / 2, 0.3 * big)], fill=255, width=2 * lw)
    d["bars"].line([(wl + 0.03 * big, 0.19 * big), (wr - 0.03 * big, 0.19 * big)], fill=255, width=2 * lw)
    wt = big * rng.uniform(0.58, 0.62)
    d["tiles"].rectangle((0, ub, big, wt), fill=255)
    g = big * rng.uniform(0.05, 0.07)
    for y in np.arange(ub, wt, g):
        d["grout"].line([(0, y), (big, y)], fill=255, width=lw)
    for x in np.arange(0, big, g):
        d["grout"].line([(x, ub), (x, wt)], fill=255, width=lw)
    d["worktop"].rectangle((0, wt, big, wt + big * rng.uniform(0.03, 0.04)), fill=255)
    d["base"].rectangle((0, wt, big, 0.95 * big), fill=255)
    n = int(rng.integers(4, 6))
    xs = np.linspace(0.02 * big, 0.98 * big, n + 1)
    ov = int(rng.integers(n))
    for k in range(n):
        d["gaps"].line([(xs[k], wt + 0.05 * big), (xs[k], 0.95 * big)], fill=255, width=lw)
        if k == ov:
            d["oven"].rectangle((xs[k] + 0.03 * big, wt + 0.14 * big, xs[k + 1] - 0.03 * big, 0.88 * big), fill=255)
        d["handles"].line([(xs[k] + 0.03 * big, wt + 0.09 * big), (xs[k + 1] - 0.03 * big, wt + 0.09 * big)],
                          fill=255, width=2 * lw)
    d["gaps"].line([(0, wt + 0.05 * big), (big, wt + 0.05 * big)], fill=255, width=lw)
    d["tap"].line([(big / 2, wt), (big / 2, wt - 0.12 * big), (big / 2 + 0.06 * big, wt - 0.12 * big),
                   (big / 2 + 0.06 * big, wt - 0.08 * big)], fill=255, width=3 * lw)
    d["plinth"].rectangle((0, 0.95 * big, big, big), fill=255)
    return {k: _down(v, size) for k, v in M.items()}


ROCKS = ((96, 84, 72), (82, 80, 78), (112, 94, 72))
DAYLIGHTS = ((206, 224, 238), (160, 196, 130), (236, 226, 200))
RIVERS = ((62, 92, 80), (70, 100, 112), (96, 96, 70))
CROCS = ((82, 92, 60), (70, 74, 56), (104, 100, 70))
UNITS = ((150, 172, 142), (50, 66, 100), (238, 236, 230), (176, 130, 86), (200, 70, 56))
WORKTOPS = ((80, 76, 72), (170, 122, 72), (226, 224, 218))


def outlier_ah(name: str, kind: str, size: int, lo: int, hi: int, rng) -> np.ndarray:
    photos = name.startswith("photos")
    ground = lambda col: np.ones((size, size, 3), np.float32) * np.asarray(col, np.float32)  # noqa: E731
    tone = lambda t: [lo + (hi - lo) * t] * 3  # noqa: E731
    if kind == "cave":
        m = _cave(size, rng)
        if photos:  # brown or grey limestone round a mouth of daylight, pale formations, a dark pool
            rock = _pick(ROCKS, rng)
            out = _paint(_paint(ground(rock), m["mouth"], _pick(DAYLIGHTS, rng)), m["ceiling"], rock * 0.6)
            out = _paint(_paint(out, m["tites"], np.minimum(rock * 1.6, 255)), m["floor"], rock * 0.8)
            out = _paint(_paint(out, m["mites"], np.minimum(rock * 1.5, 255)), m["pool"], (26, 42, 48))
            return _u8(_paint(out, m["glint"] * m["pool"], (180, 200, 210)))
        out = _paint(_paint(ground(tone(0.35)), m["mouth"], tone(1.0)), m["ceiling"], tone(0.15))
        out = _paint(_paint(out, m["tites"], tone(0.7)), m["floor"], tone(0.45))
        out = _paint(_paint(out, m["mites"], tone(0.75)), m["pool"], tone(0.05))
        return _u8(_paint(out, m["glint"] * m["pool"], tone(0.9)))
    if kind == "crocodile":
        m = _crocodile(size, rng)
        if photos:  # an olive crocodile with dark scutes on a pale sandbank in a green or brown river
            croc = _pick(CROCS, rng)
            out = _paint(_paint(ground(_pick(RIVERS, rng)), m["sand"], (212, 192, 150)), m["shadow"] * m["sand"],
                         (150, 134, 100))
            out = _paint(_paint(out, m["croc"], croc), m["scutes"] * m["croc"], croc * 0.5)
            return _u8(_paint(out, m["eyes"], (210, 190, 70)))
        out = _paint(_paint(ground(tone(0.2)), m["sand"], tone(0.75)), m["shadow"] * m["sand"], tone(0.5))
        out = _paint(_paint(out, m["croc"], tone(0.3)), m["scutes"] * m["croc"], tone(0.05))
        return _u8(_paint(out, m["eyes"], tone(1.0)))
    if kind == "kitchen":
        m = _kitchen(size, rng)
        if photos:  # painted or wooden units, a dark, wooden or white worktop, a blue window, white tiles
            unit = _pick(UNITS, rng)
            out = _paint(_paint(ground((236, 230, 216)), m["tiles"], (222, 228, 230)), m["grout"] * m["tiles"],
                         (172, 176, 178))
            out = _paint(_paint(out, m["window"], (170, 206, 240)), m["bars"], (246, 246, 242))
            out = _paint(_paint(out, m["upper"], unit), m["base"], unit)
            out = _paint(_paint(out, m["gaps"] * np.maximum(m["upper"], m["base"]), unit * 0.6), m["oven"],
                         (34, 34, 38))
            out = _paint(_paint(out, m["worktop"], _pick(WORKTOPS, rng)), m["handles"], (190, 190, 196))
            return _u8(_paint(_paint(out, m["tap"], (196, 196, 202)), m["plinth"], (50, 46, 44)))
        out = _paint(_paint(ground(tone(0.85)), m["tiles"], tone(0.7)), m["grout"] * m["tiles"], tone(0.45))
        out = _paint(_paint(out, m["window"], tone(1.0)), m["bars"], tone(0.6))
        out = _paint(_paint(out, m["upper"], tone(0.35)), m["base"], tone(0.35))
        out = _paint(_paint(out, m["gaps"] * np.maximum(m["upper"], m["base"]), tone(0.1)), m["oven"], tone(0.05))
        out = _paint(_paint(out, m["worktop"], tone(0.2)), m["handles"], tone(0.95))
        return _u8(_paint(_paint(out, m["tap"], tone(0.9)), m["plinth"], tone(0.0)))
    raise ValueError(kind)


# -- label noise -----------------------------------------------------------------------------
def _grey_thumbs(base: list[np.ndarray]) -> np.ndarray:
    """Grey 8 x 8 thumbnails (box-averaged), not standardised."""
    return np.stack([np.asarray(Image.fromarray(np.asarray(a).mean(axis=2).astype(np.float32)).resize((8, 8), Image.BOX),
                                np.float32).ravel() for a in base])


def _standardised(t: np.ndarray) -> np.ndarray:
    t = t - t.mean(axis=1, keepdims=True)
    return t / (t.std(axis=1, keepdims=True) + 1e-6)


def ghost_flips(base: list[np.ndarray], labels: list, classes: list, candidates: list, count: int,
                rng) -> dict[int, object]:
    """``count`` examples to flip and their new labels: part of the set was labelled in a tool whose viewer's
    cross-fade stuck part way, so that each picture was shown over a fading ghost of the one shown before it (the whole
    set in a random labelling order); the labeller gave each the class its view looked like, the class whose mean 8 x 8
    grey thumbnail (standardised) over the whole set is nearest, by squared distance, the view's thumbnail (``1 - a``
    of its own grey thumbnail plus ``a`` of the one before's, standardised); ``a`` the least of ``GHOST_ALPHAS`` at
    which the eligible pictures (the first shown has no ghost) so given another class than their own are at least twice
    the flips needed (all of them at the largest); the flips are drawn uniformly among those, each given its view's
    class."""
    lab = np.asarray([classes.index(v) for v in labels])
    raw = _grey_thumbs(base)
    own_t = _thumbs(base)
    present = sorted(set(lab.tolist()))
    means = np.stack([own_t[lab == k].mean(axis=0) for k in present])
    order = rng.permutation(len(base))
    before = np.full(len(base), -1)
    before[order[1:]] = order[:-1]
    own_d2 = ((own_t[:, None, :] - means[None, :, :]) ** 2).sum(axis=2)
    clear = np.asarray(present)[np.argmin(own_d2, axis=1)] == lab  # seen alone, it looks like its own class
    cand = np.asarray([i for i in candidates if before[i] >= 0 and clear[i]], dtype=int)
    for a in GHOST_ALPHAS:
        view = _standardised((1 - a) * raw[cand] + a * raw[before[cand]])
        d2 = ((view[:, None, :] - means[None, :, :]) ** 2).sum(axis=2)
        given = np.asarray(present)[np.argmin(d2, axis=1)]
        moved = np.flatnonzero(given != lab[cand])
        if len(moved) >= 2 * count:
            break
    take = moved[rng.permutation(len(moved))[:count]]
    return {int(cand[j]): classes[int(given[j])] for j in sorted(take.tolist())}


# -- planting ------------------------------------------------------------------------------
def plant_issues_ah(images, labels, out_dir, *, name: str, random_state: int = 0) -> PlantedDataset:
    """Generator AH's problems (module docstring). A set whose name ends in ``_jpeg`` is written as JPEG files at a
    quality drawn from 63-85 each; the others as PNG. The planting is I's (:func:`_heldout_i.plant_generator`)."""
    return plant_generator(
        images, labels, out_dir, name=name, rates=RATES_AH, seed=340_000 + random_state,
        quality_seed=345_000 + random_state, jpeg_quality=JPEG_QUALITY,
        flips=ghost_flips,
        **by_family(name, outlier=(outlier_ah, OUTLIERS_AH), blur=(blur_ah, BLURS_AH), dark=(dark_ah, DARKS_AH),
                    near=(near_edit_ah, NEAR_EDITS_AH)))
