package com.twsrobot.maintenance.api;

/**
 * Thresholds for accepting a proposed table.
 *
 * @param minimumRows      fewest distinct symbols allowed
 * @param warnChangeRatio  a count change above this fraction of the current count warns (0.10)
 * @param failChangeRatio  a count change above this fraction fails (0.25) unless {@code allowLargeChange}
 * @param allowLargeChange the operator's explicit override of the failure thresholds
 * @param churnWarnRatio   symbols replaced (max of added, removed) above this fraction of the current
 *                         count warns (0.02)
 * @param churnFailRatio   … and above this fails (0.10) unless {@code allowLargeChange}
 */
public record ValidationPolicy(int minimumRows, double warnChangeRatio, double failChangeRatio,
                               boolean allowLargeChange, double churnWarnRatio, double churnFailRatio) {

    /** A count change above 10 % warns. */
    public static final double DEFAULT_WARN_CHANGE_RATIO = 0.10;
    /** A count change above 25 % fails. */
    public static final double DEFAULT_FAIL_CHANGE_RATIO = 0.25;
    /** The real indices replace a few names a month; a refresh every few days sees 0–4 of 500. */
    public static final double DEFAULT_CHURN_WARN_RATIO = 0.02;
    /** Replacing more than 10 % of the members fails. */
    public static final double DEFAULT_CHURN_FAIL_RATIO = 0.10;

    /**
     * A policy with the default churn thresholds.
     *
     * @param minimumRows      fewest distinct symbols allowed
     * @param warnChangeRatio  count change that warns
     * @param failChangeRatio  count change that fails
     * @param allowLargeChange the operator's override of the failure thresholds
     * @throws IllegalArgumentException as the canonical constructor does
     */
    public ValidationPolicy(int minimumRows, double warnChangeRatio, double failChangeRatio, boolean allowLargeChange) {
        this(minimumRows, warnChangeRatio, failChangeRatio, allowLargeChange, DEFAULT_CHURN_WARN_RATIO,
                DEFAULT_CHURN_FAIL_RATIO);
    }

    /**
     * Checks the thresholds.
     *
     * @param minimumRows      fewest distinct symbols allowed
     * @param warnChangeRatio  count change that warns
     * @param failChangeRatio  count change that fails
     * @param allowLargeChange the operator's override of the failure thresholds
     * @param churnWarnRatio   replacements that warn
     * @param churnFailRatio   replacements that fail
     * @throws IllegalArgumentException for a negative minimum, or ratios that are not finite, negative or out of order
     */
    public ValidationPolicy {
        if (minimumRows < 0) {
            throw new IllegalArgumentException("minimumRows must not be negative: " + minimumRows);
        }
        if (!Double.isFinite(warnChangeRatio) || !Double.isFinite(failChangeRatio) || warnChangeRatio < 0
                || failChangeRatio < warnChangeRatio) {
            throw new IllegalArgumentException("need 0 <= warnChangeRatio <= failChangeRatio, got "
                    + warnChangeRatio + " and " + failChangeRatio);
        }
        if (!Double.isFinite(churnWarnRatio) || !Double.isFinite(churnFailRatio) || churnWarnRatio < 0
                || churnFailRatio < churnWarnRatio) {
            throw new IllegalArgumentException("need 0 <= churnWarnRatio <= churnFailRatio, got "
                    + churnWarnRatio + " and " + churnFailRatio);
        }
    }
}
