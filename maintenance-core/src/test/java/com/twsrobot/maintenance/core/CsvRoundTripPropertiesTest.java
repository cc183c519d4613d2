package com.twsrobot.maintenance.core;

import com.twsrobot.maintenance.core.csv.CsvCodec;
import com.twsrobot.maintenance.core.csv.CsvDialect;
import com.twsrobot.maintenance.core.csv.CsvTable;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any fields survive a write then a read. A class of its own: jqwik and Jupiter each report the classes
 * they run, and Surefire writes one XML file per class, so a class run by both engines would be
 * counted once (the second file overwrites the first).
 */
class CsvRoundTripPropertiesTest {

    @Property(tries = 300)
    void anyFieldsSurviveWriteThenRead(@ForAll("records") List<List<String>> records,
                                       @ForAll boolean crlf, @ForAll boolean quoteAll) throws Exception {
        List<String> header = List.of("symbol", "security", "sector");
        CsvDialect dialect = new CsvDialect(crlf ? "\r\n" : "\n", quoteAll, false, true);
        byte[] bytes = CsvCodec.write(header, records, dialect);
        CsvTable back = CsvCodec.read(bytes, "generated");
        assertThat(back.header()).isEqualTo(header);
        assertThat(back.records()).isEqualTo(records);
        assertThat(CsvCodec.write(back.header(), back.records(), back.dialect())).isEqualTo(bytes);
    }

    @Provide
    Arbitrary<List<List<String>>> records() {
        Arbitrary<String> field = Arbitraries.strings()
                .withChars("abcXYZ09 ,\"'.-&’é\u00A0\t")
                .ofMaxLength(12);
        return field.list().ofSize(3).list().ofMaxSize(8)
                .filter(rows -> rows.stream().noneMatch(r -> r.stream().allMatch(String::isEmpty)));
    }
}
