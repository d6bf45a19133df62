package xxgk.crawler.cli;

import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import xxgk.archive.Archive;
import xxgk.archive.ArchiveException;
import xxgk.archive.store.CrawlProblem;
import xxgk.archive.store.CrawlRun;

@Command(name = "runs", description = "List crawl runs, or show one run's counts and problems.")
final class RunsCommand implements Callable<Integer> {

    @Parameters(paramLabel = "RUN", arity = "0..1", description = "A run id: show its problems.")
    String run;

    @Option(names = "--problems", description = "With RUN: list every problem recorded (default: the first 20).")
    boolean allProblems;

    @Mixin
    ArchiveOptions archive;

    @Override
    public Integer call() {
        try (Archive store = archive.open()) {
            if (run == null) {
                for (CrawlRun r : store.runs().all()) {
                    System.out.printf("%s  %-8s  %s  %s%n", r.id(), r.status(), r.startedAt(), String.join(",", r.sites()));
                }
                return 0;
            }
            CrawlRun r = store.runs().get(run).orElseThrow(() -> new ArchiveException("no crawl run '" + run + "' (see: xxgk runs)"));
            System.out.printf("%s  %s  started %s  ended %s%n", r.id(), r.status(), r.startedAt(), r.endedAt().map(Object::toString).orElse("-"));
            r.tallies().forEach(t -> System.out.printf("  %-14s %d pages, %d bytes, %d new originals, %d errors, %d skipped, %d blocked%n",
                    t.site(), t.pages(), t.bytes(), t.originals(), t.errors(), t.skipped(), t.blocked()));
            List<CrawlProblem> problems = allProblems ? r.problems() : r.problems().stream().limit(20).toList();
            problems.forEach(p -> System.out.printf("  %s  %-10s %s  %s%n", p.at(), p.site(), p.url(), p.problem()));
            if (problems.size() < r.problems().size()) {
                System.out.println("  … " + (r.problems().size() - problems.size()) + " more: xxgk runs " + r.id() + " --problems");
            }
        }
        return 0;
    }
}
