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
 * @param heavyRemovalPercent an unexplained removal of a member weighing more than this share of the index,
 *                         in percent (1.0), fails unless {@code allowLargeChange}
 */
public record ValidationPolicy(int minimumRows, double warnChangeRatio, double failChangeRatio,
                               boolean allowLargeChange, double churnWarnRatio, double churnFailRatio,
                               double heavyRemovalPercent) {

    /** A removed member weighing more than 1 % of the index is heavy. */
    public static final double DEFAULT_HEAVY_REMOVAL_PERCENT = 1.0;
    /** Kept members whose company name changes: above 10 % of the members warns. */
    public static final double NAME_CHANGE_WARN_RATIO = 0.10;
    /** … and above 25 % fails unless a large change is allowed. */
    public static final double NAME_CHANGE_FAIL_RATIO = 0.25;

    /**
     * A policy with the default heavy-removal share.
     *
     * @param minimumRows      fewest distinct symbols allowed
     * @param warnChangeRatio  count change that warns
     * @param failChangeRatio  count change that fails
     * @param allowLargeChange the operator's override of the failure thresholds
     * @param churnWarnRatio   replacements that warn
     * @param churnFailRatio   replacements that fail
     */
    public ValidationPolicy(int minimumRows, double warnChangeRatio, double failChangeRatio, boolean allowLargeChange,
                            double churnWarnRatio, double churnFailRatio) {
        this(minimumRows, warnChangeRatio, failChangeRatio, allowLargeChange, churnWarnRatio, churnFailRatio,
                DEFAULT_HEAVY_REMOVAL_PERCENT);
    }

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
                DEFAULT_CHURN_FAIL_RATIO, DEFAULT_HEAVY_REMOVAL_PERCENT);
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
     * @param heavyRemovalPercent the weight above which a removed member is heavy, in percent
     * @throws IllegalArgumentException for a negative minimum, or ratios that are not finite, negative or out of order
     */
    public ValidationPolicy {
        if (!Double.isFinite(heavyRemovalPercent) || heavyRemovalPercent < 0 || heavyRemovalPercent > 100) {
            throw new IllegalArgumentException("need 0 <= heavyRemovalPercent <= 100, got " + heavyRemovalPercent);
        }
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
