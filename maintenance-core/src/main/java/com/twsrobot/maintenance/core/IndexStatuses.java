package com.twsrobot.maintenance.core;

import com.twsrobot.maintenance.api.ConstituentSource;
import com.twsrobot.maintenance.api.IndexSpec;
import com.twsrobot.maintenance.api.IndexStatus;
import com.twsrobot.maintenance.core.constituents.ContentDates;
import com.twsrobot.maintenance.core.constituents.FileCheck;
import com.twsrobot.maintenance.core.constituents.FileCheckCache;
import com.twsrobot.maintenance.core.report.ReportStore;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Each index file as it stands: checked (once per version), with its source and its content's date. */
final class IndexStatuses {

    private IndexStatuses() {
    }

    static List<IndexStatus> of(PluginCatalog catalog, Map<String, String> defaultSourceUrls, FileCheckCache fileChecks,
                                ReportStore reports, Path dataDir, Instant now) {
        List<IndexStatus> out = new ArrayList<>();
        for (IndexSpec spec : catalog.indexes()) {
            FileCheck check = fileChecks.check(spec, dataDir.resolve(spec.fileName()));
            ConstituentSource source = catalog.sources().get(spec.index());
            String url = defaultSourceUrls.getOrDefault(spec.index(), source == null ? "" : source.defaultUrl());
            // The date of the version on disk, as the report that wrote (or confirmed) it recorded.
            var content = check.sha256().flatMap(sha -> reports.contentDateOf(spec.fileName(), sha));
            out.add(new IndexStatus(spec.index(), spec.taskName(), check.file().toString(), check.lastModified(),
                    check.symbolCount(), url, check.validation(), spec.title(), content,
                    content.map(c -> ContentDates.describe(c, now)).orElse("content date unknown")));
        }
        return out;
    }
}
