"""The card-digit line model: a small CRNN for CTC over blank, the digits 0-9 and the gap between groups.

Input: a straightened line crop, 3 x 32 x W (BGR planes as the recognizer's sampler writes them, normalised to
[-1, 1]), W any multiple of 4. Output: per-frame probabilities [N, W/4, 12] (softmax in the graph), column 0 the
CTC blank, 1-10 the digits, 11 the gap.
"""
import torch
from torch import nn

HEIGHT = 32
STRIDE = 4
CLASSES = 12  # blank, 0-9, gap
ALPHABET = "0123456789 "


def conv(cin, cout, kernel=3, padding=1):
    return nn.Sequential(nn.Conv2d(cin, cout, kernel, padding=padding, bias=False), nn.BatchNorm2d(cout), nn.ReLU(inplace=True))


class DigitCrnn(nn.Module):
    """Six convolutions (16-64 channels) take the 32-pixel crop to one row of features every 4 columns; a
    bidirectional LSTM reads the row, so each frame sees the whole line (a digit's neighbours and the gaps)."""

    def __init__(self, channels=(16, 32, 48, 48, 64, 64), hidden=48):
        super().__init__()
        c = channels
        self.features = nn.Sequential(
            conv(3, c[0]), nn.MaxPool2d(2, 2),                          # 16 x W/2
            conv(c[0], c[1]), nn.MaxPool2d(2, 2),                       # 8 x W/4
            conv(c[1], c[2]), conv(c[2], c[3]), nn.MaxPool2d((2, 1), (2, 1)),  # 4 x W/4
            conv(c[3], c[4]), nn.MaxPool2d((2, 1), (2, 1)),             # 2 x W/4
            conv(c[4], c[5], kernel=(2, 3), padding=(0, 1)),            # 1 x W/4
        )
        self.rnn = nn.LSTM(c[5], hidden, batch_first=True, bidirectional=True)
        self.classify = nn.Linear(2 * hidden, CLASSES)

    def forward(self, x):
        """Logits [N, T, C]."""
        f = self.features(x).squeeze(2).permute(0, 2, 1)  # N, T, channels
        f, _ = self.rnn(f)
        return self.classify(f)


class WithSoftmax(nn.Module):
    """What is exported: probabilities, so the reader needs no arithmetic of its own."""

    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, x):
        return torch.softmax(self.model(x), dim=2)


def encode(label):
    return [ALPHABET.index(c) + 1 for c in label]


def greedy(probs_row):
    """Greedy CTC decode of one [T, C] tensor into text (the reader's rule: repeats merged, blanks dropped)."""
    best = probs_row.argmax(1).tolist()
    out, prev = [], 0
    for k in best:
        if k != 0 and k != prev:
            out.append(ALPHABET[k - 1])
        prev = k
    return " ".join("".join(out).split())
