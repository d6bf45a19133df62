package xxgk.archive.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The statute's deadlines over catalogued reports: who is on time, late or missing for a year. */
class DeadlinesTest {

    private static Report report(String site, String agency, int year, String published, String source) {
        return new Report(site + "/" + year + "/" + Integer.toHexString(agency.hashCode()) + published, site, agency, year,
                agency + year + "年政府信息公开工作年度报告", Optional.of(LocalDate.parse(published)), source, "", Optional.empty(),
                List.of(), List.of());
    }

    private static final List<Report> REPORTS = List.of(
            report("hrb", "哈尔滨市人民政府", 2021, "2022-03-05", "page"),
            report("hrb", "哈尔滨市人民政府", 2020, "2021-03-20", "page"),
            report("hrb", "哈尔滨市财政局", 2021, "2022-02-05", "page"),
            report("hrb", "哈尔滨市教育局", 2021, "2022-01-31", "list"),
            report("hrb", "哈尔滨市司法局", 2020, "2021-01-20", "page"),
            report("hrb", "呼兰区人民政府", 2019, "2020-03-01", "document"),
            report("hrb", "哈尔滨市文化局", 2022, "2023-01-10", "page"),
            report("other", "绥芬河市人民政府", 2021, "2022-04-01", "last_modified"));

    @Test
    void aGovernmentHasUntilMarchItsDepartmentsUntilJanuary() {
        List<Deadlines.Entry> entries = Deadlines.of(REPORTS, 2021, Optional.empty());

        // Late and missing first; an agency that only reports from 2022 on is not asked about 2021.
        assertThat(entries).extracting(Deadlines.Entry::status, Deadlines.Entry::site, Deadlines.Entry::agency, e -> e.deadline().toString())
                .containsExactly(
                        tuple(Deadlines.Status.LATE, "hrb", "哈尔滨市财政局", "2022-01-31"),
                        tuple(Deadlines.Status.LATE, "other", "绥芬河市人民政府", "2022-03-31"),
                        tuple(Deadlines.Status.MISSING, "hrb", "呼兰区人民政府", "2022-03-31"),
                        tuple(Deadlines.Status.MISSING, "hrb", "哈尔滨市司法局", "2022-01-31"),
                        tuple(Deadlines.Status.ON_TIME, "hrb", "哈尔滨市人民政府", "2022-03-31"),
                        tuple(Deadlines.Status.ON_TIME, "hrb", "哈尔滨市教育局", "2022-01-31"));
        Deadlines.Entry missing = entries.get(3);
        assertThat(missing.published()).isEmpty();
        assertThat(missing.report()).isEmpty();
        assertThat(missing.toJson().toString()).isEqualTo("{\"agency\":\"哈尔滨市司法局\",\"site\":\"hrb\",\"year\":2021,"
                + "\"status\":\"missing\",\"deadline\":\"2022-01-31\",\"published\":null,\"published_source\":null,\"report\":null}");
        assertThat(entries.get(5).toJson().get("published_source").asText()).isEqualTo("list");
        assertThat(entries.get(5).toJson().get("report").asText()).startsWith("hrb/2021/");
    }

    @Test
    void aDeadlineGivenHoldsForEveryAgency() {
        assertThat(Deadlines.of(REPORTS, 2021, Optional.of(MonthDay.of(2, 10))))
                .filteredOn(e -> e.status() != Deadlines.Status.MISSING)
                .extracting(Deadlines.Entry::agency, Deadlines.Entry::status).containsExactly(
                        tuple("哈尔滨市人民政府", Deadlines.Status.LATE),
                        tuple("绥芬河市人民政府", Deadlines.Status.LATE),
                        tuple("哈尔滨市教育局", Deadlines.Status.ON_TIME),
                        tuple("哈尔滨市财政局", Deadlines.Status.ON_TIME));
    }

    @Test
    void theEarliestOfAnAgencysReportsForTheYearCounts() {
        List<Report> withSupplement = List.of(report("hrb", "哈尔滨市财政局", 2021, "2022-01-20", "page"),
                report("hrb", "哈尔滨市财政局", 2021, "2022-05-10", "page"));
        assertThat(Deadlines.of(withSupplement, 2021, Optional.empty())).singleElement()
                .satisfies(e -> assertThat(e.published()).contains(LocalDate.of(2022, 1, 20)))
                .extracting(Deadlines.Entry::status).isEqualTo(Deadlines.Status.ON_TIME);
    }

    @Test
    void beforeTheRevisedRegulationEveryReportWasDueByMarch() {
        assertThat(Deadlines.statutory("哈尔滨市财政局", 2018)).isEqualTo(LocalDate.of(2019, 3, 31));
        assertThat(Deadlines.statutory("哈尔滨市财政局", 2019)).isEqualTo(LocalDate.of(2020, 1, 31));
        assertThat(Deadlines.statutory("哈尔滨市人民政府办公厅", 2019)).isEqualTo(LocalDate.of(2020, 1, 31));
        assertThat(Deadlines.statutory("哈尔滨市人民政府", 2019)).isEqualTo(LocalDate.of(2020, 3, 31));
    }
}
