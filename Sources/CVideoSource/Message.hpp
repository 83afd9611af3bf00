// Error messages into the caller's buffer, and no C++ exception across the C ABI.
#pragma once

#include <cstdarg>
#include <cstddef>
#include <cstdio>
#include <exception>

namespace video_source {

inline void write(char *message, size_t capacity, const char *format, ...) __attribute__((format(printf, 3, 4)));

inline void write(char *message, size_t capacity, const char *format, ...) {
    if (message == nullptr || capacity == 0) return;
    va_list arguments;
    va_start(arguments, format);
    vsnprintf(message, capacity, format, arguments);
    va_end(arguments);
}

/// `body()`, or `failed` and a message when it throws (FFmpeg is C: what can throw is our own
/// allocations, std::bad_alloc).
template <typename Result, typename Body>
Result guard(char *message, size_t capacity, const char *doing, Result failed, Body body) noexcept {
    try {
        return body();
    } catch (const std::exception &error) {
        write(message, capacity, "%s: %s", doing, error.what());
    } catch (...) {
        write(message, capacity, "%s: unknown C++ exception", doing);
    }
    return failed;
}

} // namespace video_source
