package xxgk.crawler.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Option;
import xxgk.archive.Archive;
import xxgk.archive.catalog.ChangeListing;
import xxgk.archive.catalog.ChangedCells;
import xxgk.archive.catalog.ReportChange;
import xxgk.archive.retrieval.RequestedTime;

@Command(name = "changes", description = "The change log of the reports, oldest first: new, changed, removed and restored reports as the crawls saw them.")
final class ChangesCommand implements Callable<Integer> {

    @Option(names = "--since", paramLabel = "TIME", description = "Only changes seen from TIME on (a date, a date and time, or a Wayback timestamp; its start).")
    String since;

    @Option(names = "--site", paramLabel = "ID", description = "Only this site's changes.")
    String site;

    @Option(names = "--json", description = "One JSON object per line: kind, report, agency, year, site, url, at, run; "
            + "for changed also old_sha256, new_sha256 and cells [{cell, old, new}].")
    boolean json;

    @Mixin
    ZoneOption zone;

    @ParentCommand
    Xxgk xxgk;

    @Override
    public Integer call() {
        Optional<Instant> from = Optional.ofNullable(since).map(t -> RequestedTime.parse(t, zone.zone()).start());
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (Archive store = xxgk.global.openToRead()) {
            ArchivedSites.require(store, site);
            for (ChangeListing.Listed c : ChangeListing.of(store.catalog(), store.parses(), from, Optional.ofNullable(site))) {
                out.println(json ? c.toJson().toString() : line(c.change(), c.cells()));
            }
        }
        return 0;
    }

    private static String line(ReportChange c, List<ChangedCells.CellChange> cells) {
        String what = c.kind() != ReportChange.Kind.CHANGED ? ""
                : "  " + cells.size() + " cells: " + cells.stream().limit(5).map(x -> x.cell() + " " + x.oldValue() + "→" + x.newValue())
                        .collect(Collectors.joining(", ")) + (cells.size() > 5 ? ", …" : "");
        return String.format(Locale.ROOT, "%s  %-8s %d  %s  %s  %s%s", c.at(), c.kind().name().toLowerCase(Locale.ROOT), c.year(),
                c.agency(), c.report(), c.url(), what);
    }
}
