package org.freshears.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * Our own RIFF/RF64/BW64 WAVE header parser. It walks the chunk list to {@code fmt } and {@code data},
 * skipping anything else, and copes with what real files get wrong: missing pad bytes, a data size of 0 or
 * 0xFFFFFFFF left by streaming writers, and data sizes larger than the file (truncated copies). The channel
 * positions come from the WAVE_FORMAT_EXTENSIBLE channel mask ({@link ChannelLayout#fromWaveMask}); a plain
 * PCM or float header, or mask 0, states none ({@link ChannelLayout#byCount}).
 */
final class WavParser {
    private static final long NO_SIZE = 0xFFFFFFFFL;

    private WavParser() {
    }

    static PcmLayout parse(FileChannel ch, long fileSize, String name) throws IOException, UnreadableAudioException {
        ByteBuffer head = FileBytes.readAt(ch, 0, 12, ByteOrder.LITTLE_ENDIAN);
        String riff = FileBytes.fourCc(head, 0);
        boolean rf64 = riff.equals("RF64") || riff.equals("BW64");
        List<String> warnings = new ArrayList<>();
        Fmt fmt = null;
        long ds64Data = -1;
        long dataStart = -1;
        long dataSize = 0;
        long pos = 12;
        while (pos + 8 <= fileSize) {
            ByteBuffer hdr = FileBytes.readAt(ch, pos, 8, ByteOrder.LITTLE_ENDIAN);
            String id = FileBytes.fourCc(hdr, 0);
            long size = FileBytes.u32(hdr, 4);
            if (id.equals("ds64") && size >= 16) {
                ds64Data = FileBytes.readAt(ch, pos + 8, 16, ByteOrder.LITTLE_ENDIAN).getLong(8);
            } else if (id.equals("fmt ")) {
                fmt = Fmt.read(FileBytes.readAt(ch, pos + 8, (int) Math.min(size, 40), ByteOrder.LITTLE_ENDIAN), name);
            } else if (id.equals("data")) {
                dataStart = pos + 8;
                dataSize = size == NO_SIZE && rf64 && ds64Data >= 0 ? ds64Data : size;
                break;
            }
            pos = nextChunk(ch, fileSize, pos, size);
        }
        if (fmt == null) {
            throw new UnreadableAudioException(name + ": WAV file has no format (fmt) chunk; it is damaged or incomplete");
        }
        PcmEncoding enc = fmt.encoding(name);
        int frameBytes = fmt.channels * enc.bytes;
        if (fmt.blockAlign != frameBytes) {
            warnings.add("WAV header declares " + fmt.blockAlign + " bytes per frame; using " + frameBytes);
        }
        if (dataStart < 0) {
            warnings.add("WAV file has no data chunk: it holds no audio");
            return new PcmLayout("wav", enc, fmt.channels, fmt.sampleRate, frameBytes, fileSize, 0, -1, warnings,
                    fmt.channelLayout());
        }
        long available = fileSize - dataStart;
        long readable;
        long declaredFrames;
        if ((dataSize == 0 && available > 0 && !chunkFollows(ch, dataStart)) || dataSize == NO_SIZE) {
            readable = available;
            declaredFrames = -1;
            warnings.add("WAV header gives no data size (written by a streaming recorder?); read the audio up to the end of the file");
        } else if (dataSize > available) {
            readable = available;
            declaredFrames = dataSize / frameBytes;
        } else {
            readable = dataSize;
            declaredFrames = dataSize / frameBytes;
            if (dataSize % frameBytes != 0) {
                warnings.add("ignored " + dataSize % frameBytes + " trailing bytes (an incomplete frame)");
            }
        }
        return new PcmLayout("wav", enc, fmt.channels, fmt.sampleRate, frameBytes, dataStart, readable, declaredFrames, warnings,
                fmt.channelLayout());
    }

    /** The start of the chunk after the one at {@code pos}; tolerates writers that forget the pad byte. */
    private static long nextChunk(FileChannel ch, long fileSize, long pos, long size) throws IOException {
        long next = pos + 8 + size;
        if ((size & 1) == 0) return next;
        ByteBuffer probe = FileBytes.readAt(ch, next, 5, ByteOrder.LITTLE_ENDIAN);
        boolean padded = FileBytes.plausibleChunkId(probe, 1);
        boolean unpadded = FileBytes.plausibleChunkId(probe, 0);
        return unpadded && !padded ? next : next + 1;
    }

    private static boolean chunkFollows(FileChannel ch, long pos) throws IOException {
        ByteBuffer probe = FileBytes.readAt(ch, pos, 8, ByteOrder.LITTLE_ENDIAN);
        return probe.limit() == 8 && FileBytes.plausibleChunkId(probe, 0);
    }

    /**
     * The fields of a {@code fmt } chunk that decoding needs; {@code channelMask} is WAVE_FORMAT_EXTENSIBLE's
     * dwChannelMask, or 0 when the header has none.
     */
    private record Fmt(int tag, int channels, int sampleRate, int blockAlign, int bits, long channelMask) {

        static Fmt read(ByteBuffer b, String name) throws UnreadableAudioException {
            if (b.limit() < 16) throw new UnreadableAudioException(name + ": WAV format chunk is too short (" + b.limit() + " bytes)");
            int tag = FileBytes.u16(b, 0);
            long mask = tag == 0xFFFE && b.limit() >= 24 ? FileBytes.u32(b, 20) : 0;
            if (tag == 0xFFFE && b.limit() >= 26) tag = FileBytes.u16(b, 24);
            int channels = FileBytes.u16(b, 2);
            long rate = FileBytes.u32(b, 4);
            if (channels == 0) throw new UnreadableAudioException(name + ": WAV header declares 0 channels");
            if (rate == 0) throw new UnreadableAudioException(name + ": WAV header declares a sample rate of 0 Hz");
            if (rate > Integer.MAX_VALUE) throw new UnreadableAudioException(name + ": WAV header declares an impossible sample rate of " + rate + " Hz");
            return new Fmt(tag, channels, (int) rate, FileBytes.u16(b, 12), FileBytes.u16(b, 14), mask);
        }

        ChannelLayout channelLayout() {
            return ChannelLayout.fromWaveMask(channelMask, channels);
        }

        PcmEncoding encoding(String name) throws UnreadableAudioException {
            int containerBytes = bits > 0 ? (bits + 7) / 8 : blockAlign % channels == 0 ? blockAlign / channels : 0;
            if (tag == 1) {
                switch (containerBytes) {
                    case 1: return PcmEncoding.U8;
                    case 2: return PcmEncoding.S16LE;
                    case 3: return PcmEncoding.S24LE;
                    case 4: return PcmEncoding.S32LE;
                    default: throw new UnreadableAudioException(name + ": WAV with " + bits + "-bit integer samples is not supported");
                }
            }
            if (tag == 3) {
                if (bits == 32) return PcmEncoding.F32LE;
                if (bits == 64) return PcmEncoding.F64LE;
                throw new UnreadableAudioException(name + ": WAV with " + bits + "-bit float samples is not supported");
            }
            throw new UnreadableAudioException(name + ": WAV with " + codecName(tag) + " encoding is not supported; convert to PCM WAV or FLAC");
        }

        private static String codecName(int tag) {
            return switch (tag) {
                case 0x0002 -> "Microsoft ADPCM";
                case 0x0006 -> "A-law";
                case 0x0007 -> "µ-law";
                case 0x0011 -> "IMA ADPCM";
                case 0x0031 -> "GSM 6.10";
                case 0x0050 -> "MPEG audio";
                case 0x0055 -> "MP3";
                case 0x00FF, 0x1600, 0x1610 -> "AAC";
                case 0x0160, 0x0161, 0x0162, 0x0163 -> "WMA";
                case 0x2000 -> "AC-3";
                default -> String.format("unknown (format tag 0x%04X)", tag);
            };
        }
    }
}
