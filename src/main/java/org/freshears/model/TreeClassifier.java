package org.freshears.model;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.SplittableRandom;
import smile.classification.DecisionTree;
import smile.classification.GradientTreeBoost;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.type.StructField;
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
 *
 * <p>Once fitted, the trees are copied out of Smile into {@link FlatTrees}, which predicts and is what a model
 * folder stores.
 */
final class TreeClassifier implements GenreClassifier {

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
    /** The labels present in training, in the ensemble's output order (gradient boosting only sees these). */
    private final int[] trainedClasses;
    /** Null when training saw a single label. */
    private final FlatTrees trees;

    private TreeClassifier(Kind kind, int numClasses, int[] trainedClasses, FlatTrees trees) {
        this.kind = kind;
        this.numClasses = numClasses;
        this.trainedClasses = trainedClasses;
        this.trees = trees;
    }

    /**
     * Fits on complete rows {@code x} with labels {@code y} in {@code 0 … numClasses-1} (a label may be absent:
     * then its probability is 0, or near 0 for the forest's smoothed leaves).
     */
    static TreeClassifier fit(Kind kind, double[][] x, int[] y, int numClasses, int trees, int nodeSize, long seed) {
        int[] distinct = Arrays.stream(y).distinct().sorted().toArray();
        if (distinct.length == 1) return new TreeClassifier(kind, numClasses, distinct, null);
        int p = x[0].length;
        String[] names = new String[p];
        for (int j = 0; j < p; j++) names[j] = "f" + j;
        DataFrame predictors = DataFrame.of(x, names);
        if (kind == Kind.RANDOM_FOREST) {
            int[] all = new int[numClasses];
            for (int c = 0; c < numClasses; c++) all[c] = c;
            return new TreeClassifier(kind, numClasses, all,
                    FlatTrees.ofForest(forest(predictors, y, numClasses, trees, nodeSize, seed), numClasses));
        }
        return new TreeClassifier(kind, numClasses, distinct,
                FlatTrees.ofBoost(boost(predictors, y, distinct, trees, nodeSize, seed), distinct.length));
    }

    /** Smile's gradient boosting on labels mapped to their rank among {@code distinct} (it wants 0 … m-1). */
    static GradientTreeBoost boost(DataFrame predictors, int[] y, int[] distinct, int trees, int nodeSize, long seed) {
        int[] local = new int[y.length];
        for (int i = 0; i < y.length; i++) local[i] = Arrays.binarySearch(distinct, y[i]);
        DataFrame df = predictors.merge(new DataFrame(new IntVector("label", local)));
        MathEx.setSeed(seed);
        var options = new GradientTreeBoost.Options(trees, 20, 6, nodeSize, 0.05, 0.7, null, null);
        return GradientTreeBoost.fit(Formula.lhs("label"), df, options);
    }

    static DecisionTree[] forest(DataFrame x, int[] y, int k, int trees, int nodeSize, long seed) {
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

    @Override
    public String algorithm() {
        return name(kind);
    }

    /** The ensemble's name in {@code model.json}. */
    static String name(Kind kind) {
        return kind == Kind.RANDOM_FOREST ? "randomForest" : "gradientTreeBoost";
    }

    /** Class probabilities, indexed by label, for one complete row. */
    @Override
    public double[] probabilities(double[] row) {
        double[] out = new double[numClasses];
        if (trees == null) {
            out[trainedClasses[0]] = 1;
            return out;
        }
        double[] post = trees.predict(row);
        for (int c = 0; c < trainedClasses.length; c++) out[trainedClasses[c]] = post[c];
        double sum = Arrays.stream(out).sum();
        if (sum > 0) for (int c = 0; c < out.length; c++) out[c] /= sum;
        return out;
    }

    // ---- classifier.bin ----------------------------------------------------------------------------------------

    @Override
    public void write(OutputStream os) throws IOException {
        DataOutputStream out = new DataOutputStream(os);
        out.writeUTF(kind.name());
        new Classes(numClasses, trainedClasses).write(out);
        out.writeBoolean(trees != null);
        out.flush();
        if (trees != null) trees.write(os);
    }

    /** Reads the body that {@link #write} wrote after the kind's name ({@code kind}). */
    static TreeClassifier readBody(String kindName, DataInputStream in, int features) throws IOException {
        Kind kind;
        try {
            kind = Kind.valueOf(kindName);
        } catch (IllegalArgumentException e) {
            throw new IOException("unknown classifier '" + kindName + "'");
        }
        Classes classes = Classes.read(in);
        int numClasses = classes.numClasses();
        int[] trained = classes.trained();
        int n = trained.length;
        FlatTrees trees = in.readBoolean() ? FlatTrees.read(in) : null;
        if (trees != null && (trees.classes != n || trees.maxFeature() >= features)) {
            throw new IOException("the trees do not fit the model's genres or features");
        }
        return new TreeClassifier(kind, numClasses, trained, trees);
    }
}
