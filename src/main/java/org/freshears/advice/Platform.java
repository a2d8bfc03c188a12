package org.freshears.advice;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Delivery targets: an integrated-loudness target and a true-peak ceiling (CONTRACT.md, {@code platforms}). */
public enum Platform {
    SPOTIFY("spotify", "Spotify", -14, -1),
    APPLE("apple", "Apple Music", -16, -1),
    YOUTUBE("youtube", "YouTube", -14, -1),
    TIDAL("tidal", "Tidal", -14, -1),
    AMAZON("amazon", "Amazon Music", -14, -2),
    DEEZER("deezer", "Deezer", -15, -1),
    SOUNDCLOUD("soundcloud", "SoundCloud", -14, -1),
    CD("cd", "CD / club master (no normalisation)", -9, -0.3),
    EBU("ebu", "EBU R 128 broadcast", -23, -1);

    public static final Platform DEFAULT = SPOTIFY;

    private final String id;
    private final String label;
    private final double integratedLufs;
    private final double truePeakCeilingDbtp;

    Platform(String id, String label, double integratedLufs, double truePeakCeilingDbtp) {
        this.id = id;
        this.label = label;
        this.integratedLufs = integratedLufs;
        this.truePeakCeilingDbtp = truePeakCeilingDbtp;
    }

    public String id() { return id; }

    public String label() { return label; }

    public double integratedLufs() { return integratedLufs; }

    public double truePeakCeilingDbtp() { return truePeakCeilingDbtp; }

    /** Looks a platform up by id, case-insensitively; a clear error names the valid ids. */
    public static Platform of(String id) {
        if (id == null || id.isBlank()) return DEFAULT;
        String key = id.trim().toLowerCase(Locale.ROOT);
        for (Platform p : values()) if (p.id.equals(key)) return p;
        throw new IllegalArgumentException("unknown platform '" + id + "'; choose one of: "
                + Arrays.stream(values()).map(Platform::id).collect(Collectors.joining(", ")));
    }
}
