package org.freshears.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.freshears.advice.Platform;
import org.freshears.analysis.Finding;
import org.freshears.analysis.LoudnessStats;
import org.freshears.pipeline.AnalysisDocument;

/** The short human-readable summary that {@code analyze} prints without {@code --json}. */
final class Summary {
    private Summary() {}

    static void print(AnalysisDocument doc, Platform platform, PrintWriter out) {
        var f = doc.file();
        out.printf(Locale.ROOT, "%s  (%s, %d Hz, %d ch, %s)%n", f.path(), f.format(), f.sampleRate(), f.channels(),
                clock(f.durationSeconds()));
        LoudnessStats l = doc.loudness();
        if (l != null) {
            out.printf(Locale.ROOT, "  loudness   %s integrated (target %.0f LUFS on %s), LRA %s, true peak %s%n",
                    num(l.integratedLufs(), " LUFS"), platform.integratedLufs(), platform.label(),
                    num(l.loudnessRangeLu(), " LU"), num(l.truePeakDbtp(), " dBTP"));
        }
        if (doc.genre() != null && doc.genre().target() != null) {
            out.printf(Locale.ROOT, "  genre      %s%n", doc.genre().target());
        }
        if (doc.findings().isEmpty()) {
            out.println("  findings   none: nothing stands out");
        } else {
            for (Finding x : doc.findings()) {
                out.printf(Locale.ROOT, "  [%-6s] %s%n", x.severity(), x.message());
            }
        }
    }

    static String num(Double v, String unit) {
        return v == null ? "n/a" : String.format(Locale.ROOT, "%.1f%s", v, unit);
    }

    static String clock(Double seconds) {
        if (seconds == null) return "?";
        long tenths = Math.round(seconds * 10);
        return String.format(Locale.ROOT, "%d:%02d.%d", tenths / 600, (tenths / 10) % 60, tenths % 10);
    }
}
