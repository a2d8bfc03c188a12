package org.freshears.pipeline;

import java.util.List;

/** The mastering result of CONTRACT.md ({@code schema = freshears.master/1}). */
public record MasterResult(String schema, Targets targets, Chain chain, AnalysisDocument before,
                           AnalysisDocument after, List<Check> checks, Output output, Loop loop) {

    public static final String SCHEMA = "freshears.master/1";

    public record Targets(double integratedLufs, double truePeakCeilingDbtp) {
    }

    /** {@code chain.stages[]} as rendered (same form as {@code --chain} takes), and its amount. */
    public record Chain(Object stages, double amount) {
    }

    /** One verified claim: {@code measured} is a number or a status word; {@code target} says what passes. */
    public record Check(String name, boolean passed, Object measured, Object target) {
    }

    public record Output(String path) {
    }

    /**
     * How the closed loop went: one entry per render pass (gain used, loudness and true peak measured, spectral
     * error against the references when matching), and the wall time in seconds.
     */
    public record Loop(List<Pass> passes, double seconds) {
    }

    public record Pass(double gainDb, Double integratedLufs, Double truePeakDbtp, Double spectralErrorDb) {
    }
}
