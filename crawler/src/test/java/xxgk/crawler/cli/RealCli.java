package xxgk.crawler.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** The real command line run in this JVM, as scripts run it, with what it printed caught. */
public final class RealCli {

    /** The exit status, standard output as bytes (get writes originals there), and standard error. */
    public record Result(int status, byte[] out, String err) {

        public String text() {
            return new String(out, StandardCharsets.UTF_8);
        }
    }

    private RealCli() {
    }

    /** One command line; callers are serialised, as standard output and error are the JVM's. */
    public static synchronized Result run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int status = Xxgk.run(args);
            return new Result(status, o.toByteArray(), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
