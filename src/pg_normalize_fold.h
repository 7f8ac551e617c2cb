/*
 * Copyright (C) phigate authors
 *
 * Folding of look-alike characters to the ASCII letters and digits they
 * show, for the normaliser's unicode step (pg_normalize.c).
 */

#ifndef _PG_NORMALIZE_FOLD_H_INCLUDED_
#define _PG_NORMALIZE_FOLD_H_INCLUDED_


#include <stddef.h>

#include <utf8proc.h>


/* the most ASCII bytes one character folds to (never more than its own) */
#define PG_FOLD_MAX  4


/*
 * What pg_norm_fold() learnt of a word; end and gend 0 before the first
 * call
 */
typedef struct {
    size_t   end;        /* where the word last looked at ends */
    int      mixed;      /* whether it has an ASCII letter or digit */
    size_t   gend;       /* where the word last looked at for digits ends */
    int      glued;      /* whether it has an ASCII digit */
} pg_fold_word_t;


/*
 * The character cp, n bytes at in[i] (of len), folded: the ASCII bytes
 * written to out (at most n) are counted in the result, 0 when cp stays.
 * Called for the characters of in from left to right with the same w.
 */
size_t pg_norm_fold(pg_fold_word_t *w, const char *in, size_t len,
    size_t i, size_t n, utf8proc_int32_t cp, char *out);

/*
 * Whether cp, n bytes at in[i], is a combining mark that the normaliser
 * drops after a Latin letter, as pg_norm_fold() drops the marks of a
 * precomposed one; same w as pg_norm_fold().
 */
int pg_norm_fold_mark(pg_fold_word_t *w, const char *in, size_t len,
    size_t i, size_t n, utf8proc_int32_t cp);

/*
 * Whether cp is a letter or a combining mark that only Vietnamese
 * writes: the letters of U+1EA0-U+1EF9 ("ễ", "ạ", "ỳ"), "ơ" and "ư" and
 * their capitals, the horn, dot below and hook above (U+031B, U+0323,
 * U+0309) of text in NFD.  "ă", "đ", "â", "ê", "ô" and the grave, acute
 * and tilde are not: Romanian, Croatian, French and Portuguese names
 * have them.
 */
static inline int
pg_norm_fold_vi(utf8proc_int32_t cp)
{
    return (cp >= 0x1ea0 && cp <= 0x1ef9) || cp == 0x01a0 || cp == 0x01a1
           || cp == 0x01af || cp == 0x01b0 || cp == 0x031b || cp == 0x0323
           || cp == 0x0309;
}


#endif /* _PG_NORMALIZE_FOLD_H_INCLUDED_ */
