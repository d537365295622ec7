package org.centraerp.connector.ops.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium and chromium-driver, headless, for the console's browser tests. Missing ones fail the test
 * (.ci/run installs them): a browser test that skips itself proves nothing.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    private static final Duration FIND_WAIT = Duration.ofSeconds(20);

    private final WebDriver driver;
    private final String base;

    Browser(String base, Path profile) {
        assertThat(CHROMIUM).as("chromium (apt-get install chromium chromium-driver)").isExecutable();
        assertThat(CHROMEDRIVER).as("chromedriver (apt-get install chromium-driver)").isExecutable();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1440,1000", "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        this.driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        // A click that sends a form returns before the next page is there: finding an element waits for it.
        this.driver.manage().timeouts().implicitlyWait(FIND_WAIT);
        this.base = base;
    }

    void open(String path) {
        driver.get(base + path);
    }

    void logIn(String user, String password) {
        open("/console/login");
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("login-submit")).click();
        // The click returns once the form is sent, not always after the answer's redirect: wait for the page
        // after the login form (the console page asked for, or the form again with ?error).
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(page -> !page.getCurrentUrl().endsWith("/console/login"));
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    boolean has(String css) {
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
        try {
            return !driver.findElements(By.cssSelector(css)).isEmpty();
        } finally {
            driver.manage().timeouts().implicitlyWait(FIND_WAIT);
        }
    }

    String text(String css) {
        return find(css).getText();
    }

    void click(String css) {
        find(css).click();
    }

    void refresh() {
        driver.navigate().refresh();
    }

    String url() {
        return driver.getCurrentUrl();
    }

    String page() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** Saves the page as target/console-screenshots/{name}.png. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Path taken = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(taken, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
