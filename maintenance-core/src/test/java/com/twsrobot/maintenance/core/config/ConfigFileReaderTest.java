package com.twsrobot.maintenance.core.config;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigFileReaderTest {

    @Test
    void entriesKeepTheLineTheyStartOnAndMeanWhatPropertiesMeans() {
        ConfigFileReader.Read read = ConfigFileReader.parse(String.join("\n",
                "# a comment \\",
                "data_dir = /srv/data",
                "",
                "  ! another comment",
                "http.user_agent = ops \\",
                "    team",
                "event_symbols.sql: SELECT 1",
                "source_url.sti https://example.test/\\u00e9",
                "schedule.tasks=a\\\\",
                "keep_backups = 7  "));
        assertThat(read.problems()).isEmpty();
        assertThat(read.entries()).containsExactly(
                new ConfigFileReader.Entry("data_dir", "/srv/data", 2),
                new ConfigFileReader.Entry("http.user_agent", "ops team", 5),
                new ConfigFileReader.Entry("event_symbols.sql", "SELECT 1", 7),
                new ConfigFileReader.Entry("source_url.sti", "https://example.test/\u00e9", 8),
                new ConfigFileReader.Entry("schedule.tasks", "a\\", 9),
                new ConfigFileReader.Entry("keep_backups", "7", 10));
    }

    @Test
    void aKeyGivenTwiceIsAProblemNamingBothLines() {
        ConfigFileReader.Read read = ConfigFileReader.parse("keep_backups = 7\r\nmin_rows.sti = 3\r\nkeep_backups = 9\r\n");
        assertThat(read.entries()).extracting(ConfigFileReader.Entry::key).containsExactly("keep_backups", "min_rows.sti");
        assertThat(read.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.key()).isEqualTo("keep_backups");
            assertThat(p.toString()).isEqualTo("line 3: keep_backups is set twice, on line 1 and line 3; keep one");
        });
    }

    @Test
    void aMalformedEscapeIsAProblemOfItsLineAndTheRestIsRead() {
        ConfigFileReader.Read read = ConfigFileReader.parse("a = 1\nb = \\u12\nc = 3\n");
        assertThat(read.entries()).extracting(ConfigFileReader.Entry::key).isEqualTo(List.of("a", "c"));
        assertThat(read.problems()).singleElement().satisfies(p -> assertThat(p.line()).isEqualTo(2));
    }
}
