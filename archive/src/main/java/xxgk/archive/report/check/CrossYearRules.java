package xxgk.archive.report.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import xxgk.archive.report.Applicant;
import xxgk.archive.report.ReportFormat;
import xxgk.archive.report.ReportJson;
import xxgk.archive.report.Table3Key;
import xxgk.archive.report.Warning;

/**
 * The soft rules between two consecutive reports of the same agency: this year's 二、上年结转 equals last year's
 * 四、结转下年度继续办理, and 现行有效件数 equals last year's plus 本年制发 minus 本年废止 (fmt2021 only).
 * The caller knows which reports belong to the same agency; this class only compares. It reads reports in their
 * JSON form ({@link ReportJson#toJson}), which is also how parsed reports are stored.
 */
public final class CrossYearRules {

    private static final List<String> DOCUMENT_ITEMS = List.of("规章", "行政规范性文件", "规范性文件");

    private CrossYearRules() {
    }

    /**
     * Warnings for {@code current}, the report of {@code year}, given the same agency's report of the year before,
     * both in their JSON form; the caller has established the years (the catalogue knows them better than a
     * document's own title may say).
     */
    public static List<Warning> consecutive(JsonNode previous, JsonNode current, int year) {
        List<Warning> warnings = new ArrayList<>();
        JsonNode carried = previous.path("tables").path("table3").path(Table3Key.CARRIED_TO_NEXT_YEAR.key());
        JsonNode received = current.path("tables").path("table3").path(Table3Key.CARRIED_FROM_LAST_YEAR.key());
        if (carried.isArray() && received.isArray()) {
            List<String> differences = new ArrayList<>();
            for (Applicant a : Applicant.values()) {
                long before = carried.path(a.ordinal()).asLong();
                long now = received.path(a.ordinal()).asLong();
                if (before != now) {
                    differences.add(a.label() + " " + before + " → " + now);
                }
            }
            if (!differences.isEmpty()) {
                warnings.add(new Warning("carried_over", (year - 1) + " 四 carried over differs from "
                        + year + " 二 carried from last year: " + String.join("; ", differences)));
            }
        }
        if (fmt2021(previous) && fmt2021(current)) {
            for (String item : DOCUMENT_ITEMS) {
                Optional<JsonNode> before = values(previous, item);
                Optional<JsonNode> now = values(current, item);
                if (before.isPresent() && now.isPresent()) {
                    long expected = before.get().get(2).asLong() + now.get().get(0).asLong() - now.get().get(1).asLong();
                    long printed = now.get().get(2).asLong();
                    if (expected != printed) {
                        warnings.add(new Warning("documents_in_force", item + " 现行有效件数 " + printed
                                + " differs from last year's " + before.get().get(2).asLong() + " + 制发 − 废止 = " + expected));
                    }
                }
            }
        }
        return warnings;
    }

    private static boolean fmt2021(JsonNode report) {
        return report.path("format").asText().equals(ReportFormat.FMT2021.id());
    }

    /** The three values (制发, 废止, 现行有效) of a table 二 document item, when printed so. */
    private static Optional<JsonNode> values(JsonNode report, String item) {
        for (JsonNode row : report.path("tables").path("table2")) {
            if (row.path("item").asText().equals(item) && row.path("values").size() == 3) {
                return Optional.of(row.get("values"));
            }
        }
        return Optional.empty();
    }
}
