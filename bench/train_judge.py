"""Train the block judge's weights (reader/clean/data/judge.bin) from the shared corpora.

    python bench/train_judge.py                      # the shipped model: every origin
    python bench/train_judge.py --parts train --out /tmp/judge-train.bin   # for bench/adwall.py

Needs the bench extra (scikit-learn, numpy). Reproducible: examples are read in a fixed order,
sampling is seeded and the solvers are deterministic. Prints block-level figures for the tune
and heldout parts (meaningful only for a model trained without them).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from a checkout
sys.path.insert(0, str(Path(__file__).resolve().parent))

# One BLAS thread: sums in a fixed order, so two runs write the same bytes.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"

import numpy as np  # noqa: E402
from judge_data import CONTENT, NAG_KINDS, Example, all_examples, part  # noqa: E402
from scipy.sparse import csr_matrix  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.multiclass import OneVsRestClassifier  # noqa: E402

from reader.clean.features import features  # noqa: E402
from reader.clean.judge import Model, read_model, write_model  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "reader" / "clean" / "data" / "judge.bin"
TRAP_WEIGHT = 10.0  # content worded like boilerplate: the mistakes that cost most
KIND_POWER = 0.5  # 1: kinds weigh by their counts; 0: every kind alike
# The kind model: "balanced" lets a rare kind (ad-block, paywall) be named at all.
KIND_CLASSES: str | None = "balanced"
PRUNE = 2  # quantised weights this close to zero are dropped (they only add noise)


def matrix(feats: list[tuple[set[int], set[int]]], bits: int) -> csr_matrix:
    """Rows as Model.score weighs them; colliding features add up, as in inference."""
    mask = (1 << bits) - 1
    indptr, indices, data = [0], [], []
    for words, cues in feats:
        indices.extend(h & mask for h in words)
        data.extend([1 / np.sqrt(len(words) or 1)] * len(words))
        indices.extend(h & mask for h in cues)
        data.extend([1.0] * len(cues))
        indptr.append(len(indices))
    return csr_matrix((np.array(data), indices, indptr), shape=(len(feats), 1 << bits))


def _weights(examples: list[Example], power: float, trap: float) -> list[float]:
    """Boilerplate weighs as much as content in all, and within it each kind weighs by the
    ``power`` of its count (KIND_POWER): the nags a reader meets most (ad-block and paywall
    appeals) are the rarest in the corpus, and by plain counts the model all but ignored them."""
    counts = Counter(e.label for e in examples if e.label != CONTENT)
    n_ct = len(examples) - sum(counts.values())
    shares = {k: n**power for k, n in counts.items()}
    total = sum(shares.values())
    per = {k: n_ct * shares[k] / total / counts[k] for k in counts}
    return [trap if e.trap else (per[e.label] if e.label != CONTENT else 1.0) for e in examples]


def train(
    examples: list[Example],
    bits: int,
    kind_bits: int,
    c: float,
    power: float = KIND_POWER,
    trap: float = TRAP_WEIGHT,
) -> Model:
    feats = [features(e.text) for e in examples]
    y = np.array([e.label != CONTENT for e in examples], dtype=np.int8)
    weight = np.array(_weights(examples, power, trap))
    binary = LogisticRegression(C=c, solver="liblinear", max_iter=1000, random_state=0)
    binary.fit(matrix(feats, bits), y, sample_weight=weight)
    bp = [i for i, e in enumerate(examples) if e.label != CONTENT]
    kinds = sorted({examples[i].label for i in bp})
    # One against the rest with liblinear: lbfgs on the multinomial loss sums in threads, and
    # its weights moved in the last digits from run to run.
    kind_model = OneVsRestClassifier(
        LogisticRegression(
            C=c, solver="liblinear", max_iter=1000, random_state=0, class_weight=KIND_CLASSES
        )
    )
    kind_model.fit(matrix([feats[i] for i in bp], kind_bits), [examples[i].label for i in bp])
    assert list(kind_model.classes_) == kinds
    w = binary.coef_[0]
    kind_coef = np.vstack([e.coef_[0] for e in kind_model.estimators_])
    kw = kind_coef.T.reshape(-1)  # bucket-major
    scale = max(np.abs(w).max(), np.abs(kw).max()) / 32767
    qw = np.round(w / scale).astype(np.int16)
    qk = np.round(kw / scale).astype(np.int16)
    qw[np.abs(qw) < PRUNE] = 0
    qk[np.abs(qk) < PRUNE] = 0
    return Model(
        mask=(1 << bits) - 1,
        scale=float(scale),
        bias=float(binary.intercept_[0]),
        weights=qw.tolist(),  # type: ignore[arg-type]
        kinds=tuple(kinds),
        kind_mask=(1 << kind_bits) - 1,
        kind_bias=tuple(float(e.intercept_[0]) for e in kind_model.estimators_),
        kind_weights=qk.tolist(),  # type: ignore[arg-type]
    )


def report(model: Model, examples: list[Example], name: str) -> None:
    scores = [model.score(features(e.text)) for e in examples]
    bp = [(s, e) for s, e in zip(scores, examples, strict=True) if e.label != CONTENT]
    ct = [
        (s, e) for s, e in zip(scores, examples, strict=True) if e.label == CONTENT and not e.trap
    ]
    tr = [(s, e) for s, e in zip(scores, examples, strict=True) if e.trap]
    print(f"{name}: {len(bp)} boilerplate, {len(ct)} content, {len(tr)} look-alikes")
    for t in (0.5, 0.7, 0.8, 0.9, 0.95, 0.97):
        flagged = sum(s >= t for s, _ in bp) / max(len(bp), 1)
        kept = sum(s < t for s, _ in ct) / max(len(ct), 1)
        traps = sum(s < t for s, _ in tr) / max(len(tr), 1)
        print(
            f"  t={t:.2f} boilerplate flagged {flagged:.3f}  content kept {kept:.3f}  look-alikes kept {traps:.3f}"
        )
    nags = [s for s, e in bp if e.label in NAG_KINDS and len(e.text.split()) >= 4]
    print(
        "  nags (4+ words) flagged "
        + "  ".join(
            f"{t}:{sum(s >= t for s in nags) / max(len(nags), 1):.3f}"
            for t in (0.5, 0.7, 0.8, 0.9, 0.95, 0.97)
        )
    )
    right = sum(model.kind(features(e.text)) == e.label for _, e in bp)
    print(f"  kind right {right / max(len(bp), 1):.3f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--parts", default="all", help="'all', or parts joined by commas (train,tune)")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--bits", type=int, default=18)
    ap.add_argument("--kind-bits", type=int, default=14)
    ap.add_argument("--c", type=float, default=1.0)
    ap.add_argument("--kind-power", type=float, default=KIND_POWER)
    ap.add_argument("--trap-weight", type=float, default=TRAP_WEIGHT)
    ap.add_argument("--fresh", action="store_true", help="extract the multilingual paragraphs anew")
    args = ap.parse_args(argv)
    examples = all_examples(fresh=args.fresh)
    wanted = None if args.parts == "all" else set(args.parts.split(","))
    chosen = [e for e in examples if wanted is None or part(e.origin) in wanted]
    print(
        f"training on {len(chosen)} examples: {dict(sorted(Counter(e.label for e in chosen).items()))}"
    )
    model = train(chosen, args.bits, args.kind_bits, args.c, args.kind_power, args.trap_weight)
    write_model(str(args.out), model, args.bits, args.kind_bits)
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KiB)")
    model = read_model(str(args.out))
    for name in ("tune", "heldout"):
        report(model, [e for e in examples if part(e.origin) == name], name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
