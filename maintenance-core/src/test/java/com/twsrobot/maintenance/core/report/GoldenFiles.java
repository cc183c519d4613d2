package com.twsrobot.maintenance.core.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The golden reports and plans of src/test/resources/golden (see its README), read from the module's folder. */
public final class GoldenFiles {

    /** The folder, relative to maintenance-core; other modules' tests reach it as {@code ../maintenance-core/...}. */
    public static final Path DIR = Path.of("src/test/resources/golden");
    public static final Path REPORTS = DIR.resolve("reports");
    /** The dry run of every task, with plans, warnings and a refused HSI. */
    public static final String PREVIEW = "maintenance_20261203_112310";
    /** The apply of {@link #PREVIEW}'s plan. */
    public static final String APPLY_PLAN = "maintenance_20261203_112317";
    /** The HSI apply refused as a large change. */
    public static final String REFUSED = "maintenance_20261203_112320";
    public static final String ROLLBACK_PREVIEW = "maintenance_20261203_112323";
    public static final String ROLLBACK = "maintenance_20261203_112325";
    /** The applied market-events sync (Yahoo failed). */
    public static final String EVENTS = "maintenance_20261203_112328";
    /** The example plug-ins' run. */
    public static final String PLUGINS = "maintenance_20261203_112334";
    /** A dry run of S&P 500 and STI whose plans a later version must apply. */
    public static final String PREVIEW_TO_APPLY = "maintenance_20261203_112336";

    private GoldenFiles() {
    }

    public static List<String> reportIds() {
        return List.of(PREVIEW, APPLY_PLAN, REFUSED, ROLLBACK_PREVIEW, ROLLBACK, EVENTS, PLUGINS, PREVIEW_TO_APPLY);
    }

    public static String json(String id) throws IOException {
        return Files.readString(REPORTS.resolve(id + ".json"), StandardCharsets.UTF_8);
    }

    public static String markdown(String id) throws IOException {
        return Files.readString(REPORTS.resolve(id + ".md"), StandardCharsets.UTF_8);
    }

    /**
     * Whether two renderings of a report as Markdown are the same. The one leeway: a duration line's
     * hundredths, because the Markdown beside a report was written from the unrounded duration and a
     * rendering of the JSON starts from the duration rounded to milliseconds (0.7149 s is "0.71 s", 0.715 "0.72").
     */
    public static boolean sameMarkdown(String rendered, String golden) {
        return sameMarkdown(rendered, golden, Map.of());
    }

    /**
     * Lines this version renders differently from the golden Markdown on purpose, per report: a rollback
     * and its preview are labelled as such (issue 22, item 8), where the old version said "dry run" and "apply";
     * the preview says which backup its apply would restore, where the old version said it restored it.
     */
    public static final Map<String, Map<String, String>> INTENDED_MARKDOWN = Map.of(
            ROLLBACK_PREVIEW, Map.of("- Mode: dry run (nothing written)", "- Mode: rollback preview of backup latest (nothing written)",
                    "- Restored backup: 20261203_112317", "- Would restore backup: 20261203_112317"),
            ROLLBACK, Map.of("- Mode: apply", "- Mode: rollback to backup latest"));

    /** {@link #sameMarkdown(String, String)} after the intended changes ({@code golden line → line now}). */
    public static boolean sameMarkdown(String rendered, String golden, Map<String, String> intended) {
        List<String> a = rendered.lines().toList();
        List<String> b = golden.lines().map(l -> intended.getOrDefault(l, l)).toList();
        if (!golden.lines().toList().containsAll(intended.keySet())) {
            throw new AssertionError("an intended change names a line the golden file does not have: " + intended.keySet());
        }
        if (a.size() != b.size() || rendered.endsWith("\n") != golden.endsWith("\n")) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).equals(b.get(i)) && !(DURATION.matcher(a.get(i)).matches() && DURATION.matcher(b.get(i)).matches()
                    && Math.abs(seconds(a.get(i)) - seconds(b.get(i))) <= 0.0101)) {
                throw new AssertionError("line " + (i + 1) + " differs:\n  rendered: " + a.get(i) + "\n  golden:   " + b.get(i));
            }
        }
        return true;
    }

    private static final java.util.regex.Pattern DURATION = java.util.regex.Pattern.compile("- Duration: ([0-9.]+) s");

    private static double seconds(String line) {
        java.util.regex.Matcher m = DURATION.matcher(line);
        m.matches();
        return Double.parseDouble(m.group(1));
    }

    /** File name to SHA-256, as SHA256SUMS lists them. */
    public static Map<String, String> checksums() throws IOException {
        Map<String, String> sums = new LinkedHashMap<>();
        for (String line : Files.readAllLines(DIR.resolve("SHA256SUMS"))) {
            String[] parts = line.split("\\s+", 2);
            sums.put(parts[1], parts[0]);
        }
        return sums;
    }

    public static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies every golden report and plan into a reports directory, as the old version left them. */
    public static void copyReportsInto(Path reportsDir) throws IOException {
        Files.createDirectories(reportsDir);
        try (var files = Files.list(REPORTS)) {
            for (Path file : files.toList()) {
                Files.copy(file, reportsDir.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
