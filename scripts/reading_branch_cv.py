"""Option 2 for the reading heads, measured: a small trainable branch on the shared layers.

    python scripts/reading_branch_cv.py [--epochs 3] [--data ../shared/data]

The branch is one transformer layer initialised from the base package's last layer (layer 6 of
all-MiniLM-L6-v2, untuned), fed the tuned encoder's layer-5 token states from the shipped int8
pass (the shared layers run once), and run for two query positions only ([CLS] and the mean
of the states; keys and values over every token), so it would cost about a fifth of a layer
per email. Its two outputs, side by side, feed kind / scope / security heads; everything is
trained together on the training portion (AdamW, lr 1e-4 for the layer, 2e-3 for the heads,
batch 16, class-balanced cross-entropy, dropout 0.1, one torch thread). Scored with the same
grouped 5 folds as reading_train (macro-F1 overall / synthetic / twcs); the test portion is
never read. Also prints the late fusion of its kind / scope probabilities with the linear
heads' (layers 3 + 6 / 2 + 6 with the n-grams) at a few weights.
"""

from __future__ import annotations

import argparse
import copy
import math
import os
import sys
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
os.environ.setdefault("HF_HUB_OFFLINE", "1")


def main() -> None:  # noqa: PLR0915 - one experiment, read top to bottom
    import torch  # noqa: TID251 - a training-time experiment, never imported by triage
    from sklearn.metrics import f1_score
    from transformers import BertModel

    from triage.classify import artifact as art
    from triage.classify import data as ds
    from triage.classify import reading_train as rt
    from triage.classify.encoding import compose
    from triage.classify.model import Classifier
    from triage.domain import READING_KINDS, READING_SCOPES
    from triage.reading.labelled import CONSENSUS_DIR, load

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    ap.add_argument("--epochs", type=int, default=3)
    args = ap.parse_args()
    torch.set_num_threads(1)
    rows = load(args.data, REPO / CONSENSUS_DIR, REPO / ds.SYNTHETIC_DIR)
    train = [r for r in rows if not r.test]
    clf = Classifier.load(
        REPO / "models", threads=1, cache_dir=REPO / "var" / "model-cache", layers=rt.ALL_LAYERS
    )
    states = [
        torch.from_numpy(s[5].astype(np.float32))
        for s in clf.layer_states([(r.subject, r.text) for r in train])
    ]
    kinds = sorted({*READING_KINDS, "not_customer"})
    scopes = sorted(READING_SCOPES)
    base = BertModel.from_pretrained(str(art.base_model_dir()), local_files_only=True)

    class Branch(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            layer = copy.deepcopy(base.encoder.layer[5])
            att = layer.attention
            self.q, self.k, self.v = att.self.query, att.self.key, att.self.value
            self.ao, self.aln = att.output.dense, att.output.LayerNorm
            self.fi, self.fo, self.fln = (
                layer.intermediate.dense,
                layer.output.dense,
                layer.output.LayerNorm,
            )
            self.drop = torch.nn.Dropout(0.1)
            self.kind = torch.nn.Linear(768, len(kinds))
            self.scope = torch.nn.Linear(768, len(scopes))
            self.sec = torch.nn.Linear(768, 2)

        def forward(self, h: Any, mask: Any) -> tuple[Any, Any, Any]:
            b = h.shape[0]
            m = mask.unsqueeze(-1).float()
            qin = torch.stack([h[:, 0], (h * m).sum(1) / m.sum(1)], 1)

            def split(x: Any) -> Any:
                return x.view(b, -1, 12, 32).transpose(1, 2)

            q, k, v = split(self.q(qin)), split(self.k(h)), split(self.v(h))
            scores = q @ k.transpose(-1, -2) / math.sqrt(32) + (~mask)[:, None, None, :] * -1e9
            ctx = (scores.softmax(-1) @ v).transpose(1, 2).reshape(b, 2, 384)
            a = self.aln(self.drop(self.ao(ctx)) + qin)
            f = self.fln(self.drop(self.fo(torch.nn.functional.gelu(self.fi(a)))) + a)
            z = self.drop(f.reshape(b, 768))
            return self.kind(z), self.scope(z), self.sec(z)

    def batch(idx: list[int]) -> tuple[Any, Any]:
        t = max(len(states[i]) for i in idx)
        h = torch.zeros(len(idx), t, 384)
        mask = torch.zeros(len(idx), t, dtype=torch.bool)
        for j, i in enumerate(idx):
            h[j, : len(states[i])] = states[i]
            mask[j, : len(states[i])] = True
        return h, mask

    def weights(labels: list[Any], classes: list[Any]) -> Any:
        n = np.array([max(1, sum(x == c for x in labels)) for c in classes], dtype=float)
        return torch.tensor(len(labels) / (len(classes) * n), dtype=torch.float32)

    def fit(idx: list[int]) -> Any:
        torch.manual_seed(0)
        rng = np.random.default_rng(0)
        net = Branch()
        heads = ("kind", "scope", "sec")
        opt = torch.optim.AdamW(
            [
                {
                    "params": [p for n, p in net.named_parameters() if not n.startswith(heads)],
                    "lr": 1e-4,
                },
                {
                    "params": [p for n, p in net.named_parameters() if n.startswith(heads)],
                    "lr": 2e-3,
                },
            ],
            weight_decay=0.01,
        )
        kw = weights([train[i].kind for i in idx if train[i].kind != "not_customer"], kinds)
        kw[kinds.index("not_customer")] = 0.0
        sw = weights([train[i].scope for i in idx], scopes)
        zw = weights([train[i].security for i in idx], [False, True])
        ce = torch.nn.functional.cross_entropy
        for _ in range(args.epochs):
            net.train()
            order = [idx[j] for j in rng.permutation(len(idx))]
            for s in range(0, len(order), 16):
                part = order[s : s + 16]
                lk, ls, lz = net(*batch(part))
                yk = torch.tensor([kinds.index(train[i].kind) for i in part])
                ys = torch.tensor([scopes.index(train[i].scope) for i in part])
                yz = torch.tensor([int(train[i].security) for i in part])
                loss = ce(ls, ys, weight=sw) + ce(lz, yz, weight=zw)
                if any(train[i].kind != "not_customer" for i in part):
                    loss = loss + ce(lk, yk, weight=kw)
                opt.zero_grad()
                loss.backward()
                opt.step()
        return net

    probs = {
        "kind": np.zeros((len(train), len(kinds))),
        "scope": np.zeros((len(train), len(scopes))),
    }
    sec = np.zeros(len(train), dtype=bool)
    texts = [compose(r.subject, r.text) for r in train]
    folds = rt._folds(texts, [r.group for r in train])  # noqa: SLF001
    for tr, va, _, _ in folds:
        net = fit(list(tr))
        net.eval()
        with torch.no_grad():
            for s in range(0, len(va), 32):
                part = list(va[s : s + 32])
                lk, ls, lz = net(*batch(part))
                lk[:, kinds.index("not_customer")] = -1e9
                probs["kind"][part] = lk.softmax(-1).numpy()
                probs["scope"][part] = ls.softmax(-1).numpy()
                sec[part] = lz.argmax(-1).numpy() == 1
    sets = np.array([r.set for r in train])
    cust = np.array([r.kind != "not_customer" for r in train])

    def score(gold: list[Any], pred: list[Any], keep: Any) -> str:
        g, p = np.array(gold, dtype=object), np.array(pred, dtype=object)
        out = []
        for rows_ in (keep, keep & (sets == "synthetic"), keep & (sets == "twcs")):
            out.append(f"{f1_score(list(g[rows_]), list(p[rows_]), average='macro'):.3f}")
        return " | ".join(out)

    every = np.ones(len(train), dtype=bool)
    gold_k, gold_s = [r.kind for r in train], [r.scope for r in train]
    print(
        f"branch, {args.epochs} epochs | kind | {score(gold_k, [kinds[i] for i in probs['kind'].argmax(1)], cust)}"
    )
    print(
        f"branch, {args.epochs} epochs | scope | {score(gold_s, [scopes[i] for i in probs['scope'].argmax(1)], every)}"
    )
    print(
        f"branch, {args.epochs} epochs | security | {score([r.security for r in train], list(sec), every)}"
    )
    # late fusion with the linear heads' out-of-fold probabilities
    blocks = rt._blocks(clf, train, ["mean2", "mean3", "mean6"])  # noqa: SLF001
    for head, classes, names, c, keep in (
        ("kind", kinds, ("mean3", "mean6"), 16.0, cust),
        ("scope", scopes, ("mean2", "mean6"), 4.0, every),
    ):
        labels = np.array(gold_k if head == "kind" else gold_s)
        dense = np.hstack([blocks[b] for b in names])
        linear = np.zeros_like(probs[head])
        for tr, va, x_tr, x_va in folds:
            k = keep[tr]
            model = rt._lr(c, 0).fit(rt._features(x_tr, dense[tr], 2.0)[k], labels[tr][k])  # noqa: SLF001
            p = model.predict_proba(rt._features(x_va, dense[va], 2.0))  # noqa: SLF001
            for j, cls in enumerate(model.classes_):
                linear[va, classes.index(cls)] = p[:, j]
        for a in (0.0, 0.2, 0.35, 0.5):
            fused = (1 - a) * linear + a * probs[head]
            pred = [classes[i] for i in fused.argmax(1)]
            print(f"fusion, branch weight {a:g} | {head} | {score(list(labels), pred, keep)}")


if __name__ == "__main__":
    main()
