package com.twsrobot.maintenance.console;

import com.twsrobot.maintenance.core.MaintenanceRunner;
import com.twsrobot.maintenance.testkit.FixtureServer;
import com.twsrobot.maintenance.testkit.Fixtures;
import com.twsrobot.maintenance.testkit.TempWorkspace;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard in a real headless Chromium (Debian's chromium and chromedriver; nothing is
 * downloaded): dry run, cards and report update, apply asks with the warnings, apply, new counts.
 */
class DashboardBrowserTest {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    private static void requireChromium() {
        boolean present = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
        if (!present && System.getenv("CI") == null) {
            Assumptions.abort("Debian's chromium and chromium-driver are not installed (apt-get install chromium "
                    + "chromium-driver); .ci/run installs them");
        }
        assertThat(present).as("chromium and chromedriver must be installed in CI").isTrue();
    }

    @Test
    void cardsTellTheAgeTheHealthAndWhyAPreviewCannotBeApplied() throws Exception {
        requireChromium();
        try (TempWorkspace ws = TempWorkspace.create().withConstituents(true)) {
            java.nio.file.attribute.FileTime old = java.nio.file.attribute.FileTime.from(
                    java.time.Instant.now().minus(Duration.ofDays(45)));
            for (String name : Fixtures.constituentFiles()) {
                Files.setLastModifiedTime(ws.dataFile(name), old);
            }
            MaintenanceRunner runner = MaintenanceRunner.builder().dataDir(ws.dataDir()).reportsDir(ws.reportsDir())
                    .progressListener(m -> { }).discover(false).indexes(BuiltIns.SPECS).churnThresholds(null, 1, 1)
                    .source(com.twsrobot.maintenance.testkit.FakeSource.returning("sp500",
                            com.twsrobot.maintenance.testkit.Rows.usTickers(500)))
                    .source(com.twsrobot.maintenance.testkit.FakeSource.returning("sti",
                            com.twsrobot.maintenance.testkit.Rows.sgxCodes(30)))
                    .source(com.twsrobot.maintenance.testkit.FakeSource.failing("hsi", "HKEX answered 502")).build();
            try (MaintenanceConsole console = MaintenanceConsole.start(runner, ConsoleOptions.defaults().withPort(0))) {
                WebDriver driver = chromium(ws.root().resolve("chrome-profile"));
                try {
                    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
                    driver.get(console.uri().resolve("/maintenance").toString());
                    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#card-hsi dl"), "Health"));
                    WebElement sti = driver.findElement(By.id("card-sti"));
                    assertThat(sti.getText()).contains("45 days", "WARN", "the file is 45 days old (more than 30)");
                    assertThat(sti.getAttribute("class")).contains("warning");

                    // Preview a chosen subset: STI and HSI, not the S&P 500.
                    byte[] sp500Before = Files.readAllBytes(ws.dataFile("sp500_constituents.csv"));
                    byte[] stiBefore = Files.readAllBytes(ws.dataFile("sti_constituents.csv"));
                    byte[] hsiBefore = Files.readAllBytes(ws.dataFile("hsi_constituents.csv"));
                    driver.findElement(By.cssSelector("input[name='task'][value='sp500_constituents']")).click();
                    assertThat(driver.findElement(By.cssSelector("input[name='task'][value='market_events']")).isDisplayed())
                            .isFalse(); // this runner has no market events
                    driver.findElement(By.id("btn-dry-run-selected")).click();
                    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("apply-hint"),
                            "The source could not be read for hsi_constituents"));
                    assertThat(driver.findElement(By.id("apply-hint")).getText())
                            .contains("(sti_constituents)", "Left out:");
                    assertThat(driver.findElement(By.id("report")).getText()).contains("sti_constituents", "hsi_constituents")
                            .doesNotContain("sp500_constituents");
                    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#card-hsi dl"),
                            "the last run failed"));
                    WebElement hsi = driver.findElement(By.id("card-hsi"));
                    assertThat(hsi.getText()).contains("FAIL", "HKEX answered 502");
                    assertThat(hsi.getAttribute("class")).contains("failed");
                    screenshot(driver, "console-cards-health.png");

                    // HSI failed, STI passed: Apply applies STI alone, exactly as previewed.
                    assertThat(driver.findElement(By.id("btn-apply-constituents")).isEnabled()).isTrue();
                    driver.findElement(By.id("btn-apply-constituents")).click();
                    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("confirm-title"), "Apply"));
                    assertThat(driver.findElement(By.id("confirm-dialog")).getText()).contains("sti_constituents: 30 → 30",
                            "Not applied (its preview failed): hsi_constituents");
                    screenshot(driver, "console-apply-subset.png");
                    driver.findElement(By.id("confirm-apply")).click();
                    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Applied"));
                    assertThat(Files.readAllBytes(ws.dataFile("sti_constituents.csv"))).isNotEqualTo(stiBefore);
                    assertThat(Files.readAllBytes(ws.dataFile("hsi_constituents.csv"))).isEqualTo(hsiBefore);
                    assertThat(Files.readAllBytes(ws.dataFile("sp500_constituents.csv"))).isEqualTo(sp500Before);
                    // The card says where the file's content now comes from: the source the apply read, and its report.
                    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#card-sti dl"),
                            "fake://sti (report maintenance_"));
                    assertThat(driver.findElement(By.id("card-hsi")).getText()).contains("no recent apply on record");
                    // Focus lands on the action's result, not on <body>.
                    assertThat(((org.openqa.selenium.JavascriptExecutor) driver)
                            .executeScript("return document.activeElement.id")).isIn("report", "message");

                    // History: both runs listed; filtered to applies, one. Two checked reports compared: the apply
                    // wrote exactly the STI list its preview proposed; HSI is named as not compared.
                    driver.findElement(By.id("btn-history")).click();
                    wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#history-table tbody tr"), 2));
                    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("history-mode"))).selectByValue("apply");
                    driver.findElement(By.id("btn-history")).click();
                    wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#history-table tbody tr"), 1));
                    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("history-mode"))).selectByValue("");
                    driver.findElement(By.id("btn-history")).click();
                    wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#history-table tbody tr"), 2));
                    assertThat(driver.findElement(By.id("btn-compare-reports")).isEnabled()).isFalse();
                    driver.findElements(By.cssSelector("input[name='compare-report']")).forEach(WebElement::click);
                    driver.findElement(By.id("btn-compare-reports")).click();
                    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("comparison")));
                    assertThat(driver.findElement(By.id("comparison")).getText()).contains("sti_constituents", "+0 / −0 · 0 field change(s)",
                            "Same symbols.", "hsi_constituents: not compared");
                    // Two versions of a file: the backup the apply took → the file now.
                    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("compare-task")))
                            .selectByValue("sti_constituents");
                    wait.until(d -> d.findElements(By.cssSelector("#compare-from option")).size() == 2);
                    driver.findElement(By.id("btn-compare-versions")).click();
                    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("comparison"), "→ current"));
                    assertThat(driver.findElement(By.id("comparison")).getText()).contains("Added (", "Removed (");
                    assertThat(((org.openqa.selenium.JavascriptExecutor) driver)
                            .executeScript("return document.activeElement.id")).isEqualTo("comparison");
                    screenshot(driver, "console-history-compare.png");

                    // A 400 px window: the report's table scrolls inside its box; the page never scrolls sideways.
                    driver.manage().window().setSize(new org.openqa.selenium.Dimension(400, 900));
                    driver.findElement(By.id("btn-view-report")).click();
                    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#report .scroll table")));
                    // The box already shows the apply's report, so the table is visible at once: wait for the two
                    // fetches to land (they move the focus to the box) rather than race them.
                    wait.until(d -> "report".equals(((org.openqa.selenium.JavascriptExecutor) d)
                            .executeScript("return document.activeElement.id")));
                    Object overflow = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                            "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
                    assertThat(((Number) overflow).intValue()).as("page-level horizontal overflow in px").isLessThanOrEqualTo(0);
                    Object tableBox = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                            "return getComputedStyle(document.querySelector('#report .scroll')).overflowX");
                    assertThat(tableBox).isEqualTo("auto"); // a wider table would scroll inside its box
                    assertThat(((org.openqa.selenium.JavascriptExecutor) driver)
                            .executeScript("return document.activeElement.id")).isEqualTo("report");
                    // Every control has an accessible name: its text or its label.
                    Object unlabelled = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                            "return [...document.querySelectorAll('button, input, select')].filter(c => !(c.textContent.trim()"
                                    + " || c.labels && c.labels.length || c.getAttribute('aria-label'))).map(c => c.id)");
                    assertThat((java.util.List<?>) unlabelled).isEmpty();
                    screenshot(driver, "console-400px.png");
                } catch (AssertionError | RuntimeException e) {
                    screenshot(driver, "console-cards-failure.png");
                    throw e;
                } finally {
                    driver.quit();
                }
            }
        }
    }

    /** An HSI source that answers only when the test lets it: a run that lasts as long as the test needs. */
    private static final class HeldSource implements com.twsrobot.maintenance.api.ConstituentSource {
        final java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        private final com.twsrobot.maintenance.testkit.FakeSource answer = com.twsrobot.maintenance.testkit.FakeSource
                .returning("hsi", com.twsrobot.maintenance.testkit.Rows.hkexCodes(85));

        @Override
        public String index() {
            return "hsi";
        }

        @Override
        public String defaultUrl() {
            return "fake://hsi";
        }

        @Override
        public com.twsrobot.maintenance.api.SourceResult fetch(com.twsrobot.maintenance.api.SourceContext context)
                throws com.twsrobot.maintenance.api.SourceException {
            try {
                if (!release.await(60, java.util.concurrent.TimeUnit.SECONDS)) {
                    throw new com.twsrobot.maintenance.api.SourceException("the test never released the source");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new com.twsrobot.maintenance.api.SourceException("interrupted");
            }
            return answer.fetch(context);
        }
    }

    @Test
    void aRunStartedElsewhereIsShownInThePageAndAfterAReload() throws Exception {
        requireChromium();
        HeldSource held = new HeldSource();
        try (TempWorkspace ws = TempWorkspace.create().withConstituents(true)) {
            MaintenanceRunner runner = MaintenanceRunner.builder().dataDir(ws.dataDir()).reportsDir(ws.reportsDir())
                    .progressListener(m -> { }).discover(false).indexes(BuiltIns.SPECS).churnThresholds(null, 1, 1).source(held).build();
            try (MaintenanceConsole console = MaintenanceConsole.start(runner, ConsoleOptions.defaults().withPort(0))) {
                String page = console.uri().resolve("/maintenance").toString();
                WebDriver driver = chromium(ws.root().resolve("chrome-profile"));
                WebDriver starter = null;
                try {
                    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
                    driver.get(page);
                    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#card-hsi dl"), "Health"));
                    assertThat(driver.findElement(By.id("progress")).isDisplayed()).isFalse();

                    // A second browser (its own profile: another operator) starts a dry run of HSI from its page.
                    starter = chromium(ws.root().resolve("chrome-profile-2"));
                    WebDriverWait starterWait = new WebDriverWait(starter, Duration.ofSeconds(30));
                    starter.get(page);
                    starterWait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#card-hsi dl"),
                            "Health"));
                    starter.findElement(By.cssSelector("input[name='task'][value='sp500_constituents']")).click();
                    starter.findElement(By.cssSelector("input[name='task'][value='sti_constituents']")).click();
                    starter.findElement(By.id("btn-dry-run-selected")).click();
                    starterWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("progress")));

                    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("progress")));
                    assertThat(driver.findElement(By.id("progress-label")).getText()).contains("hsi_constituents", "dry run");
                    assertThat(driver.findElement(By.id("btn-dry-run-all")).isEnabled()).isFalse();

                    driver.navigate().refresh(); // a reload re-attaches to the run under way
                    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("progress")));
                    assertThat(driver.findElement(By.id("progress-label")).getText()).contains("hsi_constituents");
                    screenshot(driver, "console-run-elsewhere.png");

                    held.release.countDown();
                    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"),
                            "A run started elsewhere finished"));
                    assertThat(driver.findElement(By.id("progress")).isDisplayed()).isFalse();
                    assertThat(driver.findElement(By.id("report")).getText()).contains("hsi_constituents");
                    assertThat(driver.findElement(By.id("btn-dry-run-all")).isEnabled()).isTrue();
                    // The browser that started it shows its own report.
                    new WebDriverWait(starter, Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(
                            By.cssSelector("#report .task[data-task='hsi_constituents']")));
                } catch (AssertionError | RuntimeException e) {
                    screenshot(driver, "console-run-elsewhere-failure.png");
                    throw e;
                } finally {
                    held.release.countDown();
                    driver.quit();
                    if (starter != null) {
                        starter.quit();
                    }
                }
            }
        }
    }

    private static Object js(WebDriver driver, String script) {
        return ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(script);
    }

    /** The data a chart's uPlot holds (x values first), and how many of its canvas pixels are painted. */
    private static java.util.List<?> chartData(WebDriver driver, String id) {
        return (java.util.List<?>) js(driver, "const u = charts.find(c => c.root.closest('figure').id === '" + id + "');"
                + " return u ? u.data.map(s => Array.from(s)) : null");
    }

    private static long paintedPixels(WebDriver driver, String id) {
        return ((Number) js(driver, "const c = document.querySelector('#" + id + " canvas');"
                + " const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                + " let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n")).longValue();
    }

    /**
     * The workspace's reports (ConsoleChartsTest.workspaceWithHistory) drawn as trends; the history with each
     * run's task and kind; a run's progress in view at 1400x1000; the apply confirmation's removal list; 400 px
     * without sideways scrolling; the dark theme.
     */
    @Test
    void trendsHistoryKindsProgressRemovalsNarrowAndDark() throws Exception {
        requireChromium();
        try (TempWorkspace ws = TempWorkspace.create().withConstituents(true)) {
            java.time.Instant start = java.time.Instant.parse("2026-03-02T01:00:00Z");
            com.twsrobot.maintenance.testkit.MutableClock clock = com.twsrobot.maintenance.testkit.MutableClock.at(start.toString());
            ConsoleChartsTest.History history = ConsoleChartsTest.workspaceWithHistory(ws, clock, start);
            try (MaintenanceConsole console = MaintenanceConsole.start(history.runner(), ConsoleOptions.defaults().withPort(0))) {
                WebDriver driver = chromium(ws.root().resolve("chrome-profile"));
                try {
                    driver.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1000));
                    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
                    driver.get(console.uri().resolve("/maintenance").toString());
                    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-events canvas")));
                    long day = 86400;
                    long t0 = start.getEpochSecond();
                    // STI: three applies (30, 31, 29 members) and the partial apply's unchanged 29, with their churn.
                    java.util.List<?> sti = chartData(driver, "chart-members-sti");
                    assertThat(sti).hasSize(4);
                    assertThat((java.util.List<?>) sti.get(1)).extracting(v -> ((Number) v).intValue()).containsExactly(30, 31, 29, 29);
                    assertThat((java.util.List<?>) sti.get(2)).extracting(v -> ((Number) v).intValue()).containsExactly(30, 1, 0, 0);
                    assertThat((java.util.List<?>) sti.get(3)).extracting(v -> ((Number) v).intValue()).containsExactly(30, 0, 2, 0);
                    assertThat(((Number) ((java.util.List<?>) sti.get(0)).get(0)).longValue()).isEqualTo(t0 + 7 * day);
                    assertThat(driver.findElement(By.id("chart-members-hsi")).getText()).contains("No data in the reports yet");
                    java.util.List<?> events = chartData(driver, "chart-events");
                    assertThat((java.util.List<?>) events.get(1)).extracting(v -> ((Number) v).intValue()).containsExactly(4, 4);
                    java.util.List<?> age = chartData(driver, "chart-age");
                    assertThat((java.util.List<?>) age.get(0)).hasSize(3);
                    assertThat(driver.findElement(By.id("chart-durations")).getAttribute("data-series"))
                            .contains("sti_constituents", "hsi_constituents", "sp500_constituents", "market_events");
                    for (String chart : java.util.List.of("chart-members-sti", "chart-age", "chart-durations", "chart-events")) {
                        assertThat(paintedPixels(driver, chart)).as(chart + " drawn").isGreaterThan(1000);
                    }
                    js(driver, "document.getElementById('trends-title').scrollIntoView()");
                    screenshot(driver, "console-trends.png");

                    // History: each run's tasks and its kind, told apart where the status alone says failed.
                    driver.findElement(By.id("btn-history")).click();
                    wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#history-table tbody tr"), 10));
                    String table = driver.findElement(By.id("history-table")).getText();
                    assertThat(table).contains("Task", "Kind", "refused: run lock held", "partly applied", "source failed",
                            "validation failed", "sti_constituents, hsi_constituents", "market_events");
                    assertThat(driver.findElement(By.cssSelector("#history-table .kind.lock_refused")).getCssValue("background-color"))
                            .isNotEqualTo(driver.findElement(By.cssSelector("#history-table .kind.source_failed"))
                                    .getCssValue("background-color"));
                    js(driver, "document.getElementById('history-title').scrollIntoView()");
                    screenshot(driver, "console-history-kinds.png");

                    // A run under way: its progress is in view at 1400x1000 without scrolling, wherever the page is.
                    js(driver, "window.scrollTo(0, 0)");
                    history.sp500().arm();
                    // 60 of the 500 replaced by 60 others: the count stays, 12% of the names go.
                    history.sp500().answer.answer(com.twsrobot.maintenance.testkit.Rows.usTickers(560).subList(60, 560));
                    driver.findElement(By.cssSelector("input[name='task'][value='sti_constituents']")).click();
                    driver.findElement(By.cssSelector("input[name='task'][value='hsi_constituents']")).click();
                    driver.findElement(By.id("btn-dry-run-selected")).click();
                    assertThat(history.sp500().entered.await(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
                    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("progress-lines"), "sp500_constituents"));
                    Object inView = js(driver, "const r = document.getElementById('progress').getBoundingClientRect();"
                            + " return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight");
                    assertThat(inView).as("the progress box is in the viewport").isEqualTo(true);
                    screenshot(driver, "console-progress-1400.png");
                    history.sp500().release.countDown();

                    // The confirmation lists the names that would go: the first 20, then how many more; 12% is heavy.
                    wait.until(ExpectedConditions.elementToBeClickable(By.id("btn-apply-constituents")));
                    driver.findElement(By.id("btn-apply-constituents")).click();
                    WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-dialog")));
                    assertThat(driver.findElements(By.cssSelector("#confirm-removals li"))).hasSize(20);
                    assertThat(dialog.getText()).contains("sp500_constituents: 500 → 500 (+60 / −60)",
                            "sp500_constituents: 60 name(s) would be removed", "AAAA — Company AAAA",
                            "… and 40 more (the report lists them all)",
                            "Heavy removal — sp500_constituents: 60 of 500 names (12%) would go");
                    screenshot(driver, "console-confirm-removals.png");
                    // A removal a fund's holdings do not back is called out too (a second opinion as reports carry it).
                    assertThat(js(driver, "return unexplainedRemovals([{task: 'idx_constituents', removed: [{symbol: 'AAA'},"
                            + " {symbol: 'BBB'}], detail: {second_opinion: [{source: 'fund-holdings', only_in_source:"
                            + " [{symbol: 'BBB', name: 'B Corp'}]}]}}, {task: 'other', removed: [{symbol: 'CCC'}], detail: {}}])"))
                            .isEqualTo(java.util.List.of("Unexplained removal — idx_constituents: off the page but still held by "
                                    + "fund-holdings: BBB"));
                    driver.findElement(By.id("confirm-cancel")).click();
                    assertThat(Files.readString(ws.dataFile("sp500_constituents.csv")).lines().count()).isEqualTo(501);

                    // 400 px: the charts fit their boxes and the page never scrolls sideways.
                    driver.manage().window().setSize(new org.openqa.selenium.Dimension(400, 900));
                    wait.until(d -> ((Number) js(d, "return document.querySelector('#chart-durations canvas') ? "
                            + "document.querySelector('#chart-durations canvas').getBoundingClientRect().width : 9999")).intValue() <= 400);
                    assertThat(((Number) js(driver, "return document.documentElement.scrollWidth - document.documentElement.clientWidth"))
                            .intValue()).as("page-level horizontal overflow in px at 400 px").isLessThanOrEqualTo(0);
                    js(driver, "document.getElementById('trends-title').scrollIntoView()");
                    screenshot(driver, "console-trends-400px.png");

                    // The host's dark dashboard: prefers-color-scheme: dark gives the dark theme, charts redrawn in it.
                    driver.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1000));
                    ((org.openqa.selenium.chromium.HasCdp) driver).executeCdpCommand("Emulation.setEmulatedMedia",
                            java.util.Map.of("features", java.util.List.of(java.util.Map.of("name", "prefers-color-scheme",
                                    "value", "dark"))));
                    wait.until(d -> "rgb(15, 19, 26)".equals(js(d, "return getComputedStyle(document.body).backgroundColor")));
                    assertThat(js(driver, "return getComputedStyle(document.querySelector('.card')).backgroundColor"))
                            .isEqualTo("rgb(23, 28, 37)");
                    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-events canvas")));
                    js(driver, "window.scrollTo(0, 0)");
                    screenshot(driver, "console-dark.png");
                    js(driver, "document.getElementById('trends-title').scrollIntoView()");
                    screenshot(driver, "console-dark-trends.png");
                } catch (AssertionError | RuntimeException e) {
                    screenshot(driver, "console-trends-failure.png");
                    throw e;
                } finally {
                    history.sp500().release.countDown();
                    driver.quit();
                }
            }
        }
    }

    @Test
    void everyIndexTheRunnerHasGetsACardAndAChoiceNotOnlyTheBuiltIns() throws Exception {
        requireChromium();
        try (TempWorkspace ws = TempWorkspace.create().withConstituents(true)) {
            MaintenanceRunner runner = MaintenanceRunner.builder().dataDir(ws.dataDir()).reportsDir(ws.reportsDir())
                    .progressListener(m -> { }).discover(false).indexes(BuiltIns.SPECS)
                    .index(new com.twsrobot.maintenance.api.IndexSpec("nikkei", "nikkei_constituents", "Nikkei 225",
                            "nikkei_constituents.csv", java.util.regex.Pattern.compile("[0-9]{4}\\.T"),
                            "TSE code with .T suffix, e.g. 7203.T", 200, false)).build();
            try (MaintenanceConsole console = MaintenanceConsole.start(runner, ConsoleOptions.defaults().withPort(0))) {
                WebDriver driver = chromium(ws.root().resolve("chrome-profile"));
                try {
                    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
                    driver.get(console.uri().resolve("/maintenance").toString());
                    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#card-nikkei dl"), "Health"));
                    assertThat(driver.findElement(By.id("card-nikkei")).getText()).contains("Nikkei 225 constituents",
                            "none registered");
                    assertThat(driver.findElements(By.cssSelector(".cards .card[data-index]"))).hasSize(4);
                    assertThat(driver.findElement(By.cssSelector("input[name='task'][value='nikkei_constituents']"))
                            .isSelected()).isTrue();
                    assertThat(driver.findElement(By.cssSelector(".select-tasks")).getText()).contains("Nikkei 225", "S&P 500");
                } finally {
                    driver.quit();
                }
            }
        }
    }

    @Test
    void dryRunThenConfirmedApplyFromTheDashboard() throws Exception {
        requireChromium();

        try (TempWorkspace ws = TempWorkspace.create().withConstituents(false);
             FixtureServer pages = FixtureServer.start()
                     .page("/sp500", Fixtures.page("wikipedia_sp500.html"))
                     .page("/sti", Fixtures.page("wikipedia_sti.html"))
                     .page("/hsi", Fixtures.page("wikipedia_hsi.html"))) {
            MaintenanceRunner runner = MaintenanceRunner.builder().dataDir(ws.dataDir()).reportsDir(ws.reportsDir())
                    .progressListener(m -> { }).sourceUrl("sp500", pages.url("/sp500")).sourceUrl("sti", pages.url("/sti"))
                    .sourceUrl("hsi", pages.url("/hsi")).build();
            try (MaintenanceConsole console = MaintenanceConsole.start(runner, ConsoleOptions.defaults().withPort(0))) {
                WebDriver driver = chromium(ws.root().resolve("chrome-profile"));
                try {
                    drive(driver, console.uri().resolve("/maintenance").toString(), ws.dataFile("sti_constituents.csv"));
                } catch (AssertionError | RuntimeException e) {
                    screenshot(driver, "console-failure.png"); // what the page showed when it went wrong
                    throw e;
                } finally {
                    driver.quit();
                }
            }
        }
    }

    private static void drive(WebDriver driver, String url, Path stiFile) throws Exception {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        driver.get(url);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#card-hsi dl"), "49"));
        assertThat(driver.findElement(By.id("card-report")).getText()).contains("none yet");
        assertThat(driver.findElement(By.id("btn-apply-constituents")).isEnabled()).isFalse();
        assertThat(driver.findElement(By.id("btn-apply-constituents")).getCssValue("background-color"))
                .isNotEqualTo(driver.findElement(By.id("btn-dry-run-all")).getCssValue("background-color"));

        driver.findElement(By.id("allow-large-change")).click();
        driver.findElement(By.id("btn-dry-run-all")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#report .task[data-task='hsi_constituents']")));
        String report = driver.findElement(By.id("report")).getText();
        assertThat(report).contains("Dry run — nothing written", "ECHO — EchoStar", "SATS — EchoStar",
                "5E2.SI — Seatrium Limited", "0011.HK — Hang Seng Bank");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("card-report"), "dry run"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("btn-apply-constituents")));
        screenshot(driver, "console-dry-run.png");

        driver.findElement(By.id("btn-apply-constituents")).click();
        WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-dialog")));
        assertThat(dialog.getText()).contains("Apply constituents refresh?",
                "Large constituent count change — hsi_constituents", "count changes from 49 to 85");
        screenshot(driver, "console-confirm-apply.png");
        driver.findElement(By.id("confirm-apply")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Applied"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#card-hsi dl"), "85"));
        assertThat(driver.findElement(By.id("card-report")).getText()).contains("apply");
        assertThat(driver.findElement(By.id("report")).getText()).doesNotContain("Dry run — nothing written");
        assertThat(driver.findElement(By.id("btn-apply-constituents")).isEnabled()).isFalse();
        screenshot(driver, "console-applied.png");

        // Roll back with a preview: choose the backup, see what the restore would change, then restore.
        driver.findElement(By.id("btn-rollback")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("confirm-title"), "Roll back a constituent file?"));
        assertThat(driver.findElement(By.id("confirm-apply")).getText()).isEqualTo("Preview");
        // Each backup says how many rows it holds and which apply took it.
        assertThat(driver.findElement(By.cssSelector("#rollback-backup option[value^='sti_constituents|']")).getText())
                .contains("sti_constituents.csv — ", "30 rows", "taken by apply maintenance_");
        driver.findElement(By.cssSelector("#rollback-backup option[value^='sti_constituents|']")).click();
        driver.findElement(By.id("confirm-apply")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("confirm-title"), "Restore "));
        dialog = driver.findElement(By.id("confirm-dialog"));
        // (Market-open warnings depend on the wall clock here; the API test checks them with a fixed clock.)
        assertThat(dialog.getText()).contains("Restoring would change sti_constituents: 30 → 30 symbols (+5 / −5");
        assertThat(driver.findElement(By.id("confirm-apply")).getText()).isEqualTo("Restore");
        // A rollback preview is labelled as one, naming the backup it previewed.
        assertThat(driver.findElement(By.id("report")).getText()).contains("Rollback preview of backup ",
                "5E2.SI — Seatrium Limited").doesNotContain("Dry run — nothing written");
        assertThat(new String(Files.readAllBytes(stiFile))).contains("5E2.SI"); // nothing written yet
        screenshot(driver, "console-rollback-preview.png");
        driver.findElement(By.id("confirm-apply")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Rolled back"));
        assertThat(new String(Files.readAllBytes(stiFile))).doesNotContain("5E2.SI");
        screenshot(driver, "console-rolled-back.png");
        // The latest-report card and the history say which rollback each run was, from its mode (not "dry run").
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("card-report"), "rollback to backup "));
        driver.findElement(By.id("btn-history")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#history-table tbody tr:first-child"),
                "rollback to backup "));
        assertThat(driver.findElement(By.cssSelector("#history-table tbody tr:nth-child(2)")).getText())
                .contains("rollback preview of backup ").doesNotContain("dry run");

        // The report view of a market-events dry run lists each event per provider (a report as the API sends it).
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("renderReport(" + EVENTS_REPORT + ")");
        String events = driver.findElement(By.cssSelector("#report .provider[data-provider='yahoo_calendar']")).getText();
        assertThat(events).contains("1 would be inserted", "insert", "EARNINGS", "MSFT", "2027-01-27",
                "16:05 America/New_York", "MSFT earnings", "update", "event_time: 16:05 → 16:30", "stale",
                "DIVIDEND", "no longer reports it for MSFT");
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "document.querySelector('#report .provider').scrollIntoView()");
        screenshot(driver, "console-events-report.png");
    }

    private static final String EVENTS_REPORT = """
            {"report_id":"maintenance_20261124_120000","status":"success","dry_run":true,
             "started_at":"2026-11-24T12:00:00Z","finished_at":"2026-11-24T12:00:01Z","duration_seconds":1.0,
             "warnings":[],"errors":[],"detail":{},
             "results":[{"task":"market_events","status":"success","dry_run":true,"source":"market events",
               "duration_seconds":1.0,"added":[],"removed":[],"warnings":[],"errors":[],
               "validation":{"status":"not_run","warnings":[],"errors":[]},
               "detail":{"providers":[{"provider":"yahoo_calendar","status":"success","fetched_count":2,
                   "inserted_count":1,"updated_count":1,"stale_count":1,"error_count":0}],
                 "changes":[
                   {"provider":"yahoo_calendar","kind":"insert","event_id":"EARNINGS:MSFT:2027-01-27","event_type":"EARNINGS",
                    "symbol":"MSFT","date":"2027-01-27","time":"16:05","zone":"America/New_York","title":"MSFT earnings"},
                   {"provider":"yahoo_calendar","kind":"update","event_id":"EARNINGS:AAPL:2027-01-28","event_type":"EARNINGS",
                    "symbol":"AAPL","date":"2027-01-28","time":"","zone":"America/New_York","title":"AAPL earnings",
                    "fields":[{"field":"event_time","old":"16:05","new":"16:30"}]},
                   {"provider":"yahoo_calendar","kind":"stale","event_id":"DIVIDEND:MSFT:2027-02-18","event_type":"DIVIDEND",
                    "symbol":"MSFT","date":"2027-02-18","time":"","zone":"America/New_York","title":"MSFT ex-dividend",
                    "reason":"yahoo_calendar no longer reports it for MSFT, which it fetched this time"}]}}]}
            """;

    private static WebDriver chromium(Path profile) throws Exception {
        Files.createDirectories(profile);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
                "--window-size=1280,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private static void screenshot(WebDriver driver, String name) throws Exception {
        Path target = Path.of("target", name);
        Files.createDirectories(target.getParent());
        Files.write(target, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}
