package org.freshears.advice;

/**
 * Where the master is going: an integrated-loudness target and a true-peak ceiling.
 *
 * @param name           how messages name it ("Spotify", "your references"); ceilings and normalisation are its
 * @param normalises     true when the player turns tracks up or down to the target (streaming), false when the file
 *                       plays as it is (CD, club, references)
 * @param loudnessChosen true when the loudness is the user's own choice, not {@code name}'s: messages then speak of
 *                       "your target", while the ceiling stays the platform's
 */
public record DeliveryTarget(String name, double integratedLufs, double truePeakCeilingDbtp, boolean normalises,
                             boolean loudnessChosen) {

    public DeliveryTarget(String name, double integratedLufs, double truePeakCeilingDbtp, boolean normalises) {
        this(name, integratedLufs, truePeakCeilingDbtp, normalises, false);
    }

    public static DeliveryTarget of(Platform p) {
        return new DeliveryTarget(p.label(), p.integratedLufs(), p.truePeakCeilingDbtp(), p != Platform.CD);
    }

    /** The same platform and ceiling with a loudness the user chose. */
    public DeliveryTarget withLoudness(double lufs) {
        return new DeliveryTarget(name, lufs, truePeakCeilingDbtp, normalises, true);
    }

    /** The loudness target in words: "Spotify's -14.0 LUFS", or "your target of -16.0 LUFS". */
    String loudnessText() {
        String lufs = Advisor.num1(integratedLufs) + " LUFS";
        return loudnessChosen ? "your target of " + lufs : name + "'s " + lufs;
    }
}
