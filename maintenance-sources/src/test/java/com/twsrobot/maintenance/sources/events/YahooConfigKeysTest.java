package com.twsrobot.maintenance.sources.events;

import com.twsrobot.maintenance.api.ConfigKey;
import com.twsrobot.maintenance.api.ConfigKeys;
import com.twsrobot.maintenance.api.ServiceProviders;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Yahoo provider's declared options say what the provider itself accepts: the ends of each declared
 * range are taken, the values just past them refused, by the config reader and by the provider alike.
 */
class YahooConfigKeysTest {

    @ParameterizedTest
    @ValueSource(strings = {"concurrency", "requests_per_second"})
    void theDeclaredRangeIsTheProvidersRange(String option) throws Exception {
        ConfigKey key = new YahooConfigKeys().keys().stream().filter(k -> k.name().endsWith("yahoo." + option))
                .findFirst().orElseThrow();
        String providerKey = key.name().substring("provider_option.".length());
        for (double inside : List.of(key.min(), key.max())) {
            String value = String.valueOf((long) inside);
            assertThat(key.problem(key.name(), value)).as(value).isEmpty();
            YahooCalendarProvider.Settings.of(Map.of(providerKey, value)); // does not throw
        }
        for (double outside : List.of(key.min() - 1, key.max() + 1)) {
            String value = String.valueOf((long) outside);
            assertThat(key.problem(key.name(), value)).as(value).isPresent();
            assertThatThrownBy(() -> YahooCalendarProvider.Settings.of(Map.of(providerKey, value)))
                    .hasMessageContaining(providerKey).hasMessageContaining("'" + value + "'");
        }
    }

    @org.junit.jupiter.api.Test
    void theProvidersKeysAreFoundThroughTheServiceLoader() {
        List<String> problems = new ArrayList<>();
        List<String> names = ServiceProviders.load(ConfigKeys.class, getClass().getClassLoader(), problems::add).stream()
                .flatMap(c -> c.keys().stream()).map(ConfigKey::name).toList();
        assertThat(problems).isEmpty();
        assertThat(names).contains("provider_option.yahoo.concurrency", "provider_option.yahoo.requests_per_second",
                "provider_option.host.poll_millis");
    }
}
