#!/usr/bin/env python
"""The main job's trainer against its own model's speed, measured in one run on this machine.

    python benchmarks/trainer_speed.py                 # 200 steps of the shapes recipe
    python benchmarks/trainer_speed.py --steps 400 --flags '{"batch_size": 256}'

1. The model alone: benchmarks/throughput.py's step (the same model, batch, caption length, vocabulary, hard
   negatives and precision as the run) on ready tensors, the median of 20 steps.
2. The trainer: the shapes recipe for --steps steps (one epoch, scored once at the end). Its images/s count
   training time only (data, forward, backward, optimizer, bookkeeping; not the evaluation or checkpoints).
Prints both, their ratio and where the trainer's time went (its laps, miniclip.trainer.Laps).
"""
import argparse, json, sys, tempfile
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parent)); sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import torch
from throughput import measure
from miniclip.trainer import Trainer
from miniclip.train import recipe

def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--steps', type=int, default=200)
    p.add_argument('--flags', default='{}', help='recipe flags as JSON, e.g. \'{"batch_size": 256}\'')
    a = p.parse_args()
    with tempfile.TemporaryDirectory() as d:
        cfg = recipe('shapes', **{**dict(epochs=1, steps_per_epoch=a.steps, out_dir=d + '/run'), **json.loads(a.flags)})
        t = Trainer(cfg, quiet=True)
        m = t.model.cfg
        spec = f'{cfg.model.image_encoder}+{cfg.model.text_encoder}'
        print(f'torch {torch.__version__}, {torch.get_num_threads()} threads, {t.precision} on {t.device}; '
              f'matmul peak {t.peak() / 1e9:,.0f} GFLOP/s')
        alone = measure(spec, cfg.batch_size, t.precision, t.device, False, 20, m.text.context_length,
                        m.text.vocab_size, cfg.data.shapes.negatives)
        r = t.fit()
        run_img_s = a.steps * cfg.batch_size / t.train_seconds
        print(f"model alone ({spec}, batch {cfg.batch_size}, {cfg.data.shapes.negatives} negatives, context "
              f"{m.text.context_length}): {alone['img_s']:,.0f} images/s, MFU {alone['flops_s'] / t.peak():.0%}")
        print(f"trainer, {a.steps} steps: {run_img_s:,.0f} images/s, MFU {r.get('mfu', float('nan')):.0%}  ->  "
              f"{run_img_s / alone['img_s']:.0%} of the model's speed")
        per_step = {k: 1000 * v / a.steps for k, v in t.laps.totals.items()}
        print('trainer per step (ms): ' + ', '.join(f'{k} {v:.1f}' for k, v in sorted(per_step.items(), key=lambda kv: -kv[1]))
              + f'   (model alone: {1000 * cfg.batch_size / alone["img_s"]:.1f})')

if __name__ == '__main__': main()
