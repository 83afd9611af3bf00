#!/usr/bin/python3
"""Trains the line model (Models/plate-lines.onnx): a small convolutional network that reads a
whole plate line as a sequence (CTC), so that characters blur has joined are still read as two.

Input: the grey lines `parkscan-synth lines --grey --unmatched` writes (NNNNNN.pgm +
NNNNNN.gt.txt; an empty text for a line that is no plate). Output: an ONNX model that
OpenCV's dnn module runs (LineModel.cpp). Needs python3-torch (Debian 12: apt-get install
python3-torch); the reader itself does not. Recipe and figures: Models/README.md.

usage: train-line-model.py --out Models/plate-lines.onnx DIR...
"""

import argparse
import os
import random
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

# Must match LineModel.cpp: labels (index 0 is CTC's blank), input height, width stride.
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÜ"
HEIGHT = 32
STRIDE = 4
MAX_WIDTH = 480


def read_pgm(path):
    with open(path, "rb") as f:
        data = f.read()
    parts, pos = [], 0
    while len(parts) < 4:  # magic, width, height, maxval
        while data[pos : pos + 1].isspace():
            pos += 1
        start = pos
        while not data[pos : pos + 1].isspace():
            pos += 1
        parts.append(data[start:pos])
    if parts[0] != b"P5":
        raise ValueError(f"{path}: not a binary PGM (P5) file")
    width, height = int(parts[1]), int(parts[2])
    pixels = np.frombuffer(data, dtype=np.uint8, count=width * height, offset=pos + 1)
    return pixels.reshape(height, width)


def resized(image, stretch=1.0):
    """The line at HEIGHT rows, its aspect kept (times `stretch`), as ink 1 .. paper 0."""
    h, w = image.shape
    width = max(STRIDE * 2, min(MAX_WIDTH, int(round(w * HEIGHT / h * stretch))))
    tensor = torch.from_numpy(image.astype(np.float32) / 255.0)[None, None]
    # Area averaging when shrinking, as OpenCV's INTER_AREA in LineModel.cpp.
    out = F.interpolate(tensor, size=(HEIGHT, width), mode="area" if width <= w else "bilinear", align_corners=None if width <= w else False)
    return 1.0 - out[0, 0]


def load(folders, with_empty):
    samples = []
    for folder in folders:
        for name in sorted(os.listdir(folder)):
            if not name.endswith(".gt.txt"):
                continue
            base = os.path.join(folder, name[: -len(".gt.txt")])
            with open(base + ".gt.txt", encoding="utf-8") as f:
                text = f.read().strip()
            if not text and not with_empty:
                continue
            if any(c not in ALPHABET for c in text):
                print(f"{base}.gt.txt: skipped, '{text}' has a character outside the alphabet", file=sys.stderr)
                continue
            image = read_pgm(base + ".pgm")
            if image.shape[0] < 4 or image.shape[1] < 4:
                continue
            samples.append((resized(image), text))
    return samples


class LineNet(nn.Module):
    """Fully convolutional: height 32 -> 1, width / 4 time steps, one score per label."""

    def __init__(self, classes):
        super().__init__()

        def block(cin, cout, kernel=3, padding=1):
            return [nn.Conv2d(cin, cout, kernel, padding=padding, bias=False), nn.BatchNorm2d(cout), nn.ReLU()]

        self.body = nn.Sequential(
            *block(1, 16), nn.MaxPool2d(2),                 # 16 x W/2
            *block(16, 32), nn.MaxPool2d(2),                # 8 x W/4
            *block(32, 64), nn.MaxPool2d((2, 1)),           # 4 x W/4
            *block(64, 64), nn.MaxPool2d((2, 1)),           # 2 x W/4
            *block(64, 96, kernel=(2, 3), padding=(0, 1)),  # 1 x W/4
            *block(96, 96, kernel=(1, 5), padding=(0, 2)),  # each step sees 2-3 characters
            nn.Conv2d(96, classes, 1),
        )

    def forward(self, x):
        return self.body(x)  # N x classes x 1 x T


def batches(samples, size, augment):
    order = list(range(len(samples)))
    if augment:
        random.shuffle(order)
    for start in range(0, len(order), size):
        chosen = [samples[i] for i in order[start : start + size]]
        images = []
        for line, _ in chosen:
            if augment:
                stretch = random.uniform(0.85, 1.15)
                width = max(STRIDE * 2, min(MAX_WIDTH, int(round(line.shape[1] * stretch))))
                line = F.interpolate(line[None, None], size=(HEIGHT, width), mode="bilinear", align_corners=False)[0, 0]
                contrast = random.uniform(0.6, 1.0)
                line = line * contrast + random.uniform(0, 1 - contrast) + torch.randn_like(line) * random.uniform(0, 0.05)
            images.append(line)
        width = max(i.shape[1] for i in images)
        width += (-width) % STRIDE
        x = torch.zeros(len(images), 1, HEIGHT, width)
        for k, line in enumerate(images):
            x[k, 0, :, : line.shape[1]] = line
        lengths = torch.tensor([line.shape[1] // STRIDE for line in images], dtype=torch.long)
        targets = [torch.tensor([ALPHABET.index(c) + 1 for c in text], dtype=torch.long) for _, text in chosen]
        yield x, lengths, targets, [text for _, text in chosen]


def greedy(scores, length):
    best = scores[:, :length].argmax(0).tolist()
    text, previous = [], 0
    for label in best:
        if label != 0 and label != previous:
            text.append(ALPHABET[label - 1])
        previous = label
    return "".join(text)


def evaluate(model, samples):
    model.eval()
    exact = plates = empty_right = empties = 0
    with torch.no_grad():
        for x, lengths, _, texts in batches(samples, 64, False):
            scores = model(x)[:, :, 0, :]
            for k, text in enumerate(texts):
                read = greedy(scores[k], int(lengths[k]))
                if text:
                    plates += 1
                    exact += read == text
                else:
                    empties += 1
                    empty_right += read == ""
    model.train()
    return exact, plates, empty_right, empties


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="+", help="folders of NNNNNN.pgm + NNNNNN.gt.txt (parkscan-synth lines --grey --unmatched)")
    parser.add_argument("--out", required=True, help="the ONNX file to write")
    parser.add_argument("--epochs", type=int, default=30)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--with-empty", action="store_true",
                        help="also train on lines with an empty text (no plate): read as nothing. Off by default: "
                             "lines matching no truth plate include plates the match missed and readable signs")
    args = parser.parse_args()
    random.seed(args.seed)
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)

    samples = load(args.folders, args.with_empty)
    if len(samples) < 50:
        sys.exit(f"only {len(samples)} usable lines in {', '.join(args.folders)}: need at least 50")
    random.shuffle(samples)
    held = max(10, len(samples) // 20)
    validation, training = samples[:held], samples[held:]
    print(f"{len(training)} training lines, {len(validation)} held out "
          f"({sum(1 for _, t in samples if not t)} with no plate)", flush=True)

    model = LineNet(len(ALPHABET) + 1)
    optimiser = torch.optim.Adam(model.parameters(), lr=2e-3)
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimiser, max_lr=2e-3, total_steps=args.epochs * ((len(training) + 31) // 32))
    ctc = nn.CTCLoss(blank=0, zero_infinity=True)
    start = time.time()
    for epoch in range(args.epochs):
        total = 0.0
        for x, lengths, targets, _ in batches(training, 32, True):
            logits = model(x)[:, :, 0, :]  # N x C x T
            log_probs = logits.permute(2, 0, 1).log_softmax(2)
            target_lengths = torch.tensor([len(t) for t in targets], dtype=torch.long)
            flat = torch.cat(targets) if sum(len(t) for t in targets) else torch.zeros(0, dtype=torch.long)
            loss = ctc(log_probs, flat, lengths, target_lengths)
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            schedule.step()
            total += float(loss) * len(targets)
        exact, plates, empty_right, empties = evaluate(model, validation)
        print(f"epoch {epoch + 1}/{args.epochs}: loss {total / len(training):.3f}, held-out plates exact "
              f"{exact}/{plates}, no-plate lines read empty {empty_right}/{empties}, {time.time() - start:.0f} s", flush=True)

    model.eval()
    torch.onnx.export(model, torch.zeros(1, 1, HEIGHT, 200), args.out, opset_version=11,
                      input_names=["line"], output_names=["scores"],
                      dynamic_axes={"line": {3: "width"}, "scores": {3: "steps"}})
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
