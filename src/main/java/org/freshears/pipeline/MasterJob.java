package org.freshears.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.freshears.advice.Advisor;
import org.freshears.advice.ChainAdvisor;
import org.freshears.advice.DeliveryTarget;
import org.freshears.advice.Platform;
import org.freshears.advice.TargetProfile;
import org.freshears.analysis.Finding;
import org.freshears.analysis.MixFeatures;
import org.freshears.analysis.ProgressListener;
import org.freshears.audio.UnreadableAudioException;
import org.freshears.mastering.MasteringChain;
import org.freshears.model.GenreAssessment;

/** {@code master}: measure → advise → suggest (or take) a chain → render and verify in a closed loop → report. */
final class MasterJob {
    private MasterJob() {}

    static MasterResult run(Pipeline pipeline, Pipeline.MasterRequest r, ProgressListener progress)
            throws UnreadableAudioException, IOException {
        long t0 = System.nanoTime();
        MixFeatures before = pipeline.measure(r.input(), r.input().toString(), progress);
        GenreAssessment genre = r.references().isEmpty() ? pipeline.assessGenre(before, r.genre()) : null;
        TargetProfile profile = pipeline.targetProfile(genre, pipeline.measureReferences(r.references(), ProgressListener.NONE));
        DeliveryTarget target;
        if (r.platform() != null) {
            target = DeliveryTarget.of(r.platform());
        } else if (profile.integratedLufs() != null) {
            target = new DeliveryTarget(profile.label(), profile.integratedLufs(), -1, false);
        } else {
            target = DeliveryTarget.of(Platform.DEFAULT);
        }
        if (r.integratedLufs() != null && Math.abs(r.integratedLufs() - target.integratedLufs()) >= 0.005) {
            // a loudness of the user's own ("above your target of -16.0 LUFS"; the ceiling stays the platform's).
            // The web editor sends the platform's own target back unchanged, which keeps "Spotify's -14.0 LUFS".
            target = target.withLoudness(r.integratedLufs());
        }
        List<Finding> findings = Advisor.advise(before, profile, target);
        double amount = r.amountPercent() == null ? 100 : r.amountPercent();
        MasteringChain chain = r.chain() != null
                ? (r.amountPercent() == null ? r.chain() : r.chain().withAmount(amount))
                : ChainAdvisor.suggest(before, profile, target, findings, amount);
        boolean refine = r.chain() == null && profile.isReferences();
        Mastering.Outcome o = Mastering.run(r.input(), r.output(), r.format(), chain, target, profile, before,
                refine, progress);
        findings = ChainAdvisor.link(findings, o.chain());
        List<Finding> afterFindings = Advisor.advise(o.after(), profile, target);
        List<MasterResult.Check> checks = new ArrayList<>();
        Double lufs = o.after().loudness() == null ? null : o.after().loudness().integratedLufs();
        Double tp = o.after().loudness() == null ? null : o.after().loudness().truePeakDbtp();
        checks.add(new MasterResult.Check("loudness on target",
                lufs != null && Math.abs(lufs - target.integratedLufs()) <= Mastering.LOUDNESS_TOLERANCE_LU,
                lufs != null ? lufs : "not measurable (under 0.4 s, or nothing above the -70 LUFS gate)",
                Mastering.fmt(target.integratedLufs()) + " ± " + Mastering.LOUDNESS_TOLERANCE_LU + " LUFS"));
        checks.add(new MasterResult.Check("true peak under ceiling",
                tp != null && tp <= target.truePeakCeilingDbtp() + 1e-6, tp,
                "≤ " + Mastering.fmt(target.truePeakCeilingDbtp()) + " dBTP"));
        checks.add(new MasterResult.Check("length preserved", o.after().file().frames() == before.file().frames(),
                o.after().file().frames(), before.file().frames()));
        if (profile.isReferences()) {
            Double e0 = Mastering.spectralError(before, profile);
            Double e1 = Mastering.spectralError(o.after(), profile);
            checks.add(new MasterResult.Check("spectral match to references (mean 1/3-octave error, 40 Hz–16 kHz; "
                    + "before " + (e0 == null ? "n/a" : Mastering.fmt(e0)) + " dB)", e1 != null && e1 < 0.2, e1, "< 0.20 dB"));
        }
        for (Finding f : findings) {
            String status = Mastering.status(f, afterFindings);
            checks.add(new MasterResult.Check("finding " + f.code(), status.equals("fixed") || status.equals("improved"),
                    status, "fixed or improved"));
        }
        Object stages = o.chain().stagesJson();
        AnalysisDocument beforeDoc = AnalysisDocument.of(before, genre, findings, new MasterResult.Chain(stages, o.chain().amount()));
        AnalysisDocument afterDoc = AnalysisDocument.of(o.after(), genre, afterFindings, null);
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new MasterResult(MasterResult.SCHEMA,
                new MasterResult.Targets(target.integratedLufs(), target.truePeakCeilingDbtp()),
                new MasterResult.Chain(stages, o.chain().amount()), beforeDoc, afterDoc, checks,
                new MasterResult.Output(r.output().toString()), new MasterResult.Loop(o.passes(), seconds));
    }
}
