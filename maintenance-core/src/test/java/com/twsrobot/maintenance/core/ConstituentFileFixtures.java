package com.twsrobot.maintenance.core;

import com.twsrobot.maintenance.api.ConstituentRow;
import com.twsrobot.maintenance.core.constituents.ConstituentFile;
import com.twsrobot.maintenance.testkit.Fixtures;

import java.util.List;

/** Rows of the real fixture files, for fake sources. */
final class ConstituentFileFixtures {

    private ConstituentFileFixtures() {
    }

    static List<ConstituentRow> currentSti() throws Exception {
        return ConstituentFile.parse(Fixtures.currentConstituents("sti_constituents.csv"), "sti").table().rows();
    }
}
