#ifndef ATELIER_CLIBPQ_SHIM_H
#define ATELIER_CLIBPQ_SHIM_H

#include <libpq-fe.h>

/* PG_DIAG_* are character macros, which Swift does not import: name them as constants. */
static const int ATELIER_PG_DIAG_SEVERITY = 'S';
static const int ATELIER_PG_DIAG_SQLSTATE = 'C';
static const int ATELIER_PG_DIAG_MESSAGE_PRIMARY = 'M';
static const int ATELIER_PG_DIAG_MESSAGE_DETAIL = 'D';
static const int ATELIER_PG_DIAG_MESSAGE_HINT = 'H';
static const int ATELIER_PG_DIAG_SCHEMA_NAME = 's';
static const int ATELIER_PG_DIAG_TABLE_NAME = 't';
static const int ATELIER_PG_DIAG_COLUMN_NAME = 'c';
static const int ATELIER_PG_DIAG_CONSTRAINT_NAME = 'n';

#endif
