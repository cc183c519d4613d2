package com.twsrobot.maintenance.sources;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

/**
 * A TLS context with the JDK's default trust, loaded on the first TLS handshake instead of when the
 * HTTP client is built: building a client otherwise parses the whole {@code cacerts} store, even for
 * runs that only fetch {@code http:} or {@code file:} URLs. Every check is the default trust manager's
 * own (hostname verification included: it is an {@link X509ExtendedTrustManager}).
 */
public final class LazyTrust {

    private LazyTrust() {
    }

    /** A TLS context whose trust is the platform default, loaded when first needed. */
    public static SSLContext context() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[]{new Deferred()}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no TLS context available", e);
        }
    }

    /** Delegates every check to the default trust manager, created on first use. */
    private static final class Deferred extends X509ExtendedTrustManager {
        private volatile X509ExtendedTrustManager delegate;

        private X509ExtendedTrustManager delegate() throws CertificateException {
            X509ExtendedTrustManager d = delegate;
            if (d == null) {
                synchronized (this) {
                    d = delegate;
                    if (d == null) {
                        try {
                            TrustManagerFactory factory = TrustManagerFactory.getInstance(
                                    TrustManagerFactory.getDefaultAlgorithm());
                            factory.init((KeyStore) null);
                            for (TrustManager tm : factory.getTrustManagers()) {
                                if (tm instanceof X509ExtendedTrustManager x) {
                                    d = x;
                                }
                            }
                        } catch (GeneralSecurityException e) {
                            throw new CertificateException("the default trust store cannot be loaded", e);
                        }
                        if (d == null) {
                            throw new CertificateException("the platform offers no X.509 trust manager");
                        }
                        delegate = d;
                    }
                }
            }
            return d;
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            delegate().checkClientTrusted(chain, authType, socket);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            delegate().checkServerTrusted(chain, authType, socket);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            delegate().checkClientTrusted(chain, authType, engine);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            delegate().checkServerTrusted(chain, authType, engine);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            delegate().checkClientTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            delegate().checkServerTrusted(chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            try {
                return delegate().getAcceptedIssuers();
            } catch (CertificateException e) {
                return new X509Certificate[0];
            }
        }
    }
}
