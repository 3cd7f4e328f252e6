"""Generator V: fresh EVALUATION sets after generator U (never used to choose anything).

Why a twentieth evaluation generator: generator U was run once on the library after T (its results were not shown to
V's writer, who took U as not yet run); V is a second held-out measurement of the same code (the library as U measures
it), of families of its own, so that what U's one run shows can be told apart from what U's families happen to be (as N
was for M), and so that one untouched set is left should U's run lead to changes. Generator V was written on
2026-12-05, before any tool was run on it (only its files, their counts, brightness percentiles and contact sheets of
its edits, blurs, darkenings and foreign pictures were looked at, to check that every edit is visible, every blur
blurred, every darkened image dark and every outlier foreign at 28, 130 and 188 px, that no blur or near copy comes out
dark where its source was not (its brightest 1% of grey pixels above 0.4 where the source's was above 0.5) and that no
darkening blurs, and the planted folders hashed twice); it is not to be changed after its results are seen. Its edits,
blurs, darkenings, foreign pictures and label noise are of families that no tuning tool (``blur_tuning.py``'s lens
blurs: Gaussian, soft disk, astigmatic elongated Gaussian, ring; ``_foreign.py``'s textures, icons and soft
photographs; ``near_photos.py``'s and ``near_small.py``'s edits; ``label_filters.py``'s and ``label_noise_models.py``'s
flips), no earlier generator (A = ``dq.datasets.plant_issues``, B, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T,
U) and none of the library's calibration copies (``dataquality/compute/_synthetic.py``: crop, shift, rotate,
brightness, contrast, gamma, JPEG, resize, overlay box; Gaussian, box, motion, down-and-up blurs) make. Left out
because an earlier generator made them or one close to them: a postage stamp stuck on the print (K's sticky note and
price tag), a sticking plaster (L's tape), spectacles lying on the print (L's magnifying glass), a bottle cap or a
button (N's push pin), a safety pin or a hair grip (N's paper clip), shoe or hand prints (T's paw prints), a ladybird
or a spider (P's housefly), a bookworm's trails (Q's flaked emulsion), a screen protector's air bubble (S's bubble
wrap), a blob of chewing gum or candle wax (N's ink splash), a grease spot (M's coffee ring), numbered callouts (K's
arrow, J's speech bubble), a loading spinner (K's player overlay), a gold star sticker (J's emoji sticker); of the
whole picture an autochrome's colour screen (the undemosaicked Bayer mosaic U left out), a Risograph print (J's
duotone, G's misregistration), a mirror-symmetrised copy (P's floor reflection), a print on brick or knitwear (T's wood
transfer, J's canvas), an LED wall (I's halftone, G's mosaic), an oil film's interference colours (T's quench pattern),
a VR headset's screen-door grid (G's scan lines, O's fence); among blurs a phone's D-cut periscope lens (G's hexagon,
as every other aperture shape), a pleated print under shallow focus (U's scan passes), a CRT's drifted focus (the
blurred corners left out after J and H), a tiny negative enlarged with its grain (U's projected slide, G's hexagon with
noise), a multi-image prism filter (N's light field, G's double exposure), a print on a spinning turntable (F's spin),
the mean of test-time augmentations (T's burst merge), turbid water (K's dirty lens), a sheet of running water on glass
(H's heat haze), a magnifier held beyond its focus, the picture upside down (L's turn); among darkenings a mercury-
vapour street lamp (J's sodium lamp), a struck match or a heater's glowing bars (I's lamp, Q's campfire), a lava flow
or glowing plankton in the waves (P's light painting, U's star trails), a party laser's fan (O's beams), a partial
eclipse's crescents under a tree (O's mirror ball), an over-exposed cyanotype (T's instant photo), a granite memorial
portrait or a daguerreotype seen off its angle (U's tintype, P's tarnished print), a Claude glass (J's smoked glass), a
phone's always-on display (H's dim screen), a flash bounced off a far ceiling (H's flash falloff, N's aurora); among
foreign pictures kites, magnifying glasses and ice-cream cones (9s on the digit sets: a kite was tried and looked like
one at 28 px), pretzels (8s), protractors (N's dartboards, M's clocks), xylophones (D's bar charts), zips (S's railway
tracks), climbing walls (O's petri dishes), gamepads and padlocks (a bag on the clothing sets), microchips (the circuit
boards K's schematics stood for); among label noise a batch whose class numbers were in another order (I's swapped
pairs, B's map), handwritten class numbers misread (a fixed map, as T's sound-alikes), a spreadsheet's fill-down over a
block of rows (M's pages, U's shifted rows), a rare class avoided (T's late class) and ties broken by the class list's
order (R's first-yes).

* ``near_duplicate`` (3%), five edits in a part of the picture and three of the whole: seams of sewing-machine stitches
  sewn across the print, as in a scrapbook (one seam below 48 px, two or three above, each 55-85% of the side long
  through a point 30-70% of the way across and down at any angle, bowed by up to 8% of its length, a straight stitch,
  dashes at a pitch of 3.5-5% of the side, at least 2.5 px, the needle holes leaving 25-35% of it between them, or one
  time in three a zigzag stitch going 2.5-3.5% of the side to either side, the thread 1.0-1.4% of the side thick, at
  least 1 px, at 90-100%, of white, yellow, pink and light blue where the picture under the seams is darker than 110 on
  average, else of red, black, navy and green, one of the two least like the picture's colour there, the needle holes
  dark dots at 50%), a paper lace doily laid over a corner (a disc of radius 30-42% of the side centred up to 8% of the
  side in from a random corner either way, its rim in 14-20 scallops, pierced by a ring of round holes, a ring of 8-12
  petals, a ring of 6-8 small holes and a middle hole, white or cream at 92-100%, cream where the picture under it is
  lighter than 200, with a soft shadow at 30%), a gift-wrap bow stuck on the print (two loops 15-21% of the side long,
  at least 4 px, and 55-70% of that wide, rising 15-35 degrees either side of the horizontal from a knot, with darker
  inner folds and a sheen, two tails 12-17% of the side long with notched ends, turned by up to 30 degrees, centred
  25-75% of the way across and down, in red, gold, blue, purple, pink or green satin, with a soft shadow at 35%), a door
  key lying on the print (42-58% of the side long at any angle, its middle 30-70% of the way across and down, a round
  bow of radius 6.5-9% of the side with a hole, a shank 3-4.5% of the side wide, at least 1 px, a bit with 3-5 notches
  near its tip, brass or nickel, shaded, with a sheen along the shank and a soft shadow at 40%) and a string of paper
  bunting pinned across the top (a cord from edge to edge, its ends 5-25% of the way down, sagging by 8-15% of the side,
  with 4-6 pennants below 48 px, 6-10 above, each a triangle 10-16% of the side wide, at least 4 px, and 1.2-1.5 times
  that long, in two or three party colours in turn at 95%, with a soft shadow at 30%); of the whole picture: the picture
  printed on a fabric banner rippling in the wind (a wave of wavelength 35-60% of the side across or down the picture,
  within 25 degrees, of amplitude 2-3.5% of the side, at least 1 px, varying by 40% along the folds, moving the fabric
  along it, the slopes facing the light lit by up to 15-25% and lifted by up to 16-28 levels by the fabric's sheen, the
  others darkened by up to 15-25%), a feature detector's debug frame, as OpenCV draws rich keypoints (the picture's 6-10
  strongest blob keypoints below 48 px, 20-40 above, peaks of the absolute difference of Gaussians over 3 scales from
  1.2% of the side, at least 0.8 px, by 1.6, at least 1.5 scales apart, each a circle of twice its scale, at least 2 px,
  with a radius towards its gradient, in one of seven bright colours, the lines 0.6% of the side wide, at least 0.5 px)
  and a video encoder's debug frame with its motion vectors drawn, as FFmpeg's codecview shows them (on macroblocks of
  12-16% of the side, at least 5 px, every block with detail, a grey standard deviation of 6 levels or of the blocks'
  60th percentile where that is less, an arrow along the motion there, a pan of 5-8% of the side, at least 2 px, plus a
  smooth random part of half that spread, green, or red for a random fifth of the blocks, the lines 0.8% of the side
  wide, at least 0.5 px, at 90%);
* ``exact_duplicate`` (1%): byte-for-byte copies of a file under another name;
* ``blurry`` (3%): the picture seen through a faceted cut-glass paperweight lying on it (5-8 facets below 48 px, 8-14
  above, cells round seed points no nearer one another than half the spacing of a square grid of as many, blended over
  1% of the side, at least 0.3 px, each showing the picture moved by 2-4% of the side, at least 0.7 px, in its own
  direction and defocused by its own uniform disk of radius 4.5-7% of the side, at least 1.6 px, lit within 5%), a phone
  whose optical image stabiliser was damaged, its lens rattling between its end stops during the exposure (a point
  moving at a steady speed in a square of half-side 3.5-5% of the side, at least 2 px, turned at random, bouncing off
  its walls over a path 3-5 times the square's side long: straight strokes in several directions, centred on their mean,
  each point a disk of 0.5 px) and a plastic Fresnel page magnifier held too far above the print (the picture magnified
  1.12-1.3 times about the best of 12 points within 25% of the side of the middle, the one whose view keeps the
  picture's brightest 1% brightest, defocused by a uniform disk of radius 5-7.5% of the side, at least 1.8 px, the
  sheet's grooves faint rings of period 3-5% of the side, at least 2 px, of 1.2-2%); each as a camera metering on the
  highlights exposes it (where the source's brightest 1% of grey pixels is above 0.5 of full scale and the blurred
  picture's under 0.45, the blurred picture brightened, at most 3 times, to bring it to 0.45, so that a blurred thin
  light stroke on a dark ground does not come out dark);
* ``dark`` (2%): a kitchen at night lit only by a gas burner in the picture (a ring of 8-10 small blue flames below
  48 px, 10-16 above, on an ellipse of semi-axes 10-15% of the side and 30-45% of that, centred 25-75% of the way across
  and 55-85% down, each a tongue 2.5-4% of the side high, at least 1 px, the far ones at 60%, with a pale core, in a
  blue glow of sigma 4-6% of the side, at least 0.8 px, of up to 20-35 levels; the picture lit at a gain of 0.01-0.02
  plus 0.12-0.2 falling off as ``1 / (1 + (d / d0) ** 2)`` with the distance from the burner, d0 15-25% of the side, in
  a cold blue, red at 45-60% and green at 70-85%; noise sigma 1.2 levels), a room camera obscura's picture on its white
  table, photographed in the darkened room (the picture at a gain of 0.08-0.14, 10-20% of it a veil of its own mean,
  falling off as cos^4 of the angle to 55-70% in the corners, on the table's mottled plaster, 5% over 1.5% of the side,
  warm, green at 90-95% and blue at 76-84%, the stray light lifting it by 2-5 levels; noise sigma 1 level) and a radio
  mast's aviation warning lights at night (the picture at a gain of 0.02-0.04, cool; a lattice mast 15-85% of the way
  across from the bottom edge up to 25-55% of the way down, 4-6% of the side wide at its foot and 1.5% at its top, its
  girders 0.5% of the side wide, at least 0.5 px, faintly lit red at 14-26 levels; 2-3 red lamps below 48 px, 3-5 above,
  spread over the top 70% of it, each a dot of radius 1-1.6% of the side, at least 0.5 px, in a red glow of sigma 3-5%
  of the side of up to 25-45 levels, and half the time its white strobe at the top caught mid-flash, a dot of radius
  1.5-2% of the side in a glow of sigma 6-9% of up to 30-60 levels; noise sigma 1.2 levels); none of them blurs the
  picture;
* ``outlier`` (1.5%): interlocking plastic toy bricks seen from the front and above (a stack of one or two bricks below
  48 px, two to four above, each 2 studs deep and 2-4 wide, set on the one below moved by up to a stud, a stud's pitch
  15-19% of the side below 48 px, 8-11% above, with their front, top and right faces and studs, from 48 px half the time
  a loose brick in front, turned by up to 20 degrees), crowns on a cushion (a band 55-75% of the side wide, curved as
  the front of a ring, rising into 3 or 5 points 25-40% of its width high, a ball on each tip, 2 or 4 jewels along the
  band and a row of pearls under them, on a cushion 80-95% of the side wide with a tassel at either end, turned by up to
  12 degrees) and isometric technical drawings of a machined part (an L bracket, a stepped block or a slotted block,
  45-70% of the side across, 65-80% below 48 px, the visible edges 1.4% of the side wide, at least 1 px, the hidden ones
  dashed, a through hole with dash-dotted centre lines, from 48 px a dimension line with a made-up number, a border and
  a title block of made-up glyphs); the digit and clothing sets get them in their own tones on their dark ground, the
  photographs as red, yellow, blue, green, white or black plastic on a light, wooden or grey table, a gold crown with
  red, blue or green jewels and white pearls on a red, purple or blue cushion against a dark, grey or brown ground, and
  dark or blue-black ink on white, cream or pale green drawing paper;
* ``label`` (5%): *target-hunt* flips: find-all tasks ("find every sandal in the set"), paid per find, one for every 40
  flips needed (at least one: three on the 2,000-image sets, one on the photographs), each for a class drawn at random,
  whose finders gave the hunted class to examples of other classes that look like it: each eligible example of a class
  not hunted is as near a hunted class as the squared distance of its 8 x 8 grey thumbnail (standardised) to that
  class's mean thumbnail, and the flips are drawn uniformly among the quarter of those examples (twice the flips needed
  at least) nearest a hunted class, each given its nearest hunted class: noise into a few random classes (not out of
  them, as T's; not the most frequent, as G's), from their look-alikes among all the others. Every flip changes the
  label, so every one is in the truth.

Each planted defect has its own source image; nothing else is planted, so only these six issue types are scored on V's
sets. Base data are the evaluation domains drawn with seeds no other set uses: Fashion-MNIST *test* (2,000, seed 195),
MNIST (2,000, seed 196), and the evaluation photographs tiled at 130 px (35 tiles a photograph at most, seed 197: 326)
and at 188 px (every tile, seed 198: 192), sizes no other set uses. ``photos130_v_jpeg`` is written as JPEG files, each
at a quality drawn from 72-91 (a stream of its own, seed ``225_000 + random_state``), every edit, blur and darkening
made before the encoding, near copies made from the decoded JPEG and saved again at their own quality, exact copies byte
copies of the file; the other sets are PNG files. Planting draws from seed ``220_000 + random_state``. The planting is
I's (:func:`_heldout_i.plant_generator`, as for J, K, L, M, N, O, P, Q, R, S, T and U).
"""

from __future__ import annotations

import numpy as np
from _heldout_h import _drawn, _fft_blur, _u8
from _heldout_i import by_family, plant_generator
from _heldout_j import _glyph_line
from _heldout_k import _paint, _scaled, _turn
from _heldout_l import _smooth_field
from _heldout_o import _ground, _path_kernel
from _heldout_p import _centred, _ellipse
from _heldout_q import _down, _thumbs
from _heldout_s import _disk_kernel, _pixels, _resample
from PIL import Image, ImageDraw

from dataquality.datasets import PlantedDataset

EVALUATION_V = ("fashion_test_v", "mnist_v", "photos130_v_jpeg", "photos188_v")
# each set's base: (data, seed) or ("photos", seed, tile size, tiles per photograph quick, full)
BASES_V = {
    "fashion_test_v": ("fashion_test", 195),
    "mnist_v": ("mnist", 196),
    "photos130_v_jpeg": ("photos", 197, 130, 12, 35),
    "photos188_v": ("photos", 198, 188, 8, 1000),
}
JPEG_QUALITY = (72, 92)  # the JPEG set's qualities: integers in [low, high)
RATES_V = {"near_duplicate": 0.03, "exact_duplicate": 0.01, "blurry": 0.03, "dark": 0.02, "outlier": 0.015,
           "label": 0.05}
NEAR_EDITS_V = ("machine_stitches", "doily", "gift_bow", "door_key", "bunting", "banner", "keypoints",
                "motion_vectors")
BLURS_V = ("cut_glass", "ois_rattle", "fresnel_sheet")
DARKS_V = ("gas_hob", "camera_obscura", "aviation_lights")
OUTLIERS_V = ("toy_bricks", "crown", "technical_drawing")
HUNT = 40  # flips needed per find-all task of the label noise


def load_base_v(name: str, quick: bool = False):
    import _heldout

    return _heldout.load_generator_base(name, quick, BASES_V, "V")


def _poly(size: tuple[int, int], pts) -> np.ndarray:
    return _drawn(size, lambda d, k: d.polygon(_scaled(pts, k), fill=255))


def _grey(f: np.ndarray) -> np.ndarray:
    return f @ np.array([0.299, 0.587, 0.114], np.float32)


def _field(shape: tuple[int, int], corr: float, rng) -> np.ndarray:
    """A smooth random field of mean 0 and unit spread, correlation length ``corr`` px."""
    v = _smooth_field(shape, corr, rng)
    v = v - v.mean()
    return v / (v.std() + 1e-9)


def _shadow(m: np.ndarray, offset: float, soft: float) -> np.ndarray:
    """The soft shadow of a coverage mask ``m`` cast ``offset`` px down and to the right."""
    from scipy.ndimage import gaussian_filter, shift

    return np.clip(gaussian_filter(shift(m, (offset, offset), order=1, mode="constant"), soft), 0, 1)


def _metered(out: np.ndarray, a: np.ndarray) -> np.ndarray:
    """``out`` as a camera metering on the highlights exposes it: where the source's brightest 1% of grey pixels is
    above 0.5 of full scale and ``out``'s is under 0.45, ``out`` made brighter, at most 3 times, to bring it to
    0.45 (a blurred thin light stroke on a dark ground does not come out dark)."""
    src, now = (float(np.percentile(_grey(np.asarray(v, np.float32)), 99)) / 255 for v in (a, out))
    if src > 0.5 and now < 0.45:
        out = out * min(3.0, 0.45 / max(now, 1e-6))
    return out


# -- near copies -----------------------------------------------------------------------------
THREADS_LIGHT = ((246, 244, 236), (250, 222, 60), (250, 170, 205), (150, 210, 250))
THREADS_DARK = ((190, 28, 40), (28, 28, 32), (30, 42, 115), (30, 115, 60))


def _machine_stitches(f: np.ndarray, rng) -> np.ndarray:
    """Seams of sewing-machine stitches sewn across the print, as in a scrapbook: one seam below 48 px, two or three
    above, each 55-85% of the side long through a point 30-70% of the way across and down at any angle, bowed by
    up to 8% of its length, a straight stitch (dashes at a pitch of 3.5-5% of the side, at least 2.5 px, the needle
    holes leaving 25-35% of it between them) or, one time in three, a zigzag stitch (the thread going 2.5-3.5% of
    the side to either side at the same pitch), the thread 1.0-1.4% of the side thick, at least 1 px, at 90-100%,
    one of the two of white, yellow, pink and light blue (where the picture under the seams is darker than 110 on
    average) or of red, black, navy and green (where it is lighter) least like the picture's colour there, the
    needle holes dark dots of 0.6% of the side, at least 0.4 px, at 50%."""
    h, w = f.shape[:2]
    side = min(h, w)
    thread_no = int(rng.integers(2))
    lw = max(1.0, side * rng.uniform(0.01, 0.014))
    hr = max(0.4, side * 0.006)
    stitches, holes = [], []
    for _ in range(1 if side < 48 else int(rng.integers(2, 4))):
        L = side * rng.uniform(0.55, 0.85)
        cx, cy = w * rng.uniform(0.3, 0.7), h * rng.uniform(0.3, 0.7)
        a = rng.uniform(0, np.pi)
        bow = L * rng.uniform(-0.08, 0.08)
        pitch = max(2.5, side * rng.uniform(0.035, 0.05))
        gap = pitch * rng.uniform(0.25, 0.35)
        amp = side * rng.uniform(0.025, 0.035) if rng.random() < 1 / 3 else 0.0
        t = np.arange(-L / 2, L / 2 + 1e-6, pitch)
        off = bow * (1 - (2 * t / L) ** 2) + amp * (-1.0) ** np.arange(len(t))
        px = cx + t * np.cos(a) - off * np.sin(a)
        py = cy + t * np.sin(a) + off * np.cos(a)
        for j in range(len(t) - 1):
            dx, dy = px[j + 1] - px[j], py[j + 1] - py[j]
            s = gap / 2 / max(np.hypot(dx, dy), 1e-6)
            stitches.append([(px[j] + s * dx, py[j] + s * dy), (px[j + 1] - s * dx, py[j + 1] - s * dy)])
        holes += list(zip(px, py))
    thread = _drawn((h, w), lambda d, k: [d.line(_scaled(p, k), fill=255, width=max(1, round(lw * k)))
                                          for p in stitches])
    dots = _drawn((h, w), lambda d, k: [d.ellipse(((x - hr) * k, (y - hr) * k, (x + hr) * k, (y + hr) * k),
                                                  fill=255) for x, y in holes])
    under = (f * thread[..., None]).sum(axis=(0, 1)) / max(thread.sum(), 1e-6)
    threads = THREADS_LIGHT if _grey(under) < 110 else THREADS_DARK
    col = sorted(threads, key=lambda c: -np.abs(np.asarray(c, np.float32) - under).sum())[thread_no]
    out = _paint(f, dots * 0.5, (20, 20, 22))
    return _u8(_paint(out, thread * rng.uniform(0.9, 1.0), col))


def _doily(f: np.ndarray, rng) -> np.ndarray:
    """A paper lace doily laid over a corner of the print: a disc of radius 30-42% of the side centred up to 8% of
    the side in from a random corner either way, its rim scalloped by 14-20 scallops, pierced by a ring of round
    holes inside them, a ring of 8-12 petals, a ring of 6-8 small holes and a hole in the middle, through which the
    picture shows; white or cream at 92-100% (cream where the picture under it is lighter than 200 on average),
    with a soft shadow at 30%."""
    h, w = f.shape[:2]
    side = min(h, w)
    R = side * rng.uniform(0.3, 0.42)
    c = int(rng.integers(4))
    cx = (0.0 if c % 2 == 0 else w) + (1 if c % 2 == 0 else -1) * side * rng.uniform(0, 0.08)
    cy = (0.0 if c < 2 else h) + (1 if c < 2 else -1) * side * rng.uniform(0, 0.08)
    ns = int(rng.integers(14, 21))
    th = np.linspace(0, 2 * np.pi, 8 * ns, endpoint=False)
    r = R * (0.93 + 0.07 * np.abs(np.cos(ns * th / 2)))
    rim = [(cx + a * np.cos(b), cy + a * np.sin(b)) for a, b in zip(r, th)]
    a0 = rng.uniform(0, 2 * np.pi)
    holes = [(cx + 0.8 * R * np.cos(a0 + 2 * np.pi * j / ns), cy + 0.8 * R * np.sin(a0 + 2 * np.pi * j / ns),
              0.045 * R, 0.045 * R, 0.0) for j in range(ns)]
    m2 = int(rng.integers(8, 13))
    holes += [(cx + 0.58 * R * np.cos(a0 + 2 * np.pi * j / m2), cy + 0.58 * R * np.sin(a0 + 2 * np.pi * j / m2),
               0.1 * R, 0.045 * R, a0 + 2 * np.pi * j / m2) for j in range(m2)]
    m3 = int(rng.integers(6, 9))
    holes += [(cx + 0.35 * R * np.cos(2 * np.pi * j / m3), cy + 0.35 * R * np.sin(2 * np.pi * j / m3),
               0.045 * R, 0.045 * R, 0.0) for j in range(m3)]
    holes.append((cx, cy, 0.09 * R, 0.09 * R, 0.0))

    def draw(d, k):
        d.polygon(_scaled(rim, k), fill=255)
        for x, y, p, q, t in holes:
            d.polygon(_scaled(_ellipse(x, y, p, q, t, 12), k), fill=0)
    m = _drawn((h, w), draw)
    col = ((250, 250, 246), (246, 238, 218))[int(rng.integers(2))]
    if (_grey(f) * m).sum() / max(m.sum(), 1e-6) > 200:
        col = (246, 238, 218)
    out = f * (1 - 0.3 * _shadow(m, max(0.5, side * 0.012), max(0.5, side * 0.01)))[..., None]
    return _u8(_paint(out, m * rng.uniform(0.92, 1.0), col))


RIBBONS = ((200, 25, 40), (215, 170, 60), (40, 90, 200), (140, 60, 170), (240, 120, 170), (30, 140, 70))


def _gift_bow(f: np.ndarray, rng) -> np.ndarray:
    """A gift-wrap bow stuck on the print: two loops 15-21% of the side long, at least 4 px, and 55-70% of that
    wide, rising 15-35 degrees either side of the horizontal from a knot, each with a darker inner fold and a
    lighter sheen along it, two tails 12-17% of the side long hanging 20-35 degrees either side of the vertical
    with notched ends, the whole turned by up to 30 degrees and centred 25-75% of the way across and down, in red,
    gold, blue, purple, pink or green satin, with a soft shadow at 35%."""
    h, w = f.shape[:2]
    side = min(h, w)
    cx, cy = w * rng.uniform(0.25, 0.75), h * rng.uniform(0.25, 0.75)
    ang = np.deg2rad(rng.uniform(-30, 30))
    Ll = max(4.0, side * rng.uniform(0.15, 0.21))
    Wl = Ll * rng.uniform(0.55, 0.7)
    Lt = side * rng.uniform(0.12, 0.17)
    parts = {k: [] for k in ("loops", "folds", "tails", "knot")}
    sheen = []
    for s in (-1, 1):
        u = np.deg2rad(rng.uniform(15, 35))
        dx, dy = s * np.cos(u), -np.sin(u)
        ua = np.arctan2(dy, dx)
        parts["loops"].append(_ellipse(cx + dx * Ll / 2, cy + dy * Ll / 2, Ll / 2, Wl / 2, ua))
        parts["folds"].append(_ellipse(cx + dx * 0.3 * Ll, cy + dy * 0.3 * Ll, 0.3 * Ll, 0.22 * Wl, ua))
        sheen.append([(cx + dx * 0.45 * Ll + dy * 0.12 * Wl, cy + dy * 0.45 * Ll - dx * 0.12 * Wl),
                      (cx + dx * 0.9 * Ll + dy * 0.05 * Wl, cy + dy * 0.9 * Ll - dx * 0.05 * Wl)])
        v = np.deg2rad(rng.uniform(20, 35))
        tx, ty = s * np.sin(v), np.cos(v)
        wt = 0.45 * Wl
        ex, ey = cx + tx * Lt, cy + ty * Lt
        parts["tails"].append([(cx - ty * wt * 0.3, cy + tx * wt * 0.3), (cx + ty * wt * 0.3, cy - tx * wt * 0.3),
                               (ex + ty * wt / 2, ey - tx * wt / 2), (ex - tx * wt * 0.5, ey - ty * wt * 0.5),
                               (ex - ty * wt / 2, ey + tx * wt / 2)])
    parts["knot"].append(_ellipse(cx, cy, 0.28 * Wl, 0.24 * Wl, 0.0))
    m = {k: _drawn((h, w), lambda d, q, v=v: [d.polygon(_scaled(_turn(p, cx, cy, ang), q), fill=255) for p in v])
         for k, v in parts.items()}
    lw = max(0.5, Wl * 0.12)
    shine = _drawn((h, w), lambda d, q: [d.line(_scaled(_turn(p, cx, cy, ang), q), fill=255,
                                                width=max(1, round(lw * q))) for p in sheen])
    col = np.asarray(RIBBONS[int(rng.integers(len(RIBBONS)))], np.float32)
    every = np.maximum.reduce([m["loops"], m["tails"], m["knot"]])
    out = f * (1 - 0.35 * _shadow(every, max(0.5, side * 0.012), max(0.5, side * 0.01)))[..., None]
    out = _paint(_paint(out, m["tails"], col * 0.82), m["loops"], col)
    out = _paint(_paint(out, m["folds"] * m["loops"], col * 0.6), shine * m["loops"] * 0.6, col + 0.5 * (255 - col))
    return _u8(_paint(out, m["knot"], col * 0.78))


KEY_METALS = ((196, 160, 78), (180, 184, 190))


def _door_key(f: np.ndarray, rng) -> np.ndarray:
    """A door key lying on the print: 42-58% of the side long at any angle, its middle 30-70% of the way across and
    down, a round bow of radius 6.5-9% of the side with a hole, a shank 3-4.5% of the side wide, at least 1 px,
    and a bit a third of the shank long and 1.6 times as wide along one side near its tip, cut by 3-5 notches; in
    brass or nickel, shaded 15% darker but for a sheen along the shank, with a soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = side * rng.uniform(0.42, 0.58)
    rb = side * rng.uniform(0.065, 0.09)
    ws = max(1.0, side * rng.uniform(0.03, 0.045))
    cx, cy = w * rng.uniform(0.3, 0.7), h * rng.uniform(0.3, 0.7)
    a = rng.uniform(0, 2 * np.pi)
    x0 = cx - L / 2  # the key laid along +x from x0, then turned by a about the middle
    bow = (x0 + rb, cy)
    shank = [(x0 + 1.8 * rb, cy - ws / 2), (x0 + L, cy - ws / 2), (x0 + L, cy + ws / 2), (x0 + 1.8 * rb, cy + ws / 2)]
    bl = (L - 2 * rb) / 3
    bx0, bx1 = x0 + L - bl - 0.05 * L, x0 + L - 0.05 * L
    bit = [(bx0, cy), (bx1, cy), (bx1, cy + 1.6 * ws), (bx0, cy + 1.6 * ws)]
    nn = int(rng.integers(3, 6))
    notches = []
    for j in range(nn):
        u = bx0 + bl * (j + 0.5) / nn
        dep = 1.6 * ws * rng.uniform(0.25, 0.6)
        notches.append([(u - bl / nn * 0.4, cy + 1.6 * ws + 0.1), (u, cy + 1.6 * ws - dep),
                        (u + bl / nn * 0.4, cy + 1.6 * ws + 0.1)])
    T = lambda pts: _turn(pts, cx, cy, a)  # noqa: E731

    def body(d, k):
        d.polygon(_scaled(T(_ellipse(bow[0], bow[1], rb, rb, 0.0)), k), fill=255)
        d.polygon(_scaled(T(shank), k), fill=255)
        d.polygon(_scaled(T(bit), k), fill=255)
        for p in notches:
            d.polygon(_scaled(T(p), k), fill=0)
        d.polygon(_scaled(T(_ellipse(bow[0] - 0.15 * rb, bow[1], 0.38 * rb, 0.38 * rb, 0.0)), k), fill=0)
    m = _drawn((h, w), body)
    core = _drawn((h, w), lambda d, k: d.line(_scaled(T([(x0 + 1.5 * rb, cy), (x0 + L, cy)]), k), fill=255,
                                              width=max(1, round(0.45 * ws * k))))
    col = np.asarray(KEY_METALS[int(rng.integers(2))], np.float32)
    out = f * (1 - 0.4 * _shadow(m, max(0.5, side * 0.015), max(0.5, side * 0.01)))[..., None]
    out = _paint(out, m, col * 0.85)
    return _u8(_paint(out, core * m * 0.8, col + 0.35 * (255 - col)))


BUNTING = ((225, 40, 45), (250, 200, 40), (40, 120, 210), (60, 170, 80), (245, 245, 240), (240, 120, 170),
           (250, 140, 40))


def _bunting(f: np.ndarray, ground: float, rng) -> np.ndarray:
    """A string of paper bunting pinned across the top of the print: a cord from the left edge to the right one,
    each end 5-25% of the way down, sagging by 8-15% of the side, with 4-6 pennants below 48 px, 6-10 above (as
    many as fit), each a triangle 10-16% of the side wide, at least 4 px, and 1.2-1.5 times that long, evenly
    spaced, in two or three colours in turn of red, yellow, blue, green, white, pink and orange, at 95%, with a
    soft shadow at 30%; the cord 0.6% of the side thick, at least 0.5 px, pale where the border is darker than
    110, dark where it is lighter."""
    h, w = f.shape[:2]
    side = min(h, w)
    y0, y1 = h * rng.uniform(0.05, 0.25), h * rng.uniform(0.05, 0.25)
    sag = side * rng.uniform(0.08, 0.15)
    cord = lambda x: y0 + (y1 - y0) * x / w + 4 * sag * (x / w) * (1 - x / w)  # noqa: E731
    pw = max(4.0, side * rng.uniform(0.1, 0.16))
    pl = pw * rng.uniform(1.2, 1.5)
    n = min(int(rng.integers(4, 7)) if side < 48 else int(rng.integers(6, 11)), int(0.95 * w / pw))
    gap = (w - n * pw) / (n + 1)
    cols = [BUNTING[int(j)] for j in rng.choice(len(BUNTING), int(rng.integers(2, 4)), replace=False)]
    flags = {j: [] for j in range(len(cols))}
    for j in range(n):
        xa = gap + j * (pw + gap)
        xb = xa + pw
        flags[j % len(cols)].append([(xa, cord(xa)), (xb, cord(xb)), ((xa + xb) / 2, (cord(xa) + cord(xb)) / 2 + pl)])
    m = {j: _drawn((h, w), lambda d, k, v=v: [d.polygon(_scaled(p, k), fill=255) for p in v]) for j, v in flags.items()}
    xs = np.linspace(-1, w + 1, 120)
    line = _drawn((h, w), lambda d, k: d.line(_scaled([(x, cord(x)) for x in xs], k), fill=255,
                                              width=max(1, round(max(0.5, side * 0.006) * k))))
    every = np.maximum.reduce(list(m.values()) + [line])
    out = f * (1 - 0.3 * _shadow(every, max(0.5, side * 0.012), max(0.5, side * 0.01)))[..., None]
    for j, mj in m.items():
        out = _paint(out, mj * 0.95, cols[j])
    return _u8(_paint(out, line, (225, 220, 205) if ground < 110 else (60, 50, 40)))


def _banner(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on a fabric banner rippling in the wind, photographed: a wave of wavelength 35-60% of
    the side running across the picture or down it, within 25 degrees, its amplitude 2-3.5% of the side, at least
    1 px, varying by 40% along the folds (over 80-140% of the side), moving the fabric along it; the slopes facing
    the light lit by up to 15-25% and lifted by up to 16-28 levels (the fabric's sheen, so that it shows on black
    too), the others darkened by up to 15-25%."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    lam = side * rng.uniform(0.35, 0.6)
    A = max(1.0, side * rng.uniform(0.02, 0.035))
    a = (0.0 if rng.random() < 0.5 else np.pi / 2) + np.deg2rad(rng.uniform(-25, 25))
    u = xx * np.cos(a) + yy * np.sin(a)
    v = -xx * np.sin(a) + yy * np.cos(a)
    amp = 1 + 0.4 * np.sin(2 * np.pi * v / (side * rng.uniform(0.8, 1.4)) + rng.uniform(0, 2 * np.pi))
    ph = 2 * np.pi * u / lam + rng.uniform(0, 2 * np.pi)
    disp = A * amp * np.sin(ph)
    out = _resample(f, yy - disp * np.sin(a), xx - disp * np.cos(a))
    slope = np.cos(ph) * amp / 1.4
    shade = 1 + rng.uniform(0.15, 0.25) * slope
    lift = rng.uniform(16, 28) * np.clip(slope, 0, 1) ** 1.5
    return _u8(out * shade[..., None] + lift[..., None])


KEYPOINT_COLOURS = ((255, 60, 60), (60, 255, 60), (70, 120, 255), (255, 230, 40), (255, 60, 255), (40, 240, 240),
                    (255, 150, 30))


def _keypoints(f: np.ndarray, rng) -> np.ndarray:
    """A feature detector's debug frame saved with the data, as OpenCV draws rich keypoints: the picture's 6-10
    strongest blob keypoints below 48 px, 20-40 above (the peaks of the absolute difference of Gaussians over 3
    scales from 1.2% of the side, at least 0.8 px, by 1.6, over space and scale, at least 10% of the strongest,
    at least 1.5 scales apart), each drawn as a circle of twice its scale, at least 2 px, with a radius at
    its gradient's direction, in one of seven bright colours at random, the lines 0.6% of the side wide, at
    least 0.5 px, at 85-100%."""
    from scipy.ndimage import gaussian_filter, maximum_filter, sobel

    h, w = f.shape[:2]
    side = min(h, w)
    g = _grey(f) / 255
    s0 = max(0.8, side * 0.012)
    sig = [s0 * 1.6 ** k for k in range(4)]
    G = [gaussian_filter(g, s) for s in sig]
    D = np.abs(np.stack([G[k + 1] - G[k] for k in range(3)]))
    peak = (D == maximum_filter(D, size=3, mode="nearest")) & (D >= 0.1 * D.max()) & (D > 0)
    lv, py, px = np.nonzero(peak)
    order = np.argsort(-D[lv, py, px], kind="stable")
    n = int(rng.integers(6, 11)) if side < 48 else int(rng.integers(20, 41))
    kept: list[tuple[float, float, float, int]] = []
    for j in order:
        sc = sig[lv[j]] * 1.6 ** 0.5
        if all(np.hypot(px[j] - x, py[j] - y) >= 1.5 * max(sc, s) for x, y, s, _ in kept):
            kept.append((float(px[j]), float(py[j]), sc, int(lv[j])))
        if len(kept) >= n:
            break
    lw = max(0.5, side * 0.006)
    out = f.copy()
    for x, y, sc, lev in kept:
        gy, gx = sobel(G[lev], 0)[int(y), int(x)], sobel(G[lev], 1)[int(y), int(x)]
        t = np.arctan2(gy, gx)
        r = max(2.0, 2.0 * sc)
        X, Y = x + 0.5, y + 0.5

        def draw(d, k, X=X, Y=Y, r=r, t=t):
            d.ellipse(((X - r) * k, (Y - r) * k, (X + r) * k, (Y + r) * k), outline=255, width=max(1, round(lw * k)))
            d.line(((X * k, Y * k), ((X + r * np.cos(t)) * k, (Y + r * np.sin(t)) * k)), fill=255,
                   width=max(1, round(lw * k)))
        out = _paint(out, _drawn((h, w), draw) * rng.uniform(0.85, 1.0),
                     KEYPOINT_COLOURS[int(rng.integers(len(KEYPOINT_COLOURS)))])
    return _u8(out)


def _motion_vectors(f: np.ndarray, rng) -> np.ndarray:
    """A video encoder's debug frame with its motion vectors drawn, as FFmpeg's codecview shows them: on a grid of
    macroblocks 12-16% of the side, at least 5 px, every block with detail in it (a grey standard deviation of 6
    levels or more, or of the 60th percentile of the blocks' where that is less: flat blocks are coded as not
    moving) gets an arrow from its middle along the motion there, a pan of 5-8% of the side, at least 2 px, in a
    random direction, plus a smooth random part of half that spread (the correlation length 40% of the side),
    with a head of 35% of its length; in green, or, for a random fifth of the blocks (predicted backwards), red,
    the lines 0.8% of the side wide, at least 0.5 px, at 90%."""
    h, w = f.shape[:2]
    side = min(h, w)
    g = _grey(f)
    bs = max(5.0, side * rng.uniform(0.12, 0.16))
    pan = max(2.0, side * rng.uniform(0.05, 0.08))
    t = rng.uniform(0, 2 * np.pi)
    fx = _field((h, w), side * 0.4, rng) * pan / 2 + pan * np.cos(t)
    fy = _field((h, w), side * 0.4, rng) * pan / 2 + pan * np.sin(t)
    blocks = [(x0, y0) for y0 in np.arange(0, h - bs / 2, bs) for x0 in np.arange(0, w - bs / 2, bs)]
    detail = np.array([g[int(y0): int(y0 + bs), int(x0): int(x0 + bs)].std() for x0, y0 in blocks])
    still = min(6.0, float(np.percentile(detail, 60)))
    arrows = {0: [], 1: []}
    for (x0, y0), dt in zip(blocks, detail):
        if dt < still:
            continue
        cx, cy = x0 + bs / 2, y0 + bs / 2
        vx, vy = fx[int(cy), int(cx)], fy[int(cy), int(cx)]
        ex, ey = cx + vx, cy + vy
        hl, ha = 0.35 * np.hypot(vx, vy), np.arctan2(vy, vx)
        head = [(ex - hl * np.cos(ha + s), ey - hl * np.sin(ha + s)) for s in (0.5, -0.5)]
        arrows[int(rng.random() < 0.2)].append([[(cx, cy), (ex, ey)], [head[0], (ex, ey), head[1]]])
    lw = max(0.5, side * 0.008)
    out = f.copy()
    for j, col in ((0, (40, 255, 60)), (1, (255, 50, 50))):
        m = _drawn((h, w), lambda d, k, v=arrows[j]: [d.line(_scaled(p, k), fill=255, width=max(1, round(lw * k)))
                                                     for a in v for p in a])
        out = _paint(out, m * 0.9, col)
    return _u8(out)


def near_edit_v(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "machine_stitches":  # a seam of machine stitches sewn across the print
        return _machine_stitches(f, rng)
    if kind == "doily":  # a paper lace doily over a corner
        return _doily(f, rng)
    if kind == "gift_bow":  # a gift-wrap bow stuck on the print
        return _gift_bow(f, rng)
    if kind == "door_key":  # a door key lying on the print
        return _door_key(f, rng)
    if kind == "bunting":  # a string of bunting across the top
        return _bunting(f, _ground(a), rng)
    if kind == "banner":  # printed on a banner rippling in the wind
        return _banner(f, rng)
    if kind == "keypoints":  # a feature detector's debug frame
        return _keypoints(f, rng)
    if kind == "motion_vectors":  # a video encoder's motion vectors drawn
        return _motion_vectors(f, rng)
    raise ValueError(kind)


# -- blurs -----------------------------------------------------------------------------------
def _facets(h: int, w: int, n: int, rng) -> np.ndarray:
    """``n`` seed points (x, y) spread over the picture, none nearer another than half the spacing of a square
    grid of ``n`` (drawn again where they cannot be placed)."""
    gap = 0.5 * np.sqrt(h * w / n)
    pts: list[tuple[float, float]] = []
    while len(pts) < n:
        p = (w * rng.random(), h * rng.random())
        if all(np.hypot(p[0] - x, p[1] - y) >= gap for x, y in pts):
            pts.append(p)
    return np.asarray(pts)


def _rattle_path(side: int, rng) -> list[tuple[float, float]]:
    """A damaged optical stabiliser's lens rattling between its end stops: a point moving at a steady speed in a
    square of half-side 3.5-5% of the side, at least 2 px, turned at random, bouncing off its walls, over a path
    3-5 times the square's side long from a random place in a random direction: 400 time samples, centred on
    their mean."""
    A = max(2.0, side * rng.uniform(0.035, 0.05))
    p = rng.uniform(-A, A, 2)
    t = rng.uniform(0, 2 * np.pi)
    v = np.array([np.cos(t), np.sin(t)])
    ds = 2 * A * rng.uniform(3, 5) / 400
    pts = []
    for _ in range(400):
        p = p + v * ds
        for k in range(2):
            if abs(p[k]) > A:
                p[k] = np.sign(p[k]) * 2 * A - p[k]
                v[k] = -v[k]
        pts.append((float(p[0]), float(p[1])))
    return _centred(_turn(pts, 0.0, 0.0, rng.uniform(0, np.pi / 2)))


def blur_v(a: np.ndarray, kind: str, rng) -> np.ndarray:
    h, w = a.shape[:2]
    side = min(h, w)
    f = a.astype(np.float32)
    yy, xx = _pixels(h, w)
    if kind == "cut_glass":  # seen through a faceted cut-glass paperweight lying on the print
        from scipy.ndimage import shift

        n = int(rng.integers(5, 9)) if side < 48 else int(rng.integers(8, 15))
        seeds = _facets(h, w, n, rng)
        d = np.hypot(xx[None] - seeds[:, 0, None, None], yy[None] - seeds[:, 1, None, None])
        wts = np.exp(-(d - d.min(axis=0)) / max(0.3, side * 0.01))
        wts /= wts.sum(axis=0)
        out = np.zeros_like(f)
        for j in range(n):
            s, t = max(0.7, side * rng.uniform(0.02, 0.04)), rng.uniform(0, 2 * np.pi)
            b = _fft_blur(f, _disk_kernel(max(1.6, side * rng.uniform(0.045, 0.07))))
            b = shift(b, (s * np.sin(t), s * np.cos(t), 0), order=1, mode="nearest")
            out += wts[j, ..., None] * b * rng.uniform(0.95, 1.05)
        return _u8(_metered(out, f))
    if kind == "ois_rattle":  # a phone whose optical stabiliser was damaged, its lens rattling
        pts = _rattle_path(side, rng)
        return _u8(_metered(_fft_blur(f, _path_kernel(pts, np.ones(len(pts)), 0.5)), f))
    if kind == "fresnel_sheet":  # a plastic Fresnel page magnifier held too far above the print
        m = rng.uniform(1.12, 1.3)
        view = lambda img, c: _resample(img, c[1] + (yy - c[1]) / m, c[0] + (xx - c[0]) / m)  # noqa: E731
        centres = [(w / 2 + side * rng.uniform(-0.25, 0.25), h / 2 + side * rng.uniform(-0.25, 0.25))
                   for _ in range(12)]
        cx, cy = max(centres, key=lambda c: np.percentile(view(_grey(f)[..., None], c), 99))
        out = view(f, (cx, cy))
        out = _fft_blur(out, _disk_kernel(max(1.8, side * rng.uniform(0.05, 0.075))))
        P = max(2.0, side * rng.uniform(0.03, 0.05))
        rings = 1 + rng.uniform(0.012, 0.02) * np.cos(2 * np.pi * np.hypot(xx - cx, yy - cy) / P)
        return _u8(_metered(out * rings[..., None], f))
    raise ValueError(kind)


# -- darkening -------------------------------------------------------------------------------
def _flame(x: float, y: float, fh: float, fw: float) -> list[tuple[float, float]]:
    """A flame's tongue standing on (``x``, ``y``): ``fh`` high, ``fw`` wide at its round foot."""
    t = np.linspace(0, np.pi, 12)
    foot = [(x + fw / 2 * np.cos(u), y + 0.3 * fw * np.sin(u)) for u in t]  # the lower half-ellipse, right to left
    return foot + [(x - 0.35 * fw, y - 0.45 * fh), (x, y - fh), (x + 0.35 * fw, y - 0.45 * fh)]


def dark_v(a: np.ndarray, kind: str, rng) -> np.ndarray:
    from scipy.ndimage import gaussian_filter

    h, w = a.shape[:2]
    side = min(h, w)
    f = a.astype(np.float32)
    yy, xx = _pixels(h, w)
    noise = rng.normal(0, 1.2, f.shape)
    if kind == "gas_hob":  # a kitchen at night lit only by a gas burner in the picture
        hx, hy = w * rng.uniform(0.25, 0.75), h * rng.uniform(0.55, 0.85)
        ra = side * rng.uniform(0.1, 0.15)
        rb = ra * rng.uniform(0.3, 0.45)
        nf = int(rng.integers(8, 11)) if side < 48 else int(rng.integers(10, 17))
        fh, fw = max(1.0, side * rng.uniform(0.025, 0.04)), max(0.8, side * 0.018)
        t0 = rng.uniform(0, 2 * np.pi)
        back, front = [], []
        for j in range(nf):
            t = t0 + 2 * np.pi * j / nf
            x, y = hx + ra * np.cos(t), hy + rb * np.sin(t)
            (back if np.sin(t) < 0 else front).append((_flame(x, y, fh, fw), _flame(x, y, 0.5 * fh, 0.5 * fw)))
        outer = {k: _drawn((h, w), lambda d, q, v=v: [d.polygon(_scaled(p, q), fill=255) for p, _ in v])
                 for k, v in (("back", back), ("front", front))}
        core = _drawn((h, w), lambda d, q: [d.polygon(_scaled(c, q), fill=255) for _, c in back + front])
        flames = 0.6 * outer["back"] + outer["front"]
        dist = np.hypot(xx - hx, yy - hy)
        gain = rng.uniform(0.01, 0.02) + rng.uniform(0.12, 0.2) / (1 + (dist / (side * rng.uniform(0.15, 0.25))) ** 2)
        out = f * gain[..., None] * np.array([rng.uniform(0.45, 0.6), rng.uniform(0.7, 0.85), 1.0], np.float32)
        glow = gaussian_filter(flames, max(0.8, side * rng.uniform(0.04, 0.06)))
        glow = glow / (glow.max() + 1e-6) * rng.uniform(20, 35)
        out = out + glow[..., None] * np.array([0.35, 0.55, 1.0], np.float32)
        out = _paint(out, np.clip(flames, 0, 1), np.array([60, 110, 255], np.float32) * rng.uniform(0.6, 0.8))
        out = _paint(out, core * 0.8, (170, 200, 255))
        return _u8(out + noise)
    if kind == "camera_obscura":  # a room camera obscura's picture on its white table, in the darkened room
        r = np.hypot(xx - w / 2, yy - h / 2) / (0.5 * np.hypot(w, h))
        half = np.arccos(rng.uniform(0.55, 0.7) ** 0.25)  # the half field of view: the corners at cos^4 of it
        fall = np.cos(np.arctan(r * np.tan(half))) ** 4
        lum = f / 255
        veil = rng.uniform(0.1, 0.2)
        lum = (1 - veil) * lum + veil * lum.mean()
        plaster = 1 + 0.05 * _field((h, w), max(0.7, side * 0.015), rng)
        tint = np.array([1.0, rng.uniform(0.9, 0.95), rng.uniform(0.76, 0.84)], np.float32)
        out = 255 * rng.uniform(0.08, 0.14) * lum * (fall * plaster)[..., None] * tint
        return _u8(out + rng.uniform(2, 5) + rng.normal(0, 1.0, f.shape))
    if kind == "aviation_lights":  # a radio mast's warning lights at night
        out = f * rng.uniform(0.02, 0.04) * np.array([0.8, 0.9, 1.1], np.float32)
        mx = w * rng.uniform(0.15, 0.85)
        top = h * rng.uniform(0.25, 0.55)
        wb, wt = side * rng.uniform(0.04, 0.06), side * 0.015
        half = lambda y: wt / 2 + (wb - wt) / 2 * (y - top) / (h - top)  # noqa: E731
        ys = np.linspace(top, h + 1, max(3, int((h - top) / max(2.0, 2 * wb)) + 1))
        girders = [[(mx + s * half(top), top), (mx + s * half(h + 1), h + 1)] for s in (-1, 1)]
        girders += [[(mx + (-1) ** j * half(ys[j]), ys[j]), (mx - (-1) ** j * half(ys[j + 1]), ys[j + 1])]
                    for j in range(len(ys) - 1)]
        lw = max(0.5, side * 0.005)
        mast = _drawn((h, w), lambda d, k: [d.line(_scaled(p, k), fill=255, width=max(1, round(lw * k)))
                                            for p in girders])
        nl = int(rng.integers(2, 4)) if side < 48 else int(rng.integers(3, 6))
        lamps = [(mx, top + (h - top) * 0.7 * j / max(1, nl - 1)) for j in range(nl)]
        rl = max(0.5, side * rng.uniform(0.01, 0.016))
        dots = _drawn((h, w), lambda d, k: [d.ellipse(((x - rl) * k, (y - rl) * k, (x + rl) * k, (y + rl) * k),
                                                      fill=255) for x, y in lamps])
        glow = gaussian_filter(dots, max(0.8, side * rng.uniform(0.03, 0.05)))
        glow = glow / (glow.max() + 1e-6) * rng.uniform(25, 45)
        out = out + mast[..., None] * np.array([rng.uniform(14, 26), 5, 5], np.float32)
        out = out + glow[..., None] * np.array([1.0, 0.15, 0.1], np.float32)
        out = _paint(out, dots, np.array([235, 35, 25], np.float32) * rng.uniform(0.65, 1.0))
        if rng.random() < 0.5:  # the white strobe at the top, caught mid-flash
            rs = max(0.6, side * rng.uniform(0.015, 0.02))
            strobe = _drawn((h, w), lambda d, k: d.ellipse(((mx - rs) * k, (top - rs) * k, (mx + rs) * k,
                                                            (top + rs) * k), fill=255))
            sg = gaussian_filter(strobe, max(1.0, side * rng.uniform(0.06, 0.09)))
            out = _paint(out + (sg / (sg.max() + 1e-6) * rng.uniform(30, 60))[..., None], strobe, (250, 250, 255))
        return _u8(out + noise)
    raise ValueError(kind)


# -- outliers --------------------------------------------------------------------------------
def _toy_bricks(size: int, rng) -> list[dict]:
    """Interlocking plastic toy bricks seen from the front and above: a stack of one or two bricks below 48 px, two
    to four above, each 2 studs deep and 2, 3 or 4 wide, set on the one below it moved by up to a stud either way,
    a stud's pitch 15-19% of the side below 48 px, 8-11% above, a brick 1.2 pitches high, its front, top and right
    faces and its studs (a round top and a side each); from 48 px half the time a loose brick lying in front; the
    whole turned by up to 20 degrees (0-1 coverage each, one dict a brick, in the order they are to be painted)."""
    big = 4 * size
    u = big * (rng.uniform(0.15, 0.19) if size < 48 else rng.uniform(0.08, 0.11))
    ns = int(rng.integers(1, 3)) if size < 48 else int(rng.integers(2, 5))
    H, D = 1.2 * u, 2 * u
    dx, dy = 0.45 * D, 0.3 * D
    stack, off = [], 0.0
    for _ in range(ns):
        nx = int(rng.integers(2, 5))
        stack.append((off, nx))
        off += u * int(rng.integers(-1, 2))
    lo = min(o for o, _ in stack)
    span = max(o + nx * u for o, nx in stack) - lo + dx
    x0 = rng.uniform(0.06 * big, max(0.06 * big, 0.94 * big - span)) - lo
    yb = rng.uniform(0.1 * big + ns * H + dy + 0.15 * u, 0.92 * big) - H  # the lowest brick's front top edge
    bricks = [(x0 + o, yb - j * H, nx) for j, (o, nx) in enumerate(stack)]
    if size >= 48 and rng.random() < 0.5:
        nx = int(rng.integers(2, 5))
        bricks.append((rng.uniform(0.06 * big, 0.94 * big - nx * u - dx), min(0.95 * big - H, yb + H + dy), nx))
    ang = rng.uniform(-20, 20)
    out = []
    for x0, y0, nx in bricks:
        W = nx * u
        L = {k: Image.new("L", (big, big), 0) for k in ("front", "top", "right", "stud_side", "stud_top")}
        ImageDraw.Draw(L["front"]).rectangle((x0, y0, x0 + W, y0 + H), fill=255)
        ImageDraw.Draw(L["top"]).polygon([(x0, y0), (x0 + W, y0), (x0 + W + dx, y0 - dy), (x0 + dx, y0 - dy)], fill=255)
        ImageDraw.Draw(L["right"]).polygon([(x0 + W, y0), (x0 + W + dx, y0 - dy), (x0 + W + dx, y0 + H - dy),
                                            (x0 + W, y0 + H)], fill=255)
        sr, sh = 0.3 * u, 0.18 * u
        for j in (1, 0):  # the back row of studs first
            for i in range(nx):
                sx = x0 + (i + 0.5) * u + (j + 0.5) / 2 * dx
                sy = y0 - (j + 0.5) / 2 * dy
                e = (sx - sr, sy - 0.45 * sr, sx + sr, sy + 0.45 * sr)
                ImageDraw.Draw(L["stud_side"]).rectangle((sx - sr, sy - sh, sx + sr, sy), fill=255)
                ImageDraw.Draw(L["stud_side"]).ellipse(e, fill=255)
                ImageDraw.Draw(L["stud_top"]).ellipse((e[0], e[1] - sh, e[2], e[3] - sh), fill=255)
        out.append({k: _down(v, size, ang) for k, v in L.items()})
    return out


def _crown(size: int, rng) -> dict:
    """A crown on a cushion, seen from the front: a band 55-75% of the side wide and 16-22% of that high, curved
    as the front of a ring (its edges 6% of the width lower at the middle), rising into 3 or 5 points 25-40% of
    the width high, the middle one the tallest, a ball on each tip, 2 or 4 jewels along the band between them and
    a row of pearls along its lower edge, resting on a cushion, an ellipse 80-95% of the side wide with a tassel
    at either end, the crown's middle 42-58% of the way across; the whole turned by up to 12 degrees (0-1
    coverage each)."""
    big = 4 * size
    W = big * rng.uniform(0.55, 0.75)
    hb = W * rng.uniform(0.16, 0.22)
    hp = W * rng.uniform(0.25, 0.4)
    n = (3, 5)[int(rng.integers(2))]
    cx = big * rng.uniform(0.42, 0.58)
    yb = big * rng.uniform(0.6, 0.72)  # the band's lower edge at its ends
    curve = lambda x: 0.06 * W * (1 - ((x - cx) / (W / 2)) ** 2)  # noqa: E731  (lower at the middle)
    xs = np.linspace(cx - W / 2, cx + W / 2, 2 * n - 1)  # tips at the even places, valleys at the odd ones
    tips = [(x, yb - hb + curve(x) - hp * (1 - 0.35 * abs(x - cx) / (W / 2))) for x in xs[::2]]
    top = []
    for j, x in enumerate(xs):
        top.append(tips[j // 2] if j % 2 == 0 else (x, yb - hb + curve(x) - 0.08 * hp))
    low = [(x, yb + curve(x)) for x in np.linspace(cx + W / 2, cx - W / 2, 24)]
    L = {k: Image.new("L", (big, big), 0) for k in ("cushion", "tassels", "body", "band", "jewels", "balls",
                                                    "pearls")}
    cw, ch = big * rng.uniform(0.8, 0.95), big * rng.uniform(0.2, 0.26)
    cy = yb + 0.08 * ch
    ImageDraw.Draw(L["cushion"]).ellipse((cx - cw / 2, cy - ch / 2, cx + cw / 2, cy + ch / 2), fill=255)
    for s in (-1, 1):
        tx = cx + s * 0.47 * cw
        ImageDraw.Draw(L["tassels"]).polygon([(tx, cy - 0.05 * ch), (tx + s * 0.05 * big, cy + 0.35 * ch),
                                              (tx + s * 0.01 * big, cy + 0.4 * ch)], fill=255)
    ImageDraw.Draw(L["body"]).polygon(top + low, fill=255)
    band = [(x, yb - hb + curve(x)) for x in np.linspace(cx - W / 2, cx + W / 2, 24)] + low
    ImageDraw.Draw(L["band"]).polygon(band, fill=255)
    rb = 0.045 * W
    for x, y in tips:
        ImageDraw.Draw(L["balls"]).ellipse((x - rb, y - 1.6 * rb, x + rb, y + 0.4 * rb), fill=255)
    for x in xs[1::2]:
        y = yb - hb / 2 + curve(x)
        ImageDraw.Draw(L["jewels"]).ellipse((x - 0.06 * W, y - 0.3 * hb, x + 0.06 * W, y + 0.3 * hb), fill=255)
    rp = 0.02 * W
    for x in np.linspace(cx - W / 2 + 2 * rp, cx + W / 2 - 2 * rp, max(5, int(W / (3 * rp)))):
        y = yb + curve(x) - 1.3 * rp
        ImageDraw.Draw(L["pearls"]).ellipse((x - rp, y - rp, x + rp, y + rp), fill=255)
    ang = rng.uniform(-12, 12)
    return {k: _down(v, size, ang) for k, v in L.items()}


def _dashed(d, p0, p1, dash: float, gap: float, width: int, dot: bool = False) -> None:
    """A dashed (or, with ``dot``, dash-dotted) line from ``p0`` to ``p1``."""
    p0, p1 = np.asarray(p0, float), np.asarray(p1, float)
    n = float(np.hypot(*(p1 - p0)))
    u = (p1 - p0) / max(n, 1e-9)
    s = 0.0
    while s < n:
        e = min(s + dash, n)
        d.line([tuple(p0 + u * s), tuple(p0 + u * e)], fill=255, width=width)
        if dot and e + gap / 2 < n:
            c = p0 + u * (e + gap / 2)
            d.ellipse((c[0] - width / 2, c[1] - width / 2, c[0] + width / 2, c[1] + width / 2), fill=255)
        s = e + gap


PROFILES = {  # a part's profile (x across, z up, in units of its width 1 and height 1) and a hole's (x, z, r)
    "L bracket": ([(0, 0), (1, 0), (1, 0.35), (0.35, 0.35), (0.35, 1), (0, 1)], (0.68, 0.17, 0.1)),
    "stepped block": ([(0, 0), (1, 0), (1, 0.45), (0.55, 0.45), (0.55, 1), (0, 1)], (0.27, 0.6, 0.14)),
    "slotted block": ([(0, 0), (1, 0), (1, 1), (0.68, 1), (0.68, 0.45), (0.32, 0.45), (0.32, 1), (0, 1)],
                      (0.5, 0.22, 0.1)),
}


def _technical_drawing(size: int, rng) -> dict:
    """An isometric technical drawing of a machined part: an L bracket, a stepped block or a slotted block (its
    profile extruded to a depth of 0.6-1.0 times its width), 45-70% of the side across (65-80% below 48 px), in
    isometric projection: the visible edges thick (1.4% of the side, at least 1 px), the hidden ones dashed and
    half as thick, a through hole in the front face as an ellipse with dash-dotted centre lines; from 48 px a
    dimension line along the bottom front edge with extension lines, arrowheads and a made-up number, a border and
    a title block with two lines of made-up glyphs (0-1 coverage each)."""
    big = 4 * size
    prof, (hx, hz, hr) = PROFILES[list(PROFILES)[int(rng.integers(len(PROFILES)))]]
    Wd, Hd = 1.0, rng.uniform(0.7, 1.1)
    Dd = Wd * rng.uniform(0.6, 1.0)
    c30, s30 = np.cos(np.pi / 6), 0.5
    proj = lambda x, y, z: ((x - y) * c30, (x + y) * s30 - z)  # noqa: E731  (seen from (1, 1, 1))
    pts3 = [(Wd * px, 0.0, Hd * pz) for px, pz in prof]
    allp = [proj(x, y, z) for x, _, z in pts3 for y in (0.0, Dd)]
    xs, ys = [p[0] for p in allp], [p[1] for p in allp]
    across = rng.uniform(0.45, 0.7) if size >= 48 else rng.uniform(0.65, 0.8)
    sc = big * across / max(max(xs) - min(xs), max(ys) - min(ys))
    ox = big / 2 - sc * (max(xs) + min(xs)) / 2
    oy = big / 2 - sc * (max(ys) + min(ys)) / 2 - (0.04 * big if size >= 48 else 0)
    P = lambda x, y, z: (ox + sc * proj(x, y, z)[0], oy + sc * proj(x, y, z)[1])  # noqa: E731
    L = {k: Image.new("L", (big, big), 0) for k in ("lines", "text")}
    d = ImageDraw.Draw(L["lines"])
    thick = max(4, round(big * 0.014))
    thin = max(2, thick // 2)
    n = len(pts3)
    # side faces: the extrusion of each profile edge, seen where its outward normal faces the viewer (+x or +z)
    ccw = sum(pts3[i][0] * pts3[(i + 1) % n][2] - pts3[(i + 1) % n][0] * pts3[i][2] for i in range(n)) > 0
    seen = []
    for i in range(n):
        (x0, _, z0), (x1, _, z1) = pts3[i], pts3[(i + 1) % n]
        nx, nz = (z1 - z0, x0 - x1) if ccw else (z0 - z1, x1 - x0)
        seen.append(nx + nz > 1e-9)
    for i in range(n):  # the front profile (y = depth, facing the viewer) is seen whole
        (x0, _, z0), (x1, _, z1) = pts3[i], pts3[(i + 1) % n]
        d.line([P(x0, Dd, z0), P(x1, Dd, z1)], fill=255, width=thick)
        if seen[i]:
            d.line([P(x0, 0, z0), P(x1, 0, z1)], fill=255, width=thick)
        else:
            _dashed(d, P(x0, 0, z0), P(x1, 0, z1), 0.03 * big, 0.02 * big, thin)
    for i in range(n):  # the edges along the depth, seen where one of their two side faces is
        x, _, z = pts3[i]
        if seen[i] or seen[i - 1]:
            d.line([P(x, 0, z), P(x, Dd, z)], fill=255, width=thick)
        else:
            _dashed(d, P(x, 0, z), P(x, Dd, z), 0.03 * big, 0.02 * big, thin)
    t = np.linspace(0, 2 * np.pi, 48)
    hole = [P(Wd * hx + Hd * hr * np.cos(v), Dd, Hd * hz + Hd * hr * np.sin(v)) for v in t]
    d.line(hole, fill=255, width=thin + 1)
    e = 1.6 * Hd * hr
    _dashed(d, P(Wd * hx - e, Dd, Hd * hz), P(Wd * hx + e, Dd, Hd * hz), 0.05 * big, 0.03 * big, 1, dot=True)
    _dashed(d, P(Wd * hx, Dd, Hd * hz - e), P(Wd * hx, Dd, Hd * hz + e), 0.05 * big, 0.03 * big, 1, dot=True)
    if size >= 48:
        off = 0.09 * big / sc
        a0, a1 = P(0, Dd, 0), P(Wd, Dd, 0)
        b0, b1 = P(0, Dd + off, 0), P(Wd, Dd + off, 0)
        for p, q in ((a0, b0), (a1, b1)):
            d.line([p, (q[0] + 0.3 * (q[0] - p[0]), q[1] + 0.3 * (q[1] - p[1]))], fill=255, width=1)
        d.line([b0, b1], fill=255, width=max(1, thin - 1))
        u = np.array(b1) - np.array(b0)
        u = u / np.hypot(*u)
        v = np.array([-u[1], u[0]])
        al = 0.025 * big
        for p, s in ((np.array(b0), 1), (np.array(b1), -1)):
            head = [tuple(p), tuple(p + s * al * u + 0.35 * al * v), tuple(p + s * al * u - 0.35 * al * v)]
            d.polygon(head, fill=255)
        sub = np.random.default_rng(int(rng.integers(2 ** 31)))
        mid = (np.array(b0) + np.array(b1)) / 2
        _glyph_line(ImageDraw.Draw(L["text"]), 1, mid[0] - 0.05 * big, mid[0] + 0.06 * big, mid[1] + 0.015 * big,
                    0.035 * big, max(1.0, 0.004 * big), sub)
        m = 0.04 * big
        d.rectangle((m, m, big - m, big - m), outline=255, width=thin)
        d.rectangle((big * 0.62, big * 0.84, big - m, big - m), outline=255, width=max(1, thin - 1))
        for top in (0.855, 0.9):
            _glyph_line(ImageDraw.Draw(L["text"]), 1, big * 0.64, big * 0.94, big * top, 0.03 * big,
                        max(1.0, 0.004 * big), sub)
    return {k: _down(v, size) for k, v in L.items()}


BRICK_COLOURS = ((200, 30, 32), (245, 200, 20), (25, 85, 190), (35, 140, 65), (240, 240, 235), (40, 40, 44))
CUSHIONS = ((170, 25, 35), (95, 35, 120), (30, 50, 130))
JEWELS = ((200, 20, 40), (30, 70, 200), (20, 140, 70))
PAPERS = ((246, 246, 242), (240, 232, 212), (226, 236, 222))


def outlier_v(name: str, kind: str, size: int, lo: int, hi: int, rng) -> np.ndarray:
    photos = name.startswith("photos")
    ground = lambda col: np.ones((size, size, 3), np.float32) * np.asarray(col, np.float32)  # noqa: E731
    tone = lambda t: [lo + (hi - lo) * t] * 3  # noqa: E731
    if kind == "toy_bricks":
        bricks = _toy_bricks(size, rng)
        if photos:  # red, yellow, blue, green, white or black plastic on a light, wooden or grey table
            out = ground(((222, 216, 204), (172, 122, 78), (118, 120, 126))[int(rng.integers(3))])
            for m in bricks:
                c = np.asarray(BRICK_COLOURS[int(rng.integers(len(BRICK_COLOURS)))], np.float32)
                lit = np.minimum(c * 1.18 + 12, 255)
                out = _paint(_paint(_paint(out, m["front"], c), m["top"], lit), m["right"], c * 0.68)
                out = _paint(_paint(out, m["stud_side"], c * 0.85), m["stud_top"], lit)
            return _u8(out)
        out = ground([lo] * 3)
        for m in bricks:
            s = rng.uniform(0.85, 1.0)
            out = _paint(_paint(_paint(out, m["front"], tone(0.7 * s)), m["top"], tone(1.0 * s)), m["right"],
                         tone(0.42 * s))
            out = _paint(_paint(out, m["stud_side"], tone(0.58 * s)), m["stud_top"], tone(0.95 * s))
        return _u8(out)
    if kind == "crown":
        m = _crown(size, rng)
        if photos:  # a gold crown with red, blue or green jewels and white pearls on a red, purple or blue cushion
            back = ((40, 30, 34), (200, 196, 188), (70, 52, 40))[int(rng.integers(3))]
            cushion = np.asarray(CUSHIONS[int(rng.integers(len(CUSHIONS)))], np.float32)
            out = _paint(_paint(ground(back), m["cushion"], cushion), m["tassels"], (220, 180, 70))
            out = _paint(_paint(out, m["body"], (212, 168, 58)), m["band"], (186, 142, 40))
            out = _paint(_paint(out, m["jewels"], JEWELS[int(rng.integers(len(JEWELS)))]), m["pearls"], (242, 240, 232))
            return _u8(_paint(out, m["balls"], (245, 240, 225)))
        out = _paint(_paint(ground([lo] * 3), m["cushion"], tone(0.3)), m["tassels"], tone(0.6))
        out = _paint(_paint(out, m["body"], tone(0.9)), m["band"], tone(0.7))
        out = _paint(_paint(out, m["jewels"], tone(0.35)), m["pearls"], tone(1.0))
        return _u8(_paint(out, m["balls"], tone(1.0)))
    if kind == "technical_drawing":
        m = _technical_drawing(size, rng)
        if photos:  # dark or blue-black ink on white, cream or pale green drawing paper
            ink = ((30, 30, 36), (25, 35, 80))[int(rng.integers(2))]
            out = ground(PAPERS[int(rng.integers(len(PAPERS)))])
            return _u8(_paint(_paint(out, m["lines"], ink), m["text"], ink))
        return _u8(_paint(_paint(ground([lo] * 3), m["lines"], tone(1.0)), m["text"], tone(0.8)))
    raise ValueError(kind)


# -- label noise -----------------------------------------------------------------------------
def target_hunt_flips(base: list[np.ndarray], labels: list, classes: list, candidates: list, count: int,
                      rng) -> dict[int, object]:
    """``count`` examples to flip and their new labels: find-all tasks ("find every sandal in the set"), paid per
    find, one for every ``HUNT`` flips needed (at least one), each for a class drawn at random: the eligible
    examples of the other classes that look most like a hunted class (by the squared distance of their 8 x 8 grey
    thumbnail, standardised, to the class's mean thumbnail, the nearest hunted class for each) were given it; the
    flips are drawn uniformly among the quarter of those examples (twice the flips needed at least) nearest their
    hunted class, each given that class."""
    lab = np.asarray([classes.index(v) for v in labels])
    t = _thumbs(base)
    hunted = rng.permutation(len(classes))[: max(1, -(-count // HUNT))]
    means = np.stack([t[lab == k].mean(axis=0) for k in hunted])
    cand = np.asarray(candidates, dtype=int)
    cand = cand[~np.isin(lab[cand], hunted)]
    d = ((t[cand][:, None, :] - means[None]) ** 2).sum(axis=2)
    nearest = d.argmin(axis=1)
    k = min(max(len(cand) // 4, 2 * count), len(cand))
    pool = np.argsort(d.min(axis=1), kind="stable")[:k]
    picked = rng.permutation(pool)[:count]
    return {int(cand[j]): classes[int(hunted[nearest[j]])] for j in picked}


# -- planting ------------------------------------------------------------------------------
def plant_issues_v(images, labels, out_dir, *, name: str, random_state: int = 0) -> PlantedDataset:
    """Generator V's problems (module docstring). A set whose name ends in ``_jpeg`` is written as JPEG files at a
    quality drawn from 72-91 each; the others as PNG. The planting is I's (:func:`_heldout_i.plant_generator`)."""
    return plant_generator(
        images, labels, out_dir, name=name, rates=RATES_V, seed=220_000 + random_state,
        quality_seed=225_000 + random_state, jpeg_quality=JPEG_QUALITY,
        flips=target_hunt_flips,
        **by_family(name, outlier=(outlier_v, OUTLIERS_V), blur=(blur_v, BLURS_V), dark=(dark_v, DARKS_V),
                    near=(near_edit_v, NEAR_EDITS_V)))
