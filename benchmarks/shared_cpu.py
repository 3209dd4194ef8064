#!/usr/bin/env python
"""Training speed on a CPU that another process is using: the main job's trainer, quiet and beside a competitor.

    python benchmarks/shared_cpu.py                    # 100 steps per case
    python benchmarks/shared_cpu.py --steps 200 --competitor python

Each case trains the shapes recipe for --steps steps in a fresh process and reports images/s of training time.
Competitors: `torch` (another training-like job: a loop of 1024 x 1024 matmuls on all cores, as a second run or
a busy notebook kernel) and `python` (one core spinning in pure Python). Thread counts: the trainer's choice
(-threads 0: the cores no other process is busy on, measured at start) and every core regardless (-threads N).
Never run it beside another job of your own: the competitor is the only other load it expects.
"""
import argparse, os, re, subprocess, sys, time

COMPETITORS = {
    'torch': "import torch\na = torch.randn(1024, 1024)\nwhile True: a @ a",
    'python': "while True: pass",
}

def train(steps: int, threads: int) -> tuple[float, str]:
    "images/s of one short run in a fresh process, and what it said about its threads."
    code = f"""
import tempfile, torch
from miniclip.trainer import Trainer
from miniclip.train import recipe
with tempfile.TemporaryDirectory() as d:
    t = Trainer(recipe('shapes', epochs=1, steps_per_epoch={steps}, eval_images=100, threads={threads}, out_dir=d + '/r'))
    t.fit()
    print('RESULT', {steps} * t.cfg.batch_size / t.train_seconds)
"""
    r = subprocess.run([sys.executable, '-c', code], capture_output=True, text=True, check=True,
                       cwd=os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    chose = re.search(r'busy: (\d+) thread', r.stderr)                      # the trainer's warning, if any
    n = chose.group(1) if chose else (threads or os.cpu_count())
    return float(re.search(r'RESULT (\S+)', r.stdout).group(1)), f'{n} thread(s)'


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--steps', type=int, default=100)
    p.add_argument('--competitor', nargs='+', default=list(COMPETITORS), choices=list(COMPETITORS))
    a = p.parse_args()
    cores = os.cpu_count()
    quiet, how = train(a.steps, 0)
    print(f'{cores} cores; quiet machine: {quiet:,.0f} images/s ({how})', flush=True)
    for name in a.competitor:
        rival = subprocess.Popen([sys.executable, '-c', COMPETITORS[name]])
        try:
            time.sleep(2)                                        # the competitor is running before we start
            for threads in (0, cores):
                img_s, how = train(a.steps, threads)
                print(f'beside a {name} job, -threads {threads}: {img_s:,.0f} images/s = {img_s / quiet:.0%} of quiet '
                      f'({how})', flush=True)
        finally: rival.kill()

if __name__ == '__main__': main()
