package xxgk.crawler.demo;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
  * The sample portal's routing table: the URLs that behave like a difficult real server. Any other
  * URL is a plain file ({@link PortalFiles}): 200 with the file, or 404.
  */
final class PortalRoutes {

    static final String HARBIN = "www.harbin.gov.cn";
    static final String HULAN = "www.hulan.gov.cn";
    static final String SUIFENHE = "www.suifenhe.gov.cn";
    static final String NANGANG = "ngqxxgk.harbin.gov.cn";
    static final List<String> HOSTS = List.of(HARBIN, HULAN, SUIFENHE, NANGANG);

    /** One request: the host it was sent to (without port), its path, and its query or null. */
    record Request(String host, String path, String query) {}

    // 呼兰's pages are GBK and declare it only in a <meta> tag.
    private final PortalFiles files = new PortalFiles(PortalFiles.ORIGINAL, Set.of(HULAN));
    private final PortalFiles corrections = new PortalFiles(PortalFiles.CORRECTED, Set.of());
    /** The 南岗 report corrected after publication: one application's outcome moved from 予以公开 to 部分公开. */
    static final String CORRECTED_ARTICLE = "/art/2022/1/25/art_126585_1156238.html";
    private volatile boolean corrected;
    private final Map<String, Function<Request, Reply>> routes;

    PortalRoutes() {
        FailsOnce flaky = new FailsOnce();
        DownloadServlet servlet = new DownloadServlet(files, Map.of(
                "2201201530452389", "绥芬河市人民政府2021年政府信息公开工作年度报告",
                "2201201530452390", "绥芬河市人民政府2021年政府信息公开工作年度报告",
                "2201201530452391", "绥芬河市人民政府2021年政府信息公开工作年度报告"));
        routes = Map.of(
                HARBIN + "/zwgk/", request -> Reply.redirect("/zwgk/index.html"),
                HARBIN + "/zwgk/zfxxgknb/szfbm/index.html", request -> flaky.answer(() -> file(request)),
                HARBIN + "/zwgk/zfxxgknb/sbj/202203/P020220330604338716552.pdf",
                request -> retyped(file(request), "application/octet-stream"),
                SUIFENHE + "/module/download/downfile.jsp", request -> servlet.answer(request.host(), request.query()));
    }

    Reply answer(Request request) {
        if (corrected && request.host().equals(NANGANG) && request.path().equals(CORRECTED_ARTICLE)) {
            return corrections.serve(request.host(), request.path());
        }
        return routes.getOrDefault(request.host() + request.path(), this::file).apply(request);
    }

    /** From now on the corrected report is served instead of the first version, as a portal republishes a 更正. */
    void publishCorrection() {
        corrected = true;
    }

    private Reply file(Request request) {
        return files.serve(request.host(), request.path());
    }

    private static Reply retyped(Reply reply, String contentType) {
        return reply.status() == 200 ? reply.withHeader("Content-Type", contentType) : reply;
    }
}
