package org.freshears.model;

import java.util.ArrayList;
import java.util.List;

/** Package-grouped k-fold cross-validation of a classifier over prepared training data. */
final class CrossValidation {
    private CrossValidation() {}

    /**
     * Trains on all folds but one and predicts the left-out fold, for every fold; imputation is fitted on the
     * training folds only.
     */
    static Evaluation run(ReferenceModel.Algorithm algorithm, double[][] x, int[] y, List<String> groups,
                          List<String> genres, List<String> featureNames, ReferenceModel.Options options) {
        int[] fold = GroupedFolds.assign(groups, y, options.folds(), options.seed());
        int folds = 0;
        for (int f : fold) folds = Math.max(folds, f + 1);
        int[] predicted = new int[y.length];
        for (int f = 0; f < folds; f++) {
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
            double[] fill = Imputation.medians(tx);
            GenreClassifier c = ReferenceModel.train(algorithm, Imputation.apply(tx, fill), ty, tg, genres.size(),
                    featureNames, options, options.seed() + f);
            for (int i : testIdx) predicted[i] = argmax(c.probabilities(Imputation.apply(x[i], fill)));
        }
        return Evaluation.of(ReferenceModel.algorithmName(algorithm), folds, genres, y, predicted);
    }

    static int argmax(double[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) if (p[i] > p[best]) best = i;
        return best;
    }
}
