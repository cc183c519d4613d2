package com.twsrobot.maintenance.api;

import java.util.List;

/**
 * A component's {@link ConfigKeys} as a name and a list: extend it with a public no-argument constructor
 * (as {@link java.util.ServiceLoader} needs) that passes both, and keep the keys as constants the
 * component reads its settings by.
 */
public abstract class DeclaredConfigKeys implements ConfigKeys {

    private final String component;
    private final List<ConfigKey> keys;

    /**
     * The declaration.
     *
     * @param component who declares the keys, e.g. {@code "the Yahoo calendar provider"}
     * @param keys      the keys, in the order the documentation lists them
     */
    protected DeclaredConfigKeys(String component, ConfigKey... keys) {
        this.component = component;
        this.keys = List.of(keys);
    }

    @Override
    public final String component() {
        return component;
    }

    @Override
    public final List<ConfigKey> keys() {
        return keys;
    }
}
