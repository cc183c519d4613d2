package com.twsrobot.maintenance.api;

/**
 * Thresholds for accepting a proposed table.
 *
 * @param minimumRows      fewest distinct symbols allowed
 * @param warnChangeRatio  a count change above this fraction of the current count warns (0.10)
 * @param failChangeRatio  a count change above this fraction fails (0.25) unless {@code allowLargeChange}
 * @param allowLargeChange the operator's explicit override of the failure threshold
 */
public record ValidationPolicy(int minimumRows, double warnChangeRatio, double failChangeRatio,
                               boolean allowLargeChange) {

    public static final double DEFAULT_WARN_CHANGE_RATIO = 0.10;
    public static final double DEFAULT_FAIL_CHANGE_RATIO = 0.25;

    public ValidationPolicy {
        if (minimumRows < 0) {
            throw new IllegalArgumentException("minimumRows must not be negative: " + minimumRows);
        }
        if (!Double.isFinite(warnChangeRatio) || !Double.isFinite(failChangeRatio) || warnChangeRatio < 0
                || failChangeRatio < warnChangeRatio) {
            throw new IllegalArgumentException("need 0 <= warnChangeRatio <= failChangeRatio, got "
                    + warnChangeRatio + " and " + failChangeRatio);
        }
    }
}
