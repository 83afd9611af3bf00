#ifndef CVIDEOSOURCE_H
#define CVIDEOSOURCE_H

/*
 * CVideoSource: a thin C ABI over FFmpeg (libavformat, libavcodec, libswscale; libavdevice
 * for V4L2 cameras), for `parkscan watch` (cameras, streams, video files) and
 * `parkscan-synth video`.
 *
 * Built as its own shared library (libParkScanVideo.so) and loaded with dlopen only by the
 * commands that need video: FFmpeg's libraries and theirs (about 130) would add start-up
 * time and memory to every `parkscan read`. Hence plain C types only (the Swift side
 * declares these functions itself), and every failure is a return value plus a message in
 * the caller's buffer. No C++ exception ever leaves this interface.
 */

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** An open camera, stream or video file. Not thread-safe: one reader thread per capture. */
typedef struct CVideoSource_Capture CVideoSource_Capture;

/**
 * Opens `source`: a video file, an RTSP/HTTP URL, a V4L2 device (`/dev/video0`) or a camera
 * index (`0`, i.e. `/dev/video0`). For devices, `width` x `height` and `fps` (0: leave as
 * is) are requested. Network sources give up after 10 s without an answer. Returns NULL and
 * writes why into `message` (`capacity` bytes) on failure.
 */
CVideoSource_Capture *CVideoSource_Open(const char *source, int width, int height, double fps,
                                        char *message, size_t capacity);

/**
 * Grabs and decodes the next frame. On 1 `*bgr` points to `*height` rows of `*rowBytes`
 * bytes of 8-bit BGR pixels, valid until the next call or close; `*positionMs` is the
 * frame's position in the stream in milliseconds, from the stream's timestamps (the first
 * frame of a file is at 0). Returns 0 at the end of the stream, -1 on failure (message
 * written).
 */
int CVideoSource_Read(CVideoSource_Capture *capture, const uint8_t **bgr, int *width, int *height,
                      size_t *rowBytes, double *positionMs, char *message, size_t capacity);

/**
 * Passes Motion-JPEG frames on undecoded (each packet of the video stream is one JPEG
 * image): after it, CVideoSource_RetrieveJPEG gives each frame's own JPEG bytes, and
 * decoding is left to the reader thread that reads the frame, so a frame that is dropped is
 * never decoded. Positions come from the packets' timestamps (frame i of a constant-rate AVI
 * at i / rate), kept increasing. Returns 1 when switched, 0 when the source is not MJPEG or
 * its frame rate is unknown (it then decodes). Call right after opening, before the first
 * grab.
 */
int CVideoSource_PassJPEG(CVideoSource_Capture *capture);

/**
 * Takes the next frame from the source without converting it (a compressed stream is still
 * decoded here, except in JPEG pass-through). `*positionMs`: its position in the stream.
 * Returns 1, 0 at the end of the stream, -1 on failure (message written).
 */
int CVideoSource_Grab(CVideoSource_Capture *capture, double *positionMs, char *message, size_t capacity);

/** The grabbed frame's 8-bit BGR pixels (as CVideoSource_Read gives them). 1, or -1 and a
 *  message. Not in JPEG pass-through. */
int CVideoSource_Retrieve(CVideoSource_Capture *capture, const uint8_t **bgr, int *width, int *height,
                          size_t *rowBytes, char *message, size_t capacity);

/** In JPEG pass-through: the grabbed frame's JPEG bytes, valid until the next call or close.
 *  1, or -1 and a message (the packet is not a JPEG image). */
int CVideoSource_RetrieveJPEG(CVideoSource_Capture *capture, const uint8_t **bytes, size_t *count,
                              char *message, size_t capacity);

/** The stream's nominal frame rate (its average rate, else its base rate; 0 when unknown). */
double CVideoSource_FramesPerSecond(CVideoSource_Capture *capture);

/** The number of frames of a file as its container says (-1 for live sources and when it
 *  does not say). */
int64_t CVideoSource_FrameCount(CVideoSource_Capture *capture);

void CVideoSource_Close(CVideoSource_Capture *capture);

/** A video file being written: Motion-JPEG in AVI (FFmpeg's own encoder and muxer, in every
 *  build of it). */
typedef struct CVideoSource_Writer CVideoSource_Writer;

/** Creates `path` for `width` x `height` frames at `fps` (kept exact in the AVI header: 25,
 *  30000/1001). NULL and a message on failure. */
CVideoSource_Writer *CVideoSource_WriterOpen(const char *path, double fps, int width, int height,
                                             char *message, size_t capacity);

/** Appends the JPEG or PNG image file at `imagePath` (scaled to the video's size if it
 *  differs). Returns 0, or -1 and a message. */
int CVideoSource_WriterAppendImage(CVideoSource_Writer *writer, const char *imagePath, char *message,
                                   size_t capacity);

/** Finishes the file (its index and frame count) and frees the writer. */
void CVideoSource_WriterClose(CVideoSource_Writer *writer);

#ifdef __cplusplus
}
#endif

#endif
