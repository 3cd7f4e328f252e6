"""Planted-issue detection benchmark: dataquality vs cleanlab Datalab + CleanVision.

Every image issue type is planted with ``dq.datasets.plant_issues`` into real data (sklearn
digits at 32 px, Fashion-MNIST at 28 px) with a fixed seed; then, on the same files:

(a) ``dq.audit`` (embeddings, out-of-fold probe, checks),
(b) cleanlab ``Datalab`` given the SAME embeddings and out-of-fold ``pred_probs`` as (a),
    restricted to the readable, labelled rows (Datalab cannot read files; unreadable and
    unlabelled rows count as not found by it),
(c) CleanVision ``Imagelab`` on the same image files.

Precision / recall / F1 per issue type per tool, wall time per tool and the speed ratio.
For the generators that plant through ``_heldout_i.plant_generator`` (I and after), also dataquality's found /
planted per family of near copy, blur, darkening and foreign picture, over all the sets run (``families.json``,
written beside each planted set's ``truth.json``).
Datalab's time is counted two ways: (1) the fair way, its own ``find_issues`` plus the time to
compute the embeddings and pred_probs it needs, measured in the same run by a plain loop a
Datalab user would write (PIL decode, the same model and size, batches of 64, the same K-fold
probe; no image statistics, which CleanVision computes and is timed for); (2) ``find_issues`` alone.

Held-out protocol (``--heldout``, ``benchmarks/_heldout.py``): the *tuning* sets (digits, Fashion-MNIST
train, problems planted by ``plant_issues``) are the only ones defaults were chosen on; the *evaluation*
sets (MNIST, Fashion-MNIST test, photograph tiles at 64 and 128 px, problems planted by a different
generator) are reported, and the targets are checked on them; so are generator D's fresh evaluation sets
for near duplicates and outliers (``benchmarks/_heldout_d.py``: MNIST, Fashion-MNIST test and 64 px
photographs with other edits and other foreign images; only those types are scored there), and generator E's
(``benchmarks/_heldout_e.py``, round 5: Fashion-MNIST test, MNIST and 96 px photographs; near copies, exact
copies, blurs, foreign pictures and label flips of new families; only those types are scored there), and generator
F's (``benchmarks/_heldout_f.py``, round 6: Fashion-MNIST test, MNIST and photographs at 80 and 112 px; the same
five types, again of new families, label flips between similar classes), and generator G's (``benchmarks/_heldout_g.py``,
after round 7: Fashion-MNIST test, MNIST and photographs at 72 and 144 px; those five types and ``dark``, again of
new families, label flips towards the three most frequent classes), and generator H's (``benchmarks/_heldout_h.py``,
after generator G: Fashion-MNIST test, MNIST and photographs at 88 and 120 px; the same six types, again of new
families, instance-dependent label flips to the label of a look-alike), and generator I's (``benchmarks/_heldout_i.py``,
after generator H: Fashion-MNIST test, MNIST and photographs at 104 px, as JPEG files, and 136 px; the same six
types, again of new families, label flips swapping fixed pairs of classes in one annotator's share), and generator
J's (``benchmarks/_heldout_j.py``, after generator I: Fashion-MNIST test, MNIST and photographs at 92 px and, as JPEG
files, at 152 px; the same six types, again of new families, most near copies edited in a part of the picture, label flips
on the faintest pictures), and generator K's (``benchmarks/_heldout_k.py``, after generator J and the block candidates
of the partial-match rule: Fashion-MNIST test, MNIST and photographs at 84 px and, as JPEG files, at 160 px; the same
six types, again of new families, most near copies edited in a part of the picture, label flips from the two largest
classes), and generator L's (``benchmarks/_heldout_l.py``, after generator K, the block candidates on the 0-255 scale
and the mirror comparisons: Fashion-MNIST test, MNIST and photographs at 100 px and, as JPEG files, at 132 px; the
same six types, again of new families, near copies edited in a part of the picture or as a whole, label flips from a
few-shot auto-labeller), and generator M's (``benchmarks/_heldout_m.py``, after generator L and the turned and flipped
comparisons: Fashion-MNIST test, MNIST and photographs at 108 px, as JPEG files, and at 140 px; the same six types,
again of new families, near copies edited in a part of the picture or as a whole, bulk-labelled flips), and generator
N's (``benchmarks/_heldout_n.py``, a further held-out measurement of the code M measured: Fashion-MNIST test, MNIST and
photographs at 116 px and, as JPEG files, at 148 px; the same six types, again of new families, near copies edited
in a part of the picture or as a whole, label flips from a labeller who labels whole clusters at once), and generator
O's (``benchmarks/_heldout_o.py``, after generator N's run, a held-out measurement of the code after it: Fashion-MNIST
test, MNIST and photographs at 124 px, as JPEG files, and at 156 px; the same six types, again of new families, near
copies edited in a part of the picture or as a whole, label flips from a labeller's hotkey slips), and generator
P's (``benchmarks/_heldout_p.py``, after generator O's run, a held-out measurement of the code after it: Fashion-MNIST
test, MNIST and photographs at 106 px, as JPEG files, and at 164 px; the same six types, again of new families, near
copies edited in a part of the picture or as a whole, label flips from a migration off an older class taxonomy), and
generator Q's (``benchmarks/_heldout_q.py``, after generator P's run, a held-out measurement of the code after it:
Fashion-MNIST test, MNIST and photographs at 110 px, as JPEG files, and at 172 px; the same six types, again of new
families, near copies edited in a part of the picture or as a whole, label flips from a labeller shown the pictures
upside down), and generator R's (``benchmarks/_heldout_r.py``, after generator Q's run, a held-out measurement of the
code after it: Fashion-MNIST test, MNIST and photographs at 118 px, as JPEG files, and at 168 px; the same six types,
again of new families, near copies edited in a part of the picture or as a whole, label flips from a labeller who
accepts the first class asked that the picture looks enough like), and generator S's (``benchmarks/_heldout_s.py``,
after generator R's run, a held-out measurement of the code after it: Fashion-MNIST test, MNIST and photographs at
114 px, as JPEG files, and at 176 px; the same six types, again of new families, near copies edited in a part of the
picture or as a whole, label flips from a labeller going by one shortcut cue, how light the picture is), and
generator T's (``benchmarks/_heldout_t.py``, after generator S's run, a held-out measurement of the code after it:
Fashion-MNIST test, MNIST and photographs at 126 px, as JPEG files, and at 180 px; the same six types, again of new
families, near copies edited in a part of the picture or as a whole, label flips from a class added to the labelling
guideline late), and generator U's (``benchmarks/_heldout_u.py``, after generator T's run, a held-out measurement of
the code after it: Fashion-MNIST test, MNIST and photographs at 122 px, as JPEG files, and at 184 px; the same six
types, again of new families, near copies edited in a part of the picture or as a whole, label flips from a block of
the labels file shifted by one row), and generator V's (``benchmarks/_heldout_v.py``, written after U and before
its run, a second held-out measurement of the same code: Fashion-MNIST test, MNIST and photographs at 130 px, as JPEG
files, and at 188 px; the same six types, again of new families, near copies edited in a part of the picture or as a
whole, label flips from find-all tasks that gave a hunted class to its look-alikes), and generator W's
(``benchmarks/_heldout_w.py``, written after V's run and before its own, a third held-out measurement of the same
code: Fashion-MNIST test, MNIST and photographs at 134 px, as JPEG files, and at 192 px; the same six types, again of
new families, near copies edited in a part of the picture or as a whole, label flips from a clean-up script that gave
examples their nearest neighbours' class), and generator X's (``benchmarks/_heldout_x.py``, written after W's run and
the changes that followed it, before its own run, a held-out measurement of the code after them: Fashion-MNIST test,
MNIST and photographs at 138 px, as JPEG files, and at 196 px; the same six types, again of new families, near copies
edited in a part of the picture or as a whole, label flips from a labeller who carried the class of a run on into the
next run of a queue sorted by similarity), and generator Y's (``benchmarks/_heldout_y.py``, written after X and before
its run, a held-out measurement of the code after it: Fashion-MNIST test, MNIST and photographs at 142 px, as JPEG
files, and at 200 px; the same six types, again of new families, near copies edited in a part of the picture or as a
whole, label flips from same-or-not answers joined by transitive closure), and generator Z's
(``benchmarks/_heldout_z.py``, written after Y and before its run, a held-out measurement of the code after it:
Fashion-MNIST test, MNIST and photographs at 146 px, as JPEG files, and at 204 px; the same six types, again of new
families, near copies edited in a part of the picture or as a whole, label flips from select-all grid tasks whose
clicks slipped onto a neighbouring thumbnail), and generator AA's (``benchmarks/_heldout_aa.py``, written after Z and
before its run, a held-out measurement of the code after it: Fashion-MNIST test, MNIST and photographs at 150 px, as
JPEG files, and at 208 px; the same six types, again of new families, near copies edited in a part of the picture or
as a whole, label flips from labellers trained on gold questions whose answer key held a wrong class), and generator
AB's (``benchmarks/_heldout_ab.py``, written after AA's run and before its own, a held-out measurement of the code
after it: Fashion-MNIST test, MNIST and photographs at 56 px, as JPEG files, and at 216 px; the same six types, again
of new families, near copies edited in a part of the picture or as a whole, label flips from two-choice pages served a
stale pair of choices), and generator AC's (``benchmarks/_heldout_ac.py``, written after AB's run and before its own, a
held-out measurement of the code after that run: Fashion-MNIST test, MNIST and photographs at 48 px, as JPEG files,
and at 240 px; the same six types, again of new families, near copies edited in a part of the picture or as a whole,
label flips from a script that wrote each picture's easiest negative class into the label column), and generator AD's
(``benchmarks/_heldout_ad.py``, written after AC's run and before its own, a held-out measurement of the code after
that run: Fashion-MNIST test, MNIST and photographs at 60 px, as JPEG files, and at 232 px; the same six types, again
of new families, near copies edited in a part of the picture or as a whole, label flips from a distillation teacher's
softened predictions sampled rather than taken at their argmax), and generator AE's (``benchmarks/_heldout_ae.py``,
written after AD's run and before its own, a held-out measurement of the code after that run: Fashion-MNIST test,
MNIST and photographs at 52 px, as JPEG files, and at 224 px; the same six types, again of new families, near copies
edited in a part of the picture or as a whole, label flips from a poisoning attack that flipped the most typical
examples of a few source classes into random target classes), and generator AF's (``benchmarks/_heldout_af.py``,
written after AE's run and before its own, a held-out measurement of the code after that run: Fashion-MNIST test,
MNIST and photographs at 44 px, as JPEG files, and at 248 px; the same six types, again of new families, near copies
edited in a part of the picture or as a whole, label flips from an aggregation script that stored the rounded mean of
two annotators' class numbers, the second of whom gave hard pictures their look-alike class), and generator AG's
(``benchmarks/_heldout_ag.py``, written after AF's run and before its own, a held-out measurement of the code after
that run: Fashion-MNIST test, MNIST and photographs at 40 px, as JPEG files, and at 256 px; the same six types, again
of new families, near copies edited in a part of the picture or as a whole, label flips from lassos drawn round each
class's crowd of points in a labelling tool's 2-D map of the pictures, a later lasso overriding an earlier one), and
generator AH's (``benchmarks/_heldout_ah.py``, written after AG's run and before its own, a held-out measurement of the
code after that run: Fashion-MNIST test, MNIST and photographs at 36 px, as JPEG files, and at 264 px; the same six
types, again of new families, near copies edited in a part of the picture or as a whole, label flips from a viewer
whose cross-fade stuck part way, each picture labelled as it looked over a ghost of the one shown before it), and
generator AI's (``benchmarks/_heldout_ai.py``, written after AH's run and before its own, a held-out measurement of the
code after that run: Fashion-MNIST test, MNIST and photographs at 46 px, as JPEG files, and at 280 px; the same six
types, again of new families, near copies edited in a part of the picture or as a whole, label flips that survived an
unfinished review of a vendor's random mistakes, the least likely ones restored first), and generator AJ's
(``benchmarks/_heldout_aj.py``, written after AI's run and before its own, a held-out measurement of the code after
that run: Fashion-MNIST test, MNIST and photographs at 54 px, as JPEG files, and at 272 px; the same six types, again
of new families, near copies edited in a part of the picture or as a whole, label flips mined from an image search's
click log, each clicked picture taking the query that got the most clicks on it, the top of each list clicked most),
and generator AK's (``benchmarks/_heldout_ak.py``, written after AJ's run and before its own, a held-out measurement of
the code after that run: Fashion-MNIST test, MNIST and photographs at 50 px, as JPEG files, and at 288 px; the same six
types, again of new families, near copies edited in a part of the picture or as a whole, label flips from a tool
worked with a remote whose highlight, left on the last answer, was taken where it stood when a hard picture's time ran
out), and generator AL's (``benchmarks/_heldout_al.py``, written after AK's run and before its own, a held-out
measurement of the code after that run: Fashion-MNIST test, MNIST and photographs at 42 px, as JPEG files, and at 296
px; the same six types, again of new families, near copies edited in a part of the picture or as a whole, label flips
from a tired labeller whose slips on hard pictures piled up towards the end of each stint between breaks), and
generator AM's (``benchmarks/_heldout_am.py``, written after AL's run and before its own, a held-out measurement of
the code after that run: Fashion-MNIST test, MNIST and photographs at 38 px, as JPEG files, and at 304 px; the same six
types, again of new families, near copies edited in a part of the picture or as a whole, label flips from a viewer
stuck zoomed in on each picture's middle, whose look-alike class the labeller gave), and generator AN's
(``benchmarks/_heldout_an.py``, written after AM's run and before its own, a held-out measurement of the code after
that run: Fashion-MNIST test, MNIST and photographs at 45 px, as JPEG files, and at 236 px; the same six types, again
of new families, near copies edited in a part of the picture or as a whole, label flips from a sorting line's air
jet that blew a card following another too closely into that one's bin), and generator AO's
(``benchmarks/_heldout_ao.py``, written after AN's run and before its own, a held-out measurement of the code after
that run: Fashion-MNIST test, MNIST and photographs at 41 px, as JPEG files, and at 244 px; the same six types, again
of new families, near copies edited in a part of the picture or as a whole, label flips from paper forms of contact
sheets keyed column by column into a list read row by row), and generator AP's
(``benchmarks/_heldout_ap.py``, written after AO's run and before its own, a held-out measurement of the code after
that run: Fashion-MNIST test, MNIST and photographs at 47 px, as JPEG files, and at 252 px; the same six types, again
of new families, near copies edited in a part of the picture or as a whole, label flips from a labelling tool's class
buttons re-sorted by use after every click while the labeller aimed by position), and generator AQ's
(``benchmarks/_heldout_aq.py``, written after AP's run and before its own, a held-out measurement of the code after
that run: Fashion-MNIST test, MNIST and photographs at 43 px, as JPEG files, and at 260 px; the same six types, again
of new families, near copies edited in a part of the picture or as a whole, label flips from a camera whose clock was
not moved for daylight saving, its pictures given the class of another session's time slot), and generator AR's
(``benchmarks/_heldout_ar.py``, written after AQ's run and before its own, a held-out measurement of the code after
that run: Fashion-MNIST test, MNIST and photographs at 49 px, as JPEG files, and at 268 px; the same six types, again
of new families, near copies edited in a part of the picture or as a whole, label flips from field photographs
labelled by the nearest class station to each GPS fix, a session's fixes thrown off by multipath), and generator
AS's (``benchmarks/_heldout_as.py``, written after AR's run and before its own, a held-out measurement of the code
after that run: Fashion-MNIST test, MNIST and photographs at 51 px, as JPEG files, and at 276 px; the same six types,
again of new families, near copies edited in a part of the picture or as a whole, label flips from a packing line's
checkweigher sorting by the nearest class weight while its zero drifted over a shift), and generator AT's
(``benchmarks/_heldout_at.py``, written after AS's run and before its own, a held-out measurement of the code after
that run: Fashion-MNIST test, MNIST and photographs at 53 px, as JPEG files, and at 284 px; the same six types, again
of new families, near copies edited in a part of the picture or as a whole, label flips from a stock-take's
handheld scanner reading the nearest shelf-edge label, items near a section's end given the neighbouring class),
and generator AU's (``benchmarks/_heldout_au.py``, written after AT's run and before its own, a held-out measurement
of the code after that run: Fashion-MNIST test, MNIST and photographs at 55 px, as JPEG files, and at 292 px; the
same six types, again of new families, near copies edited in a part of the picture or as a whole, label flips from
a warehouse photo booth's RFID reader taking the tag of another item in the same tote, most often the one beside it),
and generator AV's (``benchmarks/_heldout_av.py``, written after AU's run and before its own, a held-out measurement
of the code after that run: Fashion-MNIST test, MNIST and photographs at 57 px, as JPEG files, and at 300 px; the
same six types, again of new families, near copies edited in a part of the picture or as a whole, label flips from
a returns desk's boxes: a cheaper item of another class sent back in the box of a pricier product ordered),
and generator AW's (``benchmarks/_heldout_aw.py``, written after AV's run and before its own, a held-out measurement
of the code after that run: Fashion-MNIST test, MNIST and photographs at 59 px, as JPEG files, and at 308 px; the
same six types, again of new families, near copies edited in a part of the picture or as a whole, label flips from
a marketplace's category stuffing: sellers listing an item under a category with more buyers per listing),
and generator AX's (``benchmarks/_heldout_ax.py``, written after AW's run and before its own, a held-out measurement
of the code after that run: Fashion-MNIST test, MNIST and photographs at 61 px, as JPEG files, and at 312 px; the
same six types, again of new families, near copies edited in a part of the picture or as a whole, label flips from
a retailer's recycled product codes: items looked up by a code since given to a new product of another class),
and generator AY's (``benchmarks/_heldout_ay.py``, written after AX's run and before its own, a held-out measurement
of the code after that run: Fashion-MNIST test, MNIST and photographs at 63 px, as JPEG files, and at 316 px; the
same six types, again of new families, near copies edited in a part of the picture or as a whole, label flips from
a studio's memory cards: a shoot's pictures, not imported before the card went on to a shoot of another class,
filed under that class),
and generator AZ's (``benchmarks/_heldout_az.py``, written after AY's run and before its own, a held-out measurement
of the code after that run: Fashion-MNIST test, MNIST and photographs at 65 px, as JPEG files, and at 320 px; the
same six types, again of new families, near copies edited in a part of the picture or as a whole, label flips from
a packing bench's label rolls: items of a class whose roll ran out labelled from the roll beside it on the rack),
and generator BA's (``benchmarks/_heldout_ba.py``, written after AZ's run and before its own, a held-out measurement
of the code after that run: Fashion-MNIST test, MNIST and photographs at 67 px, as JPEG files, and at 324 px; the
same six types, again of new families, near copies edited in a part of the picture or as a whole, label flips from
a mistranslated class list: a language team whose translated list had two neighbouring lines swapped saved each
item of one class under the other's),
and generator BB's (``benchmarks/_heldout_bb.py``, written after BA's run and before its own, a held-out measurement
of the code after that run: Fashion-MNIST test, MNIST and photographs at 69 px, as JPEG files, and at 328 px; the
same six types, again of new families, near copies edited in a part of the picture or as a whole, label flips from
an empty ink cartridge: a sorting site whose colour key was printed with one ink run out put a class's items in the
crate of the class whose colour its swatch came out as),
and generator BC's (``benchmarks/_heldout_bc.py``, written after BB's run and before its own, a held-out measurement
of the code after that run: Fashion-MNIST test, MNIST and photographs at 71 px, as JPEG files, and at 326 px; the
same six types, again of new families, near copies edited in a part of the picture or as a whole, label flips from
swapped digits: a stock clerk who swapped a stock code's last two digits booked a class's items under the class
whose code the swap made),
and generator BD's (``benchmarks/_heldout_bd.py``, written after BC's run and before its own, a held-out measurement
of the code after that run: Fashion-MNIST test, MNIST and photographs at 73 px, as JPEG files, and at 329 px; the
same six types, again of new families, near copies edited in a part of the picture or as a whole, label flips from
stale crate slips: a reusable crate refilled with another class but still carrying its previous load's slip card had
its items labelled as that previous class),
and generator BE's (``benchmarks/_heldout_be.py``, written after BD's run and before its own, a held-out measurement
of the code after that run: Fashion-MNIST test, MNIST and photographs at 75 px, as JPEG files, and at 327 px; the
same six types, again of new families, near copies edited in a part of the picture or as a whole, label flips from
re-hung swing tags: a storeroom rail's fallen swing tags hung back on its tagless items in no particular order gave
an item the class of the tag it got),
and generator BF's (``benchmarks/_heldout_bf.py``, written after BE's run and before its own, a held-out measurement
of the code after that run: Fashion-MNIST test, MNIST and photographs at 77 px, as JPEG files, and at 325 px; the
same six types, again of new families, near copies edited in a part of the picture or as a whole, label flips from
a labelling tool's cache race: pictures open in the same round whose answers were saved under one another's pictures
gave a picture the class another annotator gave another picture),
and generator BG's (``benchmarks/_heldout_bg.py``, written after BF's run and before its own, a held-out measurement
of the code after that run: Fashion-MNIST test, MNIST and photographs at 79 px, as JPEG files, and at 323 px; the
same six types, again of new families, near copies edited in a part of the picture or as a whole, label flips from
rotated specimen racks: a rack set in the photo station turned round by 180 degrees gave each tube the class of the
tube at the opposite position in the rack's manifest),
and generator BH's (``benchmarks/_heldout_bh.py``, written after BG's run and before its own, a held-out measurement
of the code after that run: Fashion-MNIST test, MNIST and photographs at 81 px, as JPEG files, and at 321 px; the
same six types, again of new families, near copies edited in a part of the picture or as a whole, label flips from
a cross-wired put wall: a pick-to-light wall whose wiring fault crossed the lights of neighbouring bins for a stretch
of a shift gave an item the class of the bin beside its own),
and generator BI's (``benchmarks/_heldout_bi.py``, written after BH's run and before its own, a held-out measurement
of the code after that run: Fashion-MNIST test, MNIST and photographs at 83 px, as JPEG files, and at 319 px; the
same six types, again of new families, near copies edited in a part of the picture or as a whole, label flips from
a misprinted reference sheet: annotators onboarded with a sheet whose example pictures of two classes were swapped
gave an item of one class the other's label until the sheets were recalled),
and generator BJ's (``benchmarks/_heldout_bj.py``, written after BI's run and before its own, a held-out measurement
of the code after that run: Fashion-MNIST test, MNIST and photographs at 85 px, as JPEG files, and at 317 px; the
same six types, again of new families, near copies edited in a part of the picture or as a whole, label flips from
keyed shorthand: tally sheets whose hurried codes for two classes looked alike were keyed in by a typist who resolved
every such code to one class of the pair, giving an item of the other class that one's label),
and generator BK's (``benchmarks/_heldout_bk.py``, written after BJ's run and before its own, a held-out measurement
of the code after that run: Fashion-MNIST test, MNIST and photographs at 87 px, as JPEG files, and at 315 px; the
same six types, again of new families, near copies edited in a part of the picture or as a whole, label flips from
stock reconciliation: a clerk balancing a stock book re-booked the latest receipts of a class counted over to a
class counted short, giving those items the short class's label),
and generator BL's (``benchmarks/_heldout_bl.py``, written after BK's run and before its own, a held-out measurement
of the code after that run: Fashion-MNIST test, MNIST and photographs at 89 px, as JPEG files, and at 313 px; the
same six types, again of new families, near copies edited in a part of the picture or as a whole, label flips from
autosave lag: a web tool on a slow connection saved a class typed just after moving on to a picture to the previous
picture's row as well, giving that picture the next one's label),
and generator BM's (``benchmarks/_heldout_bm.py``, written after BL's run and before its own, a held-out measurement
of the code after that run: Fashion-MNIST test, MNIST and photographs at 91 px, as JPEG files, and at 311 px; the
same six types, again of new families, near copies edited in a part of the picture or as a whole, label flips from
stuck prints: an archive's photographic prints kept damp stuck face down to the print above in their stack, and a
sorter filing each stuck run by its top print gave those prints the top print's label),
and generator BN's (``benchmarks/_heldout_bn.py``, written after BM's run and before its own, a held-out measurement
of the code after that run: Fashion-MNIST test, MNIST and photographs at 93 px, as JPEG files, and at 309 px; the
same six types, again of new families, near copies edited in a part of the picture or as a whole, label flips from
overflow bins: a sorter tossing an item whose class's bin was full into the next bin along the rack gave it that
bin's label),
and generator BO's (``benchmarks/_heldout_bo.py``, written after BN's run and before its own, a held-out measurement
of the code after that run: Fashion-MNIST test, MNIST and photographs at 95 px, as JPEG files, and at 307 px; the
same six types, again of new families, near copies edited in a part of the picture or as a whole, label flips from
packing lists: a receiving clerk labelling a carton's items in the order they were lifted out by walking down its
packing list's counts gave them the list's labels),
and generator BP's (``benchmarks/_heldout_bp.py``, written after BO's run and before its own, a held-out measurement
of the code after that run: Fashion-MNIST test, MNIST and photographs at 97 px, as JPEG files, and at 305 px; the
same six types, again of new families, near copies edited in a part of the picture or as a whole, label flips from
a scroll wheel: a labeller scrolling the page while the pointer rested on the class drop-down moved the picked class
1-3 places along its alphabetical list),
and generator BQ's (``benchmarks/_heldout_bq.py``, written after BP's run and before its own, a held-out measurement
of the code after that run: Fashion-MNIST test, MNIST and photographs at 99 px, as JPEG files, and at 303 px; the
same six types, again of new families, near copies edited in a part of the picture or as a whole, label flips from
placeholders: a labeller shown a grey placeholder while the image server failed gave the class she had given most
often so far in the session),
and generator BR's (``benchmarks/_heldout_br.py``, written after BQ's run and before its own, a held-out measurement
of the code after that run: Fashion-MNIST test, MNIST and photographs at 101 px, as JPEG files, and at 301 px; the
same six types, again of new families, near copies edited in a part of the picture or as a whole, label flips from
a vote cascade: crowd workers shown the running vote counts followed a lead that a click-farm account's random first
vote had started),
and generator BS's (``benchmarks/_heldout_bs.py``, written after BR's run and before its own, a held-out measurement
of the code after that run: Fashion-MNIST test, MNIST and photographs at 103 px, as JPEG files, and at 302 px; the
same six types, again of new families, near copies edited in a part of the picture or as a whole, label flips from
a predictive default: hurried labellers confirmed the class a data-entry app pre-selected, the one that followed the
previous picture's class in the studio's shooting rota),
and generator BT's (``benchmarks/_heldout_bt.py``, written after BS's run and before its own, a held-out measurement
of the code after that run: Fashion-MNIST test, MNIST and photographs at 105 px, as JPEG files, and at 306 px; the
same six types, again of new families, near copies edited in a part of the picture or as a whole, label flips from
a drill-down interface: a first-stage worker's slip put a picture in a wrong group of classes and the second-stage
worker, offered only that group's classes, chose one of them),
and generator BU's (``benchmarks/_heldout_bu.py``, written after BT's run and before its own, a held-out measurement
of the code after that run: Fashion-MNIST test, MNIST and photographs at 107 px, as JPEG files, and at 310 px; the
same six types, again of new families, near copies edited in a part of the picture or as a whole, label flips from
dead listings: a scraper fetching a shop's listings was answered, for a listing taken down, with its department's
page, and took that page's first picture, of the department's best-selling class, under the dead listing's class),
and generator BV's (``benchmarks/_heldout_bv.py``, written after BU's run and before its own, a held-out measurement
of the code after that run: Fashion-MNIST test, MNIST and photographs at 102 px, as JPEG files, and at 314 px; the
same six types, again of new families, near copies edited in a part of the picture or as a whole, label flips from
wrong threads: contributors e-mailing pictures in answer to one call a class replied to the newest call's thread
instead of their picture's class's, so the picture was filed under a class called later),
and generator BW's (``benchmarks/_heldout_bw.py``, written after BV's run and before its own, a held-out measurement
of the code after that run: Fashion-MNIST test, MNIST and photographs at 109 px, as JPEG files, and at 318 px; the
same six types, again of new families, near copies edited in a part of the picture or as a whole, label flips from
clobbered names: pictures copied into one folder keeping the first file of a camera file name while the label
sheets were merged by name with the later row winning, so a picture was filed under a later namesake's class).
``--clean`` also audits every base set with nothing planted and prints how many examples each check flags.

Run::

    python benchmarks/detection.py                 # both tuning datasets, seed 0
    python benchmarks/detection.py --seeds 0 1     # two seeds
    python benchmarks/detection.py --quick         # small smoke run
    python benchmarks/detection.py --heldout --clean --json /tmp/heldout.json   # the held-out protocol
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import logging
import shutil
import sys
import tempfile
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

import dataquality as dq

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _heldout  # noqa: E402  (the held-out protocol's data and generator B)
import _heldout_aa  # noqa: E402  (generator AA: fresh evaluation sets after generator Z, before Z's run)
import _heldout_ab  # noqa: E402  (generator AB: fresh evaluation sets after generator AA's run)
import _heldout_ac  # noqa: E402  (generator AC: fresh evaluation sets after generator AB's run)
import _heldout_ad  # noqa: E402  (generator AD: fresh evaluation sets after generator AC's run)
import _heldout_ae  # noqa: E402  (generator AE: fresh evaluation sets after generator AD's run)
import _heldout_af  # noqa: E402  (generator AF: fresh evaluation sets after generator AE's run)
import _heldout_ag  # noqa: E402  (generator AG: fresh evaluation sets after generator AF's run)
import _heldout_ah  # noqa: E402  (generator AH: fresh evaluation sets after generator AG's run)
import _heldout_ai  # noqa: E402  (generator AI: fresh evaluation sets after generator AH's run)
import _heldout_aj  # noqa: E402  (generator AJ: fresh evaluation sets after generator AI's run)
import _heldout_ak  # noqa: E402  (generator AK: fresh evaluation sets after generator AJ's run)
import _heldout_al  # noqa: E402  (generator AL: fresh evaluation sets after generator AK's run)
import _heldout_am  # noqa: E402  (generator AM: fresh evaluation sets after generator AL's run)
import _heldout_an  # noqa: E402  (generator AN: fresh evaluation sets after generator AM's run)
import _heldout_ao  # noqa: E402  (generator AO: fresh evaluation sets after generator AN's run)
import _heldout_ap  # noqa: E402  (generator AP: fresh evaluation sets after generator AO's run)
import _heldout_aq  # noqa: E402  (generator AQ: fresh evaluation sets after generator AP's run)
import _heldout_ar  # noqa: E402  (generator AR: fresh evaluation sets after generator AQ's run)
import _heldout_as  # noqa: E402  (generator AS: fresh evaluation sets after generator AR's run)
import _heldout_at  # noqa: E402  (generator AT: fresh evaluation sets after generator AS's run)
import _heldout_au  # noqa: E402  (generator AU: fresh evaluation sets after generator AT's run)
import _heldout_av  # noqa: E402  (generator AV: fresh evaluation sets after generator AU's run)
import _heldout_aw  # noqa: E402  (generator AW: fresh evaluation sets after generator AV's run)
import _heldout_ax  # noqa: E402  (generator AX: fresh evaluation sets after generator AW's run)
import _heldout_ay  # noqa: E402  (generator AY: fresh evaluation sets after generator AX's run)
import _heldout_az  # noqa: E402  (generator AZ: fresh evaluation sets after generator AY's run)
import _heldout_ba  # noqa: E402  (generator BA: fresh evaluation sets after generator AZ's run)
import _heldout_bb  # noqa: E402  (generator BB: fresh evaluation sets after generator BA's run)
import _heldout_bc  # noqa: E402  (generator BC: fresh evaluation sets after generator BB's run)
import _heldout_bd  # noqa: E402  (generator BD: fresh evaluation sets after generator BC's run)
import _heldout_be  # noqa: E402  (generator BE: fresh evaluation sets after generator BD's run)
import _heldout_bf  # noqa: E402  (generator BF: fresh evaluation sets after generator BE's run)
import _heldout_bg  # noqa: E402  (generator BG: fresh evaluation sets after generator BF's run)
import _heldout_bh  # noqa: E402  (generator BH: fresh evaluation sets after generator BG's run)
import _heldout_bi  # noqa: E402  (generator BI: fresh evaluation sets after generator BH's run)
import _heldout_bj  # noqa: E402  (generator BJ: fresh evaluation sets after generator BI's run)
import _heldout_bk  # noqa: E402  (generator BK: fresh evaluation sets after generator BJ's run)
import _heldout_bl  # noqa: E402  (generator BL: fresh evaluation sets after generator BK's run)
import _heldout_bm  # noqa: E402  (generator BM: fresh evaluation sets after generator BL's run)
import _heldout_bn  # noqa: E402  (generator BN: fresh evaluation sets after generator BM's run)
import _heldout_bo  # noqa: E402  (generator BO: fresh evaluation sets after generator BN's run)
import _heldout_bp  # noqa: E402  (generator BP: fresh evaluation sets after generator BO's run)
import _heldout_bq  # noqa: E402  (generator BQ: fresh evaluation sets after generator BP's run)
import _heldout_br  # noqa: E402  (generator BR: fresh evaluation sets after generator BQ's run)
import _heldout_bs  # noqa: E402  (generator BS: fresh evaluation sets after generator BR's run)
import _heldout_bt  # noqa: E402  (generator BT: fresh evaluation sets after generator BS's run)
import _heldout_bu  # noqa: E402  (generator BU: fresh evaluation sets after generator BT's run)
import _heldout_bv  # noqa: E402  (generator BV: fresh evaluation sets after generator BU's run)
import _heldout_bw  # noqa: E402  (generator BW: fresh evaluation sets after generator BV's run)
import _heldout_d  # noqa: E402  (generator D: fresh evaluation sets for near_duplicate and outlier)
import _heldout_e  # noqa: E402  (generator E: fresh evaluation sets of round 5)
import _heldout_f  # noqa: E402  (generator F: fresh evaluation sets of round 6)
import _heldout_g  # noqa: E402  (generator G: fresh evaluation sets after round 7)
import _heldout_h  # noqa: E402  (generator H: fresh evaluation sets after generator G)
import _heldout_i  # noqa: E402  (generator I: fresh evaluation sets after generator H, one of JPEG files)
import _heldout_j  # noqa: E402  (generator J: fresh evaluation sets after generator I, most near copies edited in a part)
import _heldout_k  # noqa: E402  (generator K: fresh evaluation sets after generator J and the block candidates)
import _heldout_l  # noqa: E402  (generator L: fresh evaluation sets after generator K and the mirror comparisons)
import _heldout_m  # noqa: E402  (generator M: fresh evaluation sets after generator L and the turned comparisons)
import _heldout_n  # noqa: E402  (generator N: fresh evaluation sets after generator M, the same code measured again)
import _heldout_o  # noqa: E402  (generator O: fresh evaluation sets after generator N, the code after N's run)
import _heldout_p  # noqa: E402  (generator P: fresh evaluation sets after generator O, the code after O's run)
import _heldout_q  # noqa: E402  (generator Q: fresh evaluation sets after generator P, the code after P's run)
import _heldout_r  # noqa: E402  (generator R: fresh evaluation sets after generator Q, the code after Q's run)
import _heldout_s  # noqa: E402  (generator S: fresh evaluation sets after generator R, the code after R's run)
import _heldout_t  # noqa: E402  (generator T: fresh evaluation sets after generator S, the code after S's run)
import _heldout_u  # noqa: E402  (generator U: fresh evaluation sets after generator T, the code after T's run)
import _heldout_v  # noqa: E402  (generator V: fresh evaluation sets after generator U, a second measurement of its code)
import _heldout_w  # noqa: E402  (generator W: fresh evaluation sets after generator V's run, a third measurement)
import _heldout_x  # noqa: E402  (generator X: fresh evaluation sets after generator W, the code after W's run)
import _heldout_y  # noqa: E402  (generator Y: fresh evaluation sets after generator X, before X's run)
import _heldout_z  # noqa: E402  (generator Z: fresh evaluation sets after generator Y, before Y's run)

IMAGE_ISSUES = dq.datasets.PLANTABLE  # the issue types plant_issues plants: one list
NEAR_VIEWS = "near_duplicate, zoom pairs aside"  # tile sets only: see same_view_pairs
NEAR_FOREIGN = "near_duplicate, alike foreign pictures aside"  # see near_without_alike_foreign
TARGETS = {**{k: 0.95 for k in ("exact_duplicate", "unreadable", "missing_label", "odd_size", "mode_mismatch")},
           **{k: 0.85 for k in ("near_duplicate", "blurry")}, "dark": 0.90}  # issue 15's targets
CLEANVISION_MAP = {"dark": "dark", "light": "light", "blurry": "blurry", "low_information": "low_information",
                   "odd_size": "odd_size", "odd_aspect_ratio": "odd_aspect_ratio", "grayscale": "mode_mismatch",
                   "exact_duplicates": "exact_duplicate", "near_duplicates": "near_duplicate"}


# -- data -----------------------------------------------------------------------------
# the fresh evaluation generators: (their sets, base loader, planter); B's sets and the tuning sets are _heldout's
FRESH = ((_heldout_d.EVALUATION_D, _heldout_d.load_base_d, _heldout_d.plant_issues_d),
         (_heldout_e.EVALUATION_E, _heldout_e.load_base_e, _heldout_e.plant_issues_e),
         (_heldout_f.EVALUATION_F, _heldout_f.load_base_f, _heldout_f.plant_issues_f),
         (_heldout_g.EVALUATION_G, _heldout_g.load_base_g, _heldout_g.plant_issues_g),
         (_heldout_h.EVALUATION_H, _heldout_h.load_base_h, _heldout_h.plant_issues_h),
         (_heldout_i.EVALUATION_I, _heldout_i.load_base_i, _heldout_i.plant_issues_i),
         (_heldout_j.EVALUATION_J, _heldout_j.load_base_j, _heldout_j.plant_issues_j),
         (_heldout_k.EVALUATION_K, _heldout_k.load_base_k, _heldout_k.plant_issues_k),
         (_heldout_l.EVALUATION_L, _heldout_l.load_base_l, _heldout_l.plant_issues_l),
         (_heldout_m.EVALUATION_M, _heldout_m.load_base_m, _heldout_m.plant_issues_m),
         (_heldout_n.EVALUATION_N, _heldout_n.load_base_n, _heldout_n.plant_issues_n),
         (_heldout_o.EVALUATION_O, _heldout_o.load_base_o, _heldout_o.plant_issues_o),
         (_heldout_p.EVALUATION_P, _heldout_p.load_base_p, _heldout_p.plant_issues_p),
         (_heldout_q.EVALUATION_Q, _heldout_q.load_base_q, _heldout_q.plant_issues_q),
         (_heldout_r.EVALUATION_R, _heldout_r.load_base_r, _heldout_r.plant_issues_r),
         (_heldout_s.EVALUATION_S, _heldout_s.load_base_s, _heldout_s.plant_issues_s),
         (_heldout_t.EVALUATION_T, _heldout_t.load_base_t, _heldout_t.plant_issues_t),
         (_heldout_u.EVALUATION_U, _heldout_u.load_base_u, _heldout_u.plant_issues_u),
         (_heldout_v.EVALUATION_V, _heldout_v.load_base_v, _heldout_v.plant_issues_v),
         (_heldout_w.EVALUATION_W, _heldout_w.load_base_w, _heldout_w.plant_issues_w),
         (_heldout_x.EVALUATION_X, _heldout_x.load_base_x, _heldout_x.plant_issues_x),
         (_heldout_y.EVALUATION_Y, _heldout_y.load_base_y, _heldout_y.plant_issues_y),
         (_heldout_z.EVALUATION_Z, _heldout_z.load_base_z, _heldout_z.plant_issues_z),
         (_heldout_aa.EVALUATION_AA, _heldout_aa.load_base_aa, _heldout_aa.plant_issues_aa),
         (_heldout_ab.EVALUATION_AB, _heldout_ab.load_base_ab, _heldout_ab.plant_issues_ab),
         (_heldout_ac.EVALUATION_AC, _heldout_ac.load_base_ac, _heldout_ac.plant_issues_ac),
         (_heldout_ad.EVALUATION_AD, _heldout_ad.load_base_ad, _heldout_ad.plant_issues_ad),
         (_heldout_ae.EVALUATION_AE, _heldout_ae.load_base_ae, _heldout_ae.plant_issues_ae),
         (_heldout_af.EVALUATION_AF, _heldout_af.load_base_af, _heldout_af.plant_issues_af),
         (_heldout_ag.EVALUATION_AG, _heldout_ag.load_base_ag, _heldout_ag.plant_issues_ag),
         (_heldout_ah.EVALUATION_AH, _heldout_ah.load_base_ah, _heldout_ah.plant_issues_ah),
         (_heldout_ai.EVALUATION_AI, _heldout_ai.load_base_ai, _heldout_ai.plant_issues_ai),
         (_heldout_aj.EVALUATION_AJ, _heldout_aj.load_base_aj, _heldout_aj.plant_issues_aj),
         (_heldout_ak.EVALUATION_AK, _heldout_ak.load_base_ak, _heldout_ak.plant_issues_ak),
         (_heldout_al.EVALUATION_AL, _heldout_al.load_base_al, _heldout_al.plant_issues_al),
         (_heldout_am.EVALUATION_AM, _heldout_am.load_base_am, _heldout_am.plant_issues_am),
         (_heldout_an.EVALUATION_AN, _heldout_an.load_base_an, _heldout_an.plant_issues_an),
         (_heldout_ao.EVALUATION_AO, _heldout_ao.load_base_ao, _heldout_ao.plant_issues_ao),
         (_heldout_ap.EVALUATION_AP, _heldout_ap.load_base_ap, _heldout_ap.plant_issues_ap),
         (_heldout_aq.EVALUATION_AQ, _heldout_aq.load_base_aq, _heldout_aq.plant_issues_aq),
         (_heldout_ar.EVALUATION_AR, _heldout_ar.load_base_ar, _heldout_ar.plant_issues_ar),
         (_heldout_as.EVALUATION_AS, _heldout_as.load_base_as, _heldout_as.plant_issues_as),
         (_heldout_at.EVALUATION_AT, _heldout_at.load_base_at, _heldout_at.plant_issues_at),
         (_heldout_au.EVALUATION_AU, _heldout_au.load_base_au, _heldout_au.plant_issues_au),
         (_heldout_av.EVALUATION_AV, _heldout_av.load_base_av, _heldout_av.plant_issues_av),
         (_heldout_aw.EVALUATION_AW, _heldout_aw.load_base_aw, _heldout_aw.plant_issues_aw),
         (_heldout_ax.EVALUATION_AX, _heldout_ax.load_base_ax, _heldout_ax.plant_issues_ax),
         (_heldout_ay.EVALUATION_AY, _heldout_ay.load_base_ay, _heldout_ay.plant_issues_ay),
         (_heldout_az.EVALUATION_AZ, _heldout_az.load_base_az, _heldout_az.plant_issues_az),
         (_heldout_ba.EVALUATION_BA, _heldout_ba.load_base_ba, _heldout_ba.plant_issues_ba),
         (_heldout_bb.EVALUATION_BB, _heldout_bb.load_base_bb, _heldout_bb.plant_issues_bb),
         (_heldout_bc.EVALUATION_BC, _heldout_bc.load_base_bc, _heldout_bc.plant_issues_bc),
         (_heldout_bd.EVALUATION_BD, _heldout_bd.load_base_bd, _heldout_bd.plant_issues_bd),
         (_heldout_be.EVALUATION_BE, _heldout_be.load_base_be, _heldout_be.plant_issues_be),
         (_heldout_bf.EVALUATION_BF, _heldout_bf.load_base_bf, _heldout_bf.plant_issues_bf),
         (_heldout_bg.EVALUATION_BG, _heldout_bg.load_base_bg, _heldout_bg.plant_issues_bg),
         (_heldout_bh.EVALUATION_BH, _heldout_bh.load_base_bh, _heldout_bh.plant_issues_bh),
         (_heldout_bi.EVALUATION_BI, _heldout_bi.load_base_bi, _heldout_bi.plant_issues_bi),
         (_heldout_bj.EVALUATION_BJ, _heldout_bj.load_base_bj, _heldout_bj.plant_issues_bj),
         (_heldout_bk.EVALUATION_BK, _heldout_bk.load_base_bk, _heldout_bk.plant_issues_bk),
         (_heldout_bl.EVALUATION_BL, _heldout_bl.load_base_bl, _heldout_bl.plant_issues_bl),
         (_heldout_bm.EVALUATION_BM, _heldout_bm.load_base_bm, _heldout_bm.plant_issues_bm),
         (_heldout_bn.EVALUATION_BN, _heldout_bn.load_base_bn, _heldout_bn.plant_issues_bn),
         (_heldout_bo.EVALUATION_BO, _heldout_bo.load_base_bo, _heldout_bo.plant_issues_bo),
         (_heldout_bp.EVALUATION_BP, _heldout_bp.load_base_bp, _heldout_bp.plant_issues_bp),
         (_heldout_bq.EVALUATION_BQ, _heldout_bq.load_base_bq, _heldout_bq.plant_issues_bq),
         (_heldout_br.EVALUATION_BR, _heldout_br.load_base_br, _heldout_br.plant_issues_br),
         (_heldout_bs.EVALUATION_BS, _heldout_bs.load_base_bs, _heldout_bs.plant_issues_bs),
         (_heldout_bt.EVALUATION_BT, _heldout_bt.load_base_bt, _heldout_bt.plant_issues_bt),
         (_heldout_bu.EVALUATION_BU, _heldout_bu.load_base_bu, _heldout_bu.plant_issues_bu),
         (_heldout_bv.EVALUATION_BV, _heldout_bv.load_base_bv, _heldout_bv.plant_issues_bv),
         (_heldout_bw.EVALUATION_BW, _heldout_bw.load_base_bw, _heldout_bw.plant_issues_bw))


def _fresh(name: str):
    return next((g for g in FRESH if name in g[0]), None)


def make_datasets(names, quick: bool, fashion_n: int):
    return {name: (_fresh(name)[1](name, quick) if _fresh(name) else _heldout.load_base(name, quick, fashion_n))
            for name in names}


def plant_set(name: str, X, y, root: Path, seed: int):
    """The planted folder of data set ``name`` (its generator's problems) under ``root``."""
    g = _fresh(name)
    return g[2](X, y, root, name=name, random_state=seed) if g else _heldout.plant(name, X, y, root, seed)


def _jpeg_quality(name: str) -> tuple | None:
    """A JPEG evaluation set's quality range (its generator's ``JPEG_QUALITY``); None for PNG sets."""
    g = _fresh(name)
    return getattr(sys.modules[g[2].__module__], "JPEG_QUALITY", None) if g and name.endswith("_jpeg") else None


def role(name: str) -> str:
    return "tuning" if name in _heldout.TUNING else "evaluation"


# -- scoring --------------------------------------------------------------------------
def prf(pred: set, truth: set) -> dict:
    tp = len(pred & truth)
    p = tp / len(pred) if pred else (1.0 if not truth else 0.0)
    r = tp / len(truth) if truth else (1.0 if not pred else 0.0)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"n_true": len(truth), "n_flagged": len(pred), "tp": tp, "precision": p, "recall": r, "f1": f}


# pairs of photograph tiles that show one view of a photograph at two zooms (one tile inside the other at the next
# scale, or overlapping as much): a crop of the other, resized, which the benchmark otherwise counts as two distinct
# pictures (docs/benchmarks.md, "What the benchmark counts as a false near duplicate on the tile sets")
SAME_VIEW_IOU = 0.3
SAME_PICTURE = {"label", "missing_label", "conflicting_labels", "near_duplicate", "exact_duplicate"}  # pixels kept


def tile_regions(name: str, quick: bool) -> np.ndarray | None:
    """Where each base tile of photograph set ``name`` lies in its photograph (``_heldout.photo_tile_regions``), in the
    order of its base images; None for the other sets."""
    args = _heldout.PHOTO_BASES.get(name)
    if args is not None:
        size, per_quick, per_full, seed = args
        return _heldout.photo_tile_regions(size, per_quick if quick else per_full, random_state=seed)
    g = _fresh(name)
    if g is None:
        return None
    for key, bases in vars(sys.modules[g[1].__module__]).items():
        if key.startswith("BASES") and isinstance(bases, dict) and name in bases and bases[name][0] == "photos":
            _, seed, size, per_quick, per_full = bases[name]
            return _heldout.photo_tile_regions(size, per_quick if quick else per_full, random_state=seed)
    return None


def same_view_pairs(planted, X, regions: np.ndarray | None) -> dict[str, set[str]]:
    """Each file's partners showing the same view of a photograph (``SAME_VIEW_IOU``): base tiles ``images/NNNNN.*``
    at base index NNNNN, added copies through ``planted.origin``. Empty where the set has no regions or its files do
    not follow that numbering (checked on the pixels of a few files written unchanged)."""
    if regions is None or len(regions) != len(X):
        return {}
    n = len(regions)
    # a file whose picture the generator replaced or changed (an outlier, a blur, a darkened picture...) no longer shows
    # its tile's view; a near copy shows its source's, edited
    changed = set().union(*(v for k, v in planted.truth.items() if k not in SAME_PICTURE)) if planted.truth else set()
    index = {}
    for i in planted.ids:
        stem = Path(planted.origin.get(i, i)).stem
        if stem.isdigit() and int(stem) < n and i not in changed:
            index[i] = int(stem)
    touched = set().union(*planted.truth.values()) if planted.truth else set()
    plain = [i for i in planted.ids if i in index and i not in touched and i not in planted.origin][:5]
    from PIL import Image

    for i in plain:
        with Image.open(planted.root / i) as im:
            a = np.asarray(im.convert("RGB"), dtype=np.float32)
        b = np.asarray(X[index[i]], dtype=np.float32)
        b = np.repeat(b[..., None], 3, axis=2) if b.ndim == 2 else b[..., :3]
        if a.shape != b.shape or np.abs(a - b).mean() > 8:
            return {}
    p, x0, y0, x1, y1 = regions.T
    iw = np.clip(np.minimum(x1[:, None], x1[None]) - np.maximum(x0[:, None], x0[None]), 0, None)
    ih = np.clip(np.minimum(y1[:, None], y1[None]) - np.maximum(y0[:, None], y0[None]), 0, None)
    area = (x1 - x0) * (y1 - y0)
    inter = iw * ih
    iou = inter / (area[:, None] + area[None] - inter)
    same = (iou >= SAME_VIEW_IOU) & (p[:, None] == p[None])
    np.fill_diagonal(same, False)
    by_base: dict[int, list[str]] = {}
    for i, k in index.items():
        by_base.setdefault(k, []).append(i)
    out: dict[str, set[str]] = {}
    for a, b in zip(*np.nonzero(np.triu(same))):
        for i in by_base.get(int(a), []):
            for j in by_base.get(int(b), []):
                out.setdefault(i, set()).add(j)
                out.setdefault(j, set()).add(i)
    return out


def near_without_views(flagged: dict[str, set], truth: dict[str, set], views: dict[str, set[str]]) -> dict:
    """``near_duplicate`` scored with the files flagged only for showing the same view as another flagged file (a tile
    and its partner at another zoom, ``same_view_pairs``) counted neither way."""
    pred = set(flagged.get("near_duplicate", set()))
    tru = truth.get("near_duplicate", set())
    forgiven = {i for i in pred - tru if views.get(i, set()) & pred}
    return prf(pred - forgiven, tru)


def foreign_families(planted) -> dict[str, str]:
    """Each planted foreign picture (``outlier``) and the family it was drawn from (``families.json``); empty for
    sets without it."""
    path = Path(planted.root) / "families.json"
    if not path.exists() or not planted.truth.get("outlier"):
        return {}
    made = json.loads(path.read_text())
    return {f: made[f] for f in planted.truth["outlier"] if f in made}


def near_without_alike_foreign(flagged: dict[str, set], truth: dict[str, set], foreign: dict[str, str]) -> dict:
    """``near_duplicate`` scored with the planted foreign pictures flagged together with another of their own family
    counted neither way. A generator draws each family's pictures from one drawing (the same bus, shifted and
    scaled), so two of them can be near copies of each other that the truth, made by construction, does not hold;
    a file flagged for that is not scored as wrong, nor one left unflagged as missed (they are not in the truth)."""
    pred = set(flagged.get("near_duplicate", set()))
    tru = truth.get("near_duplicate", set())
    flagged_families = [foreign[i] for i in pred if i in foreign]
    forgiven = {i for i in pred - tru if i in foreign and flagged_families.count(foreign[i]) >= 2}
    return prf(pred - forgiven, tru)


def score_tool(tool: str, flagged: dict[str, set], truth: dict[str, set], reported: set[str]) -> list[dict]:
    rows = []
    for issue in sorted(reported):
        rows.append({"tool": tool, "issue": issue, **prf(flagged.get(issue, set()), truth.get(issue, set()))})
    # exact and near duplicates as one question: is this file one of a duplicate set?
    if {"exact_duplicate", "near_duplicate"} <= reported:
        pred = flagged.get("exact_duplicate", set()) | flagged.get("near_duplicate", set())
        tru = truth.get("exact_duplicate", set()) | truth.get("near_duplicate", set())
        rows.append({"tool": tool, "issue": "duplicate (exact|near)", **prf(pred, tru)})
    return rows


# -- tools ----------------------------------------------------------------------------
def run_dataquality(planted, image_size: int, seed: int, cache_dir=False, embedder: str = "efficientnet_lite0",
                    checks=None):
    t0 = time.perf_counter()
    settings = {} if embedder == "pixels" else {"image_size": image_size}  # pixels: its own defaults
    report = dq.audit(planted.root, labels=planted.labels_csv, embedder=embedder, embedder_settings=settings,
                      cache_dir=cache_dir, progress=False, random_state=seed, checks=checks)
    wall = time.perf_counter() - t0
    flagged = {k: set(g["id"]) for k, g in report.issues.groupby("issue")}
    return report, flagged, wall


# audits timed on each side of the calibration's cost (``calibration_growth``): 2 until generator BO's run, then 3.
# With 2, one set's figure moved by about 15 points between repeats on the idle 2-core machine (BM's clothing measured
# +21.4% in its run, then +24.4%, -5.2% and +20.5% in three repeats; its digits +11.5%, then -6.7%, -9.6% and
# +10.3%: docs/benchmarks.md Round 34), too much to read a 15% limit against. Each repeat adds two audits per set
TIMING_REPEATS = 3


def timing_order(repeats: int) -> list[str]:
    """The sides of ``calibration_growth``'s audits in the order they run: pairs alternately begun by either side
    (off, on, on, off, off, on, ...), so that a machine slowing or speeding up over the audits weighs on both alike."""
    return [m for i in range(repeats) for m in (("off", "on") if i % 2 == 0 else ("on", "off"))]


def calibration_growth(planted, image_size: int, seed: int, cache_dir=False, embedder: str = "efficientnet_lite0",
                       repeats: int = TIMING_REPEATS) -> dict:
    """What the calibration adds to the audit's wall time, measured as a user sees it: the same audit with
    the calibration's copies made (as shipped) and with none made (every calibrating check then uses its
    fixed rule), ``repeats`` of each in :func:`timing_order`, their medians compared. The copies are made on a
    background thread while other checks run, so their own time (``background:synthetic_copies``) is not what
    the audit pays.

    In ``bench_one`` every audit timed here runs after the set's first audit and the reference tools. Until
    generator BP's run the set's first audit (run before Datalab and CleanVision) counted as one of the audits with
    the calibration, and the others alternated off, on, off, ...: that first audit was the slowest of its side in 10
    of the 12 sets of BM-BO (by up to 1.25 s over the side's median), so that it raised one side's median alone
    (docs/benchmarks.md Round 35).

    Beside it, from the run after generator BQ's, ``calibration_s_past_pass``: the difference of the same medians of
    each audit's time less its image pass (``intermediate:image_pass``). The copies start only once the image pass is
    done (``Context.prefetch``), so the pass is the same work on both sides, and on 2 cores it is most of the audit's
    time and of its variation (10.6-12.8 s from audit to audit on 2,080 garments, the rest 2.6-4.6 s)."""
    import dataquality.compute._synthetic as synthetic

    made = synthetic.synthetic_copies

    def none(ctx, **kw):
        return synthetic.SyntheticCopies(np.zeros(0, dtype=np.int64), [], None, None, [], None,
                                         reason="calibration off (benchmark)")

    on, off, rest = [], [], {"on": [], "off": []}
    try:
        for mode in timing_order(repeats):
            synthetic.synthetic_copies = made if mode == "on" else none
            report, _, wall = run_dataquality(planted, image_size, seed, cache_dir, embedder)
            (on if mode == "on" else off).append(wall)
            rest[mode].append(wall - report.timings.get("intermediate:image_pass", 0.0))
    finally:
        synthetic.synthetic_copies = made
    with_s, without_s = float(np.median(on)), float(np.median(off))
    past_pass = float(np.median(rest["on"]) - np.median(rest["off"]))
    return {"audit_with_calibration_s": with_s, "audit_without_calibration_s": without_s,
            "calibration_growth": with_s / without_s - 1, "calibration_s_past_pass": past_pass,
            "calibration_growth_past_pass": past_pass / without_s}


def run_datalab(report, seed: int):
    from cleanlab import Datalab

    P = report.pred_probs
    labels = np.asarray(report.labels, dtype=object)
    st = report.dataset  # noqa: F841 - kept for symmetry with the other runners
    use = ~np.isnan(P).any(axis=1)
    rows = np.flatnonzero(use)
    ids = np.asarray(report.ids, dtype=object)[rows]
    df = pd.DataFrame({"label": [str(v) for v in labels[rows]]})
    # the probe's columns follow report.classes; Datalab sorts the label strings, so reorder
    classes = [str(c) for c in report.classes]
    order = [classes.index(c) for c in sorted(classes)]
    probs = P[rows][:, order]
    feats = np.asarray(report.embeddings[rows], dtype=np.float32)
    t0 = time.perf_counter()
    lab = Datalab(df, label_name="label", verbosity=0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        lab.find_issues(features=feats, pred_probs=probs,
                        issue_types={"label": {}, "outlier": {}, "near_duplicate": {}})
    wall = time.perf_counter() - t0
    res = lab.get_issues()
    flagged = {}
    for issue in ("label", "outlier", "near_duplicate"):
        col = f"is_{issue}_issue"
        flagged[issue] = set(ids[res[col].to_numpy(bool)]) if col in res else set()
    flagged["exact_duplicate"] = set(flagged["near_duplicate"])  # Datalab reports exact ones as near
    return flagged, wall


def time_datalab_inputs(planted, report, image_size: int, seed: int) -> float:
    """Seconds to make Datalab's inputs the way its users would: embed the readable, labelled files
    (PIL decode, the same EfficientNet-Lite0 at the same size, batches of 64, one process) and fit
    the same K-fold probe. No image statistics: CleanVision computes those, and is timed apart."""
    import torch
    from PIL import Image

    from dataquality.compute import out_of_fold_probs
    from dataquality.embeddings import get_embedder

    P = report.pred_probs
    rows = np.flatnonzero(~np.isnan(P).any(axis=1))
    paths = [planted.root / report.ids[i] for i in rows]
    emb = get_embedder("efficientnet_lite0", image_size=image_size)
    emb.model  # weights loading is not counted for either side
    t0 = time.perf_counter()
    out = []
    for s in range(0, len(paths), 64):
        batch = torch.stack([emb.preprocess(Image.open(p).convert("RGB")) for p in paths[s: s + 64]])
        out.append(emb.forward(batch, "cpu"))
    X = np.concatenate(out)
    y = np.unique(np.asarray([str(report.labels[i]) for i in rows]), return_inverse=True)[1]
    out_of_fold_probs(X, y, int(y.max()) + 1, random_state=seed)
    return time.perf_counter() - t0


def _decodable(path: Path) -> bool:
    from PIL import Image

    try:
        with Image.open(path) as im:
            im.load()
        return True
    except Exception:
        return False


def run_cleanvision(planted):
    from cleanvision import Imagelab

    # CleanVision stops at the first file PIL cannot open, so it gets the decodable files only
    # (this filtering is not timed) and unreadable files count as not found by it
    paths = [str(planted.root / i) for i in planted.ids if _decodable(planted.root / i)]
    t0 = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        lab = Imagelab(filepaths=paths)
        lab.find_issues(verbose=False)
    wall = time.perf_counter() - t0
    res = lab.issues
    root = str(planted.root) + "/"
    ids = np.array([str(p).replace(root, "", 1) for p in res.index], dtype=object)
    flagged = {}
    for cv_name, ours in CLEANVISION_MAP.items():
        col = f"is_{cv_name}_issue"
        if col in res:
            flagged.setdefault(ours, set()).update(ids[res[col].to_numpy(bool)])
    return flagged, wall


def warm_up(X, y, out_dir: Path, image_size: int, embedder: str) -> float:
    """Run each tool once on a small set (64 of the first data set's base images, nothing planted) before anything is
    timed, and return the seconds it took: each tool's one-time work in this process (imports, building and loading the
    model, dataquality's ONNX export with the cache off) then falls outside every timer. Without it the first timed
    set paid dataquality's (about 4 s measured: generator U's run, docs/benchmarks.md), while the other tools' imports
    already happened before their timers started."""
    from types import SimpleNamespace

    from PIL import Image

    t0 = time.perf_counter()
    root = out_dir / "warm-up"
    (root / "images").mkdir(parents=True, exist_ok=True)
    k = min(64, len(X))
    ids = [f"images/{i:03d}.png" for i in range(k)]
    for i in range(k):
        a = np.asarray(X[i], dtype=np.uint8)
        Image.fromarray(np.repeat(a[..., None], 3, axis=2) if a.ndim == 2 else a[..., :3]).save(root / ids[i])
    pd.DataFrame({"path": ids, "label": [str(v) for v in y[:k]]}).to_csv(root / "labels.csv", index=False)
    small = SimpleNamespace(root=root, labels_csv=root / "labels.csv", ids=ids)
    report, _, _ = run_dataquality(small, image_size, 0, False, embedder)
    for tool, run in (("Datalab", lambda: (run_datalab(report, 0), time_datalab_inputs(small, report, image_size, 0))),
                      ("CleanVision", lambda: run_cleanvision(small))):
        try:
            run()
        except Exception as exc:  # a tool that cannot run on 64 images is timed cold on the first set, as before
            print(f"warm-up: {tool} failed on the small set ({type(exc).__name__}: {exc}); its first set is timed "
                  "cold", file=sys.stderr)
    shutil.rmtree(root, ignore_errors=True)
    return time.perf_counter() - t0


# -- one dataset, one seed ------------------------------------------------------------
FAMILY_KINDS = {"near_duplicate": "near copies", "blurry": "blurs", "dark": "dark", "outlier": "outliers"}


def found_by_family(planted, flagged: dict) -> list[dict]:
    """Per planted family (``families.json``, written by the generators that plant through
    ``_heldout_i.plant_generator``: I and after), how many of its pictures dataquality flagged as their issue: a
    near copy counts where the copy and its source are both flagged ``near_duplicate``. Empty for sets without it."""
    path = Path(planted.root) / "families.json"
    if not path.exists():
        return []
    made = json.loads(path.read_text())
    issue_of = {f: k for k, files in planted.truth.items() for f in files if k in FAMILY_KINDS}
    out = {}
    for f, family in made.items():
        issue = "near_duplicate" if f in planted.origin else issue_of.get(f)
        if issue is None:
            continue
        hit = flagged.get(issue, set())
        found = {f, planted.origin[f]} <= hit if issue == "near_duplicate" else f in hit
        row = out.setdefault((issue, family), {"issue": issue, "family": family, "found": 0, "planted": 0})
        row["planted"] += 1
        row["found"] += int(found)
    return list(out.values())


def print_families(rows: list[dict]) -> None:
    """Found / planted per family, summed over the sets in ``rows`` (``found_by_family``'s, with ``dataset``)."""
    if not rows:
        return
    df = pd.DataFrame(rows).groupby(["issue", "family"], sort=False)[["found", "planted"]].sum().reset_index()
    print("\n=== dataquality, found per planted family (all sets above) ===")
    for issue, g in df.groupby("issue", sort=False):
        print(f"{FAMILY_KINDS[issue]}: " + ", ".join(f"{r.family} {r.found}/{r.planted}" for r in g.itertuples()))


def bench_one(name, X, y, seed, out_dir: Path, image_size: int, cache_dir=False,
              embedder: str = "efficientnet_lite0", quick: bool = False) -> tuple[list[dict], dict]:
    root = out_dir / f"{name}-seed{seed}"
    if root.exists():
        shutil.rmtree(root)
    planted = plant_set(name, X, y, root, seed)
    truth = {k: set(v) for k, v in planted.truth.items()}
    scored = set(truth)  # generators D and E plant (and so score) a few issue types only
    n_files = len(planted.ids)

    report, ours, t_ours = run_dataquality(planted, image_size, seed, cache_dir, embedder)
    dl, t_dl = run_datalab(report, seed)
    cv, t_cv = run_cleanvision(planted)

    tm = report.timings
    t_inputs = time_datalab_inputs(planted, report, image_size, seed)
    rows = score_tool("dataquality", ours, truth, set(IMAGE_ISSUES) & scored)
    rows += score_tool("datalab", dl, truth, {"label", "outlier", "near_duplicate", "exact_duplicate"} & scored)
    rows += score_tool("cleanvision", cv, truth, set(CLEANVISION_MAP.values()) & scored)
    views = same_view_pairs(planted, X, tile_regions(name, quick))
    if views and "near_duplicate" in scored:
        for tool, fl in (("dataquality", ours), ("datalab", dl), ("cleanvision", cv)):
            rows.append({"tool": tool, "issue": NEAR_VIEWS, **near_without_views(fl, truth, views)})
    foreign = foreign_families(planted)
    if foreign and "near_duplicate" in scored:
        for tool, fl in (("dataquality", ours), ("datalab", dl), ("cleanvision", cv)):
            rows.append({"tool": tool, "issue": NEAR_FOREIGN, **near_without_alike_foreign(fl, truth, foreign)})
    for r in rows:
        r.update(dataset=name, seed=seed, n_files=n_files)
    times = {"dataset": name, "seed": seed, "n_files": n_files, "dataquality_s": t_ours,
             "datalab_find_issues_s": t_dl, "datalab_inputs_s": t_inputs, "cleanvision_s": t_cv,
             "dq_image_pass_s": tm.get("intermediate:image_pass", np.nan),
             "dq_pred_probs_s": tm.get("intermediate:pred_probs", np.nan)}
    times["ratio_fair"] = (t_dl + t_inputs + t_cv) / t_ours
    times["ratio_find_issues_only"] = (t_dl + t_cv) / t_ours
    # calibration: making, measuring and embedding the synthetic copies, and the checks' own work
    # on them (the checks' time with and without is measured apart in calibration_overhead)
    times["calibration_s"] = tm.get("intermediate:synthetic_copies", 0.0)  # what the checks waited for it
    times["calibration_background_s"] = tm.get("background:synthetic_copies", np.nan)  # its own time
    times.update(calibration_growth(planted, image_size, seed, cache_dir, embedder))
    times["role"] = role(name)
    times["families"] = [{**f, "dataset": name, "seed": seed} for f in found_by_family(planted, ours)]
    for r in rows:
        r["role"] = role(name)
    for check in ("near_duplicate", "blurry"):
        c = report.findings.get(check, {}).get("calibration", {})
        times[f"{check}_threshold"] = c.get("threshold")
        times[f"{check}_est_precision"] = c.get("estimated_precision")
        times[f"{check}_est_recall"] = c.get("estimated_recall")
        if check == "near_duplicate":
            times["near_duplicate_hash_bits"] = c.get("hash_threshold")
        else:
            times["blurry_statistic"] = c.get("statistic")
    if report.errors:
        print(f"  [{name} seed {seed}] dataquality check errors: {report.errors}", file=sys.stderr)
    return rows, times


def print_tables(rows: list[dict], times: list[dict]) -> None:
    df = pd.DataFrame(rows, columns=["dataset", "seed", "tool", "issue", "n_files", "n_true", "n_flagged", "tp",
                                     "precision", "recall", "f1"])
    pd.set_option("display.width", 200, "display.max_rows", 500, "display.max_columns", 30)
    for (name, seed), g in df.groupby(["dataset", "seed"], sort=False):
        n_files = g["n_files"].iloc[0]
        print(f"\n=== {name} ({role(name)} set), seed {seed}, {n_files} files ===")
        wide = g.pivot_table(index="issue", columns="tool", values="f1", aggfunc="first")
        wide = wide.reindex(columns=[c for c in ("dataquality", "datalab", "cleanvision") if c in wide])
        wide["n_true"] = g.groupby("issue")["n_true"].first()
        wide["target"] = [TARGETS.get(i, np.nan) for i in wide.index]
        print("F1 per issue type (blank = the tool does not report it):")
        print(wide.round(3).fillna("").to_string())
        ours = g[g.tool == "dataquality"].set_index("issue")[["n_flagged", "tp", "precision", "recall", "f1"]]
        print("\ndataquality precision / recall:")
        print(ours.round(3).to_string())
    if times:
        t = pd.DataFrame(times)
        print("\n=== wall time (seconds) ===")
        cols = ["dataset", "role", "seed", "n_files", "dataquality_s", "datalab_find_issues_s", "datalab_inputs_s",
                "cleanvision_s", "dq_image_pass_s", "dq_pred_probs_s", "ratio_fair", "ratio_find_issues_only"]
        print(t[[c for c in cols if c in t]].round(2).to_string(index=False))
        tot = t[["dataquality_s", "datalab_find_issues_s", "datalab_inputs_s", "cleanvision_s"]].sum()
        fair = (tot.datalab_find_issues_s + tot.datalab_inputs_s + tot.cleanvision_s) / tot.dataquality_s
        only = (tot.datalab_find_issues_s + tot.cleanvision_s) / tot.dataquality_s
        print(f"\nall runs: dataquality {tot.dataquality_s:.1f} s; Datalab find_issues {tot.datalab_find_issues_s:.1f} s "
              f"+ its inputs (embeddings + out-of-fold pred_probs) {tot.datalab_inputs_s:.1f} s; "
              f"CleanVision {tot.cleanvision_s:.1f} s")
        print(f"speed ratio (Datalab incl. computing its inputs + CleanVision) / dataquality = {fair:.2f}x")
        print(f"speed ratio (Datalab find_issues only + CleanVision) / dataquality = {only:.2f}x")
        if "calibration_s" in t:
            print("\n=== calibration: learnt thresholds, their estimates, and its cost ===")
            cal = ["dataset", "role", "seed", "near_duplicate_threshold", "near_duplicate_hash_bits",
                   "near_duplicate_est_precision", "near_duplicate_est_recall", "blurry_threshold",
                   "blurry_est_precision", "blurry_est_recall", "blurry_statistic", "calibration_background_s",
                   "calibration_s", "audit_with_calibration_s", "audit_without_calibration_s", "calibration_growth",
                   "calibration_growth_past_pass"]
            print(t[[c for c in cal if c in t]].round(4).to_string(index=False))
            if "calibration_growth" in t:
                growth = t.audit_with_calibration_s.sum() / t.audit_without_calibration_s.sum() - 1
                print(f"audit time with the calibration over the audit without it (medians of {TIMING_REPEATS} runs "
                      f"each, alternated), all runs: {growth:+.1%} (per run {t.calibration_growth.min():+.1%} to "
                      f"{t.calibration_growth.max():+.1%}); the copies' own time on their background thread "
                      f"{t.calibration_background_s.sum():.1f} s, of which the checks waited "
                      f"{t.calibration_s.sum():.1f} s")
            if "calibration_s_past_pass" in t:
                past = t.calibration_s_past_pass.sum() / t.audit_without_calibration_s.sum()
                print(f"the same, each audit less its image pass (run before the copies start, the same work on both "
                      f"sides, most of the audits' variation): all runs {past:+.1%} (per run "
                      f"{t.calibration_growth_past_pass.min():+.1%} to {t.calibration_growth_past_pass.max():+.1%})")


def summarize(rows: list[dict]) -> None:
    """Mean F1 per role (tuning / evaluation) and where a target or a baseline is missed."""
    df = pd.DataFrame(rows)
    if "role" not in df:
        df["role"] = "tuning"
    for r, part in df.groupby("role", sort=False):
        mean = part.pivot_table(index="issue", columns="tool", values="f1", aggfunc="mean")
        mean = mean.reindex(columns=[c for c in ("dataquality", "datalab", "cleanvision") if c in mean])
        print(f"\n=== mean F1 over the {r} sets ({', '.join(dict.fromkeys(part.dataset))}) ===")
        print(mean.round(3).fillna("").to_string())
    for r, part in df.groupby("role", sort=False):
        misses = []
        for (name, seed), g in part.groupby(["dataset", "seed"], sort=False):
            f = g.set_index(["tool", "issue"])["f1"]
            counts = g.set_index(["tool", "issue"])
            for issue, target in TARGETS.items():
                v = f.get(("dataquality", issue), np.nan)
                if v < target:
                    # with few planted (2 blurs among 61 tiles) one image either way moves F1 by 0.2 or more
                    c = counts.loc[("dataquality", issue)]
                    misses.append(f"{name}/seed{seed}: {issue} F1 {v:.3f} < {target} ({int(c.tp)} of {int(c.n_true)} "
                                  f"found, {int(c.n_flagged - c.tp)} others)")
            for issue in sorted(set(g.issue)):
                ours = f.get(("dataquality", issue), np.nan)
                best = np.nanmax([f.get((t, issue), np.nan) for t in ("datalab", "cleanvision")] + [-1.0])
                if best >= 0 and ours < best:
                    misses.append(f"{name}/seed{seed}: {issue} F1 {ours:.3f} < best baseline {best:.3f}")
        print(f"\n{r} sets, targets or baselines missed: " + ("none" if not misses else "\n  " + "\n  ".join(misses)))


def run_clean(names, quick: bool, fashion_n: int, image_size: int, out_dir: Path, cache_dir) -> list[dict]:
    """Every base set with nothing planted: how many examples each check flags (all are false alarms
    unless the base data itself holds the problem)."""
    rows = []
    for name, (X, y) in make_datasets(names, quick, fashion_n).items():
        root = out_dir / f"{name}-clean"
        if root.exists():
            shutil.rmtree(root)
        print(f"running {name} clean ({len(X)} images) ...", file=sys.stderr, flush=True)
        clean = _heldout.write_clean(X, y, root, jpeg=_jpeg_quality(name))  # as its planted files are
        report, flagged, wall = run_dataquality(clean, image_size, 0, cache_dir)
        for issue in IMAGE_ISSUES:
            k = len(flagged.get(issue, ()))
            rows.append({"dataset": name, "role": role(name), "n": len(X), "issue": issue, "flagged": k,
                         "rate": k / len(X)})
    if not rows:
        print("\n=== clean data: no base sets named ===")
        return rows
    df = pd.DataFrame(rows)
    wide = df.pivot_table(index="issue", columns="dataset", values="flagged", aggfunc="first")
    wide = wide[[c for c in names if c in wide]]
    print("\n=== clean data (nothing planted): examples flagged per check ===")
    n = df.groupby("dataset")["n"].first()
    print(wide.to_string())
    print("n: " + ", ".join(f"{k} {n[k]}" for k in wide.columns))
    high = df[df.rate > 0.01]
    print("checks flagging more than 1% of a clean set: " + ("none" if high.empty else ", ".join(
        f"{r.issue} on {r.dataset} ({r.rate:.1%})" for r in high.itertuples())))
    return rows


def run_text_tabular(seeds) -> list[dict]:
    path = Path(__file__).with_name("_text_tabular.py")
    if not path.exists():
        print("\n(text/tabular benchmark: benchmarks/_text_tabular.py not present, skipped)")
        return []
    spec = importlib.util.spec_from_file_location("_text_tabular", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    rows = []
    for seed in seeds:
        rows += mod.run(seed)
    if rows:
        print("\n=== text / tabular ===")
        print(pd.DataFrame(rows).round(3).to_string(index=False))
    return rows


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="400 images per dataset, for a smoke run")
    ap.add_argument("--datasets", nargs="+", default=None,
                    help=f"tuning sets {_heldout.TUNING}, evaluation sets {_heldout.EVALUATION}, "
                         f"{', '.join(str(g[0]) for g in FRESH[:-1])} and {FRESH[-1][0]} "
                         "(default: the tuning sets; --heldout: all)")
    ap.add_argument("--heldout", action="store_true", help="the held-out protocol: tuning and evaluation sets")
    ap.add_argument("--clean", action="store_true", help="also audit each base set with nothing planted")
    ap.add_argument("--seeds", nargs="+", type=int, default=[0])
    ap.add_argument("--fashion-n", type=int, default=3000)
    ap.add_argument("--image-size", type=int, default=64, help="embedder input size (default 64)")
    ap.add_argument("--embedder", default="efficientnet_lite0",
                    help="dataquality's embedder (e.g. pixels); Datalab's own loop always uses EfficientNet-Lite0")
    ap.add_argument("--modality", choices=["image", "text", "tabular", "all"], default="image")
    ap.add_argument("--out", default=None, help="folder for the planted data sets (default: temp, deleted)")
    ap.add_argument("--cache-dir", default=None,
                    help="embedding cache for repeated tuning runs (default: none, so timings are cold)")
    ap.add_argument("--json", default=None, help="also write all rows and times to this JSON file")
    ap.add_argument("--no-warm-up", action="store_true",
                    help="time the first set cold: without first running every tool once on a small set")
    args = ap.parse_args(argv)
    logging.getLogger("cleanvision").setLevel(logging.ERROR)
    if args.datasets is None:
        args.datasets = (list(_heldout.TUNING + _heldout.EVALUATION + sum((g[0] for g in FRESH), ()))
                         if args.heldout
                         else list(_heldout.TUNING))

    rows, times = [], []
    if args.modality in ("image", "all"):
        out_dir = Path(args.out) if args.out else Path(tempfile.mkdtemp(prefix="dq-detection-"))
        out_dir.mkdir(parents=True, exist_ok=True)
        try:
            data = make_datasets(args.datasets, args.quick, args.fashion_n)
            if not args.no_warm_up and data:
                X0, y0 = next(iter(data.values()))
                print(f"warm-up (not timed): {warm_up(X0, y0, out_dir, args.image_size, args.embedder):.1f} s",
                      file=sys.stderr, flush=True)
            for seed in args.seeds:
                for name, (X, y) in data.items():
                    print(f"running {name} seed {seed} ({len(X)} base images) ...", file=sys.stderr, flush=True)
                    r, t = bench_one(name, X, y, seed, out_dir, args.image_size,
                                     args.cache_dir or False, args.embedder, args.quick)
                    rows += r
                    times.append(t)
                    print_tables(r, [])  # each data set as soon as it is done
                    sys.stdout.flush()
        finally:
            if args.out is None:
                shutil.rmtree(out_dir, ignore_errors=True)
        print_tables([], times)
        summarize(rows)
        print_families(sum((t.get("families", []) for t in times), []))
    clean_rows = []
    if args.clean:
        out_dir = Path(args.out) if args.out else Path(tempfile.mkdtemp(prefix="dq-clean-"))
        out_dir.mkdir(parents=True, exist_ok=True)
        try:
            # every named set's base, D's, E's, F's, G's and H's too (other draws and sizes of B's domains); with nothing
            # but those named, their bases used to be left out and the table came out empty
            clean_rows = run_clean(args.datasets, args.quick, args.fashion_n, args.image_size, out_dir,
                                   args.cache_dir or False)
        finally:
            if args.out is None:
                shutil.rmtree(out_dir, ignore_errors=True)
    other = run_text_tabular(args.seeds) if args.modality in ("text", "tabular", "all") else []
    if args.modality in ("text", "tabular"):
        other = [r for r in other if r.get("modality", args.modality) == args.modality]
    if args.json:
        Path(args.json).write_text(json.dumps({"image": rows, "times": times, "clean": clean_rows, "text_tabular": other},
                                              indent=1, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
