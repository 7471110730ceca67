package io.quietwatch.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The dashboard in Debian's headless Chromium (driven by its chromedriver; nothing is downloaded) against a
 * real daemon fed by {@link DashboardFixture}: log in, see every panel filled with the planted data, see the
 * script-carrying URL and user name as text with no script run, acknowledge an alert, and save a screenshot
 * to {@code target/dashboard.png}. Without {@code /usr/bin/chromium} the test fails; developers without it
 * may pass {@code -Dqw.test.skipBrowser=true}.
 */
class DashboardBrowserIT {
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    @TempDir
    Path home;
    private DashboardFixture fixture;
    private WebDriver driver;

    @BeforeEach
    void start() throws Exception {
        assumeFalse(Boolean.getBoolean("qw.test.skipBrowser"), "qw.test.skipBrowser is set");
        assertThat(Files.isExecutable(Path.of(CHROMIUM))).as(CHROMIUM + ": apt-get install chromium chromium-driver").isTrue();
        assertThat(Files.isExecutable(Path.of(CHROMEDRIVER))).as(CHROMEDRIVER + ": apt-get install chromium-driver").isTrue();
        fixture = new DashboardFixture(home);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--window-size=1400,3600", "--disable-dev-shm-usage", "--disable-gpu",
                "--no-first-run", "--user-data-dir=" + Files.createDirectories(home.resolve("chromium-profile")));
        if ("root".equals(System.getProperty("user.name"))) {
            options.addArguments("--no-sandbox");
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    /** The rendered text of an element, read in one script call (tables are re-rendered while we look). */
    private String text(String css) {
        return String.valueOf(((JavascriptExecutor) driver).executeScript(
                "const e = document.querySelector(arguments[0]); return e ? e.innerText : '';", css));
    }

    private void waitForText(String css, String expected) {
        waiting().withMessage(() -> css + " shows " + expected + "; it shows: " + text(css))
                .until(d -> text(css).contains(expected));
    }

    @Test
    void logsInSeesEveryPanelFilledAcknowledgesAnAlertAndRunsNoInjectedScript() throws Exception {
        driver.get(fixture.baseUrl() + "/");
        waiting().until(d -> d.findElement(By.id("login")).isDisplayed());
        driver.findElement(By.id("login-user")).sendKeys(DashboardFixture.USER);
        driver.findElement(By.id("login-password")).sendKeys("wrong password");
        driver.findElement(By.id("login-submit")).click();
        waitForText("#login-error", "wrong user or password");
        driver.findElement(By.id("login-password")).clear();
        driver.findElement(By.id("login-password")).sendKeys(DashboardFixture.PASSWORD);
        driver.findElement(By.id("login-submit")).click();
        waiting().until(d -> d.findElement(By.id("dashboard")).isDisplayed());

        waitForText("#panel-ports tbody", "4444/tcp");
        waitForText("#tunnels-open tbody", DashboardFixture.OPEN_HOST);
        assertThat(text("#tunnels-open tbody")).contains(DashboardFixture.OPEN_DESTINATION + ":443").contains("4h 52m");
        waitForText("#tunnels-closed tbody", DashboardFixture.CLOSED_HOST);
        assertThat(text("#tunnels-closed tbody")).contains("2h 00m 07s", "1.2 MB");
        waitForText("#panel-downloads tbody", "http://files.example.com/tools/setup.exe");
        waitForText("#panel-nat tbody", DashboardFixture.NAT_HOST);
        assertThat(text("#panel-nat tbody")).contains("64 (", "128 (");
        waitForText("#panel-scan tbody", "23/tcp");
        assertThat(driver.findElements(By.cssSelector("#scan-chart polyline.series"))).hasSize(2);
        assertThat(driver.findElements(By.cssSelector("#scan-chart polygon.band"))).hasSize(1);
        waitForText("#health-inputs tbody", "tcp-in");
        waitForText("#health-sinks tbody", "delivering");

        // the open session's duration counts on between loads
        String before = text("#tunnels-open tbody td.live");
        waiting().until(d -> !text("#tunnels-open tbody td.live").equals(before));

        // attacker text is shown as text; no injected script ran, no injected element exists
        String downloads = text("#panel-downloads tbody");
        assertThat(downloads).contains(DashboardFixture.XSS_URL).contains(DashboardFixture.XSS_USER);
        assertThat(((JavascriptExecutor) driver).executeScript("return typeof window.__xss")).isEqualTo("undefined");
        assertThat(driver.findElements(By.cssSelector("#dashboard img, #dashboard script"))).isEmpty();

        driver.findElement(By.cssSelector("#panel-ports tbody tr")).click();
        waitForText("#port-hosts tbody", "10.1.0.20");

        driver.findElement(By.id("filter-host")).sendKeys(DashboardFixture.CLOSED_HOST);
        driver.findElement(By.cssSelector("#alert-filters button")).click();
        waiting().until(d -> d.findElements(By.cssSelector("#alerts-table tbody tr.clickable")).size() == 1);
        driver.findElement(By.cssSelector("#alerts-table tbody tr.clickable")).click();
        waitForText("#alert-detail-facts", "http-tunnel-open");
        assertThat(text("#alert-evidence")).contains("Built outbound TCP connection 4243");
        WebElement ack = driver.findElement(By.id("alert-ack"));
        ack.click();
        waitForText("#alert-ack", "Acknowledged");
        waitForText("#alerts-table tbody", "acknowledged by " + DashboardFixture.USER);
        String id = driver.findElement(By.cssSelector("#alerts-table tbody tr.clickable")).getAttribute("data-id");
        assertThat(fixture.daemon.alertStore().get(id).orElseThrow().acknowledgedBy()).isEqualTo(DashboardFixture.USER);
        driver.findElement(By.id("filter-host")).clear();
        driver.findElement(By.cssSelector("#alert-filters button")).click();
        waiting().until(d -> d.findElements(By.cssSelector("#alerts-table tbody tr.clickable")).size() > 1);

        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Path target = Files.createDirectories(Path.of("target"));
        Files.copy(shot.toPath(), target.resolve("dashboard.png"), StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(target.resolve("dashboard.png"))).isGreaterThan(10_000);
    }
}
