/// A view model as the templates read it: structs become dictionaries, arrays arrays, nil
/// leaves its key out (Mustache reads a missing key as it reads nil). swift-mustache would
/// otherwise walk each struct with a Mirror at every name it looks up, copying every field each
/// time: reflected once here, the workshop page renders several times faster.
enum TemplateValues {
    static func tree(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            return mirror.children.first.flatMap { tree($0.value) }
        case .struct, .class:
            var fields: [String: Any] = [:]
            for child in mirror.children {
                if let label = child.label, let field = tree(child.value) { fields[label] = field }
            }
            return fields
        case .collection:
            return mirror.children.compactMap { tree($0.value) }
        default:
            return value
        }
    }
}
