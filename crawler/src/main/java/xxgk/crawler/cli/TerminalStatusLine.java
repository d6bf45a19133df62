package xxgk.crawler.cli;

import java.io.PrintStream;

import xxgk.crawler.engine.ProgressDisplay;

/**
 * The progress of a crawl on a terminal: one line, redrawn in place with a carriage return (no escape codes), and
 * wiped when the crawl ends so that the summary starts on a clean line.
 */
final class TerminalStatusLine implements ProgressDisplay {

    private final PrintStream out;
    private int shown;

    TerminalStatusLine(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void show(String line) {
        int width = AlignedTable.width(line);
        // Spaces cover what is left of a longer line before; the cursor stays at the line's end.
        out.print("\r" + line + " ".repeat(Math.max(0, shown - width)));
        out.flush();
        shown = width;
    }

    @Override
    public synchronized void done() {
        if (shown > 0) {
            out.print("\r" + " ".repeat(shown) + "\r");
            out.flush();
            shown = 0;
        }
    }
}
