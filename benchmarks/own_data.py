#!/usr/bin/env python
"""Your own captioned images, measured: decoding speed with and without the pixel cache, and the held-out
retrieval of the `captions` recipe with and without augmentation.

    python benchmarks/own_data.py                    # both parts, on a folder of 3,000 captioned 64 px PNGs it writes
    python benchmarks/own_data.py --part speed       # images/s only (about 2 minutes)
    python benchmarks/own_data.py --part recipe      # the recipe, with and without augmentation (about 2 x 8 minutes)

The folder (default /tmp/miniclip-captioned) stands in for "a folder of a few thousand captioned images, one
caption each": pictures of the shapes world's 3x3 grid (one or two objects) saved as PNG, each with the caption
the world wrote for it (colours, shapes, sizes, positions, relations), listed in captions.csv. Nothing is
downloaded. Speed: training images/s of the same model on the generated world, on the CSV decoded every step
(cache off), and on the CSV decoded once (the default). Recipe: held-out retrieval R@1/R@5 both ways on the
held-out 10 % of the images, never trained on.
"""
import argparse, sys, time
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import torch
from miniclip.shapes import ShapesWorld
from miniclip.train import recipe
from miniclip.trainer import Trainer

def make_folder(folder: Path, n: int, size: int = 64) -> Path:
    "n PNGs of the shapes world (3x3 grid, up to two objects) and captions.csv with one caption each."
    csv = folder / 'captions.csv'
    if csv.exists() and len(csv.read_text().splitlines()) == n + 1: return csv
    from PIL import Image
    folder.mkdir(parents=True, exist_ok=True)
    world = ShapesWorld(image_size=size, p_size=0.7, p_position=0.7)
    rows = ['filepath\tcaption']
    for start in range(0, n, 500):
        b = world.sample(min(500, n - start), 'all', seed=7, start=start)
        for i, (img, cap) in enumerate(zip(b.images, b.captions)):
            name = f'img_{start + i:05d}.png'
            Image.fromarray((img.permute(1, 2, 0) * 255).round().byte().numpy()).save(folder / name)
            rows.append(f'{name}\t{cap}')
    csv.write_text('\n'.join(rows) + '\n')
    return csv

def images_per_second(cfg, steps: int = 20) -> float:
    "Training images/s of a config over `steps` steps after 3 warm-up steps (data loading included)."
    t = Trainer(cfg, quiet=True)
    it = t.source.batches(0, steps + 3, cfg.batch_size)
    for _ in range(3): t.train_step(next(it))
    t0 = time.perf_counter()
    for _ in range(steps): t.train_step(next(it))
    return steps * cfg.batch_size / (time.perf_counter() - t0)

def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--folder', default='/tmp/miniclip-captioned')
    p.add_argument('--images', type=int, default=3000)
    p.add_argument('--part', choices=['speed', 'recipe', 'both'], default='both')
    a = p.parse_args()
    csv = make_folder(Path(a.folder), a.images)
    print(f'{a.images} captioned 64 px PNGs in {csv.parent}; torch {torch.__version__}, {torch.get_num_threads()} threads')
    if a.part in ('speed', 'both'):
        same = dict(image_encoder='T/8@32-conv', text_encoder='T', batch_size=128, out_dir='/tmp/miniclip-speed', eval_images=0)
        for name, cfg in [('generated shapes world', recipe('shapes', **same)),
                          ('CSV, decoded every step (cache off)', recipe('captions', data_path=str(csv), cache='off', **same)),
                          ('CSV, decoded once (the default)', recipe('captions', data_path=str(csv), **same))]:
            print(f'{name:40s} {images_per_second(cfg):6.0f} images/s', flush=True)
    if a.part in ('recipe', 'both'):
        for augment in (True, False):
            t = Trainer(recipe('captions', data_path=str(csv), augment=augment, out_dir=f'/tmp/miniclip-captions-{augment}'), quiet=True)
            t0 = time.perf_counter(); m = t.fit()
            held = {k: round(v, 3) for k, v in m.items() if k.endswith('_heldout')}
            print(f'augment={augment}: {held}  ({t.source.heldout().name}; {t.train_seconds:.0f} s of training, '
                  f'{time.perf_counter() - t0:.0f} s in all)', flush=True)

if __name__ == '__main__': main()
