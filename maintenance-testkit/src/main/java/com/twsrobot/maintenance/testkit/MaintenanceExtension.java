package com.twsrobot.maintenance.testkit;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.util.Set;

/**
 * A JUnit 5 extension for hosts' tests: {@code @ExtendWith(MaintenanceExtension.class)} and ask for any
 * of these as test (or {@code @BeforeEach}) parameters, one of each per test, closed after it:
 * <ul>
 *   <li>{@link TempWorkspace}: a temp root with {@code data/} and {@code reports/maintenance/} (empty; call
 *       {@code withConstituents(true)} for the host's real files);</li>
 *   <li>{@link MutableClock}: fixed at {@link #DEFAULT_INSTANT}, when no market is in session;</li>
 *   <li>{@link FixtureServer}: a loopback HTTP server for scripted pages;</li>
 *   <li>{@link RecordingTaskContext}: a dry run over that workspace and clock, for testing a task directly.</li>
 * </ul>
 * A runner is then {@code MaintenanceRunner.builder().dataDir(ws.dataDir()).reportsDir(ws.reportsDir())
 * .clock(clock).discover(false)} (the testkit does not depend on the core, whose own tests use it).
 */
public final class MaintenanceExtension implements ParameterResolver, AfterEachCallback {

    /** Wednesday 2026-06-24 00:15 UTC: NYSE has closed, SGX and HKEX have not opened. */
    public static final String DEFAULT_INSTANT = "2026-06-24T00:15:00Z";

    private static final Set<Class<?>> SUPPLIED = Set.of(TempWorkspace.class, MutableClock.class, FixtureServer.class,
            RecordingTaskContext.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return SUPPLIED.contains(parameter.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == TempWorkspace.class) {
            return workspace(context);
        }
        if (type == MutableClock.class) {
            return clock(context);
        }
        if (type == FixtureServer.class) {
            return store(context).getOrComputeIfAbsent(FixtureServer.class, k -> FixtureServer.start(), FixtureServer.class);
        }
        if (type == RecordingTaskContext.class) {
            return RecordingTaskContext.dryRun(workspace(context), clock(context));
        }
        throw new ParameterResolutionException("MaintenanceExtension does not supply " + type.getName());
    }

    private static TempWorkspace workspace(ExtensionContext context) {
        return store(context).getOrComputeIfAbsent(TempWorkspace.class, k -> TempWorkspace.create(), TempWorkspace.class);
    }

    private static MutableClock clock(ExtensionContext context) {
        return store(context).getOrComputeIfAbsent(MutableClock.class, k -> MutableClock.at(DEFAULT_INSTANT),
                MutableClock.class);
    }

    private static ExtensionContext.Store store(ExtensionContext context) {
        return context.getStore(ExtensionContext.Namespace.create(MaintenanceExtension.class, context.getUniqueId()));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        ExtensionContext.Store store = store(context);
        FixtureServer server = store.remove(FixtureServer.class, FixtureServer.class);
        if (server != null) {
            server.close();
        }
        TempWorkspace workspace = store.remove(TempWorkspace.class, TempWorkspace.class);
        if (workspace != null) {
            workspace.close();
        }
    }
}
