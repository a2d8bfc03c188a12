package org.freshears.model;

import java.io.Serial;
import java.io.Serializable;
import java.util.Arrays;
import java.util.SplittableRandom;
import smile.classification.DataFrameClassifier;
import smile.classification.GradientTreeBoost;
import smile.classification.RandomForest;
import smile.data.DataFrame;
import smile.data.Tuple;
import smile.data.formula.Formula;
import smile.data.type.StructType;
import smile.data.vector.IntVector;
import smile.math.MathEx;
import smile.model.cart.SplitRule;

/**
 * The Smile tree ensemble behind {@link ReferenceModel}, kept package-private so that no Smile type leaks into
 * a public signature. Rows must be complete (imputed) before they come here. Seeded: the same data and seed
 * give the same model.
 */
final class TreeClassifier implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    static {
        // Smile logs one INFO line per tree; slf4j-simple reads this when Smile's loggers are created.
        if (System.getProperty("org.slf4j.simpleLogger.log.smile") == null) {
            System.setProperty("org.slf4j.simpleLogger.log.smile", "warn");
        }
    }

    /** Which ensemble. */
    enum Kind { RANDOM_FOREST, GRADIENT_BOOST }

    private final Kind kind;
    private final DataFrameClassifier model;
    private final StructType schema;
    private final int numClasses;
    private final int[] trainedClasses;

    private TreeClassifier(Kind kind, DataFrameClassifier model, StructType schema, int numClasses, int[] classes) {
        this.kind = kind;
        this.model = model;
        this.schema = schema;
        this.numClasses = numClasses;
        this.trainedClasses = classes;
    }

    /**
     * Fits on complete rows {@code x} with labels {@code y} in {@code 0 … numClasses-1} (a label may be absent:
     * then its probability is always 0).
     */
    static TreeClassifier fit(Kind kind, double[][] x, int[] y, int numClasses, int trees, int nodeSize, long seed) {
        int[] distinct = Arrays.stream(y).distinct().sorted().toArray();
        if (distinct.length == 1) return new TreeClassifier(kind, null, null, numClasses, distinct);
        // Smile wants labels 0 … m-1 (its binary metrics fail otherwise): map present labels to their rank.
        int[] local = new int[y.length];
        for (int i = 0; i < y.length; i++) local[i] = Arrays.binarySearch(distinct, y[i]);
        int p = x[0].length;
        String[] names = new String[p];
        for (int j = 0; j < p; j++) names[j] = "f" + j;
        DataFrame df = DataFrame.of(x, names).merge(new DataFrame(new IntVector("label", local)));
        Formula formula = Formula.lhs("label");
        DataFrameClassifier model;
        if (kind == Kind.RANDOM_FOREST) {
            SplittableRandom random = new SplittableRandom(seed);
            long[] seeds = new long[trees];
            for (int t = 0; t < trees; t++) seeds[t] = random.nextLong();
            var options = new RandomForest.Options(trees, 0, SplitRule.GINI, 20, 0, nodeSize, 1.0, null, seeds, null);
            model = RandomForest.fit(formula, df, options);
        } else {
            MathEx.setSeed(seed);
            var options = new GradientTreeBoost.Options(trees, 20, 6, nodeSize, 0.05, 0.7, null, null);
            model = GradientTreeBoost.fit(formula, df, options);
        }
        return new TreeClassifier(kind, model, df.schema(), numClasses, distinct);
    }

    Kind kind() {
        return kind;
    }

    /** Class probabilities, indexed by label, for one complete row. */
    double[] probabilities(double[] row) {
        if (model == null) {
            double[] only = new double[numClasses];
            only[trainedClasses[0]] = 1;
            return only;
        }
        Object[] cells = new Object[row.length + 1];
        for (int j = 0; j < row.length; j++) cells[j] = row[j];
        cells[row.length] = 0;
        Tuple t = Tuple.of(schema, cells);
        double[] post = new double[trainedClasses.length];
        double[] out = new double[numClasses];
        model.predict(t, post);
        for (int c = 0; c < trainedClasses.length; c++) out[trainedClasses[c]] = post[c];
        double sum = Arrays.stream(out).sum();
        if (sum > 0) for (int c = 0; c < out.length; c++) out[c] /= sum;
        return out;
    }
}
