package xxgk.crawler.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import xxgk.archive.Archive;
import xxgk.archive.retrieval.Retrieval;
import xxgk.archive.store.Capture;
import xxgk.crawler.engine.Sizes;

@Command(name = "captures", description = "List every capture of URL, oldest first: when, status, SHA-256, size, content type.")
final class CapturesCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(paramLabel = "URL", description = "As archived, or as typed: host case, #fragment and query order do not matter.")
    String url;

    @Option(names = "--json", description = "One JSON object per capture, with the fields of xxgk list --json.")
    boolean json;

    @Mixin
    ZoneOption zone;

    @ParentCommand
    Xxgk xxgk;

    @Override
    public Integer call() throws JsonProcessingException {
        List<Capture> history;
        ZoneId shownIn = zone.zone();
        try (Archive store = xxgk.global.openToRead()) {
            history = new Retrieval(store.captures()).history(url);
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        AlignedTable table = new AlignedTable("FETCHED", "STATUS", "SHA256", "SIZE", "TYPE").alignRight(1, 3);
        for (Capture c : history) {
            if (json) {
                out.println(JSON.writeValueAsString(ListCommand.fields(c)));
            } else {
                table.add(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(c.fetchedAt().atZone(shownIn).toOffsetDateTime()), c.status(),
                        c.sha256(), Sizes.human(c.size()), c.contentType().isEmpty() ? "-" : c.contentType());
            }
        }
        table.print(out);
        return 0;
    }
}
