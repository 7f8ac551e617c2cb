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


#endif /* _PG_NORMALIZE_FOLD_H_INCLUDED_ */
