/*
 * Copyright (C) phigate authors
 */


#ifndef PG_OWN_CARE_H
#define PG_OWN_CARE_H


#include <stddef.h>


/*
 * Whether the person named (or aged) just before `end` is said, after
 * it, to receive care of his or her own: the rule that makes a staff
 * member, donor, volunteer or retiree a patient for NAME and AGE.  Read
 * at a finding a staff exception would cancel, never at every word.
 */
int pg_own_care_after(const char *t, size_t len, size_t end);


#endif /* PG_OWN_CARE_H */
