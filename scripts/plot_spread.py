#!/usr/bin/python3
# Draws the drug-spread model beside the published human (and pig) measurements, one PNG per
# study in docs/images/spread-*.png, by running `thecaview simulate` (docs/drug-spread.md).
# Needs Debian's python3-matplotlib; scripts/figures installs it, builds and runs this.
# Usage: scripts/plot_spread.py [path/to/thecaview] (default: build/bin/thecaview).
import json
import math
import os
import subprocess
import sys
import tempfile

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "docs", "images")


def binary():
    if len(sys.argv) > 1:
        return sys.argv[1]
    for b in ("build",):
        path = os.path.join(ROOT, b, "bin", "thecaview")
        if os.path.exists(path):
            return path
    sys.exit("scripts/plot_spread.py: build thecaview first (scripts/figures does), or pass its path")


def simulate(*args):
    """Runs `thecaview simulate` on the shipped data and returns its JSON."""
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "run.json")
        env = dict(os.environ, THECAVIEW_DATA_DIR=ROOT)
        subprocess.run([binary(), "simulate", *args, "--out", out], check=True, env=env, capture_output=True)
        with open(out) as f:
            return json.load(f)


def series(run, level):
    k = run["levels"].index(level)
    return [t * 60.0 for t in run["times_h"]], [row[k] for row in run["concentration_ug_per_ml"]]


def lumbar_bolus(dose_mg, volume_ml, minutes, hours):
    return simulate("--drug", "morphine", "--rate", "0", "--concentration", str(dose_mg / volume_ml), "--bolus-mg",
                    str(dose_mg), "--bolus-minutes", str(minutes), "--bolus-by-syringe", "--tip", "L2", "--hours",
                    str(hours), "--sample-minutes", "1")


def save(fig, name):
    fig.tight_layout()
    path = os.path.join(OUT, name)
    fig.savefig(path, dpi=110)
    plt.close(fig)
    print("wrote", os.path.relpath(path, ROOT))


def finish(fig, ax, name, title, xlabel=None, ylabel=None, legend=None):
    """Labels, title and legend of one figure, then saves it as docs/images/NAME."""
    if xlabel:
        ax.set_xlabel(xlabel)
    if ylabel:
        ax.set_ylabel(ylabel)
    ax.set_title(title)
    ax.legend(**(legend or {"fontsize": 8}))
    save(fig, name)


def nordberg():
    # Nordberg 1984: 0.5 mg at L2-L4; lumbar CSF at 1 h 10,447 +/- 1,538 ng/mL (SEM, n >= 7);
    # terminal half-life 175 +/- 9 min (SEM).
    run = lumbar_bolus(0.5, 1.0, 1.0, 8.0)
    fig, ax = plt.subplots(figsize=(7, 4.2))
    for level, style in (("L3", "-"), ("T10", "--"), ("C2", ":"), ("cranial", "-.")):
        t, c = series(run, level)
        ax.plot([x / 60 for x in t], c, style, label="model, " + level)
    sd = 1.538 * math.sqrt(7)
    ax.errorbar([1.0], [10.447], yerr=[[2 * sd], [2 * sd]], fmt="ko", capsize=4, label="NO84 lumbar, 1 h (mean ± 2 SD)")
    # The published terminal half-life drawn through the 1-h point.
    hl = 175.0 / 60.0
    ts = [1 + 0.25 * i for i in range(29)]
    ax.plot(ts, [10.447 * 0.5 ** ((x - 1) / hl) for x in ts], "k", lw=0.8, alpha=0.6, label="NO84 half-life 175 min")
    ax.set_yscale("log")
    ax.set_ylim(1e-3, 100)
    finish(fig, ax, "spread-nordberg1984.png",
           "Human lumbar bolus: Nordberg et al. 1984",
           xlabel="hours after 0.5 mg intrathecal morphine (1 mL, L2-L3)",
           ylabel="CSF morphine (µg/mL)")


def sjostrom():
    # Sjostrom 1987: 0.3 mg, 6 patients; peak CSF 6,410 +/- 1,290 ng/mL, then a half-life of
    # 89.8 +/- 16.1 min (mean +/- SEM).
    run = lumbar_bolus(0.3, 1.0, 1.0, 6.0)
    t, c = series(run, "L3")
    fig, ax = plt.subplots(figsize=(7, 4.2))
    ax.plot([x / 60 for x in t], c, label="model, L3")
    sd = 1.290 * math.sqrt(6)
    ax.axhspan(max(6.410 - 2 * sd, 0.05), 6.410 + 2 * sd, color="orange", alpha=0.2, label="SJ87 peak, mean ± 2 SD")
    ax.axhline(6.410, color="orange")
    for hl, style in ((89.8, "-"), (89.8 - 2 * 16.1 * math.sqrt(6), ":"), (89.8 + 2 * 16.1 * math.sqrt(6), ":")):
        ts = [0.25 + 0.25 * i for i in range(24)]
        ax.plot(ts, [6.410 * 0.5 ** ((x - 0.25) / (hl / 60)) for x in ts], "k" + style, lw=0.8, alpha=0.6)
    ax.plot([], [], "k-", lw=0.8, label="SJ87 half-life 90 min (dotted: ± 2 SD), from the peak")
    ax.set_yscale("log")
    ax.set_ylim(0.01, 30)
    finish(fig, ax, "spread-sjostrom1987.png",
           "Human lumbar bolus: Sjöström et al. 1987",
           xlabel="hours after 0.3 mg intrathecal morphine (1 mL assumed)",
           ylabel="CSF morphine (µg/mL)")


def reach():
    # When a lumbar bolus is found (1 % of the lumbar concentration) at each level.
    run = lumbar_bolus(0.5, 1.0, 1.0, 2.0)
    levels = [lv for lv in run["levels"][1:] if lv[0] in "CTL"]
    lumbar = run["levels"].index("L3")
    first = []
    for lv in levels:
        k = run["levels"].index(lv)
        found = [t for t, row in zip(run["times_h"], run["concentration_ug_per_ml"]) if t > 0 and row[k] >= 0.01 * row[lumbar]]
        first.append(found[0] * 60 if found else float("nan"))
    fig, ax = plt.subplots(figsize=(7, 4.2))
    ax.plot(range(len(levels)), first, "o-", label="model: first minute at 1 % of lumbar")
    ax.axhline(15, color="grey", ls="--", lw=0.8)
    ax.axhline(60, color="grey", ls="--", lw=0.8)
    ax.plot([levels.index("T10")], [15], "kv", ms=9, label="published: T10 within 15 min")
    ax.plot([levels.index("C2")], [60], "k^", ms=9, label="published: neck within ~1 h (cisternography, GO85)")
    ax.set_xticks(range(len(levels)))
    ax.set_xticklabels(levels, rotation=90, fontsize=7)
    finish(fig, ax, "spread-reach.png",
           "How fast a lumbar bolus reaches each level",
           ylabel="minutes after the injection")


def bernards2003():
    # Bernards 2003: 50 ug morphine at a lower lumbar interspace; peak at a needle two interspaces
    # higher at 57 +/- 12 min (SD, n = 8).
    run = lumbar_bolus(0.05, 0.1, 0.5, 3.0)
    t, c = series(run, "T12")
    fig, ax = plt.subplots(figsize=(7, 4.2))
    ax.plot(t, c, label="model, two levels above the injection (T12)")
    ax.axvspan(57 - 24, 57 + 24, color="orange", alpha=0.25, label="BE03 peak time, mean ± 2 SD")
    ax.axvline(57, color="orange")
    finish(fig, ax, "spread-bernards2003.png",
           "Human upper-lumbar peak: Bernards et al. 2003",
           xlabel="minutes after 50 µg intrathecal morphine",
           ylabel="CSF morphine (µg/mL)")


def ratio():
    # Chronic infusion: lumbar (L4) to cisternal (cranial compartment) after 20 days.
    tips = ["T6", "T8", "T10", "T12", "L1", "L2"]
    fig, ax = plt.subplots(figsize=(7, 4.2))
    for drug in ("morphine", "baclofen"):
        values = []
        for tip in tips:
            run = simulate("--drug", drug, "--rate", "0.5", "--tip", tip, "--hours", "480", "--sample-minutes", "1440")
            row = run["concentration_ug_per_ml"][-1]
            values.append(row[run["levels"].index("L4")] / row[0])
        ax.plot(range(len(tips)), values, "o-", label="model, " + drug)
    for tip, value in (("L2", 7.0), ("T10", 2.0)):
        i = tips.index(tip)
        ax.errorbar([i], [value], yerr=[[value / 2], [value]], fmt="ks", capsize=4)
    ax.plot([], [], "ks", label="published (issue 15; factor-2 band)")
    ax.set_yscale("log")
    ax.set_xticks(range(len(tips)))
    ax.set_xticklabels(tips)
    finish(fig, ax, "spread-ratio.png",
           "Chronic infusion: lumbar to cisternal ratio",
           xlabel="catheter tip",
           ylabel="lumbar : cisternal CSF")


def kroin1993():
    # Kroin 1993: In-111 DTPA infused 72 h into the lumbar space; T2 was 43 % of T12 (4 patients).
    run = simulate("--drug", "morphine", "--csf-half-life", "100", "--rate", "0.5", "--concentration", "1", "--tip", "L2",
                   "--hours", "72")
    row = run["concentration_ug_per_ml"][-1]
    levels = [lv for lv in run["levels"][1:] if lv[0] in "CTL"]
    t12 = row[run["levels"].index("T12")]
    fig, ax = plt.subplots(figsize=(7, 4.2))
    ax.plot(range(len(levels)), [row[run["levels"].index(lv)] / t12 for lv in levels], "o-",
            label="model, hydrophilic tracer (no loss but the CSF's own)")
    ax.errorbar([levels.index("T2")], [0.43], yerr=[[0.15], [0.15]], fmt="ks", capsize=4, label="KR93: T2 = 43 % of T12")
    ax.plot([levels.index("T12")], [1.0], "k^")
    ax.set_xticks(range(len(levels)))
    ax.set_xticklabels(levels, rotation=90, fontsize=7)
    finish(fig, ax, "spread-kroin1993.png",
           "Tracer along the thoracic cord after 72 h: Kroin et al. 1993",
           ylabel="concentration / concentration at T12")


def pigs():
    # Bernards 2006 (pigs): 20 uL/h against 1 mL over 5 min, concentration falling with distance
    # from the tip. Same amount in the hour (0.15 mg bupivacaine), tip T10, human anatomy.
    slow = simulate("--drug", "bupivacaine", "--rate", "0.48", "--concentration", "7.5", "--hours", "1",
                    "--sample-minutes", "60")
    fast = simulate("--drug", "bupivacaine", "--rate", "0", "--concentration", "0.15", "--bolus-mg", "0.15",
                    "--bolus-minutes", "5", "--bolus-by-syringe", "--hours", "1", "--sample-minutes", "60")
    fig, ax = plt.subplots(figsize=(7, 4.2))
    for run, label in ((slow, "20 µL/h"), (fast, "1 mL over 5 min")):
        tip = run["levels"].index("T10")
        row = run["concentration_ug_per_ml"][-1]
        x = [p - run["position_cm"][tip] for p in run["position_cm"][1:]]
        ax.plot(x, [c / row[tip] for c in row[1:]], "o-", ms=3, label="model at 1 h, " + label)
    ax.set_yscale("log")
    ax.set_xlim(-25, 25)
    ax.set_ylim(1e-3, 3)
    finish(fig, ax, "spread-bernards2006-pigs.png",
           "Shape near the tip (BE06, pigs: a steep fall, further with a bolus)",
           xlabel="cm from the catheter tip (negative: towards the head)",
           ylabel="concentration / concentration at the tip")


def ummenhofer():
    # UM00 (pigs): equal bolus doses at L3; morphine reached further up and stayed longer than
    # fentanyl. Here 0.5 mg of each in 1 mL over 10 min at the L2 tip, human anatomy.
    fig, ax = plt.subplots(figsize=(7, 4.2))
    for drug, colour in (("morphine", "C0"), ("fentanyl", "C3")):
        run = simulate("--drug", drug, "--rate", "0", "--concentration", "0.5", "--bolus-mg", "0.5", "--bolus-minutes", "10",
                       "--bolus-by-syringe", "--tip", "L2", "--hours", "4", "--sample-minutes", "5")
        for level, style in (("L2", "-"), ("T11", "--"), ("T7", ":")):
            t, c = series(run, level)
            ax.plot([x / 60 for x in t], c, style, color=colour, label=drug + ", " + level)
    ax.set_yscale("log")
    ax.set_ylim(0.01, 50)
    finish(fig, ax, "spread-ummenhofer2000-pigs.png",
           "Hydrophilic against lipophilic (UM00, pigs: morphine reaches further)",
           xlabel="hours after a 0.5 mg bolus at L2",
           ylabel="CSF concentration (µg/mL)",
           legend=dict(fontsize=7, ncol=2))


def main():
    os.makedirs(OUT, exist_ok=True)
    for figure in (nordberg, sjostrom, reach, bernards2003, ratio, kroin1993, pigs, ummenhofer):
        figure()


if __name__ == "__main__":
    main()
