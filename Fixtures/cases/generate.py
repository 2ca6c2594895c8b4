#!/usr/bin/env python3
"""Writes the localization case corpus of Fixtures/cases/. All patients and values are invented.

Run from anywhere: python3 Fixtures/cases/generate.py
It writes one EDX Study XML file per case (NN-slug.xml, study ID CASE-NN), expected.csv and
README.md, then checks every file (well-formed XML, element names of the study-xml format, names
and grades of ../shared/formats/vocabulary.md) and prints the coverage of codes, sides and
severities. Output is deterministic: the small jitter of normal values comes from a random
generator seeded by each case's slug (or by a shared seed for look-alike pairs).

The expected answers were written from ../shared/reference/clinical-knowledge.md (sections 1-7),
never from the output of the engine.
"""
import csv
import hashlib
import pathlib
import random
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict

ROOT = pathlib.Path(__file__).resolve().parent
VOCABULARY = ROOT.parents[1] / ".." / "shared" / "formats" / "vocabulary.md"
NS = "urn:edx:study:1"

CODES = [
    "l4-radiculopathy", "l5-radiculopathy", "s1-radiculopathy", "lumbosacral-plexopathy",
    "sciatic-neuropathy", "peroneal-neuropathy-fibular-head", "deep-peroneal-neuropathy",
    "superficial-peroneal-neuropathy", "tibial-neuropathy", "femoral-neuropathy", "polyneuropathy",
    "normal-study", "insufficient-data", "l3-radiculopathy", "obturator-neuropathy", "saphenous-neuropathy",
    "lateral-femoral-cutaneous-neuropathy", "sural-neuropathy", "outside-model",
]
BILATERAL_ONLY = {"polyneuropathy", "normal-study", "insufficient-data", "outside-model"}
# The codes the generated cases cover; the hand-written cases (after them, numbered on) cover the rest.
GENERATED_CODES = CODES[:13]
SEVERITIES = ["mild", "moderate", "severe", "complete"]

# Needle EMG muscles: short key -> name written in the file (canonical names of vocabulary.md).
MUSCLES = {
    "TA": "Tibialis Anterior", "EHL": "Extensor Hallucis Longus", "EDL": "Extensor Digitorum Longus",
    "EDB": "Extensor Digitorum Brevis", "PL": "Peroneus Longus", "PB": "Peroneus Brevis",
    "TP": "Tibialis Posterior", "FDL": "Flexor Digitorum Longus", "MG": "Gastrocnemius Medial Head",
    "LG": "Gastrocnemius Lateral Head", "SOL": "Soleus", "AH": "Abductor Hallucis",
    "ADMP": "Abductor Digiti Minimi Pedis", "BFSH": "Biceps Femoris Short Head",
    "BFLH": "Biceps Femoris Long Head", "ST": "Semitendinosus", "GMED": "Gluteus Medius",
    "TFL": "Tensor Fasciae Latae", "GMAX": "Gluteus Maximus", "VL": "Vastus Lateralis",
    "VM": "Vastus Medialis", "RF": "Rectus Femoris", "ILIO": "Iliopsoas", "AL": "Adductor Longus",
    "L3PSP": "Lumbar Paraspinals L3", "L4PSP": "Lumbar Paraspinals L4",
    "L5PSP": "Lumbar Paraspinals L5", "S1PSP": "Lumbar Paraspinals S1",
    # upper limb, only in the out-of-scope case
    "APB": "APB", "FDI": "FDI", "DELT": "Deltoid",
}

# Needle states: (insertional, fibs, psw, MUAP (amplitude, duration, polyphasia) or None, recruitment)
STATES = {
    "N": ("Normal", "0", "0", ("Normal", "Normal", "Normal"), "Normal"),
    # very early (< 2-3 weeks) or pure conduction block: no denervation yet, fewer units
    "E": ("Normal", "0", "0", ("Normal", "Normal", "Normal"), "Reduced"),
    "PM": ("Normal", "+/-", "+/-", ("Normal", "Normal", "Normal"), "Normal"),
    # acute denervation, normal MUAP morphology
    "A1n": ("Increased", "1+", "1+", ("Normal", "Normal", "Normal"), "Normal"),
    "A1": ("Increased", "1+", "1+", ("Normal", "Normal", "Normal"), "Reduced"),
    "A2": ("Increased", "2+", "2+", ("Normal", "Normal", "Normal"), "Reduced"),
    "A3": ("Increased", "3+", "3+", ("Normal", "Normal", "Normal"), "Discrete"),
    # subacute / chronic active: denervation and reinnervation
    "S1": ("Increased", "1+", "1+", ("Normal", "Increased", "Increased"), "Reduced"),
    "S2": ("Increased", "2+", "2+", ("Normal", "Increased", "Increased"), "Reduced"),
    # chronic inactive: reinnervation, no denervation
    "C": ("Normal", "0", "0", ("Increased", "Increased", "Increased"), "Reduced"),
    "CM": ("Normal", "0", "0", ("Normal", "Increased", "Increased"), "Normal"),
    # no voluntary motor units
    "X": ("Increased", "3+", "3+", None, "None"),
}


def fmt_mv(v):
    return f"{v:.1f}" if v >= 1 else f"{v:.2f}"


def fmt_uv(v):
    return f"{v:.1f}" if v < 10 else f"{v:.0f}"


def fmt1(v):
    return f"{v:.1f}"


def side_letter(s):
    return {"L": "L", "R": "R"}[s]


class Case:
    """One study under construction. Values not given explicitly are drawn once from normal ranges
    for the patient's age and height; every method draws the same number of random values whatever
    its arguments, so two cases with the same seed and the same calls share their normal values."""

    def __init__(self, slug, age, sex, height, duration, indication, temps="both", seed=None,
                 weight=None, date=None):
        self.slug, self.age, self.sex, self.height = slug, age, sex, height
        self.duration, self.indication, self.weight, self.date = duration, indication, weight, date
        seed = seed if seed is not None else slug
        self.rng = random.Random(int(hashlib.sha256(seed.encode()).hexdigest()[:12], 16))
        self.motor, self.sensory, self.late, self.needle = [], [], [], []
        self.ncs_done = False
        self.expected = None
        r = self.rng.uniform
        old = age >= 40
        # patient-level normal bases
        self.b_edb = r(5.0, 7.5) if age < 40 else (r(4.0, 6.0) if age < 60 else r(3.0, 4.6))
        self.b_ta = r(3.8, 5.2) if age < 30 else r(3.1, 4.6)
        self.b_pl = r(5.0, 7.0)
        self.b_ah = r(12.0, 16.0) if age < 30 else (r(9.5, 13.5) if age < 60 else r(7.0, 10.0))
        self.b_sural = r(14, 24) if age < 40 else (r(9, 16) if age < 60 else r(6, 10))
        self.b_sp = r(10, 16) if age < 40 else (r(7, 11) if age < 60 else r(5, 8))
        self.b_saph = r(5, 9) if age < 40 else r(3.6, 6)
        self.b_fem = r(5.5, 8.5)
        self.b_edb_dl = r(4.1, 5.1)
        self.b_ah_dl = r(3.8, 4.8)
        self.b_ta_lat = (3.0 if height < 160 else 3.4 if height <= 180 else 4.0) + r(-0.2, 0.2)
        self.b_sural_on = r(2.8, 3.2)
        self.b_sp_on = r(2.6, 3.0)
        self.b_saph_on = r(3.0, 3.4)
        self.b_fem_lat = r(5.4, 6.4)
        self.b_leg_cv = (47 if height >= 170 else 50) - (2 if old else 0) + r(-2, 2)
        self.b_fh_cv = r(52, 60)
        self.b_ta_fh_cv = r(56, 64)
        self.b_tib_cv = (45 if height >= 170 else 48) - (2 if old else 0) + r(-2, 2)
        self.b_f_tib = 46 + (height - 170) * 0.22 + (1.5 if age > 60 else 0) + r(-1, 1)
        self.b_h = 28.6 + (height - 165) * 0.11 + (1.2 if age >= 50 else 0) + r(-0.6, 0.6)
        self.b_edb_dur = r(5.2, 6.2)
        self.b_ta_dur = r(8.5, 11.0)
        self.b_ah_dur = r(5.5, 6.6)
        self.leg_dist = round(height * 0.18)
        self.tib_dist = round(height * 0.235)
        if temps == "both":
            self.temps = {"L": round(r(31.0, 33.0), 1), "R": round(r(31.0, 33.0), 1)}
        else:
            r(0, 1), r(0, 1)
            self.temps = temps or {}

    # ------------------------------------------------------------------ motor conduction
    def edb(self, side, ankle=None, bfh=None, afh=None, dl=None, leg_cv=None, fh_cv=None,
            ankle_only=False, durs=None):
        """Peroneal motor to EDB: ankle, below and above the fibular head."""
        r = self.rng.uniform
        j_amp, j_dl, j_cv, j_fh, d1, d2, j_dur = (r(0.9, 1.1), r(-0.3, 0.3), r(-1.5, 1.5), r(-3, 3),
                                                   r(0.95, 0.99), r(0.95, 0.99), r(0.95, 1.05))
        a0 = self.b_edb * j_amp if ankle is None else ankle
        dl = self.b_edb_dl + j_dl if dl is None else dl
        leg_cv = self.b_leg_cv + j_cv if leg_cv is None else leg_cv
        fh_cv = self.b_fh_cv + j_fh if fh_cv is None else fh_cv
        dur0 = self.b_edb_dur * j_dur
        durs = durs or (dur0, dur0 * 1.03, dur0 * 1.06)
        if a0 == "NR":
            sites = [("Ankle", None, "NR", None, 8)]
            if not ankle_only:
                sites += [("Below fibular head", None, "NR", None, None),
                          ("Above fibular head", None, "NR", None, None)]
            self.add_motor("Peroneal", side, "EDB", sites, [])
            return
        b = a0 * d1 if bfh is None else bfh
        a = b * d2 if afh is None else afh
        lat_b = dl + self.leg_dist * 10 / leg_cv
        lat_a = lat_b + 10 * 10 / fh_cv
        sites = [("Ankle", dl, a0, durs[0], 8)]
        segs = []
        if not ankle_only:
            sites += [("Below fibular head", lat_b, b, durs[1], None),
                      ("Above fibular head", lat_a, a, durs[2], None)]
            segs = [("Below fibular head", "Ankle", self.leg_dist, leg_cv),
                    ("Above fibular head", "Below fibular head", 10, fh_cv)]
        self.add_motor("Peroneal", side, "EDB", sites, segs)

    def ta(self, side, bfh=None, afh=None, fh_cv=None, lat=None):
        """Peroneal motor to tibialis anterior: below and above the fibular head."""
        r = self.rng.uniform
        j_amp, j_lat, j_fh, d, j_dur = r(0.9, 1.1), r(-0.2, 0.2), r(-3, 3), r(0.94, 0.99), r(0.95, 1.05)
        b = self.b_ta * j_amp if bfh is None else bfh
        lat = self.b_ta_lat + j_lat if lat is None else lat
        fh_cv = self.b_ta_fh_cv + j_fh if fh_cv is None else fh_cv
        dur = self.b_ta_dur * j_dur
        if b == "NR":
            self.add_motor("Peroneal", side, "TA", [("Below fibular head", None, "NR", None, 10),
                                                    ("Above fibular head", None, "NR", None, None)], [])
            return
        a = b * d if afh is None else afh
        sites = [("Below fibular head", lat, b, dur, 10),
                 ("Above fibular head", lat + 100 / fh_cv, a, dur * 1.04, None)]
        self.add_motor("Peroneal", side, "TA", sites, [("Above fibular head", "Below fibular head", 10, fh_cv)])

    def pl(self, side, bfh=None):
        """Peroneal motor to peroneus longus (superficial peroneal branch)."""
        r = self.rng.uniform
        j_amp, j_lat, d = r(0.9, 1.1), r(-0.2, 0.2), r(0.94, 0.99)
        b = self.b_pl * j_amp if bfh is None else bfh
        lat = 2.6 + j_lat
        sites = [("Below fibular head", lat, b, 8.0, 8), ("Above fibular head", lat + 1.8, b * d, 8.3, None)]
        self.add_motor("Peroneal", side, "Peroneus Longus", sites,
                       [("Above fibular head", "Below fibular head", 10, round(100 / 1.8))])

    def tib(self, side, ankle=None, pop=None, dl=None, cv=None, pop_durs=None):
        """Tibial motor to abductor hallucis: ankle and popliteal fossa."""
        r = self.rng.uniform
        j_amp, j_dl, j_cv, drop, j_dur, j_pd = r(0.9, 1.1), r(-0.3, 0.3), r(-1.5, 1.5), r(0.76, 0.9), r(0.95, 1.05), r(1.06, 1.15)
        a0 = self.b_ah * j_amp if ankle is None else ankle
        dl = self.b_ah_dl + j_dl if dl is None else dl
        cv = self.b_tib_cv + j_cv if cv is None else cv
        dur = self.b_ah_dur * j_dur
        if a0 == "NR":
            self.add_motor("Tibial", side, "AH", [("Ankle", None, "NR", None, 8),
                                                  ("Popliteal fossa", None, "NR", None, None)], [])
            return
        p = a0 * drop if pop is None else pop
        pd = pop_durs if pop_durs else dur * j_pd
        sites = [("Ankle", dl, a0, dur, 8), ("Popliteal fossa", dl + self.tib_dist * 10 / cv, p, pd, None)]
        self.add_motor("Tibial", side, "AH", sites, [("Popliteal fossa", "Ankle", self.tib_dist, cv)])

    def femoral(self, side, amp=None, lat=None):
        """Femoral motor to rectus femoris, stimulated at the inguinal ligament."""
        r = self.rng.uniform
        j_amp, j_lat = r(0.9, 1.1), r(-0.3, 0.3)
        a = self.b_fem * j_amp if amp is None else amp
        lat = self.b_fem_lat + j_lat if lat is None else lat
        if a == "NR":
            self.add_motor("Femoral", side, "Rectus Femoris", [("Inguinal", None, "NR", None, 30)], [])
        else:
            self.add_motor("Femoral", side, "Rectus Femoris", [("Inguinal", lat, a, 11.0, 30)], [])

    def add_motor(self, nerve, side, recording, sites, segments):
        self.ncs_done = True
        self.motor.append((nerve, side, recording, sites, segments))

    # ------------------------------------------------------------------ sensory conduction
    def _sensory(self, nerve, side, recording, site, base_amp, base_on, amp, onset, dist=14):
        r = self.rng.uniform
        j_amp, j_on, j_pk = r(0.88, 1.12), r(-0.15, 0.15), r(0.6, 0.8)
        a = base_amp * j_amp if amp is None else amp
        on = base_on + j_on if onset is None else onset
        self.ncs_done = True
        if a == "NR":
            self.sensory.append((nerve, side, recording, site, None))
        else:
            self.sensory.append((nerve, side, recording, site, (on, on + j_pk, a, dist, dist * 10 / on)))

    def sural(self, side, amp=None, onset=None):
        self._sensory("Sural", side, "Lateral malleolus", "Calf", self.b_sural, self.b_sural_on, amp, onset)

    def sp(self, side, amp=None, onset=None):
        self._sensory("Superficial Peroneal", side, "Dorsum of foot", "Lateral leg", self.b_sp, self.b_sp_on, amp, onset)

    def saph(self, side, amp=None, onset=None):
        self._sensory("Saphenous", side, "Ankle", "Medial leg", self.b_saph, self.b_saph_on, amp, onset)

    # ------------------------------------------------------------------ late responses
    def fw(self, side, lat=None, nerve="Tibial", persistence=None):
        r = self.rng.uniform
        j, jp = r(-0.8, 0.8), r(85, 100)
        self.ncs_done = True
        rec = "AH" if nerve == "Tibial" else "EDB"
        if lat == "NR":
            self.late.append(("FWave", nerve, side, rec, None, None))
            return
        base = self.b_f_tib if nerve == "Tibial" else self.b_f_tib - 1.5
        lat = base + j if lat is None else lat
        self.late.append(("FWave", nerve, side, rec, lat, round(jp if persistence is None else persistence)))

    def h(self, side, lat=None, amp=None):
        r = self.rng.uniform
        j, ja = r(-0.4, 0.4), r(2.2, 4.5)
        self.ncs_done = True
        if lat == "NR":
            self.late.append(("HReflex", "Tibial", side, "Soleus", None, None))
            return
        lat = self.b_h + j if lat is None else lat
        self.late.append(("HReflex", "Tibial", side, "Soleus", lat, ja if amp is None else amp))

    # ------------------------------------------------------------------ needle EMG
    def emg(self, side, spec):
        """spec: 'TA:A2 EHL:A2,rec=Discrete PL:N ...' (state, then ,key=value overrides)."""
        for token in spec.split():
            name, _, rest = token.partition(":")
            state, *overrides = rest.split(",")
            ins, fib, psw, muap, rec = STATES[state]
            comment = None
            for o in overrides:
                k, _, v = o.partition("=")
                v = v.replace("_", " ")
                if k == "fib": fib = v
                elif k == "psw": psw = v
                elif k == "rec": rec = v
                elif k == "ins": ins = v
                elif k == "amp": muap = (v, muap[1], muap[2])
                elif k == "dur": muap = (muap[0], v, muap[2])
                elif k == "poly": muap = (muap[0], muap[1], v)
                elif k == "note": comment = v
                else: raise ValueError(f"{self.slug}: unknown override {o}")
            if muap is None and comment is None:
                comment = "No voluntary motor units"
            self.needle.append((MUSCLES[name], side, ins, fib, psw, muap, rec, comment))

    def expect(self, code, side, severity="", why="", second=("", "")):
        self.expected = dict(code=code, side=side, severity=severity, second_code=second[0],
                             second_side=second[1], rationale=why)

    # ------------------------------------------------------------------ XML
    def xml(self, number):
        out = ['<?xml version="1.0" encoding="UTF-8"?>', f'<EDXStudy xmlns="{NS}" schemaVersion="1.0">']
        out.append("  <Patient>")
        out.append(f"    <ID>C-{number:03d}</ID>")
        out.append(f'    <Age unit="years">{self.age}</Age>')
        out.append(f"    <Sex>{self.sex}</Sex>")
        if self.height:
            out.append(f'    <Height unit="cm">{self.height}</Height>')
        if self.weight:
            out.append(f'    <Weight unit="kg">{self.weight}</Weight>')
        out.append("  </Patient>")
        out.append("  <Study>")
        out.append(f"    <ID>CASE-{number:02d}</ID>")
        out.append(f"    <Date>{self.date}</Date>")
        out.append(f"    <Indication>{self.indication}</Indication>")
        if self.duration:
            out.append(f'    <SymptomDuration unit="{self.duration[1]}">{self.duration[0]}</SymptomDuration>')
        for s in sorted(self.temps):
            site = "hand" if self.slug.startswith("insufficient-upper") else "foot"
            out.append(f'    <Temperature side="{s}" site="{site}" unit="C">{self.temps[s]:.1f}</Temperature>')
        out.append("  </Study>")
        if self.ncs_done:
            out.append("  <NerveConduction>")
            for nerve, side, rec, sites, segs in self.motor:
                out.append(f'    <Motor nerve="{nerve}" side="{side}" recording="{rec}">')
                for name, lat, amp, dur, dist in sites:
                    if amp == "NR":
                        out.append(f'      <Site name="{name}" noResponse="true"/>')
                        continue
                    out.append(f'      <Site name="{name}">')
                    out.append(f'        <Latency unit="ms">{fmt1(lat)}</Latency>')
                    out.append(f'        <Amplitude unit="mV">{fmt_mv(amp)}</Amplitude>')
                    if dur is not None:
                        out.append(f'        <Duration unit="ms">{fmt1(dur)}</Duration>')
                    if dist is not None:
                        out.append(f'        <Distance unit="cm">{dist}</Distance>')
                    out.append("      </Site>")
                for frm, to, dist, cv in segs:
                    out.append(f'      <Segment from="{frm}" to="{to}">')
                    out.append(f'        <Distance unit="cm">{dist}</Distance>')
                    out.append(f'        <Velocity unit="m/s">{cv:.0f}</Velocity>')
                    out.append("      </Segment>")
                out.append("    </Motor>")
            for nerve, side, rec, site, vals in self.sensory:
                out.append(f'    <Sensory nerve="{nerve}" side="{side}" recording="{rec}" method="antidromic">')
                if vals is None:
                    out.append(f'      <Site name="{site}" noResponse="true"/>')
                else:
                    on, pk, amp, dist, vel = vals
                    out.append(f'      <Site name="{site}">')
                    out.append(f'        <OnsetLatency unit="ms">{fmt1(on)}</OnsetLatency>')
                    out.append(f'        <PeakLatency unit="ms">{fmt1(pk)}</PeakLatency>')
                    out.append(f'        <Amplitude unit="uV">{fmt_uv(amp)}</Amplitude>')
                    out.append(f'        <Distance unit="cm">{dist}</Distance>')
                    out.append(f'        <Velocity unit="m/s">{vel:.0f}</Velocity>')
                    out.append("      </Site>")
                out.append("    </Sensory>")
            for kind, nerve, side, rec, lat, extra in self.late:
                if lat is None:
                    out.append(f'    <{kind} nerve="{nerve}" side="{side}" recording="{rec}" noResponse="true"/>')
                elif kind == "FWave":
                    out.append(f'    <FWave nerve="{nerve}" side="{side}" recording="{rec}">'
                               f'<MinLatency unit="ms">{fmt1(lat)}</MinLatency>'
                               f'<Persistence unit="%">{extra}</Persistence></FWave>')
                else:
                    out.append(f'    <HReflex nerve="{nerve}" side="{side}" recording="{rec}">'
                               f'<Latency unit="ms">{fmt1(lat)}</Latency>'
                               f'<Amplitude unit="mV">{fmt1(extra)}</Amplitude></HReflex>')
            out.append("  </NerveConduction>")
        if self.needle:
            out.append("  <NeedleEMG>")
            for name, side, ins, fib, psw, muap, rec, comment in self.needle:
                out.append(f'    <Muscle name="{name}" side="{side}">')
                out.append(f"      <InsertionalActivity>{ins}</InsertionalActivity>")
                out.append(f"      <Fibrillations>{fib}</Fibrillations>")
                out.append(f"      <PositiveSharpWaves>{psw}</PositiveSharpWaves>")
                out.append("      <Fasciculations>0</Fasciculations>")
                if muap:
                    out.append(f'      <MUAP amplitude="{muap[0]}" duration="{muap[1]}" polyphasia="{muap[2]}"/>')
                out.append(f"      <Recruitment>{rec}</Recruitment>")
                if comment:
                    out.append(f"      <Comment>{comment}</Comment>")
                out.append("    </Muscle>")
            out.append("  </NeedleEMG>")
        out.append("</EDXStudy>")
        return "\n".join(out) + "\n"


CASES = []


def case(*args, **kwargs):
    c = Case(*args, **kwargs)
    CASES.append(c)
    return c


def routine_normals(c, side, sp=True, late=True):
    """Tibial motor, sural and (optionally) SP on one side, plus tibial F and H."""
    c.tib(side)
    c.sural(side)
    if sp:
        c.sp(side)
    if late:
        c.fw(side)
        c.h(side)


PFH = "peroneal-neuropathy-fibular-head"

# ====================================================================== peroneal at the fibular head
c = case("peroneal-fh-conduction-block-left", 34, "F", 168, (3, "weeks"),
         "Left foot drop after a day of squatting in the garden")
c.edb("L", ankle=5.8, bfh=5.6, afh=2.2, fh_cv=34)
c.edb("R", ankle=6.1)
c.ta("L", bfh=4.2, afh=1.4, fh_cv=32)
c.ta("R", bfh=4.4)
routine_normals(c, "L")
c.sural("R"); c.sp("R"); c.h("R")
c.emg("L", "TA:E EHL:E PL:E,rec=Normal TP:N MG:N BFSH:N BFLH:N GMED:N L5PSP:N")
c.expect(PFH, "left", "moderate",
         "61% EDB and 67% TA conduction block with slowing across FH, normal distal CMAP, no fibs at 3 weeks; "
         "BFSH, TP, GMed, paraspinals normal (§3.2; §7.2: a block is graded by the response above it, 33-39 % "
         "of the one below: moderate)")

c = case("peroneal-fh-mixed-right", 52, "M", 178, (6, "weeks"),
         "Right foot drop after losing 15 kg on a diet")
c.edb("R", ankle=1.8, bfh=1.7, afh=0.8, fh_cv=30)
c.edb("L", ankle=5.2)
c.ta("R", bfh=1.6, afh=0.6, fh_cv=31)
c.ta("L", bfh=3.8)
c.tib("R")
c.sural("R"); c.sural("L")
c.sp("R", amp=3.0); c.sp("L", amp=9.5)
c.h("R"); c.h("L")
c.emg("R", "TA:A2 EHL:A2 PL:A1 TP:N MG:N BFSH:N BFLH:N GMED:N TFL:N L5PSP:N")
c.expect(PFH, "right", "moderate",
         "EDB CMAP 35% of left with 53-63% CB and slowing across FH, low SP SNAP; TA/EHL/PL fibs with normal BFSH, TP, "
         "gluteals, paraspinals (§3.2, §5.2, §7.2 moderate)")

c = case("peroneal-fh-severe-axonal-left", 61, "M", 175, (8, "weeks"),
         "Left foot drop noticed after an intensive care stay")
c.edb("L", ankle="NR")
c.edb("R", ankle=4.0)
c.ta("L", bfh=0.3, afh=0.27, fh_cv=35)
c.ta("R", bfh=3.5)
c.tib("L", ankle=9.0)
c.sural("L", amp=7.0); c.sural("R", amp=8.0)
c.sp("L", amp="NR"); c.sp("R", amp=6.5)
c.fw("L"); c.h("L"); c.h("R")
c.emg("L", "TA:A3 EHL:A3 PL:A2 TP:N FDL:N MG:N BFSH:N BFLH:N GMED:N L5PSP:N")
c.expect(PFH, "left", "severe",
         "EDB absent and TA CMAP 9% of right with focal slowing across FH, absent SP SNAP; BFSH, TP/FDL, MG, GMed, "
         "paraspinals normal (§5.2, §5.5, §7.2 severe)")

c = case("peroneal-fh-complete-right", 27, "M", 183, (4, "weeks"),
         "Right foot drop after a knee dislocation")
c.edb("R", ankle="NR")
c.edb("L", ankle=6.5)
c.ta("R", bfh="NR")
c.ta("L", bfh=4.6)
c.tib("R", ankle=14.0)
c.sural("R"); c.sural("L")
c.sp("R", amp="NR"); c.sp("L", amp=14)
c.fw("R"); c.h("R"); c.h("L")
c.emg("R", "TA:X EHL:X PL:X PB:X,fib=2+ TP:N MG:N BFSH:N BFLH:N GMED:N L5PSP:N")
c.expect(PFH, "right", "complete",
         "Peroneal CMAPs (EDB, TA) and SP SNAP absent at all sites, no voluntary MUAPs in TA/EHL/PL/PB; BFSH, TP, MG "
         "normal place the lesion in the common peroneal nerve at the knee (§5.2, §7.2 complete)")

c = case("peroneal-fh-day-5-block-left", 45, "F", 165, (5, "days"),
         "Left foot drop on waking after surgery in the lithotomy position")
c.edb("L", ankle=4.8, bfh=4.6, afh=1.6, fh_cv=33)
c.edb("R", ankle=5.0)
c.ta("L", bfh=3.6, afh=1.0, fh_cv=30)
c.ta("R", bfh=3.8)
routine_normals(c, "L")
c.sp("R"); c.h("R")
c.emg("L", "TA:E EHL:E PL:E TP:N MG:N BFSH:N GMED:N L5PSP:N")
c.expect(PFH, "left", "moderate",
         "Day 5: 65-72% CB across FH on EDB and TA with normal distal CMAP; no fibs yet (too early, §4.2) and axon loss "
         "not yet measurable (§3.3); BFSH, TP, GMed normal (§3.2); the block leaves 28-35 % conducting: moderate "
         "(§7.2)")

c = case("peroneal-fh-chronic-reinnervated-right", 58, "F", 162, (18, "months"),
         "Right foot drop 18 months ago after weight loss, partly recovered")
c.edb("R", ankle=2.1, bfh=2.0, afh=1.85, leg_cv=45, fh_cv=33)
c.edb("L", ankle=5.0)
c.ta("R", bfh=2.0, afh=1.8, fh_cv=35)
c.ta("L", bfh=3.6)
c.tib("R")
c.sural("R"); c.sural("L")
c.sp("R", amp=4.0); c.sp("L", amp=8.5)
c.h("R"); c.h("L")
c.emg("R", "TA:C EHL:C PL:CM TP:N MG:N BFSH:N GMED:N L5PSP:N")
c.expect(PFH, "right", "moderate",
         "EDB CMAP 42% of left with focal slowing across FH (33 vs 45 m/s), chronic reinnervation without fibs confined "
         "to peroneal muscles, BFSH/TP/GMed normal (§3.2, §4.2 chronic, §7.2 moderate)")

c = case("peroneal-fh-ncs-only-left", 66, "M", 172, (5, "weeks"),
         "Left foot drop after hospital bed rest; needle EMG declined (anticoagulated)")
c.edb("L", ankle=1.9, bfh=1.8, afh=0.6, fh_cv=28)
c.edb("R", ankle=4.6)
c.ta("L", bfh=2.1, afh=0.7, fh_cv=30)
c.ta("R", bfh=3.3)
c.tib("L", ankle=9.0); c.tib("R", ankle=9.5)
c.sural("L", amp=7.0); c.sural("R", amp=8.0)
c.sp("L", amp=2.5); c.sp("R", amp=6.0)
c.fw("L"); c.fw("R"); c.h("L"); c.h("R")
c.expect(PFH, "left", "moderate",
         "No needle study, but 67% CB and focal slowing across FH on both EDB and TA localize it; EDB CMAP 41% of right, "
         "tibial, sural and H normal (§3.2, §7.2 moderate)")

c = case("peroneal-fh-bfsh-not-sampled-right", 44, "M", 180, (7, "weeks"),
         "Right foot drop, no clear precipitant")
c.edb("R", ankle=1.4, bfh=1.33, afh=1.27, leg_cv=44, fh_cv=50)
c.edb("L", ankle=5.6)
c.ta("R", bfh=1.1, afh=1.03, fh_cv=54)
c.ta("L", bfh=3.9)
c.tib("R")
c.sural("R", amp=12); c.sural("L", amp=13)
c.sp("R", amp=2.0); c.sp("L", amp=9.0)
c.h("R"); c.h("L")
c.emg("R", "TA:A2 EHL:A2 PL:A2 TP:N MG:N BFLH:N GMED:N TFL:N L5PSP:N S1PSP:N")
c.expect(PFH, "right", "moderate",
         "Axonal peroneal pattern (EDB 25% of left, low SP, TA/EHL/PL fibs) with normal TP, GMed, BFLH, paraspinals; no CB "
         "and BFSH not sampled, so peroneal-predominant sciatic is not excluded (§5.3 S97) - FH is the likelier site")

c = case("peroneal-fh-focal-slowing-only-right", 41, "F", 166, (2, "months"),
         "Tingling of the right lateral leg and dorsum of foot; habitual leg crossing")
c.edb("R", ankle=5.2, bfh=5.0, afh=4.4, leg_cv=48, fh_cv=33)
c.edb("L", ankle=5.5, fh_cv=56)
c.ta("R", bfh=3.8, afh=3.4, fh_cv=36)
c.ta("L", bfh=3.9, fh_cv=60)
c.tib("R")
c.sural("R"); c.sural("L")
c.sp("R"); c.sp("L")
c.h("R"); c.h("L")
c.emg("R", "TA:N EHL:N PL:N TP:N MG:N BFSH:N GMED:N L5PSP:N")
c.expect(PFH, "right", "mild",
         "Isolated focal slowing across right FH (EDB 33 vs leg 48 m/s, TA 36 m/s) without CB or axon loss; needle "
         "normal (§3.2 focal slowing, §7.2 mild)")

c = case("peroneal-fh-ta-only-block-right", 47, "M", 174, (4, "weeks"),
         "Right ankle dorsiflexion weakness after sleeping on a hard floor")
c.edb("R", ankle=4.5, fh_cv=50)
c.edb("L", ankle=4.8)
c.ta("R", bfh=3.6, afh=1.3, fh_cv=38)
c.ta("L", bfh=3.8, fh_cv=60)
c.tib("R")
c.sural("R"); c.sural("L")
c.sp("R"); c.sp("L")
c.h("R"); c.h("L")
c.emg("R", "TA:E EHL:E PL:N TP:N MG:N BFSH:N GMED:N L5PSP:N")
c.expect(PFH, "right", "moderate",
         "64% CB with slowing across FH on TA recording only (EDB fascicles spared), normal distal CMAPs, no fibs; "
         "BFSH, TP, GMed normal (§1.2 S9, §3.2; §7.2: 36 % conducting across the block, moderate)")

c = case("peroneal-fh-severe-low-sural-right", 45, "M", 178, (3, "months"),
         "Right foot drop after knee surgery")
c.edb("R", ankle="NR")
c.edb("L", ankle=5.4)
c.ta("R", bfh=0.25, afh=0.22, fh_cv=40)
c.ta("L", bfh=4.0)
c.tib("R", ankle=11.0); c.tib("L", ankle=11.8)
c.sural("R", amp=3.0); c.sural("L", amp=14)
c.sp("R", amp="NR"); c.sp("L", amp=10)
c.h("R"); c.h("L")
c.emg("R", "TA:S2,fib=3+,psw=3+,rec=Discrete EHL:S2,fib=3+,rec=Discrete PL:S2 TP:N FDL:N MG:N LG:N "
      "BFSH:N BFLH:N GMED:N L5PSP:N")
c.expect(PFH, "right", "severe",
         "EDB absent, TA 6% of left, SP absent; sural low but tibial CMAP, H, MG/LG, TP/FDL, BFSH and BFLH normal - "
         "sural loss from the CPN contribution must not move it to sciatic (§5.2 S88, §7.2 severe)")

c = case("peroneal-fh-needle-only-left", 24, "M", 186, (5, "weeks"),
         "Left foot drop after rapid weight loss; nerve conduction studies done elsewhere, not available")
c.temps = {}
c.emg("L", "TA:A2 EHL:A2 EDB:A1 PL:A1 TP:N FDL:N MG:N BFSH:N BFLH:N GMED:N TFL:N L5PSP:N")
c.expect(PFH, "left", "moderate",
         "Needle only: deep and superficial peroneal muscles denervated with normal BFSH, TP/FDL, gluteals and "
         "paraspinals - FH by exclusion, no CB data; severity from needle column (fibs 1-2+, MUAPs present) (§5.5, §7.2)")

# ---------------------------------------------------------------------- look-alike pair A: L5 root vs peroneal
for variant in ("peroneal", "l5"):
    slug = "pair-a-peroneal-fh-left" if variant == "peroneal" else "pair-a-l5-radiculopathy-left"
    c = case(slug, 49, "M", 176, (6, "weeks"), "Left foot drop", seed="pair-a")
    c.edb("L", ankle=2.0, bfh=1.95, afh=1.9, fh_cv=52)
    c.edb("R", ankle=5.5)
    c.ta("L", bfh=1.6, afh=1.55)
    c.ta("R", bfh=3.8)
    c.tib("L")
    c.sural("L"); c.sural("R")
    c.sp("L", amp=8.0); c.sp("R", amp=9.0)
    c.fw("L"); c.h("L"); c.h("R")
    root = "A2" if variant == "l5" else "N"
    c.emg("L", f"TA:A2 EHL:A2 PL:A1 TP:{root} MG:N BFSH:N BFLH:N GMED:{root.replace('A2', 'A1')} "
               f"VL:N L5PSP:{root.replace('A2', 'A1n')},rec=Normal")
    if variant == "peroneal":
        c.expect(PFH, "left", "moderate",
                 "TA/EHL/PL fibs with TP, GMed and L5 paraspinals normal; SP SNAP spared and no CB (axonal, S87); "
                 "EDB 36% of right - peroneal, FH most likely (§5.2, §5.5; pair with next case)")
    else:
        c.expect("l5-radiculopathy", "left", "moderate",
                 "Same NCS as the previous case but TP, GMed and L5 paraspinals fibrillate: L5 myotome across deep "
                 "peroneal, tibial and superior gluteal nerves with normal SP SNAP; EDB 36% of right (§5.1, §5.5)")

# ---------------------------------------------------------------------- look-alike pair B: sciatic vs peroneal
for variant in ("peroneal", "sciatic"):
    slug = "pair-b-peroneal-fh-right" if variant == "peroneal" else "pair-b-sciatic-right"
    c = case(slug, 63, "F", 160, (7, "weeks"), "Right foot drop after a long hospital stay", seed="pair-b")
    c.edb("R", ankle=0.7, bfh=0.66, afh=0.63, fh_cv=47)
    c.edb("L", ankle=4.2)
    c.ta("R", bfh=0.8, afh=0.76)
    c.ta("L", bfh=3.4)
    c.tib("R", ankle=8.5); c.tib("L", ankle=9.0)
    c.sural("R", amp=6.0); c.sural("L", amp=7.0)
    c.sp("R", amp="NR"); c.sp("L", amp=6.5)
    c.fw("R"); c.h("R"); c.h("L")
    bfsh = "A2" if variant == "sciatic" else "N"
    c.emg("R", f"TA:A3 EHL:A3 PL:A2 TP:N MG:N BFSH:{bfsh} BFLH:N ST:N GMED:N GMAX:N L5PSP:N S1PSP:N")
    if variant == "peroneal":
        c.expect(PFH, "right", "moderate",
                 "Peroneal axonal loss (EDB 17% of left, SP absent) with normal BFSH, hamstrings, tibial muscles, "
                 "gluteals, paraspinals: lesion below the BFSH branch, FH most likely (§5.2, §5.5; pair with next)")
    else:
        c.expect("sciatic-neuropathy", "right", "moderate",
                 "Identical to the previous case except BFSH fibs: peroneal-division-predominant sciatic with normal "
                 "BFLH, gluteals and paraspinals and no CB at FH (§5.3 S97, §5.5); EDB 17% of left")

# ====================================================================== L5 radiculopathy
for variant in ("l5", "plexus"):
    slug = "pair-c-l5-radiculopathy-right" if variant == "l5" else "pair-c-lumbosacral-plexopathy-right"
    c = case(slug, 57, "M", 174, (2, "months"), "Right leg pain and weak ankle dorsiflexion", seed="pair-c")
    c.edb("R", ankle=4.3)
    c.edb("L", ankle=4.8)
    c.ta("R")
    c.tib("R")
    c.sural("R"); c.sural("L")
    c.sp("R", amp=8.5 if variant == "l5" else 2.5); c.sp("L", amp=9.0)
    c.fw("R"); c.h("R"); c.h("L")
    psp = "A1n" if variant == "l5" else "N"
    c.emg("R", f"TA:A1 EHL:A1 PL:A1n TP:A1 MG:N BFSH:N GMED:A1n TFL:A1 VL:N L4PSP:N L5PSP:{psp} S1PSP:N")
    if variant == "l5":
        c.expect("l5-radiculopathy", "right", "mild",
                 "Fibs in TA, EHL, PL, TP, GMed/TFL and L5 paraspinals with normal SP SNAP (preganglionic) and normal "
                 "CMAPs (§5.1, §5.5; pair with next case)")
    else:
        c.expect("lumbosacral-plexopathy", "right", "mild",
                 "Same L5-distribution denervation incl. GMed/TFL but SP SNAP 28% of left and paraspinals normal: "
                 "postganglionic lumbosacral trunk/plexus (§5.4 S55, §5.5); CMAPs normal")

c = case("l5-radiculopathy-older-absent-sp-right", 71, "M", 172, (10, "weeks"),
         "Right leg pain and toe extension weakness")
c.edb("R", ankle=3.2); c.edb("L", ankle=3.6)
c.ta("R")
c.tib("R", ankle=8.0); c.tib("L", ankle=8.5)
c.sural("R", amp=6.0); c.sural("L", amp=5.5)
c.sp("R", amp="NR"); c.sp("L", amp="NR")
c.fw("R"); c.h("R"); c.h("L")
c.emg("R", "TA:A1 EHL:A1 PL:A1n TP:A1 GMED:A1n TFL:PM MG:N BFSH:N VL:N L5PSP:A1n S1PSP:N")
c.expect("l5-radiculopathy", "right", "mild",
         "L5 fibs across deep peroneal, tibial (TP), superior gluteal and L5 paraspinals; SP SNAPs absent on both sides "
         "at 71 y are age-related, not plexus, sural normal (§1.5 S16, §5.1); CMAPs normal")

c = case("l5-radiculopathy-chronic-left", 55, "F", 164, (36, "months"),
         "Chronic left leg pain and mild weakness of toe extension")
c.edb("L", ankle=4.6); c.edb("R", ankle=5.0)
c.tib("L")
c.sural("L"); c.sural("R")
c.sp("L"); c.sp("R")
c.h("L"); c.h("R")
c.emg("L", "TA:C EHL:C PL:CM TP:C GMED:C MG:N BFSH:N VL:N L5PSP:N")
c.expect("l5-radiculopathy", "left", "mild",
         "Chronic reinnervation without fibs in TA, EHL, TP and GMed (three L5 nerves) with normal SP SNAPs and CMAPs; "
         "paraspinals reinnervate first (§4.2 chronic, §5.1 S70)")

c = case("l5-radiculopathy-needle-only-right", 40, "M", 178, (5, "weeks"),
         "Right L5-type radicular pain; nerve conductions done at another site, not available")
c.temps = {}
c.emg("R", "TA:A2 EHL:A2 PL:A1 TP:A2 FDL:A1 GMED:A1 TFL:A1 MG:N BFSH:N BFLH:N VL:N L5PSP:A2,rec=Normal S1PSP:N")
c.expect("l5-radiculopathy", "right", "moderate",
         "Needle only: fibs in deep/superficial peroneal, tibial (TP/FDL), superior gluteal muscles and L5 paraspinals; "
         "severity from needle column (fibs 1-2+, reduced recruitment, MUAPs present) (§5.1, §7.2)")

c = case("l5-radiculopathy-severe-right", 36, "M", 185, (4, "weeks"),
         "Sudden right foot drop with back and leg pain")
c.edb("R", ankle=0.4, bfh=0.39, afh=0.38)
c.edb("L", ankle=6.0)
c.ta("R", bfh=0.3, afh=0.29)
c.ta("L", bfh=4.2)
c.tib("R", ankle=12.0); c.tib("L", ankle=13.0)
c.sural("R"); c.sural("L")
c.sp("R", amp=13); c.sp("L", amp=14)
c.fw("R"); c.h("R"); c.h("L")
c.emg("R", "TA:A2,rec=Discrete EHL:A2,rec=Discrete PL:A2 TP:A2 FDL:A1 GMED:A1 TFL:A1 MG:N BFSH:N "
      "L5PSP:A2,rec=Normal S1PSP:N")
c.expect("l5-radiculopathy", "right", "severe",
         "EDB and TA CMAPs 7% of left but SP SNAP normal (preganglionic), no CB; TP/FDL, GMed/TFL and L5 paraspinals "
         "denervated (§5.1 S81, §5.5, §7.2 severe)")

c = case("l5-radiculopathy-normal-paraspinals-left", 53, "F", 170, (5, "months"),
         "Left leg pain with weak heel walking")
c.edb("L"); c.edb("R")
c.ta("L")
c.tib("L")
c.sural("L"); c.sural("R")
c.sp("L", amp=8.0); c.sp("R", amp=8.6)
c.h("L"); c.h("R")
c.emg("L", "TA:S1 EHL:S1 PL:CM TP:S1 GMED:S1 TFL:S1 MG:N BFSH:N VL:N L5PSP:N S1PSP:N")
c.expect("l5-radiculopathy", "left", "mild",
         "Active and chronic changes in deep peroneal, tibial (TP) and superior gluteal L5 muscles with normal SP SNAP; "
         "normal paraspinals do not exclude it (§5.1, §5.5 'not always', §4.2); CMAPs normal")

c = case("l5-radiculopathy-with-peroneal-fh-left", 64, "F", 163, (3, "months"),
         "Left sciatica, then worse foot drop after three weeks of bed rest")
c.edb("L", ankle=3.0, bfh=2.9, afh=1.3, fh_cv=33)
c.edb("R", ankle=4.0)
c.ta("L", bfh=2.8, afh=1.1, fh_cv=31)
c.ta("R", bfh=3.4)
c.tib("L")
c.sural("L"); c.sural("R")
c.sp("L", amp=6.0); c.sp("R", amp=6.5)
c.h("L"); c.h("R")
c.emg("L", "TA:S1 EHL:S1 PL:A1 TP:A1 FDL:A1 GMED:A1 TFL:A1 MG:N BFSH:N VL:N L5PSP:A1n S1PSP:N")
c.expect("l5-radiculopathy", "left", "mild",
         "TP/FDL, GMed/TFL and L5 paraspinal fibs with normal SP (L5 root) plus 55-61% CB across FH on EDB and TA "
         "(peroneal at FH); EDB 75% of right (§5.1, §3.2, §7.2)", second=(PFH, "left"))

# ====================================================================== coexisting peroneal + polyneuropathy
c = case("peroneal-fh-on-polyneuropathy-right", 67, "M", 175, (2, "months"),
         "Right foot drop; diabetes with numb feet for years")
c.edb("R", ankle=0.9, bfh=0.85, afh=0.35, dl=5.8, leg_cv=39, fh_cv=26)
c.edb("L", ankle=2.4, dl=5.6, leg_cv=40)
c.ta("R", bfh=1.4, afh=0.5, fh_cv=28)
c.ta("L", bfh=2.8)
c.tib("R", ankle=0.9, cv=37); c.tib("L", ankle=1.0, cv=38)
c.sural("R", amp="NR"); c.sural("L", amp="NR")
c.sp("R", amp="NR"); c.sp("L", amp=2.5)
c.fw("R", lat=61.0); c.fw("L", lat=60.5)
c.h("R", lat="NR"); c.h("L", lat="NR")
c.emg("R", "TA:A2 EHL:A2 PL:A1 TP:CM MG:CM BFSH:N GMED:N VL:N L5PSP:N")
c.emg("L", "TA:CM MG:CM")
c.expect(PFH, "right", "moderate",
         "Right 59-64% CB and slowing across FH, EDB 37% of left, TA/EHL/PL fibs, normal BFSH, on bilateral absent sural, "
         "tibial CMAPs below LLN, long F and absent H (length-dependent PN) (§3.5, §3.2, §7.2)",
         second=("polyneuropathy", "bilateral"))

# ====================================================================== S1 radiculopathy / tibial / sciatic
for variant in ("s1", "sciatic"):
    slug = "pair-e-s1-radiculopathy-right" if variant == "s1" else "pair-e-sciatic-tibial-division-right"
    c = case(slug, 47, "F", 166, (6, "weeks"), "Right buttock and calf pain, weak push-off", seed="pair-e")
    c.edb("R")
    c.tib("R", ankle=9.5); c.tib("L", ankle=11.0)
    c.sural("R", amp=12 if variant == "s1" else 3.0); c.sural("L", amp=13)
    c.sp("R"); c.sp("L")
    c.fw("R"); c.h("R", lat="NR"); c.h("L", lat=30.5)
    prox = "A1n" if variant == "s1" else "N"
    c.emg("R", f"MG:A2 LG:A1 SOL:A1 AH:A1 BFLH:A1 GMAX:{prox} TA:N TP:N BFSH:N GMED:N L5PSP:N S1PSP:{prox}")
    if variant == "s1":
        c.expect("s1-radiculopathy", "right", "mild",
                 "Absent right H reflex, normal sural, fibs in MG/LG/soleus/AH, BFLH, GMax and S1 paraspinals; tibial "
                 "CMAP normal (§1.8, §5.1, §5.5; pair with next case)")
    else:
        c.expect("sciatic-neuropathy", "right", "mild",
                 "Same tibial-division denervation (MG, AH, BFLH) and absent H, but sural 23% of left and GMax and S1 "
                 "paraspinals normal: tibial-division-predominant sciatic (§5.3, §5.5); CMAPs normal")

for variant in ("s1", "tibial"):
    slug = "pair-e2-s1-radiculopathy-left" if variant == "s1" else "pair-e2-tibial-popliteal-left"
    c = case(slug, 55, "M", 177, (3, "months"), "Left calf weakness and sole numbness", seed="pair-e2")
    c.edb("L")
    c.tib("L", ankle=4.5); c.tib("R", ankle=11.5)
    c.sural("L"); c.sural("R")
    c.sp("L")
    c.fw("L"); c.h("L", lat="NR"); c.h("R", lat=31.5)
    prox = "S1" if variant == "s1" else "N"
    c.emg("L", f"MG:S2 LG:S1 SOL:S1 AH:S2 TA:N PL:N BFSH:N BFLH:{prox} GMAX:{prox} GMED:N "
               f"L5PSP:N S1PSP:{prox.replace('S1', 'A1n')}")
    if variant == "s1":
        c.expect("s1-radiculopathy", "left", "moderate",
                 "AH CMAP 39% of right, absent H, sural normal; MG/LG/soleus/AH plus BFLH, GMax and S1 paraspinals "
                 "denervated (§1.8, §5.1, §7.2 moderate; pair with next case)")
    else:
        c.expect("tibial-neuropathy", "left", "moderate",
                 "Same AH CMAP (39% of right), absent H and MG/soleus/AH changes, but BFLH, GMax and S1 paraspinals "
                 "normal and sural normal: tibial nerve at the popliteal fossa (§5.5, §6.2, §7.2)")

c = case("s1-radiculopathy-chronic-left", 50, "M", 180, (24, "months"),
         "Left calf tightness and reduced ankle jerk for two years")
c.edb("L")
c.tib("L"); c.tib("R")
c.sural("L"); c.sural("R")
c.sp("L")
c.fw("L"); c.fw("R"); c.h("L", lat=35.2); c.h("R", lat=31.6)
c.emg("L", "MG:C LG:C SOL:C AH:CM BFLH:CM GMAX:C TA:N TP:N GMED:N L5PSP:N S1PSP:N")
c.expect("s1-radiculopathy", "left", "mild",
         "H latency 3.6 ms longer on the left, normal sural; chronic reinnervation without fibs in MG/LG/soleus, BFLH "
         "and GMax (inferior gluteal) (§1.8, §4.2 chronic, §5.1)")

c = case("s1-radiculopathy-h-latency-right", 38, "F", 163, (7, "weeks"),
         "Right posterior thigh and calf pain with lateral foot numbness")
c.edb("R")
c.tib("R"); c.tib("L")
c.sural("R"); c.sural("L")
c.sp("R")
c.fw("R"); c.h("R", lat=33.1, amp=1.4); c.h("L", lat=30.5, amp=3.6)
c.emg("R", "MG:A1n LG:A1 SOL:A1 AH:PM BFLH:A1n GMAX:A1n TA:N TP:N GMED:N L5PSP:N S1PSP:A1n")
c.expect("s1-radiculopathy", "right", "mild",
         "H reflex 2.6 ms later than left (> 1.5-2.0 ms) with normal sural; fibs in gastrocnemius/soleus, BFLH, GMax "
         "and S1 paraspinals (§1.8, §5.1)")

# ====================================================================== L4 root vs femoral
for variant in ("l4", "femoral"):
    slug = "pair-f-l4-radiculopathy-right" if variant == "l4" else "pair-f-femoral-right"
    c = case(slug, 62, "F", 163, (5, "weeks"), "Right anterior thigh pain and knee buckling", seed="pair-f")
    c.femoral("R", amp=5.0); c.femoral("L", amp=6.2)
    c.saph("R", amp=4.6 if variant == "l4" else "NR"); c.saph("L", amp=5.0)
    c.edb("R")
    c.tib("R")
    c.sural("R"); c.sural("L")
    c.h("R"); c.h("L")
    al, psp = ("A1", "A1n") if variant == "l4" else ("N", "N")
    c.emg("R", f"VL:A2 VM:A2 RF:A1 AL:{al} ILIO:N TA:N GMED:N MG:N L3PSP:N L4PSP:{psp} L5PSP:N")
    if variant == "l4":
        c.expect("l4-radiculopathy", "right", "mild",
                 "Quadriceps and adductor longus (femoral + obturator) fibs with L4 paraspinal fibs and normal saphenous "
                 "SNAP; femoral CMAP 81% of left (§5.1, §5.4; pair with next case)")
    else:
        c.expect("femoral-neuropathy", "right", "mild",
                 "Same quadriceps denervation but saphenous SNAP absent, adductor longus and paraspinals normal: "
                 "femoral nerve; femoral CMAP 81% of left (§5.4 S102, §6.2, §7.2)")

c = case("l4-radiculopathy-left", 68, "M", 170, (4, "months"),
         "Left anterior shin pain and absent left knee jerk")
c.femoral("L", amp=4.5); c.femoral("R", amp=5.0)
c.saph("L", amp=3.8); c.saph("R", amp=4.2)
c.edb("L")
c.tib("L")
c.sural("L"); c.sural("R")
c.h("L")
c.emg("L", "VL:S1 VM:S1 AL:A1 ILIO:N TA:PM GMED:N MG:N L3PSP:N L4PSP:A1n L5PSP:N")
c.expect("l4-radiculopathy", "left", "mild",
         "Denervation and reinnervation in VL/VM (femoral) and adductor longus (obturator) with L4 paraspinal fibs and "
         "normal saphenous SNAPs; femoral CMAP 90% of right (§5.1, §5.4)")

c = case("femoral-neuropathy-severe-left", 51, "F", 160, (3, "weeks"),
         "Left knee buckling and anterior thigh numbness after abdominal hysterectomy")
c.femoral("L", amp=0.4, lat=7.2); c.femoral("R", amp=6.8)
c.saph("L", amp="NR"); c.saph("R", amp=4.5)
c.edb("L")
c.tib("L")
c.sural("L")
c.emg("L", "VL:A2,fib=2+,psw=3+,rec=Discrete VM:A2,fib=2+,psw=3+,rec=Discrete RF:A2,rec=Discrete ILIO:A1 "
      "AL:N TA:N GMED:N L3PSP:N L4PSP:N")
c.expect("femoral-neuropathy", "left", "severe",
         "Femoral CMAP 6% of right, absent saphenous SNAP, quadriceps and iliopsoas denervated with normal adductor "
         "longus (obturator) and L3/L4 paraspinals (§5.4, §6.2, §7.2 severe)")

c = case("femoral-neuropathy-groin-right", 69, "M", 176, (5, "weeks"),
         "Right thigh weakness after a groin hematoma following cardiac catheterization")
c.femoral("R", amp=2.0); c.femoral("L", amp=6.0)
c.saph("R", amp="NR"); c.saph("L", amp=3.8)
c.edb("R")
c.tib("R")
c.sural("R"); c.sural("L")
c.emg("R", "VL:A2 VM:A2 RF:A2 ILIO:N AL:N TA:N GMED:N L3PSP:N L4PSP:N")
c.expect("femoral-neuropathy", "right", "moderate",
         "Femoral CMAP 33% of left, absent saphenous SNAP, quadriceps fibs with normal iliopsoas (below the iliacus "
         "branch), adductor longus and paraspinals (§5.4, §6.2, §7.2 moderate)")

# ====================================================================== plexus
c = case("lumbosacral-plexopathy-sacral-left", 59, "F", 161, (7, "weeks"),
         "Left leg weakness and numbness after a pelvic fracture")
c.edb("L", ankle=1.2, bfh=1.15, afh=1.1); c.edb("R", ankle=4.4)
c.tib("L", ankle=4.0); c.tib("R", ankle=10.0)
c.sural("L", amp=2.5); c.sural("R", amp=9.0)
c.sp("L", amp="NR"); c.sp("R", amp=7.0)
c.fw("L", lat=55.0); c.fw("R")
c.h("L", lat="NR"); c.h("R", lat=31.0)
c.emg("L", "TA:A2 EHL:A2 PL:A2 TP:A2 MG:A2 AH:A1 BFSH:A1 BFLH:A1 GMED:A1 GMAX:A1 VL:N L5PSP:N S1PSP:N")
c.expect("lumbosacral-plexopathy", "left", "moderate",
         "L5-S1 denervation across peroneal, tibial, superior and inferior gluteal nerves with low sural and absent SP "
         "SNAPs and normal paraspinals; EDB 27%, AH 40% of right (§5.4, §5.5, §7.2)")

c = case("lumbosacral-plexopathy-lumbar-right", 70, "M", 176, (4, "weeks"),
         "Right thigh weakness after groin and flank pain while anticoagulated")
c.femoral("R", amp=1.8); c.femoral("L", amp=5.8)
c.saph("R", amp="NR"); c.saph("L", amp=3.5)
c.edb("R")
c.tib("R")
c.sural("R"); c.sural("L")
c.sp("R", amp=5.0); c.sp("L", amp=5.5)
c.emg("R", "VL:A2 VM:A2 RF:A2 ILIO:A2 AL:A2 TA:N GMED:N MG:N L3PSP:N L4PSP:N")
c.expect("lumbosacral-plexopathy", "right", "moderate",
         "Quadriceps, iliopsoas and adductor longus (femoral + obturator) denervated with absent saphenous SNAP and "
         "normal L3/L4 paraspinals: lumbar plexus; femoral CMAP 31% of left (§5.4 S102, §7.2)")

# ====================================================================== sciatic
c = case("sciatic-complete-left", 72, "F", 158, (6, "weeks"),
         "Left flail foot after revision hip arthroplasty")
c.edb("L", ankle="NR"); c.edb("R", ankle=3.5)
c.ta("L", bfh="NR")
c.tib("L", ankle="NR"); c.tib("R", ankle=8.0)
c.sural("L", amp="NR"); c.sural("R", amp=6.0)
c.sp("L", amp="NR"); c.sp("R", amp=5.0)
c.fw("L", lat="NR"); c.h("L", lat="NR"); c.h("R")
c.emg("L", "TA:X PL:X TP:X MG:X AH:X,fib=2+ BFSH:X,fib=2+ BFLH:X,fib=2+ GMED:N GMAX:N TFL:N L5PSP:N S1PSP:N")
c.expect("sciatic-neuropathy", "left", "complete",
         "Peroneal and tibial CMAPs, sural and SP SNAPs absent; no voluntary MUAPs in leg muscles or hamstrings incl. "
         "BFSH, with normal gluteals/TFL and paraspinals (§5.3, §7.2 complete)")

c = case("sciatic-peroneal-predominant-severe-right", 33, "M", 179, (9, "weeks"),
         "Right foot drop after an intramuscular injection in the buttock")
c.edb("R", ankle="NR"); c.edb("L", ankle=6.2)
c.ta("R", bfh=0.35, afh=0.33); c.ta("L", bfh=4.5)
c.tib("R", ankle=8.0); c.tib("L", ankle=13.5)
c.sural("R", amp=6.0); c.sural("L", amp=18)
c.sp("R", amp="NR"); c.sp("L", amp=13)
c.fw("R"); c.h("R"); c.h("L")
c.emg("R", "TA:A3 EHL:A3 PL:A3 TP:A1 MG:A1 BFSH:A2 BFLH:A1n GMED:N GMAX:N TFL:N L5PSP:N S1PSP:N")
c.expect("sciatic-neuropathy", "right", "severe",
         "EDB absent, TA 8% of left, low sural and absent SP, no CB at FH; BFSH and BFLH denervated, gluteals and "
         "paraspinals normal (§5.3, §5.5, §7.2 severe)")

c = case("sciatic-day-10-left", 64, "M", 174, (10, "days"),
         "Left foot drop since total hip arthroplasty ten days ago")
c.edb("L", ankle=0.6, bfh=0.56, afh=0.55); c.edb("R", ankle=4.2)
c.ta("L", bfh=0.5, afh=0.48); c.ta("R", bfh=3.6)
c.tib("L", ankle=6.0); c.tib("R", ankle=9.0)
c.sural("L", amp=3.0); c.sural("R", amp=7.5)
c.sp("L", amp=1.5); c.sp("R", amp=6.0)
c.fw("L"); c.h("L", lat=33.8); c.h("R", lat=31.5)
c.emg("L", "TA:E,rec=Discrete EHL:E,rec=Discrete PL:E TP:E MG:N BFSH:E BFLH:N GMED:N TFL:N GMAX:N L5PSP:N S1PSP:N")
c.expect("sciatic-neuropathy", "left", "moderate",
         "Day 10: no fibs yet (§4.2) but EDB/TA 14% of right, low SP and sural, H 2.3 ms late, reduced recruitment incl. "
         "BFSH, normal gluteals and paraspinals, no CB at FH (§5.3, §7.2)")

c = case("sciatic-needle-only-right", 46, "F", 167, (3, "months"),
         "Right leg weakness after a fall on the buttock; nerve conductions not tolerated")
c.temps = {}
c.emg("R", "TA:S2 PL:S1 TP:S1 MG:S1 BFSH:S2 BFLH:S1 ST:S1 GMED:N GMAX:N TFL:N L5PSP:N S1PSP:N")
c.expect("sciatic-neuropathy", "right", "moderate",
         "Needle only: peroneal- and tibial-innervated leg muscles and BFSH/BFLH/semitendinosus denervated with normal "
         "gluteals, TFL and paraspinals; severity from needle column (§5.3, §5.5, §7.2)")

# ====================================================================== deep / superficial peroneal
for variant in ("common", "deep"):
    slug = "pair-d-common-peroneal-fh-left" if variant == "common" else "pair-d-deep-peroneal-left"
    c = case(slug, 38, "M", 181, (5, "weeks"), "Left foot drop", seed="pair-d")
    c.edb("L", ankle=1.5, bfh=1.45, afh=1.4, fh_cv=54); c.edb("R", ankle=6.2)
    c.ta("L", bfh=1.2, afh=1.15); c.ta("R", bfh=4.4)
    c.tib("L")
    c.sural("L"); c.sural("R")
    c.sp("L", amp=2.0 if variant == "common" else 12.5); c.sp("R", amp=13)
    c.h("L"); c.h("R")
    pl = "A2" if variant == "common" else "N"
    c.emg("L", f"TA:A2 EHL:A2 EDB:A1 PL:{pl} TP:N MG:N BFSH:N GMED:N L5PSP:N")
    if variant == "common":
        c.expect(PFH, "left", "moderate",
                 "Deep peroneal muscles plus PL fibs and SP SNAP 15% of right: common peroneal; BFSH, TP, GMed normal, "
                 "no CB so FH by exclusion; EDB 24% of right (§5.2, §5.5; pair with next case)")
    else:
        c.expect("deep-peroneal-neuropathy", "left", "moderate",
                 "Same TA/EHL/EDB denervation and EDB 24% of right, but PL and SP SNAP normal: deep peroneal branch "
                 "(§5.2 S91)")

c = case("deep-peroneal-anterior-tarsal-right", 36, "F", 167, (4, "months"),
         "Right dorsal foot pain after wearing tight ski boots")
c.edb("R", ankle=1.1, bfh=1.05, afh=1.0, dl=7.0); c.edb("L", ankle=5.8, dl=4.6)
c.ta("R", bfh=4.0); c.ta("L", bfh=4.2)
c.tib("R")
c.sural("R"); c.sural("L")
c.sp("R"); c.sp("L")
c.emg("R", "EDB:S1 TA:N EHL:N PL:N AH:N")
c.emg("L", "EDB:N")
c.expect("deep-peroneal-neuropathy", "right", "moderate",
         "EDB CMAP 19% of left with DL 7.0 ms (side difference 2.4 ms), denervation confined to EDB; TA/EHL/PL, TA "
         "CMAP, SP SNAP and AH normal: distal deep peroneal (anterior tarsal tunnel) (§5.2 S91, §1.1)")

c = case("superficial-peroneal-sensory-left", 29, "F", 170, (4, "months"),
         "Numbness over the left dorsum of foot after an ankle sprain")
c.edb("L"); c.edb("R")
c.tib("L")
c.sural("L"); c.sural("R")
c.sp("L", amp="NR"); c.sp("R", amp=14)
c.emg("L", "PL:N PB:N TA:N EHL:N")
c.expect("superficial-peroneal-neuropathy", "left", "mild",
         "Left SP SNAP absent with right 14 µV at age 29, normal peroneal motor, sural and PL/PB: distal sensory "
         "superficial peroneal branch, SNAP-only (§5.2, §7.2 mild)")

c = case("superficial-peroneal-motor-right", 42, "M", 182, (8, "weeks"),
         "Weak right ankle eversion and lateral leg numbness after a fibular shaft fracture")
c.pl("R", bfh=1.8); c.pl("L", bfh=5.8)
c.edb("R"); c.edb("L")
c.ta("R")
c.tib("R")
c.sural("R"); c.sural("L")
c.sp("R", amp=2.5); c.sp("L", amp=11)
c.emg("R", "PL:A2 PB:A2 TA:N EHL:N EDB:N TP:N MG:N BFSH:N")
c.expect("superficial-peroneal-neuropathy", "right", "moderate",
         "PL CMAP 31% of left, SP SNAP 23% of left, PL/PB fibs with normal TA/EHL/EDB and EDB/TA CMAPs: superficial "
         "peroneal nerve (§5.2 S92, §7.2 moderate)")

# ====================================================================== tibial
c = case("tibial-tarsal-tunnel-right", 48, "F", 164, (6, "months"),
         "Burning pain of the right sole")
c.tib("R", ankle=2.5, pop=2.1, dl=7.2); c.tib("L", ankle=10.5, dl=4.4)
c.edb("R")
c.sural("R"); c.sural("L")
c.sp("R")
c.h("R"); c.h("L")
c.emg("R", "AH:S1 ADMP:A1 MG:N FDL:N TP:N TA:N BFLH:N")
c.emg("L", "AH:N")
c.expect("tibial-neuropathy", "right", "moderate",
         "AH CMAP 24% of left with DL 7.2 ms, AH/ADMP denervation with normal MG, FDL, TP, H reflex and sural: tibial "
         "nerve at the tarsal tunnel (§6.2, §1.3, §7.2 moderate)")

c = case("tibial-popliteal-severe-right", 70, "F", 160, (2, "months"),
         "Right calf weakness with a swelling behind the knee")
c.tib("R", ankle=0.6, pop=0.5); c.tib("L", ankle=8.0)
c.edb("R", ankle=3.2); c.edb("L", ankle=3.5)
c.sural("R", amp=2.0); c.sural("L", amp=6.5)
c.sp("R", amp=5.0); c.sp("L", amp=5.2)
c.fw("R", lat="NR"); c.h("R", lat="NR"); c.h("L")
c.emg("R", "MG:A3 LG:A2 SOL:A3 TP:A2 FDL:A2 AH:A3 TA:N PL:N BFSH:N BFLH:N GMAX:N S1PSP:N")
c.expect("tibial-neuropathy", "right", "severe",
         "AH CMAP 8% of left, absent H and F, low sural; gastrocnemius/soleus, TP/FDL and AH denervated with normal "
         "peroneal muscles, BFSH, BFLH, GMax, paraspinals: tibial at the popliteal fossa (§5.5, §6.2, §7.2 severe)")

c = case("tibial-tarsal-tunnel-mild-left", 52, "F", 160, (5, "months"),
         "Tingling of the left sole on standing")
c.tib("L", ankle=8.5, dl=6.8); c.tib("R", ankle=10.0, dl=4.5)
c.edb("L")
c.sural("L"); c.sural("R")
c.sp("L")
c.h("L"); c.h("R")
c.emg("L", "AH:N ADMP:N MG:N TP:N TA:N")
c.expect("tibial-neuropathy", "left", "mild",
         "Tibial DL to AH 6.8 ms (ULN 6.1, 2.3 ms longer than right) with AH CMAP 85% of right and normal needle, H, "
         "sural: focal slowing only at the tarsal tunnel (§1.3, §7.2 mild)")

# ====================================================================== polyneuropathy
c = case("polyneuropathy-sensory-ncs-only", 58, "F", 165, (12, "months"),
         "Burning feet; type 2 diabetes")
c.edb("L", ankle=4.2); c.edb("R", ankle=4.5)
c.tib("L", ankle=9.5); c.tib("R", ankle=10.0)
c.sural("L", amp="NR"); c.sural("R", amp="NR")
c.sp("L", amp=3.0); c.sp("R", amp=3.4)
c.fw("L"); c.fw("R"); c.h("L"); c.h("R")
c.expect("polyneuropathy", "bilateral", "mild",
         "Sural absent and SP low on both sides with normal peroneal/tibial motor and late responses (no needle): "
         "length-dependent sensory PN, SNAP-only (§3.5, §7.2 mild)")

c = case("polyneuropathy-sensorimotor-moderate", 66, "M", 178, (36, "months"),
         "Numb feet and unsteady gait")
c.edb("L", ankle=0.8, dl=5.8, leg_cv=37); c.edb("R", ankle=0.7, dl=5.9, leg_cv=36)
c.tib("L", ankle=2.8, cv=38); c.tib("R", ankle=2.5, cv=37)
c.sural("L", amp="NR"); c.sural("R", amp="NR")
c.sp("L", amp="NR"); c.sp("R", amp="NR")
c.fw("L", lat=60.0); c.fw("R", lat=61.0)
c.h("L", lat="NR"); c.h("R", lat="NR")
c.emg("R", "TA:C,fib=+/- MG:C VL:N L5PSP:N")
c.emg("L", "TA:C,fib=+/- MG:C VL:N")
c.expect("polyneuropathy", "bilateral", "moderate",
         "Bilateral absent sural/SP, EDB 0.7-0.8 mV (below LLN 1.1) with long F and absent H, symmetric distal chronic "
         "neurogenic change (§3.5, §1.1, §7.2 moderate: CMAP present but low)")

c = case("polyneuropathy-severe", 74, "F", 160, (60, "months"),
         "Progressive numbness and weakness of both feet")
c.edb("L", ankle="NR"); c.edb("R", ankle="NR")
c.ta("L", bfh=0.9); c.ta("R", bfh=1.0)
c.tib("L", ankle=0.5, cv=35); c.tib("R", ankle=0.6, cv=34)
c.sural("L", amp="NR"); c.sural("R", amp="NR")
c.sp("L", amp="NR"); c.sp("R", amp="NR")
c.fw("L", lat="NR"); c.fw("R", lat="NR")
c.h("L", lat="NR"); c.h("R", lat="NR")
c.emg("R", "TA:S1,amp=Increased,rec=Discrete MG:C,fib=+/- VL:N")
c.emg("L", "TA:S1,amp=Increased,rec=Discrete MG:C,fib=+/- VL:N")
c.expect("polyneuropathy", "bilateral", "severe",
         "EDB CMAPs absent and tibial AH 0.5-0.6 mV on both sides, absent SNAPs, F and H, symmetric distal-predominant "
         "denervation (§3.5, §7.2 severe)")

# ====================================================================== normal studies
c = case("normal-full-study", 32, "M", 180, (6, "weeks"), "Right sciatica without weakness")
c.edb("R"); c.edb("L")
c.ta("R")
c.tib("R"); c.tib("L")
c.sural("R"); c.sural("L")
c.sp("R"); c.sp("L")
c.fw("R"); c.fw("L"); c.h("R"); c.h("L")
c.emg("R", "TA:N EHL:N PL:N TP:N MG:N BFSH:N BFLH:N GMED:N VL:N L5PSP:N S1PSP:N")
c.expect("normal-study", "bilateral", "",
         "All conduction studies within age/height limits and normal needle of L4-S1 muscles and paraspinals "
         "(§1, §5.2 S93)")

c = case("normal-isolated-paraspinal-fibs", 45, "F", 168, (3, "months"), "Low back pain radiating to the left leg")
c.edb("L"); c.edb("R")
c.tib("L")
c.sural("L"); c.sural("R")
c.sp("L"); c.sp("R")
c.fw("L"); c.h("L"); c.h("R")
c.emg("L", "TA:N EHL:N PL:N TP:N MG:N BFSH:N GMED:N TFL:N VL:N L5PSP:A1n S1PSP:PM")
c.expect("normal-study", "bilateral", "",
         "Isolated L5/S1 paraspinal fibs at 45 y with normal limb muscles and NCS do not make a radiculopathy "
         "(§4.1 S59; §5.1 needs ≥2 limb muscles)")

c = case("normal-accessory-deep-peroneal", 28, "M", 176, (2, "months"), "Paresthesia of the left foot")
c.edb("L", ankle=3.1, bfh=5.4, afh=5.3); c.edb("R", ankle=6.0)
c.tib("L")
c.sural("L"); c.sural("R")
c.sp("L"); c.sp("R")
c.h("L"); c.h("R")
c.emg("L", "TA:N EDB:N PL:N MG:N")
c.expect("normal-study", "bilateral", "",
         "EDB CMAP larger from the knee (5.4 mV) than the ankle (3.1 mV): accessory deep peroneal nerve, not a lesion; "
         "everything else normal (§3.2 S8, S43)")

c = case("normal-tibial-proximal-drop", 39, "F", 172, (4, "weeks"), "Right heel numbness")
c.tib("R", ankle=13.2, pop=7.8, pop_durs=7.3); c.tib("L", ankle=12.6, pop=8.3, pop_durs=7.1)
c.edb("R"); c.edb("L")
c.sural("R"); c.sural("L")
c.sp("R")
c.fw("R"); c.h("R"); c.h("L")
c.emg("R", "MG:N AH:N TA:N BFLH:N")
c.expect("normal-study", "bilateral", "",
         "Tibial popliteal CMAP 41% below ankle is within the normal proximal drop (up to 50%), similar on the left; "
         "tibial is excluded from CB calls (§1.3 S8, §3.1)")

c = case("normal-cool-limb", 60, "M", 175, (2, "months"), "Cold feet and tingling toes",
         temps={"L": 27.0, "R": 27.2})
c.edb("L", ankle=4.6, dl=6.0, leg_cv=35, fh_cv=46); c.edb("R", ankle=4.9, dl=5.9, leg_cv=36, fh_cv=47)
c.tib("L", cv=35, dl=5.0); c.tib("R", cv=36, dl=4.9)
c.sural("L", amp=12, onset=3.9); c.sural("R", amp=13, onset=3.8)
c.sp("L", amp=9.0, onset=3.4); c.sp("R", amp=9.5, onset=3.3)
c.fw("L", lat=54.5); c.fw("R", lat=54.0)
c.h("L", lat=34.3); c.h("R", lat=34.0)
c.emg("R", "TA:N EDB:N MG:N AH:N VL:N")
c.expect("normal-study", "bilateral", "",
         "Feet at 27 °C: mildly long latencies and CV 35-36 m/s are within the ~1.5-2 m/s/°C cooling effect, amplitudes "
         "and needle normal (§2)")

c = case("normal-older-absent-sp", 76, "F", 158, (2, "months"), "Right leg pain")
c.edb("R", ankle=2.4); c.edb("L", ankle=2.8)
c.tib("R", ankle=6.5); c.tib("L", ankle=7.0)
c.sural("R", amp=5.0); c.sural("L", amp=4.6)
c.sp("R", amp="NR"); c.sp("L", amp="NR")
c.h("R"); c.h("L")
c.emg("R", "TA:N PL:N TP:N MG:N GMED:N VL:N L5PSP:N")
c.expect("normal-study", "bilateral", "",
         "SP SNAPs absent on both sides at 76 y with sural present, normal motor studies and needle: age effect, weak "
         "evidence (§1.5 S16, S18)")

c = case("normal-sural-asymmetry-within-limits", 35, "M", 176, (5, "weeks"), "Numbness of the left lateral foot")
c.sural("L", amp=7.5); c.sural("R", amp=19)
c.edb("L"); c.edb("R")
c.tib("L")
c.sp("L"); c.sp("R")
c.h("L"); c.h("R")
c.emg("L", "MG:N PL:N TA:N AH:N")
c.expect("normal-study", "bilateral", "",
         "Left sural 7.5 µV is above LLN 4 µV and its 61% side-to-side drop is inside the 67-72% limit; all else "
         "normal (§1.4)")

c = case("normal-absent-peroneal-f", 30, "M", 178, (6, "weeks"), "Right calf cramps")
c.edb("R"); c.edb("L")
c.tib("R"); c.tib("L")
c.sural("R"); c.sural("L")
c.sp("R")
c.fw("R", nerve="Peroneal", lat="NR"); c.fw("L", nerve="Peroneal", lat="NR")
c.fw("R"); c.fw("L"); c.h("R"); c.h("L")
c.emg("R", "TA:N MG:N BFLH:N GMAX:N VL:N S1PSP:N")
c.expect("normal-study", "bilateral", "",
         "Absent peroneal F waves are common in normals (§1.7); tibial F, H reflex, CMAPs, SNAPs and needle normal")

c = case("normal-older-low-edb", 74, "M", 170, (3, "months"), "Left hip and buttock pain")
c.edb("L", ankle=1.3, leg_cv=41); c.edb("R", ankle=1.5, leg_cv=40)
c.tib("L", ankle=6.5); c.tib("R", ankle=7.0)
c.sural("L", amp=5.0); c.sural("R", amp=6.0)
c.sp("L", amp=4.5); c.sp("R", amp=5.0)
c.h("L", lat=34.0); c.h("R", lat=34.4)
c.emg("L", "TA:N EHL:N MG:N BFLH:N GMED:N GMAX:N VL:N L5PSP:N")
c.expect("normal-study", "bilateral", "",
         "EDB 1.3/1.5 mV is above the age 40-79 LLN of 1.1 mV and symmetric; other studies and needle normal "
         "(§1.1, §1.9)")

# ====================================================================== insufficient data
c = case("insufficient-single-sural", 50, "F", 166, (3, "weeks"), "Left leg numbness", temps={"L": 31.8})
c.sural("L", amp=12)
c.expect("insufficient-data", "bilateral", "",
         "Only one normal sural SNAP: no motor, late-response or needle data to localize or exclude a lesion (§5.5)")

c = case("insufficient-upper-limb-only", 55, "M", 175, (2, "months"), "Right hand numbness",
         temps={"R": 32.5})
c.add_motor("Median", "R", "APB", [("Wrist", 3.6, 8.5, 5.2, 8), ("Elbow", 7.9, 8.1, 5.4, None)],
            [("Elbow", "Wrist", 24, 56)])
c.add_motor("Ulnar", "R", "FDI", [("Wrist", 3.9, 11.0, 5.8, 12), ("Elbow", 8.3, 10.4, 6.0, None)],
            [("Elbow", "Wrist", 26, 59)])
c.sensory.append(("Median", "R", "Index finger", "Wrist", (2.6, 3.3, 32.0, 14, 54)))
c.sensory.append(("Ulnar", "R", "Little finger", "Wrist", (2.4, 3.1, 24.0, 14, 58)))
c.emg("R", "APB:N FDI:N DELT:N")
c.expect("insufficient-data", "bilateral", "",
         "Only upper-limb nerves and muscles: outside the lower-limb localization scope, nothing to localize")

c = case("insufficient-no-nerve-data", 61, "M", 171, (6, "weeks"), "Left leg weakness", temps=None)
c.expect("insufficient-data", "bilateral", "",
         "Demographics and indication only: no conduction or needle data")

c = case("insufficient-h-reflex-only", 44, "F", 169, (4, "weeks"), "Right calf pain")
c.h("R"); c.h("L")
c.expect("insufficient-data", "bilateral", "",
         "Only bilateral H reflexes (normal): they test the S1 arc alone and cannot localize or exclude other lesions "
         "(§1.8)")


# ====================================================================== vocabulary
def key(text):
    return re.sub(r"[ .\-_()\t']", "", text.lower())


def load_vocabulary(path):
    """Names of vocabulary.md by table: nerves, recording, stimulation, muscles, grades (all keyed)."""
    tables, current = defaultdict(set), None
    sections = {"Nerves": "nerve", "Recording sites": "recording", "Stimulation sites": "site",
                "Muscles": "muscle", "Grades": "grade"}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            current = next((v for k, v in sections.items() if line[3:].startswith(k)), None)
            continue
        if current is None or not line.startswith("|") or line.startswith("|---"):
            continue
        cells = [x.strip() for x in line.strip("|").split("|")]
        if cells[0] in ("canonical", "meaning"):
            continue
        canonical, aliases = cells[0], cells[1]
        if current == "grade":
            for a in aliases.split(","):
                a = re.sub(r"\(.*?\)", "", a).strip()
                tables["grade"].add(a.lower())
            continue
        if canonical.startswith("lumbar paraspinals"):
            for level in ("L2", "L3", "L4", "L5", "S1"):
                for pattern in ("{} Parasp", "Paraspinal {}", "{} PSP", "Lumbar Paraspinals ({})",
                                "Lumbar Paraspinals {}"):
                    tables["muscle"].add(key(pattern.format(level)))
            tables["muscle"].update({key("LS Paraspinals"), key("Low Lumbar Paraspinals")})
            continue
        for name in re.sub(r"\(.*?\)", "", canonical).split("/"):
            tables[current].add(key(name))
        for alias in aliases.split(", "):
            alias = re.sub(r"\((for [^)]*|superficial peroneal)\)", "", alias).strip()
            tables[current].add(key(alias))
    return tables


# Names of upper-limb studies (vocabulary.md lists median, ulnar, APB, FDI only in prose); used by the
# out-of-scope case only.
UPPER_LIMB = {key(x) for x in ("Median", "Ulnar", "APB", "FDI", "Deltoid", "Wrist", "Elbow", "Index finger",
                               "Little finger")}
SPONTANEOUS = {"0", "+/-", "1+", "2+", "3+", "4+"}
ACTIVITY = {"Normal", "Increased", "Decreased"}
RECRUITMENT = {"Normal", "Reduced", "Discrete", "None", "Early"}
ELEMENTS = {
    "EDXStudy", "Patient", "ID", "Age", "Sex", "Height", "Weight", "Study", "Date", "Indication",
    "SymptomDuration", "Temperature", "NerveConduction", "Motor", "Site", "Latency", "Amplitude", "Duration",
    "Distance", "Segment", "Velocity", "Sensory", "OnsetLatency", "PeakLatency", "FWave", "MinLatency",
    "Persistence", "HReflex", "NeedleEMG", "Muscle", "InsertionalActivity", "Fibrillations",
    "PositiveSharpWaves", "Fasciculations", "MUAP", "Recruitment", "Comment",
}


def validate(path, vocab, upper_ok):
    problems = []
    tree = ET.parse(path)
    root = tree.getroot()
    if root.tag != f"{{{NS}}}EDXStudy":
        problems.append(f"root is {root.tag}")
    allowed = lambda table, name: key(name) in vocab[table] or (upper_ok and key(name) in UPPER_LIMB)
    for el in root.iter():
        local = el.tag.split("}")[1]
        if not el.tag.startswith(f"{{{NS}}}") or local not in ELEMENTS:
            problems.append(f"unexpected element {el.tag}")
        side = el.get("side")
        if side is not None and side not in ("L", "R"):
            problems.append(f"side {side}")
        if local in ("Motor", "Sensory", "FWave", "HReflex"):
            if not allowed("nerve", el.get("nerve")):
                problems.append(f"nerve {el.get('nerve')}")
            rec = el.get("recording")
            if not (allowed("recording", rec) or allowed("muscle", rec)):
                problems.append(f"recording {rec}")
        if local == "Site" and not allowed("site", el.get("name")):
            problems.append(f"site {el.get('name')}")
        if local == "Segment":
            for a in ("from", "to"):
                if not allowed("site", el.get(a)):
                    problems.append(f"segment {a} {el.get(a)}")
        if local == "Muscle" and not allowed("muscle", el.get("name")):
            problems.append(f"muscle {el.get('name')}")
        if local in ("Fibrillations", "PositiveSharpWaves", "Fasciculations") and (
                el.text not in SPONTANEOUS or el.text.lower() not in vocab["grade"]):
            problems.append(f"{local} {el.text}")
        if local == "InsertionalActivity" and el.text not in ACTIVITY:
            problems.append(f"insertional {el.text}")
        if local == "MUAP":
            for a in ("amplitude", "duration", "polyphasia"):
                if el.get(a) not in ACTIVITY:
                    problems.append(f"MUAP {a} {el.get(a)}")
        if local == "Recruitment" and (el.text not in RECRUITMENT or el.text.lower() not in vocab["grade"]):
            problems.append(f"recruitment {el.text}")
        if local in ("Latency", "Amplitude", "Duration", "Distance", "Velocity", "OnsetLatency", "PeakLatency",
                     "MinLatency", "Persistence", "Age", "Height", "Weight", "SymptomDuration", "Temperature"):
            float(el.text)
            if el.get("unit") is None:
                problems.append(f"{local} without unit")
    study_id = root.find(f"{{{NS}}}Study/{{{NS}}}ID")
    if study_id is None:
        problems.append("no Study/ID")
    return problems, (study_id.text if study_id is not None else None)


# ====================================================================== write
def main():
    # Cases numbered after the generated ones are written by hand: keep their files and rows.
    with open(ROOT / "expected.csv", newline="", encoding="utf-8") as f:
        hand = [r for r in csv.DictReader(f) if int(r["file"][:2]) > len(CASES)]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    hand_section = readme[readme.index("## Hand-written cases"):] if "## Hand-written cases" in readme else ""
    for old in ROOT.glob("[0-9][0-9]-*.xml"):
        if int(old.name[:2]) <= len(CASES):
            old.unlink()
    rows = []
    for i, c in enumerate(CASES, start=1):
        assert c.expected, c.slug
        if c.date is None:
            day = (i * 3) % 28 + 1
            c.date = f"2025-{(i % 12) + 1:02d}-{day:02d}"
        name = f"{i:02d}-{c.slug}.xml"
        (ROOT / name).write_text(c.xml(i), encoding="utf-8")
        rows.append(dict(file=name, study_id=f"CASE-{i:02d}", **c.expected))
    generated = len(rows)
    rows += hand
    with open(ROOT / "expected.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=["file", "study_id", "code", "side", "severity", "second_code",
                                          "second_side", "rationale"], lineterminator="\n")
        w.writeheader()
        w.writerows(rows)

    # ------------------------------------------------------------ checks
    failures = 0
    vocab = load_vocabulary(VOCABULARY.resolve()) if VOCABULARY.resolve().exists() else None
    if vocab is None:
        print(f"warning: {VOCABULARY} not found, names not checked against the vocabulary")
    for row in rows[:generated]:
        problems, sid = ([], None)
        if vocab is not None:
            problems, sid = validate(ROOT / row["file"], vocab, upper_ok=row["file"].endswith("upper-limb-only.xml"))
        else:
            ET.parse(ROOT / row["file"])
        if vocab is not None and sid != row["study_id"]:
            problems.append(f"study id {sid}")
        if row["code"] not in CODES or (row["second_code"] and row["second_code"] not in CODES):
            problems.append("unknown code")
        if row["side"] not in ("left", "right", "bilateral"):
            problems.append("bad side")
        if row["code"] in BILATERAL_ONLY and row["side"] != "bilateral":
            problems.append("must be bilateral")
        if row["code"] not in BILATERAL_ONLY and row["side"] == "bilateral":
            problems.append("unilateral code with bilateral side")
        if (row["severity"] == "") != (row["code"] in ("normal-study", "insufficient-data", "outside-model")):
            problems.append("severity must be empty exactly for normal-study / insufficient-data / outside-model")
        if row["severity"] and row["severity"] not in SEVERITIES:
            problems.append("bad severity")
        for p in problems:
            print(f"{row['file']}: {p}")
            failures += 1

    counts = Counter(r["code"] for r in rows)
    sides = defaultdict(Counter)
    for r in rows:
        sides[r["code"]][r["side"]] += 1
    print(f"{len(rows)} cases")
    print(f"{'code':36} {'n':>3} {'left':>5} {'right':>6} {'bilat':>6}")
    for code in CODES:
        s = sides[code]
        flag = ""
        if counts[code] < (2 if code in GENERATED_CODES else 1):
            flag = "  <-- too few"
        elif code in GENERATED_CODES and code not in BILATERAL_ONLY and (s["left"] == 0 or s["right"] == 0):
            flag = "  <-- one side missing"
        if flag:
            failures += 1
        print(f"{code:36} {counts[code]:>3} {s['left']:>5} {s['right']:>6} {s['bilateral']:>6}{flag}")
    sev = Counter(r["severity"] or "(none)" for r in rows)
    print("severity: " + ", ".join(f"{k} {sev[k]}" for k in SEVERITIES + ["(none)"]))
    missing = [s for s in SEVERITIES if sev[s] == 0]
    if missing:
        print(f"missing severities: {missing}")
        failures += 1
    seconds = [(r["file"], r["second_code"], r["second_side"]) for r in rows if r["second_code"]]
    print("coexisting: " + "; ".join(f"{f} + {c} ({s})" for f, c, s in seconds))
    write_readme(rows, counts, sides, sev, hand_section)
    if failures:
        print(f"{failures} problem(s)")
        sys.exit(1)
    print("all files well-formed, names in vocabulary, coverage complete")


def write_readme(rows, counts, sides, sev, hand_section):
    lines = [
        "# Localization case corpus",
        "",
        "Expected-answer studies for the lower-limb localization engine: one EDX Study XML file per case",
        "(`NN-slug.xml`, study ID `CASE-NN`, invented patients `C-0NN` without names or birth dates) and",
        "`expected.csv` with the answer a clinician would give for each.",
        "",
        "**Cases 01-66 are generated, do not edit them by hand:** `python3 Fixtures/cases/generate.py`",
        "rewrites their XML files, their rows of `expected.csv` and this README (keeping the hand-written",
        "cases after them and their section below), checks that every generated file is well-formed and",
        "uses only the names and grades of `../shared/formats/vocabulary.md`, and prints the coverage below.",
        "",
        "## How the cases were written",
        "",
        "Each case was written by hand from `../shared/reference/clinical-knowledge.md`, never from the output",
        "of the engine: reference values of §1 (normal values are drawn inside those limits for the patient's",
        "age and height), conduction block and focal slowing at the fibular head (§3.2), the needle timeline",
        "and acuity classes (§4), the localization patterns and the discrimination matrix (§5, §5.5), muscle",
        "innervation (§6) and the severity scheme (§7.2). The rationale column cites the section that decides",
        "each case. Look-alike pairs (`pair-a` … `pair-f`) share every value except the discriminating",
        "finding(s).",
        "",
        "`expected.csv` columns: `file,study_id,code,side,severity,second_code,second_side,rationale`.",
        "`side` is `left`, `right` or `bilateral` (always `bilateral` for polyneuropathy, normal-study and",
        "insufficient-data). `second_code`/`second_side` are set only for coexisting lesions.",
        "",
        "Severity (§7.1–7.2): the distal CMAP of the most affected nerve, recorded distal to the lesion, as a",
        "share of the other side — mild when it is ≥ 50 % and ≥ LLN (the abnormality is focal slowing, a SNAP",
        "or the needle alone), moderate 10–50 %, severe < 10 % or absent at the distal site, a conduction",
        "block graded on the same scale by the response above it as a share of the one below (a 60 % block",
        "leaves 40 %: moderate),",
        "complete when absent at every site with no voluntary motor units below the lesion. Radiculopathies",
        "use the same rule on the root's nerve (peroneal for L5, tibial for S1, femoral for L4), so a root",
        "lesion with normal CMAPs is mild. Polyneuropathy: SNAP-only mild, CMAPs present but below LLN",
        "moderate, distal CMAPs absent severe. Needle-only studies are graded with the needle column of",
        "§7.2 (fibrillations 1–2+ with reduced recruitment and MUAPs present = moderate).",
        "",
        "## Classes",
        "",
        "| code | cases | left | right | bilateral |",
        "|---|---:|---:|---:|---:|",
    ]
    for code in CODES:
        s = sides[code]
        lines.append(f"| {code} | {counts[code]} | {s['left']} | {s['right']} | {s['bilateral']} |")
    lines.append(f"| **total** | **{len(rows)}** | | | |")
    lines += ["", "Severity: " + ", ".join(f"{k} {sev[k]}" for k in SEVERITIES) +
              f", none (normal / insufficient) {sev['(none)']}.", "",
              "Coexisting lesions: " + "; ".join(f"`{r['file']}` ({r['code']} + {r['second_code']})"
                                                 for r in rows if r["second_code"]) + ".", ""]
    (ROOT / "README.md").write_text("\n".join(lines) + ("\n" + hand_section if hand_section else ""),
                                    encoding="utf-8")


if __name__ == "__main__":
    main()
