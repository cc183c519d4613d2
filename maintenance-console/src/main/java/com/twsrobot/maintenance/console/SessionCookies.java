package com.twsrobot.maintenance.console;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Browser sessions for the per-client cap: a cookie {@code ID.MAC}, the MAC keyed by this console, so
 * a client cannot make sessions up, only ask for them. A session grants nothing.
 */
final class SessionCookies {

    private static final String HMAC = "HmacSHA256";
    private final SecureRandom random;
    private final byte[] key = new byte[32];

    SessionCookies(SecureRandom random) {
        this.random = random;
        random.nextBytes(key);
    }

    /** A new session's {@code Set-Cookie} value, for the console mounted at {@code base}. */
    String newCookie(String base) {
        byte[] id = new byte[18];
        random.nextBytes(id);
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        return ConsoleSecurity.SESSION_COOKIE + "=" + encoded + "." + mac(encoded) + "; Path=" + (base.isEmpty() ? "/" : base)
                + "; HttpOnly; SameSite=Strict";
    }

    /** The id of the request's session when its cookie carries a valid MAC. */
    Optional<String> session(ConsoleRequest request) {
        return Credentials.cookie(request, ConsoleSecurity.SESSION_COOKIE).flatMap(value -> {
            int dot = value.indexOf('.');
            if (dot < 1 || dot > 64) {
                return Optional.empty();
            }
            String id = value.substring(0, dot);
            return Credentials.equal(value.substring(dot + 1), mac(id)) ? Optional.of(id) : Optional.empty();
        });
    }

    private String mac(String id) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(id.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has " + HMAC, e);
        }
    }
}
