package com.twsrobot.maintenance.core;

import com.twsrobot.maintenance.api.ConfigurationException;
import com.twsrobot.maintenance.api.IndexSpec;
import com.twsrobot.maintenance.core.config.ConfigProblem;
import com.twsrobot.maintenance.core.config.RunnerNames;

import java.util.ArrayList;
import java.util.List;

/**
 * Refuses a runner's configuration once its catalog is known, in one exception: every problem of the config
 * file (its own and the names the catalog does not have) and the source URL keys given to the builder
 * that nothing reads. A runner is never built to ignore a setting.
 */
final class RunnerConfigCheck {

    private RunnerConfigCheck() {
    }

    /**
     * @param config the config file applied to the builder, or null
     * @throws MaintenanceConfig.ConfigException naming the file and every problem, when a file was applied
     * @throws ConfigurationException            naming the unknown source keys, when no file was
     */
    static void refuseProblems(MaintenanceConfig config, PluginCatalog catalog) {
        RunnerNames names = new RunnerNames(catalog.indexes().stream().map(IndexSpec::index).toList(),
                List.copyOf(catalog.sourceKeys()), List.copyOf(catalog.registry().taskNames()),
                List.copyOf(catalog.registry().groupNames()));
        List<ConfigProblem> problems = new ArrayList<>(config == null ? List.of() : config.problemsWith(names));
        for (String key : catalog.unknownKeys()) {
            if (config == null || !config.sourceUrls().containsKey(key)) { // the file's own are among its problems
                problems.add(new ConfigProblem(0, key, "", "a source URL is set for the key '" + key
                        + "', which no source or provider reads; the keys are " + String.join(", ", names.sourceKeys())));
            }
        }
        if (problems.isEmpty()) {
            return;
        }
        if (config != null && config.file() != null) {
            throw new MaintenanceConfig.ConfigException(config.file(), problems);
        }
        throw new ConfigurationException(String.join("; ", problems.stream().map(ConfigProblem::toString).toList()));
    }
}
