#!/usr/bin/env python
"""Binding, before and after training with swap hard negatives: the SugarCrepe-style test of `11_zeroshot`
(`binding_accuracy`: a two-object image's true caption against the same words swapped; chance 50 %) on a
model of the two-object world, untrained, trained with shape-swap negatives (`-negative_kind shape`, the
default) and with binding negatives (`-negative_kind swap`: colours exchanged, places exchanged, then shapes).

    python benchmarks/binding.py                  # two runs of 600 steps of 128, about 9 minutes on 2 cores
    python benchmarks/binding.py --epochs 4       # a quick look

Writes benchmarks/binding.csv (one row per model), plotted in 11_zeroshot and the README.
The world: the 3x3 grid, two objects in half the scenes, positions named in half the captions, no sizes;
the patch stem T/8@32 (better than the conv stem on the grid, see the README's P1-hard table) and `nano`.
Binding is measured on 1,000 fresh two-object images of seen colour-shape pairs (a seed no batch uses); the
one-object scores (acc_seen, acc_generalised) on the trainer's own held-out images.
"""
import argparse, csv, sys, time
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from miniclip.train import recipe
from miniclip.trainer import Trainer
from miniclip.evaluate import binding_set, binding_accuracy

WORLD = dict(grid=3, max_objects=2, p_position=0.5, p_size=0.0)
OUT = Path(__file__).with_suffix('.csv')

def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--epochs', type=int, default=12, help='epochs of 50 steps of 128 per run')
    p.add_argument('--out', default=str(OUT))
    a = p.parse_args()
    rows = []
    for kind in ('shape', 'swap'):
        cfg = recipe('shapes', image_encoder='T/8@32', shapes=WORLD, negative_kind=kind, epochs=a.epochs,
                     eval_every=str(a.epochs), out_dir=f'/tmp/miniclip-binding-{kind}')
        t = Trainer(cfg)
        bs = binding_set(t.source.world, 1000, seed=0xB1D)
        if kind == 'shape':
            rows.append(dict(model='untrained', negative_kind='', steps=0, train_seconds=0,
                             **binding_accuracy(t.model, t.tokenizer, bs)))
        start = time.time(); m = t.fit()
        rows.append(dict(model=f'{kind} negatives', negative_kind=kind, steps=t.step,
                         train_seconds=round(t.train_seconds), **binding_accuracy(t.model, t.tokenizer, bs),
                         acc_seen=m.get('acc_seen'), acc_generalised=m.get('acc_generalised')))
        print(rows[-1], f'({time.time() - start:.0f} s)', flush=True)
    keys = list(dict.fromkeys(k for r in rows for k in r))
    with open(a.out, 'w', newline='') as f:
        w = csv.DictWriter(f, keys); w.writeheader()
        w.writerows({k: (round(v, 4) if isinstance(v, float) else v) for k, v in r.items()} for r in rows)
    print('wrote', a.out)

if __name__ == '__main__': main()
