package org.freshears.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import smile.classification.LogisticRegression;

class LinearClassifierTest {
    private static final List<String> NAMES = FeatureVector.NAMES;
    private static final int CREST = NAMES.indexOf("crestFactorDb");
    private static final int WIDTH = NAMES.indexOf("width");
    private static final int TILT = NAMES.indexOf("tiltDbPerOctave");

    /** {@code perClass[c]} rows of class c; class c shifts crest by 2c and width by −c, plus unit noise everywhere. */
    private static double[][] rows(int[] perClass, long seed, List<Integer> labels) {
        Random r = new Random(seed);
        List<double[]> out = new ArrayList<>();
        for (int c = 0; c < perClass.length; c++) {
            for (int i = 0; i < perClass[c]; i++) {
                double[] v = new double[NAMES.size()];
                for (int j = 0; j < v.length; j++) v[j] = r.nextGaussian() * (1 + j % 3);
                v[CREST] += 2 * c;
                v[WIDTH] -= c;
                out.add(v);
                labels.add(c);
            }
        }
        return out.toArray(new double[0][]);
    }

    /** Smile fitted directly, on the same standardisation and the same genre balancing, as the reference. */
    private static double[] smilePosterior(double[][] x, int[] y, int k, double[] row) {
        int[] columns = java.util.stream.IntStream.range(0, NAMES.size()).filter(j -> LinearClassifier.uses(NAMES.get(j))).toArray();
        double[] mean = new double[columns.length], sd = new double[columns.length];
        for (int j = 0; j < columns.length; j++) {
            final int c = columns[j];
            mean[j] = Arrays.stream(x).mapToDouble(v -> v[c]).average().orElseThrow();
            final double m = mean[j];
            sd[j] = Math.sqrt(Arrays.stream(x).mapToDouble(v -> (v[c] - m) * (v[c] - m)).sum() / x.length);
        }
        int[] count = new int[k];
        for (int label : y) count[label]++;
        int largest = Arrays.stream(count).max().orElseThrow();
        List<double[]> zx = new ArrayList<>();
        List<Integer> zy = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            double[] z = new double[columns.length];
            for (int j = 0; j < z.length; j++) z[j] = (x[i][columns[j]] - mean[j]) / sd[j];
            for (long rep = Math.round(2.0 * largest / count[y[i]]); rep > 0; rep--) {
                zx.add(z);
                zy.add(y[i]);
            }
        }
        double[] zr = new double[columns.length];
        for (int j = 0; j < zr.length; j++) zr[j] = (row[columns[j]] - mean[j]) / sd[j];
        double[][] a = zx.toArray(new double[0][]);
        var options = new LogisticRegression.Options(0.25 * a.length, 1e-6, 1000);
        int[] b = zy.stream().mapToInt(Integer::intValue).toArray();
        double[] post = new double[k];
        if (k == 2) LogisticRegression.binomial(a, b, options).predict(zr, post);
        else LogisticRegression.multinomial(a, b, options).predict(zr, post);
        return post;
    }

    @Test
    void predictsExactlyWhatSmilePredictsForThreeGenresAndForTwo() {
        for (int[] perClass : new int[][] {{20, 12, 7}, {15, 9}}) {
            List<Integer> labels = new ArrayList<>();
            double[][] x = rows(perClass, 5L, labels);
            int[] y = labels.stream().mapToInt(Integer::intValue).toArray();
            LinearClassifier c = LinearClassifier.fitWith(x, y, perClass.length, NAMES, 0.25);
            for (double[] row : rows(perClass, 99L, new ArrayList<>())) {
                double[] ours = c.probabilities(row);
                assertArrayEquals(smilePosterior(x, y, perClass.length, row), ours, 1e-9);
                assertEquals(1.0, Arrays.stream(ours).sum(), 1e-12);
            }
        }
    }

    @Test
    void ignoresTheSpectralShapeAndReadsEverythingElse() {
        List<Integer> labels = new ArrayList<>();
        double[][] x = rows(new int[] {10, 10, 10}, 6L, labels);
        LinearClassifier c = LinearClassifier.fitWith(x, labels.stream().mapToInt(Integer::intValue).toArray(), 3, NAMES, 0.025);
        int[] used = c.columns();
        assertFalse(Arrays.stream(used).anyMatch(j -> NAMES.get(j).startsWith("third.") || NAMES.get(j).startsWith("band.") || j == TILT));
        assertTrue(Arrays.stream(used).anyMatch(j -> j == CREST) && Arrays.stream(used).anyMatch(j -> j == WIDTH));
        double[] row = x[3].clone();
        double[] before = c.probabilities(row);
        for (int j = 0; j < row.length; j++) if (!LinearClassifier.uses(NAMES.get(j))) row[j] += 40;
        assertArrayEquals(before, c.probabilities(row), 0.0);
        row[CREST] += 6;   // towards class 2
        assertTrue(c.probabilities(row)[2] > before[2]);
    }

    @Test
    void aGenreMissingFromTrainingGetsNoProbabilityAndOneGenreGetsAll() {
        List<Integer> labels = new ArrayList<>();
        double[][] x = rows(new int[] {10, 10}, 7L, labels);
        int[] y = labels.stream().mapToInt(l -> l == 1 ? 3 : 0).toArray();   // labels 0 and 3 of four
        double[] p = LinearClassifier.fitWith(x, y, 4, NAMES, 0.025).probabilities(x[0]);
        assertEquals(0.0, p[1]);
        assertEquals(0.0, p[2]);
        assertEquals(1.0, p[0] + p[3], 1e-12);
        assertTrue(p[0] > p[3], Arrays.toString(p));
        double[] one = LinearClassifier.fitWith(x, new int[x.length], 3, NAMES, 0.025).probabilities(x[5]);
        assertArrayEquals(new double[] {1, 0, 0}, one, 0.0);
    }

    @Test
    void writtenAndReadBackItPredictsTheSame() throws Exception {
        List<Integer> labels = new ArrayList<>();
        double[][] x = rows(new int[] {8, 11, 6}, 8L, labels);
        LinearClassifier c = LinearClassifier.fitWith(x, labels.stream().mapToInt(Integer::intValue).toArray(), 3, NAMES, 0.025);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        c.write(bytes);
        GenreClassifier back = GenreClassifier.read(new ByteArrayInputStream(bytes.toByteArray()), NAMES.size());
        assertEquals("logisticRegression", back.algorithm());
        for (double[] row : x) assertArrayEquals(c.probabilities(row), back.probabilities(row), 0.0);
        byte[] cut = Arrays.copyOf(bytes.toByteArray(), bytes.size() - 9);
        org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> GenreClassifier.read(new ByteArrayInputStream(cut), NAMES.size()));
        org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> GenreClassifier.read(new ByteArrayInputStream(bytes.toByteArray()), 10),
                "a classifier reading features the model does not have is refused");
    }

    @Test
    void genresSeparatedByDynamicsAreLearnedWhileEachPackagesSpectrumMisleads() {
        // every package has a strong spectral signature of its own (what the default corpus shows), the genre shows
        // only in the crest factor: the logistic regression, which ignores the spectral shape, learns the genre
        Random r = new Random(9);
        List<FeatureTable.Row> rows = new ArrayList<>();
        for (int g = 0; g < 3; g++) {
            for (int k = 0; k < 5; k++) {
                double[] offset = new double[NAMES.size()];
                for (int j = 0; j < offset.length; j++) offset[j] = LinearClassifier.uses(NAMES.get(j)) ? 0 : 3 * r.nextGaussian();
                for (int t = 0; t < 20; t++) {
                    double[] v = new double[NAMES.size()];
                    for (int j = 0; j < v.length; j++) v[j] = offset[j] + 0.2 * r.nextGaussian();
                    v[CREST] = 8 + 6 * g + r.nextGaussian();
                    rows.add(new FeatureTable.Row("g" + g, "p" + g + "_" + k, "g" + g + "/p" + g + "_" + k + "__" + t + ".wav",
                            FeatureTable.TRAIN, v));
                }
            }
        }
        ReferenceModel model = ReferenceModel.fit(FeatureTable.of(rows),
                SyntheticTables.fast().withAlgorithm(ReferenceModel.Algorithm.LOGISTIC_REGRESSION));
        assertEquals("logisticRegression", model.algorithm());
        assertTrue(model.crossValidation().orElseThrow().accuracy() > 0.85, "" + model.crossValidation().orElseThrow().accuracy());
    }
}
