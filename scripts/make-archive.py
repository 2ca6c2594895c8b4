#!/usr/bin/env python3
"""Writes large invented archives (study-xml and measurements-csv) for memory and speed checks."""
import argparse, pathlib, random

def study_xml(i, rnd):
    amp = round(rnd.uniform(0.5, 8), 1)
    return f"""<EDXStudy><Patient><ID>P-{i}</ID><Age unit="years">{rnd.randint(20, 85)}</Age><Sex>F</Sex><Height unit="cm">170</Height></Patient>
<Study><ID>S-{i:07d}</ID><Date>2019-05-{1 + i % 28:02d}</Date><SymptomDuration unit="days">40</SymptomDuration><Temperature side="L" site="foot" unit="C">31.5</Temperature></Study>
<NerveConduction><Motor nerve="Peroneal" side="L" recording="EDB"><Site name="Ankle"><Latency unit="ms">4.9</Latency><Amplitude unit="mV">{amp}</Amplitude><Distance unit="cm">8</Distance></Site>
<Site name="Below fibular head"><Latency unit="ms">11.8</Latency><Amplitude unit="mV">{amp}</Amplitude></Site><Segment from="Below fibular head" to="Ankle"><Distance unit="cm">30</Distance><Velocity unit="m/s">46</Velocity></Segment></Motor>
<Sensory nerve="Sural" side="L" recording="Lateral malleolus"><Site name="Calf"><PeakLatency unit="ms">3.8</PeakLatency><Amplitude unit="uV">12</Amplitude><Distance unit="cm">14</Distance></Site></Sensory></NerveConduction>
<NeedleEMG><Muscle name="Tibialis anterior" side="L"><Fibrillations>1+</Fibrillations><PositiveSharpWaves>1+</PositiveSharpWaves><MUAP amplitude="Normal" duration="Normal" polyphasia="Normal"/><Recruitment>Reduced</Recruitment></Muscle></NeedleEMG></EDXStudy>
"""

def study_csv(i, rnd):
    base = f"S-{i:07d},2019-05-{1 + i % 28:02d},P-{i},{rnd.randint(20, 85)},F,170"
    rows = [("motor", "Peroneal", "L", "EDB", "Ankle", "", "latency", "4.9", "ms"),
            ("motor", "Peroneal", "L", "EDB", "Ankle", "", "amplitude", str(round(rnd.uniform(0.5, 8), 1)), "mV"),
            ("motor", "Peroneal", "L", "EDB", "Below fibular head", "Ankle", "velocity", "46", "m/s"),
            ("sensory", "Sural", "L", "Lat Mall", "Calf", "", "amplitude", "12", "uV"),
            ("needle", "Tibialis anterior", "L", "", "", "", "fibrillations", "1+", ""),
            ("temperature", "", "L", "", "foot", "", "temperature", "31.5", "C")]
    return "".join(base + "," + ",".join(r) + "\n" for r in rows)

parser = argparse.ArgumentParser()
parser.add_argument("--out", required=True)
parser.add_argument("--counts", type=int, nargs="+", default=[1000])
parser.add_argument("--seed", type=int, default=7)
args = parser.parse_args()
out = pathlib.Path(args.out)
out.mkdir(parents=True, exist_ok=True)
for n in args.counts:
    rnd = random.Random(args.seed)
    with open(out / f"archive-{n}.xml", "w") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<EDXArchive xmlns="urn:edx:study:1">\n')
        for i in range(n):
            f.write(study_xml(i, rnd))
        f.write("</EDXArchive>\n")
    rnd = random.Random(args.seed)
    with open(out / f"archive-{n}.csv", "w") as f:
        f.write("study_id,study_date,patient_id,age_years,sex,height_cm,kind,nerve,side,recording,site,segment_to,parameter,value,unit\n")
        for i in range(n):
            f.write(study_csv(i, rnd))
