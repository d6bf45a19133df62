package xxgk.crawler.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import io.javalin.util.JavalinBindException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import xxgk.archive.Archive;
import xxgk.crawler.web.WebServer;

@Command(name = "serve", description = "Serve the archive read-only in a browser: reports grid and pages with charts, changes and their "
        + "Atom feed, Wayback-style replay (/web/<timestamp>/<url>) and the CDX API (/cdx).")
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080", description = "Port to listen on (default: ${DEFAULT-VALUE}; 0: a free one).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 opens it to the network).")
    String bind;

    @ParentCommand
    Xxgk xxgk;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port " + port + " is not a port (0 to 65535)");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        try (Archive archive = xxgk.global.openToRead(); WebServer server = start(archive)) {
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "serve-stop"));
            xxgk.global.info().println("serving " + archive.location().describe() + " on http://" + (bind.contains(":") ? "[" + bind + "]" : bind)
                    + ":" + server.port() + "/ (Ctrl-C stops)");
            stopped.await();
        }
        return 0;
    }

    private WebServer start(Archive archive) {
        try {
            return WebServer.start(archive, bind, port);
        } catch (JavalinBindException e) {
            throw new IllegalArgumentException("cannot listen on " + bind + ":" + port + " (in use, or not an address of this machine): "
                    + "choose another --port or --bind");
        }
    }
}
