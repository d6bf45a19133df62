package xxgk.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MongoUrisTest {

    @TempDir
    Path dir;

    @Test
    void passwordsWithSlashesAtSignsAndColonsAreHidden() {
        assertThat(MongoUris.redact("mongodb://user:pa/ss@host1,host2/xxgk?replicaSet=rs0"))
                .isEqualTo("mongodb://***@host1,host2/xxgk?replicaSet=rs0");
        assertThat(MongoUris.redact("mongodb+srv://user:p@ss:w/rd@cluster.example.net/db"))
                .isEqualTo("mongodb+srv://***@cluster.example.net/db");
        assertThat(MongoUris.redact("mongodb://user:secret@host/db?authSource=admin")).isEqualTo("mongodb://***@host/db?authSource=admin");
    }

    @Test
    void anySchemeIsRedactedAndUrisInsideMessagesToo() {
        assertThat(MongoUris.redact("postgres://admin:hunter2@db.example.net:5432/x")).isEqualTo("postgres://***@db.example.net:5432/x");
        assertThat(MongoUris.redact("cannot reach MongoDB at mongodb://u:s3/cr@t@h:27017/db: timed out"))
                .isEqualTo("cannot reach MongoDB at mongodb://***@h:27017/db: timed out");
        assertThat(MongoUris.redact("mongodb://host/db")).isEqualTo("mongodb://host/db");
    }

    @Test
    void aBadUriIsReportedWithoutItsPassword() {
        for (String uri : new String[] {"postgres://admin:hunter2@db.example.net/x", "mongodb://admin:hun/ter2@db.example.net/x",
                "mongodb://admin:hunter2@"}) {
            assertThatThrownBy(() -> Archive.open(new ArchiveLocation(dir, Optional.of(uri)))).isInstanceOf(ArchiveException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2").doesNotContain("hun/ter2").doesNotContain("ter2"));
        }
    }
}
