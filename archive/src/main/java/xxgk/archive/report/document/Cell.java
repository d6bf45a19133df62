package xxgk.archive.report.document;

import xxgk.archive.report.Source;

/** One cell of a document's table, or one paragraph of its prose, with where it stands. */
public record Cell(String text, Source source) {

    public static Cell at(String location, String text) {
        return new Cell(text, new Source(location, text));
    }

    public CellText.Reading reading() {
        return CellText.read(text);
    }
}
