#!/usr/bin/env python3
"""Fit the adaptive preset's model (data/adaptive.toml) on the dev sets, and test it.

    ~/.cache/nutgraf-peers/venv/bin/python data/scripts/fit_adaptive.py [--nutgraf target/fast/nutgraf]
        [--eval ../shared/eval] [--work /tmp/nutgraf-adaptive] [--write data/adaptive.toml]

For every dev set it reads the signals `--preset adaptive` measures (`"scoring"` in its JSON Lines, no
other flag: the language is detected), scores the 3-sentence briefs of `--preset news` and `--preset
general` per document with `nutgraf eval --per-doc` (English: rouge-score with stemming; other
languages: `--tokenizer unicode`, the language-neutral ROUGE of score_multilingual.py), and fits a
logistic model of "general's brief is better" (mean of R-1, R-2, R-Lsum) on the signals, each
document weighted by how much the choice matters to it (|difference|) and each data set weighing the
same in total. It prints, per set, news / general / the per-document oracle / the fitted choice
(in-sample) and the LEAVE-ONE-DATA-SET-OUT choice (fitted on the other sets), with the choice rates.
With --cv K it also prints a K-fold cross-validation of every set at once (each fold's documents chosen
by a model fitted on the other folds of all six sets): what a held-out part of the same sets would see,
where leave-one-set-out is what a new kind of text would see.
Re-fitting after the splitter or the language detection changes is this one command.
"""
import argparse
import json
import math
import os
import subprocess
import sys

import numpy as np

SIGNALS = ["sentences", "words_per_sentence", "sentences_per_paragraph", "headline", "lead_rank",
           "lead_centroid", "focus"]
METRICS = ["rouge1", "rouge2", "rougeLsum"]
# (folder, ROUGE tokenizer, target R-1 / R-2 / R-Lsum: the best peer on the set)
SETS = [
    ("cnndm_frank", "rouge-score", (40.74, 18.96, 37.12)),
    ("bbc_news_summary", "rouge-score", (59.29, 54.80, 58.87)),
    ("orangesum_fr", "unicode", (27.66, 9.78, 21.61)),
    ("klexikon_de", "unicode", (18.93, 2.46, 17.77)),
    ("temario_pt", "unicode", (35.64, 12.84, 32.39)),
    ("tes_tr", "unicode", (69.36, 64.98, 69.05)),
]
L2 = 1.0  # ridge penalty on the standardized weights (not on the intercept)


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, capture_output=True, **kw)


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def briefs(nutgraf, data, preset, out):
    """The briefs as a user gets them: no flag but the preset (the language is detected)."""
    with open(data, "rb") as src:
        stdout = run([nutgraf, "--jsonl", "--preset", preset], stdin=src).stdout
    with open(out, "wb") as f:
        f.write(stdout)
    return read_jsonl(out)


def scores(nutgraf, data, preset, tokenizer, work, name):
    """Per-document R-1 / R-2 / R-Lsum by `nutgraf eval --per-doc` (rouge-score with stemming for English,
    the language-neutral tokenizer of ../shared/peers/score_multilingual.py otherwise)."""
    path = os.path.join(work, f"{name}.{preset}.perdoc.jsonl")
    run([nutgraf, "eval", data, "--preset", preset, "--tokenizer", tokenizer, "--per-doc", path])
    return [[d["nutgraf"][m] for m in METRICS] for d in read_jsonl(path)]


def load_set(args, folder, tokenizer):
    data = os.path.join(args.eval, folder, "dev.jsonl")
    adaptive = briefs(args.nutgraf, data, "adaptive", os.path.join(args.work, f"{folder}.adaptive.jsonl"))
    news = scores(args.nutgraf, data, "news", tokenizer, args.work, folder)
    general = scores(args.nutgraf, data, "general", tokenizer, args.work, folder)
    x = np.array([[b["scoring"]["signals"][s] for s in SIGNALS] for b in adaptive], dtype=float)
    return {"x": x, "news": np.array(news), "general": np.array(general)}


def fit(sets):
    x = np.vstack([s["x"] for s in sets])
    gain = np.concatenate([(s["general"] - s["news"]).mean(axis=1) for s in sets])
    weight = np.concatenate([np.abs((s["general"] - s["news"]).mean(axis=1)) / len(s["x"]) for s in sets])
    weight = weight / weight.sum() * len(weight)
    y = (gain > 0).astype(float)
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    z = np.hstack([np.ones((len(x), 1)), (x - mean) / scale])
    beta = np.zeros(z.shape[1])
    penalty = np.full(z.shape[1], L2)
    penalty[0] = 0.0
    for _ in range(100):  # Newton's method on the weighted, ridge-penalized log-likelihood
        p = 1 / (1 + np.exp(-z @ beta))
        grad = z.T @ (weight * (p - y)) + penalty * beta
        hess = (z * (weight * p * (1 - p))[:, None]).T @ z + np.diag(penalty)
        step = np.linalg.solve(hess, grad)
        beta -= step
        if np.abs(step).max() < 1e-10:
            break
    return {"intercept": float(beta[0]), "mean": mean, "scale": scale, "weight": beta[1:]}


def shortfall(model, sets, targets):
    """What the targets care about: the sum over sets and metrics of how far the chosen briefs fall short
    of the floor (0 once above it), plus a tenth of the mean margin so that, other things equal, wider
    margins win."""
    total = 0.0
    for s, target in zip(sets, targets):
        margin = chosen_scores(s, choose(model, s["x"])) - np.array(target)
        total += np.minimum(margin, 0.0).sum() + 0.1 * margin.mean()
    return total


def refine(model, sets, targets, rounds=4000):
    """Hill-climbs the logistic fit's coefficients on `shortfall` (deterministic: fixed seed), since the
    log-likelihood weighs documents, not the per-set targets."""
    rng = np.random.RandomState(0)
    best = dict(model)
    best_value = shortfall(best, sets, targets)
    for i in range(rounds):
        trial = dict(best)
        size = 0.5 if i < rounds // 2 else 0.1
        trial["intercept"] = best["intercept"] + size * rng.randn()
        trial["weight"] = best["weight"] + size * rng.randn(len(best["weight"])) * (rng.rand(len(best["weight"])) < 0.3)
        value = shortfall(trial, sets, targets)
        if value > best_value:
            best, best_value = trial, value
    return best


def choose(model, x):
    logit = model["intercept"] + ((x - model["mean"]) / model["scale"]) @ model["weight"]
    return logit >= 0


def chosen_scores(s, general):
    return np.where(general[:, None], s["general"], s["news"]).mean(axis=0)


def cross_validate(sets, floors, k, fitted_on):
    """Prints each set's K-fold cross-validated figures: fold f holds the documents whose index is f
    modulo K in every set, and is chosen for by a model fitted on the other folds of all the sets (the
    floors stay the whole sets' own). Within-set generalization, the held-out parts' question."""
    chosen = [np.zeros(len(s["x"]), dtype=bool) for s in sets]
    for fold in range(k):
        held = [np.arange(len(s["x"])) % k == fold for s in sets]
        train = [{key: value[~h] for key, value in s.items()} for s, h in zip(sets, held)]
        model = fitted_on(train, floors)
        for s, h, c in zip(sets, held, chosen):
            c[h] = choose(model, s["x"][h])
    print(f"\n| set | target | {k}-fold cross-validated | general chosen | meets target |")
    print("|---|---|---|---:|---|")
    for (folder, _, target), s, c in zip(SETS, sets, chosen):
        figures = chosen_scores(s, c)
        print(f"| {folder} | {fmt(target)} | {fmt(figures)} | {100 * c.mean():.0f}% | {meets(figures, target)} |")


def meets(figures, target):
    """'yes' when every figure is above its target, else 'no'."""
    return "yes" if all(a > b for a, b in zip(figures, target)) else "no"


def fmt(v):
    return " / ".join(f"{a:.2f}" for a in v)


def write_model(model, path, names, objective):
    lines = ["# The adaptive preset's logistic model: P(general) = sigmoid(intercept + sum weight * (value - mean) / scale)",
             "# over the signals nutgraf::Signals measures. Fitted on the dev sets",
             f"# ({', '.join(names)}) by",
             f"#   data/scripts/fit_adaptive.py --objective {objective} --write data/adaptive.toml",
             "# re-fit with that one command after the splitter, the analyzers or the presets change.",
             f"intercept = {model['intercept']:.6f}"]
    for i, s in enumerate(SIGNALS):
        lines += [f"[{s}]", f"mean = {model['mean'][i]:.6f}", f"scale = {model['scale'][i]:.6f}",
                  f"weight = {model['weight'][i]:.6f}"]
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--nutgraf", default="target/fast/nutgraf")
    ap.add_argument("--eval", default="../shared/eval")
    ap.add_argument("--work", default="/tmp/nutgraf-adaptive")
    ap.add_argument("--without", default="", help="comma-separated signals to leave out of the fit (weight 0)")
    ap.add_argument("--objective", choices=["likelihood", "targets"], default="likelihood",
                    help="likelihood: the weighted logistic fit (default); targets: that fit refined to fall short least of "
                    "the per-set floors, the best peer and the news preset (overfits: worse under leave-one-set-out)")
    ap.add_argument("--cv", type=int, default=0, metavar="K",
                    help="also print a K-fold cross-validation within the sets (document i is in fold i %% K)")
    ap.add_argument("--write", default=None, help="write the model fitted on every set here (data/adaptive.toml)")
    args = ap.parse_args()
    os.makedirs(args.work, exist_ok=True)
    sets = [load_set(args, folder, tokenizer) for folder, tokenizer, _ in SETS]
    without = [SIGNALS.index(name) for name in args.without.split(",") if name]
    for s in sets:
        s["x"][:, without] = 0.0  # a constant column gets weight 0 under the ridge penalty
    names = [folder for folder, _, _ in SETS]
    targets = [target for _, _, target in SETS]

    # What the adaptive choice must clear on each set to replace the fixed default: the best peer, and
    # the news preset (today's default) itself.
    floors = [np.maximum(np.array(t), s["news"].mean(axis=0)) for t, s in zip(targets, sets)]

    def fitted_on(chosen, chosen_floors):
        model = fit(chosen)
        if args.objective == "targets":
            model = refine(model, chosen, chosen_floors)
        return model

    def fitted(indices):
        return fitted_on([sets[j] for j in indices], [floors[j] for j in indices])

    full = fitted(range(len(sets)))
    print("| set | docs | target | news | general | oracle | adaptive (fit on all) | general chosen | "
          "leave-one-set-out | general chosen | LOSO meets target |")
    print("|---|---:|---|---|---|---|---|---:|---|---:|---|")
    for i, ((folder, _, target), s) in enumerate(zip(SETS, sets)):
        better = (s["general"] - s["news"]).mean(axis=1) > 0
        inside = choose(full, s["x"])
        loso_model = fitted([j for j in range(len(sets)) if j != i])
        loso = choose(loso_model, s["x"])
        loso_scores = chosen_scores(s, loso)
        print(f"| {folder} | {len(s['x'])} | {fmt(target)} | {fmt(s['news'].mean(axis=0))} | "
              f"{fmt(s['general'].mean(axis=0))} | {fmt(chosen_scores(s, better))} | {fmt(chosen_scores(s, inside))} | "
              f"{100 * inside.mean():.0f}% | {fmt(loso_scores)} | {100 * loso.mean():.0f}% | {meets(loso_scores, target)} |")
    if args.cv > 1:
        cross_validate(sets, floors, args.cv, fitted_on)
    print("\nmodel fitted on all sets (standardized weights):", ", ".join(
        f"{s} {w:+.2f}" for s, w in zip(SIGNALS, full["weight"])), f"intercept {full['intercept']:+.2f}")
    if args.write:
        write_model(full, args.write, names, args.objective)
        print(f"wrote {args.write}")


if __name__ == "__main__":
    main()
