package org.freshears.advice;

import java.util.Map;

/**
 * All the wording of advice in one table: code → what (with placeholders), why, what to try. Placeholders are
 * {@code {name}} and are filled by {@link #fill}. Codes not in the table (e.g. new defect codes) keep the message
 * their producer wrote.
 */
public final class FindingText {

    /** One code's wording. {@code what} and {@code fix} may contain placeholders; {@code why} too. */
    public record Template(String what, String why, String fix) {
    }

    private static final String TONAL_EXCESS = "The {bandLabel}, {range}, {sit} {delta} dB above {label} (median; "
            + "{their} usual range ends {edge} dB above it){where}.";
    private static final String TONAL_LACK = "The {bandLabel}, {range}, {sit} {delta} dB below {label} (median; "
            + "{their} usual range ends {edge} dB below it){where}.";
    private static final String CUT = "a wide cut of about {gain} dB around {freq}";
    private static final String BOOST = "a gentle, wide boost of about {gain} dB around {freq}";

    public static final Map<String, Template> TABLE = Map.ofEntries(
            Map.entry("tonal.sub.excess", new Template(TONAL_EXCESS,
                    "deep sub-bass eats headroom and loudness, booms on big systems and is inaudible on small speakers",
                    "a high-pass around 25 Hz and " + CUT)),
            Map.entry("tonal.sub.lack", new Template(TONAL_LACK,
                    "the track will feel thin on club systems and on headphones that reproduce deep bass", BOOST)),
            Map.entry("tonal.bass.excess", new Template(TONAL_EXCESS,
                    "a heavy bass makes the low end boomy and makes the limiter pump on bass notes instead of the whole mix",
                    CUT)),
            Map.entry("tonal.bass.lack", new Template(TONAL_LACK,
                    "the mix loses weight and punch and sounds thin next to other tracks", BOOST)),
            Map.entry("tonal.lowMids.excess", new Template(TONAL_EXCESS,
                    "it masks the kick and makes the mix sound muddy on small speakers", CUT)),
            Map.entry("tonal.lowMids.lack", new Template(TONAL_LACK,
                    "the mix can sound hollow, with little body in vocals, guitars and snare", BOOST)),
            Map.entry("tonal.mids.excess", new Template(TONAL_EXCESS,
                    "it sounds honky or boxy and tires the ear", CUT)),
            Map.entry("tonal.mids.lack", new Template(TONAL_LACK,
                    "the mix sounds scooped: vocals and leads lose presence on phones and laptops", BOOST)),
            Map.entry("tonal.upperMids.excess", new Template(TONAL_EXCESS,
                    "it sounds harsh and fatiguing, especially when played loud", CUT)),
            Map.entry("tonal.upperMids.lack", new Template(TONAL_LACK,
                    "the mix sounds dull and distant; words and attacks lose definition", BOOST)),
            Map.entry("tonal.highs.excess", new Template(TONAL_EXCESS,
                    "it sounds brittle and exaggerates sibilance and hi-hats", CUT)),
            Map.entry("tonal.highs.lack", new Template(TONAL_LACK, "the mix sounds dark and veiled", BOOST)),
            Map.entry("tonal.air.excess", new Template(TONAL_EXCESS,
                    "it sounds hissy or thin, and lossy encoders waste bits on it", CUT)),
            Map.entry("tonal.air.lack", new Template(TONAL_LACK, "the mix lacks openness and sparkle", BOOST)),
            Map.entry("dynamics.overCompressed", new Template(
                    "The peak-to-loudness ratio is {measured} dB, below {label} (usual {low}–{high} dB){where}.",
                    "the transients are flattened: the track sounds loud but small and tiring, and streaming "
                            + "platforms turn it down anyway, so the squashing buys nothing",
                    "back off the bus compression and limiting in the mix, or master from a less limited bounce; "
                            + "mastering cannot give back lost transients")),
            Map.entry("dynamics.tooDynamic", new Template(
                    "The dynamics are wider than {label}: {detail}.",
                    "quiet passages get lost in noisy places and the loudest hits hold the whole track's level down",
                    "{compression}")),
            Map.entry("stereo.tooNarrow", new Template(
                    "The stereo image is narrow: width {measured} against the usual {low}–{high} of {label}{where}.",
                    "the mix sounds small and central next to other tracks, especially on headphones",
                    "widen the mid and high bands a little with mid/side processing")),
            Map.entry("stereo.tooWide", new Template(
                    "The stereo image is very wide: width {measured} against the usual {low}–{high} of {label}{where}.",
                    "the centre gets weak and parts can vanish in mono (phones, club systems, smart speakers)",
                    "narrow the side signal a little")),
            Map.entry("stereo.lowEndNotMono", new Template(
                    "The low end below 120 Hz is not mono: width {measured} against at most {high} in {label}.",
                    "wide bass wastes headroom, sounds unstable and partly cancels in mono and on vinyl",
                    "make everything below about 120 Hz mono")),
            Map.entry("loudness.tooQuiet", new Template(
                    "Integrated loudness is {measured} LUFS, {delta} LU below {targetText}.",
                    "{quietWhy}",
                    "raise the level into a true-peak limiter at {ceiling} dBTP")),
            Map.entry("loudness.tooLoud", new Template(
                    "Integrated loudness is {measured} LUFS, {delta} LU above {targetText}.",
                    "{loudWhy}",
                    "master to about {target} LUFS and keep the dynamics")),
            Map.entry("peaks.truePeakOver", new Template(
                    "True peak reaches {measured} dBTP, above {platform}'s {ceiling} dBTP ceiling.",
                    "lossy encoding adds overshoot, so peaks this high distort after upload",
                    "a true-peak limiter with its ceiling at {ceiling} dBTP")),
            Map.entry("peaks.clipping", new Template(null,
                    "flat-topped waveforms are audible distortion that no mastering can undo",
                    "lower the master fader or the limiter output in the mix and bounce again")),
            Map.entry("stereo.phaseProblem", new Template(null,
                    "in mono the mix cancels: it thins out or vanishes on phones, radio and club systems",
                    "check the polarity of each channel and of stereo-widened parts in the mix")),
            Map.entry("stereo.imbalance", new Template(null,
                    "the mix leans to one side on headphones and in the car",
                    "re-centre the balance in the mix (check panning of the lead parts)")),
            Map.entry("technical.dcOffset", new Template(null,
                    "DC offset wastes headroom and causes clicks at edits",
                    "a high-pass around 20 Hz removes it")),
            Map.entry("technical.silencePadding", new Template(null,
                    "long silence at the start or end sounds like a gap in playlists",
                    "trim the silence before delivery")),
            Map.entry("technical.bandLimited", new Template(null,
                    "the track was probably made from a lossy file or a low sample rate: the top octave is missing",
                    "master from the original lossless bounce; the EQ leaves the missing band alone")));

    private FindingText() {}

    public static Template of(String code) {
        return TABLE.get(code);
    }

    /** Replaces each {@code {key}} in {@code text} by its value. */
    public static String fill(String text, Map<String, String> values) {
        if (text == null) return null;
        String out = text;
        for (var e : values.entrySet()) out = out.replace("{" + e.getKey() + "}", e.getValue());
        return out;
    }
}
