package org.freshears.mastering;

import org.freshears.audio.ArrayAudioSource;
import org.freshears.audio.OutputFormat;
import org.freshears.dsp.ReferenceTruePeak;
import org.freshears.dsp.Signals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RendererTest {
    static final int FS = 44100;

    static MemorySink render(MasteringChain chain, int block, float[]... input) throws IOException {
        MemorySink sink = new MemorySink(input.length);
        RenderResult r = Renderer.render(new ArrayAudioSource(FS, input), chain, sink, block);
        assertEquals(input[0].length, r.frames());
        assertEquals(input[0].length, sink.frames);
        return sink;
    }

    static float[][] stereoMaterial(long seed, int n, double peak) {
        return new float[][]{Signals.bursts(seed, n, FS, peak), Signals.bursts(seed + 1, n, FS, peak * 0.8)};
    }

    @Test
    void zeroDbEqWidthOneAndZeroGainAreBitExactIdentity() throws IOException {
        MasteringChain chain = MasteringChain.fromJson("""
                [{"type": "eq", "bands": [{"kind": "bell", "freqHz": 1000, "gainDb": 0, "q": 1},
                   {"kind": "lowShelf", "freqHz": 100, "gainDb": 0}, {"kind": "bell", "freqHz": 5000, "gainDb": 0, "channel": "side"}]},
                 {"type": "stereo", "bands": [{"lowHz": 0, "highHz": 300, "width": 1}, {"lowHz": 300, "highHz": 20000, "width": 1.0}]},
                 {"type": "gain", "gainDb": 0}]""");
        float[][] x = stereoMaterial(11, 30000, 0.9);
        MemorySink out = render(chain, 512, x[0].clone(), x[1].clone());
        assertArrayEquals(x[0], out.channel(0));
        assertArrayEquals(x[1], out.channel(1));
    }

    @Test
    void amountZeroLeavesOnlyLevelAndLimiter() throws IOException {
        MasteringChain chain = MasteringChain.fromJson(MasteringChainTest.FULL).withAmount(0);
        float[][] x = stereoMaterial(12, 20000, 0.05);        // quiet enough that +4.5 dB does not reach the limiter
        MemorySink out = render(chain, 4096, x[0].clone(), x[1].clone());
        double g = Math.pow(10, 4.5 / 20);
        for (int i = 0; i < x[0].length; i++) assertEquals((float) (x[0][i] * g), out.data[0][i], 0f);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 10, 200, 1000, 44101})
    void limiterLatencyIsCompensatedAndLengthIsExact(int n) throws IOException {
        MasteringChain chain = MasteringChain.fromJson("[{\"type\": \"limiter\", \"ceilingDbtp\": -1}]");
        float[][] x = {Signals.white(13, n, 0.3), Signals.white(14, n, 0.3)};
        for (int block : new int[]{1, 64, 4096}) {
            MemorySink out = render(chain, block, x[0].clone(), x[1].clone());
            assertArrayEquals(x[0], out.channel(0), "quiet input passes unchanged and unshifted");
            assertArrayEquals(x[1], out.channel(1));
        }
    }

    @Test
    void wholeChainIsBlockSizeInvariant() throws IOException {
        MasteringChain chain = MasteringChain.fromJson(MasteringChainTest.FULL);
        float[][] x = stereoMaterial(15, 20000, 1.0);
        MemorySink a = render(chain, 1, x[0].clone(), x[1].clone());
        MemorySink b = render(chain, 64, x[0].clone(), x[1].clone());
        MemorySink c = render(chain, 4096, x[0].clone(), x[1].clone());
        for (int ch = 0; ch < 2; ch++) {
            assertArrayEquals(c.channel(ch), a.channel(ch));
            assertArrayEquals(c.channel(ch), b.channel(ch));
        }
    }

    @Test
    void loudRenderStaysUnderTheCeiling() throws IOException {
        MasteringChain chain = MasteringChain.fromJson(MasteringChainTest.FULL).withGainBeforeLimiter(8, "drive");
        float[][] x = stereoMaterial(16, 1 << 15, 0.9);
        MemorySink out = render(chain, 4096, x[0], x[1]);
        double tp = ReferenceTruePeak.truePeakDb(out.channel(0), out.channel(1));
        assertTrue(tp <= -1 && tp > -1.5, "true peak " + tp);
    }

    @Test
    void monoAndSixChannelInputsRenderWithNotes() throws IOException {
        MasteringChain chain = MasteringChain.fromJson(MasteringChainTest.FULL);
        float[] m = Signals.bursts(17, 10000, FS, 0.9);
        RenderResult mono = Renderer.render(new ArrayAudioSource(FS, m.clone()), chain, new MemorySink(1), 1000);
        assertEquals(10000, mono.frames());
        assertTrue(mono.warnings().contains("stereo: skipped on a mono input"), mono.warnings().toString());
        assertTrue(mono.warnings().contains("eq: side bands skipped on a mono input"), mono.warnings().toString());
        float[][] six = new float[6][];
        for (int c = 0; c < 6; c++) six[c] = Signals.bursts(20 + c, 10000, FS, 0.9);
        MemorySink sink = new MemorySink(6);
        RenderResult r = Renderer.render(new ArrayAudioSource(FS, six), chain, sink, 777);
        assertEquals(10000, sink.frames);
        assertEquals(6, r.channels());
        assertTrue(r.warnings().stream().anyMatch(w -> w.startsWith("stereo: applied to channels 1 and 2 only")));
    }

    @Test
    void nonFiniteInputBecomesSilenceWithAWarning() throws IOException {
        float[] x = Signals.white(18, 5000, 0.5);
        x[100] = Float.NaN;
        x[200] = Float.POSITIVE_INFINITY;
        MemorySink sink = new MemorySink(1);
        RenderResult r = Renderer.render(new ArrayAudioSource(FS, x), MasteringChain.fromJson(MasteringChainTest.FULL), sink, 256);
        assertTrue(r.warnings().getFirst().startsWith("2 non-finite input samples"), r.warnings().toString());
        for (int i = 0; i < sink.frames; i++) assertTrue(Float.isFinite(sink.data[0][i]));
    }

    @Test
    void rendersAWavFileOfTheSameShape(@TempDir Path dir) throws IOException {
        float[][] x = stereoMaterial(19, 12345, 0.9);
        Path out = dir.resolve("out.wav");
        RenderResult r = Renderer.render(new ArrayAudioSource(48000, x), MasteringChain.fromJson(MasteringChainTest.FULL),
                out, OutputFormat.PCM24, 4096);
        assertEquals(out, r.output());
        var back = org.freshears.audio.JdkWav.read(out);
        assertEquals(48000, back.sampleRate());
        assertEquals(12345, back.samples()[0].length);
        assertEquals(2, back.samples().length);
    }
}
