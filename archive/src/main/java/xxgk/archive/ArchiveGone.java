package xxgk.archive;

/**
 * The end of a process that can no longer reach the embedded archive and cannot serve it itself: it says so in one
 * line and ends at once with status 1. It halts rather than exits: shutdown hooks (a crawl's records how it ended)
 * would wait on that same archive for ever. Nothing is lost by it: a crawl's frontier is on disk, and the next crawl
 * marks the run interrupted and continues it.
 */
final class ArchiveGone {

    private ArchiveGone() {
    }

    static void stop(String why) {
        System.err.println("xxgk: " + why);
        System.err.flush();
        Runtime.getRuntime().halt(1);
    }
}
