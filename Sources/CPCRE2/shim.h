// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.
#ifndef GUARDRAILS_CPCRE2_SHIM_H
#define GUARDRAILS_CPCRE2_SHIM_H

// Selects the 8-bit code unit API: pcre2_compile_8, pcre2_match_8, ...
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#endif
