package xxgk.crawler.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import xxgk.archive.Archive;
import xxgk.archive.catalog.PortalMention;
import xxgk.archive.catalog.Report;
import xxgk.config.SiteConfig;

@Command(name = "discover", description = "List the portals the archived reports name that no configured site covers, as sites.yaml entries.")
final class DiscoverCommand implements Callable<Integer> {

    @ParentCommand
    Xxgk xxgk;

    @Override
    public Integer call() {
        SiteConfig sites = xxgk.global.sites();
        Map<PortalMention, List<Report>> named;
        try (Archive store = xxgk.global.openToRead()) {
            named = store.catalog().portalMentions();
        }
        new PrintStream(System.out, true, StandardCharsets.UTF_8).print(SiteProposals.yaml(sites.sites(), named));
        return 0;
    }
}
