package com.twsrobot.maintenance.core.calendar;

import java.time.ZoneId;

/** The exchanges whose sessions the library knows: where the S&amp;P 500, STI and HSI trade. */
public enum Exchange {
    NYSE("XNYS", ZoneId.of("America/New_York")),
    SGX("XSES", ZoneId.of("Asia/Singapore")),
    HKEX("XHKG", ZoneId.of("Asia/Hong_Kong"));

    private final String mic;
    private final ZoneId zone;

    Exchange(String mic, ZoneId zone) {
        this.mic = mic;
        this.zone = zone;
    }

    /** ISO 10383 market identifier, e.g. {@code XNYS}. */
    public String mic() {
        return mic;
    }

    public ZoneId zone() {
        return zone;
    }
}
