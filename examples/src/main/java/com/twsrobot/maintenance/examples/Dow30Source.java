package com.twsrobot.maintenance.examples;

import com.twsrobot.maintenance.api.ConstituentSource;
import com.twsrobot.maintenance.api.SourceContext;
import com.twsrobot.maintenance.api.SourceException;
import com.twsrobot.maintenance.api.SourceResult;
import com.twsrobot.maintenance.core.constituents.ConstituentFile;
import com.twsrobot.maintenance.core.csv.CsvFormatException;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the Dow 30's members from a CSV list: the copy this example ships (as of 2024-11-08, after
 * Nvidia and Sherwin-Williams joined), or a {@code file:} URL given with {@code --source-url djia=...}.
 * A plug-in source reads within the context's deadline; a local file is read at once.
 */
public final class Dow30Source implements ConstituentSource {

    /** The bundled list, named as the report's source. */
    static final String BUNDLED = "bundled:com/twsrobot/maintenance/examples/dow30.csv";
    /** The largest list read, so a wrong file cannot exhaust memory. */
    private static final int MAX_BYTES = 1024 * 1024;

    @Override
    public String index() {
        return Dow30Index.KEY;
    }

    @Override
    public String defaultUrl() {
        return BUNDLED;
    }

    @Override
    public SourceResult fetch(SourceContext context) throws SourceException {
        String url = context.snapshot() ? BUNDLED : context.urlFor(index(), BUNDLED);
        byte[] bytes = read(url);
        try {
            ConstituentFile list = ConstituentFile.parse(bytes, url);
            return new SourceResult(url, list.table(), list.table().rowCount(), List.of());
        } catch (CsvFormatException e) {
            throw new SourceException(url + " is not a constituent list: " + e.getMessage());
        }
    }

    private static byte[] read(String url) throws SourceException {
        try {
            if (url.startsWith("bundled:")) {
                try (InputStream in = Dow30Source.class.getClassLoader().getResourceAsStream(url.substring("bundled:".length()))) {
                    if (in == null) {
                        throw new SourceException(url + " is missing from the example's jar");
                    }
                    return in.readNBytes(MAX_BYTES);
                }
            }
            if (url.startsWith("file:")) {
                Path file = Path.of(URI.create(url));
                if (!Files.isRegularFile(file)) { // a FIFO or device would block the read
                    throw new SourceException(url + " is not a regular file");
                }
                if (Files.size(file) > MAX_BYTES) {
                    throw new SourceException(url + " is larger than " + MAX_BYTES + " bytes; not a constituent list");
                }
                return Files.readAllBytes(file);
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new SourceException("cannot read " + url + ": " + e.getMessage(), e);
        }
        throw new SourceException("the Dow 30 example reads its bundled list or a file: URL, not " + url);
    }
}
