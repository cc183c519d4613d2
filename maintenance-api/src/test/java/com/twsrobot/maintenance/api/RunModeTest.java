package com.twsrobot.maintenance.api;

import com.twsrobot.maintenance.api.events.MarketEventsOptions;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The run's mode, trigger and task options as types, and the report values they keep writing. */
class RunModeTest {

    @Test
    void eachModeWritesTodaysReportLabelAndReadsItBack() {
        Map<RunMode, String> labels = Map.of(
                RunMode.preview(), "dry run",
                RunMode.apply(), "APPLY",
                RunMode.applyPlan("maintenance_20260624_001500"), "APPLY of plan maintenance_20260624_001500",
                RunMode.rollbackPreview("20260624_001500"), "dry run of ROLLBACK to backup 20260624_001500",
                RunMode.rollback("latest"), "ROLLBACK to backup latest");
        labels.forEach((mode, label) -> {
            assertThat(mode.label()).isEqualTo(label);
            assertThat(RunMode.parse(label)).contains(mode);
        });
        assertThat(RunMode.parse("something else")).isEmpty();
        assertThat(RunMode.parse(null)).isEmpty();
        assertThat(RunMode.preview().dryRun()).isTrue();
        assertThat(RunMode.rollbackPreview("latest").dryRun()).isTrue();
        assertThat(RunMode.applyPlan("maintenance_20260624_001500").writes()).isTrue();
        assertThat(RunMode.rollbackPreview("20260624_001500").title()).isEqualTo("rollback preview of backup 20260624_001500");
    }

    @Test
    void theBuilderComposesTheModeWhateverTheOrder() {
        assertThat(RunRequest.builder().build().mode()).isEqualTo(RunMode.preview());
        assertThat(RunRequest.builder().apply().build().mode()).isEqualTo(RunMode.apply());
        assertThat(RunRequest.builder().plan("maintenance_1").apply().build().mode()).isEqualTo(RunMode.applyPlan("maintenance_1"));
        assertThat(RunRequest.builder().apply().plan("maintenance_1").build().mode()).isEqualTo(RunMode.applyPlan("maintenance_1"));
        assertThat(RunRequest.builder().rollback("latest").build().mode()).isEqualTo(RunMode.rollbackPreview("latest"));
        assertThat(RunRequest.builder().rollback("latest").apply().build().mode()).isEqualTo(RunMode.rollback("latest"));
        assertThat(RunRequest.builder().apply().rollback("latest").build().mode()).isEqualTo(RunMode.rollback("latest"));
        assertThat(RunRequest.builder().mode(RunMode.rollback("x")).build().dryRun()).isFalse();
        assertThatThrownBy(() -> RunMode.applyPlan(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RunMode.rollback("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTaskReadsItsOwnOptionsByType() {
        RunRequest none = RunRequest.dryRun("market_events");
        assertThat(none.options(MarketEventsOptions.class)).isEmpty();
        RunRequest some = RunRequest.builder().options(MarketEventsOptions.symbols(List.of("MSFT")))
                .options(new MarketEventsOptions(List.of("AAPL"), 14)).build();
        assertThat(some.options(MarketEventsOptions.class)).contains(new MarketEventsOptions(List.of("AAPL"), 14));
        record Other(int n) implements TaskOptions {
        }
        assertThat(some.options(Other.class)).isEmpty();
        assertThat(some.withTasks(List.of("x")).withTrigger(Trigger.schedule()).options(MarketEventsOptions.class))
                .isEqualTo(some.options(MarketEventsOptions.class));
        assertThatThrownBy(() -> new MarketEventsOptions(List.of(), 91)).hasMessageContaining("between 1 and 90, got 91");
        assertThatThrownBy(() -> new MarketEventsOptions(List.of(), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(MarketEventsOptions.DEFAULTS.daysAhead()).isEqualTo(28);
    }

    @Test
    void triggersWriteTodaysValues() {
        assertThat(Trigger.manual().wireName()).isEqualTo("manual");
        assertThat(Trigger.schedule().wireName()).isEqualTo("schedule");
        assertThat(Trigger.apiToken("flask-host").wireName()).isEqualTo("api:flask-host");
        for (Trigger t : List.of(Trigger.manual(), Trigger.schedule(), Trigger.apiToken("a.b_c-1"))) {
            assertThat(Trigger.parse(t.wireName())).isEqualTo(t);
        }
        assertThat(RunRequest.builder().build().trigger()).isEqualTo(Trigger.manual());
        assertThatThrownBy(() -> Trigger.parse("robot")).hasMessageContaining("got 'robot'");
    }

    @Test
    void aReportsModeIsReadFromItsDetailElseItsDryRunFlag() {
        Instant t = Instant.parse("2026-06-24T00:15:00Z");
        RunReport preview = new RunReport("maintenance_20260624_001500", TaskStatus.SUCCESS, true, t, t, 0, List.of(),
                List.of(), List.of(), RunDetail.builder().mode("dry run of ROLLBACK to backup 20260601_000000").build());
        assertThat(RunMode.of(preview)).isEqualTo(RunMode.rollbackPreview("20260601_000000"));
        RunReport refused = new RunReport("maintenance_20260624_001501", TaskStatus.FAILED, false, t, t, 0, List.of(),
                List.of(), List.of("locked"), RunDetail.none());
        assertThat(RunMode.of(refused)).isEqualTo(RunMode.apply());
        // A label that contradicts dry_run is not believed.
        RunReport odd = new RunReport("maintenance_20260624_001502", TaskStatus.SUCCESS, true, t, t, 0, List.of(),
                List.of(), List.of(), RunDetail.builder().mode("APPLY").build());
        assertThat(RunMode.of(odd)).isEqualTo(RunMode.preview());
    }
}
