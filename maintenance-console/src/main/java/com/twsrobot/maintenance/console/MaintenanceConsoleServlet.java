package com.twsrobot.maintenance.console;

import com.twsrobot.maintenance.core.MaintenanceRunner;
import com.twsrobot.maintenance.core.schedule.ScheduleSettings;
import com.twsrobot.maintenance.core.schedule.ScheduledRuns;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.security.Principal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The console mounted in a Java web host's own servlet container (Servlet 6.0, {@code jakarta.servlet};
 * the container supplies it), behind the host's login:
 * <pre>
 * context.addServlet(new ServletHolder(new MaintenanceConsoleServlet(runner,
 *         MaintenanceConsoleServlet.HostAuthentication.containerLogin())), "/ops/*");
 * // dashboard at /ops/maintenance, API under /ops/api/maintenance
 * </pre>
 * The routes, answers and CSRF rules are those of {@link MaintenanceConsole}; the host's
 * {@link HostAuthentication} replaces the access token (a request without a signed-in user gets 401),
 * and the host's server owns its names, ports, TLS and its bounds on slow clients.
 */
public class MaintenanceConsoleServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(MaintenanceConsoleServlet.class);

    /** How the host says who is signed in. */
    @FunctionalInterface
    public interface HostAuthentication {

        /**
         * The signed-in user allowed to use the console, or empty to refuse the request with 401.
         * Called for every request; its name is recorded with each run the user starts.
         */
        Optional<String> user(HttpServletRequest request);

        /** The container's own login: the request's user principal (none → refused). */
        static HostAuthentication containerLogin() {
            return request -> Optional.ofNullable(request.getUserPrincipal()).map(Principal::getName);
        }
    }

    private final transient ConsoleRoutes routes;
    private final transient HostAuthentication authentication;

    /** The console of {@code runner} behind the host's login, with the default body and per-client limits. */
    public MaintenanceConsoleServlet(MaintenanceRunner runner, HostAuthentication authentication) {
        this(runner, authentication, ConsoleOptions.defaults());
    }

    /** Like the two-argument form; {@code options} gives the body limit and per-client cap (its bind and port are unused). */
    public MaintenanceConsoleServlet(MaintenanceRunner runner, HostAuthentication authentication, ConsoleOptions options) {
        this.authentication = Objects.requireNonNull(authentication, "authentication");
        this.routes = ConsoleRoutes.behindHostLogin(Objects.requireNonNull(runner, "runner"), options);
    }

    /** Starts scheduled dry runs, as {@link MaintenanceConsole#startSchedule} does; they stop with {@link #destroy()}. */
    public ScheduledRuns startSchedule(ScheduleSettings settings) {
        return routes.startSchedule(settings);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String base = request.getContextPath() + request.getServletPath();
        String uri = request.getRequestURI();
        // The routes read the raw (undecoded) path, as the JDK server gives it.
        String path = uri.startsWith(base) ? uri.substring(base.length()) : Objects.requireNonNullElse(request.getPathInfo(), "");
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name, Collections.list(request.getHeaders(name)));
        }
        Optional<String> user;
        try {
            user = authentication.user(request);
        } catch (RuntimeException e) {
            LOG.error("the host's authentication failed for {}: {}", uri, e.toString(), e);
            user = Optional.empty();
        }
        ConsoleRequest console = new ConsoleRequest(request.getMethod(), request.getScheme(), base,
                path.isEmpty() ? "/" : path, request.getQueryString(), headers,
                InetAddress.getByName(request.getRemoteAddr()), request.getInputStream(), user);
        ConsoleResponse answer = routes.handle(console);
        response.setStatus(answer.status());
        answer.headers().forEach(response::setHeader);
        if (answer.body().length > 0) {
            response.setContentLength(answer.body().length);
            try (OutputStream out = response.getOutputStream()) {
                out.write(answer.body());
            }
        }
    }

    @Override
    public void destroy() {
        routes.stopSchedule();
        super.destroy();
    }
}
