// Copyright (c) 2026 the swift-guardrails authors. Licensed under Apache-2.0.

package import Foundation
import Synchronization
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A real HTTP/1.1 server on the loopback interface, for testing clients of remote services.
///
/// It listens on `127.0.0.1` on a port the system picks, answers each request with what the handler
/// returns (a handler may block, to hold an answer back), closes every connection after one exchange and
/// records the requests it saw. Tests of ``LanguageModel`` clients use it to play the provider: normal
/// answers, 429 and 500 errors, malformed JSON and answers that come too late.
///
/// The server runs until ``stop()`` (or the end of the process), whether or not anything still refers
/// to it.
package final class StubHTTPServer: Sendable {
    /// A request as the server read it.
    package struct Request: Sendable {
        package var method: String
        package var path: String
        package var headers: [String: String]
        package var body: Data

        /// The value of a header, matched without regard to case.
        package func header(_ name: String) -> String? {
            headers.first { $0.key.caseInsensitiveCompare(name) == .orderedSame }?.value
        }
    }

    /// What the server does with one request.
    package struct Response: Sendable {
        package var status: Int
        package var headers: [String: String]
        package var body: Data

        package init(status: Int = 200, headers: [String: String] = [:], body: Data = Data()) {
            self.status = status
            self.headers = headers
            self.body = body
        }

        /// A JSON answer.
        package static func json(_ text: String, status: Int = 200, headers: [String: String] = [:]) -> Response {
            Response(status: status, headers: headers.merging(["Content-Type": "application/json"]) { $1 }, body: Data(text.utf8))
        }
    }

    /// The port the server listens on.
    package let port: Int
    /// `http://127.0.0.1:PORT/`.
    package var baseURL: URL { URL(string: "http://127.0.0.1:\(port)/")! }

    private let listener: Int32
    private let exchanges: Exchanges

    /// What the accepting and serving threads share.
    private final class Exchanges: Sendable {
        let handler: @Sendable (Request) -> Response
        let received = Mutex<[Request]>([])
        let isStopped = Atomic(false)

        init(handler: @escaping @Sendable (Request) -> Response) { self.handler = handler }
    }

    /// Starts a server that answers every request with `handler`'s response.
    package init(handler: @escaping @Sendable (Request) -> Response) throws {
        let socket = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw StubServerError("socket() failed: errno \(errno)") }
        var yes: Int32 = 1
        setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(socket, 64) == 0 else {
            close(socket)
            throw StubServerError("bind/listen on 127.0.0.1 failed: errno \(errno)")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
        }
        self.listener = socket
        self.port = Int(UInt16(bigEndian: address.sin_port))
        let exchanges = Exchanges(handler: handler)
        self.exchanges = exchanges
        // The accepting thread holds the server until `stop()`, so a server a test no longer refers to
        // after creating its client keeps answering.
        Thread { [self] in withExtendedLifetime(self) { Self.acceptLoop(listener: socket, exchanges: exchanges) } }.start()
    }

    /// Every request received so far, in arrival order.
    package var requests: [Request] { exchanges.received.withLock { $0 } }

    /// Stops accepting connections. Exchanges in progress finish.
    package func stop() {
        // Shut down once; the accepting thread closes the socket when `accept` fails, so the descriptor
        // cannot be reused by another socket while that thread might still call `accept` on it.
        if !exchanges.isStopped.exchange(true, ordering: .acquiringAndReleasing) {
            shutdown(listener, Int32(SHUT_RDWR))
        }
    }


    private static func acceptLoop(listener: Int32, exchanges: Exchanges) {
        while true {
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else {
                if errno == EINTR { continue }
                close(listener)  // shut down by stop()
                return
            }
            Thread { serve(connection, exchanges: exchanges) }.start()
        }
    }

    private static func serve(_ connection: Int32, exchanges: Exchanges) {
        defer { close(connection) }
        guard let request = readRequest(from: connection) else { return }
        exchanges.received.withLock { $0.append(request) }
        let response = exchanges.handler(request)
        var head = "HTTP/1.1 \(response.status) \(reason(response.status))\r\n"
        var headers = response.headers
        headers["Content-Length"] = String(response.body.count)
        headers["Connection"] = "close"
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { head += "\(name): \(value)\r\n" }
        head += "\r\n"
        write(Data(head.utf8) + response.body, to: connection)
    }

    private static func readRequest(from connection: Int32) -> Request? {
        var buffer = Data()
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        let separator = Data("\r\n\r\n".utf8)
        var headerEnd: Range<Data.Index>?
        while headerEnd == nil {
            let count = read(connection, &chunk, chunk.count)
            guard count > 0 else { return nil }
            buffer.append(contentsOf: chunk[0..<count])
            headerEnd = buffer.range(of: separator)
        }
        guard let headerEnd else { return nil }
        let lines = String(decoding: buffer[..<headerEnd.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let requestLine = lines[0].split(separator: " ")
        guard requestLine.count >= 2 else { return nil }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let length = headers.first { $0.key.lowercased() == "content-length" }.flatMap { Int($0.value) } ?? 0
        var body = Data(buffer[headerEnd.upperBound...])
        while body.count < length {
            let count = read(connection, &chunk, min(chunk.count, length - body.count))
            guard count > 0 else { return nil }
            body.append(contentsOf: chunk[0..<count])
        }
        return Request(method: String(requestLine[0]), path: String(requestLine[1]), headers: headers, body: body)
    }

    private static func write(_ data: Data, to connection: Int32) {
        data.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = send(connection, bytes.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL))
                guard written > 0 else { return }
                offset += written
            }
        }
    }

    private static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 503: "Service Unavailable"
        default: "Status"
        }
    }
}

/// The stub server could not start.
package struct StubServerError: Error, CustomStringConvertible {
    package let description: String
    init(_ description: String) { self.description = description }
}
