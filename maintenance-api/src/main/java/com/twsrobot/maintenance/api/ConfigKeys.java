package com.twsrobot.maintenance.api;

import java.util.List;

/**
 * The config-file settings a component reads, declared by the component itself. A plug-in lists its
 * implementation in {@code META-INF/services/com.twsrobot.maintenance.api.ConfigKeys}; the config reader
 * finds it with {@link ServiceProviders}, so a file naming the plug-in's keys is checked (type, range,
 * typos) before anything runs, and {@code docs/configuration.md} is held to the declarations by a test.
 * A provider's options are declared as {@code provider_option.<its key>}, e.g.
 * {@code provider_option.yahoo.concurrency}.
 */
public interface ConfigKeys {

    /**
     * Who declares these keys, for messages, e.g. {@code "the Yahoo calendar provider"}.
     *
     * @return the component's name
     */
    String component();

    /**
     * The keys, in the order the documentation lists them.
     *
     * @return the declarations
     */
    List<ConfigKey> keys();
}
