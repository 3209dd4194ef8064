#!/usr/bin/env python
"""Training throughput and model FLOP utilisation (MFU) on this machine, CPU or GPU.

    python benchmarks/throughput.py                                   # the main job's model, fp32 (and bf16 where the hardware is fast)
    python benchmarks/throughput.py --models "S/16@112+S" --batch 64
    python benchmarks/throughput.py --batches 32 64 128 256 512       # how images/s scale with the batch
    python benchmarks/throughput.py --negatives 3 --context 8 --profile   # the main job's step, and where its time goes
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
from miniclip.trainer import matmul_peak as trainer_peak

def sync(device):
    if device.type == 'cuda': torch.cuda.synchronize()

def matmul_peak(device, dtype, n: int = 2048, reps: int = 10) -> float:
    "The trainer's peak (miniclip.trainer.matmul_peak), the best of more repeats."
    return trainer_peak.__wrapped__(device, dtype, n, reps)

def step_fn(model, opt, images, tokens, precision, device, negatives: int = 0):
    "The trainer's step on ready tensors: `tokens` holds the B captions, then k hard negatives per image."
    B = len(images)
    def step():
        with torch.autocast(device.type, dtype=torch.bfloat16, enabled=precision == 'bf16'):
            img, txt = model(images, tokens, embeddings=True)
        img, txt = img.float(), txt.float()
        neg = txt[B:].view(B, negatives, -1) if negatives else None
        loss = contrastive_loss(img, txt[:B], model.scale, neg)
        opt.zero_grad(set_to_none=True); loss.backward(); opt.step()
    return step

def build(spec: str, batch: int, precision: str, device, compile_: bool, context: int = 32, vocab: int = 1000,
          negatives: int = 0):
    "The model of `spec`, one training step on synthetic data, and that step's FLOPs by operator (counted once)."
    image_encoder, text_encoder = spec.split('+')
    cfg = CLIPConfig.from_presets(image_encoder, text_encoder, vocab_size=vocab, context_length=context)
    model = CLIP(cfg).to(device)
    opt, _ = make_optimizer(model, recipe('shapes'), 10 ** 6)
    S = cfg.vision.image_size
    images = torch.randn(batch, 3, S, S, device=device)
    tokens = torch.randint(3, vocab, (batch * (1 + negatives), context), device=device)
    tokens[:, 0], tokens[:, context * 2 // 3] = 1, 2
    fwd = torch.compile(model) if compile_ else model
    step = step_fn(fwd, opt, images, tokens, precision, device, negatives)
    with FlopCounterMode(display=False) as fc: step_fn(model, opt, images, tokens, precision, device, negatives)()
    for _ in range(3): step()                                                    # warm-up (and compilation)
    return model, step, fc

def measure(spec: str, batch: int, precision: str, device, compile_: bool, steps: int, context: int = 32,
            vocab: int = 1000, negatives: int = 0) -> dict:
    model, step, fc = build(spec, batch, precision, device, compile_, context, vocab, negatives)
    flops = fc.get_total_flops()
    times = []
    for _ in range(steps):
        sync(device); t0 = time.perf_counter(); step(); sync(device); times.append(time.perf_counter() - t0)
    dt = statistics.median(times)
    return dict(model=spec, params=human(count_params(model)), batch=batch, precision=precision, img_s=batch / dt,
                flops_per_image=flops / batch, flops_s=flops / dt)

# the operators of a step, by what they do (names as torch.profiler reports them); the first match wins
KINDS = (('matmuls', ('aten::mm', 'aten::addmm', 'aten::bmm')), ('attention (fused)', ('scaled_dot_product',)),
         ('conv stem', ('convolution',)), ('GELU', ('gelu',)), ('norms', ('norm',)), ('copies', ('copy_', '_to_copy')))

def profile(spec: str, batch: int, precision: str, device, steps: int, peak: float, **kw) -> str:
    """Where a step's CPU time goes, by kind of operator (self time, so the shares add up to 100 %), and how
    fast the matmuls themselves run against the `peak`: what bounds the MFU."""
    from torch.profiler import profile as torch_profile, ProfilerActivity
    model, step, fc = build(spec, batch, precision, device, False, **kw)
    with torch_profile(activities=[ProfilerActivity.CPU]) as prof:
        for _ in range(steps): step()
    shares = {}
    for e in prof.key_averages():
        kind = next((k for k, names in KINDS if any(n in e.key for n in names)), 'elementwise and the rest')
        shares[kind] = shares.get(kind, 0.0) + e.self_cpu_time_total / 1e6 / steps      # seconds a step
    total = sum(shares.values())
    mm_flops = sum(v for k, v in fc.get_flop_counts()['Global'].items() if str(k).split('.')[-1] in ('mm', 'addmm', 'bmm'))
    rate = mm_flops / shares.get('matmuls', float('nan'))
    return (f"{spec} batch {batch}, {steps} steps profiled, {total * 1e3:.0f} ms a step: "
            + ', '.join(f'{k} {v / total:.0%}' for k, v in sorted(shares.items(), key=lambda kv: -kv[1]))
            + f". The matmuls run at {rate / 1e9:,.0f} GFLOP/s ({rate / peak:.0%} of the peak) and hold "
              f"{mm_flops / fc.get_total_flops():.0%} of the FLOPs")

def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    main_job = recipe('shapes').model
    p.add_argument('--models', nargs='+', default=[f'{main_job.image_encoder}+{main_job.text_encoder}'])
    p.add_argument('--batches', nargs='+', type=int, default=[128])
    p.add_argument('--device', default='auto')
    p.add_argument('--precision', nargs='+', default=None, help='fp32 and/or bf16 (default: fp32, plus bf16 where it is fast)')
    p.add_argument('--compile', action='store_true', help='torch.compile the model')
    p.add_argument('--steps', type=int, default=10)
    p.add_argument('--context', type=int, default=32, help='tokens per caption')
    p.add_argument('--vocab', type=int, default=1000, help='vocabulary size')
    p.add_argument('--negatives', type=int, default=0, help='hard negative captions per image (the main job: 3)')
    p.add_argument('--profile', action='store_true', help="also print where a step's time goes, by kind of operator")
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
                r = measure(spec, b, pr, device, a.compile, a.steps, a.context, a.vocab, a.negatives)
                print(f"{r['model']:>18} ({r['params']}) {pr} batch {b:>4}: {r['img_s']:8,.0f} images/s  "
                      f"{r['flops_per_image'] / 1e6:8,.0f} MFLOP/image  MFU {r['flops_s'] / peaks[pr]:5.1%}", flush=True)
                if a.profile: print(profile(spec, b, pr, device, a.steps, peaks[pr], context=a.context, vocab=a.vocab,
                                            negatives=a.negatives), flush=True)

if __name__ == '__main__': main()
