package com.twsrobot.maintenance.api;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;

import static org.assertj.core.api.Assertions.assertThat;

/** A mode's report label reads back as the same mode, whatever the ids in it. */
class RunModePropertiesTest {

    @Property
    void aRollbacksLabelRoundTripsForAnyBackupId(@ForAll @NumericChars @AlphaChars @StringLength(min = 1, max = 40) String id,
                                                 @ForAll boolean apply) {
        RunMode mode = new RunMode.Rollback(id, apply);
        assertThat(RunMode.parse(mode.label())).contains(mode);
        assertThat(RunMode.parse(RunMode.applyPlan(id).label())).contains(RunMode.applyPlan(id));
    }
}
