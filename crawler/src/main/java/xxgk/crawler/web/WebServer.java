package xxgk.crawler.web;

import org.eclipse.jetty.http.UriCompliance;

import io.javalin.Javalin;
import xxgk.archive.Archive;
import xxgk.archive.ArchiveException;
import xxgk.archive.catalog.ReportStatistics;
import xxgk.archive.retrieval.CdxQuery;
import xxgk.archive.retrieval.Retrieval;

/**
 * The archive in a browser, read-only: the home page, the reports grid and report pages, the change log and its Atom
 * feed, Wayback-style replay and the CDX API (see {@link Replay}, {@link Cdx}, {@link ReportPages},
 * {@link ChangePages}). Pages are answered from the archive and the jar's own assets (ECharts from its WebJar) only:
 * no file is read from a path a request names, and nothing is fetched from the web.
 */
public final class WebServer implements AutoCloseable {

    private final Javalin app;
    private final ReportStatistics statistics;

    private WebServer(Javalin app, ReportStatistics statistics) {
        this.app = app;
        this.statistics = statistics;
    }

    /** Serves the archive on bind:port (0: a free port) until closed. */
    public static WebServer start(Archive archive, String bind, int port) {
        ReportStatistics statistics = new ReportStatistics(archive.blobs(), archive.parses());
        Replay replay = new Replay(new Retrieval(archive.captures()), archive.blobs());
        Cdx cdx = new Cdx(new CdxQuery(archive.captures()));
        HomePage home = new HomePage(archive);
        ReportPages reports = new ReportPages(archive, statistics);
        ChangePages changes = new ChangePages(archive);
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.staticFiles.enableWebjars();
            // A replayed URL sits whole in the path, "http://" and all: its empty segment is not an attack.
            config.jetty.modifyHttpConfiguration(http -> http.setUriCompliance(UriCompliance.LEGACY));
            config.routes.get("/", home::handle);
            config.routes.get("/reports", reports::grid);
            config.routes.get("/reports/<id>", reports::report);
            config.routes.get("/changes", changes::page);
            config.routes.get("/changes.atom", changes::atom);
            config.routes.get("/cdx", cdx::handle);
            config.routes.get("/web/<target>", replay::handle);
            config.routes.exception(ArchiveException.class, (e, ctx) -> Replay.notArchived(e, ctx));
            config.routes.exception(IllegalArgumentException.class, (e, ctx) ->
                    ctx.status(400).html(Html.page("Not understood", "<p>" + Html.esc(e.getMessage()) + "</p>")));
        });
        app.start(bind, port);
        return new WebServer(app, statistics);
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
        statistics.close();
    }
}
