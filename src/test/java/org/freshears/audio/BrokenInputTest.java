package org.freshears.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs that are not decodable audio fail with one clear line naming the file and the reason. */
class BrokenInputTest {
    @TempDir
    Path dir;

    private String failure(String name, byte[] bytes) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return assertThrows(UnreadableAudioException.class, () -> AudioDecoder.open(file)).getMessage();
    }

    @Test
    void emptyFile() throws Exception {
        assertEquals("mix.wav: empty file (0 bytes)", failure("mix.wav", new byte[0]));
    }

    @Test
    void textFile() throws Exception {
        assertEquals("notes.mp3: this is a text file, not audio",
                failure("notes.mp3", "Verse 1\nLyrics go here… ünïcode too\n".repeat(300).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void randomBytes() throws Exception {
        byte[] noise = new byte[200_000];
        new Random(42).nextBytes(noise);
        String message = failure("noise.flac", noise);
        assertEquals("noise.flac: not a recognised audio file (we read WAV, AIFF, FLAC, MP3 and Ogg Vorbis)", message);
    }

    @Test
    void unsupportedFormatsAreNamed() throws Exception {
        byte[] opus = new byte[64];
        System.arraycopy("OggS".getBytes(StandardCharsets.US_ASCII), 0, opus, 0, 4);
        opus[26] = 1;
        opus[27] = 19;
        System.arraycopy("OpusHead".getBytes(StandardCharsets.US_ASCII), 0, opus, 28, 8);
        assertEquals("song.ogg: Opus is not supported; convert to FLAC or WAV", failure("song.ogg", opus));
        byte[] m4a = new byte[64];
        System.arraycopy("....ftypM4A ".getBytes(StandardCharsets.US_ASCII), 0, m4a, 0, 12);
        assertTrue(failure("song.m4a", m4a).startsWith("song.m4a: MP4/M4A audio (AAC or ALAC) is not supported"));
    }

    @Test
    void missingFileAndFolder() {
        var e = assertThrows(UnreadableAudioException.class, () -> AudioDecoder.open(dir.resolve("gone.wav")));
        assertEquals("gone.wav: file not found", e.getMessage());
        e = assertThrows(UnreadableAudioException.class, () -> AudioDecoder.open(dir, "uploads"));
        assertEquals("uploads: is a folder, not an audio file", e.getMessage());
    }
}
