package org.freshears.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Cross-validation folds that never split a group (a package, album or folder): every track of a group lands in
 * the same fold, so a model is never tested on a sibling of a track it was trained on. Groups are spread so
 * that each fold holds a similar share of each genre (groups taken largest first, each into the fold that has
 * the fewest tracks of its genre, ties to the smaller fold). Deterministic for a given seed.
 */
final class GroupedFolds {
    private GroupedFolds() {}

    /**
     * The fold (0 … k'-1) of each row, where k' = min(k, number of groups).
     *
     * @param groups the group of each row
     * @param labels the label (genre index) of each row
     */
    static int[] assign(List<String> groups, int[] labels, int k, long seed) {
        Map<String, List<Integer>> members = new LinkedHashMap<>();
        for (int i = 0; i < groups.size(); i++) members.computeIfAbsent(groups.get(i), g -> new ArrayList<>()).add(i);
        int folds = Math.max(1, Math.min(k, members.size()));
        List<String> order = new ArrayList<>(members.keySet());
        Collections.sort(order);
        Collections.shuffle(order, new Random(seed));
        order.sort(Comparator.comparingInt((String g) -> members.get(g).size()).reversed());
        int numLabels = 0;
        for (int l : labels) numLabels = Math.max(numLabels, l + 1);
        int[][] perLabel = new int[folds][numLabels];
        int[] size = new int[folds];
        int[] fold = new int[groups.size()];
        for (String g : order) {
            List<Integer> rows = members.get(g);
            int label = majority(rows, labels);
            int best = 0;
            for (int f = 1; f < folds; f++) {
                if (perLabel[f][label] < perLabel[best][label]
                        || (perLabel[f][label] == perLabel[best][label] && size[f] < size[best])) {
                    best = f;
                }
            }
            for (int r : rows) {
                fold[r] = best;
                perLabel[best][labels[r]]++;
            }
            size[best] += rows.size();
        }
        return fold;
    }

    private static int majority(List<Integer> rows, int[] labels) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (int r : rows) counts.merge(labels[r], 1, Integer::sum);
        return counts.entrySet().stream()
                .max(Map.Entry.<Integer, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .orElseThrow().getKey();
    }
}
