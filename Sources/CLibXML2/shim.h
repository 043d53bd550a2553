#ifndef TENDERSCREEN_LIBXML2_SHIM_H
#define TENDERSCREEN_LIBXML2_SHIM_H

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>
#include <libxml/dict.h>

/* libxml2 exposes xmlFree as a global function-pointer variable, which Swift 6
   strict concurrency rejects; call it through this wrapper instead. */
static inline void tenderscreen_xml_free(void *pointer) { xmlFree(pointer); }

#endif
