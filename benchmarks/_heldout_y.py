"""Generator Y: fresh EVALUATION sets after generator X (never used to choose anything).

Why a twenty-third evaluation generator: generator X's sets are to be run, and whatever they show may inform the next
changes, so they will not stay untouched; Y is a held-out measurement of the code after them, of families of its own
(Y's writer saw no result of X). Generator Y was written on 2026-12-05, before any tool was run on it (only its
pictures were looked at, on contact sheets of its edits, blurs, darkenings and foreign pictures at 28, 142 and 200 px,
to check that every edit is visible, every blur blurred, every darkened image dark and every outlier foreign); it is
not to be changed after its results are seen. Its edits, blurs, darkenings, foreign pictures and label noise are of
families that no tuning tool (``blur_tuning.py``'s lens blurs: Gaussian, soft disk, astigmatic elongated Gaussian,
ring; ``_foreign.py``'s textures, icons and soft photographs; ``near_photos.py``'s and ``near_small.py``'s edits;
``label_filters.py``'s and ``label_noise_models.py``'s flips), no earlier generator (A = ``dq.datasets.plant_issues``,
B, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T, U, V, W, X) and none of the library's calibration copies
(``dataquality/compute/_synthetic.py``: crop, shift, rotate, brightness, contrast, gamma, JPEG, resize, overlay box;
Gaussian, box, motion, down-and-up blurs) make. Left out because an earlier generator made them or left them out: a
clothes peg, a bottle cap, dice, a coin, spectacles, a rubber band or a pearl necklace (U's, V's and W's lists, T's
charging cable); of the whole picture a seam-carved copy, solarisation (R's list), a blurred-copy pillarbox (O's list),
a print on a mug or crumpled (M's open book, L's crease), a cube-map or tiny-planet projection (not recognisable at 28
px); among blurs a VHS capture (N's list), a print fluttering on a line (W's turning card), a white-light hologram's
dispersion (X's colour-wheel smear), subsurface scattering under wax or tracing paper (I's frosted glass), an
under-display camera (T's list); among darkenings a darkroom safelight (N's list), fireworks, glow-in-the-dark paint
and birthday candles (Q's, R's and T's lists), a raw developer's wrong black or white level (B's stops, T's 12-bit
high byte); among foreign pictures honeycombs, Ferris wheels, tractors and other vehicles seen from the side
(U's, T's and R's lists), snowmen and swans (8s and 2s on the digit sets); among label noise voice labelling,
misread class numbers, a crowd's majority vote and the previous picture's class (T's, V's, R's and W's lists).

* ``near_duplicate`` (3%), five edits in a part of the picture and three of the whole: a banana lying on the print
  (42-56% of the side long, at least 9 px, along a curve bowed by 12-18% of its length, 17-21% of its length thick,
  tapering to both ends, yellow, green-yellow or ripe with 5-12 brown spots, a dark stalk stub at one end and a dark
  tip at the other, a darker ridge and a sheen along it, at any angle, 30-70% of the way across and down, a soft
  shadow at 40%), a strawberry lying on the print (22-30% of the side long, at least 6 px, 75-90% of that wide,
  rounded at its shoulders and narrowing to a blunt tip, red to deep red, yellow seeds on a staggered grid, a sheen,
  a green calyx of 5-7 pointed leaves and a stalk, at any angle, 30-70% of the way across and down, a soft shadow at
  35%), a folded paper dart lying on the print (40-55% of the side long, at least 10 px, its wings a triangle 55-70%
  as wide as long, the left wing 0-6% darker than the paper, the right 12-22%, the inner fold 25-35%, the keel's fold
  a dark line, of white, pale grey, pale blue, yellow or pink paper, at any angle, 30-70% of the way across and down,
  a soft shadow at 35%), a desk stapler lying on the print (45-60% of the side long, at least 10 px, its dark grey
  base 16-19% of that wide with a rounded back, a top arm 82-90% as wide and 88-94% as long in black, red, blue or
  silver with a sheen, a chrome strip over its front, the hinge pin and the anvil plate beyond its nose, at any
  angle, 30-70% of the way across and down, a soft shadow at 40%) and a three-lobed fidget spinner lying on the print
  (lobes of radius 7-9% of the side, at least 2.5 px, 2.0-2.3 radii from the middle, a rounded body in black, blue,
  red, orange or grey, a steel weight ring in each lobe and a bearing cap of another colour, at any turn, 30-70% of
  the way across and down, a soft shadow at 40%); of the whole picture: a fore-edge painting on a book's page block
  fanned open a little differently from when it was painted (pages 1.2-2% of the side thick, at least 0.7 px, each
  page's strip moved along the edge by ``A sin(2 pi k y / h + phase)`` at its middle, ``A`` 2.5-5% of the side, at
  least 0.8 px, ``k`` 0.5-1, the gap under each page a dark line of 22% of a page, at least 0.35 px, at 30-45%, the
  block lit up to 5-9% more towards one end, the boards at top and bottom 4-6% of the side thick, at least 1.5 px,
  in dark red, green, brown or blue book cloth), the picture's reflection in a funhouse mirror bent in waves about a
  vertical line (magnified across by ``1 + a sin(2 pi y / lambda + phase)``, ``a`` 0.18-0.3, ``lambda`` 0.7-1.2
  times the side, moved up or down by up to 1-2% of the side with waves across it, the ground beyond the picture
  in its border's tone, a soft diagonal highlight band of 12-20% of the side at 8-14%, a gilt or dark wooden frame
  3-5% of the side wide, at least 1.5 px) and the picture printed on a paper folding fan opened through 110-130
  degrees (the pivot in the middle 94-98% of the way down, the paper from 28-34% to 100% of a radius reaching 5% of
  the side from the top, the picture's columns spread round the arc and its top along the outer edge, the fan's ends
  running out of the frame, 14-20 pleats below 48 px, 20-28 above, each lit 7-12% more on one half, a fold line at
  20-30% between them, the bare wooden sticks below the paper and a rivet at the pivot, the ground white where the
  picture's border is darker than 110, else near black);
* ``exact_duplicate`` (1%): byte-for-byte copies of a file under another name;
* ``blurry`` (3%): a security camera switched to its infrared night mode, its lens focused by daylight (the picture
  in the infrared's grey, 0.55 red, 0.33 green, 0.12 blue, out of focus by the lens's infrared focus shift, a uniform
  disk of radius 5.5-8% of the side, at least 1.8 px, the infrared lamps lighting the middle up to 30% more than the
  edges, the blacks lifted by 4-8 levels, the amplified sensor's grey noise of sigma 1.5-2.5 levels), a framed print
  photographed through its glass, the autofocus caught by the dust on the glass (the picture defocused by a uniform
  disk of radius 6-8.5% of the side, at least 1.8 px, under the glass's veil of 3-6 levels, and over it, sharp,
  3-6 specks below 48 px, 12-30 above, of radius 0.3-0.8% of the side, at least 0.35 px, and 1-2 fibres 6-12% of
  the side long, light grey at 60-90%) and a document held up too close to a laptop's fixed-focus webcam (a uniform
  disk of radius 5-7.5% of the side, at least 1.6 px, at the webcam's resolution, 45-60% of the picture's, box-
  averaged and enlarged bilinearly, its white balance up to 4% warm or cool, noise sigma 1.5 levels); each as a camera
  metering on the highlights exposes it (where the source's brightest 1% of grey pixels is above 0.5 of full scale
  and the blurred picture's under 0.45, the blurred picture brightened, at most 3 times, to bring it to 0.45);
* ``dark`` (2%): "redscale" by mistake, a roll of colour negative film loaded backwards and exposed through its
  orange base, printed as shot (the exposure the picture's 0.62 red, 0.32 green and 0.06 blue at a gain of 0.08-0.16,
  shown red, its green 30-40% of red rising by up to 20-35 points in the highlights, its blue 6-14%, a grain of 6%,
  the blacks lifted by 2-5 levels), a long exposure whose in-camera noise reduction took its dark frame with the
  viewfinder's eyepiece uncovered (a leak of 58-70% of full scale plus a glow of 20-30% more round a point 40-60% of
  the way across and 35-55% down, of radius 55-80% of the side, within 10% of grey, subtracted from the picture and
  cut at black, noise sigma 1.2 levels) and a roll of colour film long past its date, printed as shot (lost speed and
  the dye layers' crossover: each channel at a gain of 0.13-0.22, green 85-105% and blue 60-85% of red, the
  highlights compressed by ``1.6 v ** 1.2 / (1 + 0.6 v ** 1.2)``, an age fog of 4-10 levels, a grain of sigma
  1.5-2.5 levels shared by the channels and 0.8 level of each); none of them blurs the picture;
* ``outlier`` (1.5%): ships' anchors (a shank 62-72% of the side long, a ring at its top, a stock 40-52% of the side
  wide below it, the arms a U of radius 26-34% of the side ending in pointed flukes, a rope through the ring hanging
  to one side, turned by up to 15 degrees), radio telescopes seen from the side (the ground 84-90% of the way down,
  a tapering pedestal to 48-56% down, a parabolic dish 62-76% of the side across tilted up by 20-60 degrees, its white
  face and darker back, three feed legs to a feed box at the focus, facing either way) and piano accordions seen from
  the front (end boxes 17-20% of the side wide and 60-72% high, a piano keyboard on the right, 4-6 rows of 8-11 bass
  buttons on the left, bellows of 9-13 pleats each folded into a light and a dark half, 24-32% of the side wide at
  the bottom and 1.2-1.5 times that at the top, turned by up to 10 degrees); the digit and clothing sets get them in
  their own tones on their dark ground, the photographs as black, rusty or red iron with a hemp rope on sand, sea
  blue or a wooden deck, a white dish on a grey pedestal over green or dry grass under a day, dusk or overcast sky,
  and a red, black, white or blue accordion on a dark stage, a wooden floor or grey;
* ``label`` (5%): *linked-pairs* flips: the set was labelled by same-or-not questions, asked of every pair of pictures
  each among the other's 4 nearest look-alikes (by the distance of 8 x 8 grey thumbnails, standardised), the answers
  joined by transitive closure into groups and every group given the class most of its pictures carry (ties to a
  random one); the labeller answered every pair of one class "same" and, working fast, some pairs of different
  classes "same" too, the most alike first, in rounds of 1% of those pairs, until the eligible pictures whose group's
  class is not their own are at least twice the flips needed; the flips are drawn uniformly among those, each given
  its group's class: noise from chains of "same" answers merging groups (not a clustering's uniform clusters, as
  N's; not a neighbours' majority, as W's). Every flip changes the label, so every one is in the truth.

Each planted defect has its own source image; nothing else is planted, so only these six issue types are scored on
Y's sets. Base data are the evaluation domains drawn with seeds no other set uses: Fashion-MNIST *test* (2,000, seed
207), MNIST (2,000, seed 208), and the evaluation photographs tiled at 142 px (35 tiles a photograph at most, seed
209) and at 200 px (every tile, seed 210), sizes no other set uses. ``photos142_y_jpeg`` is written as JPEG files,
each at a quality drawn from 73-92 (a stream of its own, seed ``255_000 + random_state``), every edit, blur and
darkening made before the encoding, near copies made from the decoded JPEG and saved again at their own quality, exact
copies byte copies of the file; the other sets are PNG files. Planting draws from seed ``250_000 + random_state``. The
planting is I's (:func:`_heldout_i.plant_generator`, as for J to X).
"""

from __future__ import annotations

import numpy as np
from _heldout_h import _drawn, _fft_blur, _u8
from _heldout_i import by_family, plant_generator
from _heldout_k import _paint
from _heldout_o import _ground
from _heldout_p import _ellipse
from _heldout_q import _down, _thumbs
from _heldout_s import _disk_kernel, _pixels, _resample
from _heldout_v import _metered
from _heldout_x import _bar, _canvas, _Frame, _laid
from PIL import Image, ImageDraw

from dataquality.datasets import PlantedDataset

EVALUATION_Y = ("fashion_test_y", "mnist_y", "photos142_y_jpeg", "photos200_y")
# each set's base: (data, seed) or ("photos", seed, tile size, tiles per photograph quick, full)
BASES_Y = {
    "fashion_test_y": ("fashion_test", 207),
    "mnist_y": ("mnist", 208),
    "photos142_y_jpeg": ("photos", 209, 142, 12, 35),
    "photos200_y": ("photos", 210, 200, 8, 1000),
}
JPEG_QUALITY = (73, 93)  # the JPEG set's qualities: integers in [low, high)
RATES_Y = {"near_duplicate": 0.03, "exact_duplicate": 0.01, "blurry": 0.03, "dark": 0.02, "outlier": 0.015,
           "label": 0.05}
NEAR_EDITS_Y = ("banana", "strawberry", "paper_plane", "stapler", "fidget_spinner", "fore_edge", "funhouse_mirror",
                "hand_fan")
BLURS_Y = ("cctv_night_mode", "frame_glass_focus", "webcam_too_close")
DARKS_Y = ("redscale", "dark_frame_leak", "expired_film")
OUTLIERS_Y = ("anchor", "radio_telescope", "accordion")
ASKED = 4  # a pair is asked same-or-not when each picture is among the other's 4 nearest (label noise)


def load_base_y(name: str, quick: bool = False):
    import _heldout

    return _heldout.load_generator_base(name, quick, BASES_Y, "Y")


# -- near copies -----------------------------------------------------------------------------
BANANAS = ((236, 204, 58), (206, 204, 74), (240, 196, 64))  # ripe yellow, green-tipped, spotted


def _banana(f: np.ndarray, rng) -> np.ndarray:
    """A banana lying on the print: 42-56% of the side long along a curve bowed by 12-18% of its length, at least
    9 px, 17-21% of its length thick, tapering to both ends, yellow, green-yellow or ripe with brown spots (0 or
    5-12), a dark brown stalk stub 8% of the length long at one end and a dark tip at the other, a darker ridge
    along one side and a sheen along the other; at any angle, its middle 30-70% of the way across and down, a
    soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(9.0, side * rng.uniform(0.42, 0.56))
    W = L * rng.uniform(0.17, 0.21)
    bow = L * rng.uniform(0.12, 0.18)
    kind = int(rng.integers(len(BANANAS)))
    col = np.asarray(BANANAS[kind], np.float32)
    fr = _Frame((h, w), w * rng.uniform(0.3, 0.7), h * rng.uniform(0.3, 0.7), rng.uniform(0, 2 * np.pi))
    t = np.linspace(-1, 1, 25)
    cx, cy = t * L / 2, bow * (1 - t ** 2) - bow / 2
    half = W / 2 * np.clip(1 - np.abs(t) ** 2.5, 0.12, 1)
    body = [(x, y - s) for x, y, s in zip(cx, cy, half)] + [(x, y + s) for x, y, s in zip(cx[::-1], cy[::-1],
                                                                                         half[::-1])]
    ridge = [(x, y + 0.45 * s) for x, y, s in zip(cx[3:-3], cy[3:-3], half[3:-3])]
    sheen = [(x, y - 0.4 * s) for x, y, s in zip(cx[5:-5], cy[5:-5], half[5:-5])]
    lw = max(0.5, 0.12 * W)
    parts = [(fr.fill([body]), col, 1.0, True),
             (fr.line([ridge], lw), col * 0.72, 0.7, False),
             (fr.line([sheen], lw), col + 0.5 * (255 - col), 0.55, False),
             (fr.line([[(cx[0] - 0.08 * L, cy[0] - 0.05 * L), (cx[0] + 0.02 * L, cy[0])]], max(0.8, 0.3 * W)),
              (74, 58, 30), 1.0, True),
             (fr.fill([_ellipse(cx[-1], cy[-1], max(0.5, 0.04 * L), max(0.5, 0.12 * W), 0.0, 10)]), (52, 36, 20),
              1.0, False)]
    if kind == 2:
        n = int(rng.integers(5, 13))
        k = rng.integers(3, 22, n)
        spots = [_ellipse(cx[i] + rng.uniform(-0.02, 0.02) * L, cy[i] + rng.uniform(-0.5, 0.5) * half[i],
                          max(0.4, 0.05 * W * rng.uniform(0.6, 1.4)), max(0.4, 0.04 * W), rng.uniform(0, np.pi), 8)
                 for i in k]
        parts.append((fr.fill(spots), (96, 64, 30), 0.85, False))
    return _u8(_laid(f, parts, 0.4))


def _strawberry(f: np.ndarray, rng) -> np.ndarray:
    """A strawberry lying on the print: 22-30% of the side long, at least 6 px, and 75-90% of that wide, rounded
    at its shoulders and narrowing to a blunt tip, red to deep red, dotted with 10-30 yellow seeds (6 below 48 px)
    on a staggered grid, each 5% of the length long, a sheen on one shoulder; a green calyx of 5-7 pointed leaves
    and a stalk at the top; at any angle, its middle 30-70% of the way across and down, a soft shadow at 35%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(6.0, side * rng.uniform(0.22, 0.3))
    W = L * rng.uniform(0.75, 0.9)
    red = np.asarray((206, 32, 42), np.float32) * rng.uniform(0.8, 1.05)
    fr = _Frame((h, w), w * rng.uniform(0.3, 0.7), h * rng.uniform(0.3, 0.7), rng.uniform(0, 2 * np.pi))
    u = np.linspace(0, 1, 20)  # 0 at the calyx, 1 at the tip; the berry along +x
    half = W / 2 * np.sqrt(np.clip(u / 0.18, 0, 1)) * (1 - 0.82 * np.clip((u - 0.25) / 0.75, 0, 1) ** 1.3)
    xs = -L / 2 + u * L
    body = [(x, -s) for x, s in zip(xs, half)] + [(x, s) for x, s in zip(xs[::-1], half[::-1])]
    seeds = []
    rows = 3 if side < 48 else int(rng.integers(5, 8))
    for i in range(rows):
        ui = 0.2 + 0.7 * (i + 0.5) / rows
        hw = np.interp(ui, u, half) * 0.8
        n = 2 if side < 48 else max(2, int(round(2 * hw / (0.14 * L))))
        for j in range(n):
            v = -hw + (j + 0.5 + 0.5 * (i % 2) - 0.25) * 2 * hw / n
            if abs(v) <= hw:
                seeds.append(_ellipse(-L / 2 + ui * L, v, max(0.35, 0.025 * L), max(0.3, 0.017 * L), 0.0, 8))
    nl = int(rng.integers(5, 8))
    leaves = []
    for k in range(nl):
        a = (k + rng.uniform(-0.2, 0.2)) * 2 * np.pi / nl
        ln = 0.28 * W * rng.uniform(0.8, 1.15)
        tip = (-L / 2 + 0.05 * L + 0.35 * ln * np.cos(a), ln * np.sin(a))
        leaves.append([(-L / 2 + 0.03 * L, 0.0), (-L / 2 + 0.03 * L + 0.12 * ln * np.cos(a + 1.3),
                                                    0.3 * ln * np.sin(a + 1.3)), tip,
                       (-L / 2 + 0.03 * L + 0.12 * ln * np.cos(a - 1.3), 0.3 * ln * np.sin(a - 1.3))])
    parts = [(fr.fill([body]), red, 1.0, True),
             (fr.fill(seeds), (236, 208, 92), 0.9, False),
             (fr.fill([_ellipse(-0.1 * L, -0.22 * W, 0.16 * L, 0.08 * W, 0.3, 12)]), red + 0.55 * (255 - red), 0.5,
              False),
             (fr.fill(leaves), (52, 128, 44), 1.0, True),
             (fr.line([[(-L / 2 + 0.02 * L, 0.0), (-L / 2 - 0.14 * L, 0.03 * L)]], max(0.6, 0.05 * L)), (70, 120, 50),
              1.0, True)]
    return _u8(_laid(f, parts, 0.35))


PAPERS = ((244, 244, 240), (236, 238, 246), (200, 222, 244), (248, 234, 160), (246, 206, 214))


def _paper_plane(f: np.ndarray, rng) -> np.ndarray:
    """A folded paper dart lying on the print, seen from above: 40-55% of the side long, at least 10 px, its two
    wings a triangle 55-70% as wide as long from the nose back, each wing's outer and inner panels lit
    differently (the left 0-6% darker than the paper, the right 12-22%, the inner fold 25-35%), the keel's fold
    a dark line; white, pale grey, pale blue, yellow or pink paper; at any angle, its middle 30-70% of the way
    across and down, a soft shadow at 35%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(10.0, side * rng.uniform(0.4, 0.55))
    W = L * rng.uniform(0.55, 0.7)
    paper = np.asarray(PAPERS[int(rng.integers(len(PAPERS)))], np.float32)
    fr = _Frame((h, w), w * rng.uniform(0.3, 0.7), h * rng.uniform(0.3, 0.7), rng.uniform(0, 2 * np.pi))
    nose, tail = L / 2, -L / 2
    lw = max(0.5, side * 0.006)
    left = [(nose, 0.0), (tail, -W / 2), (tail + 0.08 * L, -0.1 * W), (tail + 0.05 * L, 0.0)]
    right = [(nose, 0.0), (tail + 0.05 * L, 0.0), (tail + 0.08 * L, 0.1 * W), (tail, W / 2)]
    inner = [(nose, 0.0), (tail + 0.08 * L, -0.1 * W), (tail + 0.05 * L, 0.0), (tail + 0.08 * L, 0.1 * W)]
    parts = [(fr.fill([left]), paper * (1 - rng.uniform(0, 0.06)), 1.0, True),
             (fr.fill([right]), paper * (1 - rng.uniform(0.12, 0.22)), 1.0, True),
             (fr.fill([inner]), paper * (1 - rng.uniform(0.25, 0.35)), 1.0, False),
             (fr.line([[(nose, 0.0), (tail + 0.05 * L, 0.0)]], lw), paper * 0.45, 0.8, False),
             (fr.line([[(nose, 0.0), (tail + 0.08 * L, -0.1 * W)], [(nose, 0.0), (tail + 0.08 * L, 0.1 * W)]],
                      lw * 0.7), paper * 0.6, 0.6, False)]
    return _u8(_laid(f, parts, 0.35))


STAPLERS = ((28, 28, 32), (190, 36, 40), (36, 70, 160), (176, 178, 184))


def _stapler(f: np.ndarray, rng) -> np.ndarray:
    """A desk stapler lying on the print, seen from above: 45-60% of the side long, at least 10 px, its base
    16-19% of that wide, dark grey with a rounded back, under a top arm 82-90% as wide and 88-94% as long in
    black, red, blue or silver with a sheen along it, a chrome strip over its front 30%, the hinge pin at the back
    and the anvil plate showing beyond the arm's nose; at any angle, its middle 30-70% of the way across and down,
    a soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(10.0, side * rng.uniform(0.45, 0.6))
    W = L * rng.uniform(0.16, 0.19)
    col = np.asarray(STAPLERS[int(rng.integers(len(STAPLERS)))], np.float32)
    fr = _Frame((h, w), w * rng.uniform(0.3, 0.7), h * rng.uniform(0.3, 0.7), rng.uniform(0, 2 * np.pi))
    al, aw = L * rng.uniform(0.88, 0.94), W * rng.uniform(0.82, 0.9)
    parts = [(fr.fill([_bar(-L / 2 + W / 2, L / 2 - W / 2, W / 2)]), (58, 58, 62), 1.0, True),
             (fr.fill([[(L / 2 - 0.12 * L, -0.34 * W), (L / 2 - 0.01 * L, -0.34 * W), (L / 2 - 0.01 * L, 0.34 * W),
                        (L / 2 - 0.12 * L, 0.34 * W)]]), (200, 202, 208), 1.0, False),
             (fr.fill([_bar(-L / 2 + aw / 2, -L / 2 + al - aw / 2, aw / 2)]), col, 1.0, True),
             (fr.fill([[(-L / 2 + 0.62 * al, -0.42 * aw), (-L / 2 + al - 0.4 * aw, -0.42 * aw),
                        (-L / 2 + al - 0.4 * aw, 0.42 * aw), (-L / 2 + 0.62 * al, 0.42 * aw)]]), (214, 216, 222),
              0.95, False),
             (fr.line([[(-L / 2 + 0.1 * al, -0.25 * aw), (-L / 2 + 0.58 * al, -0.25 * aw)]], max(0.5, 0.14 * aw)),
              col + 0.5 * (255 - col), 0.5, False),
             (fr.fill([_ellipse(-L / 2 + 0.45 * aw, 0.0, max(0.5, 0.16 * aw), max(0.5, 0.16 * aw), 0.0, 10)]),
              (150, 150, 156), 1.0, False)]
    return _u8(_laid(f, parts, 0.4))


SPINNERS = ((30, 30, 34), (40, 92, 200), (200, 40, 46), (232, 162, 24), (122, 124, 134))


def _fidget_spinner(f: np.ndarray, rng) -> np.ndarray:
    """A three-lobed fidget spinner lying on the print: each lobe a disc of radius 7-9% of the side, at least 2.5
    px, 2.0-2.3 radii from the middle, joined to a middle disc of 1.15 radii by a rounded body, in black, blue,
    red, orange or grey; a steel weight ring in each lobe (outer radius 62%, inner 38% of the lobe's) and a
    middle bearing cap of another colour; at any turn, its middle 30-70% of the way across and down, a soft shadow
    at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    r = max(2.5, side * rng.uniform(0.07, 0.09))
    d = r * rng.uniform(2.0, 2.3)
    pick = rng.permutation(len(SPINNERS))
    col, cap = (np.asarray(SPINNERS[i], np.float32) for i in pick[:2])
    fr = _Frame((h, w), w * rng.uniform(0.3, 0.7), h * rng.uniform(0.3, 0.7), rng.uniform(0, 2 * np.pi))
    lobes = [(d * np.cos(a), d * np.sin(a)) for a in (0.0, 2 * np.pi / 3, 4 * np.pi / 3)]
    body = [_ellipse(x, y, r, r, 0.0, 24) for x, y in lobes] + [_ellipse(0.0, 0.0, 1.15 * r, 1.15 * r, 0.0, 24)]
    body += [[(0.0, 0.0), (x + 0.7 * r * np.cos(np.arctan2(y, x) + 1.57), y + 0.7 * r * np.sin(np.arctan2(y, x) + 1.57)),
              (x + 0.7 * r * np.cos(np.arctan2(y, x) - 1.57), y + 0.7 * r * np.sin(np.arctan2(y, x) - 1.57))]
             for x, y in lobes]
    rings = [_ellipse(x, y, 0.62 * r, 0.62 * r, 0.0, 20) for x, y in lobes]
    holes = [_ellipse(x, y, 0.38 * r, 0.38 * r, 0.0, 16) for x, y in lobes]
    parts = [(fr.fill(body), col, 1.0, True),
             (fr.fill(rings, holes), (196, 198, 204), 1.0, False),
             (fr.fill(holes), col * 0.6, 1.0, False),
             (fr.fill([_ellipse(0.0, 0.0, 0.7 * r, 0.7 * r, 0.0, 20)]), cap, 1.0, False),
             (fr.fill([_ellipse(-0.2 * r, -0.2 * r, 0.25 * r, 0.15 * r, 0.8, 10)]), cap + 0.5 * (255 - cap), 0.6,
              False)]
    return _u8(_laid(f, parts, 0.4))


BOOK_CLOTH = ((96, 24, 28), (28, 60, 40), (70, 44, 26), (28, 36, 70))


def _fore_edge(f: np.ndarray, rng) -> np.ndarray:
    """The picture as a fore-edge painting, on the edge of a book's page block, the book fanned open a little
    differently from when it was painted: pages 1.2-2% of the side thick, at least 0.7 px, each page's strip of
    the picture moved along the edge by ``A sin(2 pi (k y / h) + phase)`` at its middle, ``A`` 2.5-5% of the side,
    at least 0.8 px, ``k`` 0.5-1 (so the picture steps page by page), the gap under each page a dark line of 22%
    of a page, at least 0.35 px, at 30-45%; the fanned block lit up to 5-9% more towards one end; the boards at
    top and bottom 4-6% of the side thick, at least 1.5 px, in dark red, green, brown or blue book cloth."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    p = max(0.7, side * rng.uniform(0.012, 0.02))
    A = max(0.8, side * rng.uniform(0.025, 0.05))
    k, ph = rng.uniform(0.5, 1.0), rng.uniform(0, 2 * np.pi)
    page = np.floor(yy / p)
    mid = (page + 0.5) * p
    shift = A * np.sin(2 * np.pi * k * mid / h + ph)
    out = _resample(f, yy, xx - shift)
    frac = yy / p - page
    dist = np.minimum(frac, 1 - frac) * p
    gw = max(0.35, 0.22 * p)
    out = out * (1 - rng.uniform(0.3, 0.45) * np.clip(gw / 2 + 0.5 - dist, 0, 1))[..., None]
    lit = 1 + rng.uniform(0.05, 0.09) * (yy / h if rng.random() < 0.5 else 1 - yy / h)
    out = out * lit[..., None]
    bt = max(1.5, side * rng.uniform(0.04, 0.06))
    board = np.clip(bt + 0.5 - np.minimum(yy, h - yy), 0, 1)
    return _u8(_paint(out, board, BOOK_CLOTH[int(rng.integers(len(BOOK_CLOTH)))]))


def _funhouse_mirror(f: np.ndarray, ground: float, rng) -> np.ndarray:
    """The picture's reflection in a funhouse mirror, a sheet bent in waves about a vertical line: across the
    picture magnified by ``1 + a sin(2 pi y / lambda + phase)``, ``a`` 0.18-0.3, ``lambda`` 0.7-1.2 times the side,
    about the middle, and moved up or down by up to 1-2% of the side with the waves across it; where the mirror
    shows what lies beyond the picture, the ground (the picture's border tone); a soft highlight along a diagonal
    band 12-20% of the side wide, at 8-14%; a frame 3-5% of the side wide, at least 1.5 px, of gilt or dark wood."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    a, lam, ph = rng.uniform(0.18, 0.3), side * rng.uniform(0.7, 1.2), rng.uniform(0, 2 * np.pi)
    mag = 1 + a * np.sin(2 * np.pi * yy / lam + ph)
    sx = w / 2 + (xx - w / 2) / mag
    sy = yy + side * rng.uniform(0.01, 0.02) * np.sin(2 * np.pi * xx / (side * rng.uniform(0.8, 1.4)))
    out = _resample(f, sy, sx)
    beyond = np.clip(np.maximum(-sx, sx - w) + 0.5, 0, 1)
    out = _paint(out, beyond, [ground] * 3)
    t = rng.uniform(0, 2 * np.pi)
    band = np.exp(-(((xx - w / 2) * np.cos(t) + (yy - h / 2) * np.sin(t) - side * rng.uniform(-0.25, 0.25))
                    / (side * rng.uniform(0.06, 0.1))) ** 2)
    out = _paint(out, band * rng.uniform(0.08, 0.14), (250, 250, 246))
    fw = max(1.5, side * rng.uniform(0.03, 0.05))
    frame = np.clip(fw + 0.5 - np.minimum(np.minimum(xx, w - xx), np.minimum(yy, h - yy)), 0, 1)
    wood = ((196, 160, 72), (70, 44, 28))[int(rng.integers(2))]
    return _u8(_paint(out, frame, wood))


def _hand_fan(f: np.ndarray, ground: float, rng) -> np.ndarray:
    """The picture printed on a paper folding fan and the fan opened: its pivot in the middle 94-98% of the way
    down, opened through 110-130 degrees, its paper from 28-34% to 100% of a radius reaching 5% of the side from
    the top (the picture's columns spread round the arc, its top along the outer edge; the fan's two ends run
    out of the frame), folded in 14-20 pleats
    below 48 px, 20-28 above, each lit 7-12% more on one half than on the other, with a fold line at 20-30%
    between them; below the paper the bare wooden sticks, one a pleat, and a rivet at the pivot; the ground
    outside the fan white where the picture's border is darker than 110, else near black."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    px, py = w / 2, h * rng.uniform(0.94, 0.98)
    R = py - side * 0.05
    theta = np.deg2rad(rng.uniform(110, 130))
    r0 = R * rng.uniform(0.28, 0.34)
    r = np.hypot(xx - px, yy - py)
    phi = np.arctan2(xx - px, py - yy)  # 0 straight up, positive to the right
    out = np.full_like(f, 244.0 if ground < 110 else 18.0)
    sx = (phi / theta + 0.5) * w
    sy = (R - r) / (R - r0) * h
    pic = _resample(f, sy, sx)
    n = int(rng.integers(14, 21)) if side < 48 else int(rng.integers(20, 29))
    q = (phi / theta + 0.5) * n
    within = q - np.floor(q)
    c = rng.uniform(0.07, 0.12)
    pic = pic * (1 + np.where(within < 0.5, c / 2, -c / 2))[..., None]
    fold = np.clip(max(0.4, side * 0.004) + 0.5 - np.minimum(within, 1 - within) * (theta / n) * r, 0, 1)
    pic = pic * (1 - rng.uniform(0.2, 0.3) * fold)[..., None]
    edge = np.clip(np.minimum(R - r, r - r0) + 0.5, 0, 1) * np.clip((theta / 2 - np.abs(phi)) * r + 0.5, 0, 1)
    out = _paint(out, edge, pic)
    sticks = [[(px, py), (px + r0 * np.sin(a), py - r0 * np.cos(a))]
              for a in np.linspace(-theta / 2, theta / 2, n + 1)]
    lw = max(0.6, side * 0.012)
    out = _paint(out, _drawn((h, w), lambda d, s: [d.line([(x * s, y * s) for x, y in st], fill=255,
                                                          width=max(1, round(lw * s))) for st in sticks]),
                 (150, 104, 60))
    rv = max(0.8, side * 0.02)
    out = _paint(out, np.clip(rv + 0.5 - np.hypot(xx - px, yy - py), 0, 1), (200, 190, 160))
    return _u8(out)


def near_edit_y(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "banana":  # a banana lying on the print
        return _banana(f, rng)
    if kind == "strawberry":  # a strawberry lying on the print
        return _strawberry(f, rng)
    if kind == "paper_plane":  # a folded paper dart lying on the print
        return _paper_plane(f, rng)
    if kind == "stapler":  # a desk stapler lying on the print
        return _stapler(f, rng)
    if kind == "fidget_spinner":  # a fidget spinner lying on the print
        return _fidget_spinner(f, rng)
    if kind == "fore_edge":  # a fore-edge painting on a fanned page block
        return _fore_edge(f, rng)
    if kind == "funhouse_mirror":  # the reflection in a wavy funhouse mirror
        return _funhouse_mirror(f, _ground(a), rng)
    if kind == "hand_fan":  # printed on a paper folding fan, opened
        return _hand_fan(f, _ground(a), rng)
    raise ValueError(kind)


# -- blurs -----------------------------------------------------------------------------------
def _glass_dust(h: int, w: int, rng) -> np.ndarray:
    """Specks of dust and a fibre or two on a sheet of glass, in focus (0-1 coverage)."""
    side = min(h, w)
    n = int(rng.integers(3, 7)) if side < 48 else int(rng.integers(12, 31))
    specks = [(rng.uniform(0, w), rng.uniform(0, h), max(0.35, side * rng.uniform(0.003, 0.008))) for _ in range(n)]
    fibres = []
    for _ in range(int(rng.integers(1, 3))):
        x, y, t = rng.uniform(0, w), rng.uniform(0, h), rng.uniform(0, 2 * np.pi)
        ln = side * rng.uniform(0.06, 0.12)
        fibres.append([(x + ln * s * np.cos(t + 0.6 * s * s), y + ln * s * np.sin(t + 0.6 * s * s))
                       for s in np.linspace(0, 1, 6)])

    def draw(d, k):
        for x, y, r in specks:
            d.ellipse(((x - r) * k, (y - r) * k, (x + r) * k, (y + r) * k), fill=255)
        for p in fibres:
            d.line([(x * k, y * k) for x, y in p], fill=255, width=max(1, round(0.3 * k)))
    return _drawn((h, w), draw)


def blur_y(a: np.ndarray, kind: str, rng) -> np.ndarray:
    h, w = a.shape[:2]
    side = min(h, w)
    f = a.astype(np.float32)
    yy, xx = _pixels(h, w)
    if kind == "cctv_night_mode":  # a security camera in its infrared night mode, focused by day
        ir = f @ np.array([0.55, 0.33, 0.12], np.float32)
        g = np.repeat(ir[..., None], 3, axis=2)
        out = _fft_blur(g, _disk_kernel(max(1.8, side * rng.uniform(0.055, 0.08))))
        rr = np.hypot(xx - w / 2, yy - h / 2) / (0.45 * side)
        out = out * (0.85 + 0.3 * np.exp(-rr ** 2))[..., None] + rng.uniform(4, 8)
        out = out + rng.normal(0, rng.uniform(1.5, 2.5), (h, w, 1))
        return _u8(_metered(out, f))
    if kind == "frame_glass_focus":  # a framed print, the autofocus caught by dust on its glass
        out = _fft_blur(f, _disk_kernel(max(1.8, side * rng.uniform(0.06, 0.085))))
        out = out + rng.uniform(3, 6)  # the glass's faint veil
        out = _metered(out, f)
        dust = _glass_dust(h, w, rng)
        return _u8(_paint(out, dust * rng.uniform(0.6, 0.9), [rng.uniform(180, 230)] * 3))
    if kind == "webcam_too_close":  # a document held up too close to a laptop's fixed-focus webcam
        out = _fft_blur(f, _disk_kernel(max(1.6, side * rng.uniform(0.05, 0.075))))
        q = rng.uniform(0.45, 0.6)
        small = Image.fromarray(_u8(out)).resize((max(2, round(w * q)), max(2, round(h * q))), Image.BOX)
        out = np.asarray(small.resize((w, h), Image.BILINEAR), np.float32)
        warm = rng.uniform(-0.04, 0.04)
        out = out * np.array([1 + warm, 1.0, 1 - warm], np.float32) + rng.normal(0, 1.5, (h, w, 3))
        return _u8(_metered(out, f))
    raise ValueError(kind)


# -- darkening -------------------------------------------------------------------------------
def dark_y(a: np.ndarray, kind: str, rng) -> np.ndarray:
    h, w = a.shape[:2]
    side = min(h, w)
    f = a.astype(np.float32)
    yy, xx = _pixels(h, w)
    if kind == "redscale":  # colour negative film loaded backwards, exposed through its base
        e = (f @ np.array([0.62, 0.32, 0.06], np.float32)) / 255 * rng.uniform(0.08, 0.16)
        green = rng.uniform(0.3, 0.4) + rng.uniform(0.2, 0.35) * np.sqrt(e / 0.16)
        out = 255 * e[..., None] * np.stack([np.ones_like(e), green, np.full_like(e, rng.uniform(0.06, 0.14))], 2)
        out = out * (1 + rng.normal(0, 0.06, (h, w, 1))) + rng.uniform(2, 5) * np.array([1.0, 0.5, 0.2])
        return _u8(out + rng.normal(0, 1.0, f.shape))
    if kind == "dark_frame_leak":  # long-exposure noise reduction's dark frame taken with the eyepiece open
        cx, cy = w * rng.uniform(0.4, 0.6), h * rng.uniform(0.35, 0.55)
        rho = side * rng.uniform(0.55, 0.8)
        leak = 255 * (rng.uniform(0.58, 0.7) + rng.uniform(0.2, 0.3)
                      * np.exp(-((xx - cx) ** 2 + (yy - cy) ** 2) / rho ** 2))
        tint = np.array([1.0, rng.uniform(0.95, 1.0), rng.uniform(0.9, 1.0)], np.float32)
        out = np.maximum(f - leak[..., None] * tint, 0)
        return _u8(np.maximum(out + rng.normal(0, 1.2, f.shape), 0))
    if kind == "expired_film":  # a roll of colour film twenty years past its date, printed as shot
        v = f / 255
        b = rng.uniform(0.13, 0.22) * np.array([1.0, rng.uniform(0.85, 1.05), rng.uniform(0.6, 0.85)], np.float32)
        fog = rng.uniform(4, 10) * np.array([0.8, rng.uniform(0.9, 1.2), 1.0], np.float32)
        out = fog + 255 * b * (1.6 * v ** 1.2) / (1 + 0.6 * v ** 1.2)
        grain = rng.normal(0, rng.uniform(1.5, 2.5), (h, w, 1)) + rng.normal(0, 0.8, f.shape)
        return _u8(out + grain)
    raise ValueError(kind)


# -- outliers --------------------------------------------------------------------------------
def _anchor(size: int, rng) -> dict:
    """A ship's anchor: a shank 62-72% of the side long down the middle, a ring at its top, a stock across it
    40-52% of the side wide below the ring with round ends, the arms a U curving up from the crown to a radius
    of 26-34% of the side, each ending in a pointed fluke, and a rope through the ring hanging in a loose curve
    to one side; turned by up to 15 degrees (0-1 coverage each)."""
    big = 4 * size
    c = big / 2
    Ls = big * rng.uniform(0.62, 0.72)
    y0 = (big - Ls) / 2 + big * 0.04
    y1 = y0 + Ls
    sw = max(3, round(big * rng.uniform(0.05, 0.065)))
    ra = big * rng.uniform(0.26, 0.34)
    L = _canvas(("iron", "ring", "rope"), big)
    d = {k: ImageDraw.Draw(v) for k, v in L.items()}
    d["iron"].line([(c, y0 + 0.05 * big), (c, y1)], fill=255, width=sw)
    rr = big * 0.05
    d["ring"].ellipse((c - rr, y0 - rr, c + rr, y0 + rr), outline=255, width=max(2, round(0.35 * sw)))
    st = big * rng.uniform(0.2, 0.26)
    ys = y0 + 0.12 * big
    d["iron"].line([(c - st, ys), (c + st, ys)], fill=255, width=max(2, round(0.8 * sw)))
    for s in (-1, 1):
        d["iron"].ellipse((c + s * st - 0.6 * sw, ys - 0.6 * sw, c + s * st + 0.6 * sw, ys + 0.6 * sw), fill=255)
    t = np.linspace(np.pi * 0.05, np.pi * 0.95, 24)
    arc = [(c + ra * np.cos(u), y1 - ra + ra * np.sin(u)) for u in t]
    d["iron"].line(arc, fill=255, width=sw, joint="curve")
    for s, (x, y) in ((1, arc[0]), (-1, arc[-1])):
        fl = 0.11 * big
        d["iron"].polygon([(x + s * 0.55 * fl, y - 0.05 * fl), (x + s * 0.1 * fl, y - 1.0 * fl),
                           (x - s * 0.45 * fl, y + 0.25 * fl)], fill=255)
    side = rng.choice([-1, 1])
    rope = [(c + side * (rr + big * 0.3 * u), y0 + big * (0.5 * np.sin(np.pi * u) * 0.7 + 0.02 * u) + rr * 0.3)
            for u in np.linspace(0, 1, 16)]
    d["rope"].line([(c, y0 + rr)] + rope, fill=255, width=max(2, round(0.3 * sw)), joint="curve")
    ang = rng.uniform(-15, 15)
    return {k: _down(v, size, ang) for k, v in L.items()}


def _radio_telescope(size: int, rng) -> dict:
    """A radio telescope seen from the side: the ground 84-90% of the way down, a tapering pedestal to 48-56% of
    the way down, a yoke holding a parabolic dish 62-76% of the side across, tilted up by 20-60 degrees, its
    rim, its white face and darker back, three feed legs from the rim to a feed box at the focus 30-36% of the
    dish's width in front of it; facing either way (0-1 coverage each)."""
    big = 4 * size
    yg = big * rng.uniform(0.84, 0.9)
    yp = big * rng.uniform(0.48, 0.56)
    c = big / 2
    D = big * rng.uniform(0.62, 0.76)
    tilt = np.deg2rad(rng.uniform(20, 60))
    s = rng.choice([-1, 1])
    X = lambda x: c + s * (x - c)  # noqa: E731
    L = _canvas(("ground", "pedestal", "face", "back", "legs", "feed"), big)
    d = {k: ImageDraw.Draw(v) for k, v in L.items()}
    d["ground"].rectangle((0, yg, big, big), fill=255)
    d["pedestal"].polygon([(X(c - 0.11 * big), yg), (X(c + 0.11 * big), yg), (X(c + 0.05 * big), yp),
                           (X(c - 0.05 * big), yp)], fill=255)
    d["pedestal"].rectangle((min(X(c - 0.08 * big), X(c + 0.08 * big)), yp - 0.04 * big,
                             max(X(c - 0.08 * big), X(c + 0.08 * big)), yp + 0.01 * big), fill=255)
    # the dish: a paraboloid seen edge-on: its axis at ``tilt`` above the horizontal, pointing towards +x
    ax, ay = np.cos(tilt), -np.sin(tilt)  # the axis (x, y), y down
    ux, uy = -ay, ax  # across the dish
    hx, hy = c + 0.02 * big * ax, yp - 0.06 * big  # the dish's vertex
    depth = 0.16 * D
    v = np.linspace(-1, 1, 25)
    rim = [(hx + (depth * t * t) * ax + D / 2 * t * ux, hy + (depth * t * t) * ay + D / 2 * t * uy) for t in v]
    front = [(hx + depth * ax + D / 2 * t * ux + 0.09 * D * (1 - t * t) * ax,
              hy + depth * ay + D / 2 * t * uy + 0.09 * D * (1 - t * t) * ay) for t in v[::-1]]
    d["back"].polygon([(X(x), y) for x, y in rim + front], fill=255)
    face = [(hx + depth * ax + D / 2 * t * ux - 0.06 * D * (1 - t * t) * ax,
             hy + depth * ay + D / 2 * t * uy - 0.06 * D * (1 - t * t) * ay) for t in v]
    d["face"].polygon([(X(x), y) for x, y in face + front], fill=255)
    fx, fy = hx + (depth + 0.33 * D) * ax, hy + (depth + 0.33 * D) * ay
    lw = max(2, round(0.008 * big))
    for t in (-1, 0.0, 1):
        px = hx + depth * t * t * ax + D / 2 * t * ux if t else hx + 0.02 * D * ax
        py = hy + depth * t * t * ay + D / 2 * t * uy if t else hy + 0.02 * D * ay
        d["legs"].line([(X(px), py), (X(fx), fy)], fill=255, width=lw)
    fb = 0.035 * big
    d["feed"].ellipse((X(fx) - fb, fy - fb, X(fx) + fb, fy + fb), fill=255)
    return {k: _down(v, size) for k, v in L.items()}


def _accordion(size: int, rng) -> dict:
    """A piano accordion seen from the front, its bellows drawn open wider at the top: two end boxes 17-20% of
    the side wide and 60-72% high, the right with a piano keyboard (white keys and black keys between them), the
    left with 4-6 rows of 8-11 round bass buttons, between them bellows of 9-13 pleats, each folded into a light
    and a dark half, 24-32% of the side wide at the bottom and 1.2-1.5 times that at the top; turned by up to 10
    degrees (0-1 coverage each)."""
    big = 4 * size
    c = big / 2
    bw = big * rng.uniform(0.17, 0.2)
    bh = big * rng.uniform(0.6, 0.72)
    y0, y1 = c - bh / 2, c + bh / 2
    wb = big * rng.uniform(0.24, 0.32)
    wt = min(wb * rng.uniform(1.2, 1.5), big * 0.96 - 2 * bw)
    wb = min(wb, wt)
    L = _canvas(("boxes", "keys", "black_keys", "buttons", "pleat_light", "pleat_dark"), big)
    d = {k: ImageDraw.Draw(v) for k, v in L.items()}
    n = int(rng.integers(9, 14))
    xl = lambda y, u: c - (wb + (wt - wb) * (y1 - y) / bh) / 2 + u * (wb + (wt - wb) * (y1 - y) / bh)  # noqa: E731
    for i in range(n):
        for half, layer in ((0, "pleat_light"), (1, "pleat_dark")):
            u0, u1 = (i + 0.5 * half) / n, (i + 0.5 * half + 0.5) / n
            d[layer].polygon([(xl(y0, u0), y0), (xl(y0, u1), y0), (xl(y1, u1), y1), (xl(y1, u0), y1)], fill=255)
    left = (xl(y0, 0) - bw, xl(y1, 0) - bw)
    right = (xl(y0, 1), xl(y1, 1))
    d["boxes"].polygon([(left[0], y0), (left[0] + bw, y0), (left[1] + bw, y1), (left[1], y1)], fill=255)
    d["boxes"].polygon([(right[0], y0), (right[0] + bw, y0), (right[1] + bw, y1), (right[1], y1)], fill=255)
    nk = int(rng.integers(12, 18))
    kx0 = (right[0] + right[1]) / 2 + 0.35 * bw
    kw = 0.5 * bw
    for j in range(nk):
        ya, yb = y0 + 0.06 * bh + j * 0.88 * bh / nk, y0 + 0.06 * bh + (j + 1) * 0.88 * bh / nk
        d["keys"].rectangle((kx0, ya + 1, kx0 + kw, yb - 1), fill=255)
        if j % 7 not in (2, 6) and j < nk - 1:
            d["black_keys"].rectangle((kx0 + 0.4 * kw, yb - 0.3 * (yb - ya), kx0 + kw, yb + 0.3 * (yb - ya)),
                                      fill=255)
    rows, cols = int(rng.integers(4, 7)), int(rng.integers(8, 12))
    br = min(0.32 * 0.7 * bw / rows, 0.32 * 0.85 * bh / cols)
    lx = (left[0] + left[1]) / 2
    for i in range(rows):
        for j in range(cols):
            x = lx + 0.15 * bw + (i + 0.5) * 0.7 * bw / rows
            y = y0 + 0.08 * bh + (j + 0.5) * 0.84 * bh / cols
            d["buttons"].ellipse((x - br, y - br, x + br, y + br), fill=255)
    ang = rng.uniform(-10, 10)
    return {k: _down(v, size, ang) for k, v in L.items()}


ANCHOR_GROUNDS = ((214, 196, 150), (60, 96, 140), (128, 92, 60))
SKIES = (((70, 120, 200), (170, 200, 235)), ((60, 70, 130), (240, 150, 80)), ((120, 140, 170), (205, 210, 215)))
ACCORDIONS = ((170, 24, 32), (24, 24, 28), (236, 232, 222), (30, 70, 150))


def outlier_y(name: str, kind: str, size: int, lo: int, hi: int, rng) -> np.ndarray:
    photos = name.startswith("photos")
    ground = lambda col: np.ones((size, size, 3), np.float32) * np.asarray(col, np.float32)  # noqa: E731
    tone = lambda t: [lo + (hi - lo) * t] * 3  # noqa: E731
    if kind == "anchor":
        m = _anchor(size, rng)
        if photos:  # black, rusty or painted-red iron on sand, sea blue or a wooden deck, a hemp rope
            iron = ((34, 34, 38), (120, 64, 36), (150, 30, 30))[int(rng.integers(3))]
            out = _paint(ground(ANCHOR_GROUNDS[int(rng.integers(len(ANCHOR_GROUNDS)))]), m["rope"], (196, 170, 120))
            return _u8(_paint(_paint(out, m["iron"], iron), m["ring"], np.asarray(iron, np.float32) * 0.8 + 20))
        out = _paint(_paint(ground([lo] * 3), m["rope"], tone(0.55)), m["iron"], tone(1.0))
        return _u8(_paint(out, m["ring"], tone(0.8)))
    if kind == "radio_telescope":
        m = _radio_telescope(size, rng)
        if photos:  # a white dish on a grey pedestal over green or dry grass under a day, dusk or overcast sky
            top, low = (np.asarray(c, np.float32) for c in SKIES[int(rng.integers(len(SKIES)))])
            v = np.linspace(0, 1, size)[:, None, None]
            out = np.broadcast_to(top * (1 - v) + low * v, (size, size, 3)).astype(np.float32)
            out = _paint(out, m["ground"], ((80, 130, 60), (170, 150, 90))[int(rng.integers(2))])
            out = _paint(_paint(out, m["pedestal"], (150, 152, 156)), m["back"], (190, 192, 196))
            out = _paint(_paint(out, m["face"], (246, 246, 244)), m["legs"], (120, 122, 126))
            return _u8(_paint(out, m["feed"], (90, 90, 96)))
        out = _paint(_paint(ground([lo] * 3), m["ground"], tone(0.25)), m["pedestal"], tone(0.6))
        out = _paint(_paint(out, m["back"], tone(0.7)), m["face"], tone(1.0))
        return _u8(_paint(_paint(out, m["legs"], tone(0.5)), m["feed"], tone(0.8)))
    if kind == "accordion":
        m = _accordion(size, rng)
        if photos:  # a red, black, white or blue accordion on a dark stage, a wooden floor or grey
            body = np.asarray(ACCORDIONS[int(rng.integers(len(ACCORDIONS)))], np.float32)
            out = ground(((28, 24, 30), (150, 110, 70), (120, 120, 124))[int(rng.integers(3))])
            out = _paint(_paint(out, m["pleat_light"], (70, 70, 76)), m["pleat_dark"], (24, 24, 28))
            out = _paint(_paint(out, m["boxes"], body), m["keys"], (244, 242, 236))
            out = _paint(out, m["black_keys"], (20, 20, 22))
            return _u8(_paint(out, m["buttons"], (226, 220, 206)))
        out = _paint(_paint(ground([lo] * 3), m["pleat_light"], tone(0.75)), m["pleat_dark"], tone(0.35))
        out = _paint(_paint(out, m["boxes"], tone(0.55)), m["keys"], tone(1.0))
        return _u8(_paint(_paint(out, m["black_keys"], tone(0.1)), m["buttons"], tone(0.95)))
    raise ValueError(kind)


# -- label noise -----------------------------------------------------------------------------
def linked_pairs_flips(base: list[np.ndarray], labels: list, classes: list, candidates: list, count: int,
                       rng) -> dict[int, object]:
    """``count`` examples to flip and their new labels: the set was labelled by same-or-not questions, asked of
    every pair of pictures each among the other's ``ASKED`` nearest look-alikes (by the distance of 8 x 8 grey
    thumbnails, standardised), the answers joined by transitive closure into groups and every group given the
    class most of its pictures carry (ties to a random one of them); the labeller answered every pair of one class
    "same" and, working fast, a few pairs of different classes "same" too, the most alike first (in rounds of 1%
    of those pairs), until the pictures whose group's class is not their own among the eligible ones are at least
    twice the flips needed; the flips are drawn uniformly among those, each given its group's class."""

    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    n = len(base)
    lab = np.asarray([classes.index(v) for v in labels])
    t = _thumbs(base)
    sq = (t ** 2).sum(axis=1)
    d2 = sq[:, None] + sq[None, :] - 2 * t @ t.T
    np.fill_diagonal(d2, np.inf)
    near = np.argsort(d2, axis=1, kind="stable")[:, :ASKED]
    mutual = np.zeros((n, n), bool)
    mutual[np.repeat(np.arange(n), ASKED), near.ravel()] = True
    a, b = np.nonzero(np.triu(mutual & mutual.T))  # pairs of pictures each among the other's nearest
    same = lab[a] == lab[b]
    cross = np.flatnonzero(~same)
    cross = cross[np.argsort(d2[a[cross], b[cross]], kind="stable")]
    eligible = np.zeros(n, bool)
    eligible[np.asarray(candidates, dtype=int)] = True
    step = max(1, len(cross) // 100)
    pool, group_class = np.zeros(0, int), lab
    for used in range(step, len(cross) + step, step):
        keep = np.concatenate([np.flatnonzero(same), cross[:used]])
        g = connected_components(coo_matrix((np.ones(len(keep)), (a[keep], b[keep])), shape=(n, n)),
                                 directed=False)[1]
        counts = np.zeros((g.max() + 1, len(classes)))
        np.add.at(counts, (g, lab), 1)
        top = counts.max(axis=1, keepdims=True)
        tie = (counts == top) * rng.random(counts.shape)
        group_class = np.argmax(tie, axis=1)[g]
        pool = np.flatnonzero(eligible & (group_class != lab))
        if len(pool) >= 2 * count:
            break
    picked = rng.permutation(pool)[:count]
    return {int(i): classes[int(group_class[i])] for i in picked}


# -- planting ------------------------------------------------------------------------------
def plant_issues_y(images, labels, out_dir, *, name: str, random_state: int = 0) -> PlantedDataset:
    """Generator Y's problems (module docstring). A set whose name ends in ``_jpeg`` is written as JPEG files at a
    quality drawn from 73-92 each; the others as PNG. The planting is I's (:func:`_heldout_i.plant_generator`)."""
    return plant_generator(
        images, labels, out_dir, name=name, rates=RATES_Y, seed=250_000 + random_state,
        quality_seed=255_000 + random_state, jpeg_quality=JPEG_QUALITY,
        flips=linked_pairs_flips,
        **by_family(name, outlier=(outlier_y, OUTLIERS_Y), blur=(blur_y, BLURS_Y), dark=(dark_y, DARKS_Y),
                    near=(near_edit_y, NEAR_EDITS_Y)))
