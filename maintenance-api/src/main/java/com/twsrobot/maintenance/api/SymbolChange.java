package com.twsrobot.maintenance.api;

/** A symbol added to or removed from an index, with its company name so a report reads well. */
public record SymbolChange(String symbol, String security) {
}
