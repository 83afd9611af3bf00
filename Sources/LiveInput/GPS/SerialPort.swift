import Foundation

/// A serial GNSS receiver (`/dev/ttyUSB0`, `/dev/ttyACM0`) opened raw at a baud rate.
enum SerialPort {
    static func open(path: String, baud: Int) -> Result<Int32, LiveSourceError> {
        guard let speed = speed(baud) else { return .failure(LiveSourceError("\(path): \(baud) baud is not a standard rate")) }
        let descriptor = Glibc.open(path, O_RDONLY | O_NOCTTY | O_NONBLOCK)
        guard descriptor >= 0 else { return .failure(LiveSourceError("\(path): \(String(cString: strerror(errno)))")) }
        var settings = termios()
        guard tcgetattr(descriptor, &settings) == 0 else {
            let problem = "\(path): not a serial device (\(String(cString: strerror(errno))))"
            close(descriptor)
            return .failure(LiveSourceError(problem))
        }
        cfmakeraw(&settings)
        cfsetispeed(&settings, speed)
        cfsetospeed(&settings, speed)
        settings.c_cflag |= tcflag_t(CLOCAL | CREAD)
        guard tcsetattr(descriptor, TCSANOW, &settings) == 0 else {
            let problem = "\(path): cannot set \(baud) baud (\(String(cString: strerror(errno))))"
            close(descriptor)
            return .failure(LiveSourceError(problem))
        }
        return .success(descriptor)
    }

    private static func speed(_ baud: Int) -> speed_t? {
        switch baud {
        case 4800: speed_t(B4800)
        case 9600: speed_t(B9600)
        case 19200: speed_t(B19200)
        case 38400: speed_t(B38400)
        case 57600: speed_t(B57600)
        case 115_200: speed_t(B115200)
        case 230_400: speed_t(B230400)
        case 460_800: speed_t(B460800)
        default: nil
        }
    }
}
