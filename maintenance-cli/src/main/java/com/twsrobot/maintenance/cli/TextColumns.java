package com.twsrobot.maintenance.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table whose columns are as wide as their widest cell, so a long value (a host's provider
 * name) never pushes the columns after it out of line. The last column is not padded.
 */
final class TextColumns {

    private final List<String[]> rows = new ArrayList<>();
    private final boolean[] rightAligned;

    /** @param header the column titles; a title starting with {@code >} is a right-aligned (numeric) column */
    TextColumns(String... header) {
        rightAligned = new boolean[header.length];
        String[] titles = new String[header.length];
        for (int i = 0; i < header.length; i++) {
            rightAligned[i] = header[i].startsWith(">");
            titles[i] = rightAligned[i] ? header[i].substring(1) : header[i];
        }
        rows.add(titles);
    }

    TextColumns row(Object... cells) {
        if (cells.length != rightAligned.length) {
            throw new IllegalArgumentException("expected " + rightAligned.length + " cells, got " + cells.length);
        }
        String[] text = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            text[i] = String.valueOf(cells[i]);
        }
        rows.add(text);
        return this;
    }

    void print(PrintWriter out) {
        int[] widths = new int[rightAligned.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                boolean last = i == row.length - 1;
                String pad = " ".repeat(widths[i] - row[i].length());
                line.append(rightAligned[i] ? pad + row[i] : last ? row[i] : row[i] + pad);
                if (!last) {
                    line.append("  ");
                }
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
