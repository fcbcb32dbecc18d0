package org.formcoach.cli.report;

/** The report's inline style sheet: system fonts only, readable on screen, compact and in colour on paper. */
final class ReportStyle {
    private ReportStyle() {
    }

    static final String CSS = """
            :root { --ink: #1d2329; --muted: #5b6670; --rule: #d5dbe0; --warn: #c98a00; --fault: #b03a2e; }
            * { box-sizing: border-box; }
            body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
                   color: var(--ink); max-width: 980px; margin: 24px auto; padding: 0 16px; }
            h1 { font-size: 26px; margin: 0 0 8px; }
            h2 { font-size: 20px; margin: 28px 0 6px; border-bottom: 2px solid var(--rule); padding-bottom: 3px; }
            h3 { font-size: 16px; margin: 18px 0 6px; }
            .when { font-weight: normal; color: var(--muted); font-size: 15px; }
            .verdict { font-size: 16px; margin: 6px 0 10px; }
            table { border-collapse: collapse; margin: 4px 0 10px; }
            table.facts th { text-align: left; padding: 2px 16px 2px 0; color: var(--muted); font-weight: 600;
                             vertical-align: top; }
            table.facts td { padding: 2px 0; }
            table.data { width: 100%; font-size: 14px; }
            table.data th, table.data td { border-bottom: 1px solid var(--rule); padding: 3px 8px; text-align: left; }
            table.data th { background: #f2f4f6; font-weight: 600; }
            table.data td:first-child { white-space: nowrap; }
            tr.faulty td:last-child, tr.fault td:nth-child(2) { color: var(--fault); font-weight: 600; }
            tr.good td:last-child { color: #2e7d32; }
            tr.warn td:nth-child(2) { color: var(--warn); font-weight: 600; }
            .howto { background: #f6f8fa; border: 1px solid var(--rule); border-radius: 6px; padding: 4px 16px;
                     margin: 18px 0; font-size: 14px; }
            .howto h2 { border: 0; font-size: 16px; margin: 8px 0 2px; }
            .howto ul { margin: 4px 0 8px; padding-left: 18px; }
            .key { padding: 0 4px; border-radius: 3px; }
            .key.warn { background: rgba(246, 195, 67, 0.45); }
            .key.fault { background: rgba(228, 87, 46, 0.35); }
            figure { margin: 8px 0; }
            .chart { width: 100%; height: auto; display: block; margin: 4px 0 10px; }
            .chart text { font: 11px system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; }
            .chart .tick, .chart .lane, .chart .caption { fill: var(--muted); }
            .chart .caption { font-weight: 600; }
            .chart .legend { fill: var(--ink); }
            .chart .span-label { fill: #3a5a74; font-size: 10px; }
            .chart .bar-label { fill: #1d2329; font-size: 10px; }
            .plot-bg { fill: #fff; stroke: #b8c0c7; }
            .grid { stroke: #eceff1; }
            .zero { stroke: #9aa5ae; }
            path.s-incl, path.s-lat, path.s-lumbar, path.s-value { fill: none; stroke-width: 1.5;
                   stroke-linejoin: round; }
            path.s-incl { stroke: #1f4e79; } rect.s-incl { fill: #1f4e79; }
            path.s-lat { stroke: #8e5ea2; } rect.s-lat { fill: #8e5ea2; }
            path.s-lumbar { stroke: #2a9d8f; } rect.s-lumbar { fill: #2a9d8f; }
            path.s-value { stroke: #1d2329; } rect.s-value { fill: #1d2329; }
            .band-warn { fill: #f6c343; fill-opacity: 0.38; }
            .band-fault { fill: #e4572e; fill-opacity: 0.28; }
            .span-rep { fill: #9ecae1; fill-opacity: 0.25; }
            .span-rep.faulty { fill: #f4a582; fill-opacity: 0.3; }
            .span-hold { fill: #a1d99b; fill-opacity: 0.3; }
            .mark-warn line, .mark-fault line { stroke-width: 1.2; stroke-dasharray: 3 2; }
            .mark-warn line { stroke: var(--warn); } .mark-warn path { fill: var(--warn); }
            .mark-fault line { stroke: var(--fault); } .mark-fault path { fill: var(--fault); }
            .bar-good { fill: #74c476; } .bar-faulty { fill: #e4572e; } .bar-hold { fill: #a1d99b; }
            .bar-warn { fill: #f6c343; } .bar-fault { fill: #e4572e; }
            ul.notes li { margin: 2px 0; }
            footer { margin-top: 32px; color: var(--muted); font-size: 13px; border-top: 1px solid var(--rule);
                     padding-top: 6px; }
            @media print {
              body { font-size: 10.5pt; max-width: none; margin: 0; padding: 0; }
              * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
              a { color: inherit; text-decoration: none; }
              h2, h3 { break-after: avoid; }
              table, .chart, .howto { break-inside: avoid; }
              section { break-before: page; }
            }
            @page { margin: 14mm; }
            """;
}
