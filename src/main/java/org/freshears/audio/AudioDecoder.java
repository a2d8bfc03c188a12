package org.freshears.audio;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/** Opens audio files (interim: 16/24-bit PCM WAV through the JDK, until the full decoder lands). */
public final class AudioDecoder {
    private AudioDecoder() {}

    public static AudioSource open(Path path) throws UnreadableAudioException {
        if (!Files.isRegularFile(path)) throw new UnreadableAudioException(path + ": no such file");
        try {
            AudioInputStream in = AudioSystem.getAudioInputStream(new BufferedInputStream(Files.newInputStream(path), 1 << 16));
            AudioFormat f = in.getFormat();
            if (f.getEncoding() != AudioFormat.Encoding.PCM_SIGNED || f.isBigEndian()
                    || (f.getSampleSizeInBits() != 16 && f.getSampleSizeInBits() != 24)) {
                in.close();
                throw new UnreadableAudioException(path + ": unsupported encoding " + f);
            }
            int ch = f.getChannels();
            int bytes = f.getSampleSizeInBits() / 8;
            AudioInfo info = new AudioInfo((int) f.getSampleRate(), ch, "wav", "pcm" + f.getSampleSizeInBits(), in.getFrameLength());
            return new AudioSource() {
                final List<String> warnings = new ArrayList<>();
                byte[] buf = new byte[0];

                public AudioInfo info() { return info; }

                public int read(float[][] dst, int maxFrames) throws IOException {
                    int frameBytes = ch * bytes;
                    if (buf.length < maxFrames * frameBytes) buf = new byte[maxFrames * frameBytes];
                    int got = in.readNBytes(buf, 0, maxFrames * frameBytes);
                    int frames = got / frameBytes;
                    if (frames == 0) return -1;
                    for (int i = 0, p = 0; i < frames; i++) {
                        for (int c = 0; c < ch; c++, p += bytes) {
                            int v = bytes == 2 ? (short) ((buf[p] & 0xff) | (buf[p + 1] << 8))
                                    : ((buf[p] & 0xff) | ((buf[p + 1] & 0xff) << 8) | (buf[p + 2] << 16));
                            dst[c][i] = bytes == 2 ? v / 32768f : v / 8388608f;
                        }
                    }
                    return frames;
                }

                public List<String> warnings() { return warnings; }

                public void close() throws IOException { in.close(); }
            };
        } catch (UnsupportedAudioFileException | IOException e) {
            throw new UnreadableAudioException(path + ": not a readable audio file (" + e.getMessage() + ")");
        }
    }
}
