#!/usr/bin/env python
"""P2: Fashion-MNIST, zero-shot, after the `fashion_mnist` recipe (7 epochs, under 10 minutes on 2 cores).

    python benchmarks/fashion_mnist.py                   # train the recipe, then score it
    python benchmarks/fashion_mnist.py --run runs/fm     # score a run you already have
    python benchmarks/fashion_mnist.py --ema 0.99 0.998  # also score moving averages of the weights (zero-shot)
    python benchmarks/fashion_mnist.py --flip 0.5 --shift 2   # train with flips and shifts of up to 2 px
    python benchmarks/fashion_mnist.py --batch_size 128       # the recipe with one setting changed

Scores on the official test split (all 10,000 images, never trained on): zero-shot top-1 with the Fashion-MNIST
templates, and beside it a linear probe (scikit-learn logistic regression on the frozen image features of all
60,000 training images), the paper's comparison. References (Zalando's benchmark page): best scikit-learn
classifier (SVC) 89.7 %, a two-layer CNN 92.5 %, ResNet18 94.9 %.
"""
import argparse, copy, sys, time
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import torch
import torch.nn.functional as F
from miniclip.checkpoint import load
from miniclip.standard import FashionMNIST
from miniclip.evaluate import encode_images, zero_shot_classifier, accuracy, linear_probe, TEMPLATES
from miniclip.train import recipe
from miniclip.trainer import Trainer

class EMATrainer(Trainer):
    "A Trainer that keeps exponential moving averages of the weights, one per decay, updated after every step."
    def __init__(self, *args, decays=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.emas = {d: copy.deepcopy(self.model).eval() for d in decays}
    def train_step(self, batch):
        loss = super().train_step(batch)
        with torch.no_grad():
            for d, ema in self.emas.items():
                for e, p in zip(ema.parameters(), self.model.parameters()): e.lerp_(p, 1 - d)
        return loss

def flip_and_shift(source, flip: float, shift: int):
    """Make `source` (the recipe's FileSource) flip each training image left-right with chance `flip` and move it
    by up to `shift` px each way (its border repeated), by a seed per step; the labels stay true of the images."""
    batch = source.batch
    def augmented(step, batch_size, part=(0, 1)):
        b = batch(step, batch_size, part); x = b.images; B, _, H, W = x.shape
        g = torch.Generator().manual_seed(1_000_003 * step + 17)
        x = torch.where((torch.rand(B, generator=g) < flip)[:, None, None, None], x.flip(-1), x)
        if shift:
            padded, d = F.pad(x, (shift,) * 4, mode='replicate'), torch.randint(0, 2 * shift + 1, (B, 2), generator=g)
            x = torch.stack([padded[i, :, d[i, 0]:d[i, 0] + H, d[i, 1]:d[i, 1] + W] for i in range(B)])
        return b._replace(images=x)
    source.batch = augmented

def zero_shot(model, tok, test, features, labels) -> dict:
    "Top-1 and top-5 of the test `features` (encoded by `model`) against the Fashion-MNIST prompt ensemble."
    return accuracy(features @ zero_shot_classifier(model, tok, test.class_names, TEMPLATES['fashion_mnist']).t(),
                    labels)

def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--run', default='', help='a trained run folder (default: train the recipe into /tmp/miniclip-fashion)')
    p.add_argument('--ema', nargs='*', type=float, default=[], help='decays of weight averages to score too (training only)')
    p.add_argument('--flip', type=float, default=0.0, help='chance of a left-right flip of a training image')
    p.add_argument('--shift', type=int, default=0, help='largest shift of a training image, in pixels')
    p.add_argument('--batch_size', type=int, default=0, help="the recipe's batch size changed (0: the recipe's)")
    p.add_argument('--lr', type=float, default=0.0, help="the recipe's peak learning rate changed (0: the recipe's)")
    p.add_argument('--epochs', type=int, default=0, help="the recipe's epochs changed (0: the recipe's)")
    a = p.parse_args()
    run, t = a.run, None
    if not run:
        run = '/tmp/miniclip-fashion'
        changed = {k: v for k, v in dict(batch_size=a.batch_size, lr=a.lr, epochs=a.epochs).items() if v}
        t0 = time.perf_counter()
        t = EMATrainer(recipe('fashion_mnist', out_dir=run, **changed), quiet=True, decays=a.ema)
        if a.flip or a.shift: flip_and_shift(t.source, a.flip, a.shift)
        t.fit()
        print(f'trained the fashion_mnist recipe{changed or ""}: {t.train_seconds:.0f} s of training, {time.perf_counter() - t0:.0f} s in all')
    model, tok, _ = load(run)
    test, train = FashionMNIST('test', image_size=32), FashionMNIST('train', image_size=32)
    xt, yt = test.labelled(range(len(test)))
    ft = encode_images(model, xt, progress=True)
    zs = zero_shot(model, tok, test, ft, yt)
    xr, yr = train.labelled(range(len(train)))
    fr = encode_images(model, xr, progress=True)
    probe, fit = linear_probe(fr, yr, ft, yt, max_iter=2000), zero_shot(model, tok, test, fr, yr)['top1']
    print(f"official test split, 10,000 images: zero-shot top-1 {zs['top1']:.1%} (top-5 {zs['top5']:.1%}); "
          f"linear probe on all 60,000 training images {probe:.1%}; zero-shot on those 60,000 (trained on: "
          f"the fit, not generalisation) {fit:.1%}")
    for d, ema in (t.emas.items() if t else []):
        print(f"weights averaged with decay {d}: zero-shot top-1 "
              f"{zero_shot(ema, tok, test, encode_images(ema, xt), yt)['top1']:.1%}")

if __name__ == '__main__': main()
