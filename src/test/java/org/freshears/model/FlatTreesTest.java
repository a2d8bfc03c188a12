package org.freshears.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import smile.classification.DecisionTree;
import smile.classification.GradientTreeBoost;
import smile.data.DataFrame;
import smile.data.Tuple;

/**
 * The flat copy of a fitted ensemble must predict what Smile itself predicts (Smile is the reference here: its own
 * {@code predict} on the same rows), for the forest and for boosting with two and with several classes, before and
 * after a round trip through the file format.
 */
class FlatTreesTest {

    private static double[][] rows(int n, int p, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[n][p];
        for (double[] row : x) for (int j = 0; j < p; j++) row[j] = r.nextGaussian();
        return x;
    }

    private static int[] labels(double[][] x, int classes) {
        int[] y = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            double s = x[i][0] + 0.5 * x[i][1] - 0.3 * x[i][2];
            y[i] = Math.min(classes - 1, Math.max(0, (int) Math.floor((s + 1.5) / 3.0 * classes)));
        }
        return y;
    }

    private static DataFrame frame(double[][] x) {
        String[] names = new String[x[0].length];
        for (int j = 0; j < names.length; j++) names[j] = "f" + j;
        return DataFrame.of(x, names);
    }

    private static FlatTrees roundTrip(FlatTrees t) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        t.write(out);
        return FlatTrees.read(new ByteArrayInputStream(out.toByteArray()));
    }

    @Test
    void theForestCopyAveragesExactlySmilesPosteriors() throws Exception {
        double[][] x = rows(120, 6, 1L);
        int[] y = labels(x, 4);
        DataFrame df = frame(x);
        DecisionTree[] forest = TreeClassifier.forest(df, y, 4, 25, 2, 7L);
        FlatTrees flat = roundTrip(FlatTrees.ofForest(forest, 4));
        double[][] probe = rows(60, 6, 2L);
        for (double[] row : probe) {
            Tuple t = Tuple.of(df.schema(), row);
            double[] expected = new double[4], post = new double[4];
            for (DecisionTree tree : forest) {
                tree.predict(t, post);
                for (int c = 0; c < 4; c++) expected[c] += post[c];
            }
            assertArrayEquals(expected, flat.predict(row), 1e-12);
        }
    }

    @Test
    void theBoostCopyGivesSmilesSoftmaxAndLogistic() throws Exception {
        for (int classes : new int[] {2, 5}) {
            double[][] x = rows(150, 5, 3L + classes);
            int[] y = labels(x, classes);
            int[] distinct = java.util.Arrays.stream(y).distinct().sorted().toArray();
            assertEquals(classes, distinct.length);
            GradientTreeBoost boost = TreeClassifier.boost(frame(x), y, distinct, 30, 3, 11L);
            FlatTrees flat = roundTrip(FlatTrees.ofBoost(boost, classes));
            smile.data.type.StructType schema = frame(x)
                    .merge(new DataFrame(new smile.data.vector.IntVector("label", y))).schema();
            Object[] cells = new Object[6];
            for (double[] row : rows(60, 5, 4L)) {
                for (int j = 0; j < 5; j++) cells[j] = row[j];
                cells[5] = 0;
                double[] expected = new double[classes];
                boost.predict(Tuple.of(schema, cells), expected);
                double[] got = flat.predict(row);
                assertArrayEquals(expected, got, 1e-12, "classes " + classes);
                assertEquals(1.0, java.util.Arrays.stream(got).sum(), 1e-12);
            }
        }
    }

    @Test
    void aDamagedFileIsAnErrorNotAWrongAnswer() throws Exception {
        double[][] x = rows(80, 4, 5L);
        FlatTrees flat = FlatTrees.ofForest(TreeClassifier.forest(frame(x), labels(x, 3), 3, 5, 2, 9L), 3);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        flat.write(out);
        byte[] bytes = out.toByteArray();
        // point the first split's "yes" child back at the root: a loop the reader must refuse
        // the layout: magic, version, kind, classes (4 bytes each), shrinkage, intercept (8 each), then arrays
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes);
        int pos = 32;
        int roots = b.getInt(pos);
        pos += 4 + 4 * roots;
        int classes = b.getInt(pos);
        pos += 4 + 4 * classes;
        int nodes = b.getInt(pos);
        pos += 4 + 4 * nodes; // past feature[]
        b.putInt(pos + 4, 0); // yes[0]
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> FlatTrees.read(new ByteArrayInputStream(bytes)));
        assertTrue(e.getMessage().contains("out of range"), e.getMessage());
    }
}
