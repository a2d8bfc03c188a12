package org.freshears.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GroupedFoldsTest {

    @Test
    void noGroupIsEverOnBothSidesOfAFold() {
        Random random = new Random(42);
        List<String> groups = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int g = 0; g < 37; g++) {
            int size = 1 + random.nextInt(12);
            int label = random.nextInt(4);
            for (int i = 0; i < size; i++) {
                groups.add("g" + g);
                labels.add(label);
            }
        }
        int[] y = labels.stream().mapToInt(Integer::intValue).toArray();
        int[] fold = GroupedFolds.assign(groups, y, 5, 7L);
        Map<String, Set<Integer>> foldsOfGroup = new HashMap<>();
        for (int i = 0; i < fold.length; i++) foldsOfGroup.computeIfAbsent(groups.get(i), k -> new HashSet<>()).add(fold[i]);
        for (var e : foldsOfGroup.entrySet()) assertEquals(1, e.getValue().size(), e.getKey() + " split across folds");
        int[] size = new int[5];
        for (int f : fold) size[f]++;
        for (int s : size) assertTrue(s > fold.length / 5 / 2, "folds are balanced: " + java.util.Arrays.toString(size));
    }

    @Test
    void fewerGroupsThanFoldsGiveOneFoldPerGroup() {
        int[] fold = GroupedFolds.assign(List.of("a", "a", "b", "c", "c"), new int[] {0, 0, 1, 0, 1}, 10, 1L);
        assertEquals(3, java.util.Arrays.stream(fold).distinct().count());
        assertEquals(fold[0], fold[1]);
        assertEquals(fold[3], fold[4]);
    }

    @Test
    void crossValidationFoldsNeverShareAGroupOnARealTable() {
        FeatureTable t = SyntheticTables.table(3, 4, 5, 1.0, 3L);
        List<String> groups = t.rows().stream().map(FeatureTable.Row::group).toList();
        int[] y = t.rows().stream().mapToInt(r -> r.genre().charAt(5) - '0').toArray();
        int[] fold = GroupedFolds.assign(groups, y, 4, 9L);
        for (int i = 0; i < fold.length; i++) {
            for (int j = 0; j < fold.length; j++) {
                if (groups.get(i).equals(groups.get(j))) assertEquals(fold[i], fold[j]);
            }
        }
        // each fold holds every genre (stratified by group)
        for (int f = 0; f < 4; f++) {
            Set<Integer> genres = new HashSet<>();
            for (int i = 0; i < fold.length; i++) if (fold[i] == f) genres.add(y[i]);
            assertEquals(3, genres.size());
        }
    }
}
