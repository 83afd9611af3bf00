// Error messages into the caller's buffer.
#pragma once

#include <cstdarg>
#include <cstddef>
#include <cstdio>

namespace video_source {

inline void write(char *message, size_t capacity, const char *format, ...) __attribute__((format(printf, 3, 4)));

inline void write(char *message, size_t capacity, const char *format, ...) {
    if (message == nullptr || capacity == 0) return;
    va_list arguments;
    va_start(arguments, format);
    vsnprintf(message, capacity, format, arguments);
    va_end(arguments);
}

} // namespace video_source
