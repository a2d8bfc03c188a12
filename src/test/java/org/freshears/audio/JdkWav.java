package org.freshears.audio;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.spi.AudioFileReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ServiceLoader;

/**
 * Test-only WAV reader through the JDK's own {@code javax.sound.sampled} readers (tried one by one: with the
 * mp3/ogg plug-ins on the class path, {@code AudioSystem.getAudioInputStream} trips over float WAVs).
 * PCM samples come back as raw integers, float samples as they are.
 */
public final class JdkWav {
    public record Wav(int sampleRate, int bits, boolean isFloat, double[][] samples) {
    }

    private JdkWav() {
    }

    public static Wav read(Path path) throws IOException {
        IOException last = null;
        for (AudioFileReader reader : ServiceLoader.load(AudioFileReader.class)) {
            if (!reader.getClass().getName().startsWith("com.sun.media.sound")) continue;
            try (AudioInputStream in = reader.getAudioInputStream(path.toFile())) {
                return decode(in);
            } catch (javax.sound.sampled.UnsupportedAudioFileException e) {
                last = new IOException(e);
            }
        }
        throw last != null ? last : new IOException("no JDK reader");
    }

    private static Wav decode(AudioInputStream in) throws IOException {
        AudioFormat f = in.getFormat();
        int ch = f.getChannels(), bytes = f.getSampleSizeInBits() / 8;
        boolean isFloat = f.getEncoding() == AudioFormat.Encoding.PCM_FLOAT;
        if (!isFloat && f.getEncoding() != AudioFormat.Encoding.PCM_SIGNED) throw new IOException("unexpected " + f);
        byte[] all = in.readAllBytes();
        int frames = all.length / (ch * bytes);
        ByteBuffer b = ByteBuffer.wrap(all).order(f.isBigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        double[][] s = new double[ch][frames];
        for (int i = 0; i < frames; i++) {
            for (int c = 0; c < ch; c++) {
                s[c][i] = switch (bytes) {
                    case 2 -> b.getShort();
                    case 3 -> {
                        int lo = b.get() & 0xFF, mid = b.get() & 0xFF, hi = b.get();
                        yield f.isBigEndian() ? ((lo << 24) >> 8 | mid << 8 | (hi & 0xFF)) : (hi << 16 | mid << 8 | lo);
                    }
                    case 4 -> isFloat ? b.getFloat() : b.getInt();
                    default -> throw new IOException("unexpected sample size " + bytes);
                };
            }
        }
        return new Wav((int) f.getSampleRate(), f.getSampleSizeInBits(), isFloat, s);
    }
}
