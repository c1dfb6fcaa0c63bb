// HTMLPage: escaping and the shared frame (inline style sheet) of labgrade's HTML pages.

/// The pieces both HTML pages share: text escaping, status badges and a self-contained document
/// whose style sheet is inline, so a page opens from a file, a mail attachment or a zip alike.
enum HTMLPage {
    /// `text` safe inside an element or a quoted attribute: `& < > " '` escaped and the characters
    /// XML cannot carry dropped. The JUnit report's XML escaping serves here too: the page's inline
    /// SVG is XML, and `&apos;` is HTML as well.
    static func escape(_ text: String) -> String {
        JUnitReport.escape(text)
    }

    /// At most `limit` characters of `text` in a `<pre>`, with a note saying how much was left out;
    /// `cssClass` `code` keeps lines unwrapped (a compiler's carets stay under their column),
    /// `output` caps the height of long program output.
    static func preformatted(_ text: String, limit: Int, cssClass: String = "message") -> String {
        let open = "<pre class=\"\(cssClass)\">"
        guard text.count > limit else { return "\(open)\(escape(text))</pre>" }
        return "\(open)\(escape(String(text.prefix(limit))))</pre>"
            + "<p class=\"note\">Shown: the first \(limit) of \(text.count) characters.</p>"
    }

    /// A coloured badge for a check status: colour and word only, since symbol glyphs such as ⏱ are
    /// missing from many fonts (headless Chromium on Debian draws an empty box).
    static func badge(_ status: CheckResult.Status) -> String {
        let label: String
        switch status {
        case .pass: label = "pass"
        case .fail: label = "fail"
        case .error: label = "error"
        case .timeout: label = "timeout"
        case .notImplemented: label = "not implemented"
        }
        return "<span class=\"badge \(status.rawValue)\">\(label)</span>"
    }

    /// A horizontal bar filled to `fraction` (0...1), for scores and pass rates.
    static func bar(_ fraction: Double) -> String {
        let percent = fraction.isFinite ? Swift.min(Swift.max(fraction, 0), 1) * 100 : 0
        return "<span class=\"bar\"><span style=\"width: \(String(format: "%.1f", percent))%\"></span></span>"
    }

    /// A whole HTML document titled `title` around `body`.
    static func document(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="labgrade \(LabgradeVersion.current)">
        <title>\(escape(title))</title>
        <style>
        \(style)
        </style>
        </head>
        <body>
        <main>
        \(body)
        </main>
        </body>
        </html>

        """
    }

    private static let style = """
        :root { color-scheme: light; --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --soft: #f6f8fa; }
        * { box-sizing: border-box; }
        body { margin: 0; background: #eef1f4; color: var(--ink);
               font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; }
        main { max-width: 1100px; margin: 0 auto; padding: 24px 32px 48px; background: #fff; min-height: 100vh; }
        h1 { font-size: 1.6em; margin: 0 0 4px; }
        h2 { font-size: 1.25em; margin: 32px 0 12px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
        h3 { font-size: 1.05em; margin: 0; }
        .subtitle, .note { color: var(--muted); }
        .note { font-size: 0.9em; margin: 4px 0; }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 16px 0; }
        dl.facts dt { color: var(--muted); }
        dl.facts dd { margin: 0; }
        .score { font-size: 2.2em; font-weight: 700; margin: 12px 0 4px; }
        table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; }
        th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
        th { background: var(--soft); font-weight: 600; }
        td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        pre { background: var(--soft); border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px;
              overflow-x: auto; white-space: pre-wrap; word-break: break-word; font-size: 0.88em; margin: 8px 0; }
        pre.code { white-space: pre; }
        pre.output { max-height: 30em; overflow: auto; }
        code { font-size: 0.92em; }
        .badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 0.85em; font-weight: 600;
                 white-space: nowrap; color: #fff; background: #6e7781; }
        .badge.pass { background: #1a7f37; } .badge.fail { background: #cf222e; }
        .badge.error { background: #bc4c00; } .badge.timeout { background: #8250df; }
        .badge.not-implemented { background: #8c959f; }
        .bar { display: inline-block; width: 120px; height: 10px; background: #e6e9ed; border-radius: 5px;
               overflow: hidden; vertical-align: middle; margin-right: 8px; }
        .bar > span { display: block; height: 100%; background: #2f81f7; }
        section.check { border: 1px solid var(--line); border-left: 5px solid #8c959f; border-radius: 6px;
                        padding: 12px 16px; margin: 12px 0; }
        section.check.pass { border-left-color: #1a7f37; } section.check.fail { border-left-color: #cf222e; }
        section.check.error { border-left-color: #bc4c00; } section.check.timeout { border-left-color: #8250df; }
        .check-head { display: flex; gap: 12px; align-items: baseline; flex-wrap: wrap; }
        .check-head .points { margin-left: auto; font-weight: 600; white-space: nowrap; }
        .diagnosis { background: #fff8c5; border: 1px solid #e3c86b; border-radius: 6px; padding: 8px 12px; margin: 8px 0; }
        .diagnosis .kind { font-family: ui-monospace, monospace; font-size: 0.85em; color: var(--muted); }
        .banner { background: #ffebe9; border: 1px solid #ff8182; border-radius: 6px; padding: 10px 14px; margin: 12px 0; }
        .charts { display: flex; flex-wrap: wrap; gap: 16px; margin-top: 8px; align-items: flex-start; }
        td.message { white-space: pre-wrap; word-break: break-word; }
        svg.chart { max-width: 100%; height: auto; border: 1px solid var(--line); border-radius: 6px; }
        svg.chart text { font-family: system-ui, "DejaVu Sans", sans-serif; fill: var(--ink); }
        svg.chart .tick { font-size: 11px; fill: var(--muted); }
        svg.chart .label, svg.chart .legend { font-size: 12px; }
        svg.chart .count { font-size: 11px; }
        svg.chart .note { font-size: 12px; fill: #bc4c00; }
        svg.chart .axis { stroke: #59636e; stroke-width: 1; }
        svg.chart .grid { stroke: #e6e9ed; stroke-width: 1; }
        svg.chart .empty { fill: #f6f8fa; stroke: #d1d9e0; stroke-dasharray: 4 4; }
        table.measurements { width: auto; font-size: 0.85em; margin: 8px 0 0; }
        table.measurements th, table.measurements td { padding: 2px 10px; }
        a { color: #0969da; }
        footer { margin-top: 40px; color: var(--muted); font-size: 0.85em; }
        """
}
