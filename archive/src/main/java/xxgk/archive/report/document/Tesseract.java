package xxgk.archive.report.document;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Tesseract run on many small images at once — the cells of a scanned table — through its image-list input: one
 * process per batch instead of one per cell (loading the Chinese model costs about 0.3 s a time, and Tika's OCR
 * parser starts one process per image). Its TSV output gives each word's confidence and position.
 */
final class Tesseract {

    /** How an image is recognised: Chinese text, or a number. */
    enum Mode {
        TEXT("-l", "chi_sim", "--psm", "6"),
        // Digits, the decimal point, "/" (printed for "none") and the minus of 本年增/减; as a block, because a
        // long number wraps in a narrow cell ("11" over "3").
        NUMBER("-l", "eng", "--psm", "6", "-c", "tessedit_char_whitelist=0123456789./-");

        private final List<String> arguments;

        Mode(String... arguments) {
            this.arguments = List.of(arguments);
        }
    }

    /** What was read in one image: its text, and the lowest confidence (0–100) of its words, 100 when blank. */
    record Reading(String text, double confidence) {
    }

    /** One line of text read on a page, with the height it stands at. */
    record Line(String text, int top) {
    }

    /** Tesseract spaces out Chinese around digits and between characters; digits among digits keep theirs. */
    private static final Pattern CHINESE_SPACING =
            Pattern.compile("(?<=[\\p{IsHan}\\d，。、：；（）()“”])[ \\t]+(?=[\\p{IsHan}，。、：；（）()“”])"
                    + "|(?<=[\\p{IsHan}，。、：；（）()“”])[ \\t]+(?=\\d)");
    private static final long TIMEOUT_SECONDS = 300;

    private Tesseract() {
    }

    /** Each image read alone, in order. */
    static List<Reading> read(List<BufferedImage> images, Mode mode) throws IOException {
        if (images.isEmpty()) {
            return List.of();
        }
        Map<Integer, List<String[]>> words = run(images, mode);
        List<Reading> readings = new ArrayList<>();
        for (int i = 1; i <= images.size(); i++) {
            List<String[]> found = words.getOrDefault(i, List.of());
            StringBuilder text = new StringBuilder();
            double confidence = 100;
            String line = null;
            for (String[] w : found) {
                String lineId = w[2] + "." + w[3] + "." + w[4];
                text.append(text.length() == 0 ? "" : lineId.equals(line) ? " " : "\n").append(w[11]);
                line = lineId;
                confidence = Math.min(confidence, Double.parseDouble(w[10]));
            }
            readings.add(new Reading(CHINESE_SPACING.matcher(text).replaceAll(""), confidence));
        }
        return readings;
    }

    /** The lines of text of one image (a page with its tables blanked out), top-down. */
    static List<Line> lines(BufferedImage page) throws IOException {
        Map<String, List<String[]>> byLine = new TreeMap<>();
        for (String[] w : run(List.of(page), Mode.TEXT).getOrDefault(1, List.of())) {
            byLine.computeIfAbsent(String.format("%05d.%05d.%05d", Integer.parseInt(w[2]), Integer.parseInt(w[3]),
                    Integer.parseInt(w[4])), k -> new ArrayList<>()).add(w);
        }
        List<Line> lines = new ArrayList<>();
        byLine.values().forEach(ws -> {
            String text = String.join(" ", ws.stream().map(w -> w[11]).toList());
            int top = ws.stream().mapToInt(w -> Integer.parseInt(w[7])).min().orElse(0);
            lines.add(new Line(CHINESE_SPACING.matcher(text).replaceAll(""), top));
        });
        lines.sort(Comparator.comparingInt(Line::top));
        return lines;
    }

    /** The TSV rows of the words found, by image number (from 1). */
    private static Map<Integer, List<String[]>> run(List<BufferedImage> images, Mode mode) throws IOException {
        Path work = Files.createTempDirectory("xxgk-ocr");
        try {
            List<String> list = new ArrayList<>();
            for (int i = 0; i < images.size(); i++) {
                Path image = work.resolve(i + ".png");
                ImageIO.write(images.get(i), "png", image.toFile());
                list.add(image.toString());
            }
            Path listFile = work.resolve("images.txt");
            Files.write(listFile, list, StandardCharsets.UTF_8);
            List<String> command = new ArrayList<>(List.of("tesseract", listFile.toString(), work.resolve("out").toString()));
            command.addAll(mode.arguments);
            command.add("tsv");
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(work.resolve("log").toFile()).start();
            try {
                if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    p.destroyForcibly();
                    throw new IOException("tesseract failed on " + images.size() + " images: " + Files.readString(work.resolve("log")));
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while tesseract ran", e);
            }
            Map<Integer, List<String[]>> words = new TreeMap<>();
            for (String row : Files.readAllLines(work.resolve("out.tsv"), StandardCharsets.UTF_8)) {
                String[] f = row.split("\t", -1);
                // level 5 is a word; page_num counts the images of the list
                if (f.length == 12 && f[0].equals("5") && !f[11].isBlank()) {
                    words.computeIfAbsent(Integer.parseInt(f[1]), k -> new ArrayList<>()).add(f);
                }
            }
            return words;
        } finally {
            try (Stream<Path> files = Files.list(work)) {
                files.forEach(f -> f.toFile().delete());
            } catch (UncheckedIOException ignored) {
                // a temporary file left behind is harmless
            }
            Files.deleteIfExists(work);
        }
    }
}
