"""Training and test lines for the card-digit model.

Synthetic and real line crops come from tools/DigitLines, already cut by the recognizer's own sampler at the model's
height (PNG, RGB, labels.tsv beside them). The real 4-digit crops of the real-card folder are scaled here with the
same bilinear rule (pixel centres, no smoothing), padded as a detector's box would pad them, and also joined two to
four at a time into lines. A fixed fifth of those crops (chosen by a salted hash of the file name, a rule the
benchmark bench/LineReaders shares) is the test split and never trained on.
"""
import hashlib
import os

import numpy as np
import torch
import torch.nn.functional as F
from PIL import Image

from model import HEIGHT, STRIDE, encode

SPLIT_SALT = "card-digits-test-1"


def load_png(path):
    return np.asarray(Image.open(path).convert("RGB"), dtype=np.uint8)


def read_lines_dir(folder):
    """[(pixels HxWx3 uint8 RGB, label)] of a DigitLines output folder."""
    items = []
    with open(os.path.join(folder, "labels.tsv"), encoding="utf-8") as f:
        next(f)
        for row in f:
            cells = row.rstrip("\n").split("\t")
            if len(cells) >= 2:
                items.append((load_png(os.path.join(folder, cells[0])), cells[1]))
    return items


def is_test_crop(name):
    """A fixed fifth of the real crops, by name: SHA-256 of salt + name, first byte below 51 (of 256). The
    benchmark (bench/LineReaders) applies the same rule, so both see the same test split."""
    return hashlib.sha256((SPLIT_SALT + name).encode("utf-8")).digest()[0] < 51


def crop_split(realcards):
    """The real crops' (train, test) file lists."""
    folder = os.path.join(realcards, "crops")
    files = sorted(f for f in os.listdir(folder) if f.endswith(".png"))
    return [f for f in files if not is_test_crop(f)], [f for f in files if is_test_crop(f)]


def crop_label(name):
    """The first four characters of the file name, blanks ('_': blank or cut off) dropped."""
    return name[:4].replace("_", "")


def scale_to_height(pixels, height=HEIGHT):
    """HxWx3 uint8 -> 3xhxw float tensor in 0..255, bilinear with pixel centres mapped to pixel centres and no
    smoothing: the rule of the recognizer's sampler (OpenCV's INTER_LINEAR)."""
    t = torch.from_numpy(np.ascontiguousarray(pixels)).permute(2, 0, 1).float().unsqueeze(0)
    h, w = pixels.shape[:2]
    width = max(16, min(HEIGHT * 32, int(np.ceil(height * w / h))))
    return F.interpolate(t, size=(height, width), mode="bilinear", align_corners=False).squeeze(0)


def pad_like_detector(pixels, rng):
    """A tight crop given the room a detector's box leaves: replicated edges, 0-30 % of the height above and below,
    from a little inside to 35 % of the height past each end."""
    h = pixels.shape[0]
    top, bottom = (int(rng.uniform(0, 0.3) * h) for _ in range(2))
    left, right = (int(rng.uniform(-0.05, 0.35) * h) for _ in range(2))
    if left < 0:
        pixels = pixels[:, -left:]
        left = 0
    if right < 0:
        pixels = pixels[:, :right]
        right = 0
    return np.pad(pixels, ((top, bottom), (left, right), (0, 0)), mode="edge")


def join_crops(crops, rng):
    """Four-digit crops side by side with a group gap between them (the neighbours' edge colours blended across)."""
    h = crops[0].shape[0]
    parts = [crops[0]]
    for c in crops[1:]:
        gap = max(2, int(rng.uniform(0.25, 0.5) * h))
        a = parts[-1][:, -1:, :].astype(np.float32)
        b = c[:, :1, :].astype(np.float32)
        t = np.linspace(0, 1, gap, dtype=np.float32)[None, :, None]
        parts.append((a * (1 - t) + b * t).astype(np.uint8))
        parts.append(c)
    return np.concatenate(parts, axis=1)


class Augment:
    """Cheap photometric changes and a small stretch, applied per sample on the fly (train only)."""

    def __init__(self, rng):
        self.rng = rng

    def __call__(self, x):
        rng = self.rng
        if rng.random() < 0.3:  # stretch along the line
            w = x.shape[2]
            nw = max(16, int(w * rng.uniform(0.85, 1.15)))
            x = F.interpolate(x.unsqueeze(0), size=(HEIGHT, nw), mode="bilinear", align_corners=False).squeeze(0)
        if rng.random() < 0.1:
            x = x.mean(0, keepdim=True).expand(3, -1, -1).clone()
        if rng.random() < 0.15:
            x = x[torch.randperm(3, generator=torch.Generator().manual_seed(rng.randrange(1 << 30)))]
        if rng.random() < 0.5:
            contrast = rng.uniform(0.6, 1.3)
            bright = rng.uniform(-35, 35)
            x = (x - 128) * contrast + 128 + bright
        if rng.random() < 0.08:
            x = 255 - x
        if rng.random() < 0.2:
            x = x + torch.randn(x.shape, generator=torch.Generator().manual_seed(rng.randrange(1 << 30))) * rng.uniform(2, 10)
        return x.clamp(0, 255)


def normalise(x):
    """0..255 RGB -> the reader's input: BGR planes, (v/255 - 0.5) / 0.5."""
    return (x.flip(0) / 255.0 - 0.5) / 0.5


def batches(samples, batch_size, rng):
    """Batches of similar width (padding is wasted work and not what the reader pads), in random order."""
    order = sorted(range(len(samples)), key=lambda i: samples[i][0].shape[2] + rng.random() * 24)
    groups = [order[i:i + batch_size] for i in range(0, len(order), batch_size)]
    rng.shuffle(groups)
    return groups


def collate(items):
    """Pads to a common width (multiple of the stride) with 0 after normalisation, as the reader does."""
    width = max(x.shape[2] for x, _ in items)
    width = (width + STRIDE - 1) // STRIDE * STRIDE
    xs = torch.zeros(len(items), 3, HEIGHT, width)
    targets, target_lengths, input_lengths = [], [], []
    for n, (x, label) in enumerate(items):
        xs[n, :, :, : x.shape[2]] = normalise(x)
        codes = encode(label)
        targets.extend(codes)
        target_lengths.append(len(codes))
        input_lengths.append((x.shape[2] + STRIDE - 1) // STRIDE)
    return xs, torch.tensor(targets, dtype=torch.long), torch.tensor(input_lengths), torch.tensor(target_lengths)
