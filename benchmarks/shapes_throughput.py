#!/usr/bin/env python
"""Throughput of the shapes-world generator (miniclip.shapes.ShapesWorld.sample) on ONE CPU core.

    python benchmarks/shapes_throughput.py                 # 32 px, the default world, captions on
    python benchmarks/shapes_throughput.py --size 64 --batch 256 --seconds 5

Prints images/s (median of timed repeats, after a warm-up) for a few batch sizes, with and without
captions; the last line is the headline number (32 px, batch 1024, captions on, 1 thread).
"""
import argparse, statistics, sys, time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))      # run from a checkout without installing
import torch
from miniclip.shapes import ShapesWorld

def rate(world, batch, captions, seconds):
    "Median images/s over repeats of world.sample(batch) for about `seconds` seconds."
    world.sample(batch, seed=0, captions=captions)                   # warm-up (allocations, caches)
    rates, seed, t_end = [], 1, time.perf_counter() + seconds
    while time.perf_counter() < t_end or len(rates) < 3:
        t0 = time.perf_counter()
        world.sample(batch, seed=seed, captions=captions)
        rates.append(batch / (time.perf_counter() - t0)); seed += 1
    return statistics.median(rates)

def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--size', type=int, default=32, help='image size in pixels (default 32)')
    p.add_argument('--batch', type=int, nargs='*', default=[256, 1024, 4096], help='batch sizes (default 256 1024 4096)')
    p.add_argument('--seconds', type=float, default=2.0, help='time per measurement (default 2)')
    p.add_argument('--max-objects', type=int, default=2, choices=(1, 2), help='objects per image (default 2)')
    args = p.parse_args()
    torch.set_num_threads(1)
    world = ShapesWorld(image_size=args.size, max_objects=args.max_objects)
    print(f'{world}\ntorch {torch.__version__}, threads={torch.get_num_threads()}')
    for b in args.batch:
        for captions in (False, True):
            print(f'  batch {b:>5}  captions {"on " if captions else "off"}: {rate(world, b, captions, args.seconds):>9,.0f} images/s')
    headline_batch = 1024 if 1024 in args.batch else args.batch[-1]
    print(f'shapes world: {rate(world, headline_batch, True, args.seconds):,.0f} images/s at {args.size} px '
          f'(batch {headline_batch}, captions on, 1 core)')

if __name__ == '__main__': main()
