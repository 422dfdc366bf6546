// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import Foundation

/// `index.json`: every entry's versions, the active version per environment, and the audit log.
struct RegistryIndex: Codable {
    struct Entry: Codable {
        var kind: RegistryItemKind
        var versions: [VersionRecord] = []
        /// The active version in each environment.
        var environments: [String: Int] = [:]
        /// Per environment, the versions active before the current one, oldest first: rollback pops.
        var history: [String: [Int]] = [:]
    }

    struct VersionRecord: Codable {
        var version: Int
        var hash: String
        var createdAt: Date
        var createdBy: String
        var metadata: [String: String]
        /// The content file, relative to the registry directory.
        var file: String

        enum CodingKeys: String, CodingKey {
            case version, hash, metadata, file
            case createdAt = "created_at"
            case createdBy = "created_by"
        }
    }

    var format = 1
    var entries: [String: Entry] = [:]
    var audit: [AuditEntry] = []

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()
}
