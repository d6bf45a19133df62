package xxgk.crawler.cli;

import java.time.ZoneId;

import picocli.CommandLine.Option;
import xxgk.archive.retrieval.RequestedTime;

/** --zone: the time zone local times are read and shown in. */
final class ZoneOption {

    @Option(names = "--zone", paramLabel = "ZONE", description = "Time zone of local times typed and shown (default: $"
            + RequestedTime.ZONE_ENV + ", else " + RequestedTime.DEFAULT_ZONE + ").")
    String name;

    ZoneId zone() {
        return RequestedTime.zone(name);
    }
}
