import ArgumentParser

/// `parkscan occupancy ...`: the parking occupancy the scans counted, for traffic control.
struct Occupancy: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export the occupancy per zone: DATEX II v3, GeoJSON, CSV.",
        subcommands: [OccupancyExportCommand.self]
    )
}
