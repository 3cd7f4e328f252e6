"""Generator AR: fresh EVALUATION sets after generator AQ's run (never used to choose anything).

Why a forty-second evaluation generator: generator AQ's sets have been run, and what they showed may inform the next
changes (the commit subjects since AQ's generator commit name AQ's one run in Round 26 at the CPU default input size
of 160 px, dark pictures with a light in the frame and whole-picture copies measured and nothing kept, a light at the
frame's edge set aside finding 77 more of 3,700 darkened development pictures and flagging 1,407 more others; and
since then the label check with the user's ``pred_probs`` computing no embeddings, integer labels written as text
ordered as numbers, the reading of ``pred_probs`` CSV files and data frames, the cache reading a folder's previous
shards once, and a review of the text tokens, none of them the image checks' thresholds), so they will not stay
untouched; AR is a held-out measurement of the code after that run, of families of its own (AR's writer read no
docs, logs, result files or commit bodies: only the commit subjects, the library's code and the earlier generators'
and tuning tools' files, to copy their structure and to avoid their families). Like AN's to AQ's, AR's edits are not
all brightly coloured: some are grey, dark or translucent. Generator AR was written before any tool was run on it
(only its pictures were looked at, on contact sheets of its edits, blurs, darkenings and foreign pictures at 28, 49
and 268 px, to check that every edit is visible, every blur blurred, every darkened image dark with its picture
still in it and every outlier foreign, and the planted folders hashed twice); it is not to be changed after its
results are seen. Its edits, blurs, darkenings, foreign pictures and label noise are of families that no tuning tool
(``blur_tuning.py``'s lens blurs: Gaussian, soft disk, astigmatic elongated Gaussian, ring; ``_foreign.py``'s
textures, icons and soft photographs; ``near_photos.py``'s and ``near_small.py``'s edits; ``label_filters.py``'s and
``label_noise_models.py``'s flips), no earlier generator (A = ``dq.datasets.plant_issues``, B, D, E, F, G, H, I, J,
K, L, M, N, O, P, Q, R, S, T, U, V, W, X, Y, Z, AA, AB, AC, AD, AE, AF, AG, AH, AI, AJ, AK, AL, AM, AN, AO, AP, AQ)
and none of the library's calibration copies (``dataquality/compute/_synthetic.py``: crop, shift, rotate,
brightness, contrast, gamma, JPEG, resize, overlay box; Gaussian, box, motion, down-and-up blurs) make. Like AC's to
AQ's it has two blur families, not three. Left out because an earlier generator made them or left them out: among
objects on the print a toy brick (V's toy bricks), a drawing pin (W's button, as the push pin listed before), a
zip's slider (an earlier zip's pull tab), a SIM card (the memory card listed before), a toothpick (W's matchstick),
a jelly bean (the gummy bears listed before), a bicycle lamp (AE's rear light); of the whole picture a tyre track or
shoe prints (T's paw prints), an autograph (O's signature), flour or pollen (AJ's and AO's flour), plywood's grain
(T's wood), a hammered metal sheet (AD's copper tray), a window's reflection (J's reflected window), flicker bands
(O's), a leaded window's diamond panes (O's chain-link fence), a freezer bag or a sheet protector (U's cling film,
Q's sleeve); among blurs a toy camera's field curvature (W's Petzval lens), chromatic defocus (K's), a flatbed
scanner's lifted print (L's scanner lift), a twin-lens reflex's ground glass (its list), a camera on an idling engine
(J's vibration smear), a laminate that clouded (AQ's blushed varnish), an edible print's dyes run (Q's ink bleed), a
phone in a waterproof pouch (AQ's list); among darkenings a cooker hood (AL's), an e-reader or a tablet (P's phone
screen), a bedside clock's digits (AF's LED badge), footlights, candles, a salt lamp, glowing plankton (V's list),
a bicycle's lamp (AE's rear light); among foreign pictures a saguaro (AJ's and AM's lists), a satellite dish (Y's
radio telescope), a hot-air balloon (its earlier balloons), wind turbines (S's, T's and X's turbines), a lighthouse;
among label noise colour-coded stickers misread (B's colour-coded label), file names that collided (M's truncated
file names), a wrong clock (AQ's clock skew).

* ``near_duplicate`` (3%), five edits in a part of the picture and three of the whole, in turn (so that the 268 px
  set's copies get both kinds): a cashew nut lying on the print (20-26% of the side long, at least 8 px, a curved
  kidney 34% of that thick, thicker at its head end, raw cream, roasted tan or dark roasted brown, whichever two show
  most against the picture's median grey, its inner groove 25% darker from 48 px, a sheen; at any angle, 30-70% of
  the way across and down, a soft shadow at 40%), a shirt's collar stay (30-40% of the side long, at least 12 px,
  18% of that wide, a rounded end and a pointed one, clear plastic at 45%, white at 85% or smoke grey at 65%, its
  edge 40% darker at 80%; the same place, a shadow at 25%), a behind-the-ear hearing aid (26-34% of the side long,
  at least 10 px, a curved body in beige, silver or charcoal, whichever two show most, a clear sound tube at 60%
  curling out of its top end to a translucent dome, two buttons from 48 px; the same place, a shadow at 35%), a
  raisin (12-16% of the side across, at least 7 px, an irregular wrinkled lump, near-black, golden or pale sultana,
  whichever two show most, 3-5 wrinkles from 32 px, a sheen; the same place, a shadow at 40%) and a split cotter pin
  (34-42% of the side long, at least 12 px, two legs side by side 11% of the length wide in all, at least 1.4 px,
  with a dark split between them from 32 px, an eye at one end, zinc, black oxide or brass, whichever two show most;
  the same place, a shadow at 40%); of the whole picture: the picture printed on corduroy (wales 3.5-5% of the side
  apart, at least 3 px, within 8 degrees of upright or level, each lit from one side by 16-22% and its valley 22%
  darker, the cloth's tan, olive, navy, rust or grey at 18%: a ribbed pile under the ink, not AQ's gingham, a check
  of colours, or AM's towel), the photographer's own shadow falling over it (a head and shoulders rising from the
  bottom edge, the head 14-18% of the side in radius, the shoulders 42-50% wide, the arms raised to a phone before
  the face in half of them, darkening the picture by 40-55% with a penumbra of 1.5-2.5% of the side and a cool fill:
  a person's shadow, not AQ's colander or K's blinds) and the picture painted as a mural on a roughcast wall (a
  relief of fine and coarse grains, 1-1.5% and 4% of the side, lit from a random side at a raking angle, shading by
  12-16% about the mean, the wall's off-white at 10%: a rough wall under the paint, not AA's tufted headboard or T's
  wood);
* ``exact_duplicate`` (1%): byte-for-byte copies of a file under another name;
* ``blurry`` (3%): the picture photographed through an airliner's cabin window (its outer acrylic pane crazed by
  years of stress, the micro-cracks scattering the light: a Gaussian of 1.6-2.4% of the side, at least 1 px, for
  65% of it and one 3 times as wide for the rest, a veil of 6-10% of a pale sky, the crazing as faint bright
  hairlines at 12-18% from 48 px, the window's rounded opening 84-92% of the side wide and 88-96% high in the
  cabin's pale grey wall with a shaded reveal: not AQ's peephole, a round field in a dark door) and the picture
  photographed through a convertible's old PVC rear window (the soft plastic clouded and yellowed by sun: a Gaussian
  of 1.8-2.6% of the side, at least 1 px, for 55% of it and one 2.5 times as wide for the rest, a yellowing of
  50-80% towards 1.0 / 0.93 / 0.72, a veil of 8-14% of a warm pale grey, 1-2 fold creases across it where the roof
  folds, the haze there half as dense again and a light line at 18%: a clouded soft plastic in front of the lens,
  not I's frosted glass or AQ's blushed varnish on the print); each as a camera metering on the highlights exposes
  it (as Y's to AQ's);
* ``dark`` (2%): a roadside at night lit only by a burning road flare lying in the picture (a red stick 16-22% of
  the side long 82-92% of the way down, its burning end a pink-white core, the picture lit in red, 1.0 / 0.32 /
  0.24, at 0.26-0.34 falling off as ``1 / (1 + (d / d0) ** 2)`` from the burning end, ``d0`` 30-42% of the side,
  over 0.015-0.03; a glow of sigma 4-6% of the side up to 40-60 levels and a plume of lit smoke rising 30-50% of
  the side at 10-16%: a burning flare on the ground, not a campfire's or a candle's flame), a dressing room at night
  lit only by a make-up mirror's bulbs (3-5 bare globes down the left or right edge on the mirror's dark frame, each
  3-4.5% of the side in radius, at least 1.2 px, warm 1.0 / 0.86 / 0.66, each lighting the picture at 0.12-0.16
  falling off as above, ``d0`` 22-30% of the side, over 0.015-0.03; glows of sigma 1.5-2.5% of the side up to 30-45
  levels: a column of bare bulbs, not AQ's dance floor or a row of footlights) and a wood at night lit only by
  foxfire (a rotting log along the bottom, 10-16% of the side high, with 8-14 patches of glowing fungus 3-6% of the
  side across, pale green 0.55 / 1.0 / 0.6, each lighting the picture at 0.035-0.055 falling off as above, ``d0``
  25-35% of the side, over 0.015-0.025; glows of sigma 1.5-2.5% of the side up to 25-35 levels: a living light on
  wood, not V's glowing plankton in a wave); none of them blurs the picture;
* ``outlier`` (1.5%): a parking meter at a kerb (a road, the kerb and a pavement before a wall, a pole, the meter's
  head with a domed top, a display window and a coin slot), a bird box on a post in a garden (a lawn, a hedge, a
  post, a box with a pitched roof, a round entrance hole and a perch) and a channel buoy at sea (a sky, a sea with
  rows of waves, a pillar buoy in two alternating bands on a float, a lattice mast and a top mark); the digit and
  clothing sets get them in their own tones on their dark ground, the photographs as a grey or silver meter before
  a brick-red wall over a dark road, a brown, green or blue box under a pale sky over a green lawn, and a red and
  white, green and white or yellow and black buoy on a navy sea under a pale sky;
* ``label`` (5%): *GPS-drift* flips: part of the set was photographed in the field, each class at its own station
  (the classes' stations on a jittered grid 40-80 m apart), and labelled by a script from each picture's GPS fix:
  the class of the nearest station. Pictures were taken in sessions (one phone, 2-4 classes' stations visited,
  20-60 pictures at each, the photographer within 15% of the grid's spacing of the station); in half the sessions
  the phone's fixes were thrown by multipath near buildings, a common offset of 0.6-1.4 times the spacing in one
  direction for the whole session (each fix a few metres apart again), so its pictures fall nearer another station
  and are given its class; one that still falls nearest its own station is not a flip. Sessions are worked through,
  in a random order of the eligible pictures, until the flips needed are made (the last session's flips kept in
  part, at random): noise by a wrong position, not by class or look, not AQ's wrong clock. Every flip changes the
  label, so every one is in the truth.

Each planted defect has its own source image; nothing else is planted, so only these six issue types are scored on
AR's sets. Base data are the evaluation domains drawn with seeds no other set uses: Fashion-MNIST *test* (2,000, seed
301), MNIST (2,000, seed 302), and the evaluation photographs tiled at 49 px (24 tiles a photograph at most, seed
303) and at 268 px (every tile, seed 304), sizes no other set uses. ``photos49_ar_jpeg`` is written as JPEG files,
each at a quality drawn from 59-81 (a stream of its own, seed ``445_000 + random_state``), every edit, blur and
darkening made before the encoding, near copies made from the decoded JPEG and saved again at their own quality,
exact copies byte copies of the file; the other sets are PNG files. Planting draws from seed ``440_000 +
random_state``. The planting is I's (:func:`_heldout_i.plant_generator`, as for J to AQ).
"""

from __future__ import annotations

import numpy as np
from _heldout_aa import _frame_at, _rect
from _heldout_ab import _pick
from _heldout_ac import _rrect
from _heldout_ae import _lit
from _heldout_af import _glow
from _heldout_an import _showing
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

EVALUATION_AR = ("fashion_test_ar", "mnist_ar", "photos49_ar_jpeg", "photos268_ar")
# each set's base: (data, seed) or ("photos", seed, tile size, tiles per photograph quick, full)
BASES_AR = {
    "fashion_test_ar": ("fashion_test", 301),
    "mnist_ar": ("mnist", 302),
    "photos49_ar_jpeg": ("photos", 303, 49, 8, 24),
    "photos268_ar": ("photos", 304, 268, 8, 1000),
}
JPEG_QUALITY = (59, 82)  # the JPEG set's qualities: integers in [low, high)
RATES_AR = {"near_duplicate": 0.03, "exact_duplicate": 0.01, "blurry": 0.03, "dark": 0.02, "outlier": 0.015,
            "label": 0.05}
# parts of the picture and the whole picture in turn, so that the smallest set gets both kinds
NEAR_EDITS_AR = ("cashew_nut", "corduroy", "collar_stay", "photographer_shadow", "hearing_aid", "roughcast_wall",
                 "raisin", "cotter_pin")
BLURS_AR = ("aircraft_window", "convertible_window")
DARKS_AR = ("road_flare", "mirror_bulbs", "foxfire")
OUTLIERS_AR = ("parking_meter", "bird_box", "channel_buoy")
STATION_SPACING = (40.0, 80.0)  # metres between the classes' stations (label noise)
SESSION_PICTURES = (20, 61)  # pictures taken at a station in a session: integers in [low, high) (label noise)


def load_base_ar(name: str, quick: bool = False):
    import _heldout

    return _heldout.load_generator_base(name, quick, BASES_AR, "AR")


def _median_grey(f: np.ndarray) -> float:
    return float(np.median(f @ np.array([0.299, 0.587, 0.114], np.float32)))


def _smooth_field(h: int, w: int, sigma: float, rng) -> np.ndarray:
    """A smooth random field of ``sigma`` px, scaled to 0-1."""
    from scipy.ndimage import gaussian_filter

    g = gaussian_filter(rng.normal(0, 1, (h, w)).astype(np.float32), max(0.5, sigma), mode="wrap")
    return (g - g.min()) / max(float(g.max() - g.min()), 1e-6)


# -- near copies -----------------------------------------------------------------------------
def _crescent(L: float, bend: float, w0: float, w1: float, n: int = 16) -> tuple[list, list, list]:
    """A curved body ``L`` long along an arc bowed by ``bend`` (a share of ``L``), ``w0`` thick at its start and
    ``w1`` at its end, round-ended: (outline, centre line, inner line)."""
    t = np.linspace(-0.5, 0.5, n)
    cx = L * t
    cy = -4 * bend * L * (0.25 - t * t)
    dx = np.gradient(cx)
    dy = np.gradient(cy)
    nrm = np.hypot(dx, dy)
    nx, ny = -dy / nrm, dx / nrm
    half = 0.5 * (w0 + (w1 - w0) * (t + 0.5))
    outer = [(float(x + ux * r), float(y + uy * r)) for x, y, ux, uy, r in zip(cx, cy, nx, ny, half)]
    inner = [(float(x - ux * r), float(y - uy * r)) for x, y, ux, uy, r in zip(cx, cy, nx, ny, half)]
    a0 = np.arctan2(ny[0], nx[0])
    a1 = np.arctan2(ny[-1], nx[-1])
    cap0 = [(float(cx[0] + half[0] * np.cos(a0 + s)), float(cy[0] + half[0] * np.sin(a0 + s)))
            for s in np.linspace(0, np.pi, 7)[1:-1]]
    cap1 = [(float(cx[-1] + half[-1] * np.cos(a1 - s)), float(cy[-1] + half[-1] * np.sin(a1 - s)))
            for s in np.linspace(0, np.pi, 7)[1:-1]]
    outline = outer + cap1 + inner[::-1] + cap0
    centre = [(float(x), float(y)) for x, y in zip(cx, cy)]
    groove = [(float(x - ux * 0.45 * r), float(y - uy * 0.45 * r)) for x, y, ux, uy, r in zip(cx, cy, nx, ny, half)]
    return outline, centre, groove


CASHEWS = ((236, 218, 176), (204, 160, 96), (140, 96, 52))


def _cashew_nut(f: np.ndarray, rng) -> np.ndarray:
    """A cashew nut lying on the print: 20-26% of the side long, at least 8 px, a kidney bowed by 28-36% of its
    length, 30% of it thick at its tail and 38% at its head, raw cream, roasted tan or dark roasted brown (of the
    three the two whose grey is furthest from the picture's median grey), its inner groove 25% darker from 48 px, a
    sheen along its back at 40%; at any angle, its middle 30-70% of the way across and down, a soft shadow at
    40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(8.0, side * rng.uniform(0.2, 0.26))
    col = _showing(f, CASHEWS, rng)
    fr = _frame_at(h, w, rng)
    outline, centre, groove = _crescent(L, rng.uniform(0.28, 0.36), 0.3 * L, 0.38 * L)
    body = fr.fill([outline])
    parts = [(body, col, 1.0, True)]
    if side >= 48:
        parts.append((fr.line([groove[3:-3]], max(0.5, 0.03 * L)) * body, col * 0.75, 1.0, False))
    back = [(x, y - 0.09 * L) for x, y in centre[3:-4]]
    parts.append((fr.line([back], max(0.5, 0.05 * L)) * body, (255, 250, 236), 0.4, False))
    return _u8(_laid(f, parts, 0.4))


STAYS = ((236, 240, 242, 0.45), (248, 248, 246, 0.85), (112, 116, 122, 0.65))


def _collar_stay(f: np.ndarray, rng) -> np.ndarray:
    """A shirt's collar stay lying on the print: a plastic strip 30-40% of the side long, at least 12 px, 18% of
    that wide, one end rounded and the other pointed over its last 25%; clear plastic at 45%, white at 85% or smoke
    grey at 65%; its edge 40% darker at 80%, 5% of the length wide, at least 0.6 px; a sheen at 50% down its middle;
    at any angle, its middle 30-70% of the way across and down, a soft shadow at 25%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(12.0, side * rng.uniform(0.3, 0.4))
    W = 0.18 * L
    *rgb, alpha = STAYS[int(rng.integers(len(STAYS)))]
    col = np.asarray(rgb, np.float32)
    fr = _frame_at(h, w, rng)
    end = [(-0.5 * L + 0.5 * W - 0.5 * W * np.sin(t), 0.5 * W * np.cos(t)) for t in np.linspace(0, np.pi, 9)]
    strip = [(0.25 * L, -0.5 * W), (0.5 * L, 0.0), (0.25 * L, 0.5 * W)] + end
    body = fr.fill([strip])
    edge = fr.line([strip + [strip[0]]], max(0.6, 0.05 * L)) * body
    sheen = fr.line([[(-0.4 * L, -0.05 * W), (0.25 * L, -0.05 * W)]], max(0.5, 0.04 * L)) * body
    parts = [(body, col, alpha, True), (edge, col * 0.6, 0.8, False), (sheen, (255, 255, 255), 0.5, False)]
    return _u8(_laid(f, parts, 0.25))


AIDS = ((214, 182, 152), (176, 178, 184), (60, 58, 60))


def _hearing_aid(f: np.ndarray, rng) -> np.ndarray:
    """A behind-the-ear hearing aid lying on the print: a curved body 26-34% of the side long, at least 10 px,
    bowed by 30-40% of its length, 22% of it thick at its battery end and 16% at its top, beige, silver or charcoal
    (of the three the two whose grey is furthest from the picture's median grey), its edge 20% darker; a clear sound
    tube 6% of its length wide, at least 0.7 px, at 60%, curling out of the top end over 60% of the length to a
    translucent dome 14% of the length across at 70%; two buttons on its back from 48 px; a sheen at 40%; at any
    angle, its middle 30-70% of the way across and down, a soft shadow at 35%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(10.0, side * rng.uniform(0.26, 0.34))
    col = _showing(f, AIDS, rng)
    fr = _frame_at(h, w, rng)
    outline, centre, _ = _crescent(L, rng.uniform(0.3, 0.4), 0.22 * L, 0.16 * L)
    body = fr.fill([outline])
    x1, y1 = centre[-1]
    t = np.linspace(0, 1, 10)
    tube = [(x1 + 0.05 * L + 0.3 * L * s, y1 + 0.35 * L * s - 0.25 * L * s * s * 2.5 + 0.1 * L * s) for s in t]
    tube_m = fr.line([tube], max(0.7, 0.06 * L))
    tx, ty = tube[-1]
    dome = fr.fill([_ellipse(tx, ty, 0.07 * L, 0.07 * L, 0.0, 12)])
    parts = [(body, col, 1.0, True), (fr.line([outline + [outline[0]]], max(0.5, 0.03 * L)) * body, col * 0.8, 1.0,
                                       False),
             (tube_m, (232, 238, 242), 0.6, True), (dome, (240, 236, 230), 0.7, True)]
    if side >= 48:
        bx, by = centre[9]
        parts.append((fr.fill([_ellipse(bx, by, 0.035 * L, 0.035 * L, 0.0, 8),
                               _ellipse(bx + 0.1 * L, by + 0.01 * L, 0.03 * L, 0.03 * L, 0.0, 8)]), col * 0.6, 1.0,
                      False))
    back = [(x, y - 0.05 * L) for x, y in centre[2:-3]]
    parts.append((fr.line([back], max(0.5, 0.03 * L)) * body, (255, 255, 255), 0.4, False))
    return _u8(_laid(f, parts, 0.35))


RAISINS = ((46, 26, 34), (150, 104, 44), (200, 156, 84))


def _raisin(f: np.ndarray, rng) -> np.ndarray:
    """A raisin lying on the print: an irregular lump 12-16% of the side across, at least 7 px, 70-90% as wide,
    its outline of 11-15 points jittered by 15%; near-black, golden or pale sultana (of the three the two whose grey
    is furthest from the picture's median grey); 3-5 wrinkles 30% darker from 32 px; a sheen at 45%; at any angle,
    its middle 30-70% of the way across and down, a soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    D = max(7.0, side * rng.uniform(0.12, 0.16))
    col = _showing(f, RAISINS, rng)
    fr = _frame_at(h, w, rng)
    a, b = D / 2, D / 2 * rng.uniform(0.7, 0.9)
    n = int(rng.integers(11, 16))
    ts = np.linspace(0, 2 * np.pi, n, endpoint=False)
    jit = rng.uniform(0.85, 1.15, n)
    lump = [(float(a * j * np.cos(t)), float(b * j * np.sin(t))) for t, j in zip(ts, jit)]
    body = fr.fill([lump])
    parts = [(body, col, 1.0, True)]
    if side >= 32:
        wr = []
        for _ in range(int(rng.integers(3, 6))):
            x0, y0 = rng.uniform(-0.6, 0.6) * a, rng.uniform(-0.6, 0.6) * b
            ang = rng.uniform(0, np.pi)
            ln = rng.uniform(0.3, 0.6) * a
            wr.append([(x0 - ln * np.cos(ang), y0 - ln * np.sin(ang)), (x0, y0 + 0.1 * b),
                       (x0 + ln * np.cos(ang), y0 + ln * np.sin(ang))])
        parts.append((fr.line(wr, max(0.5, 0.06 * D)) * body, col * 0.7, 1.0, False))
    parts.append((fr.fill([_ellipse(-0.3 * a, -0.35 * b, 0.22 * a, 0.12 * b, 0.3, 8)]) * body, (255, 255, 255),
                  0.45, False))
    return _u8(_laid(f, parts, 0.4))


PINS = ((204, 206, 212), (58, 58, 62), (192, 152, 72))


def _cotter_pin(f: np.ndarray, rng) -> np.ndarray:
    """A split cotter pin lying on the print: 34-42% of the side long, at least 12 px, two legs side by side 11%
    of the length wide in all, at least 1.4 px, one 6-12% longer than the other, a dark split between them from
    32 px; an eye at one end, a loop 24% of the length across; zinc, black oxide or brass (of the three the two
    whose grey is furthest from the picture's median grey), a sheen at 50%; at any angle, its middle 30-70% of the
    way across and down, a soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(12.0, side * rng.uniform(0.34, 0.42))
    col = _showing(f, PINS, rng)
    fr = _frame_at(h, w, rng)
    W = max(1.4, 0.11 * L)
    extra = rng.uniform(0.06, 0.12) * L
    x0 = -0.5 * L + 0.24 * L
    legs = fr.fill([_rect(x0, -0.5 * W, 0.5 * L - extra, 0.0), _rect(x0, 0.0, 0.5 * L, 0.5 * W)])
    eye = fr.line([_ellipse(-0.5 * L + 0.12 * L, 0.0, 0.12 * L, 0.1 * L, 0.0, 16) + [(-0.5 * L + 0.24 * L, 0.0)]],
                  0.5 * W)
    parts = [(np.maximum(legs, eye), col, 1.0, True)]
    if side >= 32:
        parts.append((fr.line([[(x0, 0.0), (0.5 * L - extra, 0.0)]], max(0.4, 0.12 * W)) * legs, col * 0.45, 1.0,
                       False))
    parts.append((fr.line([[(x0, -0.3 * W), (0.45 * L - extra, -0.3 * W)]], max(0.4, 0.15 * W)) * legs,
                  (255, 255, 255), 0.5, False))
    return _u8(_laid(f, parts, 0.4))


CORDS = ((176, 140, 96), (104, 112, 60), (36, 44, 82), (150, 70, 40), (120, 120, 120))


def _corduroy(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on corduroy: wales 3.5-5% of the side apart, at least 3 px, within 8 degrees of upright
    or level, each rib lit from one side (the picture 16-22% lighter and darker across it) and its valley 22% darker;
    the cloth's tan, olive, navy, rust or grey at 18%."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    p = max(3.0, side * rng.uniform(0.035, 0.05))
    a = np.deg2rad(rng.uniform(-8, 8)) + (np.pi / 2 if rng.random() < 0.5 else 0.0)
    u = (xx * np.cos(a) + yy * np.sin(a)) / p + rng.uniform(0, 1)
    ph = 2 * np.pi * u
    lit = rng.uniform(0.16, 0.22) * np.sin(ph)
    valley = np.clip(np.cos(ph) - 0.6, 0, 1) / 0.4  # 1 in the groove between ribs
    shade = (1 + lit) * (1 - 0.22 * valley)
    out = f * 0.82 + 0.18 * _pick(CORDS, rng)
    return _u8(out * shade[..., None])


def _photographer_shadow(f: np.ndarray, rng) -> np.ndarray:
    """The photographer's own shadow falling over the print: a head and shoulders rising from the bottom edge, its
    middle 35-65% of the way across, the shoulders an ellipse 42-50% of the side in half-width and 26-34% high
    reaching 72-80% of the way down, a neck, the head an ellipse 14-18% of the side in radius (85% as wide) its
    middle 44-54% of the way down; in half of them the arms raised from the shoulders to a phone 16% of the side
    wide before the face; the picture darkened by 40-55% inside it with a penumbra of 1.5-2.5% of the side and a cool
    fill 0.92 / 0.96 / 1.04."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    cx = w * rng.uniform(0.35, 0.65)
    top_sh = h * rng.uniform(0.72, 0.8)
    sw = side * rng.uniform(0.42, 0.5)
    sh = side * rng.uniform(0.26, 0.34)
    r = side * rng.uniform(0.14, 0.18)
    hy = h * rng.uniform(0.44, 0.54)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    polys = [_ellipse(cx, top_sh + sh, sw, sh, 0.0, 40), _rect(cx - 0.45 * r, hy, cx + 0.45 * r, top_sh + 0.2 * sh),
             _ellipse(cx, hy, 0.85 * r, r, 0.0, 28)]
    m = ident.fill(polys)
    if rng.random() < 0.5:
        py = hy - 0.2 * r
        arms = ident.line([[(cx - 0.7 * sw, top_sh + 0.3 * sh), (cx - 0.55 * sw, hy + 0.2 * r), (cx - 0.08 * side, py)],
                           [(cx + 0.7 * sw, top_sh + 0.3 * sh), (cx + 0.55 * sw, hy + 0.2 * r), (cx + 0.08 * side, py)]],
                          max(1.0, 0.07 * side))
        phone = ident.fill([_rect(cx - 0.08 * side, py - 0.06 * side, cx + 0.08 * side, py + 0.06 * side)])
        m = np.maximum(m, np.maximum(arms, phone))
    m = np.clip(gaussian_filter(m, max(0.6, side * rng.uniform(0.015, 0.025))), 0, 1)
    depth = rng.uniform(0.4, 0.55)
    fill = np.array([0.92, 0.96, 1.04], np.float32)
    out = f * (1 - depth * m[..., None]) * (1 - m[..., None] + m[..., None] * fill)
    return _u8(out)


def _roughcast_wall(f: np.ndarray, rng) -> np.ndarray:
    """The picture painted as a mural on a roughcast wall: a relief of fine grains (a random field of 1-1.5% of
    the side, at least 0.7 px) and coarse ones (4% of the side, half as high), lit from a random side at a raking
    angle (by its slope along the light), shading the picture by 12-16% (standard deviation) about its mean, the
    wall's off-white 236 / 232 / 222 at 10%."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    fine = gaussian_filter(rng.normal(0, 1, (h, w)).astype(np.float32), max(0.7, side * rng.uniform(0.01, 0.015)))
    coarse = gaussian_filter(rng.normal(0, 1, (h, w)).astype(np.float32), max(1.0, side * 0.04))
    relief = fine / max(float(fine.std()), 1e-6) + 0.5 * coarse / max(float(coarse.std()), 1e-6)
    gy, gx = np.gradient(relief)
    a = rng.uniform(0, 2 * np.pi)
    slope = gx * np.cos(a) + gy * np.sin(a)
    shade = 1 + rng.uniform(0.12, 0.16) * slope / max(float(slope.std()), 1e-6)
    out = (f * 0.9 + 0.1 * np.array([236, 232, 222], np.float32)) * np.clip(shade, 0.4, 1.6)[..., None]
    return _u8(out)


def near_edit_ar(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "cashew_nut":  # a cashew nut lying on the print
        return _cashew_nut(f, rng)
    if kind == "collar_stay":  # a shirt's collar stay lying on the print
        return _collar_stay(f, rng)
    if kind == "hearing_aid":  # a behind-the-ear hearing aid lying on the print
        return _hearing_aid(f, rng)
    if kind == "raisin":  # a raisin lying on the print
        return _raisin(f, rng)
    if kind == "cotter_pin":  # a split cotter pin lying on the print
        return _cotter_pin(f, rng)
    if kind == "corduroy":  # the picture printed on corduroy
        return _corduroy(f, rng)
    if kind == "photographer_shadow":  # the photographer's own shadow over the print
        return _photographer_shadow(f, rng)
    if kind == "roughcast_wall":  # the picture painted as a mural on a roughcast wall
        return _roughcast_wall(f, rng)
    raise ValueError(kind)


# -- blurs -----------------------------------------------------------------------------------
def _aircraft_window(f: np.ndarray, rng) -> np.ndarray:
    """The picture photographed through an airliner's cabin window, its outer acrylic pane crazed by years of
    stress (the micro-cracks scattering the light): a Gaussian of 1.6-2.4% of the side, at least 1 px, for 65% of it
    and one 3 times as wide for the rest; a veil of 6-10% of a pale sky 220 / 228 / 240; the crazing as 25-45 faint
    bright hairlines 4-9% of the side long at 12-18% from 48 px; the window's rounded opening 84-92% of the side
    wide and 88-96% high (corners rounded by 28-36% of the side) with a soft edge 3% of the side wide, the cabin's
    pale grey wall 196 / 194 / 188 beyond, shaded by 35% towards the opening (its reveal); as a camera metering on
    the highlights exposes it."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    s = max(1.0, side * rng.uniform(0.016, 0.024))
    soft = np.stack([0.65 * gaussian_filter(f[..., c], s, mode="reflect") +
                     0.35 * gaussian_filter(f[..., c], 3 * s, mode="reflect") for c in range(3)], axis=2)
    v = rng.uniform(0.06, 0.1)
    out = soft * (1 - v) + v * np.array([220, 228, 240], np.float32)
    if side >= 48:
        ident = _Frame((h, w), 0.0, 0.0, 0.0)
        lines = []
        for _ in range(int(rng.integers(25, 46))):
            x, y = rng.uniform(0, w), rng.uniform(0, h)
            ang = rng.uniform(0, np.pi)
            ln = side * rng.uniform(0.04, 0.09) / 2
            lines.append([(x - ln * np.cos(ang), y - ln * np.sin(ang)), (x + ln * np.cos(ang), y + ln * np.sin(ang))])
        out = _paint(out, rng.uniform(0.12, 0.18) * ident.line(lines, max(0.5, 0.003 * side)), (250, 250, 252))
    ww, wh = w * rng.uniform(0.84, 0.92), h * rng.uniform(0.88, 0.96)
    x0, y0 = (w - ww) / 2, (h - wh) / 2
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    opening = ident.fill([_rrect(x0, y0, x0 + ww, y0 + wh, side * rng.uniform(0.28, 0.36), 10)])
    opening = np.clip(gaussian_filter(opening, max(0.5, 0.03 * side / 2.5)), 0, 1)
    reveal = np.clip(gaussian_filter(opening, max(0.8, 0.04 * side)), 0, 1)
    wall = np.array([196, 194, 188], np.float32) * (1 - 0.35 * reveal)[..., None]
    out = out * opening[..., None] + wall * (1 - opening[..., None])
    return _u8(_metered(out, f))


def _convertible_window(f: np.ndarray, rng) -> np.ndarray:
    """The picture photographed through a convertible's old PVC rear window, the soft plastic clouded and yellowed
    by sun: a Gaussian of 1.8-2.6% of the side, at least 1 px, for 55% of it and one 2.5 times as wide for the rest;
    a yellowing of 50-80% towards 1.0 / 0.93 / 0.72; a veil of 8-14% of a warm pale grey 226 / 222 / 204; 1-2 fold
    creases across it (where the roof folds), 25-75% of the way down, within 6 degrees of level, the veil half as
    dense again over 4% of the side either side and a light line 0.8% of the side wide, at least 0.6 px, at 18%; as
    a camera metering on the highlights exposes it."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    s = max(1.0, side * rng.uniform(0.018, 0.026))
    soft = np.stack([0.55 * gaussian_filter(f[..., c], s, mode="reflect") +
                     0.45 * gaussian_filter(f[..., c], 2.5 * s, mode="reflect") for c in range(3)], axis=2)
    k = rng.uniform(0.5, 0.8)
    soft = soft * (1 - k + k * np.array([1.0, 0.93, 0.72], np.float32))
    veil = np.full((h, w), rng.uniform(0.08, 0.14), np.float32)
    line = np.zeros((h, w), np.float32)
    for _ in range(int(rng.integers(1, 3))):
        y0 = h * rng.uniform(0.25, 0.75)
        a = np.deg2rad(rng.uniform(-6, 6))
        d = np.abs((yy - y0) * np.cos(a) - (xx - w / 2) * np.sin(a))
        veil = veil * (1 + 0.5 * np.exp(-0.5 * (d / max(0.8, 0.04 * side)) ** 2))
        line = np.maximum(line, np.clip(max(0.6, 0.008 * side) / 2 + 0.5 - d, 0, 1))
    out = soft * (1 - veil[..., None]) + veil[..., None] * np.array([226, 222, 204], np.float32)
    out = _paint(out, 0.18 * line, (250, 248, 236))
    return _u8(_metered(out, f))


def blur_ar(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "aircraft_window":  # the picture photographed through an airliner's crazed cabin window
        return _aircraft_window(f, rng)
    if kind == "convertible_window":  # the picture photographed through a convertible's clouded PVC rear window
        return _convertible_window(f, rng)
    raise ValueError(kind)


# -- darkening -------------------------------------------------------------------------------
FLARE = np.array([1.0, 0.32, 0.24], np.float32)


def _road_flare(f: np.ndarray, rng) -> np.ndarray:
    """A roadside at night lit only by a burning road flare lying in the picture: a red stick 16-22% of the side
    long and 18% of that thick, 82-92% of the way down and 20-80% across, within 20 degrees of level, a dark cap at
    its far end, its burning end a pink-white core 255 / 220 / 210; the picture lit in red 1.0 / 0.32 / 0.24 at a
    gain of 0.015-0.03 plus 0.26-0.34 falling off as ``1 / (1 + (d / d0) ** 2)`` from the burning end, ``d0`` 30-42%
    of the side; a glow of sigma 4-6% of the side up to 40-60 levels; a plume of lit smoke rising from it 30-50% of
    the side, 8-12% of the side wide and widening, drifting sideways by up to 15% of the side, at 10-16%; noise
    sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    L = side * rng.uniform(0.16, 0.22)
    cx, cy = w * rng.uniform(0.2, 0.8), h * rng.uniform(0.82, 0.92)
    ang = np.deg2rad(rng.uniform(-20, 20))
    fr = _Frame((h, w), cx, cy, ang)
    ex, ey = cx + 0.5 * L * np.cos(ang), cy + 0.5 * L * np.sin(ang)
    d = np.hypot(xx - ex, yy - ey)
    gain = rng.uniform(0.015, 0.03) + rng.uniform(0.26, 0.34) / (1 + (d / (side * rng.uniform(0.3, 0.42))) ** 2)
    out = _lit(f, gain[..., None] * FLARE, rng)
    rise = side * rng.uniform(0.3, 0.5)
    drift = side * rng.uniform(-0.15, 0.15)
    t = np.clip((ey - yy) / rise, 0, 1)
    width = side * rng.uniform(0.04, 0.06) * (1 + 1.5 * t)
    plume = np.exp(-0.5 * ((xx - ex - drift * t * t) / width) ** 2) * (yy < ey) * (1 - t) ** 0.7
    out = _paint(out, rng.uniform(0.1, 0.16) * plume, 200 * FLARE + 40)
    stick = fr.fill([_rect(-0.5 * L, -0.09 * L, 0.45 * L, 0.09 * L)])
    cap = fr.fill([_rect(-0.5 * L, -0.1 * L, -0.35 * L, 0.1 * L)])
    core = fr.fill([_ellipse(0.5 * L, 0.0, 0.1 * L, 0.12 * L, 0.0, 10)])
    out = _paint(_paint(out, stick, (150, 30, 30)), cap, (30, 26, 26))
    out = out + _glow(core, max(0.8, side * rng.uniform(0.04, 0.06)))[..., None] * rng.uniform(40, 60) * FLARE
    return _u8(_paint(out, core, (255, 220, 210)))


BULB = np.array([1.0, 0.86, 0.66], np.float32)


def _mirror_bulbs(f: np.ndarray, rng) -> np.ndarray:
    """A dressing room at night lit only by a make-up mirror's bulbs in the picture: 3-5 bare globe bulbs down the
    left or right edge, 5-9% of the side in from it, spread over 10-90% of the height, each 3-4.5% of the side in
    radius, at least 1.2 px, warm 1.0 / 0.86 / 0.66, on the mirror's dark frame (a strip 12% of the side wide, 22 /
    20 / 20); each lighting the picture at a gain of 0.12-0.16 falling off as ``1 / (1 + (d / d0) ** 2)``, ``d0``
    22-30% of the side, over 0.015-0.03; glows of sigma 1.5-2.5% of the side up to 30-45 levels; noise sigma 1.2
    levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    n = int(rng.integers(3, 6))
    left = rng.random() < 0.5
    inset = side * rng.uniform(0.05, 0.09)
    bx = inset if left else w - inset
    ys = np.linspace(h * 0.1, h * 0.9, n) + rng.uniform(-0.02, 0.02, n) * h
    r = max(1.2, side * rng.uniform(0.03, 0.045))
    d0 = side * rng.uniform(0.22, 0.3)
    gain = np.full((h, w), rng.uniform(0.015, 0.03), np.float32)
    for y in ys:
        gain += rng.uniform(0.12, 0.16) / (1 + (np.hypot(xx - bx, yy - y) / d0) ** 2)
    out = _lit(f, gain[..., None] * BULB, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    fw = 0.06 * side
    out = _paint(out, ident.fill([_rect(bx - fw, -1.0, bx + fw, h + 1.0)]), (22, 20, 20))
    bulbs = ident.fill([_ellipse(bx, float(y), r, r, 0.0, 14) for y in ys])
    out = out + _glow(bulbs, max(0.8, side * rng.uniform(0.015, 0.025)))[..., None] * rng.uniform(30, 45) * BULB
    return _u8(_paint(out, bulbs, 240 * BULB + 15))


FOX = np.array([0.55, 1.0, 0.6], np.float32)


def _foxfire(f: np.ndarray, rng) -> np.ndarray:
    """A wood at night lit only by foxfire in the picture: a rotting log along the bottom, its top 84-90% of the
    way down, dark bark 30 / 24 / 20 with a wavy edge, 8-14 patches of glowing fungus on it 3-6% of the side across,
    pale green 0.55 / 1.0 / 0.6, each lighting the picture at a gain of 0.035-0.055 falling off as
    ``1 / (1 + (d / d0) ** 2)``, ``d0`` 25-35% of the side, over 0.015-0.025; glows of sigma 1.5-2.5% of the side up
    to 25-35 levels; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    top = h * rng.uniform(0.84, 0.9)
    d0 = side * rng.uniform(0.25, 0.35)
    n = int(rng.integers(8, 15))
    gain = np.full((h, w), rng.uniform(0.015, 0.025), np.float32)
    spots = []
    for _ in range(n):
        x, y = rng.uniform(0.03, 0.97) * w, rng.uniform(top + 0.01 * h, h * 0.98)
        gain += rng.uniform(0.035, 0.055) / (1 + (np.hypot(xx - x, yy - y) / d0) ** 2)
        r = max(0.8, side * rng.uniform(0.03, 0.06) / 2)
        spots.append(_ellipse(x, y, r, 0.6 * r, rng.uniform(-0.3, 0.3), 10))
    out = _lit(f, gain[..., None] * FOX, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    edge = [(x, top + 0.015 * h * np.sin(x / max(w, 1) * rng.uniform(6, 12) + rng.uniform(0, 6))) for x in
            np.linspace(-1.0, w + 1.0, 24)]
    out = _paint(out, ident.fill([edge + [(w + 1.0, h + 1.0), (-1.0, h + 1.0)]]), (30, 24, 20))
    glowing = ident.fill(spots)
    out = out + _glow(glowing, max(0.8, side * rng.uniform(0.015, 0.025)))[..., None] * rng.uniform(25, 35) * FOX
    return _u8(_paint(out, glowing, 200 * FOX + 20))


def dark_ar(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "road_flare":  # a roadside lit only by a burning road flare
        return _road_flare(f, rng)
    if kind == "mirror_bulbs":  # a dressing room lit only by a make-up mirror's bulbs
        return _mirror_bulbs(f, rng)
    if kind == "foxfire":  # a wood lit only by glowing fungus on a log
        return _foxfire(f, rng)
    raise ValueError(kind)


# -- outliers --------------------------------------------------------------------------------
def _parking_meter(size: int, rng) -> dict:
    """A parking meter at a kerb: a wall above 58-64% of the way down, a pavement below it, the kerb's face as a
    band 3% of the side high at 80-86% and the road below; a pole 4% of the side wide 40-60% across from the
    pavement up to a meter's head: a box 22-28% of the side wide and 26-32% high, its top 22-30% down, a domed top,
    a display window, a coin slot and a keypad of dots (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("pavement", "kerb", "road", "pole", "head", "window", "slot"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    wall = big * rng.uniform(0.58, 0.64)
    kerb = big * rng.uniform(0.8, 0.86)
    d["pavement"].rectangle((0, wall, big, kerb), fill=255)
    d["kerb"].rectangle((0, kerb, big, kerb + 0.03 * big), fill=255)
    d["road"].rectangle((0, kerb + 0.03 * big, big, big), fill=255)
    cx = big * rng.uniform(0.4, 0.6)
    hw = big * rng.uniform(0.22, 0.28) / 2
    hh = big * rng.uniform(0.26, 0.32)
    top = big * rng.uniform(0.22, 0.3)
    d["pole"].rectangle((cx - 0.02 * big, top + hh - 0.02 * big, cx + 0.02 * big, (wall + kerb) / 2), fill=255)
    d["head"].rounded_rectangle((cx - hw, top, cx + hw, top + hh), radius=0.2 * hw, fill=255)
    d["head"].pieslice((cx - hw, top - 0.6 * hw, cx + hw, top + 0.6 * hw), 180, 360, fill=255)
    d["window"].rectangle((cx - 0.7 * hw, top + 0.12 * hh, cx + 0.7 * hw, top + 0.38 * hh), fill=255)
    d["slot"].rectangle((cx - 0.08 * hw, top + 0.5 * hh, cx + 0.08 * hw, top + 0.66 * hh), fill=255)
    for i in range(3):
        for j in range(2):
            x, y = cx - 0.45 * hw + 0.45 * hw * i, top + 0.76 * hh + 0.1 * hh * j
            d["slot"].ellipse((x - 0.05 * hw, y - 0.05 * hw, x + 0.05 * hw, y + 0.05 * hw), fill=255)
    return {k: _down(v, size) for k, v in M.items()}


def _bird_box(size: int, rng) -> dict:
    """A bird box on a post in a garden: a hedge's rounded top 48-56% of the way down, a lawn below 70-78%, a post
    5% of the side wide 35-65% across from the lawn up to the box: a body 24-30% of the side wide and 30-36% high,
    its top 26-34% down, a pitched roof overhanging by 12% a side, a round entrance hole 28% of the body's width
    across a third of the way down it, a perch peg below (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("hedge", "lawn", "post", "body", "roof", "hole", "perch"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    hedge = big * rng.uniform(0.48, 0.56)
    lawn = big * rng.uniform(0.7, 0.78)
    bump = 0.1 * big
    for x in np.arange(-bump, big + bump, bump):
        d["hedge"].ellipse((x, hedge - 0.4 * bump, x + 1.2 * bump, hedge + 0.6 * bump), fill=255)
    d["hedge"].rectangle((0, hedge, big, lawn), fill=255)
    d["lawn"].rectangle((0, lawn, big, big), fill=255)
    cx = big * rng.uniform(0.35, 0.65)
    bw = big * rng.uniform(0.24, 0.3) / 2
    bh = big * rng.uniform(0.3, 0.36)
    top = big * rng.uniform(0.26, 0.34)
    d["post"].rectangle((cx - 0.025 * big, top + bh, cx + 0.025 * big, lawn + 0.08 * big), fill=255)
    d["body"].rectangle((cx - bw, top, cx + bw, top + bh), fill=255)
    d["roof"].polygon([(cx - 1.24 * bw, top + 0.05 * bh), (cx, top - 0.8 * bw), (cx + 1.24 * bw, top + 0.05 * bh),
                       (cx + 1.24 * bw, top + 0.12 * bh), (cx, top - 0.65 * bw), (cx - 1.24 * bw, top + 0.12 * bh)],
                      fill=255)
    r = 0.28 * bw
    hy = top + bh / 3
    d["hole"].ellipse((cx - r, hy - r, cx + r, hy + r), fill=255)
    d["perch"].rectangle((cx - 0.05 * bw, hy + 1.6 * r, cx + 0.05 * bw, hy + 1.6 * r + 0.4 * bw), fill=255)
    d["perch"].rectangle((cx - 0.06 * bw, hy + 1.6 * r, cx + 0.06 * bw, hy + 1.6 * r + 0.12 * bw), fill=255)
    out = {k: _down(v, size) for k, v in M.items()}
    out["hedge"] = out["hedge"] * (1 - out["lawn"])
    return out


def _channel_buoy(size: int, rng) -> dict:
    """A channel buoy at sea: the horizon 36-46% of the way down, the sea below it with rows of waves (short
    strokes in 5-8 rows, closer together towards the horizon), a pillar buoy 40-60% across: a float 26-32% of the
    side wide at the waterline 68-78% down, a tapering body 14-18% wide rising 26-32% of the side in two
    alternating bands, a lattice mast above it and a top mark (a cone or a can) (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("sea", "waves", "float", "band_a", "band_b", "mast", "topmark"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    hz = big * rng.uniform(0.36, 0.46)
    d["sea"].rectangle((0, hz, big, big), fill=255)
    lw = max(1, round(0.01 * big))
    rows = int(rng.integers(5, 9))
    for j in range(rows):
        y = hz + (big - hz) * ((j + 1) / (rows + 1)) ** 1.5
        ln = 0.03 * big * (1 + 2 * (y - hz) / (big - hz))
        for x in np.arange(rng.uniform(0, 2 * ln), big, 3 * ln):
            d["waves"].arc((x, y - 0.3 * ln, x + ln, y + 0.3 * ln), 200, 340, fill=255, width=lw)
    cx = big * rng.uniform(0.4, 0.6)
    wl = big * rng.uniform(0.68, 0.78)
    fw = big * rng.uniform(0.26, 0.32) / 2
    d["float"].ellipse((cx - fw, wl - 0.06 * big, cx + fw, wl + 0.03 * big), fill=255)
    bw = big * rng.uniform(0.14, 0.18) / 2
    H = big * rng.uniform(0.26, 0.32)
    for k in range(4):
        y0, y1 = wl - 0.04 * big - H * (k + 1) / 4, wl - 0.04 * big - H * k / 4
        w0, w1 = bw * (1 - 0.35 * (k + 1) / 4), bw * (1 - 0.35 * k / 4)
        d["band_a" if k % 2 == 0 else "band_b"].polygon([(cx - w1, y1), (cx + w1, y1), (cx + w0, y0), (cx - w0, y0)],
                                                        fill=255)
    mt = wl - 0.04 * big - H
    mh = 0.12 * big
    mw = 0.45 * bw
    for s in (-1, 1):
        d["mast"].line([(cx + s * mw, mt), (cx + s * 0.4 * mw, mt - mh)], fill=255, width=lw)
    for j in range(3):
        y = mt - mh * j / 3
        d["mast"].line([(cx - mw * (1 - 0.2 * j), y), (cx + mw * (1 - 0.2 * j), y - mh / 3)], fill=255, width=lw)
    tm = 0.06 * big
    if rng.random() < 0.5:
        d["topmark"].polygon([(cx - tm, mt - mh), (cx + tm, mt - mh), (cx, mt - mh - 1.6 * tm)], fill=255)
    else:
        d["topmark"].rectangle((cx - 0.8 * tm, mt - mh - 1.5 * tm, cx + 0.8 * tm, mt - mh), fill=255)
    out = {k: _down(v, size) for k, v in M.items()}
    out["waves"] = out["waves"] * out["sea"]
    return out


METERS = ((160, 162, 168), (200, 202, 206), (60, 62, 70))
BOXES = ((124, 84, 50), (70, 120, 70), (60, 90, 150))
BUOYS = (((200, 36, 36), (240, 240, 236)), ((40, 140, 70), (240, 240, 236)), ((236, 200, 30), (24, 24, 28)))


def outlier_ar(name: str, kind: str, size: int, lo: int, hi: int, rng) -> np.ndarray:
    photos = name.startswith("photos")
    ground = lambda col: np.ones((size, size, 3), np.float32) * np.asarray(col, np.float32)  # noqa: E731
    tone = lambda t: [lo + (hi - lo) * t] * 3  # noqa: E731
    if kind == "parking_meter":
        m = _parking_meter(size, rng)
        if photos:  # a brick-red wall, a grey pavement, a pale kerb, a dark road, a grey or silver meter
            col = _pick(METERS, rng)
            out = _paint(_paint(ground((150, 72, 56)), m["pavement"], (150, 148, 144)), m["kerb"], (196, 194, 186))
            out = _paint(_paint(out, m["road"], (54, 54, 58)), m["pole"], col * 0.8)
            out = _paint(_paint(out, m["head"], col), m["window"], (140, 170, 150))
            return _u8(_paint(out, m["slot"], (30, 30, 34)))
        out = _paint(_paint(ground(tone(0.0)), m["pavement"], tone(0.3)), m["kerb"], tone(0.55))
        out = _paint(_paint(out, m["road"], tone(0.12)), m["pole"], tone(0.7))
        out = _paint(_paint(out, m["head"], tone(1.0)), m["window"], tone(0.45))
        return _u8(_paint(out, m["slot"], tone(0.2)))
    if kind == "bird_box":
        m = _bird_box(size, rng)
        if photos:  # a pale sky, a dark green hedge, a green lawn, a brown, green or blue box under a dark roof
            col = _pick(BOXES, rng)
            out = _paint(_paint(ground((170, 200, 232)), m["hedge"], (40, 84, 40)), m["lawn"], (100, 156, 70))
            out = _paint(_paint(out, m["post"], (110, 84, 60)), m["body"], col)
            out = _paint(_paint(out, m["roof"], (60, 50, 46)), m["hole"], (16, 14, 12))
            return _u8(_paint(out, m["perch"], (150, 120, 90)))
        out = _paint(_paint(ground(tone(0.0)), m["hedge"], tone(0.3)), m["lawn"], tone(0.45))
        out = _paint(_paint(out, m["post"], tone(0.65)), m["body"], tone(1.0))
        out = _paint(_paint(out, m["roof"], tone(0.75)), m["hole"], tone(0.05))
        return _u8(_paint(out, m["perch"], tone(0.85)))
    if kind == "channel_buoy":
        m = _channel_buoy(size, rng)
        if photos:  # a pale sky, a navy sea with light waves, a red and white, green and white or yellow and black buoy
            a, b = BUOYS[int(rng.integers(len(BUOYS)))]
            out = _paint(_paint(ground((180, 206, 232)), m["sea"], (30, 50, 90)), m["waves"], (150, 180, 210))
            out = _paint(_paint(out, m["float"], (60, 60, 64)), m["band_a"], a)
            out = _paint(_paint(out, m["band_b"], b), m["mast"], (70, 70, 74))
            return _u8(_paint(out, m["topmark"], a))
        out = _paint(_paint(ground(tone(0.0)), m["sea"], tone(0.25)), m["waves"], tone(0.5))
        out = _paint(_paint(out, m["float"], tone(0.6)), m["band_a"], tone(1.0))
        out = _paint(_paint(out, m["band_b"], tone(0.45)), m["mast"], tone(0.8))
        return _u8(_paint(out, m["topmark"], tone(0.9)))
    raise ValueError(kind)


# -- label noise -----------------------------------------------------------------------------
def gps_drift_flips(base: list[np.ndarray], labels: list, classes: list, candidates: list, count: int,
                    rng) -> dict[int, object]:
    """``count`` examples to flip and their new labels: part of the set was photographed in the field, each class
    at its own station (the classes, in a random order, on a grid as square as they allow, 40-80 m apart, each
    station moved by up to 20% of the spacing), and labelled by a script from each picture's GPS fix: the class of
    the nearest station. Pictures were taken in sessions: one phone, 2-4 classes' stations visited, 20-60 pictures at
    each, the photographer within 15% of the spacing (sigma) of the station; in half the sessions the phone's fixes
    were thrown by multipath near buildings, a common offset of 0.6-1.4 times the spacing in one direction for the
    whole session, otherwise none; every fix a further 4 m (sigma) off. A picture whose fix falls nearest another
    class's station is given that class; one that falls nearest its own is not a flip. The eligible pictures are
    taken in a random order, each class's in turn for its visits; sessions are worked through until the flips
    needed are made (the last session's flips kept in part, at random): noise by a wrong position, not by class or
    look. Every flip changes the label."""
    cand = [int(v) for v in rng.permutation(np.asarray(candidates, dtype=int))]
    names = sorted(classes, key=str)
    queue = {c: [i for i in cand if labels[i] == c] for c in names}
    spacing = rng.uniform(*STATION_SPACING)
    cols = int(np.ceil(np.sqrt(len(names))))
    order = rng.permutation(len(names))
    stations = np.array([[(k % cols) * spacing, (k // cols) * spacing] for k in range(len(names))], np.float64)
    stations = stations + rng.uniform(-0.2, 0.2, stations.shape) * spacing
    where = {names[int(j)]: stations[k] for k, j in enumerate(order)}
    station_names = [names[int(j)] for j in order]
    flips: dict[int, object] = {}
    while len(flips) < count and any(queue[c] for c in names):
        ready = [c for c in names if queue[c]]
        visit = [ready[int(j)] for j in rng.permutation(len(ready))[:int(rng.integers(2, 5))]]
        if rng.random() < 0.5:
            t = rng.uniform(0, 2 * np.pi)
            offset = rng.uniform(0.6, 1.4) * spacing * np.array([np.cos(t), np.sin(t)])
        else:
            offset = np.zeros(2)
        got = {}
        for c in visit:
            k = int(rng.integers(*SESSION_PICTURES))
            shot, queue[c] = queue[c][:k], queue[c][k:]
            for i in shot:
                fix = where[c] + rng.normal(0, 0.15 * spacing, 2) + offset + rng.normal(0, 4.0, 2)
                given = station_names[int(np.argmin(np.hypot(*(stations - fix).T)))]
                if given != labels[i]:
                    got[i] = given
        need = count - len(flips)
        if len(got) > need:
            keep = rng.choice(sorted(got), size=need, replace=False)
            got = {int(i): got[int(i)] for i in keep}
        flips.update(got)
    return dict(sorted(flips.items()))


# -- planting ------------------------------------------------------------------------------
def plant_issues_ar(images, labels, out_dir, *, name: str, random_state: int = 0) -> PlantedDataset:
    """Generator AR's problems (module docstring). A set whose name ends in ``_jpeg`` is written as JPEG files at a
    quality drawn from 59-81 each; the others as PNG. The planting is I's (:func:`_heldout_i.plant_generator`)."""
    return plant_generator(
        images, labels, out_dir, name=name, rates=RATES_AR, seed=440_000 + random_state,
        quality_seed=445_000 + random_state, jpeg_quality=JPEG_QUALITY,
        flips=gps_drift_flips,
        **by_family(name, outlier=(outlier_ar, OUTLIERS_AR), blur=(blur_ar, BLURS_AR), dark=(dark_ar, DARKS_AR),
                    near=(near_edit_ar, NEAR_EDITS_AR)))
