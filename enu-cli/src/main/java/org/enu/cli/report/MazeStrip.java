package org.enu.cli.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Still frames of a T-maze episode side by side, for print: the maze, the agent and its heading,
 * the food and the poison (their colours as the sensors see them), the item just eaten ringed.
 */
final class MazeStrip {
    static final Color WALL = new Color(0x4a4a4a);
    static final Color GREEN = new Color(0x2ca02c);
    static final Color RED = new Color(0xd62728);
    static final Color AGENT = new Color(0x1f4e9c);

    private MazeStrip() {
    }

    /** The frames worth a still: the start, the first meal, the first poison and the choices after it, swaps, the end. */
    static List<Integer> keyFrames(MazeEpisode ep) {
        TreeSet<Integer> pick = new TreeSet<>();
        pick.add(0);
        List<Integer> eats = new ArrayList<>();
        for (int i = 1; i < ep.frames.size(); i++) {
            if (ep.frames.get(i).ateRow() >= 0) {
                eats.add(i);
            }
        }
        if (!eats.isEmpty()) {
            pick.add(eats.get(0));
        }
        int fp = ep.firstPoison();
        if (fp >= 0) {
            pick.add(fp + 1);
            eats.stream().filter(i -> i > fp + 1).limit(2).forEach(pick::add);
        }
        for (int s : ep.swaps) {
            if (pick.size() >= 7) {
                break;
            }
            pick.add(s + 1);
            eats.stream().filter(i -> i > s + 1).findFirst().ifPresent(pick::add);
        }
        eats.stream().filter(i -> pick.size() < 7).forEach(pick::add);
        pick.add(ep.frames.size() - 1);
        List<Integer> out = new ArrayList<>(pick);
        if (out.size() > 8) { // the first seven and the end
            out = new ArrayList<>(out.subList(0, 7));
            out.add(ep.frames.size() - 1);
        }
        return out;
    }

    static Figure.Drawing strip(MazeEpisode ep, List<Integer> frames) {
        return (g, area) -> {
            g.setColor(Color.WHITE);
            g.fill(area);
            double w = area.getWidth() / frames.size();
            double cap = 46;
            double size = Math.min(w - 12, area.getHeight() - cap - 10);
            for (int i = 0; i < frames.size(); i++) {
                MazeEpisode.Frame f = ep.frames.get(frames.get(i));
                double x = area.getX() + i * w + (w - size) / 2;
                double y = area.getY() + 6;
                maze(g, ep, f, new Rectangle2D.Double(x, y, size, size));
                g.setColor(Color.BLACK);
                g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
                String head = f.action() < 0 ? "start" : "action " + (f.action() + 1) + ": " + f.chosen();
                centred(g, head, area.getX() + i * w + w / 2, y + size + 16);
                g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
                String ev = ep.event(f);
                centred(g, ev.isEmpty() ? "food " + f.foods() + ", poison " + f.poisons() : ev,
                        area.getX() + i * w + w / 2, y + size + 31);
            }
        };
    }

    private static void centred(Graphics2D g, String s, double cx, double y) {
        FontMetrics fm = g.getFontMetrics();
        g.drawString(s, (float) (cx - fm.stringWidth(s) / 2.0), (float) y);
    }

    /** One maze frame in a square box. */
    static void maze(Graphics2D g, MazeEpisode ep, MazeEpisode.Frame f, Rectangle2D box) {
        int n = ep.map.length;
        double c = box.getWidth() / n;
        for (int r = 0; r < n; r++) {
            for (int k = 0; k < n; k++) {
                g.setColor(ep.map[r].charAt(k) == '#' ? WALL : Color.WHITE);
                g.fill(new Rectangle2D.Double(box.getX() + k * c, box.getY() + r * c, c + 0.5, c + 0.5));
            }
        }
        item(g, box, c, f.green(), GREEN, ep.poisonIsGreen ? "poison" : "food");
        item(g, box, c, f.red(), RED, ep.poisonIsGreen ? "food" : "poison");
        if (f.ateRow() >= 0) {
            g.setColor(f.reward() > 0 ? new Color(0xf0a000) : Color.BLACK);
            g.setStroke(new BasicStroke((float) Math.max(2, c / 10)));
            g.draw(new Ellipse2D.Double(box.getX() + f.ateCol() * c + c * 0.04, box.getY() + f.ateRow() * c + c * 0.04,
                    c * 0.92, c * 0.92));
        }
        double cx = box.getX() + (f.col() + 0.5) * c;
        double cy = box.getY() + (f.row() + 0.5) * c;
        if (!f.alive()) {
            g.setColor(Color.GRAY);
            g.setStroke(new BasicStroke((float) Math.max(2, c / 8)));
            g.draw(new java.awt.geom.Line2D.Double(cx - c / 3, cy - c / 3, cx + c / 3, cy + c / 3));
            g.draw(new java.awt.geom.Line2D.Double(cx - c / 3, cy + c / 3, cx + c / 3, cy - c / 3));
        } else if (ep.direct) {
            g.setColor(AGENT);
            g.fill(new Ellipse2D.Double(cx - c / 3, cy - c / 3, c * 2 / 3, c * 2 / 3));
        } else {
            double a = f.heading() * Math.PI / 2; // 0 north, clockwise
            Path2D tri = new Path2D.Double();
            tri.moveTo(cx + Math.sin(a) * c * 0.38, cy - Math.cos(a) * c * 0.38);
            tri.lineTo(cx + Math.sin(a + 2.4) * c * 0.32, cy - Math.cos(a + 2.4) * c * 0.32);
            tri.lineTo(cx + Math.sin(a - 2.4) * c * 0.32, cy - Math.cos(a - 2.4) * c * 0.32);
            tri.closePath();
            g.setColor(AGENT);
            g.fill(tri);
        }
        g.setStroke(new BasicStroke(1f));
        g.setColor(Color.GRAY);
        g.draw(box);
    }

    private static void item(Graphics2D g, Rectangle2D box, double c, int[] at, Color colour, String what) {
        if (at == null) {
            return;
        }
        double x = box.getX() + at[1] * c;
        double y = box.getY() + at[0] * c;
        g.setColor(colour);
        g.fill(new Ellipse2D.Double(x + c * 0.22, y + c * 0.1, c * 0.56, c * 0.56));
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, (int) Math.max(8, c * 0.24)));
        FontMetrics fm = g.getFontMetrics();
        g.drawString(what, (float) (x + (c - fm.stringWidth(what)) / 2), (float) (y + c * 0.93));
    }
}
