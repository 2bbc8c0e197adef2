package dev.phoenixkit.admin.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The system Chromium, headless, driven by the system chromedriver through Selenium (Debian's {@code chromium} and
 * {@code chromium-driver}). Nothing is downloaded: both binaries are given to Selenium explicitly, so Selenium
 * Manager never runs. One browser serves the whole test JVM ({@link BrowserExtension}); each test starts with no
 * cookies.
 */
public final class Chromium implements AutoCloseable {
    /** What a developer without a browser is told. */
    public static final String HOW_TO_INSTALL = "Chromium and chromedriver are needed for the browser tests: install"
            + " them with `sudo apt-get install -y chromium chromium-driver` (Debian/Ubuntu), or point"
            + " -Dphoenixkit.chromium=... and -Dphoenixkit.chromedriver=... at a Chromium and its matching driver."
            + " Run with -Dphoenixkit.browser.required=true to make a missing browser fail the build (as .ci/run does).";

    private static final List<String> BROWSER_NAMES = List.of("chromium", "chromium-browser", "google-chrome");
    private static final Duration FIND_WAIT = Duration.ofSeconds(15);

    private final ChromeDriver driver;
    private final Path screenshots;

    private Chromium(ChromeDriver driver, Path screenshots) {
        this.driver = driver;
        this.screenshots = screenshots;
    }

    /**
     * Starts the browser.
     *
     * @return the browser, or empty with the reason when there is none
     */
    static Result start() {
        Optional<Path> browser = locate("phoenixkit.chromium", BROWSER_NAMES);
        Optional<Path> chromedriver = locate("phoenixkit.chromedriver", List.of("chromedriver"));
        if (browser.isEmpty() || chromedriver.isEmpty()) {
            return new Result(
                    null,
                    (browser.isEmpty() ? "no Chromium found on the PATH" : "no chromedriver found on the PATH") + ". "
                            + HOW_TO_INSTALL);
        }
        // Selenium looks for a DevTools binding matching the browser version and warns when there is none; the
        // tests use no DevTools API beyond chromedriver's own CDP passthrough
        java.util.logging.Logger.getLogger("org.openqa.selenium").setLevel(java.util.logging.Level.SEVERE);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser.get().toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox", // root in a container has no user namespaces for the sandbox
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--no-first-run",
                "--disable-extensions",
                "--window-size=1280,1000");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.get().toFile())
                .usingAnyFreePort()
                .build();
        try {
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().implicitlyWait(FIND_WAIT);
            Path dir = Path.of(System.getProperty("phoenixkit.screenshots.dir", "target/screenshots"));
            Files.createDirectories(dir);
            return new Result(new Chromium(driver, dir), "");
        } catch (RuntimeException | IOException e) {
            return new Result(
                    null,
                    "Chromium (" + browser.get() + ") did not start through " + chromedriver.get() + ": "
                            + e.getMessage().lines().findFirst().orElse("") + ". " + HOW_TO_INSTALL);
        }
    }

    /** A started browser, or why there is none. */
    record Result(Chromium chromium, String problem) {}

    private static Optional<Path> locate(String property, List<String> names) {
        String configured = System.getProperty(property, "");
        if (!configured.isBlank()) {
            Path path = Path.of(configured);
            return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        String pathVariable = System.getenv().getOrDefault("PATH", "");
        return names.stream()
                .flatMap(name -> Stream.of(pathVariable.split(java.io.File.pathSeparator))
                        .filter(dir -> !dir.isBlank())
                        .map(dir -> Path.of(dir, name)))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** @return the WebDriver, for what the helpers here do not cover */
    public ChromeDriver driver() {
        return driver;
    }

    /** Forgets every cookie (each test starts signed out of everything). */
    void reset() {
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        driver.get("about:blank");
    }

    /**
     * @param uri where to go
     * @return this browser
     */
    public Chromium open(String uri) {
        driver.get(uri);
        return this;
    }

    /**
     * @param css a CSS selector
     * @return the first matching element, waiting for it to appear
     */
    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    /**
     * @param css a CSS selector
     * @return every matching element now (no waiting)
     */
    public List<WebElement> findNow(String css) {
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
        try {
            return driver.findElements(By.cssSelector(css));
        } finally {
            driver.manage().timeouts().implicitlyWait(FIND_WAIT);
        }
    }

    /**
     * Clicks an element that loads another page (a link, a form's submit button) and waits until the old page is
     * gone, so that what is read next is the new page's.
     *
     * @param css the element's selector
     * @return this browser
     * @throws IllegalStateException if the page was not replaced within the wait
     */
    public Chromium clickAndLoad(String css) {
        WebElement old = find("html");
        find(css).click();
        long deadline = System.nanoTime() + FIND_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                old.isEnabled();
            } catch (StaleElementReferenceException gone) {
                return this;
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        throw new IllegalStateException("clicking " + css + " did not load another page");
    }

    /**
     * Replaces an input's text.
     *
     * @param css   the input's selector
     * @param value the text to type
     * @return this browser
     */
    public Chromium type(String css, String value) {
        WebElement input = find(css);
        input.clear();
        input.sendKeys(value);
        return this;
    }

    /** @return the page's visible text */
    public String text() {
        return find("body").getText();
    }

    /** @return the page's markup as the browser holds it now */
    public String source() {
        return driver.getPageSource();
    }

    /** @return the current address */
    public String url() {
        return driver.getCurrentUrl();
    }

    /**
     * Saves a PNG of the viewport as {@code <screenshots dir>/<name>.png}.
     *
     * @param name the file name without extension
     * @return the file
     */
    public Path screenshot(String name) {
        Path file = screenshots.resolve(name + ".png");
        Dimension window = driver.manage().window().getSize();
        long height = ((Number) driver.executeScript("return document.documentElement.scrollHeight")).longValue();
        // the whole page, not only the viewport: grow the window to the page for the shot
        driver.manage().window().setSize(new Dimension(window.getWidth(), (int)
                Math.min(Math.max(height + 140, 600), 6000)));
        try {
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        } finally {
            driver.manage().window().setSize(window);
        }
        return file;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
