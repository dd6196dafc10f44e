using System.Net;
using System.Text;

namespace Simulation.Reporting;

/// <summary>
/// A self-contained HTML page: inline CSS, charts embedded as SVG images (data URIs, so that their internal ids
/// cannot clash), no scripts or fonts from the network. Readable on a phone, printable.
/// </summary>
public sealed class HtmlReport
{
    private readonly StringBuilder _body = new();
    private readonly string _title;
    private int _figures;

    /// <summary>Starts a page titled <paramref name="title"/>.</summary>
    public HtmlReport(string title) => _title = title;

    /// <summary>Number of charts added.</summary>
    public int Figures => _figures;

    /// <summary>A top-level heading with an optional subtitle line.</summary>
    public HtmlReport Header(string heading, string? subtitle)
    {
        _body.Append("<header><h1>").Append(Encode(heading)).Append("</h1>");
        if (!string.IsNullOrWhiteSpace(subtitle))
        {
            _body.Append("<p class=\"subtitle\">").Append(Encode(subtitle)).Append("</p>");
        }
        _body.Append("</header>\n");
        return this;
    }

    /// <summary>A section heading.</summary>
    public HtmlReport Section(string heading)
    {
        _body.Append("<h2>").Append(Encode(heading)).Append("</h2>\n");
        return this;
    }

    /// <summary>A paragraph of plain text.</summary>
    public HtmlReport Paragraph(string text, string? cssClass = null)
    {
        _body.Append(cssClass is null ? "<p>" : $"<p class=\"{cssClass}\">").Append(Encode(text)).Append("</p>\n");
        return this;
    }

    /// <summary>A bulleted list of plain-text items.</summary>
    public HtmlReport List(IEnumerable<string> items, string? cssClass = null)
    {
        _body.Append(cssClass is null ? "<ul>" : $"<ul class=\"{cssClass}\">");
        foreach (string item in items)
        {
            _body.Append("<li>").Append(Encode(item)).Append("</li>");
        }
        _body.Append("</ul>\n");
        return this;
    }

    /// <summary>A table; columns after the first are right-aligned numbers unless <paramref name="textColumns"/> says otherwise.</summary>
    public HtmlReport Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, int textColumns = 1, string? caption = null)
    {
        // The caption sits outside the scrolling box, so that it wraps to the page, not to a table wider than a phone.
        if (caption is not null)
        {
            _body.Append("<p class=\"caption\">").Append(Encode(caption)).Append("</p>");
        }
        // Three columns or more become one card per row on a phone (each value beside its column's name): a table
        // scrolled sideways shows only its first column there.
        _body.Append(header.Count >= 3 ? "<div class=\"table\"><table class=\"stack\">" : "<div class=\"table\"><table>");
        _body.Append("<thead><tr>");
        for (int i = 0; i < header.Count; i++)
        {
            _body.Append(i < textColumns ? "<th>" : "<th class=\"num\">").Append(Encode(header[i])).Append("</th>");
        }
        _body.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            _body.Append("<tr>");
            for (int i = 0; i < row.Count; i++)
            {
                _body.Append(i < textColumns ? "<td" : "<td class=\"num\"");
                if (i < header.Count)
                {
                    _body.Append(" data-label=\"").Append(Encode(header[i])).Append('"');
                }
                _body.Append('>').Append(Encode(row[i])).Append("</td>");
            }
            _body.Append("</tr>");
        }
        _body.Append("</tbody></table></div>\n");
        return this;
    }

    /// <summary>A chart drawn for wide screens and again, narrower, for phones (the browser picks one), with its caption.</summary>
    public HtmlReport Figure(Simulation.Plotting.RenderedChart chart) => chart.OnlyZeroTitle is { } title
        ? Paragraph($"{title}: 0 in every run and month, so not drawn here ({chart.FileName}).", "note")
        : Figure(chart.Svg, chart.Caption, chart.NarrowSvg);

    /// <summary>Charts in order, each as <see cref="Figure(Simulation.Plotting.RenderedChart)"/> shows it.</summary>
    /// <remarks>A chart with nothing but 0 in every run and month is named in one line at the end, not drawn.</remarks>
    public HtmlReport Charts(IEnumerable<Simulation.Plotting.RenderedChart> charts)
    {
        var onlyZero = new List<string>();
        foreach (var chart in charts)
        {
            if (chart.OnlyZeroTitle is { } title)
            {
                onlyZero.Add($"{title} ({chart.FileName})");
                continue;
            }
            Figure(chart);
        }
        if (onlyZero.Count > 0)
        {
            Paragraph($"Not drawn here, being 0 in every run and month: {string.Join("; ", onlyZero)}.", "note");
        }
        return this;
    }

    /// <summary>A chart from SVG text, with a caption; <paramref name="narrowSvg"/>, when given, is shown on screens under 40rem.</summary>
    public HtmlReport Figure(string svg, string caption, string? narrowSvg = null)
    {
        _figures++;
        _body.Append("<figure>");
        if (narrowSvg is not null)
        {
            _body.Append("<picture><source media=\"(max-width: 40rem)\" srcset=\"").Append(DataUri(narrowSvg)).Append("\">");
        }
        _body.Append("<img class=\"plot\" alt=\"").Append(Encode(caption)).Append("\" src=\"").Append(DataUri(svg)).Append("\">");
        if (narrowSvg is not null)
        {
            _body.Append("</picture>");
        }
        _body.Append("<figcaption>").Append(Encode(caption)).Append("</figcaption></figure>\n");
        return this;
    }

    private static string DataUri(string svg) => "data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(svg));

    /// <summary>The whole page.</summary>
    public string Render()
    {
        var page = new StringBuilder();
        page.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta name=\"generator\" content=\"laborsim\">\n")
            .Append("<title>").Append(Encode(_title)).Append("</title>\n<style>\n").Append(Css).Append("</style>\n</head>\n<body>\n<main>\n")
            .Append(_body)
            .Append("</main>\n<script>\n").Append(Script).Append("</script>\n</body>\n</html>\n");
        return page.ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private const string Css = """
        :root { --ink: #1d2430; --muted: #5b6574; --rule: #d9dee5; --accent: #1f5a96; --band: #f4f6f9; }
        * { box-sizing: border-box; }
        body { margin: 0; color: var(--ink); background: #fff; font: 16px/1.55 "DejaVu Sans", "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
        main { max-width: 62rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
        header { border-bottom: 3px solid var(--accent); margin-bottom: 1.5rem; }
        h1 { font-size: 1.9rem; margin: 0 0 .3rem; line-height: 1.2; }
        h2 { font-size: 1.3rem; margin: 2.2rem 0 .6rem; padding-bottom: .2rem; border-bottom: 1px solid var(--rule); }
        .subtitle { color: var(--muted); margin: 0 0 1rem; }
        .headline { font-size: 1.08rem; }
        .headline li { margin: .35rem 0; }
        .meta, .note { color: var(--muted); font-size: .92rem; }
        .table { overflow-x: auto; margin: .8rem 0; }
        table { border-collapse: collapse; width: 100%; font-size: .92rem; }
        .caption { color: var(--muted); font-size: .92rem; margin: .8rem 0 .2rem; }
        li, p { overflow-wrap: anywhere; }
        th, td { padding: .35rem .6rem; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
        th { background: var(--band); font-weight: 600; }
        .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        figure { margin: 1.2rem 0; }
        img.plot { width: 100%; height: auto; display: block; border: 1px solid var(--rule); }
        figcaption { color: var(--muted); font-size: .9rem; margin-top: .3rem; }
        @media (max-width: 40rem) { body { font-size: 15px; } h1 { font-size: 1.5rem; } th, td { padding: .3rem .4rem; overflow-wrap: anywhere; } th.num { white-space: normal; } }
        @media (max-width: 40rem) {
          table.stack, table.stack tbody, table.stack tr, table.stack td { display: block; width: 100%; }
          table.stack thead { display: none; }
          table.stack tr { border-bottom: 1px solid var(--rule); padding: .35rem 0; }
          table.stack td { border: none; padding: .05rem .4rem; text-align: left; white-space: normal; overflow-wrap: anywhere; }
          table.stack td:first-child { font-weight: 600; }
          table.stack td[data-label]::before { content: attr(data-label) ": "; color: var(--muted); }
          table.stack td:empty { display: none; }
        }
        @media print { main { max-width: none; padding: 0; } figure, table { break-inside: avoid; } h2 { break-after: avoid; } }

        """;

    // Marks the page once every chart has decoded, so an automated browser check can see that all are visible.
    private const string Script = """
        window.addEventListener("load", function () {
          var images = Array.prototype.slice.call(document.querySelectorAll("img.plot"));
          var visible = images.filter(function (img) {
            var box = img.getBoundingClientRect();
            return img.complete && img.naturalWidth > 0 && box.width > 0 && box.height > 0;
          });
          document.documentElement.setAttribute("data-plots", String(images.length));
          document.documentElement.setAttribute("data-plots-visible", String(visible.length));
          // The smallest text of any chart as it appears on this screen, in CSS pixels: font size in the SVG drawn, times
          // the shrink from the SVG's own width to the width shown.
          var smallest = Infinity;
          visible.forEach(function (img) {
            var source = img.currentSrc || img.src;
            var svg = atob(source.substring(source.indexOf(",") + 1));
            var sizes = svg.match(/font-size[=:]\s*"?[0-9.]+/g) || [];
            sizes.forEach(function (size) {
              var px = parseFloat(size.replace(/[^0-9.]/g, "")) * img.clientWidth / img.naturalWidth;
              if (px < smallest) { smallest = px; }
            });
          });
          if (smallest < Infinity) {
            document.documentElement.setAttribute("data-chart-text-px", smallest.toFixed(1));
          }
          var tables = Array.prototype.slice.call(document.querySelectorAll(".table"));
          var clipped = tables.filter(function (t) { return getComputedStyle(t).overflowX !== "auto" && t.scrollWidth > t.clientWidth; });
          document.documentElement.setAttribute("data-tables-clipped", String(clipped.length));
          // Tables that must be scrolled sideways to be read: none is wanted on a phone.
          var scrolling = tables.filter(function (t) { return t.scrollWidth > t.clientWidth + 1; });
          document.documentElement.setAttribute("data-tables-scrolling", String(scrolling.length));
        });

        """;
}
