package org.freshears.model;

import java.util.List;

/**
 * How well a classifier names the genre of tracks it was not trained on: top-1 accuracy and the confusion matrix
 * ({@code confusion[true][predicted]}, genres in {@code genres} order).
 *
 * @param algorithm the ensemble evaluated
 * @param folds     package-grouped cross-validation folds, or 0 for a held-out test set
 * @param tracks    tracks evaluated
 */
public record Evaluation(String algorithm, int folds, int tracks, double accuracy, List<String> genres,
                         int[][] confusion) {

    public Evaluation {
        genres = List.copyOf(genres);
        int[][] copy = new int[confusion.length][];
        for (int i = 0; i < confusion.length; i++) copy[i] = confusion[i].clone();
        confusion = copy;
    }

    static Evaluation of(String algorithm, int folds, List<String> genres, int[] truth, int[] predicted) {
        int[][] confusion = new int[genres.size()][genres.size()];
        int correct = 0;
        for (int i = 0; i < truth.length; i++) {
            confusion[truth[i]][predicted[i]]++;
            if (truth[i] == predicted[i]) correct++;
        }
        double accuracy = truth.length == 0 ? Double.NaN : correct / (double) truth.length;
        return new Evaluation(algorithm, folds, truth.length, accuracy, genres, confusion);
    }

    /** The matrix as aligned text, rows = true genre, columns = predicted. */
    public String confusionTable() {
        int w = Math.max(6, genres.stream().mapToInt(String::length).max().orElse(6));
        StringBuilder sb = new StringBuilder(String.format("%-" + w + "s", "true \\ predicted"));
        if (sb.length() > w) sb.setLength(w);
        for (String g : genres) sb.append(' ').append(String.format("%" + w + "s", g));
        sb.append('\n');
        for (int i = 0; i < genres.size(); i++) {
            sb.append(String.format("%-" + w + "s", genres.get(i)));
            for (int j = 0; j < genres.size(); j++) sb.append(' ').append(String.format("%" + w + "d", confusion[i][j]));
            sb.append('\n');
        }
        return sb.toString();
    }
}
