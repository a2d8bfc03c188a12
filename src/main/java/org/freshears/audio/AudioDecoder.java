package org.freshears.audio;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Opens any audio file a producer is likely to have as a streaming {@link AudioSource}. The format is
 * identified by content, never by the file name: WAV (incl. WAVE_FORMAT_EXTENSIBLE, RF64/BW64) and AIFF/AIFF-C
 * are parsed by our own code; FLAC, MP3 and Ogg Vorbis are decoded by jflac, JLayer and JOrbis.
 *
 * <p>Every input that cannot be decoded at all raises {@link UnreadableAudioException} with one line naming
 * the file and the reason. A file that breaks part way decodes up to the break and records a warning. Damage in
 * the middle of an MP3 or Ogg Vorbis stream is skipped with a warning saying where and how much; when the stream
 * proves how long the lost stretch was, silence takes its place so that later times stay right.
 */
public final class AudioDecoder {
    private static final int STREAM_BUFFER = 1 << 16;

    private AudioDecoder() {
    }

    /** Opens {@code path}, naming it by its file name in messages. */
    public static AudioSource open(Path path) throws UnreadableAudioException {
        Path file = path.getFileName();
        return open(path, file == null ? path.toString() : file.toString());
    }

    /**
     * Opens {@code path}, naming it {@code displayName} in messages (e.g. the name of an uploaded file).
     *
     * @throws UnreadableAudioException when the file is missing, empty, not audio, or in a format we do not read
     */
    public static AudioSource open(Path path, String displayName) throws UnreadableAudioException {
        String name = displayName;
        if (Files.isDirectory(path)) throw new UnreadableAudioException(name + ": is a folder, not an audio file");
        FileChannel ch;
        try {
            ch = FileChannel.open(path, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new UnreadableAudioException(name + ": file not found");
        } catch (AccessDeniedException e) {
            throw new UnreadableAudioException(name + ": permission denied");
        } catch (IOException e) {
            throw new UnreadableAudioException(name + ": cannot open (" + e.getMessage() + ")", e);
        }
        return openOrClose(ch, -1, name, false);
    }

    /**
     * Opens a file that is still being written (an upload as it arrives) through a channel whose reads wait for
     * the bytes they ask for, given an upper bound of its final size. Only formats whose decoding reads the file
     * from front to back qualify: WAV, AIFF, FLAC and MP3 (Ogg Vorbis needs the file's end to know its length).
     * Which header fields are read depends on the size, so a caller must check the result against the whole
     * file opened with {@link #open(Path, String)}. The channel is closed with the source, or here on failure.
     *
     * @throws UnreadableAudioException when the start is not audio, or the format needs the whole file first
     */
    public static AudioSource openGrowing(FileChannel ch, long sizeBound, String name) throws UnreadableAudioException {
        return openOrClose(ch, sizeBound, name, true);
    }

    /** Opens the file on {@code ch} (of the channel's own size when not growing), closing the channel on failure. */
    private static AudioSource openOrClose(FileChannel ch, long sizeBound, String name, boolean growing)
            throws UnreadableAudioException {
        try {
            return open(ch, growing ? sizeBound : ch.size(), name, growing);
        } catch (UnreadableAudioException e) {
            closeQuietly(ch);
            throw e;
        } catch (IOException | RuntimeException e) {
            closeQuietly(ch);
            throw new UnreadableAudioException(name + ": cannot read (" + e + ")", e);
        }
    }

    private static AudioSource open(FileChannel ch, long size, String name, boolean growing)
            throws IOException, UnreadableAudioException {
        ByteBuffer probe = FileBytes.readAt(ch, 0, (int) Math.min(size, FormatSniffer.PROBE_BYTES), ByteOrder.BIG_ENDIAN);
        byte[] head = new byte[probe.limit()];
        probe.get(head);
        FormatSniffer.Sniffed found = FormatSniffer.sniff(head, head.length, name);
        if (growing && found.kind() == FormatSniffer.Kind.OGG_VORBIS) {
            throw new UnreadableAudioException(name + ": Ogg Vorbis is read only once the whole file is there");
        }
        return switch (found.kind()) {
            case WAV -> new PcmSource(ch, WavParser.parse(ch, size, name));
            case AIFF -> new PcmSource(ch, AiffParser.parse(ch, size, name));
            case FLAC -> new FlacSource(stream(ch, found.offset()), name);
            case MP3 -> new Mp3Source(stream(ch, found.offset()), MpegHeader.parse(head, found.offset()),
                    XingTag.read(head, head.length, found.offset()));
            case OGG_VORBIS -> new VorbisSource(stream(ch, 0), OggTail.lastGranule(ch, size), name);
        };
    }

    private static InputStream stream(FileChannel ch, long offset) throws IOException {
        ch.position(offset);
        return new BufferedInputStream(Channels.newInputStream(ch), STREAM_BUFFER);
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // nothing more to do for a file we are rejecting
        }
    }
}
