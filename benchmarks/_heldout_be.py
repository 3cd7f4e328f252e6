"""Generator BE: fresh EVALUATION sets after generator BD's run (never used to choose anything).

Why a fifty-fifth evaluation generator: generator BD's sets were written before its run and have been run once since
(``dev_sweep``: generator BD has had its one held-out run; its sets join the development sets), so a held-out set for
the code after that run is written now, before any tool is run on it. The commit subjects since BD's generator commit
(6c51cb5) name these changes: ``dark``'s ``apart_from_edge_lights`` reading each pixel's colour mask once, for where a
light may be and for the light's coloured body, where it compared chroma with ``EDGE_COLOUR_CHROMA`` twice (a review,
the same values on BB's karaoke pictures); the coloured-body change invalidating cached image passes by
``IMAGE_PASS_VERSION`` 18 -> 19 (a review, the same flags); and generator BD's one held-out run, after which its four
sets joined the development sets. BE's writer read no docs, logs, result files or commit bodies (only the commit
subjects, the library's code and the earlier generators' and tuning tools' files, to copy their structure and to
avoid their families), and nothing in BE was chosen from any result. Like AN's to BD's, BE's edits are not all brightly
coloured: some are grey, dark, brown or translucent. Generator BE was written before any tool was run on it (only its
pictures were looked at, on contact sheets of its edits, blurs, darkenings and foreign pictures at 28, 75 and 327 px,
to check that every edit is visible, every blur blurred, every darkened image dark with its picture still in it and
every outlier foreign, and the planted folders hashed twice); it is not to be changed after its results are seen. Its
edits, blurs, darkenings, foreign pictures and label noise are of families that no tuning tool (``blur_tuning.py``'s
lens blurs: Gaussian, soft disk, astigmatic elongated Gaussian, ring; ``_foreign.py``'s textures, icons and soft
photographs; ``near_photos.py``'s and ``near_small.py``'s edits; ``label_filters.py``'s and ``label_noise_models.py``'s
flips), no earlier generator (A = ``dq.datasets.plant_issues``, B, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T,
U, V, W, X, Y, Z, AA, AB, AC, AD, AE, AF, AG, AH, AI, AJ, AK, AL, AM, AN, AO, AP, AQ, AR, AS, AT, AU, AV, AW, AX, AY,
AZ, BA, BB, BC, BD) and none of the library's calibration copies (``dataquality/compute/_synthetic.py``: crop, shift,
rotate, brightness, contrast, gamma, JPEG, resize, overlay box; Gaussian, box, motion, down-and-up blurs) make. Like
AC's to BD's it has two blur families, not three. Tiles of 327 px give 59 tiles (seed 356), so the large set is at 327
px, a size no other set uses; the small photographs are at 75 px, a size no other set uses either. Left out because an
earlier generator made them or left them out: among objects on the print a moth, a fly, a ladybird, a rose chafer or
any other insect of the earlier lists (their lists, BC's: BE's cicada shell is the empty amber husk a nymph left, split
down its back, with its hooked forelegs), a guitar pick, a plectrum, a coin, a button, a marble, a domino or dice
(their lists, AP's, AU's, X's: BE's tiddlywinks are two translucent plastic discs with bevelled rims), a coffee bean,
a chickpea, lentils, a pumpkin seed, a sunflower seed or any nut of the earlier lists (X's, AU's, BA's, AS's, R's,
BD's: BE's pine nuts are a small scatter of ivory, toasted or in-shell kernels, each a teardrop with its darker germ
tip), a price tag, a sticky note, a bread clip, a label or a ticket (K's, AZ's, their lists: BE's cigar band is the
paper ring slipped off a cigar, flattened, with its gold borders and its crest), a light bulb, a fuse, a capsule, a
transistor or a tealight (their lists, AU's, AF's, BA's, AY's: BE's halogen bulb is an unlit G9 capsule lamp of clear
glass, its coiled filament, its pinch seal and its two wire loops); of the whole picture a woven check, gingham,
hessian, tatami, a coir mat, cane webbing, damask or corduroy (AO's, AQ's, AT's, AZ's, BA's, BD's, AR's: BE's carbon
fibre is a 2 x 2 twill of glossy black tows under a clear coat), leather, snakeskin, leopard print, crocodile or
camouflage (AO's, BB's, BC's, AH's, AX's: BE's shagreen is stingray leather's dome-shaped pearls, larger in its crown,
dyed and polished), gingham, tartan's kin, seersucker, paisley or any other printed or woven fabric of the earlier
lists (AO's, AV's, AN's: BE's houndstooth is the broken check a 2 / 2 twill of four dark and four light threads
weaves); among blurs a fingerprint, a steamed, frosted or stippled glass, sunscreen, hairspray, tobacco tar, a sneeze
screen, cling film or a latex sheet (their lists, BC's, BD's, BB's, AU's: BE's pastis is a carafe of the anise spirit
turned milky yellow by its water, the louche's oil droplets scattering forward), aerogel, alabaster, mica, fog,
smoke, steam or an ice cube (BD's, AU's, AV's, their lists, AN's, AS's: BE's ice pack is a blue gel pack laid on the
print, its half-frozen gel's ice crystals scattering); among darkenings a ghost light, a bare bulb, a lantern, a
pressure lamp, an oil lamp or a heat lamp (AG's, AS's, AX's, BD's, their lists: BE's sauna lamp glows through a wooden
slatted shade in a sauna's corner), an exit sign, a letter light box, a taxi sign, a neon sign or a screen (AF's,
AU's, their lists: BE's on-air sign is a radio studio's red box lit behind its ON AIR letters), a bike tail light, a
speaker ring, a light-up keyboard, a glow stick or an LED badge (AE's, AF's, their lists: BE's dog collar is a dog's
light-up LED collar seen at night in a park, a glowing ring round its dark neck); among foreign pictures a moose, a
bison, a rhinoceros, llamas, an elephant or a kangaroo (BC's, BB's, BD's, BA's, AC's, AU's: BE's walrus lies on an ice
floe with its tusks and whiskered muzzle), a dolphin, a whale, a manta ray or penguins (BC's, BD's, AF's and their
lists: BE's hippopotamus wallows in a river, its back, head, ears and eyes above the water by a reedy bank), a cement
mixer, a forklift, a tractor, an excavator or a snowmobile (BD's, BA's, their lists, AX's: BE's steamroller is a
vintage road roller with its front roll, boiler, chimney, canopy and spoked rear wheel on half-laid tarmac); among
label noise every mechanism BD named and BD's stale crate slips (dictation, OCR, bags, hotkeys, keypads, quotas, a
checkweigher, positions, clocks, a returns desk's prices, a marketplace's category stuffing, recycled product codes,
memory cards, a packing bench's label rolls, a mistranslated list, an empty cartridge, transposed sheets, swapped
digits, stale crate slips, a spreadsheet's fill-down, collided file names, names completed as typed, tote
cross-reads, shelf scans).

* ``near_duplicate`` (3%), five edits in a part of the picture and three of the whole, in turn (so that the 327 px
  set's copies get both kinds): a cicada shell on the print (a husk 22-28% of the side long, at least 8 px, 42-50% as
  wide, amber 176 / 118 / 50, straw 212 / 180 / 120 or dark 104 / 66 / 34, of the three the two whose grey is
  furthest from the picture's median grey, as for each object's colour below, translucent at 75%, its split back a
  pale line, 5 segment lines 30% darker, six hooked legs and two dark eyes; 30-70% of the way across and down, at any
  angle, a soft shadow at 30%), two tiddlywinks (discs 11-15% of the side across, at least 5 px, translucent red,
  green, blue, yellow or smoke grey at 65-75%, a bevelled rim 25% darker, a glint at 50%, 1.1-1.7 diameters apart; a
  shadow at 25%), pine nuts (4-7 teardrop kernels 9-11% of the side long, at least 3.5 px, 55% as wide, in a cluster
  12-16% of the side across, ivory 238 / 224 / 186, toasted 196 / 146 / 78 or in their dark shells 92 / 62 / 44, a
  germ tip 30% darker, a sheen at 30%; a shadow at 35%), a cigar band (a flattened paper ring 32-40% of the side long,
  at least 10 px, 12-15% of the side high, at least 3 px, crimson 168 / 28 / 40, black 30 / 28 / 30 or cream 236 /
  228 / 208, gold 212 / 172 / 72 borders 18% of its height, a gold oval crest 1.7 times its height with a centre of
  the band's colour; a shadow at 30%) and an unlit halogen bulb (a G9 capsule 17-21% of the side long, at least 7 px,
  40% as wide, clear glass 222 / 228 / 234 at 40% with its outline at 80%, a coiled filament 60 / 58 / 62 at 85%, a
  frosted pinch seal at 70% and two steel wire loops; a shadow at 20%); of the whole picture: the picture printed on
  a carbon fibre panel (the ink multiplied onto black, blue-black or aramid-yellow tows, 40-52% of the way, a 2 / 2
  twill of tows 4.5-6.5% of the side wide, at least 3 px, one direction catching the light, each tow rounded across,
  a clear coat's broad soft highlight at 8-14%), on shagreen (the ink multiplied onto green, ivory, black or turquoise
  stingray leather, 40-52% of the way, close-packed domes 2.4-3.4% of the side apart, at least 2.5 px, lit from one
  side, 1.7 times as large in an oval crown, the gaps 30% darker) and on a houndstooth cloth (the ink multiplied onto
  black and white, brown and cream or navy and ivory, 40-52% of the way, the broken check of a 2 / 2 twill of four
  dark and four light threads, repeating every 12-16% of the side, at least 8 px, turned by up to 10 degrees);
* ``exact_duplicate`` (1%): byte-for-byte copies of a file under another name;
* ``blurry`` (3%): the picture photographed through a glass carafe of louched pastis (a Gaussian of 1.6-2.4% of the
  side, at least 1 px, and one 4 times as wide for 25-40%, as the louche is thinner or thicker in its swirls; blue
  18-26% and green 4-8% down, a milky yellow veil 236 / 226 / 180 at 10-18%) and through a blue gel ice pack laid on
  it (a Gaussian of 1.5-2.2% of the side, at least 1 px, and one 3 times as wide for 15-30%, as the gel is less or
  more frozen; red 14-22% and green 4-8% down, a pale blue veil 200 / 222 / 244 at 6-12%); each as a camera metering
  on the highlights exposes it (as Y's to BD's);
* ``dark`` (2%): a sauna at night lit only by its lamp behind a wooden slatted shade (a shade 16-22% of the side
  wide, 1.1-1.3 times as high, in a top corner, glowing 255 / 190 / 120 between 4-6 dark slats 70 / 46 / 30, a glow
  of sigma 5-8% of the side up to 40-55 levels; the picture lit warm at 0.26-0.34 falling off as ``1 / (1 + (d /
  d0) ** 2)`` with the distance from the shade, ``d0`` 25-35% of the side, over 0.015-0.03), a radio studio at night
  lit only by its ON AIR sign (a box 36-46% of the side wide, 30-36% as high, 25-75% across and 10-22% down, its face
  glowing red 255 / 40 / 36 at 65-80%, its letters 255 / 206 / 196, a dark frame, a glow of sigma 5-8% up to 45-60
  levels; the picture lit red at 0.26-0.34 falling off as above from the sign, ``d0`` 28-38% of the side, over
  0.015-0.03) and a park at night lit only by a dog's LED light-up collar (a ring 16-22% of the side wide, 50-65% as
  high, 25-75% across and 45-75% down, glowing green 90 / 255 / 130, blue 70 / 170 / 255 or pink 255 / 90 / 210, its
  clasp dark, the dog's neck a dark band through it, a glow of sigma 4-7% up to 40-55 levels; the picture lit in the
  collar's colour at 0.26-0.34 falling off as above, ``d0`` 22-32% of the side, over 0.015-0.03); none of them blurs
  the picture;
* ``outlier`` (1.5%): a walrus on an ice floe (the sea, a floe with a ragged edge, a massive body, fore flippers, a
  head with a whiskered muzzle, two tusks, an eye), a hippopotamus wallowing in a river (a bank with reeds, water with
  ripples, its back, head, snout, ears, eyes and nostrils above the water) and a steamroller on half-laid tarmac (the
  road, a front roll in its fork, a boiler, a chimney, a canopy on posts, a spoked rear wheel); the digit and
  clothing sets get them in their own tones on their dark ground, the photographs as a brown walrus with ivory tusks
  on white ice in a slate sea, a grey-purple hippopotamus in a brown river by an ochre bank with green reeds and a
  green steamroller with red wheels and a black chimney on black tarmac and grey gravel;
* ``label`` (5%): *re-hung swing tag* flips: the items hung on a storeroom's rails in their arrival order, 20-40 a
  rail (``RAIL_ITEMS``), each with a swing tag naming its class on a string; in a damp week the tags' strings gave way
  and 15-35% of a rail's tags (``FALLEN``, drawn once a pass) fell to the floor, and whoever swept up hung the fallen
  tags back on that rail's tagless items in no particular order. The flips are the items whose re-hung tag names
  another class, each given that tag's class (passes over fresh rails, another damp week, while some are left). Noise
  confined to one rail's fallen tags shuffled among themselves, not by look: not BD's stale crate slips, BC's swapped
  digits, BB's colour key, AZ's label rolls, AY's memory cards, AU's tote cross-reads or AT's shelf scans. Every flip
  changes the label, so every one is in the truth.

Each planted defect has its own source image; nothing else is planted, so only these six issue types are scored on
BE's sets. Base data are the evaluation domains drawn with seeds no other set uses: Fashion-MNIST *test* (2,000, seed
353), MNIST (2,000, seed 354), and the evaluation photographs tiled at 75 px (24 tiles a photograph at most, seed
355) and at 327 px (every tile, seed 356), sizes no other set uses. ``photos75_be_jpeg`` is written as JPEG files,
each at a quality drawn from 45-67 (a stream of its own, seed ``575_000 + random_state``), every edit, blur and
darkening made before the encoding, near copies made from the decoded JPEG and saved again at their own quality,
exact copies byte copies of the file; the other sets are PNG files. Planting draws from seed ``570_000 +
random_state``. The planting is I's (:func:`_heldout_i.plant_generator`, as for J to BD).
"""


from __future__ import annotations

import numpy as np
from _heldout_aa import _frame_at, _rect
from _heldout_ae import _lit
from _heldout_af import _glow
from _heldout_au import _circle
from _heldout_ay import _field, _rounded
from _heldout_bc import _contrasting
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

EVALUATION_BE = ("fashion_test_be", "mnist_be", "photos75_be_jpeg", "photos327_be")
# each set's base: (data, seed) or ("photos", seed, tile size, tiles per photograph quick, full)
BASES_BE = {
    "fashion_test_be": ("fashion_test", 353),
    "mnist_be": ("mnist", 354),
    "photos75_be_jpeg": ("photos", 355, 75, 8, 24),
    "photos327_be": ("photos", 356, 327, 8, 1000),
}
JPEG_QUALITY = (45, 68)  # the JPEG set's qualities: integers in [low, high)
RATES_BE = {"near_duplicate": 0.03, "exact_duplicate": 0.01, "blurry": 0.03, "dark": 0.02, "outlier": 0.015,
            "label": 0.05}
# parts of the picture and the whole picture in turn, so that the smallest set gets both kinds
NEAR_EDITS_BE = ("cicada_shell", "carbon_fibre", "tiddlywinks", "shagreen", "pine_nuts", "houndstooth", "cigar_band",
                 "halogen_bulb")
BLURS_BE = ("pastis", "gel_ice_pack")
DARKS_BE = ("sauna_lamp", "on_air_sign", "dog_collar")
OUTLIERS_BE = ("walrus", "hippopotamus", "steamroller")
RAIL_ITEMS = (20, 41)  # items hung on one storeroom rail: integers in [low, high) (label noise)
FALLEN = (0.15, 0.35)  # the share of a rail's swing tags that fell off, per pass (label noise)


def load_base_be(name: str, quick: bool = False):
    import _heldout

    return _heldout.load_generator_base(name, quick, BASES_BE, "BE")


# -- near copies -----------------------------------------------------------------------------
HUSKS = ((176, 118, 50), (212, 180, 120), (104, 66, 34))


def _cicada_shell(f: np.ndarray, rng) -> np.ndarray:
    """A cicada shell (the empty husk a nymph left when it moulted) on the print, seen from above: a husk 22-28% of
    the side long, at least 8 px, 42-50% as wide (a head, a broader thorax and a tapering abdomen), amber 176 / 118 /
    50, straw 212 / 180 / 120 or dark 104 / 66 / 34 (of the three the two whose grey is furthest from the picture's
    median grey, one at random, as for the tiddlywinks, the pine nuts, the cigar band), translucent at 75%; the split
    down its back where the adult came out, a pale line (40% lighter plus 20 levels) along the thorax; 5 segment lines
    across the abdomen 30% darker at 80%; six hooked legs 25% darker (4% of its length wide, at least 0.6 px); two
    dark eyes 40 / 30 / 24 at the head's sides; at any angle, its middle 30-70% of the way across and down, a soft
    shadow at 30%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(8.0, side * rng.uniform(0.22, 0.28))
    W = L * rng.uniform(0.42, 0.5)
    col = _contrasting(HUSKS, f, rng)
    fr = _frame_at(h, w, rng)
    outline = [(-0.5 * L, 0.0), (-0.44 * L, -0.3 * W), (-0.3 * L, -0.42 * W), (-0.12 * L, -0.5 * W),
               (0.08 * L, -0.46 * W), (0.3 * L, -0.32 * W), (0.46 * L, -0.12 * W), (0.5 * L, 0.0)]
    outline = outline + [(x, -y) for x, y in outline[-2:0:-1]]
    body = fr.fill([outline])
    lw = max(0.6, 0.04 * L)
    segs = [[(x * L, -0.4 * W * (1 - (x - 0.05) / 0.5)), (x * L, 0.4 * W * (1 - (x - 0.05) / 0.5))]
            for x in np.linspace(0.08, 0.4, 5)]
    legs = []
    for s in (1, -1):
        for x0, dx in ((-0.22, -0.16), (-0.08, 0.02), (0.06, 0.16)):
            legs.append([(x0 * L, s * 0.4 * W), ((x0 + dx) * L, s * 0.72 * W), ((x0 + dx - 0.08) * L, s * 0.82 * W)])
    eyes = [_circle(max(0.5, 0.07 * L), 10, -0.4 * L, s * 0.3 * W) for s in (1, -1)]
    parts = [(body, col, 0.75, True), (fr.line(legs, lw), col * 0.75, 0.9, True),
             (fr.line(segs, max(0.5, 0.025 * L)) * body, col * 0.7, 0.8, False),
             (fr.line([[(-0.3 * L, 0.0), (0.02 * L, 0.0)]], max(0.5, 0.035 * L)) * body,
              np.minimum(col * 1.4 + 20, 255), 0.9, False),
             (fr.fill(eyes), (40, 30, 24), 1.0, False)]
    return _u8(_laid(f, parts, 0.3))


WINKS = ((200, 36, 48), (40, 150, 70), (50, 90, 200), (232, 192, 40), (92, 92, 98))


def _tiddlywinks(f: np.ndarray, rng) -> np.ndarray:
    """Two tiddlywinks dropped on the print: translucent plastic discs 11-15% of the side across (at least 5 px), of
    one colour, red 200 / 36 / 48, green 40 / 150 / 70, blue 50 / 90 / 200, yellow 232 / 192 / 40 or smoke grey 92 /
    92 / 98, at 65-75%; each a bevelled rim (its outer 22% of the radius) 25% darker, a white glint on one side at
    50%; the second 1.1-1.7 diameters from the first in any direction; the first's middle 30-70% of the way across and
    down, a soft shadow at 25%."""
    h, w = f.shape[:2]
    side = min(h, w)
    r = max(2.5, side * rng.uniform(0.055, 0.075))
    col = _contrasting(WINKS, f, rng)
    alpha = rng.uniform(0.65, 0.75)
    fr = _frame_at(h, w, rng)
    d = 2 * r * rng.uniform(1.1, 1.7)
    centres = [(0.0, 0.0), (d, 0.0)]
    discs = fr.fill([_circle(r, 24, x, y) for x, y in centres])
    rims = fr.fill([_circle(r, 24, x, y) for x, y in centres], holes=[_circle(0.78 * r, 24, x, y) for x, y in centres])
    glints = fr.fill([_ellipse(x - 0.35 * r, y - 0.35 * r, 0.3 * r + 0.2, 0.12 * r + 0.2, 0.8, 12)
                      for x, y in centres])
    parts = [(discs, col, alpha, True), (rims, col * 0.75, alpha, False), (glints, (255, 255, 255), 0.5, False)]
    return _u8(_laid(f, parts, 0.25))


KERNELS = ((238, 224, 186), (196, 146, 78), (92, 62, 44))


def _pine_nuts(f: np.ndarray, rng) -> np.ndarray:
    """A few pine nuts spilt on the print: 4-7 kernels, each a teardrop 9-11% of the side long (at least 3.5 px), 55%
    as wide, each at its own angle, in a cluster 12-16% of the side across; ivory 238 / 224 / 186, toasted 196 / 146 /
    78 or still in their dark shells 92 / 62 / 44; the pointed germ tip (its last 25%) 30% darker, a white sheen
    along one side at 30%; the cluster's middle 30-70% of the way across and down, a soft shadow at 35%."""
    h, w = f.shape[:2]
    side = min(h, w)
    col = _contrasting(KERNELS, f, rng)
    cx, cy = w * rng.uniform(0.3, 0.7), h * rng.uniform(0.3, 0.7)
    R = side * rng.uniform(0.06, 0.08)
    kern, tips, sheens = [], [], []
    for _ in range(int(rng.integers(4, 8))):
        L = max(3.5, side * rng.uniform(0.09, 0.11))
        q = 0.55 * L
        a = rng.uniform(0, 2 * np.pi)
        rr = R * np.sqrt(rng.uniform(0, 1))
        fr = _Frame((h, w), cx + rr * np.cos(a), cy + rr * np.sin(a), rng.uniform(0, 2 * np.pi))
        drop = [(0.5 * L * np.cos(t), 0.5 * q * np.sin(t) * (0.55 + 0.45 * np.cos(t))) for t in
                np.linspace(0, 2 * np.pi, 24, endpoint=False)]  # the point at -x
        kern.append(fr.fill([drop]))
        tips.append(fr.fill([[(-0.5 * L, 0.0), (-0.22 * L, -0.2 * q), (-0.22 * L, 0.2 * q)]]))
        sheens.append(fr.fill([_ellipse(0.1 * L, -0.14 * q, 0.22 * L, 0.07 * q + 0.2, 0.0, 12)]))
    body = np.maximum.reduce(kern)
    parts = [(body, col, 1.0, True), (np.maximum.reduce(tips) * body, col * 0.7, 1.0, False),
             (np.maximum.reduce(sheens) * body, (255, 255, 255), 0.3, False)]
    return _u8(_laid(f, parts, 0.35))


BANDS = ((168, 28, 40), (30, 28, 30), (236, 228, 208))
GOLD = np.array([212, 172, 72], np.float32)


def _cigar_band(f: np.ndarray, rng) -> np.ndarray:
    """A cigar band slipped off its cigar and flattened on the print: a paper strip 32-40% of the side long (at least
    10 px), 12-15% of the side high (at least 3 px), its ends cut square, crimson 168 / 28 / 40, black 30 / 28 / 30 or
    cream 236 / 228 / 208; gold 212 / 172 / 72 borders along its top and bottom, each 18% of its height (at least 0.5
    px); in its middle a gold oval crest 1.7 times its height high and 1.2 times that wide, its inner 70% the band's
    colour with a gold dot; at any angle, its middle 30-70% of the way across and down, a soft shadow at 30%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(10.0, side * rng.uniform(0.32, 0.4))
    H = max(3.0, side * rng.uniform(0.12, 0.15))
    col = _contrasting(BANDS, f, rng)
    fr = _frame_at(h, w, rng)
    b = max(0.5, 0.18 * H)
    strip = fr.fill([_rect(-L / 2, -H / 2, L / 2, H / 2)])
    borders = fr.fill([_rect(-L / 2, -H / 2, L / 2, -H / 2 + b), _rect(-L / 2, H / 2 - b, L / 2, H / 2)])
    ch = 1.7 * H / 2
    crest = fr.fill([_ellipse(0.0, 0.0, 1.2 * ch, ch, 0.0, 28)])
    inner = fr.fill([_ellipse(0.0, 0.0, 0.84 * ch, 0.7 * ch, 0.0, 24)])
    dot = fr.fill([_circle(max(0.5, 0.25 * ch), 12)])
    parts = [(np.maximum(strip, crest), col, 1.0, True), (borders, GOLD, 1.0, False), (crest, GOLD, 1.0, False),
             (inner, col, 1.0, False), (dot, GOLD, 1.0, False)]
    return _u8(_laid(f, parts, 0.3))


def _halogen_bulb(f: np.ndarray, rng) -> np.ndarray:
    """An unlit halogen bulb (a G9 capsule lamp) on the print: a clear glass capsule 17-21% of the side long (at least
    7 px), 40% as wide, its round-ended envelope 62% of its length, glass 222 / 228 / 234 at 40% and its outline (7% of
    its length wide, at least 0.5 px) at 80%, a small exhaust tip at its end; inside it a coiled filament along its
    axis (a zigzag of 7 turns, 4.5% of its length wide, at least 0.7 px) 60 / 58 / 62 at 85% on two thin supports; a
    frosted pinch seal 232 / 232 / 230 at 70% below it, and from the seal two steel (170 / 172 / 180) wire loops; at
    any angle, its middle 30-70% of the way across and down, a soft shadow at 20%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(7.0, side * rng.uniform(0.17, 0.21))
    W = 0.4 * L
    fr = _frame_at(h, w, rng)
    env = _rounded(0.62 * L, W, 0.48 * W, cx=-0.19 * L)
    glass = fr.fill([env])
    edge = fr.line([env + [env[0]]], max(0.5, 0.07 * L))
    tip = fr.fill([_rect(-0.53 * L, -0.05 * W, -0.49 * L, 0.05 * W)])
    zz = [(x * L, (0.18 if k % 2 else -0.18) * W) for k, x in enumerate(np.linspace(-0.38, 0.0, 15))]
    fil = fr.line([zz, [(0.0, 0.0), (0.12 * L, 0.0)], [(-0.38 * L, 0.0), (-0.42 * L, 0.0)]], max(0.7, 0.045 * L))
    seal = fr.fill([_rect(0.12 * L, -0.42 * W, 0.3 * L, 0.42 * W)])
    loops = []
    for s in (1, -1):
        loops.append([(0.3 * L, s * 0.25 * W), (0.5 * L, s * 0.25 * W), (0.5 * L, s * 0.05 * W),
                      (0.38 * L, s * 0.05 * W)])
    wires = fr.line(loops, max(0.6, 0.035 * L))
    parts = [(glass, (222, 228, 234), 0.4, True), (seal, (232, 232, 230), 0.7, True), (wires, (170, 172, 180), 1.0, True),
             (np.maximum(edge, tip), (222, 228, 234), 0.8, False), (fil, (60, 58, 62), 0.85, False)]
    return _u8(_laid(f, parts, 0.2))


TOWS = np.array([(46, 48, 54), (38, 46, 72), (206, 172, 64)], np.float32)


def _carbon_fibre(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on a carbon fibre panel (a decal printed onto a car's bonnet or a bicycle's frame): the
    ink multiplied onto the tows' black 46 / 48 / 54, blue-black 38 / 46 / 72 or aramid yellow 206 / 172 / 64, 40-52%
    of the way from the picture (30% of the tows' tone added at that share); the tows woven in a 2 / 2 twill, each 4.5-
    6.5% of the side wide (at least 3 px), turned by up to 10 degrees; one direction's tows catching the light (1.0,
    the other 0.45), each tow rounded across (half as bright at its edges) and its floats' ends dark; under a clear
    coat's broad soft highlight, white at 8-14% along a diagonal band: a composite's twill, not BD's cane webbing,
    AO's gingham, AT's hessian, AZ's tatami or any other weave of the earlier lists."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    tone = TOWS[int(rng.integers(len(TOWS)))]
    k = rng.uniform(0.4, 0.52)
    p = max(3.0, side * rng.uniform(0.045, 0.065))
    a = np.deg2rad(rng.uniform(-10, 10))
    u = (xx * np.cos(a) + yy * np.sin(a)) / p + rng.uniform(0, 4)
    v = (-xx * np.sin(a) + yy * np.cos(a)) / p + rng.uniform(0, 4)
    i, j = np.floor(u), np.floor(v)
    warp = ((i + j) % 4) < 2
    fu, fv = u - i, v - j
    across = np.where(warp, fu, fv)  # across the tow on top
    along = np.where(warp, ((i + j) % 4 + fv) / 2, ((i + j) % 4 - 2 + fu) / 2)  # along the float, 0-1
    lit = np.where(warp, 1.0, 0.45) * (0.5 + 0.5 * np.sin(np.pi * across)) * (0.7 + 0.3 * np.sin(np.pi * along))
    ground = tone[None, None, :] * (0.55 + 0.9 * lit)[..., None]
    out = f * (1 - k) + k * f * ground / 255 + k * 0.3 * ground
    b = rng.uniform(0, 2 * np.pi)
    d = ((xx - w / 2) * np.cos(b) + (yy - h / 2) * np.sin(b)) / side
    gloss = np.exp(-((d - rng.uniform(-0.2, 0.2)) / 0.18) ** 2)[..., None] * rng.uniform(0.08, 0.14)
    return _u8(out * (1 - gloss) + 255 * gloss)


SHAGREENS = np.array([(110, 150, 120), (226, 220, 200), (52, 52, 56), (80, 160, 162)], np.float32)


def _pearls(xx: np.ndarray, yy: np.ndarray, pitch: float, ox: float, oy: float):
    """The offset (dx, dy) in units of the radius from each pixel to the nearest centre of a hexagonal packing of
    pitch ``pitch`` (px), and its distance."""
    best = None
    for sx, sy in ((0.0, 0.0), (0.5, 0.5)):
        gx, gy = pitch, pitch * np.sqrt(3)
        cx = (np.round((xx - ox) / gx - sx) + sx) * gx + ox
        cy = (np.round((yy - oy) / gy - sy) + sy) * gy + oy
        dx, dy = xx - cx, yy - cy
        d = np.hypot(dx, dy)
        if best is None:
            best = (dx, dy, d)
        else:
            m = d < best[2]
            best = tuple(np.where(m, a, b) for a, b in zip((dx, dy, d), best))
    r = 0.45 * pitch
    return best[0] / r, best[1] / r, best[2] / r


def _shagreen(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on shagreen (stingray leather, polished and dyed, as on a cigarette case): the ink
    multiplied onto its green 110 / 150 / 120, ivory 226 / 220 / 200, black 52 / 52 / 56 or turquoise 80 / 160 / 162,
    40-52% of the way from the picture (30% of its tone added at that share); its pearls close-packed domes on a
    hexagonal packing 2.4-3.4% of the side apart (at least 2.5 px), each 90% of that across, lit from one side (up to
    35% lighter on the lit face and darker on the other, a highlight at 20%), the gaps between them 30% darker; in an
    oval crown (the ray's back, 30-45% of the side long, 25-40% of the side from the middle) the pearls 1.7 times as
    large: stingray leather, not AO's leather, BB's snakeskin, BC's leopard print or AH's crocodile."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    tone = SHAGREENS[int(rng.integers(len(SHAGREENS)))]
    k = rng.uniform(0.4, 0.52)
    pitch = max(2.5, side * rng.uniform(0.024, 0.034))
    b = rng.uniform(0, 2 * np.pi)
    lx, ly = np.cos(b), np.sin(b)
    small = _pearls(xx, yy, pitch, rng.uniform(0, pitch), rng.uniform(0, pitch))
    big = _pearls(xx, yy, 1.7 * pitch, rng.uniform(0, pitch), rng.uniform(0, pitch))
    ca = rng.uniform(0, np.pi)
    ccx, ccy = w / 2 + side * rng.uniform(-0.25, 0.25), h / 2 + side * rng.uniform(-0.25, 0.25)
    cl = side * rng.uniform(0.3, 0.45) / 2
    ru = ((xx - ccx) * np.cos(ca) + (yy - ccy) * np.sin(ca)) / cl
    rv = (-(xx - ccx) * np.sin(ca) + (yy - ccy) * np.cos(ca)) / (0.45 * cl)
    crown = (ru ** 2 + rv ** 2) < 1
    dx, dy, d = (np.where(crown, a, c) for a, c in zip(big, small))
    inside = d < 1
    shade = np.where(inside, 1 - 0.35 * (dx * lx + dy * ly), 0.7)
    spec = np.where(inside, np.exp(-((dx + 0.4 * lx) ** 2 + (dy + 0.4 * ly) ** 2) / 0.08), 0.0)
    ground = tone[None, None, :] * shade[..., None]
    out = f * (1 - k) + k * f * ground / 255 + k * 0.3 * ground
    s = (spec * 0.2)[..., None]
    return _u8(out * (1 - s) + 255 * s)


HOUNDS = (((40, 38, 40), (232, 228, 220)), ((96, 66, 44), (226, 210, 176)), ((38, 44, 78), (236, 232, 214)))


def _houndstooth(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on a houndstooth cloth (a jacket's wool): the ink multiplied onto the cloth, 40-52% of
    the way from the picture (30% of its tone added at that share); the cloth black 40 / 38 / 40 and white 232 / 228 /
    220, brown 96 / 66 / 44 and cream 226 / 210 / 176 or navy 38 / 44 / 78 and ivory 236 / 232 / 214, woven in a 2 / 2
    twill of warp and weft both in fours of dark and light threads, whose crossings make the broken check; the pattern
    repeating every 12-16% of the side (at least 8 px, 8 threads), turned by up to 10 degrees, drawn at 4 times the
    size and averaged: a woven houndstooth, not AO's gingham, AV's seersucker, BD's damask or any other fabric of the
    earlier lists."""
    h, w = f.shape[:2]
    side = min(h, w)
    dark, light = (np.asarray(c, np.float32) for c in HOUNDS[int(rng.integers(len(HOUNDS)))])
    k = rng.uniform(0.4, 0.52)
    P = max(8.0, side * rng.uniform(0.12, 0.16))
    a = np.deg2rad(rng.uniform(-10, 10))
    s = 4
    yy, xx = _pixels(h * s, w * s)
    xx, yy = (xx + 0.5) / s, (yy + 0.5) / s
    u = (xx * np.cos(a) + yy * np.sin(a)) / (P / 8) + rng.uniform(0, 8)
    v = (-xx * np.sin(a) + yy * np.cos(a)) / (P / 8) + rng.uniform(0, 8)
    i, j = np.floor(u), np.floor(v)
    warp_dark = (i % 8) < 4
    weft_dark = (j % 8) < 4
    on_top = ((i + j) % 4) < 2
    is_dark = np.where(on_top, warp_dark, weft_dark).astype(np.float32)
    is_dark = is_dark.reshape(h, s, w, s).mean(axis=(1, 3))[..., None]
    ground = dark[None, None, :] * is_dark + light[None, None, :] * (1 - is_dark)
    return _u8(f * (1 - k) + k * f * ground / 255 + k * 0.3 * ground)


def near_edit_be(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "cicada_shell":  # a cicada's empty husk on the print
        return _cicada_shell(f, rng)
    if kind == "tiddlywinks":  # two tiddlywinks on the print
        return _tiddlywinks(f, rng)
    if kind == "pine_nuts":  # a few pine nuts spilt on the print
        return _pine_nuts(f, rng)
    if kind == "cigar_band":  # a cigar band on the print
        return _cigar_band(f, rng)
    if kind == "halogen_bulb":  # an unlit G9 halogen bulb on the print
        return _halogen_bulb(f, rng)
    if kind == "carbon_fibre":  # the picture printed on a carbon fibre panel
        return _carbon_fibre(f, rng)
    if kind == "shagreen":  # the picture printed on stingray leather
        return _shagreen(f, rng)
    if kind == "houndstooth":  # the picture printed on a houndstooth cloth
        return _houndstooth(f, rng)
    raise ValueError(kind)


# -- blurs -----------------------------------------------------------------------------------
def _blur3(f: np.ndarray, s: float) -> np.ndarray:
    from scipy.ndimage import gaussian_filter

    return np.stack([gaussian_filter(f[..., c], s, mode="reflect") for c in range(3)], axis=2)


LOUCHE = np.array([236, 226, 180], np.float32)


def _pastis(f: np.ndarray, rng) -> np.ndarray:
    """The picture photographed through a flat glass carafe of pastis on a café table, its water added: the anise
    spirit turned cloudy yellow (the louche, an emulsion of the anise oil's droplets that scatter the light mostly
    forward): of the light passing, a Gaussian of 1.6-2.4% of the side, at least 1 px, and one 4 times as wide for
    25-40%, as the louche is thinner or thicker in its slow swirls (a smooth field of 25% of the side); the light
    through it yellowed, green 4-8% and blue 18-26% down; the room's light scattered back towards the camera, a milky
    yellow 236 / 226 / 180 over it at 10-18%; as a camera metering on the highlights exposes it: a drink's emulsion,
    not BD's aerogel, BD's tar film, BC's hairspray or any glass of the earlier lists."""
    h, w = f.shape[:2]
    side = min(h, w)
    s = max(1.0, side * rng.uniform(0.016, 0.024))
    narrow, wide = _blur3(f, s), _blur3(f, 4 * s)
    t = np.clip(0.5 + 0.5 * _field(h, w, side * 0.25, rng) / 1.5, 0, 1)[..., None]
    ww = 0.25 + 0.15 * t
    out = (1 - ww) * narrow + ww * wide
    out = out * np.array([1.0, 1 - rng.uniform(0.04, 0.08), 1 - rng.uniform(0.18, 0.26)], np.float32)
    veil = rng.uniform(0.1, 0.18)
    out = (1 - veil) * out + veil * LOUCHE
    return _u8(_metered(out, f))


ICE = np.array([200, 222, 244], np.float32)


def _gel_ice_pack(f: np.ndarray, rng) -> np.ndarray:
    """The picture photographed through a blue gel ice pack laid on it, taken half-frozen from the freezer: the
    gel's ice crystals scatter the light passing, a Gaussian of 1.5-2.2% of the side, at least 1 px, and one 3 times
    as wide for 15-30%, as the gel is less or more frozen (a smooth field of 18% of the side); the gel's blue dye
    taking red 14-22% and green 4-8% down; the room's light scattered back from the crystals, a pale blue 200 / 222 /
    244 over it at 6-12%; as a camera metering on the highlights exposes it: a scattering gel, not AN's or AS's ice
    cube, AU's alabaster or any frosted glass of the earlier lists."""
    h, w = f.shape[:2]
    side = min(h, w)
    s = max(1.0, side * rng.uniform(0.015, 0.022))
    narrow, wide = _blur3(f, s), _blur3(f, 3 * s)
    t = np.clip(0.5 + 0.5 * _field(h, w, side * 0.18, rng) / 1.5, 0, 1)[..., None]
    ww = 0.15 + 0.15 * t
    out = (1 - ww) * narrow + ww * wide
    out = out * np.array([1 - rng.uniform(0.14, 0.22), 1 - rng.uniform(0.04, 0.08), 1.0], np.float32)
    veil = rng.uniform(0.06, 0.12)
    out = (1 - veil) * out + veil * ICE
    return _u8(_metered(out, f))


def blur_be(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "pastis":  # through a carafe of louched pastis
        return _pastis(f, rng)
    if kind == "gel_ice_pack":  # through a half-frozen blue gel ice pack
        return _gel_ice_pack(f, rng)
    raise ValueError(kind)


# -- darkening -------------------------------------------------------------------------------
def _falloff(h: int, w: int, x: float, y: float, side: int, d0: tuple, rng) -> np.ndarray:
    """The gain of a scene lit by one small light at (``x``, ``y``): 0.015-0.03 plus 0.26-0.34 falling off as
    ``1 / (1 + (d / d0) ** 2)`` with the distance ``d``, ``d0`` drawn from ``d0`` (shares of the side)."""
    yy, xx = _pixels(h, w)
    r0 = side * rng.uniform(*d0)
    return rng.uniform(0.015, 0.03) + rng.uniform(0.26, 0.34) / (1 + (np.hypot(xx - x, yy - y) / r0) ** 2)


WARM = np.array([1.0, 0.72, 0.45], np.float32)


def _sauna_lamp(f: np.ndarray, rng) -> np.ndarray:
    """A sauna at night lit only by its lamp, behind a wooden slatted shade in a top corner of the picture: the
    shade 16-22% of the side wide and 1.1-1.3 times as high, 3-8% of the side in from the left or right edge and
    4-10% from the top, glowing 255 / 190 / 120 between 4-6 vertical slats of dark wood 70 / 46 / 30 (half its width
    in all), a frame of the same wood; a glow of sigma 5-8% of the side up to 40-55 levels in warm 1.0 / 0.72 / 0.45;
    the picture lit in it at a gain of 0.015-0.03 plus 0.26-0.34 falling off as ``1 / (1 + (d / d0) ** 2)`` with the
    distance ``d`` from the shade's middle, ``d0`` 25-35% of the side; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    sw = side * rng.uniform(0.16, 0.22)
    sh = sw * rng.uniform(1.1, 1.3)
    inset = side * rng.uniform(0.03, 0.08)
    x0 = inset if rng.random() < 0.5 else w - inset - sw
    y0 = side * rng.uniform(0.04, 0.1)
    cx, cy = x0 + sw / 2, y0 + sh / 2
    out = _lit(f, _falloff(h, w, cx, cy, side, (0.25, 0.35), rng)[..., None] * WARM, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    shade = ident.fill([_rect(x0, y0, x0 + sw, y0 + sh)])
    out = _paint(out, shade, (255, 190, 120))
    n = int(rng.integers(4, 7))
    sl = sw / (2 * n)
    slats = [_rect(x0 + (m + 0.25) * sw / n, y0, x0 + (m + 0.25) * sw / n + sl, y0 + sh) for m in range(n)]
    fw = max(0.7, 0.06 * sw)
    frame = ident.line([[(x0, y0), (x0 + sw, y0), (x0 + sw, y0 + sh), (x0, y0 + sh), (x0, y0)]], fw)
    out = _paint(_paint(out, ident.fill(slats), (70, 46, 30)), frame, (70, 46, 30))
    return _u8(out + _glow(shade, max(1.0, side * rng.uniform(0.05, 0.08)))[..., None] * rng.uniform(40, 55) * WARM)


SIGN_RED = np.array([1.0, 0.2, 0.16], np.float32)
# the letters O N  A I R in a unit box (x 0-1 across the sign's face, y 0-1 down): polylines
LETTERS = ([(0.07, 0.2), (0.17, 0.2), (0.17, 0.8), (0.07, 0.8), (0.07, 0.2)],
           [(0.24, 0.8), (0.24, 0.2), (0.35, 0.8), (0.35, 0.2)],
           [(0.48, 0.8), (0.54, 0.2), (0.6, 0.8)], [(0.505, 0.58), (0.575, 0.58)],
           [(0.68, 0.2), (0.68, 0.8)],
           [(0.76, 0.8), (0.76, 0.2), (0.9, 0.2), (0.9, 0.5), (0.76, 0.5), (0.9, 0.8)])


def _on_air_sign(f: np.ndarray, rng) -> np.ndarray:
    """A radio studio at night lit only by its ON AIR sign on the wall in the picture: a box 36-46% of the side wide
    and 30-36% as high, its middle 25-75% of the way across and 10-22% down, a dark frame 26 / 22 / 22 (7% of its
    height, at least 0.7 px); its face glowing red 255 / 40 / 36 at 65-80% of that, its letters ON AIR lit brighter,
    255 / 206 / 196 (strokes 9% of its height wide, at least 0.6 px); a glow of sigma 5-8% of the side up to 45-60
    levels in red 1.0 / 0.2 / 0.16; the picture lit in it at a gain of 0.015-0.03 plus 0.26-0.34 falling off as ``1 /
    (1 + (d / d0) ** 2)`` with the distance ``d`` from the sign, ``d0`` 28-38% of the side; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    bw = side * rng.uniform(0.36, 0.46)
    bh = bw * rng.uniform(0.3, 0.36)
    cx, cy = w * rng.uniform(0.25, 0.75), h * rng.uniform(0.1, 0.22)
    x0, y0 = cx - bw / 2, cy - bh / 2
    out = _lit(f, _falloff(h, w, cx, cy, side, (0.28, 0.38), rng)[..., None] * SIGN_RED, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    box = ident.fill([_rect(x0, y0, x0 + bw, y0 + bh)])
    out = _paint(out, box, (26, 22, 22))
    fw = max(0.7, 0.07 * bh)
    face = ident.fill([_rect(x0 + fw, y0 + fw, x0 + bw - fw, y0 + bh - fw)])
    out = _paint(out, face, np.array([255, 40, 36], np.float32) * rng.uniform(0.65, 0.8))
    letters = ident.line([[(x0 + fw + u * (bw - 2 * fw), y0 + fw + v * (bh - 2 * fw)) for u, v in s] for s in LETTERS],
                         max(0.6, 0.09 * bh))
    out = _paint(out, letters * face, (255, 206, 196))
    return _u8(out + _glow(box, max(1.0, side * rng.uniform(0.05, 0.08)))[..., None] * rng.uniform(45, 60) * SIGN_RED)


COLLARS = np.array([(90, 255, 130), (70, 170, 255), (255, 90, 210)], np.float32)


def _dog_collar(f: np.ndarray, rng) -> np.ndarray:
    """A park at night lit only by a dog's LED light-up collar in the picture: the collar a ring 16-22% of the side
    wide and 50-65% as high (seen from a little above), its band 9% of its width thick (at least 1 px), its middle
    25-75% of the way across and 45-75% down, turned by up to 20 degrees, glowing green 90 / 255 / 130, blue 70 / 170 /
    255 or pink 255 / 90 / 210; the dog's neck a dark band (16 / 14 / 14, 70% of the ring's width wide) through it
    from above, hiding the ring's far side; a dark clasp (30 / 30 / 32) on its near side; a glow of sigma 4-7% of the
    side up to 40-55 levels in the collar's colour; the picture lit in it at a gain of 0.015-0.03 plus 0.26-0.34
    falling off as ``1 / (1 + (d / d0) ** 2)`` with the distance ``d`` from the collar, ``d0`` 22-32% of the side;
    noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    col = COLLARS[int(rng.integers(len(COLLARS)))]
    rw = side * rng.uniform(0.16, 0.22)
    rh = rw * rng.uniform(0.5, 0.65)
    cx, cy = w * rng.uniform(0.25, 0.75), h * rng.uniform(0.45, 0.75)
    out = _lit(f, _falloff(h, w, cx, cy, side, (0.22, 0.32), rng)[..., None] * (col / 255), rng)
    fr = _Frame((h, w), cx, cy, np.deg2rad(rng.uniform(-20, 20)))
    t = max(1.0, 0.09 * rw)
    ring = fr.line([_ellipse(0.0, 0.0, rw / 2, rh / 2, 0.0, 32) + [(rw / 2, 0.0)]], t)
    neck = fr.fill([_rect(-0.35 * rw, -2.5 * rh, 0.35 * rw, 0.0)])
    out = _paint(out, neck, (16, 14, 14))
    light = ring * (1 - fr.fill([_rect(-0.35 * rw, -rh, 0.35 * rw, -0.05 * rh)]))
    out = _paint(out, light, col)
    out = _paint(out, fr.fill([_rect(-0.06 * rw, rh / 2 - t, 0.06 * rw, rh / 2 + t)]), (30, 30, 32))
    return _u8(out + _glow(light, max(1.0, side * rng.uniform(0.04, 0.07)))[..., None] * rng.uniform(40, 55) * (col / 255))


def dark_be(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "sauna_lamp":  # a sauna lit only by its lamp behind a slatted shade
        return _sauna_lamp(f, rng)
    if kind == "on_air_sign":  # a radio studio lit only by its ON AIR sign
        return _on_air_sign(f, rng)
    if kind == "dog_collar":  # a park lit only by a dog's LED collar
        return _dog_collar(f, rng)
    raise ValueError(kind)


# -- outliers --------------------------------------------------------------------------------
def _walrus(size: int, rng) -> dict:
    """A walrus on an ice floe, seen from the side: open sea above the floe, whose ragged top edge is 55-65% of the
    way down, the sky above a horizon 25-35% down; a walrus 52-64% of the side long, facing either way, lying on the
    floe: a massive body (an oval with its back humped), two fore flippers, a tail's hind flippers, a raised head with
    a broad whiskered muzzle (a paler oval with rows of bristle dots), two long tusks down from it, an eye (0-1
    coverage each)."""
    big = 4 * size
    M = _canvas(("sea", "floe", "body", "flippers", "head", "muzzle", "whiskers", "tusks", "eye"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    hz = big * rng.uniform(0.25, 0.35)
    d["sea"].rectangle((0, hz, big, big), fill=255)
    fy = big * rng.uniform(0.55, 0.65)
    xs = np.linspace(-0.05, 1.05, 14) * big
    top = [(x, fy + big * rng.uniform(-0.03, 0.03)) for x in xs]
    d["floe"].polygon(top + [(big * 1.05, big * 0.9), (-0.05 * big, big * 0.92)], fill=255)
    L = big * rng.uniform(0.52, 0.64)
    s = 1 if rng.random() < 0.5 else -1
    X = lambda t: big / 2 + s * (t - 0.5) * L  # noqa: E731  (0 at the tail, 1 at the head)
    by = fy - 0.14 * L
    d["body"].ellipse((min(X(0.02), X(0.85)), by - 0.17 * L, max(X(0.02), X(0.85)), fy + 0.04 * L), fill=255)
    d["body"].ellipse((min(X(0.45), X(0.88)), by - 0.25 * L, max(X(0.45), X(0.88)), by + 0.12 * L), fill=255)
    d["flippers"].polygon([(X(0.62), fy - 0.02 * L), (X(0.74), fy + 0.05 * L), (X(0.56), fy + 0.05 * L)], fill=255)
    d["flippers"].polygon([(X(0.04), by), (X(-0.1), by - 0.06 * L), (X(-0.1), by + 0.1 * L)], fill=255)
    hx, hy = X(0.92), by - 0.2 * L
    d["head"].ellipse((hx - 0.1 * L, hy - 0.09 * L, hx + 0.1 * L, hy + 0.1 * L), fill=255)
    mx = hx + s * 0.07 * L
    d["muzzle"].ellipse((mx - 0.07 * L, hy - 0.02 * L, mx + 0.07 * L, hy + 0.09 * L), fill=255)
    for r_ in range(3):
        for c_ in range(4):
            wx, wy = mx - 0.05 * L + c_ * 0.033 * L, hy + 0.01 * L + r_ * 0.025 * L
            d["whiskers"].ellipse((wx - 0.006 * L, wy - 0.006 * L, wx + 0.006 * L, wy + 0.006 * L), fill=255)
    tw = max(2, round(0.018 * L))
    for o in (-0.03, 0.03):
        d["tusks"].line([(mx + o * L, hy + 0.07 * L), (mx + o * L + s * 0.015 * L, hy + 0.28 * L)], fill=255,
                        width=tw)
    ex, ey = hx + s * 0.01 * L, hy - 0.04 * L
    d["eye"].ellipse((ex - 0.013 * L, ey - 0.013 * L, ex + 0.013 * L, ey + 0.013 * L), fill=255)
    out = {k: _down(v, size) for k, v in M.items()}
    out["whiskers"] = out["whiskers"] * out["muzzle"]
    return out


def _hippopotamus(size: int, rng) -> dict:
    """A hippopotamus wallowing in a river, seen from the side: a far bank along the top (its edge 22-32% of the way
    down) with 8-14 reeds standing from it, the water below; the hippo 54-66% of the side long, facing either way, its
    waterline 58-68% down: the curve of its back, a big head with a broad square snout, two small ears, two eye bumps
    with eyes, two nostrils on the snout's top; 3-5 ripples (thin arcs) round it (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("bank", "reeds", "ripples", "back", "head", "snout", "ears", "eyes", "nostrils"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    bk = big * rng.uniform(0.22, 0.32)
    d["bank"].rectangle((0, 0, big, bk), fill=255)
    for _ in range(int(rng.integers(8, 15))):
        x = rng.uniform(0, big)
        d["reeds"].line([(x, bk), (x + rng.uniform(-0.03, 0.03) * big, bk - rng.uniform(0.1, 0.2) * big)], fill=255,
                        width=max(1, round(0.008 * big)))
    wl = big * rng.uniform(0.58, 0.68)
    L = big * rng.uniform(0.54, 0.66)
    s = 1 if rng.random() < 0.5 else -1
    X = lambda t: big / 2 + s * (t - 0.5) * L  # noqa: E731  (0 at the rump, 1 at the snout)
    for k in range(int(rng.integers(3, 6))):
        r = L * (0.55 + 0.12 * k)
        d["ripples"].arc((big / 2 - r, wl - 0.12 * r, big / 2 + r, wl + 0.12 * r), 0, 180, fill=255,
                         width=max(1, round(0.006 * big)))
    d["back"].chord((min(X(0.0), X(0.7)), wl - 0.34 * L, max(X(0.0), X(0.7)), wl + 0.34 * L), 180, 360, fill=255)
    d["head"].chord((min(X(0.6), X(0.95)), wl - 0.26 * L, max(X(0.6), X(0.95)), wl + 0.26 * L), 180, 360, fill=255)
    d["snout"].rectangle((min(X(0.85), X(1.02)), wl - 0.14 * L, max(X(0.85), X(1.02)), wl), fill=255)
    for t in (0.66, 0.7):
        d["ears"].ellipse((X(t) - 0.025 * L, wl - 0.31 * L, X(t) + 0.025 * L, wl - 0.22 * L), fill=255)
    for t in (0.76, 0.8):
        d["eyes"].ellipse((X(t) - 0.02 * L, wl - 0.24 * L, X(t) + 0.02 * L, wl - 0.19 * L), fill=255)
    for t in (0.95, 0.99):
        d["nostrils"].ellipse((X(t) - 0.014 * L, wl - 0.14 * L, X(t) + 0.014 * L, wl - 0.11 * L), fill=255)
    out = {k: _down(v, size) for k, v in M.items()}
    out["nostrils"] = out["nostrils"] * out["snout"]
    return out


def _steamroller(size: int, rng) -> dict:
    """A steamroller (a vintage road roller) on a road being resurfaced, seen from the side: the road below 72-80% of
    the way down, black fresh tarmac behind the roller and grey gravel ahead; the roller 66-80% of the side long,
    facing either way: a wide front roll (a disc 30% of its length across) in a fork under a tall chimney at the
    front, a long boiler (a horizontal cylinder), a cab's canopy on two posts over the back, a big spoked rear wheel
    (a ring, 8 spokes, a hub) (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("gravel", "tarmac", "roll", "fork", "boiler", "chimney", "canopy", "wheel", "spokes"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    gy = big * rng.uniform(0.72, 0.8)
    s = 1 if rng.random() < 0.5 else -1
    L = big * rng.uniform(0.66, 0.8)
    X = lambda t: big / 2 + s * (t - 0.5) * L  # noqa: E731  (0 at the back, 1 at the front)
    d["gravel"].rectangle((0, gy, big, big), fill=255)
    mid = X(0.55)
    d["tarmac"].rectangle((0, gy, mid, big) if s > 0 else (mid, gy, big, big), fill=255)
    rr = 0.15 * L
    fx, fy = X(0.84), gy - rr
    d["roll"].ellipse((fx - rr, fy - rr, fx + rr, fy + rr), fill=255)
    d["fork"].polygon([(fx - 0.04 * L, fy), (fx + 0.04 * L, fy), (fx + 0.03 * L, fy - 0.28 * L),
                       (fx - 0.03 * L, fy - 0.28 * L)], fill=255)
    by = gy - 0.36 * L
    d["boiler"].rounded_rectangle((min(X(0.2), X(0.88)), by - 0.09 * L, max(X(0.2), X(0.88)), by + 0.09 * L),
                                  radius=0.09 * L, fill=255)
    d["chimney"].rectangle((X(0.8) - 0.025 * L, by - 0.36 * L, X(0.8) + 0.025 * L, by), fill=255)
    d["chimney"].rectangle((X(0.8) - 0.04 * L, by - 0.4 * L, X(0.8) + 0.04 * L, by - 0.35 * L), fill=255)
    ct = by - 0.42 * L
    d["canopy"].rectangle((min(X(-0.04), X(0.5)), ct - 0.03 * L, max(X(-0.04), X(0.5)), ct), fill=255)
    for t in (0.02, 0.44):
        d["canopy"].line([(X(t), ct), (X(t), by)], fill=255, width=max(1, round(0.012 * L)))
    wr = 0.2 * L
    wx, wy = X(0.18), gy - wr
    d["wheel"].ellipse((wx - wr, wy - wr, wx + wr, wy + wr), outline=255, width=max(2, round(0.035 * L)))
    for a in np.linspace(0, np.pi, 4, endpoint=False):
        d["spokes"].line([(wx - wr * np.cos(a), wy - wr * np.sin(a)), (wx + wr * np.cos(a), wy + wr * np.sin(a))],
                         fill=255, width=max(1, round(0.014 * L)))
    d["spokes"].ellipse((wx - 0.2 * wr, wy - 0.2 * wr, wx + 0.2 * wr, wy + 0.2 * wr), fill=255)
    return {k: _down(v, size) for k, v in M.items()}


def outlier_be(name: str, kind: str, size: int, lo: int, hi: int, rng) -> np.ndarray:
    photos = name.startswith("photos")
    ground = lambda col: np.ones((size, size, 3), np.float32) * np.asarray(col, np.float32)  # noqa: E731
    tone = lambda t: [lo + (hi - lo) * t] * 3  # noqa: E731
    if kind == "walrus":
        m = _walrus(size, rng)
        if photos:  # a pale Arctic sky, a slate sea, white ice, a brown walrus with a pale muzzle and ivory tusks
            out = _paint(_paint(ground((206, 216, 228)), m["sea"], (58, 78, 96)), m["floe"], (236, 240, 246))
            out = _paint(_paint(out, m["body"], (146, 100, 78)), m["flippers"], (118, 80, 62))
            out = _paint(_paint(out, m["head"], (140, 96, 76)), m["muzzle"], (190, 150, 122))
            out = _paint(_paint(out, m["whiskers"], (96, 70, 56)), m["tusks"], (240, 232, 208))
            return _u8(_paint(out, m["eye"], (14, 10, 10)))
        out = _paint(_paint(ground(tone(0.0)), m["sea"], tone(0.2)), m["floe"], tone(0.45))
        out = _paint(_paint(out, m["body"], tone(1.0)), m["flippers"], tone(0.75))
        out = _paint(_paint(out, m["head"], tone(0.9)), m["muzzle"], tone(0.65))
        out = _paint(_paint(out, m["whiskers"], tone(0.3)), m["tusks"], tone(0.55))
        return _u8(_paint(out, m["eye"], tone(0.1)))
    if kind == "hippopotamus":
        m = _hippopotamus(size, rng)
        if photos:  # an ochre bank with green reeds, a brown river, a grey-purple hippo with a pink snout
            out = _paint(_paint(ground((98, 92, 64)), m["bank"], (176, 146, 92)), m["reeds"], (70, 120, 50))
            out = _paint(_paint(out, m["ripples"] * 0.7, (150, 146, 120)), m["back"], (112, 98, 108))
            out = _paint(_paint(out, m["head"], (120, 104, 114)), m["snout"], (184, 128, 130))
            out = _paint(_paint(out, m["ears"], (96, 84, 92)), m["eyes"], (24, 18, 18))
            return _u8(_paint(out, m["nostrils"], (40, 26, 28)))
        out = _paint(_paint(ground(tone(0.0)), m["bank"], tone(0.3)), m["reeds"], tone(0.5))
        out = _paint(_paint(out, m["ripples"], tone(0.35)), m["back"], tone(1.0))
        out = _paint(_paint(out, m["head"], tone(0.9)), m["snout"], tone(0.7))
        out = _paint(_paint(out, m["ears"], tone(0.8)), m["eyes"], tone(0.1))
        return _u8(_paint(out, m["nostrils"], tone(0.2)))
    if kind == "steamroller":
        m = _steamroller(size, rng)
        if photos:  # a grey sky, grey gravel and black tarmac, a green boiler, red wheels, a black chimney
            out = _paint(_paint(ground((190, 198, 206)), m["gravel"], (150, 142, 128)), m["tarmac"], (40, 40, 44))
            out = _paint(_paint(out, m["canopy"], (36, 70, 48)), m["boiler"], (40, 96, 62))
            out = _paint(_paint(out, m["chimney"], (26, 26, 28)), m["fork"], (150, 36, 28))
            out = _paint(_paint(out, m["roll"], (92, 92, 96)), m["wheel"], (168, 40, 30))
            return _u8(_paint(out, m["spokes"], (168, 40, 30)))
        out = _paint(_paint(ground(tone(0.0)), m["gravel"], tone(0.35)), m["tarmac"], tone(0.15))
        out = _paint(_paint(out, m["canopy"], tone(0.6)), m["boiler"], tone(1.0))
        out = _paint(_paint(out, m["chimney"], tone(0.8)), m["fork"], tone(0.5))
        out = _paint(_paint(out, m["roll"], tone(0.85)), m["wheel"], tone(0.7))
        return _u8(_paint(out, m["spokes"], tone(0.55)))
    raise ValueError(kind)


# -- label noise -----------------------------------------------------------------------------
def swing_tag_flips(base: list[np.ndarray], labels: list, classes: list, candidates: list, count: int,
                    rng) -> dict[int, object]:
    """``count`` examples to flip and their new labels: the items hung on a storeroom's rails in their arrival
    order (a random order of the eligible items), 20-40 to a rail (``RAIL_ITEMS``), each with a swing tag naming its
    class on a string; in a damp week the tags' strings gave way and 15-35% of each rail's tags (``FALLEN``, drawn once
    a pass, each tag falling by chance) fell to the floor, and whoever swept up hung the fallen tags back on that
    rail's tagless items in no particular order (a random permutation of them). The flips are the items whose re-hung
    tag names another class than their own, each given that tag's class, until ``count`` items are flipped (passes
    over fresh rails of the items not yet flipped, another damp week, while some are left). Noise confined to one
    rail's fallen tags, shuffled among themselves, and to the classes hung near each other, not by look: not BD's
    stale crate slips, BC's swapped digits, BB's colour key, AZ's label rolls, AY's memory cards, AU's tote
    cross-reads or AT's shelf scans. Every flip changes the label."""
    pool = sorted(int(v) for v in candidates)
    if len({labels[i] for i in pool}) < 2 or count <= 0:
        return {}
    flips: dict[int, object] = {}
    for _ in range(200):
        items = [int(i) for i in rng.permutation([i for i in pool if i not in flips])]
        fallen_share = rng.uniform(*FALLEN)
        j = 0
        while j < len(items) and len(flips) < count:
            rail = items[j:j + int(rng.integers(*RAIL_ITEMS))]
            j += len(rail)
            fallen = [i for i in rail if rng.random() < fallen_share]
            if len(fallen) < 2:
                continue
            order = rng.permutation(len(fallen))
            for i, src in zip(fallen, (fallen[int(o)] for o in order)):
                if len(flips) >= count:
                    break
                if labels[src] != labels[i]:
                    flips[i] = labels[src]
        if len(flips) >= count:
            break
    return dict(sorted(flips.items()))


# -- planting ------------------------------------------------------------------------------
def plant_issues_be(images, labels, out_dir, *, name: str, random_state: int = 0) -> PlantedDataset:
    """Generator BE's problems (module docstring). A set whose name ends in ``_jpeg`` is written as JPEG files at a
    quality drawn from 45-67 each; the others as PNG. The planting is I's (:func:`_heldout_i.plant_generator`)."""
    return plant_generator(
        images, labels, out_dir, name=name, rates=RATES_BE, seed=570_000 + random_state,
        quality_seed=575_000 + random_state, jpeg_quality=JPEG_QUALITY,
        flips=swing_tag_flips,
        **by_family(name, outlier=(outlier_be, OUTLIERS_BE), blur=(blur_be, BLURS_BE), dark=(dark_be, DARKS_BE),
                    near=(near_edit_be, NEAR_EDITS_BE)))
