/// A finding before it is made public: the path is still components, the text has no prefix.
struct RawFinding {
    var path: InstancePath
    var schemaLocation: String
    var keyword: String
    var severity: SchemaFinding.Severity
    var text: String

    var finding: SchemaFinding {
        let readable = path.readable
        return SchemaFinding(instanceLocation: path.jsonPointer, propertyPath: readable, schemaLocation: schemaLocation,
                             keyword: keyword, severity: severity, message: readable.isEmpty ? text : readable + ": " + text)
    }
}
