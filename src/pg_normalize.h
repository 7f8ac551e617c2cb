/*
 * Copyright (C) phigate authors
 *
 * Normalisation: rewrites a field's decoded text into the form detectors
 * scan (ASCII digits, no invisible characters, ...) and keeps, for every
 * byte of the result, the range of input bytes it came from, so that a
 * finding in normalised text can be reported against the field's text.
 *
 * Normalisation is a list of steps applied in order (pg_normalize.c);
 * each step maps its input to its output and the maps are composed.
 */

#ifndef _PG_NORMALIZE_H_INCLUDED_
#define _PG_NORMALIZE_H_INCLUDED_


#include <stddef.h>
#include <stdint.h>

#include "pg_arena.h"
#include "pg_status.h"


/* a run of the map: see pg_normalize.c */
typedef struct pg_nseg_s  pg_nseg_t;


/* the largest result that gets from[] and to[]: 8 bytes a byte */
#define PG_NORM_DENSE_MAX  65536


typedef struct {
    char              *text;      /* normalised, NUL-terminated */
    size_t             len;
    /*
     * Byte i of text came from input bytes [from[i], to[i]).  Both are
     * NULL when text is a plain copy of the input (nothing changed), and
     * when len is above PG_NORM_DENSE_MAX: a large field keeps its map
     * as nruns runs (bytes copied one for one, or bytes that all came
     * from one input range), not as 8 bytes a byte, so that a 1 MB body
     * does not take 8 MB more.  pg_norm_span() reads either.
     */
    uint32_t          *from;
    uint32_t          *to;
    const pg_nseg_t   *runs;
    size_t             nruns;
    size_t             in_len;
    /*
     * Bit i set (pg_norm_vi()): byte i of text came from a letter with a
     * mark only Vietnamese uses, folded to its base letter ("ễ" of
     * "Nguyễn", "ư", "ơ": pg_norm_fold_vi()).  NULL when no byte did, as
     * in all ASCII text, so that it costs nothing there.
     */
    const uint8_t     *vi_marks;
} pg_norm_t;


/* whether byte i of the text came from a letter with a Vietnamese mark */
#define pg_norm_vi(marks, i)  (((marks)[(i) >> 3] >> ((i) & 7)) & 1)


/*
 * Normalises len bytes of in (any bytes: NULs and invalid UTF-8 are kept
 * as they are).  Returns PG_OK, PG_ERR_NOMEM, or PG_ERR_TOO_LARGE when
 * the input does not fit the 32-bit offset map.
 */
pg_status_t pg_normalize(pg_arena_t *a, const char *in, size_t len,
    pg_norm_t *out);

/*
 * Maps off/len in normalised text (len > 0, within text) to an offset and
 * length in the input.
 */
void pg_norm_span(const pg_norm_t *n, size_t off, size_t len,
    size_t *in_off, size_t *in_len);


#endif /* _PG_NORMALIZE_H_INCLUDED_ */
