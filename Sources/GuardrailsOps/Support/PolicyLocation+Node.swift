// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import Guardrails
import Yams

extension PolicyLocation {
    /// Where `node` starts in `file`; line 1, column 1 when there is no node (an empty or unreadable
    /// document). The YAML documents of this module report their problems this way.
    init(of node: Node?, in file: String) {
        self.init(file: file, line: node?.mark?.line ?? 1, column: node?.mark?.column ?? 1, utf8Offset: 0)
    }
}
