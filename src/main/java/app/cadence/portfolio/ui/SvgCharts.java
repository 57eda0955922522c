package app.cadence.portfolio.ui;

import java.util.List;
import java.util.Locale;

/**
 * Small charts drawn on the server as SVG text: no chart library, no front-end build. Every label
 * is escaped here, so the markup never carries anything a user typed as markup.
 */
public final class SvgCharts {

    private static final int WIDTH = 360;
    private static final int HEIGHT = 170;
    private static final int LEFT = 8;
    private static final int BOTTOM = 24;
    private static final int TOP = 16;

    /** One bar or point: its label under the axis, its value, and its colour. */
    public record Bar(String label, long value, String colour) {
    }

    private SvgCharts() {
    }

    /** Vertical bars with their values above them; {@code title} is read out by screen readers. */
    public static String bars(String title, List<Bar> bars) {
        long max = Math.max(1, bars.stream().mapToLong(Bar::value).max().orElse(1));
        double slot = (WIDTH - 2.0 * LEFT) / Math.max(1, bars.size());
        double barWidth = Math.min(48, slot * 0.7);
        StringBuilder svg = open(title);
        // Whole-unit coordinates and the texts' styles set once on their group: every portfolio
        // session keeps this markup, and a 12-bar chart is half the size so.
        StringBuilder values = new StringBuilder(VALUES);
        StringBuilder labels = new StringBuilder(LABELS);
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double height = (HEIGHT - TOP - BOTTOM) * (double) bar.value() / max;
            double x = LEFT + slot * i + (slot - barWidth) / 2;
            double y = HEIGHT - BOTTOM - height;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.0f\" y=\"%.0f\" width=\"%.0f\" height=\"%.0f\" rx=\"3\" fill=\"%s\"><title>%s: %d</title></rect>",
                    x, y, barWidth, height, escape(bar.colour()), escape(bar.label()), bar.value()));
            values.append(String.format(Locale.ROOT, "<text x=\"%.0f\" y=\"%.0f\">%d</text>", x + barWidth / 2, y - 3, bar.value()));
            labels.append(String.format(Locale.ROOT, "<text x=\"%.0f\" y=\"%d\">%s</text>", x + barWidth / 2, HEIGHT - 8, escape(bar.label())));
        }
        return close(svg.append(values).append("</g>").append(labels).append("</g>"));
    }

    /** A line through the points, with the last value marked. */
    public static String line(String title, List<Bar> points, String colour) {
        long max = Math.max(1, points.stream().mapToLong(Bar::value).max().orElse(1));
        double step = (WIDTH - 2.0 * LEFT - 20) / Math.max(1, points.size() - 1);
        StringBuilder path = new StringBuilder();
        StringBuilder svg = open(title);
        StringBuilder labels = new StringBuilder(LABELS);
        for (int i = 0; i < points.size(); i++) {
            Bar point = points.get(i);
            double x = LEFT + 10 + step * i;
            double y = HEIGHT - BOTTOM - (HEIGHT - TOP - BOTTOM) * (double) point.value() / max;
            path.append(i == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.0f %.0f", x, y));
            svg.append(String.format(Locale.ROOT, "<circle cx=\"%.0f\" cy=\"%.0f\" r=\"3\" fill=\"%s\"><title>%s: %d</title></circle>",
                    x, y, escape(colour), escape(point.label()), point.value()));
            if (i % 3 == 0 || i == points.size() - 1) {
                labels.append(String.format(Locale.ROOT, "<text x=\"%.0f\" y=\"%d\">%s</text>", x, HEIGHT - 8, escape(point.label())));
            }
            if (i == points.size() - 1) {
                svg.append(String.format(Locale.ROOT, "<text x=\"%.0f\" y=\"%.0f\" text-anchor=\"end\" font-size=\"11\" fill=\"#333\">%d</text>",
                        x, y - 6, point.value()));
            }
        }
        svg.append(labels).append("</g>");
        svg.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"").append(escape(colour)).append("\" stroke-width=\"2\"/>");
        // The scale: the top of the chart is the largest value.
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#eee\"/>", LEFT, TOP, WIDTH - LEFT, TOP));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"10\" fill=\"#666\">%d</text>", LEFT, TOP - 4, max));
        return close(svg);
    }

    /** The groups the values above the bars and the labels under the axis are written in. */
    private static final String VALUES = "<g text-anchor=\"middle\" font-size=\"11\" fill=\"#333\">";
    private static final String LABELS = "<g text-anchor=\"middle\" font-size=\"10\" fill=\"#666\">";

    private static StringBuilder open(String title) {
        return new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + WIDTH + " " + HEIGHT
                + "\" role=\"img\" aria-label=\"" + escape(title) + "\"><title>" + escape(title) + "</title>"
                + "<line x1=\"" + LEFT + "\" y1=\"" + (HEIGHT - BOTTOM) + "\" x2=\"" + (WIDTH - LEFT) + "\" y2=\"" + (HEIGHT - BOTTOM)
                + "\" stroke=\"#ccc\"/>");
    }

    private static String close(StringBuilder svg) {
        return svg.append("</svg>").toString();
    }

    /** XML text and attribute escaping. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
