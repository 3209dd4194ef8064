#!/usr/bin/env python
"""Attention three ways, forward + backward: the written-out einops attention (miniclip.attention.attention), the fused
path the model uses (F.scaled_dot_product_attention inside MultiHeadAttention), and nn.MultiheadAttention, at the shapes of
the main job's image encoder and of S/16@112.

    python benchmarks/attention.py
    python benchmarks/attention.py --batch 256 --device cuda

Each row is the median time of a full multi-head self-attention layer (qkv projection, attention, output projection),
forward and backward, and the ratio to the model's path. The model's path is `MultiHeadAttention(fused=True)`.
"""
import argparse, statistics, sys, time
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import torch
from torch import nn
from miniclip.attention import MultiHeadAttention
from miniclip.vit import VIT_PRESETS
from miniclip.core import get_device

def bench(fn, x, device, reps: int) -> float:
    for _ in range(3): fn(x).sum().backward()
    times = []
    for _ in range(reps):
        if device.type == 'cuda': torch.cuda.synchronize()
        t0 = time.perf_counter(); fn(x).sum().backward()
        if device.type == 'cuda': torch.cuda.synchronize()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)

def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--batch', type=int, default=128)
    p.add_argument('--device', default='auto')
    p.add_argument('--reps', type=int, default=20)
    a = p.parse_args()
    device = get_device(a.device)
    print(f'torch {torch.__version__}, {device}, {torch.get_num_threads()} threads; forward + backward of one attention layer')
    for preset in ('T/8@32-conv', 'S/16@112'):
        cfg = VIT_PRESETS[preset]
        x = torch.randn(a.batch, cfg.seq_len, cfg.width, device=device, requires_grad=True)
        fused = MultiHeadAttention(cfg.width, cfg.heads).to(device)
        written = MultiHeadAttention(cfg.width, cfg.heads, fused=False).to(device); written.load_state_dict(fused.state_dict())
        torch_mha = nn.MultiheadAttention(cfg.width, cfg.heads, batch_first=True).to(device)
        t_model = bench(fused, x, device, a.reps)
        rows = [('miniclip, fused (the model uses this)', t_model), ('miniclip, written out (einops)', bench(written, x, device, a.reps)),
                ('nn.MultiheadAttention', bench(lambda y: torch_mha(y, y, y, need_weights=False)[0], x, device, a.reps))]
        print(f'{preset}: batch {a.batch}, {cfg.seq_len} tokens, width {cfg.width}, {cfg.heads} heads')
        for name, t in rows: print(f'  {name:40s} {t * 1e3:8.2f} ms  {t / t_model:5.2f}x the model\'s path')

if __name__ == '__main__': main()
