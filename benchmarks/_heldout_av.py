"""Generator AV: fresh EVALUATION sets after generator AU's run (never used to choose anything).

Why a forty-sixth evaluation generator: generator AU's sets are written and wait for their one run, and whatever
that run shows may inform the next changes, so a held-out set for the code after it is written now, before that
run. The commit subjects since AU's generator commit name what changed in the library meanwhile: the calibration
makes no near copies and embeds no blurred copy where fewer than 150 images are readable; near_duplicate and
conflicting_labels learn their thresholds for an estimated precision of 0.9 (was 0.8); generator AT's one run,
written up, its sets development data since; AU's sets have not been run yet (AU was written before AV and neither
has been run). AV is a held-out measurement of the code after AU's run, of families of its own (AV's writer read
no docs, logs, result files or commit bodies: only the commit subjects, the library's code and the earlier
generators' and tuning tools' files, to copy their structure and to avoid their families). Like AN's to AU's, AV's
edits are not all brightly coloured: some are grey, dark or translucent. Generator AV was written before any tool
was run on it (only its pictures were looked at, on contact sheets of its edits, blurs, darkenings and foreign
pictures at 28, 57 and 300 px, to check that every edit is visible, every blur blurred, every darkened image dark
with its picture still in it and every outlier foreign, and the planted folders hashed twice); it is not to be
changed after its results are seen. Its edits, blurs, darkenings, foreign pictures and label noise are of families
that no tuning tool (``blur_tuning.py``'s lens blurs: Gaussian, soft disk, astigmatic elongated Gaussian, ring;
``_foreign.py``'s textures, icons and soft photographs; ``near_photos.py``'s and ``near_small.py``'s edits;
``label_filters.py``'s and ``label_noise_models.py``'s flips), no earlier generator (A = ``dq.datasets.plant_issues``,
B, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T, U, V, W, X, Y, Z, AA, AB, AC, AD, AE, AF, AG, AH, AI, AJ, AK, AL,
AM, AN, AO, AP, AQ, AR, AS, AT, AU) and none of the library's calibration copies (``dataquality/compute/_synthetic.py``:
crop, shift, rotate, brightness, contrast, gamma, JPEG, resize, overlay box; Gaussian, box, motion, down-and-up
blurs) make. Like AC's to AU's it has two blur families, not three. Left out because an earlier generator made them
or left them out: among objects on the print a shell or a cowrie (Q's and W's lists), a pretzel (their lists), a
drill bit (AG's list's cordless drill), a screw or an allen key (their lists), a guitar pick or a capo (their lists),
peanuts, almonds or other nuts (X's coffee beans, AS's hazelnut, AR's cashew), a bay leaf or star anise (their
lists), a ladybird, a moth or another insect (V's list, P's fly), a cucumber (AB's sushi), a strawberry (Y's), a
fortune cookie (AD's dog biscuit); of the whole picture granite or marble (AS's terrazzo, their lists), crackle or
craquelure (their lists), a pressed tin ceiling (AU's tread plate), seersucker or another cloth (AT's hessian, AR's
corduroy), glitter (its lists), crepe paper (AN's), cork (its lists); among blurs a bus shelter's or a greenhouse's
polycarbonate (AC's shelter panel), fog, smoke or steam (AT's flour dust, K's steamed window, R's steam), a sand
picture (AH's snow art), lens fungus (M's cracked screen, as AU left out a cobweb), a toy camera's plastic lens
(their lists), pyrography (their lists), onyx or another translucent stone (AU's alabaster); among darkenings a
welding arc, a sparkler, a neon sign, an exit sign, an illuminated globe, a kiln's spy hole, a lit match, a Bunsen
burner, a door ajar or a city's sky glow (their lists), a fish tank (their lists), a pharmacy's cross (the exit
sign's lists), a patio heater (V's heater bars), a hurricane lamp or a tiki torch (AU's candle and campfire), a
server rack (AI's server room); among foreign pictures cacti, camels, flamingos or giraffes (their lists), a cricket
or a tennis court (AU's rugby posts, their lists), an archery target (N's dartboard), a water wheel or a wind pump
(AU's windmill), a gondola (AO's narrowboat), a totem pole, an igloo or a yurt (their lists); among label noise
file names sorted as text (AG's list), a spreadsheet's shifted rows (U's), reordered class buttons (B's map), a
spammer (T's list), a taxonomy's merged classes (their lists), and every mechanism AU named (dictation, OCR, bags,
hotkeys, quotas, a checkweigher, positions, clocks, shelf-edge labels, totes).

* ``near_duplicate`` (3%), five edits in a part of the picture and three of the whole, in turn (so that the 300 px
  set's copies get both kinds): a lychee lying on the print (a round fruit 20-28% of the side across, at least 8
  px, red, rose or brownish red, its knobbly skin a close pattern of darker dots from 32 px, a short stalk, a
  highlight; at any angle, 30-70% of the way across and down, a soft shadow at 40%), three to five whole cloves
  (dark brown stalks 18-24% of the side long, at least 6 px, each with a round bud head and, from 48 px, four
  sepals; the same place, a shadow at 40%), a slice of kiwi fruit (a disc 22-30% of the side across, at least 9 px,
  translucent green flesh at 70-80%, a pale core, a ring of black seeds from 32 px, a brown skin rim; the same
  place, a shadow at 25%), a coiled guitar string (two or three loops of grey nickel or bronze wire 24-32% of the
  side across, at least 9 px, the wire 1.0-1.4% of the side thick, at least 1 px, a brass ball end and a loose
  straight end; the same place, a shadow at 35%) and two to four dried apricots (wrinkled orange halves 14-18% of
  the side across, at least 6 px, a darker fold line, a sheen; the same place, a shadow at 40%); of the whole
  picture: the picture printed on oriented strand board (flakes of wood 12-20% of the side long, at least 4 px,
  a third as wide, lying within 25 degrees of one direction, each of its own tan, the board's tan at 22-30%:
  pressed flakes, not AU's weatherboards or AT's parquet), painted on woodchip wallpaper (small chips 3-5% of the
  side long, at least 1.5 px, raised under white paint and lit from the top left, 30% lighter and darker on their
  sides, the paint at 12-18%: a relief of scattered lumps, not AR's roughcast) and printed on a sheet of expanded
  polystyrene (fused beads 4-6% of the side across, at least 2.5 px, each 6% lighter or darker, their joins 25%
  darker, the white at 22-30%: a cell pattern, not AS's terrazzo or AT's acoustic foam);
* ``exact_duplicate`` (1%): byte-for-byte copies of a file under another name;
* ``blurry`` (3%): the picture seen through the mica window of a stove's door (the mica's layers scattering the
  light: a Gaussian of 1.5-2.3% of the side, at least 1 px, for 60% of it and one 3.5 times as wide for 25%, the
  rest the mica's amber, patches of delaminated layers 6% lighter or darker, soot 0-25% darker towards the bottom
  edge: a layered mineral sheet, not AU's alabaster or I's frosted glass) and the picture printed on a T-shirt
  photographed through a front-loading washing machine's door during the rinse (the thick bowl-shaped glass
  magnifying the middle 10-18%, the rinse water spreading the light, a Gaussian of 1.6-2.4% of the side, at
  least 1 px, for 65% of it and one 3 times as wide for 25%, the water's blue-grey at 10%, suds in 5-10 soft white
  blobs along the lower edge at 40-60%, the door's dark ring in the corners: a bowl of thick glass and water, not
  AB's glass of water, Z's lensball or AQ's peephole); each as a camera metering on the highlights exposes it (as
  Y's to AU's);
* ``dark`` (2%): a station concourse at night lit only by a departure board hanging at the top (a black board 50-70%
  of the side wide and 14-20% high, 3-8% down, rows of amber dot-matrix text from 32 px, amber bars below; the
  picture lit in amber, 1.0 / 0.68 / 0.25, at 0.3-0.4 falling off as ``1 / (1 + (d / d0) ** 2)`` with the distance
  from the board, ``d0`` 30-45% of the side, over 0.015-0.03; a glow of sigma 4-6% of the side up to 30-45 levels:
  a board of glowing characters overhead, not AT's alarm clock or AF's letter lightbox), a planetarium's dome lit
  only by its star projector (a dark ball 14-20% of the side across on a pedestal at the bottom, the picture lit in
  deep blue, 0.45 / 0.55 / 1.0, at 0.25-0.32 falling off as above from the ball, ``d0`` 40-60% of the side, over
  0.02-0.035, 60-200 projected stars as faint pinpoints: a starry dome, not U's star trails or N's fairy lights)
  and a street at night lit only by an ice-cream van's serving hatch (the van's dark side from the left or right
  edge, 35-50% of the side wide, from 45-60% down to the bottom, its hatch glowing a cool white 250 / 246 / 230,
  a row of coloured bulbs along its top from 32 px; the picture lit in 1.0 / 0.9 / 0.85 at 0.3-0.38 falling off
  as above from the hatch, ``d0`` 28-40% of the side, over 0.015-0.03; a glow of sigma 4-6% of the side up to
  35-50 levels: a lit shop window on wheels, not AC's vending machine or AS's claw machine); none of them blurs the
  picture;
* ``outlier`` (1.5%): an ostrich on the savanna (grass from 60-70% of the way down, a flat-topped acacia at one
  side, the ostrich's round body on two long legs, a long neck up to a small head, a tail plume), a treehouse (a
  tree's trunk from the ground, a crown of round clumps, a hut with a pitched roof and a window in its branches,
  a ladder from the hut to the ground) and a ski jump (a snowy hill, the in-run's steep ramp on its trestle from
  a tower at the top left to the take-off, the landing slope curving down to the right, a jumper in the air with
  skis in a V, pines at the foot); the digit and clothing sets get them in their own tones on their dark ground,
  the photographs as a black and white ostrich on golden grass under a pale sky, a brown hut with a red roof in a
  green tree under a blue sky, and a red-suited jumper over white snow under a blue sky;
* ``label`` (5%): *returns swapped in the box* flips: part of the set was photographed at a returns desk, each
  returned item labelled by the class of the product on its order. Some customers sent back, in the box of a
  pricier product they had ordered, a cheaper item of another class they owned (return fraud): the photograph
  shows the cheaper item and carries the pricier class. Each class has a price (drawn log-normally, sigma 0.6,
  in a random order of the classes); an item is a swapped one with weight the number of classes pricier than its
  own (the priciest class is never swapped in), and the box it came in is of a pricier class ``d`` with weight
  ``g exp(-g / s)`` for the price gap ``g`` and ``s`` half the prices' spread (a bigger gap brings more money
  back, but a much bigger one is caught at the desk): noise directed up the price list, by price and not by look,
  not AT's shelf-edge labels, AU's totes or AE's poisoning pairs. Every flip changes the label, so every one is
  in the truth.

Each planted defect has its own source image; nothing else is planted, so only these six issue types are scored on
AV's sets. Base data are the evaluation domains drawn with seeds no other set uses: Fashion-MNIST *test* (2,000, seed
317), MNIST (2,000, seed 318), and the evaluation photographs tiled at 57 px (24 tiles a photograph at most, seed
319) and at 300 px (every tile, seed 320), sizes no other set uses. ``photos57_av_jpeg`` is written as JPEG files,
each at a quality drawn from 54-76 (a stream of its own, seed ``485_000 + random_state``), every edit, blur and
darkening made before the encoding, near copies made from the decoded JPEG and saved again at their own quality,
exact copies byte copies of the file; the other sets are PNG files. Planting draws from seed ``480_000 +
random_state``. The planting is I's (:func:`_heldout_i.plant_generator`, as for J to AU).
"""

from __future__ import annotations

import numpy as np
from _heldout_aa import _frame_at, _rect
from _heldout_ab import _pick
from _heldout_ae import _lit
from _heldout_af import _glow
from _heldout_au import _circle
from _heldout_h import _u8
from _heldout_i import by_family, plant_generator
from _heldout_k import _paint
from _heldout_p import _ellipse
from _heldout_q import _down
from _heldout_s import _pixels
from _heldout_v import _metered
from _heldout_x import _canvas, _Frame, _laid
from PIL import Image, ImageDraw

from dataquality.datasets import PlantedDataset

EVALUATION_AV = ("fashion_test_av", "mnist_av", "photos57_av_jpeg", "photos300_av")
# each set's base: (data, seed) or ("photos", seed, tile size, tiles per photograph quick, full)
BASES_AV = {
    "fashion_test_av": ("fashion_test", 317),
    "mnist_av": ("mnist", 318),
    "photos57_av_jpeg": ("photos", 319, 57, 8, 24),
    "photos300_av": ("photos", 320, 300, 8, 1000),
}
JPEG_QUALITY = (54, 77)  # the JPEG set's qualities: integers in [low, high)
RATES_AV = {"near_duplicate": 0.03, "exact_duplicate": 0.01, "blurry": 0.03, "dark": 0.02, "outlier": 0.015,
            "label": 0.05}
# parts of the picture and the whole picture in turn, so that the smallest set gets both kinds
NEAR_EDITS_AV = ("lychee", "strand_board", "cloves", "woodchip", "kiwi_slice", "polystyrene", "guitar_string",
                 "apricots")
BLURS_AV = ("mica_window", "washer_door")
DARKS_AV = ("departure_board", "star_projector", "ice_cream_van")
OUTLIERS_AV = ("ostrich", "treehouse", "ski_jump")
PRICE_SPREAD = 0.6  # sigma of the log-normal prices of the classes at the returns desk (label noise)


def load_base_av(name: str, quick: bool = False):
    import _heldout

    return _heldout.load_generator_base(name, quick, BASES_AV, "AV")


def _cells(h: int, w: int, size: float, rng) -> tuple[np.ndarray, np.ndarray]:
    """A random cell pattern of cells about ``size`` px across: each pixel's cell index and its distance to the
    nearest join with another cell, in px."""
    from scipy.spatial import cKDTree

    n = max(4, int(round(h * w / (size * size))))
    pts = np.stack([rng.uniform(0, w, n), rng.uniform(0, h, n)], axis=1)
    yy, xx = _pixels(h, w)
    d, i = cKDTree(pts).query(np.stack([xx.ravel(), yy.ravel()], axis=1), k=2)
    return i[:, 0].reshape(h, w), ((d[:, 1] - d[:, 0]) / 2).reshape(h, w).astype(np.float32)


# -- near copies -----------------------------------------------------------------------------
LYCHEES = ((196, 46, 56), (214, 92, 104), (150, 58, 44))


def _lychee(f: np.ndarray, rng) -> np.ndarray:
    """A lychee lying on the print: a round fruit 20-28% of the side across, at least 8 px, 92-100% as high as
    wide, red 196 / 46 / 56, rose 214 / 92 / 104 or brownish red 150 / 58 / 44; from 32 px its knobbly skin as a
    close pattern of dots 12% of it across, 30% darker at 60%; a darker side away from the light (25% at 50%); a
    short brown stalk at its top; a highlight 20% of it across at 50%; at any angle, its middle 30-70% of the way
    across and down, a soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    R = max(4.0, side * rng.uniform(0.2, 0.28) / 2)
    col = _pick(LYCHEES, rng)
    fr = _frame_at(h, w, rng)
    sq = rng.uniform(0.92, 1.0)
    body = fr.fill([_ellipse(0.0, 0.0, R, sq * R, 0.0, 36)])
    shade = fr.fill([_ellipse(0.0, 0.0, R, sq * R, 0.0, 36)],
                    holes=[_ellipse(-0.2 * R, -0.2 * R, 0.95 * R, 0.95 * sq * R, 0.0, 36)]) * body
    parts = [(body, col, 1.0, True), (shade, col * 0.75, 0.5, False)]
    if side >= 32:
        dots = []
        step = 0.24 * R
        for gy in np.arange(-R, R, step):
            for gx in np.arange(-R, R, step):
                x, y = gx + (0.5 * step if int(round(gy / step)) % 2 else 0.0), gy
                if x * x + (y / sq) ** 2 < (0.9 * R) ** 2:
                    dots.append(_circle(0.06 * R, 6, x, y))
        parts.append((fr.fill(dots) * body, col * 0.7, 0.6, False))
    stalk = fr.line([[(0.0, -sq * R), (0.08 * R, -sq * R - 0.22 * R)]], max(0.6, 0.08 * R))
    parts += [(stalk, (110, 84, 50), 1.0, True),
              (fr.fill([_circle(0.2 * R, 12, -0.38 * R, -0.38 * R)]) * body, (250, 210, 214), 0.5, False)]
    return _u8(_laid(f, parts, 0.4))


def _cloves(f: np.ndarray, rng) -> np.ndarray:
    """Three to five whole cloves lying on the print near one another: each a tapering stalk 18-24% of the side
    long, at least 6 px, 3.5% of the side thick at its head end, at least 1 px, dark brown 74 / 44 / 30, a round bud
    head 1.6 times as wide at one end, 92 / 58 / 38, and from 48 px four sepals round it; each at its own angle;
    the group's middle 30-70% of the way across and down, a soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(6.0, side * rng.uniform(0.18, 0.24))
    t = max(1.0, 0.035 * side)
    fr = _frame_at(h, w, rng)
    stalks, heads, sepals = [], [], []
    for _ in range(int(rng.integers(3, 6))):
        cx, cy = rng.uniform(-0.45, 0.45) * L, rng.uniform(-0.45, 0.45) * L
        a = rng.uniform(0, 2 * np.pi)
        ux, uy = np.cos(a), np.sin(a)
        px, py = -uy, ux
        hx, hy = cx + 0.5 * L * ux, cy + 0.5 * L * uy
        tx, ty = cx - 0.5 * L * ux, cy - 0.5 * L * uy
        stalks.append([(hx + 0.5 * t * px, hy + 0.5 * t * py), (tx + 0.15 * t * px, ty + 0.15 * t * py),
                       (tx - 0.15 * t * px, ty - 0.15 * t * py), (hx - 0.5 * t * px, hy - 0.5 * t * py)])
        heads.append(_circle(0.8 * t, 12, hx + 0.5 * t * ux, hy + 0.5 * t * uy))
        for s in (-1, 1):
            for k in (0.6, 1.1):
                sepals.append([(hx + 0.2 * t * ux + s * 0.5 * t * px, hy + 0.2 * t * uy + s * 0.5 * t * py),
                               (hx + k * t * ux + s * 1.2 * t * px, hy + k * t * uy + s * 1.2 * t * py),
                               (hx - 0.2 * t * ux + s * 0.4 * t * px, hy - 0.2 * t * uy + s * 0.4 * t * py)])
    parts = [(fr.fill(stalks), (74, 44, 30), 1.0, True), (fr.fill(heads), (92, 58, 38), 1.0, True)]
    if side >= 48:
        parts.append((fr.fill(sepals), (60, 36, 24), 1.0, True))
    return _u8(_laid(f, parts, 0.4))


def _kiwi_slice(f: np.ndarray, rng) -> np.ndarray:
    """A slice of kiwi fruit lying on the print: a disc 22-30% of the side across, at least 9 px, 85-100% as high
    as wide; translucent green flesh 110 / 170 / 50 at 70-80% (the print showing through), lighter rays from the
    core at 20% from 48 px; a pale core 230 / 236 / 200 26% of it across; a ring of 12-18 small black seeds at
    45-55% of its radius from 32 px (below it a dark ring at 50%); a brown skin rim 8% of its radius, at least 0.6
    px, 120 / 90 / 50; at any angle, its middle 30-70% of the way across and down, a soft shadow at 25%."""
    h, w = f.shape[:2]
    side = min(h, w)
    R = max(4.5, side * rng.uniform(0.22, 0.3) / 2)
    sq = rng.uniform(0.85, 1.0)
    fr = _frame_at(h, w, rng)
    disc = fr.fill([_ellipse(0.0, 0.0, R, sq * R, 0.0, 40)])
    rim = fr.line([_ellipse(0.0, 0.0, R, sq * R, 0.0, 40) + [(R, 0.0)]], max(0.6, 0.08 * R)) * disc
    core = fr.fill([_ellipse(0.0, 0.0, 0.26 * R, 0.26 * sq * R, 0.0, 16)])
    parts = [(disc, (110, 170, 50), rng.uniform(0.7, 0.8), True)]
    if side >= 48:
        rays = [[(0.3 * R * np.cos(a), 0.3 * sq * R * np.sin(a)), (0.85 * R * np.cos(a), 0.85 * sq * R * np.sin(a))]
                for a in np.linspace(0, 2 * np.pi, 24, endpoint=False)]
        parts.append((fr.line(rays, max(0.5, 0.03 * R)) * disc, (200, 230, 140), 0.2, False))
    parts.append((core, (230, 236, 200), 1.0, False))
    if side >= 32:
        n = int(rng.integers(12, 19))
        rs = rng.uniform(0.45, 0.55)
        seeds = [_ellipse(rs * R * np.cos(a), rs * sq * R * np.sin(a), 0.07 * R, 0.035 * R, a, 8)
                 for a in np.linspace(0, 2 * np.pi, n, endpoint=False) + rng.uniform(0, 1)]
        parts.append((fr.fill(seeds), (20, 18, 16), 1.0, False))
    else:
        ring = [_ellipse(0.0, 0.0, 0.5 * R, 0.5 * sq * R, 0.0, 24) + [(0.5 * R, 0.0)]]
        parts.append((fr.line(ring, max(0.8, 0.1 * R)), (20, 18, 16), 0.5, False))
    parts.append((rim, (120, 90, 50), 1.0, False))
    return _u8(_laid(f, parts, 0.25))


STRINGS = ((182, 184, 190), (190, 142, 82))  # nickel, phosphor bronze


def _guitar_string(f: np.ndarray, rng) -> np.ndarray:
    """A coiled guitar string lying on the print as it comes out of its packet: two or three loops of wire 24-32%
    of the side across, at least 9 px, each loop's middle 8% of it off the first's, nickel 182 / 184 / 190 or
    phosphor bronze 190 / 142 / 82, the wire 1.0-1.4% of the side thick, at least 1 px, a brass ball end (a disc
    3% of the side across, at least 1.5 px) on the loop, a loose straight end 40-60% of the coil's width off it;
    at any angle, its middle 30-70% of the way across and down, a soft shadow at 35%."""
    h, w = f.shape[:2]
    side = min(h, w)
    R = max(4.5, side * rng.uniform(0.24, 0.32) / 2)
    lw = max(1.0, side * rng.uniform(0.01, 0.014))
    col = _pick(STRINGS, rng)
    fr = _frame_at(h, w, rng)
    loops = []
    for k in range(int(rng.integers(2, 4))):
        ox, oy = rng.uniform(-0.08, 0.08) * R, rng.uniform(-0.08, 0.08) * R
        r = R * rng.uniform(0.9, 1.0)
        loops.append(_ellipse(ox, oy, r, r * rng.uniform(0.85, 1.0), rng.uniform(0, np.pi), 40) + [(ox + r, oy)])
    a = rng.uniform(0, 2 * np.pi)
    x0, y0 = R * np.cos(a), R * np.sin(a)
    L = 2 * R * rng.uniform(0.4, 0.6)
    loops.append([(x0, y0), (x0 + L * np.cos(a + 0.3), y0 + L * np.sin(a + 0.3))])
    wire = fr.line(loops, lw)
    b = -a
    ball = fr.fill([_circle(max(1.5, 0.03 * side) / 2, 10, R * np.cos(b), R * np.sin(b))])
    parts = [(wire, col, 1.0, True), (ball, (200, 160, 60), 1.0, True)]
    return _u8(_laid(f, parts, 0.35))


def _apricots(f: np.ndarray, rng) -> np.ndarray:
    """Two to four dried apricots lying on the print near one another: each a flattened, wrinkled half 14-18% of
    the side across, at least 6 px, its outline 10-14 points at 80-100% of its radius, orange 222 / 128 / 40
    (each 10% lighter or darker), a fold line across it from 32 px 30% darker, a darker rim 18% of it at 40%, a
    sheen at 35%; the group's middle 30-70% of the way across and down, a soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    r = max(3.0, side * rng.uniform(0.14, 0.18) / 2)
    fr = _frame_at(h, w, rng)
    centres: list[tuple[float, float]] = []
    for _ in range(int(rng.integers(2, 5))):
        for _ in range(40):
            c = (0.0, 0.0) if not centres else (centres[-1][0] + rng.uniform(-2.4, 2.4) * r,
                                                centres[-1][1] + rng.uniform(-2.4, 2.4) * r)
            if all(np.hypot(c[0] - x, c[1] - y) > 2.0 * r for x, y in centres):
                centres.append((float(c[0]), float(c[1])))
                break
    out = f
    for x, y in centres:
        col = np.array([222, 128, 40], np.float32) * rng.uniform(0.9, 1.1)
        n = int(rng.integers(10, 15))
        rad = rng.uniform(0.8, 1.0, n)
        ts = np.linspace(0, 2 * np.pi, n, endpoint=False)
        pts = [(float(x + r * q * np.cos(t)), float(y + r * q * np.sin(t))) for q, t in zip(rad, ts)]
        inner = [(float(x + 0.82 * r * q * np.cos(t)), float(y + 0.82 * r * q * np.sin(t))) for q, t in zip(rad, ts)]
        body = fr.fill([pts])
        a = rng.uniform(0, np.pi)
        parts = [(body, col, 1.0, True), (fr.fill([pts], holes=[inner]) * body, col * 0.7, 0.4, False),
                 (fr.fill([_ellipse(x - 0.3 * r, y - 0.3 * r, 0.35 * r, 0.18 * r, a, 10)]) * body,
                  (255, 220, 170), 0.35, False)]
        if side >= 32:
            fold = [[(x - 0.7 * r * np.cos(a), y - 0.7 * r * np.sin(a)), (x, y + 0.1 * r),
                     (x + 0.7 * r * np.cos(a), y + 0.7 * r * np.sin(a))]]
            parts.append((fr.line(fold, max(0.5, 0.1 * r)) * body, col * 0.7, 1.0, False))
        out = _laid(out, parts, 0.4)
    return _u8(out)


OSB = np.array([206, 170, 112], np.float32)


def _strand_board(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on oriented strand board: flakes of wood 12-20% of the side long, at least 4 px, 25-40%
    of that wide, lying within 25 degrees of one direction (itself any), pressed over one another, each of its own
    tan (the board's 206 / 170 / 112 times 0.78-1.15), their edges 15% darker; the board at 22-30% over the
    picture."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(4.0, side * rng.uniform(0.12, 0.2))
    base = rng.uniform(0, np.pi)
    k = 4
    tone = Image.new("L", (w * k, h * k), 128)
    edge = Image.new("L", (w * k, h * k), 0)
    dt, de = ImageDraw.Draw(tone), ImageDraw.Draw(edge)
    n = int(3 * h * w / (L * L * 0.32)) + 8
    for _ in range(n):
        cx, cy = rng.uniform(-0.1, 1.1) * w, rng.uniform(-0.1, 1.1) * h
        a = base + np.deg2rad(rng.uniform(-25, 25))
        hl, hw = L / 2 * rng.uniform(0.8, 1.2), L * rng.uniform(0.25, 0.4) / 2
        ux, uy = np.cos(a), np.sin(a)
        poly = [(k * (cx + sx * hl * ux - sy * hw * uy), k * (cy + sx * hl * uy + sy * hw * ux))
                for sx, sy in ((-1, -1), (1, -1), (1, 1), (-1, 1))]
        dt.polygon(poly, fill=int(rng.integers(40, 256)))
        de.polygon(poly, fill=0, outline=255, width=max(1, round(0.06 * k * hw)))
    t = np.asarray(tone.resize((w, h), Image.BOX), np.float32) / 255
    e = np.asarray(edge.resize((w, h), Image.BOX), np.float32) / 255
    col = OSB * (0.78 + 0.37 * t)[..., None]
    a = rng.uniform(0.22, 0.3)
    out = f * (1 - a) + a * col
    return _u8(out * (1 - 0.15 * e)[..., None])


def _woodchip(f: np.ndarray, rng) -> np.ndarray:
    """The picture painted on woodchip wallpaper: small chips of wood 3-5% of the side long, at least 1.5 px, half
    as wide, one to every 7-9% of the side squared, at any angle, raised under the paint and lit from the top left
    (their upper left sides 30% lighter, their lower right 30% darker, from the slope of the chips' height
    smoothed over 0.4 of their width); white paint 244 / 242 / 234 at 12-18% over the picture."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    L = max(1.5, side * rng.uniform(0.03, 0.05))
    n = int(h * w / (side * rng.uniform(0.07, 0.09)) ** 2) + 6
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    chips = [_ellipse(rng.uniform(0, w), rng.uniform(0, h), L / 2, L / 4, rng.uniform(0, np.pi), 10)
             for _ in range(n)]
    m = gaussian_filter(ident.fill(chips), max(0.3, 0.2 * L))
    gy, gx = np.gradient(m)
    s = -(gx + gy)
    s = s / max(float(np.abs(s).max()), 1e-6)
    k = rng.uniform(0.12, 0.18)
    out = f * (1 - k) + k * np.array([244, 242, 234], np.float32)
    return _u8(out * (1 + 0.3 * s)[..., None])


def _polystyrene(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on a sheet of expanded polystyrene: fused beads 4-6% of the side across, at least 2.5
    px (a random cell pattern), each 6% lighter or darker, their joins (within 7% of a bead, at least 0.4 px) 25%
    darker; the white 248 / 248 / 246 at 22-30% over the picture."""
    h, w = f.shape[:2]
    side = min(h, w)
    size = max(2.5, side * rng.uniform(0.04, 0.06))
    idx, d = _cells(h, w, size, rng)
    gain = rng.uniform(0.94, 1.06, int(idx.max()) + 1)[idx]
    jw = max(0.4, 0.07 * size)
    join = np.clip(1 - d / jw, 0, 1)
    k = rng.uniform(0.22, 0.3)
    out = f * (1 - k) + k * np.array([248, 248, 246], np.float32)
    return _u8(out * (gain * (1 - 0.25 * join))[..., None])


def near_edit_av(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "lychee":  # a lychee lying on the print
        return _lychee(f, rng)
    if kind == "cloves":  # whole cloves lying on the print
        return _cloves(f, rng)
    if kind == "kiwi_slice":  # a slice of kiwi fruit lying on the print
        return _kiwi_slice(f, rng)
    if kind == "guitar_string":  # a coiled guitar string lying on the print
        return _guitar_string(f, rng)
    if kind == "apricots":  # dried apricots lying on the print
        return _apricots(f, rng)
    if kind == "strand_board":  # the picture printed on oriented strand board
        return _strand_board(f, rng)
    if kind == "woodchip":  # the picture painted on woodchip wallpaper
        return _woodchip(f, rng)
    if kind == "polystyrene":  # the picture printed on expanded polystyrene
        return _polystyrene(f, rng)
    raise ValueError(kind)


# -- blurs -----------------------------------------------------------------------------------
MICA = np.array([226, 184, 118], np.float32)


def _mica_window(f: np.ndarray, rng) -> np.ndarray:
    """The picture seen through the mica window of a stove's door, as a photograph of a print propped behind it
    shows it (the mica's many thin layers scattering the light): a Gaussian of 1.5-2.3% of the side, at least 1
    px, for 60% of it and one 3.5 times as wide for 25%, the rest the mica's amber 226 / 184 / 118; patches of
    delaminated layers (a cell pattern of 12-20% of the side) each 6% lighter or darker; soot from the fire 0-25%
    darker towards the bottom edge over its lower 30%; as a camera metering on the highlights exposes it."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    yy, _ = _pixels(h, w)
    s = max(1.0, side * rng.uniform(0.015, 0.023))
    soft = np.stack([0.6 / 0.85 * gaussian_filter(f[..., c], s, mode="reflect") +
                     0.25 / 0.85 * gaussian_filter(f[..., c], 3.5 * s, mode="reflect") for c in range(3)], axis=2)
    out = soft * 0.85 + 0.15 * MICA
    idx, _ = _cells(h, w, side * rng.uniform(0.12, 0.2), rng)
    out = out * rng.uniform(0.94, 1.06, int(idx.max()) + 1)[idx][..., None]
    soot = rng.uniform(0.0, 0.25) * np.clip((yy / h - 0.7) / 0.3, 0, 1)
    return _u8(_metered(out * (1 - soot)[..., None], f))


def _washer_door(f: np.ndarray, rng) -> np.ndarray:
    """The picture printed on a T-shirt photographed through a front-loading washing machine's door during the
    rinse: the thick bowl-shaped glass magnifying the middle by 10-18% (each point seen from the middle at its
    distance times ``1 - m (1 - (r / R) ** 2)`` within ``R``, 75% of the diagonal), the rinse water and the glass
    spreading the light: a Gaussian of 1.6-2.4% of the side, at least 1 px, for 65% of it and one 3 times as wide
    for 25%, the water's blue-grey 200 / 214 / 224 at 10%; suds along the lower edge in 5-10 soft white blobs
    (5-10% of the side across) at 40-60%; the door's dark rubber ring 26 / 26 / 30 in the corners outside a circle
    of 72-80% of the diagonal's half; as a camera metering on the highlights exposes it."""
    from scipy.ndimage import gaussian_filter, map_coordinates

    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    cx, cy = w / 2, h / 2
    R = 0.75 * np.hypot(w, h)
    r = np.hypot(xx - cx, yy - cy)
    m = rng.uniform(0.1, 0.18)
    k = 1 - m * np.clip(1 - (r / R) ** 2, 0, 1)
    sy, sx = cy + (yy - cy) * k - 0.5, cx + (xx - cx) * k - 0.5
    moved = np.stack([map_coordinates(f[..., c], [sy, sx], order=1, mode="reflect") for c in range(3)], axis=2)
    s = max(1.0, side * rng.uniform(0.016, 0.024))
    soft = np.stack([0.65 / 0.9 * gaussian_filter(moved[..., c], s, mode="reflect") +
                     0.25 / 0.9 * gaussian_filter(moved[..., c], 3 * s, mode="reflect") for c in range(3)], axis=2)
    out = soft * 0.9 + 0.1 * np.array([200, 214, 224], np.float32)
    suds = np.zeros((h, w), np.float32)
    for _ in range(int(rng.integers(5, 11))):
        br = side * rng.uniform(0.05, 0.1) / 2
        bx, by = w * rng.uniform(0.05, 0.95), h * rng.uniform(0.82, 1.0)
        suds = np.maximum(suds, np.clip(1.2 - np.hypot(xx - bx, (yy - by) * 1.4) / br, 0, 1))
    out = _paint(out, suds * rng.uniform(0.4, 0.6), (246, 248, 250))
    rr = 0.5 * np.hypot(w, h) * rng.uniform(0.72, 0.8)
    ring = np.clip((r - rr) / max(1.0, 0.03 * side), 0, 1)
    out = _paint(out, ring, (26, 26, 30))
    return _u8(_metered(out, f))


def blur_av(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "mica_window":  # through a stove door's mica window
        return _mica_window(f, rng)
    if kind == "washer_door":  # a printed T-shirt through a washing machine's door
        return _washer_door(f, rng)
    raise ValueError(kind)


# -- darkening -------------------------------------------------------------------------------
BOARD_LIGHT = np.array([1.0, 0.68, 0.25], np.float32)


def _departure_board(f: np.ndarray, rng) -> np.ndarray:
    """A station concourse at night lit only by a departure board hanging at the top of the picture: a black board
    50-70% of the side wide and 14-20% high, its top 3-8% down, 25-75% across, 18 / 18 / 20; from 32 px 3-6 rows
    of amber dot-matrix text (words as runs of small blocks, 255 / 170 / 40), below it 2-3 amber bars; a glow of
    sigma 4-6% of the side round the text up to 30-45 levels in amber; the picture lit in amber 1.0 / 0.68 / 0.25
    at a gain of 0.015-0.03 plus 0.3-0.4 falling off as ``1 / (1 + (d / d0) ** 2)`` with the distance ``d`` from
    the board, ``d0`` 30-45% of the side; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    bw, bh = side * rng.uniform(0.5, 0.7), side * rng.uniform(0.14, 0.2)
    cx = w * rng.uniform(0.25, 0.75)
    x0, x1 = max(0.0, cx - bw / 2), min(float(w), cx + bw / 2)
    y0 = h * rng.uniform(0.03, 0.08)
    y1 = y0 + bh
    ddx = np.clip(np.maximum(x0 - xx, xx - x1), 0, None)
    ddy = np.clip(np.maximum(y0 - yy, yy - y1), 0, None)
    d0 = side * rng.uniform(0.3, 0.45)
    gain = rng.uniform(0.015, 0.03) + rng.uniform(0.3, 0.4) / (1 + (np.hypot(ddx, ddy) / d0) ** 2)
    out = _lit(f, gain[..., None] * BOARD_LIGHT, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    out = _paint(out, ident.fill([_rect(x0, y0, x1, y1)]), (18, 18, 20))
    rows = int(rng.integers(3, 7)) if side >= 32 else int(rng.integers(2, 4))
    rh = (y1 - y0) / (rows + 1)
    text = []
    for j in range(rows):
        ty = y0 + (j + 0.6) * rh
        x = x0 + 0.05 * (x1 - x0)
        while x < x1 - 0.08 * (x1 - x0):
            wl = (x1 - x0) * rng.uniform(0.08, 0.25)
            xe = min(x + wl, x1 - 0.05 * (x1 - x0))
            if side >= 32:
                cw = max(0.8, 0.55 * rh)
                for c0 in np.arange(x, xe - 0.5 * cw, cw):
                    text.append(_rect(c0 + 0.12 * cw, ty, c0 + 0.88 * cw, ty + 0.7 * rh))
            else:
                text.append(_rect(x, ty, xe, ty + 0.6 * rh))
            x = xe + (x1 - x0) * rng.uniform(0.04, 0.08)
    lit = ident.fill(text)
    out = out + _glow(lit, max(0.8, side * rng.uniform(0.04, 0.06)))[..., None] * rng.uniform(30, 45) * BOARD_LIGHT
    return _u8(_paint(out, lit * 0.9, (255, 170, 40)))


DOME_LIGHT = np.array([0.45, 0.55, 1.0], np.float32)


def _star_projector(f: np.ndarray, rng) -> np.ndarray:
    """A planetarium's dome lit only by its star projector in the picture: a dark ball 14-20% of the side across,
    34 / 34 / 40, on a pedestal 30% of its width wide down to the bottom edge, 20-80% across, its top 62-78% down,
    with 5-9 faint lit lenses on it from 48 px; the picture lit in deep blue 0.45 / 0.55 / 1.0 at a gain of
    0.02-0.035 plus 0.25-0.32 falling off as ``1 / (1 + (d / d0) ** 2)`` with the distance ``d`` from the ball's
    middle, ``d0`` 40-60% of the side; 60-200 projected stars (points 0.4-0.8% of the side across, at least 0.6
    px) adding 40-80 levels of a blue-white; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    r = side * rng.uniform(0.14, 0.2) / 2
    bx = w * rng.uniform(0.2, 0.8)
    by = h * rng.uniform(0.62, 0.78) + r
    d0 = side * rng.uniform(0.4, 0.6)
    gain = rng.uniform(0.02, 0.035) + rng.uniform(0.25, 0.32) / (1 + (np.hypot(xx - bx, yy - by) / d0) ** 2)
    out = _lit(f, gain[..., None] * DOME_LIGHT, rng)
    stars = np.zeros((h, w), np.float32)
    for _ in range(int(rng.integers(60, 201))):
        sr = max(0.6, side * rng.uniform(0.004, 0.008)) / 2
        px, py = w * rng.random(), h * rng.random()
        stars = np.maximum(stars, np.clip(sr + 0.5 - np.hypot(xx - px, yy - py), 0, 1) * rng.uniform(0.5, 1.0))
    out = out + stars[..., None] * rng.uniform(40, 80) * np.array([0.85, 0.9, 1.0], np.float32)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    body = ident.fill([_circle(r, 32, bx, by), _rect(bx - 0.3 * r, by, bx + 0.3 * r, h + 1.0)])
    out = _paint(out, body, (34, 34, 40))
    if side >= 48:
        lenses = [_circle(0.09 * r, 8, bx + 0.7 * r * np.cos(a), by + 0.7 * r * np.sin(a))
                  for a in rng.uniform(np.pi, 2 * np.pi, int(rng.integers(5, 10)))]
        out = _paint(out, ident.fill(lenses) * 0.8, (150, 170, 230))
    return _u8(out)


VAN_LIGHT = np.array([1.0, 0.9, 0.85], np.float32)
BULBS = ((255, 80, 80), (255, 220, 60), (90, 200, 255), (120, 255, 120), (255, 120, 220))


def _ice_cream_van(f: np.ndarray, rng) -> np.ndarray:
    """A street at night lit only by an ice-cream van's serving hatch: the van's dark side 30 / 30 / 36 from the
    left or right edge, 35-50% of the side wide, from 45-60% of the way down to the bottom edge; its hatch a lit
    window 55-70% of the van's width and 40-55% of its height, 250 / 246 / 230, a row of 4-6 coloured bulbs along
    its top from 32 px; a glow of sigma 4-6% of the side round the hatch up to 35-50 levels; the picture lit in
    1.0 / 0.9 / 0.85 at a gain of 0.015-0.03 plus 0.3-0.38 falling off as ``1 / (1 + (d / d0) ** 2)`` with the
    distance ``d`` from the hatch, ``d0`` 28-40% of the side; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    left = rng.random() < 0.5
    vw = side * rng.uniform(0.35, 0.5)
    top = h * rng.uniform(0.45, 0.6)
    vx0, vx1 = (-1.0, vw) if left else (w - vw, w + 1.0)
    e0, e1 = (0.0, vw) if left else (w - vw, float(w))
    hw, hh = (e1 - e0) * rng.uniform(0.55, 0.7), (h - top) * rng.uniform(0.4, 0.55)
    hx0 = e0 + ((e1 - e0) - hw) * (0.6 if left else 0.4)
    hx1 = hx0 + hw
    hy0 = top + 0.18 * (h - top)
    hy1 = hy0 + hh
    ddx = np.clip(np.maximum(hx0 - xx, xx - hx1), 0, None)
    ddy = np.clip(np.maximum(hy0 - yy, yy - hy1), 0, None)
    d0 = side * rng.uniform(0.28, 0.4)
    gain = rng.uniform(0.015, 0.03) + rng.uniform(0.3, 0.38) / (1 + (np.hypot(ddx, ddy) / d0) ** 2)
    out = _lit(f, gain[..., None] * VAN_LIGHT, rng)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    out = _paint(out, ident.fill([_rect(vx0, top, vx1, h + 1.0)]), (30, 30, 36))
    hatch = ident.fill([_rect(hx0, hy0, hx1, hy1)])
    out = out + _glow(hatch, max(0.8, side * rng.uniform(0.04, 0.06)))[..., None] * rng.uniform(35, 50) * VAN_LIGHT
    out = _paint(out, hatch, (250, 246, 230))
    if side >= 32:
        n = int(rng.integers(4, 7))
        br = max(0.7, 0.04 * hw)
        for j, x in enumerate(np.linspace(hx0 + 0.1 * hw, hx1 - 0.1 * hw, n)):
            out = _paint(out, ident.fill([_circle(br, 10, x, hy0 - 1.6 * br)]), BULBS[(j + int(rng.integers(5))) % 5])
    return _u8(out)


def dark_av(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "departure_board":  # a station concourse lit only by a departure board
        return _departure_board(f, rng)
    if kind == "star_projector":  # a planetarium's dome lit only by its star projector
        return _star_projector(f, rng)
    if kind == "ice_cream_van":  # a street lit only by an ice-cream van's serving hatch
        return _ice_cream_van(f, rng)
    raise ValueError(kind)


# -- outliers --------------------------------------------------------------------------------
def _ostrich(size: int, rng) -> dict:
    """An ostrich on the savanna: grass from 60-70% of the way down; a flat-topped acacia at one side (a trunk and
    a wide flat crown 30-40% of the side wide); the ostrich facing either way, 35-65% across: a round body (an
    ellipse 26-32% of the side wide) 40-50% down, a tail plume behind it, two long legs down to 88-93% of the way
    down, a long thin neck up to a small head 8-16% down with a beak (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("grass", "tree", "body", "plume", "neck", "legs"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    gl = big * rng.uniform(0.6, 0.7)
    d["grass"].rectangle((0, gl, big, big), fill=255)
    tx = big * (rng.uniform(0.08, 0.2) if rng.random() < 0.5 else rng.uniform(0.8, 0.92))
    tw = big * rng.uniform(0.3, 0.4) / 2
    ty = gl - big * rng.uniform(0.28, 0.36)
    d["tree"].rectangle((tx - 0.02 * big, ty, tx + 0.02 * big, gl + 0.02 * big), fill=255)
    d["tree"].ellipse((tx - tw, ty - 0.06 * big, tx + tw, ty + 0.03 * big), fill=255)
    face = 1 if rng.random() < 0.5 else -1
    cx = big * rng.uniform(0.35, 0.65)
    bw = big * rng.uniform(0.26, 0.32) / 2
    by = big * rng.uniform(0.4, 0.5)
    d["body"].ellipse((cx - bw, by - 0.6 * bw, cx + bw, by + 0.6 * bw), fill=255)
    d["plume"].ellipse((cx - face * 1.25 * bw - 0.35 * bw, by - 0.5 * bw, cx - face * 1.25 * bw + 0.35 * bw,
                        by + 0.3 * bw), fill=255)
    foot = big * rng.uniform(0.88, 0.93)
    lw = max(2, round(0.018 * big))
    for dx, kx in ((-0.25, -0.35), (0.2, 0.4)):
        knee = (cx + dx * bw + face * 0.15 * bw, by + 0.5 * (foot - by))
        d["legs"].line([(cx + dx * bw, by + 0.4 * bw), knee, (cx + kx * bw, foot)], fill=255, width=lw)
        d["legs"].line([(cx + kx * bw, foot), (cx + kx * bw + face * 0.25 * bw, foot)], fill=255, width=lw)
    hy = big * rng.uniform(0.08, 0.16)
    hx = cx + face * 0.95 * bw
    d["neck"].line([(cx + face * 0.7 * bw, by - 0.2 * bw), (hx - face * 0.1 * bw, (by + hy) / 2), (hx, hy)],
                   fill=255, width=max(2, round(0.02 * big)))
    d["neck"].ellipse((hx - 0.12 * bw, hy - 0.1 * bw, hx + 0.12 * bw, hy + 0.1 * bw), fill=255)
    d["neck"].polygon([(hx + face * 0.08 * bw, hy - 0.05 * bw), (hx + face * 0.32 * bw, hy + 0.02 * bw),
                       (hx + face * 0.08 * bw, hy + 0.08 * bw)], fill=255)
    return {k: _down(v, size) for k, v in M.items()}


def _treehouse(size: int, rng) -> dict:
    """A treehouse: the ground from 82-88% of the way down; a tree 35-65% across, its trunk 8-11% of the side wide
    from the ground up to 25% down, its crown 6-9 round clumps 18-26% of the side across over the top half; a hut
    in its branches (a box 26-34% of the side wide and 70% as high, its floor 50-58% down) with a pitched roof and
    a window; a ladder from the hut's floor to the ground beside the trunk (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("ground", "trunk", "crown", "hut", "roof", "window", "ladder"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    gl = big * rng.uniform(0.82, 0.88)
    d["ground"].rectangle((0, gl, big, big), fill=255)
    cx = big * rng.uniform(0.35, 0.65)
    tw = big * rng.uniform(0.08, 0.11) / 2
    d["trunk"].polygon([(cx - 1.3 * tw, gl), (cx - tw, big * 0.25), (cx + tw, big * 0.25), (cx + 1.3 * tw, gl)],
                       fill=255)
    for _ in range(int(rng.integers(6, 10))):
        r = big * rng.uniform(0.18, 0.26) / 2
        x, y = cx + big * rng.uniform(-0.28, 0.28), big * rng.uniform(0.1, 0.4)
        d["crown"].ellipse((x - r, y - r, x + r, y + r), fill=255)
    hw = big * rng.uniform(0.26, 0.34)
    floor = big * rng.uniform(0.5, 0.58)
    hx0 = cx - hw * rng.uniform(0.3, 0.7)
    top = floor - 0.7 * hw
    d["hut"].rectangle((hx0, top, hx0 + hw, floor), fill=255)
    d["roof"].polygon([(hx0 - 0.1 * hw, top), (hx0 + 0.5 * hw, top - 0.45 * hw), (hx0 + 1.1 * hw, top)], fill=255)
    d["window"].rectangle((hx0 + 0.3 * hw, top + 0.2 * hw, hx0 + 0.6 * hw, top + 0.45 * hw), fill=255)
    lx = hx0 + hw + 0.02 * big if rng.random() < 0.5 else hx0 - 0.14 * big
    lw = max(2, round(0.012 * big))
    for x in (lx, lx + 0.1 * big):
        d["ladder"].line([(x, floor), (x, gl)], fill=255, width=lw)
    for y in np.arange(floor + 0.05 * big, gl, 0.06 * big):
        d["ladder"].line([(lx, y), (lx + 0.1 * big, y)], fill=255, width=lw)
    out = {k: _down(v, size) for k, v in M.items()}
    out["crown"] = out["crown"] * (1 - out["hut"]) * (1 - out["roof"])
    out["window"] = out["window"] * out["hut"]
    return out


def _ski_jump(size: int, rng) -> dict:
    """A ski jump seen from the side: a snowy hill whose landing slope curves down from 45-55% of the way down at
    the take-off to the bottom right; the in-run's steep ramp from a tower at the top left (its top 8-16% down)
    down to the take-off 38-50% across, on a dark trestle of 3-4 legs to the hill; a jumper in the air over the
    landing slope (a leaning body and two skis in a V); 2-4 pines at the foot (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("snow", "ramp", "trestle", "jumper", "skis", "pines"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    tx, ty = big * rng.uniform(0.38, 0.5), big * rng.uniform(0.45, 0.55)
    xs = np.linspace(tx, big, 20)
    hill = [(float(x), float(ty + (big - ty) * 0.9 * ((x - tx) / (big - tx)) ** 1.3)) for x in xs]
    d["snow"].polygon([(0, ty + 0.05 * big)] + [(tx, ty + 0.03 * big)] + hill + [(big, big), (0, big)], fill=255)
    top = (big * rng.uniform(0.04, 0.1), big * rng.uniform(0.08, 0.16))
    lw = max(3, round(0.03 * big))
    ramp = [(top[0] + (tx - top[0]) * t, top[1] + (ty - top[1]) * (t ** 1.15)) for t in np.linspace(0, 1, 12)]
    d["ramp"].line(ramp, fill=255, width=lw)
    d["ramp"].rectangle((top[0] - 0.03 * big, top[1] - 0.08 * big, top[0] + 0.03 * big, top[1]), fill=255)
    for t in np.linspace(0.1, 0.8, int(rng.integers(3, 5))):
        x, y = ramp[int(round(t * 11))]
        d["trestle"].line([(x, y), (x, ty + 0.06 * big)], fill=255, width=max(2, round(0.012 * big)))
    jx, jy = tx + (big - tx) * rng.uniform(0.3, 0.55), ty - big * rng.uniform(0.02, 0.1)
    s = 0.09 * big
    d["jumper"].line([(jx - 0.4 * s, jy + 0.3 * s), (jx + 0.6 * s, jy - 0.4 * s)], fill=255,
                     width=max(2, round(0.35 * s)))
    d["jumper"].ellipse((jx + 0.55 * s, jy - 0.75 * s, jx + 0.95 * s, jy - 0.35 * s), fill=255)
    for da in (-0.18, 0.18):
        a = -0.35 + da
        d["skis"].line([(jx - 0.6 * s, jy + 0.45 * s), (jx - 0.6 * s + 2.4 * s * np.cos(a),
                                                         jy + 0.45 * s + 2.4 * s * np.sin(a))],
                       fill=255, width=max(2, round(0.12 * s)))
    for _ in range(int(rng.integers(2, 5))):
        px, pb = big * rng.uniform(0.02, 0.35), big * rng.uniform(0.9, 0.98)
        ph = big * rng.uniform(0.14, 0.22)
        d["pines"].polygon([(px - 0.3 * ph, pb), (px, pb - ph), (px + 0.3 * ph, pb)], fill=255)
    out = {k: _down(v, size) for k, v in M.items()}
    out["trestle"] = out["trestle"] * (1 - out["snow"])
    return out


def outlier_av(name: str, kind: str, size: int, lo: int, hi: int, rng) -> np.ndarray:
    photos = name.startswith("photos")
    ground = lambda col: np.ones((size, size, 3), np.float32) * np.asarray(col, np.float32)  # noqa: E731
    tone = lambda t: [lo + (hi - lo) * t] * 3  # noqa: E731
    if kind == "ostrich":
        m = _ostrich(size, rng)
        if photos:  # a pale sky, golden grass, a dark acacia, a black ostrich, a white plume, pink-grey neck and legs
            out = _paint(_paint(ground((184, 210, 234)), m["grass"], (206, 176, 96)), m["tree"], (64, 72, 40))
            out = _paint(_paint(out, m["legs"], (204, 164, 150)), m["body"], (34, 30, 32))
            return _u8(_paint(_paint(out, m["plume"], (246, 244, 238)), m["neck"], (196, 158, 146)))
        out = _paint(_paint(ground(tone(0.0)), m["grass"], tone(0.25)), m["tree"], tone(0.5))
        out = _paint(_paint(out, m["legs"], tone(0.8)), m["body"], tone(1.0))
        return _u8(_paint(_paint(out, m["plume"], tone(0.7)), m["neck"], tone(0.85)))
    if kind == "treehouse":
        m = _treehouse(size, rng)
        if photos:  # a blue sky, green grass, a brown trunk, a green crown, a wooden hut, a red roof
            out = _paint(_paint(ground((150, 196, 236)), m["ground"], (84, 150, 62)), m["trunk"], (104, 72, 42))
            out = _paint(_paint(out, m["crown"], (52, 122, 52)), m["hut"], (192, 142, 90))
            out = _paint(_paint(out, m["roof"], (170, 50, 40)), m["window"], (40, 40, 44))
            return _u8(_paint(out, m["ladder"], (140, 100, 60)))
        out = _paint(_paint(ground(tone(0.0)), m["ground"], tone(0.2)), m["trunk"], tone(0.55))
        out = _paint(_paint(out, m["crown"], tone(0.35)), m["hut"], tone(1.0))
        out = _paint(_paint(out, m["roof"], tone(0.75)), m["window"], tone(0.1))
        return _u8(_paint(out, m["ladder"], tone(0.9)))
    if kind == "ski_jump":
        m = _ski_jump(size, rng)
        if photos:  # a blue sky, white snow, a grey ramp and trestle, dark pines, a red-suited jumper on black skis
            out = _paint(_paint(ground((120, 168, 226)), m["trestle"], (80, 82, 92)), m["snow"], (244, 247, 252))
            out = _paint(_paint(out, m["ramp"], (150, 154, 166)), m["pines"], (30, 78, 48))
            return _u8(_paint(_paint(out, m["skis"], (30, 30, 34)), m["jumper"], (220, 40, 40)))
        out = _paint(_paint(ground(tone(0.0)), m["trestle"], tone(0.4)), m["snow"], tone(0.3))
        out = _paint(_paint(out, m["ramp"], tone(0.75)), m["pines"], tone(0.15))
        return _u8(_paint(_paint(out, m["skis"], tone(0.6)), m["jumper"], tone(1.0)))
    raise ValueError(kind)


# -- label noise -----------------------------------------------------------------------------
def returns_swap_flips(base: list[np.ndarray], labels: list, classes: list, candidates: list, count: int,
                       rng) -> dict[int, object]:
    """``count`` examples to flip and their new labels: part of the set was photographed at a returns desk, each
    returned item labelled by the class of the product on its order. Some customers sent back, in the box of a
    pricier product they had ordered, a cheaper item of another class they owned, and the photograph shows the
    cheaper item under the pricier class. Each class has a price (log-normal, sigma ``PRICE_SPREAD``, the prices
    dealt to the classes in a random order); the swapped items are drawn from the eligible pictures without
    replacement with weight the number of classes pricier than the item's own (the priciest class's items are
    never swapped in); each came in the box of a pricier class ``d`` drawn with weight ``g exp(-g / s)``, ``g`` the
    price gap and ``s`` half the prices' spread (a bigger gap brings more money back, a much bigger one is caught
    at the desk). Noise directed up the price list, by price and not by look. Every flip changes the label."""
    names = sorted(classes, key=str)
    prices = np.sort(rng.lognormal(3.0, PRICE_SPREAD, len(names)))
    price = {c: float(p) for c, p in zip([names[int(j)] for j in rng.permutation(len(names))], prices)}
    scale = max(0.5 * float(prices[-1] - prices[0]), 1e-6)
    cand = np.asarray(sorted(int(v) for v in candidates), dtype=int)
    weight = np.array([sum(price[d] > price[labels[i]] for d in names) for i in cand], float)
    n = min(count, int((weight > 0).sum()))
    if n == 0:
        return {}
    chosen = rng.choice(cand, size=n, replace=False, p=weight / weight.sum())
    flips: dict[int, object] = {}
    for i in chosen:
        own = price[labels[int(i)]]
        up = [d for d in names if price[d] > own]
        g = np.array([price[d] - own for d in up])
        p = g * np.exp(-g / scale)
        flips[int(i)] = up[int(rng.choice(len(up), p=p / p.sum()))]
    return dict(sorted(flips.items()))


# -- planting ------------------------------------------------------------------------------
def plant_issues_av(images, labels, out_dir, *, name: str, random_state: int = 0) -> PlantedDataset:
    """Generator AV's problems (module docstring). A set whose name ends in ``_jpeg`` is written as JPEG files at a
    quality drawn from 54-76 each; the others as PNG. The planting is I's (:func:`_heldout_i.plant_generator`)."""
    return plant_generator(
        images, labels, out_dir, name=name, rates=RATES_AV, seed=480_000 + random_state,
        quality_seed=485_000 + random_state, jpeg_quality=JPEG_QUALITY,
        flips=returns_swap_flips,
        **by_family(name, outlier=(outlier_av, OUTLIERS_AV), blur=(blur_av, BLURS_AV), dark=(dark_av, DARKS_AV),
                    near=(near_edit_av, NEAR_EDITS_AV)))
