// JPEG and PNG files decoded by FFmpeg's own decoders, for the video writer.
#pragma once

#include "FFmpeg.hpp"

namespace video_source {

/// The image in the file at `path` (JPEG or PNG, told by its first bytes, not its name).
/// Null and `why` (naming the file) when it cannot be read or decoded.
Frame decodeImageFile(const char *path, std::string &why);

} // namespace video_source
