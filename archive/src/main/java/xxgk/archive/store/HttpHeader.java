package xxgk.archive.store;

/** One response header line as received, in order; names keep their case. */
public record HttpHeader(String name, String value) {
}
