package xxgk.crawler.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.MockWebServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import xxgk.archive.catalog.Report;
import xxgk.archive.retrieval.CdxQuery;

/**
 * A person in Chromium (headless, Debian's chromium and chromedriver): home → reports → a report → its table → the
 * replay of its original; and a replayed page whose script would read the cookie and call the API, which the sandbox
 * stops — while the very same bytes served without the header do run it. Screenshots go to target/screenshots.
 */
class BrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SHOTS = Path.of("target", "screenshots");

    static ServedArchive served;
    static WebDriver browser;
    static WebDriverWait wait;

    @BeforeAll
    static void open() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER), "chromium and chromedriver (apt-get install chromium chromium-driver)");
        served = ServedArchive.instance();
        Files.createDirectories(SHOTS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000", "--lang=zh-CN",
                "--no-proxy-server", "--disable-background-networking");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static void shot(String name) throws IOException {
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), SHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    /** The page's own measure of its load: navigation start to the end of its load event, in ms. */
    private static long loadMillis() {
        wait.until(d -> ((Number) ((ChromeDriver) d).executeScript("return performance.getEntriesByType('navigation')[0].loadEventEnd")).doubleValue() > 0);
        return Math.round(((Number) ((ChromeDriver) browser).executeScript("return performance.getEntriesByType('navigation')[0].loadEventEnd")).doubleValue());
    }

    @Test
    void aPersonFindsAReportItsTableItsChartAndTheReplayOfItsOriginal() throws IOException {
        Report report = served.archive.catalog().reports(Optional.of("nangang"), OptionalInt.empty()).get(0);
        browser.get(served.base() + "/");
        long home = loadMillis();
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("政府信息公开工作年度报告");
        shot("home.png");

        browser.findElement(By.linkText("Reports")).click();
        wait.until(ExpectedConditions.titleContains("Reports"));
        long grid = loadMillis();
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("南岗区城管局").contains("哈尔滨市人民政府");
        shot("reports-grid.png");

        browser.findElement(By.cssSelector("a[href='/reports/" + report.id() + "']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart canvas")));
        long page = loadMillis();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(report.title());
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("南岗区城管局");
        WebElement partly = browser.findElements(By.cssSelector("#table3 tr")).stream().filter(tr -> tr.getText().startsWith("（二）部分公开"))
                .findFirst().orElseThrow().findElements(By.cssSelector("td")).get(0);
        assertThat(partly.getText()).isEqualTo("1");
        new Actions(browser).scrollToElement(partly).click(partly).perform();
        WebElement provenance = browser.findElement(By.id("provenance"));
        wait.until(d -> !provenance.getText().isBlank());
        assertThat(provenance.getText()).isEqualTo(partly.getAttribute("title")).isNotBlank();
        shot("report-table.png");
        new Actions(browser).scrollToElement(browser.findElement(By.id("chart"))).perform();
        shot("report-chart.png");

        browser.findElement(By.cssSelector("h2 + table a[href*='/art_126585_1156238.html']")).click();
        WebElement banner = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("xxgk-banner")));
        long replay = loadMillis();
        assertThat(banner.getText()).contains("xxgk archive").contains(served.portal.correctedUrl()).contains("captured");
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("更正说明");
        shot("replay.png");
        System.out.printf("browser page loads (navigation start to load end): home %d ms, reports grid %d ms, report page with chart %d ms, replay %d ms%n",
                home, grid, page, replay);
    }

    @Test
    void aReplayedScriptCannotReadTheCookieNorCallTheApplicationWhileWithoutTheSandboxItWould() throws Exception {
        browser.get(served.base() + "/");
        browser.manage().addCookie(new Cookie("xxgk-secret", "s3cr3t"));
        String replayUrl = served.base() + "/web/" + CdxQuery.TIMESTAMP.format(Instant.now()) + "/" + served.scriptedUrl;
        browser.get(replayUrl);
        WebElement marker = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("marker")));
        assertThat(browser.findElement(By.id("xxgk-banner")).getText()).contains(served.scriptedUrl);
        // Scripts that ran would have set the marker before the load event; the page has loaded.
        loadMillis();
        assertThat(marker.getText()).isEqualTo("untouched");
        assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("s3cr3t");
        shot("replay-sandboxed-script.png");

        // The control: the same replayed bytes from another loopback server, without Content-Security-Policy.
        byte[] bytes = served.fetch(replayUrl.substring(served.base().length())).body();
        try (MockWebServer plain = new MockWebServer()) {
            plain.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    // The page, and for anything else it asks (its API call, a favicon) an answer of its own.
                    return request.getUrl().encodedPath().equals("/scripted.html")
                            ? new MockResponse.Builder().addHeader("Content-Type", "text/html; charset=utf-8").body(new okio.Buffer().write(bytes)).build()
                            : new MockResponse.Builder().body("[]").build();
                }
            });
            plain.start(java.net.InetAddress.getLoopbackAddress(), 0);
            browser.get(plain.url("/scripted.html").toString());
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("marker"), "SCRIPT RAN"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("marker"), "api="));
            assertThat(browser.findElement(By.id("marker")).getText()).startsWith("SCRIPT RAN cookie=");
        }
    }
}
