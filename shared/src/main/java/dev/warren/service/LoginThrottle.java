package dev.warren.service;

/**
 * The optional brute-force throttle: after too many failed logins for one username within a
 * window, further logins for that name are refused without verification until the window passes.
 * Counts names, existing or not, so it tells nothing about which users exist.
 */
public interface LoginThrottle {

    boolean isThrottled(String username);

    /** A login for this name was refused after a verification ran. */
    void recordFailure(String username);

    /** Never throttles (the default: see docs/security.md for the trade-off). */
    LoginThrottle NONE = new LoginThrottle() {
        @Override
        public boolean isThrottled(String username) {
            return false;
        }

        @Override
        public void recordFailure(String username) {
        }
    };
}
