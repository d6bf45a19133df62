package xxgk.archive.report;

/**
 * Where a value was read: a location a reader can find in the original (a page, a table cell, a line)
 * and the text that stood there, so that every number can be checked against the document.
 */
public record Source(String location, String text) {

    @Override
    public String toString() {
        return location + ": " + text;
    }
}
