package org.freshears.model;

import java.io.Serial;
import java.io.Serializable;
import java.util.Arrays;
import java.util.SplittableRandom;
import smile.classification.DecisionTree;
import smile.classification.GradientTreeBoost;
import smile.data.DataFrame;
import smile.data.Tuple;
import smile.data.formula.Formula;
import smile.data.type.StructField;
import smile.data.type.StructType;
import smile.data.vector.IntVector;
import smile.math.MathEx;
import smile.model.cart.CART;
import smile.model.cart.SplitRule;

/**
 * The Smile tree ensemble behind {@link ReferenceModel}, kept package-private so that no Smile type leaks into
 * a public signature. Rows must be complete (imputed) before they come here. Seeded: the same data and seed
 * give the same model.
 *
 * <p>The random forest is bagged here from Smile's CART {@link DecisionTree}s (bootstrap samples, √p features
 * tried per split, class probabilities averaged over the trees) rather than with Smile's {@code RandomForest}:
 * that one scores every tree on its out-of-bag tracks and fails when such a handful holds exactly two of three
 * or more genres, which small reference folders hit.
 */
final class TreeClassifier implements Serializable {
    @Serial
    private static final long serialVersionUID = 2L;

    static {
        // Smile logs one INFO line per tree; slf4j-simple reads this when Smile's loggers are created.
        if (System.getProperty("org.slf4j.simpleLogger.log.smile") == null) {
            System.setProperty("org.slf4j.simpleLogger.log.smile", "warn");
        }
    }

    /** Which ensemble. */
    enum Kind { RANDOM_FOREST, GRADIENT_BOOST }

    private final Kind kind;
    private final int numClasses;
    private final StructType schema;
    private final DecisionTree[] forest;
    private final GradientTreeBoost boost;
    /** The labels present in training, in Smile's order (gradient boosting only sees these). */
    private final int[] trainedClasses;

    private TreeClassifier(Kind kind, int numClasses, StructType schema, DecisionTree[] forest,
                           GradientTreeBoost boost, int[] trainedClasses) {
        this.kind = kind;
        this.numClasses = numClasses;
        this.schema = schema;
        this.forest = forest;
        this.boost = boost;
        this.trainedClasses = trainedClasses;
    }

    /**
     * Fits on complete rows {@code x} with labels {@code y} in {@code 0 … numClasses-1} (a label may be absent:
     * then its probability is 0, or near 0 for the forest's smoothed leaves).
     */
    static TreeClassifier fit(Kind kind, double[][] x, int[] y, int numClasses, int trees, int nodeSize, long seed) {
        int[] distinct = Arrays.stream(y).distinct().sorted().toArray();
        if (distinct.length == 1) return new TreeClassifier(kind, numClasses, null, null, null, distinct);
        int p = x[0].length;
        String[] names = new String[p];
        for (int j = 0; j < p; j++) names[j] = "f" + j;
        DataFrame predictors = DataFrame.of(x, names);
        if (kind == Kind.RANDOM_FOREST) {
            return new TreeClassifier(kind, numClasses, predictors.schema(),
                    forest(predictors, y, numClasses, trees, nodeSize, seed), null, distinct);
        }
        // Smile's classifiers want labels 0 … m-1: map the labels present to their rank.
        int[] local = new int[y.length];
        for (int i = 0; i < y.length; i++) local[i] = Arrays.binarySearch(distinct, y[i]);
        DataFrame df = predictors.merge(new DataFrame(new IntVector("label", local)));
        MathEx.setSeed(seed);
        var options = new GradientTreeBoost.Options(trees, 20, 6, nodeSize, 0.05, 0.7, null, null);
        GradientTreeBoost boost = GradientTreeBoost.fit(Formula.lhs("label"), df, options);
        return new TreeClassifier(kind, numClasses, df.schema(), null, boost, distinct);
    }

    private static DecisionTree[] forest(DataFrame x, int[] y, int k, int trees, int nodeSize, long seed) {
        int n = y.length;
        int mtry = Math.max(1, (int) Math.floor(Math.sqrt(x.ncol())));
        StructField response = new StructField("label", smile.data.type.DataTypes.IntType);
        SplittableRandom random = new SplittableRandom(seed);
        long[] seeds = new long[trees];
        for (int t = 0; t < trees; t++) seeds[t] = random.nextLong();
        int[][] order = CART.order(x);
        DecisionTree[] out = new DecisionTree[trees];
        for (int t = 0; t < trees; t++) {
            SplittableRandom r = new SplittableRandom(seeds[t]);
            int[] samples = new int[n];
            for (int i = 0; i < n; i++) samples[r.nextInt(n)]++;
            MathEx.setSeed(seeds[t]); // CART draws its mtry candidate features from Smile's generator
            out[t] = new DecisionTree(x, y, response, k, SplitRule.GINI, 20, n, nodeSize, mtry, samples, order);
        }
        return out;
    }

    Kind kind() {
        return kind;
    }

    /** Class probabilities, indexed by label, for one complete row. */
    double[] probabilities(double[] row) {
        double[] out = new double[numClasses];
        if (forest == null && boost == null) {
            out[trainedClasses[0]] = 1;
            return out;
        }
        if (forest != null) {
            Tuple t = Tuple.of(schema, row);
            double[] post = new double[numClasses];
            for (DecisionTree tree : forest) {
                tree.predict(t, post);
                for (int c = 0; c < numClasses; c++) out[c] += post[c];
            }
        } else {
            Object[] cells = new Object[row.length + 1];
            for (int j = 0; j < row.length; j++) cells[j] = row[j];
            cells[row.length] = 0;
            double[] post = new double[trainedClasses.length];
            boost.predict(Tuple.of(schema, cells), post);
            for (int c = 0; c < trainedClasses.length; c++) out[trainedClasses[c]] = post[c];
        }
        double sum = Arrays.stream(out).sum();
        if (sum > 0) for (int c = 0; c < out.length; c++) out[c] /= sum;
        return out;
    }
}
