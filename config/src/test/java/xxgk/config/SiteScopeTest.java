package xxgk.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Scope is scheme, host and port: a host named without a port means the default ports and the seeds' ports. */
class SiteScopeTest {

    private static Site site(List<String> scope, String... seeds) {
        return new Site("s", "s", java.util.Arrays.stream(seeds).map(URI::create).toList(), scope, Duration.ZERO, 5, 10, 1 << 20,
                "ua", Optional.empty(), List.of(), Optional.empty());
    }

    @Test
    void aSeedOnALoopbackPortDoesNotOpenTheHostsOtherPorts() {
        Site site = site(List.of("127.0.0.1"), "http://127.0.0.1:19110/");
        assertThat(site.inScope(URI.create("http://127.0.0.1:19110/a.html"))).isTrue();
        assertThat(site.inScope(URI.create("http://127.0.0.1:19101/robots.txt"))).isFalse();
        assertThat(site.inScope(URI.create("http://127.0.0.1/"))).isTrue();
    }

    @Test
    void defaultPortsOfHttpAndHttpsAndSubDomainsAreInScope() {
        Site site = site(List.of("www.a.gov.cn"), "http://www.a.gov.cn/");
        assertThat(site.inScope(URI.create("https://www.a.gov.cn/x"))).isTrue();
        assertThat(site.inScope(URI.create("http://xxgk.www.a.gov.cn:80/x"))).isTrue();
        assertThat(site.inScope(URI.create("http://www.a.gov.cn:8080/x"))).isFalse();
        assertThat(site.inScope(URI.create("http://www.a.gov.cn:443/x"))).isFalse();
        assertThat(site.inScope(URI.create("ftp://www.a.gov.cn/x"))).isFalse();
        assertThat(site.inScope(URI.create("http://evil-www.a.gov.cn/x"))).isFalse();
    }

    @Test
    void aScopeEntryMayNameItsPort() {
        Site site = site(List.of("www.a.gov.cn:8080"), "http://www.a.gov.cn:8080/");
        assertThat(site.inScope(URI.create("http://www.a.gov.cn:8080/x"))).isTrue();
        assertThat(site.inScope(URI.create("http://www.a.gov.cn/x"))).isFalse();
    }
}
