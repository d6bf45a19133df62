package xxgk.crawler.cli;

import java.util.List;

import xxgk.archive.Archive;
import xxgk.archive.ArchiveException;

/** A --site given to a command that reads the archive: an id the archive knows, or a one-line error. */
final class ArchivedSites {

    private ArchivedSites() {
    }

    /** Does nothing when site is null (all sites) or archived; else says which sites there are. */
    static void require(Archive store, String site) {
        if (site == null) {
            return;
        }
        List<String> archived = store.captures().sites();
        if (!archived.contains(site)) {
            throw new ArchiveException("no site '" + site + "' in the archive (it has: "
                    + (archived.isEmpty() ? "none yet" : String.join(", ", archived)) + ")");
        }
    }
}
