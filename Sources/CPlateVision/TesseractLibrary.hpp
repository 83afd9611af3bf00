// Tesseract, loaded at run time through its C API.
//
// Why not link it: Tesseract pulls in libgomp, which reads OMP_THREAD_LIMIT once, when it
// is loaded. Linked, it would load before main() and spawn as many OpenMP threads as cores
// for every OCR call (3-4x slower on 2 cores). Loading it here, after setting the variable,
// makes the fast path the default without the user knowing about OpenMP.
#pragma once

#include <tesseract/capi.h>

#include <string>

namespace plate_vision {

struct TesseractLibrary {
#define PLATE_VISION_TESSERACT_FUNCTION(name) decltype(&::name) name = nullptr;
#include "TesseractFunctions.def"
#undef PLATE_VISION_TESSERACT_FUNCTION

    /// The process-wide library, loaded on first use; nullptr (and `error`) if it cannot be.
    static const TesseractLibrary *shared(std::string &error);
};

} // namespace plate_vision
