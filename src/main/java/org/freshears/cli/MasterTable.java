package org.freshears.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.freshears.analysis.Finding;
import org.freshears.pipeline.AnalysisDocument;
import org.freshears.pipeline.MasterResult;

/** The readable before/after table that {@code master} prints without {@code --json}. */
final class MasterTable {
    private MasterTable() {}

    static void print(MasterResult r, PrintWriter out) {
        AnalysisDocument b = r.before();
        AnalysisDocument a = r.after();
        out.printf(Locale.ROOT, "%s → %s%n", b.file().path(), r.output().path());
        out.printf(Locale.ROOT, "  %-26s %12s %12s   target%n", "", "before", "after");
        row(out, "integrated loudness (LUFS)", b.loudness() == null ? null : b.loudness().integratedLufs(),
                a.loudness() == null ? null : a.loudness().integratedLufs(),
                String.format(Locale.ROOT, "%.1f", r.targets().integratedLufs()));
        row(out, "true peak (dBTP)", b.loudness() == null ? null : b.loudness().truePeakDbtp(),
                a.loudness() == null ? null : a.loudness().truePeakDbtp(),
                String.format(Locale.ROOT, "≤ %.1f", r.targets().truePeakCeilingDbtp()));
        row(out, "loudness range (LU)", b.loudness() == null ? null : b.loudness().loudnessRangeLu(),
                a.loudness() == null ? null : a.loudness().loudnessRangeLu(), "");
        row(out, "stereo width", b.stereo() == null ? null : b.stereo().width(),
                a.stereo() == null ? null : a.stereo().width(), "");
        if (b.spectrum() != null && a.spectrum() != null && b.spectrum().bands() != null && a.spectrum().bands() != null) {
            for (int i = 0; i < Math.min(b.spectrum().bands().size(), a.spectrum().bands().size()); i++) {
                row(out, "band " + b.spectrum().bands().get(i).name() + " (dB)", b.spectrum().bands().get(i).levelDb(),
                        a.spectrum().bands().get(i).levelDb(), "");
            }
        }
        out.println("  chain:");
        int n = 1;
        for (var s : (Iterable<?>) r.chain().stages()) {
            out.printf(Locale.ROOT, "    %d. %s%n", n++, s);
        }
        out.println("  findings:");
        for (Finding f : b.findings()) {
            out.printf(Locale.ROOT, "    [%-6s] %s%n", f.severity(), f.message());
        }
        out.println("  checks:");
        for (MasterResult.Check c : r.checks()) {
            out.printf(Locale.ROOT, "    %s %-44s %s (target %s)%n", c.passed() ? "PASS" : "FAIL", c.name(),
                    c.measured() instanceof Double d ? String.format(Locale.ROOT, "%.2f", d) : c.measured(), c.target());
        }
    }

    private static void row(PrintWriter out, String name, Double before, Double after, String target) {
        out.printf(Locale.ROOT, "  %-26s %12s %12s   %s%n", name, f(before), f(after), target);
    }

    private static String f(Double v) {
        return v == null ? "n/a" : String.format(Locale.ROOT, "%.2f", v);
    }

}
