package io.contactcenter.testinfra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * A headless Chromium (Debian packages chromium and chromium-driver, which scripts/test.sh
 * installs) for one test, as a JUnit extension: {@code @RegisterExtension Chromium chromium = new
 * Chromium();}. When the test fails, a screenshot, the page's HTML and the browser console are
 * saved under {@code target/chromium/}.
 *
 * <p>The driver and browser are the installed binaries, named explicitly: there is no internet, and
 * Selenium Manager would otherwise try to download a matching pair.
 */
public final class Chromium
    implements BeforeEachCallback, AfterEachCallback, TestExecutionExceptionHandler {

  private static final Path BROWSER = Path.of("/usr/bin/chromium");
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  private final List<String> extraArguments;
  private ChromeDriver driver;

  /** Chromium as every page test uses it. */
  public Chromium() {
    this(List.of());
  }

  /**
   * Chromium with more command-line switches, such as a fake microphone for the softphone: {@code
   * --use-fake-ui-for-media-stream --use-fake-device-for-media-stream}.
   */
  public Chromium(List<String> extraArguments) {
    this.extraArguments = List.copyOf(extraArguments);
  }

  /**
   * A wait on a page whose scripts re-render: an element may go stale, or be missing for a moment,
   * between two looks. (Awaitility keeps only the last {@code ignoreException}; this ignores both.)
   */
  public static ConditionFactory onPage(Duration atMost) {
    return Awaitility.await()
        .atMost(atMost)
        .pollInterval(Duration.ofMillis(200))
        .ignoreExceptionsMatching(
            e ->
                e instanceof StaleElementReferenceException || e instanceof NoSuchElementException);
  }

  /** The browser of the running test. */
  public WebDriver driver() {
    if (driver == null) {
      throw new IllegalStateException("Chromium runs only during a test");
    }
    return driver;
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
      throw new IllegalStateException(
          "no "
              + BROWSER
              + " or "
              + DRIVER
              + ": apt-get install chromium chromium-driver (scripts/test.sh does as root)");
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER.toFile());
    options.addArguments(
        "--headless=new",
        // The sandbox needs user namespaces, which containers and root often lack.
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        // Recordings are played by script, without a click.
        "--autoplay-policy=no-user-gesture-required",
        "--window-size=1280,1600",
        "--lang=en-US");
    options.addArguments(extraArguments);
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
    driver = new ChromeDriver(service, options);
    // Pages under test are served by the same JVM on two busy cores: be patient.
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
  }

  /**
   * The browser console's reports of the Content-Security-Policy refusing something (an inline
   * script or style, a script, a fetch) since the last read of the console.
   */
  public List<String> securityPolicyViolations() {
    return driver().manage().logs().get(LogType.BROWSER).getAll().stream()
        .map(LogEntry::getMessage)
        .filter(m -> m.contains("Content Security Policy"))
        .toList();
  }

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    if (driver != null) {
      saveEvidence(context.getRequiredTestClass().getSimpleName(), failure);
    }
    throw failure;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (driver != null) {
      driver.quit();
      driver = null;
    }
  }

  private void saveEvidence(String name, Throwable failure) {
    Path dir = Path.of("target", "chromium");
    try {
      Files.createDirectories(dir);
      Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
      Files.writeString(
          dir.resolve(name + ".html"),
          "<!-- " + driver.getCurrentUrl() + " -->\n" + driver.getPageSource(),
          StandardCharsets.UTF_8);
      StringBuilder console = new StringBuilder();
      for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
        console.append(entry).append('\n');
      }
      Files.writeString(dir.resolve(name + "-console.log"), console, StandardCharsets.UTF_8);
    } catch (IOException | WebDriverException e) {
      // The test's own failure matters more than missing evidence: keep it, note this one.
      failure.addSuppressed(e);
    }
  }
}
