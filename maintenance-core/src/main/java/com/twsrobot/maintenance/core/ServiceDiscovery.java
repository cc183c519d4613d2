package com.twsrobot.maintenance.core;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Finds plug-ins with {@link ServiceLoader}. A broken provider (missing class, failing constructor)
 * is logged and skipped so that one bad jar cannot take the whole runner down.
 */
final class ServiceDiscovery {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceDiscovery.class);

    private ServiceDiscovery() {
    }

    static <T> List<T> load(Class<T> type, ClassLoader loader, List<String> problems) {
        List<T> found = new ArrayList<>();
        Iterator<T> it = ServiceLoader.load(type, loader).iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                found.add(it.next());
            } catch (ServiceConfigurationError e) {
                String problem = "skipped a broken " + type.getSimpleName() + " provider: " + e.getMessage();
                LOG.warn(problem);
                problems.add(problem);
            }
        }
        return found;
    }
}
