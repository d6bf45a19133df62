package xxgk.crawler.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import xxgk.archive.Archive;
import xxgk.archive.ArchiveException;
import xxgk.archive.store.CrawlProblem;
import xxgk.archive.store.CrawlRun;
import xxgk.archive.store.SiteTally;
import xxgk.crawler.engine.CrawlLock;
import xxgk.crawler.engine.Sizes;

@Command(name = "runs", description = "List crawl runs, or show one run's counts and problems.")
final class RunsCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PROBLEMS_SHOWN = 20;

    @Parameters(paramLabel = "RUN", arity = "0..1", description = "A run id: show its counts per site and its problems.")
    String run;

    @Option(names = "--problems", description = "With RUN: list every problem recorded (default: the first " + PROBLEMS_SHOWN + ").")
    boolean allProblems;

    @Option(names = "--json", description = "One JSON object per run: id, status, started_at, ended_at, phase, interrupted_at, "
            + "catalogue_rebuilt_at, sites, tallies per site, problem_count; with RUN also its problems.")
    boolean json;

    @ParentCommand
    Xxgk xxgk;

    @Override
    public Integer call() throws JsonProcessingException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (Archive store = xxgk.global.openToRead()) {
            CrawlLock.noticeInterrupted(store, xxgk.global.location().dataDir());
            if (run == null) {
                AlignedTable table = new AlignedTable("RUN", "STATUS", "STARTED", "ENDED", "SITES");
                for (CrawlRun r : store.runs().all()) {
                    if (json) {
                        out.println(JSON.writeValueAsString(fields(r, false)));
                    } else {
                        table.add(r.id(), statusSaid(r), r.startedAt(), r.endedAt().map(Object::toString).orElse("-"), String.join(",", r.sites()));
                    }
                }
                table.print(out);
                return 0;
            }
            CrawlRun r = store.runs().get(run).orElseThrow(() -> new ArchiveException("no crawl run '" + run + "' (see: xxgk runs)"));
            if (json) {
                out.println(JSON.writeValueAsString(fields(r, true)));
                return 0;
            }
            out.printf("%s  %s  started %s  ended %s%n", r.id(), statusSaid(r), r.startedAt(), r.endedAt().map(Object::toString).orElse("-"));
            r.interruptedAt().ifPresent(at -> out.println("its process died; noticed at " + at
                    + r.catalogueRebuiltAt().map(built -> ", catalogue built at " + built).orElse("")));
            AlignedTable tallies = new AlignedTable("SITE", "PAGES", "BYTES", "NEW ORIGINALS", "ERRORS", "SKIPPED", "BLOCKED")
                    .alignRight(1, 2, 3, 4, 5, 6);
            r.tallies().forEach(t -> tallies.add(t.site(), t.pages(), Sizes.human(t.bytes()), t.originals(), t.errors(), t.skipped(), t.blocked()));
            tallies.print(out);
            List<CrawlProblem> problems = allProblems ? r.problems() : r.problems().stream().limit(PROBLEMS_SHOWN).toList();
            if (!problems.isEmpty()) {
                out.println();
                AlignedTable listed = new AlignedTable("AT", "SITE", "URL", "PROBLEM");
                problems.forEach(p -> listed.add(p.at(), p.site(), p.url(), p.problem()));
                listed.print(out);
            }
            if (problems.size() < r.problems().size()) {
                out.println("… " + (r.problems().size() - problems.size()) + " more: xxgk runs " + r.id() + " --problems");
            }
        }
        return 0;
    }

    private static String status(CrawlRun r) {
        return lower(r.status());
    }

    /** The status with what happened to it: where an interrupted run stopped, and a catalogue built after its crawl. */
    private static String statusSaid(CrawlRun r) {
        if (r.status() == CrawlRun.Status.INTERRUPTED) {
            return status(r) + (r.phase() == CrawlRun.Phase.CATALOGUE ? " while cataloguing" : " while fetching");
        }
        return status(r) + (r.catalogueRebuiltAt().isPresent() ? " (interrupted, catalogued later)" : "");
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** The JSON shape scripts depend on: times ISO-8601 UTC, counts per site as in the run record. */
    private static Map<String, Object> fields(CrawlRun r, boolean withProblems) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("status", status(r));
        m.put("started_at", r.startedAt().toString());
        m.put("ended_at", r.endedAt().map(Object::toString).orElse(null));
        m.put("phase", lower(r.phase()));
        m.put("interrupted_at", r.interruptedAt().map(Object::toString).orElse(null));
        m.put("catalogue_rebuilt_at", r.catalogueRebuiltAt().map(Object::toString).orElse(null));
        m.put("sites", r.sites());
        m.put("tallies", r.tallies().stream().map(RunsCommand::tally).toList());
        m.put("problem_count", r.problems().size());
        if (withProblems) {
            m.put("problems", r.problems().stream().map(p -> Map.of("at", p.at().toString(), "site", p.site(), "url", p.url(),
                    "problem", p.problem())).toList());
        }
        return m;
    }

    private static Map<String, Object> tally(SiteTally t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("site", t.site());
        m.put("pages", t.pages());
        m.put("bytes", t.bytes());
        m.put("originals", t.originals());
        m.put("errors", t.errors());
        m.put("skipped", t.skipped());
        m.put("blocked", t.blocked());
        return m;
    }
}
