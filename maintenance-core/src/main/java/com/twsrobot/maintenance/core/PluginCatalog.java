package com.twsrobot.maintenance.core;

import com.twsrobot.maintenance.api.CacheInvalidator;
import com.twsrobot.maintenance.api.ConstituentIndex;
import com.twsrobot.maintenance.api.ConstituentSource;
import com.twsrobot.maintenance.api.IndexSpec;
import com.twsrobot.maintenance.api.MaintenanceTask;
import com.twsrobot.maintenance.api.ServiceProviders;
import com.twsrobot.maintenance.api.Validator;
import com.twsrobot.maintenance.core.constituents.ConstituentRefreshTask;
import com.twsrobot.maintenance.core.invalidation.HttpCacheInvalidator;
import com.twsrobot.maintenance.core.invalidation.MarkerFileInvalidator;
import com.twsrobot.maintenance.core.io.AtomicFileWriter;
import com.twsrobot.maintenance.core.io.FileReplacer;
import com.twsrobot.maintenance.core.validation.ValidatorChain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What a runner is made of, found once when it is built: the plug-ins its class loader finds (a broken
 * one reported and skipped) merged with those given to the builder — indices, sources, validators, cache
 * invalidators, tasks, second sources, event providers' URL keys — and the tasks built from them.
 *
 * @param indexes     the indices, in order
 * @param sources     each index's source, by index key (the builder's win over discovered ones)
 * @param validators  the built-in rules and the plug-ins'
 * @param registry    every task: a constituent task per index, the plug-in tasks, metadata validation
 * @param sourceKeys  every URL key a source or provider reads
 * @param unknownKeys configured URL keys nothing reads
 * @param problems    what went wrong while finding them, for every run's warnings
 * @param replacer    the safe write path, telling these cache invalidators
 */
record PluginCatalog(List<IndexSpec> indexes, Map<String, ConstituentSource> sources, ValidatorChain validators,
                     TaskRegistry registry, Set<String> sourceKeys, List<String> unknownKeys, List<String> problems,
                     FileReplacer replacer) {

    /** The exchanges (MICs) the indices trade on, in index order: the sessions a run's market-open warning watches. */
    Set<String> exchanges() {
        Set<String> mics = new java.util.LinkedHashSet<>();
        indexes.stream().map(IndexSpec::exchange).filter(java.util.Objects::nonNull).forEach(mics::add);
        return Collections.unmodifiableSet(mics);
    }

    private static final Logger LOG = LoggerFactory.getLogger(MaintenanceRunner.class);

    /** Discovers (unless the builder turned it off) and assembles. */
    static PluginCatalog of(MaintenanceRunnerBuilder b, ClassLoader loader, Path dataDir, AtomicFileWriter writer) {
        List<String> problems = new ArrayList<>();
        List<String> unknownKeys = new ArrayList<>();
        Consumer<String> report = problem -> {
            LOG.warn(problem);
            problems.add(problem);
        };

        List<ConstituentSource> allSources = new ArrayList<>(b.sources);
        List<Validator> extraValidators = new ArrayList<>(b.validators);
        List<CacheInvalidator> invalidators = new ArrayList<>(b.invalidators);
        if (b.invalidateUrl != null) {
            invalidators.add(new HttpCacheInvalidator(b.invalidateUrl, b.invalidateTokenFile, Duration.ofSeconds(5), 3,
                    b.http, b.clock));
        }
        if (b.invalidateMarker) {
            invalidators.add(new MarkerFileInvalidator(dataDir, writer, b.clock));
        }
        List<MaintenanceTask> pluginTasks = new ArrayList<>(b.tasks);
        List<com.twsrobot.maintenance.api.MembershipSource> secondSources = new ArrayList<>(b.membershipSources);
        List<com.twsrobot.maintenance.api.events.EventProvider> eventProviders = new ArrayList<>();
        // The indices: the discovered index plug-ins (maintenance-sources brings three) and those given to
        // the builder, which add to them or replace one by key. A runner without any has no constituent task.
        Map<String, IndexSpec> specsByKey = new LinkedHashMap<>();
        List<ConstituentSource> indexSources = new ArrayList<>();
        if (b.discover) {
            for (ConstituentIndex plugin
                    : ServiceProviders.load(ConstituentIndex.class, loader, report)) {
                specsByKey.putIfAbsent(plugin.spec().index(), plugin.spec());
                indexSources.add(plugin.source());
            }
        }
        specsByKey.putAll(b.indexes);
        if (b.discover) {
            allSources.addAll(ServiceProviders.load(ConstituentSource.class, loader, report));
            allSources.addAll(indexSources);
            extraValidators.addAll(ServiceProviders.load(Validator.class, loader, report));
            invalidators.addAll(ServiceProviders.load(CacheInvalidator.class, loader, report));
            pluginTasks.addAll(ServiceProviders.load(MaintenanceTask.class, loader, report));
            secondSources.addAll(ServiceProviders.load(com.twsrobot.maintenance.api.MembershipSource.class, loader, report));
            eventProviders.addAll(ServiceProviders.load(com.twsrobot.maintenance.api.events.EventProvider.class, loader,
                    report));
        }
        allSources.stream().map(ConstituentSource::index).filter(index -> !specsByKey.containsKey(index)).distinct()
                .forEach(index -> report.accept("a source for the index '" + index + "' has no index to serve, so it is "
                        + "not used: register a ConstituentIndex (META-INF/services/com.twsrobot.maintenance.api."
                        + "ConstituentIndex) or give the runner's builder its IndexSpec"));
        Set<String> keys = new java.util.TreeSet<>();
        allSources.forEach(src -> keys.add(src.index()));
        secondSources.forEach(src -> keys.add(src.key()));
        eventProviders.forEach(p -> keys.addAll(p.urlKeys()));
        Set<String> sourceKeys = Collections.unmodifiableSet(keys);
        if (b.discover) {
            // Refused when the runner is built (RunnerConfigCheck), never run with and ignored.
            b.sourceUrls.keySet().stream().filter(key -> !keys.contains(key)).forEach(unknownKeys::add);
        }
        Map<String, ConstituentSource> byIndex = new LinkedHashMap<>();
        allSources.forEach(s -> byIndex.putIfAbsent(s.index(), s)); // programmatic sources come first and win
        ValidatorChain validators = ValidatorChain.withBuiltIns(extraValidators,
                new com.twsrobot.maintenance.core.validation.TextSafetyValidator(b.textSafetyAllowLeading));

        List<IndexSpec> specs = new ArrayList<>();
        for (IndexSpec spec : specsByKey.values()) {
            Integer minimum = b.minimumRows.get(spec.index());
            specs.add(minimum == null ? spec : spec.withMinimumRows(minimum));
        }
        List<IndexSpec> indexes = List.copyOf(specs);

        List<MaintenanceTask> all = new ArrayList<>();
        for (IndexSpec spec : indexes) {
            all.add(new ConstituentRefreshTask(spec, byIndex.get(spec.index()), validators, invalidators,
                    new ConstituentRefreshTask.Settings(b.warnChangeRatio, b.failChangeRatio, b.maxPlanAge, b.keepBackups,
                            b.maxFileBytes, b.churnFor(spec).warn(), b.churnFor(spec).fail(),
                            b.heavyRemovalPercent, b.staleAfter),
                    writer, secondSources.stream().filter(m -> m.index().equals(spec.index())).toList()));
        }
        all.addAll(pluginTasks);
        all.add(new MetadataValidationTask(indexes, validators, b.staleAfter));
        TaskRegistry registry = new TaskRegistry(all, problems);
        return new PluginCatalog(indexes, Map.copyOf(byIndex), validators, registry, sourceKeys, List.copyOf(unknownKeys),
                List.copyOf(problems), new FileReplacer(writer, invalidators, b.keepBackups, b.maxFileBytes));
    }
}
