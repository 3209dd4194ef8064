#!/usr/bin/env python
"""The main job's trainer against its own model's speed, measured in one run on this machine.

    python benchmarks/trainer_speed.py                 # 3 rounds of 200 steps of the shapes recipe
    python benchmarks/trainer_speed.py --steps 400 --rounds 5 --flags '{"batch_size": 256}'

1. The model alone: benchmarks/throughput.py's step (the same model, batch, caption length, vocabulary, hard
   negatives and precision as the run) on ready tensors, the median of 20 steps.
2. The trainer: the shapes recipe for --steps steps (one epoch, scored once at the end). Its images/s count
   training time only (data, forward, backward, optimizer, bookkeeping; not the evaluation or checkpoints).
Each round measures the model alone just before and just after its run and compares the trainer with their
mean (a VM's speed drifts 10-20 % within minutes, so one measurement before is not enough); prints every
round, the median ratio and where the last round's time went (its laps, miniclip.trainer.Laps).
"""
import argparse, json, statistics, sys, tempfile
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parent)); sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import torch
from throughput import measure
from miniclip.trainer import Trainer
from miniclip.train import recipe

def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--steps', type=int, default=200)
    p.add_argument('--rounds', type=int, default=3)
    p.add_argument('--flags', default='{}', help='recipe flags as JSON, e.g. \'{"batch_size": 256}\'')
    a = p.parse_args()
    ratios = [one_round(a, k) for k in range(a.rounds)]
    print(f'median over {a.rounds} rounds: the trainer at {statistics.median(ratios):.0%} of its model\'s speed '
          f'(rounds: {", ".join(f"{r:.0%}" for r in ratios)})')

def one_round(a, k: int) -> float:
    with tempfile.TemporaryDirectory() as d:
        cfg = recipe('shapes', **{**dict(epochs=1, steps_per_epoch=a.steps, out_dir=d + '/run'), **json.loads(a.flags)})
        t = Trainer(cfg, quiet=True)
        m = t.model.cfg
        spec = f'{cfg.model.image_encoder}+{cfg.model.text_encoder}'
        if k == 0: print(f'torch {torch.__version__}, {torch.get_num_threads()} threads, {t.precision} on {t.device}; '
                         f'matmul peak {t.peak() / 1e9:,.0f} GFLOP/s')
        alone = lambda: measure(spec, cfg.batch_size, t.precision, t.device, False, 20, m.text.context_length,
                                m.text.vocab_size, cfg.data.shapes.negatives)
        before = alone()
        r = t.fit()
        after = alone()
        model_img_s = (before['img_s'] + after['img_s']) / 2
        run_img_s = a.steps * cfg.batch_size / t.train_seconds
        print(f"round {k + 1}: model alone ({spec}, batch {cfg.batch_size}, {cfg.data.shapes.negatives} negatives, "
              f"context {m.text.context_length}) {before['img_s']:,.0f} images/s before the run, {after['img_s']:,.0f} "
              f"after, MFU {before['flops_s'] / t.peak():.0%}; trainer, {a.steps} steps: {run_img_s:,.0f} images/s, "
              f"MFU {r.get('mfu', float('nan')):.0%}  ->  {run_img_s / model_img_s:.0%} of the model's speed")
        if k == a.rounds - 1:
            per_step = {lap: 1000 * v / a.steps for lap, v in t.laps.totals.items()}
            print('trainer per step (ms): ' + ', '.join(f'{lap} {v:.1f}' for lap, v in sorted(per_step.items(), key=lambda kv: -kv[1]))
                  + f'   (model alone: {1000 * cfg.batch_size / model_img_s:.1f})')
        return run_img_s / model_img_s

if __name__ == '__main__': main()
