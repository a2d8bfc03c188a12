package org.freshears.analysis;

/**
 * One thing Fresh Ears noticed, in the contract's form ({@code findings[]} of the analysis document).
 *
 * @param code         stable code from CONTRACT.md, e.g. {@code tonal.lowMids.excess}
 * @param severity     "high", "medium" or "low"
 * @param message      one plain sentence: what, where, why, what to try
 * @param measured     the measured value, in {@code unit}
 * @param targetLow    lower edge of the accepted range (null = unbounded)
 * @param targetHigh   upper edge of the accepted range (null = unbounded)
 * @param unit         "dB", "LUFS", "dBTP", "LU", "", "%", ...
 * @param startSeconds where the problem is worst, when it is local (else null)
 * @param endSeconds   end of that stretch (else null)
 */
public record Finding(String code, String severity, String message, Double measured, Double targetLow,
                      Double targetHigh, String unit, Double startSeconds, Double endSeconds) {

    public static final String HIGH = "high";
    public static final String MEDIUM = "medium";
    public static final String LOW = "low";

    public Finding {
        if (code == null || code.isBlank()) throw new IllegalArgumentException("finding code is required");
        if (!HIGH.equals(severity) && !MEDIUM.equals(severity) && !LOW.equals(severity)) {
            throw new IllegalArgumentException("severity must be high, medium or low: " + severity);
        }
    }

    /** 0 for high, 1 for medium, 2 for low: sorts the worst first. */
    public int rank() {
        return switch (severity) {
            case HIGH -> 0;
            case MEDIUM -> 1;
            default -> 2;
        };
    }
}
