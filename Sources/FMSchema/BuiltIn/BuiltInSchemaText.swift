extension SchemaRegistry {
    /// The text of a built-in schema as its file in `Schemas/` holds it: `entry`, `dataset`,
    /// `config`, or the file name.
    public static func builtInText(_ name: String) -> String? {
        BuiltInSchemas.all.first { $0.name == name || $0.name == name + ".schema.json" }?.text
    }
}
