package org.freshears.advice;

/**
 * Where the master is going: an integrated-loudness target and a true-peak ceiling.
 *
 * @param name        how messages name it ("Spotify", "your references")
 * @param normalises  true when the player turns tracks up or down to the target (streaming), false when the file
 *                    plays as it is (CD, club, references)
 */
public record DeliveryTarget(String name, double integratedLufs, double truePeakCeilingDbtp, boolean normalises) {

    public static DeliveryTarget of(Platform p) {
        return new DeliveryTarget(p.label(), p.integratedLufs(), p.truePeakCeilingDbtp(), p != Platform.CD);
    }
}
