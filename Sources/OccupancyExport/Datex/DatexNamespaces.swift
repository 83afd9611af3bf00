/// The DATEX II v3 namespaces the parking publications use, as attributes of the root element.
enum DatexNamespaces {
    static let root: KeyValuePairs<String, String> = [
        "xmlns:d2": "http://datex2.eu/schema/3/d2Payload",
        "xmlns:com": "http://datex2.eu/schema/3/common",
        "xmlns:fac": "http://datex2.eu/schema/3/facilities",
        "xmlns:loc": "http://datex2.eu/schema/3/locationReferencing",
        "xmlns:prk": "http://datex2.eu/schema/3/parking",
        "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
    ]

    /// Writes the root `d2:payload` of a publication of `type`, then its common header
    /// (`publicationTime`, `publicationCreator`); the caller writes the rest and closes it.
    static func startPayload(_ xml: inout XMLWriter, type: String, publisher: DatexPublisher, publicationTime: String) {
        var attributes = Array(root.map { ($0.key, $0.value) })
        attributes += [("xsi:type", type), ("lang", publisher.language), ("modelBaseVersion", "3")]
        xml.startElement("d2:payload", attributes)
        xml.element("com:publicationTime", publicationTime)
        xml.start("com:publicationCreator")
        xml.element("com:country", publisher.country)
        xml.element("com:nationalIdentifier", publisher.nationalIdentifier)
        xml.end()
    }

    /// A `com:MultilingualString` with one value.
    static func multilingual(_ xml: inout XMLWriter, _ name: String, _ value: String, language: String) {
        xml.start(name)
        xml.start("com:values")
        // MultilingualStringValueType allows at most 1024 characters.
        xml.element("com:value", String(value.prefix(1024)), ["lang": language])
        xml.end()
        xml.end()
    }
}
