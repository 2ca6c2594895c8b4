#ifndef CLIBXML2_SHIM_H
#define CLIBXML2_SHIM_H
/* Debian builds libxml2 with ICU, and its encoding.h then includes ICU headers whose types clash
   with Foundation's bundled ICU in any module that imports both. edx uses none of libxml2's ICU
   fields (they only appear inside xmlCharEncodingHandler, which is used through pointers), so the
   ICU part of the headers is switched off here. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlmemory.h>

/* xmlFree is a mutable global function pointer in libxml2 2.9; Swift 6 rejects touching it
   directly ("not concurrency-safe"). Every free of libxml2-owned memory goes through here. */
static inline void clibxml2_free(void *ptr) { xmlFree(ptr); }

#endif
