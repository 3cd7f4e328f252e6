"""Generator O: fresh EVALUATION sets after generator N (never used to choose anything).

Why a thirteenth evaluation generator: generator N's sets were run once, on the code generator M measured, and their
results have been seen (docs/benchmarks.md); a change to ``dark`` was tried after them and not kept, so the library
is still the code M and N measured (5862911; the commits after it change benchmarks and docs only), and O is a third
untouched measurement of it. Generator O was written on 2026-12-04, after generator N's results were seen and before
any tool was run on it (only its files, their counts, the JPEG headers and contact sheets of its edits were looked at, to
check that every edit is visible, every blur blurred, every darkened image dark and every outlier foreign at 28, 124
and 156 px); it is not to be changed after its results are seen. Its edits, blurs, darkenings, foreign pictures and
label noise are of families that no tuning tool (``blur_tuning.py``'s lens blurs: Gaussian, soft disk, astigmatic
elongated Gaussian, ring; ``_foreign.py``'s textures, icons and soft photographs; ``near_photos.py``'s and
``near_small.py``'s edits; ``label_filters.py``'s and ``label_noise_models.py``'s flips), no earlier generator (A =
``dq.datasets.plant_issues``, B, D, E, F, G, H, I, J, K, L, M, N) and none of the library's calibration copies
(``dataquality/compute/_synthetic.py``: crop, shift, rotate, brightness, contrast, gamma, JPEG, resize, overlay box;
Gaussian, box, motion, down-and-up blurs) make. Left out because an earlier generator made them or one close to them:
a camera's burned-in timestamp (J's date stamp), a lens-flare streak (I's flare ghosts), a staple (N's paper clip), a
barcode or price label (K's price tag, J's barcodes), tape residue (L's tape), a halftone re-scan (I), chromatic
aberration fringes (G's channel misregistration, K's chromatic defocus), the keystone of a photographed print (D's
perspective), a phone case's vignette (E's vignette, I's finger), a cobweb over a security camera's lens (M's cracked
screen: lines radiating from a point and rings round it), a blurred-copy pillarbox (E's letterbox), a paint-bucket
fill (J's recolouring); among blurs a greasy or veiled lens (J's smear, K's dirty lens), a tilt-shift band (H), a
camera on a vibrating engine (J's vibration smear), a zoom burst (E), a spin (F), a stocking over the lens (its
diffraction orders a lattice of copies, as N's light field); among darkenings a street lamp or a candle (I's lamp,
J's sodium lamp), a room against a bright window (J's silhouette), moonlight or day-for-night (G's night shot), a
security camera's infrared lamp (H's flash falloff), a window's light in a dark room (L's stained glass), banding
under a dimmed LED (K's blinds); among foreign pictures matrix codes (G), sheet music (I), circuit boards (K's
schematics, I's transit maps), tyre treads (``_foreign.py``'s stripes), road signs (its icons) and a television test
card (every one the same picture: they would be near copies of one another, which the truth would not list); among
label noise a hotkey one class off (B's class -> next class; O's slips land on any key next to the intended one, of a
keypad's or a keyboard's rows, either way and across rows).

* ``near_duplicate`` (3%), six edits in a part of the picture and two of the whole: a background removed with a magic
  wand and the picture saved flattened, showing the editor's transparency checkerboard (the pixels within a
  tolerance of 6-12% of full scale, in every channel, of a seed's colour and connected to it, the seed of the four
  corners and 8 random places on the border whose region is largest, the tolerance raised 1.6, 2.6 and 4.2 times
  until a region of 8-45% of the picture is found, else the region nearest to 30%: a digit's or garment's whole
  ground; checks of 6-9% of the side, at least 2 px, white and 204 where the region is light, a dark theme's 62
  and 40 where it is dark), a greasy thumbprint on the print or the scanner's glass (M's fingerprint ridges, of
  period 4.5-6% of their square, at least 2.6 px, in a square of 55-75% of the side, at least 12 px, turned at
  random, anywhere in the picture, blended at 40-55% towards 205 where the picture is darker than 110 and 85 where
  it is lighter), an artist's signature (a cursive scribble 40-55% of the side long of 5-8 letters, looped or
  arched, 5-7% of the side for half a letter's height times 0.5-1.3, the capital 1.9 times that, on a wobbling
  baseline, with an underline drawn back under it, the pen 1.2-1.8% of the side, at least 0.8 px, rising by up to
  14 degrees, 5-10% of the side in from the right edge, three times in ten the left, and 10-16% up from the bottom;
  blue-black ink at 85-95% where the border is light, a silver marker where it is dark), an image viewer's
  navigator panel (the picture's thumbnail, 26-34% of the side, at least 8 px, in a dark grey panel with a margin
  of 1.5-2.5% of the side, at least 1 px, 2-4% of the side in from a random corner, with a red rectangle 40-70% of
  the thumbnail each way, its line 0.8% of the side, at least 0.7 px, for the part shown), a camera monitor's zebra
  stripes (the exposure warning over the pixels at or above the 82nd-90th percentile of the grey picture and at
  least 60% of the way from its darkest to its lightest: diagonal stripes at 45 degrees either way, period 6-9% of
  the side, at least 3 px, half of each near black at 85-100%) and a pencil lying on the print (55-80% of the side
  long, 6-8% wide, at least 2.5 px, at any angle, its middle 35-65% of the way across and down: a pink eraser, a
  metal ferrule, a body in yellow, red, green, blue or black shaded on three facets, a sharpened wooden cone with a
  graphite tip, its shadow at 45% moved half its width); of the whole picture: flicker banding (shot with a rolling
  shutter under lights flickering at the mains frequency: cosine bands across the rows, across the columns one time
  in four, of period 25-45% of the side, taking up to 25-40% of the light at their darkest, tinted by up to 25% a
  channel) and a chain-link fence close to the lens (two sets of parallel wires at 50-65 degrees either side of a
  line turned by up to 11 degrees, 14-22% of the side apart, at least 5 px, 1.2-2.2% of the side thick, at least
  0.7 px, out of focus by a Gaussian of 0.8-1.5% of the side, at least 0.5 px, at 90%: galvanised grey lit by the
  flash where the border is dark, near black against a light one);
* ``exact_duplicate`` (1%): byte-for-byte copies of a file under another name;
* ``blurry`` (3%): a video frame under recursive temporal noise filtering (a moving scene's trail: a one-sided line at
  any angle from the picture's place, its weight falling off exponentially over 7-11% of the side, at least 2.2 px,
  drawn out to three times that, a disk of 0.6 px at each point), parallax from a moving vehicle (a straight smear
  within 8 degrees of the horizontal whose length grows from 5-8% of the side, at least 1.5 px, at the top to
  16-24%, at least 4 px, at the bottom, where the ground is nearest; four lengths blended per row) and a phone's
  scuffed lens cover (a disk of radius 3-4.5% of the side, at least 1.2 px, holding 30-40% of the light, the rest in
  2-4 streaks through the middle at about evenly spread angles, give or take 9 degrees, each 24-40% of the side
  long, at least 7 px, weighted ``1 / (1 + |s| / (a quarter of its half-length))`` at ``s`` from the middle);
* ``dark`` (2%): a dark stage (the picture at a gain of 0.05-0.09 in a saturated wash of magenta, blue, red, green or
  violet, crossed by 2-4 beams through haze from the rig above, each from a point on the top edge 10-90% of the way
  across and within 35 degrees of the vertical, 1.5% of the side either side of its axis there and widening by 5% of
  the side either side for each side of its length, lighting the picture at a further 0.15-0.25 in white or a wash
  colour and glowing by 18-30 levels falling off over 1.5 sides; noise sigma 1.2 levels), a room lit by a mirror ball
  (30-70 small rectangles of light, 1.3-2.5% of the side, at least 0.8 px, for half their height and 1-1.8 times that
  for half their width, all turned alike, lighting the picture at a gain of 0.35-0.5 in a slightly warm white;
  elsewhere a gain of 0.012-0.03; noise sigma 1.2 levels) and a hand half over the lens (a gain of 0.01-0.025 but in
  the gap between two fingers, opening at a random edge 30-70% of the way along it, 12-20% of the side wide there and
  narrowing to nothing 40-70% of the side in, tilted by up to 17 degrees, its edges softened by 3-5% of the side, lit
  at a further 0.14-0.22; the light through the skin a red glow of 8-18 levels, uneven over a quarter of the side;
  noise sigma 1.2 levels);
* ``outlier`` (1.5%): petri dishes (a dish of radius 40-46% of the side with a rim 5-7% of that, agar, and 8-30
  colonies of radius 1.5-6% of the side, at least 0.8 px, 5-12 below 48 px, and from 48 px half the time an
  inoculation streak of small colonies along a zigzag), bicycles (seen from the side: wheels of radius 19-23% of the
  side with 12-18 spokes, 6 below 48 px, hubs 50-56% of the side apart, a frame of tubes 2.5-3.5% of the side thick
  with fork, saddle, stem and bars, turned by up to 8 degrees, facing either way) and leaves (an ovate serrated, a
  lobed, as an oak's, or a palmate leaf, as a maple's, 68-80% of the side long, with its stalk and its midrib and side
  veins or a vein into each lobe, at any turn); the digit and clothing sets get them in their own tones on their dark
  ground, the photographs as amber, blood-red or pale agar with cream, white or yellow colonies on a dark bench or a
  white sheet, a red, blue, green, yellow, black or white bicycle with black tyres against a light wall, grey paving
  or pale blue, and a green, yellow-green, orange, red or golden leaf on a scanner's white or on dark soil;
* ``label`` (5%): *hotkey-slip* flips: a labeller assigns classes by hotkeys, a numeric keypad's for ten classes or
  fewer (7 8 9 / 4 5 6 / 1 2 3 / a wide 0, class ``k`` of the class order on key ``k``: a digit on its own key),
  else a keyboard's keys 1-0, q-p, a-l, z-m in class order, and now and then hits a key next to the intended one (on
  its row either side, or on the row above or below within half a key on the keypad, three quarters of a key on the
  keyboard, whose rows are set off); the flips are drawn uniformly among the eligible examples, each given the class
  of a random one of its class's neighbouring keys. Every flip changes the label, so every one is in the truth.

Each planted defect has its own source image; nothing else is planted, so only these six issue types are scored on
O's sets. Base data are the evaluation domains drawn with seeds no other set uses: Fashion-MNIST *test* (2,000,
seed 131), MNIST (2,000, seed 132), and the evaluation photographs tiled at 124 px (35 tiles a photograph at most,
seed 133: 404) and at 156 px (every tile, seed 134: 294), sizes no other set uses. ``photos124_o_jpeg`` is written
as JPEG files, each at a quality drawn from 75-92 (a stream of its own, seed ``155_000 + random_state``), every edit,
blur and darkening made before the encoding, near copies made from the decoded JPEG and saved again at their own
quality, exact copies byte copies of the file; the other sets are PNG files. Planting draws from seed
``150_000 + random_state``. The planting is I's (:func:`_heldout_i.plant_generator`, as for J, K, L, M and N).
"""

from __future__ import annotations

import numpy as np
from _heldout_h import _drawn, _fft_blur, _u8
from _heldout_i import _grid, by_family, plant_generator
from _heldout_k import _in_corner, _paint, _scaled, _turn
from _heldout_l import _blend_rows, _smooth_field
from _heldout_m import _fingerprint
from _heldout_n import _disks
from PIL import Image, ImageDraw

from dataquality.datasets import PlantedDataset

EVALUATION_O = ("fashion_test_o", "mnist_o", "photos124_o_jpeg", "photos156_o")
# each set's base: (data, seed) or ("photos", seed, tile size, tiles per photograph quick, full)
BASES_O = {
    "fashion_test_o": ("fashion_test", 131),
    "mnist_o": ("mnist", 132),
    "photos124_o_jpeg": ("photos", 133, 124, 12, 35),
    "photos156_o": ("photos", 134, 156, 8, 1000),
}
JPEG_QUALITY = (75, 93)  # the JPEG set's qualities: integers in [low, high)
RATES_O = {"near_duplicate": 0.03, "exact_duplicate": 0.01, "blurry": 0.03, "dark": 0.02, "outlier": 0.015,
           "label": 0.05}
NEAR_EDITS_O = ("transparency", "fingerprint", "signature", "navigator", "zebra", "pencil", "flicker_bands",
                "fence")
BLURS_O = ("noise_filter_trail", "parallax", "scuffed_cover")
DARKS_O = ("stage_wash", "mirror_ball", "hand_over_lens")
OUTLIERS_O = ("petri_dish", "bicycle", "leaf")
# hotkeys in class order: a numeric keypad's (x, y) for up to ten classes, a keyboard's number, top, home and
# bottom rows beyond
KEYPAD = {0: (0.5, 3), 1: (0, 2), 2: (1, 2), 3: (2, 2), 4: (0, 1), 5: (1, 1), 6: (2, 1), 7: (0, 0), 8: (1, 0),
          9: (2, 0)}
KEYBOARD_ROWS = (("1234567890", 0.0), ("qwertyuiop", 0.5), ("asdfghjkl", 0.75), ("zxcvbnm", 1.25))


def load_base_o(name: str, quick: bool = False):
    import _heldout

    return _heldout.load_generator_base(name, quick, BASES_O, "O")


def _ground(a: np.ndarray) -> float:
    """The mean of the picture's border: its ground's tone."""
    return float(np.concatenate([a[0], a[-1], a[:, 0], a[:, -1]]).mean())


# -- near copies -----------------------------------------------------------------------------
def _transparency(a: np.ndarray, rng) -> np.ndarray:
    """A background removed with a magic wand and the picture saved flattened as the editor shows it: the
    selected region (the pixels within a tolerance of a seed's colour, connected to it) an editor's
    transparency checkerboard."""
    from scipy.ndimage import label

    h, w = a.shape[:2]
    side = min(h, w)
    f = a.astype(np.float32)
    tol = rng.uniform(0.06, 0.12) * 255
    seeds = [(0, 0), (0, w - 1), (h - 1, 0), (h - 1, w - 1)]
    for _ in range(8):  # and eight random places on the border
        t = int(rng.integers(2 * (h + w)))
        seeds.append((0, t) if t < w else (h - 1, t - w) if t < 2 * w else (t - 2 * w, 0) if t < 2 * w + h
                     else (t - 2 * w - h, w - 1))
    region, fallback = None, (9.0, None)
    for m in (1.0, 1.6, 2.6, 4.2):  # the tolerance raised until a region of 8-45% of the picture is selected
        found = []
        for y, x in seeds:
            near = np.abs(f - f[y, x]).max(axis=2) <= tol * m
            lab, _ = label(near)
            r = lab == lab[y, x]
            s = float(r.mean())
            found.append((s, r))
            if abs(s - 0.3) < fallback[0]:
                fallback = (abs(s - 0.3), r)
        ok = [(s, r) for s, r in found if 0.08 <= s <= 0.45]
        if ok:
            region = max(ok, key=lambda x: x[0])[1]
            break
    if region is None:  # else the region nearest to 30% (a digit's or a garment's whole dark ground)
        region = fallback[1]
    q = max(2.0, side * rng.uniform(0.06, 0.09))
    yy, xx = np.mgrid[0:h, 0:w]
    check = ((yy // q + xx // q) % 2).astype(bool)
    light = f[region].mean() >= 100  # a light theme's checks on a light ground, a dark theme's on a dark one
    tones = (255, 204) if light else (62, 40)
    out = a.copy()
    out[region & check] = tones[0]
    out[region & ~check] = tones[1]
    return out


def _fingerprint_smudge(f: np.ndarray, rng) -> np.ndarray:
    """A greasy thumbprint on a glossy print or the scanner's glass: ridges in an oval, a sheen that lightens
    the dark parts under it and dulls the light ones."""
    h, w = f.shape[:2]
    side = min(h, w)
    c = max(12, round(side * rng.uniform(0.55, 0.75)))
    ink = _fingerprint(c, rng)
    ink = np.asarray(Image.fromarray((ink * 255).astype(np.uint8)).rotate(rng.uniform(0, 360), Image.BILINEAR),
                     np.float32) / 255
    y0 = int(rng.integers(0, h - c + 1))
    x0 = int(rng.integers(0, w - c + 1))
    m = np.zeros((h, w), np.float32)
    m[y0: y0 + c, x0: x0 + c] = ink
    sheen = np.where(f.mean(axis=2, keepdims=True) < 110, 205.0, 85.0) * np.array([1.0, 0.99, 0.95])
    a = m[..., None] * rng.uniform(0.4, 0.55)
    return _u8(f * (1 - a) + sheen * a)


def _signature(f: np.ndarray, rng) -> np.ndarray:
    """An artist's signature in a lower corner: a cursive scribble of loops with a capital and an underline."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = side * rng.uniform(0.4, 0.55)
    b = side * rng.uniform(0.05, 0.07)  # half a loop's height
    n = int(rng.integers(5, 9))  # letters
    right = rng.random() < 0.7
    x0 = w - side * rng.uniform(0.05, 0.1) - L if right else side * rng.uniform(0.05, 0.1)
    y0 = h - side * rng.uniform(0.1, 0.16)
    t = np.linspace(0, 1, 40 * n)
    amp = np.interp(t, np.linspace(0, 1, n + 1), rng.uniform(0.5, 1.3, n + 1))
    amp[t < 1 / n] *= 1.9  # the capital
    # a loop where the backward swing beats the forward run, an arch where it does not; the baseline wobbling
    a = L / (2 * np.pi * n) * np.interp(t, np.linspace(0, 1, n + 1), rng.uniform(0.7, 1.9, n + 1))
    x = x0 + L * t - a * np.sin(2 * np.pi * n * t)
    y = y0 - b * amp * (1 - np.cos(2 * np.pi * n * t)) + b * 0.4 * np.sin(2 * np.pi * rng.uniform(0.5, 1.5) * t)
    pts = list(zip(x, y))
    swash = [(x0 + L * (1.05 - 1.1 * s), y0 + side * 0.03 + side * 0.02 * np.sin(np.pi * s))
             for s in np.linspace(0, 1, 12)]  # the underline, drawn back under it
    ang = np.deg2rad(rng.uniform(-14, 3))
    pts, swash = _turn(pts, x0, y0, ang), _turn(swash, x0, y0, ang)
    lw = max(0.8, side * rng.uniform(0.012, 0.018))
    m = _drawn((h, w), lambda d, s: [d.line(_scaled(p, s), fill=255, width=max(1, round(lw * s)), joint="curve")
                                     for p in (pts, swash)])
    ink = (20, 30, 90) if _ground(f) >= 100 else (232, 222, 190)  # blue-black ink, or a silver marker on dark
    return _u8(_paint(f, m * rng.uniform(0.85, 0.95), ink))


def _navigator(f: np.ndarray, rng) -> np.ndarray:
    """A screenshot of an image viewer: its navigator panel in a corner, the picture's thumbnail with the red
    rectangle of the part shown."""
    def panel(g):  # in the top-left corner
        h, w = g.shape[:2]
        side = min(h, w)
        tw = max(8, round(side * rng.uniform(0.26, 0.34)))
        pad = max(1, round(side * rng.uniform(0.015, 0.025)))
        off = max(1, round(side * rng.uniform(0.02, 0.04)))
        thumb = np.asarray(Image.fromarray(_u8(g)).resize((tw, tw), Image.BOX), np.float32)
        out = g.copy()
        out[off: off + tw + 2 * pad, off: off + tw + 2 * pad] = (46, 46, 50)
        out[off + pad: off + pad + tw, off + pad: off + pad + tw] = thumb
        vw, vh = tw * rng.uniform(0.4, 0.7), tw * rng.uniform(0.4, 0.7)
        vx, vy = off + pad + rng.uniform(0, tw - vw), off + pad + rng.uniform(0, tw - vh)
        lw = max(0.7, side * 0.008)
        box = _drawn((h, w), lambda d, s: d.rectangle((vx * s, vy * s, (vx + vw) * s, (vy + vh) * s), outline=255,
                                                       width=max(1, round(lw * s))))
        return _paint(out, box, (235, 30, 30))

    return _u8(_in_corner(f, panel, rng))


def _zebra(f: np.ndarray, rng) -> np.ndarray:
    """A frame from a camera's monitor output with its exposure warning on: diagonal zebra stripes over the
    brightest part of the picture."""
    h, w = f.shape[:2]
    side = min(h, w)
    lum = f.mean(axis=2)
    lo, hi = float(lum.min()), float(lum.max())
    on = lum >= max(float(np.quantile(lum, rng.uniform(0.82, 0.9))), lo + 0.6 * (hi - lo))
    p = max(3.0, side * rng.uniform(0.06, 0.09))
    s = 4
    yy, xx = (np.mgrid[0: h * s, 0: w * s].astype(np.float32) + 0.5) / s
    sign = rng.choice([-1, 1])
    stripes = (((xx + sign * yy + rng.uniform(0, p)) % p) < p / 2).astype(np.float32)
    stripes = stripes.reshape(h, s, w, s).mean(axis=(1, 3))
    return _u8(_paint(f, stripes * on * rng.uniform(0.85, 1.0), (22, 22, 22)))


PENCIL_COLOURS = ((245, 190, 20), (200, 30, 35), (30, 120, 60), (30, 70, 170), (40, 40, 40))


def _pencil(f: np.ndarray, rng) -> np.ndarray:
    """A pencil lying across the print when it was scanned or photographed, with its shadow."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = side * rng.uniform(0.55, 0.8)
    W = max(2.5, side * rng.uniform(0.06, 0.08))
    cx, cy = w * rng.uniform(0.35, 0.65), h * rng.uniform(0.35, 0.65)
    ang = rng.uniform(0, 2 * np.pi)
    u0 = -L / 2

    def part(u1, u2, v1, v2, tip=False):  # a piece from u1 to u2 along the pencil, v1 to v2 across it
        q = [(u0 + u1 * L, v1), (u0 + u2 * L, v1 if not tip else 0.0), (u0 + u2 * L, v2 if not tip else 0.0),
             (u0 + u1 * L, v2)]
        return _turn([(cx + x, cy + y) for x, y in q], cx, cy, ang)

    def mask(q, dx=0.0, dy=0.0):
        return _drawn((h, w), lambda d, s: d.polygon(_scaled([(x + dx, y + dy) for x, y in q], s), fill=255))

    hw = W / 2
    whole = [part(0, 0.84, -hw, hw), part(0.84, 1.0, -hw, hw, tip=True)]
    sh = 0.5 * W
    shadow = np.clip(sum(mask(q, sh, sh) for q in whole), 0, 1)
    body = np.array(PENCIL_COLOURS[int(rng.integers(len(PENCIL_COLOURS)))], np.float32)
    out = _paint(f, shadow * 0.45, (0, 0, 0))
    out = _paint(out, mask(part(0, 0.07, -hw, hw)), (235, 140, 150))  # the eraser
    out = _paint(out, mask(part(0.07, 0.13, -hw, hw)), (190, 192, 196))  # the ferrule
    for v1, v2, k in ((-hw, -hw / 3, 0.75), (-hw / 3, hw / 3, 1.05), (hw / 3, hw, 0.88)):  # three facets
        out = _paint(out, mask(part(0.13, 0.84, v1, v2)), np.clip(body * k, 0, 255))
    out = _paint(out, mask(part(0.84, 1.0, -hw, hw, tip=True)), (222, 184, 135))  # the sharpened wood
    out = _paint(out, mask(part(0.95, 1.0, -hw * 5 / 16, hw * 5 / 16, tip=True)), (45, 45, 48))  # the lead
    return _u8(out)


def _flicker_bands(f: np.ndarray, rng) -> np.ndarray:
    """Shot with a rolling shutter under lights flickering at the mains frequency: soft bright and dark bands
    across the rows (across the columns for a camera held on its side), slightly tinted."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _grid(h, w)
    t = yy if rng.random() < 0.75 else xx
    period = side * rng.uniform(0.25, 0.45)
    depth = rng.uniform(0.25, 0.4)
    tint = 1 + 0.25 * np.cos(rng.uniform(0, 2 * np.pi) - 2 * np.pi * np.arange(3) / 3)
    wave = 0.5 + 0.5 * np.cos(2 * np.pi * t / period + rng.uniform(0, 2 * np.pi))
    return _u8(f * (1 - depth * wave[..., None] * tint))


def _fence(f: np.ndarray, rng) -> np.ndarray:
    """Photographed through a chain-link fence close to the lens: its diamond mesh out of focus over the whole
    picture, lit by the flash where the scene is dark and dark against a light one."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _grid(h, w)
    p = max(5.0, side * rng.uniform(0.14, 0.22))
    wire = max(0.7, side * rng.uniform(0.012, 0.022))
    turn = rng.uniform(-0.2, 0.2)
    half = np.deg2rad(rng.uniform(50, 65))  # the diamonds' half-angle from the horizontal
    cover = np.zeros((h, w), np.float32)
    for th in (turn + half, turn - half):
        u = xx * np.cos(th) + yy * np.sin(th) + rng.uniform(0, p)
        dist = np.abs((u % p) - p / 2)
        cover = np.maximum(cover, np.clip(wire / 2 + 0.5 - dist, 0, 1))
    cover = gaussian_filter(cover, max(0.5, side * rng.uniform(0.008, 0.015)))
    cover = np.clip(cover / max(float(cover.max()), 1e-6), 0, 1)
    colour = (np.array([150, 155, 160]) * rng.uniform(0.9, 1.1)) if _ground(f) < 100 else \
        (np.array([45, 46, 48]) * rng.uniform(0.8, 1.2))
    return _u8(_paint(f, cover * 0.9, colour))


def near_edit_o(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "transparency":  # a background removed, saved with the editor's transparency checkerboard
        return _transparency(a, rng)
    if kind == "fingerprint":  # a greasy thumbprint on the print or the scanner's glass
        return _fingerprint_smudge(f, rng)
    if kind == "signature":  # an artist's signature in a lower corner
        return _signature(f, rng)
    if kind == "navigator":  # an image viewer's screenshot with its navigator panel
        return _navigator(f, rng)
    if kind == "zebra":  # a camera monitor's exposure warning stripes over the highlights
        return _zebra(f, rng)
    if kind == "pencil":  # a pencil lying on the print
        return _pencil(f, rng)
    if kind == "flicker_bands":  # rolling-shutter banding under flickering lights
        return _flicker_bands(f, rng)
    if kind == "fence":  # shot through a chain-link fence
        return _fence(f, rng)
    raise ValueError(kind)


# -- blurs -----------------------------------------------------------------------------------
def _path_kernel(points: list[tuple[float, float]], weights: np.ndarray, radius: float) -> np.ndarray:
    """A kernel: disks of ``radius`` px at ``points`` (x, y px from the middle), each of its ``weights``
    (4 x 4 samples a pixel)."""
    r = int(np.ceil(max(max(abs(x), abs(y)) for x, y in points) + radius)) + 1
    sub = (np.arange(-r * 4, (r + 1) * 4) + 0.5) / 4 - 0.5
    yy, xx = np.meshgrid(sub, sub, indexing="ij")
    k = np.zeros_like(xx, dtype=np.float32)
    for (x, y), wt in zip(points, weights):
        k += wt * ((xx - x) ** 2 + (yy - y) ** 2 <= radius ** 2)
    n = 2 * r + 1
    return k[: n * 4, : n * 4].reshape(n, 4, n, 4).mean(axis=(1, 3))


def blur_o(a: np.ndarray, kind: str, rng) -> np.ndarray:
    h, w = a.shape[:2]
    side = min(h, w)
    f = a.astype(np.float32)
    if kind == "noise_filter_trail":  # a video frame of a moving scene under recursive temporal noise filtering
        lam = max(2.2, side * rng.uniform(0.07, 0.11))
        ang = rng.uniform(0, 2 * np.pi)
        t = np.linspace(0, 3 * lam, max(12, int(12 * lam)))
        pts = [(s * np.cos(ang), s * np.sin(ang)) for s in t]
        return _u8(_fft_blur(f, _path_kernel(pts, np.exp(-t / lam), 0.6)))
    if kind == "parallax":  # shot from a moving vehicle: the near ground, low in the frame, smeared most
        ang = np.deg2rad(rng.uniform(-8, 8))
        top, bottom = max(1.5, side * rng.uniform(0.05, 0.08)), max(4.0, side * rng.uniform(0.16, 0.24))
        levels = []
        for length in np.linspace(top, bottom, 4):
            ts = np.linspace(-0.5, 0.5, max(9, int(4 * length)))
            levels.append(_fft_blur(f, _disks([(t * length * np.cos(ang), t * length * np.sin(ang)) for t in ts],
                                              0.5)))
        yy, _ = _grid(h, w)
        return _u8(_blend_rows(levels, yy / h + 0.5))
    if kind == "scuffed_cover":  # a phone's scuffed lens cover: a soft core and streaks across the scuffs
        core_r = max(1.2, side * rng.uniform(0.03, 0.045))
        half = max(3.5, side * rng.uniform(0.12, 0.2))
        n = int(rng.integers(2, 5))
        angs = rng.uniform(0, np.pi) + np.arange(n) * np.pi / n + rng.uniform(-0.15, 0.15, n)
        core_w = rng.uniform(0.3, 0.4)
        s = np.linspace(-half, half, max(15, int(8 * half)))
        fall = 1 / (1 + np.abs(s) / (0.25 * half))  # each streak heavy near the middle
        pts = [(v * np.cos(a_), v * np.sin(a_)) for a_ in angs for v in s]
        streaks = _path_kernel(pts, np.tile(fall, n), 0.5)
        core = _disks([(0.0, 0.0)], core_r)
        r = max(streaks.shape[0], core.shape[0]) // 2
        k = np.pad(streaks / streaks.sum() * (1 - core_w), r - streaks.shape[0] // 2) + \
            np.pad(core / core.sum() * core_w, r - core.shape[0] // 2)
        return _u8(_fft_blur(f, k))
    raise ValueError(kind)


# -- darkening -------------------------------------------------------------------------------
WASH_COLOURS = np.array([[1.0, 0.2, 0.8], [0.25, 0.35, 1.0], [1.0, 0.15, 0.15], [0.2, 1.0, 0.35],
                         [0.6, 0.25, 1.0]], np.float32)


def dark_o(a: np.ndarray, kind: str, rng) -> np.ndarray:
    h, w = a.shape[:2]
    side = min(h, w)
    f = a.astype(np.float32)
    yy, xx = _grid(h, w)
    noise = rng.normal(0, 1.2, f.shape)
    if kind == "stage_wash":  # a dark stage in a coloured wash, beams through haze from the rig above
        wash = WASH_COLOURS[int(rng.integers(len(WASH_COLOURS)))]
        gain = np.zeros_like(f) + rng.uniform(0.05, 0.09) * wash
        haze = np.zeros_like(f)
        ys, xs = yy + h / 2, xx + w / 2  # from the top-left corner
        for _ in range(int(rng.integers(2, 5))):
            bx = w * rng.uniform(0.1, 0.9)
            ang = np.deg2rad(rng.uniform(-35, 35))
            along = ys * np.cos(ang) + (xs - bx) * np.sin(ang)
            across = np.abs((xs - bx) * np.cos(ang) - ys * np.sin(ang))
            width = side * (0.015 + 0.05 * np.clip(along / side, 0, 1.5))
            beam = np.clip((width - across) / max(1.0, 0.3 * width.mean()) + 0.5, 0, 1) * (along > 0)
            colour = WASH_COLOURS[int(rng.integers(len(WASH_COLOURS)))] if rng.random() < 0.5 else \
                np.ones(3, np.float32)
            gain += rng.uniform(0.15, 0.25) * beam[..., None] * colour
            haze += rng.uniform(18, 30) * beam[..., None] * colour * np.exp(-along / (1.5 * side))[..., None]
        return _u8(f * gain + haze + noise)
    if kind == "mirror_ball":  # a dark room lit only by a mirror ball's spots
        n = int(rng.integers(30, 71))
        r = max(0.8, side * rng.uniform(0.013, 0.025))
        stretch = rng.uniform(1.0, 1.8)
        ang = rng.uniform(0, np.pi)
        spots = []
        for _ in range(n):
            x, y = rng.uniform(0, w), rng.uniform(0, h)
            q = [(x - r * stretch, y - r), (x + r * stretch, y - r), (x + r * stretch, y + r), (x - r * stretch, y + r)]
            spots.append(_turn(q, x, y, ang))
        lit = _drawn((h, w), lambda d, s: [d.polygon(_scaled(q, s), fill=255) for q in spots])
        tint = np.array([1.0, rng.uniform(0.85, 1.0), rng.uniform(0.8, 1.0)], np.float32)
        gain = rng.uniform(0.012, 0.03) + rng.uniform(0.35, 0.5) * lit[..., None] * tint
        return _u8(f * gain + noise)
    if kind == "hand_over_lens":  # a hand half over the lens: the light through the skin, a gap between fingers
        k = int(rng.integers(4))
        g = np.rot90(np.zeros((h, w), np.float32), -k)
        gh, gw = g.shape
        gy, gx = np.mgrid[0:gh, 0:gw].astype(np.float32) + 0.5
        c = gw * rng.uniform(0.3, 0.7)  # the gap opens at the left edge, at height c, narrowing inwards
        length = side * rng.uniform(0.4, 0.7)
        half = side * rng.uniform(0.06, 0.1) * np.clip(1 - gx / length, 0, 1)
        tilt = rng.uniform(-0.3, 0.3)
        soft = max(0.6, side * rng.uniform(0.03, 0.05))
        gap = np.clip((half - np.abs(gy - c - tilt * gx)) / soft + 0.5, 0, 1)
        gap = np.rot90(gap, k)
        skin = np.clip(0.6 + 0.4 * _smooth_field((h, w), side * 0.25, rng), 0, 1.5)
        glow = rng.uniform(8, 18) * skin[..., None] * np.array([1.0, 0.35, 0.22], np.float32)
        gain = rng.uniform(0.01, 0.025) + rng.uniform(0.14, 0.22) * gap[..., None]
        return _u8(f * gain + glow + noise)
    raise ValueError(kind)


# -- outliers --------------------------------------------------------------------------------
def _petri(size: int, rng) -> tuple[np.ndarray, np.ndarray, list[np.ndarray]]:
    """A petri dish: its agar, its rim, and its colonies (0-1)."""
    big = 4 * size
    R = big * rng.uniform(0.4, 0.46)
    cx, cy = big / 2 + big * rng.uniform(-0.03, 0.03), big / 2 + big * rng.uniform(-0.03, 0.03)
    box = lambda x, y, r: (x - r, y - r, x + r, y + r)  # noqa: E731
    agar, rim = Image.new("L", (big, big), 0), Image.new("L", (big, big), 0)
    ImageDraw.Draw(agar).ellipse(box(cx, cy, R * 0.95), fill=255)
    ImageDraw.Draw(rim).ellipse(box(cx, cy, R), outline=255, width=max(2, round(R * rng.uniform(0.05, 0.07))))
    colonies = []
    n = int(rng.integers(8, 31)) if size >= 48 else int(rng.integers(5, 13))
    streak = rng.random() < 0.5 and size >= 48
    for j in range(n):
        if streak and j < n // 2:  # an inoculation streak: small colonies along a zigzag
            t = j / max(1, n // 2 - 1)
            x = cx + R * 0.7 * (t - 0.5) * 2 * 0.8
            y = cy + R * 0.35 * np.sin(6 * np.pi * t)
            r = big * rng.uniform(0.012, 0.022)
        else:
            rr, a = R * 0.82 * np.sqrt(rng.uniform(0, 1)), rng.uniform(0, 2 * np.pi)
            x, y = cx + rr * np.cos(a), cy + rr * np.sin(a)
            r = max(3.2, big * rng.uniform(0.015, 0.06))  # at least 0.8 px
        layer = Image.new("L", (big, big), 0)
        ImageDraw.Draw(layer).ellipse(box(x, y, r), fill=255)
        colonies.append(layer)
    down = lambda img: np.asarray(img.resize((size, size), Image.BOX), np.float32) / 255  # noqa: E731
    return down(agar), down(rim), [down(m) for m in colonies]


def _bicycle(size: int, rng) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A bicycle seen from the side: its tyres, its frame (with fork, bars and saddle) and its spokes (0-1)."""
    big = 4 * size
    R = big * rng.uniform(0.19, 0.23)
    base = big * rng.uniform(0.6, 0.66)
    gap = big * rng.uniform(0.5, 0.56)
    rx, fx = big / 2 - gap / 2, big / 2 + gap / 2
    lw = max(2, round(big * rng.uniform(0.025, 0.035)))
    tyres, frame, spokes = (Image.new("L", (big, big), 0) for _ in range(3))
    for x in (rx, fx):
        ImageDraw.Draw(tyres).ellipse((x - R, base - R, x + R, base + R), outline=255, width=lw)
        ImageDraw.Draw(frame).ellipse((x - 0.08 * R, base - 0.08 * R, x + 0.08 * R, base + 0.08 * R), fill=255)
        k = int(rng.integers(12, 19)) if size >= 48 else 6
        ph = rng.uniform(0, np.pi)
        for j in range(k):
            a = ph + np.pi * j / k * 2
            ImageDraw.Draw(spokes).line((x, base, x + R * np.cos(a), base + R * np.sin(a)), fill=255,
                                        width=max(1, lw // 4))
    bb = (rx + gap * rng.uniform(0.42, 0.48), base + R * 0.12)
    seat = (bb[0] - R * rng.uniform(0.2, 0.3), base - R * rng.uniform(1.05, 1.2))
    head = (fx - R * rng.uniform(0.25, 0.35), base - R * rng.uniform(1.0, 1.15))
    head_low = (head[0] + R * 0.06, head[1] + R * 0.25)
    d = ImageDraw.Draw(frame)
    for p, q in ((bb, seat), (seat, head), (head_low, bb), (bb, (rx, base)), (seat, (rx, base)),
                 (head, (fx, base))):
        d.line((*p, *q), fill=255, width=lw)
    d.line((seat[0], seat[1], seat[0] - R * 0.05, seat[1] - R * 0.15), fill=255, width=lw)  # seat post
    sx, sy = seat[0] - R * 0.05, seat[1] - R * 0.15
    d.line((sx - R * 0.22, sy, sx + R * 0.18, sy), fill=255, width=round(lw * 1.6))  # the saddle
    d.line((*head, head[0] - R * 0.05, head[1] - R * 0.2), fill=255, width=lw)  # the stem
    d.line((head[0] - R * 0.05, head[1] - R * 0.2, head[0] - R * 0.3, head[1] - R * 0.22), fill=255, width=lw)
    ang = rng.uniform(-8, 8)
    flip = rng.random() < 0.5

    def down(img):
        img = img.rotate(ang, Image.BILINEAR, fillcolor=0)
        img = img.transpose(Image.FLIP_LEFT_RIGHT) if flip else img
        return np.asarray(img.resize((size, size), Image.BOX), np.float32) / 255

    return down(tyres), down(frame), down(spokes)


def _leaf(size: int, rng) -> tuple[np.ndarray, np.ndarray]:
    """A leaf: its blade with its stalk, ovate and serrated, lobed (as an oak's) or palmate (as a maple's), and its
    veins (0-1)."""
    big = 4 * size
    kind = int(rng.integers(3))
    L = big * rng.uniform(0.34, 0.4)  # half the blade's length; the leaf drawn along +x, the tip at +x
    t = np.linspace(0, 2 * np.pi, 360, endpoint=False)
    veins: list[tuple[float, float, float, float, float]] = []  # x0, y0, x1, y1, width (a share of the rib's)
    if kind < 2:
        W = L * rng.uniform(0.42, 0.55)
        if kind == 0:
            r = 1 + 0.03 * np.sign(np.sin(36 * t))
        else:
            r = 1 - 0.24 * (0.5 + 0.5 * np.cos(2 * int(rng.integers(4, 7)) * t))
        xs, ys = L * np.cos(t) * r, W * np.sin(t) * r * (1 - 0.2 * np.cos(t))
        stalk = (-0.7 * L, 0.0, -1.25 * L, 0.0)
        veins.append((-0.75 * L, 0.0, 0.95 * L, 0.0, 1.0))
        for u in (-0.6, -0.3, 0.0, 0.3, 0.6):
            for sgn in (-1, 1):
                veins.append((u * L, 0.0, u * L + 0.35 * W, sgn * 0.55 * W, 0.5))
    else:
        lobes = np.deg2rad([-110, -55, 0, 55, 110])
        reach = np.array([0.6, 0.85, 1.0, 0.85, 0.6])
        d = np.angle(np.exp(1j * (t[:, None] - lobes[None, :])))
        r = L * (0.35 + 0.65 * (reach * np.exp(-(d / 0.3) ** 2)).max(axis=1))
        xs, ys = r * np.cos(t), r * np.sin(t)
        stalk = (0.0, 0.0, -0.55 * L, 0.0)
        veins += [(0.0, 0.0, 0.85 * L * q * np.cos(a), 0.85 * L * q * np.sin(a), 0.8) for a, q in zip(lobes, reach)]
    ang = rng.uniform(0, 2 * np.pi)
    off = 0.15 * L if kind < 2 else -0.2 * L  # the whole leaf, stalk included, about the middle
    move = lambda pts: _turn([(big / 2 + x + off, big / 2 + y) for x, y in pts], big / 2, big / 2, ang)  # noqa: E731
    lw = max(2, round(big * 0.012))
    blade, vein = Image.new("L", (big, big), 0), Image.new("L", (big, big), 0)
    ImageDraw.Draw(blade).polygon(move(list(zip(xs, ys))), fill=255)
    ImageDraw.Draw(blade).line(move([stalk[:2], stalk[2:]]), fill=255, width=2 * lw)
    for x0, y0, x1, y1, k in veins:
        ImageDraw.Draw(vein).line(move([(x0, y0), (x1, y1)]), fill=255, width=max(1, round(lw * k)))
    down = lambda img: np.asarray(img.resize((size, size), Image.BOX), np.float32) / 255  # noqa: E731
    b = down(blade)
    return b, down(vein) * b


BIKE_COLOURS = ((200, 30, 35), (30, 90, 200), (30, 150, 70), (240, 200, 30), (30, 30, 30), (235, 235, 235))
LEAF_COLOURS = ((60, 130, 40), (95, 150, 45), (200, 120, 30), (190, 60, 30), (215, 175, 40))


def outlier_o(name: str, kind: str, size: int, lo: int, hi: int, rng) -> np.ndarray:
    photos = name.startswith("photos")
    ground = lambda col: np.ones((size, size, 3), np.float32) * np.asarray(col, np.float32)  # noqa: E731
    tone = lambda t: [lo + (hi - lo) * t] * 3  # noqa: E731
    if kind == "petri_dish":
        agar, rim, colonies = _petri(size, rng)
        if photos:  # amber or blood agar on a dark bench or a white lab sheet, cream, white or yellow colonies
            bench = (30, 32, 36) if rng.random() < 0.6 else (228, 230, 232)
            out = _paint(ground(np.array(bench) * rng.uniform(0.85, 1.1)), agar,
                         [(205, 165, 95), (150, 28, 32), (215, 200, 150)][int(rng.integers(3))])
            out = _paint(out, rim * 0.7, (235, 240, 245))
            for m in colonies:
                col = np.array([(245, 240, 220), (250, 250, 250), (240, 210, 80)][int(rng.integers(3))])
                out = _paint(out, m, col * rng.uniform(0.85, 1.0))
            return _u8(out)
        out = _paint(_paint(ground([lo] * 3), agar, tone(0.35)), rim, tone(0.8))
        for m in colonies:
            out = _paint(out, m, tone(rng.uniform(0.85, 1.0)))
        return _u8(out)
    if kind == "bicycle":
        tyres, frame, spokes = _bicycle(size, rng)
        if photos:  # a coloured frame, black tyres, silver spokes, against a light wall or on grey paving
            wall = np.array([(225, 220, 205), (150, 150, 148), (180, 200, 215)][int(rng.integers(3))])
            out = _paint(ground(wall * rng.uniform(0.9, 1.05)), spokes, (175, 178, 182))
            out = _paint(out, tyres, (25, 25, 25))
            return _u8(_paint(out, frame, BIKE_COLOURS[int(rng.integers(len(BIKE_COLOURS)))]))
        out = _paint(ground([lo] * 3), spokes, tone(0.5))
        return _u8(_paint(_paint(out, tyres, tone(1.0)), frame, tone(0.8)))
    if kind == "leaf":
        blade, veins = _leaf(size, rng)
        if photos:  # a green or autumn leaf scanned on white or lying on dark soil
            soil = (240, 240, 236) if rng.random() < 0.5 else (55, 42, 32)
            col = np.array(LEAF_COLOURS[int(rng.integers(len(LEAF_COLOURS)))], np.float32) * rng.uniform(0.85, 1.1)
            out = _paint(ground(soil), blade, col)
            return _u8(_paint(out, veins * 0.7, np.clip(col * 1.35 + 20, 0, 255)))
        out = _paint(ground([lo] * 3), blade, tone(0.85))
        return _u8(_paint(out, veins, tone(0.45)))
    raise ValueError(kind)


# -- label noise -----------------------------------------------------------------------------
def _key_neighbours(n: int) -> list[list[int]]:
    """For each of ``n`` classes (in class order), the classes whose hotkeys lie next to its own: on a numeric
    keypad (7 8 9 / 4 5 6 / 1 2 3 / a wide 0, class k on key k) for ten classes or fewer, else on a keyboard's
    rows (1-0, q-p, a-l, z-m, in class order), each row set off from the one above as a keyboard's are."""
    if n <= 10:
        pos = [KEYPAD[k] for k in range(n)]
        near = lambda p, q: (p[1] == q[1] and abs(p[0] - q[0]) == 1) or \
            (abs(p[1] - q[1]) == 1 and abs(p[0] - q[0]) <= 0.5)  # noqa: E731
    else:
        pos = [(x0 + j, r) for r, (keys, x0) in enumerate(KEYBOARD_ROWS) for j in range(len(keys))][:n]
        near = lambda p, q: (p[1] == q[1] and abs(p[0] - q[0]) == 1) or \
            (abs(p[1] - q[1]) == 1 and abs(p[0] - q[0]) <= 0.75)  # noqa: E731
    return [[j for j in range(n) if j != i and near(pos[i], pos[j])] for i in range(n)]


def hotkey_flips(base: list[np.ndarray], labels: list, classes: list, candidates: list, count: int,
                 rng) -> dict[int, object]:
    """``count`` examples to flip and their new labels: a labeller assigns classes by hotkeys (``_key_neighbours``)
    and now and then hits a key next to the intended one; the flips are drawn uniformly among the ``candidates``,
    each given the class of a random one of its class's neighbouring keys."""
    nb = _key_neighbours(len(classes))
    index = {c: k for k, c in enumerate(classes)}
    out: dict[int, object] = {}
    for i in rng.permutation(np.asarray(candidates, dtype=int))[:count]:
        near = nb[index[labels[int(i)]]]
        out[int(i)] = classes[int(near[int(rng.integers(len(near)))])]
    return out


# -- planting ------------------------------------------------------------------------------
def plant_issues_o(images, labels, out_dir, *, name: str, random_state: int = 0) -> PlantedDataset:
    """Generator O's problems (module docstring). A set whose name ends in ``_jpeg`` is written as JPEG files at a
    quality drawn from 75-92 each; the others as PNG. The planting is I's (:func:`_heldout_i.plant_generator`)."""
    return plant_generator(
        images, labels, out_dir, name=name, rates=RATES_O, seed=150_000 + random_state,
        quality_seed=155_000 + random_state, jpeg_quality=JPEG_QUALITY,
        flips=hotkey_flips,
        **by_family(name, outlier=(outlier_o, OUTLIERS_O), blur=(blur_o, BLURS_O), dark=(dark_o, DARKS_O),
                    near=(near_edit_o, NEAR_EDITS_O)))
