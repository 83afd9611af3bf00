/*
 * CSceneRender: a thin C ABI over OpenCV drawing and FreeType text rendering that paints
 * synthetic camera frames with licence plates (ParkScan's test-data generator).
 *
 * Conventions
 *  - Every function that can fail returns a status code (CSceneRender_OK == 0 on success) and,
 *    when `status` is not NULL, fills it with the same code and a NUL-terminated message.
 *    No C++ exception ever crosses this boundary.
 *  - Handles are opaque and come in Create/Free pairs. A handle must not be used from two
 *    threads at once (the font caches rendered glyphs).
 *  - There is no hidden randomness: every random texture is drawn from an explicit `seed`.
 *  - Colours are sRGB with 0...255 channels. Lengths on the plate and the car are millimetres;
 *    frame coordinates are continuous pixels (pixel (i, j) covers [i, i+1) x [j, j+1)).
 *  - Strings are UTF-8.
 */
#ifndef CSCENERENDER_H
#define CSCENERENDER_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Status codes. */
enum {
    CSceneRender_OK = 0,
    CSceneRender_InvalidArgument = 1,
    CSceneRender_FontError = 2,
    CSceneRender_WriteError = 3,
    CSceneRender_ReadError = 4,
    CSceneRender_OpenCVError = 5,
    CSceneRender_InternalError = 6
};

/** Outcome of a call: `code` is one of the status codes, `message` explains a failure. */
typedef struct CSceneRender_Status {
    int code;
    char message[512];
} CSceneRender_Status;

typedef struct CSceneRender_Color {
    uint8_t r, g, b;
} CSceneRender_Color;

/** A TrueType font with a glyph cache. */
typedef struct CSceneRender_Font CSceneRender_Font;

/** An 8-bit colour image being painted. */
typedef struct CSceneRender_Frame CSceneRender_Frame;

int CSceneRender_FontCreate(const char *path, CSceneRender_Font **out, CSceneRender_Status *status);
void CSceneRender_FontFree(CSceneRender_Font *font);

/** A frame of `width` x `height` pixels, filled with mid grey. */
int CSceneRender_FrameCreate(int width, int height, CSceneRender_Frame **out, CSceneRender_Status *status);
void CSceneRender_FrameFree(CSceneRender_Frame *frame);
int CSceneRender_FrameSize(const CSceneRender_Frame *frame, int *width, int *height, CSceneRender_Status *status);

/**
 * Writes the frame; the format follows the extension (.jpg/.jpeg or .png).
 * `jpegQuality` (1...100) is the JPEG quality; for PNG files a positive value first passes the
 * frame through a JPEG round trip of that quality (compression artefacts in a lossless file).
 */
int CSceneRender_FrameSave(const CSceneRender_Frame *frame, const char *path, int jpegQuality,
                           CSceneRender_Status *status);

/** Decodes the image at `path` and reports its size. */
int CSceneRender_ImageSize(const char *path, int *width, int *height, CSceneRender_Status *status);

/** Street background: sky above `skyline`, a building facade down to `horizon`, road below. */
typedef struct CSceneRender_Background {
    uint64_t seed;
    double skyline;           /* fraction of the frame height, 0...1 */
    double horizon;           /* fraction of the frame height, > skyline */
    CSceneRender_Color sky;
    CSceneRender_Color wall;
    CSceneRender_Color road;
    double windowDensity;     /* 0...1 */
    double textureStrength;   /* 0...1 */
} CSceneRender_Background;

int CSceneRender_DrawBackground(CSceneRender_Frame *frame, const CSceneRender_Background *background,
                                CSceneRender_Status *status);

/** An axis-aligned board with text (shop sign, poster): a distractor for plate readers. */
typedef struct CSceneRender_Sign {
    double x, y, width, height;  /* frame pixels */
    CSceneRender_Color board;
    CSceneRender_Color ink;
    const char *text;
} CSceneRender_Sign;

int CSceneRender_DrawSign(CSceneRender_Frame *frame, CSceneRender_Font *font, const CSceneRender_Sign *sign,
                          CSceneRender_Status *status);

/**
 * A licence plate of 520 x 110 mm with the EU band.
 * `layout` lists what is written left to right: each character is a glyph, except
 * '|' = the two stacked seal stickers (inspection above, state seal below) and
 * ' ' = a gap of half a character width.
 */
typedef struct CSceneRender_Plate {
    const char *layout;
    const char *countryCode;          /* written in the EU band, e.g. "D" */
    CSceneRender_Color background;     /* white, or yellow for NL */
    CSceneRender_Color ink;
    CSceneRender_Color inspectionColor; /* colour of the inspection (HU) sticker */
    int inspectionYear;               /* two digits shown on the inspection sticker */
    int inspectionMonth;              /* 1...12, the month at the top of the sticker */
    int stateSeal;                    /* picks the colours of the state seal */
    double glyphWidth;                /* horizontal squeeze of the glyphs, about 0.8...1.0 */
    double dirt;                      /* 0...1 */
    double sheen;                     /* 0...1, diagonal reflection */
    uint64_t seed;
} CSceneRender_Plate;

/**
 * A car seen from the front or the rear, drawn in its own plane and mapped into the frame.
 * Car-plane coordinates are millimetres with the origin at the plate centre, x to the right
 * and y downwards; `homography` (row-major 3x3) maps them to frame pixels.
 * The plate occupies [-260, 260] x [-55, 55] in the car plane.
 */
typedef struct CSceneRender_Car {
    double homography[9];
    double pixelsPerMillimetre;        /* resolution of the car drawing before mapping */
    double bodyWidth;                  /* mm, about 1650...1900 */
    double plateHeight;                /* mm from the ground to the plate centre */
    CSceneRender_Color body;
    int rearView;                      /* 0: headlights and grille; 1: tail lights */
    int plateHolder;                   /* 1: a black plastic holder frame around the plate */
    const char *holderText;            /* small text on the holder, may be NULL */
    const char *stickerText;           /* a text sticker on the window, may be NULL */
    uint64_t seed;
    CSceneRender_Plate plate;
} CSceneRender_Car;

int CSceneRender_DrawCar(CSceneRender_Frame *frame, CSceneRender_Font *font, const CSceneRender_Car *car,
                         CSceneRender_Status *status);

/** Renders a plate alone (on a grey surround) into a new frame, at `pixelsPerMillimetre`. */
int CSceneRender_RenderPlate(CSceneRender_Font *font, const CSceneRender_Plate *plate, double pixelsPerMillimetre,
                             CSceneRender_Frame **out, CSceneRender_Status *status);

/** Camera degradations, applied in this order: illumination, shadow, blur, motion, light, noise. */
typedef struct CSceneRender_Degradation {
    uint64_t seed;
    double illuminationStrength;  /* 0...1: brightness falls off by this fraction along the angle */
    double illuminationAngle;     /* radians */
    double shadowStrength;        /* 0...1: darkening of the shadowed half-plane */
    double shadowX, shadowY;      /* a point on the shadow edge, frame pixels */
    double shadowAngle;           /* direction of the shadow edge, radians */
    double shadowSoftness;        /* width of the penumbra, pixels */
    double gaussianSigma;         /* pixels, 0 = none */
    double motionLength;          /* pixels, 0 = none */
    double motionAngle;           /* radians, 0 = horizontal */
    double brightness;            /* multiplier, 1 = unchanged */
    double gamma;                 /* > 1 darkens mid tones */
    double noiseSigma;            /* sensor noise, grey levels */
} CSceneRender_Degradation;

int CSceneRender_Degrade(CSceneRender_Frame *frame, const CSceneRender_Degradation *degradation,
                         CSceneRender_Status *status);

#ifdef __cplusplus
}
#endif

#endif /* CSCENERENDER_H */
