package org.provisio.server.console;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium driven through its ChromeDriver, both from Debian's packages
 * ({@code chromium}, {@code chromium-driver}): the paths of both are given, so that Selenium
 * Manager never looks for (or downloads) anything. One per test class; a fresh profile each time.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    static final String MISSING = "console browser tests skipped: /usr/bin/chromium is absent "
            + "(apt-get install chromium chromium-driver; .ci/run installs them)";

    final ChromeDriver driver;
    private final Path profile;
    private final WebDriverWait wait;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(10), Duration.ofMillis(20));
    }

    /** Whether Debian's Chromium is installed. */
    static boolean available() {
        return Files.isExecutable(CHROMIUM);
    }

    static Browser start() {
        try {
            Path profile = Files.createTempDirectory("provisio-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--disable-quic", "--disable-extensions", "--hide-scrollbars",
                    "--window-size=1280,900", "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort()
                    .withLogOutput(java.io.OutputStream.nullOutputStream())
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
            return new Browser(driver, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The viewport: {@code width} CSS pixels wide, as a phone (360) or a desktop (1280) shows the page. */
    void viewport(int width, int height, boolean mobile) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", mobile));
    }

    void open(String url) {
        driver.get(url);
    }

    WebElement find(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    /** Clicks something that loads a new page, and waits until it has. */
    void clickAndWait(WebElement element) {
        WebElement html = driver.findElement(By.tagName("html"));
        element.click();
        wait.until(d -> gone(html));
        wait.until(d -> "complete".equals(((ChromeDriver) d).executeScript("return document.readyState")));
    }

    /**
     * Whether the old page's root element is gone. While Chromium swaps documents it may answer a question
     * about the old node with "Node with given id does not belong to the document" rather than a stale
     * element: that, too, means the old page is gone.
     */
    private static boolean gone(WebElement oldRoot) {
        try {
            oldRoot.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("does not belong to the document") || message.contains("No node with given id")) {
                return true;
            }
            throw e;
        }
    }

    /** Clicks the button or link whose text is exactly {@code text}, and waits for the next page. */
    void clickAndWait(String text) {
        clickAndWait(driver.findElement(By.xpath("//*[(self::button or self::a) and normalize-space(.)='" + text + "']")));
    }

    String text(String css) {
        return find(css).getText();
    }

    /** The page's width in CSS pixels, including anything that overflows the viewport. */
    long scrollWidth() {
        return ((Number) driver.executeScript("return document.documentElement.scrollWidth")).longValue();
    }

    /** A screenshot of the whole page (not only the viewport) as {@code target/console-screenshots/<name>.png}. */
    Path screenshot(String name) {
        @SuppressWarnings("unchecked")
        Map<String, Object> shot = (Map<String, Object>) (Map<?, ?>) driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true));
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException e) {
                // a temporary profile left behind is harmless
            }
        }
    }
}
