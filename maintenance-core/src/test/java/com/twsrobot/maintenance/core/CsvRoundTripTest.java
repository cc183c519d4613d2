package com.twsrobot.maintenance.core;

import com.twsrobot.maintenance.api.ConstituentTable;
import com.twsrobot.maintenance.core.constituents.ConstituentFile;
import com.twsrobot.maintenance.core.csv.CsvCodec;
import com.twsrobot.maintenance.core.csv.CsvFormatException;
import com.twsrobot.maintenance.testkit.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The real files round-trip; the generated ones are {@link CsvRoundTripPropertiesTest}'s (jqwik, its own class). */
class CsvRoundTripTest {

    @ParameterizedTest
    @ValueSource(strings = {"sp500_constituents.csv", "sti_constituents.csv", "hsi_constituents.csv"})
    void realCurrentFilesRoundTripByteForByte(String name) throws Exception {
        byte[] original = Fixtures.currentConstituents(name);
        ConstituentFile file = ConstituentFile.parse(original, name);
        assertThat(ConstituentFile.encode(file.table(), file.dialect())).isEqualTo(original);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sp500_constituents.csv", "sti_constituents.csv", "hsi_constituents.csv"})
    void realPreviousFilesRoundTripByteForByte(String name) throws Exception {
        byte[] original = Fixtures.previousConstituents(name);
        ConstituentFile file = ConstituentFile.parse(original, name);
        assertThat(ConstituentFile.encode(file.table(), file.dialect())).isEqualTo(original);
    }

    @org.junit.jupiter.api.Test
    void readsTheRealFilesContent() throws Exception {
        ConstituentTable sp = ConstituentFile.parse(Fixtures.currentConstituents("sp500_constituents.csv"), "sp").table();
        assertThat(sp.symbolCount()).isEqualTo(503);
        assertThat(sp.bySymbol().get("AAPL").subIndustry()).isEqualTo("Technology Hardware, Storage & Peripherals");
        assertThat(sp.bySymbol()).containsKey("BRK-B");
        ConstituentTable sti = ConstituentFile.parse(Fixtures.currentConstituents("sti_constituents.csv"), "sti").table();
        assertThat(sti.symbolCount()).isEqualTo(30);
        assertThat(sti.bySymbol().get("5E2.SI").displaySymbol()).isEqualTo("5E2");
        ConstituentTable hsi = ConstituentFile.parse(Fixtures.currentConstituents("hsi_constituents.csv"), "hsi").table();
        assertThat(hsi.symbolCount()).isEqualTo(85);
        assertThat(hsi.bySymbol().get("0005.HK").sector()).isEqualTo("Finance");
    }

    @org.junit.jupiter.api.Test
    void raggedRowIsAnErrorNamingTheLine() {
        byte[] bad = "symbol,security,sector,sub_industry\nAAPL,Apple,IT\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> CsvCodec.read(bad, "data/x.csv"))
                .isInstanceOf(CsvFormatException.class)
                .hasMessageContaining("data/x.csv line 2 has 3 fields");
    }

    @org.junit.jupiter.api.Test
    void invalidUtf8IsAnError() {
        byte[] bad = {'s', 'y', (byte) 0xC3, (byte) 0x28, '\n'};
        assertThatThrownBy(() -> CsvCodec.read(bad, "f.csv")).hasMessageContaining("not valid UTF-8");
    }
}
