#!/usr/bin/env python
"""P1-hard, one idea measured: the 3x3-grid world with positions in half the captions (the README's P1-hard
world), trained for a time budget with a given image encoder, scored on held-out colour-shape pairs.

    python benchmarks/p1_hard.py                               # T/16@64-conv: a conv stem on 64 px images, 9 minutes
    python benchmarks/p1_hard.py --encoder T/8@32 --budget 9m  # the patch stem at 32 px, for comparison
    python benchmarks/p1_hard.py --encoder T/8@32 --epochs 16 --p_colour 0.4   # fewer colour words, 800 steps
    python benchmarks/p1_hard.py --encoder T/8@32 --epochs 16 --grey 1         # colour-free captions' images in grey
    python benchmarks/p1_hard.py --encoder T/8@32 --epochs 56 --p_colour 0.2 --grey 1   # both: c) >= 80 % (README)

`T/16@64-conv` (defined here, not a preset): the main job's conv stem and width on 64 px images, with patch
16 so that the transformer sees the same 16 tokens as at 32 px; objects on the grid are then about 20 px
wide instead of 10. Prints the last epoch's a) acc_seen, b) acc_zeroshot, c) acc_generalised and how often the
shape of a held-out image is named right from shape-only prompts (acc_shape_heldout).

`--p_colour` is the chance a caption names the colour (the README's world: 0.7), `--p_shape` the shape. `--grey P`
is the trainer's `-p_grey P` (14_sources): the image of a caption that names no colour is shown in grey with chance
P, so the caption stays true and no caption naming a colour counts as true of it: shape without its colour, from
pairs that are all seen.
"""
import argparse, json, sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from miniclip.vit import VIT_PRESETS, ViTConfig
from miniclip.train import recipe
from miniclip.trainer import Trainer

VIT_PRESETS.setdefault('T/16@64-conv', ViTConfig(image_size=64, patch_size=16, width=128, layers=4, heads=4, stem='conv'))
WORLD = dict(grid=3, max_objects=1, p_position=0.5, p_colour=0.7, p_size=0.0)

def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--encoder', default='T/16@64-conv')
    p.add_argument('--budget', default='9m', help="-budget of the run: a time ('9m') or pairs ('150k')")
    p.add_argument('--epochs', type=int, default=0, help='epochs of 50 steps instead of the budget')
    p.add_argument('--p_colour', type=float, default=WORLD['p_colour'], help='chance a caption names the colour')
    p.add_argument('--p_shape', type=float, default=1.0, help="chance a caption names the shape ('a red shape' otherwise)")
    p.add_argument('--seed', type=int, default=0, help="the run's seed (its data, its initial weights)")
    p.add_argument('--grey', type=float, default=0.0, help="chance a colour-free caption's image is grey")
    a = p.parse_args()
    out = f"/tmp/miniclip-p1hard-{a.encoder.replace('/', '_')}"
    length = dict(epochs=a.epochs, eval_every=str(max(1, a.epochs // 4))) if a.epochs else dict(budget=a.budget, eval_every='4')
    t = Trainer(recipe('shapes', image_encoder=a.encoder, shapes={**WORLD, 'p_colour': a.p_colour, 'p_shape': a.p_shape},
                       p_grey=a.grey, out_dir=out, seed=a.seed, **length))
    m = t.fit()
    print(json.dumps({k: round(m[k], 4) for k in ('acc_seen', 'acc_zeroshot', 'acc_generalised', 'acc_shape_heldout')}),
          f'after {t.step} steps, {t.train_seconds:.0f} s of training')

if __name__ == '__main__': main()
