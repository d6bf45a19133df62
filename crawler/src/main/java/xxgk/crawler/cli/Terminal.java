package xxgk.crawler.cli;

/** Whether a person is watching: standard input and output are a terminal (Java's Console exists only then). */
final class Terminal {

    private Terminal() {
    }

    static boolean attached() {
        return System.console() != null;
    }
}
