"""Generator AG: fresh EVALUATION sets after generator AF's run (never used to choose anything).

Why a thirty-first evaluation generator: generator AF's sets have been run, and what they showed may inform the next
changes (the commit subjects since name AF's one run, on the code whose dark check takes the lit pixels' lower
quartile, written up as round 18, the mean of the label check's two probe fits measured after it and not kept, a test
that the second fit is read back from the cache, and AF's Fashion-MNIST outlier flags traced to planted blurs), so
they will not stay untouched; AG is a held-out measurement of the code after that run, of families of its own (AG's
writer read no docs, logs, result files or commit bodies: only the commit subjects, the library's code and the earlier
generators' and tuning tools' files, to copy their structure and to avoid their families). Generator AG was written
before any tool was run on it (only its pictures were looked at, on contact sheets of its edits, blurs, darkenings and
foreign pictures at 28, 40 and 256 px, to check that every edit is visible, every blur blurred, every darkened image
dark with its picture still in it and every outlier foreign, and the planted folders hashed twice); it is not to be
changed after its results are seen. Its edits, blurs, darkenings, foreign pictures and label noise are of families
that no tuning tool (``blur_tuning.py``'s lens blurs: Gaussian, soft disk, astigmatic elongated Gaussian, ring;
``_foreign.py``'s textures, icons and soft photographs; ``near_photos.py``'s and ``near_small.py``'s edits;
``label_filters.py``'s and ``label_noise_models.py``'s flips), no earlier generator (A = ``dq.datasets.plant_issues``,
B, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T, U, V, W, X, Y, Z, AA, AB, AC, AD, AE, AF) and none of the
library's calibration copies (``dataquality/compute/_synthetic.py``: crop, shift, rotate, brightness, contrast, gamma,
JPEG, resize, overlay box; Gaussian, box, motion, down-and-up blurs) make. Like AC's to AF's it has two blur families,
not three: every third one considered was too near an earlier generator's (below). Left out because an earlier
generator made them or left them out: among objects on the print a rolling pin or chopsticks (O's pencil, as the
screwdriver and the honey dipper AA and AD left out), a tuning fork or a Y-peeler (AD's slingshot), a ukulele (the
guitars R left out), a tea strainer or a baby's rattle (AF's microphone: a round head on a handle), a glue gun or a
cordless drill (AD's hair dryer), a safety razor (AF's corkscrew, AE's hammer: T-shapes), a pineapple (Y's
strawberry), a drawing compass (X's scissors, as the tweezers AA left out), a blister pack of pills (S's bubble wrap),
a tape measure or a spirit level (N's ruler), a snorkel (AE's pipe), a bicycle saddle (AA's avocado), a tennis racket
(L's magnifying glass, as the table-tennis bat AD left out), a snail (P's fly), a strip of negatives (AC's film
cassette), a lipstick (AC's nail polish, U's lipstick kiss); of the whole picture a Lichtenberg figure burnt into the
print (F's branching trees, as AF found Benard cells too near G's Voronoi cells), a slime mould's network of veins
(G's Voronoi cells), a tyre track (T's paw prints, as the shoe prints V left out), Silly String (T's crayon scribble),
a cat's claw marks (G's scratches), metal swarf (AF's iron filings), a sunlit patch crossed by a window's glazing bars
(AC's lamp and window, K's blinds), an antique mirror's lost silvering (U's silvering), soap bubbles before the print
(T's quench pattern, the oil film V left out), a wall of mirror tiles (the tiled wall W left out), pepper flakes
floating on water over it (E's specks), a print dipped part-way into toner (S's half underwater, AF's test strip), a
flock of birds flying before it (AC's snowfall, P's fly); among blurs a glaze that ran in the kiln (the run inkjet
dyes X left out), a tattoo's ink blown out under the skin (the tattoo copy AD left out), pavement chalk washed by rain
(the chalk copy AD left out, Q's ink bleed), a hectograph copy (the spirit-duplicator copy AD left out), a salt print
or an anthotype (AE's gum print, AD's sun-cast transparency), a 30-line mechanical television's picture or a print on
baked shrink plastic (the calibration's down-and-up blur), a pulp painting in coloured paper pulp (AB's needle
felting), a reflection in a hammered tray (the hammered copper tray AD left out, V's cut glass), a picture seen
through a jar of honey (the turbid water AB and V left out); among darkenings a theatre's ghost light (I's lamp: a
bare bulb), an exit sign (AF's letter light box: a lit sign with a pictogram), a sky lantern beside the star (one
paper lantern is enough; X's jack-o'-lantern), EL wire (the glow sticks T and W left out), a sunset projection lamp
(K's spotlight, AF's wake-up light), a laser pointer's dot (the museum pin spots X left out), an LED hula hoop (AE's
speaker ring), a make-up mirror's bulbs or a fibre-optic lamp (N's fairy lights), an oscilloscope's trace (I's lamp,
P's phone screen: a screen), a Tiffany lamp (L's stained glass), footlights (the instrument panel lit from below AD
left out), a tent glowing from inside (the tent AD left out); among foreign pictures a cooling tower and its plume
(AF's volcano), a pool table from above (R's pitch, as the boxing ring AC left out), a palm-tree island (F's trees, as
the bonsai AD left out), Saturn or haystacks (0s on the digit sets), a natural rock arch (an n or a 0), a water tower
(AD's lifeguard tower on stilts), Easter Island's heads (1s), a canyon's strata (R's mountains), an airship (Q's
balloons, AE's saucer), a Mars rover beside the lander (one space scene is enough; the excavators W left out), a
swimming pool's lanes (AB's bowling lane); among label noise an "other" answer stored as -1 and read as the last class
(G's attractors, as the skipped pictures AA left out), answer sheets read by a mark reader that took sloppy ticks for
the next box (O's hotkeys), file names sorted as text against labels in numeric order (U's shifted rows, as the sorted
block X left out), a quota filled from the nearest short class (V's target hunt), a model's runner-up exported by an
off-by-one (F's and T's look-alikes), hard examples sent again to a vendor who answered at random (E's uniform flips)
and a Dawid-Skene aggregation stuck with two classes' confusions swapped (I's swapped pairs).

* ``near_duplicate`` (3%), five edits in a part of the picture and three of the whole, in turn (so that the 256 px
  set's three copies get both kinds): a spark plug lying on the print (46-58% of the side long, at least 12 px, a
  steel terminal nut, a white ceramic insulator 39% of the length long and 13% thick with 5 ribs, a printed band in
  red, blue or green and a sheen, a hexagonal shell nut 20% across with two facet lines, a threaded shank 12% thick,
  zinc-plated or yellow-passivated, a ceramic nose, a centre electrode and a bent side electrode; at any angle, 30-70%
  of the way across and down, a soft shadow at 40%), a syringe lying on the print (50-62% of the side long, at least
  12 px, a clear barrel 52% of the length long and 14% thick at 35% with a grey outline, 10 graduation ticks and a
  sheen, a dose of pink, amber, blue or pale yellow liquid filling 15-40% of the length, a black rubber stopper, a
  white plunger rod to a thumb press, a finger flange, a needle hub colour-coded green, blue, orange, pink or grey and
  a steel needle 19% of the length long; at any angle, 30-70% of the way across and down, a soft shadow at 40%), a
  steam iron lying on the print seen from above (46-58% of the side from heel to point, at least 13 px, a body 52% of
  that wide at the heel narrowing to the point, white, purple, teal, blue or red, over a steel soleplate, a grey or
  white handle along it 11% thick casting its shadow on the body, a temperature dial, a pale blue water window, a
  spray nozzle, a bent cord 30-50% of the length long from the heel, a sheen; at any angle, 30-70% of the way across
  and down, a soft shadow at 40%), an American football lying on the print (44-56% of the side from tip to tip, at
  least 12 px, 60% of that across, pointed, brown leather, two panel seams, a white lace of 8 stitches along the
  middle, a white stripe round each end, a highlight; at any angle, 30-70% of the way across and down, a soft shadow
  at 40%) and a quartz crystal point lying on the print (44-56% of the side long, at least 12 px, a hexagonal prism
  34% of that thick from a broken, milky base to 70% of the length, three faces along it lit 15% more, as they are and
  25% darker, a pointed termination of three facets, rose, amethyst, smoky or citrine laid at 88% so that the print
  shows through, white edges, 2-3 milky veils, a glint; at any angle, 30-70% of the way across and down, a soft shadow
  at 40%); of the whole picture: the print behind a window a bird flew into (the ghost of powder its feathers left on
  the pane, wings spread over 75-95% of the side, its middle 40-60% of the way across and down, its head up give or
  take 40 degrees, a body, a head and a beak, 9-11 feathers fanned out from each arm, the outer ones near level and
  28-30% of the span long, the inner ones drooping and 18% long, tapering from 3.6% to 1.2% of the span, at least 0.35
  px, a tail of 5-7 feathers, the powder patchy over a smooth random field of 0.8% of the side by 45% and covering
  55-75% where thickest, white, 232 / 232 / 226, over the picture's dark parts and a backlit grey, 90 / 90 / 88, over
  its light ones: a powder print on the glass in a bird's shape, not AE's salt veil with rain trails or O's
  fingerprint), the print lit by red, green and blue spotlights overlapping, as a lesson on additive colour mixing
  sets them up (pools of radius 30-38% of the side, soft over 4-6% of the side, at least 0.8 px, 15% brighter at their
  middles, at the corners of a triangle of circumradius 16-22% of the side at any turn about a point within 8% of the
  side of the middle, each adding its colour at a gain of 0.55-0.7 to the room's white light of 0.35-0.45: three
  primaries summed over the picture, not AC's warm lamp and cool window or O's coloured wash on a dark stage) and
  termites' mud tubes built across the print left on a damp floor (2-3 tubes from random edges, heading inwards give
  or take 40 degrees and winding, each step of 2% of the side turning by the mean of 5 Gaussian turns of 0.25 radians,
  for 60-110% of the side, 3-4.5% of the side wide, at least 1.2 px, varying by a smooth 15%, 1-2 side branches each
  20-40% of the side long and 70% as wide, of brown or grey earth, a lit ridge along them, grainy (12% over a smooth
  random field of 0.6% of the side, at least 0.5 px, and 15% of the pixels darker grains), casting a soft shadow at
  45%: raised tubes of earth laid on the print, not T's charging cable or the bookworm's tunnels V left out);
* ``exact_duplicate`` (1%): byte-for-byte copies of a file under another name;
* ``blurry`` (3%): the picture laid in powdered coloured glass on a sheet of clear glass and fused in a kiln (the
  powder laid thicker and thinner by 8% over a smooth random field of 3% of the side, melted and flowed together, a
  Gaussian of 2.6-3.8% of the side, at least 1.2 px, its colours deepened in the firing, 15% more saturated and 5%
  darker, the fused grains' mottle 3.5% over a smooth random field of 1.2% of the side, at least 0.8 px, the base
  glass's green, blue-green or warm tint, ``max(3, 0.04% of the pixels)`` trapped bubbles of radius 0.5-0.9% of the
  side, at least 0.45 px, white at 15%, a gloss of up to 8-14 levels from a corner: glass melted, not AA's lithophane,
  V's cut glass or I's frosted glass looked through) and the picture woven as a warp ikat (the warp threads tied and
  dyed with the picture's darkness, ``1 - lum``, ``lum`` the grey stretched between its own 2nd and 98th percentiles,
  before they were set on the loom, vertical or horizontal, threads 1.2-1.6% of the side apart, at least 1 px; each
  thread slipped along its length by a drift shared with its neighbours, 2-3.5% of the side, smooth over 6 threads,
  and by its own 1.2-2%, so that the picture's edges feather across the warp; the dye wicked along the threads, a
  Gaussian of 2.5-3.5% of the side, at least 1.2 px, and seeped across them, 1.2-1.8%, at least 0.8 px; indigo, madder
  red or black taking up to 90% of the light of a cream warp, the undyed weft showing over 20-30% of the cloth:
  threads dyed and then slipped, not Q's ink bleeding in cloth, the batik AE left out or W's two prints woven in
  strips); each as a camera metering on the highlights exposes it (as Y's to AF's);
* ``dark`` (2%): a dark room lit only by an ultrasonic aroma diffuser standing in the picture, its mist lit from
  inside (a dome 18-24% of the side wide below 48 px, 12-16% above, at least 6 px, 80% of that high, 2-6% of the side
  above the bottom edge 20-80% of the way across, in wood-grain, white or dark plastic lit by 12% of its own colour
  and an LED band round its foot; the mist rising 35-60% of the side, wavering by 3-7% of the side and drifting by up
  to 10%, 4% of the side wide at the nozzle widening to 14-20%, soft over 1.5% of the side, at least 0.6 px, thinning
  as ``(1 - t) ** 0.8`` up its height ``t`` and wispy, lit up to 150-210 levels in violet, blue, green, amber, red or
  cyan; a glow of sigma 5-8% of the side up to 25-40 levels; the picture lit at a gain of 0.02-0.035 plus 0.25-0.35
  falling off as ``1 / (1 + (d / d0) ** 2)`` from the mist's foot, ``d0`` 25-40% of the side, in its colour; noise
  sigma 1.2 levels), a dark room at night lit only by a paper star lantern hanging in the picture (a star of 6-8
  points, of radius 16-22% of the side below 48 px, 11-15% above, at least 5 px, its inner corners at 45% of that, at
  any turn, 25-75% of the way across and 25-42% down, hung on a dark cord from the top edge, its paper glowing warm
  white, red or yellow from the bulb at its middle to its tips, a darker fold along each point; a glow of sigma 6-9%
  of the side up to 35-50 levels; the picture lit at a gain of 0.02-0.035 plus 0.25-0.35 falling off as ``1 / (1 + (d
  / d0) ** 2)`` from the star's middle, ``d0`` 30-45% of the side, in a warm light, 1.0 / 0.78 / 0.5; noise sigma 1.2
  levels) and a dark room lit only by the glowing valves of a valve amplifier standing in the picture (a dark chassis
  from 8-25% to 75-92% of the way across and from 82-88% of the way down to the bottom edge, its top edge catching the
  glow; 3 valves on it below 48 px, 4-5 above, 9-11% of the side wide below 48 px, 5.5-7% above, at least 2.5 px,
  22-28% of the side high below 48 px, 14-20% above, each a dim glass envelope with a rounded top, a silvered getter,
  a heater glowing orange with a hot core, a highlight down the glass; a glow of sigma 4-7% of the side up to 40-60
  levels; the picture lit at a gain of 0.015-0.03 plus 0.25-0.38 falling off as ``1 / (1 + (d / d0) ** 2)`` from the
  row of valves, ``d0`` 25-40% of the side, in their orange, 1.0 / 0.55 / 0.22; noise sigma 1.2 levels); none of them
  blurs the picture;
* ``outlier`` (1.5%): lunar landings (a grey plain from a horizon 52-62% of the way down, 5-9 craters on it, ellipses
  32% as high as wide, 6-20% of the side wide and larger nearer, each a light rim round a shadowed hollow; the Earth
  in the black sky, a disc of radius 6-9% of the side, half lit; a lander standing on the plain 74-86% down, a
  chamfered descent stage 22-30% of the side wide on four splayed legs with footpads, an angular ascent stage on top
  with a dark window, its long shadow to one side), concrete arch dams seen from downstream (far hills from 14-24% of
  the way down, the reservoir from their foot, the dam's crest across the valley 32-42% down, bowed, with a road along
  it, its face narrowing down the gorge to 12-20% of the side at 78-88% down, lift lines across it every 6-9% of its
  height, two hillsides flanking it with dark rocks, the river leaving the gorge) and long hotel corridors in
  one-point perspective (a far wall 14-22% of the side wide round a vanishing point 42-58% of the way across and
  42-55% down, with a bright window, the ceiling, walls and carpeted floor from the frame's edges to it, 2-4 doors on
  each wall with light frames, 4-5 ceiling lights, a runner down the floor); the digit and clothing sets get them in
  their own tones on their dark ground, the photographs as a gold and silver lander on a grey cratered plain under a
  black sky with a blue Earth, a pale concrete dam between green, brown or grey hillsides with a blue reservoir under
  a blue or pale sky, and a corridor with a cream ceiling, painted walls, a red, blue or green carpet, wooden or white
  doors and lit lamps;
* ``label`` (5%): *lasso* flips: part of the set was labelled in a labelling tool's map of the pictures, a 2-D scatter
  of their 8 x 8 grey thumbnails (standardised) on their first two principal components over the whole set, by drawing
  a lasso round each class's crowd of points, class after class in a random order, and giving every picture inside it
  that class (a later lasso overriding an earlier one); each lasso an ellipse round its class's mean point, ``r``
  spreads across, the class's own covariance in the map shrunk towards the pooled one by 5 pictures' worth, ``r`` the
  smallest of 0.3-3 (in steps of 0.05) at which the eligible pictures so given another class than their own are at
  least twice the flips needed (all of them at 3); the flips are drawn uniformly among those, each given the class of
  the last lasso round it: noise where classes' crowds overlap in two dimensions (not look-alikes in the whole
  thumbnail, as F's, H's, T's, V's or W's; not a clustering's clusters, as N's; not one cue, as S's mean grey). Every
  flip changes the label, so every one is in the truth.

Each planted defect has its own source image; nothing else is planted, so only these six issue types are scored on
AG's sets. Base data are the evaluation domains drawn with seeds no other set uses: Fashion-MNIST *test* (2,000, seed
251), MNIST (2,000, seed 252), and the evaluation photographs tiled at 40 px (24 tiles a photograph at most, seed 253:
408) and at 256 px (every tile, seed 254: 107, the photographs with 1-30 tiles each: AF's photograph base does give
256 px tiles, but the chelsea and clock photographs give one each, so each of their classes holds one picture), sizes
no other set uses. ``photos40_ag_jpeg`` is written as JPEG files, each at a quality drawn from 64-86 (a stream of its
own, seed ``335_000 + random_state``), every edit, blur and darkening made before the encoding, near copies made from
the decoded JPEG and saved again at their own quality, exact copies byte copies of the file; the other sets are PNG
files. Planting draws from seed ``330_000 + random_state``. The planting is I's (:func:`_heldout_i.plant_generator`,
as for J to AF).
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
from _heldout_v import _field, _metered
from _heldout_x import _bar, _canvas, _Frame, _laid
from PIL import ImageDraw

from dataquality.datasets import PlantedDataset

EVALUATION_AG = ("fashion_test_ag", "mnist_ag", "photos40_ag_jpeg", "photos256_ag")
# each set's base: (data, seed) or ("photos", seed, tile size, tiles per photograph quick, full)
BASES_AG = {
    "fashion_test_ag": ("fashion_test", 251),
    "mnist_ag": ("mnist", 252),
    "photos40_ag_jpeg": ("photos", 253, 40, 8, 24),
    "photos256_ag": ("photos", 254, 256, 8, 1000),
}
JPEG_QUALITY = (64, 87)  # the JPEG set's qualities: integers in [low, high)
RATES_AG = {"near_duplicate": 0.03, "exact_duplicate": 0.01, "blurry": 0.03, "dark": 0.02, "outlier": 0.015,
            "label": 0.05}
# parts of the picture and the whole picture in turn, so that the smallest set (3 copies) gets both kinds
NEAR_EDITS_AG = ("spark_plug", "bird_strike", "syringe", "rgb_spotlights", "steam_iron", "termite_tubes",
                 "american_football", "quartz_point")
BLURS_AG = ("fused_glass", "ikat")
DARKS_AG = ("aroma_diffuser", "paper_star", "valve_amp")
OUTLIERS_AG = ("lunar_landing", "arch_dam", "corridor")
LASSO_RADII = np.round(np.arange(0.3, 3.01, 0.05), 2)  # the lassos' sizes tried, smallest first (label noise)
SHRINK = 5.0  # pictures' worth of the pooled spread each class's own spread is shrunk towards (label noise)


def load_base_ag(name: str, quick: bool = False):
    import _heldout

    return _heldout.load_generator_base(name, quick, BASES_AG, "AG")


# -- near copies -----------------------------------------------------------------------------
STEEL = (156, 160, 168)
CERAMIC = (238, 236, 228)
PLUG_SHELLS = ((168, 172, 180), (200, 182, 116))  # zinc-plated, yellow-passivated steel
PLUG_BANDS = ((200, 36, 40), (30, 70, 160), (30, 120, 70))


def _spark_plug(f: np.ndarray, rng) -> np.ndarray:
    """A spark plug lying on the print: 46-58% of the side long, at least 12 px; a steel terminal nut 8% of the length
    long at one end; a white ceramic insulator 39% of the length long and 13% thick, 5 ribs across its upper part
    at 50%, a printed band in red, blue or green 8% long, a sheen along it at 45%; a hexagonal shell nut 15% long and
    20% across, two facet lines 30% darker; a threaded shank 32% long and 12% thick, its threads dark diagonal lines
    every 3% of the length; the shell zinc-plated or yellow-passivated steel; a ceramic nose and centre electrode 5%
    long and a bent side electrode hooked over it; at any angle, its middle 30-70% of the way across and down, a soft
    shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(12.0, side * rng.uniform(0.46, 0.58))
    shell, band = _pick(PLUG_SHELLS, rng), _pick(PLUG_BANDS, rng)
    fr = _frame_at(h, w, rng)
    insulator = fr.fill([_rrect(-0.43 * L, -0.065 * L, -0.04 * L, 0.065 * L, 0.02 * L)])
    nut = fr.fill([_rect(-0.05 * L, -0.1 * L, 0.1 * L, 0.1 * L)])
    shank = fr.fill([_rect(0.1 * L, -0.06 * L, 0.42 * L, 0.06 * L)])
    ribs = [[(x, -0.07 * L), (x, 0.07 * L)] for x in np.linspace(-0.39 * L, -0.25 * L, 5)]
    threads = [[(x, -0.06 * L), (x + 0.025 * L, 0.06 * L)] for x in np.arange(0.115, 0.4, 0.03) * L]
    lw = max(0.35, 0.009 * L)
    parts = [(insulator, CERAMIC, 1.0, True),
             (fr.line(ribs, lw) * insulator, (150, 150, 146), 0.5, False),
             (fr.fill([_rect(-0.2 * L, -0.066 * L, -0.12 * L, 0.066 * L)]), band, 0.9, False),
             (fr.fill([_rect(-0.41 * L, -0.05 * L, -0.06 * L, -0.028 * L)]), (255, 255, 255), 0.45, False),
             (fr.fill([_rrect(-0.5 * L, -0.04 * L, -0.42 * L, 0.04 * L, 0.012 * L)]), STEEL, 1.0, True),
             (nut, shell, 1.0, True),
             (fr.line([[(-0.05 * L, y), (0.1 * L, y)] for y in (-0.035 * L, 0.035 * L)], lw) * nut, shell * 0.7, 0.8,
              False),
             (shank, np.minimum(shell * 1.06, 255), 1.0, True),
             (fr.line(threads, lw) * shank, shell * 0.55, 0.8, False),
             (fr.fill([_rect(0.42 * L, -0.016 * L, 0.47 * L, 0.016 * L)]), (222, 220, 212), 1.0, True),
             (fr.line([[(0.41 * L, 0.05 * L), (0.5 * L, 0.05 * L), (0.5 * L, 0.004 * L)]], max(0.4, 0.022 * L)),
              shell * 0.85, 1.0, True)]
    return _u8(_laid(f, parts, 0.4))


HUBS = ((40, 150, 70), (40, 90, 200), (240, 140, 40), (230, 110, 170), (150, 150, 150))
DOSES = ((240, 120, 150), (240, 190, 80), (90, 160, 230), (236, 232, 170))


def _syringe(f: np.ndarray, rng) -> np.ndarray:
    """A syringe lying on the print: 50-62% of the side long, at least 12 px; a clear barrel 52% of the length long
    and 14% thick (white at 35%, its outline grey at 70%, a sheen along it at 50%), 10 graduation ticks along one
    side, a dose of pink, amber, blue or pale yellow liquid at 60% filling 15-40% of the length from its nozzle end, a
    black rubber stopper behind it, a white plunger rod 6% thick to a thumb press 17% across, a finger flange 26%
    across, a needle hub colour-coded green, blue, orange, pink or grey and a steel needle 19% of the length long; at
    any angle, its middle 30-70% of the way across and down, a soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(12.0, side * rng.uniform(0.5, 0.62))
    fr = _frame_at(h, w, rng)
    front = 0.24 * L
    back = front - L * rng.uniform(0.15, 0.4)
    barrel = [_rect(-0.28 * L, -0.07 * L, front, 0.07 * L)]
    plastic = (240, 240, 236)
    lw = max(0.35, 0.01 * L)
    parts = [(fr.fill([_rect(-0.46 * L, -0.03 * L, back - 0.035 * L, 0.03 * L)]), plastic, 0.9, True),
             (fr.fill([_rrect(-0.5 * L, -0.085 * L, -0.46 * L, 0.085 * L, 0.01 * L)]), plastic, 0.95, True),
             (fr.fill(barrel), (250, 252, 254), 0.35, True),
             (fr.fill([_rect(back, -0.062 * L, front, 0.062 * L)]), _pick(DOSES, rng), 0.6, False),
             (fr.fill([_rect(back - 0.035 * L, -0.066 * L, back, 0.066 * L)]), (30, 30, 34), 1.0, False),
             (fr.line([b + [b[0]] for b in barrel], lw), (150, 155, 160), 0.7, False),
             (fr.line([[(x, -0.07 * L), (x, -0.045 * L)] for x in np.arange(front - 0.03 * L, -0.2 * L,
                                                                           -0.045 * L)], lw), (40, 40, 44), 0.7, False),
             (fr.fill([_rrect(-0.3 * L, -0.13 * L, -0.27 * L, 0.13 * L, 0.01 * L)]), plastic, 0.95, True),
             (fr.fill([[(front, -0.045 * L), (0.31 * L, -0.022 * L), (0.31 * L, 0.022 * L), (front, 0.045 * L)]]),
              _pick(HUBS, rng), 1.0, True),
             (fr.line([[(0.31 * L, 0.0), (0.5 * L, 0.0)]], max(0.35, 0.012 * L)), STEEL, 1.0, True),
             (fr.line([[(-0.26 * L, -0.045 * L), (front - 0.02 * L, -0.045 * L)]], lw), (255, 255, 255), 0.5, False)]
    return _u8(_laid(f, parts, 0.4))


IRONS = ((236, 236, 232), (120, 60, 170), (40, 150, 160), (40, 90, 190), (200, 40, 60))


def _steam_iron(f: np.ndarray, rng) -> np.ndarray:
    """A steam iron lying on the print, seen from above: 46-58% of the side from its heel to its point, at least
    13 px; a body 52% of the length wide at the heel narrowing to the point, white, purple, teal, blue or red, over a
    steel soleplate showing 4% round it; a handle along its middle 48% of the length long and 11% thick in grey or
    white with a darker rim, the body under it shaded at 45% and its shadow cast 3% aside at 45%; a temperature dial
    at the heel 14% across with a mark, a water tank's
    window at 60% in pale blue, a dark spray nozzle at the point; a cord 3% thick from the heel, 30-50% of the length
    long and bent; a sheen along one side at 30%; at any angle, its middle 30-70% of the way across and down, a soft
    shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(13.0, side * rng.uniform(0.46, 0.58))
    body = _pick(IRONS, rng)
    accent = np.asarray((72, 74, 80) if body.mean() > 180 else (236, 236, 232), np.float32)
    fr = _frame_at(h, w, rng)

    def outline(k: float) -> list[tuple[float, float]]:
        u = np.linspace(0, 1, 24)
        hw = 0.26 * L * k * (1 - u ** 2.5) ** 0.55
        xs = -0.5 * L * k + L * k * u
        return [(float(x), float(-y)) for x, y in zip(xs, hw)] + [(float(x), float(y)) for x, y in zip(xs[::-1],
                                                                                                     hw[::-1])]

    cl = L * rng.uniform(0.3, 0.5)
    cord = _curve((-0.5 * L, 0.0), (-0.5 * L - cl, cl * rng.uniform(-0.5, 0.5)), cl * rng.uniform(-0.3, 0.3), 16)
    mask = fr.fill([outline(1.0)])
    parts = [(fr.line([[tuple(p) for p in cord]], max(0.5, 0.03 * L)), (60, 62, 66), 1.0, True),
             (fr.fill([outline(1.04)]), STEEL, 1.0, True),
             (mask, body, 1.0, True),
             (fr.fill([_ellipse(-0.1 * L, 0.0, 0.24 * L, 0.1 * L, 0.0, 20)]) * mask, body * 0.55, 0.45, False),
             (fr.fill([_ellipse(0.16 * L, 0.1 * L, 0.12 * L, 0.045 * L, 0.0, 16)]), (150, 200, 236), 0.6, False),
             (fr.fill([[(x + 0.03 * L, y + 0.03 * L) for x, y in _bar(-0.34 * L, 0.14 * L, 0.055 * L)]]) * mask,
              (20, 20, 22), 0.45, False),
             (fr.fill([_bar(-0.34 * L, 0.14 * L, 0.055 * L)]), accent, 1.0, True),
             (fr.line([_bar(-0.34 * L, 0.14 * L, 0.055 * L)], max(0.35, 0.01 * L)), accent * 0.6, 0.8, False),
             (fr.fill([_ellipse(-0.4 * L, 0.0, 0.07 * L, 0.07 * L, 0.0, 16)]), accent * 0.85, 1.0, False),
             (fr.line([[(-0.4 * L, 0.0), (-0.35 * L, -0.02 * L)]], max(0.35, 0.012 * L)), body, 1.0, False),
             (fr.fill([_ellipse(0.43 * L, 0.0, 0.02 * L, 0.015 * L, 0.0, 8)]), (30, 30, 34), 1.0, False),
             (fr.fill([_rect(-0.44 * L, -0.2 * L, 0.2 * L, -0.16 * L)]) * mask, (255, 255, 255), 0.3, False)]
    return _u8(_laid(f, parts, 0.4))


BALLS = ((122, 64, 38), (142, 80, 46), (100, 52, 32))


def _american_football(f: np.ndarray, rng) -> np.ndarray:
    """An American football lying on the print: 44-56% of the side from tip to tip, at least 12 px, and 60% of that
    across, pointed at both ends, brown leather; two panel seams from tip to tip 45% darker; a white lace along the
    middle over 36% of the length with 8 stitches across it 7% long; a white stripe round each end 4% wide, 33% of
    the length from the middle; a highlight at 25%; at any angle, its middle 30-70% of the way across and down, a
    soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(12.0, side * rng.uniform(0.44, 0.56))
    leather = _pick(BALLS, rng)
    fr = _frame_at(h, w, rng)
    u = np.linspace(-1, 1, 41)
    y = 0.3 * L * (1 - u ** 2) ** 0.85
    ball = fr.fill([[(float(0.5 * L * a), float(-b)) for a, b in zip(u, y)]
                    + [(float(0.5 * L * a), float(b)) for a, b in zip(u[::-1], y[::-1])]])
    seams = [[(float(0.5 * L * a), float(s * 0.13 * L * (1 - a ** 2))) for a in u] for s in (-1, 1)]
    xs = np.linspace(-0.16 * L, 0.16 * L, 8)
    lw = max(0.35, 0.014 * L)
    parts = [(ball, leather, 1.0, True),
             (fr.line(seams, lw) * ball, leather * 0.55, 0.9, False),
             (fr.fill([_rect(s * 0.33 * L - 0.02 * L, -0.3 * L, s * 0.33 * L + 0.02 * L, 0.3 * L) for s in (-1, 1)])
              * ball, (244, 242, 236), 1.0, False),
             (fr.line([[(-0.18 * L, 0.0), (0.18 * L, 0.0)]] + [[(x, -0.035 * L), (x, 0.035 * L)] for x in xs],
                      max(0.4, 0.016 * L)), (246, 246, 240), 1.0, False),
             (fr.fill([_ellipse(-0.05 * L, -0.14 * L, 0.24 * L, 0.05 * L, 0.0, 20)]) * ball, (255, 255, 255), 0.25,
              False)]
    return _u8(_laid(f, parts, 0.4))


QUARTZ = ((230, 172, 188), (170, 124, 200), (150, 128, 108), (238, 196, 118))


def _quartz_point(f: np.ndarray, rng) -> np.ndarray:
    """A quartz crystal point lying on the print: 44-56% of the side long, at least 12 px; a hexagonal prism 34% of the
    length thick from its broken base to 70% of the length, showing three faces along it (the upper one 15% lighter,
    the lower one 25% darker), and a pointed termination of three facets (lit 20% more, as it is, and 30% darker);
    rose, amethyst, smoky or citrine, laid at 88% so that the print shows faintly through; its edges white at
    45%, 2-3 milky veils inside at 35%, its broken base milky white at 60%, a glint near the point; at any angle, its
    middle 30-70% of the way across and down, a soft shadow at 40%."""
    h, w = f.shape[:2]
    side = min(h, w)
    L = max(12.0, side * rng.uniform(0.44, 0.56))
    c = _pick(QUARTZ, rng)
    fr = _frame_at(h, w, rng)
    tx, ty = 0.5 * L, L * rng.uniform(-0.03, 0.03)
    bx = 0.2 * L
    ys = np.array([-0.17, -0.075, 0.075, 0.17]) * L
    bands = [_rect(-0.5 * L, ys[k], bx, ys[k + 1]) for k in range(3)]
    facets = [[(bx, ys[k]), (tx, ty), (bx, ys[k + 1])] for k in range(3)]
    jag = [(-0.5 * L + L * rng.uniform(0.0, 0.05), y) for y in np.linspace(ys[0], ys[-1], 7)]
    base = [(-0.5 * L, ys[0])] + jag + [(-0.5 * L, ys[-1])]
    body = fr.fill(bands + facets)
    shades = (1.15, 1.0, 0.75)
    parts = [(body, c, 0.88, True)]
    for k in range(3):
        parts.append((fr.fill([bands[k]]), np.minimum(c * shades[k], 255), 0.88, False))
        parts.append((fr.fill([facets[k]]), np.minimum(c * (1.2, 1.0, 0.7)[k], 255), 0.88, False))
    edges = [[(-0.5 * L, y), (bx, y)] for y in ys[1:3]] + [[(bx, ys[0]), (bx, ys[-1])]] + \
            [[(bx, y), (tx, ty)] for y in ys[1:3]]
    veils = [[(L * rng.uniform(-0.4, -0.1), L * rng.uniform(-0.12, 0.12)),
              (L * rng.uniform(0.0, 0.15), L * rng.uniform(-0.12, 0.12))] for _ in range(int(rng.integers(2, 4)))]
    lw = max(0.35, 0.012 * L)
    parts += [(fr.line(edges, lw) * body, (255, 255, 255), 0.45, False),
              (fr.line(veils, max(0.4, 0.02 * L)) * body, (250, 250, 250), 0.35, False),
              (fr.fill([base]), (244, 244, 242), 0.6, False),
              (fr.fill([_ellipse(0.36 * L, ty - 0.05 * L, 0.035 * L, 0.02 * L, 0.4, 10)]), (255, 255, 255), 0.8,
               False)]
    return _u8(_laid(f, parts, 0.4))


def _bird_strike(f: np.ndarray, rng) -> np.ndarray:
    """The print behind a window a bird flew into, photographed through the glass: the ghost of dust from its
    feathers left on the pane, wings spread, 75-95% of the side from wingtip to wingtip, its middle 40-60% of the
    way across and down, its head up give or take 40 degrees; a body 30% of the span long and 13% wide, a head of
    radius 5.5% with a beak; each wing's 9-11 feathers fanned out from the arm, the outer ones near level and 28-30% of
    the span long, the inner ones drooping and 18% long, tapering from 3.6% to 1.2% of the span wide, at least 0.35
    px, the coverts filled in over the arm; a tail of 5-7 feathers 14-20% long fanned over 40 degrees; the dust's
    edge soft over 0.5% of the side, at least 0.4 px, patchy over a smooth random field of 0.8% of the side, at least
    0.7 px, by 45%, covering 55-75% where thickest; lit from the room, white, 232 / 232 / 226, over the picture's dark
    parts, and backlit, a grey 90 / 90 / 88, over its light ones (where its grey, smoothed over 3% of the side, is
    above 150, blended over 12 levels)."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    S = side * rng.uniform(0.75, 0.95)
    fr = _Frame((h, w), w * rng.uniform(0.4, 0.6), h * rng.uniform(0.4, 0.6), rng.uniform(-0.7, 0.7))
    polys = [_ellipse(0.0, 0.02 * S, 0.065 * S, 0.15 * S, 0.0, 24), _ellipse(0.0, -0.16 * S, 0.055 * S, 0.055 * S, 0.0, 16),
             [(-0.014 * S, -0.2 * S), (0.0, -0.24 * S), (0.014 * S, -0.2 * S)]]
    half = lambda a, b, n: np.linspace(a, b, n)  # noqa: E731
    for s in (-1.0, 1.0):
        n = int(rng.integers(9, 12))
        arm = -0.15 + rng.uniform(-0.1, 0.1)
        sx, sy = s * 0.04 * S, -0.06 * S
        bases = []
        for j in range(n):
            v = j / (n - 1)
            r = 0.03 * S + 0.24 * S * v
            bx, by = sx + s * r * np.cos(arm), sy + r * np.sin(arm)
            a = 1.15 - 1.25 * v + rng.uniform(-0.06, 0.06)
            ln = S * (0.18 + 0.11 * v) * rng.uniform(0.92, 1.05)
            tip = (bx + s * ln * np.cos(a), by + ln * np.sin(a))
            pts = np.stack([np.linspace(bx, tip[0], 8), np.linspace(by, tip[1], 8)], axis=1)
            polys.append(_tube(pts, np.maximum(half(0.018 * S, 0.006 * S, 8), 0.35)))
            bases.append((bx + s * 0.3 * ln * np.cos(a), by + 0.3 * ln * np.sin(a)))
        polys.append([(sx, sy)] + bases + [(sx, sy + 0.1 * S)])
    m = int(rng.integers(5, 8))
    for a in np.linspace(-0.35, 0.35, m):
        ln = S * rng.uniform(0.14, 0.2)
        pts = np.stack([np.linspace(0.0, ln * np.sin(a), 8), np.linspace(0.14 * S, 0.14 * S + ln * np.cos(a), 8)],
                       axis=1)
        polys.append(_tube(pts, np.maximum(half(0.016 * S, 0.008 * S, 8), 0.35)))
    dust = gaussian_filter(fr.fill(polys), max(0.4, 0.005 * side))
    patchy = np.clip(1 + 0.45 * _field((h, w), max(0.7, 0.008 * side), rng), 0, 1.4)
    behind = gaussian_filter(f.mean(axis=2), max(0.8, 0.03 * side))
    lit = 1 / (1 + np.exp(-(behind - 150) / 12))[..., None]  # 1 where the picture behind the pane is light
    dust_c = np.array([232, 232, 226], np.float32) * (1 - lit) + np.array([90, 90, 88], np.float32) * lit
    a = np.clip(dust * patchy * rng.uniform(0.55, 0.75), 0, 1)[..., None]
    return _u8(f * (1 - a) + dust_c * a)


SPOTS = ((1.0, 0.1, 0.08), (0.1, 1.0, 0.12), (0.12, 0.2, 1.0))


def _rgb_spotlights(f: np.ndarray, rng) -> np.ndarray:
    """The print lit by three spotlights, red, green and blue, overlapping, as a lesson on additive colour mixing
    sets them up: each a pool of radius 30-38% of the side, soft over 4-6% of the side, at least 0.8 px, 15%
    brighter at its middle, their middles at the corners of a triangle of circumradius 16-22% of the side at any turn
    about a point within 8% of the side of the middle; the room's own white light at 0.35-0.45, each spot adding its
    colour (1.0 / 0.1 / 0.08, 0.1 / 1.0 / 0.12, 0.12 / 0.2 / 1.0) at a gain of 0.55-0.7, summed and clipped."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    R, soft = side * rng.uniform(0.3, 0.38), max(0.8, side * rng.uniform(0.04, 0.06))
    rc, t0 = side * rng.uniform(0.16, 0.22), rng.uniform(0, 2 * np.pi)
    mx, my = w / 2 + side * rng.uniform(-0.08, 0.08), h / 2 + side * rng.uniform(-0.08, 0.08)
    g = rng.uniform(0.55, 0.7)
    light = np.full((h, w, 3), rng.uniform(0.35, 0.45), np.float32)
    for k, col in enumerate(SPOTS):
        t = t0 + 2 * np.pi * k / 3
        d = np.hypot(xx - mx - rc * np.cos(t), yy - my - rc * np.sin(t))
        spot = 0.5 * (1 - np.tanh((d - R) / soft)) * (1.15 - 0.15 * np.clip(d / R, 0, 1) ** 2)
        light = light + g * spot[..., None] * np.asarray(col, np.float32)
    return _u8(f * light)


EARTHS = ((124, 94, 62), (148, 112, 74), (104, 84, 64))


def _termite_tubes(f: np.ndarray, rng) -> np.ndarray:
    """The print left on a damp floor, termites' mud tubes built across it: 2-3 tubes from random edges, heading
    inwards give or take 40 degrees, winding (their heading turning at each step of 2% of the side by the mean of 5
    Gaussian turns of 0.25 radians) for 60-110% of the side, 3-4.5% of the side wide, at least 1.2 px, varying by a
    smooth 15%; 1-2 side branches
    each, from 25-75% of the way along, 20-40% of the side long and 70% as wide; of earth, 124 / 94 / 62, 148 / 112 /
    74 or 104 / 84 / 64, a lit ridge along them 25% lighter at 50%, grainy (12% over a smooth random field of 0.6% of
    the side, at least 0.5 px, and 15% of them darker grains at 35%), casting a soft shadow at 45%."""
    h, w = f.shape[:2]
    side = min(h, w)
    earth = _pick(EARTHS, rng)
    wid = max(1.2, side * rng.uniform(0.03, 0.045))
    step = side * 0.02

    def walk(x, y, a, length):
        n = max(4, int(length / step))
        turns = np.convolve(rng.normal(0, 0.25, n + 4), np.ones(5) / 5, mode="same")[:n]
        ang = a + np.cumsum(turns)
        return np.stack([x + step * np.concatenate([[0], np.cumsum(np.cos(ang))[:-1]]),
                         y + step * np.concatenate([[0], np.cumsum(np.sin(ang))[:-1]])], axis=1)

    tubes, ridges = [], []
    for _ in range(int(rng.integers(2, 4))):
        e = int(rng.integers(4))
        t = rng.uniform(0.1, 0.9)
        x, y = [(t * w, 0.0), (w, t * h), (t * w, h), (0.0, t * h)][e]
        a = [np.pi / 2, np.pi, -np.pi / 2, 0.0][e] + rng.uniform(-0.7, 0.7)
        paths = [(walk(x, y, a, side * rng.uniform(0.6, 1.1)), wid)]
        for _ in range(int(rng.integers(1, 3))):
            p = paths[0][0]
            k = int(len(p) * rng.uniform(0.25, 0.75))
            da = rng.choice([-1.0, 1.0]) * rng.uniform(0.6, 1.2)
            heading = np.arctan2(*(p[min(k + 1, len(p) - 1)] - p[max(k - 1, 0)])[::-1])
            paths.append((walk(p[k][0], p[k][1], heading + da, side * rng.uniform(0.2, 0.4)), 0.7 * wid))
        for p, wd in paths:
            half = 0.5 * wd * np.clip(1 + 0.15 * np.convolve(rng.normal(0, 1, len(p) + 4), np.ones(5) / 5,
                                                              mode="same")[:len(p)], 0.7, 1.3)
            tubes.append(_tube(p, half))
            ridges.append(_tube(p - 0.2 * wd, 0.18 * wd * np.ones(len(p))))
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    m = ident.fill(tubes)
    out = _laid(f, [(m, earth, 1.0, True), (ident.fill(ridges) * m, np.minimum(earth * 1.25, 255), 0.5, False)], 0.45)
    out = out * (1 + 0.12 * _field((h, w), max(0.5, 0.006 * side), rng) * m)[..., None]
    return _u8(_paint(out, m * (rng.random((h, w)) < 0.15) * 0.35, earth * 0.6))


def near_edit_ag(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "spark_plug":  # a spark plug lying on the print
        return _spark_plug(f, rng)
    if kind == "syringe":  # a syringe lying on the print
        return _syringe(f, rng)
    if kind == "steam_iron":  # a steam iron lying on the print
        return _steam_iron(f, rng)
    if kind == "american_football":  # an American football lying on the print
        return _american_football(f, rng)
    if kind == "quartz_point":  # a quartz crystal point lying on the print
        return _quartz_point(f, rng)
    if kind == "bird_strike":  # the dust a bird left on the window in front of the print
        return _bird_strike(f, rng)
    if kind == "rgb_spotlights":  # the print lit by red, green and blue spotlights overlapping
        return _rgb_spotlights(f, rng)
    if kind == "termite_tubes":  # termites' mud tubes built across the print
        return _termite_tubes(f, rng)
    raise ValueError(kind)


# -- blurs -----------------------------------------------------------------------------------
GLASS_TINTS = ((0.95, 1.0, 0.96), (0.97, 1.0, 0.99), (1.0, 0.98, 0.94))


def _fused_glass(f: np.ndarray, rng) -> np.ndarray:
    """The picture laid in powdered coloured glass on a sheet of clear glass and fused in a kiln: the powder laid
    thicker and thinner by 8% over a smooth random field of 3% of the side, at least 1 px; melted and flowed
    together, a Gaussian of 2.6-3.8% of the side, at least 1.2 px; its colours deepened in the firing, 15% more
    saturated and 5% darker; the fused grains' mottle 3.5% over a smooth random field of 1.2% of the side, at
    least 0.8 px; the base glass's tint, 0.95 / 1.0 / 0.96, 0.97 / 1.0 / 0.99 or 1.0 / 0.98 / 0.94; ``max(3, 0.04%
    of the pixels)`` trapped bubbles, discs of radius 0.5-0.9% of the side, at least 0.45 px, white at 15%; a gloss
    of up to 8-14 levels from a corner; as a camera metering on the highlights exposes it."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    s = max(1.2, side * rng.uniform(0.026, 0.038))
    laid = f * (1 + 0.08 * _field((h, w), max(1.0, side * 0.03), rng))[..., None]
    melt = np.stack([gaussian_filter(laid[..., c], s, mode="reflect") for c in range(3)], axis=2)
    grey = melt.mean(axis=2, keepdims=True)
    melt = (grey + 1.15 * (melt - grey)) * 0.95
    out = melt * (1 + 0.035 * _field((h, w), max(0.8, side * 0.012), rng))[..., None] * \
        np.asarray(GLASS_TINTS[int(rng.integers(len(GLASS_TINTS)))], np.float32)
    n = max(3, int(0.0004 * h * w))
    bx, by = rng.uniform(0, w, n), rng.uniform(0, h, n)
    br = np.maximum(0.45, side * rng.uniform(0.005, 0.009, n))
    bubbles = _drawn((h, w), lambda d, k: [d.ellipse(((x - r) * k, (y - r) * k, (x + r) * k, (y + r) * k), fill=255)
                                           for x, y, r in zip(bx, by, br)])
    out = _paint(out, 0.15 * bubbles, (255, 255, 255))
    cx, cy = (0.0 if rng.random() < 0.5 else w), (0.0 if rng.random() < 0.5 else h)
    out = out + rng.uniform(8, 14) * np.clip(1 - np.hypot(xx - cx, yy - cy) / side, 0, 1)[..., None]
    return _u8(_metered(out, f))


IKAT_DYES = ((36, 46, 110), (150, 40, 40), (42, 36, 40))
WEFTS = ((236, 226, 204), (226, 214, 188), (240, 236, 226))


def _ikat(f: np.ndarray, rng) -> np.ndarray:
    """The picture woven as a warp ikat: the warp threads tied and dyed with the picture's darkness, ``1 - lum`` (the
    grey stretched between its own 2nd and 98th percentiles), before they were set on the loom, vertical or
    horizontal, threads 1.2-1.6% of the side apart, at least 1 px; on the loom each thread slipped along its length
    by a drift shared with its neighbours, 2-3.5% of the side, smooth over 6 threads, and by its own 1.2-2%, so that
    the picture's edges feather across the warp; the dye wicked along the threads under the ties, a Gaussian of
    2.5-3.5% of the side, at least 1.2 px, and seeped across them, 1.2-1.8%, at least 0.8 px; indigo, madder red or
    black taking up to 90% of the light on a cream warp, 236 / 226 / 204, the undyed weft, 236 / 226 / 204, 226 / 214
    / 188 or 240 / 236 / 226, showing over 20-30% of the cloth; as a camera metering on the highlights exposes it."""
    from scipy.ndimage import gaussian_filter1d, map_coordinates

    h, w = f.shape[:2]
    side = min(h, w)
    dens = 1 - _stretched(f)
    across = rng.random() < 0.5  # the warp horizontal: worked on the picture turned
    if across:
        dens = dens.T
    H, W = dens.shape
    pitch = max(1.0, side * rng.uniform(0.012, 0.016))
    n = int(np.ceil(W / pitch)) + 1
    drift = gaussian_filter1d(rng.normal(0, 1, n), 6.0, mode="wrap")
    drift = drift / (drift.std() + 1e-9) * side * rng.uniform(0.02, 0.035)
    slip = drift + rng.normal(0, side * rng.uniform(0.012, 0.02), n)
    yy, xx = _pixels(H, W)
    moved = map_coordinates(dens, [yy - 0.5 - slip[(xx // pitch).astype(int)], xx - 0.5], order=1, mode="nearest")
    moved = gaussian_filter1d(moved, max(1.2, side * rng.uniform(0.025, 0.035)), axis=0, mode="reflect")
    moved = gaussian_filter1d(moved, max(0.8, side * rng.uniform(0.012, 0.018)), axis=1, mode="reflect")
    if across:
        moved = moved.T
    cream = np.array([236, 226, 204], np.float32)
    warp = cream * (1 - 0.9 * np.clip(moved, 0, 1)[..., None] * (1 - _pick(IKAT_DYES, rng) / 255))
    share = rng.uniform(0.2, 0.3)
    out = (1 - share) * warp + share * _pick(WEFTS, rng)
    return _u8(_metered(out, f))


def blur_ag(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "fused_glass":  # the picture laid in glass powder and fused in a kiln
        return _fused_glass(f, rng)
    if kind == "ikat":  # the picture dyed into the warp before weaving, the threads slipped on the loom
        return _ikat(f, rng)
    raise ValueError(kind)


# -- darkening -------------------------------------------------------------------------------
MIST_LEDS = ((170, 90, 255), (70, 130, 255), (70, 230, 140), (255, 170, 60), (255, 80, 90), (60, 220, 230))
DIFFUSERS = ((150, 112, 74), (222, 220, 214), (70, 60, 52))


def _aroma_diffuser(f: np.ndarray, rng) -> np.ndarray:
    """A dark room lit only by an ultrasonic aroma diffuser standing in the picture, its mist lit from inside: a dome
    18-24% of the side wide below 48 px, 12-16% above, at least 6 px, and 80% of that high, standing 2-6% of the side
    above the bottom edge 20-80% of the way across, in wood-grain, white or dark plastic lit only by the LED band round
    its foot (10% of its height, in the LED's colour) and by 12% of its own colour; the mist rising from its top
    35-60% of the side, wavering by 3-7% of the side and drifting by up to 10%, 4% of the side wide at the nozzle
    widening to 14-20%, soft over 1.5% of the side, at least 0.6 px, thinning as ``(1 - t) ** 0.8`` over its height
    ``t`` and wispy (30% over a smooth random field of 3% of the side), lit up to 150-210 levels in the LED's colour,
    violet, blue, green, amber, red or cyan; a glow of sigma 5-8% of the side up to 25-40 levels; the picture lit at
    a gain of 0.02-0.035 plus 0.25-0.35 falling off as ``1 / (1 + (d / d0) ** 2)`` from the mist's foot, ``d0`` 25-40%
    of the side, in the LED's colour; noise sigma 1.2 levels."""
    from scipy.ndimage import gaussian_filter

    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    W = max(6.0, side * (rng.uniform(0.18, 0.24) if side < 48 else rng.uniform(0.12, 0.16)))
    H = 0.8 * W
    cx, foot = w * rng.uniform(0.2, 0.8), h - side * rng.uniform(0.02, 0.06)
    top = foot - H
    led = _pick(MIST_LEDS, rng)
    tint = led / led.max()
    rise = side * rng.uniform(0.35, 0.6)
    t = np.linspace(0, 1, 24)
    amp, ph, k = side * rng.uniform(0.03, 0.07), rng.uniform(0, 2 * np.pi), rng.uniform(0.6, 1.2)
    path = np.stack([cx + amp * t * np.sin(2 * np.pi * k * t + ph) + side * rng.uniform(-0.1, 0.1) * t ** 1.5,
                     top + 0.02 * side - (rise + 0.02 * side) * t], axis=1)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    plume = ident.fill([_tube(path, side * (0.02 + rng.uniform(0.05, 0.08) * t))])
    plume = gaussian_filter(plume, max(0.6, 0.015 * side))
    tt = np.clip((top - yy) / rise, 0, 1)
    mist = plume * (1 - tt) ** 0.8 * np.clip(1 + 0.3 * _field((h, w), max(1.0, 0.03 * side), rng), 0.4, 1.3)
    d = np.hypot(xx - cx, yy - top)
    gain = rng.uniform(0.02, 0.035) + rng.uniform(0.25, 0.35) / (1 + (d / (side * rng.uniform(0.25, 0.4))) ** 2)
    out = _lit(f, gain[..., None] * tint, rng)
    out = out + _glow(mist, max(0.8, side * rng.uniform(0.05, 0.08)))[..., None] * rng.uniform(25, 40) * tint
    out = out + np.clip(mist, 0, 1)[..., None] * rng.uniform(150, 210) * tint
    v = np.clip((foot - yy) / H, 0, 1)
    hw = 0.5 * W * np.sqrt(np.clip(1 - v ** 2, 0, 1)) * (1 - 0.3 * v)
    dome = np.clip(hw - np.abs(xx - cx) + 0.5, 0, 1) * np.clip(foot - yy + 0.5, 0, 1) * np.clip(yy - top + 0.5, 0, 1)
    body = _pick(DIFFUSERS, rng) * 0.12
    out = _paint(out, dome, body)
    return _u8(_paint(out, dome * (v < 0.1), led * 0.8))


STAR_PAPERS = ((1.0, 0.85, 0.6), (1.0, 0.6, 0.45), (1.0, 0.92, 0.55))


def _paper_star(f: np.ndarray, rng) -> np.ndarray:
    """A dark room at night lit only by a paper star lantern hanging in the picture: a star of 6-8 points, of radius
    16-22% of the side below 48 px, 11-15% above, at least 5 px, its inner corners at 45% of that, at any turn, its
    middle 25-75% of the way across and 25-42% down, hung on a dark cord from the top edge; its paper glowing warm
    white, red or yellow, from 255 / 236 / 200 of that at the middle (the bulb) to 200 / 130 / 70 at the tips, each
    point's fold a darker line at 30%; a glow of sigma 6-9% of the side up to 35-50 levels; the picture lit at a
    gain of 0.02-0.035 plus 0.25-0.35 falling off as ``1 / (1 + (d / d0) ** 2)`` from the star's middle, ``d0``
    30-45% of the side, in a warm light, 1.0 / 0.78 / 0.5; noise sigma 1.2 levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    R = max(5.0, side * (rng.uniform(0.16, 0.22) if side < 48 else rng.uniform(0.11, 0.15)))
    k = int(rng.integers(6, 9))
    cx, cy = w * rng.uniform(0.25, 0.75), h * rng.uniform(0.25, 0.42)
    rot = rng.uniform(0, 2 * np.pi / k)
    angs = rot + np.pi * np.arange(2 * k) / k
    radii = np.where(np.arange(2 * k) % 2 == 0, R, 0.45 * R)
    pts = [(float(cx + r * np.cos(a)), float(cy + r * np.sin(a))) for a, r in zip(angs, radii)]
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    star = ident.fill([pts])
    folds = ident.line([[(cx, cy), p] for p in pts[::2]], max(0.35, 0.02 * R)) * star
    paper = np.asarray(STAR_PAPERS[int(rng.integers(len(STAR_PAPERS)))], np.float32)
    warm = np.array([1.0, 0.78, 0.5], np.float32)
    d = np.hypot(xx - cx, yy - cy)
    gain = rng.uniform(0.02, 0.035) + rng.uniform(0.25, 0.35) / (1 + (d / (side * rng.uniform(0.3, 0.45))) ** 2)
    out = _lit(f, gain[..., None] * warm, rng)
    out = out + _glow(star, max(0.8, side * rng.uniform(0.06, 0.09)))[..., None] * rng.uniform(35, 50) * warm
    top = min(y for _, y in pts)
    out = _paint(out, ident.line([[(cx, 0.0), (cx, top + 0.5)]], max(0.4, 0.006 * side)), (34, 28, 22))
    mid = np.clip(1 - d / R, 0, 1)[..., None]
    col = (np.array([200, 130, 70], np.float32) * (1 - mid) + np.array([255, 236, 200], np.float32) * mid) * paper
    out = out * (1 - star[..., None]) + col * star[..., None]
    return _u8(_paint(out, 0.3 * folds, col * 0.6))


def _valve_amp(f: np.ndarray, rng) -> np.ndarray:
    """A dark room lit only by the glowing valves of a valve amplifier standing in the picture: a dark chassis, 16 /
    16 / 18, from 8-25% to 75-92% of the way across and from 82-88% of the way down to the bottom edge, its top edge
    catching the glow at 35%; 3 valves on it below 48 px, 4-5 above, evenly spaced, 9-11% of the side wide below 48
    px, 5.5-7% above, at least 2.5 px (at most 70% of their spacing), 22-28% of the side high below 48 px, 14-20%
    above, each a dim glass envelope with a rounded top, 26 / 22 / 20, a silvered getter over its top 15%, a heater
    glowing orange, 255 / 130 / 40, a third of its width wide over 15-75% of its height from its foot, with a hot core,
    255 / 210 / 140, a sixth of its width wide, and a highlight down the glass at 30%; a glow of sigma 4-7% of the side
    up to 40-60 levels; the picture lit at a gain of 0.015-0.03 plus 0.25-0.38 falling off as ``1 / (1 + (d / d0) **
    2)`` from the row of valves, ``d0`` 25-40% of the side, in their orange, 1.0 / 0.55 / 0.22; noise sigma 1.2
    levels."""
    h, w = f.shape[:2]
    side = min(h, w)
    yy, xx = _pixels(h, w)
    n = 3 if side < 48 else int(rng.integers(4, 6))
    x0, x1 = w * rng.uniform(0.08, 0.25), w * rng.uniform(0.75, 0.92)
    yc = h * rng.uniform(0.82, 0.88)
    gap = (x1 - x0) / (n + 1)
    vw = min(0.7 * gap, max(2.5, side * (rng.uniform(0.09, 0.11) if side < 48 else rng.uniform(0.055, 0.07))))
    vh = side * (rng.uniform(0.22, 0.28) if side < 48 else rng.uniform(0.14, 0.2))
    xs = x0 + gap * (np.arange(n) + 1)
    ident = _Frame((h, w), 0.0, 0.0, 0.0)
    glass = ident.fill([_rect(x - vw / 2, yc - vh + vw / 2, x + vw / 2, yc) for x in xs]
                       + [_ellipse(x, yc - vh + vw / 2, vw / 2, vw / 2, 0.0, 16) for x in xs])
    getter = glass * (yy < yc - 0.85 * vh)
    heater = ident.fill([_rect(x - vw / 6, yc - 0.75 * vh, x + vw / 6, yc - 0.15 * vh) for x in xs])
    core = ident.fill([_rect(x - vw / 12, yc - 0.7 * vh, x + vw / 12, yc - 0.2 * vh) for x in xs])
    shine = ident.line([[(x - 0.3 * vw, yc - 0.8 * vh), (x - 0.3 * vw, yc - 0.1 * vh)] for x in xs],
                       max(0.35, 0.08 * vw)) * glass
    chassis = ident.fill([_rect(x0, yc, x1, h + 1)])
    orange = np.array([1.0, 0.55, 0.22], np.float32)
    d = np.hypot(xx - xs.mean(), yy - (yc - 0.45 * vh))
    gain = rng.uniform(0.015, 0.03) + rng.uniform(0.25, 0.38) / (1 + (d / (side * rng.uniform(0.25, 0.4))) ** 2)
    out = _lit(f, gain[..., None] * orange, rng)
    out = out + _glow(heater, max(0.8, side * rng.uniform(0.04, 0.07)))[..., None] * rng.uniform(40, 60) * orange
    edge = ident.line([[(x0, yc), (x1, yc)]], max(0.4, 0.006 * side))
    out = _paint(_paint(out, chassis, (16, 16, 18)), 0.35 * edge, (255, 140, 60))
    out = _paint(_paint(out, glass, (26, 22, 20)), getter, (70, 70, 76))
    out = _paint(_paint(out, 0.3 * shine, (255, 160, 80)), heater, (255, 130, 40))
    return _u8(_paint(out, core, (255, 210, 140)))


def dark_ag(a: np.ndarray, kind: str, rng) -> np.ndarray:
    f = a.astype(np.float32)
    if kind == "aroma_diffuser":  # a dark room lit only by an aroma diffuser's lit mist
        return _aroma_diffuser(f, rng)
    if kind == "paper_star":  # a dark room lit only by a paper star lantern
        return _paper_star(f, rng)
    if kind == "valve_amp":  # a dark room lit only by a valve amplifier's glowing valves
        return _valve_amp(f, rng)
    raise ValueError(kind)


# -- outliers --------------------------------------------------------------------------------
def _lunar_landing(size: int, rng) -> dict:
    """A lunar landing: a grey plain from a horizon 52-62% of the way down, bowed by 2% of the side; 5-9 craters on it,
    ellipses 32% as high as wide, 6-20% of the side wide and larger nearer, each a light rim round a shadowed hollow
    80% of its size; the Earth in the black sky, a disc of radius 6-9% of the side 10-25% down, half of it lit; a
    lander standing on the plain 74-86% down, its descent stage a chamfered box 22-30% of the side wide and 45% of
    that high, on four splayed legs with footpads, its ascent stage an angular cabin 70% as wide on top with a dark
    window; its long shadow on the plain to one side, 15-30% of the side long (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("ground", "craters", "rims", "earth", "earth_lit", "shadow", "legs", "descent", "ascent", "window"),
                big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    gy = big * rng.uniform(0.52, 0.62)
    d["ground"].polygon([(x, gy + big * 0.02 * (2 * x / big - 1) ** 2 + big * 0.004 * np.sin(x / big * 23))
                         for x in np.linspace(0, big, 24)] + [(big, big), (0, big)], fill=255)
    for _ in range(int(rng.integers(5, 10))):
        y = rng.uniform(gy + 0.05 * big, 0.98 * big)
        cw = big * rng.uniform(0.06, 0.2) * (0.5 + (y - gy) / (big - gy))
        x = rng.uniform(0, big)
        d["rims"].ellipse((x - cw / 2, y - 0.16 * cw, x + cw / 2, y + 0.16 * cw), fill=255)
        d["rims"].ellipse((x - 0.4 * cw, y - 0.12 * cw, x + 0.4 * cw, y + 0.13 * cw), fill=0)
        d["craters"].ellipse((x - 0.4 * cw, y - 0.12 * cw, x + 0.4 * cw, y + 0.13 * cw), fill=255)
    ex, ey, er = big * rng.uniform(0.15, 0.85), big * rng.uniform(0.1, 0.25), big * rng.uniform(0.06, 0.09)
    d["earth"].ellipse((ex - er, ey - er, ex + er, ey + er), fill=255)
    a0 = rng.uniform(0, 360)
    d["earth_lit"].chord((ex - er, ey - er, ex + er, ey + er), a0, a0 + 180, fill=255)
    lx, fy = big * rng.uniform(0.3, 0.7), big * rng.uniform(0.74, 0.86)
    dw = big * rng.uniform(0.22, 0.3)
    dh = 0.45 * dw
    bot = fy - 0.25 * dw
    c = 0.12 * dw
    d["descent"].polygon([(lx - dw / 2 + c, bot - dh), (lx + dw / 2 - c, bot - dh), (lx + dw / 2, bot - dh + c),
                          (lx + dw / 2, bot - c), (lx + dw / 2 - c, bot), (lx - dw / 2 + c, bot), (lx - dw / 2, bot - c),
                          (lx - dw / 2, bot - dh + c)], fill=255)
    top = bot - dh
    d["ascent"].polygon([(lx - 0.35 * dw, top), (lx - 0.3 * dw, top - 0.35 * dw), (lx - 0.1 * dw, top - 0.5 * dw),
                         (lx + 0.25 * dw, top - 0.45 * dw), (lx + 0.35 * dw, top - 0.2 * dw), (lx + 0.35 * dw, top)],
                        fill=255)
    d["window"].polygon([(lx - 0.24 * dw, top - 0.2 * dw), (lx - 0.12 * dw, top - 0.36 * dw),
                         (lx - 0.04 * dw, top - 0.2 * dw)], fill=255)
    lw = max(1, round(0.02 * dw))
    for s, reach, dy in ((-1, 0.78, 0.0), (1, 0.78, 0.0), (-1, 0.3, 0.03), (1, 0.3, 0.03)):
        foot = (lx + s * reach * dw, fy + dy * big)
        d["legs"].line([(lx + s * 0.4 * dw, bot - 0.3 * dh), foot], fill=255, width=lw)
        d["legs"].ellipse((foot[0] - 0.07 * dw, foot[1] - 0.025 * dw, foot[0] + 0.07 * dw, foot[1] + 0.025 * dw),
                          fill=255)
    sgn, sl = rng.choice([-1.0, 1.0]), big * rng.uniform(0.15, 0.3)
    d["shadow"].polygon([(lx - 0.6 * dw, fy), (lx + 0.6 * dw, fy), (lx + 0.6 * dw + sgn * sl, fy + 0.03 * big),
                         (lx - 0.6 * dw + sgn * sl, fy + 0.03 * big)], fill=255)
    return {k: _down(v, size) for k, v in M.items()}


def _arch_dam(size: int, rng) -> dict:
    """A concrete arch dam seen from downstream: far hills from 14-24% of the way down, 5-10% of the side high; the
    reservoir's water from their foot; the dam's crest across the valley from 12-22% to 78-88% of the way across,
    32-42% down, bowed down by 3-6% of the side in the middle, with a road along it; its face narrowing down the
    gorge to 12-20% of the side wide at 78-88% down, horizontal lift lines across it every 6-9% of its height; the two
    hillsides flanking it from the edges, 4-7 dark rocks on them; the river leaving the gorge's foot, widening to the
    bottom edge (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("far", "water", "hills", "rocks", "face", "lifts", "crest", "river"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    fy = big * rng.uniform(0.14, 0.24)
    fh = big * rng.uniform(0.05, 0.1)
    ph = rng.uniform(0, 6.3)
    d["far"].polygon([(x, fy - fh * (0.5 + 0.5 * np.sin(x / big * 7 + ph))) for x in np.linspace(0, big, 20)]
                     + [(big, fy), (0, fy)], fill=255)
    d["water"].rectangle((0, fy, big, big * 0.7), fill=255)
    xl, xr = big * rng.uniform(0.12, 0.22), big * rng.uniform(0.78, 0.88)
    cy, bow = big * rng.uniform(0.32, 0.42), big * rng.uniform(0.03, 0.06)
    gx, gw, gb = (xl + xr) / 2 + big * rng.uniform(-0.05, 0.05), big * rng.uniform(0.12, 0.2), big * rng.uniform(0.78, 0.88)
    xs = np.linspace(xl, xr, 24)
    crest = [(x, cy + bow * (1 - ((x - (xl + xr) / 2) / ((xr - xl) / 2)) ** 2)) for x in xs]
    d["face"].polygon(crest + [(gx + gw / 2, gb), (gx - gw / 2, gb)], fill=255)
    step = (gb - cy) * rng.uniform(0.06, 0.09)
    for y in np.arange(cy + step, gb, step):
        u = (y - cy) / (gb - cy)
        a, b = xl + (gx - gw / 2 - xl) * u, xr + (gx + gw / 2 - xr) * u
        d["lifts"].line([(x, y + bow * (1 - u) * (1 - ((x - (a + b) / 2) / ((b - a) / 2 + 1e-6)) ** 2))
                         for x in np.linspace(a, b, 16)], fill=255, width=max(1, round(0.006 * big)))
    d["crest"].line(crest, fill=255, width=max(1, round(0.02 * big)))
    d["hills"].polygon([(0, fy + 0.04 * big), (xl + 0.03 * big, cy - 0.05 * big), (xl, cy),
                        (gx - gw / 2, gb), (gx - gw / 2 - 0.02 * big, big), (0, big)], fill=255)
    d["hills"].polygon([(big, fy + 0.06 * big), (xr - 0.03 * big, cy - 0.05 * big), (xr, cy),
                        (gx + gw / 2, gb), (gx + gw / 2 + 0.02 * big, big), (big, big)], fill=255)
    for _ in range(int(rng.integers(4, 8))):
        s = rng.choice([-1.0, 1.0])
        x = big / 2 + s * big * rng.uniform(0.3, 0.48)
        y = rng.uniform(cy, 0.95 * big)
        r = big * rng.uniform(0.015, 0.035)
        d["rocks"].ellipse((x - r, y - 0.6 * r, x + r, y + 0.6 * r), fill=255)
    d["river"].polygon([(gx - gw / 2, gb), (gx + gw / 2, gb), (gx + 0.8 * gw, big), (gx - 0.8 * gw, big)], fill=255)
    return {k: _down(v, size) for k, v in M.items()}


def _corridor(size: int, rng) -> dict:
    """A long hotel corridor in one-point perspective: its far wall 14-22% of the side wide and 1.2-1.4 times that
    high round a vanishing point 42-58% of the way across and 42-55% down, with a bright window in its middle half;
    the ceiling, the two walls and the carpeted floor from the frame's edges to it; 2-4 doors on each wall, 72% of
    the wall's height, at depths spaced as perspective spaces them, with light frames; 4-5 ceiling lights along the
    middle of the ceiling; a runner down the middle of the floor 44% of its width (0-1 coverage each)."""
    big = 4 * size
    M = _canvas(("ceiling", "lwall", "rwall", "floor", "far", "farwin", "doors", "frames", "lights", "runner"), big)
    d = {k: ImageDraw.Draw(v) for k, v in M.items()}
    vx, vy = big * rng.uniform(0.42, 0.58), big * rng.uniform(0.42, 0.55)
    fw = big * rng.uniform(0.14, 0.22)
    fh = fw * rng.uniform(1.2, 1.4)
    fx0, fx1, fy0, fy1 = vx - fw / 2, vx + fw / 2, vy - 0.55 * fh, vy + 0.45 * fh
    d["ceiling"].polygon([(0, 0), (big, 0), (fx1, fy0), (fx0, fy0)], fill=255)
    d["lwall"].polygon([(0, 0), (fx0, fy0), (fx0, fy1), (0, big)], fill=255)
    d["rwall"].polygon([(big, 0), (fx1, fy0), (fx1, fy1), (big, big)], fill=255)
    d["floor"].polygon([(0, big), (big, big), (fx1, fy1), (fx0, fy1)], fill=255)
    d["far"].rectangle((fx0, fy0, fx1, fy1), fill=255)
    d["farwin"].rectangle((vx - fw / 4, fy0 + 0.2 * fh, vx + fw / 4, fy0 + 0.6 * fh), fill=255)
    X0 = lambda u: fx0 * u  # noqa: E731  (a cross-section of the corridor at depth u, 0 near, 1 at the far wall)
    X1 = lambda u: big + (fx1 - big) * u  # noqa: E731
    Y0 = lambda u: fy0 * u  # noqa: E731
    Y1 = lambda u: big + (fy1 - big) * u  # noqa: E731
    lw = max(1, round(0.008 * big))
    for X in (X0, X1):
        for ua in sorted(rng.choice([0.1, 0.38, 0.58, 0.72, 0.82], int(rng.integers(2, 5)), replace=False)):
            ua = ua + rng.uniform(-0.03, 0.03)
            ub = ua + 0.16 * (1 - ua)
            top = lambda u: Y1(u) - 0.72 * (Y1(u) - Y0(u))  # noqa: E731
            quad = [(X(ua), top(ua)), (X(ub), top(ub)), (X(ub), Y1(ub)), (X(ua), Y1(ua))]
            d["doors"].polygon(quad, fill=255)
            d["frames"].line(quad + [quad[0]], fill=255, width=lw)
    for u in (0.08, 0.32, 0.52, 0.66, 0.76)[: int(rng.integers(4, 6))]:
        u2 = u + 0.05 * (1 - u)
        c = lambda v: (X0(v) + X1(v)) / 2  # noqa: E731
        hw = lambda v: 0.08 * (X1(v) - X0(v))  # noqa: E731
        d["lights"].polygon([(c(u) - hw(u), Y0(u)), (c(u) + hw(u), Y0(u)), (c(u2) + hw(u2), Y0(u2)),
                             (c(u2) - hw(u2), Y0(u2))], fill=255)
    d["runner"].polygon([(big / 2 - 0.22 * big, big), (big / 2 + 0.22 * big, big), (vx + 0.22 * fw, fy1),
                         (vx - 0.22 * fw, fy1)], fill=255)
    return {k: _down(v, size) for k, v in M.items()}


GROUNDS_MOON = ((126, 124, 120), (150, 146, 140), (110, 108, 104))
SKIES_AG = ((150, 196, 236), (190, 206, 226), (170, 206, 240))
HILLS_AG = ((110, 120, 70), (130, 112, 80), (100, 100, 90))
WALLS_AG = ((196, 170, 120), (150, 170, 140), (170, 70, 56), (204, 200, 190))
CARPETS = ((120, 30, 40), (40, 60, 110), (50, 90, 60))
DOORS_AG = ((110, 72, 44), (70, 50, 40), (228, 228, 222))


def outlier_ag(name: str, kind: str, size: int, lo: int, hi: int, rng) -> np.ndarray:
    photos = name.startswith("photos")
    ground = lambda col: np.ones((size, size, 3), np.float32) * np.asarray(col, np.float32)  # noqa: E731
    tone = lambda t: [lo + (hi - lo) * t] * 3  # noqa: E731
    if kind == "lunar_landing":
        m = _lunar_landing(size, rng)
        if photos:  # a gold and silver lander on a grey cratered plain under a black sky with a blue Earth
            g = _pick(GROUNDS_MOON, rng)
            out = _paint(_paint(ground((6, 6, 10)), m["earth"], (28, 44, 84)), m["earth_lit"] * m["earth"],
                         (90, 146, 224))
            out = _paint(_paint(out, m["ground"], g), m["rims"] * m["ground"], np.minimum(g * 1.3, 255))
            out = _paint(_paint(out, m["craters"] * m["ground"], g * 0.45), m["shadow"], g * 0.3)
            out = _paint(_paint(out, m["legs"], (206, 206, 200)), m["descent"], (214, 168, 70))
            return _u8(_paint(_paint(out, m["ascent"], (178, 178, 174)), m["window"], (30, 34, 40)))
        out = _paint(_paint(ground([lo] * 3), m["earth"], tone(0.3)), m["earth_lit"] * m["earth"], tone(0.9))
        out = _paint(_paint(out, m["ground"], tone(0.45)), m["rims"] * m["ground"], tone(0.65))
        out = _paint(_paint(out, m["craters"] * m["ground"], tone(0.2)), m["shadow"], tone(0.12))
        out = _paint(_paint(out, m["legs"], tone(0.95)), m["descent"], tone(0.85))
        return _u8(_paint(_paint(out, m["ascent"], tone(0.7)), m["window"], tone(0.15)))
    if kind == "arch_dam":
        m = _arch_dam(size, rng)
        if photos:  # a pale concrete dam between green-brown hillsides, a blue reservoir behind it under a blue sky
            hills = _pick(HILLS_AG, rng)
            out = _paint(_paint(ground(_pick(SKIES_AG, rng)), m["far"], (96, 114, 124)), m["water"], (44, 84, 132))
            out = _paint(_paint(out, m["hills"], hills), m["rocks"] * m["hills"], hills * 0.55)
            out = _paint(_paint(out, m["face"], (198, 196, 188)), m["lifts"] * m["face"], (160, 158, 150))
            return _u8(_paint(_paint(out, m["crest"], (92, 92, 96)), m["river"], (60, 110, 120)))
        out = _paint(_paint(ground([lo] * 3), m["far"], tone(0.25)), m["water"], tone(0.5))
        out = _paint(_paint(out, m["hills"], tone(0.35)), m["rocks"] * m["hills"], tone(0.12))
        out = _paint(_paint(out, m["face"], tone(0.9)), m["lifts"] * m["face"], tone(0.68))
        return _u8(_paint(_paint(out, m["crest"], tone(0.55)), m["river"], tone(0.6)))
    if kind == "corridor":
        m = _corridor(size, rng)
        if photos:  # a cream ceiling, painted walls, a red, blue or green carpet, wooden or white doors, lit lamps
            wall, carpet = _pick(WALLS_AG, rng), _pick(CARPETS, rng)
            out = _paint(_paint(ground((232, 228, 216)), m["lwall"], wall * 0.92), m["rwall"], wall * 0.76)
            out = _paint(_paint(out, m["floor"], carpet), m["far"], wall * 0.84)
            out = _paint(_paint(out, m["farwin"], (210, 226, 242)), m["doors"], _pick(DOORS_AG, rng))
            out = _paint(_paint(out, m["frames"], (238, 234, 224)), m["lights"], (255, 250, 232))
            return _u8(_paint(out, m["runner"] * m["floor"], np.minimum(carpet * 0.55 + 60, 255)))
        out = _paint(_paint(ground(tone(0.78)), m["lwall"], tone(0.55)), m["rwall"], tone(0.45))
        out = _paint(_paint(out, m["floor"], tone(0.28)), m["far"], tone(0.5))
        out = _paint(_paint(out, m["farwin"], tone(1.0)), m["doors"], tone(0.15))
        out = _paint(_paint(out, m["frames"], tone(0.85)), m["lights"], tone(1.0))
        return _u8(_paint(out, m["runner"] * m["floor"], tone(0.08)))
    raise ValueError(kind)


# -- label noise -----------------------------------------------------------------------------
def lasso_flips(base: list[np.ndarray], labels: list, classes: list, candidates: list, count: int,
                rng) -> dict[int, object]:
    """``count`` examples to flip and their new labels: part of the set was labelled in a labelling tool's 2-D map of
    the pictures, the first two principal components of their 8 x 8 grey thumbnails (standardised) over the whole set,
    by drawing a lasso round each class's crowd of points, class after class in a random order, and giving every
    picture inside it that class (a later lasso overriding an earlier one); each lasso an ellipse round its class's
    mean point, the class's own spread in the map shrunk towards the pooled spread of all classes by ``SHRINK``
    pictures' worth, ``r`` spreads across, ``r`` the smallest of ``LASSO_RADII`` at which the eligible pictures so
    given another class than their own are at least twice the flips needed (all of them at the largest); the flips are
    drawn uniformly among those, each given the class of the last lasso round it."""
    lab = np.asarray([classes.index(v) for v in labels])
    t_all = _thumbs(base)
    c = t_all - t_all.mean(axis=0)
    P = c @ np.linalg.svd(c, full_matrices=False)[2][:2].T
    cand = np.asarray(candidates, dtype=int)
    present = sorted(set(lab.tolist()))
    means = {k: P[lab == k].mean(axis=0) for k in present}
    resid = np.concatenate([P[lab == k] - means[k] for k in present])
    pooled = resid.T @ resid / max(len(resid) - len(present), 1)
    inv = {}
    for k in present:
        r = P[lab == k] - means[k]
        own = r.T @ r / max(len(r) - 1, 1) if len(r) > 1 else np.zeros((2, 2))
        inv[k] = np.linalg.inv((len(r) * own + SHRINK * pooled) / (len(r) + SHRINK) + 1e-9 * np.eye(2))
    order = [present[i] for i in rng.permutation(len(present))]
    dist = np.stack([np.einsum("ij,jk,ik->i", P[cand] - means[k], inv[k], P[cand] - means[k]) for k in order], axis=1)
    for r in LASSO_RADII:
        inside = dist <= r * r
        last = np.where(inside.any(axis=1), len(order) - 1 - np.argmax(inside[:, ::-1], axis=1), -1)
        given = np.asarray([order[j] if j >= 0 else -1 for j in last])
        moved = np.flatnonzero((given >= 0) & (given != lab[cand]))
        if len(moved) >= 2 * count:
            break
    take = moved[rng.permutation(len(moved))[:count]]
    return {int(cand[j]): classes[int(given[j])] for j in sorted(take.tolist())}


# -- planting ------------------------------------------------------------------------------
def plant_issues_ag(images, labels, out_dir, *, name: str, random_state: int = 0) -> PlantedDataset:
    """Generator AG's problems (module docstring). A set whose name ends in ``_jpeg`` is written as JPEG files at a
    quality drawn from 64-86 each; the others as PNG. The planting is I's (:func:`_heldout_i.plant_generator`)."""
    return plant_generator(
        images, labels, out_dir, name=name, rates=RATES_AG, seed=330_000 + random_state,
        quality_seed=335_000 + random_state, jpeg_quality=JPEG_QUALITY,
        flips=lasso_flips,
        **by_family(name, outlier=(outlier_ag, OUTLIERS_AG), blur=(blur_ag, BLURS_AG), dark=(dark_ag, DARKS_AG),
                    near=(near_edit_ag, NEAR_EDITS_AG)))
