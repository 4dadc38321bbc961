package dev.retention.dashboard;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A headless Chromium (Debian's chromium and chromium-driver) for the dashboard's tests. Without them the tests are
 * skipped with the reason, unless RETENTION_REQUIRE_BROWSER=true (as in CI, which installs them) makes that a failure.
 */
final class Browser {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File DRIVER = new File("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "dashboard-screenshots");

    private Browser() {}

    static ChromeDriver start() {
        boolean present = CHROMIUM.canExecute() && DRIVER.canExecute();
        if (!present) {
            String reason = "no headless Chromium: install Debian's chromium and chromium-driver (apt-get install -y "
                    + "chromium chromium-driver)";
            if ("true".equals(System.getenv("RETENTION_REQUIRE_BROWSER"))) {
                throw new IllegalStateException(reason);
            }
            Assumptions.assumeTrue(false, reason);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        // no sandbox: CI runs as root, where Chromium's sandbox cannot start
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--window-size=1280,900",
                "--lang=en");
        ChromeDriverService service =
                new ChromeDriverService.Builder().usingDriverExecutable(DRIVER).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        return driver;
    }

    static void resize(ChromeDriver driver, int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    static void screenshot(ChromeDriver driver, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("could not save the screenshot " + name, e);
        }
    }
}
