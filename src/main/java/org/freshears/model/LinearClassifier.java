package org.freshears.model;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import smile.classification.LogisticRegression;

/**
 * Multinomial logistic regression (Smile's {@link LogisticRegression}, L2-penalised) on the standardised
 * <em>production-independent</em> features: dynamics, stereo image and texture. The spectral shape (the seven
 * band levels, the 1/3-octave levels and the tilt) is left out on purpose. In the default corpus, where each
 * genre comes from a handful of packages, the spectral shape identifies the package (its studio, its encoder's
 * low-pass) rather than the genre: on held-out packages, models that use it do worse (see
 * {@code models/MODEL_CARD.md}). Genres are balanced in fitting (each track is repeated about
 * {@code 2 × largest genre ÷ its genre} times), so that a thin genre is still predicted. The strength of the L2
 * penalty is chosen among {@link #PENALTIES_PER_ROW} by a grouped cross-validation inside the training tracks (so
 * that it never sees the tracks it is scored on): many weak, noisy features from a handful of productions want a
 * strong penalty (the default corpus picks the strongest, about 100 in Smile's terms), one clear feature a weak one.
 *
 * <p>Once fitted, the weights are copied out of Smile; predicting is a dot product and a softmax, and a test
 * checks that it gives exactly Smile's probabilities.
 */
final class LinearClassifier implements GenreClassifier {
    static final String KIND = "LOGISTIC";
    static final String NAME = "logisticRegression";
    /**
     * The candidate strengths of the L2 penalty: Smile's {@code lambda} per fitted row, so that a strength means the
     * same for a small folder and a large corpus.
     */
    static final double[] PENALTIES_PER_ROW = {0.0025, 0.025, 0.25};
    /** The penalty when there are too few groups to choose one. */
    static final double DEFAULT_PENALTY_PER_ROW = 0.025;
    private static final double TOLERANCE = 1e-6;
    private static final int MAX_ITERATIONS = 1000;

    private final int numClasses;
    /** The labels present in training, in the weights' order; the last is the reference (score 0). */
    private final int[] trainedClasses;
    /** The feature columns used, and their training mean and standard deviation (0: the column is ignored). */
    private final int[] columns;
    private final double[] mean, sd;
    /** {@code trainedClasses.length - 1} rows of {@code columns.length} weights followed by the intercept. */
    private final double[][] weights;

    private LinearClassifier(int numClasses, int[] trainedClasses, int[] columns, double[] mean, double[] sd,
                             double[][] weights) {
        this.numClasses = numClasses;
        this.trainedClasses = trainedClasses;
        this.columns = columns;
        this.mean = mean;
        this.sd = sd;
        this.weights = weights;
    }

    /** Whether the classifier uses a feature: everything but the spectral shape (band and 1/3-octave levels, tilt). */
    static boolean uses(String featureName) {
        return !(featureName.startsWith("band.") || featureName.startsWith("third.") || featureName.equals("tiltDbPerOctave"));
    }

    /**
     * Fits on complete rows {@code x} (columns named by {@code featureNames}) with labels in
     * {@code 0 … numClasses-1} (a label may be absent: its probability is then 0), choosing the penalty by grouped
     * cross-validation over {@code groups} (one per row) when there are at least three.
     */
    static LinearClassifier fit(double[][] x, int[] y, int numClasses, List<String> featureNames, List<String> groups,
                                long seed) {
        return fitWith(x, y, numClasses, featureNames, choosePenalty(x, y, numClasses, featureNames, groups, seed));
    }

    /** The penalty per row with the best grouped cross-validated accuracy (ties: the stronger). */
    static double choosePenalty(double[][] x, int[] y, int numClasses, List<String> featureNames, List<String> groups,
                                long seed) {
        if (groups.stream().distinct().count() < 3) return DEFAULT_PENALTY_PER_ROW;
        int[] fold = GroupedFolds.assign(groups, y, 5, seed);
        double best = DEFAULT_PENALTY_PER_ROW;
        int bestCorrect = -1;
        for (int i = PENALTIES_PER_ROW.length - 1; i >= 0; i--) {
            double penalty = PENALTIES_PER_ROW[i];
            int[] predicted = CrossValidation.outOfFold(fold, x, y, groups, (tx, ty, tg, f) -> {
                LinearClassifier c = fitWith(tx, ty, numClasses, featureNames, penalty);
                return row -> CrossValidation.argmax(c.probabilities(row));
            });
            int correct = 0;
            for (int r = 0; r < y.length; r++) if (predicted[r] == y[r]) correct++;
            if (correct > bestCorrect) {
                bestCorrect = correct;
                best = penalty;
            }
        }
        return best;
    }

    /** Fits with a given penalty per fitted row. */
    static LinearClassifier fitWith(double[][] x, int[] y, int numClasses, List<String> featureNames, double penaltyPerRow) {
        int[] distinct = Arrays.stream(y).distinct().sorted().toArray();
        List<Integer> cols = new ArrayList<>();
        for (int j = 0; j < featureNames.size(); j++) if (uses(featureNames.get(j))) cols.add(j);
        int[] columns = cols.stream().mapToInt(Integer::intValue).toArray();
        int p = columns.length;
        double[] mean = new double[p], sd = new double[p];
        for (int j = 0; j < p; j++) {
            double s = 0;
            for (double[] row : x) s += row[columns[j]];
            mean[j] = s / x.length;
            double v = 0;
            for (double[] row : x) v += (row[columns[j]] - mean[j]) * (row[columns[j]] - mean[j]);
            sd[j] = Math.sqrt(v / x.length);
        }
        if (distinct.length == 1) return new LinearClassifier(numClasses, distinct, columns, mean, sd, new double[0][]);
        int[] count = new int[numClasses];
        for (int label : y) count[label]++;
        int largest = Arrays.stream(count).max().orElse(1);
        List<double[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            double[] z = standardise(x[i], columns, mean, sd);
            int local = Arrays.binarySearch(distinct, y[i]);
            long repeat = Math.max(1, Math.round(2.0 * largest / count[y[i]]));
            for (int r = 0; r < repeat; r++) {
                rows.add(z);
                labels.add(local);
            }
        }
        double[][] zx = rows.toArray(new double[0][]);
        int[] zy = labels.stream().mapToInt(Integer::intValue).toArray();
        var options = new LogisticRegression.Options(penaltyPerRow * zx.length, TOLERANCE, MAX_ITERATIONS);
        double[][] w;
        if (distinct.length == 2) {
            // Smile's binomial model gives P(second) = σ(w·z + b); as scores against the second (reference) class,
            // the first scores −(w·z + b)
            double[] b = LogisticRegression.binomial(zx, zy, options).coefficients();
            w = new double[][] {Arrays.stream(b).map(v -> -v).toArray()};
        } else {
            w = LogisticRegression.multinomial(zx, zy, options).coefficients();
        }
        return new LinearClassifier(numClasses, distinct, columns, mean, sd, w);
    }

    private static double[] standardise(double[] row, int[] columns, double[] mean, double[] sd) {
        double[] z = new double[columns.length];
        for (int j = 0; j < z.length; j++) z[j] = sd[j] > 0 ? (row[columns[j]] - mean[j]) / sd[j] : 0;
        return z;
    }

    @Override
    public double[] probabilities(double[] row) {
        double[] out = new double[numClasses];
        int m = trainedClasses.length;
        if (m == 1) {
            out[trainedClasses[0]] = 1;
            return out;
        }
        double[] z = standardise(row, columns, mean, sd);
        double[] score = new double[m];                  // the reference class (last) scores 0
        for (int c = 0; c < m - 1; c++) {
            double[] w = weights[c];
            double s = w[z.length];
            for (int j = 0; j < z.length; j++) s += w[j] * z[j];
            score[c] = s;
        }
        double max = Arrays.stream(score).max().orElse(0);
        double sum = 0;
        for (int c = 0; c < m; c++) {
            score[c] = Math.exp(score[c] - max);
            sum += score[c];
        }
        for (int c = 0; c < m; c++) out[trainedClasses[c]] = score[c] / sum;
        return out;
    }

    @Override
    public String algorithm() {
        return NAME;
    }

    /** The feature columns the classifier reads. */
    int[] columns() {
        return columns.clone();
    }

    @Override
    public void write(OutputStream os) throws IOException {
        DataOutputStream out = new DataOutputStream(os);
        out.writeUTF(KIND);
        new Classes(numClasses, trainedClasses).write(out);
        out.writeInt(columns.length);
        for (int j = 0; j < columns.length; j++) {
            out.writeInt(columns[j]);
            out.writeDouble(mean[j]);
            out.writeDouble(sd[j]);
        }
        for (double[] w : weights) for (double v : w) out.writeDouble(v);
        out.flush();
    }

    /** Reads the body that {@link #write} wrote after the kind's name. */
    static LinearClassifier readBody(DataInputStream in, int features) throws IOException {
        Classes classes = Classes.read(in);
        int numClasses = classes.numClasses();
        int[] trained = classes.trained();
        int m = trained.length;
        int p = in.readInt();
        if (p < 0 || p > features) throw new IOException("bad feature count");
        int[] columns = new int[p];
        double[] mean = new double[p], sd = new double[p];
        for (int j = 0; j < p; j++) {
            columns[j] = in.readInt();
            if (columns[j] < 0 || columns[j] >= features) throw new IOException("feature out of range");
            mean[j] = in.readDouble();
            sd[j] = in.readDouble();
        }
        double[][] w = new double[m == 1 ? 0 : m - 1][p + 1];
        for (double[] row : w) for (int j = 0; j <= p; j++) row[j] = in.readDouble();
        return new LinearClassifier(numClasses, trained, columns, mean, sd, w);
    }
}
