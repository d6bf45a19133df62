package xxgk.crawler.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import xxgk.config.Site;
import xxgk.config.SiteConfig;

@Command(name = "sites", description = "Validate the configuration and list the sites.")
final class SitesCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE", description = "Sites file (default: ${DEFAULT-VALUE}).", defaultValue = SiteConfig.DEFAULT_FILE)
    Path config;

    @Override
    public Integer call() {
        SiteConfig sites = SiteConfig.load(config);
        System.out.println(config + ": " + sites.sites().size() + " sites, valid");
        for (Site s : sites.sites()) {
            System.out.printf("%-14s %s%n", s.id(), s.name());
            System.out.printf("%-14s seeds %s  scope %s  delay %dms  depth %d  pages %d%n", "", s.seeds(), s.scope(),
                    s.delay().toMillis(), s.maxDepth(), s.maxPages());
            if (!s.path().isEmpty()) {
                System.out.printf("%-14s path %s%n", "", String.join(" > ", s.path()));
            }
        }
        return 0;
    }
}
