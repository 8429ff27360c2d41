// The only place libxml2 headers are included. Only ScholionXML imports this module.
#ifndef SCHOLION_CLIBXML2_SHIM_H
#define SCHOLION_CLIBXML2_SHIM_H

#include <libxml/xmlversion.h>
// Debian builds libxml2 with ICU, and <libxml/encoding.h> then includes the system's ICU
// headers, whose definitions clash with the ICU that Foundation carries (_FoundationICU).
// Scholion never reads the fields of xmlCharEncodingHandler that depend on ICU (it only
// ever holds pointers to it), so the ICU headers are left out.
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxml/relaxng.h>
#include <libxml/xmlreader.h>

#endif
