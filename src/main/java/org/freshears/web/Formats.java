package org.freshears.web;

import java.util.Locale;
import org.freshears.audio.OutputFormat;

/** The download formats of {@code GET /api/masters/{id}/audio?format=}: pcm24 (default), pcm16, float32. */
final class Formats {
    private Formats() {}

    static OutputFormat of(String s) {
        if (s == null || s.isBlank()) return OutputFormat.PCM24;
        for (OutputFormat f : OutputFormat.values()) if (f.name().equalsIgnoreCase(s.trim())) return f;
        throw new ApiException(400, "unknown format '" + s + "'; choose pcm24, pcm16 or float32");
    }

    static String id(OutputFormat f) {
        return f.name().toLowerCase(Locale.ROOT);
    }
}
