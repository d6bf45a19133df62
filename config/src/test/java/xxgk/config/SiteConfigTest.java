package xxgk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteConfigTest {

    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("sites.yaml"), yaml);
    }

    @Test
    void shippedConfigurationNamesThePortalsOfTheSeedReports() {
        SiteConfig config = SiteConfig.load(Path.of("sites.yaml"));
        assertThat(config.sites()).extracting(Site::id)
                .containsExactly("harbin", "hulan", "suifenhe", "nangang");
        Site hulan = config.select(List.of("hulan")).get(0);
        assertThat(hulan.seeds()).hasToString("[http://www.hulan.gov.cn/hebhlq/2023/zfxxgklby_zc.shtml]");
        assertThat(config.select(List.of("harbin")).get(0).path())
                .containsExactly("政府信息公开目录", "政府信息公开年报");
    }

    @Test
    void defaultsApplyAndScopeDefaultsToTheSeedHosts() throws IOException {
        SiteConfig config = SiteConfig.load(write("""
                defaults:
                  delay: 2s
                sites:
                  - id: a
                    seeds: [http://www.a.gov.cn/x/, https://xxgk.a.gov.cn/]
                  - id: b
                    seeds: http://b.gov.cn/
                    delay: 500ms
                    max_size: 5MB
                """));
        Site a = config.select(List.of("a")).get(0);
        assertThat(a.scope()).containsExactly("www.a.gov.cn", "xxgk.a.gov.cn");
        assertThat(a.delay()).isEqualTo(Duration.ofSeconds(2));
        assertThat(a.inScope("WWW.A.gov.cn")).isTrue();
        assertThat(a.inScope("evil-a.gov.cn")).isFalse();
        Site b = config.select(List.of("b")).get(0);
        assertThat(b.delay()).isEqualTo(Duration.ofMillis(500));
        assertThat(b.maxSize()).isEqualTo(5L << 20);
        assertThat(b.maxPages()).isEqualTo(SiteConfigReader.DEFAULT_MAX_PAGES);
    }

    @Test
    void badValueNamesFileLineAndKey() throws IOException {
        Path file = write("""
                sites:
                  - id: a
                    seeds: [http://a.gov.cn/]
                    delay: soon
                """);
        assertThatThrownBy(() -> SiteConfig.load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessage(file + ":4: sites[0].delay: 'soon' is not a duration (e.g. 500ms, 2s, 10m, 6h, 1d)");
    }

    @Test
    void durationsAreSumsOrIsoAndHugeNumbersAreRefused() throws IOException {
        assertThat(Quantities.durationOrNull("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Quantities.durationOrNull("PT1H")).isEqualTo(Duration.ofHours(1));
        assertThat(Quantities.durationOrNull("2d 6h")).isEqualTo(Duration.ofHours(54));
        assertThat(Quantities.durationOrNull("99999999999999999999h")).isNull();
        assertThat(Quantities.durationOrNull("9999999999999999d")).isNull();
        assertThat(Quantities.durationOrNull("h")).isNull();
        assertThat(Quantities.bytesOrMinusOne("99999999999999999999")).isEqualTo(-1);
        assertThat(Quantities.bytesOrMinusOne("9999999999999GB")).isEqualTo(-1);
        Path file = write("sites:\n  - id: a\n    seeds: [http://a.gov.cn/]\n    delay: 99999999999999999999h\n");
        assertThatThrownBy(() -> SiteConfig.load(file)).hasMessageStartingWith(file + ":4: sites[0].delay: '99999999999999999999h' is not a duration");
    }

    @Test
    void aKeyGivenTwiceIsRefusedWithItsLine() throws IOException {
        Path file = write("sites:\n  - id: a\n    seeds: [http://a.gov.cn/]\n    delay: 2s\n    delay: 5s\n");
        assertThatThrownBy(() -> SiteConfig.load(file)).isInstanceOf(ConfigException.class)
                .hasMessage(file + ":5: sites[0].delay: given twice (first on line 4); keep one");
    }

    @Test
    void userAgentMustBeSendableAsAnHttpHeader() throws IOException {
        Path file = write("sites:\n  - id: a\n    seeds: [http://a.gov.cn/]\n    user_agent: 年报爬虫\n");
        assertThatThrownBy(() -> SiteConfig.load(file)).hasMessageStartingWith(file + ":4: sites[0].user_agent: must be printable ASCII");
        assertThat(SiteConfigReader.DEFAULT_USER_AGENT).matches("[\\x20-\\x7e]+");
    }

    @Test
    void aPathLongerThanACrawlCanRankIsRejected() throws IOException {
        Path file = write("sites:\n  - id: a\n    seeds: [http://a.gov.cn/]\n    path: 1 > 2 > 3 > 4 > 5 > 6 > 7 > 8 > 9 > 10\n");
        assertThatThrownBy(() -> SiteConfig.load(file)).hasMessageStartingWith(file + ":4: sites[0].path: 10 steps; a path has at most 9");
    }

    @Test
    void unknownKeyIsCaughtWithItsLine() throws IOException {
        Path file = write("""
                sites:
                  - id: a
                    seeds: [http://a.gov.cn/]
                    dealy: 1s
                """);
        assertThatThrownBy(() -> SiteConfig.load(file)).hasMessageStartingWith(file + ":4: sites[0].dealy: unknown key");
    }

    @Test
    void brokenYamlNamesItsLine() throws IOException {
        Path file = write("sites:\n  - id: a\n    seeds: [http://a.gov.cn/\n");
        assertThatThrownBy(() -> SiteConfig.load(file)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file + ":4: not valid YAML");
    }

    @Test
    void seedOutsideScopeAndDuplicateIdsAreRejected() throws IOException {
        Path outside = write("sites:\n  - id: a\n    seeds: [http://a.gov.cn/]\n    scope: [b.gov.cn]\n");
        assertThatThrownBy(() -> SiteConfig.load(outside)).hasMessageContaining("sites[0].seeds[0]: host a.gov.cn is outside");
        Path twice = write("sites:\n  - id: a\n    seeds: [http://a.gov.cn/]\n  - id: a\n    seeds: [http://b.gov.cn/]\n");
        assertThatThrownBy(() -> SiteConfig.load(twice)).hasMessage(twice + ":4: sites[1].id: 'a' is used twice");
    }

    @Test
    void missingFileAndUnknownSiteAreClear() throws IOException {
        assertThatThrownBy(() -> SiteConfig.load(dir.resolve("nope.yaml"))).hasMessageContaining("no such configuration file");
        SiteConfig config = SiteConfig.load(write("sites:\n  - id: a\n    seeds: [http://a.gov.cn/]\n"));
        assertThatThrownBy(() -> config.select(List.of("zz"))).hasMessageContaining("unknown site 'zz'").hasMessageContaining("has: a");
    }

    @Test
    void aHostInTwoSitesIsRefusedWithTheOtherSiteNamed() throws IOException {
        Path file = write("sites:\n  - id: a\n    seeds: [http://a.gov.cn/]\n  - id: b\n    seeds: [http://a.gov.cn/x/]\n");
        assertThatThrownBy(() -> SiteConfig.load(file)).hasMessageStartingWith(file + ":4: sites[1].scope: host a.gov.cn is also in the scope of site 'a'");
    }

    @Test
    void revisitIsADurationSetPerSiteOrByDefault() throws IOException {
        SiteConfig config = SiteConfig.load(write("defaults:\n  revisit: 30d\nsites:\n  - id: a\n    seeds: [http://a.gov.cn/]\n"
                + "  - id: b\n    seeds: [http://b.gov.cn/]\n    revisit: 12h\n"));
        assertThat(config.select(List.of("a")).get(0).revisit()).contains(java.time.Duration.ofDays(30));
        assertThat(config.select(List.of("b")).get(0).revisit()).contains(java.time.Duration.ofHours(12));
    }
}
