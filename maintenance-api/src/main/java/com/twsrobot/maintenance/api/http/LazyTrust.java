package com.twsrobot.maintenance.api.http;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

/**
 * A TLS context with the JDK's default trust, loaded on the first TLS handshake instead of when the
 * HTTP client is built: building a client otherwise parses the whole {@code cacerts} store, even for
 * runs that only fetch {@code http:} or {@code file:} URLs. Every check is the default trust manager's
 * own (hostname verification included: it is an {@link javax.net.ssl.X509ExtendedTrustManager}). The JSSE
 * types are named in full: {@code javax.net.ssl} is part of {@code java.base}, and this module imports only {@code java.*}.
 */
final class LazyTrust {

    private LazyTrust() {
    }

    /** A TLS context whose trust is the platform default, loaded when first needed. */
    static javax.net.ssl.SSLContext context() {
        try {
            javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
            context.init(null, new javax.net.ssl.TrustManager[]{new Deferred()}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no TLS context available", e);
        }
    }

    /** Delegates every check to the default trust manager, created on first use. */
    private static final class Deferred extends javax.net.ssl.X509ExtendedTrustManager {
        private volatile javax.net.ssl.X509ExtendedTrustManager delegate;

        private javax.net.ssl.X509ExtendedTrustManager delegate() throws CertificateException {
            javax.net.ssl.X509ExtendedTrustManager d = delegate;
            if (d == null) {
                synchronized (this) {
                    d = delegate;
                    if (d == null) {
                        try {
                            javax.net.ssl.TrustManagerFactory factory = javax.net.ssl.TrustManagerFactory.getInstance(
                                    javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
                            factory.init((KeyStore) null);
                            for (javax.net.ssl.TrustManager tm : factory.getTrustManagers()) {
                                if (tm instanceof javax.net.ssl.X509ExtendedTrustManager x) {
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
        public void checkClientTrusted(X509Certificate[] chain, String authType, javax.net.ssl.SSLEngine engine)
                throws CertificateException {
            delegate().checkClientTrusted(chain, authType, engine);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, javax.net.ssl.SSLEngine engine)
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
