package org.freshears.model;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import smile.classification.DecisionTree;
import smile.classification.GradientTreeBoost;
import smile.model.cart.DecisionNode;
import smile.model.cart.InternalNode;
import smile.model.cart.Node;
import smile.model.cart.OrdinalNode;
import smile.model.cart.RegressionNode;
import smile.regression.RegressionTree;

/**
 * A fitted tree ensemble as plain arrays: what {@link TreeClassifier} predicts with and what a model folder
 * stores ({@code classifier.bin}). Smile fits the trees; they are copied out here once, so that loading a model
 * reads a few hundred kilobytes of numbers instead of deserialising a thousand Smile objects (that cost about
 * half a second of every {@code analyze}), and predicting needs no Smile class at all. A test checks that the
 * copy predicts exactly what Smile predicts.
 *
 * <p>Each node is either a split ({@code feature ≥ 0}: {@code x[feature] <= threshold} goes to {@code yes}, else
 * — NaN included, as in Smile — to {@code no}) or a leaf ({@code feature = -1}) whose values start at
 * {@code yes}: {@code classes} class posteriors (forest) or one score (boosting).
 */
final class FlatTrees {
    private static final int MAGIC = 0x46455452; // "FETR"
    private static final int VERSION = 1;

    /** Forest: average the leaves' class posteriors. Boost: sum scores per class, then the logistic/softmax. */
    enum Kind { FOREST, BOOST }

    final Kind kind;
    /** Width of the output (the classes the ensemble was fitted on). */
    final int classes;
    final double shrinkage;
    /** Boosting with two classes: the intercept. */
    final double intercept;
    /** First node of each tree, and (boosting) the class each tree scores. */
    final int[] treeRoot, treeClass;
    final int[] feature, yes, no;
    final double[] threshold, values;

    private FlatTrees(Kind kind, int classes, double shrinkage, double intercept, int[] treeRoot, int[] treeClass,
                      int[] feature, double[] threshold, int[] yes, int[] no, double[] values) {
        this.kind = kind;
        this.classes = classes;
        this.shrinkage = shrinkage;
        this.intercept = intercept;
        this.treeRoot = treeRoot;
        this.treeClass = treeClass;
        this.feature = feature;
        this.threshold = threshold;
        this.yes = yes;
        this.no = no;
        this.values = values;
    }

    /** Class posteriors (length {@link #classes}) for one complete row. */
    double[] predict(double[] x) {
        double[] out = new double[classes];
        if (kind == Kind.FOREST) {
            for (int root : treeRoot) {
                int leaf = leaf(root, x);
                for (int c = 0; c < classes; c++) out[c] += values[yes[leaf] + c];
            }
            return out;
        }
        if (classes == 2) {
            double y = intercept;
            for (int root : treeRoot) y += shrinkage * values[yes[leaf(root, x)]];
            out[0] = 1 / (1 + Math.exp(2 * y));
            out[1] = 1 - out[0];
            return out;
        }
        for (int t = 0; t < treeRoot.length; t++) out[treeClass[t]] += shrinkage * values[yes[leaf(treeRoot[t], x)]];
        double max = Double.NEGATIVE_INFINITY;
        for (double f : out) max = Math.max(max, f);
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            out[c] = Math.exp(out[c] - max);
            sum += out[c];
        }
        for (int c = 0; c < classes; c++) out[c] /= sum;
        return out;
    }

    private int leaf(int node, double[] x) {
        int n = node;
        while (feature[n] >= 0) n = x[feature[n]] <= threshold[n] ? yes[n] : no[n];
        return n;
    }

    // ---- copying out of Smile --------------------------------------------------------------------------------

    /** The forest's trees; leaves hold Smile's smoothed posteriors (count + 1) / (n + k). */
    static FlatTrees ofForest(DecisionTree[] trees, int classes) {
        Builder b = new Builder(classes);
        for (DecisionTree t : trees) b.tree(t.root(), 0);
        return b.build(Kind.FOREST, classes, 1, 0);
    }

    /** Smile's gradient-boosted trees ({@code trees()[class][iteration]}; one row for two classes). */
    static FlatTrees ofBoost(GradientTreeBoost boost, int classes) {
        Builder b = new Builder(1);
        RegressionTree[][] forest = boost.trees();
        for (int c = 0; c < forest.length; c++) for (RegressionTree t : forest[c]) b.tree(t.root(), c);
        return b.build(Kind.BOOST, classes, privateDouble(boost, "shrinkage"),
                classes == 2 ? privateDouble(boost, "b") : 0);
    }

    private static double privateDouble(Object o, String name) {
        try {
            Field f = o.getClass().getDeclaredField(name);
            f.setAccessible(true);
            return f.getDouble(o);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this Smile version keeps no '" + name + "' in " + o.getClass().getName(), e);
        }
    }

    private static final class Builder {
        final int width;
        final List<Integer> roots = new ArrayList<>(), treeClasses = new ArrayList<>();
        int[] feature = new int[1024], yes = new int[1024], no = new int[1024];
        double[] threshold = new double[1024];
        double[] values = new double[1024];
        int nodes, valueCount;
        private static final Field SPLIT;

        static {
            try {
                SPLIT = OrdinalNode.class.getDeclaredField("value");
                SPLIT.setAccessible(true);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        Builder(int width) {
            this.width = width;
        }

        void tree(Node root, int cls) {
            roots.add(nodes);
            treeClasses.add(cls);
            node(root);
        }

        private int node(Node n) {
            int i = nodes++;
            grow();
            if (n instanceof OrdinalNode split) {
                feature[i] = ((InternalNode) split).feature();
                try {
                    threshold[i] = SPLIT.getDouble(split);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
                int t = node(split.trueChild());
                int f = node(split.falseChild());
                yes[i] = t;
                no[i] = f;
                return i;
            }
            feature[i] = -1;
            yes[i] = valueCount;
            if (n instanceof DecisionNode d) {
                double[] p = DecisionNode.posteriori(d.count(), new double[d.count().length]);
                for (double v : p) value(v);
            } else if (n instanceof RegressionNode r) {
                value(r.output());
            } else {
                throw new IllegalStateException("unexpected tree node " + n.getClass().getName()
                        + " (only numeric splits are used here)");
            }
            return i;
        }

        private void grow() {
            if (nodes > feature.length) {
                int m = feature.length * 2;
                feature = java.util.Arrays.copyOf(feature, m);
                yes = java.util.Arrays.copyOf(yes, m);
                no = java.util.Arrays.copyOf(no, m);
                threshold = java.util.Arrays.copyOf(threshold, m);
            }
        }

        private void value(double v) {
            if (valueCount == values.length) values = java.util.Arrays.copyOf(values, values.length * 2);
            values[valueCount++] = v;
        }

        FlatTrees build(Kind kind, int classes, double shrinkage, double intercept) {
            return new FlatTrees(kind, kind == Kind.FOREST ? width : classes, shrinkage, intercept,
                    roots.stream().mapToInt(Integer::intValue).toArray(),
                    treeClasses.stream().mapToInt(Integer::intValue).toArray(),
                    java.util.Arrays.copyOf(feature, nodes), java.util.Arrays.copyOf(threshold, nodes),
                    java.util.Arrays.copyOf(yes, nodes), java.util.Arrays.copyOf(no, nodes),
                    java.util.Arrays.copyOf(values, valueCount));
        }
    }

    // ---- the file --------------------------------------------------------------------------------------------

    void write(OutputStream os) throws IOException {
        DataOutputStream out = new DataOutputStream(os);
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeInt(kind.ordinal());
        out.writeInt(classes);
        out.writeDouble(shrinkage);
        out.writeDouble(intercept);
        ints(out, treeRoot);
        ints(out, treeClass);
        ints(out, feature);
        ints(out, yes);
        ints(out, no);
        doubles(out, threshold);
        doubles(out, values);
        out.flush();
    }

    /** Reads what {@link #write} wrote; checks every index so that a damaged file is an error, not a wrong answer. */
    static FlatTrees read(InputStream is) throws IOException {
        DataInputStream in = new DataInputStream(is);
        if (in.readInt() != MAGIC) throw new IOException("not a Fresh Ears tree file");
        int version = in.readInt();
        if (version != VERSION) throw new IOException("tree file version " + version + " (this Fresh Ears reads " + VERSION + ")");
        int k = in.readInt();
        if (k < 0 || k >= Kind.values().length) throw new IOException("unknown ensemble kind " + k);
        Kind kind = Kind.values()[k];
        int classes = in.readInt();
        double shrinkage = in.readDouble(), intercept = in.readDouble();
        int[] roots = ints(in), treeClass = ints(in), feature = ints(in), yes = ints(in), no = ints(in);
        double[] threshold = doubles(in), values = doubles(in);
        int n = feature.length;
        if (classes < 1 || treeClass.length != roots.length || yes.length != n || no.length != n || threshold.length != n) {
            throw new IOException("inconsistent tree file");
        }
        int width = kind == Kind.FOREST ? classes : 1;
        for (int r : roots) if (r < 0 || r >= n) throw new IOException("tree root out of range");
        for (int c : treeClass) if (c < 0 || c >= classes) throw new IOException("tree class out of range");
        for (int i = 0; i < n; i++) {
            if (feature[i] >= 0) {
                if (yes[i] <= i || yes[i] >= n || no[i] <= i || no[i] >= n) throw new IOException("tree node out of range");
            } else if (yes[i] < 0 || yes[i] + width > values.length) {
                throw new IOException("leaf value out of range");
            }
        }
        return new FlatTrees(kind, classes, shrinkage, intercept, roots, treeClass, feature, threshold, yes, no, values);
    }

    /** The largest feature index any split uses (−1 when there are no splits). */
    int maxFeature() {
        int m = -1;
        for (int f : feature) m = Math.max(m, f);
        return m;
    }

    private static void ints(DataOutputStream out, int[] a) throws IOException {
        out.writeInt(a.length);
        for (int v : a) out.writeInt(v);
    }

    private static void doubles(DataOutputStream out, double[] a) throws IOException {
        out.writeInt(a.length);
        for (double v : a) out.writeDouble(v);
    }

    private static int[] ints(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 50_000_000) throw new IOException("bad array length " + n);
        byte[] raw = in.readNBytes(n * 4);
        if (raw.length != n * 4) throw new IOException("truncated tree file");
        int[] a = new int[n];
        java.nio.ByteBuffer.wrap(raw).asIntBuffer().get(a);
        return a;
    }

    private static double[] doubles(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 50_000_000) throw new IOException("bad array length " + n);
        byte[] raw = in.readNBytes(n * 8);
        if (raw.length != n * 8) throw new IOException("truncated tree file");
        double[] a = new double[n];
        java.nio.ByteBuffer.wrap(raw).asDoubleBuffer().get(a);
        return a;
    }
}
