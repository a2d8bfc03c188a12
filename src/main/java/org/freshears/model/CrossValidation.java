package org.freshears.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/** Package-grouped k-fold cross-validation of a classifier over prepared training data. */
final class CrossValidation {
    private CrossValidation() {}

    /** Fits on some rows (with their groups, in fold {@code fold}'s turn) and returns a rule that labels a row. */
    @FunctionalInterface
    interface Fitter {
        ToIntFunction<double[]> fit(double[][] x, int[] y, List<String> groups, int fold);
    }

    /**
     * Trains on all folds but one and predicts the left-out fold, for every fold; imputation is fitted on the
     * training folds only.
     */
    static Evaluation run(ReferenceModel.Algorithm algorithm, double[][] x, int[] y, List<String> groups,
                          List<String> genres, List<String> featureNames, ReferenceModel.Options options) {
        int[] fold = GroupedFolds.assign(groups, y, options.folds(), options.seed());
        int[] predicted = outOfFold(fold, x, y, groups, (tx, ty, tg, f) -> {
            double[] fill = Imputation.medians(tx);
            GenreClassifier c = ReferenceModel.train(algorithm, Imputation.apply(tx, fill), ty, tg, genres.size(),
                    featureNames, options, options.seed() + f);
            return row -> argmax(c.probabilities(Imputation.apply(row, fill)));
        });
        return Evaluation.of(ReferenceModel.algorithmName(algorithm), folds(fold), genres, y, predicted);
    }

    /** Each row's label from a rule fitted on the rows of every other fold ({@code fold[i]}: row i's fold). */
    static int[] outOfFold(int[] fold, double[][] x, int[] y, List<String> groups, Fitter fitter) {
        int[] predicted = new int[y.length];
        for (int f = 0; f < folds(fold); f++) {
            List<Integer> trainIdx = new ArrayList<>();
            List<Integer> testIdx = new ArrayList<>();
            for (int i = 0; i < y.length; i++) (fold[i] == f ? testIdx : trainIdx).add(i);
            double[][] tx = new double[trainIdx.size()][];
            int[] ty = new int[trainIdx.size()];
            List<String> tg = new ArrayList<>();
            for (int i = 0; i < tx.length; i++) {
                tx[i] = x[trainIdx.get(i)];
                ty[i] = y[trainIdx.get(i)];
                tg.add(groups.get(trainIdx.get(i)));
            }
            ToIntFunction<double[]> rule = fitter.fit(tx, ty, tg, f);
            for (int i : testIdx) predicted[i] = rule.applyAsInt(x[i]);
        }
        return predicted;
    }

    static int folds(int[] fold) {
        int folds = 0;
        for (int f : fold) folds = Math.max(folds, f + 1);
        return folds;
    }

    static int argmax(double[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) if (p[i] > p[best]) best = i;
        return best;
    }
}
