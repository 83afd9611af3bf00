// libjpeg's fatal errors as a message and a jump back to the caller's setjmp, for
// JPEGDecoding.cpp and JPEGEncoding.cpp. By default libjpeg prints the error and exits the
// process.
#pragma once

#include <csetjmp>
#include <cstdio>

#include <jpeglib.h>

namespace plate_vision {

struct JPEGErrors {
    jpeg_error_mgr pub; // first: libjpeg's `err` points here
    jmp_buf back;
    char message[JMSG_LENGTH_MAX];

    /// Installs this as `info`'s error manager; `back` must be set with setjmp before the
    /// first libjpeg call that can fail.
    void install(j_common_ptr info) {
        info->err = jpeg_std_error(&pub);
        pub.error_exit = exit;
        message[0] = 0;
    }

    static void exit(j_common_ptr info) {
        auto *errors = reinterpret_cast<JPEGErrors *>(info->err);
        info->err->format_message(info, errors->message);
        longjmp(errors->back, 1);
    }
};

} // namespace plate_vision
