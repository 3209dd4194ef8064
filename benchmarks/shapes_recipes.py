#!/usr/bin/env python
"""Why the main job looks the way it does: the same CLIP trained on the shapes world four ways.

    python benchmarks/shapes_recipes.py                 # 4 recipes x 800 steps, about 12 minutes on 2 cores
    python benchmarks/shapes_recipes.py --steps 300     # quicker look
    python benchmarks/shapes_recipes.py --seeds 1 2 --recipes "conv stem, whole image"   # the main job, other seeds

Each recipe is the main job (`miniclip.train.recipe('shapes')`) with one or two settings changed: the
image encoder's stem (linear patch embedding `T/8@32` or convolutional `T/8@32-conv`) and the scene
layout (objects on the 3x3 grid, about 10 px wide at 32 px, or one object filling the image,
`grid=1`). After every 50 steps it records a), b), c) and `shape_heldout`: how often the model names
the *shape* of a held-out image right from shape-only prompts ("a star"), which tells whether shape
was learnt apart from colour. Writes benchmarks/shapes_recipes.csv (one row per recipe, seed and
evaluation) and nbs/images/shapes_recipes.png (shown in nbs/10_training.ipynb). Training seconds
exclude evaluation; the plot uses steps, which a busy machine cannot distort.
"""
import argparse, sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import pandas as pd
from miniclip.train import recipe, RECIPES
from miniclip.trainer import Trainer

WORLD = RECIPES['shapes'].flags['shapes']
RECIPE_FLAGS = {  # name -> flags changed from the main job
    'patch stem, 3x3 grid':    dict(image_encoder='T/8@32', shapes={**WORLD, 'grid': 3}),
    'patch stem, whole image': dict(image_encoder='T/8@32'),
    'conv stem, 3x3 grid':     dict(shapes={**WORLD, 'grid': 3}),
    'conv stem, whole image':  dict(),                                  # the main job
}

def run(name: str, steps: int, seed: int) -> list:
    out = f'/tmp/miniclip-recipes/{seed}/{name.replace(" ", "_").replace(",", "")}'
    tr = Trainer(recipe('shapes', epochs=steps // 50, seed=seed, out_dir=out, **RECIPE_FLAGS[name]), quiet=True)
    tr.fit()
    rows = [dict(recipe=name, seed=seed, step=h['step'], train_seconds=h['train_seconds'], a=h['acc_seen'],
                 b=h['acc_zeroshot'], c=h['acc_generalised'], shape_heldout=h['acc_shape_heldout']) for h in tr.history]
    for r in rows: print('  '.join(f'{k} {v:.3f}' if isinstance(v, float) else f'{k} {v}' for k, v in r.items()), flush=True)
    return rows

def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--steps', type=int, default=800)
    p.add_argument('--seeds', type=int, nargs='+', default=[0])
    p.add_argument('--recipes', nargs='+', default=list(RECIPE_FLAGS), choices=list(RECIPE_FLAGS))
    p.add_argument('--out', default=str(Path(__file__).with_suffix('.csv')), help='the CSV to write')
    a = p.parse_args()
    df = pd.DataFrame([r for seed in a.seeds for name in a.recipes for r in run(name, a.steps, seed)])
    df.to_csv(a.out, index=False)
    if len(a.recipes) > 1: plot(df, Path(__file__).resolve().parents[1] / 'nbs' / 'images' / 'shapes_recipes.png')
    last = df[df.step == df.step.max()].groupby('recipe', sort=False)[['train_seconds', 'a', 'b', 'c', 'shape_heldout']].mean()
    print(last.round(3).to_string())

def plot(df, path):
    "One panel per accuracy against training steps, a line per recipe (the first seed)."
    import matplotlib; matplotlib.use('Agg'); import matplotlib.pyplot as plt
    fig, axs = plt.subplots(1, 4, figsize=(14, 3.2), sharey=True)
    titles = {'a': 'a) seen pairs', 'b': 'b) held-out, held-out candidates', 'c': 'c) held-out, all candidates',
              'shape_heldout': 'shape of held-out images (shape-only prompts)'}
    for ax, (k, title) in zip(axs, titles.items()):
        for name, g in df[df.seed == df.seed.min()].groupby('recipe', sort=False): ax.plot(g.step, g[k], 'o-', ms=3, label=name)
        ax.set_title(title, fontsize=9); ax.set_xlabel('step (batch 128)'); ax.set_ylim(0, 1.02); ax.grid(alpha=0.3)
    axs[0].legend(fontsize=7); fig.tight_layout(); path.parent.mkdir(exist_ok=True); fig.savefig(path, dpi=80)

if __name__ == '__main__':
    main()
