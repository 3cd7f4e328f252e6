"""Generator AI: fresh EVALUATION sets after generator AH's run (never used to choose anything).

Why a thirty-third evaluation generator: generator AH's sets have been run, and what they showed may inform the next
changes (the commit subjects since name AH's one run, written up as round 20: the outlier check's flags on AH's clean
MNIST traced to a writer's hand as a small group, no blur statistic separating the small JPEG tiles' planted blurs,
why near_duplicate misses copies edited in a part on MNIST and the partial rule's clean tail as the calibration
measures it; and a change that searches a check's few queries exactly and answers a repeated search from a memo, with
the same flags), so they will not stay untouched; AI is a held-out measurement of the code after that run, of families
of its own (AI's writer read no docs, logs, result files or commit bodies: only the commit subjects, the library's code
and the earlier generators' and tuning tools' files, to copy their structure and to avoid their families). Generator
AI was written before any tool was run on it (only its pictures were looked at, on contact sheets of its edits, blurs,
darkenings and foreign pictures at 28, 40, 46, 256 and 280 px, to check that every edit is visible, every blur
blurred, every darkened image dark with its picture still in it and every outlier foreign, and the planted folders
hashed twice); it is not to be changed after its results are seen. Its edits, blurs, darkenings, foreign pictures and
label noise are of families that no tuning tool (``blur_tuning.py``'s lens blurs: Gaussian, soft disk, astigmatic
elongated Gaussian, ring; ``_foreign.py``'s textures, icons and soft photographs; ``near_photos.py``'s and
``near_small.py``'s edits; ``label_filters.py``'s and ``label_noise_models.py``'s flips), no earlier generator (A =
``dq.datasets.plant_issues``, B, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T, U, V, W, X, Y, Z, AA, AB, AC, AD,
AE, AF, AG, AH) and none of the library's calibration copies (``dataquality/compute/_synthetic.py``: crop, shift,
rotate, brightness, contrast, gamma, JPEG, resize, overlay box; Gaussian, box, motion, down-and-up blurs) make. Like
AC's to AH's it has two blur families, not three: every third one considered was too near an earlier generator's
(below). Left out because an earlier generator made them or left them out: among objects on the print a dart (O's
pencil, K's marker arrow), a bicycle helmet (AF's baseball cap: one hat is enough), a matryoshka doll (the bowling pin
AB left out), a moka pot (U's hourglasses, as the egg timer AF left out), a hand plane or a hole punch (Y's stapler),
a wine glass or a medal (AH's trophy cup: one cup and one award are enough), an ocarina (Z's duck, X's mouse: egg
shapes), a ball of yarn, a yo-yo or a fishing float (round things: N's push pin, U's pizzas), a cookie cutter (the
cookies Z and AA left out), pan pipes (the xylophones V left out: D's bar charts), a set square (N's ruler), an
onigiri (AB's cheese wedge: one triangle is enough), a kebab skewer (N's abaci: beads on a rod), a surgical face mask
(the calibration's overlay box, as the passport AH left out), castanets (the shells Q and W left out), a flip-flop (a
sandal on the clothing sets), a boom microphone's furry windshield (I's finger: an intruder at the edge); of the whole
picture ivy creeping across the print (AG's termite tubes, as the slime trails AH left out), a pool's caustics in
daylight (K's deep water, R's caustic), a drafting circle template laid over it (AH's tissue collage: a coloured
filter; N's GridMask's holes), a sheet of postage stamps with perforations (Q's jigsaw, N's GridMask: AI's own advent
doors are its one grid of cuts), the print's edge burning (AH's sunshine burn, K's torn corner), a laser printer's
drum ghost (G's double exposure, R's filter ghost), eraser crumbs (AI's own shavings: one scatter is enough), a gift's
ribbon cross (V's gift bow, T's charging cable), window clings (AH's tissue collage), a paper snowflake (V's doily),
indented writing in raking light (O's signature, N's show-through), a crime board's pins and string (N's push pin,
M's polygon), a migraine aura's zigzags (no camera records one); among blurs a banana pin-pricked and left to brown (a
brown picture on a pale ground, as the toast and pyrography AH left out), a sand painting (AA's stencil layers, AH's
rice paddy art), a picture brushed into velvet pile (AH's snow art), a whiteboard drawing wiped (the smudged pastel
copy AA left out), a sushi or polymer-clay cane (AI's own candy: one slice of a log is enough), an ice rink's painted
logo under the ice (I's frosted glass, as the powder snow AE left out), silk painting (the batik AE left out), a ghost
print (the gel-plate monoprint AF left out); among darkenings a lampshade's cones of light (S's scalloped
downlights), an infinity mirror (AE's speaker ring, as the fan rings AH left out), fluorescent minerals under
ultraviolet (M's blacklight), a blacksmith's glowing bar (the heater's bars V left out), a roadworks beacon (P's
emergency lights), a turntable's strobe dots or an amplifier's VU meters (AH's radio dial), a camping lantern or a
balloon with an LED in it (AG's paper star: one lantern is enough), a lit mirror's border (AF's letter light box);
among foreign pictures a bathroom (AH's kitchen: one room's fittings from the front), a rowing eight seen from above
(AH's crocodile: a long body with limbs), a supermarket aisle or a server room (AG's corridor: one-point
perspective), a pumpkin patch (0s on the digit sets, as the haystacks AG left out), a bento box or a cheese board
(AB's sushi board), a circus ring (AC's stage, AB's carousel), basalt columns (the honeycombs P and U left out), a
meandering river (an S or a 2 on the digit sets), a basketball hoop (a 9), a dollhouse (the houses S left out: a bag
on the clothing sets); among label noise file names truncated so that several took one row's label (M's pages, as
the bags by one tag AH left out), specialist annotators knowing a few classes each (AB's stale pair of choices), a
mode filter run over the shooting order (X's momentum, U's shifted rows), a knockout bracket against one exemplar a
class (the exemplar board X left out: L's auto-labeller), bit flips in a stored class index (a fixed map, as B's and
V's), an after-effect of the pictures seen before (AH's ghost view), labels by a majority over a picture's patches (the
cropped view R left out), picking the most alike of a board of random labelled pictures (AB's stale choices).

* ``near_duplicate`` (3%), five edits in a part of the picture and three of the whole, in turn (so that the 280 px
  set's two copies get both kinds): a swimming fin lying on the print (50-62% of the side long, at least 13 px, a
  rubber foot pocket over its back 32% with a round heel and a dark opening, a blade widening from 24% to 44% of the
  length to a tip cut in a shallow V, black, blue, yellow, red, teal or pink, two stiff side rails 4.5% of the length
  wide, 3 lighter ribs down it, a dark vent slot, the pocket and rails black or dark grey (mid grey on a black blade),
  a sheen along a rail; at any angle, 30-70% of the way across and down, a soft shadow at 40%), a knobbly root of
  ginger lying on the print (40-52% of the side long, at least 11 px, 3-4 lobes in a row 22-28% of the length long and
  18-23% wide, 2-3 fingers of two knobs branching off at 30-60 degrees, tan skin with 1-2 darker ring scars across each
  lobe and knob, a cut end of pale yellow flesh, a sheen; at any angle, 30-70% of the way across and down, a soft
  shadow at 40%), a Venetian carnival half-mask lying on the print (a Colombina 50-62% of the side wide, at least 13
  px, 44% of that high, two swept lobes meeting over the nose and rising to points at the temples, almond eye holes
  22% of its width long showing the print, gold, silver, black, red, white or teal with a gilt border 3% wide along
  its edge and round the eyes, 2 gilt swirls on each cheek, 3 jewels, a satin ribbon 2% thick from each temple, a
  sheen over its brow; at any angle, 30-70% of the way across and down, a soft shadow at 40%), a brass oil lamp of the
  genie kind lying on the print (50-62% of the side from its handle to its spout's tip, at least 13 px, a low round
  body 38% of that long and 22% high, a lid with a knob, a spout tapering from 12% to 4% of the length as it rises
  over 44% of it to a dark mouth, a loop handle and a foot, brass, copper or silver, its lower half 22% darker, 2
  engraved bands, a sheen along its top and spout; at any angle, 30-70% of the way across and down, a soft shadow at
  40%) and a spinning fishing reel lying on its side on the print (46-58% of the side, at least 13 px, a gearbox body
  31% of that long and 30% high, black, silver, gold or gunmetal, a stem rising from it to a foot plate 44% long, the
  rotor cup, a spool 24% long wound with white, green or yellow line under a front cap, the bail, a silver wire,
  arched round the spool's front, a crank arm to a dark knob, a sheen; at any angle, 30-70% of the way across and
  down, a soft shadow at 40%); of the whole picture: pencil shavings emptied over the print from a sharpener (3-5
  below 48 px, 7-14 above, anywhere, each a wavy fan of pale wood, 226 / 196 / 150, of radius 10-16% of the side below
  48 px, 5-9% above, at least 3 px, opening through 200-320 degrees, its outer edge scalloped by 9% in 7-10 ruffles,
  4-6 darker grain lines, the lacquer of one yellow, red, green, blue or black pencil along its outer 14% and the grey
  graphite of its point round its inner 16-24%, a soft shadow at 35%; and 2-4 smudges of graphite dust, Gaussians of
  3-6% of the side, at least 1.2 px, taking up to 20-30% of the light: curled slivers of wood and paint, not U's flat
  confetti or X's coffee beans), the picture printed as the front of a card advent calendar (doors die-cut in it on a
  jittered grid, 6-8 of 3 x 3 cells below 48 px, 16-22 of 5 x 5 above, each 55-80% of its cell wide and 50-75% high,
  the cut line 0.6% of the side wide, at least 0.4 px, dark at 55% with the card's white core beside it at 35%,
  numbered in a random order in white seven-segment digits with a dark outline from 48 px; 1-2 doors below 48 px, 2-4
  above, opened, folded flat beyond their hinge at the left or right, the flap showing the card's grey back, 228 /
  224 / 214, 15% darker towards the hinge, the hole the dark brown plastic tray, 54 / 36 / 26, holding a chocolate:
  doors cut in the print and a few turned back, not N's GridMask's black holes on a grid or K's dog-eared corner)
  and the picture printed on a wooden tangram puzzle whose seven pieces (two large, one middle and two small triangles,
  a square and a parallelogram) were laid back together on a table not quite pushed home (the puzzle's square shrunk
  so that the pieces stay in the frame, each piece moved away from its middle along the line from the middle to its
  own by 0.7-1.3 times a gap of 2-3.5% of the side, at least 1 px, and turned about itself by up to 1.5-3 degrees
  either way, the cut edges dark at 50%, the pieces' soft shadow on the table at 35%, the table white where the
  picture's border is darker than 110, else near black: a dissection into triangles pulled apart, not Q's knobbed
  jigsaw left in place, W's parallel strips or X's turned rings);
* ``exact_duplicate`` (1%): byte-for-byte copies of a file under another name;
* ``blurry`` (3%): the picture made as kintaro-ame, the candy a picture runs through (built many times its size in
  strips of coloured boiled sugar, rolled into a log and pulled thin while warm, so that the sugar flowed across the
  strips' edges, a Gaussian of 2.6-3.6% of the side, at least 1.2 px; a slice photographed lying on a white, wooden or
  slate table, a disc of radius 47-50% of the side round a point within 2% of the side of the middle, its edge soft
  over 1.5% of the side, at least 0.6 px, casting a shadow at 30%, the picture in the sugar's colours, 8-14% of the way
  to a cream, 248 / 244 / 234, the log's white sugar skin over its outer 10% at 85%, a gloss band adding up to 10-18
  levels, 3-7 trapped air bubbles white at 35%: a cross-section of a log, not AG's fused glass or V's paperweight) and
  the picture engraved in a glass block by a subsurface laser, as souvenir crystals are made, and photographed on its
  lit base (points of crushed glass written inside the block on a grid four times finer than the pixels, a share of
  35-50% of ``lum ** 1.3`` of the sites, ``lum`` the grey stretched between its own 2nd and 98th percentiles, each at
  one of three depths; the camera focused on the block's front face, so that each depth is blurred by its own
  Gaussian, 1, 1.4 and 1.8 times 2.2-3% of the side, at least 1.2 px; the points lit by the base's LED in a cool,
  neutral or green-tinged white over the glass's dark ground, 14 / 18 / 26, lifted by up to 6-12 levels towards the
  base, the block's edges an inset frame catching the light at 20%: light scattered from points at many depths inside
  the glass, not I's frosted glass looked through or AA's lithophane lit from behind); each as a camera metering on the
  highlights exposes it (as Y's to AH's);
* ``dark`` (2%): a dark room lit only by modular triangle light panels on the wall in the picture (3-4 equilateral
  triangles below 48 px, 5-7 above, of side 16-20% of the side below 48 px, 10-13% above, at least 5 px, joined edge
  to edge in a cluster grown from one 25-60% of the way across and 12-35% down, within the top 80% of the picture,
  each glowing its own colour, violet, blue, cyan, green, amber, pink or red, 82% of it at its edges, a dark seam 0.8%
  of the side wide between them; a glow of sigma 5-8% of the side up to 35-50 levels; the picture lit at a gain of
  0.015-0.03 plus 0.25-0.35 shared among the panels, each falling off as ``1 / (1 + (d / d0) ** 2)`` from its middle,
  ``d0`` 20-30% of the side, in its colour; noise sigma 1.2 levels: glowing tiles on the wall, not L's stained glass
  lighting the picture through a window or AF's letter light box), a dark room lit only by the bias lighting behind a
  television that is switched off (the set's black silhouette in the picture, 50-64% of the side wide and 0.58 of that
  high, its middle 38-62% of the way across and 36-52% down, on a stand, its screen 14 / 16 / 20 with a faint sheen
  in a bezel 1.5% of the side wide; the LED strip behind it lighting the wall round it, the picture lit at a gain of
  0.015-0.03 plus 0.3-0.45 falling off as ``exp(-d / d0)`` with the distance ``d`` from the set's outline, ``d0`` 6-10%
  of the side, in a white, warm white, blue, violet, cyan or pink light, the set's outline catching it at 25%; noise
  sigma 1.2 levels: a halo round a dark shape, not the room lit by a television's screen I's lamp stood for) and a
  street at night lit only by a barber's pole on the wall in the picture (a glass cylinder 10-13% of the side wide
  below 48 px, 6-8% above, at least 3 px, and 4 times as high, 10-30% or 70-90% of the way across, its top 10-25%
  down, lit from inside, its red, white and blue or red and white stripes slanting at 35-45 degrees, repeating every
  1.2 of its width, shaded as a cylinder, 55% at its sides; dark metal caps above and below it, a glowing white globe
  on top; a glow of sigma 5-8% of the side up to 35-50 levels; the picture lit at a gain of 0.015-0.03 plus 0.25-0.35
  falling off as ``1 / (1 + (d / d0) ** 2)`` from the pole's middle, ``d0`` 25-40% of the side, in a warm white, 1.0 /
  0.82 / 0.76; noise sigma 1.2 levels: a lit striped column, not the exit or neon signs R and Q left out); none of
  them blurs the picture;
* ``outlier`` (1.5%): market stalls seen from the front (a striped awning from 4-10% to 26-34% of the way down, 6
  stripes below 48 px, 8-12 above, with a straight hem, two poles at its front corners, a chalkboard on the dark back,
  a boarded counter from 60-68% down, on it 3 crates below 48 px, 4-5 above, with slatted fronts, heaped with round
  fruit in rows narrowing upwards, each fruit with a glint, price cards on sticks in 2-3 of the heaps), marinas seen
  from above (a main pontoon across the water 44-56% of the way down, finger pontoons 22-30% of the side long off
  both its sides every 22-26% of the side below 48 px, 12-16% above, a boat in each berth with a chance of 70-90%, its
  stern by the main pontoon and its bow pointing away, rounding to a point over its front 45%, with a deck, a dark
  cockpit and half the time a mast's foot, a rock breakwater along the top or the bottom edge, ripple lines on the
  water) and desks seen from above as a flat lay (an open laptop 46-56% of the side wide with a grid of keys, a
  trackpad and its upright lid a dark bar, turned by up to 12 degrees, a mug of coffee with a handle, an open notebook
  with ruled lines and a pen across it, a phone, a potted plant with 6-8 leaves, each turned by up to 20 degrees, on
  a desk with faint grain lines); the digit and clothing sets get them in their own tones on their dark ground, the
  photographs as a red, green or blue and white awning over wooden crates of oranges, red apples, lemons or limes on a
  wooden counter before a dark back, white, navy or red hulls with teak decks by pale wooden pontoons in blue-green
  water with a grey rock breakwater, and a silver or grey laptop, a coloured mug, a white notebook, a black phone and a
  green plant in a terracotta pot on a wooden, white or grey desk;
* ``label`` (5%): *review-survivor* flips: a vendor's rushed first pass gave a quarter of the eligible pictures (at
  least three times the flips needed, all of them at most), drawn uniformly, a class drawn uniformly among the others; a
  review pass then checked them in the order of how unlikely a model found their labels, least likely first, restoring
  each, and its budget ran out with the flips needed left: the wrong labels the model found most likely; the model a
  softmax over minus the squared distances of the picture's 8 x 8 grey thumbnail (standardised) to every class's mean
  thumbnail over the whole set, at a temperature of the median squared distance of the eligible pictures to their own
  class's mean: random mistakes filtered to the plausible ones by an unfinished clean-up (not E's uniform flips left as
  drawn, not W's clean-up script giving its neighbours' class, not AD's teacher's sampled classes, not a look-alike
  picked on purpose, as F's, H's, T's, V's, W's or AB's). Every flip changes the label, so every one is in the truth.

Each planted defect has its own source image; nothing else is planted, so only these six issue types are scored on AI's
sets. Base data are the evaluation domains drawn with seeds no other set uses: Fashion-MNIST *test* (2,000, seed 265),
MNIST (2,000, seed 266), and the evaluation photographs tiled at 46 px (24 tiles a photograph at most, seed 267: 403)
and at 280 px (every tile, seed 268: 77, the photographs with 1-34 tiles each: AH's photograph base does give 280 px
tiles, but the chelsea, clock, coins and cell photographs give one each, so each of their classes holds one picture),
sizes no other set uses. ``photos46_ai_jpeg`` is written as JPEG files, each at a quality drawn from 61-83 (a stream of
its own, seed ``355_000 + random_state``), every edit, blur and darkening made before the encoding, near copies made
from the decoded JPEG and saved again at their own quality, exact copies byte copies of the file; the other sets are
PNG files. Planting draws from seed ``350_000 + random_state``. The planting is I's (:func:`_heldout_i.plant_generator`,
as for J to AH).
"""

from __future__ import annotations

import numpy as np
from _heldout_aa import _frame_at, _rect
from _heldout_ab import _pick
from _heldout_ac import _curve, _rrect, _tube
from _heldout_ae import _lit
from _heldout_af import _glow, _stretched
from _heldout_h import _u8
from _heldout_i import by_family, plant_generator
from _heldout_j import DIGIT_SEGMENTS, SEGMENTS
from _heldout_k import _paint, _turn
from _heldout_o import _ground
from _heldout_p import _ellipse
from _heldout_q import _down, _thumbs
from _heldout_s import _pixels, _resample
from _heldout_v import _metered, _shadow
from _heldout_x import _canvas, _Frame, _laid
from PIL import ImageDraw

from dataquality.datasets import PlantedDataset

EVALUATION_AI = ("fashion_test_ai", "mnist_ai", "photos46_ai_jpeg", "photos280_ai")
# each set's base: (data, seed) or ("photos", seed, tile size, tiles per photograph quick, full)
BASES_AI = {
    "fashion_test_ai": ("fashion_test", 265),
    "mnist_ai": ("mnist", 266),
    "photos46_ai_jpeg": ("photos", 267, 46, 8, 24),
    "photos280_ai": ("photos", 268, 280, 8, 1000),
}
JPEG_QUALITY = (61, 84)  # the JPEG set's qualities: integers in [low, high)
RATES_AI = {"near_duplicate": 0.03, "exact_duplicate": 0.01, "blurry": 0.03, "dark": 0.02, "outlier": 0.015,
            "label": 0.05}
# parts of the picture and the whole picture in turn, so that the smallest set (2 copies) gets both kinds
NEAR_EDITS_AI = ("swim_fin", "pencil_shavings", "ginger_root", "advent_calendar", "carnival_mask", "tangram",
                 "oil_lamp", "fishing_reel")
BLURS_AI = ("kintaro_ame", "laser_crystal")
DARKS_AI = ("light_panels", "bias_light", "barber_pole")
OUTLIERS_AI = ("market_stall", "marina", "desk_flat_lay")
RUSHED_SHARE = 0.25  # the share of the eligible pictures the vendor's rushed pass got wrong, at least 3 x the flips


def load_base_ai(name: str, quick: bool = False):
    import _heldout

    return _heldout.load_generator_base(name, quick, BASES_AI, "AI")


# -- near copies -----------------------------------------------------------------------------
FIN_RUBBERS = ((34, 34, 38), (30, 92, 200), (240, 200, 40), (210, 44, 40), (30, 150, 150), (232, 104, 164))
FIN_POCKETS = ((28, 28, 32), (60, 62, 68))


def _swim_fin(f: np.ndarray, rng) -> np.ndarray:
    """A swimming fin (a diver's flipper) lying on the print: 50-62% of the side long, at least 13 px; a rubber foot
    pocket over its back 32% of the length, 26% of the length wide with a round heel, its dark opening 15% across; a
    blade widening from 24% to 44% of the length at its tip, the tip cut in a shallow V 6% deep, black, blue, yellow,
    red, teal or pink, two stiff side rails 4.5% of the length wide along its edges and 3 ribs down it lighter at
    35%, a dark vent slot across it by the pocket; the pocket and rails black or dark grey (mid grey, 70 / 72 /
    80, on a black blade); a sheen along a rail at 35%; at any angle, its middle 30-70% of the way across and
    down, a soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(13.0, side * rng.uniform(0.5, 0.62))
    blade = _pick(FIN_RUBBERS, rng)
    pocket = _pick(FIN_POCKETS, rng) if blade.mean() > 60 else np.array([70, 72, 80], np.float32)
    fr = _frame_at(h, w, rng)
    outline = [(-0.22 * L, -0.12 * L), (0.5 * L, -0.22 * L), (0.44 * L, 0.0), (0.5 * L, 0.22 * L), (-0.22 * L, 0.12 * L)]
    shoe = [_ellipse(-0.37 * L, 0.0, 0.13 * L, 0.13 * L, 0.0, 24), _rect(-0.37 * L, -0.13 * L, -0.18 * L, 0.13 * L)]
    rails = [[(-0.2 * L, s * 0.122 * L), (0.5 * L, s * 0.218 * L)] for s in (-1, 1)]
    ribs = [[(-0.1 * L, y * L), (0.4 * L, 1.7 * y * L)] for y in (-0.06, 0.0, 0.06)]
    lw = max(0.4, 0.045 * L)
    parts = [(fr.fill([outline]), blade, 1.0, True),
             (fr.line(ribs, max(0.35, 0.012 * L)), np.minimum(blade * 1.3 + 30, 255), 0.35, False),
             (fr.line(rails, lw), pocket, 1.0, True),
             (fr.fill(shoe), pocket, 1.0, True),
             (fr.fill([_ellipse(-0.36 * L, 0.0, 0.075 * L, 0.075 * L, 0.0, 16)]), (14, 14, 16), 1.0, False),
             (fr.fill([_ellipse(-0.11 * L, 0.0, 0.018 * L, 0.07 * L, 0.0, 12)]), (16, 16, 18), 0.9, False),
             (fr.line([[(-0.15 * L, -0.13 * L), (0.46 * L, -0.205 * L)]], max(0.35, 0.012 * L)), (255, 255, 255),
              0.35, False)]
    return _u8(_laid(f, parts, 0.4))


GINGER_SKINS = ((206, 170, 118), (190, 150, 100), (216, 186, 136))
GINGER_FLESH = (238, 218, 150)


def _ginger_root(f: np.ndarray, rng) -> np.ndarray:
    """A knobbly root of ginger lying on the print: 40-52% of the side long, at least 11 px; a body of 3-4 lobes in a
    row, each an ellipse 22-28% of the length long and 18-23% wide at its own turn, and 2-3 fingers branching off it
    30-60 degrees to either side, each two knobs 15% and 12% of the length long; light, mid or pale tan skin with
    1-2 darker ring scars across each lobe and knob at 60%, a cut end showing the pale yellow flesh, 238 / 218 / 150,
    a sheen along it at 30%; at any angle, its middle 30-70% of the way across and down, a soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(11.0, side * rng.uniform(0.4, 0.52))
    skin = _pick(GINGER_SKINS, rng)
    fr = _frame_at(h, w, rng)
    n = int(rng.integers(3, 5))
    xs = np.linspace(-0.34, 0.32, n) * L + rng.uniform(-0.03, 0.03, n) * L
    ys = rng.uniform(-0.03, 0.03, n) * L
    knobs = [(float(x), float(y), L * rng.uniform(0.11, 0.14), L * rng.uniform(0.09, 0.115), rng.uniform(-0.4, 0.4))
             for x, y in zip(xs, ys)]
    for _ in range(int(rng.integers(2, 4))):
        j = int(rng.integers(n))
        a = rng.choice([-1.0, 1.0]) * rng.uniform(0.52, 1.05)
        for t, r in ((0.15, 0.075), (0.27, 0.06)):
            knobs.append((float(xs[j] + t * L * np.cos(a)), float(ys[j] + t * L * np.sin(a)), r * L, 0.8 * r * L, a))
    body = fr.fill([_ellipse(x, y, a, b, t, 20) for x, y, a, b, t in knobs])
    rings = []
    for x, y, a, b, t in knobs:
        for _ in range(int(rng.integers(1, 3))):
            u = rng.uniform(-0.5, 0.5) * a
            rings.append(_turn([(x + u, y - 1.1 * b), (x + u + 0.15 * b, y + 1.1 * b)], x, y, t))
    cut = fr.fill([_ellipse(xs[0] - 0.9 * knobs[0][2], ys[0], 0.25 * knobs[0][2], 0.7 * knobs[0][3], knobs[0][4], 16)])
    parts = [(body, skin, 1.0, True),
             (fr.line(rings, max(0.35, 0.012 * L)) * body, skin * 0.68, 0.6, False),
             (cut * body, GINGER_FLESH, 1.0, False),
             (fr.line([[(-0.34 * L, -0.055 * L), (0.3 * L, -0.065 * L)]], max(0.35, 0.02 * L)) * body, (255, 255, 255),
              0.3, False)]
    return _u8(_laid(f, parts, 0.4))


MASK_FACES = ((214, 172, 60), (196, 198, 206), (28, 28, 32), (180, 30, 40), (240, 236, 228), (30, 130, 130))
GILT = (228, 188, 82)
JEWELS = ((210, 30, 50), (40, 90, 210), (40, 170, 90), (150, 60, 200))
# the right half of a Colombina's outline, x and y as shares of its width, from the bridge of the nose round the top
# to the temple and back along the cheek to the nose
MASK_HALF = ((0.0, -0.06), (0.08, -0.13), (0.22, -0.15), (0.36, -0.17), (0.5, -0.27), (0.49, -0.05), (0.42, 0.09),
             (0.3, 0.17), (0.16, 0.17), (0.07, 0.1), (0.03, 0.04), (0.0, 0.06))


def _carnival_mask(f: np.ndarray, rng) -> np.ndarray:
    """A Venetian carnival half-mask (a Colombina) lying on the print: 50-62% of the side wide, at least 13 px, 44% of
    that high, its outline two swept lobes meeting over the nose and rising to points at the temples; two almond eye
    holes 22% of the width long and 9.5% high, their outer corners up by 9 degrees, showing the print; gold, silver,
    black, red, white or teal, a gilt border 3% of the width wide along its edge and round the eyes at 90%, 2 gilt
    swirls on each cheek at 80%, 3 jewels of radius 2.5%, red, blue, green or violet, a satin ribbon 2% thick from
    each temple, bowed, 25-40% of the width long, a sheen over its brow at 30%; at any angle, its middle 30-70% of the
    way across and down, a soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    W = max(13.0, side * rng.uniform(0.5, 0.62))
    face = _pick(MASK_FACES, rng)
    jewel = _pick(JEWELS, rng)
    fr = _frame_at(h, w, rng)
    outline = [(x * W, y * W) for x, y in MASK_HALF] + [(-x * W, y * W) for x, y in MASK_HALF[::-1]]
    t = np.linspace(0, np.pi, 10)
    eyes = []
    for s in (-1, 1):
        cx = s * 0.2 * W
        almond = [(cx + 0.11 * W * np.cos(u), -0.05 * W * np.sin(u)) for u in t] + \
                 [(cx + 0.11 * W * np.cos(u), 0.045 * W * np.sin(u)) for u in t[::-1]]
        eyes.append(_turn(almond, cx, 0.0, -s * 0.16))
    mask = fr.fill([outline], holes=eyes)
    swirls = [[tuple(p) for p in _curve((s * 0.1 * W, 0.08 * W + k * 0.04 * W), (s * 0.32 * W, 0.05 * W + k * 0.05 * W),
                                        s * 0.03 * W, 12)] for s in (-1, 1) for k in (0, 1)]
    ribbons = [[tuple(p) for p in _curve((s * 0.49 * W, -0.25 * W), (s * W * (0.5 + rng.uniform(0.25, 0.4)),
                                                                      W * rng.uniform(-0.2, 0.1)),
                                         W * rng.uniform(-0.06, 0.06), 12)] for s in (-1, 1)]
    jewels = [_ellipse(x * W, y * W, 0.025 * W, 0.025 * W, 0.0, 12) for x, y in ((0.0, -0.02), (-0.36, -0.11),
                                                                                  (0.36, -0.11))]
    parts = [(mask, face, 1.0, True),
             (fr.line(ribbons, max(0.35, 0.02 * W)), jewel * 0.9, 1.0, True),
             (fr.line([outline + [outline[0]]] + [e + [e[0]] for e in eyes], max(0.4, 0.03 * W)) * mask, GILT, 0.9,
              False),
             (fr.line(swirls, max(0.35, 0.014 * W)) * mask, GILT, 0.8, False),
             (fr.fill(jewels), jewel, 1.0, False),
             (fr.line([[(-0.3 * W, -0.12 * W), (0.3 * W, -0.12 * W)]], max(0.35, 0.03 * W)) * mask, (255, 255, 255),
              0.3, False)]
    return _u8(_laid(f, parts, 0.4))


LAMP_METALS = ((204, 162, 72), (186, 112, 72), (200, 202, 208))


def _oil_lamp(f: np.ndarray, rng) -> np.ndarray:
    """A brass oil lamp of the genie kind lying on the print, seen from its side: 50-62% of the side from its handle
    to its spout's tip, at least 13 px; a low round body 38% of that long and 22% high, a lid 16% across with a knob
    on top, a spout tapering from 12% to 4% of the length as it rises over 44% of it, with a dark mouth, a loop
    handle 3% thick at the back bowed out by 12%, a foot 14% wide; brass, copper or silver, its lower half 22%
    darker, 2 engraved bands across it at 60%, a sheen along its top and spout at 45%; at any angle, its middle
    30-70% of the way across and down, a soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(13.0, side * rng.uniform(0.5, 0.62))
    metal = _pick(LAMP_METALS, rng)
    fr = _frame_at(h, w, rng)
    spine = _curve((0.06 * L, -0.02 * L), (0.5 * L, -0.11 * L), 0.03 * L, 12)
    spout = _tube(spine, np.linspace(0.06, 0.02, 12) * L)
    body = _ellipse(-0.06 * L, 0.0, 0.19 * L, 0.11 * L, 0.0, 28)
    t = np.linspace(0, np.pi, 16)
    lower = [(-0.06 * L + 0.19 * L * np.cos(u), 0.11 * L * np.sin(u)) for u in t]
    foot = [(-0.1 * L, 0.09 * L), (-0.02 * L, 0.09 * L), (0.01 * L, 0.145 * L), (-0.13 * L, 0.145 * L)]
    handle = [tuple(p) for p in _curve((-0.23 * L, -0.05 * L), (-0.23 * L, 0.06 * L), 0.12 * L, 12)]
    bodym = fr.fill([body])
    parts = [(fr.fill([body, spout, foot, _ellipse(-0.06 * L, -0.11 * L, 0.08 * L, 0.025 * L, 0.0, 16),
                       _ellipse(-0.06 * L, -0.15 * L, 0.025 * L, 0.025 * L, 0.0, 12)]), metal, 1.0, True),
             (fr.line([handle], max(0.4, 0.03 * L)), metal * 0.9, 1.0, True),
             (fr.fill([lower, foot]), metal * 0.78, 1.0, False),
             (fr.line([[(x, -0.12 * L), (x, 0.12 * L)] for x in (-0.17 * L, 0.05 * L)], max(0.35, 0.012 * L)) * bodym,
              metal * 0.55, 0.6, False),
             (fr.fill([_ellipse(float(spine[-1][0]), float(spine[-1][1]), 0.012 * L, 0.02 * L, 0.0, 10)]), (40, 30, 20),
              0.9, False),
             (fr.line([[(-0.2 * L, -0.065 * L), (0.05 * L, -0.08 * L)], [tuple(p - (0, 0.03 * L)) for p in spine[2:]]],
                      max(0.35, 0.014 * L)), (255, 255, 255), 0.45, False)]
    return _u8(_laid(f, parts, 0.4))


REEL_BODIES = ((40, 40, 44), (170, 172, 178), (196, 160, 70), (90, 92, 100))
REEL_SPOOLS = ((200, 202, 208), (200, 60, 50), (212, 172, 72), (60, 110, 190))
REEL_LINES = ((240, 240, 236), (120, 200, 120), (240, 220, 90))


def _fishing_reel(f: np.ndarray, rng) -> np.ndarray:
    """A spinning fishing reel lying on its side on the print: 46-58% of the side from its crank's knob to its spool's
    front, at least 13 px; a gearbox body 31% of that long and 30% high, black, silver, gold or gunmetal, a stem 8%
    thick rising from it 30% to a foot plate 44% long; the rotor cup in front of it, a spool 24% long and 30% high,
    silver, red, gold or blue, wound with white, green or yellow line (5 dark turns across it at 40%) under a front
    cap, the bail, a silver wire 2% thick, arched round the spool's front; a crank arm 4% thick from the body's side
    to a dark knob; a sheen along the body at 40%; at any angle, its middle 30-70% of the way across and down, a soft
    shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(13.0, side * rng.uniform(0.46, 0.58))
    body, spool, line = _pick(REEL_BODIES, rng), _pick(REEL_SPOOLS, rng), _pick(REEL_LINES, rng)
    fr = _frame_at(h, w, rng)
    band = fr.fill([_rect(0.19 * L, -0.125 * L, 0.37 * L, 0.125 * L)])
    turns = [[(x, -0.12 * L), (x + 0.04 * L, 0.12 * L)] for x in np.linspace(0.19, 0.32, 5) * L]
    bail = [tuple(p) for p in _curve((0.14 * L, -0.19 * L), (0.14 * L, 0.19 * L), -0.32 * L, 16)]
    parts = [(fr.fill([_ellipse(-0.12 * L, 0.0, 0.16 * L, 0.15 * L, 0.0, 24), _rect(-0.12 * L, -0.15 * L, 0.03 * L,
                                                                                     0.15 * L)]), body, 1.0, True),
             (fr.fill([_rect(-0.17 * L, -0.4 * L, -0.09 * L, -0.1 * L),
                       _rrect(-0.36 * L, -0.46 * L, 0.08 * L, -0.4 * L, 0.02 * L, 4)]), body * 0.85, 1.0, True),
             (fr.fill([[(0.16 * L, -0.17 * L), (0.16 * L, 0.17 * L), (0.02 * L, 0.13 * L), (0.02 * L, -0.13 * L)]]),
              body * 0.7, 1.0, True),
             (fr.fill([_rect(0.16 * L, -0.15 * L, 0.4 * L, 0.15 * L)]), spool, 1.0, True),
             (band, line, 1.0, False),
             (fr.line(turns, max(0.35, 0.008 * L)) * band, line * 0.55, 0.4, False),
             (fr.fill([_rrect(0.38 * L, -0.16 * L, 0.43 * L, 0.16 * L, 0.02 * L, 4)]), spool * 0.8, 1.0, True),
             (fr.line([bail], max(0.35, 0.02 * L)), (206, 208, 214), 1.0, True),
             (fr.line([[(-0.12 * L, 0.02 * L), (-0.4 * L, 0.24 * L)]], max(0.4, 0.04 * L)), body * 0.9, 1.0, True),
             (fr.fill([_ellipse(-0.43 * L, 0.26 * L, 0.06 * L, 0.04 * L, 0.6, 12)]), (30, 26, 24), 1.0, True),
             (fr.line([[(-0.22 * L, -0.09 * L), (0.0, -0.12 * L)]], max(0.35, 0.015 * L)), (255, 255, 255), 0.4, False)]
    return _u8(_laid(f, parts, 0.4))


LACQUERS = ((236, 190, 40), (200, 40, 40), (40, 130, 70), (40, 80, 180), (30, 30, 32))
SHAVING_WOOD = np.array([226, 196, 150], np.float32)


def _pencil_shavings(f: np.ndarray, rng) -> np.ndarray:
    """Pencil shavings emptied over the print from a sharpener: 3-5 below 48 px, 7-14 above, anywhere, each a wavy
    fan of pale wood, 226 / 196 / 150, of radius 10-16% of the side below 48 px, 5-9% above, at least 3 px, opening
    through 200-320 degrees from a random turn, its outer edge scalloped by 9% in 7-10 ruffles, 4-6 darker grain lines
    out from its middle at 60%, the pencil's lacquer along its outer 14% (yellow, red, green, blue or black, one pencil
    for all) and the grey graphite of its point round its inner 16-24%; a soft shadow at 35%; and 2-4 smudges of
    graphite dust, Gaussians of 3-6% of the side, at least 1.2 px, taking up to 20-30% of the light to 70 / 70 / 74."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    lacquer = _pick(LACQUERS, rng)
    fans, rims, leads, grains = [], [], [], []
    for _ in range(int(rng.integers(3, 6)) if side < 48 else int(rng.integers(7, 15))):
        R = max(3.0, side * (rng.uniform(0.1, 0.16) if side < 48 else rng.uniform(0.05, 0.09)))
        cx, cy = rng.uniform(0, w), rng.uniform(0, h)
        a0, span = rng.uniform(0, 2 * np.pi), rng.uniform(3.5, 5.6)
        t = np.linspace(a0, a0 + span, 48)
        rr = R * (1 + 0.09 * np.sin(int(rng.integers(7, 11)) * (t - a0) * 2 * np.pi / span))
        ring = lambda r: [(float(cx + q * np.cos(u)), float(cy + q * np.sin(u))) for u, q in zip(t, r)]  # noqa: E731
        fans.append(ring(rr) + ring(np.full_like(t, 0.16 * R))[::-1])
        rims.append(ring(rr) + ring(0.86 * rr)[::-1])
        leads.append(ring(np.full_like(t, 0.16 * R)) + ring(np.full_like(t, rng.uniform(0.2, 0.24) * R))[::-1])
        grains += [[(cx + 0.25 * R * np.cos(u), cy + 0.25 * R * np.sin(u)), (cx + 0.85 * R * np.cos(u),
                                                                            cy + 0.85 * R * np.sin(u))]
                   for u in rng.uniform(a0, a0 + span, int(rng.integers(4, 7)))]
    fan = ident.fill(fans)
    dust = np.zeros((h, w), np.float32)
    for _ in range(int(rng.integers(2, 5))):
        s = max(1.2, side * rng.uniform(0.03, 0.06))
        dust = np.maximum(dust, rng.uniform(0.2, 0.3) * np.exp(-((xx - rng.uniform(0, w)) ** 2 + (yy - rng.uniform(0, h))
                                                                  ** 2) / (2 * s * s)))
    out = _paint(f, dust, (70, 70, 74))
    parts = [(fan, SHAVING_WOOD, 1.0, True),
             (ident.line(grains, max(0.3, 0.006 * side)) * fan, SHAVING_WOOD * 0.78, 0.6, False),
             (ident.fill(rims) * fan, lacquer, 1.0, False),
             (ident.fill(leads) * fan, (72, 72, 76), 1.0, False)]
    return _u8(_laid(out, parts, 0.35))


TRAY_BROWN = (54, 36, 26)
CHOCOLATE = (104, 64, 38)
CARD_BACK = np.array([228, 224, 214], np.float32)


def _digits_drawn(ident: _Frame, text: str, x: float, y: float, gh: float, lw: float) -> np.ndarray:
    """Seven-segment digits ``gh`` px high, their top left corner at (``x``, ``y``)."""
    gw = 0.55 * gh
    lines = []
    for k, ch in enumerate(text):
        x0 = x + k * 1.5 * gw
        for seg in DIGIT_SEGMENTS[int(ch)]:
            a0, b0, a1, b1 = SEGMENTS[seg]
            lines.append([(x0 + a0 * gw, y + b0 * gh), (x0 + a1 * gw, y + b1 * gh)])
    return ident.line(lines, lw)


def _advent_calendar(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed as the front of a card advent calendar: its doors die-cut in it on a jittered grid, 6-8 of
    3 x 3 cells below 48 px, 16-22 of 5 x 5 above, each 55-80% of its cell wide and 50-75% high, its cut line 0.6% of
    the side wide, at least 0.4 px, dark at 55% with the card's white core beside it at 35%, numbered from 1 in a
    random order in white seven-segment digits with a dark outline 35% of its height high (from 48 px); 1-2 doors
    below 48 px, 2-4 above, opened: hinged at their left or right side and folded flat beyond it, the flap showing
    the card's grey back, 228 / 224 / 214, darker by 15% towards the hinge, casting a soft shadow at 30%, the hole
    showing the dark brown plastic tray, 54 / 36 / 26, and a chocolate, 104 / 64 / 38, 60% as large with a sheen."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    small = side < 48
    g = 3 if small else 5
    n = int(rng.integers(6, 9)) if small else int(rng.integers(16, 23))
    cw, ch = w / g, h / g
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    doors = []
    for c in rng.permutation(g * g)[:n]:
        dw, dh = cw * rng.uniform(0.55, 0.8), ch * rng.uniform(0.5, 0.75)
        x0 = (c % g) * cw + rng.uniform(0, cw - dw)
        y0 = (c // g) * ch + rng.uniform(0, ch - dh)
        doors.append((x0, y0, x0 + dw, y0 + dh))
    lw = max(0.4, 0.006 * side)
    out = f.copy()
    opened = set(rng.permutation(n)[: int(rng.integers(1, 3)) if small else int(rng.integers(2, 5))].tolist())
    numbers = rng.permutation(n) + 1
    for k, (x0, y0, x1, y1) in enumerate(doors):
        if k in opened:
            continue
        out = _paint(out, 0.55 * ident.line([_rect(x0, y0, x1, y1) + [(x0, y0)]], lw), (30, 28, 26))
        out = _paint(out, 0.35 * ident.line([_rect(x0 + lw, y0 + lw, x1 + lw, y1 + lw)[1:4]], lw), (250, 248, 240))
        if not small:
            gh = 0.35 * (y1 - y0)
            text = str(numbers[k])
            digits = lambda t: _digits_drawn(ident, text, x0 + 0.12 * (x1 - x0), y0 + 0.12 * (y1 - y0), gh, t)  # noqa: E731
            out = _paint(out, 0.8 * digits(max(0.5, 0.16 * gh)), (30, 28, 26))
            out = _paint(out, digits(max(0.35, 0.07 * gh)), (250, 248, 242))
    yy, xx = _pixels(h, w)
    for k in sorted(opened):
        x0, y0, x1, y1 = doors[k]
        dw = x1 - x0
        hole = ident.fill([_rect(x0, y0, x1, y1)])
        out = _paint(out, hole, TRAY_BROWN)
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        out = _paint(out, ident.fill([_rrect(cx - 0.3 * dw, cy - 0.3 * (y1 - y0), cx + 0.3 * dw, cy + 0.3 * (y1 - y0),
                                             0.1 * dw, 4)]), CHOCOLATE)
        out = _paint(out, 0.4 * ident.line([[(cx - 0.2 * dw, cy - 0.2 * (y1 - y0)), (cx + 0.1 * dw,
                                                                                   cy - 0.22 * (y1 - y0))]],
                                           max(0.35, 0.05 * dw)), (230, 200, 170))
        left = rng.random() < 0.5
        fx0, fx1 = (x0 - dw, x0) if left else (x1, x1 + dw)
        flap = ident.fill([_rect(fx0, y0, fx1, y1)])
        shade = np.clip((xx - fx0) / dw if left else (fx1 - xx) / dw, 0, 1)  # 1 away from the hinge
        out = out * (1 - 0.3 * np.clip(gaussian_filter(flap, max(0.5, 0.015 * side)) - flap, 0, 1))[..., None]
        out = out * (1 - flap[..., None]) + (CARD_BACK * (0.85 + 0.15 * shade)[..., None]) * flap[..., None]
        out = _paint(out, 0.55 * ident.line([_rect(fx0, y0, fx1, y1) + [(fx0, y0)]], lw) * flap, (120, 116, 108))
    return _u8(out)


# the seven pieces of a square tangram, in shares of its side
TANGRAM = (((0.0, 0.0), (1.0, 0.0), (0.5, 0.5)), ((0.0, 0.0), (0.5, 0.5), (0.0, 1.0)),
           ((1.0, 0.5), (1.0, 1.0), (0.5, 1.0)), ((1.0, 0.0), (1.0, 0.5), (0.75, 0.25)),
           ((0.5, 0.5), (0.75, 0.75), (0.25, 0.75)), ((0.5, 0.5), (0.75, 0.25), (1.0, 0.5), (0.75, 0.75)),
           ((0.0, 1.0), (0.25, 0.75), (0.75, 0.75), (0.5, 1.0)))


def _tangram(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on a wooden tangram puzzle and its seven pieces (two large, one middle and two small
    triangles, a square and a parallelogram) laid back together on a table, not quite pushed home: the puzzle's
    square shrunk so that the pieces stay in the frame, each piece moved away from its middle along the line from the
    middle to its own by 0.7-1.3 times a gap of 2-3.5% of the side, at least 1 px, and turned about itself by up to
    1.5-3 degrees either way; the cut edges dark at 50%, 0.6% of the side wide, at least 0.4 px; the pieces' soft
    shadow on the table at 35%; the table white where the picture's border is darker than 110, else near black."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    gap = max(1.0, side * rng.uniform(0.02, 0.035))
    m = 1.5 * gap
    sx, sy = (w - 2 * m) / w, (h - 2 * m) / h
    turn = np.deg2rad(rng.uniform(1.5, 3))
    table = 244.0 if _ground(f) < 110 else 18.0
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    pieces, masks = [], []
    for poly in TANGRAM:
        pts = np.array([(m + u * (w - 2 * m), m + v * (h - 2 * m)) for u, v in poly])
        c = pts.mean(axis=0)
        d = c - np.array([w / 2, h / 2])
        move = d / (np.linalg.norm(d) + 1e-9) * gap * rng.uniform(0.7, 1.3)
        a = rng.uniform(-1, 1) * turn
        dest = np.array(_turn([tuple(p) for p in pts], c[0], c[1], a)) + move
        mask = ident.fill([[tuple(p) for p in dest]])
        # each pixel of the piece read back: undo the move and the turn, then the puzzle's shrink
        qx, qy = xx - c[0] - move[0], yy - c[1] - move[1]
        ca, sa = np.cos(-a), np.sin(-a)
        px, py = c[0] + qx * ca - qy * sa, c[1] + qx * sa + qy * ca
        pieces.append(_resample(f, (py - m) / sy, (px - m) / sx))
        masks.append((mask, dest))
    union = np.clip(np.sum([mk for mk, _ in masks], axis=0), 0, 1)
    out = np.full((h, w, 3), table, np.float32) * (1 - 0.35 * _shadow(union, max(0.5, side * 0.012),
                                                                      max(0.5, side * 0.01)))[..., None]
    for pic, (mk, _) in zip(pieces, masks):
        out = out * (1 - mk[..., None]) + pic * mk[..., None]
    edges = ident.line([[tuple(p) for p in dest] + [tuple(dest[0])] for _, dest in masks], max(0.4, 0.006 * side))
    return _u8(_paint(out, 0.5 * edges, (20, 16, 12)))


def near_edit_ai(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "swim_fin":  # a swimming fin lying on the print
        return _swim_fin(f, rng)
    if kind == "ginger_root":  # a knobbly root of ginger lying on the print
        return _ginger_root(f, rng)
    if kind == "carnival_mask":  # a Venetian carnival half-mask lying on the print
        return _carnival_mask(f, rng)
    if kind == "oil_lamp":  # a brass oil lamp of the genie kind lying on the print
        return _oil_lamp(f, rng)
    if kind == "fishing_reel":  # a spinning fishing reel lying on the print
        return _fishing_reel(f, rng)
    if kind == "pencil_shavings":  # pencil shavings emptied over the print
        return _pencil_shavings(f, rng)
    if kind == "advent_calendar":  # the picture printed as a card advent calendar, some doors opened
        return _advent_calendar(f, rng)
    if kind == "tangram":  # the picture on a tangram puzzle, its pieces not quite pushed together
        return _tangram(f, rng)
    raise ValueError(kind)


# -- blurs -----------------------------------------------------------------------------------
TABLES_AI = ((236, 232, 224), (150, 110, 74), (72, 76, 82))
SUGAR_SKIN = np.array([248, 244, 234], np.float32)


def _kintaro_ame(f: np.ndarray, rng) -> np.ndarray:
    """The picture made as kintaro-ame, the candy a picture runs through: built many times its size in strips of
    coloured boiled sugar, rolled into a log and pulled thin while warm, so that the sugar flowed across the strips'
    edges (a Gaussian of 2.6-3.6% of the side, at least 1.2 px), then snapped into slices; a slice photographed lying
    on a white, wooden or slate table: a disc of radius 47-50% of the side round a point within 2% of the side of the
    middle, its edge soft over 1.5% of the side, at least 0.6 px, casting a shadow at 30%, the picture in it in the
    sugar's colours, 8-14% of the way to a cream, 248 / 244 / 234, the log's white sugar skin over its outer 10% at
    85%, a gloss band 8% of the side wide across it at any angle adding up to 10-18 levels, 3-7 trapped air bubbles,
    rings of radius 0.6-1.2% of the side, at least 0.4 px, white at 35%; as a camera metering on the highlights
    exposes it."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    s = max(1.2, side * rng.uniform(0.026, 0.036))
    pulled = np.stack([gaussian_filter(f[..., c], s, mode="reflect") for c in range(3)], axis=2)
    a = rng.uniform(0.08, 0.14)
    candy = pulled * (1 - a) + SUGAR_SKIN * a
    cx, cy = w / 2 + side * rng.uniform(-0.02, 0.02), h / 2 + side * rng.uniform(-0.02, 0.02)
    R = side * rng.uniform(0.47, 0.5)
    r = np.hypot(xx - cx, yy - cy)
    soft = max(0.6, 0.015 * side)
    disc = np.clip((R - r) / soft + 0.5, 0, 1)
    skin = np.clip((r - 0.9 * R) / soft + 0.5, 0, 1) * disc
    table = _pick(TABLES_AI, rng)
    out = np.ones((h, w, 3), np.float32) * table * (1 - 0.3 * _shadow(disc, max(0.5, side * 0.012),
                                                                   max(0.5, side * 0.012)))[..., None]
    out = out * (1 - disc[..., None]) + candy * disc[..., None]
    out = _paint(out, 0.85 * skin, SUGAR_SKIN)
    ang = rng.uniform(0, np.pi)
    v = (xx - cx) * np.cos(ang) + (yy - cy) * np.sin(ang) + rng.uniform(-0.2, 0.2) * side
    out = out + (np.exp(-(v / (0.08 * side)) ** 2) * disc * rng.uniform(10, 18))[..., None]
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    bubbles = []
    for _ in range(int(rng.integers(3, 8))):
        rb, t = max(0.4, side * rng.uniform(0.006, 0.012)), rng.uniform(0, 2 * np.pi)
        q = 0.8 * R * np.sqrt(rng.random())
        bubbles.append(_ellipse(cx + q * np.cos(t), cy + q * np.sin(t), rb, rb, 0.0, 12))
    out = _paint(out, 0.35 * ident.line([b + [b[0]] for b in bubbles], max(0.3, 0.004 * side)), (255, 255, 255))
    return _u8(_metered(out, f))


CRYSTAL_LEDS = ((0.86, 0.92, 1.0), (1.0, 1.0, 1.0), (0.9, 1.0, 0.96))


def _laser_crystal(f: np.ndarray, rng) -> np.ndarray:
    """The picture engraved in a glass block by a subsurface laser, as souvenir crystals are made, and photographed
    on its lit base: points of crushed glass written inside the block on a grid four times finer than the pixels,
    a share 35-50% of ``lum ** 1.3`` of the sites (``lum`` the picture's grey stretched between its own 2nd and 98th
    percentiles), each at one of three depths at random; the camera focused on the block's front face, so each
    depth blurred by its own Gaussian, 1, 1.4 and 1.8 times 2.2-3% of the side, at least 1.2 px; the points lit by
    the base's LED in a cool, neutral or green-tinged white, brightness ``lum ** 1.3`` over the glass's dark ground,
    14 / 18 / 26, lifted by up to 6-12 levels towards the lit base at the bottom; the block's edges an inset frame
    1.5% of the side wide, at least 0.5 px, 3% of the side in, catching the light at 20%; as a camera metering on
    the highlights exposes it."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    lum = _stretched(f) ** 1.3
    k = 4
    share = rng.uniform(0.35, 0.5)
    fine = np.repeat(np.repeat(lum, k, axis=0), k, axis=1)
    sites = rng.random(fine.shape) < share * fine
    depth = rng.integers(0, 3, fine.shape)
    s0 = max(1.2, side * rng.uniform(0.022, 0.03))
    lit = sum(gaussian_filter((sites & (depth == j)).astype(np.float32), k * s0 * m, mode="reflect")
              for j, m in enumerate((1.0, 1.4, 1.8)))
    lit = lit.reshape(h, k, w, k).mean(axis=(1, 3)) / share
    ground = np.array([14, 18, 26], np.float32) + (rng.uniform(6, 12) * np.clip(yy / h, 0, 1) ** 2)[..., None]
    out = ground + lit[..., None] * np.asarray(_pick(CRYSTAL_LEDS, rng)) * 240
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    e = 0.03 * side
    out = _paint(out, 0.2 * ident.line([_rect(e, e, w - e, h - e) + [(e, e)]], max(0.5, 0.015 * side)),
                 (230, 240, 255))
    return _u8(_metered(out, f))


def blur_ai(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "kintaro_ame":  # the picture made as a pulled-sugar candy log and sliced
        return _kintaro_ame(f, rng)
    if kind == "laser_crystal":  # the picture engraved in a glass block by a subsurface laser
        return _laser_crystal(f, rng)
    raise ValueError(kind)


# -- darkening -------------------------------------------------------------------------------
PANEL_COLOURS = ((170, 90, 255), (70, 130, 255), (60, 220, 230), (70, 230, 120), (255, 180, 60), (255, 90, 170),
                 (255, 70, 60))


def _light_panels(f: np.ndarray, rng) -> np.ndarray:
    """A dark room lit only by modular triangle light panels on the wall in the picture: 3-4 equilateral triangles
    below 48 px, 5-7 above, of side 16-20% of the side below 48 px, 10-13% above, at least 5 px, joined edge to edge
    in a cluster grown from one 25-60% of the way across and 12-35% down (each next one on a free edge of a random
    one already there, all within the top 80% of the picture), each glowing its own colour, violet, blue, cyan,
    green, amber, pink or red, 82% of it at its edges to all of it in its middle, a dark seam 0.8% of the side wide
    between them; a glow of sigma 5-8% of the side up to 35-50 levels; the picture lit at a gain of 0.015-0.03
    plus 0.25-0.35 shared among the panels, each falling off as ``1 / (1 + (d / d0) ** 2)`` from its middle, ``d0``
    20-30% of the side, in its colour; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    s = max(5.0, side * (rng.uniform(0.16, 0.2) if side < 48 else rng.uniform(0.1, 0.13)))
    th = s * np.sqrt(3) / 2
    x0, y0 = w * rng.uniform(0.25, 0.6), h * rng.uniform(0.12, 0.35)

    def verts(r: int, c: int) -> list[tuple[float, float]]:
        cx, top = x0 + c * s / 2, y0 + r * th
        if (r + c) % 2 == 0:  # pointing up
            return [(cx, top), (cx + s / 2, top + th), (cx - s / 2, top + th)]
        return [(cx - s / 2, top), (cx + s / 2, top), (cx, top + th)]

    def inside(r: int, c: int) -> bool:
        return all(0.03 * w <= x <= 0.97 * w and 0.02 * h <= y <= 0.8 * h for x, y in verts(r, c))

    n = int(rng.integers(3, 5)) if side < 48 else int(rng.integers(5, 8))
    cells = [(0, 0)]
    for _ in range(200):
        if len(cells) == n:
            break
        r, c = cells[int(rng.integers(len(cells)))]
        nb = [(r, c - 1), (r, c + 1), (r + 1, c) if (r + c) % 2 == 0 else (r - 1, c)]
        q = nb[int(rng.integers(3))]
        if q not in cells and inside(*q):
            cells.append(q)
    cols = [np.asarray(PANEL_COLOURS[j], np.float32) for j in rng.permutation(len(PANEL_COLOURS))[:len(cells)]]
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    seam = max(0.3, 0.008 * side)
    g1, d0 = rng.uniform(0.25, 0.35), side * rng.uniform(0.2, 0.3)
    gain = np.full((h, w, 3), rng.uniform(0.015, 0.03), np.float32)
    masks, mids = [], []
    for (r, c), col in zip(cells, cols):
        v = np.array(verts(r, c))
        m = v.mean(axis=0)
        inner = m + (v - m) * (1 - seam / (0.29 * s))
        masks.append(ident.fill([[tuple(p) for p in inner]]))
        mids.append(m)
        d = np.hypot(xx - m[0], yy - m[1])
        gain = gain + (g1 / len(cells) / (1 + (d / d0) ** 2))[..., None] * (col / col.max())
    out = _lit(f, gain, rng)
    sig, lev = max(0.8, side * rng.uniform(0.05, 0.08)), rng.uniform(35, 50)
    for mk, col in zip(masks, cols):
        out = out + _glow(mk, sig)[..., None] * lev * (col / col.max())
    for mk, m, col in zip(masks, mids, cols):
        mid = np.clip(1 - np.hypot(xx - m[0], yy - m[1]) / (0.45 * s), 0, 1)[..., None]
        out = out * (1 - mk[..., None]) + col * (0.82 + 0.18 * mid) * mk[..., None]
    return _u8(out)


BIAS_LIGHTS = ((1.0, 1.0, 1.0), (1.0, 0.84, 0.62), (0.45, 0.6, 1.0), (0.7, 0.45, 1.0), (0.4, 0.95, 1.0),
               (1.0, 0.5, 0.8))


def _bias_light(f: np.ndarray, rng) -> np.ndarray:
    """A dark room lit only by the bias lighting behind a television that is switched off: the set's black
    silhouette in the picture, 50-64% of the side wide and 0.58 of that high, its middle 38-62% of the way across
    and 36-52% down, on a stand (a neck 8% of its width wide and a foot 36% wide below it), its bezel near black,
    10 / 10 / 12, round a screen 1.5% of the side in, 14 / 16 / 20, with a faint sheen of 4 levels across it; the
    LED strip behind it lighting the wall round it, the picture lit at a gain of 0.015-0.03 plus 0.3-0.45 falling off
    as ``exp(-d / d0)`` with the distance ``d`` from the set's outline, ``d0`` 6-10% of the side, in a white, warm
    white, blue, violet, cyan or pink light; its outline catching that light at 25%; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    tw = w * rng.uniform(0.5, 0.64)
    tht = 0.58 * tw
    cx, cy = w * rng.uniform(0.38, 0.62), h * rng.uniform(0.36, 0.52)
    x0, y0, x1, y1 = cx - tw / 2, cy - tht / 2, cx + tw / 2, cy + tht / 2
    tint = np.asarray(_pick(BIAS_LIGHTS, rng))
    d = np.hypot(np.maximum(np.maximum(x0 - xx, xx - x1), 0), np.maximum(np.maximum(y0 - yy, yy - y1), 0))
    gain = rng.uniform(0.015, 0.03) + rng.uniform(0.3, 0.45) * np.exp(-d / (side * rng.uniform(0.06, 0.1)))
    out = _lit(f, gain[..., None] * tint, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    stand = ident.fill([_rect(cx - 0.04 * tw, y1, cx + 0.04 * tw, y1 + 0.07 * tw),
                        _rect(cx - 0.18 * tw, y1 + 0.07 * tw, cx + 0.18 * tw, y1 + 0.09 * tw)])
    out = _paint(out, stand, (12, 12, 14))
    out = _paint(out, ident.fill([_rect(x0, y0, x1, y1)]), (10, 10, 12))
    e = max(0.5, 0.015 * side)
    screen = ident.fill([_rect(x0 + e, y0 + e, x1 - e, y1 - e)])
    sheen = np.clip(1 - np.abs((xx - cx) + (yy - cy) - 0.1 * tw) / (0.15 * tw), 0, 1)
    out = _paint(out, screen, (14, 16, 20)) + (4 * sheen * screen)[..., None]
    out = _paint(out, 0.25 * ident.line([_rect(x0, y0, x1, y1) + [(x0, y0)]], max(0.35, 0.006 * side)), 140 * tint)
    return _u8(out)


POLE_STRIPES = (((220, 30, 36), (250, 248, 244), (30, 60, 180)), ((220, 30, 36), (250, 248, 244)))
POLE_WARM = np.array([1.0, 0.82, 0.76], np.float32)


def _barber_pole(f: np.ndarray, rng) -> np.ndarray:
    """A street at night lit only by a barber's pole on the wall in the picture: a glass cylinder 10-13% of the side
    wide below 48 px, 6-8% above, at least 3 px, and 4 times as high, 10-30% or 70-90% of the way across, its top
    10-25% down, lit from inside, its red, white and blue (or red and white) stripes slanting at 35-45 degrees
    1.2 of its width apart, shaded as a cylinder, 55% at its sides; dark metal caps 15% wider and 35% of its width
    high above and below it, a glowing white globe of radius 55% of its width on top; a glow of sigma 5-8% of the
    side up to 35-50 levels; the picture lit at a gain of 0.015-0.03 plus 0.25-0.35 falling off as ``1 / (1 + (d /
    d0) ** 2)`` from the pole's middle, ``d0`` 25-40% of the side, in a warm white, 1.0 / 0.82 / 0.76; noise sigma
    1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    pw = max(3.0, side * (rng.uniform(0.1, 0.13) if side < 48 else rng.uniform(0.06, 0.08)))
    ph = 4 * pw
    px = w * (rng.uniform(0.1, 0.3) if rng.random() < 0.5 else rng.uniform(0.7, 0.9))
    top = h * rng.uniform(0.1, 0.25)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    pole = ident.fill([_rect(px - pw / 2, top, px + pw / 2, top + ph)])
    caps = ident.fill([_rect(px - 0.575 * pw, top - 0.35 * pw, px + 0.575 * pw, top),
                       _rect(px - 0.575 * pw, top + ph, px + 0.575 * pw, top + ph + 0.35 * pw)])
    globe = ident.fill([_ellipse(px, top - 0.35 * pw - 0.5 * pw, 0.55 * pw, 0.55 * pw, 0.0, 20)])
    d = np.hypot(xx - px, yy - (top + ph / 2))
    gain = rng.uniform(0.015, 0.03) + rng.uniform(0.25, 0.35) / (1 + (d / (side * rng.uniform(0.25, 0.4))) ** 2)
    out = _lit(f, gain[..., None] * POLE_WARM, rng)
    out = out + _glow(np.maximum(pole, globe), max(0.8, side * rng.uniform(0.05, 0.08)))[..., None] * \
        rng.uniform(35, 50) * POLE_WARM
    stripes = np.asarray(POLE_STRIPES[int(rng.integers(2))], np.float32)
    u = np.clip((xx - px) / (pw / 2), -1, 1)
    phase = (yy + (xx - px) * np.tan(np.deg2rad(rng.uniform(35, 45)))) / (1.2 * pw) * len(stripes)
    col = stripes[np.floor(phase).astype(int) % len(stripes)] * (0.55 + 0.45 * np.sqrt(1 - u ** 2))[..., None]
    out = out * (1 - pole[..., None]) + col * pole[..., None]
    out = _paint(out, caps, (58, 56, 60))
    return _u8(_paint(out, globe, (255, 244, 226)))


def dark_ai(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "light_panels":  # a dark room lit only by modular triangle light panels on the wall
        return _light_panels(f, rng)
    if kind == "bias_light":  # a dark room lit only by the bias lighting behind a television that is off
        return _bias_light(f, rng)
    if kind == "barber_pole":  # a street at night lit only by a barber's pole
        return _barber_pole(f, rng)
    raise ValueError(kind)


# -- outliers --------------------------------------------------------------------------------
def _market_stall(size: int, rng) -> dict:
    """A market stall seen from the front: a dark back; a striped awning from 4-10% to 26-34% of the way down, its
    front edge the wider, 6 stripes below 48 px, 8-12 above, a straight hem 4% of the side deep along it; two poles
    at its front corners, 2.5% of the side wide, from 8-14% and 86-92% of the way across down to the bottom; a
    chalkboard on the back between 35% and 65% across; a counter from 60-68% down to 94%, boarded every 5% of the
    side; on it 3 crates below 48 px, 4-5 above, each 14% of the side high with two slats across its front, heaped
    with round fruit of radius 3.5-5% of the side below 48 px, 2.5-4% above, in rows narrowing upwards, each crate's
    of one of three kinds, each fruit with a glint; a price card on a stick in 2-3 of the heaps (0-1 coverage
    each)."""
    big = 4 * size
    M = _canvas(("awning", "stripes", "hem", "poles", "board", "counter", "planks", "crates", "slats", "fruit0",
                 "fruit1", "fruit2", "glints", "cards"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    at, ab = big * rng.uniform(0.04, 0.1), big * rng.uniform(0.26, 0.34)
    d["awning"].polygon([(0.03 * big, at), (0.97 * big, at), (big, ab), (0, ab)], fill=255)
    n = 6 if size < 48 else int(rng.integers(8, 13))
    for k in range(0, n, 2):
        u0, u1 = k / n, (k + 1) / n
        d["stripes"].polygon([(0.03 * big + u0 * 0.94 * big, at), (0.03 * big + u1 * 0.94 * big, at),
                              (u1 * big, ab), (u0 * big, ab)], fill=255)
        d["stripes"].rectangle((u0 * big, ab, u1 * big, ab + 0.04 * big), fill=255)
    d["hem"].rectangle((0, ab, big, ab + 0.04 * big), fill=255)
    for x in (big * rng.uniform(0.08, 0.14), big * rng.uniform(0.86, 0.92)):
        d["poles"].rectangle((x - 0.0125 * big, ab, x + 0.0125 * big, big), fill=255)
    ct = big * rng.uniform(0.6, 0.68)
    d["board"].rectangle((0.35 * big, ab + 0.08 * big, 0.65 * big, min(ct - 0.2 * big, ab + 0.24 * big)), fill=255)
    d["counter"].rectangle((0, ct, big, 0.94 * big), fill=255)
    lw = max(1, round(0.006 * big))
    for y in np.arange(ct + 0.05 * big, 0.94 * big, 0.05 * big):
        d["planks"].line([(0, y), (big, y)], fill=255, width=lw)
    m = 3 if size < 48 else int(rng.integers(4, 6))
    fr = big * (rng.uniform(0.035, 0.05) if size < 48 else rng.uniform(0.025, 0.04))
    span = 0.9 * big / m
    kinds = rng.integers(0, 3, m)
    with_card = set(rng.permutation(m)[: int(rng.integers(2, 4))].tolist())
    for j in range(m):
        x0, x1 = 0.05 * big + j * span + 0.06 * span, 0.05 * big + (j + 1) * span - 0.06 * span
        d["crates"].rectangle((x0, ct - 0.14 * big, x1, ct), fill=255)
        for y in (ct - 0.1 * big, ct - 0.05 * big):
            d["slats"].line([(x0, y), (x1, y)], fill=255, width=2 * lw)
        row, y = int((x1 - x0) // (2 * fr)), ct - 0.14 * big - 0.6 * fr
        while row >= 1:
            xs = np.linspace(x0 + fr, x1 - fr, row) if row > 1 else [(x0 + x1) / 2]
            for x in xs:
                q = x + rng.uniform(-0.15, 0.15) * fr
                d[f"fruit{kinds[j]}"].ellipse((q - fr, y - fr, q + fr, y + fr), fill=255)
                d["glints"].ellipse((q - 0.55 * fr, y - 0.55 * fr, q - 0.2 * fr, y - 0.2 * fr), fill=255)
            row, y = row - 1, y - 1.55 * fr
        if j in with_card:
            cx = (x0 + x1) / 2 + rng.uniform(-0.2, 0.2) * span
            d["cards"].line([(cx, ct - 0.14 * big), (cx, ct - 0.26 * big)], fill=255, width=lw)
            d["cards"].rectangle((cx - 0.045 * big, ct - 0.3 * big, cx + 0.045 * big, ct - 0.25 * big), fill=255)
    return {k: _down(v, size) for k, v in M.items()}


def _marina(size: int, rng) -> dict:
    """A marina seen from above: the water everywhere; a main pontoon 5% of the side wide across it 44-56% of the
    way down, finger pontoons 2.2% wide and 22-30% of the side long off both its sides every 22-26% of the side
    below 48 px, 12-16% above; a boat moored in 70-90% of the berths between them, its stern by the main pontoon and
    its bow pointing away, 80-95% of a finger long and 45-60% of a berth wide, rounding to a point over its front
    45%, a deck inset by 18% of its width, a dark cockpit at its stern and, half the time, a mast's foot; a rock
    breakwater along the top or the bottom edge, 8-12% of the side deep, with rocks on it; 10-20 short ripple lines
    on the water (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("pontoon", "hulls", "decks", "cockpits", "masts", "breakwater", "rocks", "ripples"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    py, pt = big * rng.uniform(0.44, 0.56), 0.05 * big
    d["pontoon"].rectangle((0, py - pt / 2, big, py + pt / 2), fill=255)
    sp = big * (rng.uniform(0.22, 0.26) if size < 48 else rng.uniform(0.12, 0.16))
    fl = big * rng.uniform(0.22, 0.3)
    fw = 0.022 * big
    xs = np.arange(rng.uniform(0, sp), big, sp)
    for x in xs:
        d["pontoon"].rectangle((x - fw / 2, py - pt / 2 - fl, x + fw / 2, py + pt / 2 + fl), fill=255)
    t = np.linspace(0, 1, 14)
    for x in xs[:-1] if len(xs) > 1 else []:
        for sgn in (-1, 1):
            if rng.random() > rng.uniform(0.7, 0.9):
                continue
            bl, bw = fl * rng.uniform(0.8, 0.95), (sp - fw) * rng.uniform(0.45, 0.6)
            cx = x + sp / 2
            ys = py + sgn * (pt / 2 + 0.01 * big)
            half = np.where(t < 0.55, 1.0, np.sqrt(np.clip(1 - ((t - 0.55) / 0.45) ** 2, 0, 1))) * bw / 2
            side_a = [(cx - hw, ys + sgn * u * bl) for u, hw in zip(t, half)]
            side_b = [(cx + hw, ys + sgn * u * bl) for u, hw in zip(t, half)]
            d["hulls"].polygon(side_a + side_b[::-1], fill=255)
            deck = [(cx - 0.64 * hw, ys + sgn * (0.06 + 0.86 * u) * bl) for u, hw in zip(t, half)]
            deck2 = [(cx + 0.64 * hw, ys + sgn * (0.06 + 0.86 * u) * bl) for u, hw in zip(t, half)]
            d["decks"].polygon(deck + deck2[::-1], fill=255)
            d["cockpits"].rectangle((cx - 0.25 * bw, min(ys + sgn * 0.08 * bl, ys + sgn * 0.3 * bl),
                                     cx + 0.25 * bw, max(ys + sgn * 0.08 * bl, ys + sgn * 0.3 * bl)), fill=255)
            if rng.random() < 0.5:
                my, r = ys + sgn * 0.55 * bl, 0.06 * bw
                d["masts"].ellipse((cx - r, my - r, cx + r, my + r), fill=255)
    top = rng.random() < 0.5
    bd = big * rng.uniform(0.08, 0.12)
    y0, y1 = (0, bd) if top else (big - bd, big)
    d["breakwater"].rectangle((0, y0, big, y1), fill=255)
    for _ in range(int(rng.integers(10, 20))):
        x, y, r = rng.uniform(0, big), rng.uniform(y0, y1), big * rng.uniform(0.015, 0.035)
        d["rocks"].ellipse((x - r, y - 0.7 * r, x + r, y + 0.7 * r), fill=255)
    lw = max(1, round(0.006 * big))
    for _ in range(int(rng.integers(10, 21))):
        x, y, ln = rng.uniform(0, big), rng.uniform(0, big), big * rng.uniform(0.03, 0.07)
        d["ripples"].line([(x, y), (x + ln, y + rng.uniform(-0.01, 0.01) * big)], fill=255, width=lw)
    return {k: _down(v, size) for k, v in M.items()}


def _desk_flat_lay(size: int, rng) -> dict:
    """A desk seen from above, as a flat lay: the desk's top everywhere with faint grain lines; an open laptop 46-56%
    of the side wide, its keyboard deck 64% of that deep with a grid of 4 x 10 keys (3 x 6 below 48 px) over its upper
    half and a trackpad, its upright lid a dark bar along its far edge, its middle 42-58% of the way across and
    30-40% down, turned by up to 12 degrees; a mug of coffee, a rim of radius 8-10% of the side round the coffee's
    dark disc with a handle, towards the bottom right; an open notebook 24-30% of the side wide and 1.3 times as high
    with 6-9 ruled lines and a pen across it, towards the bottom left; a phone 10-13% of the side wide and twice as
    high on the right; a potted plant at the top left, a pot of radius 7-9% of the side round dark soil and 6-8
    leaves; each turned by up to 20 degrees (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("grain", "laptop", "lid", "keys", "pad", "mug", "coffee", "note", "lines", "pen", "phone", "screen",
                 "pot", "soil", "leaves"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    lw = max(1, round(0.005 * big))
    for y in np.arange(rng.uniform(0, 0.1) * big, big, 0.1 * big):
        d["grain"].line([(0, y), (big, y + rng.uniform(-0.03, 0.03) * big)], fill=255, width=lw)

    def quad(cx, cy, hw, hh, a):
        return _turn(_rect(cx - hw, cy - hh, cx + hw, cy + hh), cx, cy, a)

    cx, cy, W = big * rng.uniform(0.42, 0.58), big * rng.uniform(0.3, 0.4), big * rng.uniform(0.46, 0.56)
    a = np.deg2rad(rng.uniform(-12, 12))
    D = 0.64 * W
    d["laptop"].polygon(quad(cx, cy, W / 2, D / 2, a), fill=255)
    d["lid"].polygon(_turn(_rect(cx - W / 2, cy - D / 2 - 0.05 * W, cx + W / 2, cy - D / 2), cx, cy, a), fill=255)
    rows, cols = (3, 6) if size < 48 else (4, 10)
    kw, kh = 0.84 * W / cols, 0.46 * D / rows
    for i in range(rows):
        for j in range(cols):
            kx, ky = cx - 0.42 * W + (j + 0.5) * kw, cy - 0.42 * D + (i + 0.5) * kh
            d["keys"].polygon(_turn(_rect(kx - 0.4 * kw, ky - 0.4 * kh, kx + 0.4 * kw, ky + 0.4 * kh), cx, cy, a),
                              fill=255)
    d["pad"].polygon(_turn(_rect(cx - 0.16 * W, cy + 0.1 * D, cx + 0.16 * W, cy + 0.4 * D), cx, cy, a), fill=255)
    mx, my, r = big * rng.uniform(0.74, 0.86), big * rng.uniform(0.72, 0.84), big * rng.uniform(0.08, 0.1)
    ha = rng.uniform(0, 2 * np.pi)
    d["mug"].polygon(quad(mx + 1.05 * r * np.cos(ha), my + 1.05 * r * np.sin(ha), 0.3 * r, 0.12 * r, ha), fill=255)
    d["mug"].ellipse((mx - r, my - r, mx + r, my + r), fill=255)
    d["coffee"].ellipse((mx - 0.8 * r, my - 0.8 * r, mx + 0.8 * r, my + 0.8 * r), fill=255)
    nx, ny, nw = big * rng.uniform(0.16, 0.3), big * rng.uniform(0.7, 0.82), big * rng.uniform(0.24, 0.3)
    na = np.deg2rad(rng.uniform(-20, 20))
    d["note"].polygon(quad(nx, ny, nw / 2, 0.65 * nw, na), fill=255)
    for k in range(int(rng.integers(6, 10))):
        y = ny - 0.5 * nw + k * 0.13 * nw
        d["lines"].line(_turn([(nx - 0.4 * nw, y), (nx + 0.4 * nw, y)], nx, ny, na), fill=255, width=lw)
    d["pen"].polygon(quad(nx, ny, 0.6 * nw, 0.035 * nw, na + rng.uniform(0.4, 0.9)), fill=255)
    px, py, pw = big * rng.uniform(0.84, 0.92), big * rng.uniform(0.36, 0.5), big * rng.uniform(0.1, 0.13)
    pa = np.deg2rad(rng.uniform(-20, 20))
    d["phone"].polygon(quad(px, py, pw / 2, pw, pa), fill=255)
    d["screen"].polygon(quad(px, py, 0.42 * pw, 0.9 * pw, pa), fill=255)
    tx, ty, tr = big * rng.uniform(0.1, 0.2), big * rng.uniform(0.1, 0.2), big * rng.uniform(0.07, 0.09)
    d["pot"].ellipse((tx - tr, ty - tr, tx + tr, ty + tr), fill=255)
    d["soil"].ellipse((tx - 0.8 * tr, ty - 0.8 * tr, tx + 0.8 * tr, ty + 0.8 * tr), fill=255)
    for u in np.linspace(0, 2 * np.pi, int(rng.integers(6, 9)), endpoint=False) + rng.uniform(0, 1):
        d["leaves"].polygon(_ellipse(tx + 0.7 * tr * np.cos(u), ty + 0.7 * tr * np.sin(u), 0.75 * tr, 0.28 * tr, u, 16),
                            fill=255)
    return {k: _down(v, size) for k, v in M.items()}


AWNINGS = ((200, 40, 40), (40, 130, 70), (40, 80, 170))
FRUITS = ((240, 140, 30), (200, 40, 40), (240, 210, 60), (110, 170, 60))
WATERS = ((40, 92, 112), (50, 112, 132), (60, 100, 90))
HULLS = ((242, 242, 238), (242, 242, 238), (40, 50, 90), (180, 40, 40))
DESKS = ((176, 130, 86), (236, 234, 228), (120, 120, 126))
LAPTOPS = ((196, 198, 204), (116, 118, 124))
MUGS = ((240, 238, 232), (190, 50, 50), (240, 200, 60), (60, 100, 170))


def outlier_ai(name: str, kind: str, size: int, lo: int, hi: int, rng) -> np.ndarray:
    photos = name.startswith("photos")
    ground = lambda col: np.ones((size, size, 3), np.float32) * np.asarray(col, np.float32)  # noqa: E731
    tone = lambda t: [lo + (hi - lo) * t] * 3  # noqa: E731
    if kind == "market_stall":
        m = _market_stall(size, rng)
        if photos:  # a red, green or blue and white awning, wooden crates of oranges, apples, lemons or limes
            awning = _pick(AWNINGS, rng)
            fruit = [FRUITS[j] for j in rng.permutation(len(FRUITS))[:3]]
            out = _paint(_paint(ground((46, 40, 36)), m["awning"], (246, 244, 236)), m["stripes"], awning)
            out = _paint(_paint(out, m["hem"] * (1 - m["stripes"]), (226, 222, 214)), m["board"], (34, 38, 36))
            out = _paint(_paint(out, m["poles"], (176, 176, 182)), m["counter"], (142, 100, 64))
            out = _paint(_paint(out, m["planks"] * m["counter"], (96, 66, 42)), m["crates"], (204, 166, 108))
            out = _paint(out, m["slats"] * m["crates"], (140, 106, 64))
            for j in range(3):
                out = _paint(out, m[f"fruit{j}"], fruit[j])
            return _u8(_paint(_paint(out, 0.7 * m["glints"], (255, 255, 255)), m["cards"], (250, 250, 246)))
        out = _paint(_paint(ground(tone(0.08)), m["awning"], tone(0.6)), m["stripes"], tone(1.0))
        out = _paint(_paint(out, m["hem"] * (1 - m["stripes"]), tone(0.8)), m["board"], tone(0.2))
        out = _paint(_paint(out, m["poles"], tone(0.5)), m["counter"], tone(0.4))
        out = _paint(_paint(out, m["planks"] * m["counter"], tone(0.22)), m["crates"], tone(0.55))
        out = _paint(out, m["slats"] * m["crates"], tone(0.3))
        for j, t in enumerate((0.95, 0.75, 0.85)):
            out = _paint(out, m[f"fruit{j}"], tone(t))
        return _u8(_paint(_paint(out, 0.7 * m["glints"], tone(1.0)), m["cards"], tone(1.0)))
    if kind == "marina":
        m = _marina(size, rng)
        if photos:  # blue-green water, pale wooden pontoons, white, navy or red hulls with teak decks, grey rocks
            water = _pick(WATERS, rng)
            out = _paint(_paint(ground(water), m["ripples"], np.minimum(water * 1.35 + 20, 255)), m["breakwater"],
                         (112, 108, 100))
            out = _paint(_paint(out, m["rocks"] * m["breakwater"], (150, 146, 138)), m["pontoon"], (196, 184, 160))
            out = _paint(_paint(out, m["hulls"], _pick(HULLS, rng)), m["decks"] * m["hulls"], (204, 170, 120))
            return _u8(_paint(_paint(out, m["cockpits"] * m["hulls"], (56, 60, 66)), m["masts"], (30, 30, 32)))
        out = _paint(_paint(ground(tone(0.05)), m["ripples"], tone(0.3)), m["breakwater"], tone(0.45))
        out = _paint(_paint(out, m["rocks"] * m["breakwater"], tone(0.7)), m["pontoon"], tone(0.6))
        out = _paint(_paint(out, m["hulls"], tone(1.0)), m["decks"] * m["hulls"], tone(0.75))
        return _u8(_paint(_paint(out, m["cockpits"] * m["hulls"], tone(0.2)), m["masts"], tone(0.0)))
    if kind == "desk_flat_lay":
        m = _desk_flat_lay(size, rng)
        if photos:  # a wooden, white or grey desk, a silver or grey laptop, a coloured mug, a notebook, a phone, a plant
            desk = _pick(DESKS, rng)
            laptop = _pick(LAPTOPS, rng)
            out = _paint(_paint(ground(desk), 0.35 * m["grain"], desk * 0.85), m["laptop"], laptop)
            out = _paint(_paint(out, m["keys"] * m["laptop"], (44, 44, 50)), m["pad"] * m["laptop"], laptop * 0.9)
            out = _paint(_paint(out, m["lid"], (36, 36, 40)), m["mug"], _pick(MUGS, rng))
            out = _paint(_paint(out, m["coffee"], (70, 44, 28)), m["note"], (246, 244, 236))
            out = _paint(_paint(out, m["lines"] * m["note"], (150, 170, 210)), m["pen"], (30, 40, 120))
            out = _paint(_paint(out, m["phone"], (26, 26, 30)), m["screen"], (40, 48, 70))
            out = _paint(_paint(out, m["pot"], (190, 100, 60)), m["soil"], (70, 50, 36))
            return _u8(_paint(out, m["leaves"], (70, 140, 70)))
        out = _paint(_paint(ground(tone(0.12)), 0.5 * m["grain"], tone(0.22)), m["laptop"], tone(0.7))
        out = _paint(_paint(out, m["keys"] * m["laptop"], tone(0.3)), m["pad"] * m["laptop"], tone(0.55))
        out = _paint(_paint(out, m["lid"], tone(0.02)), m["mug"], tone(0.95))
        out = _paint(_paint(out, m["coffee"], tone(0.05)), m["note"], tone(1.0))
        out = _paint(_paint(out, m["lines"] * m["note"], tone(0.6)), m["pen"], tone(0.2))
        out = _paint(_paint(out, m["phone"], tone(0.03)), m["screen"], tone(0.35))
        out = _paint(_paint(out, m["pot"], tone(0.8)), m["soil"], tone(0.25))
        return _u8(_paint(out, m["leaves"], tone(0.6)))
    raise ValueError(kind)


# -- label noise -----------------------------------------------------------------------------
def review_flips(base: list[np.ndarray], labels: list, classes: list, candidates: list, count: int,
                 rng) -> dict[int, object]:
    """``count`` examples to flip and their new labels: a vendor's rushed first pass gave ``RUSHED_SHARE`` of the
    eligible pictures (at least three times the flips needed, all of them at most), drawn uniformly, a class drawn
    uniformly among the others; a review pass then went through those the model found least likely first,
    restoring their labels, and its budget ran out with ``count`` left: those whose wrong label the model found most
    likely. The model: a softmax over minus the squared distances of the picture's 8 x 8 grey thumbnail
    (standardised) to every class's mean thumbnail over the whole set, at a temperature of the median squared
    distance of the eligible pictures to their own class's mean."""
    lab = np.asarray([classes.index(v) for v in labels])
    t = _thumbs(base)
    present = sorted(set(lab.tolist()))
    means = np.stack([t[lab == k].mean(axis=0) for k in present])
    cand = np.asarray(candidates, dtype=int)
    n = min(len(cand), max(3 * count, int(round(RUSHED_SHARE * len(cand)))))
    wrong = cand[rng.permutation(len(cand))[:n]]
    given = np.asarray([rng.choice([k for k in present if k != lab[i]]) for i in wrong])
    d2 = ((t[cand][:, None, :] - means[None, :, :]) ** 2).sum(axis=2)
    own = d2[np.arange(len(cand)), np.searchsorted(present, lab[cand])]
    temp = float(np.median(own)) + 1e-9
    z = -((t[wrong][:, None, :] - means[None, :, :]) ** 2).sum(axis=2) / temp
    logp = z[np.arange(n), np.searchsorted(present, given)] - (np.log(np.exp(z - z.max(axis=1, keepdims=True))
                                                                       .sum(axis=1)) + z.max(axis=1))
    kept = np.argsort(logp, kind="stable")[n - count:] if count <= n else np.arange(n)
    return {int(wrong[j]): classes[int(given[j])] for j in sorted(kept.tolist())}


# -- planting ------------------------------------------------------------------------------
def plant_issues_ai(images, labels, out_dir, *, name: str, random_state: int = 0) -> PlantedDataset:
    """Generator AI's problems (module docstring). A set whose name ends in ``_jpeg`` is written as JPEG files at a
    quality drawn from 61-83 each; the others as PNG. The planting is I's (:func:`_heldout_i.plant_generator`)."""
    return plant_generator(
        images, labels, out_dir, name=name, rates=RATES_AI, seed=350_000 + random_state,
        quality_seed=355_000 + random_state, jpeg_quality=JPEG_QUALITY,
        flips=review_flips,
        **by_family(name, outlier=(outlier_ai, OUTLIERS_AI), blur=(blur_ai, BLURS_AI), dark=(dark_ai, DARKS_AI),
                    near=(near_edit_ai, NEAR_EDITS_AI)))
