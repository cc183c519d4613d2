package com.twsrobot.maintenance.api;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Consumer;

/**
 * Finds plug-ins with {@link ServiceLoader}, tolerating a broken one (missing class, failing
 * constructor): it is reported to {@code onProblem} and skipped, so one bad jar cannot take the
 * others down. The one way every module loads its plug-ins.
 */
public final class ServiceProviders {

    private ServiceProviders() {
    }

    /**
     * The providers of a service type that load.
     *
     * @param <T>       the service type
     * @param type      the service interface
     * @param loader    the class loader to search (the runner's)
     * @param onProblem told about each provider that could not be loaded
     * @return the loaded providers, in ServiceLoader order
     */
    public static <T> List<T> load(Class<T> type, ClassLoader loader, Consumer<String> onProblem) {
        List<T> found = new ArrayList<>();
        Iterator<T> it = ServiceLoader.load(type, loader).iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                found.add(it.next());
            } catch (ServiceConfigurationError e) {
                onProblem.accept("skipped a broken " + type.getSimpleName() + " provider: " + e.getMessage());
            }
        }
        return found;
    }
}
