import Foundation

/// A plain TCP client connection (POSIX sockets): enough for a line-based NMEA feed.
enum TCPConnection {
    /// A connected socket, or why none could be made (naming host and port).
    static func connect(host: String, port: UInt16, timeout: TimeInterval) -> Result<Int32, LiveSourceError> {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let resolved = getaddrinfo(host, String(port), &hints, &list)
        guard resolved == 0, let first = list else {
            return .failure(LiveSourceError("\(host):\(port): host not found (\(String(cString: gai_strerror(resolved))))"))
        }
        defer { freeaddrinfo(list) }
        var problem = "\(host):\(port): no address"
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let address = entry {
            entry = address.pointee.ai_next
            let descriptor = socket(address.pointee.ai_family, address.pointee.ai_socktype, address.pointee.ai_protocol)
            guard descriptor >= 0 else { continue }
            // Non-blocking connect, so that an unreachable receiver costs `timeout`, not minutes.
            let flags = fcntl(descriptor, F_GETFL)
            _ = fcntl(descriptor, F_SETFL, flags | O_NONBLOCK)
            var result = Glibc.connect(descriptor, address.pointee.ai_addr, address.pointee.ai_addrlen)
            if result < 0 && errno == EINPROGRESS {
                var poller = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
                if poll(&poller, 1, Int32(timeout * 1000)) == 1 {
                    var error: Int32 = 0
                    var length = socklen_t(MemoryLayout<Int32>.size)
                    getsockopt(descriptor, SOL_SOCKET, SO_ERROR, &error, &length)
                    result = error == 0 ? 0 : -1
                    errno = error
                } else {
                    errno = ETIMEDOUT
                }
            }
            if result == 0 {
                _ = fcntl(descriptor, F_SETFL, flags)
                return .success(descriptor)
            }
            problem = "\(host):\(port): \(String(cString: strerror(errno)))"
            close(descriptor)
        }
        return .failure(LiveSourceError(problem))
    }
}
