package com.twsrobot.maintenance.cli;

import com.twsrobot.maintenance.api.ConfigKey;
import com.twsrobot.maintenance.core.MaintenanceConfig;
import com.twsrobot.maintenance.core.config.ConfigProblem;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every numeric key any component declares (the library's and the plug-ins' on this class path): a value
 * in its range is read back as written, one outside is refused naming the key and the value.
 */
class ConfigKeysPropertiesTest {

    /** Keys whose value is also held against another's: that one is set so the pair is in order. */
    private static final Map<String, String> COMPANION = Map.of(
            "warn_change_percent", "fail_change_percent = 1000",
            "fail_change_percent", "warn_change_percent = 0",
            "churn_warn_percent", "churn_fail_percent = 100",
            "churn_fail_percent", "churn_warn_percent = 0",
            "churn_warn_percent.sti", "churn_fail_percent.sti = 100",
            "churn_fail_percent.sti", "churn_warn_percent.sti = 0");

    private static final List<ConfigKey> NUMERIC = MaintenanceConfig.declaredKeys(ConfigKeysPropertiesTest.class.getClassLoader())
            .all().stream().filter(k -> k.type() == ConfigKey.Type.WHOLE || k.type() == ConfigKey.Type.NUMBER).toList();

    private static Path dir;

    @BeforeContainer
    static void createDir() throws Exception {
        dir = Files.createTempDirectory("config-keys");
    }

    @AfterContainer
    static void deleteDir() throws Exception {
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(dir);
    }

    /** A key as written: a family's member is {@code .sti}. */
    private static String written(ConfigKey key) {
        return key.isFamily() ? key.prefix() + "sti" : key.name();
    }

    record Setting(ConfigKey key, String value) {
    }

    @Provide
    Arbitrary<Setting> valid() {
        return Arbitraries.of(NUMERIC).flatMap(k -> k.type() == ConfigKey.Type.WHOLE
                ? Arbitraries.longs().between((long) k.min(), (long) k.max()).map(n -> new Setting(k, Long.toString(n)))
                : Arbitraries.doubles().between(k.min(), k.max()).map(n -> new Setting(k, Double.toString(n))));
    }

    @Provide
    Arbitrary<Setting> outOfRange() {
        return Arbitraries.of(NUMERIC).flatMap(k -> {
            Arbitrary<Double> below = Arbitraries.doubles().between(k.min() - 1e9, k.min()).filter(n -> n < k.min());
            Arbitrary<Double> above = Arbitraries.doubles().between(k.max(), k.max() + 1e9).filter(n -> n > k.max());
            Arbitrary<Double> outside = Arbitraries.oneOf(below, above);
            return k.type() == ConfigKey.Type.WHOLE
                    ? outside.map(n -> new Setting(k, Long.toString(n < k.min() ? (long) Math.floor(n) : (long) Math.ceil(n))))
                    : outside.map(n -> new Setting(k, Double.toString(n)));
        });
    }

    private static Path file(Setting s) throws Exception {
        String key = written(s.key());
        Path file = Files.createTempFile(dir, "c", ".properties");
        Files.writeString(file, key + " = " + s.value() + "\n" + COMPANION.getOrDefault(key, "") + "\n");
        return file;
    }

    @Property
    void aValueInRangeIsReadBackAsWritten(@ForAll("valid") Setting s) throws Exception {
        MaintenanceConfig config = MaintenanceConfig.load(file(s));
        String key = written(s.key());
        String read = s.key().isFamily() ? config.values().members(s.key()).get("sti")
                : config.values().text(s.key()).orElseThrow();
        if (s.key().type() == ConfigKey.Type.WHOLE) {
            assertThat(s.key().wholeValue(read)).as(key).isEqualTo(Long.parseLong(s.value()));
        } else {
            assertThat(s.key().numberValue(read)).as(key).isEqualTo(Double.parseDouble(s.value()));
        }
    }

    @Property
    void aValueOutOfRangeIsRefusedNamingTheKeyAndTheValue(@ForAll("outOfRange") Setting s) throws Exception {
        MaintenanceConfig.ConfigException e = catchThrowableOfType(MaintenanceConfig.ConfigException.class,
                () -> MaintenanceConfig.load(file(s)));
        String key = written(s.key());
        assertThat(e).as(key + " = " + s.value()).isNotNull();
        assertThat(e.problems()).extracting(ConfigProblem::key).containsExactly(key);
        assertThat(e.problems().get(0).line()).isEqualTo(1);
        assertThat(e.getMessage()).contains(key, "'" + s.value() + "'");
    }

    @net.jqwik.api.Example
    void theLibrarysAndThePluginsKeysAreAllCovered() {
        assertThat(NUMERIC).extracting(ConfigKey::name).contains("keep_backups", "min_rows.<index>",
                "provider_option.yahoo.concurrency", "provider_option.host.poll_millis", "http.max_body_mib");
    }
}
