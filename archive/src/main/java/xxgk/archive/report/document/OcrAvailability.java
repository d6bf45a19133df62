package xxgk.archive.report.document;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Whether Tesseract with Chinese data (chi_sim) is installed, asked once: image-only reports can be read only
 * then, and otherwise are marked as needing OCR rather than left silently empty.
 */
public final class OcrAvailability {

    private static final boolean AVAILABLE = ask();

    private OcrAvailability() {
    }

    public static boolean chineseOcrInstalled() {
        return AVAILABLE;
    }

    private static boolean ask() {
        try {
            Process p = new ProcessBuilder("tesseract", "--list-langs").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor(10, TimeUnit.SECONDS) && out.lines().anyMatch(l -> l.strip().equals("chi_sim"));
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
