package io.k8tre.e2e.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium. The machine has no internet: the driver is named explicitly (else
 * Selenium Manager goes looking online) and Chromium's own background traffic is switched off.
 * {@code --no-sandbox} because the tests run as root.
 */
public final class Chromium {

  private static final File BINARY = new File("/usr/bin/chromium");
  private static final File DRIVER = new File("/usr/bin/chromedriver");

  private Chromium() {}

  public static WebDriver start() throws IOException {
    if (!BINARY.canExecute() || !DRIVER.canExecute()) {
      throw new IllegalStateException(
          "install Debian's chromium and chromium-driver (bin/test does it when run as root)");
    }
    ChromeOptions options =
        new ChromeOptions()
            .setBinary(BINARY)
            .addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-quic",
                "--no-first-run",
                "--window-size=1280,900",
                "--user-data-dir=" + Files.createTempDirectory("k8tre-e2e-chromium"));
    ChromeDriverService driver =
        new ChromeDriverService.Builder().usingDriverExecutable(DRIVER).usingAnyFreePort().build();
    return new ChromeDriver(driver, options);
  }

  /** Saves what the browser shows as {@code target/screenshots/<name>.png}. */
  public static Path screenshot(WebDriver browser, String name) throws IOException {
    Path dir = Files.createDirectories(Path.of("target", "screenshots"));
    Path file = dir.resolve(name + ".png");
    Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    return file;
  }
}
