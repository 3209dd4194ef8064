#!/usr/bin/env python
"""SigLIP against CLIP's loss across batch sizes (nbs/20_siglip.ipynb): 150 steps at each of 8..256, both
losses, on the shapes world and Fashion-MNIST (when installed), lr by Adam's square-root rule, scored on
held-out images. Writes benchmarks/batch_sweep.csv and nbs/images/batch_sweep.png (10 minutes on a 2-core AMD EPYC).

    python benchmarks/batch_sweep.py
    python benchmarks/batch_sweep.py --steps 300 --sizes 8,64,256
"""
import argparse, sys
from pathlib import Path
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
import matplotlib; matplotlib.use('Agg')
from miniclip.sweep import sweep_both, plot_sweeps

def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--steps', type=int, default=150)
    p.add_argument('--sizes', default='8,16,32,64,128,256')
    a = p.parse_args()
    df = sweep_both([int(b) for b in a.sizes.split(',')], a.steps)
    df.to_csv(ROOT / 'benchmarks/batch_sweep.csv', index=False)
    plot_sweeps(df).savefig(ROOT / 'nbs/images/batch_sweep.png', dpi=80)
    print(df.round(3).to_string(index=False))

if __name__ == '__main__': main()
