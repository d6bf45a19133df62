package xxgk.crawler.cli;

import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.NopStatusListener;

/**
 * The log as xxgk sets it up, made in code (logback finds it through {@code META-INF/services}): logback reading a
 * configuration file costs a tenth of a short command's start. Logs go to standard error, so that
 * {@code xxgk get URL > file} stays byte-exact, at warnings ({@link Logging} applies --verbose and --log-file), with
 * the libraries that say too much quietened. A file named with {@code -Dlogback.configurationFile}, or the tests'
 * {@code logback-test.xml}, is read instead.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LogSetup extends ContextAwareBase implements Configurator {

    static final String PATTERN = "%d{HH:mm:ss} %-5level %logger{0} - %msg%n";

    private static final Map<String, Level> QUIETENED = Map.of(
            "de.bwaldvogel", Level.ERROR,
            "org.mongodb", Level.WARN,
            "edu.uci.ics.crawler4j", Level.ERROR,
            "de.hshn", Level.ERROR,
            "com.zaxxer.hikari", Level.WARN,
            "hsqldb", Level.WARN,
            "org.apache", Level.ERROR,
            "crawlercommons", Level.ERROR, // it echoes the lines of a robots.txt it cannot read: a hostile server's words
            "io.javalin.Javalin", Level.OFF); // it logs a port in use before throwing; xxgk serve says so in one line

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null || LogSetup.class.getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        apply(context);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    static void apply(LoggerContext context) {
        context.getStatusManager().add(new NopStatusListener());
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(stderr);
        QUIETENED.forEach((name, level) -> context.getLogger(name).setLevel(level));
    }
}
