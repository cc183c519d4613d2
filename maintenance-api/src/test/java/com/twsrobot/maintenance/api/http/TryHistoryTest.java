package com.twsrobot.maintenance.api.http;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TryHistoryTest {

    @Test
    void identicalConsecutiveTriesAreSaidOnceWithTheirCount() {
        assertThat(TryHistory.collapsed(List.of("could not connect to h:1", "could not connect to h:1",
                "could not connect to h:1"))).containsExactly("could not connect to h:1 (3 tries)");
    }

    @Test
    void differentOrSeparatedEntriesStayInOrder() {
        assertThat(TryHistory.collapsed(List.of("HTTP 503", "HTTP 503", "no answer in time", "HTTP 503",
                "the deadline passed"))).containsExactly("HTTP 503 (2 tries)", "no answer in time", "HTTP 503",
                "the deadline passed");
        assertThat(TryHistory.collapsed(List.of("HTTP 404"))).containsExactly("HTTP 404");
        assertThat(TryHistory.collapsed(List.of())).isEmpty();
    }
}
