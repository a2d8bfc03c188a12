package org.freshears.analysis;

import static org.junit.jupiter.api.Assertions.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnalyzerPlanTest {
    private static Map<String, BlockAnalyzer> named() {
        Map<String, BlockAnalyzer> m = new LinkedHashMap<>();
        for (String k : Analyzer.COST.keySet()) {
            m.put(k, new BlockAnalyzer() { // a distinct object per name
                @Override
                public void accept(float[][] block, int frames) {}

                @Override
                public String toString() {
                    return k;
                }
            });
        }
        return m;
    }

    @Test
    void metersGoOnDifferentLanesAndEveryAnalyserRunsOnce() {
        Map<String, BlockAnalyzer> m = named();
        List<List<BlockAnalyzer>> lanes = Analyzer.plan(m, 2);
        assertTrue(lanes.get(0).contains(m.get("loudness")));
        assertTrue(lanes.get(1).contains(m.get("truePeak")));
        assertEquals(m.size(), lanes.get(0).size() + lanes.get(1).size());
        double[] load = new double[2];
        for (var e : m.entrySet()) {
            int lane = lanes.get(0).contains(e.getValue()) ? 0 : 1;
            assertTrue(lanes.get(lane).contains(e.getValue()), e.getKey());
            load[lane] += Analyzer.COST.get(e.getKey());
        }
        double total = load[0] + load[1];
        // longest-first placement is within the largest single cost of perfect balance
        double largest = Analyzer.COST.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        assertTrue(Math.abs(load[0] - load[1]) <= largest, load[0] + " vs " + load[1] + " of " + total);
    }

    @Test
    void oneLaneTakesEverything() {
        Map<String, BlockAnalyzer> m = named();
        List<List<BlockAnalyzer>> lanes = Analyzer.plan(m, 1);
        assertEquals(1, lanes.size());
        assertEquals(m.size(), lanes.get(0).size());
    }
}
