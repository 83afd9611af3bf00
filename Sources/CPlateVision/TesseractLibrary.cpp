#include "TesseractLibrary.hpp"

#include <dlfcn.h>
#include <stdlib.h>

#include <mutex>

namespace plate_vision {

namespace {

TesseractLibrary *load(std::string &error) {
    // Must precede loading libgomp (a dependency of libtesseract); a user's own value wins.
    const char *limit = getenv("OMP_THREAD_LIMIT");
    if (limit == nullptr || *limit == '\0') setenv("OMP_THREAD_LIMIT", "1", 1);
    void *handle = nullptr;
    for (const char *name : {"libtesseract.so.5", "libtesseract.so"}) {
        handle = dlopen(name, RTLD_NOW | RTLD_LOCAL);
        if (handle != nullptr) break;
    }
    if (handle == nullptr) {
        const char *reason = dlerror();
        error = std::string("cannot load Tesseract (libtesseract.so.5): ") + (reason ? reason : "unknown reason") +
                "; install Debian's libtesseract5 (make setup does)";
        return nullptr;
    }
    auto *library = new TesseractLibrary();
#define PLATE_VISION_TESSERACT_FUNCTION(name)                                              \
    library->name = reinterpret_cast<decltype(&::name)>(dlsym(handle, #name));             \
    if (library->name == nullptr) {                                                        \
        error = "Tesseract library lacks " #name "; is it older than version 4?";          \
        delete library;                                                                    \
        return nullptr;                                                                    \
    }
#include "TesseractFunctions.def"
#undef PLATE_VISION_TESSERACT_FUNCTION
    return library; // lives as long as the process, like the dlopen handle
}

} // namespace

const TesseractLibrary *TesseractLibrary::shared(std::string &error) {
    static std::once_flag once;
    static TesseractLibrary *library = nullptr;
    static std::string loadError;
    std::call_once(once, [] { library = load(loadError); });
    error = loadError;
    return library;
}

} // namespace plate_vision
