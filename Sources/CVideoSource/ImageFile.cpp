#include "ImageFile.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <new>

namespace video_source {

namespace {

struct FileCloser {
    void operator()(FILE *file) const { fclose(file); }
};

/// The whole file as one packet (an image file is one frame to its decoder).
Packet readFile(const char *path, std::string &why) {
    std::unique_ptr<FILE, FileCloser> file(fopen(path, "rb"));
    long size = -1;
    if (file && fseek(file.get(), 0, SEEK_END) == 0) size = ftell(file.get());
    if (!file || size < 0 || fseek(file.get(), 0, SEEK_SET) != 0) {
        why = std::string(path) + ": cannot be read (" + strerror(errno) + ")";
        return nullptr;
    }
    if (size < 8 || size > (1L << 30)) {
        why = std::string(path) + ": not an image file (" + std::to_string(size) + " bytes)";
        return nullptr;
    }
    Packet packet = newPacket();
    if (av_new_packet(packet.get(), int(size)) < 0) throw std::bad_alloc();
    if (fread(packet->data, 1, size_t(size), file.get()) != size_t(size)) {
        why = std::string(path) + ": cannot be read to its end";
        return nullptr;
    }
    return packet;
}

AVCodecID codecOf(const AVPacket &file) {
    static const uint8_t png[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    if (file.data[0] == 0xFF && file.data[1] == 0xD8 && file.data[2] == 0xFF) return AV_CODEC_ID_MJPEG;
    if (memcmp(file.data, png, sizeof png) == 0) return AV_CODEC_ID_PNG;
    return AV_CODEC_ID_NONE;
}

} // namespace

Frame decodeImageFile(const char *path, std::string &why) {
    Packet file = readFile(path, why);
    if (!file) return nullptr;
    AVCodecID codec = codecOf(*file);
    if (codec == AV_CODEC_ID_NONE) {
        why = std::string(path) + ": not a JPEG or PNG image";
        return nullptr;
    }
    Codec decoder = openDecoder(codec, nullptr, AVRational{1, 1}, why);
    if (!decoder) {
        why = std::string(path) + ": " + why;
        return nullptr;
    }
    Frame image = newFrame();
    int result = avcodec_send_packet(decoder.get(), file.get());
    if (result >= 0) result = avcodec_send_packet(decoder.get(), nullptr);
    if (result >= 0) result = avcodec_receive_frame(decoder.get(), image.get());
    if (result < 0) {
        why = std::string(path) + ": a broken " + (codec == AV_CODEC_ID_PNG ? "PNG" : "JPEG") + " image ("
              + errorText(result) + ")";
        return nullptr;
    }
    return image;
}

} // namespace video_source
