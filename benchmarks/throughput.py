#!/usr/bin/env python
"""Training throughput and model FLOP utilisation (MFU) on this machine, CPU or GPU.

    python benchmarks/throughput.py                                   # the main job's model, fp32 (and bf16 where the hardware is fast)
    python benchmarks/throughput.py --models "S/16@112+S" --batch 64
    python benchmarks/throughput.py --batches 32 64 128 256 512       # how images/s scale with the batch
    python benchmarks/throughput.py --device cuda --models "B/32@224+B" "B/16@112+S" --batch 256 --compile   # a GPU

A training step is the trainer's: forward of both encoders, the contrastive loss, backward, AdamW. FLOPs per step
come from torch.utils.flop_counter.FlopCounterMode on one step (2 per multiply-add, forward and backward), MFU is
those FLOPs per second over the peak matmul FLOP/s of this machine, measured in the same run with large square
matmuls (fp32, and bf16 where it is fast). Data is synthetic (random normalised images, random token rows), so
the number is the model's speed, not the data pipeline's. Prints one line per (model, precision, batch).
"""
import argparse, statistics, sys, time
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import torch
from torch.utils.flop_counter import FlopCounterMode
from miniclip.clip import CLIP, CLIPConfig
from miniclip.core import fast_bf16, get_device, count_params, human
from miniclip.train import recipe, make_optimizer, contrastive_loss

def sync(device):
    if device.type == 'cuda': torch.cuda.synchronize()

def matmul_peak(device, dtype, n: int = 2048, reps: int = 10) -> float:
    "FLOP/s of an n x n matmul in `dtype` (the best of `reps`): the machine's practical peak."
    a, b = torch.randn(n, n, device=device, dtype=dtype), torch.randn(n, n, device=device, dtype=dtype)
    for _ in range(2): a @ b
    sync(device); best = float('inf')
    for _ in range(reps):
        t0 = time.perf_counter(); a @ b; sync(device); best = min(best, time.perf_counter() - t0)
    return 2 * n ** 3 / best

def step_fn(model, opt, images, tokens, precision, device):
    def step():
        with torch.autocast(device.type, dtype=torch.bfloat16, enabled=precision == 'bf16'):
            img, txt = model(images, tokens, embeddings=True)
        loss = contrastive_loss(img.float(), txt.float(), model.scale)
        opt.zero_grad(set_to_none=True); loss.backward(); opt.step()
    return step

def measure(spec: str, batch: int, precision: str, device, compile_: bool, steps: int) -> dict:
    image_encoder, text_encoder = spec.split('+')
    cfg = CLIPConfig.from_presets(image_encoder, text_encoder, vocab_size=1000, context_length=32)
    model = CLIP(cfg).to(device)
    opt, _ = make_optimizer(model, recipe('shapes'), 10 ** 6)
    S = cfg.vision.image_size
    images = torch.randn(batch, 3, S, S, device=device)
    tokens = torch.randint(3, 1000, (batch, 32), device=device); tokens[:, 0], tokens[:, 20] = 1, 2
    fwd = torch.compile(model) if compile_ else model
    step = step_fn(fwd, opt, images, tokens, precision, device)
    with FlopCounterMode(display=False) as fc: step_fn(model, opt, images, tokens, precision, device)()
    flops = fc.get_total_flops()
    for _ in range(3): step()                                                    # warm-up (and compilation)
    times = []
    for _ in range(steps):
        sync(device); t0 = time.perf_counter(); step(); sync(device); times.append(time.perf_counter() - t0)
    dt = statistics.median(times)
    return dict(model=spec, params=human(count_params(model)), batch=batch, precision=precision, img_s=batch / dt,
                flops_per_image=flops / batch, flops_s=flops / dt)

def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    main_job = recipe('shapes').model
    p.add_argument('--models', nargs='+', default=[f'{main_job.image_encoder}+{main_job.text_encoder}'])
    p.add_argument('--batches', nargs='+', type=int, default=[128])
    p.add_argument('--device', default='auto')
    p.add_argument('--precision', nargs='+', default=None, help='fp32 and/or bf16 (default: fp32, plus bf16 where it is fast)')
    p.add_argument('--compile', action='store_true', help='torch.compile the model')
    p.add_argument('--steps', type=int, default=10)
    a = p.parse_args()
    device = get_device(a.device)
    precisions = a.precision or (['fp32', 'bf16'] if fast_bf16(device) else ['fp32'])
    name = torch.cuda.get_device_name(device) if device.type == 'cuda' else 'CPU'
    print(f'torch {torch.__version__} on {name} ({device}), {torch.get_num_threads()} threads, fast bf16: {fast_bf16(device)}, compile: {a.compile}')
    peaks = {pr: matmul_peak(device, torch.float32 if pr == 'fp32' else torch.bfloat16) for pr in precisions}
    print('matmul peak: ' + ', '.join(f'{pr} {v / 1e9:,.0f} GFLOP/s' for pr, v in peaks.items()))
    for spec in a.models:
        for pr in precisions:
            for b in a.batches:
                r = measure(spec, b, pr, device, a.compile, a.steps)
                print(f"{r['model']:>18} ({r['params']}) {pr} batch {b:>4}: {r['img_s']:8,.0f} images/s  "
                      f"{r['flops_per_image'] / 1e6:8,.0f} MFLOP/image  MFU {r['flops_s'] / peaks[pr]:5.1%}", flush=True)

if __name__ == '__main__': main()
