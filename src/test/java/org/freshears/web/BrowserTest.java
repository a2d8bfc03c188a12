package org.freshears.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** A real browser (Debian's Chromium, headless) drives the pages: upload, report, chain editor, A/B, download. */
class BrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    Path dir;

    @Test
    void uploadReportRenderCompareDownload() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "skipped: /usr/bin/chromium or /usr/bin/chromedriver is missing (apt-get install chromium chromium-driver)");
        Path wav = dir.resolve("Browser Song v1.wav");
        Files.write(wav, TestAudio.wav(4, 44100, 7));
        Path downloads = Files.createDirectories(dir.resolve("downloads"));
        try (WebApp app = WebApp.start(new WebApp.Options(dir.resolve("data"), "127.0.0.1", 0, 500, 2, 8, false))) {
            String base = "http://127.0.0.1:" + app.port();
            WebDriver driver = driver(downloads);
            try {
                driver.get(base + "/");
                WebElement file = driver.findElement(By.id("file"));
                js(driver).executeScript("arguments[0].hidden = false;", file);
                file.sendKeys(wav.toString());
                driver.findElement(By.cssSelector("#platform option[value='apple']")).click();
                driver.findElement(By.id("analyse")).click();
                waitFor("the report page", () -> driver.getCurrentUrl().contains("/analyses/")
                        && !driver.findElements(By.id("headline")).isEmpty());
                String html = driver.getPageSource();
                assertTrue(html.contains("Browser Song v1.wav"), () -> driver.getCurrentUrl() + "\n" + html.substring(0, Math.min(3000, html.length())));
                assertTrue(driver.findElement(By.id("card-loudness")).getText().toLowerCase().contains("integrated loudness"));
                boolean measured = !driver.findElements(By.cssSelector("#plot-tonal svg")).isEmpty();
                if (measured) {
                    assertTrue(driver.findElements(By.cssSelector("svg.plot")).size() >= 3, "plots rendered");
                    assertTrue(driver.findElement(By.cssSelector("#plot-tonal svg")).getSize().getWidth() > 300);
                } else {
                    assertTrue(driver.findElement(By.id("plot-tonal")).getText().contains("not measured"));
                }

                List<WebElement> stages = driver.findElements(By.cssSelector("#chain-stages .stage"));
                assertTrue(stages.size() >= 1, "chain editor shows the suggested stages");
                WebElement ceiling = driver.findElement(By.cssSelector(
                        "#chain-stages .stage[data-type=limiter] input[data-key=ceilingDbtp]"));
                ceiling.clear();
                ceiling.sendKeys("-1.5");
                // a stage the suggestion did not have can be added (a compressor goes before the level trim)
                List<WebElement> addCompressor = driver.findElements(By.cssSelector("#chain-stages button[data-add=compressor]"));
                if (!addCompressor.isEmpty()) addCompressor.getFirst().click();
                WebElement ratio = driver.findElement(By.cssSelector(
                        "#chain-stages .stage[data-type=compressor] input[data-key=ratio]"));
                ratio.clear();
                ratio.sendKeys("3");
                assertEquals("rms", js(driver).executeScript("return document.querySelector("
                        + "'#chain-stages .stage[data-type=compressor] select[data-key=detector]').value"),
                        "a field with fixed values is a menu");
                // a width stage added by hand (a suggested one is removed first): its band covers 2-20 kHz; narrowed
                // to 2-8 kHz, the next band added starts at 8 kHz (bands must not overlap)
                js(driver).executeScript("const st = document.querySelector('#chain-stages .stage[data-type=stereo] h4 button');"
                        + "if (st) st.click();");
                driver.findElement(By.cssSelector("#chain-stages button[data-add=stereo]")).click();
                {
                    WebElement high = driver.findElement(By.cssSelector(
                            "#chain-stages .stage[data-type=stereo] input[data-key=highHz]"));
                    high.clear();
                    high.sendKeys("8000");
                    js(driver).executeScript("[...document.querySelectorAll('#chain-stages .stage[data-type=stereo] button')]"
                            + ".find(b => b.textContent === '+ band').click()");
                    List<WebElement> lows = driver.findElements(By.cssSelector(
                            "#chain-stages .stage[data-type=stereo] input[data-key=lowHz]"));
                    assertEquals(2, lows.size());
                    assertEquals("8000", lows.get(1).getDomProperty("value"), "the new band starts where the first ends");
                }
                WebElement target = driver.findElement(By.id("target-lufs"));
                target.clear();
                target.sendKeys("-15");
                js(driver).executeScript("const a = document.getElementById('amount'); a.value = 80;"
                        + "a.dispatchEvent(new Event('input'));");
                assertEquals("80 %", driver.findElement(By.id("amount-value")).getText());
                driver.findElement(By.id("render")).click();
                waitFor("the master page", () -> driver.getCurrentUrl().contains("/masters/")
                        && !driver.findElements(By.id("checks")).isEmpty());
                assertTrue(driver.findElement(By.id("checks")).getText().contains("-15.00 ± 0.2 LUFS"),
                        "the edited loudness target is the one checked: " + driver.findElement(By.id("checks")).getText());
                assertTrue(driver.findElement(By.cssSelector(".facts")).getText().contains("compressor"),
                        "the added compressor was rendered: " + driver.findElement(By.cssSelector(".facts")).getText());

                WebElement ab = driver.findElement(By.id("ab"));
                waitFor("the A/B player to load both files", () -> "true".equals(ab.getDomAttribute("data-ready"))
                        || driver.findElement(By.id("ab-note")).getText().contains("could not"));
                assertEquals("true", ab.getDomAttribute("data-ready"), driver.findElement(By.id("ab-note")).getText());
                assertTrue(driver.findElement(By.id("ab-note")).getText().contains("Matched by"));
                driver.findElement(By.id("play")).click();
                waitFor("playback", () -> "true".equals(ab.getDomAttribute("data-playing")));
                assertEquals("a", ab.getDomAttribute("data-active"));
                driver.findElement(By.id("pick-b")).click();
                assertEquals("b", ab.getDomAttribute("data-active"));
                assertTrue(driver.findElement(By.id("pick-b")).getDomAttribute("class").contains("on"));
                driver.findElement(By.id("pick-a")).click();
                assertEquals("a", ab.getDomAttribute("data-active"));
                assertEquals("true", ab.getDomAttribute("data-playing"), "switching does not stop playback");
                driver.findElement(By.id("play")).click();

                driver.findElement(By.cssSelector("#downloads a.btn")).click();
                waitFor("the download", () -> {
                    try (var s = Files.list(downloads)) {
                        return s.anyMatch(p -> p.toString().endsWith("-master.wav"));
                    } catch (Exception e) {
                        return false;
                    }
                });
                Path got;
                try (var s = Files.list(downloads)) {
                    got = s.filter(p -> p.toString().endsWith("-master.wav")).findFirst().orElseThrow();
                }
                WebAppTest.assertWav(Files.readAllBytes(got), 24, 4 * 44100);
            } finally {
                driver.quit();
            }
        }
    }

    static WebDriver driver(Path downloads) throws Exception {
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM.toFile());
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--autoplay-policy=no-user-gesture-required", "--window-size=1400,1800",
                "--user-data-dir=" + Files.createTempDirectory("freshears-chrome"));
        o.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver d = new ChromeDriver(service, o);
        d.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        return d;
    }

    static JavascriptExecutor js(WebDriver d) {
        return (JavascriptExecutor) d;
    }

    /** A bounded wait for a condition in the browser (functional test: polls until a deadline). */
    static void waitFor(String what, Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (condition.get()) return;
            } catch (RuntimeException ignored) {
                // the page is navigating
            }
            Thread.sleep(100);
        }
        throw new AssertionError("timed out waiting for " + what);
    }
}
