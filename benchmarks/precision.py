#!/usr/bin/env python
"""Training-step speed of the default CLIP in fp32 and in bf16 autocast, on this machine.

    python benchmarks/precision.py                      # the main job's model and batch
    python benchmarks/precision.py --image_encoder T/4@32 --text_encoder T --batch_size 256

Prints ms/step and images/s for each precision (median of timed steps after a warm-up), and the
final loss after the same steps from the same start, so you can see that bf16 trains as well.
`precision='auto'` in miniclip.train picks bf16 only where the hardware has fast bf16.
"""
import argparse, statistics, sys, time
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import torch
from miniclip.train import recipe
from miniclip.trainer import Trainer
from miniclip.core import fast_bf16

def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    main_job = recipe('shapes')
    p.add_argument('--image_encoder', default=main_job.model.image_encoder)
    p.add_argument('--text_encoder', default=main_job.model.text_encoder)
    p.add_argument('--batch_size', type=int, default=main_job.batch_size)
    p.add_argument('--steps', type=int, default=12)
    a = p.parse_args()
    print(f'torch {torch.__version__}, {torch.get_num_threads()} threads, fast bf16 on this CPU: {fast_bf16("cpu")}')
    for precision in ('fp32', 'bf16'):
        cfg = recipe('shapes', image_encoder=a.image_encoder, text_encoder=a.text_encoder, batch_size=a.batch_size,
                     precision=precision, out_dir='/tmp/miniclip-bench-precision', device='cpu')
        tr = Trainer(cfg, quiet=True)
        batches = [tr.source.batch(s, a.batch_size) for s in range(a.steps + 2)]
        times, loss = [], None
        for i, b in enumerate(batches):
            t0 = time.perf_counter(); loss = tr.train_step(b); dt = time.perf_counter() - t0
            if i >= 2: times.append(dt)
        ms = statistics.median(times) * 1000
        print(f'{precision}: {ms:7.1f} ms/step  {a.batch_size / ms * 1000:7.0f} img/s  loss after {len(batches)} steps {loss:.3f}')

if __name__ == '__main__': main()
