package org.enu.cli.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.MeetOrSlice;
import org.jfree.svg.PreserveAspectRatio;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * One plot of a report: drawn once by Java2D code (a JFreeChart, or the maze strip) into an SVG
 * for the page and the file beside it, and into a PNG.
 *
 * @param id      file name without extension, and the page element's id
 * @param title   heading in the page
 * @param caption what the plot shows, in words
 * @param drawing what draws it
 */
public record Figure(String id, String title, String caption, Drawing drawing, int width, int height) {
    /** Draws a plot into an area of a graphics context. */
    public interface Drawing {
        void draw(Graphics2D g, Rectangle2D area);
    }

    public static Figure of(String id, String title, String caption, JFreeChart chart, int width, int height) {
        return new Figure(id, title, caption, chart::draw, width, height);
    }

    /** The SVG element, scaled by the page to its box (viewBox), ids prefixed with the figure's id. */
    public String svg() {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        g.setDefsKeyPrefix(id + "-");
        // two decimals of a pixel are plenty on screen and keep a 6,000-generation curve small
        g.setGeomDoubleConverter(Figure::shortNumber);
        g.setTransformDoubleConverter(Figure::shortNumber);
        drawing.draw(g, new Rectangle2D.Double(0, 0, width, height));
        return g.getSVGElement(id + "-svg", false, new ViewBox(0, 0, width, height), PreserveAspectRatio.XMID_YMID,
                MeetOrSlice.MEET);
    }

    /** A standalone SVG file (XML declaration, namespace and size). */
    public String svgDocument() {
        String element = svg();
        return "<?xml version=\"1.0\"?>\n" + element.replaceFirst("<svg ", "<svg width=\"" + width + "\" height=\""
                + height + "\" ");
    }

    public byte[] png() {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        drawing.draw(g, new Rectangle2D.Double(0, 0, width, height));
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static String shortNumber(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e9) {
            return Long.toString((long) d);
        }
        String s = String.format(Locale.ROOT, "%.2f", d);
        int end = s.length();
        while (s.charAt(end - 1) == '0') {
            end--;
        }
        if (s.charAt(end - 1) == '.') {
            end--;
        }
        return s.substring(0, end);
    }
}
