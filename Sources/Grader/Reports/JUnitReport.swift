// JUnitReport: one <testcase> per check, for CI systems that read JUnit XML.

/// Writes JUnit XML: a `<testsuite>` named after the assignment, one `<testcase>` per check, with
/// `<failure>` for a wrong result, `<error>` for a crash or timeout and `<skipped>` for not implemented.
enum JUnitReport {
    static func render(_ result: GradingResult) -> String {
        let failures = result.checks.filter { $0.status == .fail }.count
        let errors = result.checks.filter { $0.status == .error || $0.status == .timeout }.count
        let skipped = result.checks.filter { $0.status == .notImplemented }.count
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuite name=\"\(escape(result.assignment.id))\" tests=\"\(result.checks.count)\" failures=\"\(failures)\" "
            + "errors=\"\(errors)\" skipped=\"\(skipped)\" time=\"\(result.seconds)\">\n"
        xml += "  <properties><property name=\"seed\" value=\"\(result.seed)\"/>"
            + "<property name=\"score\" value=\"\(result.score)\"/><property name=\"maxScore\" value=\"\(result.maxScore)\"/></properties>\n"
        for check in result.checks {
            xml += "  <testcase classname=\"\(escape(result.assignment.id)).\(escape(check.exercise))\" name=\"\(escape(check.id))\" time=\"\(check.seconds)\">"
            switch check.status {
            case .pass: break
            case .fail: xml += "<failure message=\"\(escape(firstLine(check.message)))\">\(escape(MarkdownReport.feedback(check)))</failure>"
            case .error, .timeout: xml += "<error type=\"\(check.status.rawValue)\" message=\"\(escape(firstLine(check.message)))\">\(escape(check.message))</error>"
            case .notImplemented: xml += "<skipped message=\"not implemented\"/>"
            }
            xml += "</testcase>\n"
        }
        return xml + "</testsuite>\n"
    }

    private static func firstLine(_ text: String) -> String {
        String(text.split(separator: "\n").first ?? "")
    }

    /// XML text escaping, dropping characters XML 1.0 cannot carry (a submission's output may hold any bytes).
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default: if scalar.value >= 0x20 && scalar.value != 0xFFFE && scalar.value != 0xFFFF { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
