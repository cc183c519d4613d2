package com.twsrobot.maintenance.core.csv;

import java.util.List;

/** A CSV file as read: header, records (each as long as the header) and its dialect. */
public record CsvTable(List<String> header, List<List<String>> records, CsvDialect dialect) {

    public CsvTable {
        header = List.copyOf(header);
        records = records.stream().map(List::copyOf).toList();
    }
}
