package xxgk.archive.catalog;

import java.util.Locale;
import java.util.Optional;

/**
 * One archived document holding a report.
 *
 * @param url         where it was fetched
 * @param sha256      its digest: the key of its bytes in the blob store and of its text
 * @param contentType its type as detected from the bytes (the server's claim only when nothing was detected)
 * @param filename    the file name the server gave, else the URL's last path segment; empty when neither
 */
public record ReportOriginal(String url, String sha256, String contentType, Optional<String> filename) {

    /** The format in a word: PDF, DOC, DOCX, HTML, ZIP, WPS, XLS, XLSX, or the type's subtype in capitals. */
    public String format() {
        String type = contentType.toLowerCase(Locale.ROOT).split(";")[0].strip();
        if (type.contains("html")) {
            return "HTML";
        }
        if (type.equals("application/msword") || type.equals("application/x-tika-msoffice")) {
            return filename.filter(f -> f.toLowerCase(Locale.ROOT).endsWith(".wps")).isPresent() ? "WPS" : "DOC";
        }
        if (type.contains("wordprocessingml")) {
            return "DOCX";
        }
        if (type.contains("spreadsheetml")) {
            return "XLSX";
        }
        if (type.equals("application/vnd.ms-excel")) {
            return "XLS";
        }
        String subtype = type.substring(type.indexOf('/') + 1);
        return subtype.replaceFirst("^(x-|vnd\\.)", "").toUpperCase(Locale.ROOT);
    }
}
