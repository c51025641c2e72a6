"""Trains the card-digit line model and exports it to ONNX.

    nice -n 10 /usr/bin/python3 tools/DigitReader/train.py --synthetic out/digits/synth-s1 \
        --real-lines out/digits/real-lines --out out/digits/model

Debian's PyTorch 1.13 (python3-torch) and onnx 1.12 (python3-onnx); fixed seeds, two threads. The real-card folder
is --realcards, else BANKCARDOCR_REALCARDS, else ../shared/realcards beside the repository; without it the model
trains on synthetic lines alone and says so. Progress goes to OUT/train.log; the model to OUT/card-digits.onnx.

--stop-after-epoch N ends training after epoch N while the one-cycle schedule still spans --epochs (a run cut
short reproduces a longer run's checkpoint); --export-only CHECKPOINT skips training and scores and exports a
saved state dict (OUT/model.pt, written after every epoch).
"""
import argparse
import glob
import hashlib
import os
import random
import sys
import time

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import data  # noqa: E402
from model import HEIGHT, DigitCrnn, WithSoftmax, greedy  # noqa: E402

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def log(out, text):
    line = time.strftime("%H:%M:%S ") + text
    print(line, flush=True)
    with open(os.path.join(out, "train.log"), "a", encoding="utf-8") as f:
        f.write(line + "\n")


def locate_realcards(given):
    path = given or os.environ.get("BANKCARDOCR_REALCARDS") or os.path.join(REPO, "..", "shared", "realcards")
    return os.path.abspath(path) if os.path.isdir(os.path.join(path, "crops")) else None


def synthetic_dirs(roots):
    dirs = []
    for root in roots:
        found = sorted(d for d in glob.glob(os.path.join(root, "**", "labels.tsv"), recursive=True))
        dirs.extend(os.path.dirname(d) for d in found)
    return dirs


def evaluate(model, items):
    """Exact lines and digits right (per position of equal-length readings, else 0), greedy decode."""
    model.eval()
    exact = digits_right = digits_total = 0
    with torch.no_grad():
        for start in range(0, len(items), 64):
            chunk = items[start:start + 64]
            xs, _, input_lengths, _ = data.collate(chunk)
            probs = torch.softmax(model(xs), 2)
            for n, (_, label) in enumerate(chunk):
                text = greedy(probs[n, : input_lengths[n]])
                truth = label.replace(" ", "")
                read = text.replace(" ", "")
                exact += read == truth
                digits_total += len(truth)
                if len(read) == len(truth):
                    digits_right += sum(a == b for a, b in zip(read, truth))
    model.train()
    return exact / max(1, len(items)), digits_right / max(1, digits_total)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--synthetic", nargs="+", default=[], help="DigitLines output folders (searched for labels.tsv)")
    p.add_argument("--real-lines", nargs="*", default=[], help="DigitLines --real-lines output folders")
    p.add_argument("--realcards", help="the real-card folder (its crops/ are used)")
    p.add_argument("--out", required=True)
    p.add_argument("--epochs", type=int, default=4)
    p.add_argument("--per-epoch", type=int, default=10000, help="samples per epoch")
    p.add_argument("--real-lines-per-epoch", type=int, default=1000, help="labelled real lines drawn per epoch (most are specimens of few numbers)")
    p.add_argument("--batch", type=int, default=32)
    p.add_argument("--lr", type=float, default=2e-3)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--stop-after-epoch", type=int, help="end after this epoch; the learning-rate schedule still spans --epochs")
    p.add_argument("--init", metavar="CHECKPOINT", help="start from this saved state dict (a longer training in two runs); the schedule is this run's")
    p.add_argument("--export-only", metavar="CHECKPOINT", help="no training: score this saved state dict on the test split and export it")
    args = p.parse_args()
    if args.export_only is None and not args.synthetic:
        p.error("--synthetic is required unless --export-only is given")
    if args.stop_after_epoch is not None and not 1 <= args.stop_after_epoch <= args.epochs:
        p.error("--stop-after-epoch must be between 1 and --epochs")

    os.makedirs(args.out, exist_ok=True)
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    rng = random.Random(args.seed)
    np.random.seed(args.seed)
    log(args.out, "arguments: " + " ".join(sys.argv[1:]))

    realcards = locate_realcards(args.realcards)
    train_crops, test_crops = [], []
    if realcards is None:
        log(args.out, "no real-card folder: no real crops to train on or to score")
    else:
        train_files, test_files = data.crop_split(realcards)
        folder = os.path.join(realcards, "crops")
        train_crops = [(data.load_png(os.path.join(folder, f)), data.crop_label(f)) for f in train_files]
        test_crops = [(data.load_png(os.path.join(folder, f)), data.crop_label(f)) for f in test_files]
        log(args.out, f"real crops: {len(train_crops)} train, {len(test_crops)} test (split {data.SPLIT_SALT})")

    if args.export_only:
        model = DigitCrnn()
        model.load_state_dict(torch.load(args.export_only, map_location="cpu"))
        log(args.out, f"loaded {args.export_only}, no training")
        finish(model, test_crops, args.out)
        return

    synthetic = []
    for d in synthetic_dirs(args.synthetic):
        synthetic.extend(data.read_lines_dir(d))
    # The last 1,000 synthetic lines watch training; they are never trained on.
    watch_synthetic = synthetic[-1000:]
    synthetic = synthetic[:-1000]
    real_lines = []
    for d in args.real_lines:
        if os.path.isfile(os.path.join(d, "labels.tsv")):
            real_lines.extend(data.read_lines_dir(d))
    log(args.out, f"synthetic lines {len(synthetic)} (+{len(watch_synthetic)} watched), real lines {len(real_lines)}")

    model = DigitCrnn()
    if args.init:
        model.load_state_dict(torch.load(args.init, map_location="cpu"))
        log(args.out, f"starting from {args.init}")
    log(args.out, f"parameters {sum(p.numel() for p in model.parameters())}")
    optimiser = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-4)
    steps = args.epochs * (args.per_epoch // args.batch + 1)
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimiser, max_lr=args.lr, total_steps=steps, pct_start=0.15)
    ctc = torch.nn.CTCLoss(blank=0, zero_infinity=True)
    augment = data.Augment(rng)
    watch = [(data.scale_to_height(x), l) for x, l in watch_synthetic]

    started = time.time()
    step = 0
    for epoch in range(args.epochs):
        # Each epoch: real crops padded as a detector pads (4 draws each), two to four of them joined into lines, a
        # draw of the labelled real lines, and synthetic lines to fill the rest.
        samples = []
        for _ in range(4):
            samples.extend((data.pad_like_detector(x, rng), l) for x, l in train_crops)
        for _ in range(len(train_crops) * 4 if train_crops else 0):
            picked = [rng.choice(train_crops) for _ in range(rng.choice([2, 3, 4, 4, 4]))]
            joined = data.join_crops([x for x, _ in picked], rng)
            samples.append((data.pad_like_detector(joined, rng), " ".join(l for _, l in picked if l)))
        samples.extend(rng.sample(real_lines, min(args.real_lines_per_epoch, len(real_lines))))
        fill = max(0, args.per_epoch - len(samples))
        samples.extend(rng.sample(synthetic, min(fill, len(synthetic))))
        samples = [(augment(data.scale_to_height(x)), l) for x, l in samples]
        log(args.out, f"epoch {epoch + 1}/{args.epochs}: {len(samples)} samples ({fill} synthetic)")

        total_loss, seen = 0.0, 0
        for group in data.batches(samples, args.batch, rng):
            if step >= steps:
                break
            xs, targets, input_lengths, target_lengths = data.collate([samples[i] for i in group])
            log_probs = model(xs).log_softmax(2).permute(1, 0, 2)
            loss = ctc(log_probs, targets, input_lengths, target_lengths)
            optimiser.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            optimiser.step()
            schedule.step()
            step += 1
            total_loss += loss.item() * len(group)
            seen += len(group)
            if step % 100 == 0:
                log(args.out, f"  step {step}/{steps} loss {total_loss / seen:.4f} lr {schedule.get_last_lr()[0]:.5f} {time.time() - started:.0f} s")
                total_loss, seen = 0.0, 0
        exact, digits = evaluate(model, watch)
        log(args.out, f"epoch {epoch + 1} done, {time.time() - started:.0f} s: watched synthetic exact {exact:.3f} digits {digits:.3f}")
        torch.save(model.state_dict(), os.path.join(args.out, "model.pt"))
        if epoch + 1 == args.stop_after_epoch:
            log(args.out, f"stopping after epoch {epoch + 1} of the {args.epochs}-epoch schedule")
            break

    finish(model, test_crops, args.out)


def finish(model, test_crops, out):
    """The held-out crops' score (when the real-card folder is there), then the ONNX export."""
    test = [(data.scale_to_height(x), l) for x, l in test_crops]
    if test:
        exact, digits = evaluate(model, test)
        log(out, f"real crops test split ({len(test)}): exact {exact:.3f} digits {digits:.3f}")
    export(model, out)


def export(model, out):
    model.eval()
    path = os.path.join(out, "card-digits.onnx")
    dummy = torch.zeros(1, 3, HEIGHT, 256)
    torch.onnx.export(
        WithSoftmax(model), dummy, path, input_names=["x"], output_names=["probabilities"],
        dynamic_axes={"x": {0: "batch", 3: "width"}, "probabilities": {0: "batch", 1: "frames"}},
        opset_version=13, do_constant_folding=True)
    import onnx
    onnx.checker.check_model(onnx.load(path))
    with open(path, "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    log(out, f"exported {path}: {os.path.getsize(path)} bytes, SHA-256 {digest}")


if __name__ == "__main__":
    main()
