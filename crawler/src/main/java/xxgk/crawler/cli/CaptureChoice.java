package xxgk.crawler.cli;

import java.util.Optional;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import xxgk.archive.Archive;
import xxgk.archive.retrieval.RequestedTime;
import xxgk.archive.retrieval.Retrieval;
import xxgk.archive.store.Capture;

/** The URL and the time of `get` and `text`: which capture the user means. */
final class CaptureChoice {

    @Parameters(paramLabel = "URL", description = "As archived, or as typed: host case, #fragment and query order do not matter.")
    String url;

    @Option(names = "--at", paramLabel = "TIME", description = "The latest capture at or before TIME: 2024-03-31, '2024-03-31 12:00', "
            + "2024-03-31T12:00:00Z, or a Wayback timestamp (20240331, 20240331120000); a day, month or year means its end.")
    String at;

    @Option(names = "--nearest", description = "With --at: the capture nearest to TIME (its start), before or after.")
    boolean nearest;

    @Mixin
    ZoneOption zone;

    Capture find(Archive store) {
        if (nearest && at == null) {
            throw new IllegalArgumentException("--nearest needs --at TIME");
        }
        Optional<RequestedTime> time = Optional.ofNullable(at).map(t -> RequestedTime.parse(t, zone.zone()));
        return new Retrieval(store.captures()).find(url, time, nearest ? Retrieval.Choice.NEAREST : Retrieval.Choice.AT_OR_BEFORE);
    }
}
