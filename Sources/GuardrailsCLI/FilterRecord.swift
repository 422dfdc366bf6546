// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

import Foundation
import Guardrails

/// One JSON Lines input record: `{"id": "a1", "text": "...", "direction": "input"}`.
struct FilterRecord: Equatable {
    /// A record id as given: a string or an integer.
    enum ID: Equatable {
        case string(String)
        case integer(Int)
    }

    var id: ID?
    var text: String
    var direction: Direction?

    /// Why a line is not a record. `code` is stable; `message` says how to fix it.
    struct Problem: Error, Equatable {
        var code: String
        var message: String
    }

    /// A field's value, as much of it as a record needs.
    enum FieldValue: Equatable {
        case string(String)
        /// An integral number of magnitude below 9e15.
        case integer(Int)
        case null
        /// Any other value: a boolean, another number, an array or an object.
        case other
    }

    /// Parses one line (without its newline).
    static func parse(_ line: [UInt8]) -> Result<FilterRecord, Problem> {
        guard String(validating: line, as: UTF8.self) != nil else { return .failure(invalidUTF8(line)) }
        if let fields = line.withUnsafeBufferPointer(FlatRecordReader.fields(of:)) { return record(from: fields) }
        return readWithFoundation(line)
    }

    /// Parses one line with `JSONSerialization` only, as ``parse(_:)`` does the lines its fast reader gives
    /// up on.
    static func parseWithFoundation(_ line: [UInt8]) -> Result<FilterRecord, Problem> {
        guard String(validating: line, as: UTF8.self) != nil else { return .failure(invalidUTF8(line)) }
        return readWithFoundation(line)
    }

    /// Reads valid UTF-8 with `JSONSerialization`, which reads any JSON and says what is wrong with a line
    /// that is not.
    private static func readWithFoundation(_ line: [UInt8]) -> Result<FilterRecord, Problem> {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(line), options: [.fragmentsAllowed])
        } catch {
            return .failure(Problem(code: "malformed_json", message: "the line is not valid JSON: \(Self.reason(error))"))
        }
        guard let fields = object as? [String: Any] else {
            return .failure(Problem(code: "invalid_record", message: "a record must be a JSON object with a \"text\" string"))
        }
        return record(from: fields.mapValues(fieldValue))
    }

    private static func invalidUTF8(_ line: [UInt8]) -> Problem {
        let offset = firstInvalidUTF8Offset(line)
        return Problem(
            code: "invalid_utf8", message: "the line is not valid UTF-8 (first invalid byte at offset \(offset))")
    }

    private static func fieldValue(_ value: Any) -> FieldValue {
        switch value {
        case is NSNull: .null
        case let value as String: .string(value)
        case let value as NSNumber where !isBoolean(value) && value.doubleValue == value.doubleValue.rounded()
            && abs(value.doubleValue) < 9e15:
            .integer(value.intValue)
        default: .other
        }
    }

    private static func record(from fields: [String: FieldValue]) -> Result<FilterRecord, Problem> {
        guard let textValue = fields["text"] else {
            return .failure(Problem(code: "missing_text", message: "the record has no \"text\" field"))
        }
        guard case .string(let text) = textValue else {
            return .failure(Problem(code: "invalid_field", message: "\"text\" must be a string"))
        }
        var record = FilterRecord(id: nil, text: text, direction: nil)
        switch fields["id"] {
        case nil, .null: break
        case .string(let value): record.id = .string(value)
        case .integer(let value): record.id = .integer(value)
        case .other:
            return .failure(Problem(code: "invalid_field", message: "\"id\" must be a string or an integer"))
        }
        switch fields["direction"] {
        case nil, .null: break
        case .string(let value):
            guard let direction = Direction(rawValue: value) else {
                return .failure(
                    Problem(code: "invalid_field", message: "\"direction\" must be \"input\" or \"output\", found \"\(value)\""))
            }
            record.direction = direction
        case .integer, .other:
            return .failure(Problem(code: "invalid_field", message: "\"direction\" must be \"input\" or \"output\""))
        }
        return .success(record)
    }

    private static func isBoolean(_ number: NSNumber) -> Bool {
        String(cString: number.objCType) == "c" || type(of: number) == type(of: NSNumber(value: true))
    }

    private static func reason(_ error: any Error) -> String {
        let description = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
        return description ?? "\(error)"
    }

    private static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while case .valid(let scalar) = parser.parseScalar(from: &iterator) { offset += scalar.count }
        return offset
    }
}
