package org.freshears.bench;

import java.io.File;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.freshears.analysis.LoudnessMeter;
import org.freshears.analysis.LoudnessStats;
import org.freshears.analysis.TruePeakMeter;

/** Hand cross-check tool (not a test): prints our loudness figures for 16-bit PCM WAV files. */
public final class MeterFileCheck {
    public static void main(String[] args) throws Exception {
        for (String path : args) {
            try (AudioInputStream in = AudioSystem.getAudioInputStream(new File(path))) {
                AudioFormat f = in.getFormat();
                int ch = f.getChannels(), fs = (int) f.getSampleRate();
                if (f.getSampleSizeInBits() != 16 || f.isBigEndian()) throw new IllegalArgumentException("16-bit LE only");
                LoudnessMeter lm = new LoudnessMeter(fs, ch);
                TruePeakMeter tp = new TruePeakMeter(fs, ch);
                int frames = 4096;
                byte[] buf = new byte[frames * ch * 2];
                float[][] block = new float[ch][frames];
                long t0 = System.nanoTime();
                int read;
                while ((read = in.readNBytes(buf, 0, buf.length)) > 0) {
                    int n = read / (2 * ch);
                    for (int i = 0; i < n; i++) {
                        for (int c = 0; c < ch; c++) {
                            int o = 2 * (i * ch + c);
                            block[c][i] = (short) ((buf[o] & 0xff) | (buf[o + 1] << 8)) / 32768f;
                        }
                    }
                    lm.accept(block, n);
                    tp.accept(block, n);
                }
                LoudnessStats r = lm.result().withPeaks(tp);
                System.out.printf("%s: I %.2f LUFS, LRA %.2f LU, M max %.2f, S max %.2f, TP %.2f dBTP, SP %.2f dBFS (%.2f s)%n",
                        path, r.integratedLufs(), r.loudnessRangeLu(), r.momentaryMaxLufs(), r.shortTermMaxLufs(),
                        r.truePeakDbtp(), r.samplePeakDbfs(), (System.nanoTime() - t0) / 1e9);
            }
        }
    }
}
