package org.freshears.mastering;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MasteringChainTest {

    static final String FULL = """
            {"amount": 80, "stages": [
              {"type": "eq", "reason": "tonal.sub.excess", "bands": [
                {"kind": "highpass", "freqHz": 25, "q": 0.707},
                {"kind": "lowShelf", "freqHz": 100, "gainDb": -2, "q": 0.707},
                {"kind": "bell", "freqHz": 350, "gainDb": -1.5, "q": 1.2},
                {"kind": "bell", "freqHz": 3000, "gainDb": 1, "q": 0.9, "channel": "mid"},
                {"kind": "highShelf", "freqHz": 9000, "gainDb": 1.5, "q": 0.707, "channel": "side"},
                {"kind": "bell", "freqHz": 6000, "gainDb": -1, "q": 2}]},
              {"type": "compressor", "thresholdDb": -18, "ratio": 2, "attackMs": 30, "releaseMs": 200,
               "kneeDb": 6, "makeupDb": 1, "detector": "rms", "stereoLink": true},
              {"type": "stereo", "bands": [{"lowHz": 200, "highHz": 4000, "width": 1.1},
                                          {"lowHz": 4000, "highHz": 20000, "width": 1.2}], "monoBelowHz": 120},
              {"type": "gain", "gainDb": 4.5, "reason": "loudness.tooQuiet"},
              {"type": "limiter", "ceilingDbtp": -1, "lookaheadMs": 3, "releaseMs": 80}
            ]}""";

    @Test
    void fullChainRoundTripsThroughJson() {
        MasteringChain chain = MasteringChain.fromJson(FULL);
        assertEquals(80, chain.amount());
        assertEquals(5, chain.stages().size());
        EqStage eq = assertInstanceOf(EqStage.class, chain.stages().get(0));
        assertEquals(EqBand.Channel.SIDE, eq.bands().get(4).channel());
        assertEquals("tonal.sub.excess", eq.reason());
        MasteringChain again = MasteringChain.fromJson(chain.toJson());
        assertEquals(chain, again);
        assertTrue(chain.toJson().contains("\"type\" : \"limiter\""), chain.toJson());
        assertTrue(chain.toJson().contains("\"kind\" : \"lowShelf\""), chain.toJson());
        assertEquals("eq", chain.stagesJson().get(0).get("type").asText());
    }

    @Test
    void defaultsFillMissingValuesAndBareArraysAreAccepted() {
        MasteringChain c = MasteringChain.fromJson("""
                [{"type": "compressor", "thresholdDb": -20, "ratio": 3}, {"type": "limiter"}]""");
        assertEquals(100, c.amount());
        CompressorStage comp = (CompressorStage) c.stages().get(0);
        assertEquals(CompressorStage.Detector.RMS, comp.detector());
        assertTrue(comp.stereoLink());
        assertEquals(6, comp.kneeDb());
        LimiterStage lim = (LimiterStage) c.stages().get(1);
        assertEquals(-1, lim.ceilingDbtp());
        assertEquals(3, lim.lookaheadMs());
    }

    @Test
    void amountScalesCorrectiveMovesButNotLevelOrCeiling() {
        List<Stage> s = MasteringChain.fromJson(FULL).withAmount(50).effectiveStages();
        EqStage eq = (EqStage) s.get(0);
        assertEquals(-1.0, eq.bands().get(1).gainDb(), 1e-12);
        assertEquals(25, eq.bands().get(0).freqHz());
        CompressorStage c = (CompressorStage) s.get(1);
        assertEquals(1.5, c.ratio(), 1e-12);
        assertEquals(0.5, c.makeupDb(), 1e-12);
        StereoStage st = (StereoStage) s.get(2);
        assertEquals(1.05, st.bands().get(0).width(), 1e-12);
        assertEquals(4.5, ((GainStage) s.get(3)).gainDb());
        assertEquals(-1, ((LimiterStage) s.get(4)).ceilingDbtp());
        List<Stage> zero = MasteringChain.fromJson(FULL).withAmount(0).effectiveStages();
        assertEquals(5, ((EqStage) zero.get(0)).bands().size(), "the high-pass is dropped at 0 %");
        assertTrue(((StereoStage) zero.get(2)).changesNothing());
    }

    @Test
    void gainIsInsertedBeforeTheLimiter() {
        MasteringChain c = MasteringChain.fromJson(FULL).withGainBeforeLimiter(-0.7, "closed loop");
        assertInstanceOf(GainStage.class, c.stages().get(4));
        assertInstanceOf(LimiterStage.class, c.stages().get(5));
    }

    private static String error(String json) {
        return assertThrows(IllegalArgumentException.class, () -> MasteringChain.fromJson(json)).getMessage();
    }

    @Test
    void invalidValuesGiveClearErrors() {
        assertEquals("stages[0]: limiter ceilingDbtp must be <= 0 dBTP, got 0.5",
                error("{\"stages\": [{\"type\": \"limiter\", \"ceilingDbtp\": 0.5}]}"));
        assertEquals("stages[0]: compressor ratio must be >= 1 (1 = no compression), got 0.5",
                error("{\"stages\": [{\"type\": \"compressor\", \"thresholdDb\": -20, \"ratio\": 0.5}]}"));
        assertEquals("stages[0].bands[0]: eq band q must be > 0 and <= 40, got 0",
                error("{\"stages\": [{\"type\": \"eq\", \"bands\": [{\"kind\": \"bell\", \"freqHz\": 100, \"gainDb\": 2, \"q\": 0}]}]}"));
        assertEquals("stages[0]: compressor thresholdDb is required",
                error("[{\"type\": \"compressor\", \"ratio\": 2}]"));
        assertTrue(error("[{\"type\": \"reverb\"}]").contains("unknown stage type 'reverb'"));
        assertTrue(error("[{\"type\": \"gain\", \"gainDb\": 1, \"gainDB\": 2}]").contains("unknown property 'gainDB'"));
        assertTrue(error("[{\"gainDb\": 2}]").contains("no \"type\""));
        assertTrue(error("{\"amount\": 150, \"stages\": []}").contains("chain amount (%) must be between 0 and 100, got 150"));
        assertTrue(error("[{\"type\": \"limiter\"}, {\"type\": \"gain\", \"gainDb\": 1}]").contains("the limiter must be the last stage"));
        assertTrue(error("[{\"type\": \"stereo\", \"bands\": [{\"lowHz\": 100, \"highHz\": 1000, \"width\": 1}, "
                + "{\"lowHz\": 500, \"highHz\": 2000, \"width\": 1.2}]}]").contains("stereo bands overlap"));
        assertTrue(error("[{\"type\": \"stereo\", \"bands\": [{\"lowHz\": 100, \"highHz\": 1000, \"width\": -1}]}]")
                .contains("width must be between 0 and 4"));
        assertEquals("stages[0].bands[0].kind: 'notch' is not one of highpass, lowShelf, highShelf, bell",
                error("[{\"type\": \"eq\", \"bands\": [{\"kind\": \"notch\", \"freqHz\": 100}]}]"));
        assertEquals("stages[0]: gain gainDb is required", error("[{\"type\": \"gain\"}]"));
        assertTrue(error("not json").startsWith("invalid chain JSON"));
    }
}
