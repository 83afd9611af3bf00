#!/usr/bin/python3
"""Trains the line model (Models/plate-lines.onnx): a small convolutional network that reads a
whole plate line as a sequence (CTC), so that characters blur has joined are still read as two.

Input: the grey lines `parkscan-synth lines --grey --unmatched` writes (NNNNNN.pgm +
NNNNNN.gt.txt; an empty text for a line that is no plate). Output: an ONNX model that
OpenCV's dnn module runs (LineModel.cpp). Needs python3-torch (Debian 12: apt-get install
python3-torch); the reader itself does not. Recipe and figures: Models/README.md.

The reader places each character at the steps that name it, and the seal gap between them
splits the plate (M-AB or MA-B). CTC leaves free where in the line a character is named, so
before export the script measures how late the network names characters and moves its
scores back by as many whole steps (`Aligned`).

usage: train-line-model.py --out Models/plate-lines.onnx DIR...
       train-line-model.py --measure-lag MODEL.onnx DIR...   (a model's alignment; needs python3-opencv)
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


def blurred(line, sigma_x, sigma_y):
    """The line under a Gaussian blur (separable; sigma in pixels of the 32-row line)."""
    x = line[None, None]
    for sigma, vertical in ((sigma_x, False), (sigma_y, True)):
        if sigma < 0.2:
            continue
        radius = max(1, int(round(sigma * 2.5)))
        taps = torch.exp(-0.5 * (torch.arange(-radius, radius + 1, dtype=torch.float32) / sigma) ** 2)
        taps = taps / taps.sum()
        kernel = taps.view(1, 1, -1, 1) if vertical else taps.view(1, 1, 1, -1)
        padding = (0, 0, radius, radius) if vertical else (radius, radius, 0, 0)
        x = F.conv2d(F.pad(x, padding, mode="replicate"), kernel)
    return x[0, 0]


def degraded(line):
    """What a blurred, small or noisy frame does to a line, beyond what the rendered scenes
    already show: Gaussian or sideways (motion) blur, or too few pixels (read small, scaled up)."""
    kind = random.random()
    if kind < 0.25:
        sigma = random.uniform(0.5, 1.6)
        return blurred(line, sigma, sigma)
    if kind < 0.4:
        return blurred(line, random.uniform(0.8, 2.2), random.uniform(0.0, 0.5))
    if kind < 0.6:
        rows = random.randint(10, 20)
        width = max(2, int(round(line.shape[1] * rows / HEIGHT)))
        small = F.interpolate(line[None, None], size=(rows, width), mode="area")
        return F.interpolate(small, size=(HEIGHT, line.shape[1]), mode="bilinear", align_corners=False)[0, 0]
    return line


def batches(samples, size, augment, hard=False):
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
                if hard:
                    line = degraded(line)
                contrast = random.uniform(0.6, 1.0)
                noise = random.uniform(0, 0.1 if hard else 0.05)
                line = line * contrast + random.uniform(0, 1 - contrast) + torch.randn_like(line) * noise
            images.append(line)
        width = max(i.shape[1] for i in images)
        width += (-width) % STRIDE
        x = torch.zeros(len(images), 1, HEIGHT, width)
        for k, line in enumerate(images):
            x[k, 0, :, : line.shape[1]] = line
        lengths = torch.tensor([line.shape[1] // STRIDE for line in images], dtype=torch.long)
        targets = [torch.tensor([ALPHABET.index(c) + 1 for c in text], dtype=torch.long) for _, text in chosen]
        yield x, lengths, targets, [text for _, text in chosen]


def best_path(scores, length):
    """The best path's characters: (label, first step, step after the last) for each run of one
    label that is not blank, as LineModel.cpp reads them."""
    best = scores[:, :length].argmax(0).tolist()
    runs, t = [], 0
    while t < length:
        end = t
        while end < length and best[end] == best[t]:
            end += 1
        if best[t] != 0:
            runs.append((best[t], t, end))
        t = end
    return runs


def path_text(path):
    return "".join(ALPHABET[label - 1] for label, _, _ in path)


def greedy(scores, length):
    return path_text(best_path(scores, length))


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


def ink_centres(line):
    """Centres (columns) of the line's ink runs: where blur has not joined them, its characters."""
    inked = ((line > 0.5).sum(0) >= 2).tolist()
    centres, start = [], None
    for x, ink in enumerate(inked + [False]):
        if ink and start is None:
            start = x
        elif not ink and start is not None:
            centres.append((start + x) / 2)
            start = None
    return centres


def alignment_lag(score_lines, samples):
    """How many steps after its character the model places it, on the median line.

    CTC does not say where in the line a character is read: a network may name it a few steps
    after it has seen it (the models trained on degraded lines name it ~2 steps late). The
    reader places each character at its steps, and the seal gap between them tells M-AB from
    MA-B, so a late model splits `BER-A 35H` as `BE-RA 35H`. Measured on the lines read
    exactly whose ink runs are exactly their characters (no blur joining two)."""
    lags = []
    for (line, text), (scores, length) in zip(samples, score_lines):
        path, ink = best_path(scores, length), ink_centres(line)
        read = path_text(path)
        # Each character placed at the centre of its steps, as LineModel.cpp places it.
        spikes = [(start + end) / 2 * STRIDE for _, start, end in path]
        if text and len(spikes) == len(ink) == len(text) and read == text:
            lags.append(sum(s - i for s, i in zip(spikes, ink)) / len(text) / STRIDE)
    return (float(np.median(lags)) if lags else 0.0), len(lags)


def torch_scores(model, samples):
    model.eval()
    with torch.no_grad():
        for x, lengths, _, _ in batches(samples, 64, False):
            scores = model(x)[:, :, 0, :]
            for k in range(len(lengths)):
                yield scores[k], int(lengths[k])


def onnx_scores(path, samples):
    import cv2  # python3-opencv: the same dnn module the reader runs the model with
    net = cv2.dnn.readNetFromONNX(path)
    for line, _ in samples:
        net.setInput(line.numpy()[None, None].astype(np.float32))
        scores = torch.from_numpy(net.forward()[0, :, 0, :].copy())
        yield scores, scores.shape[1]


class Aligned(nn.Module):
    """The network with its scores moved `lag` steps earlier (later when negative), the steps
    freed at the end (start) read as blank: each character's steps lie on its ink. (A line of
    no more steps than `lag`, 4 * lag pixels wide, comes out of OpenCV one step longer: too
    short to hold a character anyway.)"""

    def __init__(self, net, lag, classes):
        super().__init__()
        self.net, self.lag = net, lag
        # Scores for the freed steps: a 1x1 convolution with no weights and a bias that puts
        # blank 20 above every label.
        self.blank = nn.Conv2d(classes, classes, 1)
        with torch.no_grad():
            self.blank.weight.zero_()
            self.blank.bias.zero_()
            self.blank.bias[0] = 20.0

    def forward(self, x):
        scores = self.net(x)
        if self.lag > 0:
            return torch.cat([scores[:, :, :, self.lag :], self.blank(scores[:, :, :, : self.lag])], 3)
        if self.lag < 0:
            return torch.cat([self.blank(scores[:, :, :, : -self.lag]), scores[:, :, :, : self.lag]], 3)
        return scores


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="+", help="folders of NNNNNN.pgm + NNNNNN.gt.txt (parkscan-synth lines --grey --unmatched)")
    parser.add_argument("--out", help="the ONNX file to write")
    parser.add_argument("--epochs", type=int, default=30)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--with-empty", action="store_true",
                        help="also train on lines with an empty text (no plate): read as nothing. Off by default: "
                             "lines matching no truth plate include plates the match missed and readable signs")
    parser.add_argument("--hard", action="store_true",
                        help="degrade training lines further: blur, motion blur, too few pixels, more noise: the "
                             "judge's recipe (Models/plate-lines-judge.onnx), not the line model's (Models/README.md)")
    parser.add_argument("--measure-lag", metavar="MODEL",
                        help="only measure MODEL's (an ONNX file) alignment lag on the lines in the folders (needs python3-opencv)")
    args = parser.parse_args()
    if args.measure_lag:
        samples = load(args.folders, False)
        lag, lines = alignment_lag(onnx_scores(args.measure_lag, samples), samples)
        if not lines:
            sys.exit(f"{args.measure_lag}: no line read exactly with one ink run per character in {', '.join(args.folders)}: "
                     "nothing to measure the alignment on")
        print(f"{args.measure_lag}: characters named {lag:+.2f} steps from their ink (median of {lines} lines)")
        return
    if not args.out:
        parser.error("--out is required: the ONNX file to write")
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
        for x, lengths, targets, _ in batches(training, 32, True, args.hard):
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

    lag, lines = alignment_lag(torch_scores(model, validation), validation)
    shift = int(round(lag))
    if lines:
        print(f"alignment: characters named {lag:+.2f} steps from their ink (median of {lines} held-out lines); "
              f"scores moved {shift} steps earlier", flush=True)
    else:
        print("alignment: no held-out line read exactly with one ink run per character, so not measured; "
              "scores not moved", flush=True)
    if shift:
        model = Aligned(model, shift, len(ALPHABET) + 1)
    model.eval()
    torch.onnx.export(model, torch.zeros(1, 1, HEIGHT, 200), args.out, opset_version=11,
                      input_names=["line"], output_names=["scores"],
                      dynamic_axes={"line": {3: "width"}, "scores": {3: "steps"}})
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
