package xxgk.crawler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.LogbackMDCAdapter;

class LogSetupTest {

    @Test
    void logsGoToStandardErrorAtWarningsWithTheTalkativeLibrariesQuietened() {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter()); // as logback's own start gives it
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            LogSetup.apply(context);
            assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.WARN);
            assertThat(context.getLogger("org.apache").getLevel()).isEqualTo(Level.ERROR);
            context.getLogger("xxgk.crawler.Crawl").warn("站点 {} 无法访问", "hulan");
            context.getLogger("xxgk.crawler.Crawl").info("not at warnings");
            context.getLogger("de.bwaldvogel.mongo.MongoServer").warn("quietened");
            context.getLogger("io.javalin.Javalin").error("off");
        } finally {
            System.setErr(err);
            context.stop();
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).matches("\\d\\d:\\d\\d:\\d\\d WARN  Crawl - 站点 hulan 无法访问\\R");
    }
}
