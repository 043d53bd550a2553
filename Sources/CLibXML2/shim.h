#ifndef TENDERSCREEN_LIBXML2_SHIM_H
#define TENDERSCREEN_LIBXML2_SHIM_H

#include <libxml/xmlversion.h>
/* Debian's libxml2 is built with ICU, so <libxml/encoding.h> pulls in the system ICU
   headers, which clash with the ICU copy inside Foundation whenever both are imported in
   one Swift module. We never touch the ICU converter fields (they only end
   xmlCharEncodingHandler, which we never dereference), so hide them. */
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>
#include <libxml/dict.h>

/* libxml2 exposes xmlFree as a global function-pointer variable, which Swift 6
   strict concurrency rejects; call it through this wrapper instead. */
static inline void tenderscreen_xml_free(void *pointer) { xmlFree(pointer); }

#endif
