package org.freshears.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.Map;
import org.freshears.util.Csv;

/**
 * One row of features per reference track, with its genre label, its group (package, album or folder: the
 * unit that cross-validation never splits) and its split ({@code train} or {@code test}). Stored as
 * {@code features.csv}: {@code genre,group,path,split,<feature names…>}, an empty cell for a missing value.
 */
public record FeatureTable(List<String> featureNames, List<Row> rows) {

    public static final String TRAIN = "train";
    public static final String TEST = "test";
    private static final List<String> KEYS = List.of("genre", "group", "path", "split");

    /** One reference track. {@code values} holds NaN where a feature is missing. */
    public record Row(String genre, String group, String path, String split, double[] values) {
        public Row {
            if (genre == null || genre.isBlank()) throw new IllegalArgumentException("a row needs a genre");
            group = group == null || group.isBlank() ? path : group;
            split = split == null || split.isBlank() ? TRAIN : split;
            values = values.clone();
        }

        @Override
        public double[] values() {
            return values.clone();
        }

        double value(int i) {
            return values[i];
        }

        public boolean isTest() {
            return TEST.equals(split);
        }
    }

    public FeatureTable {
        featureNames = List.copyOf(featureNames);
        rows = List.copyOf(rows);
        for (Row r : rows) {
            if (r.values.length != featureNames.size()) {
                throw new IllegalArgumentException("row " + r.path() + " has " + r.values.length + " values for "
                        + featureNames.size() + " features");
            }
        }
    }

    /** A table over {@link FeatureVector#NAMES}. */
    public static FeatureTable of(List<Row> rows) {
        return new FeatureTable(FeatureVector.NAMES, rows);
    }

    public List<Row> trainRows() {
        return rows.stream().filter(r -> !r.isTest()).toList();
    }

    public List<Row> testRows() {
        return rows.stream().filter(Row::isTest).toList();
    }

    /** Number of training rows per genre, genres sorted. */
    public Map<String, Integer> trainCounts() {
        Map<String, Integer> counts = new TreeMap<>();
        for (Row r : trainRows()) counts.merge(r.genre(), 1, Integer::sum);
        return counts;
    }

    public void write(Path file) throws IOException {
        StringBuilder sb = new StringBuilder();
        List<String> header = new ArrayList<>(KEYS);
        header.addAll(featureNames);
        sb.append(Csv.line(header)).append('\n');
        for (Row r : rows) {
            List<String> cells = new ArrayList<>(List.of(r.genre(), r.group(), r.path(), r.split()));
            for (double v : r.values) cells.add(Double.isNaN(v) ? "" : format(v));
            sb.append(Csv.line(cells)).append('\n');
        }
        Files.writeString(file, sb.toString());
    }

    /** The shortest decimal that reads back as exactly {@code v} (so a table round-trips bit for bit). */
    static String format(double v) {
        String s = Double.toString(v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    /** Reads a {@code features.csv}; a clear {@link ModelException} when it is not one. */
    public static FeatureTable read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new ModelException(file + ": no such feature table");
        List<List<String>> lines = Csv.parse(Files.readString(file));
        if (lines.isEmpty() || !lines.getFirst().subList(0, Math.min(4, lines.getFirst().size())).equals(KEYS)) {
            throw new ModelException(file + ": not a feature table (its header must start with genre,group,path,split)");
        }
        List<String> names = lines.getFirst().subList(KEYS.size(), lines.getFirst().size());
        List<Row> rows = new ArrayList<>();
        for (int n = 1; n < lines.size(); n++) {
            List<String> cells = lines.get(n);
            if (cells.size() != lines.getFirst().size()) {
                throw new ModelException(file + ": line " + (n + 1) + " has " + cells.size() + " cells, the header "
                        + lines.getFirst().size());
            }
            double[] v = new double[names.size()];
            for (int i = 0; i < v.length; i++) {
                String c = cells.get(KEYS.size() + i).strip();
                try {
                    v[i] = c.isEmpty() ? Double.NaN : Double.parseDouble(c);
                } catch (NumberFormatException e) {
                    throw new ModelException(file + ": line " + (n + 1) + ": '" + c + "' is not a number");
                }
            }
            rows.add(new Row(cells.get(0), cells.get(1), cells.get(2), cells.get(3), v));
        }
        return new FeatureTable(names, rows);
    }
}
