// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

// The build plugin validated these policy files before this code compiled.
print("validated policies: \(ValidatedPolicies.files.count)")
