"""Generator BC: fresh EVALUATION sets after generator BB's run (never used to choose anything).

Why a fifty-third evaluation generator: generator BB's sets were written before its run and have been run once since
(``dev_sweep``: BB's four sets run once, now development sets), so a held-out set for the code after that run is
written now, before any tool is run on it. The commit subjects since BB's generator commit (7d1bc08) name these
changes: ``near_sets`` taking the calibration's learnt ratio rules as one dict and the extra pairs by keyword (a
review, the same flags); ``dark``'s lit rule taking a glow over the whole scene, the lit pixels' lower quartile up to
``glow_below`` (0.065) where the rest stays under the threshold itself (BA's glory hole); generator BB's four sets run
once and made development sets; and generator BB's one run written up (docs, eb6cf77, committed while BC was being
written, after its families were chosen: only its subject was seen, and nothing in BC was chosen or changed from it).
BC's writer read no docs, logs, result files or commit bodies (only the commit subjects, the library's code and the
earlier generators' and tuning tools' files, to copy their structure and to avoid their families), and nothing in BC
was chosen from any result. Like AN's to BB's, BC's edits are not all brightly coloured: some are grey, dark, brown or
translucent. Generator BC was written before any tool was run on it (only its pictures were looked at, on contact
sheets of its edits, blurs, darkenings and foreign pictures at 28, 71 and 326 px, to check that every edit is visible,
every blur blurred, every darkened image dark with its picture still in it and every outlier foreign, and the planted
folders hashed twice); it is not to be changed after its results are seen. Its edits, blurs, darkenings, foreign
pictures and label noise are of families that no tuning tool (``blur_tuning.py``'s lens blurs: Gaussian, soft disk,
astigmatic elongated Gaussian, ring; ``_foreign.py``'s textures, icons and soft photographs; ``near_photos.py``'s and
``near_small.py``'s edits; ``label_filters.py``'s and ``label_noise_models.py``'s flips), no earlier generator (A =
``dq.datasets.plant_issues``, B, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T, U, V, W, X, Y, Z, AA, AB, AC, AD,
AE, AF, AG, AH, AI, AJ, AK, AL, AM, AN, AO, AP, AQ, AR, AS, AT, AU, AV, AW, AX, AY, AZ, BA, BB) and none of the
library's calibration copies (``dataquality/compute/_synthetic.py``: crop, shift, rotate, brightness, contrast, gamma,
JPEG, resize, overlay box; Gaussian, box, motion, down-and-up blurs) make. Like AC's to BB's it has two blur families,
not three. Left out because an earlier generator made them or left them out: among objects on the print a ladybird, a
moth, a fly or any other insect of the earlier lists (their lists: BC's rose chafer is a metallic green, bronze or
violet-black beetle with its wing cases' seam and six legs), an acorn, a walnut, a hazelnut, a conker, a peach stone,
a coffee pod or a clove (their lists, AX's, BA's: BC's nutmeg is a brown oval with the pale furrows the mace left), a
magnifier, a contact lens, spectacles or sea glass (L's, AQ's, AU's and their lists: BC's monocle is a round glass
that does not magnify, with a rim and a chain), seashells, a starfish or a sand dollar (their lists: BC's urchin test
is a sea urchin's bare round shell with five double rows of knobs), a pencil, a biro, a drawing pin or a guitar pick
(their lists: BC's nib is a fountain pen's metal nib with its slit and breather hole); of the whole picture AO's
camouflage, a woven check or gingham (AO's, AJ's and their lists: BC's leopard print is a fabric's rosettes of broken
dark rings), BB's burl veneer, strand board, parquet, weatherboard, birch bark and H's contour maps (their lists: BC's
end grain is a slice across a log, its annual rings round the pith and its drying cracks), U's mould, AN's foxing,
BB's lichen or any scatter of specks (BC's silverfish have eaten lobed, ragged patches of the print down to the
paper); among blurs a fingerprint, a steamed or frosted glass, cling film, BB's latex sheet or a lens's fungus, sand
pitting or separated balsam (their lists, K's, AS's, BB's: BC's sunscreen is a milky film swiped on a phone's lens),
BB's sneeze screen, a varnish that blushed or a shower screen (BB's, their lists: BC's hairspray is a mist of lacquer
droplets on a picture frame's glass, heavier on the side it came from); among darkenings a flare, a sparkler, welding
or a laser cutter (their lists, AS's, AY's: BC's magnesium ribbon burns a brilliant white in tongs under a plume of
its white smoke), a slot machine, a claw machine, a jukebox or a karaoke screen (their lists, BB's: BC's pachinko
machine is a tall cabinet with a glowing pink-to-cyan playfield, a screen and rows of pins), a screen, a book light, a
bicycle's lamp or a headlamp (their lists, AM's, AE's: BC's phone lies face down with its torch's LED lit); among
foreign pictures a camel, a bison, sheep, llamas or an elephant (AD's, BB's, AX's, BA's, AC's: BC's moose stands in a
lake under conifers, with palmate antlers), a whale, a crab, an octopus or a jellyfish (their lists: BC's dolphin
leaps in an arc from the sea), a toucan, a heron, a flamingo or a rooster (BB's, AW's, AD's, AY's: BC's pelican
perches on a harbour's mooring post with its long beak and pouch); among label noise every mechanism BB named and BB's
empty cartridge (dictation, OCR, bags, hotkeys, keypads, quotas, a checkweigher, positions, clocks, a returns desk's
prices, a marketplace's category stuffing, recycled product codes, memory cards, a packing bench's label rolls, a
mistranslated list, an empty cartridge, transposed sheets).

* ``near_duplicate`` (3%), five edits in a part of the picture and three of the whole, in turn (so that the 326 px
  set's copies get both kinds): a rose chafer beetle on the print (16-21% of the side long, at least 6 px, 62% as
  wide, metallic green 60 / 150 / 86, bronze 150 / 140 / 60 or violet-black 56 / 44 / 72, of the three the two whose
  grey is furthest from the picture's median grey, as for each object's colour below, a pronotum 20% darker, the wing
  cases' seam 55% darker, six legs, from 32 px two antennae, a sheen at 45%; 30-70% of the way across and down, at any
  angle, a soft shadow at 35%), a whole nutmeg (17-22% of the side long, at least 6 px, 72-84% as wide, brown 128 / 84
  / 52, 88 / 58 / 36 or 150 / 108 / 72 or limed 204 / 196 / 180, its far half 20% darker, 5-8 pale wavy furrows at
  55%, a dark scar; a shadow at 40%), a monocle (a glass 24-32% of the side across, a radius of at least 4.5 px, pale
  grey at 32-42%, a gold, black or silver rim 12% of the radius wide, at least 0.9 px, a glint at 70%, a sagging chain
  30-45% of the side long at 85%; a shadow at 30%), a sea urchin's test (a disc 22-28% of the side across, at least 9
  px, pale green, mauve or off-white, its edge 20% darker, five double rows of knobs 30% darker at 75%, a dark mouth;
  a shadow at 35%) and a fountain pen's nib (24-30% of the side long, at least 8 px, steel 150 / 152 / 160, gold 212 /
  178 / 92 or black 44 / 44 / 48, a slit and a breather hole, a sheen at 40%; a shadow at 35%); of the whole picture:
  the picture printed on a leopard-print fabric (the ink multiplied onto tan, gold or fawn, 42-55% of the way,
  rosettes 9-13% of the side apart, at least 4 px, each a ring broken into 3-5 spots 80% darker, their middles 15%
  darker, a nap 5% up and down), on a slice across a log (the ink multiplied onto a pale wood, 42-55% of the way,
  annual rings 4.5-6.5% of the side apart, at least 3 px, round a pith 15-85% across and down, latewood 40% darker,
  2-4 radial drying cracks 65% darker) and the print grazed by silverfish (lobed, ragged patches 6-14% of the side
  across, at least 3 px, eaten 70-90% of the way down to the paper 236 / 230 / 214, a frayed rim, until 12-24% of the
  print is grazed);
* ``exact_duplicate`` (1%): byte-for-byte copies of a file under another name;
* ``blurry`` (3%): the picture photographed with a phone whose lens a thumb smeared with sunscreen (a Gaussian of
  1.6-2.4% of the side, at least 1 px, and one 4 times as wide for 10-35% of the picture, a milky veil of the cream's
  white for 6-16%, as the film is thinner or thicker over a smooth field and in soft swiped streaks 8% of the side
  apart) and the picture behind a frame's glass misted with hairspray (a Gaussian of 1.5-2.3% of the side, at least 1
  px, for 40-70% and one 3 times as wide for 20-50%, heavier on the side the spray came from, the rest the picture's
  mean; a sparkle 3% up and down, blue 4% down); each as a camera metering on the highlights exposes it (as Y's to
  BB's);
* ``dark`` (2%): a school laboratory at night lit only by magnesium ribbon burning in tongs (a brilliant white blob
  of radius 2.5-4% of the side, at least 1.2 px, 25-75% across and 22-50% down, dark tongs, a plume of white smoke
  rising to the top at 22-30%, a glow of sigma 5-8% of the side up to 55-75 levels; the picture lit bluish white at
  0.26-0.34 falling off as ``1 / (1 + (d / d0) ** 2)`` with the distance from the blob, ``d0`` 25-35% of the side,
  over 0.015-0.03), a pachinko parlour at night lit only by one machine's face (a cabinet 30-40% of the side wide at
  the left or right side, a dark frame, a playfield glowing pink to cyan, a bright screen, from 48 px rows of pins, a
  glow of sigma 6-9% up to 30-45 levels; the picture lit pink-white at 0.26-0.34 falling off as above, ``d0`` 28-38%
  of the side, over 0.015-0.03) and a room at night lit only by a phone's torch (the phone face down 16-22% of the
  side wide in a dark case near the bottom, its LED a white dot of radius 1.5-2.5% of the side, at least 0.8 px, in a
  dark camera bump, a glow of sigma 4-7% up to 50-70 levels; the picture lit warm white at 0.26-0.34 falling off as
  above, ``d0`` 25-35% of the side, over 0.015-0.03); none of them blurs the picture;
* ``outlier`` (1.5%): a moose standing in a lake (conifers along a shore, the lake, a humped body, long legs into
  the water, a long drooping head with a bell and palmate antlers), a dolphin leaping from the sea (a horizon, wave
  lines, an arched body with a pale belly, a dorsal and a pectoral fin, flukes, a splash) and a pelican on a
  harbour's mooring post (a sky, the sea, a harbour wall, a wooden post, a body, a dark tail, a wing, an S-shaped
  neck, a long beak with a pouch); the digit and clothing sets get them in their own tones on their dark ground, the
  photographs as a dark brown moose with pale antlers under dark green conifers, a grey dolphin on a deep blue sea
  and a white pelican with an orange beak and pouch on a brown post;
* ``label`` (5%): *swapped digits* flips: the items were booked into a stock system by their classes' four-digit
  stock codes, keyed by hand by one of 3-5 stock clerks (``CLERKS``); the codes were issued at random from one block
  of a hundred (a thousand where the classes outnumber 60), and one clerk (at random) habitually swapped a code's
  last two digits, which the system took wherever the swapped code was another class's code. Each eligible item went
  to a clerk at random; the flips are the items of such a class that clerk keyed, each given the class whose code the
  swap made (passes with a fresh block of codes and clerk, a new season's catalogue, while some are left). Noise
  confined to one clerk's share and to classes whose codes are each other's with the last two digits swapped, both
  ways, not by look: not BB's empty cartridge, BA's mistranslated list, AX's recycled product codes or AO's
  transposed sheets. Every flip changes the label, so every one is in the truth.

Each planted defect has its own source image; nothing else is planted, so only these six issue types are scored on
BC's sets. Base data are the evaluation domains drawn with seeds no other set uses: Fashion-MNIST *test* (2,000, seed
345), MNIST (2,000, seed 346), and the evaluation photographs tiled at 71 px (24 tiles a photograph at most, seed
347) and at 326 px (every tile, seed 348), sizes no other set uses. ``photos71_bc_jpeg`` is written as JPEG files,
each at a quality drawn from 47-69 (a stream of its own, seed ``555_000 + random_state``), every edit, blur and
darkening made before the encoding, near copies made from the decoded JPEG and saved again at their own quality,
exact copies byte copies of the file; the other sets are PNG files. Planting draws from seed ``550_000 +
random_state``. The planting is I's (:func:`_heldout_i.plant_generator`, as for J to BB).
"""


from __future__ import annotations

import numpy as np
from _heldout_aa import _frame_at, _rect
from _heldout_ab import _pick
from _heldout_ae import _lit
from _heldout_af import _glow
from _heldout_au import _circle
from _heldout_ay import _field, _rounded
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

EVALUATION_BC = ("fashion_test_bc", "mnist_bc", "photos71_bc_jpeg", "photos326_bc")
# each set's base: (data, seed) or ("photos", seed, tile size, tiles per photograph quick, full)
BASES_BC = {
    "fashion_test_bc": ("fashion_test", 345),
    "mnist_bc": ("mnist", 346),
    "photos71_bc_jpeg": ("photos", 347, 71, 8, 24),
    "photos326_bc": ("photos", 348, 326, 8, 1000),
}
JPEG_QUALITY = (47, 70)  # the JPEG set's qualities: integers in [low, high)
RATES_BC = {"near_duplicate": 0.03, "exact_duplicate": 0.01, "blurry": 0.03, "dark": 0.02, "outlier": 0.015,
            "label": 0.05}
# parts of the picture and the whole picture in turn, so that the smallest set gets both kinds
NEAR_EDITS_BC = ("chafer", "leopard_print", "nutmeg", "end_grain", "monocle", "silverfish", "urchin_test", "pen_nib")
BLURS_BC = ("sunscreen_lens", "hairspray_glass")
DARKS_BC = ("magnesium_ribbon", "pachinko", "phone_torch")
OUTLIERS_BC = ("moose", "dolphin", "pelican")
CLERKS = (3, 6)  # the stock clerks keying the codes: integers in [low, high) (label noise)


def load_base_bc(name: str, quick: bool = False):
    import _heldout

    return _heldout.load_generator_base(name, quick, BASES_BC, "BC")


# -- near copies -----------------------------------------------------------------------------
GREY = np.array([0.299, 0.587, 0.114], np.float32)


def _contrasting(cols, f: np.ndarray, rng) -> np.ndarray:
    """Of the colours ``cols`` the two whose grey is furthest from the picture's median grey, one at random (as
    AU's sea glass), so that the object stands out from the print."""
    g = float(np.median(f @ GREY))
    far = sorted(cols, key=lambda c: -abs(float(np.dot(np.asarray(c, np.float32), GREY)) - g))[:2]
    return np.asarray(far[int(rng.integers(2))], np.float32)


CHAFERS = ((60, 150, 86), (150, 140, 60), (56, 44, 72))


def _chafer(f: np.ndarray, rng) -> np.ndarray:
    """A rose chafer beetle on the print: 16-21% of the side long, at least 6 px, 62% as wide: its wing cases an
    oval over the back 80% of the length, a pronotum (the shield behind the head) and a small head in front, metallic
    green 60 / 150 / 86, bronze 150 / 140 / 60 or violet-black 56 / 44 / 72 (of the three the two whose grey is
    furthest from the picture's median grey, one at random, as for the nutmeg, the monocle's rim, the urchin test
    and the nib), the pronotum 20% darker, the seam between
    the wing cases 55% darker; six legs 65% darker (three a side, angled back), from 32 px two antennae; a metallic
    sheen 235 / 245 / 235 along one wing case at 45%; at any angle, its middle 30-70% of the way across and down, a
    soft shadow at 35%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(6.0, side * rng.uniform(0.16, 0.21))
    col = _contrasting(CHAFERS, f, rng)
    fr = _frame_at(h, w, rng)
    elytra = _ellipse(-0.1 * L, 0.0, 0.4 * L, 0.31 * L, 0.0, 28)
    pronotum = _ellipse(0.3 * L, 0.0, 0.13 * L, 0.24 * L, 0.0, 20)
    head = _ellipse(0.45 * L, 0.0, 0.07 * L, 0.1 * L, 0.0, 14)
    body = fr.fill([elytra, pronotum, head])
    legs = []
    for x in (0.28, 0.08, -0.12):
        for s in (1, -1):
            legs.append([(x * L, 0.0), ((x - 0.05) * L, s * 0.4 * L), ((x - 0.16) * L, s * 0.5 * L)])
    parts = [(fr.line(legs, max(0.5, 0.035 * L)), col * 0.35, 1.0, True), (body, col, 1.0, True),
             (fr.fill([pronotum]), col * 0.8, 1.0, False),
             (fr.line([[(-0.5 * L, 0.0), (0.17 * L, 0.0)]], max(0.5, 0.03 * L)) * body, col * 0.45, 1.0, False),
             (fr.fill([_ellipse(-0.1 * L, -0.14 * L, 0.24 * L, 0.05 * L + 0.2, 0.0, 16)]) * body, (235, 245, 235),
              0.45, False)]
    if side >= 32:
        ant = [[(0.5 * L, s * 0.04 * L), (0.6 * L, s * 0.12 * L), (0.62 * L, s * 0.2 * L)] for s in (1, -1)]
        parts.append((fr.line(ant, max(0.5, 0.02 * L)), col * 0.35, 1.0, False))
    return _u8(_laid(f, parts, 0.35))


NUTMEGS = ((128, 84, 52), (88, 58, 36), (150, 108, 72), (204, 196, 180))


def _nutmeg(f: np.ndarray, rng) -> np.ndarray:
    """A whole nutmeg on the print: an oval 17-22% of the side long, at least 6 px, 72-84% as wide, brown 128 / 84 /
    52, 88 / 58 / 36 or 150 / 108 / 72 or limed (dusted with lime) 204 / 196 / 180, its far half 20% darker; 5-8
    wavy paler furrows across it (the net the mace left), 35% lighter plus 30 levels, at 55%, at least 0.5 px wide; a
    dark scar at one end 50% darker; a dull sheen at 25% (of the four the two whose grey is furthest from the
    picture's median grey, one at random); at any angle, its middle 30-70% of the way across and down, a soft shadow
    at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(6.0, side * rng.uniform(0.17, 0.22))
    q = rng.uniform(0.72, 0.84)
    col = _contrasting(NUTMEGS, f, rng)
    fr = _frame_at(h, w, rng)
    body = fr.fill([_ellipse(0.0, 0.0, L / 2, q * L / 2, 0.0, 28)])
    far = fr.fill([_rect(-L, 0.1 * q * L, L, L)]) * body
    furrows = []
    for _ in range(int(rng.integers(5, 9))):
        y0, amp, ph = rng.uniform(-0.4, 0.4) * q * L, rng.uniform(0.04, 0.1) * L, rng.uniform(0, 2 * np.pi)
        furrows.append([(x, y0 + amp * np.sin(ph + 9 * x / L)) for x in np.linspace(-0.5 * L, 0.5 * L, 10)])
    pale = np.minimum(col * 1.35 + 30, 255)
    parts = [(body, col, 1.0, True), (far, col * 0.8, 1.0, False),
             (fr.line(furrows, max(0.5, 0.035 * L)) * body, pale, 0.55, False),
             (fr.fill([_circle(max(0.5, 0.06 * L), 10, 0.43 * L, 0.0)]) * body, col * 0.5, 1.0, False),
             (fr.fill([_ellipse(-0.05 * L, -0.2 * q * L, 0.25 * L, 0.06 * L + 0.2, 0.0, 14)]) * body,
              (240, 230, 220), 0.25, False)]
    return _u8(_laid(f, parts, 0.4))


RIMS = ((196, 164, 80), (34, 34, 36), (186, 188, 194))


def _monocle(f: np.ndarray, rng) -> np.ndarray:
    """A monocle put down on the print: a round glass 24-32% of the side across (a radius of at least 4.5 px), the
    print showing through it, the glass a pale grey 214 / 220 / 224 at 32-42% (the room's reflection); a rim gold 196 /
    164 / 80, black 34 / 34 / 36 or silver 186 / 188 / 194, 12% of the radius wide, at least 0.9 px; a glint, an arc
    at 70% of the radius, white at 70%; a chain of the rim's metal 30-45% of the side long, sagging, at 85%; its
    middle 30-70% of the way across and down, the chain at any angle, a soft shadow of the rim and chain at 30%."""
    h, w = f.shape[:2]
    side = min(h, w)
    R = max(4.5, side * rng.uniform(0.12, 0.16))
    rim_col = _contrasting(RIMS, f, rng)
    fr = _frame_at(h, w, rng)
    c = _circle(R, 40)
    lens = fr.fill([c])
    rim = fr.line([c + [c[0]]], max(0.9, 0.12 * R))
    a0 = rng.uniform(0, 2 * np.pi)
    glint = fr.line([[(0.7 * R * np.cos(t), 0.7 * R * np.sin(t)) for t in np.linspace(a0, a0 + 0.9, 8)]],
                    max(0.5, 0.08 * R))
    Lc = side * rng.uniform(0.3, 0.45)
    sag = rng.uniform(-0.2, 0.2) * Lc
    chain = [(R + Lc * t, sag * np.sin(np.pi * t)) for t in np.linspace(0, 1, 12)]
    parts = [(lens, (214, 220, 224), rng.uniform(0.32, 0.42), False), (rim, rim_col, 1.0, True),
             (fr.line([chain], max(0.5, 0.012 * side)), rim_col, 0.85, True), (glint, (255, 255, 255), 0.7, False)]
    return _u8(_laid(f, parts, 0.3))


URCHINS = ((196, 206, 164), (200, 164, 186), (232, 222, 200))


def _urchin_test(f: np.ndarray, rng) -> np.ndarray:
    """A sea urchin's bare shell (its test) on the print, seen from above: a disc 22-28% of the side across, at least
    9 px, pale green 196 / 206 / 164, mauve 200 / 164 / 186 or off-white 232 / 222 / 200, its edge shaded 20% darker
    (a band 12% of the radius wide); five double rows of knobs radiating from the middle (dots 4.5% of the radius
    across, at least 0.35 px, 30% darker at 75%; below 32 px a line for each row), a dark mouth in the middle 55%
    darker; a sheen at 25%; its middle 30-70% of the way across and down, turned at random, a soft shadow at 35%."""
    h, w = f.shape[:2]
    side = min(h, w)
    R = max(4.5, side * rng.uniform(0.11, 0.14))
    col = _contrasting(URCHINS, f, rng)
    fr = _frame_at(h, w, rng)
    disc = fr.fill([_circle(R, 40)])
    edge = _circle(0.92 * R, 40)
    parts = [(disc, col, 1.0, True), (fr.line([edge + [edge[0]]], max(0.6, 0.12 * R)) * disc, col * 0.8, 1.0, False)]
    rays = []
    dots = []
    for k in range(5):
        a = 2 * np.pi * k / 5
        ca, sa = np.cos(a), np.sin(a)
        for off in (-0.08, 0.08):
            if side >= 32:
                for r in np.linspace(0.22, 0.82, 6):
                    dots.append(_circle(max(0.35, 0.045 * R), 8, r * R * ca - off * R * sa, r * R * sa + off * R * ca))
            else:
                rays.append([(0.2 * R * ca - off * R * sa, 0.2 * R * sa + off * R * ca),
                             (0.85 * R * ca - off * R * sa, 0.85 * R * sa + off * R * ca)])
    knobs = fr.fill(dots) if dots else fr.line(rays, max(0.5, 0.07 * R))
    parts += [(knobs * disc, col * 0.7, 0.75, False),
              (fr.fill([_circle(max(0.6, 0.12 * R), 12)]), col * 0.45, 1.0, False),
              (fr.fill([_ellipse(-0.3 * R, -0.35 * R, 0.35 * R, 0.15 * R + 0.2, -0.6, 14)]) * disc, (255, 255, 250),
               0.25, False)]
    return _u8(_laid(f, parts, 0.35))


NIBS = ((150, 152, 160), (212, 178, 92), (44, 44, 48))


def _pen_nib(f: np.ndarray, rng) -> np.ndarray:
    """A fountain pen's nib come loose on the print: a pointed shield 24-30% of the side long, at least 8 px, 44% as
    wide at its back, steel 150 / 152 / 160, gold 212 / 178 / 92 or black 44 / 44 / 48; a slit from the point to a
    breather hole 55% of the way back, dark 20 / 20 / 22 at 90%, at least 0.5 px wide; a ridge's sheen 250 / 250 /
    250 at 40%; its back end 25% darker (where it sat in the grip); at any angle, its middle 30-70% of the way
    across and down, a soft shadow at 35%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(8.0, side * rng.uniform(0.24, 0.3))
    col = _contrasting(NIBS, f, rng)
    fr = _frame_at(h, w, rng)
    outline = [(0.5 * L, 0.0), (0.1 * L, 0.14 * L), (-0.2 * L, 0.22 * L), (-0.5 * L, 0.22 * L), (-0.5 * L, -0.22 * L),
               (-0.2 * L, -0.22 * L), (0.1 * L, -0.14 * L)]
    body = fr.fill([outline])
    dark = (20, 20, 22)
    parts = [(body, col, 1.0, True), (fr.fill([_rect(-0.6 * L, -0.3 * L, -0.3 * L, 0.3 * L)]) * body, col * 0.75, 1.0,
                                      False),
             (fr.line([[(0.5 * L, 0.0), (-0.05 * L, 0.0)]], max(0.5, 0.02 * L)) * body, dark, 0.9, False),
             (fr.fill([_circle(max(0.5, 0.04 * L), 12, -0.05 * L, 0.0)]), dark, 0.9, False),
             (fr.fill([_ellipse(-0.1 * L, -0.08 * L, 0.25 * L, 0.025 * L + 0.2, 0.0, 14)]) * body, (250, 250, 250), 0.4,
              False)]
    return _u8(_laid(f, parts, 0.35))


LEOPARD = np.array([(214, 168, 96), (196, 150, 84), (226, 196, 150)], np.float32)


def _leopard_print(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on a leopard-print fabric: the ink multiplied onto a tan, gold or pale fawn ground (214 /
    168 / 96, 196 / 150 / 84 or 226 / 196 / 150), 42-55% of the way from the picture (and 30% of the ground's tone
    added at that share); rosettes on a jittered grid 9-13% of the side apart (at least 4 px), each a ring of radius
    28-38% of the spacing broken into 3-5 dark spots 80% darker (the ring 26% of its radius wide, at least 0.6 px),
    its middle 15% darker; a small solid spot 80% darker between some of them; a fur's nap 5% up and down: a
    leopard's rosettes, not AO's airbrushed camouflage or any scatter of specks."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    tone = LEOPARD[int(rng.integers(len(LEOPARD)))]
    k = rng.uniform(0.42, 0.55)
    p = max(4.0, side * rng.uniform(0.09, 0.13))
    spots = np.zeros((h, w), np.float32)
    inner = np.zeros((h, w), np.float32)
    ox, oy = rng.uniform(0, p, 2)
    for gy in np.arange(-p + oy, h + p, p):
        for gx in np.arange(-p + ox, w + p, p):
            cx, cy = gx + rng.uniform(-0.25, 0.25) * p, gy + rng.uniform(-0.25, 0.25) * p
            r = p * rng.uniform(0.28, 0.38)
            d = np.hypot(xx - cx, yy - cy)
            if float(d.min()) > r + p:
                continue
            th = np.arctan2(yy - cy, xx - cx)
            n = int(rng.integers(3, 6))
            gaps = np.cos(n * th + rng.uniform(0, 2 * np.pi)) > -0.35
            ring = np.clip(1 - np.abs(d - r) / max(0.6, 0.13 * r), 0, 1) * gaps
            spots = np.maximum(spots, ring)
            inner = np.maximum(inner, np.clip(r - d, 0, 1))
            if rng.random() < 0.4:
                sx, sy = cx + 0.5 * p, cy + rng.uniform(-0.3, 0.3) * p
                spots = np.maximum(spots, np.clip(max(0.6, 0.12 * p) - np.hypot(xx - sx, yy - sy) + 0.5, 0, 1))
    nap = 1 + 0.05 * np.clip(_field(h, w, 0.6, rng), -2, 2) / 2
    ground = tone[None, None, :] * ((1 - 0.15 * inner) * (1 - 0.8 * spots) * nap)[..., None]
    return _u8(f * (1 - k) + k * f * ground / 255 + k * 0.3 * ground)


WOODS = np.array([(222, 196, 150), (206, 170, 120), (190, 150, 104)], np.float32)


def _end_grain(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on a slice sawn across a log (its end grain): the ink multiplied onto a pale wood (222 /
    196 / 150, 206 / 170 / 120 or 190 / 150 / 104), 42-55% of the way from the picture (30% of the wood's tone added
    at that share); annual rings round a pith 15-85% of the way across and down, 4.5-6.5% of the side apart (at
    least 3 px), wobbling by a smooth field of 3% of the side, each ring's latewood (its outer half, the middle 40% of
    the period at full) 40% darker; 2-4 radial cracks (the
    drying checks) from the pith out to 40-90% of the side, 1.2% of the side wide at the pith (at least 0.8 px),
    narrowing to nothing, 65% darker: a log's growth rings, not BB's burl veneer, AV's strand board or any other wood
    of the earlier lists, nor H's contour maps."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    tone = WOODS[int(rng.integers(len(WOODS)))]
    k = rng.uniform(0.42, 0.55)
    px, py = w * rng.uniform(0.15, 0.85), h * rng.uniform(0.15, 0.85)
    d = np.hypot(xx - px, yy - py)
    r = d + side * 0.03 * _field(h, w, side * 0.1, rng)
    lam = max(3.0, side * rng.uniform(0.045, 0.065))
    frac = (r / lam) % 1
    late = np.clip(1.5 - np.abs(frac - 0.75) / 0.2, 0, 1)
    th = np.arctan2(yy - py, xx - px)
    cracks = np.zeros((h, w), np.float32)
    for _ in range(int(rng.integers(2, 5))):
        a = rng.uniform(-np.pi, np.pi)
        reach = side * rng.uniform(0.4, 0.9)
        half = max(0.4, 0.006 * side) * np.clip(1 - d / reach, 0, 1)
        across = np.abs(np.angle(np.exp(1j * (th - a)))) * d
        cracks = np.maximum(cracks, np.clip(half - across + 0.5, 0, 1) * (np.cos(th - a) > 0))
    wood = tone[None, None, :] * ((1 - 0.4 * late) * (1 - 0.65 * cracks))[..., None]
    return _u8(f * (1 - k) + k * f * wood / 255 + k * 0.3 * wood)


PAPER = np.array([236, 230, 214], np.float32)


def _silverfish(f: np.ndarray, rng) -> np.ndarray:
    """A print grazed by silverfish (kept in a damp box): irregular patches over the whole print where the insects
    ate the surface down to the paper (236 / 230 / 214), each 6-14% of the side across (at least 3 px), its outline
    lobed (3-6 lobes, 25% in) and ragged (a fine noise of sigma 0.6 px, 1 px up and down), 70-90% of the picture gone
    there; a frayed rim 18% darker at 50%; placed at random until 12-24% of the print is grazed (at most 60): eaten
    patches, not U's mould, AN's foxing, BB's lichen or any scatter of specks."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    rag = gaussian_filter(rng.normal(0, 1, (h, w)).astype(np.float32), 0.6)
    rag = rag / max(float(rag.std()), 1e-6)
    target = rng.uniform(0.12, 0.24)
    eaten = np.zeros((h, w), np.float32)
    rim = np.zeros((h, w), np.float32)
    for _ in range(60):
        if float(eaten.mean()) >= target:
            break
        R = max(1.5, side * rng.uniform(0.03, 0.07))
        cx, cy = rng.uniform(0, w), rng.uniform(0, h)
        d = np.hypot(xx - cx, yy - cy)
        th = np.arctan2(yy - cy, xx - cx)
        r = R * (0.8 + 0.25 * np.sin(int(rng.integers(3, 7)) * th + rng.uniform(0, 6)))
        edge = r - d + np.clip(rag, -2, 2) * 0.5
        eaten = np.maximum(eaten, np.clip(edge + 0.5, 0, 1))
        rim = np.maximum(rim, np.clip(1 - np.abs(edge) / 0.8, 0, 1))
    gone = (eaten * rng.uniform(0.7, 0.9))[..., None]
    out = f * (1 - gone) + gone * PAPER
    return _u8(out * (1 - 0.18 * 0.5 * rim)[..., None])


def near_edit_bc(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "chafer":  # a rose chafer beetle on the print
        return _chafer(f, rng)
    if kind == "nutmeg":  # a whole nutmeg on the print
        return _nutmeg(f, rng)
    if kind == "monocle":  # a monocle put down on the print
        return _monocle(f, rng)
    if kind == "urchin_test":  # a sea urchin's bare shell on the print
        return _urchin_test(f, rng)
    if kind == "pen_nib":  # a fountain pen's nib on the print
        return _pen_nib(f, rng)
    if kind == "leopard_print":  # the picture printed on a leopard-print fabric
        return _leopard_print(f, rng)
    if kind == "end_grain":  # the picture printed on a log's end grain
        return _end_grain(f, rng)
    if kind == "silverfish":  # the print grazed by silverfish
        return _silverfish(f, rng)
    raise ValueError(kind)


# -- blurs -----------------------------------------------------------------------------------
CREAM = np.array([246, 244, 238], np.float32)


def _sunscreen_lens(f: np.ndarray, rng) -> np.ndarray:
    """The picture photographed with a phone whose lens a thumb smeared with sunscreen: the cream's film scatters the
    light, a Gaussian of 1.6-2.4% of the side, at least 1 px, and one 4 times as wide, and a milky veil of the
    cream's white 246 / 244 / 238; the film uneven, a smooth field of 12-20% of the side, and swiped in soft streaks
    8% of the side apart (at least 6 px) at any angle (15% up and down): where it is thick the wide Gaussian has 35%
    of the picture and the veil 16%, where thin 10% and 6% (the narrow one the rest); as a camera metering on the
    highlights exposes it: a greasy white film on the lens, not BB's latex sheet, a fingerprint or a steamed glass."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    s = max(1.0, side * rng.uniform(0.016, 0.024))
    narrow = np.stack([gaussian_filter(f[..., c], s, mode="reflect") for c in range(3)], axis=2)
    wide = np.stack([gaussian_filter(f[..., c], 4 * s, mode="reflect") for c in range(3)], axis=2)
    b = rng.uniform(0, np.pi)
    streak = 1 + 0.15 * np.sin(2 * np.pi * (xx * np.cos(b) + yy * np.sin(b)) / max(6.0, 0.08 * side))
    thick = np.clip((0.5 + 0.5 * _field(h, w, side * rng.uniform(0.12, 0.2), rng) / 1.5) * streak, 0, 1)[..., None]
    ww, veil = 0.1 + 0.25 * thick, 0.06 + 0.1 * thick
    out = (1 - ww - veil) * narrow + ww * wide + veil * CREAM
    return _u8(_metered(out, f))


def _hairspray_glass(f: np.ndarray, rng) -> np.ndarray:
    """The picture behind a picture frame's glass misted with hairspray (sprayed in the room), photographed through
    it: the lacquer's fine droplets scatter the light, a Gaussian of 1.5-2.3% of the side, at least 1 px, for 60-70%
    and one 3 times as wide for 20-30%, the rest the picture's mean; the mist heavier in a cone from the side it came
    from (the wide Gaussian 20% more there, falling off over 60-90% of the side); the droplets' sparkle, a fine
    noise (sigma 0.5 px) 3% up and down, and a faint yellowing of the dried lacquer, blue 4% down; as a camera
    metering on the highlights exposes it: a sprayed mist on glass before the print, not BB's sneeze screen, a
    steamed or frosted glass or a varnish."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    s = max(1.0, side * rng.uniform(0.015, 0.023))
    narrow = np.stack([gaussian_filter(f[..., c], s, mode="reflect") for c in range(3)], axis=2)
    wide = np.stack([gaussian_filter(f[..., c], 3 * s, mode="reflect") for c in range(3)], axis=2)
    mean = f.reshape(-1, 3).mean(axis=0)
    ang = rng.uniform(0, 2 * np.pi)
    sx, sy = w / 2 + 0.7 * side * np.cos(ang), h / 2 + 0.7 * side * np.sin(ang)
    heavy = np.exp(-np.hypot(xx - sx, yy - sy) / (side * rng.uniform(0.6, 0.9)))[..., None]
    wn = rng.uniform(0.2, 0.3) + 0.2 * heavy
    nn = rng.uniform(0.6, 0.7) - 0.2 * heavy
    out = nn * narrow + wn * wide + (1 - nn - wn) * mean
    sparkle = gaussian_filter(rng.normal(0, 1, (h, w)).astype(np.float32), 0.5)
    out = out * (1 + 0.03 * np.clip(sparkle / max(float(sparkle.std()), 1e-6), -2, 2) / 2)[..., None]
    out = out * np.array([1.0, 1.0, 0.96], np.float32)
    return _u8(_metered(out, f))


def blur_bc(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "sunscreen_lens":  # through a lens smeared with sunscreen
        return _sunscreen_lens(f, rng)
    if kind == "hairspray_glass":  # behind a frame's glass misted with hairspray
        return _hairspray_glass(f, rng)
    raise ValueError(kind)


# -- darkening -------------------------------------------------------------------------------
FLARE = np.array([0.92, 0.95, 1.0], np.float32)


def _magnesium_ribbon(f: np.ndarray, rng) -> np.ndarray:
    """A school laboratory at night lit only by a strip of magnesium ribbon burning in a pair of tongs: the burning
    end a brilliant white blob of radius 2.5-4% of the side (at least 1.2 px), 25-75% of the way across and 22-50%
    down, white 255 / 255 / 255; the tongs, two dark lines 36 / 36 / 40 from it to the nearer bottom corner's side,
    at least 0.8 px wide; a plume of white smoke (magnesium oxide) rising from it to the top, widening from 4% to
    20% of the side, lit grey-white 150 / 154 / 160 at 22-30%; a glow of sigma 5-8% of the side up to 55-75 levels
    in a bluish white 0.92 / 0.95 / 1.0; the picture lit in it at a gain of 0.015-0.03 plus 0.26-0.34 falling off as
    ``1 / (1 + (d / d0) ** 2)`` with the distance ``d`` from the blob, ``d0`` 25-35% of the side; noise sigma 1.2
    levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    bx, by = w * rng.uniform(0.25, 0.75), h * rng.uniform(0.22, 0.5)
    r = max(1.2, side * rng.uniform(0.025, 0.04))
    d0 = side * rng.uniform(0.25, 0.35)
    gain = rng.uniform(0.015, 0.03) + rng.uniform(0.26, 0.34) / (1 + (np.hypot(xx - bx, yy - by) / d0) ** 2)
    out = _lit(f, gain[..., None] * FLARE, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    ex = -1.0 if bx < w / 2 else w + 1.0
    lw = max(0.8, 0.012 * side)
    out = _paint(out, ident.line([[(bx, by), (ex, h * 0.9)], [(bx, by + 0.6 * r), (ex, h * 0.97)]], lw), (36, 36, 40))
    t = np.linspace(0, 1, 12)
    drift = rng.uniform(-0.15, 0.15) * side
    plume = [(bx + drift * u * u - (0.02 + 0.08 * u) * side, by - (by + 2) * u) for u in t]
    plume += [(bx + drift * u * u + (0.02 + 0.08 * u) * side, by - (by + 2) * u) for u in t[::-1]]
    out = _paint(out, rng.uniform(0.22, 0.3) * ident.fill([plume]), (150, 154, 160))
    blob = ident.fill([_circle(r, 16, bx, by)])
    out = out + _glow(blob, max(1.0, side * rng.uniform(0.05, 0.08)))[..., None] * rng.uniform(55, 75) * FLARE
    return _u8(_paint(out, blob, (255, 255, 255)))


PACHINKO = np.array([1.0, 0.62, 0.9], np.float32)


def _pachinko(f: np.ndarray, rng) -> np.ndarray:
    """A pachinko parlour at night lit only by one machine's face standing at the picture's left or right side: a
    cabinet 30-40% of the side wide and 1.3 times that high (at most 80% of the height), 3-8% of the side in from
    the edge, its top 8-16% down, a dark frame 50 / 48 / 56 7% of its width; the playfield glowing from pink 250 /
    120 / 190 to cyan 80 / 200 / 240, a bright screen in its middle (40% by 30% of the field) 250 / 244 / 200, from
    48 px rows of silver pins 220 / 220 / 226; a dark ball tray below it; a glow of sigma 6-9% of the side up to 30-45
    levels in pink-white 1.0 / 0.62 / 0.9; the picture lit in it at a gain of 0.015-0.03 plus 0.26-0.34 falling off
    as ``1 / (1 + (d / d0) ** 2)`` with the distance ``d`` from the field's middle, ``d0`` 28-38% of the side; noise
    sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    cw = side * rng.uniform(0.3, 0.4)
    ch = min(1.3 * cw, 0.8 * h)
    inset = side * rng.uniform(0.03, 0.08)
    left = rng.random() < 0.5
    x0 = inset if left else w - inset - cw
    top = h * rng.uniform(0.08, 0.16)
    fb = 0.07 * cw
    fx0, fy0, fx1, fy1 = x0 + fb, top + fb, x0 + cw - fb, top + 0.78 * ch
    cx, cy = (fx0 + fx1) / 2, (fy0 + fy1) / 2
    d0 = side * rng.uniform(0.28, 0.38)
    gain = rng.uniform(0.015, 0.03) + rng.uniform(0.26, 0.34) / (1 + (np.hypot(xx - cx, yy - cy) / d0) ** 2)
    out = _lit(f, gain[..., None] * PACHINKO, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    out = _paint(out, ident.fill([_rect(x0, top, x0 + cw, top + ch)]), (50, 48, 56))
    field = ident.fill([_rect(fx0, fy0, fx1, fy1)])
    s = np.clip((yy - fy0) / max(fy1 - fy0, 1.0), 0, 1)[..., None]
    ground = (1 - s) * np.array([250, 120, 190], np.float32) + s * np.array([80, 200, 240], np.float32)
    out = out * (1 - field[..., None]) + ground * field[..., None]
    fw, fh = fx1 - fx0, fy1 - fy0
    out = _paint(out, ident.fill([_rect(cx - 0.2 * fw, cy - 0.15 * fh, cx + 0.2 * fw, cy + 0.15 * fh)]),
                 (250, 244, 200))
    if side >= 48:
        pins = [_circle(max(0.4, 0.012 * cw), 6, x, y) for y in np.linspace(fy0 + 0.08 * fh, fy1 - 0.08 * fh, 7)
                for x in np.linspace(fx0 + 0.08 * fw, fx1 - 0.08 * fw, 8)
                if abs(x - cx) > 0.24 * fw or abs(y - cy) > 0.19 * fh]
        out = _paint(out, ident.fill(pins), (220, 220, 226))
    out = _paint(out, ident.fill([_rect(fx0, top + 0.84 * ch, fx1, top + 0.94 * ch)]), (24, 24, 28))
    return _u8(out + _glow(field, max(1.0, side * rng.uniform(0.06, 0.09)))[..., None] * rng.uniform(30, 45) * PACHINKO)


LED = np.array([1.0, 0.97, 0.9], np.float32)
CASES = ((30, 30, 34), (60, 40, 90), (120, 30, 40), (30, 60, 90))


def _phone_torch(f: np.ndarray, rng) -> np.ndarray:
    """A room at night lit only by a phone's torch, the phone lying face down in the picture: a case 16-22% of the
    side wide and 2 times as long, its middle 20-80% across and 70-85% down, turned by up to 35 degrees, black,
    purple, red or blue lit to 40% of that; a camera bump near its top end (a dark rounded square 45% of its width),
    the torch's LED in it a white dot of radius 1.5-2.5% of the side (at least 0.8 px), 255 / 255 / 250; a glow of
    sigma 4-7% of the side up to 50-70 levels in a warm white 1.0 / 0.97 / 0.9; the picture lit in it at a gain of
    0.015-0.03 plus 0.26-0.34 falling off as ``1 / (1 + (d / d0) ** 2)`` with the distance ``d`` from the LED, ``d0``
    25-35% of the side; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    pw = side * rng.uniform(0.16, 0.22)
    pl = 2 * pw
    cx, cy = w * rng.uniform(0.2, 0.8), h * rng.uniform(0.7, 0.85)
    fr = _Frame((h, w), cx, cy, np.deg2rad(rng.uniform(-35, 35)) + np.pi / 2)
    lx, ly = fr.at([(-0.36 * pl, -0.2 * pw)])[0]
    d0 = side * rng.uniform(0.25, 0.35)
    gain = rng.uniform(0.015, 0.03) + rng.uniform(0.26, 0.34) / (1 + (np.hypot(xx - lx, yy - ly) / d0) ** 2)
    out = _lit(f, gain[..., None] * LED, rng)
    out = _paint(out, fr.fill([_rounded(pl, pw, 0.15 * pw)]), np.asarray(_pick(CASES, rng), np.float32) * 0.4)
    out = _paint(out, fr.fill([_rounded(0.45 * pw, 0.45 * pw, 0.1 * pw, -0.36 * pl + 0.05 * pw, -0.1 * pw)]),
                 (14, 14, 16))
    led = fr.fill([_circle(max(0.8, side * rng.uniform(0.015, 0.025)), 12, -0.36 * pl, -0.2 * pw)])
    out = out + _glow(led, max(1.0, side * rng.uniform(0.04, 0.07)))[..., None] * rng.uniform(50, 70) * LED
    return _u8(_paint(out, led, (255, 255, 250)))


def dark_bc(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "magnesium_ribbon":  # a laboratory lit only by burning magnesium ribbon
        return _magnesium_ribbon(f, rng)
    if kind == "pachinko":  # a parlour lit only by a pachinko machine's face
        return _pachinko(f, rng)
    if kind == "phone_torch":  # a room lit only by a phone's torch
        return _phone_torch(f, rng)
    raise ValueError(kind)


# -- outliers --------------------------------------------------------------------------------
def _moose(size: int, rng) -> dict:
    """A moose standing in a lake, seen from the side: a line of 12-20 conifers (dark triangles) along a shore 38-48%
    of the way down, the lake below; a moose 46-56% of the side long, its middle 40-60% across, facing either way: a
    body (an oval), a high hump over the shoulders, four long legs into the water (the water over their lower part),
    a long head held level with a heavy drooping muzzle, a bell (dewlap) under the throat, broad palmate antlers each
    side with 4 tines, an eye (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("trees", "lake", "body", "legs", "head", "bell", "antlers", "eye", "ripples"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    hz = big * rng.uniform(0.38, 0.48)
    for _ in range(int(rng.integers(12, 21))):
        tx, th, tw = rng.uniform(0, big), big * rng.uniform(0.1, 0.24), big * rng.uniform(0.03, 0.06)
        d["trees"].polygon([(tx - tw, hz + 1), (tx, hz - th), (tx + tw, hz + 1)], fill=255)
    d["lake"].rectangle((0, hz, big, big), fill=255)
    L = big * rng.uniform(0.46, 0.56)
    cx = min(max(big * rng.uniform(0.4, 0.6), L / 2 + 0.16 * big), big - L / 2 - 0.16 * big)
    s = 1 if rng.random() < 0.5 else -1
    X = lambda t: cx + s * (t - 0.5) * L  # noqa: E731  (0 at the tail, 1 at the chest)
    by = big * rng.uniform(0.56, 0.62)
    bh = 0.42 * L
    d["body"].ellipse((min(X(0.0), X(1.0)), by - bh / 2, max(X(0.0), X(1.0)), by + bh / 2), fill=255)
    d["body"].polygon([(X(0.5), by - 0.3 * bh), (X(0.72), by - 0.75 * bh), (X(0.95), by - 0.55 * bh), (X(1.0), by)],
                      fill=255)
    lw = max(2, round(0.05 * L))
    for t in (0.1, 0.22, 0.78, 0.9):
        d["legs"].line([(X(t), by + 0.2 * bh), (X(t), big * 0.97)], fill=255, width=lw)
    hy = by - 0.45 * bh
    head = [(X(0.92), hy - 0.1 * L), (X(1.2), hy - 0.04 * L), (X(1.32), hy + 0.08 * L), (X(1.3), hy + 0.16 * L),
            (X(1.16), hy + 0.14 * L), (X(0.98), hy + 0.12 * L)]
    d["head"].polygon(head, fill=255)
    d["bell"].polygon([(X(1.02), hy + 0.1 * L), (X(1.1), hy + 0.12 * L), (X(1.05), hy + 0.3 * L)], fill=255)
    for k, off in enumerate((-0.05, 0.05)):
        ax = X(1.02 + off)
        palm = [(ax, hy - 0.1 * L), (ax - s * 0.2 * L, hy - 0.26 * L), (ax - s * 0.12 * L, hy - 0.34 * L),
                (ax + s * 0.06 * L, hy - 0.2 * L)]
        d["antlers"].polygon(palm, fill=255)
        for j in range(4):
            px = ax - s * (0.02 + 0.05 * j) * L
            d["antlers"].line([(px, hy - (0.22 + 0.03 * j) * L), (px - s * 0.03 * L, hy - (0.34 + 0.03 * j) * L)],
                              fill=255, width=max(2, round(0.02 * L)))
    d["eye"].ellipse((X(1.08) - 0.015 * L, hy - 0.02 * L, X(1.08) + 0.015 * L, hy + 0.01 * L), fill=255)
    wl = big * 0.86
    for j in range(3):
        d["ripples"].line([(X(-0.1 - 0.05 * j), wl + 0.02 * big * j), (X(1.1 + 0.05 * j), wl + 0.02 * big * j)],
                          fill=255, width=max(1, round(0.008 * big)))
    out = {k: _down(v, size) for k, v in M.items()}
    under = np.zeros_like(out["legs"])
    under[int(0.86 * size):, :] = 1.0
    out["legs"] = out["legs"] * (1 - 0.8 * under)
    out["eye"] = out["eye"] * out["head"]
    return out


def _dolphin(size: int, rng) -> dict:
    """A dolphin leaping from the sea: the sea below a horizon 40-52% of the way down, 3-5 wave lines; a dolphin's
    body an arc 56-70% of the side long from the water (its tail end) up and over, rising 24-34% of the side,
    facing either way, thickest 14% of the side at 40% of its length, a pale belly, a curved dorsal fin on its back,
    a pectoral fin, tail flukes at the water, a beak and an eye; a splash where it left the water (0-1 coverage
    each)."""
    big = 4 * size
    M = _canvas(("sea", "waves", "body", "belly", "fin", "flukes", "splash", "eye"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    hz = big * rng.uniform(0.4, 0.52)
    d["sea"].rectangle((0, hz, big, big), fill=255)
    for _ in range(int(rng.integers(3, 6))):
        wy = rng.uniform(hz + 0.05 * big, big)
        wx = rng.uniform(0, big)
        d["waves"].line([(wx - 0.12 * big, wy), (wx, wy - 0.01 * big), (wx + 0.12 * big, wy)], fill=255,
                        width=max(1, round(0.008 * big)))
    L = big * rng.uniform(0.56, 0.7)
    H = big * rng.uniform(0.24, 0.34)
    s = 1 if rng.random() < 0.5 else -1
    x0 = big / 2 - s * L / 2
    base = min(big * 0.92, hz + big * rng.uniform(0.3, 0.4))
    t = np.linspace(0, 1, 30)
    cxs = x0 + s * L * t
    cys = base - 4 * H * t * (1 - t) - 0.15 * H * t
    dx, dy = np.gradient(cxs), np.gradient(cys)
    n = np.hypot(dx, dy)
    nx, ny = dy / n * s, -dx / n * s  # the normal towards the back (up)
    th = big * (0.012 + 0.058 * np.sin(np.pi * np.clip(t * 1.1, 0, 1)) ** 0.7)
    upper = [(x + ux * r, y + uy * r) for x, y, ux, uy, r in zip(cxs, cys, nx, ny, th)]
    lower = [(x - ux * r, y - uy * r) for x, y, ux, uy, r in zip(cxs, cys, nx, ny, th)]
    d["body"].polygon(upper + lower[::-1], fill=255)
    d["belly"].polygon([(x, y) for x, y in zip(cxs, cys)][3:-2] + lower[3:-2][::-1], fill=255)
    j = 13
    fx, fy = upper[j]
    d["fin"].polygon([(fx - s * 0.04 * L, fy + 0.01 * L), upper[j + 3], (fx - s * 0.06 * L, fy - 0.12 * L)], fill=255)
    j = 20
    d["fin"].polygon([lower[j], (lower[j][0] - s * 0.07 * L, lower[j][1] + 0.07 * L), lower[j - 2]], fill=255)
    tx, ty = cxs[0], cys[0]
    d["flukes"].polygon([(tx, ty), (tx - 0.08 * L, ty + 0.05 * L), (tx - 0.05 * L, ty - 0.02 * L)], fill=255)
    d["flukes"].polygon([(tx, ty), (tx + 0.08 * L, ty + 0.05 * L), (tx + 0.05 * L, ty - 0.02 * L)], fill=255)
    for _ in range(8):
        r = big * rng.uniform(0.015, 0.035)
        sx, sy = tx + rng.normal(0, 0.05) * big, base + rng.uniform(-0.03, 0.02) * big
        d["splash"].ellipse((sx - r, sy - r, sx + r, sy + r), fill=255)
    ex, ey = cxs[-4] + nx[-4] * 0.3 * th[-4], cys[-4] + ny[-4] * 0.3 * th[-4]
    d["eye"].ellipse((ex - 0.012 * L, ey - 0.012 * L, ex + 0.012 * L, ey + 0.012 * L), fill=255)
    out = {k: _down(v, size) for k, v in M.items()}
    out["belly"] = out["belly"] * out["body"]
    return out


def _pelican(size: int, rng) -> dict:
    """A pelican perched on a harbour's mooring post: a sky, the sea below a horizon 50-60% of the way down, a
    harbour wall along the horizon on one side; a wooden post 10-14% of the side wide from 58-68% down to the
    bottom, 35-65% across; a pelican on it facing either way: a body (an oval 30-36% of the side long, tilted up at
    the front), a dark tail, a folded wing, an S-shaped neck up to a small head, a long flat beak 24-30% of the side
    long with a pouch under it, an eye, short legs to the post (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("sea", "wall", "post", "body", "wing", "tail", "neck", "head", "beak", "pouch", "eye", "legs"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    hz = big * rng.uniform(0.5, 0.6)
    d["sea"].rectangle((0, hz, big, big), fill=255)
    if rng.random() < 0.5:
        d["wall"].rectangle((0, hz - 0.06 * big, big * rng.uniform(0.2, 0.4), hz + 0.01 * big), fill=255)
    else:
        d["wall"].rectangle((big * rng.uniform(0.6, 0.8), hz - 0.06 * big, big, hz + 0.01 * big), fill=255)
    px = big * rng.uniform(0.35, 0.65)
    pw = big * rng.uniform(0.1, 0.14)
    ptop = big * rng.uniform(0.58, 0.68)
    d["post"].rectangle((px - pw / 2, ptop, px + pw / 2, big), fill=255)
    s = 1 if rng.random() < 0.5 else -1
    BL = big * rng.uniform(0.3, 0.36)
    by = ptop - 0.09 * big - 0.16 * BL
    d["legs"].rectangle((px - 0.05 * big, by + 0.1 * BL, px + 0.05 * big, ptop), fill=255)
    d["body"].polygon(_ellipse(px, by, BL / 2, 0.3 * BL, -s * 0.25, 24), fill=255)
    d["wing"].polygon(_ellipse(px - s * 0.08 * BL, by - 0.02 * BL, 0.38 * BL, 0.17 * BL, -s * 0.25, 20), fill=255)
    d["tail"].polygon([(px - s * 0.4 * BL, by + 0.05 * BL), (px - s * 0.62 * BL, by + 0.2 * BL),
                       (px - s * 0.38 * BL, by + 0.2 * BL)], fill=255)
    nx0, ny0 = px + s * 0.38 * BL, by - 0.15 * BL
    hx, hy = nx0 + s * 0.05 * BL, ny0 - 0.5 * BL
    d["neck"].line([(nx0, ny0), (nx0 + s * 0.12 * BL, ny0 - 0.2 * BL), (nx0 - s * 0.02 * BL, ny0 - 0.36 * BL),
                    (hx, hy)], fill=255, width=max(2, round(0.12 * BL)), joint="curve")
    d["head"].ellipse((hx - 0.1 * BL, hy - 0.08 * BL, hx + 0.1 * BL, hy + 0.08 * BL), fill=255)
    bk = big * rng.uniform(0.24, 0.3)
    d["beak"].polygon([(hx + s * 0.05 * BL, hy - 0.04 * BL), (hx + s * (0.05 * BL + bk), hy + 0.1 * bk),
                       (hx + s * 0.05 * BL, hy + 0.03 * BL)], fill=255)
    d["pouch"].polygon([(hx + s * 0.06 * BL, hy + 0.03 * BL), (hx + s * (0.05 * BL + 0.85 * bk), hy + 0.1 * bk),
                        (hx + s * (0.05 * BL + 0.3 * bk), hy + 0.3 * bk)], fill=255)
    d["eye"].ellipse((hx - 0.025 * BL, hy - 0.04 * BL, hx + 0.025 * BL, hy + 0.01 * BL), fill=255)
    out = {k: _down(v, size) for k, v in M.items()}
    out["eye"] = out["eye"] * out["head"]
    return out


def outlier_bc(name: str, kind: str, size: int, lo: int, hi: int, rng) -> np.ndarray:
    photos = name.startswith("photos")
    ground = lambda col: np.ones((size, size, 3), np.float32) * np.asarray(col, np.float32)  # noqa: E731
    tone = lambda t: [lo + (hi - lo) * t] * 3  # noqa: E731
    if kind == "moose":
        m = _moose(size, rng)
        if photos:  # a pale sky, dark green conifers, a grey-blue lake, a dark brown moose with pale antlers
            out = _paint(_paint(ground((190, 206, 222)), m["trees"], (30, 60, 40)), m["lake"], (90, 116, 140))
            out = _paint(_paint(out, m["ripples"], (150, 170, 188)), m["legs"], (60, 44, 32))
            out = _paint(_paint(out, m["body"], (84, 60, 42)), m["bell"], (60, 42, 30))
            out = _paint(_paint(out, m["head"], (74, 54, 38)), m["antlers"], (200, 180, 150))
            return _u8(_paint(out, m["eye"], (10, 8, 6)))
        out = _paint(_paint(ground(tone(0.0)), m["trees"], tone(0.3)), m["lake"], tone(0.15))
        out = _paint(_paint(out, m["ripples"], tone(0.4)), m["legs"], tone(0.6))
        out = _paint(_paint(out, m["body"], tone(1.0)), m["bell"], tone(0.7))
        out = _paint(_paint(out, m["head"], tone(0.85)), m["antlers"], tone(0.95))
        return _u8(_paint(out, m["eye"], tone(0.1)))
    if kind == "dolphin":
        m = _dolphin(size, rng)
        if photos:  # a pale sky, a deep blue sea, a grey dolphin with a pale belly, white spray
            out = _paint(_paint(ground((200, 220, 236)), m["sea"], (30, 80, 130)), m["waves"], (120, 170, 200))
            out = _paint(_paint(out, m["splash"], (236, 244, 248)), m["flukes"], (96, 110, 124))
            out = _paint(_paint(out, m["body"], (110, 124, 138)), m["belly"], (214, 218, 220))
            return _u8(_paint(_paint(out, m["fin"], (84, 98, 112)), m["eye"], (12, 12, 14)))
        out = _paint(_paint(ground(tone(0.0)), m["sea"], tone(0.2)), m["waves"], tone(0.45))
        out = _paint(_paint(out, m["splash"], tone(0.7)), m["flukes"], tone(0.8))
        out = _paint(_paint(out, m["body"], tone(0.9)), m["belly"], tone(0.6))
        return _u8(_paint(_paint(out, m["fin"], tone(1.0)), m["eye"], tone(0.05)))
    if kind == "pelican":
        m = _pelican(size, rng)
        if photos:  # a pale blue sky, a blue-green sea, a grey wall, a brown post, a white pelican, an orange beak
            out = _paint(_paint(ground((176, 206, 232)), m["sea"], (50, 110, 120)), m["wall"], (150, 146, 140))
            out = _paint(_paint(out, m["post"], (100, 72, 48)), m["legs"], (60, 60, 64))
            out = _paint(_paint(out, m["tail"], (40, 40, 44)), m["body"], (236, 234, 228))
            out = _paint(_paint(out, m["wing"], (190, 190, 192)), m["neck"], (240, 238, 232))
            out = _paint(_paint(out, m["head"], (246, 244, 238)), m["pouch"], (230, 150, 60))
            return _u8(_paint(_paint(out, m["beak"], (240, 190, 80)), m["eye"], (10, 10, 10)))
        out = _paint(_paint(ground(tone(0.0)), m["sea"], tone(0.2)), m["wall"], tone(0.4))
        out = _paint(_paint(out, m["post"], tone(0.5)), m["legs"], tone(0.3))
        out = _paint(_paint(out, m["tail"], tone(0.35)), m["body"], tone(1.0))
        out = _paint(_paint(out, m["wing"], tone(0.7)), m["neck"], tone(0.95))
        out = _paint(_paint(out, m["head"], tone(1.0)), m["pouch"], tone(0.6))
        return _u8(_paint(_paint(out, m["beak"], tone(0.8)), m["eye"], tone(0.05)))
    raise ValueError(kind)


# -- label noise -----------------------------------------------------------------------------
def swapped_digits_flips(base: list[np.ndarray], labels: list, classes: list, candidates: list, count: int,
                         rng) -> dict[int, object]:
    """``count`` examples to flip and their new labels: the items were booked into a stock system by their classes'
    four-digit stock codes (the classes in their sorted order), keyed by hand by one of ``CLERKS`` stock clerks; the
    codes were issued at random from one block of a hundred (a thousand where the classes outnumber 60), and one
    clerk (at random) habitually swapped a code's last two digits, which the system took wherever the swapped code
    was another class's code (elsewhere it refused it and the clerk keyed it again). Each eligible item went to a
    clerk at random; the flips are the items of such a class that clerk keyed (in a random order), each given the
    class whose code the swap made, until ``count`` items are flipped (passes repeated with a fresh block of codes
    and clerk, a new season's catalogue, while some are left). Noise confined to one clerk's share and to classes
    whose codes are each other's with the last two digits swapped, both ways, not by look: not BB's empty cartridge,
    BA's mistranslated list, AX's recycled product codes, AO's transposed sheets or the keypads and hotkeys of earlier
    generators. Every flip changes the label."""
    names = sorted(classes, key=str)
    index = {c: j for j, c in enumerate(names)}
    pool = np.asarray(sorted(int(v) for v in candidates), dtype=int)
    if len(names) < 2 or not len(pool) or count <= 0:
        return {}
    block = 100 if len(names) <= 60 else 1000
    clerks = int(rng.integers(*CLERKS))
    clerk = rng.integers(0, clerks, len(pool))
    flips: dict[int, object] = {}
    for _ in range(200):
        start = int(rng.integers(10, 100)) * 100 if block == 100 else int(rng.integers(1, 10)) * 1000
        codes = start + rng.choice(block, size=len(names), replace=False)
        code_of = {int(c): j for j, c in enumerate(codes)}
        moves = {}
        for j, c in enumerate(codes):
            tens, units = (int(c) // 10) % 10, int(c) % 10
            swapped = int(c) - 9 * tens + 9 * units
            if tens != units and swapped in code_of:
                moves[j] = code_of[swapped]
        k = int(rng.integers(clerks))
        items = [int(i) for i, ci in zip(pool, clerk) if ci == k and index[labels[int(i)]] in moves]
        for i in rng.permutation(items) if items else []:
            if len(flips) >= count:
                break
            i = int(i)
            if i not in flips:
                flips[i] = names[moves[index[labels[i]]]]
        if len(flips) >= count:
            break
    return dict(sorted(flips.items()))


# -- planting ------------------------------------------------------------------------------
def plant_issues_bc(images, labels, out_dir, *, name: str, random_state: int = 0) -> PlantedDataset:
    """Generator BC's problems (module docstring). A set whose name ends in ``_jpeg`` is written as JPEG files at a
    quality drawn from 47-69 each; the others as PNG. The planting is I's (:func:`_heldout_i.plant_generator`)."""
    return plant_generator(
        images, labels, out_dir, name=name, rates=RATES_BC, seed=550_000 + random_state,
        quality_seed=555_000 + random_state, jpeg_quality=JPEG_QUALITY,
        flips=swapped_digits_flips,
        **by_family(name, outlier=(outlier_bc, OUTLIERS_BC), blur=(blur_bc, BLURS_BC), dark=(dark_bc, DARKS_BC),
                    near=(near_edit_bc, NEAR_EDITS_BC)))
