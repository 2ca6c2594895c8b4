#!/usr/bin/env python3
"""Writes the import fixtures of Fixtures/import/. All patients are invented.

Run from the repository root: python3 Fixtures/import/generate.py
The files are committed; this script documents how each was made and rebuilds them.
"""
import os, pathlib, shutil

ROOT = pathlib.Path(__file__).resolve().parent
EXAMPLES = ROOT.parents[1] / ".." / "shared" / "formats" / "examples"

def write(rel, data, encoding="utf-8", newline="\n"):
    path = ROOT / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.replace("\n", newline).encode(encoding)
    path.write_bytes(data)

# ---------------------------------------------------------------- study-xml, good
STUDY_XML = """<?xml version="1.0" encoding="{enc}"?>
<EDXStudy{ns} schemaVersion="1.0">
  <Patient>
    <ID>P-9001</ID>
    <Name>Invented Person</Name>
    <BirthDate>1961-03-04</BirthDate>
    <Age unit="years">64</Age>
    <Sex>F</Sex>
    <Height unit="in">65</Height>
    <Weight unit="lb">154</Weight>
  </Patient>
  <Study>
    <ID>FX-XML-FULL</ID>
    <Date>2025-09-18</Date>
    <Examiner>Dr Example</Examiner>
    <Referrer>Dr Referrer</Referrer>
    <Indication>Left foot drop</Indication>
    <SymptomDuration unit="weeks">4</SymptomDuration>
    <Temperature side="L" site="foot" unit="F">88.7</Temperature>
    <Temperature side="R" site="foot" unit="C">31.8</Temperature>
  </Study>
  <NerveConduction>
    <Motor nerve="Peroneal" side="L" recording="EDB">
      <Site name="Ankle">
        <Latency unit="ms">5.2</Latency>
        <Amplitude unit="mV">2.0</Amplitude>
        <Duration unit="ms">5.9</Duration>
        <Area unit="mVms">7.1</Area>
        <Distance unit="mm">80</Distance>
      </Site>
      <Site name="Below fibular head">
        <Latency unit="ms">11.6</Latency>
        <Amplitude unit="{uv}">1800</Amplitude>
      </Site>
      <Site name="Above fibular head" noResponse="true"/>
      <Segment from="Below fibular head" to="Ankle">
        <Distance unit="cm">30</Distance>
        <Velocity unit="m/s">47</Velocity>
      </Segment>
    </Motor>
    <Sensory nerve="Sural" side="L" recording="Lateral malleolus" method="antidromic">
      <Site name="Calf">
        <OnsetLatency unit="ms">3.0</OnsetLatency>
        <PeakLatency unit="ms">3.7</PeakLatency>
        <Amplitude unit="{uv}">14</Amplitude>
        <Distance unit="cm">14</Distance>
        <Velocity unit="m/s">47</Velocity>
      </Site>
    </Sensory>
    <FWave nerve="Tibial" side="L" recording="AH">
      <MinLatency unit="ms">49.5</MinLatency>
      <Persistence unit="%">90</Persistence>
    </FWave>
    <FWave nerve="Peroneal" side="L" recording="EDB" noResponse="true"/>
    <HReflex nerve="Tibial" side="L" recording="Soleus"><Latency unit="ms">31.2</Latency><Amplitude unit="mV">2.9</Amplitude></HReflex>
  </NerveConduction>
  <NeedleEMG>
    <Muscle name="Tibialis Anterior" side="L">
      <InsertionalActivity>Increased</InsertionalActivity>
      <Fibrillations>2+</Fibrillations>
      <PositiveSharpWaves>+/-</PositiveSharpWaves>
      <Fasciculations>0</Fasciculations>
      <MUAP amplitude="Increased" duration="Increased" polyphasia="2+"/>
      <Recruitment>Reduced</Recruitment>
      <Comment>{comment}</Comment>
    </Muscle>
  </NeedleEMG>
  <Impression>Left peroneal neuropathy at the fibular head.</Impression>
</EDXStudy>
"""
def study_xml(enc="UTF-8", ns=' xmlns="urn:edx:study:1"', uv="uV", comment="Good activation"):
    return STUDY_XML.format(enc=enc, ns=ns, uv=uv, comment=comment)

write("xml/full-study.xml", study_xml())
write("xml/no-namespace.xml", study_xml(ns="").replace("FX-XML-FULL", "FX-XML-NONS"))
write("xml/utf16le-bom.xml", b"\xff\xfe" + study_xml(enc="UTF-16").replace("FX-XML-FULL", "FX-XML-UTF16").encode("utf-16-le"))
write("xml/windows-1252.xml", study_xml(enc="windows-1252", uv="µV", comment="Très bien, 5µV").replace("FX-XML-FULL", "FX-XML-1252"), encoding="cp1252")
write("xml/crlf-greek-mu.xml", study_xml(uv="μV").replace("FX-XML-FULL", "FX-XML-CRLF"), newline="\r\n")
write("xml/minimal.xml", '<EDXStudy xmlns="urn:edx:study:1"><Study><ID>FX-XML-MIN</ID></Study></EDXStudy>\n')

ALIASES = """<?xml version="1.0" encoding="UTF-8"?>
<EDXStudy xmlns="urn:edx:study:1">
  <Study><ID>FX-XML-ALIASES</ID></Study>
  <NerveConduction>
    <Motor nerve="CPN" side="Lt" recording="Tib Ant">
      <Site name="Fib Neck"><Latency unit="ms">3.4</Latency><Amplitude unit="mV">2.9</Amplitude><Distance unit="cm">10</Distance></Site>
      <Site name="Pop Fossa"><Latency unit="ms">5.9</Latency><Amplitude unit="mV">2.6</Amplitude></Site>
      <Segment from="Pop Fossa" to="Fib Neck"><Distance unit="cm">10</Distance><Velocity unit="m/s">40</Velocity></Segment>
    </Motor>
    <Motor nerve="Post Tibial" side="Rt" recording="Abd Hall">
      <Site name="Ank"><Latency unit="ms">4.4</Latency><Amplitude unit="mV">11.2</Amplitude></Site>
      <Site name="Knee"><Latency unit="ms">12.9</Latency><Amplitude unit="mV">9.6</Amplitude></Site>
    </Motor>
    <Sensory nerve="Sup Fib" side="left" recording="Ankle"><Site name="Lower Leg"><Amplitude unit="uV">9</Amplitude></Site></Sensory>
    <Sensory nerve="Sural Nerve" side="RIGHT" recording="Ankle"><Site name="Mid Calf"><Amplitude unit="uV">12</Amplitude></Site></Sensory>
  </NerveConduction>
  <NeedleEMG>
    <Muscle name="AntTibialis" side="L"><Fibrillations>Rare</Fibrillations><Recruitment>Mild Reduced</Recruitment></Muscle>
    <Muscle name="MedGastroc" side="L"><Fibrillations>±</Fibrillations><Recruitment>Full</Recruitment></Muscle>
    <Muscle name="Biceps Femoris (SH)" side="L"><Fibrillations>0</Fibrillations><Recruitment>Single Unit</Recruitment></Muscle>
    <Muscle name="L5 PSP" side="L"><Fibrillations>1+</Fibrillations></Muscle>
    <Muscle name="Lumbar Paraspinals (S1)" side="L"><Fibrillations>0</Fibrillations></Muscle>
    <Muscle name="TFL" side="L"><Fibrillations>0</Fibrillations><Recruitment>No Units</Recruitment></Muscle>
    <Muscle name="Fibularis Longus" side="L"><MUAP amplitude="Incr" duration="Decr" polyphasia="Nml"/><Recruitment>Increased (early)</Recruitment></Muscle>
  </NeedleEMG>
</EDXStudy>
"""
write("xml/aliases.xml", ALIASES)

UNKNOWN_NAMES = """<?xml version="1.0" encoding="UTF-8"?>
<EDXStudy xmlns="urn:edx:study:1">
  <Study><ID>FX-XML-UNKNOWN</ID></Study>
  <NerveConduction>
    <Motor nerve="Musculocutaneous" side="L" recording="Biceps">
      <Site name="Erb"><Latency unit="ms">4.1</Latency></Site>
    </Motor>
  </NerveConduction>
  <NeedleEMG>
    <Muscle name="Flexor Hallucis Brevis Accessory" side="L"><Fibrillations>0</Fibrillations></Muscle>
    <Muscle name="Tibialis Anterior" side="L"><Fibrillations>0</Fibrillations><Tremor>yes</Tremor></Muscle>
  </NeedleEMG>
</EDXStudy>
"""
write("xml/unknown-names.xml", UNKNOWN_NAMES)

def archive_study(i, side="L", amp="5.0"):
    return f"""  <EDXStudy>
    <Patient><ID>P-{i:04d}</ID><Age unit="years">{40 + i}</Age><Sex>M</Sex></Patient>
    <Study><ID>FX-ARCH-{i:04d}</ID><Date>2024-01-{i:02d}</Date></Study>
    <NerveConduction>
      <Motor nerve="Peroneal" side="{side}" recording="EDB"><Site name="Ankle"><Latency unit="ms">4.8</Latency><Amplitude unit="mV">{amp}</Amplitude></Site></Motor>
    </NerveConduction>
  </EDXStudy>
"""
write("xml/archive-five.xml", '<?xml version="1.0"?>\n<EDXArchive xmlns="urn:edx:study:1">\n' + "".join(archive_study(i) for i in range(1, 6)) + "</EDXArchive>\n")

# ---------------------------------------------------------------- study-xml, broken
write("broken/truncated.xml", '<?xml version="1.0"?>\n<EDXArchive xmlns="urn:edx:study:1">\n' + archive_study(1) + archive_study(2)[:260])
write("broken/wrong-root.xml", '<?xml version="1.0"?>\n<Report>\n  <Study><ID>X</ID></Study>\n</Report>\n')
write("broken/bad-numbers.xml", """<?xml version="1.0"?>
<EDXStudy xmlns="urn:edx:study:1">
  <Study><ID>FX-BAD-NUMBERS</ID></Study>
  <NerveConduction>
    <Motor nerve="Peroneal" side="L" recording="EDB">
      <Site name="Ankle">
        <Latency unit="ms">4.x</Latency>
        <Amplitude unit="mV">NaN</Amplitude>
        <Duration unit="ms">5.9</Duration>
      </Site>
    </Motor>
  </NerveConduction>
  <NeedleEMG><Muscle name="TA" side="L"><Fibrillations>lots</Fibrillations></Muscle></NeedleEMG>
</EDXStudy>
""")
write("broken/unknown-unit.xml", """<?xml version="1.0"?>
<EDXStudy xmlns="urn:edx:study:1">
  <Study><ID>FX-BAD-UNIT</ID></Study>
  <NerveConduction>
    <Motor nerve="Tibial" side="R" recording="AH">
      <Site name="Ankle"><Latency unit="ms">4.4</Latency><Amplitude unit="furlong">11.2</Amplitude><Distance>8</Distance></Site>
    </Motor>
  </NerveConduction>
</EDXStudy>
""")
write("broken/entity-bomb.xml", """<?xml version="1.0"?>
<!DOCTYPE EDXStudy [
 <!ENTITY a "aaaaaaaaaa">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
 <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
 <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
 <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
 <!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">
 <!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">
 <!ENTITY i "&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;">
]>
<EDXStudy xmlns="urn:edx:study:1">
  <Study><ID>FX-BOMB</ID><Indication>&i;</Indication></Study>
</EDXStudy>
""")
write("broken/external-entity.xml", """<?xml version="1.0"?>
<!DOCTYPE EDXStudy [
 <!ENTITY xxe SYSTEM "file:///etc/passwd">
]>
<EDXStudy xmlns="urn:edx:study:1">
  <Study><ID>FX-XXE</ID><Indication>&xxe;</Indication></Study>
</EDXStudy>
""")
write("broken/deep-nesting.xml", '<?xml version="1.0"?>\n<EDXStudy xmlns="urn:edx:study:1">\n<Study><ID>FX-DEEP</ID></Study>\n' + "<NeedleEMG>" + "<x>" * 10000 + "</x>" * 10000 + "</NeedleEMG>\n</EDXStudy>\n")
write("broken/empty.xml", b"")
write("broken/invalid-utf8.xml", b'<?xml version="1.0" encoding="UTF-8"?>\n<EDXStudy xmlns="urn:edx:study:1">\n  <Study><ID>FX-BAD-UTF8</ID>\n    <Indication>foot drop \xff\xfe</Indication>\n  </Study>\n</EDXStudy>\n')
write("broken/missing-study-id.xml", '<?xml version="1.0"?>\n<EDXArchive xmlns="urn:edx:study:1">\n  <EDXStudy>\n    <Patient><Age unit="years">50</Age></Patient>\n  </EDXStudy>\n' + archive_study(7) + "</EDXArchive>\n")
write("broken/conflicting-values.xml", """<?xml version="1.0"?>
<EDXStudy xmlns="urn:edx:study:1">
  <Study><ID>FX-CONFLICT</ID></Study>
  <NerveConduction>
    <Motor nerve="Peroneal" side="L" recording="EDB">
      <Site name="Ankle">
        <Latency unit="ms">4.8</Latency>
        <Latency unit="ms">6.8</Latency>
      </Site>
    </Motor>
  </NerveConduction>
</EDXStudy>
""")

# ---------------------------------------------------------------- summary-csv
ex = (EXAMPLES / "l5-radiculopathy-right.csv").resolve()
l5 = ex.read_text()
write("summary/comma-utf8.csv", l5)
write("summary/semicolon-decimal-comma-cp1252.csv", (EXAMPLES / "l5-radiculopathy-right-eu.csv").resolve().read_bytes())
write("summary/utf8-bom-crlf.csv", b"\xef\xbb\xbf" + l5.replace("\n", "\r\n").encode("utf-8"))
write("summary/utf16le-bom.csv", b"\xff\xfe" + l5.replace("\n", "\r\n").encode("utf-16-le"))
write("summary/spanish-sides-comma.csv", l5.replace("Right ", "D ").replace("Left ", "I ").replace("\nRight,", "\nD,").replace("Temp,R Foot", "Temp,D Foot"))
write("summary/mm-and-mu-spellings.csv", l5.replace("Dist (cm)", "Dist (mm)").replace(",32,45,", ",320,45,").replace(",10,53,", ",100,53,").replace(",,8,,", ",,80,,").replace(",41,48,", ",410,48,").replace(",14,45,", ",140,45,").replace(",14,50,", ",140,50,").replace(",14,52,", ",140,52,").replace("P-T Amp (µV)", "P-T Amp (μV)").replace("Study", "Study"))
write("summary/reordered-columns.csv", """Patient,Invented Reorder,ID,P-9101,Test Date,2025-06-01,Study ID,FX-SUM-REORDER
Age,61,Sex,F,Height,160 cm,Weight,132 lb
Temp,L Foot 30.5 C,Indication,Left foot drop,Symptom Duration,3 months

Motor Summary Table
Site,Site1,Site2,Dist (cm),Vel (m/s),Norm Vel (m/s),NR,O-P Amp (mV),Norm O-P Amp,Onset (ms),Norm Onset (ms),Neg Dur (ms),Delta-0 (ms)
Left Peroneal Motor (Tib Ant)
B Fib,,,10,,,,3.0,>1.5,3.4,<4.9,10.0,
Poplt,Poplt,B Fib,10,38,>43,,1.2,,6.0,,12.0,2.6

EMG
Muscle,Side,Fibs,Psw,Recrt,Ins Act,Fasc,Amp,Dur,Poly,Nerve,Root,Int Pat,Comment
Tib Ant,L,2+,2+,Reduced,Incr,0,Nml,Nml,Nml,Deep Peroneal,L4-L5,Reduced,
""")
write("summary/quoted-fields.csv", '''Patient,"Person, Invented",ID,P-9102,Test Date,2025-06-02
Indication,"Foot drop; ""sudden"" onset
after surgery",Sex,M

EMG
Side,Muscle,Nerve,Root,Ins Act,Fibs,Psw,Fasc,Amp,Dur,Poly,Recrt,Int Pat,Comment
Left,"Tibialis Anterior",Deep Peroneal,"L4,L5",Incr,1+,1+,0,Nml,Nml,0,Reduced,,"Comment with, comma and ""quotes""
and a second line"
Left,Gluteus Medius,Sup Gluteal,L5,Nml,0,0,0,Nml,Nml,0,Nml,,
''')
write("summary/ortho-sensory-and-nr.csv", """Patient,Invented NR,ID,P-9103,Test Date,2025-06-03
Age,70,Sex,M

Ortho Sensory Summary Table
Site,NR,Onset (ms),Peak (ms),Norm Peak (ms),P-T Amp (uV),Norm P-T Amp,Site1,Site2,Delta-P (ms),Dist (cm),Vel (m/s),Norm Vel (m/s)
Left Sural Ortho Sensory (Lat Mall)
Calf,NR,,,<4.4,,>6,,,,,,
Right Sural Ortho Sensory (Lat Mall)
Calf,,3.3,4.0,<4.4,5,>6,Calf,Lat Mall,4.0,14,42,

Motor Summary Table
Site,NR,Onset (ms),Norm Onset (ms),O-P Amp (mV),Norm O-P Amp,Neg Dur (ms),Site1,Site2,Delta-0 (ms),Dist (cm),Vel (m/s),Norm Vel (m/s)
Left Peroneal Motor (Ext Dig Brev)
Ankle,NR,,<6.5,,>2.0,,,,,8,,

F Wave Studies
Nerve,NR,F-Lat (ms),Lat Norm (ms),L-R F-Lat (ms),L-R Lat Norm
Left Peroneal (Ext Dig Brev),NR,,<56,,

H Reflex Studies
Nerve,NR,H-Lat (ms),Lat Norm (ms),L-R H-Lat (ms),L-R Lat Norm
Left Tibial (Soleus),NR,,<35.0,,<2.0
Right Tibial (Soleus),,32.5,<35.0,,<2.0
""")

# ---------------------------------------------------------------- measurements-csv
mex = (EXAMPLES / "archive-two-studies.csv").resolve().read_text()
write("measurements/comma.csv", mex)
def eu(text):
    out = []
    for line in text.splitlines():
        cells = line.split(",")
        out.append(";".join(c.replace(".", ",") if c.replace(".", "").isdigit() else c for c in cells))
    return "\n".join(out) + "\n"
write("measurements/semicolon-decimal-comma.csv", eu(mex))
write("measurements/utf8-bom-crlf.csv", b"\xef\xbb\xbf" + mex.replace("\n", "\r\n").encode("utf-8"))
write("measurements/utf16be-bom.csv", b"\xfe\xff" + mex.replace(",uV\n", ",µV\n").encode("utf-16-be"))
write("measurements/windows-1252.csv", mex.replace(",uV\n", ",µV\n").encode("cp1252"))
HEADER = "study_id,study_date,patient_id,age_years,sex,height_cm,kind,nerve,side,recording,site,segment_to,parameter,value,unit\n"
def row(sid, kind, nerve, side, rec, site, seg, param, value, unit, date="2024-02-01", pid="P-9201", age="55", sex="F", height="165"):
    return f"{sid},{date},{pid},{age},{sex},{height},{kind},{nerve},{side},{rec},{site},{seg},{param},{value},{unit}\n"
single = HEADER + row("FX-MEAS-1", "motor", "Peroneal", "L", "EDB", "Ankle", "", "latency", "4.9", "ms") \
    + row("FX-MEAS-1", "motor", "Peroneal", "L", "EDB", "Ankle", "", "amplitude", "4100", "µV") \
    + row("FX-MEAS-1", "motor", "Peroneal", "L", "EDB", "Ankle", "", "distance", "8", "cm") \
    + row("FX-MEAS-1", "motor", "Peroneal", "L", "EDB", "Below fibular head", "", "no_response", "yes", "") \
    + row("FX-MEAS-1", "sensory", "Sural", "L", "Lat Mall", "Calf", "", "amplitude", "12", "μV") \
    + row("FX-MEAS-1", "fwave", "Tibial", "L", "AH", "", "", "min_latency", "50.1", "ms") \
    + row("FX-MEAS-1", "fwave", "Tibial", "L", "AH", "", "", "persistence", "95", "%") \
    + row("FX-MEAS-1", "hreflex", "Tibial", "L", "Soleus", "", "", "no_response", "true", "") \
    + row("FX-MEAS-1", "needle", "Gluteus Medius", "L", "", "", "", "fibrillations", "1+", "") \
    + row("FX-MEAS-1", "needle", "Gluteus Medius", "L", "", "", "", "recruitment", "Reduced", "") \
    + row("FX-MEAS-1", "temperature", "", "L", "", "foot", "", "temperature", "89.6", "F") \
    + row("FX-MEAS-1", "demographic", "", "", "", "", "", "symptom_duration", "6", "weeks") \
    + row("FX-MEAS-1", "demographic", "", "", "", "", "", "weight", "70", "kg")
write("measurements/single-study-units.csv", single)
write("measurements/spanish-sides-mm.csv", HEADER
    + row("FX-MEAS-ES", "motor", "Peroneo", "I", "EDB", "Tobillo", "", "latency", "4.9", "ms")
    + row("FX-MEAS-ES", "motor", "Peroneo", "I", "EDB", "Ankle", "", "distance", "80", "mm")
    + row("FX-MEAS-ES", "motor", "Peroneo", "I", "EDB", "Cabeza de perone", "Ankle", "distance", "300", "mm")
    + row("FX-MEAS-ES", "motor", "Peroneo", "I", "EDB", "Cabeza de perone", "Ankle", "velocity", "46", "m/s")
    + row("FX-MEAS-ES", "sensory", "Sural", "D", "Lat Mall", "Calf", "", "distance", "140", "mm"))
cols = ["extra_note", "unit", "value", "parameter", "segment_to", "site", "recording", "side", "nerve", "kind", "height_cm", "sex", "age_years", "patient_id", "study_date", "study_id"]
lines = [",".join(cols)]
for r in single.splitlines()[1:]:
    c = dict(zip(HEADER.strip().split(","), r.split(",")))
    c["extra_note"] = "ignored"
    lines.append(",".join(c[k] for k in cols))
write("measurements/reordered-extra-columns.csv", "\n".join(lines).replace("FX-MEAS-1", "FX-MEAS-REORDER") + "\n")
write("measurements/quoted.csv", HEADER.replace("unit\n", "unit,comment\n")
    + '"FX-MEAS-Q","2024-02-03","P-9203","60","M","170","needle","Tibialis Anterior","R","","","","fibrillations","2+","","a ""quoted"", multi-line\ncomment"\n'
    + '"FX-MEAS-Q","2024-02-03","P-9203","60","M","170","motor","Peroneal","R","Ext Dig Brev","Ankle","","amplitude","4.5","mV",""\n')
# A comment column on rows of every kind: kept with the study or muscle of the row, each text once.
def commented(kind, nerve, side, rec, site, seg, param, value, unit, comment):
    return row("FX-MEAS-C", kind, nerve, side, rec, site, seg, param, value, unit).replace("\n", f",{comment}\n")
write("measurements/comments.csv", HEADER.replace("unit\n", "unit,comment\n")
    + commented("motor", "Tibial", "R", "AH", "Ankle", "", "latency", "4.4", "ms", "")
    + commented("motor", "Tibial", "R", "AH", "Ankle", "", "amplitude", "9.8", "mV", "")
    + commented("motor", "Tibial", "R", "AH", "Popliteal fossa", "", "amplitude", "5.1", "mV",
                "Submaximal stimulation at the knee (obese)")
    + commented("motor", "Tibial", "R", "AH", "Popliteal fossa", "Ankle", "velocity", "44", "m/s",
                "Submaximal stimulation at the knee (obese)")
    + commented("sensory", "Sural", "R", "Lat Mall", "Calf", "", "amplitude", "3", "µV", "Oedema of the ankle")
    + commented("hreflex", "Tibial", "R", "Soleus", "", "", "latency", "31.2", "ms", "Poor relaxation")
    + commented("needle", "Tibialis Anterior", "R", "", "", "", "fibrillations", "0", "", "")
    + commented("needle", "Tibialis Anterior", "R", "", "", "", "recruitment", "None", "", "No voluntary motor units")
    + commented("needle", "Gastrocnemius Medial Head", "R", "", "", "", "fibrillations", "0", "", "Patient anxious")
    + commented("needle", "Gastrocnemius Medial Head", "R", "", "", "", "recruitment", "Normal", "",
                "Poor activation"))

# ---------------------------------------------------------------- CSV, broken
write("broken/empty.csv", b"")
write("broken/mixed-delimiters.csv", HEADER
    + row("FX-MIX-1", "motor", "Peroneal", "L", "EDB", "Ankle", "", "latency", "4.9", "ms")
    + row("FX-MIX-2", "motor", "Peroneal", "L", "EDB", "Ankle", "", "latency", "4.9", "ms")
    + row("FX-MIX-2", "motor", "Peroneal", "L", "EDB", "Ankle", "", "amplitude", "4.1", "mV").replace(",", ";")
    + row("FX-MIX-3", "motor", "Peroneal", "L", "EDB", "Ankle", "", "latency", "5.0", "ms"))
write("broken/mixed-delimiters-summary.csv", l5.replace("Poplt,,13.9,,3.8,,,,,,,,", "Poplt;;13.9;;3.8;;;;;;;;"))
write("broken/unterminated-quote.csv", HEADER
    + row("FX-QUOTE-1", "motor", "Peroneal", "L", "EDB", "Ankle", "", "latency", "4.9", "ms")
    + row("FX-QUOTE-2", "motor", "Peroneal", "L", "EDB", "Ankle", "", "latency", "4.9", "ms")
    + 'FX-QUOTE-2,2024-02-01,P-9201,55,F,165,needle,"Tibialis Anterior,L,,,,fibrillations,1+,\n'
    + row("FX-QUOTE-3", "motor", "Peroneal", "L", "EDB", "Ankle", "", "latency", "5.0", "ms"))
write("broken/unterminated-quote-summary.csv", l5.replace('Right,GluteusMed,', 'Right,"GluteusMed,'))
write("broken/stray-quote.csv", HEADER
    + row("FX-STRAY", "motor", "Peroneal", "L", "EDB", "Ankle", "", "latency", "4.9", "ms")
    + 'FX-STRAY,2024-02-01,P-9201,55,F,165,needle,Tib "Ant",L,,,,fibrillations,1+,\n')
write("broken/study-reappears.csv", HEADER
    + row("FX-RE-A", "motor", "Peroneal", "L", "EDB", "Ankle", "", "latency", "4.9", "ms")
    + row("FX-RE-A", "motor", "Peroneal", "L", "EDB", "Ankle", "", "amplitude", "4.1", "mV")
    + row("FX-RE-B", "motor", "Peroneal", "R", "EDB", "Ankle", "", "latency", "4.7", "ms")
    + row("FX-RE-A", "motor", "Tibial", "L", "AH", "Ankle", "", "latency", "4.4", "ms"))
write("broken/invalid-utf8.csv", (HEADER
    + row("FX-UTF8", "sensory", "Sural", "L", "Lat Mall", "Calf", "", "amplitude", "12", "µV")).encode("utf-8")
    + b"FX-UTF8,2024-02-01,P-9201,55,F,165,needle,Tibialis Anterior \xff,L,,,,fibrillations,1+,\n")
write("broken/bad-numbers.csv", HEADER
    + row("FX-BADNUM", "motor", "Peroneal", "L", "EDB", "Ankle", "", "latency", "4.9.1", "ms")
    + row("FX-BADNUM", "motor", "Peroneal", "L", "EDB", "Ankle", "", "amplitude", "Infinity", "mV")
    + row("FX-BADNUM", "motor", "Peroneal", "L", "EDB", "Ankle", "", "distance", "8", "parsecs")
    + row("FX-BADNUM", "sensory", "Sural", "L", "Lat Mall", "Calf", "", "amplitude", "12", ""))
write("broken/unknown-unit-summary.csv", l5.replace("O-P Amp (mV)", "O-P Amp (kV)"))
write("broken/not-an-export.txt", "This is a letter to the referring physician.\nIt is not an export.\n")
write("broken/missing-column.csv", "study_id,kind,nerve,side,site,parameter,unit\nX,motor,Peroneal,L,Ankle,latency,ms\n")
write("broken/conflicting-rows.csv", HEADER
    + row("FX-CONF", "motor", "Peroneal", "L", "EDB", "Ankle", "", "latency", "4.9", "ms")
    + row("FX-CONF", "motor", "Peroneal", "L", "EDB", "Ankle", "", "latency", "6.9", "ms"))
print("fixtures written to", ROOT)
