#!/usr/bin/env bash
# Installs the Debian packages ParkScan builds and runs with, if any is missing.
# Idempotent: does nothing (and needs no network) when everything is there.
set -euo pipefail

packages=(
    libopencv-dev          # OpenCV 4: image decoding, detection, rectification (C shim)
    libjpeg62-turbo-dev    # libjpeg-turbo: camera JPEGs decoded straight to BGR, evidence JPEGs (C shim)
    libpng-dev             # libpng: PNG frames and debug images (C shim, instead of OpenCV's imgcodecs)
    libtesseract-dev       # Tesseract 5 OCR (loaded at run time by the C shim)
    libleptonica-dev       # Tesseract's image library headers
    libavformat-dev        # FFmpeg: video files and streams, the AVI writer (video library)
    libavcodec-dev         # FFmpeg: decoding frames, the Motion-JPEG encoder (video library)
    libavutil-dev          # FFmpeg: frames, errors (video library)
    libswscale-dev         # FFmpeg: frames to BGR, images to the video's size (video library)
    libavdevice-dev        # FFmpeg: V4L2 cameras (loaded by the video library for a camera)
    tesseract-ocr-eng      # Tesseract's English LSTM model (Latin capitals and digits)
    tesseract-ocr-deu      # the German model: has Ä, Ö, Ü (--model deu)
    libsqlite3-dev         # SQLite for the rights and case store
    fonts-opendin          # DIN-like font for the synthetic plate generator
    opencv-data            # OpenCV's face cascades, for blurring faces in evidence
    libxml2-utils          # xmllint, to validate DATEX II output against the schemas
    tmux                   # a real terminal for the test of `parkscan review next`
)

missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "ParkScan needs these Debian packages: ${missing[*]}" >&2
    echo "Run as root: apt-get update && apt-get install -y ${missing[*]}" >&2
    exit 1
fi
echo "Installing ${missing[*]} ..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
