// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

/// Check-digit algorithms of identifiers, so look-alike numbers are not reported.
enum Checksums {
    /// The decimal digits of `text`, ignoring separators; `nil` when another character appears.
    static func digits(_ text: Substring, allowing separators: Set<Character> = [" ", "-", "."]) -> [Int]? {
        var digits: [Int] = []
        // Byte by byte for ASCII, the usual case: `wholeNumberValue` is a Unicode lookup per character.
        if text.hasOneCharacterPerByte {
            digits.reserveCapacity(text.utf8.count)
            for byte in text.utf8 {
                if byte &- 0x30 < 10 {
                    digits.append(Int(byte &- 0x30))
                } else if !separators.contains(Character(Unicode.Scalar(byte))) {
                    return nil
                }
            }
            return digits
        }
        for character in text {
            if let value = character.wholeNumberValue, character.isASCII {
                digits.append(value)
            } else if !separators.contains(character) {
                return nil
            }
        }
        return digits
    }

    /// The characters of `text` that are whole numbers: byte by byte for ASCII, like ``digits(_:allowing:)``.
    static func wholeNumberCount(_ text: Substring) -> Int {
        guard text.hasOneCharacterPerByte else { return text.filter(\.isWholeNumber).count }
        return text.utf8.reduce(0) { $0 + ($1 &- 0x30 < 10 ? 1 : 0) }
    }

    /// Luhn (mod 10): credit cards, Canadian SIN.
    static func luhn(_ digits: [Int]) -> Bool {
        guard !digits.isEmpty else { return false }
        var sum = 0
        for (index, digit) in digits.reversed().enumerated() {
            if index % 2 == 1 {
                let doubled = digit * 2
                sum += doubled > 9 ? doubled - 9 : doubled
            } else {
                sum += digit
            }
        }
        return sum % 10 == 0
    }

    /// ISO 13616 IBAN check: the country's length and mod 97 == 1.
    static func iban(_ text: Substring) -> Bool {
        let compact = text.filter { $0 != " " }.uppercased()
        guard compact.count >= 15, let length = ibanLengths[String(compact.prefix(2))], compact.count == length else {
            return false
        }
        let rearranged = compact.dropFirst(4) + compact.prefix(4)
        var remainder = 0
        for character in rearranged {
            guard let ascii = character.asciiValue else { return false }
            switch ascii {
            case 0x30...0x39: remainder = (remainder * 10 + Int(ascii - 0x30)) % 97
            case 0x41...0x5A: remainder = (remainder * 100 + Int(ascii - 0x41 + 10)) % 97
            default: return false
            }
        }
        return remainder == 1
    }

    /// IBAN lengths by country (ISO 13616 registry).
    static let ibanLengths: [String: Int] = [
        "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22, "BR": 29,
        "BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DK": 18, "DO": 28, "EE": 20, "EG": 29,
        "ES": 24, "FI": 18, "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23, "GL": 18, "GR": 27, "GT": 28,
        "HR": 21, "HU": 28, "IE": 22, "IL": 23, "IQ": 23, "IS": 26, "IT": 27, "JO": 30, "KW": 30, "KZ": 20,
        "LB": 28, "LC": 32, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "LY": 25, "MC": 27, "MD": 24, "ME": 22,
        "MK": 19, "MR": 27, "MT": 31, "MU": 30, "NL": 18, "NO": 15, "PK": 24, "PL": 28, "PS": 29, "PT": 25,
        "QA": 29, "RO": 24, "RS": 22, "SA": 24, "SC": 31, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "ST": 25,
        "SV": 28, "TL": 23, "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20,
    ]

    /// Verhoeff: Indian Aadhaar.
    static func verhoeff(_ digits: [Int]) -> Bool {
        let multiplication: [[Int]] = [
            [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5], [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
            [3, 4, 0, 1, 2, 8, 9, 5, 6, 7], [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
            [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3], [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
            [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
        ]
        let permutation: [[Int]] = [
            [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4], [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
            [8, 9, 1, 6, 0, 4, 3, 5, 2, 7], [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
            [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
        ]
        var check = 0
        for (index, digit) in digits.reversed().enumerated() {
            check = multiplication[check][permutation[index % 8][digit]]
        }
        return check == 0
    }

    /// UK NHS number: mod 11 with weights 10…2; a check value of 10 is never issued.
    static func nhs(_ digits: [Int]) -> Bool {
        guard digits.count == 10 else { return false }
        let sum = zip(digits.prefix(9), (2...10).reversed()).reduce(0) { $0 + $1.0 * $1.1 }
        let check = 11 - sum % 11
        let expected = check == 11 ? 0 : check
        return expected != 10 && expected == digits[9]
    }

    /// German tax id (Steuerliche Identifikationsnummer): ISO 7064 MOD 11,10; first digit not 0; in the
    /// first ten digits one digit appears two or three times and the others at most once.
    static func germanTaxID(_ digits: [Int]) -> Bool {
        guard digits.count == 11, digits[0] != 0 else { return false }
        var counts = [Int](repeating: 0, count: 10)
        for digit in digits.prefix(10) { counts[digit] += 1 }
        let repeated = counts.filter { $0 > 1 }
        guard repeated.count == 1, repeated[0] <= 3 else { return false }
        var product = 10
        for digit in digits.prefix(10) {
            var sum = (digit + product) % 10
            if sum == 0 { sum = 10 }
            product = (sum * 2) % 11
        }
        let check = (11 - product) % 10
        return check == digits[10]
    }

    /// Polish PESEL: weights 1 3 7 9 1 3 7 9 1 3, and a valid birth date.
    static func pesel(_ digits: [Int]) -> Bool {
        guard digits.count == 11 else { return false }
        let weights = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]
        let sum = zip(digits.prefix(10), weights).reduce(0) { $0 + $1.0 * $1.1 }
        guard (10 - sum % 10) % 10 == digits[10] else { return false }
        let month = (digits[2] * 10 + digits[3]) % 20
        let day = digits[4] * 10 + digits[5]
        return (1...12).contains(month) && (1...31).contains(day)
    }

    /// Korean resident registration number: YYMMDD, a gender digit, and the weighted check digit
    /// (numbers issued from October 2020 on have no check digit; they are reported only with a context word).
    static func koreanRRN(_ digits: [Int]) -> Bool {
        guard koreanRRNShape(digits) else { return false }
        let weights = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]
        let sum = zip(digits.prefix(12), weights).reduce(0) { $0 + $1.0 * $1.1 }
        return (11 - sum % 11) % 10 == digits[12]
    }

    /// A Korean RRN's date (YYMMDD) and gender digit are valid.
    static func koreanRRNShape(_ digits: [Int]) -> Bool {
        guard digits.count == 13 else { return false }
        let month = digits[2] * 10 + digits[3]
        let day = digits[4] * 10 + digits[5]
        return (1...12).contains(month) && (1...31).contains(day) && (1...8).contains(digits[6])
    }

    /// Spanish NIF (8 digits + letter) and NIE (X/Y/Z + 7 digits + letter).
    static func spanishID(_ text: Substring) -> Bool {
        let letters = Array("TRWAGMYFPDXBNJZSQVHLCKE")
        let upper = text.uppercased().filter { $0 != "-" && $0 != " " }
        guard upper.count == 9, let check = upper.last else { return false }
        var body = String(upper.dropLast())
        switch body.first {
        case "X": body = "0" + body.dropFirst()
        case "Y": body = "1" + body.dropFirst()
        case "Z": body = "2" + body.dropFirst()
        default: break
        }
        guard let number = Int(body) else { return false }
        return letters[number % 23] == check
    }

    /// Italian codice fiscale: 16 characters with the odd/even check-character tables (omocodia allowed).
    static func italianFiscalCode(_ text: Substring) -> Bool {
        let code = Array(text.uppercased())
        guard code.count == 16 else { return false }
        let odd: [Int] = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23]
        var sum = 0
        for (index, character) in code.prefix(15).enumerated() {
            let value: Int
            if let digit = character.wholeNumberValue, character.isASCII {
                value = digit
            } else if let ascii = character.asciiValue, (0x41...0x5A).contains(ascii) {
                value = Int(ascii - 0x41)
            } else {
                return false
            }
            sum += index % 2 == 0 ? odd[value] : value
        }
        guard let last = code[15].asciiValue else { return false }
        return Int(last) - 0x41 == sum % 26
    }

    /// Shannon entropy of `text` in bits per character.
    static func entropy(_ text: Substring) -> Double {
        var counts: [Character: Int] = [:]
        for character in text { counts[character, default: 0] += 1 }
        let total = Double(text.count)
        guard total > 0 else { return 0 }
        return counts.values.reduce(0) { entropy, count in
            let probability = Double(count) / total
            return entropy - probability * log2(probability)
        }
    }

    private static func log2(_ value: Double) -> Double {
        // log2 without Foundation: ln via the standard library's floating-point methods is not available,
        // so use a short series on the mantissa: value = m * 2^e, m in [1, 2).
        let exponent = Double(value.exponent)
        let mantissa = value.significand
        let y = (mantissa - 1) / (mantissa + 1)
        let y2 = y * y
        var term = y
        var sum = 0.0
        var n = 1.0
        while abs(term) > 1e-12 {
            sum += term / n
            term *= y2
            n += 2
        }
        return exponent + 2 * sum / 0.693_147_180_559_945_3
    }
}

extension Substring {
    /// Whether every character is one ASCII byte, so its properties can be read from the byte: ASCII without
    /// a carriage return, since `"\r\n"` is one character.
    var hasOneCharacterPerByte: Bool { utf8.allSatisfy { $0 < 0x80 && $0 != 0x0D } }
}
