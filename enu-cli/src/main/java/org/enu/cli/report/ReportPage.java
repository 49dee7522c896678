package org.enu.cli.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The HTML of a report: one self-contained file, its plots inline as SVG, its data inline as JSON,
 * its style and script inline; nothing is fetched when it is opened.
 */
final class ReportPage {
    private final StringBuilder body = new StringBuilder();
    private final List<String[]> toc = new ArrayList<>();
    private final List<Figure> figures = new ArrayList<>();
    private final Map<String, Object> data = new LinkedHashMap<>();
    private final String title;
    private final String filesDir;

    /** @param filesDir where the PNG and SVG files lie, relative to the page (links under each plot) */
    ReportPage(String title, String filesDir) {
        this.title = title;
        this.filesDir = filesDir;
    }

    List<Figure> figures() {
        return figures;
    }

    Map<String, Object> data() {
        return data;
    }

    ReportPage raw(String html) {
        body.append(html).append('\n');
        return this;
    }

    ReportPage section(String id, String heading, String intro) {
        toc.add(new String[] {id, heading});
        body.append("<section id=\"").append(id).append("\">\n<h2>").append(esc(heading)).append("</h2>\n");
        if (intro != null && !intro.isEmpty()) {
            body.append("<p class=\"intro\">").append(esc(intro)).append("</p>\n");
        }
        return this;
    }

    ReportPage end() {
        body.append("</section>\n");
        return this;
    }

    /** A plot: its heading, the SVG inline, the caption in words and links to its PNG and SVG files. */
    ReportPage figure(Figure f) {
        body.append(figureHtml(f, ""));
        return this;
    }

    String figureHtml(Figure f, String extraClass) {
        figures.add(f);
        return "<figure class=\"plot" + extraClass + "\" id=\"fig-" + f.id() + "\" data-plot=\"" + f.id() + "\">\n<h3>"
                + esc(f.title()) + "</h3>\n<div class=\"svg\">" + f.svg() + "</div>\n<figcaption>" + esc(f.caption())
                + " <span class=\"files\"><a href=\"" + esc(filesDir + "/" + f.id()) + ".png\">PNG</a> · <a href=\""
                + esc(filesDir + "/" + f.id()) + ".svg\">SVG</a></span></figcaption>\n</figure>\n";
    }

    /** A table: header cells, then rows of cells (already escaped HTML). */
    ReportPage table(String cls, List<String> header, List<List<String>> rows) {
        body.append("<div class=\"table-wrap\"><table class=\"").append(cls).append("\">\n<thead><tr>");
        for (String h : header) {
            body.append("<th>").append(h).append("</th>");
        }
        body.append("</tr></thead>\n<tbody>\n");
        for (List<String> r : rows) {
            body.append("<tr>");
            for (String c : r) {
                body.append("<td>").append(c).append("</td>");
            }
            body.append("</tr>\n");
        }
        body.append("</tbody></table></div>\n");
        return this;
    }

    String html(String subtitle, String banner, Integer refreshSeconds) {
        StringBuilder h = new StringBuilder(body.length() + 40000);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        h.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        if (refreshSeconds != null) {
            h.append("<meta http-equiv=\"refresh\" content=\"").append(refreshSeconds).append("\">\n");
        }
        h.append("<title>").append(esc(title)).append("</title>\n<style>\n").append(resource("report.css"))
                .append("</style>\n</head>\n<body>\n<header>\n<h1>").append(esc(title)).append("</h1>\n<p class=\"sub\">")
                .append(esc(subtitle)).append("</p>\n");
        if (banner != null) {
            h.append("<p class=\"banner\">").append(esc(banner)).append("</p>\n");
        }
        h.append("<nav>");
        for (String[] t : toc) {
            h.append("<a href=\"#").append(t[0]).append("\">").append(esc(t[1])).append("</a> ");
        }
        h.append("</nav>\n</header>\n<main>\n").append(body).append("</main>\n");
        h.append("<footer>Written by enu report. Every plot is also a PNG and an SVG file in ").append(esc(filesDir))
                .append("/; the data behind the page is in the script element <code>enu-data</code>.</footer>\n");
        h.append("<script type=\"application/json\" id=\"enu-data\">").append(json(data).replace("</", "<\\/"))
                .append("</script>\n<script>\n").append(resource("report.js")).append("</script>\n</body>\n</html>\n");
        return h.toString();
    }

    static String json(Object o) {
        try {
            return new ObjectMapper().writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String resource(String name) {
        try (InputStream in = ReportPage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** A number for a table: 4 significant digits, "—" when it is not a number. */
    static String num(double v) {
        if (!Double.isFinite(v)) {
            return "—";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e7) {
            return Long.toString((long) v);
        }
        double a = Math.abs(v);
        return a >= 1e5 || a < 1e-3 ? String.format(Locale.ROOT, "%.3e", v) : String.format(Locale.ROOT, "%.4g", v);
    }

    static String withError(double v, double se) {
        return Double.isFinite(se) && Double.isFinite(v) ? num(v) + " <span class=\"se\">± " + num(se) + "</span>" : num(v);
    }
}
