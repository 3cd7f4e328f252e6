"""Generator AJ: fresh EVALUATION sets after generator AI's run (never used to choose anything).

Why a thirty-fourth evaluation generator: generator AI's sets have been run, and what they showed may inform the next
changes (the commit subjects since name AI's one run: every type at or above the best baseline on all four sets,
blurry low on digits and clothing for the candy slice's sharp rim; a centre blur statistic for framed blurs measured
and not kept, then a centre rule for small pictures kept, its threshold learnt on the calibration copies; and faster
fp16 rescoring with the same results), so they will not stay untouched; AJ is a held-out measurement of the code
after that run, of families of its own (AJ's writer read no docs, logs, result files or commit bodies: only the
commit subjects, the library's code and the earlier generators' and tuning tools' files, to copy their structure and
to avoid their families). Generator AJ was written before any tool was run on it (only its pictures were looked at,
on contact sheets of its edits, blurs, darkenings and foreign pictures at 28, 40 and 256 px, to check that every edit
is visible, every blur blurred, every darkened image dark with its picture still in it and every outlier foreign, and
the planted folders hashed twice); it is not to be changed after its results are seen. Its edits, blurs, darkenings,
foreign pictures and label noise are of families that no tuning tool (``blur_tuning.py``'s lens blurs: Gaussian,
soft disk, astigmatic elongated Gaussian, ring; ``_foreign.py``'s textures, icons and soft photographs;
``near_photos.py``'s and ``near_small.py``'s edits; ``label_filters.py``'s and ``label_noise_models.py``'s flips), no
earlier generator (A = ``dq.datasets.plant_issues``, B, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T, U, V, W,
X, Y, Z, AA, AB, AC, AD, AE, AF, AG, AH, AI) and none of the library's calibration copies
(``dataquality/compute/_synthetic.py``: crop, shift, rotate, brightness, contrast, gamma, JPEG, resize, overlay box;
Gaussian, box, motion, down-and-up blurs) make. Like AC's to AI's it has two blur families, not three. Left out
because an earlier generator made them or left them out: among objects on the print a violin (AG's ukulele), a
microchip (the microchips V left out), a bottle opener (AF's corkscrew), a pocket watch or a chestnut (round things:
N's push pin, U's pizzas), a fountain pen (O's pencil), a bulb of garlic (AI's ginger root: one knobbly root is
enough), a radish (Z's carrot), an ice lolly on its stick (the lollipops AA to AC name), a claw hammer (AE's); of the
whole picture a cat's claw marks (G's scratches, as AG left out), bubble wrap (S's), a spider's web beaded with dew
(O's cobweb), lenticular ridges (W's), raindrops (AD's), a craquelure of fine cracks (G's Voronoi cells, as the
mould AG left out), a chain draped across the print (T's charging cable), string art nailed round the edge (AJ's
own spirograph: one ruled line drawing is enough), a sliding-tile puzzle (AI's advent doors, Q's jigsaw), a child's
painted handprints (T's paw prints), a postal cancellation (L's ink stamp), a laser level's red cross (the laser
pointers AG and R left out); among blurs a tattoo's ink blown out under the skin (AG's list), a picture charged on a
phosphorescent sheet (AH's list), a photo printed on a bar of soap and used (the glycerine soap AE left out), a
spinning LED fan display (F's spin blur), a picture knitted in mohair (the intarsia copy AH left out), melted wax
crayons (T's crayon scribble; a flow one way is a motion blur), a picture behind a shower curtain (I's frosted glass),
a picture cooked as pancake art (the toast AH left out); among darkenings a tea light (the candles of O, T, V, X, Y, Z and AF), a
sparkler (F's starbursts, the fireworks Q, U and Y left out), a tent lit from inside (W's tents, AG's paper
lantern), a bedside clock's digits (AF's LED badge), a phone's screen (P's phone screen), a lava lamp (AE's, AH's
and X's lists), an open fridge (AD's, W's and X's lists), a darkroom safelight (N's list), a barbecue's embers (S's
fireplace), a jukebox (AD's list); among foreign pictures a container port (the one AH left out: V's toy bricks), a
desert of saguaro cacti (AD's camels), a row of beach huts (the houses S left out), escalators (a 1 or a 7 on the
digit sets), tulip fields (AJ's own vineyard rows: one field of rows is enough), a greenhouse (AG's corridor: one-point
perspective), windmills (AE's and X's lists), a roller coaster (AB's list); among label noise handwritten class
numbers read back (V's and AE's lists), ties broken by the class list's order (V's list), a crowd's majority vote
(R's and Y's lists), randomised response for privacy (E's uniform flips in its statistics), a labeller evening out
the class counts (the quota AG left out), a labelling game's bonus class (V's target hunt), captions naming a
look-alike (F's and H's look-alikes), a tracker's identity switch (AA's list), a monitor crushing the shadows (Q's
turned view: an altered view).

* ``near_duplicate`` (3%), five edits in a part of the picture and three of the whole, in turn (so that the 272 px
  set's two copies get both kinds): a sewing thimble lying on its side on the print (34-42% of the side long, at
  least 10 px, its open end 80% of that wide narrowing to 64% at a domed crown, silver, brass, copper or steel, rows
  of dark dimples, a rolled rim, the mouth's dark sliver, a sheen; at any angle, 30-70% of the way across and down,
  a soft shadow at 40%), a hot dog lying on the print (a sausage 50-62% of the side long, at least 13 px, out of a
  split bun 84% of that long, its crumb showing along the slit, 3-5 grill marks, a zigzag of mustard or ketchup, a
  sheen; at any angle, the same place and shadow), a pan-fried dumpling (a gyoza, a crescent 42-52% of the side
  wide, at least 12 px, 5-7 pleats along its seam with creases, pale dough fried golden brown over its belly, a
  sheen; at any angle, the same place and shadow), a baguette (56-68% of the side long, at least 14 px, 15% of that
  wide, tapering to rounded points, a golden crust darker towards the ends, 4-6 slanting opened scores, a dusting
  of flour, a sheen; at any angle, the same place and shadow) and a kazoo lying on its side (44-56% of the side long,
  at least 12 px, a tapering tube with a round turret and a domed cap, red, blue, yellow, green or silver, two rings,
  the mouth's dark opening, a sheen; at any angle, the same place and shadow); of the whole picture: a spirograph
  pattern drawn over the print in gel pen (a wheel of ``k`` / ``n`` of the ring's teeth, ``n`` 5-9, rolled inside a
  ring of radius 40-47% of the side round a point near the middle, the pen 55-90% of the wheel's radius out, a line
  0.6% of the side wide, at least 0.7 px, pink, blue, green, violet or orange at 85%, half the time a second pattern
  in another colour: a ruled curve over the whole print, not O's signature, T's crayon scribble or the Silly
  String AG left out), a trail of ants crossing the print (6-10 below 48 px, 14-22 above, along a wavy path from edge to edge,
  8-10% of the side long below 48 px, 5-7% above, at least 3 px, red or amber, a head, thorax and abdomen, from 48
  px legs and feelers, one in four carrying a white crumb, a soft shadow at 30%: small insects in a line, not P's one
  housefly or X's coffee beans scattered) and the print squared up for copying as artists do (a pencil grid ruled
  over it, 4 x 4 cells below 48 px, 6-8 a side above, turned by up to 1 degree and moved by up to a quarter of a cell,
  graphite or, on a dark ground, a white pencil at 55-70%, the diagonals of 2-4 cells, from 48 px the columns
  numbered: thin drawn lines over the picture, not N's GridMask's holes, Q's jigsaw cuts or AI's advent doors);
* ``exact_duplicate`` (1%): byte-for-byte copies of a file under another name;
* ``blurry`` (3%): the picture as a shadow play shows it (printed on a translucent cel, 15% of the way to white, held
  a hand's breadth behind a paper screen and lit by an oil lamp's flame behind it, so that the picture is spread by
  the flame's shape turned upside down, a teardrop 5-7% of the side wide, at least 2.6 px, and 2.2 times as high;
  the screen in the flame's warm light, 255 / 214 / 150, brightest over a point near the middle and falling to 62-72%
  a side away, with the paper's fibres, 4 levels, in a dark wooden frame 4-6% of the side wide: a penumbra through a
  gap, not U's projected slide or AA's torch behind the print) and the picture painted with a bleach pen on a dark
  T-shirt, black, navy, bottle green or maroon (bleach laid in proportion to the picture's stretched grey to the
  power 1.2, wicking through the cotton, half as a Gaussian of 2.4-3.2% of the side, at least 1.2 px, a quarter
  along each of the weave's threads, twice as far along them and 0.4 times across; the dye lifted through the shirt's
  colour to a rust, an orange and a cream as the bleach grows; the cloth's grain, 3 levels: a reverse-dyed copy, not
  AE's batik left out, Q's ink bleed along paper fibres or the bleach spots X left out as near copies); each as a
  camera metering on the highlights exposes it (as Y's to AI's);
* ``dark`` (2%): a dark hall lit only by a crystal chandelier hanging in the picture (its middle 30-70% of the way
  across and 14-28% down, 4-5 candle bulbs below 48 px, 6-8 above, on arms round an ellipse of radius 14-20% of the
  side, each a warm white flame on a brass cup with a crystal drop under it, a stem to the top; a glow of sigma 3-5%
  of the side up to 40-55 levels; the picture lit at a gain of 0.015-0.03 plus 0.25-0.35 falling off as ``1 / (1 +
  (d / d0) ** 2)`` from the ring's middle, ``d0`` 30-45% of the side, in a candle's warm white; noise sigma 1.2
  levels: a hanging cluster of small flames, not N's fairy lights strung across), a beach at night lit only by a wave
  breaking with glowing plankton (its crest a wavy line across the picture 68-84% of the way down, the foam glowing
  blue-cyan in a band 3-6% of the side deep, 4-9 brighter patches, a fainter wave farther out at 45%; a glow of
  sigma 4-7% of the side up to 35-50 levels; the picture lit at a gain of 0.015-0.03 plus 0.25-0.35 falling off as
  ``exp(-d / d0)`` from the crest, ``d0`` 12-20% of the side; noise sigma 1.2 levels: a glowing line low in the
  picture, not N's aurora in the sky or Q's harbour glitter) and a garden at night lit only by a hot tub's
  underwater lights (the tub seen from above at a slant, a rounded rectangle 36-48% of the side wide and 0.6 of that
  deep, 30-70% of the way across and 64-76% down, its water glowing turquoise, blue, violet or green with ripple
  highlights, a pale rim catching the light; a glow of sigma 4-7% of the side up to 30-45 levels; the picture lit at
  a gain of 0.015-0.03 plus 0.25-0.35 falling off as ``1 / (1 + (d / d0) ** 2)`` from the tub's middle, ``d0`` 25-40%
  of the side, in the water's colour; noise sigma 1.2 levels: a lit pool of water in the scene, not K's deep water
  over the picture); none of them blurs the picture;
* ``outlier`` (1.5%): vineyards seen from a path between the rows (the sky above a horizon 26-36% of the way down, a
  far hill, 7-11 rows of vines converging on a point of the horizon, trellis posts along them, brown earth between,
  from 48 px bunches of grapes), salt evaporation ponds seen from above (a sea along one edge, a patchwork of ponds on
  a jittered grid of 3 x 3 cells below 48 px, 4-6 a side above, between dykes 2-4% of the side wide, each in one of 4
  brine colours, a white salt crust round half of them, a road along one dyke) and an airport's apron seen from above
  (a terminal along the top, 1-2 jets below 48 px, 2-3 above, parked nose-in at jet bridges, each a fuselage with a
  round nose, swept wings, a tailplane and a tail fin, curved yellow lead-in lines, a taxiway across the bottom with
  its centre line, 3-6 service vehicles); the digit and clothing sets get them in their own tones on their dark
  ground, the photographs as green vines with purple grapes on brown earth under a blue, grey or dusk sky, brines of
  turquoise, green, ochre, pink, red or white by a blue sea, and white jets with red, blue, yellow or green tails on
  grey concrete;
* ``label`` (5%): *click-log* flips: labels mined from an image search's click log; for every class present a query
  for it was answered with the eligible pictures ranked by the squared distance of their 8 x 8 grey thumbnails
  (standardised) to the class's mean thumbnail over the whole set, and 3 times the eligible pictures over the number
  of classes clicks a query were drawn, a result at rank ``r`` (from 0) in proportion to ``(r + 1) ** -0.7`` (users
  look at the top of the list) times 1 for a picture of the query's class and 0.2 for another; each clicked picture
  took the query that got the most clicks on it (its own class on a tie), and the flips are drawn uniformly among
  those that took another class (if too few, the rest those with the largest lead of another query's clicks): a
  picture's wrong label comes from where it ranks in another class's list against where it ranks in its own, not from
  the class it is nearest (F's, H's) nor from the first query that returned it (the web searches AD left out). Every
  flip changes the label, so every one is in the truth.

Each planted defect has its own source image; nothing else is planted, so only these six issue types are scored on AJ's
sets. Base data are the evaluation domains drawn with seeds no other set uses: Fashion-MNIST *test* (2,000, seed 269),
MNIST (2,000, seed 270), and the evaluation photographs tiled at 54 px (24 tiles a photograph at most, seed 271: 401)
and at 272 px (every tile, seed 272: 81, the photographs with 1-34 tiles each: AI's photograph base does give 272 px
tiles, but three photographs give one each, so each of their classes holds one picture), sizes no other set uses.
``photos54_aj_jpeg`` is written as JPEG files, each at a quality drawn from 62-84 (a stream of its own, seed
``365_000 + random_state``), every edit, blur and darkening made before the encoding, near copies made from the decoded
JPEG and saved again at their own quality, exact copies byte copies of the file; the other sets are PNG files.
Planting draws from seed ``360_000 + random_state``. The planting is I's (:func:`_heldout_i.plant_generator`, as for J
to AI).
"""

from __future__ import annotations

import numpy as np
from _heldout_aa import _frame_at, _rect
from _heldout_ab import _pick
from _heldout_ac import _rrect
from _heldout_ae import _lit
from _heldout_af import _glow, _stretched
from _heldout_ai import _digits_drawn
from _heldout_h import _u8
from _heldout_i import by_family, plant_generator
from _heldout_k import _paint
from _heldout_o import _ground
from _heldout_p import _ellipse
from _heldout_q import _down, _thumbs
from _heldout_s import _pixels
from _heldout_v import _metered
from _heldout_x import _canvas, _Frame, _laid
from PIL import ImageDraw

from dataquality.datasets import PlantedDataset

EVALUATION_AJ = ("fashion_test_aj", "mnist_aj", "photos54_aj_jpeg", "photos272_aj")
# each set's base: (data, seed) or ("photos", seed, tile size, tiles per photograph quick, full)
BASES_AJ = {
    "fashion_test_aj": ("fashion_test", 269),
    "mnist_aj": ("mnist", 270),
    "photos54_aj_jpeg": ("photos", 271, 54, 8, 24),
    "photos272_aj": ("photos", 272, 272, 8, 1000),
}
JPEG_QUALITY = (62, 85)  # the JPEG set's qualities: integers in [low, high)
RATES_AJ = {"near_duplicate": 0.03, "exact_duplicate": 0.01, "blurry": 0.03, "dark": 0.02, "outlier": 0.015,
            "label": 0.05}
# parts of the picture and the whole picture in turn, so that the smallest set (2 copies) gets both kinds
NEAR_EDITS_AJ = ("thimble", "spirograph", "hot_dog", "ant_trail", "gyoza", "squared_up", "baguette", "kazoo")
BLURS_AJ = ("shadow_play", "bleach_shirt")
DARKS_AJ = ("chandelier", "glowing_surf", "hot_tub")
OUTLIERS_AJ = ("vineyard", "salt_ponds", "airport_apron")
CLICKS_PER = 3.0  # the search log's clicks a query, on average, per eligible picture over the number of classes
BIAS = 0.7  # the position bias: a result at rank r (from 0) is looked at in proportion to (r + 1) ** -BIAS
OFF_TOPIC = 0.2  # how much less often a result of another class than the query's is clicked


def load_base_aj(name: str, quick: bool = False):
    import _heldout

    return _heldout.load_generator_base(name, quick, BASES_AJ, "AJ")


# -- near copies -----------------------------------------------------------------------------
THIMBLE_METALS = ((200, 202, 208), (212, 176, 86), (176, 120, 84), (150, 154, 162))


def _thimble(f: np.ndarray, rng) -> np.ndarray:
    """A sewing thimble lying on its side on the print: 34-42% of the side long, at least 10 px, its open end 80%
    of that wide narrowing to 64% at the crown, a domed crown 16% of the length deep; silver, brass, copper or steel,
    4 rows below 48 px (6 above) of 5-9 dimples, dark at 55%, over its side, a rolled rim 9% of the length wide at
    the open end 18% darker, the mouth's dark inside showing as a sliver 5% deep, a sheen along its upper side at
    45%; at any angle, its middle 30-70% of the way across and down, a soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(10.0, side * rng.uniform(0.34, 0.42))
    metal = _pick(THIMBLE_METALS, rng)
    fr = _frame_at(h, w, rng)
    x0, x1 = -0.5 * L, 0.34 * L
    body = [(x0, -0.4 * L), (x1, -0.32 * L), (x1, 0.32 * L), (x0, 0.4 * L)]
    crown = _ellipse(x1, 0.0, 0.16 * L, 0.32 * L, 0.0, 24)
    rows = 4 if side < 48 else 6
    dots = []
    for i in range(rows):
        y = (-0.3 + 0.6 * (i + 0.5) / rows) * L
        n = int(rng.integers(5, 10))
        for j in range(n):
            x = x0 + 0.14 * L + (x1 + 0.08 * L - x0 - 0.14 * L) * (j + 0.5 * (i % 2)) / n
            r = max(0.25, 0.022 * L)
            dots.append(_ellipse(x, y * (1 - 0.2 * (x - x0) / (x1 - x0)), r, r, 0.0, 8))
    parts = [(fr.fill([body, crown]), metal, 1.0, True),
             (fr.fill(dots), metal * 0.45, 0.55, False),
             (fr.fill([_rect(x0, -0.41 * L, x0 + 0.09 * L, 0.41 * L)]), metal * 0.82, 1.0, False),
             (fr.fill([_rect(x0 - 0.05 * L, -0.36 * L, x0, 0.36 * L)]), (26, 24, 22), 0.9, False),
             (fr.line([[(x0 + 0.1 * L, -0.33 * L), (x1, -0.26 * L)]], max(0.35, 0.03 * L)), (255, 255, 255), 0.45,
              False)]
    return _u8(_laid(f, parts, 0.4))


BUNS = ((214, 150, 76), (200, 128, 60), (226, 172, 98))
SAUSAGES = ((170, 62, 44), (150, 78, 50), (196, 110, 80))
SAUCES = ((240, 196, 30), (200, 30, 30))


def _hot_dog(f: np.ndarray, rng) -> np.ndarray:
    """A hot dog lying on the print: a sausage 50-62% of the side long, at least 13 px, and 13% of that wide, its
    round ends out of a split bun 84% of the length long and 30% wide, golden, brown or pale, its crumb showing
    along the slit 26% lighter; red-brown or pink sausage with 3-5 dark grill marks across it at 55%, a zigzag of
    mustard or ketchup 2.5% of the length thick along it, 5-8 turns; a sheen along the sausage at 40%; at any angle,
    its middle 30-70% of the way across and down, a soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(13.0, side * rng.uniform(0.5, 0.62))
    bun, sau, sauce = _pick(BUNS, rng), _pick(SAUSAGES, rng), _pick(SAUCES, rng)
    fr = _frame_at(h, w, rng)
    bunp = _rrect(-0.42 * L, -0.15 * L, 0.42 * L, 0.15 * L, 0.14 * L, 8)
    crumb = _rrect(-0.4 * L, -0.1 * L, 0.4 * L, 0.1 * L, 0.09 * L, 8)
    sausage = _rrect(-0.5 * L, -0.065 * L, 0.5 * L, 0.065 * L, 0.064 * L, 8)
    marks = [[(x * L - 0.03 * L, -0.06 * L), (x * L + 0.03 * L, 0.06 * L)]
             for x in np.linspace(-0.3, 0.3, int(rng.integers(3, 6)))]
    k = int(rng.integers(5, 9))
    zig = [(-0.4 * L + 0.8 * L * j / (2 * k), (0.04 if j % 2 else -0.04) * L) for j in range(2 * k + 1)]
    parts = [(fr.fill([bunp]), bun, 1.0, True),
             (fr.fill([crumb]), np.minimum(bun * 1.26, 255), 1.0, False),
             (fr.fill([sausage]), sau, 1.0, True),
             (fr.line(marks, max(0.35, 0.02 * L)), sau * 0.45, 0.55, False),
             (fr.line([zig], max(0.4, 0.025 * L)), sauce, 1.0, False),
             (fr.line([[(-0.44 * L, -0.035 * L), (0.44 * L, -0.035 * L)]], max(0.35, 0.015 * L)), (255, 255, 255),
              0.4, False)]
    return _u8(_laid(f, parts, 0.4))


GYOZA_DOUGH = ((240, 230, 204), (232, 220, 190))
GYOZA_FRIED = (188, 124, 56)


def _gyoza(f: np.ndarray, rng) -> np.ndarray:
    """A pan-fried dumpling (gyoza) lying on the print: a crescent 42-52% of the side wide, at least 12 px, and 46%
    of that deep, its round belly below a straight seam; 5-7 pleats folded along the seam, each a scallop of the
    edge with a crease line down into the dough at 60%; pale dough, 240 / 230 / 204 or 232 / 220 / 190, its belly
    fried golden brown, 188 / 124 / 56, over its lower 40%, fading up; a sheen on the dough at 35%; at any angle,
    its middle 30-70% of the way across and down, a soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    W = max(12.0, side * rng.uniform(0.42, 0.52))
    dough = _pick(GYOZA_DOUGH, rng)
    fr = _frame_at(h, w, rng)
    n = int(rng.integers(5, 8))
    t = np.linspace(0, np.pi, 24)
    belly = [(0.5 * W * np.cos(u), 0.36 * W * np.sin(u) - 0.06 * W) for u in t]
    top = []
    for j in range(n):
        for u in np.linspace(0, 1, 6)[:-1]:
            x = -0.5 * W + W * (j + u) / n
            top.append((x, -0.06 * W - 0.06 * W * np.sin(np.pi * u) - 0.05 * W * (1 - (2 * x / W) ** 2)))
    top.append((0.5 * W, -0.06 * W))
    shape = belly + top[::-1]
    creases = [[(-0.5 * W + W * j / n, -0.1 * W), (-0.5 * W + W * (j + 0.3) / n, 0.05 * W)] for j in range(1, n)]
    fried = [(0.5 * W * np.cos(u), 0.36 * W * np.sin(u) - 0.06 * W) for u in t if 0.36 * np.sin(u) > 0.2]
    body = fr.fill([shape])
    parts = [(body, dough, 1.0, True),
             (fr.fill([fried]) * body, GYOZA_FRIED, 0.85, False),
             (fr.line(creases, max(0.35, 0.015 * W)) * body, np.asarray(dough) * 0.7, 0.6, False),
             (fr.line([[(-0.3 * W, 0.0), (0.25 * W, -0.02 * W)]], max(0.35, 0.03 * W)) * body, (255, 255, 255), 0.35,
              False)]
    return _u8(_laid(f, parts, 0.4))


CRUSTS = ((196, 134, 66), (182, 116, 52), (210, 156, 88))


def _baguette(f: np.ndarray, rng) -> np.ndarray:
    """A baguette lying on the print: 56-68% of the side long, at least 14 px, and 15% of that wide, tapering to
    rounded points over its last 20% each end; a golden crust, darker by 30% towards the ends, 4-6 slanting scores
    along it, each an opened ear 15% of the length long at 25-35 degrees, pale inside, 236 / 204 / 140; a dusting of
    flour, 20-40 specks white at 35%; a sheen along its top at 35%; at any angle, its middle 30-70% of the way
    across and down, a soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(14.0, side * rng.uniform(0.56, 0.68))
    crust = _pick(CRUSTS, rng)
    fr = _frame_at(h, w, rng)
    x = np.linspace(-0.5, 0.5, 40)
    half = 0.075 * np.sqrt(np.clip(1 - (np.maximum(np.abs(x) - 0.3, 0) / 0.2) ** 2, 0, 1)) + 0.004
    outline = [(u * L, -hw * L) for u, hw in zip(x, half)] + [(u * L, hw * L) for u, hw in zip(x[::-1], half[::-1])]
    ends = [[(s * 0.5 * L, -0.08 * L), (s * 0.34 * L, -0.08 * L), (s * 0.34 * L, 0.08 * L), (s * 0.5 * L, 0.08 * L)]
            for s in (-1, 1)]
    n = int(rng.integers(4, 7))
    scores = [_ellipse(c * L, 0.0, 0.075 * L, 0.022 * L, np.deg2rad(rng.uniform(25, 35)), 14)
              for c in np.linspace(-0.32, 0.32, n)]
    specks = [_ellipse(rng.uniform(-0.4, 0.4) * L, rng.uniform(-0.05, 0.05) * L, max(0.25, 0.008 * L),
                       max(0.25, 0.008 * L), 0.0, 6) for _ in range(int(rng.integers(20, 41)))]
    body = fr.fill([outline])
    parts = [(body, crust, 1.0, True),
             (fr.fill(ends) * body, crust * 0.7, 0.8, False),
             (fr.fill(scores) * body, (236, 204, 140), 1.0, False),
             (fr.fill(specks) * body, (255, 255, 255), 0.35, False),
             (fr.line([[(-0.36 * L, -0.045 * L), (0.36 * L, -0.045 * L)]], max(0.35, 0.02 * L)) * body,
              (255, 255, 255), 0.35, False)]
    return _u8(_laid(f, parts, 0.4))


KAZOOS = ((206, 40, 40), (40, 90, 200), (240, 200, 40), (40, 150, 80), (196, 198, 206))


def _kazoo(f: np.ndarray, rng) -> np.ndarray:
    """A kazoo lying on the print, seen from its side: 44-56% of the side long, at least 12 px; a tube tapering from
    21% of the length at its mouth end to 13% at the far end, a round turret 14% long rising 11% above it at 58% of
    the way along, under a domed cap with a dark slot; red, blue, yellow, green or silver, two rings round the tube
    24% darker, the mouth's dark opening at 90%, a sheen along the top at 45%; at any angle, its middle 30-70% of the
    way across and down, a soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(12.0, side * rng.uniform(0.44, 0.56))
    col = _pick(KAZOOS, rng)
    fr = _frame_at(h, w, rng)
    tube = [(-0.5 * L, -0.105 * L), (0.5 * L, -0.065 * L), (0.5 * L, 0.065 * L), (-0.5 * L, 0.105 * L)]
    tx = 0.08 * L
    turret = _rect(tx - 0.07 * L, -0.2 * L, tx + 0.07 * L, -0.05 * L)
    cap = _ellipse(tx, -0.2 * L, 0.08 * L, 0.04 * L, 0.0, 16)
    rings = [[(x * L, -0.11 * L), (x * L, 0.11 * L)] for x in (-0.38, 0.36)]
    parts = [(fr.fill([tube, turret]), col, 1.0, True),
             (fr.fill([cap]), col * 0.8, 1.0, True),
             (fr.line([[(tx - 0.04 * L, -0.21 * L), (tx + 0.04 * L, -0.21 * L)]], max(0.35, 0.015 * L)), (20, 20, 22),
              0.8, False),
             (fr.line(rings, max(0.35, 0.02 * L)), col * 0.76, 1.0, False),
             (fr.fill([_ellipse(-0.5 * L, 0.0, 0.025 * L, 0.095 * L, 0.0, 12)]), (18, 18, 20), 0.9, False),
             (fr.line([[(-0.44 * L, -0.07 * L), (0.46 * L, -0.045 * L)]], max(0.35, 0.018 * L)), (255, 255, 255),
              0.45, False)]
    return _u8(_laid(f, parts, 0.4))


GEL_PENS = ((236, 60, 150), (40, 110, 230), (40, 170, 90), (150, 70, 210), (250, 140, 30))


def _spirograph(f: np.ndarray, rng) -> np.ndarray:
    """A spirograph pattern drawn over the whole print in gel pen: a wheel of ``k`` / ``n`` the fixed ring's teeth
    (``n`` 5-9, ``k`` 2 to ``n`` - 1 with no common factor) rolled inside a ring of radius 40-47% of the side round
    a point within 4% of the side of the middle, the pen 55-90% of the wheel's radius from its middle, the line
    0.6% of the side wide, at least 0.7 px, in pink, blue, green, violet or orange at 85%; half the time a second
    pattern, the wheel turned on by half a tooth's angle, in another colour."""
    h, w = f.shape[:2]
    side = min(h, w)
    cx, cy = w / 2 + side * rng.uniform(-0.04, 0.04), h / 2 + side * rng.uniform(-0.04, 0.04)
    R = side * rng.uniform(0.4, 0.47)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    lw = max(0.7, 0.006 * side)
    out = f
    cols = rng.permutation(len(GEL_PENS))
    for m in range(2 if rng.random() < 0.5 else 1):
        n = int(rng.integers(5, 10))
        k = int(rng.choice([q for q in range(2, n) if np.gcd(q, n) == 1]))
        r = R * k / n
        d = r * rng.uniform(0.55, 0.9)
        t = np.linspace(0, 2 * np.pi * k, 240 * k) + m * np.pi / n
        big = R - r
        x = cx + big * np.cos(t) + d * np.cos(big / r * t)
        y = cy + big * np.sin(t) - d * np.sin(big / r * t)
        out = _paint(out, 0.85 * ident.line([list(zip(x.tolist(), y.tolist()))], lw), GEL_PENS[int(cols[m])])
    return _u8(out)


ANTS = ((178, 58, 32), (206, 134, 52))


def _ant_trail(f: np.ndarray, rng) -> np.ndarray:
    """A trail of ants crossing the whole print: 6-10 ants below 48 px, 14-22 above, along a wavy path from one
    edge to the opposite one (a sine of 1-2 waves, 6-12% of the side high, about a line through a point 30-70% of the
    way across and down at any angle), each 8-10% of the side long below 48 px, 5-7% above, at least 3 px, facing
    along the path either way and off it by up to 20 degrees, 5% of the side to either side of it; red or amber,
    178 / 58 / 32 or 206 / 134 / 52, a head, a thorax and
    a larger abdomen, from 48 px six legs and two feelers 0.5% of the side wide; one in four carrying a white crumb;
    a soft shadow at 30%."""
    h, w = f.shape[:2]
    side = min(h, w)
    n = int(rng.integers(6, 11)) if side < 48 else int(rng.integers(14, 23))
    col = _pick(ANTS, rng)
    a0 = rng.uniform(0, np.pi)
    px, py = w * rng.uniform(0.3, 0.7), h * rng.uniform(0.3, 0.7)
    amp, waves = side * rng.uniform(0.06, 0.12), rng.uniform(1, 2)
    u = np.sort(rng.uniform(-0.75, 0.75, n)) * side
    parts = []
    for s in u:
        off = amp * np.sin(2 * np.pi * waves * s / (1.5 * side)) + rng.uniform(-0.05, 0.05) * side
        slope = amp * 2 * np.pi * waves / (1.5 * side) * np.cos(2 * np.pi * waves * s / (1.5 * side))
        x = px + s * np.cos(a0) - off * np.sin(a0)
        y = py + s * np.sin(a0) + off * np.cos(a0)
        ang = a0 + np.arctan(slope) + (np.pi if rng.random() < 0.5 else 0) + np.deg2rad(rng.uniform(-20, 20))
        fr = _Frame((h, w), x, y, ang)
        A = max(3.0, side * (rng.uniform(0.08, 0.1) if side < 48 else rng.uniform(0.05, 0.07)))
        body = [_ellipse(0.36 * A, 0.0, 0.12 * A, 0.11 * A, 0.0, 10), _ellipse(0.1 * A, 0.0, 0.14 * A, 0.07 * A, 0.0, 10),
                _ellipse(-0.24 * A, 0.0, 0.22 * A, 0.15 * A, 0.0, 12)]
        parts.append((fr.fill(body), col, 1.0, True))
        if side >= 48:
            legs = [[(0.1 * A, 0.0), (0.1 * A + dx * A, sy * 0.32 * A)] for dx in (-0.2, 0.0, 0.2) for sy in (-1, 1)]
            legs += [[(0.44 * A, sy * 0.04 * A), (0.6 * A, sy * 0.2 * A)] for sy in (-1, 1)]
            parts.append((fr.line(legs, max(0.35, 0.005 * side)), col, 1.0, True))
        if rng.random() < 0.25:
            parts.append((fr.fill([_ellipse(0.55 * A, 0.0, 0.12 * A, 0.1 * A, 0.0, 8)]), (250, 248, 240), 1.0, True))
    return _u8(_laid(f, parts, 0.3))


def _squared_up(f: np.ndarray, rng) -> np.ndarray:
    """The print squared up for copying, as artists do: a pencil grid ruled over the whole of it, 4 x 4 cells below
    48 px, 6-8 a side above, the grid turned by up to 1 degree and moved by up to a quarter of a cell, its lines 0.5%
    of the side wide, at least 0.6 px, at 55-70%, in graphite, 70 / 70 / 76, or in a white pencil, 236 / 236 / 232,
    where the print's ground is dark (its border's mean under 110); the diagonals of 2-4 cells ruled in the same
    pencil; from 48 px each column numbered in the top row's cells' corners, seven-segment digits 18% of a cell
    high at 70%."""
    h, w = f.shape[:2]
    side = min(h, w)
    n = 4 if side < 48 else int(rng.integers(6, 9))
    cell = side / n
    a = np.deg2rad(rng.uniform(-1, 1))
    ox, oy = rng.uniform(-0.25, 0.25) * cell, rng.uniform(-0.25, 0.25) * cell
    fr = _Frame((h, w), w / 2 + ox, h / 2 + oy, a)
    lines = []
    for j in range(-1, n + 2):
        v = (j - n / 2) * cell
        lines += [[(v, -0.7 * side), (v, 0.7 * side)], [(-0.7 * side, v), (0.7 * side, v)]]
    for _ in range(int(rng.integers(2, 5))):
        i, j = int(rng.integers(n)), int(rng.integers(n))
        x0, y0 = (j - n / 2) * cell, (i - n / 2) * cell
        lines.append([(x0, y0), (x0 + cell, y0 + cell)] if rng.random() < 0.5 else [(x0 + cell, y0), (x0, y0 + cell)])
    lw = max(0.6, 0.005 * side)
    pencil = (236, 236, 232) if _ground(f) < 110 else (70, 70, 76)
    out = _paint(f, rng.uniform(0.55, 0.7) * fr.line(lines, lw), pencil)
    if side >= 48:
        gh = 0.18 * cell
        nums = np.zeros((h, w), np.float32)
        for j in range(n):
            x, y = fr.at([(((j - n / 2) * cell + 0.08 * cell), (-n / 2 * cell + 0.08 * cell))])[0]
            nums = np.maximum(nums, _digits_drawn(_Frame((h, w), 0.0, 0.0, 0.0), str(j + 1), x, y, gh, lw))
        out = _paint(out, 0.7 * nums, pencil)
    return _u8(out)


def near_edit_aj(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "thimble":  # a sewing thimble lying on the print
        return _thimble(f, rng)
    if kind == "hot_dog":  # a hot dog lying on the print
        return _hot_dog(f, rng)
    if kind == "gyoza":  # a pan-fried dumpling lying on the print
        return _gyoza(f, rng)
    if kind == "baguette":  # a baguette lying on the print
        return _baguette(f, rng)
    if kind == "kazoo":  # a kazoo lying on the print
        return _kazoo(f, rng)
    if kind == "spirograph":  # a spirograph pattern drawn over the print in gel pen
        return _spirograph(f, rng)
    if kind == "ant_trail":  # a trail of ants crossing the print
        return _ant_trail(f, rng)
    if kind == "squared_up":  # the print squared up for copying with a pencil grid
        return _squared_up(f, rng)
    raise ValueError(kind)


# -- blurs -----------------------------------------------------------------------------------
LAMP_LIGHT = np.array([255, 214, 150], np.float32)
SCREEN_FRAME = (62, 40, 26)


def _shadow_play(f: np.ndarray, rng) -> np.ndarray:
    """The picture as a shadow play shows it: printed on a translucent cel (its colours 15% of the way to white)
    held a hand's breadth behind a paper screen and lit from behind by an oil lamp's flame, so that each point of
    the screen sees the cel through the flame's shape: the picture spread by a teardrop (the flame upside down, as
    the gap turns it), 5-7% of the side wide, at least 2.6 px, and 2.2 times as high, round at its top and
    pointed below; the screen lit in the flame's warm light, 255 / 214 / 150, brightest over a point 35-65% of the
    way across and 40-60% down and falling to 62-72% at a side's distance, with the paper's fibres, a smoothed noise
    of 4 levels; a dark wooden frame 4-6% of the side wide round the screen; as a camera metering on the highlights
    exposes it."""
    from scipy.ndimage import gaussian_filter
    from scipy.signal import fftconvolve

    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    fw = max(2.6, side * rng.uniform(0.05, 0.07))
    fh = 2.2 * fw
    r = int(np.ceil(fh))
    ky, kx = np.mgrid[-r:r + 1, -r:r + 1].astype(np.float32)
    v = (ky + 0.5 * fh) / fh  # 0 at the top of the drop, 1 at its point
    half = 0.5 * fw * np.where(v < 0.35, np.sqrt(np.clip(1 - ((0.35 - v) / 0.35) ** 2, 0, 1)), (1 - v) / 0.65)
    kern = np.clip(half - np.abs(kx) + 0.5, 0, 1) * ((v >= 0) & (v <= 1))
    kern /= kern.sum()
    cel = f * 0.85 + 255 * 0.15
    spread = np.stack([fftconvolve(np.pad(cel[..., c], r, mode="reflect"), kern, mode="valid") for c in range(3)],
                      axis=2)
    mx, my = w * rng.uniform(0.35, 0.65), h * rng.uniform(0.4, 0.6)
    fall = rng.uniform(0.62, 0.72)
    light = 1 - (1 - fall) * np.clip(np.hypot(xx - mx, yy - my) / side, 0, 1.4) ** 2
    fibres = gaussian_filter(rng.normal(0, 1, (h, w)).astype(np.float32), max(0.6, 0.006 * side))
    fibres *= 4 / max(float(fibres.std()), 1e-6)
    out = spread / 255 * LAMP_LIGHT * light[..., None] + fibres[..., None]
    e = side * rng.uniform(0.04, 0.06)
    frame = 1 - _Frame((h, w), 0.0, 0.0, 0.0).fill([_rect(e, e, w - e, h - e)])
    out = _paint(out, frame, SCREEN_FRAME)
    return _u8(_metered(out, f))


SHIRTS = ((22, 22, 26), (24, 30, 56), (26, 48, 34), (64, 22, 30))
BLEACHED = np.array([[0.0, 0.0, 0.0], [118, 52, 34], [206, 124, 64], [238, 216, 178]], np.float32)


def _bleach_shirt(f: np.ndarray, rng) -> np.ndarray:
    """The picture painted with a bleach pen on a dark cotton T-shirt, black, navy, bottle green or maroon, and
    left to develop: bleach laid in proportion to the picture's light (its grey stretched between its own 2nd and
    98th percentiles, to the power 1.2), wicking through the cloth, half of it spread as a Gaussian of 2.4-3.2% of the
    side, at least 1.2 px, and a quarter along each of the weave's two threads, twice as far along them and 0.4 times
    across; the dye lifted through the shirt's own colour to a rust, 118 / 52 / 34, an orange, 206 / 124 / 64, and a
    cream, 238 / 216 / 178, as the bleach grows; the cloth's fine grain, 3 levels; as a camera metering on the
    highlights exposes it."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    b = _stretched(f) ** 1.2
    s = max(1.2, side * rng.uniform(0.024, 0.032))
    b = (0.5 * gaussian_filter(b, s, mode="reflect") + 0.25 * gaussian_filter(b, (0.4 * s, 2 * s), mode="reflect")
         + 0.25 * gaussian_filter(b, (2 * s, 0.4 * s), mode="reflect"))
    b = np.clip(b / max(float(np.percentile(b, 99.5)), 1e-3), 0, 1)
    pal = BLEACHED.copy()
    pal[0] = _pick(SHIRTS, rng)
    x = b * 3
    i = np.minimum(x.astype(int), 2)
    t = (x - i)[..., None]
    out = pal[i] * (1 - t) + pal[i + 1] * t
    out = out + rng.normal(0, 3, (h, w))[..., None]
    return _u8(_metered(out, f))


def blur_aj(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "shadow_play":  # the picture on a cel shown on a shadow play's screen, lit by a flame behind it
        return _shadow_play(f, rng)
    if kind == "bleach_shirt":  # the picture painted in bleach on a dark T-shirt
        return _bleach_shirt(f, rng)
    raise ValueError(kind)


# -- darkening -------------------------------------------------------------------------------
CANDLE_WARM = np.array([1.0, 0.86, 0.66], np.float32)


def _chandelier(f: np.ndarray, rng) -> np.ndarray:
    """A dark hall lit only by a crystal chandelier hanging in the picture: its middle 30-70% of the way across and
    14-28% down, a ring of 4-5 candle bulbs below 48 px, 6-8 above, on arms round an ellipse of radius 14-20% of
    the side, 0.35 of that high, each bulb a flame-shaped light 2.4% of the side wide, at least 1.5 px, warm white,
    255 / 236 / 196, on a brass cup, its arm a curve 0.8% of the side wide, at least 0.5 px, to a stem rising to the
    top of the picture, a crystal drop hanging under each bulb, a glint at 80%; a glow of sigma 3-5% of the side up
    to 40-55 levels; the picture lit at a gain of 0.015-0.03 plus 0.25-0.35 falling off as ``1 / (1 + (d / d0) **
    2)`` from the ring's middle, ``d0`` 30-45% of the side, in a candle's warm white, 1.0 / 0.86 / 0.66; noise
    sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    cx, cy = w * rng.uniform(0.3, 0.7), h * rng.uniform(0.14, 0.28)
    R = side * rng.uniform(0.14, 0.2)
    n = int(rng.integers(4, 6)) if side < 48 else int(rng.integers(6, 9))
    d = np.hypot(xx - cx, yy - cy)
    gain = rng.uniform(0.015, 0.03) + rng.uniform(0.25, 0.35) / (1 + (d / (side * rng.uniform(0.3, 0.45))) ** 2)
    out = _lit(f, gain[..., None] * CANDLE_WARM, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    bw = max(1.5, 0.024 * side)
    lw = max(0.5, 0.008 * side)
    ph = rng.uniform(0, 2 * np.pi)
    bulbs, arms, drops, cups = [], [], [], []
    for j in range(n):
        u = ph + 2 * np.pi * j / n
        bx, by = cx + R * np.cos(u), cy + 0.35 * R * np.sin(u)
        bulbs.append([(bx, by - 1.6 * bw), (bx + 0.5 * bw, by - 0.5 * bw), (bx, by), (bx - 0.5 * bw, by - 0.5 * bw)])
        cups.append(_rect(bx - 0.5 * bw, by, bx + 0.5 * bw, by + 0.4 * bw))
        arms.append([(bx, by + 0.4 * bw), (0.5 * (bx + cx), cy + 0.3 * R + 0.1 * R * np.sin(u)), (cx, cy + 0.15 * R)])
        drops.append(_ellipse(bx, by + 1.4 * bw, 0.28 * bw, 0.55 * bw, 0.0, 10))
    stem = [[(cx, 0.0), (cx, cy + 0.2 * R)]]
    out = _paint(out, ident.line(stem + arms, lw), (96, 78, 40))
    out = _paint(out, ident.fill(cups), (140, 110, 56))
    lights = ident.fill(bulbs)
    out = out + _glow(lights, max(0.8, side * rng.uniform(0.03, 0.05)))[..., None] * rng.uniform(40, 55) * CANDLE_WARM
    out = _paint(out, lights, (255, 236, 196))
    return _u8(_paint(out, 0.8 * ident.fill(drops), (240, 244, 255)))


SURF_GLOW = np.array([0.3, 0.78, 1.0], np.float32)


def _glowing_surf(f: np.ndarray, rng) -> np.ndarray:
    """A beach at night lit only by a wave breaking with glowing plankton in the picture: its crest a wavy line
    across the whole picture 68-84% of the way down (a sine of 1-2.5 waves, 2-4% of the side high, tilted by up to 6
    degrees), the foam glowing blue-cyan, 0.3 / 0.78 / 1.0, in a band 3-6% of the side deep below the crest,
    brightest along it, with 4-9 brighter patches of foam; a fainter wave farther out, 12-20% of the side above it,
    at 45%; a glow of sigma 4-7% of the side up to 35-50 levels; the picture lit at a gain of 0.015-0.03 plus
    0.25-0.35 falling off as ``exp(-d / d0)`` with the distance ``d`` from the crest, ``d0`` 12-20% of the side, in
    the glow's colour; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    y0 = h * rng.uniform(0.68, 0.84)
    amp, waves, tilt, ph = side * rng.uniform(0.02, 0.04), rng.uniform(1, 2.5), np.tan(np.deg2rad(rng.uniform(-6, 6))), \
        rng.uniform(0, 2 * np.pi)
    gap = side * rng.uniform(0.12, 0.2)
    depth = side * rng.uniform(0.03, 0.06)
    foam = np.zeros((h, w), np.float32)
    crest0 = None
    for k, (dy, lev) in enumerate(((0.0, 1.0), (-gap, 0.45))):
        crest = y0 + dy + amp * np.sin(2 * np.pi * waves * xx / w + ph + k) + tilt * (xx - w / 2)
        below = yy - crest
        band = np.where(below >= 0, np.exp(-below / (0.5 * depth)), np.exp(below / max(0.5, 0.15 * depth)))
        foam = np.maximum(foam, lev * band * (below > -max(0.5, 0.3 * depth)) * (below < depth))
        crest0 = crest if crest0 is None else crest0
    for _ in range(int(rng.integers(4, 10))):
        px, py = rng.uniform(0, w), y0 + rng.uniform(0, 0.5) * depth
        r = side * rng.uniform(0.02, 0.05)
        foam = np.maximum(foam, np.exp(-((xx - px) ** 2 + ((yy - py) * 2) ** 2) / (2 * r * r)))
    gain = rng.uniform(0.015, 0.03) + rng.uniform(0.25, 0.35) * np.exp(-np.abs(yy - crest0) / (side * rng.uniform(0.12,
                                                                                                                0.2)))
    out = _lit(f, gain[..., None] * SURF_GLOW, rng)
    out = out + _glow(foam, max(0.8, side * rng.uniform(0.04, 0.07)))[..., None] * rng.uniform(35, 50) * SURF_GLOW
    return _u8(_paint(out, 0.9 * foam, 235 * SURF_GLOW + 20))


TUB_LIGHTS = ((0.3, 0.9, 0.95), (0.3, 0.5, 1.0), (0.7, 0.4, 1.0), (0.35, 1.0, 0.55))


def _hot_tub(f: np.ndarray, rng) -> np.ndarray:
    """A garden at night lit only by a hot tub's underwater lights in the picture: the tub seen from above at a
    slant, a rounded square 36-48% of the side wide and 0.6 of that deep, its middle 30-70% of the way across and
    64-76% down, its water glowing turquoise, blue, violet or green, at 75% at its edges to all of it in the middle,
    with 3-6 wavy ripple highlights 0.6% of the side wide, at least 0.5 px, at 60%; a pale rim 7% of its width wide,
    caught by the water's light at 30%; a glow of sigma 4-7% of the side up to 30-45 levels; the picture lit at a gain
    of 0.015-0.03 plus 0.25-0.35 falling off as ``1 / (1 + (d / d0) ** 2)`` from the tub's middle, ``d0`` 25-40% of
    the side, in the water's colour; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    tw = side * rng.uniform(0.36, 0.48)
    td = 0.6 * tw
    cx, cy = w * rng.uniform(0.3, 0.7), h * rng.uniform(0.64, 0.76)
    col = np.asarray(_pick(TUB_LIGHTS, rng))
    d = np.hypot(xx - cx, yy - cy)
    gain = rng.uniform(0.015, 0.03) + rng.uniform(0.25, 0.35) / (1 + (d / (side * rng.uniform(0.25, 0.4))) ** 2)
    out = _lit(f, gain[..., None] * col, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    rim = ident.fill([_rrect(cx - tw / 2, cy - td / 2, cx + tw / 2, cy + td / 2, 0.25 * td, 8)])
    e = 0.07 * tw
    water = ident.fill([_rrect(cx - tw / 2 + e, cy - td / 2 + e, cx + tw / 2 - e, cy + td / 2 - e, 0.2 * td, 8)])
    out = out + _glow(water, max(0.8, side * rng.uniform(0.04, 0.07)))[..., None] * rng.uniform(30, 45) * col
    out = _paint(out, rim * (1 - water), 0.3 * 230 * col + 40)
    mid = np.clip(1 - np.hypot((xx - cx) / (0.5 * tw), (yy - cy) / (0.5 * td)), 0, 1)[..., None]
    out = out * (1 - water[..., None]) + 255 * col * (0.75 + 0.25 * mid) * water[..., None]
    rip = []
    for _ in range(int(rng.integers(3, 7))):
        y = cy + rng.uniform(-0.3, 0.3) * td
        x0 = cx + rng.uniform(-0.35, 0.05) * tw
        t = np.linspace(0, 1, 12)
        rip.append([(x0 + u * 0.3 * tw, y + 0.03 * td * np.sin(2 * np.pi * 2 * u)) for u in t])
    out = _paint(out, 0.6 * ident.line(rip, max(0.5, 0.006 * side)) * water, np.minimum(255 * col + 80, 255))
    return _u8(out)


def dark_aj(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "chandelier":  # a dark hall lit only by a crystal chandelier
        return _chandelier(f, rng)
    if kind == "glowing_surf":  # a beach at night lit only by a wave of glowing plankton
        return _glowing_surf(f, rng)
    if kind == "hot_tub":  # a garden at night lit only by a hot tub's underwater lights
        return _hot_tub(f, rng)
    raise ValueError(kind)


# -- outliers --------------------------------------------------------------------------------
def _vineyard(size: int, rng) -> dict:
    """A vineyard seen from a path between its rows: the sky above a horizon 26-36% of the way down, a far hill's
    curve rising above it by 4-10% of the side; 7-11 rows of vines converging on a point of the horizon 25-75% of
    the way across, each a band of leaves 30-60% as wide as its share of the bottom edge and rising from the
    bottom to the horizon, a trellis post every fifth of its length, the earth between the rows, from 48 px
    bunches of grapes along the nearest rows' lower halves (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("sky", "hill", "rows", "posts", "grapes"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    hz = big * rng.uniform(0.26, 0.36)
    d["sky"].rectangle((0, 0, big, hz), fill=255)
    hx, hh = big * rng.uniform(0.2, 0.8), big * rng.uniform(0.04, 0.1)
    xs = np.linspace(0, big, 40)
    d["hill"].polygon([(x, hz - hh * np.exp(-((x - hx) / (0.35 * big)) ** 2)) for x in xs] + [(big, hz), (0, hz)],
                      fill=255)
    vx = big * rng.uniform(0.25, 0.75)
    n = int(rng.integers(7, 12))
    share = 2.2 * big / n
    for i in range(n):
        xb = -0.6 * big + (i + 0.5) * share
        half = 0.5 * share * rng.uniform(0.3, 0.6)
        d["rows"].polygon([(xb - half, big), (xb + half, big), (vx + 0.004 * big, hz + 1), (vx - 0.004 * big, hz + 1)],
                          fill=255)
        for t in np.linspace(0, 1, 6)[:-1]:
            t2 = t ** 1.8
            x, y = xb + (vx - xb) * t2, big + (hz - big) * t2
            pw, ph = max(1, 0.012 * big * (1 - t2)), 0.16 * big * (1 - t2)
            d["posts"].rectangle((x - pw, y - ph, x + pw, y), fill=255)
            if size >= 48 and t2 < 0.5 and abs(xb - vx) < 0.9 * big:
                r = 0.018 * big * (1 - t2)
                for _ in range(3):
                    gx, gy = x + rng.uniform(-1, 1) * half * (1 - t2), y - ph * rng.uniform(0.1, 0.5)
                    d["grapes"].ellipse((gx - r, gy - r, gx + r, gy + r), fill=255)
    return {k: _down(v, size) for k, v in M.items()}


def _salt_ponds(size: int, rng) -> dict:
    """Salt evaporation ponds seen from above: a sea along one edge, 10-18% of the side deep; the rest a
    patchwork of ponds on a grid of 3 x 3 cells below 48 px, 4-6 a side above, each pond its cell less a dyke 2-4%
    of the side wide round it, the grid's lines jittered by up to 15% of a cell, every pond given one of 4 brine
    colours at random (the layers ``pond0``-``pond3``), a crust of white salt round 0-25% of the ponds' inner edges;
    a road along one dyke (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("sea", "pond0", "pond1", "pond2", "pond3", "crust", "road"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    sd = big * rng.uniform(0.1, 0.18)
    edge = int(rng.integers(4))
    box = [(0, 0, big, sd), (0, big - sd, big, big), (0, 0, sd, big), (big - sd, 0, big, big)][edge]
    d["sea"].rectangle(box, fill=255)
    x0, y0, x1, y1 = 0.0, 0.0, float(big), float(big)
    if edge == 0:
        y0 = sd
    elif edge == 1:
        y1 = big - sd
    elif edge == 2:
        x0 = sd
    else:
        x1 = big - sd
    n = 3 if size < 48 else int(rng.integers(4, 7))
    gx = np.linspace(x0, x1, n + 1)
    gy = np.linspace(y0, y1, n + 1)
    gx[1:-1] += rng.uniform(-0.15, 0.15, n - 1) * (x1 - x0) / n
    gy[1:-1] += rng.uniform(-0.15, 0.15, n - 1) * (y1 - y0) / n
    dyke = big * rng.uniform(0.02, 0.04)
    for i in range(n):
        for j in range(n):
            r = (gx[j] + dyke / 2, gy[i] + dyke / 2, gx[j + 1] - dyke / 2, gy[i + 1] - dyke / 2)
            d[f"pond{int(rng.integers(4))}"].rectangle(r, fill=255)
            if rng.random() < 0.5:
                cw = min(r[2] - r[0], r[3] - r[1]) * rng.uniform(0, 0.25)
                d["crust"].rectangle(r, fill=255)
                d["crust"].rectangle((r[0] + cw, r[1] + cw, r[2] - cw, r[3] - cw), fill=0)
    k = int(rng.integers(1, n))
    if rng.random() < 0.5:
        d["road"].rectangle((gx[k] - dyke / 2, y0, gx[k] + dyke / 2, y1), fill=255)
    else:
        d["road"].rectangle((x0, gy[k] - dyke / 2, x1, gy[k] + dyke / 2), fill=255)
    return {k: _down(v, size) for k, v in M.items()}


def _airport_apron(size: int, rng) -> dict:
    """An airport's apron seen from above: the terminal along the top, 14-22% of the side deep, with a jet bridge
    reaching down from it at each of 1-2 gates below 48 px, 2-3 above, a jet parked nose-in at each, its fuselage
    34-44% of the side long and 9% of that wide with a round nose, swept wings 90-100% of its length across at 40%
    of the way back, a tailplane 35% across at its end, its tail fin (``fins``); a curved yellow lead-in line to each
    gate; a taxiway across the bottom 14-20% of the side deep with a yellow centre line; 3-6 service vehicles
    (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("terminal", "bridges", "planes", "fins", "lines", "taxiway", "vehicles"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    td = big * rng.uniform(0.14, 0.22)
    d["terminal"].rectangle((0, 0, big, td), fill=255)
    tx = big * rng.uniform(0.14, 0.2)
    d["taxiway"].rectangle((0, big - tx, big, big), fill=255)
    lw = max(1, round(0.008 * big))
    d["lines"].line([(0, big - tx / 2), (big, big - tx / 2)], fill=255, width=lw)
    n = int(rng.integers(1, 3)) if size < 48 else int(rng.integers(2, 4))
    for j in range(n):
        gxp = big * (j + 0.5) / n + rng.uniform(-0.05, 0.05) * big
        L = big * rng.uniform(0.34, 0.44)
        fw = 0.09 * L
        ny = td + 0.06 * big
        d["bridges"].polygon([(gxp + 0.08 * L, td), (gxp + 0.14 * L, td), (gxp + 0.07 * L, ny + 0.05 * L),
                              (gxp + 0.02 * L, ny + 0.05 * L)], fill=255)
        d["planes"].rectangle((gxp - fw / 2, ny + fw / 2, gxp + fw / 2, ny + L), fill=255)
        d["planes"].ellipse((gxp - fw / 2, ny, gxp + fw / 2, ny + fw), fill=255)
        wy = ny + 0.4 * L
        span = L * rng.uniform(0.9, 1.0)
        for s in (-1, 1):
            d["planes"].polygon([(gxp, wy), (gxp + s * span / 2, wy + 0.22 * L), (gxp + s * span / 2, wy + 0.28 * L),
                                 (gxp, wy + 0.2 * L)], fill=255)
            d["planes"].polygon([(gxp, ny + 0.86 * L), (gxp + s * 0.175 * L, ny + 0.96 * L),
                                 (gxp + s * 0.175 * L, ny + L), (gxp, ny + 0.96 * L)], fill=255)
        d["fins"].rectangle((gxp - fw / 4, ny + 0.82 * L, gxp + fw / 4, ny + L), fill=255)
        t = np.linspace(0, 1, 20)
        sx = gxp + (1 if rng.random() < 0.5 else -1) * 0.25 * big
        d["lines"].line([(gxp + (sx - gxp) * u ** 2, ny + (big - tx / 2 - ny) * u) for u in t], fill=255, width=lw)
    for _ in range(int(rng.integers(3, 7))):
        vx, vy = rng.uniform(0.05, 0.95) * big, rng.uniform(td + 0.05 * big, big - tx - 0.05 * big)
        vw, vh = big * rng.uniform(0.02, 0.03), big * rng.uniform(0.035, 0.05)
        d["vehicles"].rectangle((vx - vw, vy - vh, vx + vw, vy + vh), fill=255)
    return {k: _down(v, size) for k, v in M.items()}


SKIES = ((176, 204, 236), (214, 224, 236), (240, 200, 150))
BRINES = ((70, 170, 170), (110, 160, 90), (214, 150, 80), (220, 110, 140), (180, 60, 90), (236, 236, 230))
TAILS = ((200, 30, 40), (30, 60, 160), (240, 180, 30), (40, 140, 90))


def outlier_aj(name: str, kind: str, size: int, lo: int, hi: int, rng) -> np.ndarray:
    photos = name.startswith("photos")
    ground = lambda col: np.ones((size, size, 3), np.float32) * np.asarray(col, np.float32)  # noqa: E731
    tone = lambda t: [lo + (hi - lo) * t] * 3  # noqa: E731
    if kind == "vineyard":
        m = _vineyard(size, rng)
        if photos:  # a blue, grey or dusk sky, a green hill, brown earth, green vines, grey posts, purple grapes
            out = _paint(_paint(ground((150, 118, 80)), m["sky"], _pick(SKIES, rng)), m["hill"], (98, 128, 84))
            out = _paint(_paint(out, m["rows"], (74, 122, 52)), m["posts"], (128, 120, 110))
            return _u8(_paint(out, m["grapes"] * m["rows"], (80, 40, 90)))
        out = _paint(_paint(ground(tone(0.3)), m["sky"], tone(0.0)), m["hill"], tone(0.5))
        out = _paint(_paint(out, m["rows"], tone(0.9)), m["posts"], tone(0.15))
        return _u8(_paint(out, m["grapes"] * m["rows"], tone(0.6)))
    if kind == "salt_ponds":
        m = _salt_ponds(size, rng)
        if photos:  # sea blue, dykes of grey-brown earth, brines of 4 colours, white crust, a pale road
            cols = [BRINES[j] for j in rng.permutation(len(BRINES))[:4]]
            out = _paint(ground((138, 126, 108)), m["sea"], (30, 70, 120))
            for j in range(4):
                out = _paint(out, m[f"pond{j}"], cols[j])
            return _u8(_paint(_paint(out, 0.85 * m["crust"], (246, 246, 242)), m["road"], (196, 190, 178)))
        out = _paint(ground(tone(0.35)), m["sea"], tone(0.0))
        for j, t in enumerate((0.6, 0.75, 0.9, 0.5)):
            out = _paint(out, m[f"pond{j}"], tone(t))
        return _u8(_paint(_paint(out, 0.85 * m["crust"], tone(1.0)), m["road"], tone(0.15)))
    if kind == "airport_apron":
        m = _airport_apron(size, rng)
        if photos:  # grey concrete, a dark terminal roof, white jets with coloured tails, yellow lines
            out = _paint(_paint(ground((150, 150, 148)), m["terminal"], (70, 74, 80)), m["taxiway"], (96, 96, 98))
            out = _paint(_paint(out, m["lines"], (236, 196, 40)), m["bridges"], (190, 192, 196))
            out = _paint(_paint(out, m["planes"], (244, 244, 246)), m["fins"], _pick(TAILS, rng))
            return _u8(_paint(out, m["vehicles"], (236, 236, 90)))
        out = _paint(_paint(ground(tone(0.25)), m["terminal"], tone(0.6)), m["taxiway"], tone(0.05))
        out = _paint(_paint(out, m["lines"], tone(0.8)), m["bridges"], tone(0.45))
        out = _paint(_paint(out, m["planes"], tone(1.0)), m["fins"], tone(0.5))
        return _u8(_paint(out, m["vehicles"], tone(0.7)))
    raise ValueError(kind)


# -- label noise -----------------------------------------------------------------------------
def click_flips(base: list[np.ndarray], labels: list, classes: list, candidates: list, count: int,
                rng) -> dict[int, object]:
    """``count`` examples to flip and their new labels: labels mined from an image search's click log. For every
    class present a query for it was answered with the eligible pictures ranked by the squared distance of their
    8 x 8 grey thumbnails (standardised) to that class's mean thumbnail over the whole set; ``CLICKS_PER`` times the
    eligible pictures over the number of classes clicks a query were drawn, a result at rank ``r`` (from 0) in
    proportion to ``(r + 1) ** -BIAS`` (users look at the top of the list) times 1 for a picture of the query's class
    and ``OFF_TOPIC`` for another; each clicked picture took the query that got the most clicks on it (its own class
    on a tie). The flips are drawn uniformly among those that took another class; if too few, the rest are those
    with the largest lead of another query's clicks over their own class's."""
    lab = np.asarray([classes.index(v) for v in labels])
    t = _thumbs(base)
    present = sorted(set(lab.tolist()))
    means = np.stack([t[lab == k].mean(axis=0) for k in present])
    cand = np.asarray(candidates, dtype=int)
    own = np.searchsorted(present, lab[cand])
    d2 = ((t[cand][:, None, :] - means[None, :, :]) ** 2).sum(axis=2)
    n, K = d2.shape
    clicks = np.zeros((n, K))
    sessions = max(1, int(round(CLICKS_PER * n / K)))
    for q in range(K):
        rank = np.empty(n, int)
        rank[np.argsort(d2[:, q], kind="stable")] = np.arange(n)
        p = (rank + 1.0) ** -BIAS * np.where(own == q, 1.0, OFF_TOPIC)
        np.add.at(clicks[:, q], rng.choice(n, size=sessions, p=p / p.sum()), 1)
    mine = clicks[np.arange(n), own]
    other = clicks.copy()
    other[np.arange(n), own] = -1
    best = other.argmax(axis=1)
    lead = other[np.arange(n), best] - mine
    took = np.flatnonzero(lead > 0)
    if len(took) >= count:
        kept = took[rng.permutation(len(took))[:count]]
    else:
        rest = np.setdiff1d(np.arange(n), took)
        rest = rest[np.argsort(-lead[rest], kind="stable")][:count - len(took)]
        kept = np.concatenate([took, rest])
    return {int(cand[j]): classes[present[int(best[j])]] for j in sorted(kept.tolist())}


# -- planting ------------------------------------------------------------------------------
def plant_issues_aj(images, labels, out_dir, *, name: str, random_state: int = 0) -> PlantedDataset:
    """Generator AJ's problems (module docstring). A set whose name ends in ``_jpeg`` is written as JPEG files at a
    quality drawn from 62-84 each; the others as PNG. The planting is I's (:func:`_heldout_i.plant_generator`)."""
    return plant_generator(
        images, labels, out_dir, name=name, rates=RATES_AJ, seed=360_000 + random_state,
        quality_seed=365_000 + random_state, jpeg_quality=JPEG_QUALITY,
        flips=click_flips,
        **by_family(name, outlier=(outlier_aj, OUTLIERS_AJ), blur=(blur_aj, BLURS_AJ), dark=(dark_aj, DARKS_AJ),
                    near=(near_edit_aj, NEAR_EDITS_AJ)))
