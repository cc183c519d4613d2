package com.twsrobot.maintenance.api;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Settings are equal exactly when every component is: the runner's fetchers are looked up by them. */
class HttpSettingsTest {

    @Test
    void equalWhenEveryComponentIsEqualAndDifferentWhenAnyOneDiffers() {
        HttpSettings base = HttpSettings.DEFAULT;
        HttpSettings same = new HttpSettings(Duration.ofSeconds(10), Duration.ofSeconds(20), 3,
                HttpSettings.DEFAULT_USER_AGENT, null, 8L * 1024 * 1024);
        assertThat(same).isEqualTo(base).hasSameHashCodeAs(base);
        assertThat(base.withProxy("proxy.example.com:3128")).isEqualTo(base.withProxy("proxy.example.com:3128"))
                .hasSameHashCodeAs(base.withProxy("proxy.example.com:3128"));

        List<HttpSettings> others = List.of(
                base.withTimeouts(Duration.ofSeconds(11), base.requestTimeout()),
                base.withTimeouts(base.connectTimeout(), Duration.ofSeconds(21)),
                base.withAttemptsPerUrl(4),
                base.withUserAgent("another agent"),
                base.withProxy("proxy.example.com:3128"),
                base.withMaxBodyBytes(base.maxBodyBytes() + 1));
        for (HttpSettings other : others) {
            assertThat(other).isNotEqualTo(base);
            assertThat(base).isNotEqualTo(other);
        }
        assertThat(base).isNotEqualTo(null).isNotEqualTo("settings");
    }
}
