package com.twsrobot.maintenance.console;

import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The CSRF rules for a state change (OWASP): the console's own token echoed in {@code X-CSRF-Token},
 * compared in constant time, an {@code Origin} (else {@code Referer}) that is the console's own, and
 * no {@code Sec-Fetch-Site: cross-site}.
 */
final class CsrfRules {

    private final String token;

    CsrfRules(SecureRandom random) {
        byte[] csrf = new byte[32];
        random.nextBytes(csrf);
        this.token = Base64.getUrlEncoder().withoutPadding().encodeToString(csrf);
    }

    String token() {
        return token;
    }

    /** Why the request is refused, or empty when it may go on. */
    Optional<String> problem(ConsoleRequest request) {
        String site = request.header("Sec-Fetch-Site");
        if (site != null && site.equalsIgnoreCase("cross-site")) {
            return Optional.of("cross-site requests are refused");
        }
        String presented = request.header(ConsoleSecurity.CSRF_HEADER);
        if (presented == null || !Credentials.equal(presented, token)) {
            return Optional.of("missing or wrong " + ConsoleSecurity.CSRF_HEADER + " header (reload the page to get a "
                    + "fresh token; a program sends one of the console's API tokens instead: 'Authorization: Bearer <token>')");
        }
        String expected = request.scheme() + "://" + request.header("Host");
        String origin = request.header("Origin");
        if (origin != null) {
            return origin.equalsIgnoreCase(expected) ? Optional.empty()
                    : Optional.of("Origin " + origin + " is not this console (" + expected + ")");
        }
        String referer = request.header("Referer");
        if (referer == null) {
            return Optional.of("missing Origin and Referer headers");
        }
        try {
            URI uri = URI.create(referer);
            String refOrigin = uri.getScheme() + "://" + uri.getRawAuthority();
            return refOrigin.equalsIgnoreCase(expected) ? Optional.empty()
                    : Optional.of("Referer " + referer + " is not this console (" + expected + ")");
        } catch (IllegalArgumentException e) { // URI.create's only way of saying "not a URI"
            return Optional.of("unreadable Referer header");
        }
    }
}
