package xxgk.archive.report.document;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The ruled table cells of one scanned page, found from the ruling lines of its image: long straight runs of dark
 * pixels, horizontal and vertical. A cell starts under a horizontal rule, between two vertical rules that cross
 * its band, and ends at the next horizontal rule below it across its whole width — so a cell spanning several rows
 * (a block label, a vertical header) is one cell, in the row where it starts, as in an HTML or DOCX table.
 */
final class ScanGrid {

    /** A rectangle of the page image, in pixels. */
    record Box(int left, int top, int right, int bottom) {
        int width() {
            return right - left;
        }

        int height() {
            return bottom - top;
        }
    }

    /** A ruling line: its position across, and its extent along. */
    private record Rule(double position, int from, int to) {
        boolean spans(int a, int b, int slack) {
            return from <= a + slack && to >= b - slack;
        }
    }

    /** Darker than this (0–255) is ink. */
    static final int INK = 160;
    /** Lines this many pixels apart are one line drawn thick; closer cells than this are no cells. */
    private static final int SAME = 4;

    /** The table rows top-down, each its cells left to right. */
    final List<List<Box>> rows = new ArrayList<>();

    private ScanGrid() {
    }

    static ScanGrid of(BufferedImage page) {
        Raster raster = page.getRaster();
        int width = page.getWidth();
        int height = page.getHeight();
        boolean[][] ink = new boolean[height][width];
        int[] pixel = new int[raster.getNumBands()];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                ink[y][x] = raster.getPixel(x, y, pixel)[0] < INK;
            }
        }
        // Longer than any stroke of a character, shorter than any cell border: a row one line of text high has
        // side borders little taller than its characters, while a cell is always wider than two.
        List<Rule> horizontal = rules(ink, height, width, Math.max(40, width / 40), false);
        List<Rule> vertical = rules(ink, width, height, Math.max(30, height / 70), true);
        ScanGrid grid = new ScanGrid();
        List<Double> bands = distinct(horizontal.stream().map(Rule::position).sorted().toList());
        for (int i = 0; i + 1 < bands.size(); i++) {
            int top = (int) Math.round(bands.get(i));
            int next = (int) Math.round(bands.get(i + 1));
            List<Double> borders = distinct(vertical.stream().filter(v -> v.spans(top, next, SAME))
                    .map(Rule::position).sorted().toList());
            List<Box> row = new ArrayList<>();
            for (int j = 0; j + 1 < borders.size(); j++) {
                int left = (int) Math.round(borders.get(j));
                int right = (int) Math.round(borders.get(j + 1));
                boolean startsHere = horizontal.stream().anyMatch(h -> Math.abs(h.position() - top) <= SAME
                        && h.spans(left, right, SAME * 2));
                horizontal.stream().filter(h -> h.position() > top + SAME && h.spans(left, right, SAME * 2))
                        .map(Rule::position).min(Comparator.naturalOrder())
                        .filter(bottom -> startsHere && right - left > SAME * 2)
                        .ifPresent(bottom -> row.add(new Box(left, top, right, (int) Math.round(bottom))));
            }
            if (!row.isEmpty()) {
                grid.rows.add(row);
            }
        }
        return grid;
    }

    /** Runs of ink at least {@code minRule} long along each line of pixels, joined where they touch. */
    private static List<Rule> rules(boolean[][] ink, int lines, int length, int minRule, boolean vertical) {
        List<Rule> rules = new ArrayList<>();
        for (int across = 0; across < lines; across++) {
            int start = -1;
            for (int along = 0; along <= length; along++) {
                boolean dark = along < length && (vertical ? ink[along][across] : ink[across][along]);
                if (dark && start < 0) {
                    start = along;
                } else if (!dark && start >= 0) {
                    if (along - start >= minRule) {
                        add(rules, new Rule(across, start, along - 1));
                    }
                    start = -1;
                }
            }
        }
        return rules;
    }

    /** Adds a run, merged into a rule it continues (the next pixel line of a thick rule, or a gap-free extension). */
    private static void add(List<Rule> rules, Rule run) {
        for (int i = rules.size() - 1; i >= 0; i--) {
            Rule r = rules.get(i);
            if (run.position() - r.position() > SAME) {
                break;
            }
            if (run.from() <= r.to() + SAME && run.to() >= r.from() - SAME) {
                rules.set(i, new Rule((r.position() + run.position()) / 2, Math.min(r.from(), run.from()),
                        Math.max(r.to(), run.to())));
                return;
            }
        }
        rules.add(run);
    }

    private static List<Double> distinct(List<Double> sorted) {
        List<Double> distinct = new ArrayList<>();
        for (double p : sorted) {
            if (distinct.isEmpty() || p - distinct.get(distinct.size() - 1) > SAME) {
                distinct.add(p);
            }
        }
        return distinct;
    }
}
