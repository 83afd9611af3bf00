// Opening a source with libavformat: a video file, a network stream (RTSP, HTTP), or a V4L2
// camera through libavdevice.
#pragma once

#include "FFmpeg.hpp"

#include <chrono>
#include <string>

namespace video_source {

enum class SourceKind { file, stream, camera };

/// A device (`/dev/video0`, `/dev/v4l/by-id/...`, as `watch` takes any `/dev/` path) or a
/// camera index (`0`): a camera; anything with `://`: a stream; else a file.
SourceKind kindOf(const std::string &source);

/// How long a network camera may keep us waiting (connecting, or for its next packet).
constexpr std::chrono::seconds networkTimeout{10};

/// A time limit on FFmpeg's blocking I/O, checked by its interrupt callback: without one, an
/// unreachable or silent camera would block its thread for good.
class Deadline {
public:
    void arm(std::chrono::seconds limit) { at = std::chrono::steady_clock::now() + limit; }
    void disarm() { at = {}; }
    bool passed() const { return at != std::chrono::steady_clock::time_point{} && std::chrono::steady_clock::now() > at; }
    /// FFmpeg's AVIOInterruptCB: nonzero stops the call in progress.
    static int interrupts(void *deadline) { return static_cast<const Deadline *>(deadline)->passed() ? 1 : 0; }

private:
    std::chrono::steady_clock::time_point at{};
};

/// The source opened and its streams probed, its interrupt callback on `deadline` (which
/// must outlive it). Null and `why` (naming the source and what to check) on failure.
Input openInput(const std::string &source, SourceKind kind, int width, int height, double fps, Deadline &deadline,
                std::string &why);

} // namespace video_source
