package xxgk.archive.text;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import xxgk.archive.report.ParsedReport;
import xxgk.archive.report.ReportParser;

/**
 * Hostile originals, made on the spot (a megabyte or so on disk), and a reader of them meant to run in a JVM with a
 * small heap: it prints, per file, how text extraction and the report parser ended.
 */
public final class HostileDocuments {

    private HostileDocuments() {
    }

    /** A ZIP whose one text member inflates to {@code megabytes} MB of the same byte. */
    public static Path ratioBomb(Path file, int megabytes) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("2023年政府信息公开工作年度报告.txt"));
            byte[] block = new byte[1 << 20];
            Arrays.fill(block, (byte) 'a');
            for (int i = 0; i < megabytes; i++) {
                zip.write(block);
            }
            zip.closeEntry();
        }
        return file;
    }

    /** ZIPs within ZIPs, {@code depth} deep, a small text at the bottom. */
    public static Path nestedZips(Path file, int depth) throws IOException {
        byte[] inner = "2023年政府信息公开工作年度报告".getBytes(StandardCharsets.UTF_8);
        String name = "report.txt";
        for (int level = 0; level < depth; level++) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(inner);
                zip.closeEntry();
            }
            inner = bytes.toByteArray();
            name = "level" + level + ".zip";
        }
        return Files.write(file, inner);
    }

    /** Prints "file text-status parse-outcome" per file; run with a small -Xmx to show the work is bounded. */
    public static void main(String[] args) throws Exception {
        ReportParser parser = new ReportParser();
        try (TextExtractor extractor = new TextExtractor()) {
            for (String arg : args) {
                Path file = Path.of(arg);
                Extraction text = extractor.extract(file, file.getFileName().toString());
                String parse;
                try {
                    ParsedReport report = parser.parse(file);
                    parse = report.notes().stream().anyMatch(n -> n.contains("BOMB")) ? "BOMB" : "parsed";
                } catch (IOException e) {
                    parse = "error";
                }
                System.out.println(file.getFileName() + " " + text.status() + " " + parse);
            }
        }
        OutputStream out = System.out;
        out.flush();
    }
}
