package com.twsrobot.maintenance.sources;

import com.twsrobot.maintenance.api.ChangeRecord;
import com.twsrobot.maintenance.api.ContentDate;
import com.twsrobot.maintenance.api.SourceContext;
import com.twsrobot.maintenance.api.SourceResult;
import com.twsrobot.maintenance.testkit.FakeSource;
import com.twsrobot.maintenance.testkit.Rows;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The testkit's fake source states change records, weights and a content date as a real source does. */
class FakeSourceDataTest {

    @Test
    void whatItIsGivenIsWhatItsResultCarries() throws Exception {
        ChangeRecord change = new ChangeRecord(LocalDate.of(2026, 6, 22), Optional.of("FLEX"), Optional.of("Flex Ltd."),
                Optional.of("CPB"), Optional.of("Campbell's Company (The)"), "Market capitalization change.", "fake, row 1");
        ContentDate date = new ContentDate(Optional.of(Instant.parse("2026-06-25T14:02:00Z")), "the page's last-edited line",
                ContentDate.Origin.SNAPSHOT);
        FakeSource source = FakeSource.returning("sp500", Rows.usTickers(10));
        SourceContext context = new SourceContext(Map.of(), false, Clock.systemUTC());

        SourceResult plain = source.fetch(context);
        assertThat(plain.changes()).isEmpty();
        assertThat(plain.weights()).isEmpty();
        assertThat(plain.content()).isEqualTo(ContentDate.unknown(ContentDate.Origin.LIVE));

        SourceResult stated = source.changes(List.of(change)).weights(Map.of("AAPL", 7.15)).content(date).fetch(context);
        assertThat(stated.changes()).containsExactly(change);
        assertThat(stated.weights()).containsExactly(Map.entry("AAPL", 7.15));
        assertThat(stated.content()).isEqualTo(date);
        assertThat(stated.table().rowCount()).isEqualTo(plain.table().rowCount());
    }
}
