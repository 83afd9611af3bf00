import Foundation

/// The status in Prometheus' text exposition format (version 0.0.4).
public enum PrometheusText {
    public static func render(_ status: WatchStatus) -> String {
        var lines: [String] = []
        func metric(_ name: String, _ type: String, _ help: String, _ samples: [(labels: String, value: Double)]) {
            lines.append("# HELP parkscan_watch_\(name) \(help)")
            lines.append("# TYPE parkscan_watch_\(name) \(type)")
            for sample in samples {
                lines.append("parkscan_watch_\(name)\(sample.labels) \(format(sample.value))")
            }
        }
        func perCamera(_ value: (WatchStatus.Camera) -> Double) -> [(labels: String, value: Double)] {
            status.cameras.map { ("{camera=\"\(escape($0.name))\"}", value($0)) }
        }
        metric("frames_captured_total", "counter", "Frames the camera delivered.", perCamera { Double($0.counts.captured) })
        metric("frames_read_total", "counter", "Frames the readers read.", perCamera { Double($0.counts.read) })
        metric("frames_dropped_total", "counter", "Frames dropped on purpose because reading fell behind.",
               perCamera { Double($0.counts.dropped) })
        metric("camera_stalls_total", "counter", "Times a camera waited because no frame could be dropped.",
               perCamera { Double($0.counts.stalls) })
        metric("frames_per_second", "gauge", "Frames read per second.", perCamera { $0.framesPerSecond })
        metric("plates_read_total", "counter", "Plate reads (not cars).", [("", Double(status.platesRead))])
        metric("plates_carried_total", "counter", "Plate reads carried over from a sure track, not read by the OCR.",
               [("", Double(status.platesCarried))])
        metric("sightings_total", "counter", "Sightings decided.", [("", Double(status.sightings))])
        metric("pending_sightings_total", "counter", "First sightings kept pending.", [("", Double(status.pending))])
        metric("cases_total", "counter", "Cases raised for review.", [("", Double(status.cases))])
        metric("unlocated_sightings_total", "counter", "Sightings without a position or zone.", [("", Double(status.unlocated))])
        metric("open_tracks", "gauge", "Cars in view, not decided yet.", [("", Double(status.openTracks))])
        metric("backlog_frames", "gauge", "Frames queued or being read.", [("", Double(status.backlog))])
        metric("resident_memory_bytes", "gauge", "Resident memory of the process.", [("", Double(status.residentBytes))])
        if let gps = status.gps {
            metric("gps_connected", "gauge", "1 while the GPS source is connected.", [("", gps.connected ? 1 : 0)])
            metric("gps_reconnects_total", "counter", "GPS connections re-established.", [("", Double(gps.reconnects))])
            metric("gps_bad_sentences_total", "counter", "NMEA sentences skipped (checksum, fields).",
                   [("", Double(gps.badSentences))])
            if let age = status.gpsFixAge {
                metric("gps_fix_age_seconds", "gauge", "Age of the newest GPS fix.", [("", age)])
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }
}
