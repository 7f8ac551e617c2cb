/*
 * Copyright (C) phigate authors
 *
 * Common includes for the cmocka unit tests.
 */

#ifndef _PG_UNIT_H_INCLUDED_
#define _PG_UNIT_H_INCLUDED_


#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>


#endif /* _PG_UNIT_H_INCLUDED_ */
