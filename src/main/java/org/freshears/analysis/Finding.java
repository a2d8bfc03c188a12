package org.freshears.analysis;

/**
 * One thing Fresh Ears noticed, in the contract's form ({@code findings[]} of the analysis document).
 *
 * @param code         stable code from CONTRACT.md, e.g. {@code tonal.lowMids.excess}
 * @param severity     "high", "medium" or "low"
 * @param message      plain sentences: what, where, why, what to try
 * @param measured     the measured value, in {@code unit}
 * @param targetLow    lower edge of the accepted range (null = unbounded)
 * @param targetHigh   upper edge of the accepted range (null = unbounded)
 * @param unit         "dB", "LUFS", "dBTP", "LU", "", "%", ...
 * @param startSeconds where the problem is worst, when it is local (else null)
 * @param endSeconds   end of that stretch (else null)
 * @param why          why it matters, on its own (null when the producer of the finding gives none)
 * @param fix          what to try, on its own (null when none)
 * @param chainStage   1-based index of the suggested chain's stage that answers it (null when none)
 */
public record Finding(String code, String severity, String message, Double measured, Double targetLow,
                      Double targetHigh, String unit, Double startSeconds, Double endSeconds, String why,
                      String fix, Integer chainStage) {

    public static final String HIGH = "high";
    public static final String MEDIUM = "medium";
    public static final String LOW = "low";

    public Finding {
        if (code == null || code.isBlank()) throw new IllegalArgumentException("finding code is required");
        if (!HIGH.equals(severity) && !MEDIUM.equals(severity) && !LOW.equals(severity)) {
            throw new IllegalArgumentException("severity must be high, medium or low: " + severity);
        }
    }

    /** The original nine-field form (no why / fix / chain stage). */
    public Finding(String code, String severity, String message, Double measured, Double targetLow,
                   Double targetHigh, String unit, Double startSeconds, Double endSeconds) {
        this(code, severity, message, measured, targetLow, targetHigh, unit, startSeconds, endSeconds, null, null,
                null);
    }

    /** 0 for high, 1 for medium, 2 for low: sorts the worst first. */
    public int rank() {
        return switch (severity) {
            case HIGH -> 0;
            case MEDIUM -> 1;
            default -> 2;
        };
    }

    /** A copy with another message, fix text and chain stage (used once the chain is known). */
    public Finding withChainStage(String newMessage, String newFix, Integer stage) {
        return new Finding(code, severity, newMessage, measured, targetLow, targetHigh, unit, startSeconds,
                endSeconds, why, newFix, stage);
    }
}
