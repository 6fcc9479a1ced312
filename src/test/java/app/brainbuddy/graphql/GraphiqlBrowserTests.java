package app.brainbuddy.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.brainbuddy.GraphQlIntegrationTest;
import java.io.File;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * GraphiQL in a real headless Chromium, with every host but localhost unreachable: the page must
 * load from the jar alone and run a query against the API. Needs Debian's chromium and
 * chromium-driver, which {@code .ci/run} installs; skipped where they are missing.
 */
class GraphiqlBrowserTests extends GraphQlIntegrationTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @LocalServerPort
    private int port;

    @TempDir
    Path profile;

    @Test
    void graphiqlLoadsWithoutInternetAndRunsAQueryWithTheBearerToken() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER), "chromium is not installed");
        SignedIn user = signUp();
        String query = "{ me { email chronotype } }";
        String headers = "{\"Authorization\": \"Bearer " + user.token() + "\"}";
        String page = "http://localhost:" + port + "/graphiql?query=" + encode(query) + "&headers=" + encode(headers);

        WebDriver browser = chromium();
        try {
            browser.get(page);
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".graphiql-execute-button")))
                    .click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector(".graphiql-response"), user.email()));

            String response =
                    browser.findElement(By.cssSelector(".graphiql-response")).getText();
            assertThat(response).contains("\"chronotype\": \"BEAR\"").doesNotContain("errors");
            // the page lives within the server's Content-Security-Policy
            assertThat(browser.manage().logs().get(LogType.BROWSER).getAll())
                    .extracting(LogEntry::getMessage)
                    .noneMatch(message -> message.contains("Content Security Policy"));
        } finally {
            browser.quit();
        }
    }

    @Test
    void theUnfilledAuthorizationPlaceholderIsNotSent() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER), "chromium is not installed");
        String query = "{ knowledge(first: 1) { pageInfo { hasNextPage } } }";

        WebDriver browser = chromium();
        try {
            browser.get("http://localhost:" + port + "/graphiql?query=" + encode(query));
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".graphiql-execute-button")))
                    .click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector(".graphiql-response"), "hasNextPage"));

            assertThat(browser.findElement(By.cssSelector(".graphiql-response")).getText())
                    .doesNotContain("UNAUTHORIZED");
        } finally {
            browser.quit();
        }
    }

    private WebDriver chromium() {
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments(
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-dev-shm-usage",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--no-first-run",
                        "--user-data-dir=" + profile,
                        // the network is closed to everything but this machine
                        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1");
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
