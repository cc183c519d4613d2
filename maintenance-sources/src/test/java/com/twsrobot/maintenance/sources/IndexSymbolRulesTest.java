package com.twsrobot.maintenance.sources;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class IndexSymbolRulesTest {

    @ParameterizedTest
    @CsvSource({"BRK.B,BRK-B", "brk.b,BRK-B", "BF.B,BF-B", "AAPL,AAPL", "' MMM ',MMM", "NYSE: BRK.B,BRK-B",
            "BRK/B,BRK-B"})
    void sp500(String cell, String symbol) {
        assertThat(Sp500Source.symbol(cell)).contains(symbol);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Apple Inc.", "A B", "12345", "$$"})
    void sp500Rejects(String cell) {
        assertThat(Sp500Source.symbol(cell)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"SGX: D05", "SGX:D05", "SGX:\u00A0D05", "D05", "D05.SI", "d05.si", " SGX :  D05 "})
    void stiSpellings(String cell) {
        assertThat(StiSource.code(cell)).contains("D05");
    }

    @ParameterizedTest
    @CsvSource({"SGX:9CI,9CI", "5E2,5E2", "AJBU.SI,AJBU"})
    void stiCodesMayStartWithADigit(String cell, String code) {
        assertThat(StiSource.code(cell)).contains(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SEHK: 5", "SEHK:5", "SEHK:\u00A05", "0005", "5.HK", "0005.HK", "5", "HKEX: 0005"})
    void hsiSpellings(String cell) {
        assertThat(HsiSource.code(cell)).contains("0005");
    }

    @ParameterizedTest
    @CsvSource({"SEHK: 9988,9988", "80737,80737", "SEHK: 700,0700"})
    void hsiPadsToFourDigitsAndKeepsFive(String cell, String code) {
        assertThat(HsiSource.code(cell)).contains(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "HSBC", "123456", "SEHK:"})
    void hsiRejects(String cell) {
        assertThat(HsiSource.code(cell)).isEmpty();
    }
}
