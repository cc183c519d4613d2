package com.twsrobot.maintenance.sources;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The HTTP clients the sources built, so that a short-lived process can close them before it exits.
 * An open JDK {@link HttpClient} keeps a selector thread waiting in native code, and the JVM's exit
 * waits up to 300 ms for such threads: closing the clients first (possible from JDK 21, where
 * {@code HttpClient} is {@link AutoCloseable}) saves that on every CLI run. On JDK 17 closing is a no-op.
 */
public final class HttpClients {

    private static final Map<HttpClient, Boolean> BUILT = Collections.synchronizedMap(new WeakHashMap<>());

    private HttpClients() {
    }

    /** Remembers {@code client} for {@link #closeAll()} (weakly: a dropped client is not kept alive). */
    public static HttpClient track(HttpClient client) {
        BUILT.put(client, Boolean.TRUE);
        return client;
    }

    /**
     * Closes every client built so far (JDK 21+; nothing on 17). Only for a process about to exit: a
     * closed client refuses further requests.
     */
    public static void closeAll() {
        List<HttpClient> clients;
        synchronized (BUILT) {
            clients = new ArrayList<>(BUILT.keySet());
            BUILT.clear();
        }
        for (HttpClient client : clients) {
            if (client instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    // Exiting anyway: a client that cannot close costs the JVM's wait, nothing more.
                }
            }
        }
    }
}
