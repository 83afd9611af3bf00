#ifndef CPLATEVISION_H
#define CPLATEVISION_H

/*
 * CPlateVision: a thin C ABI over OpenCV (plate detection, rectification) and Tesseract
 * (character recognition). Plain C only: opaque handles with Create/Free pairs, results in
 * caller-owned structs, every failure an error code plus a message. No C++ exception ever
 * leaves this interface.
 *
 * Threading: a reader is not thread-safe; use one reader per thread. Frames are immutable
 * once loaded and may be shared between threads.
 */

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    CPlateVision_OK = 0,
    /** The file could not be opened or read (missing, permissions, I/O error). */
    CPlateVision_ErrorFileUnreadable = 1,
    /** The bytes are not a supported image format (JPEG or PNG). */
    CPlateVision_ErrorNotAnImage = 2,
    /** The image header declares more pixels than allowed; nothing was decoded. */
    CPlateVision_ErrorImageTooLarge = 3,
    /** The header is valid but the image data is truncated or corrupt. */
    CPlateVision_ErrorCorruptImage = 4,
    /** Tesseract or its language model could not be loaded. */
    CPlateVision_ErrorOCRUnavailable = 5,
    CPlateVision_ErrorInvalidArgument = 6,
    /** An unexpected failure inside OpenCV or Tesseract; the message has the details. */
    CPlateVision_ErrorInternal = 7
} CPlateVision_ErrorCode;

typedef struct {
    int code; /* a CPlateVision_ErrorCode */
    char message[512];
} CPlateVision_Status;

/* ---- Frames ------------------------------------------------------------------------ */

/** A decoded camera frame (colour, 8 bit). */
typedef struct CPlateVision_Frame CPlateVision_Frame;

/**
 * Loads a JPEG or PNG file. The header is checked before decoding: an image of more than
 * `maxPixels` pixels is refused with CPlateVision_ErrorImageTooLarge without allocating it.
 * Returns NULL and fills `status` on failure.
 */
CPlateVision_Frame *CPlateVision_FrameLoad(const char *path, int64_t maxPixels,
                                           CPlateVision_Status *status);

/** Same as CPlateVision_FrameLoad, from bytes in memory. */
CPlateVision_Frame *CPlateVision_FrameDecode(const uint8_t *bytes, size_t count, int64_t maxPixels,
                                             CPlateVision_Status *status);

/**
 * A frame from raw 8-bit BGR pixels (a video decoder's or a camera's), copied: `height` rows
 * of `rowBytes` bytes (FramePixels.cpp). Returns NULL and fills `status` for a size that
 * does not fit or more than 64 megapixels.
 */
CPlateVision_Frame *CPlateVision_FrameFromPixels(const uint8_t *bgr, int width, int height, size_t rowBytes,
                                                 CPlateVision_Status *status);

void CPlateVision_FrameFree(CPlateVision_Frame *frame);
int CPlateVision_FrameWidth(const CPlateVision_Frame *frame);
int CPlateVision_FrameHeight(const CPlateVision_Frame *frame);

/* ---- Reading plates ---------------------------------------------------------------- */

typedef struct CPlateVision_Reader CPlateVision_Reader;

typedef struct {
    /** Folder holding `<model>.traineddata`; NULL for Tesseract's default (Debian's). */
    const char *tessdataPath;
    /** Tesseract model name, e.g. "eng" or "deu". NULL means "eng". */
    const char *model;
    /** Characters the OCR may return, e.g. "ABC...XYZ0123456789". A space is added. */
    const char *characterWhitelist;
    /** Plate candidates sent to OCR per frame, best detections first (e.g. 4). */
    int maxCandidates;
    /** A second model for uncertain lines (NULL: none), e.g. "deu" beside "eng": read again
     *  when the first model is unsure of a character; the surer reading is kept. */
    const char *fallbackModel;
    /** Folder of the fallback model; NULL for Tesseract's default. */
    const char *fallbackTessdataPath;
    /** A plate-font glyph network, `<prefix>.yml.gz` (GlyphClassifier.cpp), that
     *  reads every line again one character per column; NULL or empty: none. */
    const char *glyphModel;
    /** A plate-font line network, an ONNX file (LineModel.cpp), that reads every line
     *  again as a whole sequence; NULL or empty: none. */
    const char *lineModel;
    /** A second line network (ONNX) that reads nothing but judges: where texts are weighed
     *  (CPlateVision_ReaderLineLikelihoods) its log-likelihood of each text is averaged
     *  with the line model's. NULL or empty: none; ignored without `lineModel`. */
    const char *lineJudgeModel;
} CPlateVision_ReaderOptions;

/**
 * Creates a reader. The first reader of a process loads Tesseract; before that it sets
 * OMP_THREAD_LIMIT=1 unless the environment already has it, since Tesseract's OpenMP threads
 * oversubscribe small machines (measured: 3-4x slower on 2 cores).
 */
CPlateVision_Reader *CPlateVision_ReaderCreate(const CPlateVision_ReaderOptions *options,
                                               CPlateVision_Status *status);
void CPlateVision_ReaderFree(CPlateVision_Reader *reader);

enum {
    CPlateVision_MaxSymbols = 12,
    CPlateVision_MaxChoices = 4,
    CPlateVision_MaxPlates = 48
};

typedef struct {
    char utf8[8];     /* one character, NUL-terminated UTF-8 */
    float confidence; /* 0...1 */
} CPlateVision_Choice;

typedef struct {
    int choiceCount;
    /** Tesseract's choices for this position, best first. Their confidences are Tesseract's
     *  LSTM scores (0...1); alternatives often score 0 while still ranked. */
    CPlateVision_Choice choices[CPlateVision_MaxChoices];
    /** Tesseract's confidence in the best choice (0...1; 0 when it gave none). */
    float symbolConfidence;
    /** Gap to the previous symbol in character heights (0 for the first). */
    float gapBefore;
} CPlateVision_Symbol;

typedef struct {
    /** Axis-aligned box of the plate in frame pixels. */
    int x, y, width, height;
    /** Plate corners in frame pixels: top-left, top-right, bottom-right, bottom-left (x, y). */
    float corners[8];
    /** How plate-like the region looks, 0...1 (characters, contrast, EU band). */
    float detectionScore;
    /** Median character height in frame pixels. */
    float characterHeight;
    int symbolCount;
    CPlateVision_Symbol symbols[CPlateVision_MaxSymbols];
    /** Country code read from the blue EU band ("D", "SK", ...), empty if none was legible. */
    char bandCountry[4];
    /** 1 when a blue EU band was found left of the characters. */
    int hasEUBand;
    /** Letters of the band's country code, told by its width where they are too small to
     *  read: 1 (`D`, `F`, ...), 2 (`CZ`, `PL`, ...: no German plate), 0 when none was seen. */
    int bandLetterCount;
    /** 1 when the plate is yellow (Dutch plates, Luxembourg's and British rear plates): never German. */
    int isYellow;
    /** 1 when a hyphen is printed between the characters (French, Belgian, Dutch plates): no German plate. */
    int hyphenated;
    /** Which plate candidate of the frame this is (0, 1, ...). A candidate the first OCR
     *  pass was unsure of is read again (other image, other model): each reading is its own
     *  entry with the same `candidate`, for the caller to weigh. */
    int candidate;
    /** -1 when the OCR read this candidate. Else the index of the known plate
     *  (CPlateVision_ReadFrameKnowing) it was found at: it was not read, `symbolCount` is 0
     *  and `bandCountry` empty; the box, corners and detection fields are this frame's. */
    int knownPlate;
    /** 1 when the glyph network gave this reading (one character per column, in the plate
     *  fonts it learnt), 0 when Tesseract did. */
    int fromGlyphModel;
    /** 1 when the line network gave this reading (the whole line as a sequence). */
    int fromLineModel;
} CPlateVision_Plate;

/**
 * A plate the caller already knows in this frame: where a track whose plate is sure expects
 * it. A candidate found there is not read again (the OCR is most of a frame's cost).
 */
typedef struct {
    /** The expected box, in frame pixels. */
    int x, y, width, height;
} CPlateVision_KnownPlate;

/**
 * Finds plate candidates in `frame`, reads the best `maxCandidates` of them and writes up to
 * `capacity` plates to `plates`, best detection first. Returns the number written, or -1 and
 * fills `status` on failure.
 */
int CPlateVision_ReadFrame(CPlateVision_Reader *reader, const CPlateVision_Frame *frame,
                           CPlateVision_Plate *plates, int capacity, CPlateVision_Status *status);

/**
 * Same as CPlateVision_ReadFrame, but a candidate found where one of the `knownCount`
 * plates in `known` is expected is not read: it is written once, with `knownPlate` set to
 * that plate's index. Found there means: its centre at most 3/4 of the expected width and
 * height from the expected centre, its width 2/3 to 3/2 of the expected; the nearest
 * candidate wins, each known plate is found at most once.
 */
int CPlateVision_ReadFrameKnowing(CPlateVision_Reader *reader, const CPlateVision_Frame *frame,
                                  const CPlateVision_KnownPlate *known, int knownCount,
                                  CPlateVision_Plate *plates, int capacity, CPlateVision_Status *status);

/**
 * How likely the line model finds each of `count` texts (UTF-8 letters and digits, no
 * spaces) on candidate `candidate` (CPlateVision_Plate.candidate) of the frame `reader` read
 * last: writes the natural log of each text's probability to `logLikelihoods` (-INFINITY for
 * a text it cannot read there); with a judge model (`lineJudgeModel`), the mean of both
 * models' logs (the judge reads the candidate's line on the first call). Returns `count`; 0
 * when the line model did not read that candidate (no line model, or no character found
 * there); -1 and fills `status` on failure.
 */
int CPlateVision_ReaderLineLikelihoods(CPlateVision_Reader *reader, int candidate,
                                       const char *const *texts, int count, float *logLikelihoods,
                                       CPlateVision_Status *status);

/* ---- Line images (for training and inspection) ------------------------------------- */

typedef struct {
    /** Plate box in frame pixels. */
    int x, y, width, height;
    /** Separate character columns found in the line (merged characters count once). */
    int characterColumns;
    float detectionScore;
    /** The line exactly as the OCR would see it: 8-bit grey, rows packed without padding. */
    int imageWidth, imageHeight;
    uint8_t *pixels; /* owned by the shim: release with CPlateVision_LinesFree */
    /** Each character column as the glyph model sees it: `characterColumns` tiles of
     *  CPlateVision_GlyphTileWidth x CPlateVision_GlyphTileHeight grey pixels (ink dark),
     *  one after the other; owned by the shim like `pixels`. */
    uint8_t *glyphTiles;
    /** Each column's ink width / height (`characterColumns` values; owned like `pixels`). */
    float *glyphAspects;
    /** Each two neighbouring columns taken as one (`characterColumns - 1` tiles, as
     *  `glyphTiles`, and their aspects): what characters joined by blur look like. */
    uint8_t *pairTiles;
    float *pairAspects;
    /** The same line in grey (ink dark, paper light), `imageWidth` x `imageHeight` like
     *  `pixels`, before binarisation: what the line model reads. Owned like `pixels`. */
    uint8_t *greyPixels;
} CPlateVision_Line;

enum {
    CPlateVision_GlyphTileWidth = 16,
    CPlateVision_GlyphTileHeight = 24
};

/**
 * Detects plate candidates in `frame` and writes up to `capacity` of them, best first, with
 * the cleaned character line the OCR would read. Returns the number written, or -1 and fills
 * `status`. Needs no reader (no OCR runs).
 */
int CPlateVision_ExtractLines(const CPlateVision_Frame *frame, CPlateVision_Line *lines, int capacity,
                              CPlateVision_Status *status);
void CPlateVision_LinesFree(CPlateVision_Line *lines, int count);

/**
 * Trains a glyph model on `count` labelled tiles (each CPlateVision_GlyphTileWidth x
 * ..Height bytes, one after the other, with its aspect in `aspects[i]`; `labels[i]` the UTF-8
 * character of tile i, or "#" for a tile that is no character): a neural network with
 * `hidden` hidden units, written to `<prefix>.yml.gz`. Returns 0, or -1 and fills `status`.
 */
int CPlateVision_GlyphModelBuild(const uint8_t *tiles, const float *aspects, const char *const *labels, int count,
                                 int hidden, const char *prefix, CPlateVision_Status *status);


/* ---- Evidence images (EvidenceImage.cpp) --------------------------------------------- */

enum {
    /** The whole frame, faces pixelated, the plate box outlined. */
    CPlateVision_EvidenceOverview = 0,
    /** The plate box with a small margin, unchanged. */
    CPlateVision_EvidencePlateCrop = 1
};

/**
 * Encodes an evidence image of `frame` as JPEG into a buffer the shim allocates (release with
 * CPlateVision_EvidenceFree). `kind` is CPlateVision_EvidenceOverview or ..PlateCrop; the box
 * is the plate's. For an overview, faces found by the Haar cascade at `faceCascadePath`
 * (NULL or empty: no blurring) are pixelated and their number written to `faceCount`
 * (may be NULL). Returns 0, or -1 and fills `status`.
 */
int CPlateVision_EncodeEvidence(const CPlateVision_Frame *frame, int x, int y, int width, int height,
                                int kind, const char *faceCascadePath, int jpegQuality,
                                uint8_t **bytes, size_t *count, int *faceCount,
                                CPlateVision_Status *status);
void CPlateVision_EvidenceFree(uint8_t *bytes);

/* ---- Thumbnails (Thumbnail.cpp) ------------------------------------------------------ */

/**
 * Scales `frame` to exactly `width` x `height` pixels (area averaging) and writes them as
 * packed 8-bit RGB rows to `rgb`, which holds width * height * 3 bytes. For previews of
 * evidence in a terminal. Returns 0, or -1 and fills `status`.
 */
int CPlateVision_FrameThumbnailRGB(const CPlateVision_Frame *frame, int width, int height, uint8_t *rgb,
                                   CPlateVision_Status *status);

#ifdef __cplusplus
}
#endif

#endif
