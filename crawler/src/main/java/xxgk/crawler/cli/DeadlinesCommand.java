package xxgk.crawler.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Option;
import xxgk.archive.Archive;
import xxgk.archive.catalog.Deadlines;

@Command(name = "deadlines", description = "For a report year, every agency that has reported before, and whether its report "
        + "was published by the statutory deadline (条例第四十九条): on_time, late or missing.")
final class DeadlinesCommand implements Callable<Integer> {

    @Option(names = "--year", paramLabel = "Y", required = true, description = "The year the reports cover.")
    int year;

    @Option(names = "--site", paramLabel = "ID", description = "Only this site's agencies.")
    String site;

    @Option(names = "--deadline", paramLabel = "MM-DD", description = "This deadline (in Y+1) for every agency instead of the "
            + "statute's: 03-31 for a people's government's own report, 01-31 for every other body.")
    String deadline;

    @Option(names = "--json", description = "One JSON object per line: agency, site, year, status, deadline, published, "
            + "published_source, report.")
    boolean json;

    @ParentCommand
    Xxgk xxgk;

    @Override
    public Integer call() {
        Optional<MonthDay> override = Optional.ofNullable(deadline).map(DeadlinesCommand::monthDay);
        List<Deadlines.Entry> entries;
        try (Archive store = xxgk.global.openToRead()) {
            ArchivedSites.require(store, site);
            entries = Deadlines.of(store.catalog().reports(Optional.ofNullable(site), OptionalInt.empty()), year, override);
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        AlignedTable table = new AlignedTable("STATUS", "DEADLINE", "PUBLISHED", "SOURCE", "SITE", "AGENCY", "REPORT");
        for (Deadlines.Entry e : entries) {
            if (json) {
                out.println(e.toJson().toString());
            } else {
                table.add(e.status().word(), e.deadline(), e.published().map(LocalDate::toString).orElse("-"),
                        e.publishedSource().isEmpty() ? "-" : e.publishedSource(), e.site(), e.agency(), e.report().orElse("-"));
            }
        }
        table.print(out);
        return 0;
    }

    private static MonthDay monthDay(String text) {
        try {
            return MonthDay.parse("--" + text);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("--deadline " + text + ": not a month and day as MM-DD (e.g. 03-31)");
        }
    }
}
