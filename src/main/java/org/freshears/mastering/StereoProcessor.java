package org.freshears.mastering;

import org.freshears.dsp.MidSide;
import org.freshears.dsp.MultibandWidth;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs a {@link StereoStage} on the mid/side pair of channels 0 and 1 through {@link MultibandWidth}: crossovers at
 * the band edges and at {@code monoBelowHz} (edges below 10 Hz or above 0.45 × the sample rate are dropped, and
 * neighbouring segments of equal width are merged). A stage that changes nothing is skipped entirely, so width 1.0
 * everywhere is the exact identity; otherwise mid and side share one all-pass phase response (see
 * {@link MultibandWidth}). Mono input: skipped, with a note. More than two channels: channels 1 and 2 only.
 */
final class StereoProcessor implements Processor {
    private final MultibandWidth width;

    StereoProcessor(StereoStage stage, double sampleRate, int channels, int maxBlock, List<String> notes) {
        if (channels == 1) {
            notes.add("stereo: skipped on a mono input");
            width = null;
            return;
        }
        if (channels > 2) notes.add("stereo: applied to channels 1 and 2 only (" + channels + "-channel input)");
        double lo = 10, hi = 0.45 * sampleRate;
        List<Double> edges = new ArrayList<>();
        for (WidthBand b : stage.bands()) {
            edges.add(b.lowHz());
            edges.add(b.highHz());
        }
        if (stage.monoBelowHz() != null) edges.add(stage.monoBelowHz());
        List<Double> cuts = edges.stream().filter(f -> f > lo && f < hi).distinct().sorted().toList();
        // width of each segment between consecutive cuts, then merge equal neighbours
        List<Double> keptCuts = new ArrayList<>();
        List<Double> widths = new ArrayList<>();
        for (int i = 0; i <= cuts.size(); i++) {
            double a = i == 0 ? 0 : cuts.get(i - 1), b = i == cuts.size() ? sampleRate / 2 : cuts.get(i);
            double w = widthAt(stage, a, b);
            if (!widths.isEmpty() && widths.getLast() == w) continue;
            if (!widths.isEmpty()) keptCuts.add(a);
            widths.add(w);
        }
        width = new MultibandWidth(sampleRate, keptCuts.stream().mapToDouble(Double::doubleValue).toArray(),
                widths.stream().mapToDouble(Double::doubleValue).toArray(), maxBlock);
    }

    private static double widthAt(StereoStage stage, double a, double b) {
        if (stage.monoBelowHz() != null && b <= stage.monoBelowHz()) return 0;
        double mid = a == 0 ? b / 2 : Math.sqrt(a * b);
        for (WidthBand band : stage.bands()) {
            if (mid >= band.lowHz() && mid < band.highHz()) return band.width();
        }
        return 1;
    }

    boolean isIdentity() {
        return width == null;
    }

    @Override
    public void process(float[][] buf, int frames) {
        if (width == null) return;
        MidSide.encode(buf[0], buf[1], 0, frames);
        width.process(buf[0], buf[1], 0, frames);
        MidSide.decode(buf[0], buf[1], 0, frames);
    }
}
