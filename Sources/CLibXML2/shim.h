#ifndef CLIBXML2_SHIM_H
#define CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
/* Debian builds libxml2 with ICU; its ICU headers clash with Foundation's copy
   ("'UErrorCode' has different definitions in different modules"). Only two
   uconv fields at the tail of xmlCharEncodingHandler depend on it and Swift
   never touches that struct. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

/* xmlFree is a global function-pointer variable; Swift 6 rejects reading it as
   shared mutable state, so call it through a C wrapper. */
static inline void clx_free(void *p) { xmlFree(p); }
#endif
