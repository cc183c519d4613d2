package com.twsrobot.maintenance.core.config;

import com.twsrobot.maintenance.api.ConfigKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The declaration types: what each accepts, and the families' matching. */
class ConfigKeyTest {

    private static final ConfigKey PERCENT = ConfigKey.number("p", 0, 100, "2", "a percentage");
    private static final ConfigKey COUNT = ConfigKey.whole("n", 1, 10, "3", "a count");

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "Infinity", "-Infinity", "0x10", "1d", "1f", "", " ", "1,5", "--1", "1e400", "101", "-0.1"})
    void aNumberIsAFiniteDecimalInRange(String value) {
        assertThat(PERCENT.problem("p", value)).hasValue("p must be a number from 0 to 100, got '" + value + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "100", "2.5", ".5", "5.", "+7", "1e1", "1.5E+1"})
    void decimalFormsInRangeAreNumbers(String value) {
        assertThat(PERCENT.problem("p", value)).isEmpty();
        assertThat(PERCENT.numberValue(value)).isBetween(0.0, 100.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.5", "0", "11", "1e1", "99999999999999999999", "three", ""})
    void aWholeNumberHasNoFractionAndIsInRange(String value) {
        assertThat(COUNT.problem("n", value)).hasValue("n must be a whole number from 1 to 10, got '" + value + "'");
    }

    @Test
    void choicesUrlsListsAndPathsAreChecked() {
        ConfigKey choice = ConfigKey.choice("c", List.of("on", "off"), "off", "a switch");
        assertThat(choice.problem("c", "yes")).hasValue("c must be on or off, got 'yes'");
        assertThat(choice.problem("c", "on")).isEmpty();
        ConfigKey url = ConfigKey.of("u", ConfigKey.Type.URL, "off", "a URL");
        assertThat(url.problem("u", "https://example.test/x")).isEmpty();
        assertThat(url.problem("u", "ftp://example.test/")).hasValue("u must be an http or https URL, got 'ftp://example.test/'");
        assertThat(url.problem("u", "http://bad host/")).isPresent();
        assertThat(url.problem("u", "http:/no-host")).isPresent();
        ConfigKey list = ConfigKey.of("l", ConfigKey.Type.LIST, "a", "names");
        assertThat(list.problem("l", " , ,")).isPresent();
        assertThat(ConfigKey.list(" a, b ,,c")).containsExactly("a", "b", "c");
        ConfigKey path = ConfigKey.of("f", ConfigKey.Type.PATH, "none", "a file");
        assertThat(path.problem("f", "a\u0000b")).isPresent();
        assertThat(path.problem("f", "../x")).isEmpty();
    }

    @Test
    void aFamilyMatchesItsMembersOnly() {
        ConfigKey family = ConfigKey.whole("min_rows.<index>", 0, 5, "1", "rows");
        assertThat(family.isFamily()).isTrue();
        assertThat(family.prefix()).isEqualTo("min_rows.");
        assertThat(family.matches("min_rows.sti")).isTrue();
        assertThat(family.matches("min_rows.")).isFalse();
        assertThat(family.matches("min_rows")).isFalse();
        assertThat(COUNT.isFamily()).isFalse();
        assertThat(COUNT.matches("n")).isTrue();
        assertThat(COUNT.matches("n.x")).isFalse();
    }

    @Test
    void aDeclarationNeedsItsParts() {
        assertThatThrownBy(() -> ConfigKey.whole("n", 5, 1, "3", "a count")).hasMessageContaining("empty");
        assertThatThrownBy(() -> ConfigKey.choice("c", List.of(), "x", "a switch")).hasMessageContaining("allowed");
        assertThatThrownBy(() -> ConfigKey.whole("n", 1, 5, "3", " ")).hasMessageContaining("description");
        assertThatThrownBy(() -> ConfigKey.whole("n", 1, 5, null, "d")).isInstanceOf(NullPointerException.class);
        // Only a family's member or a list's names can name something of the runner's.
        assertThatThrownBy(() -> ConfigKey.whole("n", 1, 5, "3", "d").refersTo(ConfigKey.Refers.INDEX))
                .hasMessageContaining("only a family's member or a list's names");
        assertThat(ConfigKey.whole("n.<index>", 1, 5, "3", "d").refersTo(ConfigKey.Refers.INDEX).checkedBy(ConfigKey.Check.NONE)
                .refers()).isEqualTo(ConfigKey.Refers.INDEX);
        assertThat(ConfigKey.whole("n", 1, 5, "3", "d").refers()).isEqualTo(ConfigKey.Refers.ANYTHING);
    }

    @Test
    void theNearestKeyIsFoundWithinAFewEdits() {
        assertThat(DeclaredKeys.distance("keep_backup", "keep_backups")).isEqualTo(1);
        assertThat(DeclaredKeys.distance("", "abc")).isEqualTo(3);
        assertThat(DeclaredKeys.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(DeclaredKeys.nearestOf("st1", List.of("sp500", "sti", "hsi"))).contains("sti");
        assertThat(DeclaredKeys.nearestOf("nosuch", List.of("sp500", "sti", "hsi"))).isEmpty();
        assertThat(DeclaredKeys.nearestOf("sti", List.of("sti"))).isEmpty();
    }
}
