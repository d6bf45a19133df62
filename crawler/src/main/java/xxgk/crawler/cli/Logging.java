package xxgk.crawler.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.FileAppender;

/**
 * --verbose and --log-file on top of {@link LogSetup}: the log goes to standard error (never standard output, which
 * carries data), at warnings unless asked for more, and to a file as well when one is named.
 */
final class Logging {

    private static final String FILE_APPENDER = "log-file";

    private Logging() {
    }

    static void configure(int verbosity, Path logFile) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        // Set whole each time, so that one process running several command lines (the tests) keeps no earlier choice.
        root.setLevel(verbosity == 0 ? Level.WARN : verbosity == 1 ? Level.INFO : Level.DEBUG);
        Appender<ILoggingEvent> earlier = root.getAppender(FILE_APPENDER);
        if (earlier != null) {
            root.detachAppender(earlier);
            earlier.stop();
        }
        if (logFile != null) {
            Path dir = logFile.toAbsolutePath().getParent();
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException("--log-file " + logFile + ": no directory " + dir);
            }
            PatternLayoutEncoder encoder = new PatternLayoutEncoder();
            encoder.setContext(context);
            encoder.setPattern("%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger - %msg%n");
            encoder.start();
            FileAppender<ILoggingEvent> file = new FileAppender<>();
            file.setContext(context);
            file.setName(FILE_APPENDER);
            file.setFile(logFile.toString());
            file.setAppend(true);
            file.setEncoder(encoder);
            file.start();
            root.addAppender(file);
        }
    }
}
