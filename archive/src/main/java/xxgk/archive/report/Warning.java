package xxgk.archive.report;

/** A soft rule that does not hold: worth a look, but real reports often differ here for good reasons. */
public record Warning(String id, String message) {
}
